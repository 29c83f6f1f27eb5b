"""study review and study cards: what FSRS says is due, then new items, within a daily limit."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta
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
    now_and_zone,
    open_store,
    out,
    session_clock,
)
from studycli.cli.quiz_cmds import (
    AnswerSource,
    CountOpt,
    HintOpt,
    JsonOpt,
    SeedOpt,
    Session,
    finish,
    quiz_json,
    remember_decks,
    run_questions,
)
from studycli.cli.sourcing import (
    Glossary,
    QuestionPairs,
    bank_topic,
    due_card_rows,
    open_deck_bank,
    review_plan,
)
from studycli.errors import StudyError

NewOpt = Annotated[
    int | None,
    typer.Option(
        "--new",
        min=0,
        help="每天最多新学多少项(会记住,下次不必再给;默认 20)。",
        show_default=False,
    ),
]


@app.command()
def review(
    topic: TopicOpt = None,
    count: CountOpt = 20,
    new: NewOpt = None,
    json_out: JsonOpt = False,
    hint_length: HintOpt = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """间隔复习(FSRS):先考今天到期的题和闪卡,再学新题(每天有上限)。"""
    from studycli.memory.due import due_count, end_of_day, new_seen_today
    from studycli.memory.settings import load_settings, save_settings
    from studycli.paths import data_dir as resolve_data_dir

    clock = session_clock(now)
    moment, zone = now_and_zone(now)
    folder = resolve_data_dir(data_dir)
    settings = load_settings(folder)
    say = err.print if json_out else out.print
    if new is not None and new != settings.new_per_day:
        settings.new_per_day = new
        save_settings(folder, settings)
        say(f"每天新学上限已设为 {new} 项(已保存)。", markup=False)
    with (
        open_deck_bank(content, builtin, data_dir) as bank,
        open_store(data_dir, for_writing=True) as store,
    ):
        topic_name = bank_topic(bank, topic)
        fingerprints = bank.fingerprints()
        index = store.card_index()
        cutoff = end_of_day(moment, zone)
        # "Due today" means due before local midnight, as `study stats` counts it.
        until = datetime.fromtimestamp(cutoff, UTC) - timedelta(microseconds=1)
        # memory.scheduling.plan_review's plan, from the rows the learner has studied.
        plan = review_plan(bank, index, until, count, topic_name)
        # With an exam date set (study plan), the plan decides new count and order.
        if store.exam_plan_set():  # memory.plan and its history only when there is one
            from studycli.memory.plan import follow_exam_plan

            pairs = QuestionPairs(bank, topic_name)  # read only if the exam plan needs them
            plan = follow_exam_plan(store, plan, pairs, moment, zone, count)
        due_card_list = due_card_rows(bank, index, cutoff, topic_name)
        due_cards = len(due_card_list)
        new_left = max(0, settings.new_per_day - new_seen_today(store, moment, zone))
        due_q = plan.due[:count]
        # --json carries questions only: due cards are counted but not asked.
        due_c = (
            []
            if json_out
            else bank.cards([r.id for r in due_card_list[: max(0, count - len(due_q))]])
        )
        new_q = plan.new[: min(new_left, count - len(due_q) - len(due_c))]
        due_total = plan.due_total + due_cards
        if getattr(plan, "days_left", 0):  # the exam plan (study plan) names the days left
            say(plan.summary(), markup=False)
        else:
            say(f"今天到期 {due_total} 项,新学 {len(new_q)} 项。", markup=False)
        say(
            f"今天还可新学 {new_left} 项(每天上限 {settings.new_per_day} 项,可用 --new 修改)。",
            markup=False,
        )
        chosen = bank.questions(due_q + new_q)
        remember_decks(
            data_dir, bank.origins, {q.item_id for q in chosen} | {c.item_id for c in due_c}
        )
        if not chosen and not due_c:
            if json_out:  # stdout still carries exactly one JSON object
                sys.stdout.write(json.dumps(quiz_json([], []), ensure_ascii=False) + "\n")
            else:
                out.print("今天没有要复习的题目。", markup=False)
            return
        session = Session(store, Glossary(bank), "review", json_out, hint_length, clock)
        session.titles, session.fingerprints = bank.articles, fingerprints
        outcomes, interrupted, ended = [], False, False
        if chosen:
            outcomes, interrupted, ended = run_questions(session, chosen)
        if due_c and not (interrupted or ended or session.quit):
            out.print(f"到期闪卡 {len(due_c)} 张:", style="bold", markup=False)
            from studycli.cli.card_session import run_cards

            result = run_cards(store, due_c, clock, AnswerSource(), bank.articles, "review")
            interrupted, ended = result.interrupted, result.ended
        if chosen:
            finish(session, chosen, outcomes, (interrupted, False))
        elif interrupted:
            raise typer.Exit(130)
        if not json_out:
            left_new = new_left  # unchanged when nothing was saved and it is still today
            if store.recorded or end_of_day(clock(), zone) != cutoff:
                left_new = max(0, settings.new_per_day - new_seen_today(store, clock(), zone))
            left_due = due_count(store, cutoff, fingerprints)
            out.print(f"今天还剩:到期 {left_due} 项,可新学 {left_new} 项。", markup=False)


@app.command()
def cards(
    topic: TopicOpt = None,
    count: CountOpt = 10,
    seed: SeedOpt = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """刷闪卡:先到期的,再新的。看正面,回车翻面,再自评 1 重来 / 2 困难 / 3 良好 / 4 简单。

    自评前会显示每个选择下次出现的间隔(由 FSRS 算出);评“重来”的卡在本次稍后再出现。
    标准输入不是终端时,每张卡读一行作为自评(1–4 或 again/hard/good/easy)。
    """
    from studycli.cli.card_session import order_cards, run_cards
    from studycli.memory.due import due_tomorrow, end_of_day
    from studycli.render.quiz import next_step_line

    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)  # not secrets: hmac, hashlib
    with open_deck_bank(content, builtin, data_dir) as bank:
        pool = bank.cards(bank.card_ids(bank_topic(bank, topic)))
        fingerprints, articles, origins = bank.fingerprints(), bank.articles, bank.origins
    if not pool:
        raise StudyError("所选范围内没有闪卡。")
    clock = session_clock(now)
    moment, zone = now_and_zone(now)
    with open_store(data_dir, for_writing=True) as store:
        chosen, due = order_cards(pool, store.card_index(), end_of_day(moment, zone), count, seed)
        out.print(f"闪卡:到期 {due} 张,新卡 {len(chosen) - due} 张。", style="bold", markup=False)
        if not chosen:
            due_next = due_tomorrow(store, clock(), zone, fingerprints)
            out.print(f"今天没有要复习的闪卡;明天到期 {due_next} 项。", markup=False)
            return
        remember_decks(data_dir, origins, {c.item_id for c in chosen})
        result = run_cards(store, chosen, clock, AnswerSource(), articles)
        if result.interrupted:
            err.print(f"\n已中断:已保存 {result.saved} 次自评。", markup=False)
            raise typer.Exit(130)
        again = f"(其中重来 {result.again} 次)" if result.again else ""
        if result.ended:
            err.print(f"输入已结束:已保存 {result.saved} 次自评{again}。", markup=False)
        else:
            out.print(f"完成 {result.saved} 次自评{again},已保存。", markup=False)
        due_next = due_tomorrow(store, clock(), zone, fingerprints)
        out.print(next_step_line(result.mistakes, due_next, "study quiz --mistakes", "张卡"))
