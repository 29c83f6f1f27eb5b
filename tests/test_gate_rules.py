"""Gate rules from the third review: half-clause keys, near-synonym parts, cut glossary terms."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from studycli.cli import app
from studycli.deck.loader import load_deck
from studycli.quiz.quality import _near_synonyms
from studycli.quiz.questions import generate_questions


@pytest.fixture(scope="module")
def every():
    """Every question of the shipped deck, flagged ones too, by id."""
    deck = load_deck()
    questions = generate_questions(deck, deck.items, rng=random.Random(5), include_flagged=True)
    return {q.id: q for q in questions}


def test_a_key_that_is_half_of_its_clause_is_flagged(every):
    """目标是形成经济发展新动能,实现经济高质量发展: the first half alone is not asked."""
    for qid in ("a004-g4-tezheng:term:role-目标", "a004-g4-tezheng:choice:part-4"):
        assert any("一半" in f for f in every[qid].flags), qid
    # 产业升级、科技创新…: a list goes on after 、, the key is whole.
    assert not any("一半" in f for f in every["a004-yihe-liangyi:term:role-一核"].flags)


def test_near_synonym_parts_are_not_asked_as_belongs(every):
    """集聚 / 转移 / 转换 stripped of their subjects cannot be told apart."""
    assert _near_synonyms(("集聚", "转移", "转换")) == ("转移", "转换")
    assert _near_synonyms(("重要特征", "着力点", "落脚点")) is None
    flags = every["a004-g5-dongbei-zhuanhuan:belongs:point-2-1"].flags
    assert any("近义词" in f for f in flags)


def test_a_blank_never_cuts_a_glossary_term(every):
    """习近平经济思想 is blanked whole or not at all."""
    q = every["a004-g1-lunshu-yiyi:cloze:facet-地位"]
    assert q.blanks == ("习近平经济思想",) or q.flags
    for question in every.values():
        if question.kind == "cloze" and not question.flags:
            assert "习近平经济____" not in question.prompt, question.id


def test_the_open_constraints_list_is_no_multi(every):
    """制约高质量发展的因素 ends with 等等: open, so neither multi nor "write all 3"."""
    multi = every.get("a004-g1-zhiyue-yinsu:multi:all")
    assert multi is None or multi.flags
    assert every["a004-g1-zhiyue-yinsu:list:all"].flags


def test_flagged_listing_names_the_new_reasons():
    """study questions --flagged --json gives the half-clause and near-synonym reasons."""
    result = CliRunner().invoke(app, ["questions", "--flagged", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert any("一半" in f for f in rows["a004-g4-tezheng:term:role-目标"]["flags"])
    assert any("近义词" in f for f in rows["a004-g5-dongbei-zhuanhuan:belongs:point-2-1"]["flags"])


def test_list_judges_need_a_false_twin(every):
    """A list judge with no wrong entry of the list's family to swap in is always 对: not made.
    A role with one part says 是, not 包括 (基本语境是经济新常态)."""
    assert "a000-shuju-jichu-zhidu:judge:s-1" not in every  # open list, no twin
    assert "a004-g5-dongbei-kaoliang:judge:s-1" not in every
    tifa = every["a004-g5-sange-tifa:judge:s-1"].prompt
    assert "“基本语境”是“" in tifa and "包括" not in tifa


def test_phrase_figures_take_distractors_of_their_kind(every):
    """A blanked phrase (not an amount) has distractors that look like it, and none that the
    deck says of the concept before the blank (劳动力是____ never offers 最活跃的因素)."""
    from studycli.quiz.families import looks_like

    assert looks_like("工业革命", "信息革命") and not looks_like("深空探测", "信息革命")
    for q in every.values():
        if q.kind != "choice" or q.flags or ":figure-" not in q.id:
            continue
        if any(ch.isdigit() for ch in q.answer):
            continue
        for option in q.options:
            assert option == q.answer or looks_like(option, q.answer), (q.id, option)
        if "劳动力是____" in q.prompt:
            assert "最活跃的因素" not in q.options, q.id


def test_weights_of_the_remaining_weak_causes(every):
    """Who-said-it ×0.1; a belongs whose point shares 人才 with the key only ×0.3;
    a connective (如果说) is a stock blank."""
    speaker = every["a004-g4-neizai-yaoqiu-quote:source:speaker"]
    occasion = every["a004-g4-neizai-yaoqiu-quote:source:occasion"]
    assert speaker.weight <= occasion.weight / 8
    talent = every["a004-wuge-jiakuai:belongs:point-5-1"]  # 人才是第一资源… → 人才工作机制创新
    data = every["a000-jucuo-1-shuju:belongs:point-1-2"]  # no telling word
    assert talent.weight <= data.weight * 0.3 + 1e-9
    for q in every.values():
        if q.kind == "cloze" and not q.flags:
            assert "如果说" not in q.blanks, q.id


def test_the_third_examiners_give_aways_are_flagged(every):
    """Each cause of examiner review 3 that a rule can catch is flagged with its reason."""
    flagged = {
        "a004-g1-dengxiaoping-quote:cloze:text": "套话或虚词",  # 根本____ → 一条
        "a004-g1-lilun-zongjie-quote:cloze:text": "套话或虚词",  # ____指导 → 用以
        "a004-g2-zhengce-zhiding:cloze:text": "同一个字打头",  # 适时、适度 beside 适宜
        "a004-g1-maozedong-quote:source:occasion": "时期而非场合",  # 新中国成立后
        "a004-g3-sanda-yaosu:recite:all": "别名",  # 劳动力/劳动者 recited verbatim
        "a004-g1-laodongzhe:cloze:facet-在生产力中的地位": "另一种说法",
        "a004-g1-tizhi-jizhi-chuangxin:choice:figure-1": "题干重复了答案",  # 生产关系
        "a004-g4-tezheng:judge:s-1": "原文另有一处",  # 重要特征 without 感悟4
        "a004-g4-tezheng:cloze:summary": "原文另有一处",
    }
    for qid, reason in flagged.items():
        assert any(reason in f for f in every[qid].flags), (qid, every[qid].flags)
    # The enumerated facet names what is asked: still a fair cloze.
    assert not every["a004-xinzhi-definition:cloze:facet-特征"].flags
    # ____是生产力____、____的要素 (flagged 几乎全空) no longer arises: a definition's own term
    # stays in its meaning cloze as the context (examiner 6: “____，就是____” asked nothing).
    for qid in ("a000-laodongli-yaosu:cloze:meaning", "a004-g3-zhenghe:cloze:meaning"):
        question = every[qid]
        assert question.prompt.startswith(("劳动力是生产力", "整合，就是")), question.prompt
        assert not any("几乎全空" in f for f in question.flags), question.flags
    # …but 劳动者是生产力中____ blanks more than it shows beside the term (examiner 7): the
    # term question asks that, and no cloze of this meaning is set.
    assert "a004-g1-laodongzhe:cloze:meaning" not in every
    assert "a000-shengchanli-zuizhong:cloze:meaning" in every  # 生产力是社会发展的____决定力量


def test_no_judge_swaps_two_halves_of_one_sentence(every):
    """新质: 来源 and 内涵 come from one sentence, so neither is the other's false twin."""
    for q in every.values():
        if q.kind == "judge" and q.item_id == "a004-g3-xinzhi":
            assert q.answer == "对" or "来源" not in q.prompt, q.prompt


