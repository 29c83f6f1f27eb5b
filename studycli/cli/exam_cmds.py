"""Exam day: study exam (a timed mock paper) and study challenge (挑战答题).

Time comes from the session clock (app.session_clock, fixed by --now), read before and after
each answer: an answer that arrives after the time is up is not accepted and the paper is
submitted as it stood. Tests drive it with a fake clock.
"""

from __future__ import annotations

import json
import random
import secrets
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import (
    BuiltinOpt,
    ContentOpt,
    DataDirOpt,
    ForceOpt,
    NowOpt,
    TopicOpt,
    app,
    err,
    now_and_zone,
    open_store,
    out,
    session_clock,
)
from studycli.cli.exam_sitting import (
    Sitting,
    TimeUp,
    alarm_after,
    sit_interactive,
    sit_piped,
)
from studycli.cli.quiz_cmds import AnswerSource, JsonOpt, SeedOpt
from studycli.cli.sourcing import bank_topic, open_deck_bank
from studycli.errors import StudyError, UsageError

EXAM_MODE = "exam"
# The items of this many past papers are left aside while other core points remain.
RECENT_PAPERS = 2


def _positive(value: int | None, option: str) -> None:
    if value is not None and value < 1:
        raise UsageError(f"{option} 必须是正整数,而不是 {value}。")


@app.command()
def exam(
    topic: TopicOpt = None,
    count: Annotated[int, typer.Option("--count", "-n", help="题目数量。")] = 20,
    minutes: Annotated[int, typer.Option("--minutes", "-m", help="限时(分钟)。")] = 30,
    seed: SeedOpt = None,
    json_out: JsonOpt = False,
    print_paper: Annotated[
        bool, typer.Option("--print", help="不作答,把试卷写成 Markdown(答案另存一个文件)。")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="--print 写入的试卷文件,如 paper.md。"),
    ] = None,
    force: ForceOpt = False,
    history: Annotated[bool, typer.Option("--history", help="列出做过的模拟考试及得分。")] = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """模拟考试:按题型分部分、满分 100 分、限时作答,交卷后统一评分。

    作答时不给反馈。终端里可用 :题号 回到任一题修改答案,:s 交卷;标准输入不是终端时
    每行读一个答案。时间到即自动交卷。每道作答都计入复习进度与错题本。
    """
    if history:
        _show_history(data_dir, now, json_out)
        return
    _positive(count, "--count")
    _positive(minutes, "--minutes")
    if print_paper and output is None:
        raise UsageError("--print 需要用 -o 指定试卷文件,例如:study exam --print -o paper.md")
    from studycli.quiz.paper import PAPER_KINDS, compose_paper
    from studycli.quiz.paper_standard import PaperStandard
    from studycli.quiz.question import KINDS

    if seed is None:
        seed = secrets.randbelow(1_000_000)
    rng = random.Random(seed)
    kinds = [kind for kind in PAPER_KINDS if kind in KINDS]
    with open_deck_bank(content, builtin, data_dir) as bank:  # the compiled question bank
        topic_name = bank_topic(bank, topic)
        # The whole deck, flagged questions too, tells the paper standard what each list
        # holds; only unflagged questions of the topic and the paper kinds are drawn.
        deck_questions = bank.all_questions()
        items = list(bank.items(bank.item_ids(topic_name)).values())
        glossary, titles = bank.glossary, bank.articles
    standard = PaperStandard((t.term, *t.aliases) for t in glossary)
    standard.learn(deck_questions)
    questions = [
        q
        for q in deck_questions
        if not q.flags and q.kind in kinds and (topic_name is None or topic_name in q.topics)
    ]
    sizes: dict[str, int] = {}
    for item in items:
        for name in item.topics:
            sizes[name] = sizes.get(name, 0) + 1
    paper = compose_paper(
        questions,
        count,
        rng,
        seed=seed,
        minutes=minutes,
        topic=topic_name,
        topic_sizes=sizes,
        recent=_recent_items(data_dir),
        standard=standard,
    )
    if not paper.sections:
        where = f"主题“{topic_name}”下" if topic_name else "题库中"
        raise StudyError(f"{where}没有可以组卷的题目。")
    scope = f"主题“{topic_name}”" if topic_name else "全部主题"
    if print_paper:
        _write_paper(paper, scope, titles, output, force)
        return
    _sit(paper, scope, glossary, titles, json_out, data_dir, now)


def _recent_items(data_dir) -> frozenset[str]:
    """The items on the last papers sat, for the next paper to leave aside."""
    from studycli.memory.history import recent_items

    with open_store(data_dir) as store:
        return recent_items(store, RECENT_PAPERS)


