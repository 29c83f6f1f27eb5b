"""What single sentences of an article say: splitting, quotations and speakers, definitions,
list markers and figures.

The detectors only read text; ``drafting`` decides what becomes an item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from studycli.deck.model import Facet
from studycli.importer.cleaning import DAMAGE_MARK

NUMERALS = "一二三四五六七八九十"
_NUMBER = {ch: i for i, ch in enumerate(NUMERALS, start=1)}


# --- sentences --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body text, with its paragraph index, section and source lines."""

    text: str
    para: int
    section: str
    lines: tuple[int, ...]


_LIST_AFTER_COLON = re.compile(rf"(?<=：)(?=[{NUMERALS}]是)")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, keeping quotations whole; a list after ``：`` starts anew."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in text:
        buf.append(ch)
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
            if depth == 0 and len(buf) > 1 and buf[-2] in "。！？":
                out.append("".join(buf))
                buf = []
        elif ch in "。！？；" and depth == 0:
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    pieces = []
    for sentence in out:
        pieces += [p for p in _LIST_AFTER_COLON.split(sentence) if p]
    return [p.strip() for p in pieces if p.strip()]


def strip_end(text: str) -> str:
    """The text without closing punctuation and trailing spaces."""
    return text.rstrip("。；！？，、 ")


# --- quotes -----------------------------------------------------------------------------

_SPEAKER = (
    r"习近平总书记|习近平同志|习近平主席|习近平|总书记|马克思恩格斯|马克思|恩格斯|列宁|"
    r"毛泽东同志|毛泽东|邓小平同志|邓小平|"
    rf"党的[{NUMERALS}]+大(?:报告)?|党的[{NUMERALS}]+届[{NUMERALS}]中全会|"
    r"[\u4e00-\u9fff]{2,20}会议|会议|他|她"
)
_SPEAKER_RE = re.compile(_SPEAKER)
_VERB_TAIL = re.compile(
    r"(?P<mid>[^。“”]{0,40}?)(?:强调指出|明确指出|明确提出|指出|强调|提出|明确|认为|说|要求|再提)"
    r"[：，]?\s*$"
)
_NAMES = {
    "习近平总书记": "习近平",
    "习近平同志": "习近平",
    "习近平主席": "习近平",
    "总书记": "习近平",  # in these study texts 总书记 is always 习近平
    "马克思恩格斯": "马克思、恩格斯",
    "毛泽东同志": "毛泽东",
    "邓小平同志": "邓小平",
}
_PEOPLE = {"习近平", "马克思", "恩格斯", "马克思、恩格斯", "列宁", "毛泽东", "邓小平"}
_PERSONS = {*_NAMES, *_PEOPLE, "他", "她"}
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_OCCASION = re.compile(r"^在(.{2,30}?)(?:时|期间|上)")
ATTRIBUTION = re.compile(r"^——(?P<rest>.+?)(?:强调|指出|说|讲话)$")


@dataclass(frozen=True)
class Said:
    """Who said a quotation, and when and where if the text says so."""

    speaker: str
    date: str | None = None
    occasion: str | None = None


def who_said(prefix: str, before: str) -> Said | None:
    """The speaker named just before a quotation (``…指出：“``), with date and occasion."""
    found = None
    prefix = prefix[-200:]  # a speaker is named close to the quotation; keeps cost bounded
    for match in _SPEAKER_RE.finditer(prefix):
        tail = _VERB_TAIL.fullmatch(prefix, match.end())
        if tail:
            name = _NAMES.get(match.group(), match.group())
            # 习近平总书记在党的二十大报告中指出: the person said it, not the report
            if found and found[0] in _PERSONS and name not in _PERSONS:
                continue
            found = (match.group(), tail.group("mid"))
    if found is None:
        return None
    name, mid = found
    if name in ("他", "她"):
        people = [_NAMES.get(m.group(), m.group()) for m in _SPEAKER_RE.finditer(before)]
        people = [p for p in people if p in _PEOPLE]
        if not people:
            return None
        name = people[-1]
    elif name == "会议":
        meetings = re.findall(r"[\u4e00-\u9fff]{2,20}会议", before)
        if not meetings:
            return None
        name = meetings[-1]
    speaker = _NAMES.get(name, name)
    date = _DATE.search(prefix)
    occasion = _OCCASION.match(mid.strip("，"))
    return Said(
        speaker,
        f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
        if date
        else None,
        occasion.group(1) if occasion and speaker in _PEOPLE else None,
    )


def quotes_in(text: str) -> Iterator[tuple[str, Said | None]]:
    """Each long enough quotation in a paragraph and who said it (None if not named)."""
    last_end, last_said = -1, None
    for match in re.finditer(r"“([^“”]+)”", text):
        inner = match.group(1)
        if len(re.findall(r"[\u4e00-\u9fff]", inner)) < 8:
            continue
        window = max(0, match.start() - 300)  # bounded: cost stays linear in the paragraph
        head = text[window : match.start()]
        start = max(head.rfind(p) for p in "。！？") + 1
        prefix = head[start:]
        between = text[last_end : match.start()] if last_end >= 0 else None
        if between is not None and between.strip() in ("，", "、") and last_said:
            said = last_said
        else:
            said = who_said(prefix, text[max(0, window - 300) : window] + head[:start])
        last_end, last_said = match.end(), said
        yield inner, said


