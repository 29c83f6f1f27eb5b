"""What is due and what is new today: the counts review, cards, quiz and stats share.

Apart from memory.stats so that starting a review defines none of the statistics'
records. ``store`` is a memory.store.Store; days are the user's local days in ``tz``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from studycli.memory.scheduling import to_utc

if TYPE_CHECKING:
    from studycli.memory.store import Store


def end_of_day(now: datetime, tz: tzinfo, days_ahead: int = 0) -> float:
    """Unix seconds of the local midnight that ends today (+ ``days_ahead`` days)."""
    today = to_utc(now).astimezone(tz).date()
    return datetime.combine(today + timedelta(days=days_ahead + 1), time(), tz).timestamp()


def due_count(store: Store, until: float, fingerprints: Mapping[str, str] | None = None) -> int:
    """Cards due before ``until`` (Unix seconds): the one way review, stats and the next-step
    line count "due". With ``fingerprints`` (item id → current fingerprint) only cards of
    current, unedited items count.
    """
    rows = store.query("SELECT item_id, fingerprint FROM cards WHERE due < ?", (until,))
    if fingerprints is None:
        return len(rows)
    return sum(fingerprints.get(item_id) == fingerprint for item_id, fingerprint in rows)


def due_tomorrow(
    store: Store, now: datetime, tz: tzinfo, fingerprints: Mapping[str, str] | None = None
) -> int:
    """Cards that will be due by the end of tomorrow (what tomorrow's review will offer)."""
    return due_count(store, end_of_day(now, tz, 1), fingerprints)


def new_seen_today(store: Store, now: datetime, tz: tzinfo) -> int:
    """Questions and cards answered for the very first time today (the daily new-item limit)."""
    start = end_of_day(now, tz, -1)
    # Of the questions answered today (answers_by_time; "+" keeps the planner off the
    # question index here), those with no earlier answer (answers_by_question): a
    # look-up each, not a sort of the whole history.
    rows = store.query(
        "SELECT count(*) FROM (SELECT DISTINCT +question_id AS question_id FROM answers"
        " WHERE answered_at >= ?)"
        " AS today WHERE NOT EXISTS (SELECT 1 FROM answers AS earlier"
        " WHERE earlier.question_id = today.question_id AND earlier.answered_at < ?)",
        (start, start),
    )
    return rows[0][0]
