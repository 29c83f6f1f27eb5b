"""Grading fixes of the grading3 branch: Chinese numerals in figures, shortened option names,
the stem's words around a choice or multi answer."""

from __future__ import annotations

import pytest
from questions_by_hand import make_question

from studycli.deck.model import Source
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import Question
from studycli.quiz.short_names import name_key, short_name_owner
from studycli.text import arabic_figures

SOURCE = Source("004_46f25000791b86e7.txt", "感悟4 · 三")


def make(kind: str, expected: tuple[str, ...], **fields) -> Question:
    """A question built by hand, as generate_questions would build it."""
    return make_question(kind, expected, source=SOURCE, topics=("数字",), **fields)


@pytest.mark.parametrize(
    ("text", "arabic"),
    [
        ("五百亿元", "500亿元"),
        ("三点零五万亿", "3.05万亿"),
        ("百分之五", "5%"),
        ("百分之十四点五", "14.5%"),
        ("一千亿元", "1000亿元"),
        ("二〇二五年、一百万名", "2025年、100万名"),
        ("一百项、十个左右", "100项、10个左右"),
        ("十二万三千元", "123000元"),
        ("百分之九十以上", "90%以上"),
    ],
)
def test_chinese_numerals_of_figures_read_as_digits(text, arabic):
    """A figure written in Chinese numerals is rewritten in Arabic digits, unit kept."""
    assert arabic_figures(text) == arabic


@pytest.mark.parametrize("text", ["第十一次集体学习", "一核两翼", "三大要素", "一是强化", "两翼"])
def test_numeral_words_are_left_alone(text):
    """Ordinals and words holding a numeral (no unit after it) are not figures."""
    assert arabic_figures(text) == text


@pytest.mark.parametrize(
    ("expected", "right", "wrong"),
    [
        ("500亿元", ["五百亿元", "五百亿", "500亿"], ["五千亿元", "五十亿元", "500"]),
        ("3.05万亿元", ["三点零五万亿元", "3.05万亿"], ["三点五万亿元", "30.5万亿元", "305万亿元"]),
        ("5%", ["百分之五", "5％"], ["百分之五十", "0.5%"]),
        ("100万名", ["一百万名", "100万"], ["一千万名", "10万名"]),
    ],
)
def test_figures_in_chinese_numerals_are_graded_as_digits(expected, right, wrong):
    """五百亿元 = 500亿元, 三点零五万亿 = 3.05万亿, 百分之五 = 5%; a wrong number stays wrong
    and the decimal point counts (3.05 is never 30.5)."""
    question = make("cloze", (expected,), prompt="设立____基金")
    for answer in right:
        assert grade_answer(question, answer).correct, answer
    for answer in wrong:
        assert not grade_answer(question, answer).correct, answer


def test_decimal_point_survives_chinese_and_full_width_forms():
    """三点零五, ３．０５ and 3.05 are one number; 30.5 another."""
    question = make("cloze", ("3.05万亿元",), prompt="支出预计达____")
    assert grade_answer(question, "３．０５万亿元").correct
    assert not grade_answer(question, "三十点五万亿元").correct


NAMES = [
    "在黑龙江考察时",
    "亲临四川视察（7月）",
    "在江苏考察时（7月）",
    "新时代推动东北全面振兴座谈会",
]


@pytest.mark.parametrize(
    ("answer", "owner"),
    [("江苏考察", 2), ("在江苏考察时", 2), ("四川视察", 1), ("江苏", None), ("考察时", None)],
)
def test_short_name_names_one_option(answer, owner):
    """A stretch of at least half a name, in no other option, names that option."""
    names = [name_key(n) for n in NAMES]
    assert short_name_owner(name_key(answer), names) == owner


@pytest.mark.parametrize(
    ("answer", "owner"), [("中西部", 1), ("东北", 2), ("西部地区", None), ("西部", None)]
)
def test_short_name_keeps_the_head_or_a_generic_one(answer, owner):
    """中西部 for 中西部地区 drops a head other names share; 西部地区 cuts the name itself."""
    names = [name_key(n) for n in ("东部沿海地区", "中西部地区", "东北地区")]
    assert short_name_owner(name_key(answer), names) == owner


def test_short_name_must_not_be_another_name_in_the_deck():
    """二十大 is in 党的二十大报告 but also names 党的二十大: not unambiguous in the deck."""
    names = [name_key(n) for n in ("马克思", "党的二十大报告", "毛泽东")]
    rivals = [name_key("党的二十大")]
    assert short_name_owner(name_key("二十大报告"), names, rivals) == 1
    assert short_name_owner(name_key("二十大"), names, rivals) is None
    assert short_name_owner(name_key("党的二十大"), names, rivals) is None


def test_source_question_accepts_a_short_name():
    """出处: 二十大报告 for 党的二十大报告; 十九大报告 is no option."""
    question = make(
        "source",
        ("党的二十大报告",),
        options=("马克思", "党的二十大报告", "马克思、恩格斯", "毛泽东"),
        prompt="“高质量发展是…”是谁的论述?",
    )
    assert grade_answer(question, "二十大报告").correct
    assert grade_answer(question, "黨的二十大報告").correct
    assert not grade_answer(question, "十九大报告").correct
    assert not grade_answer(question, "马克思").correct


def test_choice_terms_are_never_shortened_but_stem_words_are_fair():
    """单选: 产业 is not 产业升级; the stem's own words around the option are fair."""
    question = make(
        "choice",
        ("未来产业人才",),
        options=("创新人才", "产业体系", "未来产业发展基金", "未来产业人才"),
        prompt="广东省提出到2025年，培育100万名____。",
    )
    assert grade_answer(question, "100万名未来产业人才").correct
    assert not grade_answer(question, "产业人才").correct
    assert not grade_answer(question, "100万名创新人才").correct


def test_multi_allows_the_stems_words_but_not_other_items():
    """多选: 集群化、融合化、生态化发展 (发展 is the stem's word) is right; an item of its own
    beyond the options is not."""
    question = make(
        "multi",
        ("生态化", "融合化", "集群化"),
        options=("生态化", "电气化", "融合化", "集群化", "信息化"),
        prompt="下列属于“推动战略性新兴产业发展的“三化””的有(多选):",
    )
    assert grade_answer(question, "集群化、融合化、生态化发展").correct
    assert not grade_answer(question, "集群化、融合化、生态化、绿色化").correct


def test_a_figure_in_chinese_in_the_key_takes_digits_too():
    """The key 九个方面 (Chinese numerals) is answered 9个方面 as well; 十个方面 stays wrong."""
    question = make("cloze", ("北京", "九个方面"), prompt="在____举行…提出____的工作要求")
    assert grade_answer(question, "北京 9个方面").correct
    assert grade_answer(question, "北京、九个方面").correct
    assert not grade_answer(question, "北京、10个方面").correct
    assert not grade_answer(question, "北京、十个方面").correct


def test_a_recite_answer_the_user_accepted_is_right_next_time():
    """默写 honours “我答对了” variants as the other open kinds do (the option kinds refuse it)."""
    question = make("recite", ("用以指导新的发展实践",), prompt="默写金句的其余部分")
    assert not grade_answer(question, "用来指导新的发展实践").correct
    honoured = grade_answer(question, "用来指导新的发展实践。", accepted=["用来指导新的发展实践"])
    assert honoured.correct and honoured.note == "按你认可过的答案判对"
    assert not grade_answer(question, "用来指导发展实践", accepted=["用来指导新的发展实践"]).correct
