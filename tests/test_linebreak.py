"""CJK line breaking (render/linebreak.py) and the summary at 40, 60 and 100 columns."""

from __future__ import annotations

import itertools
import re

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Text

from studycli.cli import app
from studycli.deck.loader import content_paths, load_deck
from studycli.deck.model import Definition, Fact, Framework, ListItem, Quote
from studycli.render.linebreak import (
    NO_END,
    NO_START,
    Para,
    break_lines,
    iter_violations,
    wrap_plain,
    wrap_text,
)
from studycli.render.summary import render_summary

SAMPLE = (
    "山东提出实施____重大科技创新项目，到2024年建成100项，“新质生产力”是（指）创新起主导"
    "作用的先进生产力质态。运行 study quiz --mistakes 即可重做错题。"
)


def lines_at(text: str, width: int) -> list[str]:
    """``text`` broken at ``width`` cells, as strings."""
    return [text[s:e] for s, e in break_lines(text, width)]


@pytest.mark.parametrize("width", range(10, 41))
def test_kinsoku_and_unsplit_units_at_every_width(width):
    """At any width: no line starts with closing or ends with opening punctuation, a blank,
    a number with its unit and a Latin word stay whole, nothing is lost, no line too wide."""
    lines = lines_at(SAMPLE, width)
    assert "".join(lines).replace(" ", "") == SAMPLE.replace(" ", "")
    for line in lines:
        assert cell_len(line) <= width
        assert line[0] not in NO_START
        assert line[-1] not in NO_END
    for whole in ("____", "2024年", "100项", "--mistakes", "study"):
        assert any(whole in line for line in lines), (whole, lines)


def test_closing_punctuation_pulls_the_character_before_it_down():
    """When ，would start a line, the character before it moves down with it."""
    assert lines_at("一二三四，五六", 8) == ["一二三", "四，五六"]
    assert lines_at("甲乙丙“丁戊”", 8) == ["甲乙丙", "“丁戊”"]


def test_a_unit_wider_than_the_line_is_folded_not_cut():
    """A Latin word longer than the line is folded by character: every letter stays."""
    word = "x" * 25
    lines = lines_at(f"甲 {word} 乙", 10)
    assert "".join(lines).replace(" ", "") == f"甲{word}乙"
    assert all(cell_len(line) <= 10 for line in lines)


def test_wrap_plain_hanging_indent_and_no_trailing_spaces():
    """The first line follows the marker; later lines line up under the text."""
    lines = wrap_plain("一二三四五六七八九十甲乙丙丁", 12, "1. ")
    assert lines == ["1. 一二三四", "   五六七八", "   九十甲乙", "   丙丁"]
    assert all(line == line.rstrip() for line in lines)


def test_wrap_text_keeps_styles():
    """Styled text is broken at the same places and keeps its styles."""
    text = Text("一二三四五六")
    text.stylize("bold", 2, 4)
    lines = wrap_text(text, 4)
    assert [line.plain for line in lines] == ["一二", "三四", "五六"]
    assert lines[1].spans and lines[1].spans[0].style == "bold"


def test_para_renders_inside_a_narrow_console():
    """Para wraps to the console's width with the marker's hanging indent."""
    console = Console(width=12, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(Para("一二三四五六七八九十，甲乙丙", "• "))
    lines = console.export_text().splitlines()
    assert lines == ["• 一二三四五", "  六七八九", "  十，甲乙丙"]


def item_texts(item) -> list[str]:
    """The study text of an item that the summary must show in full."""
    if isinstance(item, Quote):
        return [item.text]
    if isinstance(item, Definition):
        return [item.meaning, *(f.text for f in item.facets)]
    if isinstance(item, ListItem):
        return [e.text for e in item.entries] + [p for e in item.entries for p in e.points]
    if isinstance(item, Framework):
        return [item.summary, *(p.text for p in item.parts if p.text)]
    if isinstance(item, Fact):
        return [item.text]
    return []


def squeeze(text: str) -> str:
    """Text with whitespace and box-drawing characters removed, to find content in it."""
    return re.sub(r"[\s│╭╮╰╯─]", "", text)


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_piped_summary_keeps_every_text_whole(runner, monkeypatch, columns):
    """Piped at 40/60/100 columns: every item's text in full, 禁则 kept, no line too wide,
    no trailing spaces, no padding lines."""
    monkeypatch.setenv("COLUMNS", str(columns))
    result = runner.invoke(app, ["summary"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "学习摘要"
    assert list(iter_violations(lines)) == []
    assert all(cell_len(line) <= columns for line in lines)
    assert all(line == line.rstrip() for line in lines)
    assert "" not in (lines[0], lines[-1])
    assert all(not (a == b == "") for a, b in itertools.pairwise(lines))
    flat = squeeze(result.stdout)
    deck = load_deck(content_paths((), builtin=True))
    for item in deck.items:
        for text in item_texts(item):
            assert squeeze(text) in flat, (item.id, text)
    for title in deck.articles.values():
        assert squeeze(title) in flat
    assert "004_46f25000791b86e7.txt" not in result.stdout


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_terminal_summary_keeps_every_text_whole(columns):
    """The terminal view at 40/60/100 columns: nothing cut with …, 禁则 kept inside boxes."""
    deck = load_deck(content_paths((), builtin=True))
    console = Console(width=columns, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(Group(*render_summary(deck, deck.items_in(None), "学习摘要")))
    output = console.export_text()
    lines = [line.strip("│ ") for line in output.splitlines()]
    assert list(iter_violations(lines)) == []
    assert "…" not in output.replace("……", "")
    flat = squeeze(output)
    for item in deck.items:
        for text in item_texts(item):
            assert squeeze(text) in flat, (item.id, text)


@pytest.mark.parametrize("width", range(12, 30))
def test_straight_quotes_and_ranges_stay_with_their_text(width):
    """An ASCII " opens or closes by count and sticks to its text; 1—5 is one unit."""
    text = '出处:心得体会感悟(1—5) · 感悟5 · 三、"一核两翼"推进新质生产力发展'
    lines = lines_at(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("(1—5)" in line for line in lines)
    for line in lines:
        assert not line.endswith('"') or line.count('"') == 2 or line.endswith('翼"')
        assert not line.startswith('"推')
