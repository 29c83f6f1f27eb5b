"""The study session through `study`: cards on the schedule, review and stats agreeing on
"due", the daily new limit, the 错题本 with question text, unloaded decks, piped output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pexpect
from rich.cells import cell_len

from studycli.cli import app
from studycli.memory.settings import load_settings

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-02T09:00:00+00:00"
LATER = "2026-03-02T09:30:00+00:00"


def run(runner, *args, input=""):
    """`study ARGS` through CliRunner."""
    return runner.invoke(app, list(args), input=input)


def test_tty_card_rated_again_comes_back(mini_deck):
    """At a terminal: the rating line shows FSRS intervals; 重来 brings the card back."""
    env = dict(os.environ, COLUMNS="60")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "studycli", "cards", *MINI, str(mini_deck), "--count", "2", "--seed", "1",
         "--now", NOW],
        encoding="utf-8", timeout=30, dimensions=(50, 60), env=env,
    )  # fmt: skip
    child.expect("第 1/2 张 · \\S+\r\n(.+?)\r\n")
    front = child.match.group(1)
    child.expect("回车翻面")
    child.sendline("")
    child.expect("1 重来 1分钟 · 2 困难 \\S+ · 3 良好 \\S+ · 4 简单 \\S+")
    child.expect("自评")
    child.sendline("1")
    child.expect("这张卡稍后会再出现。")
    child.expect("回车翻面")
    child.sendline("")
    child.expect("自评")
    child.sendline("3")
    child.expect("第 3/3 张 · \\S+\r\n(.+?)\r\n")
    assert child.match.group(1) == front
    child.expect("回车翻面")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_cards_due_first_and_review_and_stats_agree(runner, mini_deck):
    """A card rated 重来 is due later today: cards shows it first, review offers it, and
    review and stats give the same due count."""
    first = run(runner, "cards", *MINI, str(mini_deck), "--count", "1", "--seed", "3",
                "--now", NOW, input="1\n1\n1\n")  # fmt: skip
    assert first.exit_code == 0, first.output
    front = first.stdout.splitlines()[2]
    again = run(runner, "cards", *MINI, str(mini_deck), "--count", "3", "--seed", "4",
                "--now", LATER, input="3\n3\n3\n")  # fmt: skip
    assert again.stdout.splitlines()[0] == "闪卡:到期 1 张,新卡 2 张。"
    assert again.stdout.splitlines()[2] == front
    run(runner, "cards", *MINI, str(mini_deck), "--count", "1", "--seed", "3", "--now", LATER,
        input="1\n1\n1\n")  # fmt: skip
    stats = run(runner, "stats", *MINI, str(mini_deck), "--now", LATER, "--json")
    due = json.loads(stats.stdout)["due_today"]
    review = run(runner, "review", *MINI, str(mini_deck), "--now", LATER, "--count", "1")
    assert review.exit_code == 0, review.output
    assert review.stdout.splitlines()[0] == f"今天到期 {due} 项,新学 0 项。"
    assert due >= 1
    assert "到期闪卡 1 张" in review.stdout


def test_review_daily_new_limit_persists(runner, mini_deck, isolated_env):
    """--new N limits new items today and is remembered; review says what is left."""
    result = run(runner, "review", *MINI, str(mini_deck), "--new", "2", "--now", NOW,
                 input="x\nx\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "每天新学上限已设为 2 项(已保存)。",
        "今天到期 0 项,新学 2 项。",
        "今天还可新学 2 项(每天上限 2 项,可用 --new 修改)。",
    ]
    assert load_settings(isolated_env).new_per_day == 2
    assert "可新学 0 项。" in lines[-1] and lines[-1].startswith("今天还剩:")  # both answered
    again = run(runner, "review", *MINI, str(mini_deck), "--now", LATER)
    assert again.stdout.splitlines()[1] == "今天还可新学 0 项(每天上限 2 项,可用 --new 修改)。"
    assert "今天还剩:" in again.stdout


def test_review_without_answers_leaves_todays_figures(runner, mini_deck):
    """A review that ends before any answer (empty input) ends with what it began with:
    nothing was learnt, so as many new items are left as it said at the start."""
    result = run(runner, "review", *MINI, str(mini_deck), "--new", "3", "--now", NOW)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == "今天还可新学 3 项(每天上限 3 项,可用 --new 修改)。"
    assert lines[-1] == "今天还剩:到期 0 项,可新学 3 项。"


def test_mistakes_show_question_option_text_and_redo_heading(runner, mini_deck):
    """A wrong choice: the 错题本 shows the question and the option's text, not its letter;
    quiz --mistakes is headed 错题重做 and redoes it."""
    rows = json.loads(
        run(runner, "quiz", *MINI, str(mini_deck), "--json", "--seed", "5", "--count", "1",
            "--kind", "choice").stdout
    )["questions"]  # fmt: skip
    question = rows[0]
    assert question["kind"] == "choice"
    wrong = next(i for i, o in enumerate(question["options"]) if o != question["answer"])
    result = run(runner, "quiz", *MINI, str(mini_deck), "--seed", "5", "--count", "1",
                 "--kind", "choice", "--now", NOW, input="ABCD"[wrong] + "\n")  # fmt: skip
    assert result.exit_code == 0
    assert "1 题进错题本 → study quiz --mistakes" in result.stdout
    book = run(runner, "mistakes", *MINI, str(mini_deck), "--now", NOW)
    text = book.stdout
    assert f"你的答案:{question['options'][wrong]}" in text
    assert f"正确答案:{question['answer']}" in text
    assert "   题目:" in text
    redo = run(runner, "quiz", *MINI, str(mini_deck), "--mistakes", "--now", NOW, input="\n")
    assert redo.stdout.startswith("错题重做:全部主题,共 1 题。")


def test_unloaded_deck_items_name_their_deck(runner, mini_deck):
    """Answers to a --content deck show as (未加载) with the deck file when it is not loaded;
    stats --loaded leaves them out."""
    run(runner, "quiz", *MINI, str(mini_deck), "--seed", "5", "--count", "1", "--now", NOW,
        input="zz\n")  # fmt: skip
    book = run(runner, "mistakes", "--now", NOW)
    assert book.exit_code == 0
    assert "(未加载)" in book.stdout and "(已删除)" not in book.stdout
    assert str((mini_deck / "deck.yaml").resolve()) in "".join(book.stdout.split())
    everything = json.loads(run(runner, "stats", "--json", "--now", NOW).stdout)
    loaded = json.loads(run(runner, "stats", "--json", "--loaded", "--now", NOW).stdout)
    assert everything["reviews"] == 1 and loaded["reviews"] == 0
    assert "(未加载)" in [t["topic"] for t in everything["topics"]]
    assert "(未加载)" not in [t["topic"] for t in loaded["topics"]]


def test_piped_stats_have_no_trailing_spaces_and_json_is_readable(runner, mini_deck, monkeypatch):
    """Piped stats: no trailing spaces, nothing wider than COLUMNS; JSON keeps Chinese."""
    monkeypatch.setenv("COLUMNS", "40")
    run(runner, "quiz", *MINI, str(mini_deck), "--seed", "5", "--count", "1", input="zz\n")
    result = run(runner, "stats", *MINI, str(mini_deck))
    lines = result.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert all(cell_len(line) <= 40 for line in lines)
    data = run(runner, "stats", *MINI, str(mini_deck), "--json").stdout
    assert "人才" in data and "\\u" not in data


def test_closed_pipe_exits_quietly(tmp_path):
    """`study summary | head` : when the reader goes away the exit is 0, with no traceback."""
    env = dict(os.environ, COLUMNS="40")
    proc = subprocess.Popen(
        [sys.executable, "-m", "studycli", "summary"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    proc.stdout.read(200)
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=30) == 0
    assert stderr == b""


def test_piped_quiz_has_no_trailing_spaces_and_counts_answered(runner, mini_deck, monkeypatch):
    """Piped quiz at 40 columns: no trailing spaces, nothing too wide; q ends it and the
    table counts the two answered questions only."""
    monkeypatch.setenv("COLUMNS", "40")
    result = run(runner, "quiz", *MINI, str(mini_deck), "--seed", "3", "--count", "4",
                 input="A\n\nq\n")  # fmt: skip
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert all(cell_len(line) <= 40 for line in lines)
    total = next(line for line in lines if "合计" in line)
    assert total.split("│")[2].strip() == "2"
    assert "(未作答 2 题,不计入成绩)" in lines


def test_card_mistakes_are_redone_as_cards(runner, mini_deck):
    """A card rated 重来 is in the 错题本, and quiz --mistakes redoes it as a card."""
    run(runner, "cards", *MINI, str(mini_deck), "--count", "1", "--seed", "3", "--now", NOW,
        input="1\n1\n1\n")  # fmt: skip
    book = run(runner, "mistakes", *MINI, str(mini_deck), "--now", NOW)
    assert "(闪卡自评:没记住)" in book.stdout
    redo = run(runner, "quiz", *MINI, str(mini_deck), "--mistakes", "--now", LATER, input="4\n")
    assert redo.exit_code == 0, redo.output
    assert redo.stdout.startswith("错题重做:全部主题,闪卡 1 张。")
    assert "完成 1 次自评,已保存。" in redo.stdout
    after = run(runner, "mistakes", *MINI, str(mini_deck), "--now", LATER)
    assert "错题本是空的" in after.stdout


def test_cards_with_nothing_due_or_new_say_so(runner, tmp_path):
    """When every card is learnt and none is due, cards says so instead of asking."""
    deck = tmp_path / "one.yaml"
    deck.write_text(
        "topics: [甲]\nitems:\n  - id: x1\n    kind: fact\n    subject: 甲地\n"
        "    text: 甲地建成10个园区\n    figures: [10个]\n    topics: [甲]\n"
        "    source: {article: a.txt, section: 一}\n",
        encoding="utf-8",
    )
    first = run(runner, "cards", "--no-builtin", "-c", str(deck), "--now", NOW, input="4\n")
    assert first.exit_code == 0, first.output
    again = run(runner, "cards", "--no-builtin", "-c", str(deck), "--now", LATER)
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        "闪卡:到期 0 张,新卡 0 张。",
        "今天没有要复习的闪卡;明天到期 0 项。",
    ]
