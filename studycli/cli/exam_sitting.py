"""Sitting a mock paper: the clock and its alarm, and reading answers piped or at a terminal
with numbered navigation (:3 back to question 3, :p, :l the answer sheet, :s submit)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime


class TimeUp(Exception):
    """Raised by the alarm when the time runs out while the user is at a prompt."""


@contextmanager
def alarm_after(seconds: float | None) -> Iterator[None]:
    """Raise TimeUp after ``seconds`` of real time, even mid-prompt (None or no SIGALRM: off).

    Only for a real terminal on the real clock: with --now or piped input the clock is
    checked after each answer instead.
    """
    if seconds is None or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum, frame):
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Sitting:
    """Answers being collected for a paper: where to show things and the deadline."""

    clock: object  # () -> aware datetime
    deadline: datetime
    show: object  # (renderable) -> None
    answers: list = field(default_factory=list)
    timed_out: bool = False
    ended: bool = False  # input ended before every question was reached

    def remaining(self) -> float:
        """Seconds left on the paper."""
        return (self.deadline - self.clock()).total_seconds()


def parse_command(raw: str, total: int) -> tuple[str, int | str | None]:
    """A line typed during a paper: ("goto", n), ("prev"|"next"|"list"|"submit"|"help", None),
    ("answer", text), or ("bad", message)."""
    text = raw.strip()
    if not text.startswith((":", ":")):
        return "answer", text
    word = text[1:].strip().lower()
    if word.isdigit():
        number = int(word)
        if not 1 <= number <= total:
            return "bad", f"没有第 {word} 题:本卷共 {total} 题。"
        return "goto", number - 1
    names = {
        "submit": ("s", "交卷", "submit"),
        "list": ("l", "列表", "答题卡", "list"),
        "prev": ("p", "b", "上", "上一题"),
        "next": ("n", "下", "下一题"),
        "help": ("h", "?", "?", "帮助", "help"),
    }
    for action, words in names.items():
        if word in words:
            return action, None
    return "bad", f"看不懂“{text}”。{_nav_help()}"


def _nav_help() -> str:
    from studycli.render.exam import NAV_HELP

    return NAV_HELP


def sit_piped(paper, sitting: Sitting, read) -> None:
    """One answer per line in question order; stops when time is up or input ends."""
    from studycli.render.exam import render_exam_question

    entries = paper.entries()
    for number, section, question, points in entries:
        if sitting.remaining() <= 0:
            sitting.timed_out = True
            return
        sitting.show(
            render_exam_question(
                number, len(entries), section, question, points, sitting.remaining()
            )
        )
        given = read("你的答案> ")
        if given is None:
            sitting.ended = True
            return
        if sitting.remaining() < 0:
            sitting.timed_out = True  # this answer came too late
            return
        sitting.show(f"你的答案> {given}")
        sitting.answers.append(given)


def sit_interactive(paper, sitting: Sitting, read) -> None:
    """Numbered navigation: answer, skip, go back to any question, change it, then submit."""
    from studycli.render.exam import NAV_HELP, render_answer_sheet, render_exam_question

    entries = paper.entries()
    total = len(entries)
    answers: list[str | None] = [None] * total
    sitting.answers = answers
    sitting.show(NAV_HELP)
    current = 0
    confirm = False
    while True:
        if sitting.remaining() <= 0:
            sitting.timed_out = True
            return
        if current < total:
            number, section, question, points = entries[current]
            sitting.show(
                render_exam_question(
                    number, total, section, question, points, sitting.remaining(), answers[current]
                )
            )
            prompt = f"第 {number} 题> "
        else:
            sitting.show(render_answer_sheet(answers, sitting.remaining()))
            prompt = "已到最后一题:输入 :s 交卷,或 :题号 回去修改> "
        raw = read(prompt)
        if raw is None:
            return  # Ctrl-D: submit what there is
        if sitting.remaining() < 0:
            sitting.timed_out = True  # typed after the time was up: not accepted
            return
        action, value = parse_command(raw, total)
        if action != "submit":
            confirm = False
        if action == "answer":
            if current >= total:
                sitting.show("请用 :题号 回到某题修改,或 :s 交卷。")
                continue
            if value:
                answers[current] = value
            current += 1
        elif action == "goto":
            current = value
        elif action == "prev":
            current = max(0, current - 1)
        elif action == "next":
            current = min(total, current + 1)
        elif action == "list":
            sitting.show(render_answer_sheet(answers, sitting.remaining()))
        elif action == "help":
            sitting.show(NAV_HELP)
        elif action == "bad":
            sitting.show(value)
        elif action == "submit":
            left = sum(1 for a in answers if not a)
            if left and not confirm:
                sitting.show(f"还有 {left} 题未作答。再输入一次 :s 确认交卷。")
                confirm = True
                continue
            return
