"""A mock exam paper: questions chosen by section, topics covered in proportion, 100 points.

Sections are chosen by the question's ``kind`` string, so kinds that another part of the
program adds later (多选 multi, 判断 judge, 默写 recite) fill their section as soon as they
exist; a section with no question is left out and its points go to the others. A question
carrying quality ``flags`` is never put on a paper; a higher ``weight`` (a core point) is
preferred. Pure: the caller passes the questions and the ``rng``.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from studycli.quiz.paper_standard import Leaks, PaperStandard

TOTAL_POINTS = 100
# A topic with at least this many items in the deck gets at least one question on a paper.
MIN_TOPIC_ITEMS = 5
NUMERALS = "一二三四五六七八九十"
# A section takes at most this share of its core items (while the paper can be filled).
CORE_DRAW = 0.3


@dataclass(frozen=True)
class SectionSpec:
    """One kind of section: its name, the question kinds it takes and its share of the paper."""

    name: str
    kinds: tuple[str, ...]
    share: int  # of the questions, before absent or thin sections give up places


# 出处 (which occasion) and 归类 (which part of a framework) are one-answer questions with
# options: 单选. 名词 (what is X's 地位) is answered in a few words: 填空 (examiner 4: no
# source, belongs or term question ever reached a paper, and 默写 took 45% of the marks).
SECTIONS = (
    SectionSpec("单选题", ("choice", "source", "belongs"), 30),
    SectionSpec("多选题", ("multi",), 15),
    SectionSpec("判断题", ("judge",), 15),
    SectionSpec("填空题", ("cloze", "term"), 20),
    SectionSpec("默写/列举题", ("recite", "list"), 20),
)
PAPER_KINDS = tuple(kind for spec in SECTIONS for kind in spec.kinds)
# Examiners' GOOD rate on papers by kind, best first: the order a fallback is chosen in.
FALLBACK_KINDS = (
    "recite", "list", "belongs", "cloze", "judge", "multi", "source", "choice", "term"
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    """A section of a paper: its numbered title, its questions and each question's points."""

    title: str  # 一、单选题
    name: str  # 单选题
    kinds: tuple[str, ...]
    questions: tuple  # of studycli.quiz.questions.Question
    points: tuple[int, ...]

    @property
    def total(self) -> int:
        """The section's points."""
        return sum(self.points)


@dataclass(frozen=True)
class Paper:
    """A mock paper: sections in order, points summing to 100."""

    sections: tuple[Section, ...]
    seed: int
    minutes: int
    topic: str | None = None

    def entries(self) -> list[tuple[int, Section, object, int]]:
        """(number from 1, section, question, points) for every question in paper order."""
        out = []
        for section in self.sections:
            for question, points in zip(section.questions, section.points, strict=True):
                out.append((len(out) + 1, section, question, points))
        return out

    @property
    def questions(self) -> list:
        """The questions in paper order."""
        return [question for _, _, question, _ in self.entries()]


def usable(question, standard: PaperStandard | None = None) -> bool:
    """A question may go on a paper: a paper kind, and nothing in the paper standard against it."""
    return question.kind in PAPER_KINDS and not (standard or PaperStandard()).faults(question)


