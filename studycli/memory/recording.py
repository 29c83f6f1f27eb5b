"""Saving answers: the store persists, scheduling rates; this joins the two."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from studycli.memory.scheduling import review_answer
from studycli.memory.store import Answer, Store


def record_answer(
    store: Store,
    *,
    question_id: str,
    item_id: str,
    fingerprint: str,
    kind: str,
    given: str | None,
    expected: str,
    score: float,
    correct: bool,
    answered_at: datetime,
    duration_s: float | None,
    mode: str,
    rating: int | None = None,
    scheduler: Any = None,
) -> None:
    """Append one answer to the review log and move its FSRS card on, atomically.

    ``rating`` None derives it from the score (scheduling.rating_for); ``scheduler`` is an
    fsrs.Scheduler to use instead of the default (tests pass one with fuzzing off).
    """
    answer = Answer(
        question_id, item_id, fingerprint, kind, given, expected, score, correct,
        answered_at, duration_s, mode, rating,
    )  # fmt: skip
    store.record(answer, functools.partial(review_answer, scheduler=scheduler))


def import_answers(store: Store, answers: Iterable[Answer], scheduler: Any = None) -> int:
    """Record many answers in time order in one transaction (imports, benchmarks)."""
    return store.record_many(answers, functools.partial(review_answer, scheduler=scheduler))
