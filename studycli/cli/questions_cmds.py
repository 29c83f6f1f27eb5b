"""For the curator: study questions — every question the deck yields, or the flagged ones."""

from __future__ import annotations

import json
import random
import sys
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, TopicOpt, app, load, out, select
from studycli.cli.quiz_cmds import JsonOpt, QuestionKind
from studycli.errors import StudyError


@app.command()
def questions(
    topic: TopicOpt = None,
    kind: Annotated[
        QuestionKind | None, typer.Option("--kind", "-k", help="只列这一题型(英文或中文名)。")
    ] = None,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="只列被质量检查拦下、不会出的题,并给出原因。")
    ] = False,
    json_out: JsonOpt = False,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
) -> None:
    """列出题库能出的题(供编写者检查):题型、权重、题干、答案;--flagged 只看被拦下的题及原因。"""
    from studycli.quiz.questions import generate_questions

    deck = load(content, builtin)
    items, _ = select(deck, topic)
    kinds = [kind.value] if kind else None
    every = generate_questions(deck, items, kinds=kinds, rng=random.Random(0), include_flagged=True)
    shown = [q for q in every if bool(q.flags) == flagged] if flagged else every
    if json_out:
        rows = [q.to_dict() for q in shown]
        sys.stdout.write(json.dumps({"questions": rows}, ensure_ascii=False) + "\n")
        return
    if not shown:
        raise StudyError("没有被拦下的题。" if flagged else "所选范围内没有题目。")
    for q in shown:
        out.print(f"{q.id}  ·  权重 {q.weight:g}", style="dim", markup=False)
        out.print(q.prompt, markup=False)
        if q.options:
            out.print("  " + " / ".join(q.options), markup=False)
        out.print(f"  答案:{q.answer}", markup=False)
        for flag in q.flags:
            out.print(f"  ✗ {flag}", style="red", markup=False)
    asked = sum(not q.flags for q in every)
    out.print(
        f"共 {len(every)} 道候选题:{asked} 道可出,{len(every) - asked} 道被拦下。", markup=False
    )
