"""Grading, fourth round: / as a separator, recites with the stem's words, terms in the
article's shorter wording, and partial scores a marker would sign."""

from __future__ import annotations

import dataclasses
import json

import pytest
from questions_by_hand import make_question

from studycli.deck.model import Source
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import Question

SOURCE = Source("000_60834e77d2d30f85.txt", "专家解读 · 第六")


def make(kind: str, expected: tuple[str, ...], **fields) -> Question:
    """A question built by hand, as generate_questions would build it."""
    return make_question(kind, expected, source=SOURCE, topics=("产业",), **fields)


THREE = make(
    "cloze",
    ("赋能作用", "乘数效应", "坚实体制保障"),
    blanks=("赋能作用", "乘数效应", "坚实体制保障"),
    ordered=True,
    prompt="数据要素发挥____、____,为新质生产力提供____",
)
TWO = make(
    "cloze",
    ("生产力的载体", "产业化"),
    blanks=("生产力的载体", "产业化"),
    ordered=True,
    prompt="产业是____,科技成果要____",
)
KUA = make("list", ("跨学科", "跨领域", "跨机构", "跨部门"))


def test_a_slash_between_as_many_parts_as_blanks_separates_them():
    """赋能作用/乘数效应/坚实的体制保障 for three blanks: every blank right, 1.0."""
    result = grade_answer(THREE, "赋能作用/乘数效应/坚实的体制保障")
    assert result.correct and result.score == 1.0 and result.note is None
    assert grade_answer(KUA, "跨学科/跨领域/跨机构/跨部门").correct


def test_a_slash_offering_two_answers_for_one_blank_stays_a_hedge():
    """科技创新/创新 inside one part, more parts than blanks, or a wrong part: not correct."""
    hedge = grade_answer(TWO, "生产力的载体/产业化/市场化")
    assert not hedge.correct and hedge.note == "给出了不止一个答案"
    inside = grade_answer(THREE, "赋能作用/倍增作用、乘数效应、坚实体制保障")
    assert not inside.correct and inside.note == "给出了不止一个答案"
    pair = grade_answer(TWO, "生产力的载体/生产力载体")
    assert not pair.correct
    assert not grade_answer(THREE, "赋能作用/乘数效应/有力制度保障").correct


def test_an_added_wrong_item_scores_no_better_than_a_missing_one():
    """跨区域 added to the four 跨 scores 3/4, as leaving one out does; a wrong item in
    place of a right one scores the same."""
    missing = grade_answer(KUA, "跨学科、跨领域、跨机构")
    added = grade_answer(KUA, "跨学科、跨领域、跨机构、跨部门、跨区域")
    swapped = grade_answer(KUA, "跨学科、跨行业、跨机构、跨部门")
    assert missing.score == pytest.approx(0.75)
    assert not added.correct and added.score <= missing.score
    assert swapped.score <= missing.score


def test_a_hedge_in_one_blank_costs_at_least_a_wrong_blank():
    """产业化或市场化 in the second blank scores no more than a wrong second blank."""
    hedge = grade_answer(TWO, "生产力的载体、产业化或市场化")
    wrong = grade_answer(TWO, "生产力的载体、市场化")
    assert not hedge.correct and hedge.score <= wrong.score + 1e-9


QUOTE = make(
    "recite",
    ("必须进一步全面深化改革，形成与之相适应的新型生产关系。",),
    prompt="默写金句的其余部分:“发展新质生产力，……”——习近平(中共中央政治局第十一次集体学习)",
)


def test_a_recite_may_start_with_the_words_the_prompt_shows():
    """The whole 金句, word for word, from the opening the prompt shows: right."""
    whole = "发展新质生产力，必须进一步全面深化改革，形成与之相适应的新型生产关系。"
    assert grade_answer(QUOTE, whole).correct
    tail = "新质生产力,必须进一步全面深化改革,形成与之相适应的新型生产关系"
    assert grade_answer(QUOTE, tail).correct
    # words the prompt does not show are still extra
    assert not grade_answer(QUOTE, "加快" + whole).correct
    assert not grade_answer(QUOTE, "力，" + whole[8:]).correct  # one stray character
    assert not grade_answer(QUOTE, whole.replace("关系", "力")).correct


def test_a_recite_with_one_wrong_key_word_loses_a_quarter():
    """生产力 for 生产关系 is one error: 0.75, not 0.92; two errors 0.5; half the text its share."""
    one = grade_answer(QUOTE, "必须进一步全面深化改革，形成与之相适应的新型生产力")
    two = grade_answer(QUOTE, "必须进一步深化改革，形成与之相适应的新型生产力")
    half = grade_answer(QUOTE, "必须进一步全面深化改革")
    assert one.score == pytest.approx(0.75) and one.note == "错字:关系→力"
    assert two.score == pytest.approx(0.5)
    assert half.score < 0.5


