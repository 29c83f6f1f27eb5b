"""Examiner 4's FLAWED and WEAK causes, each fixed by a rule the shipped deck is held to."""

from __future__ import annotations

import json
import os
import random

import pytest
from typer.testing import CliRunner

from studycli.cli import app
from studycli.deck.loader import load_deck
from studycli.quiz.families import slot_filter
from studycli.quiz.questions import generate_questions
from studycli.quiz.segments import segment_deck


@pytest.fixture(scope="module")
def every(tmp_path_factory):
    """Every candidate question of the shipped deck (seed 7), flags kept, by id."""
    os.environ["STUDY_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    deck = load_deck()
    found = generate_questions(
        deck, deck.items, rng=random.Random(7), segments=segment_deck(deck), include_flagged=True
    )
    return {q.id: q for q in found}


def test_a_facet_another_item_states_otherwise_is_not_asked_bare(every):
    """生产力的地位, 劳动力's 地位, 重要载体 vs 主阵地, 产业政策's 作用: term and recite are
    flagged with the rival sentence; the choice on the facet is still asked."""
    for qid, rival in [
        ("a000-shengchanli-zuizhong:term:facet-地位", "物质前提"),
        ("a000-shengchanli-zuizhong:recite:meaning", "物质前提"),
        ("a000-laodongli-yaosu:term:facet-在生产力中的地位", "活的要素"),
        ("a000-zhongyao-zaiti:term:facet-与新质生产力的关系", "主阵地"),
        ("a000-chanye-zhengce-tizhi:term:facet-作用", "引导、推动作用"),
    ]:
        assert any(rival in flag for flag in every[qid].flags), qid
    assert not every["a000-shengchanli-zuizhong:choice:facet-地位"].flags
    # The policy named whole (科学合理的……) is told by no other sentence: recited.
    assert not every["a000-chanye-zhengce-tizhi:recite:meaning"].flags


def test_people_are_not_offered_what_is_said_of_workers(every):
    """人是____ never gets 最活跃的因素, which the articles say of 劳动者."""
    for q in every.values():
        if q.kind == "choice" and "，人是____" in q.prompt:
            assert not any("最活跃" in o for o in q.options), q.id


def test_a_list_judge_false_twin_shares_no_telling_word_with_an_entry(every):
    """六项举措 包括 人才工作机制创新 is true in substance: such a twin is never chosen."""
    judge = every.get("a000-liuxiang-jucuo:judge:s-1")
    assert judge is None or "人才" not in judge.prompt


def test_filler_blanks_are_flagged(every):
    """当今世界/相比, 在于, 系统工程 and 尊重市场 test no point."""
    for qid in (
        "a004-g3-yaosu-diyi:cloze:part-1",
        "a004-g4-tezheng:cloze:part-3",
        "a004-g2-xitong-gongcheng:cloze:text",
    ):
        assert every[qid].flags, qid


def test_slot_filter_keeps_distractors_that_read_in_the_slot():
    """____革命 and 提供____ want the key's head; 绿色、____、泛在 wants its length too."""
    fits = slot_filter("“____革命的目的是为了解放生产力”", "____", "社会主义")
    assert fits("资本主义") and not fits("未来产业")
    fits = slot_filter("为新质生产力的形成提供____。", "____", "坚实体制保障")
    assert fits("有力政策保障") and not fits("经济体制")
    fits = slot_filter("带动了以绿色、____、泛在为特征的", "____", "智能")
    assert fits("节能") and not fits("新动能")
    # 是____ and ____的 leave the slot open: any phrase of the family may stand.
    assert slot_filter("人才是____。", "____", "第一资源") is None


def test_no_position_question_is_asked(every):
    """第N项是? is flagged; a 第N项 cloze showing almost nothing weighs almost nothing."""
    assert every["a000-rencai-gongzuo-jizhi:choice:entry-1"].flags
    assert every["a004-g3-shenhua-gaige:cloze:entry-3"].weight < 0.1


def test_flags_are_shown_by_the_command(tmp_path):
    """study questions --flagged names the rival wording for 生产力's 地位."""
    result = CliRunner().invoke(
        app,
        ["questions", "--flagged", "--id", "a000-shengchanli-zuizhong:term:facet-地位"],
        env={"STUDY_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 0, result.output
    assert "物质前提" in result.output


def _paper(tmp_path, seed: int) -> list[dict]:
    result = CliRunner().invoke(
        app,
        ["exam", "--json", "--seed", str(seed), "--now", "2026-11-30T12:00:00+00:00"],
        input="",
        env={"STUDY_DATA_DIR": str(tmp_path / str(seed))},
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_papers_of_two_seeds_differ_and_are_balanced(tmp_path):
    """Two seeds share few questions (examiner 4: 7 of 20); 默写/列举 is a fifth of the
    marks, not 45%; 出处 and 归类 questions sit in 单选, 名词 in 填空; 100 points."""
    first, second = _paper(tmp_path, 71), _paper(tmp_path, 72)
    assert len({r["id"] for r in first} & {r["id"] for r in second}) <= 4
    for rows in (first, second):
        assert sum(r["points"] for r in rows) == 100
        recited = sum(r["points"] for r in rows if r["kind"] in ("recite", "list"))
        assert recited <= 25
        sections = {r["kind"]: r["section"] for r in rows}
        assert {sections.get("source"), sections.get("belongs")} - {None} == {"一、单选题"}
        assert sections.get("term", "四、填空题") == "四、填空题"


def test_a_long_term_answer_stays_off_the_paper():
    """名词 goes to 填空 only with a phrase for a key: a 50-character path is a recitation."""
    from types import SimpleNamespace

    from studycli.quiz.paper_standard import PaperStandard

    def term(answer: str):
        return SimpleNamespace(
            id="x:term:facet-具体路径", item_id="x", kind="term",
            prompt="以新促质的具体路径是什么?", answer=answer, expected=(answer,),
            options=(), weight=1.2, flags=(),
        )  # fmt: skip

    standard = PaperStandard()
    assert standard.faults(term("通过整合科技创新资源，积极培育战略性新兴产业，前瞻布局未来产业"))
    assert not standard.faults(term("最具活力的科技创新主体"))


def test_a_point_the_article_states_under_two_entries_is_not_asked():
    """000 第四 says 引导支持平台企业加强数据、产品、内容等资源(的)整合共享 under 一是 and 二是:
    a 归类 question on it has two right answers (grader check 4), so it is not made."""
    import random

    from studycli.deck.loader import load_deck
    from studycli.quiz.questions import generate_questions

    deck = load_deck()
    item = next(i for i in deck.items if i.id == "a000-jucuo-4-shuzi-chanyehua")
    every = {q.id: q for q in generate_questions(deck, [item], rng=random.Random(0))}
    assert every, "the item still has questions"
    for q in every.values():
        if q.kind == "belongs":
            assert "资源整合共享" not in q.prompt and "资源的整合共享" not in q.prompt, q.id
