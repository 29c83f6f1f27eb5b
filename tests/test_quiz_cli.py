"""`study quiz`, `study cards`, `study review` through the CLI, and the scriptable contract."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from studycli.cli import app

MINI = ["--no-builtin", "--content"]


def quiz(runner, mini_deck, *args, input=""):
    """Run `study quiz` on the mini deck with the given answers on stdin."""
    return runner.invoke(app, ["quiz", *MINI, str(mini_deck), *args], input=input)


def questions_of(runner, mini_deck, *args):
    """The questions a seeded quiz asks, read from its JSON with no answers given."""
    result = quiz(runner, mini_deck, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_same_seed_same_questions(runner, mini_deck):
    """--seed with the same content gives exactly the same questions; another seed may not."""
    first = questions_of(runner, mini_deck, "--seed", "7", "--count", "5")
    again = questions_of(runner, mini_deck, "--seed", "7", "--count", "5")
    assert first == again
    assert len(first) == 5


def test_json_contract_fields(runner, mini_deck):
    """Every question row has the contract's keys; clozes add blanks, choices add options."""
    rows = questions_of(runner, mini_deck, "--seed", "1", "--count", "50")
    keys = {"id", "item", "kind", "topics", "prompt", "answer", "given", "correct", "score"}
    for row in rows:
        assert keys <= set(row)
        assert row["given"] is None and row["correct"] is False and row["score"] == 0
        if row["kind"] == "cloze":
            assert row["prompt"].count("____") == len(row["blanks"]) >= 1
        if row["kind"] == "choice":
            assert len(row["options"]) >= 3
    assert {row["kind"] for row in rows} >= {"cloze", "choice", "list", "term"}


def test_answering_with_the_canonical_answers_scores_all(runner, mini_deck):
    """Typing each question's `answer` is graded right, and the totals say so."""
    rows = questions_of(runner, mini_deck, "--seed", "3", "--count", "6")
    answers = "".join(row["answer"] + "\n" for row in rows)
    result = quiz(runner, mini_deck, "--json", "--seed", "3", "--count", "6", input=answers)
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["correct"] == data["total"] == 6
    assert all(row["score"] == 1 and row["given"] == row["answer"] for row in data["questions"])


def test_end_of_input_mid_quiz_leaves_the_rest_unanswered(runner, mini_deck):
    """Two answers then end of input: the rest are given null, and it says so on stderr."""
    rows = questions_of(runner, mini_deck, "--seed", "4", "--count", "4")
    answers = f"{rows[0]['answer']}\n\n"  # one right, one empty line (wrong), then EOF
    result = quiz(runner, mini_deck, "--json", "--seed", "4", "--count", "4", input=answers)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    given = [row["given"] for row in data["questions"]]
    assert given == [rows[0]["answer"], "", None, None]
    assert data["correct"] == 1 and data["total"] == 4
    assert result.stderr == "输入已结束:已保存 2 道题的作答,其余 2 题未作答。\n"


