"""Planning for an exam date: new questions and reviews per day, and review that follows it.

The arithmetic: new questions are spread evenly over the learning days (all days but the
last fifth, at most RESERVE_DAYS, kept for reviewing only); every question then follows
the review path FSRS gives a Good answer each time, under a scheduler aiming at the target
retention, until its next due falls after the exam — so on the exam day the forgetting
curve puts its recall at or above the target. A question already learnt starts that path
on the day its recall would fall below the target (today if it already has).

Following the plan never rewrites a card: review only chooses which questions come first,
and every answer is rated and scheduled by FSRS as always, so the long-term schedule is the
one FSRS keeps. In the last FINAL_DAYS the weakest questions (lowest recall now) come
first, including ones not yet due whose recall on the exam day would fall short.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from studycli.memory.history import card_states, exam_plan, first_seen_since
from studycli.memory.scheduling import (
    ReviewPlan,
    recall_falls_below,
    retrievability,
    review_path,
    to_utc,
)
from studycli.memory.store import Store

DEFAULT_RETENTION = 0.9
RESERVE_DAYS = 7  # at most this many last days are kept for reviewing only
FINAL_DAYS = 7  # in the last week review takes the weakest first
EXAM_HOUR = 8  # the exam is taken as starting at 08:00 local time on its day


@dataclass(frozen=True)
class DayLoad:
    """One day of the plan: new questions to learn and reviews to do."""

    day: date
    new: int
    reviews: int


@dataclass(frozen=True)
class StudyPlan:
    """What it takes to know every question at the target retention on the exam day."""

    exam_date: date
    today: date
    retention: float
    new_total: int
    seen_total: int
    learn_days: int
    days: list[DayLoad] = field(default_factory=list)

    @property
    def days_left(self) -> int:
        """Whole days from today to the exam day (today counts, the exam day does not)."""
        return (self.exam_date - self.today).days

    @property
    def new_per_day(self) -> int:
        """New questions a day on the learning days."""
        return math.ceil(self.new_total / self.learn_days) if self.new_total else 0

    @property
    def reviews_total(self) -> int:
        """Reviews the plan asks for, all days together."""
        return sum(d.reviews for d in self.days)

    @property
    def reviews_per_day(self) -> int:
        """Reviews a day on average (rounded up)."""
        return math.ceil(self.reviews_total / len(self.days)) if self.days else 0

    @property
    def reviews_peak(self) -> int:
        """The busiest day's reviews."""
        return max((d.reviews for d in self.days), default=0)

    def to_json(self) -> dict:
        """The plan as plain data."""
        return {
            "exam_date": self.exam_date.isoformat(),
            "days_left": self.days_left,
            "retention": self.retention,
            "new_total": self.new_total,
            "seen_total": self.seen_total,
            "learn_days": self.learn_days,
            "new_per_day": self.new_per_day,
            "reviews_per_day": self.reviews_per_day,
            "reviews_peak": self.reviews_peak,
            "reviews_total": self.reviews_total,
            "days": [
                {"date": d.day.isoformat(), "new": d.new, "reviews": d.reviews} for d in self.days
            ],
        }


