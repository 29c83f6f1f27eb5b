"""Cleaning real-world article text: pinyin, doubled commas, page chrome, script, width, mojibake.

Every change that removes text is recorded, so ``study import`` can report it: damaged
spots (mojibake) are marked in place with ``DAMAGE_MARK``, removed chrome lines and
boilerplate sentences are listed with their source line. Script conversion is decided per
line: only traditional text is converted, so simplified text passes through unchanged
(显著 stays 显著). Every step is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from studycli.importer.chrome import (
    Removal,
    byline_of,
    chrome_reason,
    drop_filler,
    drop_site_names,
    licence_start,
    strip_tags,
)
from studycli.importer.damage import DAMAGE_MARK, find_damage, is_han, is_rare
from studycli.importer.layout import has_pdf_layout, repair_layout
from studycli.importer.script import to_simplified_where_traditional
from studycli.text import collapse_doubled_commas, strip_pinyin

__all__ = ["DAMAGE_MARK", "Cleaned", "Damage", "Paragraph", "Removal", "clean_article"]
__all__ += ["chrome_reason", "find_damage", "is_rare"]

_SENTINEL = "\ue000"  # stands for a damaged spot until the line is clean; OpenCC leaves it alone
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》【】〔〕—…·「」『』")
_TERMINAL = set("。！？；：…")
_CLOSERS = set("”’）」』")
_HEADING_MARK = re.compile(r"^(#{1,3})\s+(.+)$")


@dataclass(frozen=True)
class Damage:
    """A spot that could not be repaired: the source line and the damaged text as found."""

    line: int
    text: str
    context: str


@dataclass(frozen=True)
class Paragraph:
    """A restored paragraph: source lines, clean text, heading level (0 = body) and title."""

    lines: tuple[int, ...]
    text: str
    level: int = 0
    title: str = ""

    @property
    def line(self) -> int:
        """The first source line of the paragraph."""
        return self.lines[0]


@dataclass(frozen=True)
class Cleaned:
    """The cleaned article: paragraphs, what was found damaged and removed, and counts."""

    paragraphs: tuple[Paragraph, ...]
    damage: tuple[Damage, ...]
    removed: tuple[Removal, ...]
    counts: dict[str, int]
    # bylines kept as the article's metadata: 来源, 作者, 日期 …
    metadata: dict[str, str] = field(default_factory=dict)
    # doubled characters from overlaid PDF text: (line, as found, repaired)
    repaired: tuple[tuple[int, str, str], ...] = ()
    layout: str = "text"  # "text", "pdf" or "paragraphs": how lines became paragraphs
    # three doubled characters in a row in PDF text: maybe overlaid, left for a person
    suspect: tuple[tuple[int, str], ...] = ()

    @property
    def text(self) -> str:
        """The cleaned text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs) + "\n"


# --- punctuation --------------------------------------------------------------------

_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _cjk_side(ch: str) -> bool:
    return bool(ch) and (is_han(ch) or ch in _CJK_PUNCT or ch == _SENTINEL)


def widen_punctuation(text: str) -> tuple[str, int]:
    """ASCII , ; : ? ! next to Chinese text become full-width; so do (…) around Chinese."""
    out = []
    changed = 0
    before = ""  # the last non-space character seen
    next_solid = _next_solid(text)
    for i, ch in enumerate(text):
        if ch in _WIDE:
            after = next_solid[i]
            if (_cjk_side(before) or _cjk_side(after)) and not (
                before.isdigit() and after.isdigit()
            ):
                out.append(_WIDE[ch])
                changed += 1
                before = _WIDE[ch]
                continue
        out.append(ch)
        if not ch.isspace():
            before = ch
    text = "".join(out)
    text, parens = re.subn(r"\(([^()]{0,200}[\u3400-\u9fff][^()]{0,200})\)", r"（\1）", text)
    text, quotes = _ASCII_QUOTES.subn(r"“\1”", text)
    return text, changed + parens + quotes


# "…" around Chinese (PDF packs, Notepad text) become “…”, so quotations are found.
_ASCII_QUOTES = re.compile(r'"([^"\n]{0,300}?[\u3400-\u9fff][^"\n]{0,300}?)"')


def _next_solid(text: str) -> list[str]:
    """For each position, the first non-space character after it ("" at the end)."""
    result = [""] * len(text)
    solid = ""
    for i in range(len(text) - 1, -1, -1):
        result[i] = solid
        if not text[i].isspace():
            solid = text[i]
    return result


