"""FSRS scheduling: how answers become ratings, card updates and the review plan.

The only module that imports ``fsrs`` (lazily, inside functions). ``now`` and every
review time are arguments: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

# fsrs.Rating values, repeated here so callers need not import fsrs.
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
# fsrs.State values (v6 has no "New" state: a card never answered has no row at all).
LEARNING, REVIEW, RELEARNING = 1, 2, 3

# A right answer typed within this many seconds is rated Easy rather than Good. Six seconds
# leaves time to read a short cloze and type a few characters with a Chinese IME; longer
# answers (whole list entries) are rarely that fast, so they stay Good — conservative on purpose.
EASY_SECONDS = 6.0
# A wrong answer that still earned at least this score (e.g. 3 of 5 list entries) is "partial".
PARTIAL_SCORE = 0.5
# Mastery: a question counts as mastered when FSRS has it in the Review state with a stability
# of at least this many days (Anki's "mature" threshold) — i.e. the scheduler expects it to be
# remembered at 90 % three weeks after the last review.
MASTERED_STABILITY_DAYS = 21.0
# The version of the card JSON stored beside each card: the fsrs major version whose
# Card.to_dict() produced it. A future fsrs with another layout gets a migration step.
FSRS_FORMAT = 6

# A flashcard self-grade as a user may type it: word, digit, initial or Chinese.
GRADES = {
    **dict.fromkeys(("again", "1", "a", "重来"), AGAIN),
    **dict.fromkeys(("hard", "2", "h", "困难"), HARD),
    **dict.fromkeys(("good", "3", "g", "良好"), GOOD),
    **dict.fromkeys(("easy", "4", "e", "简单"), EASY),
}


def rating_for(score: float, correct: bool, duration_s: float | None) -> int:
    """The FSRS rating (1..4) for a quiz answer: wrong→Again, partial→Hard, right→Good/Easy.

    Wrong with score < PARTIAL_SCORE → Again; wrong with partial credit, or accepted but with
    score < 1 → Hard; right with score 1 → Easy when answered within EASY_SECONDS, else Good.
    """
    if not correct and score < PARTIAL_SCORE:
        return AGAIN
    if not correct or score < 1:
        return HARD
    if duration_s is not None and 0 <= duration_s <= EASY_SECONDS:
        return EASY
    return GOOD


def rating_for_grade(grade: str) -> int:
    """The FSRS rating for a flashcard self-grade: again, hard, good or easy."""
    try:
        return GRADES[grade.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown grade {grade!r}") from None


def is_mastered(state: int, stability: float | None) -> bool:
    """Whether a card in this FSRS state and stability counts as mastered (see the constant)."""
    return state == REVIEW and stability is not None and stability >= MASTERED_STABILITY_DAYS


def make_scheduler(*, fuzz: bool = True) -> Any:
    """An fsrs.Scheduler with the package defaults; tests pass fuzz=False."""
    import fsrs

    return fsrs.Scheduler(enable_fuzzing=fuzz)


_default_scheduler: Any = None


def default_scheduler() -> Any:
    """The shared scheduler used when the caller gives none (fuzzing on, as fsrs advises)."""
    global _default_scheduler
    if _default_scheduler is None:
        _default_scheduler = make_scheduler()
    return _default_scheduler


def card_id_for(question_id: str) -> int:
    """A stable 63-bit card id from the question id (fsrs's default sleeps, reads the clock)."""
    import hashlib

    return int.from_bytes(hashlib.sha256(question_id.encode("utf-8")).digest()[:8], "big") >> 1


class CardUpdate(NamedTuple):
    """A card after a review: fsrs's dict form plus the columns the store indexes (a
    NamedTuple: defined in a fraction of a dataclass's time on every start)."""

    card: dict
    state: int
    stability: float | None
    due: datetime
    format: int = FSRS_FORMAT


def review(
    card: dict | None, question_id: str, rating: int, at: datetime, scheduler: Any = None
) -> CardUpdate:
    """Apply one rating at ``at`` (aware) to ``card`` (fsrs dict form; None means a new card)."""
    import fsrs

    at = to_utc(at)
    scheduler = scheduler or default_scheduler()
    current = (
        fsrs.Card.from_dict(card) if card else fsrs.Card(card_id=card_id_for(question_id), due=at)
    )
    updated, _ = scheduler.review_card(current, fsrs.Rating(rating), review_datetime=at)
    return CardUpdate(updated.to_dict(), int(updated.state), updated.stability, updated.due)


def review_answer(answer: Any, card: dict | None, scheduler: Any = None) -> tuple[int, CardUpdate]:
    """The rating of a recorded answer (its own, or derived from its score) and the card after.

    ``answer`` has question_id, answered_at, score, correct, duration_s and rating (a
    memory.store.Answer); ``card`` is the stored card in fsrs dict form, None for a new one.
    """
    rating = answer.rating
    if rating is None:
        rating = rating_for(answer.score, answer.correct, answer.duration_s)
    return rating, review(card, answer.question_id, rating, answer.answered_at, scheduler)


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC with tzinfo exactly ``timezone.utc`` (fsrs insists); naive is a bug."""
    if moment.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    return moment.astimezone(UTC)


@dataclass
class ReviewPlan:
    """Question ids for a review session: due ones (most overdue first), then new ones."""

    due: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    due_total: int = 0  # all due now, before the count limit
    new_total: int = 0  # all never seen (or edited since), before the count limit

    @property
    def ids(self) -> list[str]:
        """The session's question ids in order."""
        return self.due + self.new

    def summary(self) -> str:
        """The line shown before a session starts, e.g. 今天到期 12 项,新学 5 项。"""
        return f"今天到期 {len(self.due)} 项,新学 {len(self.new)} 项。"


def plan_review(
    cards: Mapping[str, tuple[str, float]],
    question_ids_with_fingerprints: Sequence[tuple[str, str]],
    now: datetime,
    count: int,
) -> ReviewPlan:
    """Due questions (due ≤ now, most overdue first), then new ones, at most ``count`` in all.

    ``cards`` maps question id → (stored fingerprint, due as Unix seconds), as
    Store.card_index() gives it. A question whose stored fingerprint differs from the
    current one (its item was edited) counts as new. Questions in ``cards`` but not in the
    list (removed items) are ignored.
    """
    now_ts = to_utc(now).timestamp()
    due: list[tuple[float, int, str]] = []
    new: list[str] = []
    for position, (question_id, fingerprint) in enumerate(question_ids_with_fingerprints):
        known = cards.get(question_id)
        if known is None or known[0] != fingerprint:
            new.append(question_id)
        elif known[1] <= now_ts:
            due.append((known[1], position, question_id))
    due.sort()
    count = max(0, count)
    due_ids = [question_id for _, _, question_id in due[:count]]
    new_ids = new[: count - len(due_ids)]
    return ReviewPlan(due_ids, new_ids, due_total=len(due), new_total=len(new))


# -- exam planning (memory.plan): the forgetting curve and Good-only review paths --------


def retrievability(card: dict | None, at: datetime) -> float:
    """FSRS's probability of recall at ``at`` for a stored card; 0 for a card never reviewed."""
    import fsrs

    if card is None:
        return 0.0
    return float(default_scheduler().get_card_retrievability(fsrs.Card.from_dict(card), to_utc(at)))


def review_path(
    card: dict | None, question_id: str, start: datetime, until: datetime, retention: float
) -> list[datetime]:
    """When a card would be reviewed from ``start`` to ``until`` if every answer were Good.

    The first review is at ``start``; each next one when the card falls due under a
    scheduler aiming at ``retention`` (no fuzz). Stops at the first due after ``until``, so
    the card's recall on ``until`` is at least ``retention`` if the path is followed.
    """
    import fsrs

    scheduler = _planning_scheduler(retention)
    current = (
        fsrs.Card.from_dict(card)
        if card
        else fsrs.Card(card_id=card_id_for(question_id), due=to_utc(start))
    )
    when, until = to_utc(start), to_utc(until)
    times: list[datetime] = []
    while when <= until and len(times) < 100:
        current, _ = scheduler.review_card(current, fsrs.Rating.Good, review_datetime=when)
        times.append(when)
        when = max(current.due, when)
    return times


def recall_falls_below(card: dict, retention: float, start: datetime, until: datetime):
    """The first whole day from ``start`` to ``until`` on which recall drops below
    ``retention`` (a datetime), or None if it stays above it until then."""
    from datetime import timedelta

    if retrievability(card, until) >= retention:
        return None
    if retrievability(card, start) < retention:
        return to_utc(start)
    low, high = 0, (to_utc(until) - to_utc(start)).days + 1
    while high - low > 1:  # recall only falls with time: bisect on days
        middle = (low + high) // 2
        if retrievability(card, start + timedelta(days=middle)) < retention:
            high = middle
        else:
            low = middle
    return to_utc(start) + timedelta(days=high)


_planning_schedulers: dict[float, Any] = {}


def _planning_scheduler(retention: float) -> Any:
    import fsrs

    if retention not in _planning_schedulers:
        _planning_schedulers[retention] = fsrs.Scheduler(
            desired_retention=retention, enable_fuzzing=False
        )
    return _planning_schedulers[retention]


def preview_intervals(card: dict | None, question_id: str, at: datetime) -> dict[int, Any]:
    """For each rating (1..4), how long until the card would be due again (a timedelta).

    Computed by FSRS without fuzzing, so the flashcard rating line can show
    重来 <10分钟 · 困难 1天 · 良好 3天 · 简单 8天 before the learner chooses.
    """
    at = to_utc(at)
    scheduler = _preview_scheduler()
    return {
        rating: review(card, question_id, rating, at, scheduler).due - at
        for rating in (AGAIN, HARD, GOOD, EASY)
    }


_preview: Any = None


def _preview_scheduler() -> Any:
    global _preview
    if _preview is None:
        _preview = make_scheduler(fuzz=False)
    return _preview
