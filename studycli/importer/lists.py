"""Numbered lists in every form Chinese articles use, recovered with their entries in order.

Forms: 一是/二是, 一要/二要, 第一/第二, 第一是, 首先/其次/最后 (at the start of a sentence);
（一）（二）, 一、二、, 1. 2., （1）（2）, ①② (at the start of a paragraph or heading). Each
form is followed on its own, so lists of different forms may interleave or nest (a PDF's two
columns, 第一… with 一是… inside) and each still gets its own entries. A list is named from
the sentence that introduces it or from the heading it sits under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMERALS = "一二三四五六七八九十"
_CN = {ch: i for i, ch in enumerate(NUMERALS, start=1)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# 再是 / 再就是 take the place of 其次 (004: 首先…再是…最后); any number after 1 continues
_SEQUENCE = {
    "首先": 1,
    "其次": 2,
    "再是": 2,
    "再就是": 2,
    "再次": 3,
    "再者": 3,
    "然后": 3,
    "最后": 99,
}

# (form, pattern, where): "sentence" forms open any sentence, "paragraph" forms a paragraph
_FORMS = (
    ("第X是", re.compile(rf"^第([{NUMERALS}]{{1,3}})是"), "sentence"),
    ("第X", re.compile(rf"^第([{NUMERALS}]{{1,3}})(?:[，、：:]|\s)"), "sentence"),
    ("X是", re.compile(rf"^([{NUMERALS}]{{1,3}})是(?!否|不是)"), "sentence"),
    ("X要", re.compile(rf"^([{NUMERALS}]{{1,3}})要(?![素件求点])"), "sentence"),
    (
        "首先",
        re.compile(r"^(首先|其次|再就是|再是|再次|再者|最后)(?:是要|是|要|，|、|：)?"),
        "sentence",
    ),
    ("首先", re.compile(r"^[^。；：“”]{2,30}?，(首先)(?:是要|是|要|，)"), "sentence"),
    ("（X）", re.compile(rf"^[（(]([{NUMERALS}]{{1,3}})[）)]\s*"), "paragraph"),
    ("X、", re.compile(rf"^([{NUMERALS}]{{1,3}})、\s*"), "paragraph"),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]\s*"), "paragraph"),
    ("1.", re.compile(r"^(\d{1,2})(?:[.．、](?!\d)|\s)\s*"), "paragraph"),
    ("①", re.compile(rf"^([{_CIRCLED}])\s*"), "paragraph"),
)
_INTRO_HINT = re.compile(
    r"以下|如下|几个|几点|方面|方向|举措|任务|问题|措施|提法|[两三四五六七八九十]个|"
    r"[两三四五六七八九十]大|[：:]$"
)


@dataclass(frozen=True)
class Unit:
    """A sentence of body text or a whole heading, in article order."""

    text: str
    para: int
    section: str
    lines: tuple[int, ...]
    para_start: bool = False
    heading: bool = False


@dataclass
class FoundList:
    """A recovered list: its form, the units that open its entries, name and introduction."""

    form: str
    starts: list[int] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    name: str = ""
    intro: str | None = None
    outer: str = ""  # the label of the entry of another list this one sits inside


def _value(form: str, token: str) -> int:
    if form == "首先":
        return _SEQUENCE[token]
    if form == "①":
        return _CIRCLED.index(token) + 1
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return _CN.get(token, 0)
    if token[0] == "十":  # 十一 … 十九
        return 10 + _CN.get(token[1], 0)
    if len(token) == 2 and token[1] == "十":
        return _CN.get(token[0], 0) * 10
    return 0


def marker_of(unit: Unit) -> tuple[str, int, str] | None:
    """(form, number, rest) when the unit opens with a list marker allowed where it stands."""
    for form, pattern, where in _FORMS:
        if where == "paragraph" and not (unit.para_start or unit.heading):
            continue
        match = pattern.match(unit.text)
        if match:
            number = _value(form, match.group(1))
            if number:
                return form, number, unit.text[match.end() :].lstrip("，、：: ")
    return None


def find_lists(units: list[Unit], *, keep_across_sections: bool = False) -> list[FoundList]:
    """Every list of two or more entries numbered in order, each form followed on its own."""
    done: list[FoundList] = []
    open_runs: dict[str, FoundList] = {}
    for index, unit in enumerate(units):
        found = marker_of(unit)
        for form, run in list(open_runs.items()):
            last = units[run.starts[-1]]
            reach = 40 if keep_across_sections else 4
            stale = unit.para - last.para > reach and form not in ("（X）", "X、")
            moved = not keep_across_sections and _parent(unit.section) != _parent(last.section)
            if (stale or (moved and not (found and found[0] == form))) and not (
                found and found[0] == form and found[1] == run.numbers[-1] + 1
            ):
                done.append(open_runs.pop(form))
        if not found:
            continue
        form, number, _ = found
        run = open_runs.get(form)
        expected = run.numbers[-1] + 1 if run else 1
        gap = 2 if form in ("1.", "①") else 1  # PDF extraction drops an entry now and then
        if number == 1:
            if run:
                done.append(open_runs.pop(form))
            open_runs[form] = FoundList(
                form,
                [index],
                [1],
                outer="" if keep_across_sections else _outer(units, open_runs, index),
            )
        elif run and (expected <= number <= expected + gap - 1 or (form == "首先" and number > 1)):
            if run.numbers[-1] == 99:  # after 最后 nothing follows
                done.append(open_runs.pop(form))
                continue
            run.starts.append(index)
            run.numbers.append(number)
        elif run:
            done.append(open_runs.pop(form))
    done += open_runs.values()
    lists = [run for run in done if len(run.starts) >= 2]
    lists.sort(key=lambda run: run.starts[0])
    for run in lists:
        run.intro = _intro(units, run, strict=keep_across_sections)
        run.name = _name(units, run)
    return lists


def _parent(section: str) -> str:
    """The section a list lives in: headings that are themselves entries do not move it."""
    parts = section.split(" · ")
    return " · ".join(p for p in parts if not _HEADING_NUMBER.match(p))


_HEADING_NUMBER = re.compile(rf"^([{NUMERALS}]+、|[（(][{NUMERALS}]+[）)])")


def _outer(units: list[Unit], open_runs: dict[str, FoundList], index: int) -> str:
    """The label of the open entry of another list that a new list starts inside."""
    unit = units[index]
    best = None
    for run in open_runs.values():
        last = run.starts[-1]
        if unit.para - units[last].para <= 2:
            if best is None or last > best:
                best = last
    if best is None:
        return ""
    found = marker_of(units[best])
    return entry_label(found[2]) if found else ""


def entry_label(rest: str) -> str:
    """A short label to recall, in the entry's own words: its clauses while they stay short.

    Never cut inside an enumeration (、): 发展具有强大思想引领力、精神凝聚力… keeps its object.
    A first clause that only says how (依托…优势, 以…为导向) is not the measure: the clause
    after it is.
    """
    rest = rest.strip().rstrip("。；！？，、 ")
    if re.match(r"[^，；。]{0,30}，(特别是|尤其是|包括)", rest):
        # 科技创新能力，特别是…还不够强: not a subject alone
        first = re.split(r"[；：。:]", rest, maxsplit=1)[0].strip()
        first = re.split(r"，(?!特别是|尤其是|包括)", first, maxsplit=1)[0]
        return first if len(first) <= 40 or len(rest) <= 40 else rest
    # clauses as (start, end) spans of ``rest``, so a label is always one contiguous stretch
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^，；：。:]+", rest) if m.group().strip()]
    if len(spans) <= 1 or len(rest) <= 20:
        return rest
    if _MANNER.search(rest[slice(*spans[0])]):
        spans = spans[1:]
    start, end = spans[0]
    for s, e in spans[1:]:  # 大力推进数字产业化，发展新产业新业态新模式: one measure
        if e - start > LABEL_MAX or not _VERB_LED.match(rest[s:e]):
            break
        end = e
    return rest[start:end].strip()


LABEL_MAX = 24
# clauses that say how or on what basis, not what is done
_MANNER = re.compile(
    r"^(依托|以|通过|围绕|按照|根据|立足|面向|借助|利用|坚持以|着眼)|(为导向|为基础|为牵引|为目标|为抓手)$"
)
_VERB_LED = re.compile(
    r"^(大力|加快|积极|进一步|全面|深入|持续|充分|切实|着力|有效|不断)?"
    r"(发展|推进|推动|培育|建设|建立|完善|提升|提高|加强|加大|优化|创新|构建|打造|实施|深化|促进|增强|扩大|发挥|前瞻布局|布局)"
)


def _intro(units: list[Unit], run: FoundList, *, strict: bool = False) -> str | None:
    """The sentence introducing the list: just before its first entry, in its paragraph or
    ending in a colon or saying 以下/几个/方面…"""
    start = run.starts[0]
    if start == 0:
        return None
    counted = _announcing(units, run)
    if counted:
        return counted
    before, first = units[start - 1], units[start]
    if marker_of(before) or before.heading or first.heading:
        return None
    if strict:  # PDF columns interleave: only a short line that announces a list will do
        text = before.text.strip()
        if len(text) <= 30 and re.search(r"[：:]$", text):
            return text.rstrip("：:") or None
        return None
    if before.para == first.para or _INTRO_HINT.search(before.text.rstrip("。")):
        text = before.text.strip().rstrip("。；：:，")
        return text or None
    return None


def _announcing(units: list[Unit], run: FoundList) -> str | None:
    """A short line just above the list that announces its count (“5个加速”…, 九个重要提法)."""
    count = len(run.starts)
    words = {str(count), NUMERALS[count - 1] if count <= 10 else "", "两" if count == 2 else ""}
    pattern = re.compile("(" + "|".join(w for w in words if w) + r")(个|大|项|条|点|方面|句|种)")
    for index in range(run.starts[0] - 1, max(-1, run.starts[0] - 4), -1):
        unit = units[index]
        if marker_of(unit):
            return None
        text = unit.text.strip().rstrip("。；：:，")
        if len(text) <= 40 and pattern.search(text):
            return text
    return None


def _name(units: list[Unit], run: FoundList) -> str:
    """A name from the introducing sentence, else the heading the list sits under."""
    first = units[run.starts[0]]
    if run.intro:
        name = re.sub(r"^(具体而言|具体来说|总的来看|对此|因此|为此|其中|同时)，", "", run.intro)
        clauses = [c for c in re.split(r"[，；：]", name) if c]
        hinted = [c for c in clauses if _INTRO_HINT.search(c)]
        if len(name) <= 30 and (hinted or not run.outer):
            return name
        if run.outer:
            return run.outer
        return (hinted or clauses)[-1][:30]
    if run.outer:
        return run.outer
    heading = _heading_above(units, run)
    if heading:
        return heading
    if first.heading:  # the article's own top-level parts
        return f"全文的 {len(run.starts)} 个部分"
    label = entry_label(marker_of(first)[2]) if marker_of(first) else first.text[:12]
    return f"{label}等 {len(run.starts)} 项"


def _heading_above(units: list[Unit], run: FoundList) -> str:
    """The nearest heading above the list that is not one of its own entries."""
    entries = set(run.starts)
    own_form = run.form
    for index in range(run.starts[0] - 1, -1, -1):
        unit = units[index]
        if not unit.heading or index in entries:
            continue
        found = marker_of(unit)
        if found and found[0] == own_form:
            continue
        text = re.sub(rf"^([{NUMERALS}]+、|[（(][{NUMERALS}]+[）)]|\d+[.．])\s*", "", unit.text)
        return text.strip().rstrip("。：:")[:30]
    return ""
