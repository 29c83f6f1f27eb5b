"""Reading the deck: summary, topics, check."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from studycli.cli.app import BuiltinOpt, ContentOpt, DataDirOpt, TopicOpt, app, load, out
from studycli.errors import StudyError


@app.command()
def summary(
    topic: TopicOpt = None,
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="在终端里用分页器(less)显示长摘要。")
    ] = True,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
) -> None:
    """按文章与章节分组显示要点:金句、定义、清单、框架与数据。"""
    from studycli.deck.files import content_paths
    from studycli.paths import cache_dir
    from studycli.render.summary_cache import open_summary

    # The compiled summary in the cache folder when it is current: no YAML to parse.
    compiled = open_summary(content_paths(content or (), builtin=builtin), cache_dir(data_dir))
    name = None
    if topic is not None:
        from studycli.deck.topics import resolve_topic

        name = resolve_topic(compiled, topic).name
    entries = compiled.entries(name)
    heading = f"学习摘要 · {name}" if name else "学习摘要"
    if not entries:
        raise StudyError("题库中没有条目。用 --content 指定题库目录。")
    if not out.is_terminal:
        # Piped: plain text wrapped by 禁则 to COLUMNS (or 80), no tables, no padding.
        sys.stdout.write(compiled.plain(name, out.width, heading))
        return
    from rich.console import Group

    from studycli.render.summary_view import render_lines

    summary = Group(*render_lines(compiled.lines(entries, heading)))
    if pager:
        # Like git: less quits at once when it all fits (F), keeps colour (R), no clearing (X).
        os.environ.setdefault("LESS", "FRX")
        with out.pager(styles=True):
            out.print(summary)
    else:
        out.print(summary)


@app.command()
def topics(
    content: ContentOpt = None, builtin: BuiltinOpt = True, data_dir: DataDirOpt = None
) -> None:
    """列出所有主题、别名与条目数。"""
    from studycli.cli.sourcing import deck_view
    from studycli.render.summary_view import render_topics  # not the deck model

    # The compiled bank's topics and items when it is current: no YAML to parse.
    out.print(render_topics(deck_view(content, builtin, data_dir)))


@app.command()
def check(
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="原文目录:逐字核对每条引文(忽略标点宽度、空白、繁简与拼音注音)。",
            show_default=False,
        ),
    ] = None,
    content: ContentOpt = None,
    builtin: BuiltinOpt = True,
    data_dir: DataDirOpt = None,
) -> None:
    """校验题库的每个 YAML 文件(出错时给出文件与行号),并重新编译题库。"""
    deck = load(content, builtin)
    line = f"ok:{len(deck.items)} 条,{len(deck.topics)} 个主题,{len(deck.files)} 个文件"
    if sources is not None:
        from studycli.deck.sources import check_quotes

        report = check_quotes(deck, sources)
        line += f";{report.quotes} 条引文均逐字出自原文({len(report.articles)} 篇)"
    from studycli.cli.sourcing import open_deck_bank
    from studycli.deck.files import content_paths
    from studycli.paths import cache_dir
    from studycli.render.summary_cache import rebuild_summary

    # The summary's compiled form is redone too (a damaged one would otherwise stay).
    rebuild_summary(content_paths(content or (), builtin=builtin), cache_dir(data_dir))
    with open_deck_bank(content, builtin, data_dir, rebuild=True) as bank:
        line += f";已编译 {bank.count()} 道题、{bank.count('cards')} 张闪卡"
        if bank.path is None:  # held in memory: stderr has said the cache cannot be written
            line += "(题库缓存无法写入,未保存)"
    out.print(line + "。", markup=False)
