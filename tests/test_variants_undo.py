"""Undoing “我答对了”: study variants --remove, through the CLI and at the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from studycli.cli import app
from studycli.memory.store import Store
from studycli.memory.variants import Variant, add_variant, list_variants, remove_variants

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-01T09:00:00+00:00"
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def quiz(runner, mini_deck, *args, input=""):
    """Run `study quiz` on the mini deck with the given lines on stdin."""
    return runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--now", NOW, *args], input=input)


def test_remove_one_answer_then_it_is_graded_wrong_again(runner, mini_deck, isolated_env):
    """`!` stores a variant; `variants --remove ID --answer A` forgets it: the same answer
    is wrong next time, and the recorded score stays."""
    first = quiz(runner, mini_deck, "--json", "--kind", "term", "--seed", "1", "-n", "2")
    rows = json.loads(first.stdout)["questions"]
    qid = rows[0]["id"]
    answers = f"我的说法\n!\n{rows[1]['answer']}\n"
    quiz(runner, mini_deck, "--kind", "term", "--seed", "1", "-n", "2", input=answers)
    removed = runner.invoke(app, ["variants", "--remove", qid, "--answer", "我的说法"])
    assert removed.exit_code == 0, removed.output
    assert f"已撤销:题目 {qid} 不再接受“我的说法”。已记下的成绩不变。" in removed.stdout
    listed = runner.invoke(app, ["variants"])
    assert "还没有认可过的答案" in listed.stdout
    again = quiz(runner, mini_deck, "--json", "--kind", "term", "--seed", "1", "-n", "1",
                 input="我的说法\n")  # fmt: skip
    assert again.exit_code == 0
    assert json.loads(again.stdout)["questions"][0]["correct"] is False
    with Store.open(isolated_env) as store:
        scores = store.query(
            "SELECT correct FROM answers WHERE question_id = ? ORDER BY id", (qid,)
        )
    assert [c for (c,) in scores] == [1, 0]


def test_remove_every_answer_of_a_question(runner, isolated_env):
    """`variants --remove ID` forgets all the question's answers, not other questions'."""
    with Store.open(isolated_env) as store:
        for question, answer in (("q:term:a", "甲"), ("q:term:a", "乙"), ("r:term:b", "丙")):
            add_variant(store, Variant(question, "q", "f" * 16, answer, "正解", AT))
    result = runner.invoke(app, ["variants", "--remove", "q:term:a"])
    assert result.exit_code == 0, result.output
    assert "已撤销:题目 q:term:a 不再接受这 2 个答案。" in result.stdout
    with Store.open(isolated_env) as store:
        assert [v.answer for v in list_variants(store)] == ["丙"]


def test_remove_nothing_is_an_error_naming_the_question(runner):
    """Nothing to remove: exit 1 with a sentence naming the id (and the answer)."""
    result = runner.invoke(app, ["variants", "--remove", "x:term:y"])
    assert result.exit_code == 1
    assert "题目 x:term:y 没有认可过的答案,没有可撤销的。" in result.stderr
    one = runner.invoke(app, ["variants", "--remove", "x:term:y", "--answer", "某答"])
    assert one.exit_code == 1
    assert "题目 x:term:y 没有认可过的答案“某答”" in one.stderr


def test_answer_without_remove_is_a_usage_error(runner):
    """`--answer` alone makes no sense: exit 2 and how to use it."""
    result = runner.invoke(app, ["variants", "--answer", "某答"])
    assert result.exit_code == 2
    assert "--answer 只能与 --remove 一起用" in result.stderr


def test_remove_variants_counts_and_matches_the_stripped_answer(tmp_path):
    """remove_variants returns how many went; the answer is matched as stored (stripped)."""
    with Store.open(tmp_path) as store:
        add_variant(store, Variant("q:term:a", "q", "f" * 16, "甲", "正解", AT))
        assert remove_variants(store, "q:term:a", " 乙 ") == 0
        assert remove_variants(store, "q:term:a", " 甲 ") == 1
        assert list_variants(store) == []