def reserve_days_for(days: int) -> int:
    """The last days kept for reviewing only: a fifth of the days, at most RESERVE_DAYS."""
    return min(RESERVE_DAYS, days // 5)


def learn_days_for(days_left: int, reserve: int | None = None) -> int:
    """Days left for learning new questions: all but the reserve, and at least one."""
    if reserve is None:
        reserve = reserve_days_for(days_left)
    learn = days_left - reserve
    # Behind the plan (into the reserve with questions still new): use every day left.
    return learn if learn >= 1 else max(1, days_left)


def new_quota(fresh: int, learnt_today: int, days_left: int, reserve: int) -> int:
    """New questions still to learn today so that the rest fit the learning days left."""
    learn_left = learn_days_for(days_left, reserve)
    return max(0, math.ceil((fresh + learnt_today) / learn_left) - learnt_today)


def exam_moment(exam_date: date, tz: tzinfo) -> datetime:
    """When the exam starts, as an aware datetime."""
    return datetime.combine(exam_date, time(EXAM_HOUR), tzinfo=tz)


def make_plan(
    questions: Sequence[tuple[str, str]],
    cards: Mapping[str, tuple[str, dict]],
    now: datetime,
    tz: tzinfo,
    exam_date: date,
    retention: float = DEFAULT_RETENTION,
) -> StudyPlan:
    """The daily figures for ``questions`` ((id, fingerprint)) given their stored ``cards``.

    ``cards`` maps question id → (stored fingerprint, FSRS card dict); a question without
    a card, or whose fingerprint changed, is new. ``exam_date`` must be after today.
    """
    today = now.astimezone(tz).date()
    days_left = (exam_date - today).days
    if days_left < 1:
        raise ValueError("the exam date must be after today")
    exam_at = exam_moment(exam_date, tz)
    learn_days = learn_days_for(days_left)
    fresh = [qid for qid, fp in questions if qid not in cards or cards[qid][0] != fp]
    per_day = math.ceil(len(fresh) / learn_days) if fresh else 0
    new = [0] * days_left
    reviews = [0] * days_left

    def add_reviews(times: Sequence[datetime], skip_first_day: bool) -> None:
        first = times[0].astimezone(tz).date() if times else None
        for moment in times:
            day = (moment.astimezone(tz).date() - today).days
            if skip_first_day and moment.astimezone(tz).date() == first:
                continue  # the learning steps of the day a question is learnt
            if 0 <= day < days_left:
                reviews[day] += 1

    # Every new question learnt on the same day follows the same path: compute it once a day.
    paths: dict[int, list[datetime]] = {}
    for index, qid in enumerate(fresh):
        day = index // per_day
        new[day] += 1
        if day not in paths:
            paths[day] = review_path(None, qid, now + timedelta(days=day), exam_at, retention)
        add_reviews(paths[day], skip_first_day=True)
    seen = 0
    for qid, fp in questions:
        known = cards.get(qid)
        if known is None or known[0] != fp:
            continue
        seen += 1
        start = recall_falls_below(known[1], retention, now, exam_at)
        if start is not None:
            add_reviews(review_path(known[1], qid, start, exam_at, retention), False)
    loads = [DayLoad(today + timedelta(days=d), new[d], reviews[d]) for d in range(days_left)]
    return StudyPlan(exam_date, today, retention, len(fresh), seen, learn_days, loads)


class ExamReviewPlan(ReviewPlan):
    """A review session shaped by the exam plan; its summary names the days left."""

    days_left: int = 0
    weakest_first: bool = False

    def summary(self) -> str:
        """The line shown before the session."""
        order = "(最弱的在前)" if self.weakest_first and self.due else ""
        return (
            f"距考试还有 {self.days_left} 天:复习 {len(self.due)} 项{order},"
            f"新学 {len(self.new)} 项。"
        )


def exam_review(
    plan: ReviewPlan,
    questions: Sequence[tuple[str, str]],
    cards: Mapping[str, tuple[str, dict]],
    now: datetime,
    tz: tzinfo,
    exam_date: date,
    retention: float,
    learnt_today: int,
    count: int,
    reserve: int,
) -> ExamReviewPlan:
    """The session the exam plan asks for today, from the plain FSRS ``plan``.

    New questions are capped at today's share of what is left to learn (``reserve``: the
    last days kept for reviewing, fixed when the exam date was set); in the last
    FINAL_DAYS questions whose recall on the exam day would fall short join the due ones,
    and all of them are ordered weakest first.
    """
    today = now.astimezone(tz).date()
    days_left = (exam_date - today).days
    fresh = [qid for qid, fp in questions if qid not in cards or cards[qid][0] != fp]
    quota = new_quota(len(fresh), learnt_today, days_left, reserve)
    due = list(plan.due)
    weakest = days_left <= FINAL_DAYS
    if weakest:
        exam_at = exam_moment(exam_date, tz)
        due_set = set(plan.due)
        # Every due question, not only the first `count` the plain plan kept.
        now_ts = to_utc(now).timestamp()
        due_all = []
        for qid, fp in questions:
            known = cards.get(qid)
            if known is None or known[0] != fp:
                continue
            card = known[1]
            due_at = datetime.fromisoformat(card["due"]).timestamp()
            if qid in due_set or due_at <= now_ts or retrievability(card, exam_at) < retention:
                due_all.append((retrievability(card, now), qid))
        due = [qid for _, qid in sorted(due_all)]
    due = due[:count]
    new = fresh[: max(0, min(quota, count - len(due)))]
    result = ExamReviewPlan(due, new, due_total=len(due), new_total=len(fresh))
    result.days_left = days_left
    result.weakest_first = weakest
    return result


# -- the plan in the store: review following it, stats showing it ------------------------


def start_of_day(now: datetime, tz: tzinfo) -> datetime:
    """Local midnight of ``now``'s day."""
    return datetime.combine(now.astimezone(tz).date(), time(0), tzinfo=tz)


def follow_exam_plan(
    store: Store,
    plan: ReviewPlan,
    questions: Sequence[tuple[str, str]],
    now: datetime,
    tz: tzinfo,
    count: int,
) -> ReviewPlan:
    """``plan`` as the exam plan shapes it, or ``plan`` unchanged when no exam is coming."""
    target = exam_plan(store)
    if target is None or (target.exam_date - now.astimezone(tz).date()).days < 1:
        return plan
    return exam_review(
        plan,
        questions,
        card_states(store),
        now,
        tz,
        target.exam_date,
        target.retention,
        first_seen_since(store, start_of_day(now, tz)),
        count,
        target.reserve,
    )


@dataclass(frozen=True)
class ExamStatus:
    """Days left and whether learning keeps pace with the plan set for the exam date."""

    exam_date: date
    days_left: int
    learnt: int  # questions first answered since the plan was set
    expected: int  # what the plan asked for by the end of yesterday
    new_per_day: int

    @property
    def on_track(self) -> bool:
        """Learnt at least what the plan asked for by yesterday."""
        return self.learnt >= self.expected

    def to_json(self) -> dict:
        """The status as plain data."""
        return {
            "exam_date": self.exam_date.isoformat(),
            "days_left": self.days_left,
            "learnt": self.learnt,
            "expected": self.expected,
            "new_per_day": self.new_per_day,
            "on_track": self.on_track,
        }


def exam_status(store: Store, now: datetime, tz: tzinfo) -> ExamStatus | None:
    """The exam plan's status today, or None when no exam date is set."""
    target = exam_plan(store)
    if target is None:
        return None
    today = now.astimezone(tz).date()
    set_day = target.set_at.astimezone(tz).date()
    elapsed = max(0, (today - set_day).days)
    expected = min(target.new_total, target.new_per_day * elapsed)
    learnt = first_seen_since(store, datetime.combine(set_day, time(0), tzinfo=tz))
    days_left = (target.exam_date - today).days
    return ExamStatus(target.exam_date, days_left, learnt, expected, target.new_per_day)
