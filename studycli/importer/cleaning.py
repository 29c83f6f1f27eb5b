"""Cleaning real-world article text: pinyin, doubled commas, page chrome, script, width, mojibake.

Every change that removes text is recorded, so ``study import`` can report it: damaged
spots (mojibake) are marked in place with ``DAMAGE_MARK``, removed chrome lines and
boilerplate sentences are listed with their source line.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from studycli.text import collapse_doubled_commas, strip_pinyin, to_simplified

DAMAGE_MARK = "〔此处原文损坏〕"
_SENTINEL = "\ue000"  # stands for a damaged spot until the line is clean; OpenCC leaves it alone

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY = f"a-zü{_TONED}"
_ORPHAN_PINYIN = re.compile(rf"[{_PY}]{{1,7}}\)")  # ``guī)``: its opening parenthesis was eaten
_ANNOTATION = re.compile(rf"\([{_PY}]{{1,7}}\)")
_TONED_SET = set(_TONED)
_ODD_SYMBOLS = set("^_\\`|~@#$&")
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》【】〔〕—…·「」『』")
_TERMINAL = set("。！？；：…")
_CLOSERS = set("”’）」』")


@dataclass(frozen=True)
class Damage:
    """A spot that could not be repaired: the source line and the damaged text as found."""

    line: int
    text: str
    context: str


@dataclass(frozen=True)
class Removal:
    """Text removed as web-page chrome or site boilerplate, with why and where."""

    line: int
    reason: str
    text: str


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

    @property
    def text(self) -> str:
        """The cleaned text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs) + "\n"


# --- character classes ------------------------------------------------------------


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@functools.lru_cache(maxsize=8192)
def is_rare(ch: str) -> bool:
    """True for a Han character whose simplified form is outside GB2312 level 1 (3755 chars).

    Clean modern text rarely has two of these side by side; mojibake (UTF-8 bytes read as
    GBK) produces runs of them.
    """
    if not _is_han(ch):
        return False
    simple = to_simplified(ch)
    try:
        code = simple.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return len(code) != 2 or not 0xB0 <= code[0] <= 0xD7


def _is_odd(ch: str) -> bool:
    """Symbols that have no business between Chinese characters."""
    if ch in _ODD_SYMBOLS or ch == "\ufffd":
        return True
    code = ord(ch)
    return (
        0x0370 <= code <= 0x04FF  # Greek, Cyrillic
        or (0x00C0 <= code <= 0x00FF and ch not in _TONED_SET)
        or 0xE000 <= code <= 0xF8FF  # private use
    )


def _is_junk_char(ch: str) -> bool:
    return ch == "?" or is_rare(ch) or _is_odd(ch)


def _junk_at(line: str, i: int, *, after_junk: bool) -> int:
    """Length of a mojibake-like token starting at ``i`` (0 if none)."""
    ch = line[i]
    if ch == "?" or is_rare(ch) or _is_odd(ch):
        return 1
    if ch == "(" and after_junk:
        match = _ANNOTATION.match(line, i)
        if match:
            return match.end() - i
    if (ch.isascii() and ch.isalpha()) or ch in _TONED_SET:
        match = _ORPHAN_PINYIN.match(line, i)
        if match:
            return match.end() - i
        run = re.match(r"[A-Za-z]{1,2}(?![A-Za-z])", line[i:])
        if run:
            return run.end()
    return 0


def _anchors(line: str) -> list[tuple[int, int]]:
    """Spots that are damage beyond doubt: stray ``?``, orphan pinyin, U+FFFD, rare clusters."""
    found = []
    n = len(line)
    for i, ch in enumerate(line):
        if ch == "\ufffd":
            found.append((i, i + 1))
        elif ch == "?" and not _genuine_question_mark(line, i):
            found.append((i, i + 1))
    for match in _ORPHAN_PINYIN.finditer(line):
        start = match.start()
        before = line[start - 1] if start else ""
        if before != "(" and not (before.isascii() and before.isalpha()):
            if _TONED_SET & set(match.group()):
                found.append(match.span())
    for match in _ANNOTATION.finditer(line):
        before = line[match.start() - 1] if match.start() else ""
        if before and not _is_han(before) and before != ")" and _TONED_SET & set(match.group()):
            found.append(match.span())
    for i in range(n - 3):
        junk = [j for j in range(i, i + 4) if is_rare(line[j]) or _is_odd(line[j])]
        if len(junk) >= 3:
            found.append((junk[0], junk[-1] + 1))
    return found


