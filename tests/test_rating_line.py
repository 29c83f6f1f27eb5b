"""The cards' rating line (1 重来 1分钟 · 2 困难 6分钟 · 3 良好 10分钟 · 4 简单 8天) and the quiz
header wrap only between their parts: a label is never parted from its interval, 等 from
its topics."""

from __future__ import annotations

import io
import re

import pytest
from questions_by_hand import make_question
from rich.cells import cell_len
from rich.console import Console

from studycli.cli import app
from studycli.deck.model import Source
from studycli.render.linebreak import wrap_plain
from studycli.render.quiz import next_step_line, rating_choices, render_question

LINE = "1 重来 1分钟 · 2 困难 6分钟 · 3 良好 10分钟 · 4 简单 8天"
CHOICE = re.compile(r"(\d) (重来|困难|良好|简单) (\d[\d.]*(?:分钟|小时|天|个月|年))")


@pytest.mark.parametrize("width", range(14, 61))
def test_rating_choices_keep_each_choice_on_one_line(width):
    """At every width from 14 to 60: all four choices whole, each on one line, none wider."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(rating_choices(LINE))
    lines = console.export_text().splitlines()
    assert all(cell_len(line) <= width and line == line.rstrip() for line in lines)
    found = [m.group(0) for line in lines for m in CHOICE.finditer(line)]
    assert found == LINE.split(" · ")
    assert not [line for line in lines if line.startswith("·")]


def test_cards_rating_line_at_40_columns(runner, mini_deck, monkeypatch):
    """`study cards` piped at 40 columns: exit 0, each of the four choices on one line."""
    monkeypatch.setenv("COLUMNS", "40")
    result = runner.invoke(
        app,
        ["cards", "--no-builtin", "--content", str(mini_deck), "--count", "1", "--seed", "1",
         "--now", "2026-03-02T09:00:00+00:00"],
        input="\n3\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "完成 1 次自评,已保存。" in result.stdout
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    labels = [m.group(2) for line in lines for m in CHOICE.finditer(line)]
    assert labels == ["重来", "困难", "良好", "简单"]


@pytest.mark.parametrize("width", range(24, 61))
def test_quiz_header_wraps_between_its_parts(width):
    """第 1/2 题 · 归类 · 改革与体制机制、人才等: wrapped only at " · " where it does not fit,
    so 等 never starts a line and 归类 stays whole."""
    question = make_question(
        "belongs", ("人才",), source=Source("a", "一"), topics=("改革与体制机制", "人才", "产业")
    )
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(render_question(question, 1, 2, hint_length=False))
    lines = console.export_text().splitlines()
    head = "\n".join(lines[: next(i for i, line in enumerate(lines) if "?" in line)])
    assert head.replace("\n", " ") == "第 1/2 题 · 归类 · 改革与体制机制、人才等"
    assert any(line.endswith("改革与体制机制、人才等") for line in head.split("\n"))


@pytest.mark.parametrize("width", range(30, 61))
def test_next_step_keeps_the_command_whole(width):
    """下一步:… → study quiz --mistakes · 明天到期 5 项: the command to type is never split,
    and the · of the separator never starts a line."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(next_step_line(3, 5, "study quiz --mistakes"))
    lines = console.export_text().splitlines()
    assert any("study quiz --mistakes" in line for line in lines), lines
    assert not [line for line in lines if line.strip().startswith("·")]
    assert " ".join(line.strip() for line in lines).replace(" ", "") == (
        "下一步:3题进错题本→studyquiz--mistakes·明天到期5项"
    )


def test_a_command_wider_than_the_line_breaks_between_its_words():
    """Narrower than the command itself: it breaks at its spaces, not inside --mistakes."""
    lines = wrap_plain("重做:study quiz --mistakes", 12)
    assert lines == ["重做:study", "quiz", "--mistakes"]
