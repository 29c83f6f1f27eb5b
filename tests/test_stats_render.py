"""The stats page's tables (render.tabular.Columns) look exactly as the Rich Tables they stand
for: character by character and style by style, at every width, in colour and piped."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.segment import Segment
from rich.table import Table

from studycli.cli import app
from studycli.cli.app import out
from studycli.deck.loader import content_paths, load_deck
from studycli.memory.recording import import_answers
from studycli.memory.scheduling import make_scheduler
from studycli.memory.stats import Stats, TopicStats
from studycli.memory.store import Answer, Store
from studycli.render.stats import TOPIC_COLUMNS, Heatmap, render_heatmap, render_stats
from studycli.render.tabular import Columns

NOW = "2026-11-22T10:00:00+08:00"


@pytest.fixture
def history(isolated_env, mini_deck):
    """Forty answers to the mini deck's items over three weeks, a third of them wrong."""
    deck = load_deck(content_paths([mini_deck], builtin=False))
    answers = []
    for n in range(40):
        item = deck.items[n % len(deck.items)]
        at = datetime(2026, 11, 1, 2, tzinfo=UTC) + timedelta(hours=12 * n)
        qid = f"{item.id}:cloze:0"
        answers.append(
            Answer(
                qid, item.id, item.fingerprint, "cloze", "x", "x", 1.0, n % 3 > 0, at, 5.0, "quiz"
            )
        )
    with Store.open(isolated_env) as store:
        import_answers(store, answers, make_scheduler(fuzz=False))
    return isolated_env


def _page(topics: list[TopicStats]) -> list:
    today = date(2026, 11, 22)
    start = today - timedelta(days=83)
    days = {start + timedelta(days=n): (n * 37) % 41 for n in range(84)}
    days[today] = 12345  # a wide figure in the last seven days
    return render_stats(Stats(today, 100000, 366, 394, 639, topics, days))


TOPICS = [
    TopicStats("内涵与特征", items=30, mastered=3, answers=17905, correct=12000),
    TopicStats("改革与体制机制", items=37, mastered=37, answers=0, correct=0),
    TopicStats("Green growth, a long English name", items=9, mastered=0, answers=7, correct=7),
    TopicStats("(未加载)", items=0, mastered=0, answers=12, correct=6),
]


