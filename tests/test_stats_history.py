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


def _counted(store) -> set:
    return set(store.query("SELECT item_id, count(*), sum(correct) FROM answers GROUP BY item_id"))


def test_item_tallies_follow_every_change_to_the_answers(tmp_path):
    """Recorded, overridden (我答对了), moved and deleted answers: the kept tallies always
    equal counting the answers table."""
    from studycli.memory.stats import item_tallies

    def answer(qid: str, item: str, right: bool, n: int) -> Answer:
        at = NOW - timedelta(hours=n)
        return Answer(qid, item, "fp", "cloze", "x", "x", float(right), right, at, 3.0, "quiz")

    history = [answer(f"q{n % 5}", f"i{n % 3}", n % 2 == 0, 50 - n) for n in range(40)]
    with Store.open(tmp_path) as store:
        import_answers(store, history, make_scheduler())
        assert set(item_tallies(store)) == _counted(store) and len(_counted(store)) == 3
        with store.transaction() as conn:
            conn.execute("UPDATE answers SET correct = 1 WHERE id IN (2, 4, 6)")
            conn.execute("UPDATE answers SET item_id = 'i9' WHERE id = 7")
            conn.execute("DELETE FROM answers WHERE item_id = 'i1'")
        assert set(item_tallies(store)) == _counted(store)
        assert "i1" not in {item for item, _, _ in item_tallies(store)}


def test_tallies_are_filled_for_an_older_database(tmp_path):
    """Answers saved before the tallies existed (version 5) are counted when it opens."""
    import sqlite3

    from studycli.memory.migrations import MIGRATIONS
    from studycli.memory.stats import item_tallies

    conn = sqlite3.connect(tmp_path / "progress.db")
    for step in MIGRATIONS[:5]:
        for statement in step:
            conn.execute(statement)
    conn.executemany(
        "INSERT INTO answers (question_id, item_id, fingerprint, kind, mode, given, expected,"
        " score, correct, rating, answered_at, duration_s)"
        " VALUES ('q', ?, 'fp', 'cloze', 'quiz', 'x', 'x', 1, ?, 3, ?, 3)",
        [(f"i{n % 2}", int(n % 3 == 0), 1_700_000_000 + n) for n in range(12)],
    )
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Store.open(tmp_path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert set(item_tallies(store)) == _counted(store) == {("i0", 6, 2), ("i1", 6, 2)}


@pytest.mark.parametrize("offset_min", [0, 8 * 60, -5 * 60, 5 * 60 + 45, -(9 * 60 + 30)])
def test_window_counts_equal_daily_counts(tmp_path, offset_min):
    """The heatmap's per-day probes count exactly what grouping every answer by local day
    counts, inside the window, answers at local midnight and a second before included."""
    import random

    from studycli.memory.stats import window_counts

    offset = timedelta(minutes=offset_min)
    zone = timezone(offset)
    rng = random.Random(offset_min)
    first = date(2026, 9, 1)
    times = [
        datetime(2026, 8, 20, tzinfo=UTC) + timedelta(seconds=rng.uniform(0, 100 * 86400))
        for _ in range(400)
    ]
    for n in range(0, 90, 7):  # exactly at a local midnight, and just before it
        midnight = datetime.combine(first + timedelta(days=n), datetime.min.time(), zone)
        times += [midnight, midnight - timedelta(microseconds=1)]
    answers = [
        Answer("q", "i", "fp", "cloze", "x", "x", 1.0, True, at, 3.0, "quiz")
        for at in sorted(times)
    ]
    with Store.open(tmp_path) as store:
        import_answers(store, answers, make_scheduler(fuzz=False))
        every = daily_counts(store, int(offset.total_seconds()))
        window = window_counts(store, first, 84, offset)
    expected = {day: n for day, n in every.items() if first <= day < first + timedelta(days=84)}
    assert window == expected
    assert sum(window.values()) > 200  # the window holds most of the answers


def test_card_tallies_sum_card_rows(tmp_path):
    """card_tallies (what stats reads) equals summing card_rows per item and fingerprint:
    due before the end of today, due within the week, all mastered."""
    from studycli.memory.scheduling import is_mastered
    from studycli.memory.stats import card_rows, card_tallies

    answers = []
    for n in range(60):
        at = NOW - timedelta(days=40 - n // 2, hours=n % 5)
        qid, item = f"q{n % 9}", f"i{n % 4}"
        answers.append(
            Answer(qid, item, f"fp{n % 9 % 2}", "cloze", "x", "x", 1.0, n % 3 > 0, at, 3.0, "quiz")
        )
    with Store.open(tmp_path) as store:
        import_answers(store, answers, make_scheduler(fuzz=False))
        store.write("UPDATE cards SET state = 2, stability = 30 WHERE question_id = 'q0'")
        store.write("UPDATE cards SET stability = NULL WHERE question_id = 'q1'")
        end, week = NOW.timestamp() + 3600, NOW.timestamp() + 7 * 86400
        expected: dict = {}
        for row in card_rows(store):
            key = (row.item_id, row.fingerprint)
            today, in_week, mastered = expected.get(key, (0, 0, True))
            expected[key] = (
                today + (row.due < end),
                in_week + (row.due <= week),
                mastered and is_mastered(row.state, row.stability),
            )
        got = {(i, f): (t, w, bool(m)) for i, f, t, w, m in card_tallies(store, end, week)}
    assert got == expected
    assert any(m for _, _, m in got.values()) and not all(m for _, _, m in got.values())
