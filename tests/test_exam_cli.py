"""`study exam` through the CLI: the JSON contract, timed submission, history, print, errors."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta

import pytest

from studycli.cli import app, exam_cmds
from studycli.cli.exam_sitting import Sitting, parse_command, sit_interactive
from studycli.memory.store import Store

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-01T09:00:00+08:00"


def exam(runner, mini_deck, *args, input=""):
    """Run `study exam` on the mini deck with answers on stdin."""
    return runner.invoke(app, ["exam", *MINI, str(mini_deck), "--now", NOW, *args], input=input)


def paper_rows(runner, mini_deck, *args):
    """The rows of a seeded paper submitted blank, in a throw-away data dir: a paper sat
    in the test's own data dir would be history, and the next sitting leaves its items aside."""
    with tempfile.TemporaryDirectory() as scratch:
        result = exam(runner, mini_deck, "--json", "--data-dir", scratch, *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["questions"]


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def slow_answers(monkeypatch):
    """Each answer read takes the given minutes on a fake clock used as the session clock."""

    def install(minutes_each: float) -> FakeClock:
        clock = FakeClock(datetime(2026, 3, 1, 1, 0, tzinfo=UTC))
        monkeypatch.setattr(exam_cmds, "session_clock", lambda fixed: clock)
        original = exam_cmds.AnswerSource.read

        def read(self, prompt):
            clock.now += timedelta(minutes=minutes_each)
            return original(self, prompt)

        monkeypatch.setattr(exam_cmds.AnswerSource, "read", read)
        return clock

    return install


def test_json_contract_and_full_marks(runner, mini_deck):
    """Every row has the quiz fields and points summing to 100; right answers score 100."""
    rows = paper_rows(runner, mini_deck, "--seed", "3", "--count", "5")
    keys = {"id", "item", "kind", "topics", "prompt", "answer", "given", "correct", "score"}
    assert len(rows) == 5
    assert sum(row["points"] for row in rows) == 100
    for row in rows:
        assert keys <= set(row)
        assert row["given"] is None and row["correct"] is False
        if row["kind"] == "choice":
            assert row["answer"] in row["options"]
        if row["kind"] == "cloze":
            assert len(row["blanks"]) >= 1
    answers = "".join(row["answer"] + "\n" for row in rows)
    result = exam(runner, mini_deck, "--json", "--seed", "3", "--count", "5", input=answers)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 100 and data["score"] == 100
    assert [row["id"] for row in data["questions"]] == [row["id"] for row in rows]
    assert all(row["correct"] and row["earned"] == row["points"] for row in data["questions"])
    assert sum(s["points"] for s in data["sections"]) == 100
    assert sum(s["score"] for s in data["sections"]) == 100
    assert result.stderr == ""


def test_wrong_answer_loses_its_points_and_reaches_the_mistakes(runner, mini_deck):
    """One wrong answer: the score drops by its points and `study mistakes` lists it."""
    rows = paper_rows(runner, mini_deck, "--seed", "4", "--count", "4")
    answers = ["错误答案"] + [row["answer"] for row in rows[1:]]
    result = exam(
        runner, mini_deck, "--json", "--seed", "4", "--count", "4", input="\n".join(answers) + "\n"
    )
    data = json.loads(result.stdout)
    assert data["score"] == 100 - rows[0]["points"]
    mistakes = runner.invoke(app, ["mistakes", *MINI, str(mini_deck), "--now", NOW])
    assert mistakes.exit_code == 0
    assert "错题本:共 1 题" in mistakes.stdout and "错误答案" in mistakes.stdout


def test_answers_are_recorded_in_mode_exam(runner, mini_deck, isolated_env):
    """Every answer given is in the review log with mode exam and has an FSRS card."""
    rows = paper_rows(runner, mini_deck, "--seed", "5", "--count", "3")
    before = 0  # the blank paper recorded nothing: no answer was given
    answers = "".join(row["answer"] + "\n" for row in rows)
    exam(runner, mini_deck, "--json", "--seed", "5", "--count", "3", input=answers)
    with Store.open(isolated_env) as store:
        modes = store.query("SELECT mode, count(*) FROM answers GROUP BY mode")
        assert modes == [("exam", before + 3)]
        assert all(store.card(row["id"]) is not None for row in rows)


def test_plain_paper_shows_sections_and_the_graded_paper(runner, mini_deck):
    """Without --json: the sections with points, no feedback while answering, then the marks."""
    rows = paper_rows(runner, mini_deck, "--seed", "6", "--count", "3")
    answers = f"{rows[0]['answer']}\n不知道\n\n"
    result = exam(runner, mini_deck, "--seed", "6", "--count", "3", input=answers)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "模拟考试:全部主题,共 3 题,满分 100 分,限时 30 分钟(种子 6)。" in text
    assert "✓ 正确" not in text and "✗ 不对" not in text  # no feedback before submitting
    earned = rows[0]["points"]
    assert f"成绩:{earned} / 100 分(作答 3/3 题)" in text
    assert "错题 2 道(已记入错题本):" in text
    assert "你的答案:不知道" in text and "你的答案:(空白)" in text  # an empty line is an answer
    assert f"正确答案:{rows[2]['answer'] if rows[2]['kind'] != 'choice' else ''}" in text
    assert "出处:" in text


def test_time_up_submits_the_paper_with_a_fake_clock(runner, mini_deck, slow_answers):
    """7 minutes an answer on a 30-minute paper: four answers count, the fifth is too late."""
    rows = paper_rows(runner, mini_deck, "--seed", "7", "--count", "5")
    slow_answers(7)
    answers = "".join(row["answer"] + "\n" for row in rows)
    result = exam(runner, mini_deck, "--json", "--seed", "7", "--count", "5", input=answers)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    given = [row["given"] for row in data["questions"]]
    assert given == [row["answer"] for row in rows[:4]] + [None]
    assert data["timed_out"] is True
    assert data["score"] == sum(row["points"] for row in rows[:4])
    assert result.stderr == "时间到:已自动交卷,作答 4 题。\n"


def test_time_limit_follows_minutes(runner, mini_deck, slow_answers):
    """--minutes 10 with 4 minutes an answer: two answers count."""
    rows = paper_rows(runner, mini_deck, "--seed", "7", "--count", "6")
    slow_answers(4)
    answers = "".join(row["answer"] + "\n" for row in rows)
    result = exam(
        runner, mini_deck, "--json", "--seed", "7", "--count", "6", "--minutes", "10",
        input=answers,
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert sum(row["given"] is not None for row in data["questions"]) == 2
    assert result.stderr == "时间到:已自动交卷,作答 2 题。\n"


def test_history_lists_past_papers(runner, mini_deck):
    """Two papers: --history lists both, newest first, with date and score."""
    rows = paper_rows(runner, mini_deck, "--seed", "8", "--count", "2")
    exam(runner, mini_deck, "--seed", "8", "--count", "2", input=rows[0]["answer"] + "\n\n")
    exam(runner, mini_deck, "--seed", "8", "--count", "2")  # submitted blank
    result = runner.invoke(app, ["exam", "--history", "--json", "--now", NOW])
    assert result.exit_code == 0, result.output
    papers = json.loads(result.stdout)["papers"]
    assert [p["score"] for p in papers] == [0, rows[0]["points"]]
    assert papers[0]["date"] == "2026-03-01T09:00:00+08:00"
    assert [p["answered"] for p in papers] == [0, 2]
    assert set(papers[1]["items"]) == {row["item"] for row in rows}
    assert sum(s["earned"] for s in papers[1]["sections"]) == rows[0]["points"]
    assert sum(s["points"] for s in papers[1]["sections"]) == 100
    assert papers[1]["minutes"] > 0 and papers[1]["duration_s"] >= 0
    table = runner.invoke(app, ["exam", "--history", "--now", NOW])
    assert table.exit_code == 0
    assert "模拟考试记录" in table.stdout
    assert "2026-03-01 09:00" in table.stdout and f"{rows[0]['points']}" in table.stdout


def test_history_when_empty(runner):
    """--history before any paper says so."""
    result = runner.invoke(app, ["exam", "--history"])
    assert result.exit_code == 0
    assert result.stdout == "还没有做过模拟考试。开始一次:study exam\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--count", "0"], 2, "错误:--count 必须是正整数,而不是 0。\n"),
        (["--minutes", "-5"], 2, "错误:--minutes 必须是正整数,而不是 -5。\n"),
        (
            ["--print"],
            2,
            "错误:--print 需要用 -o 指定试卷文件,例如:study exam --print -o paper.md\n",
        ),
        (["--topic", "没有这个"], 1, None),
    ],
)
def test_bad_input_is_a_clear_error(runner, mini_deck, args, code, message):
    """Count 0, a negative time, --print without a file, an unknown topic: one line, no trace."""
    result = exam(runner, mini_deck, *args)
    assert result.exit_code == code
    assert "Traceback" not in result.output
    if message:
        assert result.stderr == message
    else:
        assert result.stderr.startswith("错误:") and "没有这个" in result.stderr


