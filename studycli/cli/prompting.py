"""What a person can type at an answer prompt besides an answer: skip, hint, quit, override.

At a terminal: Enter or 跳过 skips (not a mistake), ? or 提示 shows a hint (the answer's
FSRS rating is then capped at Hard), q or 退出 ends the session with the score of what was
answered, ! (我答对了) overrules the last grade, and a letter that is not an option asks again.
Piped (the scriptable contract in the README): an empty line is an unanswered, wrong answer;
the words still work, a bad letter is graded like any answer.
"""

from __future__ import annotations

from dataclasses import dataclass

REMINDER = "回车跳过 · ? 提示 · q 结束 · ! 我答对了"

ANSWER, SKIP, HINT, QUIT, OVERRIDE, AGAIN = "answer", "skip", "hint", "quit", "override", "again"

_WORDS = {
    **dict.fromkeys(("跳过",), SKIP),
    **dict.fromkeys(("?", "？", "提示"), HINT),
    **dict.fromkeys(("q", "Q", "退出", "quit"), QUIT),
    **dict.fromkeys(("!", "！", "我答对了"), OVERRIDE),
}


@dataclass(frozen=True)
class Reply:
    """What a line typed at the prompt means: a command, or an answer (``text``)."""

    command: str
    text: str = ""
    note: str = ""  # why the prompt asks again


def parse_reply(raw: str, *, interactive: bool, letters: str = "") -> Reply:
    """The meaning of one line typed at an answer prompt (``letters``: a choice's options)."""
    stripped = raw.strip()
    if not stripped:
        return Reply(SKIP) if interactive else Reply(ANSWER, raw)
    command = _WORDS.get(stripped)
    if command is not None:
        return Reply(command)
    if (
        interactive
        and letters
        and _looks_like_letter(stripped)
        and not _is_option(stripped, letters)
    ):
        shown = "、".join(letters)
        return Reply(AGAIN, note=f"没有选项“{stripped}”:请输入 {shown} 之一。")
    return Reply(ANSWER, raw)


def _looks_like_letter(text: str) -> bool:
    return len(text) == 1 and text.isascii() and text.isalpha()


def _is_option(text: str, letters: str) -> bool:
    return text.upper() in letters.upper()


def option_letters(question) -> str:
    """The letters of a choice question's options ("ABCD"), "" for other kinds."""
    from studycli.quiz.question import LETTERS

    return LETTERS[: len(question.options)] if question.options else ""


def given_text(question, given: str) -> str:
    """What to save as the answer: for a choice answered by letter, the option's text.

    Letters are reshuffled the next time the question is asked, so the 错题本 keeps the text.
    """
    letters = option_letters(question)
    stripped = given.strip()
    if letters and len(stripped) == 1 and stripped.upper() in letters:
        return question.options[letters.index(stripped.upper())]
    return given


def make_hint(question) -> str:
    """A hint that leaves the recall to the learner.

    For a choice, two wrong options are ruled out; otherwise each expected part (each blank,
    each list entry) shows its first character and its length.
    """
    letters = option_letters(question)
    if letters:
        wrong = [letter for letter, text in zip(letters, question.options, strict=True)
                 if text != question.answer]  # fmt: skip
        out = wrong[: max(1, len(wrong) - 1)]
        return f"提示:可以排除 {'、'.join(out)}。"
    parts = list(question.blanks) if question.blanks else list(question.expected)
    if not parts:
        parts = [question.answer]
    shown = []
    for number, part in enumerate(parts, 1):
        head = part.strip()[:1] or "?"
        size = len(part.strip())
        label = (
            f"第 {number} 空"
            if question.blanks
            else (f"第 {number} 项" if len(parts) > 1 else "答案")
        )
        shown.append(f"{label}以“{head}”开头,共 {size} 字")
    return "提示:" + ";".join(shown) + "。"


def capped_rating(
    score: float, correct: bool, duration_s: float | None, hinted: bool
) -> int | None:
    """The FSRS rating to save: None lets scheduling derive it; after a hint at most Hard."""
    if not hinted:
        return None
    from studycli.memory.scheduling import HARD, rating_for

    return min(rating_for(score, correct, duration_s), HARD)


def override_last(session, outcomes: list):
    """The `!` command (“我答对了”): cli/override.py amends the last ✗ and says what it did.

    ``outcomes`` is the session's list so far; the override replaces its last entry.
    """
    from studycli.cli import override

    return override.accept_previous(session, outcomes)
