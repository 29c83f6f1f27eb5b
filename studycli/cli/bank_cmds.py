"""`study questions`: the compiled question bank listed for a curator, as Anki's browser."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, DataDirOpt, TopicOpt, app, emit, out
from studycli.cli.kinds import QuestionKind
from studycli.cli.sourcing import bank_topic, open_deck_bank


@app.command()
def questions(
    topic: TopicOpt = None,
    kind: Annotated[
        QuestionKind | None,
        typer.Option(
            "--kind",
            "-k",
            help="只列这种题型(中文名或英文均可):填空 cloze、单选 choice、多选 multi、"
            "判断 judge、默写 recite、列举 list、名词解释 term、出处 source、归类 belongs。",
            show_default=False,
        ),
    ] = None,
    ids: Annotated[
        list[str] | None,
        typer.Option("--id", help="只列这道题(题号,可重复)。", show_default=False),
    ] = None,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="只列被质量检查标记、不会出给学习者的题及原因。")
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="以 JSON 输出:一个数组,每题一个对象。")
    ] = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
) -> None:
    """列出编译好的题库:题号、条目、题型、题面、答案、选项或空格、质量标记。"""
    with open_deck_bank(content, builtin, data_dir) as bank:
        name = bank_topic(bank, topic)
        if ids:
            from studycli.cli.question_ids import questions_by_id

            chosen = questions_by_id(bank, list(dict.fromkeys(ids)), data_dir)
        else:
            from studycli.quiz.question import kind_name

            kinds = [kind_name(kind.value)] if kind else None  # 多选 → multi
            chosen = bank.all_questions(topic=name, kinds=kinds, flagged=True if flagged else None)
    if json_out:
        rows = [_listing(q) for q in chosen]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not chosen:
        out.print("没有符合条件的题目。" if not flagged else "没有被标记的题目。", markup=False)
        return
    from studycli.render.questions import render_question

    for question in chosen:
        emit(*render_question(question, _flags(question)))
    out.print(f"共 {len(chosen)} 题。", markup=False)


def _listing(question) -> dict:
    """One question as `study questions --json` shows it: the quiz contract plus flags."""
    data = question.to_dict()
    row = {key: data[key] for key in ("id", "item", "kind", "topics", "prompt", "answer")}
    for key in ("blanks", "options", "expected", "accepted"):
        if data.get(key):
            row[key] = data[key]
    row["source"] = data["source"]
    row["flags"] = _flags(question)
    for key in ("quality", "weight"):
        if getattr(question, key, None) is not None:
            row[key] = getattr(question, key)
    return row


def _flags(question) -> list:
    from studycli.quiz.records import to_record

    return to_record(tuple(getattr(question, "flags", ()) or ()))