def test_print_writes_paper_and_key(runner, mini_deck, tmp_path):
    """--print -o writes the paper without answers and a separate key with sources."""
    target = tmp_path / "paper.md"
    result = exam(runner, mini_deck, "--seed", "9", "--count", "4", "--print", "-o", str(target))
    assert result.exit_code == 0, result.output
    key_path = tmp_path / "paper-答案.md"
    assert result.stdout.replace("\n", "") == f"试卷已写入 {target},答案与出处已写入 {key_path}。"
    paper, key = target.read_text("utf-8"), key_path.read_text("utf-8")
    rows = paper_rows(runner, mini_deck, "--seed", "9", "--count", "4")
    assert paper.startswith("# 模拟试卷(全部主题)\n")
    assert "满分 100 分,限时 30 分钟" in paper
    for number, row in enumerate(rows, 1):
        assert f"{number}. ({row['points']} 分){row['prompt']}" in paper
        assert f"{number}. " in key and row["answer"] in key
    assert key.count("出处:") == 4
    again = exam(runner, mini_deck, "--seed", "9", "--print", "-o", str(target))
    assert again.exit_code == 2
    assert again.stderr == f"错误:文件 {target} 已存在;加 --force 覆盖。\n"


def test_parse_command_reads_navigation():
    """:3 goes to question 3, :s submits, full-width colon works, plain text is an answer."""
    assert parse_command(":3", 5) == ("goto", 2)
    assert parse_command(":交卷", 5) == ("submit", None)
    assert parse_command(" :l ", 5) == ("list", None)
    assert parse_command("劳动者", 5) == ("answer", "劳动者")
    assert parse_command(":9", 5) == ("bad", "没有第 9 题:本卷共 5 题。")
    assert parse_command(":zz", 5)[0] == "bad"


