"""The Question record every kind shares, the kinds and their Chinese names."""

from __future__ import annotations

from dataclasses import dataclass

from studycli.deck.refs import Source

KINDS = ("cloze", "choice", "multi", "judge", "recite", "list", "term", "source", "belongs")
# What users may type for a kind besides its English name.
KIND_ALIASES = {
    "填空": "cloze",
    "单选": "choice",
    "多选": "multi",
    "判断": "judge",
    "默写": "recite",
    "列举": "list",
    "名词": "term",
    "出处": "source",
    "归类": "belongs",
}
# Each kind's name in the quiz header and listings (名词解释, not the --kind alias 名词).
KIND_TITLES = {
    "cloze": "填空",
    "choice": "单选",
    "multi": "多选",
    "judge": "判断",
    "recite": "默写",
    "list": "列举",
    "term": "名词解释",
    "source": "出处",
    "belongs": "归类",
}
# Kinds answered by picking one option by its letter.
SINGLE_OPTION_KINDS = frozenset({"choice", "source", "belongs"})
LETTERS = "ABCDEFGH"
TRUE_WORD, FALSE_WORD = "对", "错"
BLANK = "____"  # a cloze gap (quiz.cloze uses this one)


@dataclass(frozen=True, kw_only=True)
class Question:
    """One question: what is shown, what is expected, and where it comes from.

    ``flags`` hold the quality gate's reasons (Chinese) for never asking it;
    ``weight`` is how much a session wants it (core points 1.0, regional trivia less).
    ``explanation`` is what feedback quotes besides the answer (a judge question's
    true statement).
    """

    id: str
    item_id: str
    kind: str
    topics: tuple[str, ...]
    prompt: str
    answer: str
    expected: tuple[str, ...]
    answer_words: tuple[str, ...]
    source: Source
    fingerprint: str
    ordered: bool = False
    blanks: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    # Per expected part, other wordings graded as equal (a list entry's full text).
    accepted: tuple[tuple[str, ...], ...] = ()
    # For grading (quiz.marking): the source sentences holding the answer, whose words
    # next to it are fair around it, and rival answers that make it wrong when present.
    context: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    weight: float = 1.0
    explanation: str = ""

    def display_prompt(self, hint_length: bool = False) -> str:
        """The prompt; with ``hint_length`` each blank shows one □ per missing character.

        A recitation shows 首字提示 instead: each clause's first character, then □s.
        """
        if hint_length and self.kind == "recite":
            return f"{self.prompt}\n提示:{first_char_hint(self.answer)}"
        if not hint_length or BLANK not in self.prompt:
            return self.prompt
        from studycli.text import is_punctuation

        fills = list(self.blanks) if self.blanks else [self.answer] * self.prompt.count(BLANK)
        pieces = self.prompt.split(BLANK)
        out = [pieces[0]]
        for index, piece in enumerate(pieces[1:]):
            fill = fills[index] if index < len(fills) else ""
            length = sum(1 for ch in fill if not is_punctuation(ch) and not ch.isspace())
            out.append("□" * max(length, 1) + piece)
        return "".join(out)

    @property
    def answer_letter(self) -> str | None:
        """For a one-option question, the letter of the right option (A, B …)."""
        if self.kind not in SINGLE_OPTION_KINDS or self.answer not in self.options:
            return None
        return LETTERS[self.options.index(self.answer)]

    @property
    def answer_letters(self) -> str:
        """For a multi question, the letters of every right option (ACD)."""
        return "".join(LETTERS[i] for i, o in enumerate(self.options) if o in self.expected)

    @property
    def asked(self) -> bool:
        """True when the quality gate let the question through."""
        return not self.flags

    def to_dict(self) -> dict:
        """The question as plain data (JSON)."""
        return {
            "id": self.id,
            "item": self.item_id,
            "kind": self.kind,
            "topics": list(self.topics),
            "prompt": self.prompt,
            "answer": self.answer,
            "expected": list(self.expected),
            "answer_words": list(self.answer_words),
            "ordered": self.ordered,
            "blanks": list(self.blanks),
            "options": list(self.options),
            "accepted": [list(a) for a in self.accepted],
            "context": list(self.context),
            "rivals": list(self.rivals),
            "source": {"article": self.source.article, "section": self.source.section},
            "fingerprint": self.fingerprint,
            "flags": list(self.flags),
            "weight": self.weight,
            "explanation": self.explanation,
        }


def first_char_hint(text: str, every: int = 6) -> str:
    """Each clause's first character kept (and one in ``every`` of a long clause), rest □."""
    from studycli.text import is_punctuation

    out: list[str] = []
    run = 0
    for ch in text:
        if is_punctuation(ch) or ch.isspace():
            out.append(ch)
            run = 0
        else:
            out.append(ch if run % every == 0 else "□")
            run += 1
    return "".join(out)


def kind_name(kind: str) -> str:
    """The English kind for a kind or its Chinese alias (多选 → multi)."""
    return KIND_ALIASES.get(kind, kind)
