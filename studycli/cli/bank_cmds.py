"""`study questions`: the compiled question bank listed for a curator, as Anki's browser."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, DataDirOpt, TopicOpt, app, out
from studycli.cli.sourcing import bank_topic, open_deck_bank


@app.command()
def questions(
    topic: TopicOpt = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="只列这种题型(如 cloze、choice)。", show_default=False),
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
    from studycli.errors import StudyError

    with open_deck_bank(content, builtin, data_dir) as bank:
        name = bank_topic(bank, topic)
        if ids:
            found = bank.questions(ids)
            missing = [i for i in ids if i not in {q.id for q in found}]
            if missing:
                raise StudyError(f"题库中没有题号“{missing[0]}”。用 study questions 查看题号。")
            chosen = found
        else:
            from studycli.quiz.question import kind_name

            kinds = [kind_name(kind)] if kind else None  # 多选 → multi
            chosen = bank.all_questions(topic=name, kinds=kinds, flagged=True if flagged else None)
    if json_out:
        rows = [_listing(q) for q in chosen]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not chosen:
        out.print("没有符合条件的题目。" if not flagged else "没有被标记的题目。", markup=False)
        return
    for question in chosen:
        _print_question(question)
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


def _print_question(question) -> None:
    """One question as a few plain lines."""
    from studycli.quiz.question import LETTERS

    out.print(f"{question.id}  [{question.kind}]", style="bold", markup=False)
    out.print(f"  题面:{question.prompt}", markup=False, soft_wrap=True)
    for letter, option in zip(LETTERS, question.options, strict=False):
        out.print(f"    {letter}. {option}", markup=False, soft_wrap=True)
    out.print(f"  答案:{question.answer}", markup=False, soft_wrap=True)
    flags = _flags(question)
    if flags:
        shown = "、".join(
            f if isinstance(f, str) else json.dumps(f, ensure_ascii=False) for f in flags
        )
        out.print(f"  标记:{shown}", style="yellow", markup=False, soft_wrap=True)
    out.print("")
