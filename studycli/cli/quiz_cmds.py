"""Self-testing: study quiz, cards and review — one question at a time, saved as answered."""

from __future__ import annotations

import enum
import json
import random
import secrets
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

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
from studycli.cli.sourcing import bank_topic, open_deck_bank, quiz_questions
from studycli.errors import StudyError

if TYPE_CHECKING:  # render_quiz pulls in cloze and text: not on the start-up path
    from studycli.render.quiz import Outcome

CARD_SCORES = {1: 0.0, 2: 0.5, 3: 1.0, 4: 1.0}


class QuestionKind(enum.StrEnum):
    cloze = "cloze"
    choice = "choice"
    list = "list"
    term = "term"


CountOpt = Annotated[int, typer.Option("--count", "-n", min=1, help="题目数量。")]
SeedOpt = Annotated[
    int | None,
    typer.Option("--seed", help="随机种子:同一题库与种子给出完全相同的题目。", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="标准输出只给一个 JSON 对象(供脚本使用)。")]
HintOpt = Annotated[bool, typer.Option("--hint-length", help="空格按字数显示为 □□□,作为长度提示。")]


class AnswerSource:
    """Answers typed at a prompt or, when stdin is not a terminal, read one per line."""

    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty()

    def read(self, prompt: str) -> str | None:
        """The next answer, or None at end of input."""
        if self.interactive:
            try:
                return out.input(prompt)
            except EOFError:
                return None
        line = sys.stdin.readline()
        if not line:
            return None
        return line.rstrip("\r\n")


@dataclass
class Session:
    """What a session needs besides its questions: where to save and how to show."""

    store: object  # studycli.memory.store.Store
    glossary: tuple
    mode: str
    quiet: bool  # --json: nothing but the JSON object on stdout
    hint_length: bool
    now: object

    def show(self, renderable) -> None:
        if not self.quiet:
            out.print(renderable)


def run_questions(session: Session, questions: list) -> tuple[list[Outcome], bool, bool]:
    """Ask each question, grade it, save it at once. Returns outcomes, interrupted, input ended."""
    from studycli.memory.recording import record_answer
    from studycli.quiz.grading import grade_answer
    from studycli.render.quiz import Outcome, render_feedback, render_question

    answers = AnswerSource()
    outcomes: list[Outcome] = []
    try:
        for index, question in enumerate(questions, 1):
            session.show(render_question(question, index, len(questions), session.hint_length))
            started = time.monotonic()
            given = answers.read("你的答案> ")
            if given is None:
                return outcomes, False, True
            if not answers.interactive:
                session.show(f"你的答案> {given}")
            grade = grade_answer(question, given, session.glossary)
            record_answer(
                session.store,
                question_id=question.id,
                item_id=question.item_id,
                fingerprint=question.fingerprint,
                kind=question.kind,
                given=given,
                expected=question.answer,
                score=grade.score,
                correct=grade.correct,
                answered_at=session.now(),
                duration_s=time.monotonic() - started if answers.interactive else None,
                mode=session.mode,
            )
            outcomes.append(Outcome(question, given, grade.score, grade.correct))
            session.show(render_feedback(question, grade))
            session.show("")
    except KeyboardInterrupt:
        return outcomes, True, False
    return outcomes, False, False


def finish(session: Session, questions: list, outcomes: list[Outcome], stop: tuple) -> None:
    """Print the score table (or the JSON object) and say what was saved; exit 130 on Ctrl-C."""
    from studycli.render.quiz import render_scores

    interrupted, ended = stop
    saved = len(outcomes)
    if session.quiet:
        sys.stdout.write(json.dumps(quiz_json(questions, outcomes), ensure_ascii=False) + "\n")
    elif outcomes:
        if interrupted:
            out.print()  # the terminal's ^C is still on the prompt line
        out.print(render_scores(outcomes, len(questions)))
    left = len(questions) - saved
    if interrupted:
        err.print(f"\n已中断:已保存 {saved} 道题的作答,其余 {left} 题未作答。", markup=False)
        raise typer.Exit(130)
    if ended and left:
        err.print(f"输入已结束:已保存 {saved} 道题的作答,其余 {left} 题未作答。", markup=False)


def quiz_json(questions: list, outcomes: list[Outcome]) -> dict:
    """The scriptable contract: every question asked, with what was given and the score."""
    rows = []
    for index, question in enumerate(questions):
        outcome = outcomes[index] if index < len(outcomes) else None
        data = question.to_dict()
        row = {key: data[key] for key in ("id", "item", "kind", "topics", "prompt", "answer")}
        row["given"] = outcome.given if outcome else None
        row["correct"] = outcome.correct if outcome else False
        row["score"] = round(outcome.score, 4) if outcome else 0.0
        if question.kind == "cloze":
            row["blanks"] = data["blanks"]
        if question.kind == "choice":
            row["options"] = data["options"]
        rows.append(row)
    return {
        "questions": rows,
        "correct": sum(o.correct for o in outcomes),
        "total": len(questions),
    }


