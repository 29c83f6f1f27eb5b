"""Rich renderables and Markdown for exam day: the paper, the marked paper, the history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studycli.quiz.question import LETTERS
from studycli.render.quiz import cite, topic_line

NAV_HELP = (
    "直接输入答案并回车进入下一题;回车不输入则跳过。"
    ":3 跳到第 3 题,:p 上一题,:l 查看答题卡,:s 交卷。"
)


def clock_text(seconds: float) -> str:
    """Seconds as mm:ss (never negative)."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def render_paper_head(paper, scope: str) -> RenderableType:
    """The paper's title line and its sections with points."""
    total = len(paper.questions)
    lines = [
        Text(
            f"模拟考试:{scope},共 {total} 题,满分 100 分,限时 {paper.minutes} 分钟"
            f"(种子 {paper.seed})。",
            style="bold",
        ),
    ]
    for section in paper.sections:
        lines.append(Text(f"  {section.title}:{len(section.questions)} 题,共 {section.total} 分"))
    return Group(*lines)


def render_exam_question(
    number: int, total: int, section, question, points: int, remaining: float | None, given=None
) -> RenderableType:
    """One question of the paper: section, points, the time left and any answer already given."""
    head = f"第 {number}/{total} 题 · {section.name} · {points} 分 · {topic_line(question.topics)}"
    if remaining is not None:
        head += f" · 剩余 {clock_text(remaining)}"
    parts: list[RenderableType] = [Text(head, style="dim"), Text(question.prompt, style="bold")]
    for letter, option in zip(LETTERS, question.options, strict=False):
        parts.append(Text(f"  {letter}. {option}"))
    if given:
        parts.append(Text(f"  当前答案:{given}", style="cyan"))
    return Group(*parts)


def render_answer_sheet(answers: Sequence[str | None], remaining: float | None) -> Text:
    """The 答题卡: every number, ✓ when answered, · when not."""
    text = Text("答题卡:")
    for number, given in enumerate(answers, 1):
        done = bool(given)
        text.append(f" {number}{'✓' if done else '·'}", style="green" if done else "yellow")
    left = sum(1 for given in answers if not given)
    text.append(f"  未答 {left} 题", style="bold")
    if remaining is not None:
        text.append(f" · 剩余 {clock_text(remaining)}")
    return text


def render_marked(marked, titles: dict | None = None) -> list[RenderableType]:
    """The graded paper: the score, per section, per topic, then every wrong answer."""
    parts: list[RenderableType] = []
    head = Text(f"成绩:{_points(marked.score)} / 100 分", style="bold")
    head.append(f"(作答 {marked.answered}/{len(marked.marks)} 题)", style="dim")
    if marked.timed_out:
        head.append("  时间到,已自动交卷", style="yellow")
    parts.append(head)
    parts.append(_tally_table("各部分得分", "部分", marked.sections()))
    parts.append(_tally_table("各主题得分", "主题", marked.topics()))
    wrong = marked.wrong()
    if not wrong:
        parts.append(Text("全部答对。", style="bold green"))
        return parts
    parts.append(Text(f"错题 {len(wrong)} 道(已记入错题本):", style="bold"))
    for mark in wrong:
        question = mark.question
        line = Text(f"{mark.number}. ", style="bold")
        line.append(f"[{mark.section.name} {_points(mark.earned)}/{mark.points} 分] ", style="dim")
        line.append(question.prompt)
        letter = question.answer_letter
        right = f"{letter}. {question.answer}" if letter else question.answer
        given = "(未作答)" if mark.given is None else (mark.given or "(空白)")
        parts += [
            Text(""),
            line,
            Text.assemble("   你的答案:", (given, "red")),
            Text.assemble("   正确答案:", (right, "green")),
            Text(f"   出处:{cite(question.source, titles)}", style="dim"),
        ]
    return parts


