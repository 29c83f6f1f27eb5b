"""FSRS mapping and due selection: ratings, exact due dates, the review plan."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from studycli.memory import scheduling
from studycli.memory.recording import record_answer
from studycli.memory.scheduling import AGAIN, EASY, GOOD, HARD, LEARNING, RELEARNING, REVIEW
from studycli.memory.store import Store

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def scheduler():
    """An fsrs scheduler with fuzzing off, so due dates are exact."""
    return scheduling.make_scheduler(fuzz=False)


@pytest.mark.parametrize(
    ("score", "correct", "duration", "rating"),
    [
        (0.0, False, 3.0, AGAIN),  # wrong, however fast
        (0.4, False, None, AGAIN),  # a little credit is still wrong
        (0.6, False, 20.0, HARD),  # partial: most of a list
        (0.9, True, 2.0, HARD),  # accepted with a slip
        (1.0, True, None, GOOD),  # right, time unknown (piped input)
        (1.0, True, 30.0, GOOD),  # right but slow
        (1.0, True, scheduling.EASY_SECONDS, EASY),  # right within the threshold
        (1.0, True, 1.5, EASY),
    ],
)
def test_rating_for(score, correct, duration, rating):
    """Wrong → Again, partial → Hard, right → Good, right quickly → Easy."""
    assert scheduling.rating_for(score, correct, duration) == rating


def test_rating_for_grade():
    """Flashcard self-grades map to the four FSRS ratings; anything else is a bug."""
    assert [scheduling.rating_for_grade(g) for g in ("again", "Hard", " good", "easy")] == [
        1,
        2,
        3,
        4,
    ]
    with pytest.raises(ValueError):
        scheduling.rating_for_grade("meh")


def test_new_card_again_vs_good(scheduler):
    """A new card: Again is due in 1 minute, Good in 10 (the learning steps), Easy in days."""
    again = scheduling.review(None, "q", AGAIN, T0, scheduler)
    good = scheduling.review(None, "q", GOOD, T0, scheduler)
    easy = scheduling.review(None, "q", EASY, T0, scheduler)
    assert again.due == T0 + timedelta(minutes=1)
    assert good.due == T0 + timedelta(minutes=10)
    assert easy.due == T0 + timedelta(days=8)
    assert (again.state, good.state, easy.state) == (LEARNING, LEARNING, REVIEW)


def test_review_card_again_vs_good(scheduler):
    """A card in Review: Again relearns in 10 minutes, Good waits 11 days."""
    first = scheduling.review(None, "q", GOOD, T0, scheduler)
    second = scheduling.review(first.card, "q", GOOD, first.due, scheduler)
    assert second.state == REVIEW
    assert second.due == first.due + timedelta(days=2)
    at = second.due
    again = scheduling.review(second.card, "q", AGAIN, at, scheduler)
    good = scheduling.review(second.card, "q", GOOD, at, scheduler)
    assert (again.state, again.due) == (RELEARNING, at + timedelta(minutes=10))
    assert (good.state, good.due) == (REVIEW, at + timedelta(days=11))
    assert good.due > again.due


def test_review_takes_any_aware_time(scheduler):
    """An aware non-UTC time is converted (fsrs insists on UTC); a naive one is refused."""
    beijing = T0.astimezone(timezone(timedelta(hours=8)))
    assert scheduling.review(None, "q", AGAIN, beijing, scheduler).due == T0 + timedelta(minutes=1)
    with pytest.raises(ValueError):
        scheduling.review(None, "q", AGAIN, datetime(2026, 11, 2, 9, 0), scheduler)


def test_card_ids_are_stable_and_fast(scheduler):
    """Card ids come from the question id: the same each time, and no 1 ms sleep per card."""
    assert scheduling.card_id_for("d1:cloze:0") == scheduling.card_id_for("d1:cloze:0")
    assert scheduling.card_id_for("d1:cloze:0") != scheduling.card_id_for("d1:cloze:1")
    started = time.perf_counter()
    for n in range(200):
        scheduling.review(None, f"q{n}", GOOD, T0, scheduler)
    assert time.perf_counter() - started < 0.2  # 200 sleeps of 1 ms alone would take 0.2 s


def test_mastery_threshold():
    """Mastered means Review state with stability of at least 21 days."""
    assert scheduling.is_mastered(REVIEW, 21.0)
    assert not scheduling.is_mastered(REVIEW, 20.9)
    assert not scheduling.is_mastered(RELEARNING, 40.0)
    assert not scheduling.is_mastered(LEARNING, None)


def _answer(store, qid, at, correct, fingerprint="fp", scheduler=None):
    record_answer(
        store,
        question_id=qid,
        item_id=qid.split(":")[0],
        fingerprint=fingerprint,
        kind="cloze",
        given="x",
        expected="y",
        score=1.0 if correct else 0.0,
        correct=correct,
        answered_at=at,
        duration_s=None,
        mode="quiz",
        scheduler=scheduler,
    )


def test_plan_review_due_first_then_new(tmp_path, scheduler):
    """Due questions come first, most overdue first, then never-seen ones in deck order."""
    with Store.open(tmp_path) as store:
        _answer(store, "a:0", T0, False, scheduler=scheduler)  # due T0 + 1 min
        _answer(store, "b:0", T0 - timedelta(hours=1), False, scheduler=scheduler)  # most overdue
        _answer(store, "c:0", T0, True, scheduler=scheduler)  # due T0 + 10 min: not yet
        questions = [(q, "fp") for q in ("n1:0", "a:0", "c:0", "b:0", "n2:0", "n3:0")]
        plan = scheduling.plan_review(store.card_index(), questions, T0 + timedelta(minutes=5), 10)
        assert (plan.due, plan.new) == (["b:0", "a:0"], ["n1:0", "n2:0", "n3:0"])
        assert plan.summary() == "今天到期 2 项,新学 3 项。"
        short = scheduling.plan_review(store.card_index(), questions, T0 + timedelta(minutes=5), 3)
        assert short.ids == ["b:0", "a:0", "n1:0"]
        assert (short.due_total, short.new_total) == (2, 3)
        assert scheduling.plan_review(store.card_index(), questions, T0, 0).ids == []


def test_plan_review_edited_and_removed(tmp_path, scheduler):
    """An edited question (new fingerprint) is new; stored ids not in the deck are ignored."""
    with Store.open(tmp_path) as store:
        _answer(store, "edited:0", T0, False, scheduler=scheduler)
        _answer(store, "gone:0", T0, False, scheduler=scheduler)
        plan = scheduling.plan_review(
            store.card_index(), [("edited:0", "fp2")], T0 + timedelta(days=1), 5
        )
        assert (plan.due, plan.new) == ([], ["edited:0"])
