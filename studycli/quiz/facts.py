"""Questions on a fact: a cloze of its figures, and a choice per figure or phrase.

An amount takes distractors of its own unit (100项 → 200项); a phrase takes only
distractors that look like it and that the deck does not say of the same concept.
"""

from __future__ import annotations

import re

from studycli.deck.model import Fact
from studycli.quiz.bounds import bound_of, fair_wrong
from studycli.quiz.cloze import render_cloze
from studycli.quiz.families import may_mean_the_same
from studycli.quiz.question import Question
from studycli.quiz.scan_index import LabelFilter, Touching
from studycli.text import is_figure, split_pieces

FIGURE_PHRASE_MAX = 10  # characters a phrase blanked in a choice may have


def fact_questions(b, item: Fact) -> list[Question]:
    """The cloze and choice questions of one fact; ``b`` is the deck's ``Builder``."""
    pieces = [p for f in item.figures for p in split_pieces(f)]
    prefix = ""
    if item.subject and item.subject not in item.text and len(item.subject) <= 12:
        prefix = f"{item.subject}:"
    out = b.clozes(item, "text", item.text, prefix=prefix, primary=pieces, primary_only=True)
    words = b.segments.words(item.text)
    for number, piece in enumerate(pieces, 1):
        if words.count(piece) != 1:
            continue
        prompt, _ = render_cloze(prefix, words, {words.index(piece)})
        if piece in prompt:
            continue
        before = "".join(words[: words.index(piece)])
        tiers = b.pools.figures_like(item, piece)
        if is_figure(piece):  # 25%以上: a smaller option would be true as well
            bound = bound_of(item.text, piece)
            tiers = [[c for c in t if fair_wrong(piece, c, bound)] for t in tiers]
        if not is_figure(piece):
            alike = b.pools.alike.alike(piece, tiers)  # looks_like(c, piece), looked up
            # A phrase, not an amount: a longer one is recitation, and every distractor
            # must look like it (信息革命 among 深空探测 and 聚变能源 is told at a glance).
            if len(piece) > FIGURE_PHRASE_MAX:
                continue
            keep = _fair_phrase(piece, b.pools.said_of(_as_concept(_clause_before(before))))
            # The few phrases that look like the piece, picked out of each (long) pool by
            # where they stand in it: the same list as filtering the whole pool.
            tiers = [b.pools.positions.select(t, alike, keep) for t in tiers]
        out += b.choice(
            item,
            f"figure-{number}",
            prompt,
            piece,
            tiers,
            refuse=b.pools.said_after(before) - {b.pools.canonical(piece)},
        )
    return out


def _fair_phrase(piece: str, said: list[str]):
    """Whether a phrase that looks like the piece may be its distractor: of its size and
    shape, not the piece in other words, and not part of (nor holding) what the deck says
    of the concept the blank is about."""
    like = LabelFilter([piece], "", ())  # fits(c, [piece]), set up once
    touches = Touching()  # any(c in x or x in c for x in said), set up once

    def keep(c: str) -> bool:
        return like.fits(c) and not may_mean_the_same(c, piece) and not touches(said, c)

    return keep


# A person, to the articles, is the 劳动者 of 生产力's elements: 人是____ is not to be offered
# 最活跃的因素, which 劳动者 is (examiner 4, FLAWED).
_PEOPLE = re.compile(r"(?<![\u4e00-\u9fff])(人|人才|新型人才)(?=是|为|成为)")


def _as_concept(clause: str) -> str:
    """The clause with a person-word read as 劳动者, so its facets are refused too."""
    return _PEOPLE.sub("劳动者", clause) if _PEOPLE.search(clause) else clause


def _clause_before(text: str) -> str:
    """The clause a blank sits in, up to the blank: 在生产力三大要素中，劳动力是 → 劳动力是."""
    for mark in "。；;，,：:":
        text = text.rsplit(mark, 1)[-1]
    return text