def test_a_two_option_belongs_weighs_little(every):
    """一核 or 两翼 is a coin flip: kept for the curator, rarely drawn."""
    two = every["a004-yihe-liangyi:belongs:part-1"]
    judge = every["a004-yihe-liangyi:judge:s-1"]  # the same framework, same item weight
    assert len(two.options) == 2 and two.weight <= judge.weight * 0.3 + 1e-9


def test_eras_are_no_occasion_options_and_everyday_blanks_weigh_little(every):
    """新中国成立后 is never offered beside meetings; 释放、驱动 blanks weigh far less than a
    cloze on a named term of the same item."""
    for q in every.values():
        if q.kind == "source" and q.id.endswith(":occasion") and not q.flags:
            assert not {"新中国成立后", "改革开放后"} & set(q.options), q.id
    verbs = every["a004-g5-sange-tifa:cloze:part-3"]  # 释放、驱动
    assert verbs.blanks == ("释放", "驱动") and verbs.weight <= 0.25


def test_a_parallel_clause_giving_the_key_away_is_flagged(every):
    """推动____、新型生产关系逐步形成: only 旧有生产关系逐步瓦解 mirrors 逐步 (examiner 2, W2)."""
    for qid in ("a004-g5-keji-tupo:choice:figure-1", "a004-g5-keji-tupo:choice:figure-2"):
        assert any("题干重复了答案" in f for f in every[qid].flags), qid


def test_a_facet_word_only_the_key_holds_is_flagged(every):
    """理论贡献 → …生产力理论; 在生产力中的地位 → 生产力中最活跃的因素: told by the word."""
    for qid in (
        "a004-g1-lunshu-yiyi:choice:facet-理论贡献",
        "a004-g1-laodongzhe:choice:facet-在生产力中的地位",
    ):
        assert any("只出现在答案里" in f for f in every[qid].flags), qid
