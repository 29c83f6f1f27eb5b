"""Rich renderables for a quiz or card session: question, feedback, closing score table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text

from studycli.quiz.question import KIND_ALIASES, KIND_TITLES, LETTERS
from studycli.render.linebreak import Para, Phrases

KIND_NAMES = dict(KIND_TITLES)
KIND_NAMES.update({zh: KIND_NAMES[en] for zh, en in KIND_ALIASES.items()})  # --kind 多选 too


@dataclass(frozen=True)
class Outcome:
    """One asked question and what became of it (``given`` None: not answered)."""

    question: object  # studycli.quiz.questions.Question
    given: str | None
    score: float
    correct: bool
    status: str = "answered"  # or "skipped" (Enter / 跳过: not a mistake, not scored)
    hinted: bool = False

    @property
    def answered(self) -> bool:
        """Whether an answer was given and graded (skipped and unreached ones were not)."""
        return self.status == "answered" and self.given is not None


def topic_line(topics: Sequence[str], most: int = 2) -> str:
    """At most ``most`` topics, so a header fits on one line of a narrow terminal."""
    shown = "、".join(topics[:most])
    return shown + ("等" if len(topics) > most else "")


def render_question(question, index: int, total: int, hint_length: bool) -> RenderableType:
    """The question with a progress header: 第 3/10 题 · 填空 · 人才、产业等."""
    kind = KIND_NAMES.get(question.kind, question.kind)
    # Wrapped between its parts only: 人才、产业等 is never parted from its 等.
    head = Phrases([f"第 {index}/{total} 题", kind, topic_line(question.topics)], " · ", "dim")
    parts: list[RenderableType] = [
        head,
        Para(Text(question.display_prompt(hint_length), style="bold")),
    ]
    for letter, option in zip(LETTERS, question.options, strict=False):
        parts.append(Para(Text(option), f"  {letter}. "))
    return Group(*parts)


def cite(source, titles: dict | None = None) -> str:
    """出处 with the article's title (declared in the deck) rather than its file name."""
    title = (titles or {}).get(source.article, source.article)
    return f"{title} · {source.section}"


def render_feedback(question, grade, titles: dict | None = None) -> RenderableType:
    """✓ for right; otherwise the expected answer, the word comparison and the source."""
    if grade.correct:
        return Text("✓ 正确", style="bold green")
    near = getattr(grade, "near", None)
    if grade.score > 0:
        head = Text(f"△ 部分正确(得分 {grade.score:.0%})", style="bold yellow")
    elif near:
        head = Text("≈ 接近,但不对", style="bold yellow")
    else:
        head = Text("✗ 不对", style="bold red")
    for remark in (grade.note, near and f"{'接近:' if grade.score > 0 else ''}{near}"):
        if remark:
            head.append(f"  {remark}", style="yellow")
    letter = question.answer_letter
    if question.kind == "multi":  # every right letter: ACD
        letter = question.answer_letters
    answer = f"{letter}. {question.answer}" if letter else question.answer
    lines: list[RenderableType] = [Para(head), Para(Text(answer), Text("答案:", style="bold"))]
    if len(question.expected) > 1:
        parts = Text("逐项:", style="bold")
        for part in grade.parts:
            parts.append(
                f" {'✓' if part.found else '✗'}{part.expected}",
                style="green" if part.found else "red",
            )
        lines.append(Para(parts))
    # Multi-part answers are compared part by part above; one word would only repeat it.
    if len(question.expected) == 1 and len(grade.words) > 1:
        words = Text("对照:", style="bold")
        for mark in grade.words:
            if mark.found:
                words.append(f" {mark.word}", style="green")
            else:
                words.append(f" [{mark.word}]", style="bold red")
        words.append("  (方括号内为漏掉的词)", style="dim")
        lines.append(Para(words))
    lines.append(Para(Text(cite(question.source, titles), style="dim"), "出处:"))
    return Group(*lines)


def render_scores(outcomes: Sequence[Outcome], total: int) -> RenderableType:
    """The closing table over answered questions only: per topic, answered, right, score.

    Skipped questions and those never reached (q, Ctrl-C, end of input) are not counted as
    wrong; a line under the table says how many there were.
    """
    answered = [o for o in outcomes if o.answered]
    from rich.table import Table  # only for the score table: not on the start-up path

    table = Table(title="本次成绩", expand=False)
    table.add_column("主题", overflow="fold")
    table.add_column("答题", justify="right")
    table.add_column("答对", justify="right")
    table.add_column("得分", justify="right")
    by_topic: dict[str, list[Outcome]] = {}
    for outcome in answered:
        for topic in outcome.question.topics:
            by_topic.setdefault(topic, []).append(outcome)
    for topic, rows in by_topic.items():
        right = sum(o.correct for o in rows)
        score = sum(o.score for o in rows) / len(rows)
        table.add_row(topic, str(len(rows)), str(right), f"{score:.0%}")
    right = sum(o.correct for o in answered)
    score = sum(o.score for o in answered) / len(answered) if answered else 0.0
    table.add_section()
    table.add_row("合计", str(len(answered)), str(right), f"{score:.0%}", style="bold")
    notes = []
    skipped = sum(o.status == "skipped" for o in outcomes)
    if skipped:
        notes.append(f"跳过 {skipped} 题")
    unreached = total - len(outcomes)
    if unreached > 0:
        notes.append(f"未作答 {unreached} 题")
    if not notes:
        return table
    return Group(table, Text("(" + ",".join(notes) + ",不计入成绩)", style="dim"))


def next_step_line(
    new_mistakes: int, due_tomorrow: int, mistakes_command: str, unit: str = "题"
) -> Para:
    """What to do next: e.g. 3 题进错题本 → study quiz --mistakes · 明天到期 5 项."""
    parts = []
    if new_mistakes:
        parts.append(f"{new_mistakes} {unit}进错题本 → {mistakes_command}")
    else:
        parts.append("本次没有新错题")
    parts.append(f"明天到期 {due_tomorrow} 项" if due_tomorrow else "明天没有到期的题")
    return Para(Text(" · ".join(parts), style="bold"), Text("下一步:", style="bold"))


def render_card_front(card, index: int, total: int) -> RenderableType:
    """The front of a flashcard with a progress header."""
    head = Phrases([f"第 {index}/{total} 张", topic_line(card.topics)], " · ", "dim")
    return Group(head, Para(Text(card.front, style="bold")))


def render_card_back(card, titles: dict | None = None) -> RenderableType:
    """The back of a flashcard and its source."""
    return Group(
        Para(Text(card.back, style="green")),
        Para(Text(cite(card.source, titles), style="dim"), "出处:"),
    )


def rating_choices(line: str) -> RenderableType:
    """The cards' rating line (1 重来 1分钟 · 2 困难 6分钟 · …), wrapped only between
    choices, so a label is never parted from its interval."""
    return Phrases(line.split(" · "), sep=" · ", style="dim")


def format_interval(span) -> str:
    """A time until due, short: 1分钟, 10分钟, 5小时, 3天, 2.5个月, 1.2年."""
    seconds = span.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}分钟"
    if seconds < 86400:
        return f"{round(seconds / 3600)}小时"
    days = round(seconds / 86400)
    if days < 31:
        return f"{days}天"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "个月"
    return f"{days / 365:.1f}".removesuffix(".0") + "年"