@app.command()
def quiz(
    topic: TopicOpt = None,
    kind: Annotated[
        QuestionKind | None,
        typer.Option(
            "--kind", "-k", help="题型:cloze 填空、choice 单选、list 列举、term 名词解释。"
        ),
    ] = None,
    count: CountOpt = 10,
    seed: SeedOpt = None,
    json_out: JsonOpt = False,
    hint_length: HintOpt = False,
    mistakes: Annotated[
        bool, typer.Option("--mistakes", help="只考错题本里的题(最近一次答错或部分答对的)。")
    ] = False,
    ids: Annotated[
        list[str] | None,
        typer.Option(
            "--id", help="只考这道题(题号见 study questions;可重复)。", show_default=False
        ),
    ] = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """做测验:逐题作答、即时反馈,结束时按主题给出成绩。每道题答完即保存。

    标准输入不是终端时,每行读一个答案;空行算答错;输入结束则其余题目记为未作答。
    """
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    rng = random.Random(seed)
    with open_deck_bank(content, builtin, data_dir) as bank, open_store(data_dir) as store:
        topic_name = bank_topic(bank, topic)
        chosen = quiz_questions(
            bank,
            store,
            topic=topic_name,
            kind=kind.value if kind else None,
            count=count,
            rng=rng,
            mistakes=mistakes,
            ids=ids,
        )
        session = Session(store, bank.glossary, "quiz", json_out, hint_length, session_clock(now))
        if not json_out:
            scope = f"主题“{topic_name}”" if topic_name else "全部主题"
            out.print(f"测验:{scope},共 {len(chosen)} 题(种子 {seed})。", style="bold")
        outcomes, interrupted, ended = run_questions(session, chosen)
        finish(session, chosen, outcomes, (interrupted, ended))


@app.command()
def review(
    topic: TopicOpt = None,
    count: CountOpt = 20,
    json_out: JsonOpt = False,
    hint_length: HintOpt = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
    now: NowOpt = None,
) -> None:
    """间隔复习(FSRS):先考今天到期的题,再学新题。"""
    from studycli.memory.scheduling import plan_review

    clock = session_clock(now)
    with open_deck_bank(content, builtin, data_dir) as bank, open_store(data_dir) as store:
        ids = bank.id_fingerprints(bank_topic(bank, topic))
        plan = plan_review(store.card_index(), ids, clock(), count)
        chosen = bank.questions(plan.ids)
        (err if json_out else out).print(plan.summary(), markup=False)
        if not chosen:
            if json_out:  # stdout still carries exactly one JSON object
                sys.stdout.write(json.dumps(quiz_json([], []), ensure_ascii=False) + "\n")
            else:
                out.print("今天没有要复习的题目。", markup=False)
            return
        session = Session(store, bank.glossary, "review", json_out, hint_length, clock)
        outcomes, interrupted, ended = run_questions(session, chosen)
        finish(session, chosen, outcomes, (interrupted, ended))


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
    """刷闪卡:看正面,回车翻面,再自评 1 重来 / 2 困难 / 3 良好 / 4 简单。

    标准输入不是终端时,每张卡读一行作为自评(1–4 或 again/hard/good/easy)。
    """
    from studycli.memory.recording import record_answer
    from studycli.render.quiz import render_card_back, render_card_front

    if seed is None:
        seed = secrets.randbelow(1_000_000)
    with open_deck_bank(content, builtin, data_dir) as bank:
        pool = bank.card_ids(bank_topic(bank, topic))
        if not pool:
            raise StudyError("所选范围内没有闪卡。")
        chosen = bank.cards(random.Random(seed).sample(pool, min(count, len(pool))))
    clock = session_clock(now)
    answers = AnswerSource()
    done = 0
    with open_store(data_dir) as store:
        try:
            for index, card in enumerate(chosen, 1):
                out.print(render_card_front(card, index, len(chosen)))
                if answers.interactive and answers.read("(回车翻面)") is None:
                    break
                out.print(render_card_back(card))
                rating = _read_grade(answers)
                if rating is None:
                    break
                record_answer(
                    store,
                    question_id=card.id,
                    item_id=card.item_id,
                    fingerprint=card.fingerprint,
                    kind="card",
                    given=None,
                    expected=card.back,
                    score=CARD_SCORES[rating],
                    correct=rating >= 3,
                    answered_at=clock(),
                    duration_s=None,
                    mode="cards",
                    rating=rating,
                )
                done += 1
                out.print("")
        except KeyboardInterrupt:
            err.print(f"\n已中断:已保存 {done} 张卡的自评。", markup=False)
            raise typer.Exit(130) from None
    if done < len(chosen):
        err.print(f"输入已结束:已保存 {done} 张卡的自评。", markup=False)
    else:
        out.print(f"完成 {done} 张卡,已保存。", markup=False)


def _read_grade(answers: AnswerSource) -> int | None:
    """Ask for a 1–4 self-grade until one is understood (Enter means good); None at end of input."""
    from studycli.memory.scheduling import GOOD, rating_for_grade

    while True:
        raw = answers.read("自评 1 重来 / 2 困难 / 3 良好 / 4 简单 [3]> ")
        if raw is None:
            return None
        if not raw.strip():
            return GOOD
        try:
            return rating_for_grade(raw)
        except ValueError:
            err.print(f"看不懂“{raw.strip()}”:请输入 1、2、3 或 4。", markup=False)
        if not answers.interactive:
            return None
