"""Grading: tolerant of form, strict on meaning, partial credit, word feedback; with properties."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from questions_by_hand import make_question

from studycli.deck.model import Source, Term
from studycli.quiz.grading import ORDER_NOTE, Grade, grade_answer
from studycli.quiz.questions import Question
from studycli.text import answer_key

SOURCE = Source("004_46f25000791b86e7.txt", "感悟1 · 二")
GLOSSARY = (
    Term("新质生产力"),
    Term("全要素生产率", ("TFP",)),
    Term("人工智能", ("AI",)),
)
SEPARATORS = ["、", ",", "，", ";", "；", " ", "  ", "、 "]
PROPERTY = settings(
    max_examples=80, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_to_traditional = opencc.OpenCC("s2t")


def make(kind: str, expected: tuple[str, ...], **fields) -> Question:
    """A question built by hand, as generate_questions would build it."""
    return make_question(kind, expected, source=SOURCE, topics=("内涵与特征",), **fields)


FEATURES = make("term", ("高科技", "高效能", "高质量"), answer="高科技、高效能、高质量")
CLOZE = make(
    "cloze",
    ("高科技", "高效能", "高质量"),
    blanks=("高科技", "高效能", "高质量"),
    ordered=True,
    prompt="新质生产力的特征:____、____、____",
)
MARK = make("term", ("全要素生产率大幅提升",), answer_words=("全要素生产率", "大幅", "提升"))
WINGS = make("term", ("两翼",))
MEASURES = make(
    "list",
    (
        "培育数据、算力等要素",
        "数智化人才队伍",
        "关键核心技术创新",
        "数字产业化",
        "战略性新兴产业与未来产业",
        "体制机制与产业政策",
    ),
    ordered=True,
    accepted=(
        ("加快培育发展数据、算力等新质生产力要素",),
        (),
        (),
        ("大力推进数字产业化，发展新产业新业态新模式",),
        (),
        (),
    ),
)
UNORDERED = make("list", ("产业链", "创新链", "资金链", "人才链"))
CHOICE = make(
    "choice",
    ("产业升级",),
    answer="产业升级",
    options=("科技创新发展", "产业升级", "人力资本跃升", "劳动资料"),
)
QUESTIONS = [FEATURES, CLOZE, MARK, WINGS, MEASURES, UNORDERED, CHOICE]


def grade(question: Question, answer: str | None) -> Grade:
    """Grade with the test glossary."""
    return grade_answer(question, answer, GLOSSARY)


@pytest.mark.parametrize(
    "answer",
    [
        "高科技、高效能、高质量",
        "高科技，高效能，高质量",
        "高科技,高效能,高质量",
        "高科技;高效能;高质量",
        "高科技；高效能；高质量",
        "高科技 高效能 高质量",
        " 高科技、 高效能 、高质量。",
        "高科技、高效能、高質量",
        "高科技高效能高质量",
    ],
)
def test_separators_width_and_script_are_accepted(answer):
    """Any of 、，,;； or spaces, full or half width, traditional 高質量: all correct."""
    assert grade(FEATURES, answer).correct
    assert grade(CLOZE, answer).correct


def test_wrong_word_is_rejected_with_partial_credit():
    """高科技、高效率 for 高科技、高效能、高质量 is not accepted: one third, 高效能 missing."""
    result = grade(FEATURES, "高科技、高效率")
    assert not result.correct
    assert result.score == pytest.approx(1 / 3)
    assert [p.found for p in result.parts] == [True, False, False]
    assert not grade(make("term", ("高科技", "高效能")), "高科技、高效率").correct


def test_alias_grades_as_the_term():
    """TFP stands for 全要素生产率 (any case); a full-width ＴＦＰ too."""
    assert grade(MARK, "TFP大幅提升").correct
    assert grade(MARK, "tfp 大幅提升").correct
    assert grade(MARK, "ＴＦＰ大幅提升").correct
    assert not grade_answer(MARK, "TFP大幅提升").correct  # without the glossary it is not known


def test_single_answer_must_match_whole():
    """一核两翼 does not pass for 两翼; 是两翼 and 两翼。 do."""
    assert not grade(WINGS, "一核两翼").correct
    assert grade(WINGS, "是两翼").correct
    assert grade(WINGS, "两翼。").correct
    assert grade(MARK, "全要素生产率的大幅提升").correct


def test_choice_by_letter_or_text():
    """A choice is answered by its letter in either case, with or without text, or by text."""
    for answer in ("B", "b", "Ｂ", "B.", "(b)", "B 产业升级", "产业升级", "產業升級"):
        assert grade(CHOICE, answer).correct, answer
    for answer in ("A", "c", "科技创新发展", "产业"):
        assert not grade(CHOICE, answer).correct, answer
    assert grade(CHOICE, "E").note == "没有这个选项"


def test_choice_words_follow_the_picked_option():
    """Answered by a wrong letter, the word marks compare with that option's text."""
    result = grade(CHOICE, "a")
    assert [w.found for w in result.words] == [False]
    assert [w.found for w in grade(CHOICE, "b").words] == [True]


