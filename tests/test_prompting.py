"""Commands at the answer prompt (cli/prompting.py), unit-level and through a pseudo-terminal."""

from __future__ import annotations

import json
import os
import sys

import pexpect
import pytest

from studycli.cli import app
from studycli.cli.prompting import (
    AGAIN,
    ANSWER,
    HINT,
    OVERRIDE,
    QUIT,
    SKIP,
    capped_rating,
    given_text,
    make_hint,
    parse_reply,
)
from studycli.deck.model import Source
from studycli.memory.scheduling import EASY, HARD
from studycli.quiz.questions import Question

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-02T09:00:00+00:00"


def make_question(**fields) -> Question:
    """A hand-made question with sensible defaults."""
    base = dict(
        id="q1", item_id="i1", kind="cloze", topics=("甲",), prompt="发展____生产力",
        answer="新质", expected=("新质",), answer_words=("新质",),
        source=Source("a.txt", "一"), fingerprint="f", blanks=("新质",),
    )  # fmt: skip
    base.update(fields)
    return Question(**base)


def test_parse_reply_commands_at_a_terminal():
    """Enter and 跳过 skip, ?/提示 hint, q/退出 quit, ! overrides; other text is an answer."""
    assert parse_reply("", interactive=True).command == SKIP
    assert parse_reply("跳过", interactive=True).command == SKIP
    assert parse_reply("?", interactive=True).command == HINT
    assert parse_reply("提示", interactive=True).command == HINT
    assert parse_reply(" q ", interactive=True).command == QUIT
    assert parse_reply("退出", interactive=True).command == QUIT
    assert parse_reply("!", interactive=True).command == OVERRIDE
    assert parse_reply("新质", interactive=True) == parse_reply("新质", interactive=False)
    assert parse_reply("新质", interactive=True).text == "新质"


def test_piped_empty_line_stays_a_wrong_answer():
    """Piped, an empty line is an answer (graded wrong), as the README's contract says."""
    reply = parse_reply("", interactive=False)
    assert (reply.command, reply.text) == (ANSWER, "")


def test_bad_letter_asks_again_only_at_a_terminal():
    """A letter that is not an option re-prompts at a terminal, with the letters to choose."""
    reply = parse_reply("z", interactive=True, letters="ABCD")
    assert reply.command == AGAIN
    assert reply.note == "没有选项“z”:请输入 A、B、C、D 之一。"
    assert parse_reply("b", interactive=True, letters="ABCD").command == ANSWER
    assert parse_reply("z", interactive=False, letters="ABCD").command == ANSWER


def test_hint_gives_first_characters_or_rules_out_options():
    """A cloze hint shows each blank's first character and length; a choice rules two out."""
    cloze = make_question(
        prompt="____和____", blanks=("新质", "高质量"), expected=("新质", "高质量")
    )
    assert make_hint(cloze) == "提示:第 1 空以“新”开头,共 2 字;第 2 空以“高”开头,共 3 字。"
    choice = make_question(kind="choice", options=("甲", "乙", "丙", "丁"), answer="丙", blanks=())
    hint = make_hint(choice)
    assert hint == "提示:可以排除 A、B。"
    assert "C" not in hint


def test_choice_given_as_letter_is_saved_as_the_option_text():
    """Letters are reshuffled next time, so the 错题本 keeps the option's text."""
    choice = make_question(kind="choice", options=("甲", "乙", "丙"), answer="丙", blanks=())
    assert given_text(choice, "b") == "乙"
    assert given_text(choice, "乙") == "乙"
    assert given_text(make_question(), "a") == "a"


def test_hint_caps_the_rating_at_hard():
    """A fast right answer is Easy, but after a hint it is saved as Hard at most."""
    assert capped_rating(1.0, True, 2.0, hinted=False) is None
    assert capped_rating(1.0, True, 2.0, hinted=True) == HARD
    assert capped_rating(0.0, False, 2.0, hinted=True) == 1
    assert EASY > HARD


def questions_of(runner, mini_deck, *args):
    """The questions a seeded quiz asks (its JSON with no answers)."""
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--json", *args], input="")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def spawn(*args, columns: int = 60) -> pexpect.spawn:
    """`study ARGS` in a pseudo-terminal ``columns`` wide (env from the test fixture)."""
    env = dict(os.environ, COLUMNS=str(columns))
    return pexpect.spawn(
        sys.executable,
        ["-m", "studycli", *args],
        encoding="utf-8",
        timeout=30,
        dimensions=(50, columns),
        env=env,
    )


@pytest.fixture
def quiz_tty(mini_deck):
    """A function starting a seeded quiz on the mini deck in a pseudo-terminal."""

    def start(*extra):
        return spawn("quiz", *MINI, str(mini_deck), "--now", NOW, *extra)

    return start


def finish(child) -> str:
    """Everything printed until the process ends; the exit status is kept on ``child``."""
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def test_tty_skip_hint_bad_letter_and_quit(runner, mini_deck, quiz_tty):
    """At a terminal: reminder once, a bad letter re-asks, ? hints, Enter skips, q ends."""
    rows = questions_of(runner, mini_deck, "--seed", "5", "--count", "3", "--kind", "choice")
    assert [r["kind"] for r in rows[:2]] == ["choice", "choice"]
    child = quiz_tty("--seed", "5", "--count", "3", "--kind", "choice")
    child.expect("回车跳过 · \\? 提示 · q 结束 · ! 我答对了")
    child.expect("你的答案> ")
    child.sendline("z")
    child.expect("没有选项“z”:请输入 A、B、C、D 之一。")
    child.expect("你的答案> ")
    child.sendline("?")
    child.expect("提示:可以排除 ")
    child.expect("你的答案> ")
    letter = "ABCD"[rows[0]["options"].index(rows[0]["answer"])]
    child.sendline(letter)
    child.expect("正确")
    child.expect("你的答案> ")
    child.sendline("")
    child.expect("已跳过")
    child.expect("你的答案> ")
    child.sendline("q")
    rest = finish(child)
    assert child.exitstatus == 0
    assert "跳过 1 题,未作答 1 题,不计入成绩" in rest
    assert "本次没有新错题" in rest
    # the skip is no mistake: the 错题本 is empty
    result = runner.invoke(app, ["mistakes", *MINI, str(mini_deck)])
    assert result.exit_code == 0
    assert "错题本是空的" in result.stdout


def test_tty_quit_scores_only_what_was_answered(runner, mini_deck, quiz_tty):
    """A wrong answer, then q: the table counts 1 answered, and the next step names the redo."""
    # Single choice only: the mini deck's multi is weighted down (its right options share 劳动).
    child = quiz_tty("--seed", "5", "--count", "3", "--kind", "choice")
    child.expect("你的答案> ")
    rows = questions_of(runner, mini_deck, "--seed", "5", "--count", "3", "--kind", "choice")
    wrong = next(o for o in rows[0]["options"] if o != rows[0]["answer"])
    child.sendline("ABCD"[rows[0]["options"].index(wrong)])
    child.expect("不对")
    child.expect("你的答案> ")
    child.sendline("退出")
    rest = finish(child)
    assert child.exitstatus == 0
    assert "合计" in rest and "未作答 2 题" in rest
    assert "1 题进错题本 → study quiz --mistakes" in rest
    result = runner.invoke(app, ["mistakes", *MINI, str(mini_deck), "--now", NOW])
    assert result.exit_code == 0
    assert f"你的答案:{wrong}" in result.stdout
