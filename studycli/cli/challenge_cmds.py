"""study challenge (挑战答题): single choice against the clock until the first miss.

Each question's time is measured on the session clock (app.session_clock, fixed by --now):
an answer that takes longer than --seconds ends the run as a timeout. Tests use a fake clock.
"""

from __future__ import annotations

import json
import random
import secrets
import sys
from dataclasses import dataclass
from typing import Annotated

import typer

from studycli.cli.app import (
    BuiltinOpt,
    ContentOpt,
    DataDirOpt,
    NowOpt,
    TopicOpt,
    app,
    err,
    open_store,
    out,
    session_clock,
)
from studycli.cli.exam_cmds import question_row
from studycli.cli.exam_sitting import TimeUp, alarm_after
from studycli.cli.quiz_cmds import AnswerSource, JsonOpt, SeedOpt, save_answer
from studycli.errors import StudyError, UsageError

CHALLENGE_MODE = "challenge"
ENDINGS = {
    "wrong": "答错了",
    "timeout": "超时了",
    "finished": "全部答对",
    "stopped": "输入已结束",
}


@dataclass
class Turn:
    """One asked question: what was given, how long it took, and its grade."""

    question: object
    given: str
    seconds: float
    grade: object
    timed_out: bool


def run_challenge(
    questions, limit: int, clock, read, show, titles: dict | None = None, glossary=()
) -> tuple[list[Turn], str]:
    """Ask until a wrong answer, a timeout or the end; the turns and how the run ended."""
    from studycli.quiz.grading import grade_answer
    from studycli.render.quiz import render_feedback, render_question

    turns: list[Turn] = []
    for index, question in enumerate(questions, 1):
        show(render_question(question, index, len(questions), False))
        show(f"限时 {limit} 秒")
        started = clock()
        given = read("你的答案> ")
        if given is None:
            return turns, "stopped"
        seconds = (clock() - started).total_seconds()
        grade = grade_answer(question, given, glossary)  # aliases (TFP, AI) as in quiz
        timed_out = seconds > limit
        turns.append(Turn(question, given, seconds, grade, timed_out))
        if timed_out:
            show(f"✗ 超时:用时 {seconds:.0f} 秒,限时 {limit} 秒。")
            show(render_feedback(question, grade, titles) if not grade.correct else "")
            return turns, "timeout"
        show(render_feedback(question, grade, titles))
        if not grade.correct:
            return turns, "wrong"
        show(f"连对 {len(turns)} 题")
    return turns, "finished"


def streak_of(turns: list[Turn]) -> int:
    """Questions answered right in time before the run ended."""
    return sum(1 for turn in turns if turn.grade.correct and not turn.timed_out)


@app.command()
def challenge(
    seconds: Annotated[int, typer.Option("--seconds", "-s", help="每题限时(秒)。")] = 45,
    count: Annotated[int, typer.Option("--count", "-n", help="最多出多少题。")] = 30,
    topic: TopicOpt = None,
    seed: SeedOpt = None,
    json_out: JsonOpt = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """挑战答题:单选题,每题限时,答错或超时即结束;保留并显示最佳纪录。

    标准输入不是终端时每行读一个答案(字母或选项文字)。每道作答都计入复习进度与错题本。
    """
    from studycli.cli.sourcing import bank_topic, open_deck_bank
    from studycli.memory.history import ChallengeRecord, best_challenge, save_challenge
    from studycli.quiz.paper import usable
    from studycli.quiz.selection import pick_questions

    for value, option in ((seconds, "--seconds"), (count, "--count")):
        if value < 1:
            raise UsageError(f"{option} 必须是正整数,而不是 {value}。")
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    rng = random.Random(seed)
    with open_deck_bank(content, builtin, data_dir) as bank:  # the compiled question bank
        topic_name = bank_topic(bank, topic)
        choices = bank.all_questions(topic=topic_name, kinds=["choice"], flagged=False)
        titles, glossary = bank.articles, bank.glossary
    pool = [q for q in choices if usable(q)]
    if not pool:
        where = f"主题“{topic_name}”下" if topic_name else "题库中"
        raise StudyError(f"{where}没有单选题,无法挑战。")
    questions = pick_questions(pool, count, rng)
    reader = AnswerSource()

    def show(renderable) -> None:
        if not json_out:
            out.print(renderable)

    def read(prompt: str) -> str | None:
        # On a terminal with the real clock the question ends when its time is up.
        alarm = seconds + 0.5 if reader.interactive and now is None else None
        try:
            with alarm_after(alarm):
                given = reader.read(prompt)
        except TimeUp:
            out.print()
            return ""
        if given is not None and not reader.interactive:
            show(f"{prompt}{given}")
        return given

    clock = session_clock(now)
    with open_store(data_dir, for_writing=True) as store:
        best_before = best_challenge(store)
        record = (
            f"最佳纪录 {best_before.streak} 题。"
            if best_before and best_before.streak
            else "还没有纪录。"
        )
        show(f"挑战答题:共 {len(questions)} 题,每题限时 {seconds} 秒,答错或超时即结束。{record}")
        try:
            turns, ended = run_challenge(questions, seconds, clock, read, show, titles, glossary)
        except KeyboardInterrupt:
            err.print("\n已中断。", markup=False)
            raise typer.Exit(130) from None
        finished_at = clock()
        for turn in turns:
            duration = turn.seconds if reader.interactive else None
            save_answer(
                store, turn.question, turn.given, turn.grade, finished_at, CHALLENGE_MODE, duration
            )
        streak = streak_of(turns)
        save_challenge(store, ChallengeRecord(finished_at, streak, seconds, ended))
        best = max(streak, best_before.streak if best_before else 0)
    if json_out:
        rows = []
        for index, question in enumerate(questions):
            turn = turns[index] if index < len(turns) else None
            if turn is None:
                rows.append(question_row(question, None, False, 0.0))
                continue
            row = question_row(question, turn.given, turn.grade.correct, turn.grade.score)
            row["timed_out"] = turn.timed_out
            rows.append(row)
        data = {"questions": rows, "streak": streak, "best": best, "ended": ended}
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    out.print(f"挑战结束({ENDINGS[ended]}):连对 {streak} 题。", markup=False, style="bold")
    if streak and (best_before is None or streak > best_before.streak):
        out.print(f"新纪录!最佳纪录:{best} 题。", markup=False)
    else:
        out.print(f"最佳纪录:{best} 题。", markup=False)
