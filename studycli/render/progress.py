"""Rich renderables for progress: the 错题本. No prompting.

The stats page and its heatmap are in render.stats (re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from rich.console import Group, RenderableType
from rich.text import Text

from studycli.render.linebreak import Para
from studycli.render.stats import LEVELS, WEEKDAYS, render_heatmap, render_stats

__all__ = [
    "LEVELS", "WEEKDAYS", "MistakeLine", "format_when", "render_heatmap", "render_mistakes",
    "render_stats",
]  # fmt: skip


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
    question_id: str = ""  # for `study quiz --id` (a card's id is not a question's)


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
        if line.question_id:
            parts.append(Para(Text(line.question_id, style="bright_black"), "   题号:"))
        if line.question:
            parts.append(Para(Text(line.question), "   题目:"))
        given = Text(line.given if line.given else "(未作答)", style="red")
        parts.append(Para(given, "   你的答案:"))
        parts.append(Para(Text(line.expected, style="green"), "   正确答案:"))
    parts += [Text(""), Text("重做这些题:study quiz --mistakes", style="bold")]
    if any(line.question_id for line in lines):
        parts.append(Text("重做其中一题:study quiz --id 题号", style="bold"))
    return Group(*parts)
