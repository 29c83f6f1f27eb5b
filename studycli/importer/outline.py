"""The article's outline for drafting: its title, each paragraph's section, which paragraphs
are body text, and the id prefix drawn from the file name."""

from __future__ import annotations

import re

from studycli.importer.cleaning import Paragraph
from studycli.importer.sentences import strip_end


def slugify(name: str) -> str:
    """An id prefix from a file name: its stem in lower case, other characters as ``-``."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-_")
    if not slug:
        import hashlib

        slug = "article-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return slug


def sections_of(paragraphs: tuple[Paragraph, ...]) -> tuple[str | None, list[str]]:
    """The article's title (a heading before any content) and each paragraph's section."""
    title = None
    top, sub = "", ""
    sections = []
    for index, para in enumerate(paragraphs):
        if para.level and index == 0 and not re.search(r"感悟\d+$", para.title):
            title = para.text
        elif para.level == 1:
            top, sub = para.title, ""
        elif para.level == 2:
            byline = re.fullmatch(r".{4,40}\s([\u4e00-\u9fff]{2,4})", para.title)
            sub = byline.group(1) if byline else para.title
        sections.append(" · ".join(part for part in (top, sub) if part) or "导言")
    if title is None:
        for para in paragraphs:
            match = re.fullmatch(r"(.+?)\s*\d+", para.text) if para.level == 1 else None
            if match:
                title = match.group(1)
                break
    return title, sections


def is_body(para: Paragraph) -> bool:
    """Body text; a heading run into its paragraph (004 line 43) is body too."""
    return para.level == 0 or (para.level == 2 and len(para.text) > 40)


def short_label(text: str) -> str:
    """A short label: the first clause when the whole is long."""
    first = re.split(r"[，；：。〔]", text, maxsplit=1)[0].strip()
    return first if first and len(text) > 20 else strip_end(text)