def _sitting(paper_size: int, clock: FakeClock, minutes: int = 30) -> tuple[Sitting, list]:
    shown: list = []
    deadline = clock.now + timedelta(minutes=minutes)
    return Sitting(clock, deadline, shown.append), shown


class FakePaper:
    """A paper of n stand-in questions, as sit_interactive reads it."""

    def __init__(self, n: int):
        from types import SimpleNamespace

        section = SimpleNamespace(name="单选题")
        self._entries = [
            (i + 1, section, SimpleNamespace(topics=("甲",), prompt=f"题{i + 1}", options=()), 5)
            for i in range(n)
        ]

    def entries(self):
        return self._entries


def test_interactive_navigation_goes_back_and_changes_an_answer():
    """Answer 1 and 2, go back to 1, change it, skip 3, confirm the submission twice."""
    clock = FakeClock(datetime(2026, 3, 1, tzinfo=UTC))
    sitting, shown = _sitting(3, clock)
    script = iter(["甲", "乙", ":1", "丙", "", "", ":s", ":s"])
    sit_interactive(FakePaper(3), sitting, lambda prompt: next(script))
    assert sitting.answers == ["丙", "乙", None]
    assert not sitting.timed_out
    assert "还有 1 题未作答。再输入一次 :s 确认交卷。" in shown


def test_interactive_answer_after_time_up_is_not_accepted():
    """An answer typed after the deadline is dropped and the paper is submitted."""
    clock = FakeClock(datetime(2026, 3, 1, tzinfo=UTC))
    sitting, _ = _sitting(2, clock, minutes=1)

    def read(prompt):
        clock.now += timedelta(seconds=40)
        return "答"

    sit_interactive(FakePaper(2), sitting, read)
    assert sitting.answers == ["答", None]
    assert sitting.timed_out


def test_shipped_deck_paper_through_the_cli(runner):
    """The shipped deck: 20 questions, points sum to 100, every topic with ≥ 5 items on it."""
    result = runner.invoke(app, ["exam", "--json", "--seed", "11", "--now", NOW])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["questions"]) == 20
    assert sum(row["points"] for row in data["questions"]) == 100
    topics = {t for row in data["questions"] for t in row["topics"]}
    assert len(topics) == 12
    assert data["score"] == 0


def test_alarm_raises_time_up_and_is_switched_off_after():
    """The alarm turns SIGALRM into TimeUp inside its block and restores the handler after."""
    import signal

    if not hasattr(signal, "setitimer"):
        pytest.skip("no SIGALRM on this platform")
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(exam_cmds.TimeUp), exam_cmds.alarm_after(3600):
        signal.raise_signal(signal.SIGALRM)  # the alarm ringing, without waiting for it
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with exam_cmds.alarm_after(None):
        assert signal.getsignal(signal.SIGALRM) == before


def test_sources_name_the_article_title(runner, tmp_path):
    """The answer key and the graded paper cite the article's title, not its file name."""
    target = tmp_path / "paper.md"
    result = runner.invoke(app, ["exam", "--seed", "3", "--print", "-o", str(target)])
    assert result.exit_code == 0, result.output
    key = (tmp_path / "paper-答案.md").read_text("utf-8")
    assert key.count("出处:") == 20
    assert ".txt ·" not in key and "新质生产力" in key.split("出处:")[1]
    marked = runner.invoke(app, ["exam", "--seed", "3", "--count", "3", "--now", NOW], input="")
    assert marked.exit_code == 0, marked.output
    assert "出处:" in marked.stdout and ".txt ·" not in marked.stdout
