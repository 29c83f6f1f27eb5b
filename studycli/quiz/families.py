"""Typed distractor pools: an option must be of the key's own family and shape.

An examiner's wrong options are things a student could pick: another chain for a chain
(供应链 for 产业链), another -化 for a -化, another measure for a measure, another
problem for a problem. A measure among industries or a question among noun phrases is
ruled out at a glance (examiner review 2, W1). So:

- a list's entries share a *mark* when every one of them holds the same text (链, 化,
  跨, 更, 改革, 创新, 是第一): a distractor must hold it too;
- otherwise a list's *family* is the class of what it names (举措, 问题, 目标, 产业 …),
  and distractors come only from lists and framework roles of the same family;
- every distractor has the key's *shape* (a figure, a question form, a verb phrase or a
  noun phrase) and a length near the right options'.

When no such distractor exists the question is not made: a fair question or none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from studycli.text import is_punctuation

# Heads of lists and roles that name the same class of thing, so that their entries
# are each other's distractors (what a list "names": head_of of its name).
_FAMILIES = {
    "action": (
        "举措",
        "措施",
        "方面",
        "任务",
        "方向",
        "主要方向",
        "具体举措",
        "三点",
        "加快",
        "改革",
        "途径",
        "路径",
        "环节",
    ),
    # Before problem: 基本理论问题 names a concept's facets (特征, 本质), not problems.
    "theory": ("理论问题", "实践问题"),
    "slogan": ("提法",),
    "problem": ("问题", "因素", "短板", "难题", "障碍", "基本问题"),
    "goal": ("目标", "大事", "件大事"),
    "industry": ("产业", "领域", "技术", "增长点", "基础设施", "未来产业", "战略性新兴产业"),
    "element": ("要素", "构成要素"),
    "talent": ("人才",),
}
# Verbs an action phrase opens with: 加快…, 推动…, 完善…
_VERBS = (
    "加快 加强 加大 推动 推进 完善 健全 强化 构建 深化 培育 建设 提升 促进 实施 打造 坚持"
    " 优化 避免 引导 重视 告别 摆脱 符合 抢占 蓄积 掌握 增强 改造 布局 取得 占据 赢得 提高"
    " 营造 形成 实现 发挥 支持 创新 引进 发展 围绕 走好 消除 激发 聚焦 瞄准 以"
).split()
_QUESTION = re.compile("谁|哪|如何|什么|怎样|怎么")
_DIGIT = re.compile(r"\d")
# Marks too common to type anything: every third label ends in 展 or holds 发展.
_WEAK_MARKS = frozenset("的 和 与 及 、 发展 产业 新 展 业 质 生产力".split())


def family_of(head: str) -> str:
    """The class a list or role head names (具体举措 → action), or the head itself."""
    for family, heads in _FAMILIES.items():
        if any(head.endswith(h) for h in heads):
            return family
    return head


@functools.lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """figure, question, verbal or noun: what kind of phrase an option is."""
    if _DIGIT.search(text):
        return "figure"
    if _QUESTION.search(text):
        return "question"
    if text.startswith(tuple(_VERBS)) and len(text) >= 4:
        return "verbal"
    return "noun"


def common_mark(labels: Sequence[str]) -> str:
    """What every label of a list holds: a shared first or last character (跨, 链),
    or a shared word of two or more characters anywhere (改革, 是第一); else ""."""
    labels = [_bare(x) for x in labels if _bare(x)]
    if len(labels) < 2:
        return ""
    first = min(labels, key=len)
    for size in range(len(first), 1, -1):
        for start in range(len(first) - size + 1):
            piece = first[start : start + size]
            if piece not in _WEAK_MARKS and all(piece in x for x in labels):
                return piece
    if all(x[-1] == first[-1] for x in labels) and first[-1] not in _WEAK_MARKS:
        return first[-1]
    if all(x[0] == first[0] for x in labels) and first[0] not in _WEAK_MARKS:
        return first[0]
    return ""


def fits(candidate: str, rights: Sequence[str], mark: str = "") -> bool:
    """A distractor of the right options' family: the list's mark, their shape, a near length."""
    bare = _bare(candidate)
    if not bare or not rights:
        return False
    if mark and not _marked(bare, mark, rights):
        return False
    shapes = {shape(_bare(r)) for r in rights}
    if shape(bare) not in shapes:
        return False
    lengths = [len(_bare(r)) for r in rights]
    low, high = min(lengths), max(lengths)
    return max(1, low // 2) <= len(bare) <= max(high * 3 // 2, high + 3)


def _marked(text: str, mark: str, rights: Sequence[str]) -> bool:
    """The text holds the mark where every right option does: 供应链 ends in 链 as 产业链 does."""
    keys = [_bare(r) for r in rights]
    if all(k.endswith(mark) for k in keys):
        return text.endswith(mark)
    if all(k.startswith(mark) for k in keys):
        return text.startswith(mark)
    return mark in text


def looks_like(candidate: str, key: str) -> bool:
    """Of the key's kind by its words: the same last character (信息革命 / 工业革命), or a
    shared two-character word (绿色低碳 / 绿色生产力)."""
    a, b = _bare(candidate), _bare(key)
    if not a or not b:
        return False
    if a[-1] == b[-1] and a[-1] not in _WEAK_MARKS:
        return True
    pairs = {b[i : i + 2] for i in range(len(b) - 1)} - _COMMON_PAIRS
    pairs = {p for p in pairs if "的" not in p}  # 力的 tells nothing
    return any(a[i : i + 2] in pairs for i in range(len(a) - 1))


# Modifiers that leave a phrase saying the same: 重要保障 may be what 坚实体制保障 is.
_GENERIC = ("重要", "坚实", "有力", "强大", "基本", "根本", "主要", "有效", "强劲", "良好")


def may_mean_the_same(candidate: str, key: str) -> bool:
    """A generic modifier on the key's own head word (重要保障 / 坚实体制保障): also right."""
    a, b = _bare(candidate), _bare(key)
    if len(a) == len(b) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return True  # 新质生产工具 / 新型生产工具: one character apart says the same
    return len(a) >= 3 and a[-2:] == b[-2:] and a[:-2] in _GENERIC


