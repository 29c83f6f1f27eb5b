"""A compile generates in slices with the deck's indexes built once (quiz/questions.py):
each slice's questions equal those of one generate_questions call on the whole deck."""

from __future__ import annotations

import random

import pytest

from studycli.deck.loader import load_deck
from studycli.quiz.questions import generate_questions, question_slices
from studycli.quiz.records import to_record
from studycli.quiz.segments import segment_deck


@pytest.fixture(scope="module")
def shipped():
    """The shipped deck and its segmentation."""
    deck = load_deck()
    return deck, segment_deck(deck)


def test_slices_equal_one_call(shipped):
    """Three slices with one Random(0) give the questions, every field, of one call."""
    deck, segments = shipped
    items = list(deck.items)
    whole = generate_questions(
        deck, items, rng=random.Random(0), segments=segments, include_flagged=True
    )
    cut = [items[:50], items[50:51], items[51:]]
    parts = list(
        question_slices(deck, cut, rng=random.Random(0), segments=segments, include_flagged=True)
    )
    assert len(parts) == 3
    assert [len(p) for p in parts][1] > 0
    assert [to_record(q) for p in parts for q in p] == [to_record(q) for q in whole]


def test_slices_reject_an_unknown_kind(shipped):
    """An unknown kind is refused as generate_questions refuses it."""
    deck, segments = shipped
    slices = question_slices(
        deck, [deck.items], kinds=["nonsense"], rng=random.Random(0), segments=segments
    )
    with pytest.raises(ValueError, match="unknown question kinds"):
        next(slices)