def _genuine_question_mark(line: str, i: int) -> bool:
    """A real question mark sits after text and before the end, a space, text or a closer."""
    before = line[i - 1] if i else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    if before == "?" or after == "?":
        return False
    if after and (is_rare(after) or _is_odd(after) or (after.isascii() and after.isalpha())):
        return False
    if after in _TONED_SET:
        return False
    return True


def find_damage(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` (raw, pinyin still in) that are mojibake, merged and extended.

    From each anchor the spot grows over neighbouring junk (rare characters, ``?``, odd
    symbols, pinyin fragments) and across a single ordinary character between junk.
    """
    spans = []
    for start, end in sorted(_anchors(line)):
        while end < len(line):
            step = _junk_at(line, end, after_junk=True)
            if not step and _is_han(line[end]) and end + 1 < len(line):
                nxt = _junk_at(line, end + 1, after_junk=False)
                step = 1 + nxt if nxt else 0
            if not step:
                break
            end += step
        while start > 0:
            ch = line[start - 1]
            if _is_junk_char(ch):
                start -= 1
            elif _is_han(ch) and start > 1 and _is_junk_char(line[start - 2]):
                start -= 2
            else:
                break
        if spans and start <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


# --- chrome -------------------------------------------------------------------------

_NAV_SEPARATOR = re.compile(r"\s[|｜]\s|\s?[>＞›»]\s")
_EDITOR = re.compile(r"^[\[【（(]?\s*(责任编辑|编辑|校对|审核|来源|作者)\s*[:：]")
_CAPTION = re.compile(r"(配图|插图|图片)$|^(图为|图片来源)")
_BUTTONS = re.compile(
    r"分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|版权所有|Copyright|ICP备|相关阅读|相关新闻"
)
_FILLER = re.compile(r"小编|希望[能会]?对(大家|您|你)有所帮助|仅供参考")


def chrome_reason(line: str) -> str | None:
    """Why a (simplified) line is web-page chrome rather than article text, or None."""
    text = line.strip()
    if not text or len(text) > 60:
        return None
    parts = [p for p in _NAV_SEPARATOR.split(text) if p.strip()]
    if len(parts) >= 2 and all(len(p.strip()) <= 10 for p in parts):
        return "导航行"
    if _EDITOR.match(text) and len(text) <= 30:
        return "编辑署名行"
    if len(text) <= 24 and _CAPTION.search(text) and not _TERMINAL & set(text):
        return "配图说明"
    if _BUTTONS.search(text) and len(text) <= 40:
        return "网页按钮或版权行"
    return None


# --- punctuation --------------------------------------------------------------------

_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _cjk_side(ch: str) -> bool:
    return bool(ch) and (_is_han(ch) or ch in _CJK_PUNCT or ch == _SENTINEL)


def widen_punctuation(text: str) -> tuple[str, int]:
    """ASCII , ; : ? ! next to Chinese text become full-width; so do (…) around Chinese."""
    out = []
    changed = 0
    for i, ch in enumerate(text):
        if ch in _WIDE:
            before = text[:i].rstrip()[-1:]
            after = text[i + 1 :].lstrip()[:1]
            if (_cjk_side(before) or _cjk_side(after)) and not (
                before.isdigit() and after.isdigit()
            ):
                out.append(_WIDE[ch])
                changed += 1
                continue
        out.append(ch)
    text = "".join(out)
    text, parens = re.subn(r"\(([^()]*[\u3400-\u9fff][^()]*)\)", r"（\1）", text)
    return text, changed + parens


_WIDE_DOUBLED = re.compile(r"，+(?=[，、。；：？！])")
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
_LIST_START = re.compile(rf"^(——|第[{_NUMERAL}]+[，、]|[{_NUMERAL}]+是|首先|其次|再次|再者|最后)")


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


def _paragraphs(lines: Sequence[tuple[int, str]], separated: bool) -> tuple[list[Paragraph], int]:
    """Split run-in headings and dash items off, then join lines broken mid-sentence."""
    pieces: list[tuple[int, str] | None] = []
    for number, text in lines:
        if not text:
            pieces.append(None)
            continue
        for chunk in _EMBEDDED_DASH.split(text):
            for part in _EMBEDDED_HEADING.split(chunk):
                if part:
                    pieces.append((number, part))
    paragraphs: list[Paragraph] = []
    joined = 0
    open_para: Paragraph | None = None
    for piece in pieces:
        if piece is None:
            open_para = None
            continue
        number, text = piece
        level, title = heading_of(text, separated=separated)
        if open_para is not None and not level and not _LIST_START.match(text):
            merged = Paragraph((*open_para.lines, number), open_para.text + text)
            paragraphs[-1] = merged
            joined += 1
            open_para = None if _ends_sentence(text) else merged
            continue
        para = Paragraph((number,), text, level, title)
        paragraphs.append(para)
        open_para = None if level or _ends_sentence(text) else para
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
    simple = to_simplified(text)
    if len(simple) == len(text):
        counts["繁体字"] += sum(1 for a, b in zip(text, simple, strict=True) if a != b)
    collapsed = collapse_doubled_commas(simple)
    counts["多余逗号"] += len(simple) - len(collapsed)
    widened, changed = widen_punctuation(collapsed)
    counts["标点改为全角"] += changed
    fixed = _WIDE_DOUBLED.sub("", widened)
    counts["多余逗号"] += len(widened) - len(fixed)
    return _tidy_space(fixed), damaged


def _drop_filler(text: str) -> tuple[str, list[str]]:
    """Remove site boilerplate sentences (小编 …) from a cleaned line."""
    sentences = re.findall(r"[^。！？]*[。！？]|[^。！？]+$", text)
    kept = [s for s in sentences if not _FILLER.search(s)]
    dropped = [s for s in sentences if _FILLER.search(s)]
    return "".join(kept), dropped


def clean_article(raw_text: str) -> Cleaned:
    """Clean a whole article: every removal and every damaged spot is recorded."""
    counts: Counter = Counter()
    damage: list[Damage] = []
    removed: list[Removal] = []
    cleaned: list[tuple[int, str]] = []
    raw_lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    counts["行"] = len(raw_lines)
    for number, raw in enumerate(raw_lines, start=1):
        text, spots = _clean_line(raw.lstrip("\ufeff"), counts)
        pieces = text.split(_SENTINEL)
        for index, spot in enumerate(spots):
            context = pieces[index][-8:] + DAMAGE_MARK + pieces[index + 1][:8]
            damage.append(Damage(number, spot, context))
        text = text.replace(_SENTINEL, DAMAGE_MARK)
        reason = chrome_reason(text)
        if reason:
            removed.append(Removal(number, reason, text))
            text = ""
        else:
            text, dropped = _drop_filler(text)
            removed += [Removal(number, "网站套话", sentence) for sentence in dropped]
        cleaned.append((number, text))
    _drop_site_names(cleaned, removed)
    separated = sum(1 for _, text in cleaned if not text) * 4 >= len(cleaned)
    paragraphs, joined = _paragraphs(cleaned, separated)
    counts["断行接回"] = joined
    counts["损坏处"] = len(damage)
    counts["删去"] = len(removed)
    removed.sort(key=lambda r: r.line)
    return Cleaned(tuple(paragraphs), tuple(damage), tuple(removed), dict(counts))


def _drop_site_names(cleaned: list[tuple[int, str]], removed: list[Removal]) -> None:
    """A short bare line between two chrome lines is the site's name (大国新村)."""
    chrome_lines = {r.line for r in removed if r.reason == "导航行"}
    content = [(i, number, text) for i, (number, text) in enumerate(cleaned) if text]
    for k, (i, number, text) in enumerate(content):
        if len(text) > 10 or _TERMINAL & set(text) or re.search(r"[，,]", text):
            continue
        before = _previous_chrome(cleaned, i, -1, chrome_lines)
        after = _previous_chrome(cleaned, i, 1, chrome_lines)
        if before and after and k < 3:
            removed.append(Removal(number, "网站名", text))
            cleaned[i] = (number, "")


def _previous_chrome(cleaned, i: int, step: int, chrome_lines: set[int]) -> bool:
    j = i + step
    while 0 <= j < len(cleaned):
        number, text = cleaned[j]
        if number in chrome_lines:
            return True
        if text:
            return False
        j += step
    return False