# Two-character words too common to show two phrases are of a kind.
_COMMON_PAIRS = frozenset(
    "发展 新质 质生 生产 产力 创新 高质 质量 经济 推动 加快 建设 技术".split()
)


def shares_run(candidate: str, rights: Sequence[str], size: int = 4) -> bool:
    """A candidate sharing ``size`` characters in a row with a right option says the same
    (蓄积发展新动能 beside 形成经济发展新动能)."""
    bare = _bare(candidate)
    keys = [_bare(r) for r in rights]
    return any(bare[i : i + size] in key for key in keys for i in range(len(bare) - size + 1))


def same_subject(a: str, b: str, size: int = 6) -> bool:
    """Two list names about one subject (推动新质生产力加快发展的五个加快 / 五项具体举措):
    the members of one may be said of the other."""
    a, b = _bare(a), _bare(b)
    return any(a[i : i + size] in b for i in range(len(a) - size + 1))


@functools.lru_cache(maxsize=65536)
def _bare(text: str) -> str:
    return "".join(ch for ch in text if not is_punctuation(ch) and not ch.isspace())


_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words after a blank that leave its slot open (____的变革, ____是), and before one (是____).
_OPEN_AFTER = "的是和与在及"
_OPEN_BEFORE = "是为的在了"
_CLAUSE_END = "。，,；;”：:！？!?"


def slot_filter(prompt: str, blank: str, answer: str):
    """What a distractor must be to fit the blank's slot, or None when any noun phrase does.

    - glued to the word after (____革命, ____大幅提升, ____优势) or the object of a verb
      (提供____。): the key's own head character or its first two characters (新型举国体制
      among 新型研发机构), else only the key reads as Chinese (examiner 4: 社会主义 among
      未来产业 for ____革命; 坚实体制保障 among 经济体制 after 提供);
    - an item of a 、 enumeration of short words (绿色、____、泛在): the key's length and head.
    """
    at = prompt.find(blank)
    if at < 0 or not answer:
        return None
    before, after = prompt[:at], prompt[at + len(blank) :]
    if before.endswith("、") or after.startswith("、"):
        if len(answer) > 3:
            return None
        return lambda c: len(c) == len(answer) and c[-1:] == answer[-1:]
    glued = bool(_HAN.match(after[:1])) and after[:1] not in _OPEN_AFTER
    verb = (
        (not after or after[:1] in _CLAUSE_END)
        and bool(_HAN.match(before[-1:]))
        and before[-1:] not in _OPEN_BEFORE
    )
    if not (glued or verb):
        return None
    return lambda c: c[-1:] == answer[-1:] or c[:2] == answer[:2]


# Two-character words so common in the deck that sharing one says nothing.
_PLAIN_WORDS = frozenset(
    "发展 新质 质生 生产 产力 创新 高质 质量 经济 推动 加快 建设 产业 科技 要素 技术"
    " 体系 能力 水平 工作 形成 推进 培育 提升 现代 代化 进一 一步".split()
)


def telling_words(text: str) -> set[str]:
    """The two-character runs of a text, less the deck's commonest words: a false item or
    a distractor sharing one with a list's entry may be that entry in other words."""
    bare = re.sub(r"[\W_]+", "", text)
    return {bare[i : i + 2] for i in range(len(bare) - 1)} - _PLAIN_WORDS
