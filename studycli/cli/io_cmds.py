"""Bringing articles in: study import."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import ForceOpt, app, err
from studycli.errors import UsageError


class ReportFormat(enum.StrEnum):
    text = "text"
    json = "json"


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="要导入的文章:.txt(UTF-8、UTF-16 或 GB18030)、.docx、.pdf 或保存的网页 .html。"
        ),
    ],
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
    report: Annotated[
        ReportFormat,
        typer.Option(
            "--report",
            help="报告格式:text 写到 stderr;json 把一个 JSON 对象写到标准输出(须同时给出 -o)。",
        ),
    ] = ReportFormat.text,
) -> None:
    """清理一篇文章并起草题库 YAML(条目都标为 draft: true)。

    按内容识别格式(文本的各种编码、Word、PDF、网页);去掉拼音注音、重复的逗号、
    网页杂项与 PDF 页眉页码,只把繁体段落转为简体,半角标点改为全角;
    无法修复的乱码标为〔此处原文损坏〕。删去了什么、找到了什么、哪里需要人工核对,
    都写在报告里。
    """
    from studycli import export as exporting
    from studycli.importer.ingest import import_article
    from studycli.importer.report import report_json, report_lines
    from studycli.importer.topics import builtin_topics

    if report is ReportFormat.json and output is None:
        raise UsageError("--report json 把报告写到标准输出,请同时用 -o 指定题库文件。")
    if output is not None:
        exporting.check_target(output, force=force)
    imported = import_article(file, known_topics=builtin_topics())
    if report is ReportFormat.text:
        for line in report_lines(imported):
            err.print(line, markup=False, soft_wrap=True)
    text = imported.cleaned.text if text_only else imported.yaml()
    if output is None:
        sys.stdout.write(text)
        return
    exporting.write_text(output, text, force=force)
    if report is ReportFormat.json:
        payload = report_json(imported) | {"output": str(output)}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return
    err.print(
        f"已写入 {output}。用 study check --content {output} 校验。", markup=False, soft_wrap=True
    )
