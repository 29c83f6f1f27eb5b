"""`study topics`: the alias column wraps between aliases (each whole where it fits), so no
line starts with 、 at any width (README: 禁则 line breaking)."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from studycli.cli import app
from studycli.deck.loader import content_paths, load_deck
from studycli.render.linebreak import NO_START, Phrases, wrap_phrases
from studycli.render.summary_view import render_topics

ALIASES = ["人力资本", "人才工作", "人才队伍", "人才工作机制", "人才链", "劳动者", "教育"]


@pytest.mark.parametrize("width", range(4, 40))
def test_wrap_phrases_breaks_only_between_phrases_where_they_fit(width):
    """Every line fits; none starts with 、; a phrase that fits a line is never split; the
    lines put back together are the list joined by 、."""
    lines = wrap_phrases(ALIASES, width)
    assert "".join(lines) == "、".join(ALIASES)
    assert all(cell_len(line) <= width for line in lines)
    assert not [line for line in lines if line[:1] in NO_START]
    for alias in ALIASES:
        if cell_len(alias + "、") <= width:
            assert any(alias in line for line in lines), (alias, lines)


def test_wrap_phrases_fills_lines_greedily():
    """At 12 cells: as many whole aliases per line as fit, the 、 after each."""
    assert wrap_phrases(["内涵", "特征", "定义", "科学内涵", "什么是新质生产力"], 12) == [
        "内涵、特征、",
        "定义、",
        "科学内涵、",
        "什么是新质生",
        "产力",
    ]


def test_phrases_renderable_in_a_narrow_console():
    """Rendered by Rich at 10 columns: the same lines as wrap_phrases."""
    console = Console(width=10, record=True, file=io.StringIO())
    console.print(Phrases(ALIASES))
    assert console.export_text().splitlines() == wrap_phrases(ALIASES, 10)


def _alias_cells(text: str) -> dict[str, str]:
    """Topic name → its alias cell's lines joined, read back from the drawn table."""
    cells: dict[str, str] = {}
    name = None
    for line in text.splitlines():
        parts = line.split("│")
        if len(parts) != 5:
            continue
        if parts[1].strip():
            name = parts[1].strip()
            cells[name] = ""
        cells[name] += parts[3].strip()
    return cells


def test_topics_alias_lines_never_start_with_a_pause(runner, monkeypatch):
    """The shipped deck's topics at every width from 40 to 100 columns, piped: exit 0,
    nothing wider than the width, no alias line starting with 、, every alias list complete,
    and every alias that fits the column whole on one line."""
    deck = load_deck(content_paths(()))
    for width in range(40, 101):
        monkeypatch.setenv("COLUMNS", str(width))
        result = runner.invoke(app, ["topics"])
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert all(cell_len(line) <= width for line in lines)
        rows = [line.split("│")[3] for line in lines if line.count("│") == 4]
        assert [row for row in rows if row.strip()[:1] in NO_START] == [], width
        cells = _alias_cells(result.stdout)
        column = max(cell_len(row) for row in rows) - 2
        for topic in deck.topics:
            assert cells[topic.name] == "、".join(topic.aliases)
            for alias in topic.aliases:
                if cell_len(alias + "、") <= column:
                    assert any(alias in row for row in rows), (width, alias)


def test_render_topics_unit_at_40_columns():
    """render_topics itself at 40 columns: no alias line starts with 、."""
    console = Console(width=40, record=True, file=io.StringIO())
    console.print(render_topics(load_deck(content_paths(()))))
    rows = [
        line.split("│")[3] for line in console.export_text().splitlines() if line.count("│") == 4
    ]
    assert rows and not [row for row in rows if row.strip()[:1] in NO_START]
