"""Study statistics from the store and the current deck: mastery, accuracy, days, streak.

Days are the user's local days: the caller passes ``now`` and a timezone, and answers are
bucketed with that timezone's UTC offset at ``now`` (a DST change within the window can move
answers given near midnight by an hour; acceptable for a heatmap).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from studycli.memory.due import due_count, due_tomorrow, end_of_day, new_seen_today
from studycli.memory.scheduling import MASTERED_STABILITY_DAYS, REVIEW, to_utc

if TYPE_CHECKING:  # Deck: a loaded Deck or the bank's DeckView (topics and items)
    from studycli.deck.model import Deck
    from studycli.memory.store import Store

__all__ = ["due_count", "due_tomorrow", "end_of_day", "new_seen_today"]  # re-exported from due

NOT_LOADED = "(未加载)"  # answers of items not in the loaded deck are counted under this topic
DELETED = NOT_LOADED  # the old name
NO_TOPIC = "(无主题)"
HEATMAP_WEEKS = 12
_EPOCH_DAY = date(1970, 1, 1)


class CardRow(NamedTuple):
    """A question's FSRS card state (a NamedTuple: cheaper to define than a dataclass)."""

    question_id: str
    item_id: str
    fingerprint: str
    state: int
    stability: float | None
    due: float  # Unix seconds


def card_rows(store: Store) -> list[CardRow]:
    """Every question's card state (compute_stats reads card_tallies, their sums)."""
    sql = "SELECT question_id, item_id, fingerprint, state, stability, due FROM cards"
    return [CardRow(*row) for row in store.query(sql)]


def card_tallies(store: Store, end_of_today: float, week_end: float) -> list[tuple]:
    """(item id, fingerprint, cards due before ``end_of_today``, due by ``week_end``, whether
    all are mastered) per item and stored fingerprint: card_rows summed in SQL."""
    return store.query(
        "SELECT item_id, fingerprint, sum(due < ?), sum(due <= ?),"
        " min(state = ? AND stability IS NOT NULL AND stability >= ?)"
        " FROM cards GROUP BY item_id, fingerprint",
        (end_of_today, week_end, REVIEW, MASTERED_STABILITY_DAYS),
    )


def item_tallies(store: Store) -> list[tuple[str, int, int]]:
    """(item id, answers, correct answers) for every item ever answered.

    Read from item_tallies, which triggers keep equal to counting the answers table.
    """
    return store.query("SELECT item_id, answers, correct FROM item_tallies WHERE answers > 0")


def daily_counts(store: Store, utc_offset_s: int, since: datetime | None = None) -> dict[date, int]:
    """Answers per local day for a fixed UTC offset in seconds, from ``since`` on."""
    # Integer day numbers are several times faster than SQLite's date() over many rows.
    rows = store.query(
        "SELECT CAST((answered_at + ?) / 86400 AS INTEGER) AS day, count(*) FROM answers"
        " WHERE answered_at >= ? GROUP BY day",
        (utc_offset_s, since.timestamp() if since is not None else float("-inf")),
    )
    return {_EPOCH_DAY + timedelta(days=day): count for day, count in rows}


def window_counts(store: Store, first: date, days: int, offset: timedelta) -> dict[date, int]:
    """Answers per local day (UTC ``offset`` fixed) on ``days`` days from ``first``; days
    without answers are left out.

    One count over an index range (answers_by_time) per day, in one query: no arithmetic
    per answer and no sort, so a 12-week window of 20,000 answers costs about a
    millisecond, where daily_counts' GROUP BY costs several.
    """
    begin = datetime.combine(first, time(), timezone(offset)).timestamp()
    rows = store.query(
        "WITH RECURSIVE day(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM day WHERE n + 1 < ?)"
        " SELECT n, (SELECT count(*) FROM answers WHERE answered_at >= ? + n * 86400"
        " AND answered_at < ? + (n + 1) * 86400) FROM day",
        (days, begin, begin),
    )
    return {first + timedelta(days=n): count for n, count in rows if count}


@dataclass
class TopicStats:
    """One topic: its items, how many are mastered, and its answers' accuracy."""

    topic: str
    items: int = 0
    mastered: int = 0
    answers: int = 0
    correct: int = 0

    @property
    def mastery(self) -> float | None:
        """Share of the topic's items that are mastered (None for removed items)."""
        return self.mastered / self.items if self.items else None

    @property
    def accuracy(self) -> float | None:
        """Share of the topic's answers that were correct (None if never answered)."""
        return self.correct / self.answers if self.answers else None


