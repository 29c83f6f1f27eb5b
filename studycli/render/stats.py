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


def render_heatmap(days: dict[date, int], today: date, weeks: int = HEATMAP_WEEKS) -> Text:
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
    header = Text()
    for column, label in labels:
        header.append(" " * (column - cell_len(header.plain)) + label)
    lines = [header]
    for weekday in range(7):
        line = Text(f"{WEEKDAYS[weekday]} ", style="bright_black")
        for week in range(weeks):
            day = start + timedelta(weeks=week, days=weekday)
            if day > today:
                line.append("  ")
                continue
            _, glyph, style = _level(days.get(day, 0))
            line.append(" ")
            line.append(glyph, style=style)
        lines.append(line)
    lows = [low for low, _, _ in LEVELS]
    legend = Text(" " * label_width + "每天答题:", style="bright_black")
    for (low, glyph, style), following in zip(LEVELS, [*lows[1:], None], strict=True):
        if following is None:
            span = f"{low}+"
        else:
            span = str(low) if following - 1 == low else f"{low}-{following - 1}"
        legend.append(glyph, style=style)
        legend.append(f" {span}  " if following is not None else f" {span}")
    lines.append(legend)
    return Text("\n").join(lines)


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
        parts.append(Columns(TOPIC_COLUMNS, rows, box="simple_head"))
    week = sorted(stats.days)[-7:]
    heads = [f"{day.month}/{day.day}\n周{WEEKDAYS[day.weekday()]}" for day in week]
    recent = Columns(
        [(head, "right", "ellipsis") for head in heads],
        [[str(stats.days[day]) for day in week]],
        box=None,
        title="最近 7 天",
    )
    parts += [recent, Text(""), Text(f"最近 {HEATMAP_WEEKS} 周", style="bold")]
    parts.append(render_heatmap(stats.days, stats.today))
    return parts
