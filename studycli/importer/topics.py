"""Topics and key terms for drafted items: a topic from each item's section, one from the
key terms it mentions, and the glossary candidates themselves."""

from __future__ import annotations

import dataclasses
import re

from studycli.deck.model import Definition, Item
from studycli.deck.schema import fold_name
from studycli.importer.cleaning import Cleaned
from studycli.importer.keywords import extract_keywords

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章节部分]?)\s*"
)


def builtin_topics() -> dict[str, str]:
    """Folded names and aliases of the built-in deck's topics → their names; empty when the
    built-in deck cannot be loaded (drafting does not depend on it)."""
    from studycli.deck.loader import content_paths, load_deck
    from studycli.errors import StudyError

    try:
        deck = load_deck(content_paths((), builtin=True))
    except StudyError:
        return {}
    return {fold_name(n): t.name for t in deck.topics for n in (t.name, *t.aliases)}


def section_topic(section: str, fallback: str) -> str:
    """A topic name from an item's section: its deepest heading without numbering, short."""
    parts = [p for p in section.split(" · ") if p and p != "导言"]
    if not parts:
        return fallback
    name = _NUMBERING.sub("", parts[-1]).strip("【】 ")
    name = re.sub(r"[？?！!。：:]+$", "", name)
    if len(name) > 24:
        name = re.split(r"[，,；：:？?]", name, maxsplit=1)[0][:24]
    return name or fallback


def assign_topics(
    items: list[Item],
    glossary: list[str],
    fallback: str,
    title: str | None,
    known: dict[str, str] | None = None,
) -> tuple[list[Item], dict[str, str]]:
    """Each item tagged with its section's topic and the first key term it mentions.

    ``known`` maps folded names and aliases of topics the user already has to their names, so
    a drafted topic that is another's alias (新兴产业 → 产业) joins that topic instead of
    clashing with it.
    """
    known = known or {}
    topics: dict[str, str] = {}
    out = []
    texts = [str(item.to_dict()) for item in items]
    # a key term makes a topic when it ties several items together but not nearly all
    useful = [
        t for t in glossary
        if len(t) >= 3
        and 3 <= sum(t in text for text in texts) <= max(3, len(items) * 0.6)
        and not re.search(r"[省市区县]$|^(马克思|恩格斯|习近平|列宁)", t)
    ]  # fmt: skip
    for item, text in zip(items, texts, strict=True):
        own = section_topic(item.source.section, section_topic(title or "", fallback))
        own = known.get(fold_name(own), own)
        names = [own]
        topics.setdefault(own, f"study import 起草:章节“{item.source.section}”")
        term = next((t for t in useful if t in text and t != own), None)
        term = known.get(fold_name(term), term) if term else None
        if term and term != own:
            names.append(term)
            topics.setdefault(term, "study import 起草:关键词")
        out.append(dataclasses.replace(item, topics=tuple(names)))
    return out, topics


def key_terms(cleaned: Cleaned, items: list[Item], limit: int = 15) -> list[str]:
    """Glossary candidates: quoted and defined terms, then TF-IDF keywords (jieba's table)."""
    text = cleaned.text
    quoted = [
        t for t in dict.fromkeys(re.findall(r"“([\u4e00-\u9fff]{2,8})”", text))
        if text.count(f"“{t}”") >= 2 and not _VERB_START.match(t)
    ]  # fmt: skip
    defined = [
        item.term for item in items
        if isinstance(item, Definition) and re.fullmatch(r"[\u4e00-\u9fff]{3,8}", item.term)
        and "的" not in item.term and text.count(item.term) >= 3
    ]  # fmt: skip
    candidates = sorted(dict.fromkeys(quoted + defined), key=lambda t: -text.count(t))
    candidates = [t for t in candidates if not _UNIT.fullmatch(t)]
    terms = list(candidates)
    for word in extract_keywords(_keyword_sample(text), top_k=60):
        if (
            len(word) >= 3
            and re.fullmatch(r"[\u4e00-\u9fff]+", word)
            and word not in _NOT_TERMS
            and not _VERB_START.match(word)
            and not word.endswith("性")
            and not word.startswith("第")
            and not _UNIT.fullmatch(word)
            and not any(word in term for term in terms)
        ):
            terms.append(word)
    return _whole_terms(terms, text)[:limit]


def _whole_terms(terms: list[str], text: str) -> list[str]:
    """Terms as the article writes them: 生产力 → 新质生产力 when most of its occurrences are
    that compound, and a fragment (新质) dropped when it occurs almost only inside another."""
    out: list[str] = []
    for term in terms:
        count = text.count(term)
        best, last = term, count
        for size in (1, 2, 3, 4):  # grow while nearly every occurrence keeps the same left
            lefts = re.findall(rf"([\u4e00-\u9fff]{{{size}}}){re.escape(term)}", text)
            if not lefts:
                break
            left, n = max(((w, lefts.count(w)) for w in set(lefts)), key=lambda p: (p[1], p[0]))
            if (
                n < 3
                or n * 2 < count
                or (size > 1 and n * 10 < last * 9)
                or re.match(r"[的和与是在了及对把将为要]", left)
                or _VERB_START.match(left + term)
                or re.match(r"推进|促进|坚持|深化|优化|完善|增强|强化|打造", left)
            ):
                break
            last = n
            if size == 4:  # still growing: the left is the tail of a longer word (会主义)
                best = term
            elif size > 1:  # one character is a step (质 of 新质生产力), never a word's start
                best = left + term
        if best not in out:
            out.append(best)
    return [
        t for t in out
        if not any(t != o and t in o and text.count(o) * 4 >= text.count(t) * 3 for o in out)
    ]  # fmt: skip


def _keyword_sample(text: str, limit: int = 24_000) -> str:
    """The text jieba ranks keywords in: at most ``limit`` characters taken evenly across the
    article (segmenting is the slowest step of an import), and no run of Han longer than 100
    (jieba's HMM is quadratic in the length of an unpunctuated run)."""
    if len(text) > limit:
        step = len(text) // 24
        text = "\n".join(text[k : k + limit // 24] for k in range(0, len(text), step))
    return re.sub(r"[\u4e00-\u9fff]{100}", lambda m: m.group() + "\n", text)


# A magnitude with its unit (万亿元, 亿美元, 万千瓦) is how figures are written, not a term:
# as a topic it would group facts by their unit (05: topic “万亿元”).
_UNIT = re.compile(
    r"[十百千万亿兆]+(元|美元|人民币|斤|吨|人|户|个|件|家|项|亩|公顷|千瓦|千瓦时|度|公里|立方米|平方米)?"
    r"|(亿|万)?(元|美元|斤|吨|千瓦|千瓦时|公里)"
)
# Frequent in these texts but names and adjectives rather than terms to learn.
_VERB_START = re.compile(r"^(发展|加快|整合|推动|培育|形成|加强|提升|建设|实现|积极)")
_NOT_TERMS = {
    "总书记",
    "习近平",
    "高质量",
    "战略性",
    "新时代",
    "进一步",
    "一系列",
    "东北地区",
    "相当于",
    "党中央",
    "中国式",
    "列席会议",
    "感召力",
    "凝聚力",
    "新一轮",
}
