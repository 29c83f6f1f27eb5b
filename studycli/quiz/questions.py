"""Question generation from the content model, every kind, gated for quality, seeded.

``generate_questions`` makes every candidate of the items, scores and flags it
(quiz/quality.py) and by default returns only the ones fit to ask;
``pick_questions`` draws a session from them (quiz/selection.py).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Iterator, Sequence

from studycli.deck.model import Deck, Item
from studycli.quiz.builder import Builder
from studycli.quiz.cards import Flashcard, generate_cards
from studycli.quiz.kinds import new_kind_questions
from studycli.quiz.quality import QualityGate
from studycli.quiz.question import KIND_ALIASES, KINDS, LETTERS, Question, kind_name
from studycli.quiz.segments import Segments, segment_deck
from studycli.quiz.selection import pick_questions

__all__ = [
    "KINDS",
    "KIND_ALIASES",
    "LETTERS",
    "Flashcard",
    "Question",
    "generate_cards",
    "generate_questions",
    "kind_name",
    "pick_questions",
    "question_slices",
]


def generate_questions(
    deck: Deck,
    items: Sequence[Item],
    *,
    kinds: Collection[str] | None = None,
    rng: random.Random,
    segments: Segments | None = None,
    include_flagged: bool = False,
) -> list[Question]:
    """Every question the items can produce, in item order; ``rng`` only orders options.

    Flagged questions (see ``Question.flags``) are left out unless ``include_flagged``.
    """
    slices = question_slices(
        deck, [items], kinds=kinds, rng=rng, segments=segments, include_flagged=include_flagged
    )
    return next(slices)


def question_slices(
    deck: Deck,
    slices: Iterable[Sequence[Item]],
    *,
    kinds: Collection[str] | None = None,
    rng: random.Random,
    segments: Segments | None = None,
    include_flagged: bool = False,
) -> Iterator[list[Question]]:
    """``generate_questions`` of each slice of items in turn (a compile writes slice by
    slice, so memory holds one slice's questions). The deck's pools, indexes and grading
    data are built once for all slices, and one draw from ``rng`` seeds them all: each
    slice's questions are those ``generate_questions`` gives for its items with the same
    ``rng`` state, whatever the other slices."""
    wanted = {kind_name(k) for k in (KINDS if kinds is None else kinds)}
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown question kinds: {sorted(unknown)}")
    if segments is None:
        segments = segment_deck(deck)
    # One draw from the caller's rng seeds every question's own generator, so a
    # question's options do not depend on which other questions were generated.
    seed = rng.getrandbits(64)
    builder = Builder(deck, segments, seed)
    gate = QualityGate(segments.keywords, builder.pools, builder.contest)
    from studycli.quiz.marking import Marking  # grading's data: variants, context, rivals

    marking = Marking(deck)
    for items in slices:
        out: list[Question] = []
        for item in items:
            for question in [*builder.questions(item), *new_kind_questions(builder, item)]:
                if question.kind not in wanted:
                    continue
                question = gate.review(question, item)
                if include_flagged or not question.flags:
                    out.append(question)
        yield marking.add(out)