MEANING = make(
    "recite",
    ("新质生产力，核心要义是“以新促质”，以创新驱动新经济变革、以新经济引领高质量发展",),
    id="x:recite:meaning",
    prompt="默写原文关于“以新促质”的表述(要点:含义)。",
    accepted=(("核心要义是“以新促质”，以创新驱动新经济变革、以新经济引领高质量发展",),),
)


def test_a_meaning_recite_without_its_lead_in_is_right_when_the_rest_is_exact():
    """核心要义是以新促质… without 新质生产力, is right; a wrong word in the rest is not."""
    bare = "核心要义是以新促质，以创新驱动新经济变革、以新经济引领高质量发展"
    assert grade_answer(MEANING, bare).correct
    assert not grade_answer(MEANING, bare.replace("创新驱动", "改革驱动")).correct


POLICY = make(
    "term",
    ("科学合理的政府产业政策",),
    id="x:term:meaning",
    prompt="哪个概念的含义是:“____是保障新质生产力形成的重要体制内容”?",
    rivals=("新质生产力", "劳动力", "数智化人才队伍"),
)


def test_a_term_finished_with_the_stems_own_words_is_right():
    """X是保障新质生产力形成的重要体制内容: the stem's 新质生产力 is no rival answer there."""
    assert grade_answer(POLICY, "科学合理的政府产业政策是保障新质生产力形成的重要体制内容").correct
    assert not grade_answer(POLICY, "科学合理的政府产业政策、新质生产力").correct
    assert not grade_answer(POLICY, "科学合理的政府产业政策或劳动力").correct


def test_a_term_in_the_articles_shorter_wording_is_right():
    """科学合理的产业政策 for 科学合理的政府产业政策: the article's next sentence drops 政府
    itself, so add_marking accepts it; 政府产业政策 (the head cut) and 产业政策 are not."""
    from studycli.deck.loader import load_deck
    from studycli.quiz.marking import add_marking

    deck = load_deck()
    question = make(
        "term",
        ("科学合理的政府产业政策",),
        id="a000-chanye-zhengce-tizhi:term:meaning",
        prompt="哪个概念的含义是:“____是保障新质生产力形成的重要体制内容”?",
    )
    question = add_marking(
        deck, [dataclasses.replace(question, item_id="a000-chanye-zhengce-tizhi")]
    )[0]
    assert grade_answer(question, "科学合理的产业政策").correct
    assert grade_answer(
        question, "科学合理的政府产业政策是保障新质生产力形成的重要体制内容"
    ).correct
    for wrong in ("政府产业政策", "产业政策", "科学合理的政策", "合理的政府产业政策"):
        assert not grade_answer(question, wrong).correct, wrong


def quiz(runner, qid: str, answer: str) -> dict:
    """One answer to one shipped question through `study quiz --id ID --json`."""
    from studycli.cli import app

    result = runner.invoke(app, ["quiz", "--id", qid, "--json"], input=answer + "\n")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"][0]


def test_the_independent_checks_misses_through_the_cli(runner):
    """The grader check's slash cloze and stem-word recites are right through `study quiz`;
    a wrong key word in a recite scores 0.75 and names it."""
    slash = quiz(
        runner, "a000-shuju-chengshu-xiaoying:cloze:text", "赋能作用/乘数效应/坚实的体制保障"
    )
    assert slash["correct"] is True
    whole = "发展新质生产力，必须进一步全面深化改革，形成与之相适应的新型生产关系。"
    assert quiz(runner, "a000-jinju-shenhua-gaige:recite:text", whole)["correct"] is True
    quote = "强化企业创新主体地位，促进各类创新要素向企业集聚"
    assert quiz(runner, "a004-g2-shijiujie-wuzhong-quote:recite:text", quote)["correct"] is True
    bare = "核心要义是以新促质，以创新驱动新经济变革、以新经济引领高质量发展"
    assert quiz(runner, "a004-g5-yixin-cuzhi:recite:meaning", bare)["correct"] is True
    wrong = quiz(runner, "a000-jinju-shenhua-gaige:recite:text", whole.replace("关系", "力"))
    assert wrong["correct"] is False and wrong["score"] == pytest.approx(0.75)


def test_an_ordinal_reads_the_same_in_digits():
    """第11次集体学习 for 第十一次集体学习 is right; 第10次 and 第十次 are not."""
    from studycli.text import arabic_ordinals

    assert arabic_ordinals("第十一次集体学习") == "第11次集体学习"
    assert arabic_ordinals("一核两翼") == "一核两翼"
    study = make(
        "cloze", ("第十一次集体学习",), blanks=("第十一次集体学习",), prompt="中央政治局____"
    )
    assert grade_answer(study, "第11次集体学习").correct
    assert not grade_answer(study, "第10次集体学习").correct
    assert not grade_answer(study, "第十次集体学习").correct
