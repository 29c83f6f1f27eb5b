"""Bringing articles in: study import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import ForceOpt, app, err


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="要导入的文章(.txt,UTF-8 或 GB18030)。")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="把起草的题库写入这个 YAML 文件(默认输出到终端)。",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    text_only: Annotated[
        bool, typer.Option("--text-only", help="只输出清理后的正文,不起草题库。")
    ] = False,
) -> None:
    """清理一篇文章并起草题库 YAML(条目都标为 draft: true)。

    去掉拼音注音、重复的逗号与网页杂项,繁体转简体,半角标点改为全角;
    无法修复的乱码标为〔此处原文损坏〕。损坏处、删去的内容与统计写到 stderr。
    """
    from studycli import export as exporting
    from studycli.importer.ingest import import_article

    if output is not None:
        exporting.check_target(output, force=force)
    imported = import_article(file)
    for line in imported.report():
        err.print(line, markup=False, soft_wrap=True)
    text = imported.cleaned.text if text_only else imported.yaml()
    if output is None:
        sys.stdout.write(text)
        return
    exporting.write_text(output, text, force=force)
    err.print(
        f"已写入 {output}。用 study check --content {output} 校验。", markup=False, soft_wrap=True
    )
