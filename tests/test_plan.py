"""`study plan` and the exam plan (memory.plan): daily figures, review following it, stats."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from studycli.cli import app
from studycli.memory.plan import (
    exam_review,
    learn_days_for,
    make_plan,
    new_quota,
    reserve_days_for,
)
from studycli.memory.scheduling import (
    AGAIN,
    GOOD,
    ReviewPlan,
    make_scheduler,
    retrievability,
    review,
)

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
EXAM = date(2026, 3, 11)
MINI = ["--no-builtin", "--content"]


def card_after(question_id: str, ratings: list[tuple[int, int]]) -> dict:
    """The FSRS card after (days from NOW, rating) reviews, with fuzzing off."""
    scheduler = make_scheduler(fuzz=False)
    card = None
    for days, rating in ratings:
        card = review(card, question_id, rating, NOW + timedelta(days=days), scheduler).card
    return card


def test_reserve_and_learning_days():
    """A fifth of the days (at most 7) is kept for reviewing; behind the plan, every day left."""
    assert [reserve_days_for(d) for d in (1, 4, 5, 10, 30, 100)] == [0, 0, 1, 2, 6, 7]
    assert learn_days_for(10) == 8 and learn_days_for(1) == 1
    assert learn_days_for(2, reserve=2) == 2  # into the reserve with new questions left
    assert new_quota(fresh=10, learnt_today=0, days_left=10, reserve=2) == 2
    assert new_quota(fresh=8, learnt_today=2, days_left=10, reserve=2) == 0
    assert new_quota(fresh=9, learnt_today=2, days_left=10, reserve=2) == 0
    assert new_quota(fresh=15, learnt_today=2, days_left=10, reserve=2) == 1


def test_new_questions_spread_over_learning_days():
    """10 new questions, 10 days: 2 a day for 5 days, none in the 2 reserve days."""
    plan = make_plan([(f"q{i}", "fp") for i in range(10)], {}, NOW, UTC, EXAM)
    assert plan.days_left == 10 and plan.learn_days == 8 and plan.new_per_day == 2
    assert [d.new for d in plan.days] == [2, 2, 2, 2, 2, 0, 0, 0, 0, 0]
    # Each day's two questions come back once, two days after they were learnt (FSRS Good).
    assert [d.reviews for d in plan.days] == [0, 0, 2, 2, 2, 2, 2, 0, 0, 0]
    assert plan.reviews_total == 10 and plan.reviews_per_day == 1 and plan.reviews_peak == 2


def test_plan_from_a_fixed_history():
    """A well-known card needs nothing; one forgotten yesterday is reviewed today and again."""
    strong = card_after("strong", [(-60, GOOD), (-59, GOOD), (-50, GOOD), (-30, GOOD)])
    weak = card_after("weak", [(-1, AGAIN)])
    exam_at = datetime(2026, 3, 11, 8, tzinfo=UTC)
    assert retrievability(strong, exam_at) >= 0.9 > retrievability(weak, NOW)
    cards = {"strong": ("fp", strong), "weak": ("fp", weak)}
    plan = make_plan([("strong", "fp"), ("weak", "fp")], cards, NOW, UTC, EXAM)
    assert plan.new_total == 0 and plan.seen_total == 2
    assert [d.reviews for d in plan.days] == [2, 0, 1, 0, 0, 0, 0, 0, 1, 0]
    only_strong = make_plan([("strong", "fp")], cards, NOW, UTC, EXAM)
    assert only_strong.reviews_total == 0
    # An edited question (fingerprint changed) is new again.
    edited = make_plan([("strong", "changed")], cards, NOW, UTC, EXAM)
    assert edited.new_total == 1 and edited.seen_total == 0


def test_higher_retention_asks_for_more_reviews():
    """Aiming at 97% instead of 90% takes more reviews for the same questions."""
    questions = [(f"q{i}", "fp") for i in range(6)]
    low = make_plan(questions, {}, NOW, UTC, EXAM, retention=0.9)
    high = make_plan(questions, {}, NOW, UTC, EXAM, retention=0.97)
    assert high.reviews_total > low.reviews_total


def test_exam_review_caps_new_and_puts_weakest_first_in_the_last_week():
    """Far from the exam: plain order, new capped; in the last week the weakest come first."""
    weak = card_after("weak", [(-2, AGAIN)])
    fair = card_after("fair", [(-10, GOOD)])
    strong = card_after("strong", [(-60, GOOD), (-59, GOOD), (-50, GOOD), (-30, GOOD)])
    cards = {"weak": ("fp", weak), "fair": ("fp", fair), "strong": ("fp", strong)}
    questions = [(q, "fp") for q in ("fair", "weak", "strong", "n1", "n2", "n3", "n4")]
    plain = ReviewPlan(due=["fair", "weak"], new=["n1", "n2", "n3", "n4"])
    far = exam_review(plain, questions, cards, NOW, UTC, date(2026, 4, 30), 0.9, 0, 20, 7)
    assert far.due == ["fair", "weak"] and not far.weakest_first
    assert far.new == ["n1"]  # 4 new over 53 learning days: one today
    assert far.summary() == "距考试还有 60 天:复习 2 项,新学 1 项。"
    near = exam_review(plain, questions, cards, NOW, UTC, date(2026, 3, 6), 0.9, 0, 20, 1)
    assert near.weakest_first
    assert near.due == ["weak", "fair"]  # lowest recall now first; strong is safe
    assert near.summary() == "距考试还有 5 天:复习 2 项(最弱的在前),新学 1 项。"


# -- through the CLI -----------------------------------------------------------------------


def plan_cmd(runner, mini_deck, *args, now="2026-03-01T09:00:00+08:00"):
    """Run `study plan` on the mini deck."""
    return runner.invoke(app, ["plan", *MINI, str(mini_deck), "--now", now, *args])


def test_plan_json_and_it_is_kept(runner, mini_deck):
    """--exam-date sets the plan; plan without it shows the same figures again."""
    result = plan_cmd(runner, mini_deck, "--exam-date", "2026-03-11", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["days_left"] == 10 and data["learn_days"] == 8
    assert data["new_per_day"] == -(-data["new_total"] // 8)
    assert sum(d["new"] for d in data["days"]) == data["new_total"] > 0
    again = plan_cmd(runner, mini_deck, "--json")
    assert json.loads(again.stdout) == data
    text = plan_cmd(runner, mini_deck)
    assert text.exit_code == 0
    assert (
        "考试日期 2026-03-11(还有 10 天),目标:考试当天每道题记得的把握不低于 90%。" in text.stdout
    )
    assert f"每天新学 {data['new_per_day']} 道,前 8 天学完;之后只复习。" in text.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--exam-date", "2026-13-01"],
            2,
            "考试日期“2026-13-01”不是 YYYY-MM-DD 格式的日期,例如 2026-12-20。",
        ),
        (["--exam-date", "2026-03-01"], 2, "考试日期 2026-03-01 不在今天(2026-03-01)之后。"),
        (
            ["--exam-date", "2026-04-01", "--retention", "1.5"],
            2,
            "--retention 应在 0.7 到 0.99 之间,而不是 1.5。",
        ),
        ([], 1, "还没有设定考试日期。设定:study plan --exam-date YYYY-MM-DD"),
    ],
)
def test_plan_bad_input(runner, mini_deck, args, code, message):
    """A bad or past date, a wild retention, no plan yet: one clear sentence, no traceback."""
    result = plan_cmd(runner, mini_deck, *args)
    assert result.exit_code == code
    assert result.stderr == f"错误:{message}\n"


def test_review_follows_the_plan_and_clear_restores_it(runner, mini_deck):
    """With an exam date review names the days left and caps new questions; --clear undoes it."""
    now = "2026-03-01T09:00:00+08:00"
    plan_cmd(runner, mini_deck, "--exam-date", "2026-04-30")
    data = json.loads(plan_cmd(runner, mini_deck, "--json").stdout)
    result = runner.invoke(
        app, ["review", *MINI, str(mini_deck), "--now", now, "--json", "--count", "50"]
    )
    assert result.exit_code == 0
    assert result.stderr.startswith(f"距考试还有 60 天:复习 0 项,新学 {data['new_per_day']} 项。")
    assert len(json.loads(result.stdout)["questions"]) == data["new_per_day"]
    cleared = plan_cmd(runner, mini_deck, "--clear")
    assert cleared.stdout == "已取消考试日期。\n"
    plain = runner.invoke(app, ["review", *MINI, str(mini_deck), "--now", now, "--json"])
    assert plain.stderr.startswith("今天到期 0 项,新学 20 项。")


def test_stats_shows_days_left_and_on_track(runner, mini_deck):
    """The day after setting the plan: behind with nothing learnt, on track after enough."""
    plan_cmd(runner, mini_deck, "--exam-date", "2026-03-11")
    per_day = json.loads(plan_cmd(runner, mini_deck, "--json").stdout)["new_per_day"]
    next_day = "2026-03-02T09:00:00+08:00"
    stats = runner.invoke(app, ["stats", *MINI, str(mini_deck), "--now", next_day])
    assert stats.exit_code == 0
    assert (
        f"距考试(2026-03-11)还有 9 天,进度落后:已新学 0 道,按计划应有 {per_day} 道。"
        in stats.stdout.replace("\n", "")
    )
    answers = "错\n" * per_day
    runner.invoke(
        app,
        ["review", *MINI, str(mini_deck), "--now", next_day, "--count", str(per_day)],
        input=answers,
    )
    data = json.loads(
        runner.invoke(app, ["stats", *MINI, str(mini_deck), "--now", next_day, "--json"]).stdout
    )
    assert data["exam"] == {
        "exam_date": "2026-03-11",
        "days_left": 9,
        "learnt": per_day,
        "expected": per_day,
        "new_per_day": per_day,
        "on_track": True,
    }