# --- definitions -------------------------------------------------------------------------

_LEAD = re.compile(
    r"^(?:概括地说|简单说|简单地说|总之|可见|因此|所以|由此|显然|其中|也就是说|换言之|顾名思义|"
    r"[\u4e00-\u9fff]{2,8}认为)，"
)
_DEFINITION = re.compile(
    r"^(?P<term>[^，。：；、〔]{2,12}?)(?P<cop>是指|就是|即|是)(?P<meaning>[^。；]{6,150})$"
)
_BAD_START = re.compile(
    r"^(这|那|它|其|此|该|我|你|他|她|但|而|也|都|就|还|又|更|最|因为|所以|如果|只有|无论|不论|"
    r"对|在|从|和|与|及|把|被|让|使|要|必须|应|需|当|若|如|即|正|什么|谁|哪|每|各|一些|不|特别)"
)
# Time words, pronouns and people are never terms to define (今年是…, 我们是…, 他是…).
_NOT_A_TERM = re.compile(
    r"^(今年|去年|明年|前年|当前|目前|现在|过去|未来|近年|近年来|一年来|今天|明天|如今|当下|此时|"
    r"新时代|这一年|本届|我们|你们|他们|她们|大家|自己|人们|咱们|各位)$|"
    r"^\d{2,4}年|^\d{1,2}月|年代$|时期$|之年$|同志$|总书记$|主席$|教授$|书记$|院士$|先生$|女士$|"
    r"^(习近平|马克思|恩格斯|列宁|毛泽东|邓小平)"
)
_BAD_END = re.compile(r"([不也都就还才只正更则即总可又却均仍便的了着地说]|特别)$")
_BAD_INSIDE = re.compile(r"要|必须|需要|应该|能够|可以|已经|正在|将会|在于|起来|，")
_FACET_PATTERNS = (
    re.compile(r"具有(?P<text>[^，。；]{2,24}?)(?:等)?(?P<name>特征|特点)"),
    re.compile(
        r"以(?P<text>[^，。；]{2,40}?)为(?P<name>核心标志|基本内涵|基本要求|基本特征|重要特征|目标)"
    ),
    re.compile(
        r"(?:^|，)(?P<name>特点|特征|本质|关键|核心|核心要义|着力点|落脚点|目标|重要特征)"
        r"(?:是|在于|在)(?P<text>[^，。；]{2,30})"
    ),
)


def facets_in(text: str) -> list[Facet]:
    """Named facets of a definition (具有…特征, 以…为核心标志, 关键是…) in pattern order."""
    facets = []
    for pattern in _FACET_PATTERNS:
        for match in pattern.finditer(text):
            facets.append(Facet(match.group("name"), match.group("text").strip("“”")))
    return facets


def _unquote(text: str) -> str:
    """Drop quotation marks around the whole text, never half of a pair."""
    if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
        return text[1:-1]
    return text


def definition_in(sentence: str) -> tuple[str, str] | None:
    """(term, meaning) when a sentence reads as ``X 是/即/就是/是指 Y``, else None."""
    text = _LEAD.sub("", strip_end(_unquote(sentence)))
    text = strip_end(_unquote(text))
    match = _DEFINITION.match(text)
    if not match:
        return None
    term = _unquote(match.group("term").strip())
    meaning = match.group("meaning").strip()
    if (
        _NOT_A_TERM.search(term)
        or term in meaning  # circular: 江山就是人民，人民就是江山
        or _BAD_START.match(term)
        or _BAD_END.search(term)
        or _BAD_INSIDE.search(term)
        or DAMAGE_MARK in term
        or meaning.startswith(("不", "否", "因为", "什么", "由"))
    ):
        return None
    return term, meaning


# --- facts -----------------------------------------------------------------------------

_UNIT = (
    r"(?:个百分点|百分点|%|‰|万亿美元|亿美元|万美元|美元|欧元|元|吨|千瓦时|千瓦|公里|平方公里|"
    r"亩|斤|人次|人|名|个|项|家|倍|条|次|所|座|户|台|辆|件|款|岁|天|小时|度|标准箱|艘|架|颗)"
)
# A figure keeps its magnitude and unit together: 3.2万亿美元, 1.2亿人次, 5.5%.
# Starts only where a run of digits starts, and never gives digits back: linear in the text.
FIGURE = re.compile(
    rf"(?<![\d.])\d++(?:\.\d++)?(?:多|余)?(?:(?:万亿|亿|万|千)(?:多|余)?{_UNIT}?|{_UNIT})"
)
SUBJECT = re.compile(
    r"^([\u4e00-\u9fff]{2,6}?(?:省|市|区|县)?)(?=提出|设立|强调|出台|则|实施|发布|预计)"
)