@dataclass
class Stats:
    """Everything `study stats` shows."""

    today: date
    reviews: int
    streak: int
    due_today: int
    due_week: int
    topics: list[TopicStats] = field(default_factory=list)
    days: dict[date, int] = field(default_factory=dict)  # the heatmap window, zeros included

    def to_json(self) -> dict:
        """The figures as plain JSON data (the `study stats --json` contract)."""
        return {
            "today": self.today.isoformat(),
            "reviews": self.reviews,
            "streak": self.streak,
            "due_today": self.due_today,
            "due_week": self.due_week,
            "mastery_stability_days": MASTERED_STABILITY_DAYS,
            "topics": [
                {**asdict(t), "mastery": _round(t.mastery), "accuracy": _round(t.accuracy)}
                for t in self.topics
            ],
            "reviews_per_day": {day.isoformat(): n for day, n in self.days.items()},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def heatmap_start(today: date, weeks: int = HEATMAP_WEEKS) -> date:
    """The Monday that starts a ``weeks``-week window ending with today's week."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def current_streak(active: set[date], today: date) -> int:
    """Consecutive days with an answer, ending today or (if none yet today) yesterday."""
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _streak_before(store: Store, start: date, offset: timedelta) -> int:
    """How many days before ``start`` in a row have an answer (local days at ``offset``).

    One indexed probe per day (answers_by_time), walked back in one recursive query, so a
    year-long streak costs some hundred look-ups, not a pass over every answer ever given.
    """
    begin = datetime.combine(start, time(), timezone(offset)).timestamp()
    rows = store.query(
        "WITH RECURSIVE back(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM back WHERE EXISTS"
        " (SELECT 1 FROM answers WHERE answered_at >= ? - (n + 1) * 86400"
        " AND answered_at < ? - n * 86400)) SELECT max(n) FROM back",
        (begin, begin),
    )
    return rows[0][0]


def compute_stats(
    store: Store, deck: Deck, now: datetime, tz: tzinfo, loaded_only: bool = False
) -> Stats:
    """The statistics at ``now`` (aware), with days in timezone ``tz``.

    ``loaded_only`` leaves out answers to items that are not in ``deck`` (another deck's).
    """
    now = to_utc(now)
    local_now = now.astimezone(tz)
    today = local_now.date()
    offset = local_now.utcoffset() or timedelta(0)

    items = {item.id: item for item in deck.items}
    fingerprints = {item.id: item.fingerprint for item in deck.items}  # a hash per call: once
    topics: dict[str, TopicStats] = {t.name: TopicStats(t.name) for t in deck.topics}

    def topics_of(item_id: str) -> list[TopicStats]:
        item = items.get(item_id)
        names = (item.topics or (NO_TOPIC,)) if item else (DELETED,)
        return [topics.setdefault(name, TopicStats(name)) for name in names]

    for item in deck.items:
        for entry in topics_of(item.id):
            entry.items += 1
    reviews = 0
    for item_id, answers, correct in item_tallies(store):
        if loaded_only and item_id not in items:
            continue
        reviews += answers
        for entry in topics_of(item_id):
            entry.answers += answers
            entry.correct += correct

    # Only cards of current items with the current fingerprint count: edited items relearn.
    due_today = due_week = 0
    studied: dict[str, bool] = {}  # item id → all its current cards mastered
    for item_id, fingerprint, today_n, week_n, mastered in card_tallies(
        store, end_of_day(now, tz), (now + timedelta(days=7)).timestamp()
    ):
        if fingerprint != fingerprints.get(item_id):
            continue
        due_today += today_n  # as due_count() counts it
        due_week += week_n
        studied[item_id] = studied.get(item_id, True) and bool(mastered)
    for item_id, mastered in studied.items():
        if mastered:
            for entry in topics_of(item_id):
                entry.mastered += 1

    # Day counts for the heatmap window only (an index range per day); a streak that
    # reaches back past the window is followed one indexed probe per day.
    start = heatmap_start(today)
    counts = window_counts(store, start, (today - start).days + 1, offset)
    streak = current_streak(set(counts), today)
    last = today if counts.get(today) else today - timedelta(days=1)  # where the streak ends
    if streak and last - timedelta(days=streak - 1) <= start:  # it reaches the window's start
        streak += _streak_before(store, start, offset)
    days = {start + timedelta(days=n): 0 for n in range((today - start).days + 1)}
    days.update((day, n) for day, n in counts.items() if day in days)
    # Deck topics in deck order, the removed items' bucket last.
    ordered = [t for t in topics.values() if (t.items or t.answers) and t.topic != DELETED]
    ordered += [t for t in topics.values() if t.topic == DELETED]
    return Stats(
        today=today,
        reviews=reviews,
        streak=streak,
        due_today=due_today,
        due_week=due_week,
        topics=ordered,
        days=days,
    )
