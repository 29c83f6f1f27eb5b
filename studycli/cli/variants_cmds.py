"""“我答对了” outside a session: study accept (the last answer), study variants (list, export)."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import DataDirOpt, ForceOpt, NowOpt, app, err, open_store, out, session_clock
from studycli.cli.override import FIXED_OPTION_KINDS, kind_of, refusal
from studycli.errors import StudyError, UsageError


@app.command()
def accept(data_dir: DataDirOpt = None, now: NowOpt = None) -> None:
    """我答对了:把最近一次判错的答案改判为正确,并记住它是此题可接受的答案。

    在测验中,答错后可在下一题的提示处输入 ! 做同样的事;最后一题用本命令。
    """
    from studycli.memory.recording import amend_last_answer
    from studycli.memory.variants import Variant, add_variant, latest_answer

    with open_store(data_dir) as store:
        last = latest_answer(store)
        if last is None:
            raise StudyError("还没有作答记录,没有可以改判的答案。")
        if last.correct:
            raise StudyError(f"最近一次作答(题目 {last.question_id})已经判为正确。")
        if not (last.given or "").strip():
            raise StudyError(f"最近一次作答(题目 {last.question_id})没有作答内容,无法改判。")
        if kind_of(last.question_id) in FIXED_OPTION_KINDS:
            raise StudyError(
                f"最近一次作答(题目 {last.question_id})" + refusal(kind_of(last.question_id))
            )
        given = last.given.strip()
        amend_last_answer(store, last.question_id)
        add_variant(
            store,
            Variant(
                last.question_id, last.item_id, last.fingerprint, given, last.expected,
                session_clock(now)(),
            ),
        )  # fmt: skip
    out.print(
        f"已改判为正确:题目 {last.question_id} 以后也接受“{given}”。", markup=False, soft_wrap=True
    )


@app.command()
def variants(
    question: Annotated[
        str | None, typer.Option("--id", help="只列这道题(题目 id)。", show_default=False)
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON 列表。")] = False,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="写成 YAML 建议(按条目分组),供题库维护者并入 content/ 的 aliases。",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    remove: Annotated[
        str | None,
        typer.Option(
            "--remove",
            help="撤销:删除这道题(题目 id)认可过的答案,以后不再据此判对。",
            show_default=False,
        ),
    ] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", help="与 --remove 同用:只删除这一个答案。", show_default=False),
    ] = None,
    data_dir: DataDirOpt = None,
) -> None:
    """列出你认可过的答案(“我答对了”):评分时对同一道题按正确计;--remove 撤销。"""
    from studycli.memory.variants import list_variants

    if answer is not None and remove is None:
        raise UsageError(
            "--answer 只能与 --remove 一起用:study variants --remove 题目 --answer 答案。"
        )
    if remove is not None:
        with open_store(data_dir) as store:
            removed = _remove(store, remove, answer)
        out.print(
            f"已撤销:题目 {remove} 不再接受"
            + (f"“{answer.strip()}”。" if answer is not None else f"这 {removed} 个答案。")
            + "已记下的成绩不变。",
            markup=False,
            soft_wrap=True,
        )
        return
    with open_store(data_dir) as store:
        rows = list_variants(store, question)
    if json_out:
        sys.stdout.write(json.dumps([v.to_dict() for v in rows], ensure_ascii=False) + "\n")
        return
    if export is not None:
        from studycli import export as exporting

        exporting.check_target(export, force=force)
        exporting.write_text(export, variants_yaml(rows), force=force)
        err.print(f"已写入 {export}:{len(rows)} 个答案。", markup=False)
        return
    if not rows:
        out.print("还没有认可过的答案。答错后在下一题提示处输入 ! 即可添加。", markup=False)
        return
    for v in rows:
        out.print(f"{v.question_id}\n  答案:{v.expected}\n  认可:{v.answer}", markup=False)
    out.print(f"共 {len(rows)} 个。", markup=False)


def _remove(store, question_id: str, answer: str | None) -> int:
    """Remove the variants, or say in a sentence that there was none to remove."""
    from studycli.memory.variants import remove_variants

    removed = remove_variants(store, question_id, answer)
    if removed:
        return removed
    if answer is not None:
        raise StudyError(
            f"题目 {question_id} 没有认可过的答案“{answer.strip()}”,没有可撤销的。"
            "用 study variants --id 题目 查看。"
        )
    raise StudyError(f"题目 {question_id} 没有认可过的答案,没有可撤销的。用 study variants 查看。")


def variants_yaml(rows) -> str:
    """The variants as YAML: per question, its item, the expected answer and the accepted ones.

    Written by hand (strings as JSON, which YAML reads) because yaml belongs to deck.loader.
    """
    by_question: dict[str, dict] = {}
    for v in rows:
        entry = by_question.setdefault(
            v.question_id,
            {"question": v.question_id, "item": v.item_id, "expected": v.expected, "aliases": []},
        )
        entry["aliases"].append(v.answer)
    lines = [
        "# study variants --export:学习者认可的答案。维护者核对后,可把它们写进",
        "# content/ 中对应条目(facet、entry、part 或 figure)的 aliases。",
    ]
    for entry in by_question.values():
        quote = functools.partial(json.dumps, ensure_ascii=False)
        lines.append(f"- question: {quote(entry['question'])}")
        lines.append(f"  item: {quote(entry['item'])}")
        lines.append(f"  expected: {quote(entry['expected'])}")
        lines.append(f"  aliases: [{', '.join(map(quote, entry['aliases']))}]")
    return "\n".join(lines) + "\n"
