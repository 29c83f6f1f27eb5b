"""Self-testing: study quiz, cards and review — one question at a time, saved as answered."""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from studycli.cli.app import (
    BuiltinOpt,
    ContentOpt,
    DataDirOpt,
    NowOpt,
    TopicOpt,
    app,
    emit,
    err,
    open_store,
    out,
    session_clock,
)
from studycli.cli.kinds import QuestionKind
from studycli.cli.question_ids import questions_by_id
from studycli.cli.sourcing import bank_topic, open_deck_bank, quiz_questions
from studycli.errors import StudyError
from studycli.render.linebreak import Para

if TYPE_CHECKING:  # render_quiz pulls in cloze and text: not on the start-up path
    from studycli.render.quiz import Outcome


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
        """The next answer (control characters made visible), or None at end of input."""
        from studycli.render.plain import visible

        if self.interactive:
            try:
                return visible(out.input(prompt))
            except EOFError:
                return None
        line = sys.stdin.readline()
        if not line:
            return None
        return visible(line.rstrip("\r\n"))


@dataclass
class Session:
    """What a session needs besides its questions: where to save and how to show."""

    store: object  # studycli.memory.store.Store
    glossary: tuple
    mode: str
    quiet: bool  # --json: nothing but the JSON object on stdout
    hint_length: bool
    now: object
    titles: dict = field(default_factory=dict)  # article file → title, for 出处
    fingerprints: dict | None = None  # item id → fingerprint: "due" counts current items only
    quit: bool = False  # the learner typed q
    error: StudyError | None = None  # why the session stopped early (the store failed)

    def show(self, renderable) -> None:
        if not self.quiet:
            out.print(renderable)


def run_questions(session: Session, questions: list) -> tuple[list[Outcome], bool, bool]:
    """Ask each question, grade it, save it at once. Returns outcomes, interrupted, input ended.

    What else may be typed at the prompt (skip, hint, quit, override) is cli/prompting.py's.
    """
    from studycli.render.quiz import render_question

    answers = AnswerSource()
    outcomes: list[Outcome] = []
    try:
        for index, question in enumerate(questions, 1):
            session.show(render_question(question, index, len(questions), session.hint_length))
            # -- answer prompt (cli/prompting.py): loops until an answer, a skip or a quit --
            try:
                outcome = ask(session, answers, question, outcomes, first=index == 1)
            except StudyError as exc:  # damaged or full disk: stop, keeping what was saved
                session.error = exc
                return outcomes, False, False
            if outcome is None:
                return outcomes, False, True
            if outcome.status == "quit":
                session.quit = True
                return outcomes, False, False
            outcomes.append(outcome)
            session.show("")
    except KeyboardInterrupt:
        return outcomes, True, False
    return outcomes, False, False


def ask(session: Session, answers: AnswerSource, question, outcomes: list, first: bool):
    """Read replies to one question until it is answered, skipped or the session ends."""
    from studycli.cli import prompting
    from studycli.render.quiz import Outcome

    letters = prompting.option_letters(question)
    if first and answers.interactive:
        session.show(Text(prompting.REMINDER, style="dim"))
    started = time.monotonic()
    hinted = False
    while True:
        given = answers.read("你的答案> ")
        if given is None:
            return None
        if not answers.interactive:
            session.show(Text(f"你的答案> {given}".rstrip()))
        reply = prompting.parse_reply(given, interactive=answers.interactive, letters=letters)
        if reply.command == prompting.AGAIN:
            session.show(Para(Text(reply.note, style="yellow")))
        elif reply.command == prompting.HINT:
            hinted = True
            session.show(Para(Text(prompting.make_hint(question), style="cyan")))
        elif reply.command == prompting.OVERRIDE:
            session.show(prompting.override_last(session, outcomes))
        elif reply.command == prompting.SKIP:
            session.show(Text("已跳过(不计入错题)。", style="dim"))
            return Outcome(question, None, 0.0, False, status="skipped")
        elif reply.command == prompting.QUIT:
            return Outcome(question, None, 0.0, False, status="quit")
        else:
            duration = time.monotonic() - started if answers.interactive else None
            outcome = grade_and_save(session, question, reply.text, duration, hinted)
            if not outcome.correct and answers.interactive:
                from studycli.cli.override import HINT as OVERRIDE_HINT

                session.show(OVERRIDE_HINT)
            return outcome


