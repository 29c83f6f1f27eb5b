"""Taking the deck out: study export (json, anki, markdown)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, ForceOpt, TopicOpt, app, err, load, select
from studycli.errors import ExportError, UsageError


class ExportFormat(enum.StrEnum):
    json = "json"
    anki = "anki"
    markdown = "markdown"


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="导出格式:json、anki 或 markdown。")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="写入这个文件(anki 必须给出;json 与 markdown 不给时输出到终端)。",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    topic: TopicOpt = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
) -> None:
    """导出题库:json、Anki 卡组或可打印的 Markdown 学习单。

    json 输出 {"items": [...]};anki 写 .apkg(填空卡与问答卡,标签来自主题);
    markdown 是按主题分组的填空学习单,文末附答案。已存在的文件只有加 --force 才覆盖。
    """
    from studycli import export as exporting

    if format is ExportFormat.anki and output is None:
        raise UsageError(
            "anki 导出需要用 -o 指定 .apkg 文件,例如 study export -f anki -o 新质生产力.apkg。"
        )
    if output is not None:
        exporting.check_target(output, force=force)  # fail before the deck is even loaded
    deck = load(content, builtin)
    items, name = select(deck, topic)
    if not items:
        raise ExportError("没有可导出的条目。")
    if format is ExportFormat.anki:
        count = exporting.write_anki(deck, items, output, force=force)
        err.print(f"已写入 {output}:{count} 条笔记。", markup=False, soft_wrap=True)
        return
    if format is ExportFormat.markdown:
        heading = f"学习单 · {name}" if name else "学习单"
        text = exporting.render_markdown(deck, items, heading)
    else:
        text = exporting.render_json(items)
    if output is None:
        sys.stdout.write(text)
    else:
        exporting.write_text(output, text, force=force)
        err.print(f"已写入 {output}:{len(items)} 条。", markup=False, soft_wrap=True)
