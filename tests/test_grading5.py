"""Grading, fifth round (grader check 4): ordinals in digits and hedges on the 出处/归类
path, recites with figures as read aloud, short names that leave out whole words, a term
without its 性, and list entries without the mark the stem names."""

from __future__ import annotations

import json

import pytest
from questions_by_hand import make_question

from studycli.deck.model import Source
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import Question
from studycli.quiz.short_names import ordered_short_owner
from studycli.text import spoken_figures

SOURCE = Source("004_f84e1fd35a9b0cb0.txt", "专家解读 · 第六")


def make(kind: str, expected: tuple[str, ...], **fields) -> Question:
    """A question built by hand, as generate_questions would build it."""
    return make_question(kind, expected, source=SOURCE, topics=("产业",), **fields)


OCCASIONS = ("中央经济工作会议", "中共中央政治局第十一次集体学习", "在江苏考察时（7月）")
REFORMS = ("产业政策改革", "教育、科研体制改革", "行政体制改革")


def test_an_ordinal_in_digits_names_the_option():
    """第11次 names the option 第十一次 in 出处; 第12次 names none."""
    question = make("source", (OCCASIONS[1],), options=OCCASIONS)
    assert grade_answer(question, "中共中央政治局第11次集体学习").correct
    assert grade_answer(question, "中共中央政治局第十一次集体学习").correct
    assert not grade_answer(question, "中共中央政治局第12次集体学习").correct


def test_a_hedge_is_wrong_on_the_option_path():
    """Two occasions offered with 或, / or 还是 are wrong even when one half is shortened."""
    question = make("source", (OCCASIONS[0],), options=OCCASIONS)
    assert grade_answer(question, "中央经济工作会议").correct
    for hedge in ("中央经济工作会议或政治局集体学习", "中央经济工作会议/政治局集体学习", "A/B"):
        grade = grade_answer(question, hedge)
        assert not grade.correct and grade.note == "给出了不止一个答案", hedge


def test_a_hedge_is_wrong_in_multi_but_a_slash_separates_picks():
    """多选: 甲方案或丙方案 is a hedge; 甲方案/丙方案 lists two picks."""
    question = make("multi", ("甲方案", "丙方案"), options=("甲方案", "乙方案", "丙方案"))
    assert grade_answer(question, "甲方案/丙方案").correct
    assert not grade_answer(question, "甲方案或丙方案").correct


def test_figures_in_a_recital_read_as_said_aloud():
    """一加一大于二 and 1+1>2 are the same recital; 线性 for 非线性 or 3 for 2 are not."""
    assert spoken_figures("1+1>2") == spoken_figures("一加一大于二") == "1加1大于2"
    key = "整合，就是协同耦合，产生1+1大于2的非线性放大效应"
    question = make("recite", (key,), answer=key)
    for right in ("整合就是协同耦合,产生一加一大于二的非线性放大效应", key.replace("大于", ">")):
        assert grade_answer(question, right).correct, right
    for wrong in (key.replace("非线性", "线性"), key.replace("大于2", "大于3")):
        grade = grade_answer(question, wrong)
        assert not grade.correct and grade.score < 1.0, wrong


def test_short_names_leave_out_whole_words_in_one_option():
    """行政改革 names 行政体制改革; 中部地区/西部地区 (one character left out) and 改革
    (in every option) name none; a deck name of its own is no short name."""
    names = ["产业政策改革", "教育科研体制改革", "行政体制改革"]
    assert ordered_short_owner("行政改革", names) == 2
    assert ordered_short_owner("改革", names) is None
    assert ordered_short_owner("体制改革", names) is None  # in two options
    regions = ["东部地区", "中西部地区", "东北地区"]
    assert ordered_short_owner("中部地区", regions) is None
    assert ordered_short_owner("西部地区", regions) is None
    assert ordered_short_owner("行政改革", names, rivals=["行政改革"]) is None
    question = make("belongs", (REFORMS[2],), options=REFORMS)
    assert grade_answer(question, "行政改革").correct
    assert not grade_answer(question, "行政改革或产业改革").correct


def test_a_term_without_its_xing():
    """战略新兴产业 for 战略性新兴产业; not when the shorter form is another deck term."""
    question = make("term", ("战略性新兴产业",), prompt="什么产业?")
    assert grade_answer(question, "战略新兴产业").correct
    assert not grade_answer(question, "新兴产业").correct
    rival = make("term", ("战略性新兴产业",), prompt="什么产业?", rivals=("战略新兴产业",))
    assert not grade_answer(rival, "战略新兴产业").correct


