"""Repairing what PDF extraction does to text: page markers, running headers, bullets,
hard-wrapped lines and doubled characters from overlaid text (十十五五五五专专题题).

A text has PDF layout when it came from the PDF reader (pages separated by form feeds) or
carries the markers extractors write (``--- Page N ---``). Each repair is counted or reported
with its line; doubled characters are repaired only in runs of four pairs or more, which
ordinary Chinese (人人, 天天, 高高兴兴) never has.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_PAGE_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*(?:Page|页)\s*\d+\s*-{2,}|-{3,}|第\s*\d+\s*页(?:\s*/\s*共\s*\d+\s*页)?|"
    r"-\s*\d+\s*-|\d{1,4}|Page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)\s*$",
    re.I,
)
_BULLET = re.compile(r"^\s*[•●◆◇■□▪▫○◎·‧∙►▶➢✓√\-–]\s*")
_DOUBLED = re.compile(r"((.)\2){4,}")
_SUSPECT = re.compile(r"(([\u4e00-\u9fff])\2){3}")  # 高高兴兴 has two pairs; three are rare
_BREAK_BEFORE = re.compile(
    r"^(?:[•●◆◇■□▪▶]|\d{1,2}[.．、]|[①-⑳]|[（(][一二三四五六七八九十\d]+[）)]|"
    r"[一二三四五六七八九十]+、|第[一二三四五六七八九十]+|[一二三四五六七八九十]是|首先|其次|再是|最后)"
)
_DIGITS = re.compile(r"\d+")
_END = set("。！？；：…”’」』）)")


@dataclass
class Layout:
    """What the repair did: dropped lines, joined lines and doubled characters fixed."""

    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    continues: set[int] = field(default_factory=set)  # lines that continue the line before
    doubled: list[tuple[int, str, str]] = field(default_factory=list)  # (line, found, repaired)
    suspect: list[tuple[int, str]] = field(default_factory=list)  # three pairs: not repaired
    headings: dict[int, int] = field(default_factory=dict)  # slide and block titles → level
    bullets: set[int] = field(default_factory=set)  # lines that opened with a bullet


def has_pdf_layout(text: str) -> bool:
    """True for text from a PDF: form feeds between pages, or extractor page markers."""
    if "\f" in text:
        return True
    return len(re.findall(r"(?m)^\s*-{2,}\s*Page\s*\d+\s*-{2,}\s*$", text[:200000])) >= 1


def undouble(text: str) -> str:
    """十十五五五五专专题题 → 十五五专题: each pair in a run of three or more pairs halves."""
    return _DOUBLED.sub(lambda m: m.group()[::2], text)


def repair_layout(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Layout]:
    """Lines with page chrome dropped, bullets stripped, doubled characters repaired; and
    which lines continue the one before (a hard wrap inside a paragraph)."""
    layout = Layout()
    repeated = _running_headers(lines)
    out: list[tuple[int, str]] = []
    widths = [len(text.strip()) for _, text in lines if len(text.strip()) >= 10]
    full = _full_width(widths)
    previous = ""
    for number, raw in _split_columns(lines):
        text = raw.replace("\f", "").strip()
        if not text:
            out.append((number, ""))
            previous = ""
            continue
        if _PAGE_MARKER.match(text):
            layout.dropped.append((number, "PDF 页码或分页标记", text))
            out.append((number, ""))
            continue
        title = _PAGE_TITLE.match(text)
        if title:
            # 第3页：…重要提法 names a slide; 第1页：封面/专题首页（第6页） is the pack's own index
            inner = title.group(1).strip()
            if title.group(2) or _INDEX_TITLE.search(inner) or not inner:
                layout.dropped.append((number, "PDF 页面标签", text))
                out.append((number, ""))
                continue
            text = inner
            layout.headings[number] = 1
            out.append((number, text))
            previous = ""
            continue
        if _DIGITS.sub("#", text) in repeated:
            layout.dropped.append((number, "PDF 页眉页脚", text))
            out.append((number, ""))
            continue
        bullet = _BULLET.match(text)
        if bullet and len(text) > bullet.end():
            text = text[bullet.end() :].strip()
            layout.bullets.add(number)
        fixed = undouble(text)
        if fixed != text:
            for match in _DOUBLED.finditer(text):
                layout.doubled.append((number, match.group(), match.group()[::2]))
            text = fixed
        layout.suspect += [(number, m.group()) for m in _SUSPECT.finditer(text)]
        if (
            previous
            and not bullet
            and not _BREAK_BEFORE.match(text)
            and previous[-1] not in _END
            and len(previous) >= full
        ):
            layout.continues.add(number)
        out.append((number, text))
        previous = text
    _mark_block_titles(out, layout)
    return out, layout


_PAGE_TITLE = re.compile(r"^第\s*\d+\s*页[:：]\s*(.*?)\s*([（(]第\s*\d+\s*页[）)])?$")
_INDEX_TITLE = re.compile(r"封面|首页|目录|相关链接|专家解读|封底")


def _mark_block_titles(out: list[tuple[int, str]], layout: Layout) -> None:
    """A short line of its own followed by bullets (绿色发展成就, 安全保障) titles its block.

    Only lines that stand alone in the source are marked (a line split into columns keeps its
    number twice), never a list entry, a label ending in a colon, or a sentence.
    """
    numbers = Counter(number for number, text in out if text)
    for number in [n for n in layout.headings if numbers[n] > 1]:
        del layout.headings[number]  # a slide title glued to another column's line
    texts = [(n, t) for n, t in out if t]
    for index, (number, text) in enumerate(texts[:-2]):
        following, after = texts[index + 1], texts[index + 2]
        opens_block = following[0] in layout.bullets or (
            following[1].startswith(("（", "("))
            and (after[0] in layout.bullets or _BREAK_BEFORE.match(after[1]))
        )
        if (
            opens_block
            and numbers[number] == 1
            and number not in layout.bullets
            and number not in layout.continues
            and following[0] not in layout.continues
            and 4 <= len(text) <= 30
            and text[-1] not in _END
            and not re.search(r"[：:。，,；]", text)
            and not _BREAK_BEFORE.match(text)
            and not text.startswith(("（", "("))
        ):
            layout.headings.setdefault(number, 1)


def _split_columns(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A bullet, a numbered entry or a page title inside a line starts an item from another
    column: it becomes its own line (with the same line number); a run of dashes glued to
    the front of a line goes."""
    out = []
    for number, raw in lines:
        raw = _LEADING_RULE.sub("", raw)
        for index, piece in enumerate(_INNER_START.split(raw)):
            parts = _INNER_BULLET.split(piece)
            if index == 0 or parts[0].strip():
                out.append((number, parts[0]))
            out += [(number, "• " + part) for part in parts[1:] if part.strip()]
    return out