def test_plain_quiz_shows_progress_feedback_and_score_table(runner, mini_deck):
    """Without --json: a header per question, feedback with the answer, a closing table."""
    rows = questions_of(runner, mini_deck, "--seed", "5", "--count", "2")
    result = quiz(
        runner,
        mini_deck,
        "--seed",
        "5",
        "--count",
        "2",
        input="不知道\n" + rows[1]["answer"] + "\n",
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "测验:全部主题,共 2 题(种子 5)。" in text
    assert "第 1/2 题" in text and "第 2/2 题" in text
    answer_lines = [line for line in text.splitlines() if line.startswith("答案:")]
    assert answer_lines[0].endswith(rows[0]["answer"])  # a choice shows "B. " before it
    assert "出处:" in text
    assert "✓ 正确" in text
    assert "本次成绩" in text and "合计" in text


def test_quiz_topic_alias_draws_only_that_topic(runner, mini_deck):
    """--topic by alias: every question belongs to that topic."""
    rows = questions_of(runner, mini_deck, "--topic", "人力资本", "--count", "20", "--seed", "2")
    assert rows and all("人才" in row["topics"] for row in rows)


def test_quiz_unknown_topic_and_bad_kind(runner, mini_deck):
    """An unknown topic exits 1 with a suggestion; a bad --kind is a usage error (2)."""
    result = quiz(runner, mini_deck, "--topic", "人材")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误:没有主题“人材”。您是否要找“人才”?")
    assert quiz(runner, mini_deck, "--kind", "essay").exit_code == 2
    assert quiz(runner, mini_deck, "--count", "0").exit_code == 2


def test_hint_length_shows_boxes(runner, mini_deck):
    """--hint-length shows one box per character of each blank; the JSON prompt keeps ____."""
    rows = questions_of(runner, mini_deck, "--kind", "cloze", "--seed", "1", "--count", "1")
    result = quiz(
        runner, mini_deck, "--kind", "cloze", "--seed", "1", "--count", "1", "--hint-length"
    )
    assert "□" * len(rows[0]["blanks"][0]) in result.stdout


def test_answers_are_recorded_and_mistakes_requiz(runner, mini_deck):
    """A wrong answer lands in the 错题本, and --mistakes asks exactly that question."""
    rows = questions_of(runner, mini_deck, "--kind", "cloze", "--seed", "9", "--count", "2")
    quiz(
        runner,
        mini_deck,
        "--json",
        "--kind",
        "cloze",
        "--seed",
        "9",
        "--count",
        "2",
        input="错的\n" + rows[1]["answer"] + "\n",
    )
    again = quiz(runner, mini_deck, "--json", "--mistakes", input="")
    assert [row["id"] for row in json.loads(again.stdout)["questions"]] == [rows[0]["id"]]


def test_mistakes_when_none(runner, mini_deck):
    """--mistakes with an empty 错题本 says so and exits 1."""
    result = quiz(runner, mini_deck, "--mistakes")
    assert result.exit_code == 1
    assert "错题本是空的" in result.stderr


def test_cards_self_grades_are_saved(runner, mini_deck):
    """Piped card session: one grade per line; a card rated 重来 comes back at the end."""
    result = runner.invoke(
        app,
        ["cards", *MINI, str(mini_deck), "--count", "2", "--seed", "1"],
        input="1\ngood\ngood\n",
    )
    assert result.exit_code == 0, result.output
    assert "这张卡稍后会再出现。" in result.stdout
    assert "第 3/3 张" in result.stdout
    assert "完成 3 次自评(其中重来 1 次),已保存。" in result.stdout
    assert "下一步:本次没有新错题" in result.stdout  # the 重来 card was then rated 良好
    assert "1 重来 1分钟 · 2 困难 6分钟 · 3 良好 10分钟 · 4 简单 " in result.stdout


def test_review_counts_then_asks(runner, mini_deck):
    """Review on a fresh store: nothing due, everything new, counts shown first."""
    result = runner.invoke(app, ["review", *MINI, str(mini_deck), "--count", "3"], input="")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("今天到期 0 项,新学 3 项。")


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery is POSIX")
def test_sigint_keeps_answers_given(tmp_path, mini_deck):
    """A real quiz process killed with Ctrl-C after two answers keeps both, with no traceback."""
    env = {**os.environ, "STUDY_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    argv = [
        sys.executable,
        "-m",
        "studycli",
        "quiz",
        *MINI,
        str(mini_deck),
        "--seed",
        "1",
        "--count",
        "5",
    ]
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    seen = ""
    for answer in ("甲", "乙"):
        proc.stdin.write(answer + "\n")
        proc.stdin.flush()
    deadline = time.monotonic() + 30
    while seen.count("出处:") + seen.count("✓ 正确") < 2 and time.monotonic() < deadline:
        seen += proc.stdout.readline()
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "已中断:已保存 2 道题的作答,其余 3 题未作答。" in stderr
    assert "Traceback" not in stderr
    stats = subprocess.run(
        [sys.executable, "-m", "studycli", "stats", "--json", *MINI, str(mini_deck)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(stats.stdout)["reviews"] == 2


def test_quiz_topic_talent_reaches_every_talent_item(runner):
    """Shipped deck: `study quiz --topic 人才` asks only 人才 items and reaches all of them."""
    exported = runner.invoke(app, ["export", "--topic", "人才"])
    talent_items = {item["id"] for item in json.loads(exported.stdout)["items"]}
    assert len(talent_items) >= 30
    result = runner.invoke(app, ["quiz", "--topic", "人才", "--json", "--count", "5000"], input="")
    rows = json.loads(result.stdout)["questions"]
    assert all("人才" in row["topics"] for row in rows)
    assert {row["item"] for row in rows} == talent_items
    first = json.loads(
        runner.invoke(app, ["quiz", "-t", "人才", "--json", "-n", str(len(talent_items))]).stdout
    )["questions"]
    assert {row["item"] for row in first} == talent_items  # one round covers every item


def test_review_json_with_nothing_to_review_is_still_json(runner, tmp_path):
    """With nothing due or new, `review --json` prints an empty JSON object, not prose."""
    deck = tmp_path / "empty.yaml"
    deck.write_text("topics: [甲]\nitems: []\n", encoding="utf-8")
    result = runner.invoke(app, ["review", "--json", "--no-builtin", "-c", str(deck)], input="")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"questions": [], "correct": 0, "answered": 0, "total": 0}
    assert result.stderr == (
        "今天到期 0 项,新学 0 项。\n今天还可新学 20 项(每天上限 20 项,可用 --new 修改)。\n"
    )
