"""The “我答对了” hint after a wrong answer at a terminal: wrapped under its indent at 40
columns, never from column 0, and the command `study accept` kept whole."""

from __future__ import annotations

import io
import os
import re
import sys

import pexpect
from rich.console import Console

from studycli.cli.override import HINT


def test_hint_keeps_its_indent_when_wrapped():
    """At 40 columns every line of the hint starts with two spaces."""
    console = Console(width=40, record=True, file=io.StringIO())
    console.print(HINT)
    lines = console.export_text().splitlines()
    assert len(lines) > 1
    assert all(line.startswith("  ") for line in lines)
    assert any("study accept" in line for line in lines)


def test_hint_at_a_40_column_terminal(mini_deck):
    """A wrong answer in a 40-column pty: the hint's second line is indented too."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "studycli", "quiz", "--no-builtin", "--content", str(mini_deck), "--kind", "填空",
         "--count", "1", "--seed", "1"],
        encoding="utf-8", timeout=30, dimensions=(50, 40),
        env=dict(os.environ, COLUMNS="40", TERM="xterm"),
    )  # fmt: skip
    child.expect("你的答案")
    child.sendline("完全不对的答案")
    child.expect("study accept")
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", child.before + child.after)
    lines = shown[shown.index("认为自己答对了") - 2 :].split("\r\n")
    assert len(lines) > 1, lines  # wrapped at 40 columns
    assert all(line.startswith("  ") for line in lines), lines
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
