"""`study … | head`: when the reader has gone, every command exits 0 with nothing on stderr.

Rich's Console.on_broken_pipe exits 1; the app's consoles hand the closed pipe to the CLI's
own handlers instead (README: "`| head` 提前关闭管道时安静地以 0 退出")."""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys

import pytest

from studycli.cli import app
from studycli.cli.app import _Console

MINI = ["--no-builtin", "--content"]


def _closed_pipe_run(args: list[str], stdin: bytes = b"") -> tuple[int, bytes]:
    """Run `study ARGS` with stdout a pipe whose reader has already gone; (exit code, stderr)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader left before the first line: every write fails
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "studycli", *args],
            input=stdin, stdout=write_end, stderr=subprocess.PIPE, timeout=60,
            env=dict(os.environ, COLUMNS="60"),
        )  # fmt: skip
    finally:
        os.close(write_end)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["questions"], b""),
        (["questions", "--kind", "单选"], b""),
        (["quiz", "--count", "3", "--seed", "9"], "错\n错\n错\n".encode()),
        (["summary"], b""),
    ],
    ids=["questions", "questions-kind", "quiz", "summary"],
)
def test_closed_pipe_exits_zero_quietly(args, stdin, mini_deck):
    """questions, quiz and summary piped into a reader that has gone: exit 0, empty stderr."""
    code, stderr = _closed_pipe_run([*args, *MINI, str(mini_deck)], stdin)
    assert stderr == b""
    assert code == 0


def test_console_hands_a_closed_pipe_to_the_cli():
    """The app's Console raises BrokenPipeError (not Rich's SystemExit(1)) and goes quiet."""

    class Gone(io.StringIO):
        def write(self, text):
            raise BrokenPipeError

    console = _Console(file=Gone(), markup=False)
    with pytest.raises(BrokenPipeError):
        console.print("题面")
    assert console.quiet
    console.print("再印一行")  # quiet now: nothing is written, nothing is raised


def test_closed_pipe_through_the_app_is_exit_zero(runner, mini_deck, monkeypatch):
    """Through the CLI: a BrokenPipeError from the console's output ends the command with 0."""
    app_module = importlib.import_module("studycli.cli.app")

    def gone(self, text):
        raise BrokenPipeError

    monkeypatch.setattr(app_module._Stdout, "write", gone)
    # The closed pipe makes the shared console quiet for good: undone after this test.
    monkeypatch.setattr(app_module.out, "quiet", False)
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck)])
    assert result.exit_code == 0
    assert result.stderr == ""
