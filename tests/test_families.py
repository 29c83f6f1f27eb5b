"""Typed distractor pools (quiz/families.py): a distractor is of the key's family and shape."""

from __future__ import annotations

import random

import pytest

from studycli.deck.loader import load_deck
from studycli.quiz.families import common_mark, family_of, fits, same_subject, shape, shares_run
from studycli.quiz.questions import generate_questions


@pytest.fixture(scope="module")
def every():
    """Every question of the shipped deck, flagged ones too, by id."""
    deck = load_deck()
    questions = generate_questions(deck, deck.items, rng=random.Random(3), include_flagged=True)
    return {q.id: q for q in questions}


def test_a_lists_mark_is_what_every_entry_holds():
    """链, 化, 跨, 改革 and 是第一 type a list; entries with nothing in common give none."""
    assert common_mark(["产业链", "创新链", "资金链"]) == "链"
    assert common_mark(["集群化", "融合化", "生态化"]) == "化"
    assert common_mark(["跨学科", "跨领域", "跨机构"]) == "跨"
    assert common_mark(["行政体制改革", "产业政策改革"]) == "改革"
    assert common_mark(["科技是第一生产力", "人才是第一资源", "创新是第一动力"]) == "是第一"
    assert common_mark(["要素配置效率不高", "体制机制障碍"]) == ""


def test_fits_keeps_the_mark_the_shape_and_the_size():
    """供应链 fits 产业链; 区块链 too; a measure never fits a question form nor an industry."""
    assert fits("供应链", ["产业链"], "链")
    assert not fits("人才是第一资源", ["战略人才", "应用型人才"], "人才")  # 人才 not at the end
    assert not fits("创新驱动发展", ["由谁来创新", "动力哪里来"])  # a noun among questions
    assert not fits("数字技术与各领域深度融合", ["跨学科"])  # far too long
    assert shape("加强协同创新网络构建") == "verbal" and shape("成果如何用") == "question"


def test_families_and_subjects():
    """具体举措 and 措施 are one family; two lists on one subject refuse each other's entries."""
    assert family_of("具体举措") == family_of("措施") == "action"
    assert family_of("基本理论问题") != family_of("问题")
    assert same_subject(
        "推动新质生产力加快发展的五个“加快”", "推动新质生产力加快发展的五项具体举措"
    )
    assert shares_run("蓄积发展新动能", ["形成经济发展新动能"])


def test_the_examiners_off_category_distractors_are_gone(every):
    """Examiner 2/3: 人工智能 among tasks, 供应链 is fine but 围绕装备制造业… among problems,
    人才工作机制创新 beside the five measures, 创新驱动发展 beside the two wings: never asked."""

    def shown(qid):
        q = every.get(qid)
        return () if q is None or q.flags else q.options

    assert not {"人工智能", "氢能与储能"} & set(shown("a004-g1-jinyibu-tuidong:multi:all"))
    assert "围绕装备制造业进行技术创新" not in shown("a004-g4-wuge-wenti:multi:all")
    assert "人才工作机制创新" not in shown("a004-g4-duice:multi:all")
    assert "创新驱动发展" not in shown("a004-yihe-liangyi:multi:role-两翼")
    assert "数字技术与各领域深度融合" not in shown("a004-g2-sige-kua:multi:all")


def test_every_list_distractor_fits_the_right_options(every):
    """Property over the shipped deck: each wrong option of a list or role multi fits the
    family of the list's entries (same shape and near size)."""
    deck = load_deck()
    members = {
        item.id: [e.label for e in item.entries] for item in deck.items if hasattr(item, "entries")
    }
    checked = 0
    for q in every.values():
        if q.kind != "multi" or q.flags or q.id.endswith(":speaker"):
            continue
        for option in q.options:
            if option not in q.expected:
                assert fits(option, members.get(q.item_id, q.expected)), (q.id, option)
                checked += 1
    assert checked >= 20


def test_no_two_options_are_aliases_of_each_other(every):
    """劳动力 and 劳动者 are one answer: never two distractors side by side (examiner 3)."""
    for q in every.values():
        if q.kind == "choice" and not q.flags:
            assert not {"劳动力", "劳动者"} <= set(q.options), q.id
            assert not {"劳动工具", "劳动资料"} <= set(q.options), q.id


def test_one_character_apart_means_the_same():
    """新质生产工具 for 新型生产工具 is no distractor; 数字化 for 智能化 is."""
    from studycli.quiz.families import may_mean_the_same

    assert may_mean_the_same("新质生产工具", "新型生产工具")
    assert may_mean_the_same("重要保障", "坚实体制保障")
    assert not may_mean_the_same("数字化", "智能化")
