"""How prompts and cards name things: terms, facets, concepts."""

from __future__ import annotations

from collections import Counter

from studycli.deck.model import Deck, Definition
from studycli.text import display_term, is_punctuation


def term_labels(deck: Deck) -> dict[str, str]:
    """Each definition's name in prompts: the bare term, or the qualified one if it repeats."""
    defs = [item for item in deck.items if isinstance(item, Definition)]
    counts = Counter(display_term(d.term) for d in defs)
    return {
        d.id: display_term(d.term) if counts[display_term(d.term)] == 1 else d.term for d in defs
    }


def facet_stem(term: str, name: str) -> str:
    """How to name a facet of a term: 新质生产力的特征, 劳动力是, 企业在…中的角色."""
    joins = is_verb_like(name) or name.startswith(_PREPOSITIONS)
    return f"{term}{name}" if joins else f"{term}的{name}"


def facet_question(term: str, name: str) -> str:
    """新质生产力的核心标志是什么? / 新质由什么产生? / 整合就是什么?"""
    if "什么" in name:
        return f"{term}{name}?"
    if is_verb_like(name):
        return f"{term}{name}什么?"
    return f"{facet_stem(term, name)}是什么?"


# Facet names too close to tell apart: 企业的角色 and 企业的地位 may both be said of one text,
# so neither is a distractor for, nor a false swap of, the other.
CLOSE_FACETS = frozenset("地位 角色 作用 意义 贡献 定位 价值 重要性".split())


def close_facets(a: str, b: str) -> bool:
    """Two facet names too close to tell apart (地位 / 在新质生产力发展中的角色)."""
    return any(w in a for w in CLOSE_FACETS) and any(w in b for w in CLOSE_FACETS)


# A facet name opening with a preposition (对形成新质生产力的意义, 在…中的角色)
# follows the term directly: 数智化人才队伍对形成新质生产力的意义.
_PREPOSITIONS = ("对", "与", "在", "从", "同", "于")


def is_verb_like(name: str) -> bool:
    """Facet names such as 整合就是, 表现为, 由什么产生 read as the start of a sentence."""
    return "什么" in name or name.endswith(("是", "为", "着", "于", "在", "指", "到"))


def is_concept(term: str) -> bool:
    """A term that names a concept (not a question such as 新质生产力代表着什么)."""
    return "什么" not in term and not any(is_punctuation(ch) for ch in term)
