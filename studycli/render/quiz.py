"""Rich renderables for a quiz or card session: question, feedback, closing score table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studycli.quiz.question import KIND_ALIASES, LETTERS

KIND_NAMES = {
    "cloze": "填空",
    "choice": "单选",
    "multi": "多选",
    "judge": "判断",
    "recite": "默写",
    "list": "列举",
    "term": "名词解释",
    "source": "出处",
    "belongs": "归类",
}
KIND_NAMES.update({zh: KIND_NAMES[en] for zh, en in KIND_ALIASES.items()})  # --kind 多选 too


@dataclass(frozen=True)
class Outcome:
    """One asked question and what became of it (``given`` None: not answered)."""

    question: object  # studycli.quiz.questions.Question
    given: str | None
    score: float
    correct: bool


def topic_line(topics: Sequence[str], most: int = 2) -> str:
    """At most ``most`` topics, so a header fits on one line of a narrow terminal."""
    shown = "、".join(topics[:most])
    return shown + ("等" if len(topics) > most else "")


def render_question(question, index: int, total: int, hint_length: bool) -> RenderableType:
    """The question with a progress header: 第 3/10 题 · 填空 · 人才、产业等."""
    kind = KIND_NAMES.get(question.kind, question.kind)
    head = Text(f"第 {index}/{total} 题 · {kind} · {topic_line(question.topics)}", style="dim")
    parts: list[RenderableType] = [head, Text(question.display_prompt(hint_length), style="bold")]
    for letter, option in zip(LETTERS, question.options, strict=False):
        parts.append(Text(f"  {letter}. {option}"))
    return Group(*parts)


def render_feedback(question, grade) -> RenderableType:
    """✓ for right; otherwise the expected answer, the word comparison and the source."""
    if grade.correct:
        return Text("✓ 正确", style="bold green")
    if grade.score > 0:
        head = Text(f"△ 部分正确(得分 {grade.score:.0%})", style="bold yellow")
    else:
        head = Text("✗ 不对", style="bold red")
    if grade.note:
        head.append(f"  {grade.note}", style="yellow")
    letter = question.answer_letter
    if question.kind == "multi":  # every right letter: ACD
        letter = question.answer_letters
    answer = f"{letter}. {question.answer}" if letter else question.answer
    lines: list[RenderableType] = [head, Text.assemble(("答案:", "bold"), answer)]
    if len(question.expected) > 1:
        parts = Text("逐项:", style="bold")
        for part in grade.parts:
            parts.append(
                f" {'✓' if part.found else '✗'}{part.expected}",
                style="green" if part.found else "red",
            )
        lines.append(parts)
    # Multi-part answers are compared part by part above; one word would only repeat it.
    if len(question.expected) == 1 and len(grade.words) > 1:
        words = Text("对照:", style="bold")
        for mark in grade.words:
            if mark.found:
                words.append(f" {mark.word}", style="green")
            else:
                words.append(f" [{mark.word}]", style="bold red")
        words.append("  (方括号内为漏掉的词)", style="dim")
        lines.append(words)
    lines.append(Text(f"出处:{question.source.cite()}", style="dim"))
    return Group(*lines)


def render_scores(outcomes: Sequence[Outcome], total: int) -> Table:
    """The closing table: per topic, questions asked, answered right, average score."""
    table = Table(title="本次成绩", expand=False)
    table.add_column("主题", no_wrap=True)
    table.add_column("题数", justify="right")
    table.add_column("答对", justify="right")
    table.add_column("得分", justify="right")
    by_topic: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        for topic in outcome.question.topics:
            by_topic.setdefault(topic, []).append(outcome)
    for topic, rows in by_topic.items():
        right = sum(o.correct for o in rows)
        score = sum(o.score for o in rows) / len(rows)
        table.add_row(topic, str(len(rows)), str(right), f"{score:.0%}")
    right = sum(o.correct for o in outcomes)
    score = sum(o.score for o in outcomes) / total if total else 0.0
    table.add_section()
    table.add_row("合计", str(total), str(right), f"{score:.0%}", style="bold")
    answered = sum(o.given is not None for o in outcomes)
    if answered < total:
        table.caption = f"未作答 {total - answered} 题(按答错计)"
    return table


def render_card_front(card, index: int, total: int) -> RenderableType:
    """The front of a flashcard with a progress header."""
    head = Text(f"第 {index}/{total} 张 · {topic_line(card.topics)}", style="dim")
    return Group(head, Text(card.front, style="bold"))


def render_card_back(card) -> RenderableType:
    """The back of a flashcard and its source."""
    return Group(Text(card.back, style="green"), Text(f"出处:{card.source.cite()}", style="dim"))
