"""Gate rules from the third examiner's review: blanks and stems that test nothing.

Each rule names a cause the review found (docs/questions.md, "质量检查会拦下什么"):
boilerplate blanks (用以, 一条, 重要保障), a blank whose visible sibling gives it away
(____、____、适宜), a sentence blanked almost whole, an "occasion" that is an era
(新中国成立后), a recitation of a list whose members
have aliases, a facet cloze another article words otherwise, and a choice stem that
repeats the key's own words (创新驱动实质是____ → 人才驱动).
"""

from __future__ import annotations

import re

from studycli.deck.model import Definition, Item, ListItem, Quote
from studycli.quiz.cloze import BLANK
from studycli.quiz.options import OptionPools
from studycli.quiz.question import Question

# Fillers and boilerplate: knowing them is knowing Chinese, not the point (examiner 3, C7).
BOILERPLATE = frozenset(
    "用以 一条 背景 台阶 明确要求 重要保障 重要支撑 彰显法治 加快形成 有效支撑 持久动力"
    " 进一步"
    # Time words, comparisons, function words and clichés (examiner 4): 因此____的人，与过去____
    # is filled by 今天/不同 as well; 一项____ is 系统工程 in any essay.
    " 当今世界 当今 如今 今天 过去 相比 在于 系统工程 尊重市场".split()
)
_PERIOD = re.compile(r"(成立|开放|以来|时期|年代)后?$|后$")
_NOT_WORD = re.compile(r"[\W_]+")
# Two-character words every stem and key share: no hint of the answer.
_COMMON = frozenset(
    "发展 新质 质生 生产 产力 创新 高质 质量 经济 推动 加快 建设 产业 科技 要素 技术".split()
)


def flags(q: Question, item: Item, pools: OptionPools) -> list[str]:
    """The reasons this question tests nothing or gives itself away; empty when fine."""
    out: list[str] = []
    if q.kind in ("cloze", "choice") and BLANK in q.prompt:
        for blank in q.blanks or (q.answer,):
            if _key(blank) in BOILERPLATE:
                out.append(f"空格“{blank}”是套话或虚词,考不出要点")
        sibling = _visible_sibling(q.prompt, q.blanks or (q.answer,))
        if sibling:
            out.append(f"空格旁的“{sibling}”与空格同一个字打头,一看便知")
    if q.kind == "cloze" and len(q.blanks) >= 3 and ":" not in q.prompt:
        # 新质生产力的特征:____、____、____ names what is asked; ____是生产力____、____的要素 not.
        shown = len(_key(q.prompt.replace(BLANK, "")))
        if sum(len(_key(b)) for b in q.blanks) > shown:
            out.append("一句话几乎全空,缺少判断所问内容的语境")
    if q.kind == "source" and q.id.endswith(":occasion") and isinstance(item, Quote):
        if item.occasion and is_period(item.occasion):
            out.append(f"“{item.occasion}”是一个时期而非场合,凭年代即可猜出")
    if q.kind == "recite" and isinstance(item, ListItem):
        aliased = [e.label for e in item.entries if len(pools.aliases(e.label)) > 1]
        if aliased:
            out.append(f"“{aliased[0]}”有别名(glossary),逐字默写会把另一篇文章的说法判错")
    if q.kind == "cloze" and isinstance(item, Definition) and ":facet-" in q.id:
        name = q.id.rsplit(":facet-", 1)[-1].split("-")[0]
        facet = next((f for f in item.facets if f.name == name), None)
        if facet and pools.other_wordings(item.term, facet.name, facet.text):
            out.append("另一篇文章对同一方面有另一种说法,填空无法判定要哪一句")
    if q.kind == "choice" and BLANK in q.prompt and _stem_repeats_key(q):
        out.append(f"题干重复了答案“{q.answer}”中的词,其他选项都没有,一看便知")
    named = _facet_word_in_key(q)
    if named:
        out.append(f"所问方面“{named}”只出现在答案里,其他选项都没有,一看便知")
    return out


def is_period(occasion: str) -> bool:
    """An era, not an occasion: 新中国成立后, 改革开放后."""
    return bool(_PERIOD.search(occasion))


def _visible_sibling(prompt: str, blanks: tuple[str, ...]) -> str | None:
    """A 、-series where a shown member opens like a blanked one (适时、适度 beside 适宜)."""
    for blank in blanks:
        if len(_key(blank)) != 2:
            continue  # 适时 beside 适宜 is half given; 高科技 beside 高效能 still asks 科技
        for match in re.finditer(f"{re.escape(BLANK)}、|、{re.escape(BLANK)}", prompt):
            around = prompt[max(0, match.start() - 6) : match.end() + 6]
            for word in re.split(f"[、，,。；;地的]|{re.escape(BLANK)}", around):
                word = _key(word)
                if 2 <= len(word) <= 3 and word[0] == blank[0] and word != _key(blank):
                    return word
    return None


def _stem_repeats_key(q: Question) -> bool:
    """The stem shares a telling two-character word (or a longer run) with the key only."""
    stem = _key(q.prompt.replace(BLANK, "|"))

    def pairs(text: str) -> set[str]:
        text = _key(text)
        return {text[i : i + 2] for i in range(len(text) - 1)} - _COMMON

    key_pairs = {p for p in pairs(q.answer) if p in stem}
    key = _key(q.answer)
    runs = any(
        key[i : i + 3] in stem and not {key[i : i + 2], key[i + 1 : i + 3]} <= _COMMON
        for i in range(len(key) - 2)
    )
    if len(key_pairs) < 2 and not runs:
        return False  # one shared word (要素, 能力) says little
    others = [o for o in q.options if o != q.answer]
    if not any(pairs(o) & key_pairs for o in others):
        return True
    # 推动____、新型生产关系逐步形成 → 旧有生产关系逐步瓦解: the distractors share 生产关系,
    # but only the key mirrors 逐步 as well (examiner 3, C2).
    shared = set().union(*(pairs(o) for o in others))
    return len(key_pairs - shared) >= 2


def _facet_word_in_key(q: Question) -> str | None:
    """理论贡献 → 进一步创新和发展了马克思主义生产力理论: the facet's own word is in the key
    and in no distractor (examiner 3)."""
    if q.kind != "choice" or ":facet-" not in q.id:
        return None
    name = _key(q.id.rsplit(":facet-", 1)[-1])
    key = _key(q.answer)
    others = [_key(o) for o in q.options if o != q.answer]
    for i in range(len(name) - 1):
        word = name[i : i + 2]
        if word not in _COMMON and word in key and not any(word in o for o in others):
            return word
    return None


def _key(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())