def grade_and_save(session: Session, question, given: str, duration: float | None, hinted: bool):
    """Grade one answer, save it with its FSRS rating (capped after a hint), show feedback.

    Answers the learner declared right before (“我答对了”, memory.variants) are accepted.
    """
    from studycli.cli import prompting
    from studycli.memory.variants import accepted_answers
    from studycli.quiz.grading import grade_answer
    from studycli.render.quiz import Outcome, render_feedback

    accepted = accepted_answers(session.store, question.id, question.fingerprint)
    grade = grade_answer(question, given, session.glossary, accepted)
    rating = prompting.capped_rating(grade.score, grade.correct, duration, hinted)
    save_answer(
        session.store, question, given, grade, session.now(), session.mode, duration, rating
    )
    session.show(render_feedback(question, grade, session.titles))
    return Outcome(question, given, grade.score, grade.correct, hinted=hinted)


def save_answer(
    store, question, given: str, grade, at, mode: str, duration_s=None, rating=None
) -> None:
    """Record one graded answer (quiz, review, exam, challenge): a choice answered by its
    letter is saved as the option's text, since the letters are shuffled next time."""
    from studycli.cli.prompting import given_text
    from studycli.memory.recording import record_answer

    record_answer(
        store,
        question_id=question.id,
        item_id=question.item_id,
        fingerprint=question.fingerprint,
        kind=question.kind,
        given=given_text(question, given),
        expected=question.answer,
        score=grade.score,
        correct=grade.correct,
        answered_at=at,
        duration_s=duration_s,
        mode=mode,
        rating=rating,
    )


def finish(session: Session, questions: list, outcomes: list[Outcome], stop: tuple) -> None:
    """Print the score table (or the JSON object), the next step, and what was saved.

    Exit 130 on Ctrl-C (after the table of what was answered).
    """
    from studycli.render.quiz import render_scores

    interrupted, ended = stop
    answered = [o for o in outcomes if o.answered]
    saved = len(answered)
    if session.quiet:
        data = quiz_json(questions, outcomes)
        if session.error is not None:  # still one JSON object: what was saved, and why not more
            data["error"] = str(session.error)
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    elif outcomes:
        if interrupted:
            out.print()  # the terminal's ^C is still on the prompt line
        emit(render_scores(outcomes, len(questions)))
    if session.error is None and not session.quiet and answered:
        show_next_step(session, sum(not o.correct or o.score < 1 for o in answered))
    elif not session.quiet and session.quit:
        out.print("已结束:这次没有作答。", markup=False)
    left = len(questions) - len(outcomes)
    if session.error is not None:
        err.print(f"练习已停止:已保存 {saved} 道题的作答,其余 {left} 题未作答。", markup=False)
        session.error.json_written = session.quiet  # the JSON object above carries it
        raise session.error
    if interrupted:
        err.print(f"\n已中断:已保存 {saved} 道题的作答,其余 {left} 题未作答。", markup=False)
        raise typer.Exit(130)
    if ended and left:
        err.print(f"输入已结束:已保存 {saved} 道题的作答,其余 {left} 题未作答。", markup=False)


def show_next_step(session: Session, new_mistakes: int) -> None:
    """The line after a session: mistakes to redo and what comes due tomorrow."""
    from studycli.memory.due import due_tomorrow
    from studycli.render.quiz import next_step_line

    now = session.now()
    due = due_tomorrow(session.store, now, now.astimezone().tzinfo, session.fingerprints)
    out.print(next_step_line(new_mistakes, due, "study quiz --mistakes"))


def quiz_json(questions: list, outcomes: list[Outcome]) -> dict:
    """The scriptable contract: every question asked, with what was given and the score."""
    rows = []
    for index, question in enumerate(questions):
        outcome = outcomes[index] if index < len(outcomes) else None
        data = question.to_dict()
        row = {key: data[key] for key in ("id", "item", "kind", "topics", "prompt", "answer")}
        row["given"] = outcome.given if outcome else None
        row["skipped"] = bool(outcome and outcome.status == "skipped")
        row["correct"] = outcome.correct if outcome else False
        row["score"] = round(outcome.score, 4) if outcome else 0.0
        if question.kind == "cloze":
            row["blanks"] = data["blanks"]
        if data["options"]:  # 单选, 多选, 出处, 归类
            row["options"] = data["options"]
        rows.append(row)
    return {
        "questions": rows,
        "correct": sum(o.correct for o in outcomes),
        "answered": sum(o.answered for o in outcomes),
        "total": len(questions),
    }


