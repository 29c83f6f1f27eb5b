"""Other fair wordings of a 名词 (term) answer: the term without one 性/之 inside
(战略新兴产业), or without a leading adverb or modal (进一步, 能够). ``canon`` is grading's
glossary table (``grading._Canon``)."""

from __future__ import annotations

from studycli.quiz import matching
from studycli.quiz.question import Question

_JOINTS = "性之"


def without_joint(variants: list[str], question: Question, canon) -> list[str]:
    """The term's wordings with one 性/之 inside left out, when that is no other term."""
    others = {matching.loose(key) for key in canon.table}
    others.update(matching.key_of(text, canon) for text in question.rivals)
    others.difference_update(variants)
    out = []
    for variant in variants:
        for at, ch in enumerate(variant):
            if ch in _JOINTS and 0 < at < len(variant) - 1:
                short = variant[:at] + variant[at + 1 :]
                if short not in others and short not in variants and short not in out:
                    out.append(short)
    return out


# Leading adverbs and modals that add degree, not content: 进一步创新和发展了…, 能够更快….
_LEADS = ("进一步", "能够", "不断", "更加")


def without_lead(variants: list[str], rest: int) -> list[str]:
    """A term's wordings without a leading adverb or modal, when ``rest`` characters are
    left: 创新和发展了马克思主义生产力理论 for 进一步创新和发展了…; 更快、更好地发展生产力
    for 能够更快、更好地发展生产力 (the first of two parts)."""
    out = []
    for variant in variants:
        lead = next((x for x in _LEADS if variant.startswith(x)), None)
        if lead and len(variant) - len(lead) >= rest and variant[len(lead) :] not in variants:
            out.append(variant[len(lead) :])
    return out