def _cells(renderables, width: int, *, colour: bool) -> list:
    """Each line as (character, style) pairs, a space's style ignored, trailing spaces cut."""
    console = Console(
        width=width,
        file=io.StringIO(),
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    lines: list[list] = [[]]
    for segment in console.render(Group(*renderables), console.options):
        if segment.control:
            continue
        for char in segment.text:
            if char == "\n":
                lines.append([])
            else:
                style = None if char == " " or not segment.style else str(segment.style)
                lines[-1].append((char, style))
    for line in lines:
        while line and line[-1][0] == " ":
            line.pop()
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _forced(parts: list) -> list:
    """The page as Rich lays it out: Rich Tables, the heatmap as one Text."""
    for part in parts:
        if isinstance(part, Columns):
            part.force_rich = True
            if part.narrow is not None:
                part.narrow.force_rich = True
        if isinstance(part, Heatmap):
            part.force_text = True
    return parts


@pytest.mark.parametrize("colour", [True, False])
def test_tables_match_rich_tables_at_every_width(colour):
    """From 24 to 120 columns the page is the Rich Tables' page, wrapping and folding when
    narrow included; in colour the header stays bold and the title italic."""
    for width in range(24, 121):
        fast = _cells(_page(TOPICS), width, colour=colour)
        rich = _cells(_forced(_page(TOPICS)), width, colour=colour)
        assert fast == rich, width
    styles = {style for line in _cells(_page(TOPICS), 80, colour=True) for _, style in line}
    assert {"bold", "italic"} <= styles


@pytest.mark.parametrize("today", [date(2026, 11, 18), date(2026, 11, 22), date(2027, 3, 1)])
def test_heatmap_segments_match_its_text(today):
    """The heatmap written as segments is its Rich Text (legend filled to the same width),
    glyph styles over the grey rows, at every width."""
    days = {today - timedelta(days=n): n % 40 for n in range(0, 90, 3)}
    for width in range(20, 81):
        for colour in (True, False):
            fast = _cells([render_heatmap(days, today)], width, colour=colour)
            text = _cells(_forced([render_heatmap(days, today)]), width, colour=colour)
            assert fast == text, (width, colour)
    styles = {style for line in _cells([render_heatmap(days, today)], 80, colour=True)
              for _, style in line}  # fmt: skip
    assert "bright_black" in styles and "bold bright_green" in styles


def test_without_topics_and_with_an_empty_history():
    """No topic rows (an empty deck) and zero counts render as Rich would."""
    parts = _page([])
    assert not any(isinstance(p, Columns) and p.box for p in parts)  # no topic table
    assert _cells(parts, 80, colour=True) == _cells(_forced(_page([])), 80, colour=True)


def test_fast_lines_only_where_they_fit():
    """Wide enough: the lines are written directly; too narrow, or a terminal that cannot
    draw the rule, or a control character in a cell: Rich lays the table out."""
    table = Columns(
        [("主题", "left", "fold"), ("答题", "right", "ellipsis")],
        [["人才", "12"]],
    )
    console = Console(width=80, file=io.StringIO(), legacy_windows=False)

    def first(columns: Columns, options) -> object:
        return next(iter(columns.__rich_console__(console, options)))

    assert isinstance(first(table, console.options), Segment)
    assert isinstance(first(table, console.options.update_width(8)), Table)
    plain = console.options.copy()
    plain.encoding = "ascii"  # ascii_only: Rich would draw the ASCII box
    assert isinstance(first(table, plain), Table)
    odd = Columns([("主题", "left", "fold")], [["人\x07才"]])
    assert isinstance(first(odd, console.options), Table)
    assert _cells([odd], 80, colour=False) == _cells(_forced([odd]), 80, colour=False)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_stats_command_prints_what_rich_tables_print(
    runner, history, mini_deck, monkeypatch, width
):
    """`study stats` piped at 40, 60 and 80 columns: the same text as with Rich Tables."""
    args = ["stats", "--content", str(mini_deck), "--no-builtin", "--now", NOW]
    monkeypatch.setattr(out, "_width", width)
    fast = runner.invoke(app, args)
    assert fast.exit_code == 0, fast.output
    monkeypatch.setattr(Columns, "__init__", _always_rich(Columns.__init__))
    rich = runner.invoke(app, args)
    assert rich.exit_code == 0, rich.output
    assert fast.stdout == rich.stdout
    assert "产业" in fast.stdout and "最近 7 天" in fast.stdout


def _always_rich(init):
    def wrapped(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.force_rich = True

    return wrapped


@pytest.mark.parametrize("width", [44, 46])
def test_last_seven_days_in_a_narrow_terminal(width):
    """Where 11/24 … 11/30 do not fit, the dates go into the title and each column keeps its
    day and weekday: no header is cut short to 11/…; wide enough, the dates head the columns."""
    narrow = "\n".join(
        "".join(ch for ch, _ in line) for line in _cells(_page(TOPICS), width, colour=False)
    )
    assert "最近 7 天(11/16–11/22)" in narrow and "…" not in narrow.split("最近 7 天")[1]
    assert "周日" in narrow and "12345" in narrow
    wide = "\n".join(
        "".join(ch for ch, _ in line) for line in _cells(_page(TOPICS), 80, colour=False)
    )
    assert "11/16" in wide and "11/22" in wide and "最近 7 天(" not in wide


LEGEND = re.compile(r"([.\-+*#]) (\d+(?:-\d+)?\+?)")


@pytest.mark.parametrize("width", [40, 41, 42, 43, 44])
def test_stats_in_a_narrow_terminal_keeps_names_headers_and_legend_whole(
    runner, history, monkeypatch, width
):
    """`study stats` (shipped deck; the history's items are not loaded) piped at 40–44
    columns: exit 0, nothing wider, the header 掌握度 whole, every topic name and (未加载)
    on one line, nothing cut with …, and each legend glyph beside its span (# 30+)."""
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, ["stats", "--now", NOW])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    assert "…" not in result.stdout
    header = next(line for line in lines if line.startswith("主题"))
    assert header.split() == ["主题", "掌握", "掌握度", "答题", "正确率"]
    names = [topic.name for topic in load_deck(content_paths(())).topics] + ["(未加载)"]
    for name in names:
        assert any(line.startswith(name + " ") for line in lines), name
    legend = [m.groups() for line in lines for m in LEGEND.finditer(line)]
    assert legend == [(".", "0"), ("-", "1-4"), ("+", "5-14"), ("*", "15-29"), ("#", "30+")]
    assert lines[lines.index(header) - 1] == ""  # the blank line the box drew above


def test_heatmap_legend_wraps_between_pairs():
    """Filled to 40 cells, the legend goes on under its first pair; a glyph stays with its span."""
    lines = render_heatmap({}, date(2026, 11, 22)).all_lines(40)
    legend = ["".join(run for run, _ in runs) for _, runs in lines[-2:]]
    assert legend == ["   每天答题:. 0  - 1-4  + 5-14  * 15-29", "            # 30+"]
    one = render_heatmap({}, date(2026, 11, 22)).all_lines(80)
    assert "".join(run for run, _ in one[-1][1]).endswith("* 15-29  # 30+")


def test_compact_columns_match_a_collapsed_rich_table():
    """A compact Columns (one space between columns) is Rich's Table(collapse_padding=True)."""
    rows = [["改革与体制机制", "37/37", "100%", "0", "—"], ["(未加载)", "—", "—", "12", "50%"]]
    for width in range(20, 60):
        fast = _cells([Columns(TOPIC_COLUMNS, rows, box=None, compact=True)], width, colour=True)
        rich = _cells(
            _forced([Columns(TOPIC_COLUMNS, rows, box=None, compact=True)]), width, colour=True
        )
        assert fast == rich, width
    plain = _cells([Columns(TOPIC_COLUMNS, rows, box=None, compact=True)], 40, colour=False)
    assert "".join(ch for ch, _ in plain[1]) == "改革与体制机制 37/37   100%    0      —"
