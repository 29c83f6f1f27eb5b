"""`study stats` over a long history: the streak past the heatmap window, by day probes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from conftest import FIXTURES

from studycli.deck.loader import load_deck
from studycli.memory.recording import import_answers
from studycli.memory.scheduling import make_scheduler
from studycli.memory.stats import HEATMAP_WEEKS, compute_stats, current_streak, daily_counts
from studycli.memory.store import Answer, Store

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)  # 12:00 in Beijing


def _answers(days: list[int]) -> list[Answer]:
    """One answer at 23:30 Beijing time (15:30 UTC) ``n`` days before NOW's local day."""
    out = []
    for n in sorted(days, reverse=True):
        at = datetime(2026, 11, 22, 23, 30, tzinfo=BEIJING) - timedelta(days=n)
        out.append(Answer("q", "i", "fp", "cloze", "x", "x", 1.0, True, at, 3.0, "quiz"))
    return out


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        (list(range(1, 200)), 199),  # yesterday back 199 days: far past the 12-week window
        ([0, *range(1, 120), *range(125, 300)], 120),  # a gap of five days ends it
        (list(range(HEATMAP_WEEKS * 7 + 6)), HEATMAP_WEEKS * 7 + 6),  # just past the window
        ([0, 1, 2], 3),
        ([2, 3], 0),
    ],
)
def test_streak_over_a_long_history(tmp_path, days, streak):
    """The streak equals current_streak over every day ever answered, at local midnight."""
    deck = load_deck([FIXTURES / "mini"])
    with Store.open(tmp_path) as store:
        import_answers(store, _answers(days), make_scheduler())
        stats = compute_stats(store, deck, NOW, BEIJING)
        offset = int(timedelta(hours=8).total_seconds())
        everything = set(daily_counts(store, offset))
    assert stats.streak == streak == current_streak(everything, date(2026, 11, 22))
