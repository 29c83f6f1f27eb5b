"""Saved web pages: the article's main content (trafilatura), headings kept as ``#`` lines.

A page trafilatura cannot read falls back to the page's text without scripts, styles and
navigation, parsed with the standard library's HTMLParser (linear in the page's length).
"""

from __future__ import annotations

import re
from pathlib import Path

from studycli.errors import ExportError


def read_html(html: str, path: Path) -> str:
    """The main content of a saved web page (trafilatura), headings as ``#`` lines."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ExportError("读取网页需要 trafilatura;请重新安装 studycli。") from exc
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(
            html,
            output_format="markdown",
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            favor_recall=True,
        )
    except Exception:  # a broken page: fall back to the tag-stripped text below
        text = None
    title = _html_title(html)
    if not text:
        text = _strip_tags(html)
    if not text.strip():
        raise ExportError(f"{path} 这个网页里没有找到正文;请把正文复制到 .txt 再导入。")
    lines = [_markdown_line(line) for line in text.splitlines()]
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, f"# {title}")
    return "\n".join(lines) + "\n"


def _html_title(html: str) -> str:
    match = re.search(r"<title[^>]*>([^<]{1,200})</title>", html, re.I)
    if not match:
        return ""
    title = re.split(r"\s[-_|｜]\s", match.group(1).strip())[0]
    return title.strip()


def _strip_tags(html: str) -> str:
    """The page's text without scripts, styles and navigation (linear, for broken pages)."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        skip_tags = frozenset({"script", "style", "nav", "header", "footer", "noscript"})
        breaks = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section"})

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag, attrs):
            if tag in self.skip_tags:
                self.skipping += 1
            elif tag in self.breaks:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in self.skip_tags and self.skipping:
                self.skipping -= 1
            elif tag in self.breaks:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skipping:
                self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _markdown_line(line: str) -> str:
    """Markdown from the extractor back to plain text: emphasis, list bullets and
    backslash escapes (\\[责任编辑：…\\]) go."""
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1", line)
    match = re.match(r"^(#{1,6})\s+(.*)$", line)
    if match:
        return "#" * min(len(match.group(1)), 3) + " " + match.group(2).strip()
    return re.sub(r"^\s*[-*+]\s+", "", line)
