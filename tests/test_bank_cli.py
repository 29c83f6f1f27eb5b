"""`study questions`, `study quiz --id`, and where the compiled bank lives, through the CLI."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from studycli.cli import app

MINI = ["--no-builtin", "--content"]


def listing(runner, mini_deck, *args):
    """`study questions --json` on the mini deck, parsed."""
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_questions_json_lists_the_whole_bank(runner, mini_deck):
    """Every question with id, item, kind, prompt, answer, source and flags; clozes their blanks."""
    rows = listing(runner, mini_deck)
    assert len({row["id"] for row in rows}) == len(rows) > 10
    assert {row["item"] for row in rows} == {"q1", "d1", "l1", "f1", "fa1"}
    for row in rows:
        assert {"id", "item", "kind", "topics", "prompt", "answer", "source", "flags"} <= set(row)
        assert all(isinstance(flag, str) and flag for flag in row["flags"])
        if row["kind"] == "cloze":
            assert len(row["blanks"]) == row["prompt"].count("____") >= 1
        if row["kind"] == "choice":
            assert row["answer"] in row["options"]


def test_questions_filters_by_topic_kind_and_id(runner, mini_deck):
    """--topic (alias too), --kind and --id narrow the listing."""
    talent = listing(runner, mini_deck, "--topic", "人力资本")
    assert talent and {row["item"] for row in talent} == {"q1", "l1"}
    clozes = listing(runner, mini_deck, "--kind", "cloze")
    assert clozes and {row["kind"] for row in clozes} == {"cloze"}
    one = listing(runner, mini_deck, "--id", clozes[0]["id"])
    assert one == [clozes[0]]


def test_questions_plain_and_flagged(runner, mini_deck):
    """The plain listing shows ids, prompts and answers; --flagged shows only flagged ones,
    each with its reason, and says when none are flagged."""
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--kind", "choice"])
    assert result.exit_code == 0
    assert "[单选]" in result.stdout and "  A. " in result.stdout
    assert result.stdout.rstrip().endswith("题。")
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--flagged"])
    assert result.exit_code == 0
    assert "  标记:" in result.stdout  # the mini deck's cloze on 新质生产力 is a stock blank
    blocks = result.stdout.split("\n\n")[:-1]
    assert blocks and all("  标记:" in block for block in blocks)
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--flagged", "-k", "judge"])
    assert result.exit_code == 0
    assert result.stdout == "没有被标记的题目。\n"


def test_questions_unknown_id_and_topic(runner, mini_deck):
    """An id or topic the bank does not have is a one-line error, exit 1."""
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--id", "nope:cloze:x"])
    assert result.exit_code == 1
    assert result.stderr == "错误:题库中没有题号“nope:cloze:x”。用 study questions 查看题号。\n"
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--topic", "人材"])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误:没有主题“人材”。")


def test_quiz_id_asks_exactly_those_questions(runner, mini_deck):
    """`study quiz --id A --id B` asks A then B, whatever --count and --seed say."""
    rows = listing(runner, mini_deck)
    wanted = [rows[3]["id"], rows[0]["id"]]
    result = runner.invoke(
        app,
        ["quiz", *MINI, str(mini_deck), "--json", "--id", wanted[0], "--id", wanted[1]],
        input=f"{rows[3]['answer']}\n\n",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [q["id"] for q in data["questions"]] == wanted
    assert data["correct"] == 1 and data["total"] == 2


def test_quiz_unknown_id_is_an_error(runner, mini_deck):
    """An id not in the bank stops the quiz before it starts, exit 1."""
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", "q1:cloze:nope"])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误:题库中没有题号“q1:cloze:nope”;条目“q1”的题号有:")


def test_same_seed_same_questions_after_recompile(runner, mini_deck):
    """`study check` recompiles the bank; the same --seed still asks the same questions."""
    args = ["quiz", *MINI, str(mini_deck), "--json", "--seed", "11", "--count", "4"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0
    check = runner.invoke(app, ["check", *MINI, str(mini_deck)])
    assert check.exit_code == 0 and "已编译" in check.stdout
    again = runner.invoke(app, args)
    assert json.loads(again.stdout)["questions"] == json.loads(first.stdout)["questions"]


def test_data_dir_holds_every_cache(runner, mini_deck, tmp_path, isolated_env):
    """--data-dir keeps the bank, its generator key and the segmentation cache; the default
    data dir stays empty."""
    chosen = tmp_path / "elsewhere"
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "--count", "1", "--data-dir", str(chosen)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name.split("-")[0] for p in (chosen / "cache").iterdir())
    assert names == ["generator", "questions", "segments"]
    assert not (isolated_env / "cache").exists()


def test_mistakes_read_titles_from_the_bank(runner, mini_deck):
    """The 错题本 names the item of a wrong answer, read from the bank."""
    rows = listing(runner, mini_deck, "--kind", "term")
    args = ["quiz", *MINI, str(mini_deck), "--id", rows[0]["id"]]
    result = runner.invoke(app, args, input="错\n")
    assert result.exit_code == 0
    result = runner.invoke(app, ["mistakes", *MINI, str(mini_deck)])
    assert result.exit_code == 0
    assert "新质生产力" in result.stdout and rows[0]["answer"] in result.stdout


def test_topics_and_stats_read_the_bank_the_same(runner, mini_deck):
    """topics and stats print the same before the bank exists (YAML) and after (bank)."""
    deck = [*MINI, str(mini_deck)]
    args = ["quiz", *deck, "--seed", "2", "--count", "2", "--now", "2025-03-01T09:00:00+08:00"]
    assert runner.invoke(app, args, input="错\n错\n").exit_code == 0
    from_bank = [
        runner.invoke(app, [cmd, *deck, "--now", "2025-03-02T09:00:00+08:00"])
        if cmd == "stats"
        else runner.invoke(app, [cmd, *deck])
        for cmd in ("topics", "stats")
    ]
    assert all(r.exit_code == 0 for r in from_bank)
    assert "共 5 条,2 个主题" in from_bank[0].stdout
    shutil.rmtree(Path(os.environ["STUDY_DATA_DIR"]) / "cache")
    from_yaml = [
        runner.invoke(app, [cmd, *deck, "--now", "2025-03-02T09:00:00+08:00"])
        if cmd == "stats"
        else runner.invoke(app, [cmd, *deck])
        for cmd in ("topics", "stats")
    ]
    assert [r.stdout for r in from_yaml] == [r.stdout for r in from_bank]
    assert not (Path(os.environ["STUDY_DATA_DIR"]) / "cache").exists()  # they never compile


def test_compile_progress_shows_on_a_terminal_only(monkeypatch):
    """The compile bar appears on a terminal once the delay passes; piped stderr gets nothing."""
    import io

    from rich.console import Console

    from studycli.cli import sourcing

    monkeypatch.setenv("TERM", "xterm-256color")  # Rich draws no live bar on a dumb terminal
    screen = io.StringIO()
    monkeypatch.setattr(
        sourcing, "err", Console(file=screen, force_terminal=True, force_interactive=True, width=80)
    )
    progress = sourcing.CompileProgress(delay=0)
    progress.timer.join(timeout=10)  # the bar is up once the timer has fired
    progress("出题", 5, 10)
    progress.close()
    assert "编译题库 · 出题" in screen.getvalue() and "5/10" in screen.getvalue()

    piped = io.StringIO()
    monkeypatch.setattr(sourcing, "err", Console(file=piped, force_terminal=False))
    quiet = sourcing.CompileProgress(delay=0)
    quiet("出题", 5, 10)
    quiet.close()
    assert piped.getvalue() == "" and quiet.bar is None


def test_compile_progress_clock_runs_across_stages(monkeypatch):
    """Each stage report keeps the bar's start time (its elapsed time advances) and sets the
    stage's own total (None for a stage of unknown length)."""
    import io

    from rich.console import Console

    from studycli.cli import sourcing

    monkeypatch.setenv("TERM", "xterm-256color")
    screen = io.StringIO()
    monkeypatch.setattr(
        sourcing, "err", Console(file=screen, force_terminal=True, force_interactive=True, width=80)
    )
    progress = sourcing.CompileProgress(delay=0)
    progress.timer.join(timeout=10)
    task = progress.bar.tasks[0]
    started = task.start_time
    assert started is not None
    for stage in [("出题", 0, 10), ("出题", 5, 10), ("出题", 10, 10), ("写入", 0, 0)]:
        progress(*stage)
        assert task.start_time == started
    assert task.total is None and task.description == "写入" and not task.finished
    progress("出题", 3, 10)
    assert task.total == 10 and task.completed == 3 and task.start_time == started
    progress.close()
