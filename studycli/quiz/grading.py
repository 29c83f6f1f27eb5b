"""Answer comparison: tolerant of form, strict on meaning; partial credit and word feedback.

Everything is compared in ``answer_key`` form (simplified script, no punctuation or
spaces, case-folded), with glossary aliases read as their term. No jieba here: the
word-level feedback uses the words cached on the question.

Multi-part answers (list entries, several blanks) are matched inside the whole
answer, so any separator, or none, works; each part is consumed once it is
found, longest first, so 劳动者 cannot also count inside 劳动者素质. Single answers
must match whole (only 的/地/得 and a leading 是/就是/即/指 are overlooked), so
一核两翼 does not pass for 两翼.

Ordered answers (ordered lists, cloze blanks) earn credit for the longest run of
parts given in the right relative order: all six measures with two swapped score
5/6, and the note says 顺序不对.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from studycli.deck.model import Term
from studycli.quiz.cloze import is_blankable
from studycli.quiz.questions import LETTERS, Question
from studycli.text import answer_key, is_figure

ORDER_NOTE = "顺序不对"
_FILLER = re.compile(r"[的地得]")
_LEAD = re.compile(r"^(?:答案是|答案|就是|即是|是指|是|即|指|为)")


@dataclass(frozen=True)
class PartResult:
    """One expected part (blank, entry, answer) and whether the answer holds it."""

    expected: str
    found: bool


@dataclass(frozen=True)
class WordMark:
    """One word of the expected answer and whether the answer holds it."""

    word: str
    found: bool


@dataclass(frozen=True)
class Grade:
    """The result of grading one answer: score 0..1, right or not, and what was missing."""

    score: float
    correct: bool
    parts: tuple[PartResult, ...]
    words: tuple[WordMark, ...]
    note: str | None = None


def grade_answer(question: Question, given: str | None, glossary: Sequence[Term] = ()) -> Grade:
    """Grade ``given`` against the question; an empty or missing answer scores 0."""
    from studycli.quiz.marking_kinds import MARKED_KINDS, mark_answer  # the examiner's kinds

    if question.kind in MARKED_KINDS:
        return mark_answer(question, given, Grade, PartResult)
    canon = _Canon(glossary)
    key = canon(answer_key(given or ""))
    if not key:
        return _grade(question, [False] * len(question.expected), 0.0, "", canon)
    if question.kind == "choice":
        return _grade_choice(question, key, canon)
    variants = [
        [canon(answer_key(text)) for text in (part, *_accepted(question, index))]
        for index, part in enumerate(question.expected)
    ]
    if len(variants) == 1:
        found = _same(key, variants[0])
        return _grade(question, [found], 1.0 if found else 0.0, key, canon)
    positions = _find_parts(key, variants)
    found = [p is not None for p in positions]
    score = sum(found) / len(found)
    note = None
    if question.ordered:
        in_order = _longest_ordered_run(positions)
        if in_order < sum(found):
            note = ORDER_NOTE
        score = in_order / len(found)
    return _grade(question, found, score, key, canon, note)


def _accepted(question: Question, index: int) -> tuple[str, ...]:
    """Other wordings accepted for part ``index`` (an entry's full text)."""
    return question.accepted[index] if index < len(question.accepted) else ()


def _grade(
    question: Question,
    found: list[bool],
    score: float,
    key: str,
    canon: _Canon,
    note: str | None = None,
) -> Grade:
    """Assemble the grade, marking each expected word found or missing in ``key``."""
    parts = tuple(PartResult(part, hit) for part, hit in zip(question.expected, found, strict=True))
    # Grammar words and punctuation say nothing about what was missed: compared are the rest.
    words = tuple(
        WordMark(word, bool(key) and canon(answer_key(word)) in key)
        for word in question.answer_words
        if is_blankable(word) or is_figure(word)
    )
    score = min(1.0, max(0.0, score))
    return Grade(score=score, correct=score == 1.0, parts=parts, words=words, note=note)


def _grade_choice(question: Question, key: str, canon: _Canon) -> Grade:
    """A choice is answered by its letter (either case, with or without the text) or its text."""
    options = [canon(answer_key(option)) for option in question.options]
    letters = LETTERS[: len(options)].casefold()
    chosen = None
    if len(key) == 1 and key in letters:
        chosen = letters.index(key)
    elif key[0] in letters and key[1:] and _same(key[1:], [options[letters.index(key[0])]]):
        chosen = letters.index(key[0])
    elif key in options:
        chosen = options.index(key)
    else:
        matches = [i for i, option in enumerate(options) if _same(key, [option])]
        if len(matches) == 1:
            chosen = matches[0]
    right = question.options.index(question.answer) if question.answer in question.options else -1
    hit = chosen is not None and chosen == right
    picked_key = options[chosen] if chosen is not None else key
    note = None if chosen is not None or hit else "没有这个选项"
    return _grade(question, [hit], 1.0 if hit else 0.0, picked_key, canon, note)


def _same(key: str, variants: Sequence[str]) -> bool:
    """A single answer matches whole, overlooking 的/地/得 and a leading 是/就是/指 given."""
    lead = _LEAD.sub("", key)
    given = {key, lead, _FILLER.sub("", key), _FILLER.sub("", lead)}
    return any(v and (v in given or _FILLER.sub("", v) in given) for v in variants)


def _find_parts(key: str, variants: Sequence[Sequence[str]]) -> list[int | None]:
    """Where each part occurs in the answer (None: missing); each stretch counts once."""
    work = list(key)
    positions: list[int | None] = [None] * len(variants)
    order = sorted(
        range(len(variants)), key=lambda i: -max((len(v) for v in variants[i]), default=0)
    )
    for index in order:
        text = "".join(work)
        for variant in sorted((v for v in variants[index] if v), key=len, reverse=True):
            at = text.find(variant)
            if at >= 0:
                positions[index] = at
                work[at : at + len(variant)] = ["\0"] * len(variant)
                break
    return positions


def _longest_ordered_run(positions: Sequence[int | None]) -> int:
    """The most parts found in the expected relative order (longest increasing run)."""
    found = [p for p in positions if p is not None]
    best: list[int] = []
    for index, position in enumerate(found):
        length = 1 + max((best[j] for j in range(index) if found[j] < position), default=0)
        best.append(length)
    return max(best, default=0)


class _Canon:
    """Reads glossary aliases as their term (TFP → 全要素生产率) in answer_key form."""

    def __init__(self, glossary: Sequence[Term]):
        table: dict[str, str] = {}
        for term in glossary:
            target = answer_key(term.term)
            table.setdefault(target, target)
            for alias in term.aliases:
                alias_key = answer_key(alias)
                if len(alias_key) >= 2:
                    table.setdefault(alias_key, target)
        self.table = table
        # Terms map to themselves so an alias inside a term (5G in 5G网络) stays put.
        names = sorted(table, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def __call__(self, key: str) -> str:
        if self.pattern is None or not key:
            return key
        return self.pattern.sub(lambda m: self.table[m.group()], key)
