"""Rich renderables for progress: the stats page, the 12-week heatmap, the 错题本. No prompting.

Cells use ASCII glyphs so the heatmap keeps its shape when piped (no colour) and in terminals
that draw East Asian "ambiguous" characters (·, ░, ■) double-width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studycli.memory.stats import HEATMAP_WEEKS, Stats, heatmap_start
from studycli.render.linebreak import Para

WEEKDAYS = "一二三四五六日"
# (lowest count, glyph, style) for each shade, lightest first.
LEVELS = [
    (0, ".", "bright_black"),
    (1, "-", "green4"),
    (5, "+", "green3"),
    (15, "*", "green1"),
    (30, "#", "bold bright_green"),
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
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
        table.add_column("主题", overflow="fold")
        table.add_column("掌握", justify="right")
        table.add_column("掌握度", justify="right")
        table.add_column("答题", justify="right")
        table.add_column("正确率", justify="right")
        for t in stats.topics:
            mastered = f"{t.mastered}/{t.items}" if t.items else "—"
            table.add_row(
                t.topic, mastered, _percent(t.mastery), str(t.answers), _percent(t.accuracy)
            )
        parts.append(table)
    week = sorted(stats.days)[-7:]
    recent = Table(box=None, pad_edge=False, title="最近 7 天", title_justify="left")
    for day in week:
        recent.add_column(f"{day.month}/{day.day}\n周{WEEKDAYS[day.weekday()]}", justify="right")
    recent.add_row(*(str(stats.days[day]) for day in week))
    parts += [recent, Text(""), Text(f"最近 {HEATMAP_WEEKS} 周", style="bold")]
    parts.append(render_heatmap(stats.days, stats.today))
    return parts


def format_when(moment: datetime, now: datetime, tz: tzinfo) -> str:
    """A short local time: 今天 10:15, 昨天 21:03, 11月20日 08:00, 2025年11月20日."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    if local.date() == today:
        return f"今天 {local:%H:%M}"
    if local.date() == today - timedelta(days=1):
        return f"昨天 {local:%H:%M}"
    if local.year == today.year:
        return f"{local.month}月{local.day}日 {local:%H:%M}"
    return f"{local.year}年{local.month}月{local.day}日"


@dataclass(frozen=True)
class MistakeLine:
    """One 错题本 entry, ready to show: what the item is called and where it sits."""

    title: str
    topics: str
    when: str
    given: str | None
    expected: str
    note: str = ""  # e.g. "题目已修改" or "未加载,来自 deck.yaml"
    question: str = ""  # what was asked (the prompt or the card's front)


def render_mistakes(lines: Sequence[MistakeLine], total: int) -> RenderableType:
    """The 错题本: newest first, each with the question, the wrong answer and the right one."""
    shown = f"(显示最近 {len(lines)} 题)" if len(lines) < total else ""
    parts: list[RenderableType] = [Text(f"错题本:共 {total} 题{shown}", style="bold")]
    for number, line in enumerate(lines, 1):
        head = Text()
        head.append(line.title, style="bold")
        head.append(f" · {line.topics} · {line.when}", style="bright_black")
        if line.note:
            head.append(f"({line.note})", style="yellow")
        parts += [Text(""), Para(head, f"{number}. ")]
        if line.question:
            parts.append(Para(Text(line.question), "   题目:"))
        given = Text(line.given if line.given else "(未作答)", style="red")
        parts.append(Para(given, "   你的答案:"))
        parts.append(Para(Text(line.expected, style="green"), "   正确答案:"))
    parts += [Text(""), Text("重做这些题:study quiz --mistakes", style="bold")]
    return Group(*parts)
