"""Grading one answer: forgiving of form, strict on meaning, precise, and it says what was wrong.

Everything is compared in *loose key* form (quiz.matching: simplified script, no
punctuation or spaces, case-folded, glossary aliases read as their term, 的/和/与/及
dropped). No jieba here: the word feedback uses the words cached on the question.

- A single answer must be a variant — the key, the deck's ``aliases`` and full wording
  (``Question.accepted``), an answer the user accepted with ``!`` — alone or with only
  fair words around it: filler, the stem's own words, and the source sentence's words
  next to the key (``Question.context``); a rival answer (``Question.rivals``) in those
  words makes it wrong, so 一核两翼 does not pass for 一核.
- Multi-part answers (list entries, several blanks, a facet's pieces) are found anywhere in
  the answer, any separator or none, each stretch counted once, longest first. A list entry
  may also be given by its distinctive words (matching.distinctive_match). What is left
  over and is an answer of its own counts against the score: every item beyond the number
  asked cancels a right one, ``(found - over) / parts``, so seven items for five scores
  3/5 and an added wrong item no better than a missing one.
- One blank or one question answered two ways (/, 或) is never correct. A ``/`` is a
  separator only when it cuts the answer into exactly as many one-piece parts as there
  are blanks (or entries asked) and, so read, every part answers a blank of its own
  (赋能作用/乘数效应/坚实的体制保障); 科技创新/创新 inside one part, or more parts than
  blanks, stays a hedge.
- Ordered answers earn credit for the longest run in the right order (note 顺序不对).
- A wrong answer close to the key is named (near_miss): 同音字, 错字, 漏字, 多字, 顺序, 数字.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from studycli.deck.model import Term
from studycli.quiz import matching
from studycli.quiz.cloze import BLANK, is_blankable
from studycli.quiz.question import LETTERS, Question
from studycli.quiz.term_forms import without_joint, without_lead
from studycli.text import answer_key, arabic_figures, is_figure

ORDER_NOTE = "顺序不对"
ALTERNATIVES_NOTE = "给出了不止一个答案"
EXTRA_NOTE = "多写了{count}项"
VARIANT_NOTE = "按你认可过的答案判对"
# The blank in a stem, kept as a stop between the words before and after it. Not "\0":
# OpenCC reads C strings and cut the stem at it, so words after a blank were lost.
STEM_GAP = "\x01"
# After 万/亿 the unit or counter is understood: 500亿 for 500亿元, 100万 for 100万名.
_YUAN_AFTER_MAGNITUDE = re.compile(r"(\d(?:万亿|亿|万))(?:元|名|人|项|个)")


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
    """The result of grading one answer: score 0..1, right or not, what was missing, and why.

    ``near`` names a near miss (同音字(迁→升)…): the feedback then says 接近, not a bare ✗.
    """

    score: float
    correct: bool
    parts: tuple[PartResult, ...]
    words: tuple[WordMark, ...]
    note: str | None = None
    near: str | None = None


def grade_answer(
    question: Question,
    given: str | None,
    glossary: Sequence[Term] = (),
    accepted: Sequence[str] = (),
) -> Grade:
    """Grade ``given``; ``accepted`` holds answers the user declared right (study variants)."""
    from studycli.quiz.marking_kinds import MARKED_KINDS, mark_answer  # the examiner's kinds

    if question.kind in MARKED_KINDS:
        if given and any(matching.key_of(given) == matching.key_of(t) for t in accepted):
            # 默写 answered as the user declared right (the option kinds refuse “我答对了”)
            parts = tuple(PartResult(p, True) for p in question.expected)
            return Grade(1.0, True, parts, (), VARIANT_NOTE)
        return mark_answer(question, given, Grade, PartResult)
    canon = _Canon(glossary)
    # 五百亿元 is 500亿元, 百分之五 is 5%, 9个方面 is 九个方面: figures compared in digits
    figures = any(ch.isdigit() for ch in question.answer)
    figures = figures or arabic_figures(question.answer) != question.answer
    if given and figures:
        given = arabic_figures(given)
    reading = matching.read_answer(given or "", canon)
    if not reading.key:
        return _grade(question, [False] * len(question.expected), 0.0, "", canon)
    if question.kind == "choice":
        return _grade_choice(question, reading, canon, figures)
    if any(reading.key == matching.key_of(text, canon) for text in accepted):
        found = [True] * len(question.expected)
        return _grade(question, found, 1.0, reading.key, canon, VARIANT_NOTE)
    variants = [
        [
            matching.key_of(text, canon)
            for text in (part, *_accepted(question, index), *_figure_forms(part, figures))
        ]
        for index, part in enumerate(question.expected)
    ]
    if question.kind == "term" and len(variants) == 1:
        variants[0] += without_joint(variants[0], question, canon)
    if question.kind == "term" and variants:
        variants[0] += without_lead(variants[0], 6 if len(variants) == 1 else 2)
    allowed = [question.answer, *question.expected, *question.context]
    hedged = matching.offers_alternatives(reading.raw, allowed)
    stem = matching.key_of(question.prompt.replace(BLANK, STEM_GAP), canon)
    if len(variants) == 1:
        return _grade_single(question, reading, variants[0], stem, hedged, canon)
    # Multi-part answers read past the stem's words before the first blank only: a piece
    # of the sentence after a blank, given as an item (…、六大重大科技战略行动), is one more.
    stem = stem.split(STEM_GAP, 1)[0]
    graded = _grade_parts(question, reading, variants, stem, hedged, canon)
    marked = _with_mark(question, reading, canon) if question.kind == "list" else None
    if marked is not None and not graded.correct:  # 学科、领域、机构、部门 for the 四跨
        remarked = _grade_parts(question, marked, variants, stem, hedged, canon)
        if remarked.score > graded.score:
            graded = remarked
    parts = matching.slash_parts(reading.raw, len(variants)) if hedged else None
    if parts:  # 赋能作用/乘数效应/坚实的体制保障 for three blanks: the / separates them
        split = matching.read_answer("、".join(parts), canon)
        if not matching.offers_alternatives(split.raw, allowed):
            regraded = _grade_parts(question, split, variants, stem, False, canon)
            if regraded.correct:  # each part then answers a blank of its own
                return regraded
    return graded


# 战略新兴产业 for 战略性新兴产业: one 性 or 之 inside a term (的 is dropped anyway) may be
# left out, unless what remains is another term of the deck.
def _with_mark(question: Question, reading, canon: _Canon):
    """The answer with the list's shared mark put back on every part, or None.

    When every entry starts (or ends) with the same mark (跨学科、跨领域 … 跨部门) and the
    stem names it (四跨), entries may be given without it: when a part the user cut is an
    entry without the mark (学科、领域、机构、部门), every part is read with it."""
    entries = [matching.key_of(text, canon) for text in question.expected]
    mark, front = _shared_mark(entries)
    stem = matching.key_of(question.prompt, canon)
    if not mark or mark not in stem:
        return None
    bare = [e[len(mark) :] if front else e[: -len(mark)] for e in entries]
    if any(len(b) < matching.MIN_STEM_WORD for b in bare):
        return None
    bounds = sorted({0, *reading.cuts, len(reading.key)})
    parts = [reading.key[a:b] for a, b in itertools.pairwise(bounds)]
    if not any(part in bare for part in parts):
        return None
    # every part without the mark gets it: a wrong one (区域) then costs what 跨区域 costs
    whole = [part if part in entries else (mark + part if front else part + mark) for part in parts]
    return matching.read_answer("、".join(whole), canon)


def _shared_mark(entries: Sequence[str]) -> tuple[str, bool]:
    """The longest start (front=True) or end every entry shares: 跨 of 跨学科、跨领域."""
    if len(entries) < 2 or not all(entries):
        return "", True
    start = entries[0]
    for entry in entries[1:]:
        while not entry.startswith(start):
            start = start[:-1]
    end = entries[0]
    for entry in entries[1:]:
        while not entry.endswith(end):
            end = end[1:]
    if len(start) >= len(end):
        return start, True
    return end, False


def _figure_forms(part: str, figures: bool) -> tuple[str, ...]:
    """The part in digits (九个方面 → 9个方面) and without an understood unit."""
    if not figures:
        return ()
    digits = arabic_figures(part)
    forms = (digits,) if digits != part else ()
    return (*forms, *_short_figures(digits))


def _short_figures(part: str) -> tuple[str, ...]:
    """500亿 for 500亿元, 100万 for 100万名: after 万/亿 the unit is understood (not after
    a bare 500)."""
    short = _YUAN_AFTER_MAGNITUDE.sub(r"\1", part)
    return (short,) if short != part else ()


def _accepted(question: Question, index: int) -> tuple[str, ...]:
    """Other wordings accepted for part ``index`` (an entry's full text, its aliases)."""
    return question.accepted[index] if index < len(question.accepted) else ()


def _grade_single(question, reading, variants, stem, hedged, canon) -> Grade:
    """One expected answer: a variant with only fair words around it, and no hedge."""
    contexts = [matching.key_of(text, canon) for text in question.context]
    rivals = [matching.key_of(text, canon) for text in question.rivals]
    found = matching.whole_match(
        reading.key,
        variants,
        stem=stem,
        contexts=contexts,
        rivals=rivals,
        droppable=question.kind != "cloze",
    )
    if hedged:  # right or wrong, two answers for one are not an answer
        return _grade(question, [False], 0.0, reading.key, canon, ALTERNATIVES_NOTE)
    near = None if found else _near(reading.key, variants, (reading.raw, question.answer))
    return _grade(question, [found], 1.0 if found else 0.0, reading.key, canon, near=near)


def _grade_parts(question, reading, variants, stem, hedged, canon) -> Grade:
    """Several parts: recall over the parts, less what was added beyond them."""
    positions, work = matching.consume_parts(reading.key, variants)
    pieces = matching.leftover_pieces(work, reading.cuts)
    if question.kind == "list":
        pieces = _match_distinctive(positions, pieces, variants)
    found = [p is not None for p in positions]
    if question.context and pieces:
        pieces = _drop_fair_edges(pieces, len(reading.key), question, canon)
    wordings = [
        w for group, at in zip(variants, positions, strict=True) if at is not None for w in group
    ]
    extras = [piece for _, piece in pieces if matching.is_extra(piece, stem, wordings)]
    if question.kind == "cloze":  # a blank is filled with a word: 劳动者 in 劳动's blank is wrong
        extras += [
            piece
            for start, piece in pieces
            if piece not in extras and matching.glued(start, piece, work, reading.cuts)
        ]
    hits = sum(found)
    if question.ordered:
        hits = matching.longest_ordered_run(positions)
    # Each item beyond what was asked cancels a right one: a wrong extra item scores no
    # better than leaving one out (4 of 4 plus 跨区域 = 3 of 4), a wrong item in place of a
    # right one the same as leaving it out.
    over = max(0, sum(found) + len(extras) - len(found))
    score = max(0, hits - over) / len(found)
    note = None
    if question.ordered and hits < sum(found):
        note = ORDER_NOTE
    elif extras and sum(found) + len(extras) > len(found):
        note = EXTRA_NOTE.format(count=sum(found) + len(extras) - len(found))
    if hedged:
        note = ALTERNATIVES_NOTE
        score = min(score, (len(found) - 1) / len(found))
    near = None
    missing = [v for v, hit in zip(variants, found, strict=True) if not hit]
    if missing and extras:
        for piece in extras:
            near = near or _near(piece, [w for group in missing for w in group])
    return _grade(question, found, score, reading.key, canon, note, near)


def _drop_fair_edges(pieces, length, question, canon):
    """Leave out a first or last leftover piece that is the source's words around the answer."""
    whole = matching.key_of(question.answer, canon)
    contexts = [matching.key_of(text, canon) for text in question.context]
    kept = list(pieces)
    if kept and kept[-1][0] + len(kept[-1][1]) == length:
        if matching.fair_edge(kept[-1][1], whole, contexts, before=False):
            kept.pop()
    if kept and kept[0][0] == 0 and matching.fair_edge(kept[0][1], whole, contexts, before=True):
        kept.pop(0)
    return kept


def _match_distinctive(positions, pieces, variants):
    """Give unfound list entries the leftover pieces that name them by distinctive words."""
    left = []
    for start, piece in pieces:
        owners = [
            index
            for index, own in enumerate(variants)
            if positions[index] is None
            and matching.distinctive_match(
                piece, own, [v for j, other in enumerate(variants) if j != index for v in other]
            )
        ]
        if len(owners) == 1:
            positions[owners[0]] = start
        else:
            left.append((start, piece))
    return left


def _near(key: str, variants: Sequence[str], shown: tuple[str, str] = ("", "")) -> str | None:
    """The near-miss name of a wrong answer (pypinyin is only imported here)."""
    from studycli.quiz.near_miss import nearest_miss

    return nearest_miss(key, variants, shown)


def _grade(
    question: Question,
    found: list[bool],
    score: float,
    key: str,
    canon: _Canon,
    note: str | None = None,
    near: str | None = None,
) -> Grade:
    """Assemble the grade, marking each expected word found or missing in ``key``."""
    parts = tuple(PartResult(part, hit) for part, hit in zip(question.expected, found, strict=True))
    # Grammar words and punctuation say nothing about what was missed: compared are the rest.
    words = tuple(
        WordMark(word, bool(key) and matching.key_of(word, canon) in key)
        for word in question.answer_words
        if is_blankable(word) or is_figure(word)
    )
    score = min(1.0, max(0.0, score))
    correct = score == 1.0
    return Grade(score, correct, parts, words, note, None if correct else near)


def _grade_choice(question: Question, reading, canon: _Canon, figures: bool = False) -> Grade:
    """A choice is answered by its letter (either case, with or without the text) or its text."""
    # With figures the answer is read in digits (九个方面 → 9个方面): so are the options.
    texts = [arabic_figures(o) if figures else o for o in question.options]
    options = [matching.key_of(option, canon) for option in texts]
    letters = LETTERS[: len(options)].casefold()
    key = reading.key
    chosen = None
    if len(key) == 1 and key in letters:
        chosen = letters.index(key)
    elif key[0] in letters and key[1:] and key[1:] == options[letters.index(key[0])]:
        chosen = letters.index(key[0])
    elif key in options:
        chosen = options.index(key)
    else:  # the option with the stem's own words around it (100万名未来产业人才); a term
        # is never shortened here (产业 is not 产业升级): short names are for 出处 and 归类
        stem = matching.key_of(question.prompt.replace(BLANK, STEM_GAP), canon)
        matches = [
            i for i, option in enumerate(options) if matching.whole_match(key, [option], stem=stem)
        ]
        if len(matches) == 1:
            chosen = matches[0]
    right = question.options.index(question.answer) if question.answer in question.options else -1
    hedged = matching.offers_alternatives(reading.raw, question.options)
    hit = chosen is not None and chosen == right and not hedged
    picked_key = options[chosen] if chosen is not None else key
    note = None
    if hedged:
        note = ALTERNATIVES_NOTE
    elif chosen is None:
        note = "没有这个选项"
    return _grade(question, [hit], 1.0 if hit else 0.0, picked_key, canon, note)


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