_INNER_BULLET = re.compile(r"(?<=\S)\s*[•●]\s+|(?<=\S)(?=图片来源[:：])")
_LEADING_RULE = re.compile(r"^\s*-{3,}(?=[^\s-])")
# A numbered entry or a page title glued to the end of a line from another column
# (…增长42%4.  "十五五"时期…; …《纲要》第1页：封面): it starts a line of its own.
_INNER_START = re.compile(r"(?<=[^\d\s.．])(?=\d{1,2}[.．]\s{2,}\S)|(?<=\S)(?=第\d+页[:：])")


def _full_width(widths: list[int]) -> int:
    """The length of a line that ran to the right margin (a little under the longest lines)."""
    if not widths:
        return 10**9
    widths = sorted(widths)
    top = widths[int(len(widths) * 0.9)] if len(widths) >= 10 else widths[-1]
    return max(10, int(top * 0.85))


def _running_headers(lines: list[tuple[int, str]]) -> set[str]:
    """Short lines repeated on three or more pages: running headers and footers."""
    pages: list[list[str]] = [[]]
    for _, raw in lines:
        if "\f" in raw or re.match(r"^\s*-{2,}\s*Page\s*\d+", raw, re.I):
            pages.append([])
        text = raw.replace("\f", "").strip()
        if text:
            pages[-1].append(text)
    if len(pages) < 2:
        return set()
    seen: Counter = Counter()
    for page in pages:
        for text in set(page[:2] + page[-2:]):
            if len(text) <= 40:
                seen[_DIGITS.sub("#", text)] += 1
    return {text for text, n in seen.items() if n >= 2 and n * 2 >= len(pages)}
