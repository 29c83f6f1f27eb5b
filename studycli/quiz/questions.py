"""Question generation from the content model: cloze, choice, list and term, seeded."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from studycli.deck.model import (
    Deck,
    Definition,
    Fact,
    Framework,
    Item,
    ListItem,
    Quote,
    Source,
)
from studycli.quiz.cards import Flashcard, generate_cards
from studycli.quiz.cloze import BLANK, choose_blank_sets, render_cloze
from studycli.quiz.options import OptionPools, pick_options
from studycli.quiz.segments import Segments, segment_deck
from studycli.quiz.wording import facet_question, facet_stem, is_concept, is_verb_like, term_labels
from studycli.text import display_term, is_punctuation, split_pieces

__all__ = [
    "KINDS",
    "Flashcard",
    "Question",
    "generate_cards",
    "generate_questions",
    "pick_questions",
]

KINDS = ("cloze", "choice", "list", "term")
LETTERS = "ABCDEFGH"


@dataclass(frozen=True, kw_only=True)
class Question:
    """One question: what is shown, what is expected, and where it comes from."""

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

    def display_prompt(self, hint_length: bool = False) -> str:
        """The prompt; with ``hint_length`` each blank shows one □ per missing character."""
        if not hint_length or BLANK not in self.prompt:
            return self.prompt
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
        """For a choice question, the letter of the right option (A, B …)."""
        if self.kind != "choice" or self.answer not in self.options:
            return None
        return LETTERS[self.options.index(self.answer)]

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
        }


def generate_questions(
    deck: Deck,
    items: Sequence[Item],
    *,
    kinds: Collection[str] | None = None,
    rng: random.Random,
    segments: Segments | None = None,
) -> list[Question]:
    """Every question the items can produce, in item order; ``rng`` only orders options."""
    wanted = set(KINDS if kinds is None else kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown question kinds: {sorted(unknown)}")
    if segments is None:
        segments = segment_deck(deck)
    # One draw from the caller's rng seeds every question's own generator, so a
    # question's options do not depend on which other questions were generated.
    seed = rng.getrandbits(64)
    builder = _Builder(deck, segments, seed)
    out: list[Question] = []
    for item in items:
        out += [q for q in builder.questions(item) if q.kind in wanted]
    from studycli.quiz.marking import add_marking  # grading's data: variants, context, rivals

    return add_marking(deck, out)


def pick_questions(questions: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """A seeded sample of ``count`` questions, spread over as many items as possible."""
    by_item: dict[str, list[Question]] = {}
    for question in questions:
        by_item.setdefault(question.item_id, []).append(question)
    groups = list(by_item.values())
    for group in groups:
        rng.shuffle(group)
    rng.shuffle(groups)
    picked: list[Question] = []
    depth = 0
    while len(picked) < count and any(depth < len(g) for g in groups):
        for group in groups:
            if depth < len(group) and len(picked) < count:
                picked.append(group[depth])
        depth += 1
    return picked


class _Builder:
    """Makes the questions of one item, with the deck at hand for distractors."""

    def __init__(self, deck: Deck, segments: Segments, seed: int):
        self.deck = deck
        self.segments = segments
        self.keywords = segments.keywords
        self.seed = seed
        self.labels = term_labels(deck)
        self.pools = OptionPools(deck)
        self.df = _document_frequency(segments)
        # A name found in more than 1% of the deck's texts is too common to be a key word.
        self.common_df = max(10, len(segments.texts()) // 100)

    # --- helpers -------------------------------------------------------------

    def words_of(self, *texts: str) -> tuple[str, ...]:
        """The words of the texts from the cached segmentation, punctuation dropped."""
        out: list[str] = []
        for text in texts:
            out += [w for w in self.segments.words(text) if _is_word(w)]
        return tuple(out)

    def make(self, item: Item, kind: str, slug: str, **fields) -> Question:
        expected = fields.pop("expected", None) or (fields["answer"],)
        words = fields.pop("answer_words", None) or self.words_of(*expected)
        return Question(
            id=f"{item.id}:{kind}:{slug}",
            item_id=item.id,
            kind=kind,
            topics=item.topics,
            source=item.source,
            fingerprint=item.fingerprint,
            expected=tuple(expected),
            answer_words=words,
            **fields,
        )

    def rng_for(self, item: Item, slug: str) -> random.Random:
        return random.Random(f"{self.seed}:{item.id}:{slug}")

    def clozes(
        self, item: Item, slug: str, text: str, prefix: str = "", suffix: str = "", **how
    ) -> list[Question]:
        words = self.segments.words(text)
        sets = choose_blank_sets(
            words,
            prefix=prefix,
            suffix=suffix,
            keywords=self.keywords,
            df=self.df,
            common_df=self.common_df,
            **how,
        )
        out = []
        for number, chosen in enumerate(sets, 1):
            prompt, blanks = render_cloze(prefix, words, set(chosen), suffix)
            visible_body = "".join(w for i, w in enumerate(words) if i not in chosen)
            if len(blanks) == 1 and not any(ch.isalnum() for ch in visible_body):
                continue  # the whole text is one blank: that is a term question, not a cloze
            out.append(
                self.make(
                    item,
                    "cloze",
                    slug if number == 1 else f"{slug}-{number}",
                    prompt=prompt,
                    answer="、".join(blanks),
                    expected=blanks,
                    blanks=blanks,
                    ordered=True,
                    answer_words=blanks,
                )
            )
        return out

    def choice(
        self, item: Item, slug: str, prompt: str, answer: str, tiers, exclude=()
    ) -> list[Question]:
        picked = pick_options(
            answer, tiers, self.rng_for(item, slug), prompt=prompt, exclude=exclude
        )
        if picked is None:
            return []
        return [self.make(item, "choice", slug, prompt=prompt, answer=answer, options=picked)]

    def list_question(self, item, slug, prompt, labels, ordered, texts=()) -> Question:
        accepted = tuple(
            (t,) if t != label else () for label, t in zip(labels, texts, strict=False)
        )
        return self.make(
            item,
            "list",
            slug,
            prompt=prompt,
            answer="、".join(labels),
            expected=tuple(labels),
            ordered=ordered,
            accepted=accepted,
        )

    # --- per kind --------------------------------------------------------------

    def questions(self, item: Item) -> list[Question]:
        """All questions of one item in a stable order: cloze, choice, list, term."""
        if isinstance(item, Quote):
            return self.quote(item)
        if isinstance(item, Definition):
            return self.definition(item)
        if isinstance(item, ListItem):
            return self.list_item(item)
        if isinstance(item, Framework):
            return self.framework(item)
        if isinstance(item, Fact):
            return self.fact(item)
        return []

    def quote(self, item: Quote) -> list[Question]:
        suffix = f"”——{item.speaker}"
        out = self.clozes(item, "text", item.text, prefix="“", suffix=suffix)
        if out:
            # The choice asks for the first cloze's most telling blank.
            first = out[0]
            words = self.segments.words(item.text)
            target = max(first.blanks, key=lambda b: (len(b), -first.blanks.index(b)))
            index = words.index(target)
            prompt, _ = render_cloze("“", words, {index}, suffix)
            out += self.choice(item, "text", prompt, target, self.pools.words_like(item, target))
        return out

    def definition(self, item: Definition) -> list[Question]:
        term = self.labels[item.id]
        bare = display_term(item.term)
        out = self.clozes(
            item, "meaning", item.meaning, prefix="" if bare in item.meaning else f"{term}:"
        )
        for facet in item.facets:
            out += self.clozes(
                item,
                f"facet-{facet.name}",
                facet.text,
                prefix=f"{facet_stem(term, facet.name)}:",
                primary=split_pieces(facet.text),
            )
        for facet in item.facets:
            out += self.choice(
                item,
                f"facet-{facet.name}",
                facet_question(term, facet.name),
                facet.text,
                self.pools.facets_like(item, facet),
            )
        # Asking "which concept" only makes sense for a term that names one.
        concept = is_concept(bare)
        masked = item.meaning.replace(bare, BLANK)
        ask_term = f"哪个概念的含义是:“{masked}”?"
        if concept:
            out += self.choice(item, "term", ask_term, bare, self.pools.terms_like(item))
        names = Counter(f.name for f in item.facets)
        for facet in item.facets:
            out.append(
                self.make(
                    item,
                    "term",
                    f"facet-{facet.name}",
                    prompt=facet_question(term, facet.name),
                    answer=facet.text,
                    expected=tuple(split_pieces(facet.text)),
                    ordered=False,
                )
            )
            if names[facet.name] == 1 and len(item.facets) > 1 and not is_verb_like(facet.name):
                out.append(
                    self.make(
                        item,
                        "term",
                        f"facet-{facet.name}-name",
                        prompt=f"“{facet.text}”是{term}的什么?",
                        answer=facet.name,
                    )
                )
        if concept:
            out.append(self.make(item, "term", "meaning", prompt=ask_term, answer=bare))
        return out

    def list_item(self, item: ListItem) -> list[Question]:
        out: list[Question] = []
        for number, entry in enumerate(item.entries, 1):
            where = f"第{number}项" if item.ordered else "之一"
            prefix = f"{item.name}·{where}:" if item.ordered else f"{item.name}{where}:"
            out += self.clozes(item, f"entry-{number}", entry.text, prefix=prefix)
        labels = [e.label for e in item.entries]
        own = [x for e in item.entries for x in (e.label, e.text)]
        for number, entry in enumerate(item.entries, 1):
            if item.ordered:
                prompt = f"{item.name}的第{number}项是?"
                tiers = [
                    [e.label for e in item.entries if e is not entry],
                    *self.pools.labels_like(item),
                ]
                exclude = [entry.text]
            else:
                prompt = f"下列哪一项属于“{item.name}”?"
                tiers = self.pools.labels_like(item)
                exclude = own
            out += self.choice(item, f"entry-{number}", prompt, entry.label, tiers, exclude)
        how = "按顺序写出" if item.ordered else "写出"
        out.append(
            self.list_question(
                item,
                "all",
                f"{how}{item.name}(共 {len(labels)} 项)。",
                labels,
                item.ordered,
                [e.text for e in item.entries],
            )
        )
        return out

    def framework(self, item: Framework) -> list[Question]:
        out = self.clozes(
            item,
            "summary",
            item.summary,
            prefix="" if item.name in item.summary else f"{item.name}:",
        )
        for number, part in enumerate(item.parts, 1):
            if part.text:
                out += self.clozes(
                    item, f"part-{number}", part.text, prefix=f"{item.name}·{part.role}:"
                )
        roles = item.roles()
        for number, part in enumerate(item.parts, 1):
            same = [p.label for p in item.parts if p.role == part.role]
            if len(same) == 1:
                prompt = f"“{item.name}”中的“{part.role}”指的是?"
            else:
                prompt = f"下列哪一项属于“{item.name}”中的“{part.role}”?"
            others = [p.label for p in item.parts if p.role != part.role]
            tiers = [others, *self.pools.labels_like(item)]
            out += self.choice(item, f"part-{number}", prompt, part.label, tiers, same)
        for role in roles:
            same = [p.label for p in item.parts if p.role == role]
            if len(same) > 1:
                out.append(
                    self.list_question(
                        item,
                        f"role-{role}",
                        f"“{item.name}”中的“{role}”指哪几项?(共 {len(same)} 项)",
                        same,
                        False,
                    )
                )
        for role in roles:
            same = [p.label for p in item.parts if p.role == role]
            if len(same) == 1:
                out.append(
                    self.make(
                        item,
                        "term",
                        f"role-{role}",
                        prompt=f"“{item.name}”中的“{role}”指什么?",
                        answer=same[0],
                    )
                )
        if len(roles) > 1:
            for number, part in enumerate(item.parts, 1):
                out.append(
                    self.make(
                        item,
                        "term",
                        f"part-{number}",
                        prompt=f"“{part.label}”在“{item.name}”中属于哪一部分?",
                        answer=part.role,
                    )
                )
        return out

    def fact(self, item: Fact) -> list[Question]:
        pieces = [p for f in item.figures for p in split_pieces(f)]
        prefix = ""
        if item.subject and item.subject not in item.text and len(item.subject) <= 12:
            prefix = f"{item.subject}:"
        out = self.clozes(item, "text", item.text, prefix=prefix, primary=pieces, primary_only=True)
        words = self.segments.words(item.text)
        for number, piece in enumerate(pieces, 1):
            if words.count(piece) != 1:
                continue
            prompt, _ = render_cloze(prefix, words, {words.index(piece)})
            if piece in prompt:
                continue
            out += self.choice(
                item, f"figure-{number}", prompt, piece, self.pools.figures_like(item, piece)
            )
        return out


def _is_word(word: str) -> bool:
    return any(not is_punctuation(ch) and not ch.isspace() for ch in word)


def _document_frequency(segments: Segments) -> Counter:
    """In how many of the deck's texts each word occurs: rare words make better blanks."""
    df: Counter = Counter()
    for words in segments.texts().values():
        df.update(set(words))
    return df