def render_history(records: Sequence, now: datetime, tz: tzinfo) -> RenderableType:
    """Past papers, newest first: date, scope, questions, score, time used."""
    if not records:
        return Text("还没有做过模拟考试。开始一次:study exam")
    table = Table(title="模拟考试记录", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, justify in (("日期", "left"), ("范围", "left"), ("题数", "right"),
                          ("得分", "right"), ("用时", "right")):  # fmt: skip
        table.add_column(name, justify=justify)
    for record in records:
        local = record.taken_at.astimezone(tz)
        used = "—" if record.duration_s is None else clock_text(record.duration_s)
        if record.timed_out:
            used += "(超时)"
        table.add_row(
            f"{local:%Y-%m-%d %H:%M}",
            record.topic or "全部主题",
            f"{record.answered}/{record.questions}",
            _points(record.score),
            used,
        )
    return table


def paper_markdown(paper, scope: str, titles: dict | None = None) -> tuple[str, str]:
    """The printable paper and its answer key (with sources), as two Markdown texts."""
    lines = [
        f"# 模拟试卷({scope})",
        "",
        f"满分 100 分,限时 {paper.minutes} 分钟。姓名:________  得分:________",
        "",
    ]
    key = [f"# 模拟试卷({scope})答案", "", f"种子 {paper.seed};每题后为出处。", ""]
    number = 0
    for section in paper.sections:
        title = f"## {section.title}(共 {len(section.questions)} 题,{section.total} 分)"
        lines += [title, ""]
        key += [title, ""]
        for question, points in zip(section.questions, section.points, strict=True):
            number += 1
            lines.append(f"{number}. ({points} 分){question.prompt}")
            for letter, option in zip(LETTERS, question.options, strict=False):
                lines.append(f"   - {letter}. {option}")
            if not question.options:
                lines.append("")
                lines.append("   答:______________________________")
            lines.append("")
            letter = question.answer_letter
            right = f"{letter}. {question.answer}" if letter else question.answer
            key.append(f"{number}. {right}  ")
            key.append(f"   出处:{cite(question.source, titles)}")
            key.append("")
    return "\n".join(lines).rstrip() + "\n", "\n".join(key).rstrip() + "\n"


def _points(value: float) -> str:
    return f"{value:g}"


def _tally_table(title: str, label: str, tallies: Sequence) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(label, overflow="fold")
    table.add_column("题数", justify="right")
    table.add_column("答对", justify="right")
    table.add_column("得分", justify="right")
    for tally in tallies:
        table.add_row(
            tally.name,
            str(tally.questions),
            str(tally.correct),
            f"{_points(tally.earned)}/{tally.points}",
        )
    return table


def render_plan(plan, week: int = 7) -> list[RenderableType]:
    """`study plan`: days left, new and reviews per day, the next days in a table."""
    parts: list[RenderableType] = [
        Text(
            f"考试日期 {plan.exam_date.isoformat()}(还有 {plan.days_left} 天),"
            f"目标:考试当天每道题记得的把握不低于 {plan.retention:.0%}。",
            style="bold",
        ),
        Text(
            f"共 {plan.new_total + plan.seen_total} 道题:已学 {plan.seen_total} 道,"
            f"新题 {plan.new_total} 道。"
        ),
    ]
    if plan.new_total:
        parts.append(
            Text(f"每天新学 {plan.new_per_day} 道,前 {plan.learn_days} 天学完;之后只复习。")
        )
    else:
        parts.append(Text("所有题都已学过,只需复习。"))
    parts.append(
        Text(
            f"每天复习约 {plan.reviews_per_day} 道(最多的一天 {plan.reviews_peak} 道),"
            f"共 {plan.reviews_total} 次。"
        )
    )
    parts.append(Text("study review 会按这个计划出题;考前一周最弱的题先考。", style="dim"))
    table = Table(title="接下来几天", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("日期", "新学", "复习"):
        table.add_column(name, justify="left" if name == "日期" else "right")
    for load in plan.days[:week]:
        table.add_row(f"{load.day.month}/{load.day.day}", str(load.new), str(load.reviews))
    parts.append(table)
    return parts


def render_exam_status(status) -> Text:
    """The `study stats` line about the exam: days left and whether learning keeps pace."""
    if status.days_left < 0:
        return Text(f"考试日期 {status.exam_date.isoformat()} 已过。", style="bold")
    if status.days_left == 0:
        return Text("今天就是考试日,祝考试顺利!", style="bold")
    text = Text(f"距考试({status.exam_date.isoformat()})还有 {status.days_left} 天,", style="bold")
    if status.on_track:
        text.append("进度正常", style="bold green")
    else:
        text.append("进度落后", style="bold red")
    text.append(f":已新学 {status.learnt} 道,按计划应有 {status.expected} 道。")
    return text
