"""Saving answers: the store persists, scheduling rates; this joins the two."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from studycli.memory.answers import Answer
from studycli.memory.scheduling import GOOD, review_answer
from studycli.memory.store import Store, save_card


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


_REPLAY = (
    "SELECT question_id, item_id, fingerprint, kind, given, expected, score, correct,"
    " answered_at, duration_s, mode, rating FROM answers WHERE question_id = ? ORDER BY id"
)


def amend_last_answer(store: Store, question_id: str, scheduler: Any = None) -> bool:
    """Mark the question's latest answer right (score 1, rated Good) and rebuild its card.

    The answer row is corrected, not followed by a second one, so FSRS sees one right
    answer at that moment instead of a miss and a hit seconds apart; the card is rebuilt
    by replaying the question's log (fuzzing only moves due dates, never stability).
    False when the question was never answered.
    """
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT last_answer_id FROM cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        if row is None:
            return False
        conn.execute(
            "UPDATE answers SET score = 1, correct = 1, rating = ? WHERE id = ?", (GOOD, row[0])
        )
        card, fingerprint, update, answer = None, None, None, None
        for values in conn.execute(_REPLAY, (question_id,)).fetchall():
            answer = _replayed(values)
            if answer.fingerprint != fingerprint:  # an edited item is relearnt, as in record
                card, fingerprint = None, answer.fingerprint
            _, update = review_answer(answer, card, scheduler=scheduler)
            card = update.card
        save_card(conn, answer, update, row[0])
    return True


def _replayed(row: tuple) -> Answer:
    """An answer row as it was rated, to replay into its card."""
    q, i, f, k, g, e, s, c, t, d, m, r = row
    return Answer(q, i, f, k, g, e, s, bool(c), datetime.fromtimestamp(t, UTC), d, m, r)