def _sit(paper, scope: str, glossary, titles: dict, json_out: bool, data_dir, now) -> None:
    """Collect the answers, mark the paper, record every answer and the paper itself."""
    from studycli.memory.variants import accepted_for
    from studycli.quiz.paper_marking import mark_paper
    from studycli.render.exam import render_marked, render_paper_head

    reader = AnswerSource()
    quiet = json_out and not reader.interactive
    console = err if json_out else out

    def show(renderable) -> None:
        if not quiet:
            console.print(renderable)

    clock = session_clock(now)
    started = clock()
    sitting = Sitting(clock, started + timedelta(minutes=paper.minutes), show)
    with open_store(data_dir, for_writing=True) as store:
        show(render_paper_head(paper, scope))
        # On a terminal with the real clock an alarm submits the paper even mid-prompt.
        alarm = sitting.remaining() if reader.interactive and now is None else None
        try:
            with alarm_after(alarm):
                if reader.interactive:
                    sit_interactive(paper, sitting, reader.read)
                else:
                    sit_piped(paper, sitting, reader.read)
        except TimeUp:
            sitting.timed_out = True
            out.print()  # the prompt line the time cut short
        except KeyboardInterrupt:
            err.print("\n已中断:试卷没有提交,作答没有保存。", markup=False)
            raise typer.Exit(130) from None
        submitted = min(clock(), sitting.deadline)
        accepted = accepted_for(store, [entry[2] for entry in paper.entries()])  # 我答对了
        marked = mark_paper(
            paper, sitting.answers, glossary, timed_out=sitting.timed_out, accepted=accepted
        )
        _record(store, paper, marked, submitted, started, scope)
    if json_out:
        sys.stdout.write(json.dumps(exam_json(marked), ensure_ascii=False) + "\n")
    else:
        for part in render_marked(marked, titles):
            out.print(part)
    if sitting.timed_out:
        err.print(f"时间到:已自动交卷,作答 {marked.answered} 题。", markup=False)
    elif sitting.ended and marked.answered < len(marked.marks):
        left = len(marked.marks) - marked.answered
        err.print(f"输入已结束:已交卷,其余 {left} 题未作答。", markup=False)


def _record(store, paper, marked, submitted: datetime, started: datetime, scope: str) -> None:
    """Every answer given goes to the review log (mode exam), then the paper to the history."""
    from studycli.cli.quiz_cmds import save_answer
    from studycli.memory.history import ExamRecord, save_exam

    for mark in marked.marks:
        if mark.given is not None:
            save_answer(store, mark.question, mark.given, mark.grade, submitted, EXAM_MODE)
    sections = [
        {"title": t.name, "points": t.points, "earned": t.earned} for t in marked.sections()
    ]
    save_exam(
        store,
        ExamRecord(
            taken_at=submitted,
            topic=paper.topic,
            seed=paper.seed,
            questions=len(marked.marks),
            answered=marked.answered,
            score=marked.score,
            minutes=paper.minutes,
            duration_s=(submitted - started).total_seconds(),
            timed_out=marked.timed_out,
            sections=sections,
            items=list(dict.fromkeys(q.item_id for q in paper.questions)),
        ),
    )


def question_row(question, given: str | None, correct: bool, score: float) -> dict:
    """A question as the quiz JSON rows give it (options / blanks where the question has them)."""
    data = question.to_dict()
    row = {key: data[key] for key in ("id", "item", "kind", "topics", "prompt", "answer")}
    row["given"] = given
    row["correct"] = correct
    row["score"] = round(score, 4)
    if data["blanks"]:
        row["blanks"] = data["blanks"]
    if data["options"]:
        row["options"] = data["options"]
    return row


def exam_json(marked) -> dict:
    """The contract: questions (quiz row fields + points), score earned, total 100, sections."""
    rows = []
    for mark in marked.marks:
        row = question_row(mark.question, mark.given, mark.grade.correct, mark.grade.score)
        row["section"] = mark.section.title
        row["points"] = mark.points
        row["earned"] = mark.earned
        rows.append(row)
    return {
        "questions": rows,
        "score": marked.score,
        "total": 100,
        "sections": [
            {"title": t.name, "questions": t.questions, "points": t.points, "score": t.earned}
            for t in marked.sections()
        ],
        "topics": [
            {"topic": t.name, "points": t.points, "score": t.earned} for t in marked.topics()
        ],
        "seed": marked.paper.seed,
        "timed_out": marked.timed_out,
    }


def _show_history(data_dir, now, json_out: bool) -> None:
    from studycli.memory.history import exams
    from studycli.render.exam import render_history

    moment, tz = now_and_zone(now)
    with open_store(data_dir) as store:
        records = exams(store)
    if json_out:
        papers = [
            {
                "date": r.taken_at.astimezone(tz).isoformat(timespec="seconds"),
                "topic": r.topic,
                "score": r.score,
                "total": 100,
                "questions": r.questions,
                "answered": r.answered,
                "timed_out": r.timed_out,
                "seed": r.seed,
                "minutes": r.minutes,
                "duration_s": r.duration_s,
                "sections": r.sections,
                "items": r.items,
            }
            for r in records
        ]
        sys.stdout.write(json.dumps({"papers": papers}, ensure_ascii=False) + "\n")
        return
    out.print(render_history(records, moment, tz))


def _write_paper(paper, scope: str, titles: dict, output: Path, force: bool) -> None:
    """Write the paper and, beside it, the answer key with sources."""
    from studycli.paths import replace_atomically
    from studycli.render.exam import paper_markdown

    key_path = output.with_name(f"{output.stem}-答案{output.suffix or '.md'}")
    for path in (output, key_path):
        if path.exists() and not force:
            raise UsageError(f"文件 {path} 已存在;加 --force 覆盖。")
    text, key = paper_markdown(paper, scope, titles)
    try:
        for path, body in ((output, text), (key_path, key)):
            replace_atomically(path, lambda temp, body=body: temp.write_text(body, "utf-8"))
    except OSError as exc:
        raise StudyError(f"无法写入 {exc.filename}:{exc.strerror}。") from None
    out.print(f"试卷已写入 {output},答案与出处已写入 {key_path}。", markup=False, soft_wrap=True)