def remember_decks(data_dir, origins: dict[str, str], item_ids) -> None:
    """Note which deck file each item came from (for "(未加载)" in the 错题本)."""
    from studycli.memory.settings import remember_origins
    from studycli.paths import data_dir as resolve_data_dir

    try:
        remember_origins(
            resolve_data_dir(data_dir), {i: origins[i] for i in item_ids if i in origins}
        )
    except OSError:  # a read-only data dir must not stop a study session
        pass


def check_ids_alone(ctx, **given) -> None:
    """`quiz --id` asks exactly the questions named: a topic, kind, count, seed or the
    错题本 would be ignored, so asking for one as well is a usage error (exit 2)."""
    from studycli.errors import UsageError

    source = ctx.get_parameter_source("count")
    given["count"] = source is not None and source.name != "DEFAULT"
    names = {"topic": "--topic", "kind": "--kind", "count": "--count", "seed": "--seed"}
    names["mistakes"] = "--mistakes"
    clash = [names[key] for key in names if given.get(key) not in (None, False)]
    if clash:
        raise UsageError(
            f"选项 --id 不能与 {'、'.join(clash)} 同用:--id 只考指定的题,"
            "按题号依次出题,不按主题、题型、数量、种子或错题本挑选。"
        )


@app.command()
def quiz(
    ctx: typer.Context,
    topic: TopicOpt = None,
    kind: Annotated[
        QuestionKind | None,
        typer.Option(
            "--kind",
            "-k",
            help="题型(英文或中文名均可):cloze 填空、choice 单选、multi 多选、judge 判断、"
            "recite 默写(配合 --hint-length 给首字提示)、list 列举、term 名词解释、"
            "source 出处、belongs 归类。",
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
    if ids:
        check_ids_alone(ctx, topic=topic, kind=kind, seed=seed, mistakes=mistakes)
        ids = list(dict.fromkeys(ids))  # the same id twice is asked once
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)  # not secrets: hmac, hashlib
    rng = random.Random(seed)
    with (
        open_deck_bank(content, builtin, data_dir) as bank,
        open_store(data_dir, for_writing=True) as store,
    ):
        topic_name = bank_topic(bank, topic)
        scope_args = dict(topic=topic_name, kind=kind.value if kind else None, count=count, rng=rng)
        redo_cards: list = []
        if mistakes:
            # Cards last graded 重来 are mistakes too: redone as cards after the questions.
            in_scope = set(bank.card_ids(topic_name))
            wanted = [q for q in store.mistake_question_ids() if ":card:" in q and q in in_scope]
            redo_cards = [] if json_out else bank.cards(wanted)
            try:
                chosen = quiz_questions(bank, store, mistakes=True, **scope_args)
            except StudyError:
                if not redo_cards:
                    raise
                chosen = []
            redo_cards = redo_cards[: max(0, count - len(chosen))]
        elif ids:
            chosen = questions_by_id(bank, ids, data_dir)
        else:
            chosen = quiz_questions(bank, store, **scope_args)
        session = Session(store, bank.glossary, "quiz", json_out, hint_length, session_clock(now))
        session.titles, session.fingerprints = bank.articles, bank.fingerprints()
        remember_decks(data_dir, bank.origins, {q.item_id for q in chosen})
        if not json_out:
            scope = f"主题“{topic_name}”" if topic_name else "全部主题"
            if mistakes:
                what = [f"共 {len(chosen)} 题" if chosen else ""]
                what.append(f"闪卡 {len(redo_cards)} 张" if redo_cards else "")
                out.print(f"错题重做:{scope},{'、'.join(w for w in what if w)}。", style="bold")
            elif ids:
                out.print(f"测验:按题号,共 {len(chosen)} 题。", style="bold")
            else:
                out.print(f"测验:{scope},共 {len(chosen)} 题(种子 {seed})。", style="bold")
        outcomes, interrupted, ended = run_questions(session, chosen) if chosen else ([], 0, 0)
        if redo_cards and not (interrupted or ended or session.quit):
            from studycli.cli.card_session import run_cards

            done = run_cards(store, redo_cards, session.now, AnswerSource(), bank.articles, "quiz")
            if not chosen:
                out.print(f"完成 {done.saved} 次自评,已保存。", markup=False)
        if chosen:
            finish(session, chosen, outcomes, (interrupted, ended))
