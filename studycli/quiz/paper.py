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

TOTAL_POINTS = 100
# A topic with at least this many items in the deck gets at least one question on a paper.
MIN_TOPIC_ITEMS = 5
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class SectionSpec:
    """One kind of section: its name, the question kinds it takes and its share of the paper."""

    name: str
    kinds: tuple[str, ...]
    share: int  # of both the questions and the points, before absent sections are dropped


SECTIONS = (
    SectionSpec("单选题", ("choice",), 30),
    SectionSpec("多选题", ("multi",), 20),
    SectionSpec("判断题", ("judge",), 10),
    SectionSpec("填空题", ("cloze",), 25),
    SectionSpec("默写/列举题", ("recite", "list"), 15),
)
PAPER_KINDS = tuple(kind for spec in SECTIONS for kind in spec.kinds)


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


def usable(question) -> bool:
    """A question may go on a paper: a paper kind, and no quality flags raised on it."""
    return question.kind in PAPER_KINDS and not getattr(question, "flags", ())


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
    """How many questions each section gets: by share, at least one each, within capacity."""
    counts = [0] * len(shares)
    count = min(count, sum(capacity))
    # One each first (when there are enough questions), then the rest by share.
    if count >= sum(1 for c in capacity if c):
        counts = [1 if c else 0 for c in capacity]
    while sum(counts) < count:
        open_ = [i for i in range(len(shares)) if counts[i] < capacity[i]]
        want = split_evenly(count, [shares[i] if i in open_ else 0 for i in range(len(shares))])
        # Give one more to the open section furthest below its share.
        best = max(open_, key=lambda i: (want[i] - counts[i], shares[i], -i))
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
) -> Paper:
    """A paper of up to ``count`` questions, one per item, sections by kind, 100 points.

    ``topic_sizes`` (topic → items in the deck) sets each topic's share of the paper;
    by default it is counted from the questions' items.
    """
    pool = [q for q in questions if usable(q)]
    rng.shuffle(pool)  # ties below are broken by this seeded order
    if topic_sizes is None:
        topic_sizes = _topic_sizes(pool)
    by_section = [[q for q in pool if q.kind in spec.kinds] for spec in SECTIONS]
    capacity = [len({q.item_id for q in group}) for group in by_section]
    counts = section_counts(count, [spec.share for spec in SECTIONS], capacity)
    picked = _pick(by_section, counts, count, topic_sizes)
    present = [i for i, group in enumerate(picked) if group]
    # A section that could not fill its share of the questions gets that much less of the
    # points, so that one question on a short paper is not worth a fifth of it.
    shares = [SECTIONS[i].share for i in present]
    wanted = [max(1, sum(counts) * share / sum(shares)) for share in shares]
    weights = [
        share * min(1.0, len(picked[i]) / want)
        for i, share, want in zip(present, shares, wanted, strict=True)
    ]
    section_points = split_evenly(TOTAL_POINTS, weights)
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


def _pick(by_section: list[list], counts: list[int], count: int, sizes: dict[str, int]) -> list:
    """Fill each section greedily: uncovered topics first, then under-share ones, then core."""
    whole = sum(sizes.values()) or 1
    target = {t: count * n / whole for t, n in sizes.items()}
    required = {t for t, n in sizes.items() if n >= MIN_TOPIC_ITEMS}
    covered: Counter = Counter()
    used_items: set[str] = set()
    picked: list[list] = [[] for _ in by_section]
    need = list(counts)
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

        def key(q, covered=covered):
            fresh = any(t in required and not covered[t] for t in q.topics)
            deficit = max((target.get(t, 0) - covered[t] for t in q.topics), default=0)
            return (fresh, deficit > 0, getattr(q, "weight", 1.0), deficit)

        best = max(candidates, key=key)  # max keeps the first of equals: the seeded order
        picked[index].append(best)
        used_items.add(best.item_id)
        covered.update(best.topics)
        need[index] -= 1
    return picked