_WIDE_DOUBLED = re.compile(r"，+(?=[，、。；：？！])|(?<=、)，+")
_SPACED = "[，。、；：？！“”（）《》〔〕—]"
_SPACE_NEAR_PUNCT = re.compile(rf"\s+(?={_SPACED})|(?<={_SPACED})\s+")


def _tidy_space(text: str) -> str:
    text = re.sub(r"[\s\u3000\xa0]+", " ", text).strip()
    return _SPACE_NEAR_PUNCT.sub("", text)


# --- lines to paragraphs ------------------------------------------------------------

_NUMERAL = "一二三四五六七八九十"
_LEVEL2 = re.compile(rf"^[{_NUMERAL}]{{1,3}}、")
_EMBEDDED_HEADING = re.compile(rf"(?<=[。！？])(?=[{_NUMERAL}]{{1,3}}、[^。]{{2,40}}$)")
_EMBEDDED_DASH = re.compile(r"(?<=[。！？])(?=——[\u4e00-\u9fff])")
_LIST_START = re.compile(
    rf"^(——|第[{_NUMERAL}]+[是，、：]|[{_NUMERAL}]+[是要]|首先|其次|再是|再就是|再次|再者|最后|"
    rf"[（(][{_NUMERAL}\d]+[）)]|\d{{1,2}}[.．、](?!\d)|[①-⑳•●])"
)


def heading_of(text: str, *, separated: bool) -> tuple[int, str]:
    """(level, title) if the paragraph is a heading: 1 for 感悟N / 【…】, 2 for 一、… ; else 0."""
    if re.fullmatch(r"【[^】]{1,12}】", text):
        return 1, text[1:-1]
    if text.startswith("【") and "】" in text and len(text) <= 40:
        return 1, text
    match = re.search(r"感悟\s*(\d+)$", text)
    if match and len(text) <= 40:
        return 1, f"感悟{match.group(1)}"
    if _LEVEL2.match(text):
        if len(text) <= 40 and not text.endswith("。"):
            return 2, text
        # a heading run into its paragraph (004 line 43): the first clause names the section
        first = re.split(r"[，。；：？！]", text, maxsplit=1)[0]
        return 2, first if len(first) <= 30 else first[:30] + "…"
    if (
        separated
        and len(text) <= 25
        and not _TERMINAL & set(text[-1:])
        and not _LIST_START.match(text)
    ):
        return 2, text
    if separated and re.fullmatch(r".{4,40}\s[\u4e00-\u9fff]{2,4}", text):
        return 2, text  # a byline: affiliation, then the author's name
    return 0, ""


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in _TERMINAL:
        return True
    return text[-1] in _CLOSERS and len(text) > 1 and text[-2] in _TERMINAL


def _paragraphs(
    lines: Sequence[tuple[int, str]],
    separated: bool,
    *,
    headings: dict[int, int],
    continues: set[int] | None = None,
) -> tuple[list[Paragraph], int]:
    """Split run-in headings and dash items off, then join lines broken mid-sentence.

    ``headings`` are lines a reader marked as headings (line → level); with ``continues``
    (PDF layout) exactly those lines join the line before, otherwise a line joins when the
    one before did not end its sentence.
    """
    pieces: list[tuple[int, str] | None] = []
    for number, text in lines:
        if not text:
            pieces.append(None)
            continue
        if number in headings:
            pieces.append((number, text))
            continue
        for chunk in _EMBEDDED_DASH.split(text):
            for part in _EMBEDDED_HEADING.split(chunk):
                if part:
                    pieces.append((number, part))
    # each paragraph is built as lists and joined once, so long runs of lines stay linear
    built: list[tuple[list[int], list[str], int, str]] = []
    joined = 0
    open_index: int | None = None
    for piece in pieces:
        if piece is None:
            if continues is None:
                open_index = None
            continue
        number, text = piece
        if number in headings:
            level, title = headings[number], text
        else:
            level, title = heading_of(text, separated=separated)
        if continues is not None:
            joins = number in continues and open_index is not None and not level
        else:
            joins = open_index is not None and not level and not _LIST_START.match(text)
        if joins:
            numbers, texts, _, _ = built[open_index]
            numbers.append(number)
            texts.append(text)
            joined += 1
            if continues is None and _ends_sentence(text):
                open_index = None
            continue
        built.append(([number], [text], level, title))
        open_index = None if level else len(built) - 1
        if continues is None and _ends_sentence(text):
            open_index = None
    paragraphs = [
        Paragraph(tuple(dict.fromkeys(numbers)), "".join(texts), level, title)
        for numbers, texts, level, title in built
    ]
    return paragraphs, joined