def test_empty_answer_scores_zero():
    """None, '' and punctuation only score 0 with every part and word missing."""
    for answer in (None, "", "   ", "、,。"):
        result = grade(FEATURES, answer)
        assert result.score == 0 and not result.correct
        assert not any(p.found for p in result.parts)
        assert not any(w.found for w in result.words)


def test_list_by_labels_texts_or_longer_wording():
    """Six measures by label, by an entry's full text, or a piece containing the label."""
    labels = "、".join(MEASURES.expected)
    assert grade(MEASURES, labels).correct
    by_text = labels.replace("培育数据、算力等要素", "加快培育发展数据、算力等新质生产力要素")
    assert grade(MEASURES, by_text).correct
    longer = labels.replace("数字产业化", "大力推进数字产业化")
    assert grade(MEASURES, longer).correct


def test_ordered_list_out_of_order():
    """Out of order: credit for the longest run in the right order, and the note 顺序不对."""
    labels = list(MEASURES.expected)
    swapped = [labels[1], labels[0], *labels[2:]]
    result = grade(MEASURES, "、".join(swapped))
    assert result.score == pytest.approx(5 / 6)
    assert result.note == ORDER_NOTE and not result.correct
    assert all(p.found for p in result.parts)
    reversed_result = grade(MEASURES, "、".join(reversed(labels)))
    assert reversed_result.score == pytest.approx(1 / 6)


def test_unordered_list_in_any_order():
    """An unordered list is right in any order, with no note."""
    result = grade(UNORDERED, "人才链 资金链 创新链 产业链")
    assert result.correct and result.note is None


def test_parts_are_consumed_once():
    """One piece cannot count for two entries: 劳动者 inside 劳动者素质 is not 劳动资料."""
    q = make("list", ("劳动者", "劳动者素质"))
    assert grade(q, "劳动者素质").score == pytest.approx(0.5)
    assert grade(q, "劳动者素质、劳动者").correct


def test_word_feedback_marks_missing_words():
    """The expected answer's cached words are marked found or missing, not characters."""
    result = grade(MARK, "全要素生产率提高")
    assert not result.correct
    assert [(w.word, w.found) for w in result.words] == [
        ("全要素生产率", True),
        ("大幅", False),
        ("提升", False),
    ]


def test_word_feedback_leaves_out_grammar_words():
    """的、和 and punctuation are not compared: only words that carry meaning are marked."""
    q = make(
        "term",
        ("人力资本的积累和跃升",),
        answer_words=("人力资本", "的", "积累", "和", "跃升", "。"),
    )
    result = grade(q, "人力资本")
    assert [(w.word, w.found) for w in result.words] == [
        ("人力资本", True),
        ("积累", False),
        ("跃升", False),
    ]


