"""Gate rules from the final examiner's review: questions a written answer cannot settle.

- A free-text 名词 question on an evaluative facet (地位, 角色, 作用…): the articles give the
  same subject several standings (企业: 最具活力的科技创新主体, 创新主体, 最重要参与者和最
  有力推动者; 高质量发展: 新时代的硬道理, 首要任务). As a choice the options settle which
  one is meant, so only the written form is held back.
- A blank that swallows a predicate the deck completes otherwise: 发展新质生产力____ keyed
  关键在创新, while the definition says 关键在质优.
- Two blanks side by side whose keys cut the shared words differently: 必将带来____、____
  keyed 发展方式 / 生产方式的变革 (的变革 belongs to both).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from studycli.quiz.cloze import BLANK
from studycli.quiz.contested import EVALUATIVE
from studycli.quiz.question import Question

# contested.EVALUATIVE's facets, less 关系 (contested settles it against the rival wording)
# and with 要求 (高层次、高质量 is one of several).
WRITTEN_OPEN = frozenset(EVALUATIVE) - {"关系"} | {"要求"}
# Predicate leads, longest first: what follows them is the point being asked.
LEADS = tuple(
    sorted(
        "关键在于 关键在 关键是 本质是 本质在于 实质是 特点是 核心是 核心在于 根本在于 "
        "重点是 重点在 目的是".split(),
        key=len,
        reverse=True,
    )
)
_LEAD = re.compile("|".join(map(re.escape, LEADS)))  # longest first: 关键在于 before 关键在


class OpenAnswers:
    """Built once per deck from its sentences; asked per question."""

    def __init__(self, sentences: Iterable[str]):
        self.after: dict[str, set[str]] = defaultdict(set)
        for sentence in sentences:
            for match in _LEAD.finditer(sentence):
                rest = sentence[match.end() : match.end() + 2]
                if len(rest) == 2:
                    self.after[match.group()].add(rest)

    def flags(self, q: Question) -> list[str]:
        """The reasons a written answer cannot settle this question; empty when fine."""
        out: list[str] = []
        if q.kind == "term" and ":facet-" in q.id:
            name = q.id.rsplit(":facet-", 1)[-1].split("-")[0]
            if name in WRITTEN_OPEN:
                out.append(f"“{name}”是评价,原文对同一对象常有几种说法,写答案的题无法判定要哪一种")
        if q.kind == "cloze":
            for blank in q.blanks:
                lead = next((x for x in LEADS if blank.startswith(x)), None)
                rest = blank[len(lead) : len(lead) + 2] if lead else ""
                if lead and self.after[lead] - {rest}:
                    other = sorted(self.after[lead] - {rest})[0]
                    out.append(f"空格吞下了“{lead}…”,题库里另有“{lead}{other}…”的说法")
            if _uneven_pair(q):
                out.append("并列的两个空,答案切分不一致(一个带“的…”,一个不带)")
        return out


def _uneven_pair(q: Question) -> bool:
    """Two blanks joined by 、 whose keys end differently: 发展方式 / 生产方式的变革."""
    pieces = q.prompt.split(BLANK)
    if len(pieces) != len(q.blanks) + 1:
        return False
    for index in range(1, len(pieces) - 1):
        if pieces[index] in ("、", "，", ","):
            a, b = q.blanks[index - 1], q.blanks[index]
            if ("的" in a[2:]) != ("的" in b[2:]):
                return True
    return False
