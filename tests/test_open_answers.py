"""Questions a written answer cannot settle (quiz/open_answers.py, the final examiner's review)."""

from __future__ import annotations

import random

import pytest

from studycli.deck.loader import load_deck
from studycli.deck.model import Source
from studycli.quiz.open_answers import OpenAnswers
from studycli.quiz.question import Question
from studycli.quiz.questions import generate_questions


def question(qid: str, kind: str, prompt: str, answer: str, blanks=()) -> Question:
    """A bare question record for the rules."""
    return Question(
        id=qid,
        item_id=qid.split(":")[0],
        kind=kind,
        topics=(),
        prompt=prompt,
        answer=answer,
        expected=tuple(blanks) or (answer,),
        answer_words=(),
        source=Source(article="a.txt", section="一"),
        fingerprint="0",
        blanks=tuple(blanks),
    )


def test_term_on_an_evaluative_facet_is_held_back_but_not_a_plain_facet():
    """企业的地位 has several right answers in the article; 新质生产力的核心标志 has one."""
    rules = OpenAnswers([])
    assert rules.flags(question("q:term:facet-地位", "term", "企业的地位是什么?", "创新主体"))
    assert not rules.flags(question("q:term:facet-核心标志", "term", "核心标志?", "全要素生产率"))


def test_a_blank_that_swallows_a_lead_the_deck_completes_otherwise():
    """关键在创新 against the definition's 关键在质优; a lead completed one way only is fine."""
    rules = OpenAnswers(["新质生产力特点是创新，关键在质优，本质是先进生产力"])
    swallowed = question(
        "q:cloze:text", "cloze", "发展新质生产力____。", "关键在创新", ["关键在创新"]
    )
    assert rules.flags(swallowed)
    same = question("q:cloze:text", "cloze", "新质生产力____。", "关键在质优", ["关键在质优"])
    assert not rules.flags(same)


def test_parallel_blanks_cut_alike():
    """必将带来____、____: 发展方式 / 生产方式的变革 is cut unevenly; 科技、人才 is not."""
    rules = OpenAnswers([])
    uneven = question(
        "q:cloze:text", "cloze", "必将带来____、____", "x", ["发展方式", "生产方式的变革"]
    )
    even = question("q:cloze:text", "cloze", "依靠____、____", "x", ["科技创新", "人才支撑"])
    assert rules.flags(uneven) and not rules.flags(even)


@pytest.fixture(scope="module")
def shipped():
    """Every question of the shipped deck, flagged ones too, by id."""
    deck = load_deck()
    every = generate_questions(deck, deck.items, rng=random.Random(0), include_flagged=True)
    return {q.id: q for q in every}


def test_the_final_examiners_flawed_questions_are_not_asked(shipped):
    """Examiner 5's four FLAWED ids are flagged; the 企业 地位 choice is still asked."""
    for qid in (
        "a004-g1-ying-daoli:term:facet-地位",
        "a004-g2-qiye-zhuti:term:facet-地位",
        "a004-g2-guanjian-zai-chuangxin:cloze:text",
        "a004-g1-bushi-jubu-youhua:cloze:text",
    ):
        assert shipped[qid].flags, qid
    assert not shipped["a004-g2-qiye-zhuti:choice:facet-地位"].flags
