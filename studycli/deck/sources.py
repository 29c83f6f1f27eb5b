"""Holding the deck to its source texts: every quote must be verbatim in its article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studycli.deck.model import Deck, Quote
from studycli.errors import ContentError
from studycli.text import compare_key


@dataclass(frozen=True)
class SourceReport:
    """What the verbatim check looked at: quotes checked and articles read."""

    quotes: int
    articles: tuple[str, ...]


def load_sources(directory: Path) -> dict[str, str]:
    """Every text file in ``directory`` by file name, in compare form."""
    if not directory.is_dir():
        raise ContentError([f"{directory}: 找不到原文目录。"])
    texts = {}
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix in {".txt", ".md"} and path.name != "README.md":
            raw = path.read_text(encoding="utf-8", errors="replace")
            texts[path.name] = compare_key(raw)
    if not texts:
        raise ContentError([f"{directory}: 目录中没有 .txt 原文。"])
    return texts


def check_quotes(deck: Deck, directory: Path) -> SourceReport:
    """Raise ContentError for every quote that is not verbatim in its cited article."""
    texts = load_sources(directory)
    problems = []
    checked = 0
    for item in deck.items:
        if not isinstance(item, Quote):
            continue
        checked += 1
        place = deck.where.get(item.id, f"条目“{item.id}”")
        article = item.source.article
        key = compare_key(item.text)
        if article in texts:
            if key not in texts[article]:
                found_in = [name for name, text in texts.items() if key in text]
                hint = (
                    f"它出现在 {found_in[0]} 中,请改正 source。"
                    if found_in
                    else ("请逐字核对原文(标点宽度、繁简与空白不计)。")
                )
                problems.append(f"{place}: 引文“{item.id}”不在原文 {article} 中。{hint}")
        else:
            problems.append(f"{place}: 条目“{item.id}”引用的文章 {article} 不在 {directory} 中。")
    if problems:
        raise ContentError(problems)
    return SourceReport(checked, tuple(texts))