# --- the whole article ----------------------------------------------------------------


def _clean_line(raw: str, counts: Counter) -> tuple[str, list[str]]:
    """One source line cleaned; also the damaged spots' raw text, in order."""
    spots = find_damage(raw)
    damaged = [raw[a:b] for a, b in spots]
    for start, end in reversed(spots):
        raw = raw[:start] + _SENTINEL + raw[end:]
    text = strip_pinyin(raw)
    counts["拼音注音"] += raw.count("(") - text.count("(")
    simple, converted = to_simplified_where_traditional(text)
    counts["繁体字"] += converted
    collapsed = collapse_doubled_commas(simple)
    counts["多余逗号"] += len(simple) - len(collapsed)
    widened, changed = widen_punctuation(collapsed)
    counts["标点改为全角"] += changed
    fixed = _WIDE_DOUBLED.sub("", widened)
    counts["多余逗号"] += len(widened) - len(fixed)
    return _tidy_space(fixed), damaged


def _split_lines(raw_text: str) -> list[str]:
    lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def clean_article(raw_text: str, *, layout: str | None = None) -> Cleaned:
    """Clean a whole article: every removal and every damaged spot is recorded.

    ``layout`` is "pdf" (page breaks, hard wraps), "paragraphs" (a reader gave one paragraph
    per line: .docx, web pages) or "text" (lines may break mid-sentence); None decides
    between "pdf" and "text" by content.
    """
    counts: Counter = Counter()
    damage: list[Damage] = []
    removed: list[Removal] = []
    metadata: dict[str, str] = {}
    headings: dict[int, int] = {}
    numbered = list(enumerate(_split_lines(raw_text), start=1))
    counts["行"] = len(numbered)
    if layout is None:
        layout = "pdf" if has_pdf_layout(raw_text) else "text"
    continues: set[int] | None = set() if layout == "paragraphs" else None
    repaired: list[tuple[int, str, str]] = []
    suspect: list[tuple[int, str]] = []
    if layout == "pdf":
        numbered, repair = repair_layout(numbered)
        removed += [Removal(n, reason, text) for n, reason, text in repair.dropped]
        continues = repair.continues
        repaired = repair.doubled
        suspect = repair.suspect
        headings.update(repair.headings)
        counts["重叠字修复"] = len(repaired)
    cleaned: list[tuple[int, str]] = []
    for number, raw in numbered:
        raw = raw.lstrip("\ufeff")
        mark = _HEADING_MARK.match(raw)
        if mark:
            raw = mark.group(2)
        untagged, tags = strip_tags(raw)
        if tags and not untagged.strip():
            removed.append(Removal(number, "HTML 标签", raw.strip()[:80]))
            cleaned.append((number, ""))
            continue
        counts["HTML 标签"] += tags
        text, spots = _clean_line(untagged, counts)
        pieces = text.split(_SENTINEL)
        for index, spot in enumerate(spots):
            context = pieces[index][-8:] + DAMAGE_MARK + pieces[index + 1][:8]
            damage.append(Damage(number, spot, context))
        text = text.replace(_SENTINEL, DAMAGE_MARK)
        byline = byline_of(text)
        reason = chrome_reason(text)
        if byline and not mark:
            metadata.setdefault(*byline)
            removed.append(Removal(number, "署名(记入文章信息)", text))
            text = ""
        elif reason and not mark:
            removed.append(Removal(number, reason, text))
            text = ""
        else:
            text, dropped = drop_filler(text)
            removed += [Removal(number, "网站套话", sentence) for sentence in dropped]
        if mark and text:
            headings[number] = len(mark.group(1))
        cleaned.append((number, text))
    start = licence_start(cleaned)
    if start is not None:
        for index in range(start, len(cleaned)):
            number, text = cleaned[index]
            if text:
                removed.append(Removal(number, "版权许可模板", text))
                cleaned[index] = (number, "")
    drop_site_names(cleaned, removed)
    # blank lines between paragraphs make a short line a heading, in plain text only
    separated = layout == "text" and sum(1 for _, text in cleaned if not text) * 4 >= len(cleaned)
    paragraphs, joined = _paragraphs(cleaned, separated, headings=headings, continues=continues)
    counts["断行接回"] = joined
    counts["损坏处"] = len(damage)
    counts["删去"] = len(removed)
    removed.sort(key=lambda r: r.line)
    return Cleaned(
        tuple(paragraphs),
        tuple(damage),
        tuple(removed),
        dict(counts),
        metadata,
        tuple(repaired),
        layout,
        tuple(suspect),
    )
