"""Facts an examiner would set: one figure (two at most) with its unit and the clause it
belongs to, headline figures first, local and trivial counts left out.

A sentence of a government report can hold five figures; asked together they make a
three-blank cloze nobody can answer. Each figure is drafted with the clause that says what
it measures (国内生产总值增长5%左右); a clause with no time of its own is written after
the lead or heading that gives it one (今年发展主要预期目标：…; 2024年工作回顾：…), so that a
判断 on it says whose figure it is. What is left out is counted in the draft's ``skipped``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studycli.importer.sentences import FIGURE, Sentence, strip_end

# Figures an examiner asks about: targets, national aggregates.
_HEADLINE = re.compile(
    r"预期目标|目标|左右|以上|国内生产总值|GDP|赤字|国债|专项债|失业率|新增就业|居民消费价格|"
    r"粮食产量|研发经费|外汇储备|城镇化率|能耗|一般公共预算|数字经济|全社会|全国|全年|首次|"
    r"占.{0,12}比重|覆盖率|贡献率"
)
# A place below the nation: a regional figure is the "北京市设立500亿元____".
_REGIONAL = re.compile(
    r"[\u4e00-\u9fff]{1,4}(?:省|市|县|自治区)(?!场)|北京|上海|天津|重庆|深圳|广东|山东|浙江|"
    r"江苏|福建|湖北|湖南|河南|河北|四川|安徽|黑龙江|吉林|辽宁|陕西|山西|云南|贵州|广西|江西|"
    r"海南|甘肃|青海|宁夏|新疆|西藏|内蒙古|诸暨|杭州|苏州|合肥|成都|武汉|西安"
)
_PLACEHOLDER = re.compile(r"20XX|XX年|[□�]")
# Units whose small counts are trivia (30元, 1个, 3度, 19件), not knowledge.
_SMALL_UNITS = ("元", "个", "度", "件", "项", "名", "次", "家", "所", "座", "户", "台", "条", "天",
                "小时", "岁", "款", "人次", "倍", "斤")  # fmt: skip
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LEAD = re.compile(r"^([^：:，。“”]{2,16}?)(?:是|为|有)?[：:]")
# a clause that starts like this needs the clause before it to say what it measures
_PURPOSE = re.compile(r"^(?:支持|用于|专项用于|主要用于|重点支持)")
_DEPENDENT = re.compile(
    r"^(?:比上年|比去年|同比|增长|下降|提高|降低|增加|减少|达到|其中|占|约|超过|规模|总量|总额)"
)

_WHEN = re.compile(r"今年|去年|明年|\d{4}年|“十[一二三四五六七八九]五”")
_GROWTH = re.compile(r"(?:增长|下降|增加|减少)了?$")
_CHANGE = re.compile(r"(?:比上年|比去年|同比)[\u4e00-\u9fff]{0,4}$")

MAX_FACTS = 20


@dataclass(frozen=True)
class FactDraft:
    """A fact to draft: the clause (with its context), its figures, a subject, its score."""

    text: str
    figures: tuple[str, ...]
    subject: str | None
    score: int
    sentence: Sentence


def trivial_figure(figure: str) -> bool:
    """A small count with no magnitude (30元, 1个, 3度, 19件): trivia, or a unit the quiz
    cannot make same-unit wrong options for."""
    if re.search(r"[万亿千]", figure):
        return False
    number = _NUMBER.match(figure)
    unit = figure[number.end() :].lstrip("多余") if number else ""
    return unit in _SMALL_UNITS and number is not None and float(number.group()) < 100


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence at ，and ；, keeping brackets and quotations whole; a part
    after 、 that names what its own figure measures is a clause too (城镇新增就业1256万人、
    城镇调查失业率平均为5.1%), one that does not stays (达到134.9万亿元、增长5%)."""
    out, buf, depth = [], [], 0
    for ch in text:
        if ch in "（(“":
            depth += 1
        elif ch in "）)”":
            depth = max(0, depth - 1)
        if ch in "，；" and depth == 0:
            out.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    out.append("".join(buf))
    clauses = []
    for clause in (c.strip() for c in out):
        parts = clause.split("、")
        pieces = [parts[0]]
        for part in parts[1:]:
            figure = FIGURE.search(part)
            own = figure and len(re.findall(r"[\u4e00-\u9fff]", part[: figure.start()])) >= 4
            if own and FIGURE.search(pieces[-1]) and not _DEPENDENT.match(part):
                pieces.append(part)
            else:
                pieces[-1] += "、" + part
        clauses += [p for p in pieces if p]
    return clauses