def test_grading_never_imports_jieba():
    """Grading runs without jieba: the words come cached on the question."""
    script = (
        "import sys\n"
        "from studycli.quiz.grading import grade_answer\n"
        "from studycli.deck.model import Source\n"
        "from studycli.quiz.questions import Question\n"
        "q = Question(id='x:term:a', item_id='x', kind='term', topics=(), prompt='?',"
        " answer='高科技', expected=('高科技',), answer_words=('高科技',),"
        " source=Source('a', 'b'), fingerprint='0')\n"
        "assert grade_answer(q, '高科技').correct\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- properties --------------------------------------------------------------------


def answers_for(question: Question) -> st.SearchStrategy[str]:
    """Answers made of some of the expected parts (or options), joined by any separator."""
    parts = list(question.options or question.expected)
    return st.lists(st.sampled_from(parts), max_size=len(parts) + 1).flatmap(
        lambda chosen: st.lists(
            st.sampled_from(SEPARATORS), min_size=len(chosen), max_size=len(chosen)
        ).map(lambda seps: "".join(p + s for p, s in zip(chosen, seps, strict=True)))
    )


def reformat(answer: str, rng: random.Random) -> str:
    """The same answer with other separators, spaces, widths and, sometimes, traditional script."""
    out = re.sub(r"[、，,;；\s]+", lambda _: rng.choice(SEPARATORS), answer)
    out = "".join(
        chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" and rng.random() < 0.5 else ch for ch in out
    )
    if rng.random() < 0.5:
        out = " " + out + rng.choice(["", "。", " ", "！"])
    if rng.random() < 0.5:
        out = _to_traditional.convert(out)
    return out


question_and_answer = st.sampled_from(QUESTIONS).flatmap(
    lambda q: st.tuples(st.just(q), answers_for(q), st.integers(0, 2**32))
)


@PROPERTY
@given(st.sampled_from(QUESTIONS), st.integers(0, 2**32))
def test_canonical_answer_always_scores_one(question, seed):
    """The canonical answer, reformatted in any harmless way, scores 1."""
    assert grade(question, question.answer).score == 1
    assert grade(question, reformat(question.answer, random.Random(seed))).score == 1


@PROPERTY
@given(question_and_answer)
def test_form_changes_keep_the_score(case):
    """Separators, spaces, width and traditional script never change an answer's score."""
    question, answer, seed = case
    changed = reformat(answer, random.Random(seed))
    assume(answer_key(_to_traditional.convert(answer)) == answer_key(answer))
    assert grade(question, changed).score == grade(question, answer).score


@PROPERTY
@given(st.sampled_from(QUESTIONS), st.text(max_size=40))
def test_score_always_between_zero_and_one(question, answer):
    """Any text at all grades to a score in [0, 1], correct exactly when it is 1."""
    result = grade(question, answer)
    assert 0 <= result.score <= 1
    assert result.correct == (result.score == 1)
    assert len(result.parts) == len(question.expected)


@PROPERTY
@given(st.permutations(UNORDERED.expected), st.sampled_from(SEPARATORS))
def test_permuting_an_unordered_list_keeps_the_score(order, separator):
    """An unordered list's entries in any order score the same (1)."""
    assert grade(UNORDERED, separator.join(order)).score == 1


@PROPERTY
@given(st.sampled_from([MEASURES, UNORDERED, FEATURES, CLOZE]), st.data())
def test_removing_an_entry_lowers_the_score(question, data):
    """Dropping one expected entry from a right answer lowers the score."""
    missing = data.draw(st.integers(0, len(question.expected) - 1))
    kept = [p for i, p in enumerate(question.expected) if i != missing]
    assert grade(question, "、".join(kept)).score < grade(question, question.answer).score


# --- issue 12: precision, fair variants, named near misses ---------------------------

FIVE = make("list", ("科技创新", "产业创新", "发展方式创新", "体制机制创新", "人才工作机制创新"),
            ordered=True)  # fmt: skip
ONE_CORE = make(
    "term",
    ("一核",),
    prompt="“产业升级”在“一核两翼”中属于哪一部分?",
    rivals=("两翼", "科技创新发展", "人力资本跃升"),
)
MARK_IN_SOURCE = make(
    "term",
    ("全要素生产率大幅提升",),
    prompt="新质生产力的核心标志是什么?",
    context=("它以劳动者、劳动资料、劳动对象及其优化组合的跃升为基本内涵，"
             "以全要素生产率大幅提升为核心标志，特点是创新。",),
)  # fmt: skip
SIX = make(
    "list",
    ("培育数据、算力等要素", "数智化人才队伍", "关键核心技术创新"),
    ordered=True,
    accepted=(
        ("加快培育发展数据、算力等新质生产力要素",),
        ("加快打造一支高层次、高质量的数智化人才队伍",),
        ("大力推进科技创新特别是关键核心技术的创新及其应用",),
    ),
)


def test_parts_beyond_those_asked_lower_the_score():
    """Seven items for five is not correct: each added item cancels a right one (3/5)."""
    extra = "、".join([*FIVE.expected, "制度创新", "理论创新"])
    result = grade(FIVE, extra)
    assert not result.correct
    assert result.score == pytest.approx(3 / 5)
    assert result.note == "多写了2项"


def test_both_terminologies_to_hedge_is_not_correct():
    """劳动力劳动者劳动工具劳动资料劳动对象 for three parts with aliases: 1/3."""
    q = make(
        "list",
        ("劳动力", "劳动工具", "劳动对象"),
        accepted=(("劳动者",), ("劳动资料",), ()),
    )
    assert grade(q, "劳动者、劳动资料、劳动对象").correct
    hedge = grade(q, "劳动力劳动者劳动工具劳动资料劳动对象")
    assert not hedge.correct and hedge.score == pytest.approx(1 / 3)


def test_alternatives_for_one_blank_are_not_correct():
    """科技创新/创新 or 高科技或高技术 offers two answers for one: never correct."""
    assert not grade(CLOZE, "高科技/高技术、高效能、高质量").correct
    result = grade(FEATURES, "高科技或高技术、高效能、高质量")
    assert not result.correct and result.note == "给出了不止一个答案"
    assert not grade(WINGS, "两翼/一核").correct
    assert grade(WINGS, "一核或三翼").note == "给出了不止一个答案"
    assert not grade(CHOICE, "B或C").correct


def test_a_rival_in_a_single_answer_makes_it_wrong():
    """一核两翼 for 一核 is wrong (两翼, in the stem, is a rival); 属于一核 is right."""
    assert grade(ONE_CORE, "属于一核").correct
    assert grade(ONE_CORE, "一核").correct
    assert not grade(ONE_CORE, "一核两翼").correct
    assert not grade(ONE_CORE, "一核、人力资本跃升").correct


def test_the_source_sentence_words_around_the_key_are_fair():
    """以…为核心标志 around the key, from the source sentence, is right; other words are not."""
    assert grade(MARK_IN_SOURCE, "以全要素生产率大幅提升为核心标志").correct
    assert grade(MARK_IN_SOURCE, "核心标志是全要素生产率大幅提升").correct
    assert not grade(MARK_IN_SOURCE, "全要素生产率大幅提升和创新驱动").correct


def test_grammar_words_differ_for_every_kind():
    """的/和/与/及 differences are overlooked in single and multi-part answers alike."""
    q = make("term", ("原始创新能力和集成创新能力",))
    assert grade(q, "原始创新能力与集成创新能力").correct
    pair = make("list", ("生产力的现代化", "先进生产力"))
    assert grade(pair, "生产力现代化、先进生产力").correct
    figure = make(
        "cloze", ("生产方式、组织方式和管理方式",), blanks=("生产方式、组织方式和管理方式",)
    )
    assert grade(figure, "生产方式、组织方式、管理方式").correct


def test_a_list_entry_by_its_distinctive_words():
    """数智化人才 names 数智化人才队伍; 人才 alone does not; short names stay whole."""
    assert grade(SIX, "数据算力要素、数智化人才、关键核心技术").correct
    assert not grade(SIX, "数据算力要素、人才、关键核心技术").correct
    names = make("list", ("大数据中心", "云计算"))
    assert not grade(names, "数据中心、云计算").correct


def test_near_misses_are_named():
    """A wrong answer close to the key says how: 同音字, 错字, 漏字, 多字, 顺序, 数字."""
    cases = {
        ("能级跃迁", "能级越迁"): "同音字(越→跃)",
        ("全要素生产率", "全要素生产力"): "错字(力→率)",
        ("数智化人才队伍", "数智化人队伍"): "漏字(才)",
        ("高质量发展", "高高质量发展"): "多字(高)",
        ("科技创新", "创新科技"): "顺序",
        ("3.05万亿元", "3.5万亿元"): "数字(3.5→3.05)",
    }
    for (key, typed), named in cases.items():
        result = grade(make("term", (key,)), typed)
        assert not result.correct and result.near == named, (typed, result.near)
    assert grade(make("term", ("能级跃迁",)), "完全无关的答案").near is None
    assert grade(make("term", ("能级跃迁",)), "能级跃迁").near is None


def test_a_decimal_point_is_part_of_the_number():
    """3.05万亿元 is not 30.5万亿元 or 305万亿元 in any kind; the same number in another
    form (full-width, with the sentence's full stop) is still right."""
    single = make("term", ("3.05万亿元",))
    assert grade(single, "3.05万亿元").correct
    assert grade(single, "３．０５万亿元。").correct
    for wrong in ("30.5万亿元", "305万亿元", "0.305万亿元"):
        result = grade(single, wrong)
        assert not result.correct and result.near and result.near.startswith("数字"), wrong
    assert grade(single, "3.05万亿").correct  # 元 understood after 万亿
    assert not grade(single, "3.05万元").correct
    assert not grade(make("term", ("500元",)), "500").correct  # not after a bare number
    cloze = make("cloze", ("3.05万亿元", "2.55%"), blanks=("3.05万亿元", "2.55%"), ordered=True)
    assert grade(cloze, "3.05万亿元、2.55%").correct
    assert not grade(cloze, "30.5万亿元、2.55%").correct
    assert not grade(cloze, "3.05万亿元、25.5%").correct


def test_answers_the_user_accepted_are_right():
    """An answer the user declared right (study variants) is right for that question."""
    result = grade_answer(WINGS, "两只翅膀", GLOSSARY, accepted=("两只翅膀",))
    assert result.correct and result.note == "按你认可过的答案判对"
    assert not grade_answer(WINGS, "两只翅膀", GLOSSARY).correct


def test_pypinyin_only_for_a_near_miss():
    """Grading a right answer never imports pypinyin; naming a near miss does."""
    script = (
        "import sys\n"
        "from studycli.quiz.grading import grade_answer\n"
        "from studycli.deck.model import Source\n"
        "from studycli.quiz.questions import Question\n"
        "q = Question(id='x:term:a', item_id='x', kind='term', topics=(), prompt='?',"
        " answer='能级跃迁', expected=('能级跃迁',), answer_words=('能级跃迁',),"
        " source=Source('a', 'b'), fingerprint='0')\n"
        "assert grade_answer(q, '能级跃迁').correct\n"
        "before = 'pypinyin' in sys.modules\n"
        "assert grade_answer(q, '能级越迁').near\n"
        "print(before, 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_feedback_says_near_for_a_named_near_miss():
    """The feedback head says 接近 and names the error instead of a bare ✗."""
    from rich.console import Console

    from studycli.render.quiz import render_feedback

    question = make("term", ("能级跃迁",))
    console = Console(width=80, record=True, color_system=None)
    console.print(render_feedback(question, grade(question, "能级越迁")))
    text = console.export_text()
    assert text.startswith("≈ 接近,但不对  同音字(越→跃)")
    console.print(render_feedback(question, grade(question, "毫不相干")))
    assert "✗ 不对" in console.export_text()