def test_list_entries_without_the_mark_the_stem_names():
    """学科、领域、机构、部门 for the 四跨; three of them score 3/4; without 跨 in the
    stem the bare words are not the entries."""
    entries = ("跨学科", "跨领域", "跨机构", "跨部门")
    question = make("list", entries, prompt="“四跨”指什么?")
    assert grade_answer(question, "学科、领域、机构、部门").correct
    assert grade_answer(question, "跨学科 领域 机构 部门").correct
    assert grade_answer(question, "学科、领域、机构").score == pytest.approx(0.75)
    for wrong in ("学科、领域、机构、区域", "学科、领域、机构、部门、地区"):
        grade = grade_answer(question, wrong)  # as 跨区域 / 跨地区 would cost
        assert not grade.correct and grade.score == pytest.approx(0.75), wrong
    plain = make("list", entries, prompt="四个方面指什么?")
    assert not grade_answer(plain, "学科、领域、机构、部门").correct


def quiz(runner, qid: str, answer: str) -> dict:
    """One answer to one shipped question through `study quiz --id ID --json`."""
    from studycli.cli import app

    result = runner.invoke(app, ["quiz", "--id", qid, "--json"], input=answer + "\n")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"][0]


def test_the_fourth_checks_misses_through_the_cli(runner):
    """The grader check's eight misses are marked as a fair marker marks them."""
    cases = [
        ("a004-g4-neizai-yaoqiu-quote:source:occasion", "中共中央政治局第11次集体学习", True),
        ("a004-g1-fenqi-zhizhui-quote:source:occasion", "中央经济工作会议或政治局集体学习", False),
        ("a004-g3-shenhua-gaige:belongs:point-1-1", "行政改革", True),
        ("a000-jucuo-2-rencai:belongs:point-3-3", "以产业需求为导向", True),
        ("a004-g3-zhanlue-xinxing-dingyi:term:meaning", "战略新兴产业", True),
        ("a004-g2-sige-kua:list:all", "学科、领域、机构、部门", True),
        (
            "a004-g3-zhenghe:recite:meaning",
            "整合就是协同耦合,产生一加一大于二的非线性放大效应,系统出现原来没有的新质",
            True,
        ),
    ]
    for qid, answer, right in cases:
        assert quiz(runner, qid, answer)["correct"] is right, answer


def test_session_numbers_and_short_ordinals_in_digits():
    """19届 = 十九届 and 第11次 = 第十一次 both ways; a short occasion name may carry its
    ordinal in digits (政治局第11次集体学习), a different number is still wrong."""
    from studycli.text import arabic_ordinals, chinese_ordinals

    assert arabic_ordinals("十九届五中全会") == "19届五中全会"
    assert chinese_ordinals("19届、第11次、第20次") == "十九届、第十一次、第二十次"
    question = make("source", (OCCASIONS[1],), options=OCCASIONS)
    assert grade_answer(question, "政治局第11次集体学习").correct
    assert not grade_answer(question, "政治局第12次集体学习").correct
    cloze = make("cloze", ("十九届五中全会",), blanks=("十九届五中全会",), prompt="党的____提出")
    assert grade_answer(cloze, "19届五中全会").correct
    assert not grade_answer(cloze, "18届五中全会").correct


def test_a_party_congress_in_digits():
    """20大 is 二十大 and 18大 is 十八大, both ways; 一大批 and 一加一大于二 stay words, and
    a different congress (19大) is still wrong."""
    from studycli.text import arabic_ordinals, chinese_ordinals

    assert arabic_ordinals("党的二十大报告、十八大以来") == "党的20大报告、18大以来"
    assert chinese_ordinals("党的20大报告、18大以来") == "党的二十大报告、十八大以来"
    assert arabic_ordinals("一大批、一加一大于二") == "一大批、一加一大于二"
    assert chinese_ordinals("2020大会") == "2020大会"
    cloze = make("cloze", ("党的二十大",), blanks=("党的二十大",), prompt="____报告指出")
    assert grade_answer(cloze, "党的20大").correct
    assert not grade_answer(cloze, "党的19大").correct


def test_a_party_congress_in_digits_through_the_cli(runner):
    """出处: 20大报告 names 党的二十大报告 through `study quiz --id`; 19大报告 does not."""
    qid = "a004-g4-ershida-quote:source:speaker"
    assert quiz(runner, qid, "20大报告")["correct"]
    assert quiz(runner, qid, "党的20大报告")["correct"]
    assert not quiz(runner, qid, "19大报告")["correct"]
