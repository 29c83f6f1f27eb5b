"""How much a mixed session wants a question that passed the gate (``Question.weight``).

Core points (definitions, 金句, frameworks) weigh 1.0–1.2; statistics, regional
practice, speaker questions, order trivia, give-away options and texts too long to
type far less. The helpers below are shared with the gate (quiz/quality.py).
"""

from __future__ import annotations

import re

from studycli.deck.model import Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.cloze import BLANK
from studycli.quiz.question import Question
from studycli.text import Keywords, is_figure

REGIONAL_TOPICS = frozenset({"区域与实践"})
ORDINAL = re.compile(r"第\d+项")
_NOT_WORD = re.compile(r"[\W_]+")


def question_weight(q: Question, item: Item, keywords: Keywords) -> float:
    """Core points 1.0–1.2; statistics, regional practice and long lists far less."""
    weight = 1.0
    if REGIONAL_TOPICS & set(item.topics):
        weight *= 0.2
    if _names_speaker(q, item):
        # 马克思/毛泽东/邓小平 against a quote on 新质生产力: the era gives it away.
        weight *= 0.1
    if q.kind == "multi" and (_shared_word_giveaway(q) or _all_wrong_unlike(q)):
        weight *= 0.3
    if isinstance(item, Fact):
        weight *= 0.5
        if any(ch.isdigit() for ch in q.answer) or q.kind == "judge":
            weight *= 0.4
    elif isinstance(item, (Definition, Quote, Framework)):
        weight *= 1.2
    if q.kind == "judge" and isinstance(item, ListItem):
        weight *= 0.4  # "X 包括 Y": mostly guessed from the list's name (my review)
    if q.kind == "cloze" and ":entry-" in q.id and len(_light_key(q.answer)) <= 3:
        # ____信息技术 → 新一代: a sliver of a short entry (examiner review 3).
        entry = q.prompt.rsplit(":", 1)[-1]
        if len(_light_key(entry.replace(BLANK, ""))) + len(_light_key(q.answer)) <= 8:
            weight *= 0.3
    if q.kind == "belongs" and 0 < len(q.options) < 3:
        weight *= 0.3  # 一核 or 两翼: a coin flip (examiner 3)
    if q.kind == "belongs" and _shares_pair(q.prompt, q.answer, q.options):
        weight *= 0.3  # 人才 in the point and only in the key: half given away (examiner 2)
    if q.kind in ("choice", "cloze") and ORDINAL.search(q.prompt):
        weight *= 0.3  # 第几项 of a list whose order carries little meaning
    if q.kind == "cloze" and not isinstance(item, Quote):
        # 人工智能、量子技术、____等: one of an open enumeration, any other member fits too.
        if any(_in_open_enumeration(part) for part in _one_blank_prompts(q.prompt)):
            weight *= 0.3
    if q.kind == "cloze":
        key = keywords.all()
        plain = [b for b in q.blanks if b not in key and not is_figure(b)]
        if plain:
            weight *= 0.5
        if not isinstance(item, Quote) and len(plain) == len(q.blanks) and q.blanks:
            if all(len(_light_key(b)) <= 2 for b in plain):
                weight *= 0.4  # 塑造、未来 / 释放、驱动: everyday words, not the point
    long_parts = q.kind == "list" and (
        sum(map(len, q.expected)) > 24 or max(map(len, q.expected)) > 8
    )
    long_term = q.kind == "term" and len(q.expected) == 1 and len(q.answer) > 12
    if long_parts or long_term or (q.kind == "recite" and len(_light_key(q.answer)) > 40):
        weight *= 0.4  # too long to type in a session; fine for the curator's review
    if q.options and q.kind in ("choice", "multi") and not _plausible(q):
        weight *= 0.5
    return weight


def _plausible(q: Question) -> bool:
    """Some wrong option looks like a right one.

    It ends alike, or shares a two-character word with a right one, or (for short
    answers such as 技术 or 新模式) shares any character but 的.
    """
    ends = {x[-1:] for x in q.expected}
    pairs = {x[i : i + 2] for x in q.expected for i in range(len(x) - 1)}
    chars = {ch for x in q.expected if len(x) <= 5 for ch in x} - {"的", "和", "与"}
    return any(
        o[-1:] in ends or any(o[i : i + 2] in pairs for i in range(len(o) - 1)) or set(o) & chars
        for o in q.options
        if o not in q.expected
    )


def _pairs(text: str) -> set[str]:
    key = _light_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


def _like(option: str, right: str) -> bool:
    """Same last character, a shared two-character word, or (short answers) any character."""
    if option[-1:] == right[-1:] or _pairs(option) & _pairs(right):
        return True
    return len(right) <= 3 and bool(set(option) & set(right) - {"的", "和", "与"})


def _all_wrong_unlike(q: Question) -> bool:
    """No wrong option of a multi looks like any right one (人工智能 among 五个方面)."""
    wrong = [o for o in q.options if o not in q.expected]
    return bool(wrong) and not any(_like(o, r) for o in wrong for r in q.expected)


def _names_speaker(q: Question, item: Item) -> bool:
    """A 出处 question on who said it (not where), or a judge that swaps the speaker."""
    if not isinstance(item, Quote):
        return False
    if q.kind in ("source", "multi") and q.id.endswith(":speaker"):
        return True
    return q.kind == "judge" and "场合" not in q.prompt and "”出自" in q.prompt


def _shared_word_giveaway(q: Question) -> bool:
    """Every right option shares a word (劳动, 第一) that no wrong one has."""

    wrong = [o for o in q.options if o not in q.expected]
    if len(q.expected) < 2 or not wrong:
        return False
    common = set.intersection(*(_pairs(x) for x in q.expected))
    return any(not any(word in _light_key(o) for o in wrong) for word in common)


def _one_blank_prompts(prompt: str) -> list[str]:
    """The prompt once per blank, with only that blank left (the others filled with X)."""
    pieces = prompt.split(BLANK)
    out = []
    for n in range(1, len(pieces)):
        before = "X".join(pieces[:n])
        after = "X".join(pieces[n:])
        out.append(before + BLANK + after)
    return out


def _in_open_enumeration(prompt: str) -> bool:
    """The blank is one item of a 、-list that the text leaves open with 等."""
    at = prompt.find(BLANK)
    if at < 0:
        return False
    before, after = prompt[:at], prompt[at + len(BLANK) :]
    clause_after = re.split("[，。；,;:：!?！？]", after, maxsplit=1)[0]
    listed = before.endswith("、") or after.startswith("、")
    return listed and "等" in clause_after


# Two-character words the deck's points and labels all share: no hint of which one.
_COMMON_PAIRS = frozenset(
    "发展 新质 质生 生产 产力 创新 高质 质量 经济 推动 加快 建设"
    " 产业 技术 科技 体系 机制 数据 要素".split()
)


def _shares_pair(prompt: str, answer: str, options: tuple[str, ...]) -> bool:
    """The point in the stem shares a telling two-character word with the key only."""
    point = prompt.split("”", 1)[0]

    def pairs(text: str) -> set[str]:
        return {text[i : i + 2] for i in range(len(text) - 1)} - _COMMON_PAIRS

    shown = pairs(point)
    return bool(pairs(answer) & shown) and not any(pairs(o) & shown for o in options if o != answer)


def _light_key(text: str) -> str:
    """answer_key without script conversion: the deck's own texts are simplified already."""
    return _NOT_WORD.sub("", text.casefold())
