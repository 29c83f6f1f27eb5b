"""study plan: how much to learn and review each day to be ready on the exam date."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer

from studycli.cli.app import (
    BuiltinOpt,
    ContentOpt,
    DataDirOpt,
    NowOpt,
    app,
    now_and_zone,
    open_store,
    out,
)
from studycli.cli.quiz_cmds import JsonOpt
from studycli.cli.sourcing import open_deck_bank
from studycli.errors import StudyError, UsageError


def parse_exam_date(text: str, today: date) -> date:
    """A YYYY-MM-DD exam date after today, or a UsageError naming the value."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"考试日期“{text}”不是 YYYY-MM-DD 格式的日期,例如 2026-12-20。") from None
    if day <= today:
        raise UsageError(f"考试日期 {day.isoformat()} 不在今天({today.isoformat()})之后。")
    return day


@app.command()
def plan(
    exam_date: Annotated[
        str | None,
        typer.Option("--exam-date", help="考试日期(YYYY-MM-DD);设定后 review 按计划出题。"),
    ] = None,
    retention: Annotated[
        float, typer.Option("--retention", help="考试当天希望记得的把握(0.7–0.99)。")
    ] = 0.9,
    clear: Annotated[bool, typer.Option("--clear", help="取消考试日期,review 恢复原样。")] = False,
    json_out: JsonOpt = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    fixed_now: NowOpt = None,
) -> None:
    """备考计划:到考试日学完全部题目并达到目标记忆把握,每天要新学多少、复习多少。

    按 FSRS 的遗忘曲线推算:每道题按时复习、每次都答对时,考试当天记得的把握不低于目标。
    不带 --exam-date 时显示已设定的计划。
    """
    from studycli.memory.history import (
        ExamPlan,
        card_states,
        clear_exam_plan,
        exam_plan,
        set_exam_plan,
    )
    from studycli.memory.plan import make_plan, reserve_days_for
    from studycli.render.exam import render_plan

    now, tz = now_and_zone(fixed_now)
    today = now.astimezone(tz).date()
    if clear:
        with open_store(data_dir) as store:
            had = clear_exam_plan(store)
        out.print("已取消考试日期。" if had else "没有设定考试日期。", markup=False)
        return
    if not 0.7 <= retention <= 0.99:
        raise UsageError(f"--retention 应在 0.7 到 0.99 之间,而不是 {retention}。")
    day = parse_exam_date(exam_date, today) if exam_date is not None else None
    with open_deck_bank(content, builtin, data_dir) as bank:
        pairs = bank.id_fingerprints()
    with open_store(data_dir) as store:
        if day is None:
            saved = exam_plan(store)
            if saved is None:
                raise StudyError("还没有设定考试日期。设定:study plan --exam-date YYYY-MM-DD")
            if saved.exam_date <= today:
                raise StudyError(
                    f"考试日期 {saved.exam_date.isoformat()} 已到或已过。"
                    "设定新的日期:study plan --exam-date YYYY-MM-DD"
                )
            day, retention = saved.exam_date, saved.retention
        figures = make_plan(pairs, card_states(store), now, tz, day, retention)
        if exam_date is not None:
            set_exam_plan(
                store,
                ExamPlan(
                    exam_date=day,
                    retention=retention,
                    new_per_day=figures.new_per_day,
                    new_total=figures.new_total,
                    reserve=reserve_days_for(figures.days_left),
                    set_at=now,
                ),
            )
    if json_out:
        sys.stdout.write(json.dumps(figures.to_json(), ensure_ascii=False) + "\n")
        return
    for part in render_plan(figures):
        out.print(part)