def split_evenly(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` in whole numbers (largest remainder)."""
    whole = sum(weights)
    if not weights or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in order[: total - sum(parts)]:
        parts[index] += 1
    return parts


def section_counts(count: int, shares: Sequence[int], capacity: Sequence[int]) -> list[int]:
    """How many questions each section gets: by share, at least one each, within capacity.

    Places go one at a time to the open section least served for its share (Sainte-Laguë),
    so a full section's places are shared among the others in proportion too.
    """
    counts = [0] * len(shares)
    count = min(count, sum(capacity))
    # One each first (when there are enough questions), then the rest by share.
    if count >= sum(1 for c in capacity if c):
        counts = [1 if c else 0 for c in capacity]
    while sum(counts) < count:
        open_ = [i for i in range(len(shares)) if counts[i] < capacity[i]]
        best = min(open_, key=lambda i: ((counts[i] + 0.5) / max(shares[i], 1e-9), -shares[i], i))
        counts[best] += 1
    return counts


def compose_paper(
    questions: Sequence,
    count: int,
    rng: random.Random,
    *,
    seed: int = 0,
    minutes: int = 30,
    topic: str | None = None,
    topic_sizes: dict[str, int] | None = None,
    recent: frozenset[str] = frozenset(),
    standard: PaperStandard | None = None,
) -> Paper:
    """A paper of up to ``count`` questions, one per item, sections by kind, 100 points.

    ``topic_sizes`` (topic → items in the deck) sets each topic's share of the paper;
    by default it is counted from the questions' items. ``recent`` holds the items of the
    last papers sat: they are left for another time while other core points remain.
    ``standard`` (the deck's aliases) judges which questions are fit for a paper.
    """
    standard = standard or PaperStandard()
    standard.learn(questions)
    pool = [q for q in questions if usable(q, standard)]
    rng.shuffle(pool)  # ties below are broken by this seeded order
    if topic_sizes is None:
        topic_sizes = _topic_sizes(pool)
    by_section = [[q for q in pool if q.kind in spec.kinds] for spec in SECTIONS]
    draw = Draw(rng, recent, standard, Leaks(pool, standard))
    capacity = [len({q.item_id for q in group}) for group in by_section]
    # A section whose core items are few takes fewer places (they go to the others), so
    # that two papers do not share most of that section.
    cores = [len({q.item_id for q in group if draw.core(q)}) for group in by_section]
    spread = [
        min(room, max(1, int(core * CORE_DRAW))) if room else 0
        for room, core in zip(capacity, cores, strict=True)
    ]
    # A kind takes at most CORE_DRAW of its core items (at least one) while others have room:
    # two 出处 questions of a pool of five would sit on every other paper.
    kind_cores = Counter(kind for kind, _ in {(q.kind, q.item_id) for q in pool if draw.core(q)})
    draw.caps = {kind: max(1, int(n * CORE_DRAW)) for kind, n in kind_cores.items()}
    shares = [spec.share for spec in SECTIONS]
    counts = section_counts(count, shares, spread if sum(spread) >= count else capacity)
    picked = _pick(by_section, counts, count, topic_sizes, draw)
    present = [i for i, group in enumerate(picked) if group]
    # Every question is worth the same (5 points on a 20-question paper), so a section's
    # points follow its questions: one list question on a short paper is not worth 15.
    section_points = split_evenly(TOTAL_POINTS, [len(picked[i]) for i in present])
    sections = []
    for number, (index, points) in enumerate(zip(present, section_points, strict=True)):
        spec, chosen = SECTIONS[index], picked[index]
        sections.append(
            Section(
                title=f"{NUMERALS[number]}、{spec.name}",
                name=spec.name,
                kinds=spec.kinds,
                questions=tuple(chosen),
                points=tuple(split_evenly(points, [1] * len(chosen))),
            )
        )
    return Paper(tuple(sections), seed=seed, minutes=minutes, topic=topic)


def _topic_sizes(questions: Sequence) -> dict[str, int]:
    items: dict[str, tuple[str, ...]] = {q.item_id: q.topics for q in questions}
    return dict(Counter(t for topics in items.values() for t in topics))


class Draw:
    """How much a paper wants each question: core first, then not sat lately, then by lot.

    The lot is Efraimidis–Spirakis (``u ** (1 / weight)``) with the seeded ``rng``, so
    heavier questions are likelier but two seeds give two different papers.
    """

    def __init__(self, rng, recent: frozenset[str], standard: PaperStandard, leaks: Leaks):
        self.rng = rng
        self.recent = recent
        self.standard = standard
        self.leaks = leaks
        self.lots: dict[str, float] = {}
        self.cores: dict[str, bool] = {}
        self.caps: dict[str, int] = {}  # kind → how many a paper takes while others have room

    def core(self, question) -> bool:
        """Fit to make a paper of (the paper standard's core), judged once."""
        if question.id not in self.cores:
            self.cores[question.id] = self.standard.core(question)
        return self.cores[question.id]

    def lot(self, question) -> float:
        """The question's seeded lot, drawn once."""
        if question.id not in self.lots:
            weight = max(float(getattr(question, "weight", 1.0) or 0.0), 1e-6)
            self.lots[question.id] = self.rng.random() ** (1.0 / weight)
        return self.lots[question.id]

    def fallback_key(self, question) -> tuple:
        """Among questions below the paper's standard: well formed, heaviest, of the kinds
        examiners found sound most often on papers (默写 and 列举 first), then by lot."""
        weight = float(getattr(question, "weight", 1.0) or 0.0)
        well_formed = self.standard.well_formed(question)
        kind = -FALLBACK_KINDS.index(question.kind) if question.kind in FALLBACK_KINDS else -99
        fresh_item = question.item_id not in self.recent
        return (well_formed, weight, fresh_item, kind, self.lot(question))

    def key(self, question) -> tuple[bool, bool, float]:
        """Larger is wanted more."""
        return (self.core(question), question.item_id not in self.recent, self.lot(question))


def _pick(
    by_section: list[list], counts: list[int], count: int, sizes: dict[str, int], draw: Draw
) -> list:
    """Fill each section: core points not sat lately, then topics nothing covers yet.

    A topic with enough items to be required but no core question gets its best one first.
    A mixed section (默写/列举) takes a kind it lacks while a core one is left. No question
    shows another's key while a question that does not is left.
    """
    whole = sum(sizes.values()) or 1
    target = {t: count * n / whole for t, n in sizes.items()}
    required = {t for t, n in sizes.items() if n >= MIN_TOPIC_ITEMS}
    covered: Counter = Counter()
    used_items: set[str] = set()
    picked: list[list] = [[] for _ in by_section]
    need = list(counts)

    def take(index: int, question) -> None:
        picked[index].append(question)
        used_items.add(question.item_id)
        covered.update(question.topics)
        need[index] -= 1

    # Topics whose questions are all below the paper's standard (regional practice): the
    # best of them, so that every required topic is on the paper.
    for topic in sorted(required, key=lambda t: (-sizes[t], t)):
        pool = [
            (index, q)
            for index, group in enumerate(by_section)
            if need[index] > 0
            for q in group
            if topic in q.topics
        ]
        if covered[topic] or not pool or any(draw.core(q) for _, q in pool):
            continue
        index, best = max(pool, key=lambda pair: draw.fallback_key(pair[1]))
        take(index, best)
    while any(need):
        # Round robin over the sections, the one furthest from full first.
        index = max(range(len(need)), key=lambda i: (need[i] / max(counts[i], 1), -i))
        candidates = [q for q in by_section[index] if q.item_id not in used_items]
        if not candidates:
            # Its items are all on the paper already: another section takes the places.
            spare, need[index] = need[index], 0
            others = [
                i for i, group in enumerate(by_section)
                if i != index and any(q.item_id not in used_items for q in group)
            ]  # fmt: skip
            if others:
                taker = max(others, key=lambda i: SECTIONS[i].share)
                need[taker] += spare
                counts[taker] += spare
            continue
        kinds_here = Counter(q.kind for q in picked[index])
        on_paper = [q for group in picked for q in group]

        def key(q, covered=covered, kinds_here=kinds_here, on_paper=on_paper):
            core, fresh_item, lot = draw.key(q)
            fresh = any(t in required and not covered[t] for t in q.topics)
            deficit = max((target.get(t, 0) - covered[t] for t in q.topics), default=0)
            # A mixed section takes its kinds in turn (单选: choice, 出处, 归类), each within
            # its share of its core items.
            new_kind = (kinds_here[q.kind] < draw.caps.get(q.kind, 1), -kinds_here[q.kind])
            clean = not draw.leaks.between(q, on_paper)
            return (clean, core, fresh_item, fresh, new_kind, deficit > 0, lot)

        take(index, max(candidates, key=key))
    return picked
