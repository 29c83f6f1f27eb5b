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
