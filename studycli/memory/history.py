"""Exam-day records in the progress store: past mock papers, challenge runs, the exam plan.

The answers themselves go through memory.recording like any other; these tables keep what
belongs to a whole paper or run (its score, when, how it ended). SQL only, via Store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from studycli.memory.store import Store


@dataclass(frozen=True)
class ExamRecord:
    """One submitted mock paper."""

    taken_at: datetime
    topic: str | None
    seed: int
    questions: int
    answered: int
    score: float
    minutes: int
    duration_s: float | None
    timed_out: bool
    sections: list[dict] = field(default_factory=list)  # title, points, earned
    items: list[str] = field(default_factory=list)  # the items the paper's questions test


@dataclass(frozen=True)
class ChallengeRecord:
    """One 挑战答题 run: how many were right in a row and how it ended."""

    taken_at: datetime
    streak: int
    seconds: int
    ended: str  # "wrong", "timeout", "finished", "stopped"


@dataclass(frozen=True)
class ExamPlan:
    """The exam date the user is preparing for and the retention aimed at on that day."""

    exam_date: date
    retention: float
    new_per_day: int  # as planned when the date was set: the on-track yardstick
    new_total: int  # questions still new when the date was set
    reserve: int  # the last days kept for reviewing only
    set_at: datetime


def save_exam(store: Store, record: ExamRecord) -> None:
    """Append a submitted paper to the history."""
    store.write(
        "INSERT INTO exams (taken_at, topic, seed, questions, answered, score, minutes,"
        " duration_s, timed_out, detail) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            record.taken_at.timestamp(), record.topic, record.seed, record.questions,
            record.answered, record.score, record.minutes, record.duration_s,
            int(record.timed_out),
            json.dumps({"sections": record.sections, "items": record.items}, ensure_ascii=False),
        ),
    )  # fmt: skip


def exams(store: Store, limit: int | None = None) -> list[ExamRecord]:
    """Past papers, newest first."""
    rows = store.query(
        "SELECT taken_at, topic, seed, questions, answered, score, minutes, duration_s,"
        " timed_out, detail FROM exams ORDER BY taken_at DESC, id DESC LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [
        ExamRecord(
            datetime.fromtimestamp(t, UTC),
            topic,
            seed,
            n,
            answered,
            score,
            minutes,
            duration,
            bool(timed_out),
            json.loads(detail).get("sections", []),
            json.loads(detail).get("items", []),
        )
        for t, topic, seed, n, answered, score, minutes, duration, timed_out, detail in rows
    ]


def recent_items(store: Store, papers: int) -> frozenset[str]:
    """The items tested by the last ``papers`` papers sat (for the next one to leave aside)."""
    return frozenset(item for record in exams(store, limit=papers) for item in record.items)


def save_challenge(store: Store, record: ChallengeRecord) -> None:
    """Append a challenge run."""
    store.write(
        "INSERT INTO challenges (taken_at, streak, seconds, ended) VALUES (?,?,?,?)",
        (record.taken_at.timestamp(), record.streak, record.seconds, record.ended),
    )


def best_challenge(store: Store) -> ChallengeRecord | None:
    """The longest run so far (the earliest of equals), or None before the first."""
    rows = store.query(
        "SELECT taken_at, streak, seconds, ended FROM challenges"
        " ORDER BY streak DESC, taken_at ASC, id ASC LIMIT 1"
    )
    if not rows:
        return None
    t, streak, seconds, ended = rows[0]
    return ChallengeRecord(datetime.fromtimestamp(t, UTC), streak, seconds, ended)


def set_exam_plan(store: Store, plan: ExamPlan) -> None:
    """Set (or replace) the exam date and target retention."""
    store.write(
        "INSERT OR REPLACE INTO exam_plan"
        " (id, exam_date, retention, new_per_day, new_total, reserve, set_at)"
        " VALUES (1,?,?,?,?,?,?)",
        (
            plan.exam_date.isoformat(),
            plan.retention,
            plan.new_per_day,
            plan.new_total,
            plan.reserve,
            plan.set_at.timestamp(),
        ),
    )


def exam_plan(store: Store) -> ExamPlan | None:
    """The exam date being prepared for, or None."""
    rows = store.query(
        "SELECT exam_date, retention, new_per_day, new_total, reserve, set_at FROM exam_plan"
    )
    if not rows:
        return None
    day, retention, new_per_day, new_total, reserve, set_at = rows[0]
    return ExamPlan(
        date.fromisoformat(day), retention, new_per_day, new_total, reserve,
        datetime.fromtimestamp(set_at, UTC),
    )  # fmt: skip


def clear_exam_plan(store: Store) -> bool:
    """Forget the exam date; False if none was set."""
    had = exam_plan(store) is not None
    store.write("DELETE FROM exam_plan")
    return had


def card_states(store: Store) -> dict[str, tuple[str, dict]]:
    """question id → (stored fingerprint, FSRS card in fsrs's dict form), for the plan."""
    return {
        qid: (fp, json.loads(blob))
        for qid, fp, blob in store.query("SELECT question_id, fingerprint, fsrs FROM cards")
    }


def first_seen_since(store: Store, since: datetime) -> int:
    """How many questions were answered for the first time at or after ``since``."""
    rows = store.query(
        "SELECT count(*) FROM (SELECT question_id FROM answers GROUP BY question_id"
        " HAVING min(answered_at) >= ?)",
        (since.timestamp(),),
    )
    return rows[0][0]
