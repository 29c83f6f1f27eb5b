"""`study challenge` (挑战答题): ends at the first miss or timeout; the best run is kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from studycli.cli import app, challenge_cmds
from studycli.memory.store import Store

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-01T09:00:00+08:00"


def challenge(runner, mini_deck, *args, input=""):
    """Run `study challenge` on the mini deck with answers on stdin."""
    return runner.invoke(
        app, ["challenge", *MINI, str(mini_deck), "--now", NOW, *args], input=input
    )


def rows_of(runner, mini_deck, *args):
    """The questions of a seeded run, from a run with no input (nothing asked is answered)."""
    result = challenge(runner, mini_deck, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_run_ends_at_first_wrong_answer(runner, mini_deck, isolated_env):
    """Two right, one wrong: streak 2, the rest never asked (given null), answers recorded."""
    rows = rows_of(runner, mini_deck, "--seed", "1")
    assert len(rows) >= 4 and all(row["kind"] == "choice" for row in rows)
    assert all(row["given"] is None for row in rows)
    answers = f"{rows[0]['answer']}\n{rows[1]['answer']}\n完全不对\n{rows[3]['answer']}\n"
    result = challenge(runner, mini_deck, "--json", "--seed", "1", input=answers)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["streak"] == 2 and data["ended"] == "wrong"
    given = [row["given"] for row in data["questions"]]
    assert given[:4] == [rows[0]["answer"], rows[1]["answer"], "完全不对", None]
    assert all(g is None for g in given[3:])
    with Store.open(isolated_env) as store:
        assert store.query("SELECT mode, count(*) FROM answers GROUP BY mode") == [("challenge", 3)]


def test_best_run_is_kept_and_shown(runner, mini_deck):
    """A run of 2 then a run of 1: the second says the best is still 2."""
    rows = rows_of(runner, mini_deck, "--seed", "2")
    first = challenge(
        runner, mini_deck, "--seed", "2", input=f"{rows[0]['answer']}\n{rows[1]['answer']}\n错\n"
    )
    assert first.exit_code == 0
    assert first.stdout.startswith(
        f"挑战答题:共 {len(rows)} 题,每题限时 45 秒,答错或超时即结束。还没有纪录。"
    )
    assert "挑战结束(答错了):连对 2 题。" in first.stdout
    assert "新纪录!最佳纪录:2 题。" in first.stdout
    second = challenge(runner, mini_deck, "--seed", "2", input=f"{rows[0]['answer']}\n错\n")
    assert second.stdout.startswith(
        f"挑战答题:共 {len(rows)} 题,每题限时 45 秒,答错或超时即结束。最佳纪录 2 题。"
    )
    assert "挑战结束(答错了):连对 1 题。\n最佳纪录:2 题。\n" in second.stdout
    data = json.loads(challenge(runner, mini_deck, "--json", "--seed", "2", input="错\n").stdout)
    assert data["streak"] == 0 and data["best"] == 2


def test_time_limit_per_question_with_a_fake_clock(runner, mini_deck, monkeypatch):
    """Answers taking 30 s pass a 45 s limit; with --seconds 20 the first right answer times out."""
    rows = rows_of(runner, mini_deck, "--seed", "3")
    clock_now = [datetime(2026, 3, 1, 1, 0, tzinfo=UTC)]
    monkeypatch.setattr(challenge_cmds, "session_clock", lambda fixed: lambda: clock_now[0])
    original = challenge_cmds.AnswerSource.read

    def slow_read(self, prompt):
        clock_now[0] += timedelta(seconds=30)
        return original(self, prompt)

    monkeypatch.setattr(challenge_cmds.AnswerSource, "read", slow_read)
    answers = "".join(row["answer"] + "\n" for row in rows[:2])
    ok = json.loads(challenge(runner, mini_deck, "--json", "--seed", "3", input=answers).stdout)
    assert ok["streak"] == 2 and ok["ended"] == "stopped"
    result = challenge(runner, mini_deck, "--seed", "3", "--seconds", "20", input=answers)
    assert result.exit_code == 0
    assert "✗ 超时:用时 30 秒,限时 20 秒。" in result.stdout
    assert "挑战结束(超时了):连对 0 题。" in result.stdout
    data = json.loads(
        challenge(
            runner, mini_deck, "--json", "--seed", "3", "--seconds", "20", input=answers
        ).stdout
    )
    assert data["questions"][0]["timed_out"] is True and data["questions"][0]["correct"] is True
    assert data["streak"] == 0 and data["questions"][1]["given"] is None


def test_bad_seconds_is_a_usage_error(runner, mini_deck):
    """--seconds 0 exits 2 with one sentence."""
    result = challenge(runner, mini_deck, "--seconds", "0")
    assert result.exit_code == 2
    assert result.stderr == "错误:--seconds 必须是正整数,而不是 0。\n"


def test_a_letter_is_saved_as_the_option_text(runner, mini_deck, isolated_env):
    """A challenge answered by letter records the option's text, as quiz does (letters move)."""
    rows = rows_of(runner, mini_deck, "--seed", "1")
    wrong = next(o for o in rows[0]["options"] if o != rows[0]["answer"])
    letter = "ABCD"[rows[0]["options"].index(wrong)]
    result = challenge(runner, mini_deck, "--seed", "1", input=letter + "\n")
    assert result.exit_code == 0, result.output
    with Store.open(isolated_env) as store:
        assert store.query("SELECT given FROM answers") == [(wrong,)]
