"""The `study stats` page: totals, the per-topic table, the last seven days, the heatmap.

Apart from render.progress (the 错题本) so that `study stats` imports only what it draws.
Both tables are render.tabular's Columns: the lines the Rich Table would draw, written
directly when they fit the width (rich.table is imported only when they do not).

Heatmap cells use ASCII glyphs so it keeps its shape when piped (no colour) and in
terminals that draw East Asian "ambiguous" characters (·, ░, ■) double-width.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from studycli.memory.stats import HEATMAP_WEEKS, heatmap_start
from studycli.render.tabular import Columns

if TYPE_CHECKING:
    from rich.console import RenderableType

    from studycli.memory.stats import Stats

WEEKDAYS = "一二三四五六日"
# (lowest count, glyph, style) for each shade, lightest first.
LEVELS = [
    (0, ".", "bright_black"),
    (1, "-", "green4"),
    (5, "+", "green3"),
    (15, "*", "green1"),
    (30, "#", "bold bright_green"),
]
TOPIC_COLUMNS = [
    ("主题", "left", "fold"),
    ("掌握", "right", "ellipsis"),
    ("掌握度", "right", "ellipsis"),
    ("答题", "right", "ellipsis"),
    ("正确率", "right", "ellipsis"),
]


def _level(count: int) -> tuple[int, str, str]:
    return [level for level in LEVELS if count >= level[0]][-1]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_heatmap(days: dict[date, int], today: date, weeks: int = HEATMAP_WEEKS) -> Heatmap:
    """A contribution graph: 7 rows Mon..Sun, ``weeks`` columns ending this week, a legend."""
    start = heatmap_start(today, weeks)
    label_width = 3  # "一 " plus one space
    # Label a month over the first week that starts in it; drop the window's first label
    # when the next one follows too closely to fit both.
    labels = []
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        if week == 0 or monday.month != (monday - timedelta(weeks=1)).month:
            labels.append((label_width + 1 + 2 * week, f"{monday.month}月"))
    if len(labels) > 1 and labels[1][0] - labels[0][0] <= cell_len(labels[0][1]):
        labels.pop(0)
    header = ""
    for column, label in labels:
        header += " " * (column - cell_len(header)) + label
    lines: list[Line] = [(None, [(header, None)])]
    for weekday in range(7):
        runs: list[Run] = [(f"{WEEKDAYS[weekday]} ", None)]
        for week in range(weeks):
            day = start + timedelta(weeks=week, days=weekday)
            if day > today:
                runs.append(("  ", None))
                continue
            _, glyph, style = _level(days.get(day, 0))
            runs += [(" ", None), (glyph, style)]
        lines.append(("bright_black", runs))
    lows = [low for low, _, _ in LEVELS]
    pairs: list[list[Run]] = []
    for (low, glyph, style), following in zip(LEVELS, [*lows[1:], None], strict=True):
        if following is None:
            span = f"{low}+"
        else:
            span = str(low) if following - 1 == low else f"{low}-{following - 1}"
        pairs.append([(glyph, style), (f" {span}", None)])
    return Heatmap(lines, legend=(" " * label_width + "每天答题:", pairs))


# A heatmap line: its base style and its runs of (text, style over the base).
Run = tuple[str, str | None]
Line = tuple[str | None, list[Run]]


class Heatmap:
    """The heatmap's lines: written as segments when every line fits the width, else as one
    Text, which Rich wraps (the legend, in a narrow terminal) as before.

    Both look the same where they fit: a run's style is its line's style with the run's
    own over it, as Rich combines a Text's spans (tests/test_stats_render.py compares them).
    """

    def __init__(
        self,
        lines: list[Line],
        *,
        legend: tuple[str, list[list[Run]]] | None = None,
        force_text: bool = False,
    ):
        self.lines = lines
        self.legend = legend  # its lead and its (glyph, span) pairs, wrapped between pairs
        self.force_text = force_text  # always the Text (for tests)

    def all_lines(self, width: int | None = None) -> list[Line]:
        """The grid's lines, then the legend's, filled to ``width`` cells: a glyph is never
        parted from its span (# / 30+); later lines start under the first pair."""
        if self.legend is None:
            return self.lines
        lead, pairs = self.legend
        lines = list(self.lines)
        runs: list[Run] = [(lead, None)]
        used = cell_len(lead)
        fresh = True  # nothing after the lead yet
        for pair in pairs:
            size = sum(cell_len(run) for run, _ in pair)
            if not fresh and width is not None and used + 2 + size > width:
                lines.append(("bright_black", runs))
                runs, used, fresh = [(" " * cell_len(lead), None)], cell_len(lead), True
            if not fresh:
                runs.append(("  ", None))
                used += 2
            runs += pair
            used += size
            fresh = False
        lines.append(("bright_black", runs))
        return lines

    def text(self, width: int | None = None) -> Text:
        """The heatmap as one Rich Text (its legend filled to ``width``)."""
        texts = []
        for base, runs in self.all_lines(width):
            line = Text(style=base or "")
            for run, style in runs:
                line.append(run, style=style)
            texts.append(line)
        return Text("\n").join(texts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.all_lines(options.max_width)
        widest = max(sum(cell_len(run) for run, _ in runs) for _, runs in lines)
        if self.force_text or widest > options.max_width:
            yield self.text(options.max_width)
            return
        get_style = console.get_style
        newline = Segment.line()
        for base, runs in lines:
            base_style = get_style(base) if base else None
            for run, style in runs:
                if style is None:
                    yield Segment(run, base_style)
                elif base_style is None:
                    yield Segment(run, get_style(style))
                else:
                    yield Segment(run, base_style + get_style(style))
            yield newline


def render_stats(stats: Stats) -> list[RenderableType]:
    """The `study stats` page: totals, per-topic table, last 7 days, heatmap."""
    parts: list[RenderableType] = [
        Text(f"学习统计 · {stats.today.isoformat()}", style="bold"),
        Text(f"共答题 {stats.reviews} 次,连续学习 {stats.streak} 天。"),
        Text(f"今天到期 {stats.due_today} 项,7 天内到期 {stats.due_week} 项。"),
    ]
    if stats.topics:
        rows = [
            (
                t.topic,
                f"{t.mastered}/{t.items}" if t.items else "—",
                _percent(t.mastery),
                str(t.answers),
                _percent(t.accuracy),
            )
            for t in stats.topics
        ]
        # In a narrow terminal: no box, one space between columns, so names stay whole.
        narrow = Columns(TOPIC_COLUMNS, rows, box=None, compact=True)
        parts.append(Columns(TOPIC_COLUMNS, rows, box="simple_head", narrow=narrow))
    week = sorted(stats.days)[-7:]
    counts = [[str(stats.days[day]) for day in week]]
    heads = [f"{day.month}/{day.day}\n周{WEEKDAYS[day.weekday()]}" for day in week]
    # In a narrow terminal the dates move into the title, so no header is cut to 11/…
    span = f"{week[0].month}/{week[0].day}–{week[-1].month}/{week[-1].day}" if week else ""
    narrow = Columns(
        [(f"{day.day}\n周{WEEKDAYS[day.weekday()]}", "right", "ellipsis") for day in week],
        counts,
        box=None,
        title=f"最近 7 天({span})",
    )
    recent = Columns(
        [(head, "right", "ellipsis") for head in heads],
        counts,
        box=None,
        title="最近 7 天",
        narrow=narrow,
    )
    parts += [recent, Text(""), Text(f"最近 {HEATMAP_WEEKS} 周", style="bold")]
    parts.append(render_heatmap(stats.days, stats.today))
    return parts
