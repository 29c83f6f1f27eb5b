"""Progress: study mistakes, study stats, study doctor.

sqlite3 and fsrs are imported inside the commands so `study --help` stays light.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from studycli.cli.app import (
    BuiltinOpt,
    ContentOpt,
    DataDirOpt,
    NowOpt,
    TopicOpt,
    app,
    emit,
    now_and_zone,
    open_store,
    out,
)
from studycli.errors import UsageError
from studycli.paths import data_dir as resolve_data_dir


@app.command()
def mistakes(
    limit: Annotated[int, typer.Option("--limit", "-n", help="最多显示多少题。", min=1)] = 20,
    topic: TopicOpt = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    fixed_now: NowOpt = None,
) -> None:
    """错题本:最近一次答错或只答对一部分的题,附题目、你的答案与正确答案,最新的在前。

    重做这些题:study quiz --mistakes。
    """
    from studycli.cli.sourcing import bank_topic, open_deck_bank
    from studycli.memory.settings import load_settings
    from studycli.memory.stats import NOT_LOADED
    from studycli.render.progress import MistakeLine, format_when, render_mistakes

    now, tz = now_and_zone(fixed_now)
    with open_store(data_dir) as store:
        found = store.mistakes()
    with open_deck_bank(content, builtin, data_dir) as bank:
        if topic:
            wanted = set(bank.item_ids(bank_topic(bank, topic)))
            found = [m for m in found if m.item_id in wanted]
        if not found:
            out.print("错题本是空的:没有最近一次答错的题。", markup=False)
            return
        shown = found[:limit]
        items = bank.items({m.item_id for m in shown})
        prompts = question_prompts(bank, [m.question_id for m in shown])
    origins = load_settings(resolve_data_dir(data_dir)).origins
    lines = []
    for mistake in shown:
        item = items.get(mistake.item_id)
        note = ""
        if item is None:
            origin = origins.get(mistake.item_id)
            note = f"来自 {origin}" if origin else ""
        elif item.fingerprint != mistake.fingerprint:
            note = "题目已修改"
        lines.append(
            MistakeLine(
                title=item.title if item else mistake.item_id,
                topics="、".join(item.topics) if item else NOT_LOADED,
                when=format_when(mistake.answered_at, now, tz),
                given=given_shown(mistake),
                expected=mistake.expected,
                note=note,
                question=prompts.get(mistake.question_id, ""),
                question_id="" if ":card:" in mistake.question_id else mistake.question_id,
            )
        )
    emit(render_mistakes(lines, len(found)))


def question_prompts(bank, question_ids: list[str]) -> dict[str, str]:
    """Question id → what was asked, for the 错题本 (questions and cards, from the bank)."""
    cards = [qid for qid in question_ids if ":card:" in qid]
    asked = [qid for qid in question_ids if ":card:" not in qid]
    prompts = {q.id: q.prompt for q in bank.questions(asked)}
    prompts.update((card.id, card.front) for card in bank.cards(cards))
    return prompts


def given_shown(mistake) -> str | None:
    """The answer as the 错题本 shows it; a card's 重来, an old letter-only choice answer."""
    if mistake.mode == "cards" or mistake.kind == "card":
        return "(闪卡自评:没记住)"
    given = mistake.given
    if mistake.kind == "choice" and given and len(given.strip()) == 1 and given.strip().isascii():
        return f"{given.strip()}(选项字母;选项顺序每次不同)"
    return given


STATS_HELP = "\n\n".join(
    [
        "学习统计:各主题掌握度与正确率、每日答题数、今天与 7 天内到期数、连续学习天数,"
        "以及最近 12 周的热力图。",
        "掌握度:主题中已掌握条目的比例。条目已掌握,指它答过的每道题在 FSRS 中都处于复习状态、"
        "稳定度不少于 21 天(约三周后仍有九成把握记得)。条目内容修改后需要重新学习。",
        "正确率:该主题全部答题中答对的比例;不在当前题库里的条目(另一个题库的,或已删除的),"
        "其答题计入“(未加载)”;加 --loaded 则不计它们。",
        "连续学习:截至今天(今天还没答题则截至昨天)每天至少答一题的天数。",
    ]
)


@app.command(help=STATS_HELP)
def stats(
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 输出同样的数字(含答题总数 reviews)。")
    ] = False,
    loaded: Annotated[
        bool, typer.Option("--loaded", help="只统计当前载入的题库(不计“(未加载)”的答题)。")
    ] = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    fixed_now: NowOpt = None,
) -> None:
    """学习统计:各主题掌握度与正确率、每日答题数、到期数、连续学习天数与热力图。"""
    from studycli.cli.sourcing import deck_view
    from studycli.memory.stats import compute_stats
    from studycli.render.stats import render_stats

    deck = deck_view(content, builtin, data_dir)  # the compiled bank's, when it is current
    now, tz = now_and_zone(fixed_now)

    with open_store(data_dir) as store:
        figures = compute_stats(store, deck, now, tz, loaded_only=loaded)
        exam = None
        if store.exam_plan_set():  # days left and on track, once study plan set a date
            from studycli.memory.plan import exam_status

            exam = exam_status(store, now, tz)
    if as_json:
        data = figures.to_json() | ({"exam": exam.to_json()} if exam else {})
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    emit(*render_stats(figures))
    if exam:
        from studycli.render.exam import render_exam_status

        emit(render_exam_status(exam))


@app.command()
def doctor(data_dir: DataDirOpt = None, fixed_now: NowOpt = None) -> None:
    """检查进度数据库:完整性、路径、大小、答题记录数与结构版本;损坏时改名移开并新建。"""
    from studycli.memory.doctor import inspect, move_aside
    from studycli.memory.store import DB_NAME, DamagedStoreError

    folder = resolve_data_dir(data_dir)
    path = folder / DB_NAME
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"数据目录 {folder} 不是一个目录。")
    existed = path.exists()
    try:
        health = inspect(folder)
    except DamagedStoreError:
        moved = move_aside(path, now_and_zone(fixed_now)[0])
        health = inspect(folder)
        out.print(
            f"进度数据库已损坏:旧文件已改名为 {moved}(没有删除),并新建了空的数据库。",
            markup=False,
            soft_wrap=True,
        )
    else:
        if not existed:
            out.print("还没有进度数据库,已新建一个。", markup=False)
    rows = [
        ("路径", str(health.path)),
        ("大小", _size(health.size)),
        ("答题记录", f"{health.answers} 条"),
        ("结构版本", str(health.version)),
        ("检查", "正常"),
    ]
    for label, value in rows:
        out.print(f"{label}:{value}", markup=False, soft_wrap=True)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
