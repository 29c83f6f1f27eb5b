"""Taking the deck out: study export."""

from __future__ import annotations

import enum
import json
import sys
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, TopicOpt, app, load, select


class ExportFormat(enum.StrEnum):
    json = "json"


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="导出格式。")
    ] = ExportFormat.json,
    topic: TopicOpt = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
) -> None:
    """导出题库。json:输出 {"items": [...]},每条含 id、kind、topics、source 与全部文本。"""
    deck = load(content, builtin)
    items, _ = select(deck, topic)
    payload = {"items": [item.to_dict() for item in items]}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