def _han_before(clause: str, figure: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", clause[: clause.find(figure)]))


_AFTER = re.compile(r"左右|以上|以下|以内|多")


def qualified(unit: str, figure: str) -> str:
    """A one-digit figure as the text qualifies it: 5%左右, 超过3%. The quiz never blanks a
    one-character figure (the core of 3% is 3), so a cloze on 能耗降低3%左右 blanked 单位 and
    降低 and left the figure showing. Longer figures stay bare: their choice options come
    from the deck's figures of the same unit, and 87%左右 would be the only one of its kind.
    The bare figure is graded as the same answer (``bare_of``)."""
    if unit.count(figure) != 1 or len(re.sub(r"\D", "", figure)) != 1:
        return figure
    after = _AFTER.match(unit, unit.find(figure) + len(figure))
    if after:
        return figure + after.group()
    if unit[: unit.find(figure)].endswith("超过"):
        return "超过" + figure
    return figure


def bare_of(figure: str) -> str:
    """The figure without the words ``qualified`` added to it."""
    return re.sub(rf"^超过|(?:{_AFTER.pattern})$", "", figure)


def facts_of(sentence: Sentence, lead: str | None, section_context: str | None) -> list[FactDraft]:
    """The facts of one sentence, one per clause that holds a figure worth asking."""
    text = strip_end(sentence.text)
    if "“" in text or _PLACEHOLDER.search(text):
        return []
    head = _LEAD.match(text)
    if head and not FIGURE.search(head.group(1)):
        lead, text = head.group(1), text[head.end() :]
    clauses = _clauses(text)
    out = []
    for index, clause in enumerate(clauses):
        figures = list(dict.fromkeys(FIGURE.findall(clause)))
        if not figures:
            continue
        unit = clause
        if index and (_han_before(clause, figures[0]) < 2 or _DEPENDENT.match(clause)):
            unit = f"{clauses[index - 1]}，{clause}"
            if FIGURE.search(clauses[index - 1]):
                continue  # its figure is asked with the clause before; this one is context
        purpose = clauses[index + 1] if index + 1 < len(clauses) else ""
        if _PURPOSE.match(purpose) and not FIGURE.search(purpose) and len(unit + purpose) < 50:
            unit = f"{unit}，{purpose}"  # 拟发行特别国债5000亿元，支持…补充资本: what it is for
        said_so_far = text[: text.find(clause) + len(clause)]  # 广东省提出…，培育100万名…
        if "分别" in unit or _REGIONAL.search(said_so_far):
            out.append(FactDraft(unit, tuple(figures), None, -9, sentence))  # counted, not kept
            continue
        kept = tuple(f for f in figures if not trivial_figure(f))
        if len(kept) > 1:  # 比上年增加1.6万亿元 is context to the figure it changes
            kept = tuple(f for f in kept if not _CHANGE.search(unit[: unit.find(f)])) or kept
        kept = tuple(qualified(unit, f) for f in kept[:2])
        if not kept or len(unit) > 60:
            out.append(FactDraft(unit, tuple(figures), None, -9, sentence))
            continue
        context = lead or section_context
        asked_after = unit[: unit.find(kept[0].removeprefix("超过"))]
        if not context and _GROWTH.search(asked_after) and not _WHEN.search(unit):
            # 数字经济核心产业增加值增长73.8%: growth over which period? nobody can tell
            out.append(FactDraft(unit, tuple(figures), None, -9, sentence))
            continue
        score = (2 if _HEADLINE.search(unit) or (lead and _HEADLINE.search(lead)) else 0) + (
            1 if re.search(r"[万亿]|%|百分点", "".join(kept)) else 0
        )
        if re.search(r"预期目标|拟|左右", (lead or "") + unit):
            score += 1  # this year's targets before last year's results
        if "惠及" in unit or "人次" in "".join(kept):
            score -= 1
        if context and (context in unit or len(context) > 12 or _WHEN.search(unit)):
            context = None
        # the context is written into the text, so that every question on it (a 判断 too)
        # says whose figure it is: 今年发展主要预期目标：城镇调查失业率5.5%左右
        text_of = f"{context}：{unit}" if context else unit
        out.append(FactDraft(text_of, kept, None, score, sentence))
    return out


def select_facts(
    sentences: list[Sentence], used: set[int], others: int, contexts
) -> tuple[list[FactDraft], int]:
    """Facts worth drafting from the unused sentences, at most ``MAX_FACTS``: every headline
    figure, then others while facts stay under half of the other items. Returns the facts in
    article order and how many candidates were left out."""
    candidates: list[FactDraft] = []
    lead, lead_para = None, -1
    for index, sentence in enumerate(sentences):
        if sentence.para != lead_para:
            lead, lead_para = None, sentence.para
        head = _LEAD.match(sentence.text)
        this_lead = head.group(1) if head and not FIGURE.search(head.group(1)) else lead
        if index not in used:
            candidates += facts_of(sentence, this_lead, contexts(sentence))
        # a lead ("预期目标是：") carries over the ；-separated parts of its sentence
        lead = this_lead if sentence.text.endswith("；") else None
    seen: set[str] = set()
    targets: set[tuple[str, ...]] = set()
    unique = []
    for fact in candidates:  # 城镇调查失业率5.5%左右 is stated, then explained
        clause = fact.text.rsplit("：", 1)[-1]
        # 经济增长预期目标为5%左右 restates 国内生产总值增长5%左右 of the targets above it
        target = fact.figures if "目标" in fact.text and fact.score >= 0 else None
        if clause not in seen and target not in targets:
            seen.add(clause)
            if target:
                targets.add(target)
            unique.append(fact)
    candidates = unique
    ranked = sorted(range(len(candidates)), key=lambda i: (-candidates[i].score, i))
    room = max(8, others // 2)  # a study pack of figures (04) still gets a quiz's worth
    keep = []
    for i in ranked:
        fact = candidates[i]
        if len(keep) >= MAX_FACTS or (fact.score < 2 and len(keep) >= room) or fact.score < 0:
            continue
        keep.append(i)
    keep = _without_lone_units([candidates[i] for i in keep], keep)
    return [candidates[i] for i in sorted(keep)], len(candidates) - len(keep)


def unit_of(figure: str) -> str:
    """The unit a figure is counted in: 万人 of 1256万人, % of 超过3%."""
    return re.sub(r"[\d.,]+", "", bare_of(figure))


def _without_lone_units(facts: list[FactDraft], indices: list[int]) -> list[int]:
    """Minor facts whose figures are the only ones of their unit (168人 among percentages)
    left out: a choice on them can only offer other units (which give the answer away) or
    made-up multiples. Headline facts stay whatever their unit."""
    values: dict[str, set[str]] = {}
    for fact in facts:
        for figure in fact.figures:
            values.setdefault(unit_of(figure), set()).add(bare_of(figure))
    return [
        index
        for fact, index in zip(facts, indices, strict=True)
        if fact.score >= 2 or any(len(values[unit_of(f)]) > 1 for f in fact.figures)
    ]
