"""Second examiner's FLAWED cases: answers the articles themselves contest (quiz/contested.py)."""

from __future__ import annotations

import json
import os
import random

import pytest
from typer.testing import CliRunner

from studycli.cli import app
from studycli.deck.loader import load_deck
from studycli.deck.model import Definition, Facet, Source
from studycli.quiz.contested import _states, core_name, restates, split_facets
from studycli.quiz.questions import generate_questions
from studycli.quiz.segments import segment_deck

SRC = Source(article="004_46f25000791b86e7.txt", section="感悟3 · 什么是生产力")


@pytest.fixture(scope="module")
def every(tmp_path_factory):
    """Every candidate question of the shipped deck (seed 7), flags kept, by id."""
    os.environ["STUDY_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    deck = load_deck()
    questions = generate_questions(
        deck, deck.items, rng=random.Random(7), segments=segment_deck(deck), include_flagged=True
    )
    return {q.id: q for q in questions}


def test_facets_split_from_one_sentence_are_found():
    """整合,就是协同耦合,产生……效应: 含义 and 效应 are one sentence; separate sentences are not."""
    zhenghe = Definition(
        id="z",
        topics=("科技创新",),
        source=SRC,
        term="整合",
        meaning="整合，就是协同耦合，产生1+1大于2的非线性放大效应，系统出现原来没有的新质",
        facets=(Facet("含义", "协同耦合"), Facet("效应", "1+1大于2的非线性放大效应")),
    )
    assert split_facets(zhenghe) == {"含义", "效应"}
    apart = Definition(
        id="y",
        topics=("科技创新",),
        source=SRC,
        term="某",
        meaning="某是甲。某的作用是乙",
        facets=(Facet("含义", "甲"), Facet("作用", "乙")),
    )
    assert split_facets(apart) == set()


def test_a_passage_states_a_facet_or_only_names_it():
    """关键在创新 states the facet; 特征、基本内涵……等问题 and 领先地位 only name it."""
    assert _states("发展新质生产力关键在创新", "关键")
    assert _states("以数字化、网络化、智能化、绿色化、融合化为基本特征", "特征")
    assert _states("新质生产力……具有高科技、高效能、高质量特征，符合新发展理念", "特征")
    assert not _states("指明了新质生产力的特征、基本内涵、核心标志等基本理论问题", "特征")
    assert not _states("在生产力发展中取得领先地位", "地位")
    assert not _states("以提高劳动生产率和资源利用效率为目标所进行的生产方式……的变革", "目标")
    assert core_name("重要特征") == "特征" and core_name("关键") == "关键"


def test_a_distractor_restating_an_entry_is_refused():
    """形成经济发展新动能 restates 新的产业、模式、动能; a shared common head (体系) does not."""
    assert restates("形成经济发展新动能", ["新的产业、模式、动能"])
    assert not restates("告别传统技术体系", ["现代化产业体系"])
    assert not restates("人工智能", ["新的产业、模式、动能"])


def test_the_second_examiners_flawed_questions_are_flagged(every):
    """Each FLAWED id of examiner round 1 is flagged with its reason, or now says whose wording."""
    flagged = {
        "a004-g3-zhenghe:term:facet-含义": "同一句话",
        "a004-g3-zhenghe:choice:facet-含义": "同一句话",
        "a004-g3-zhenghe:judge:s-1": "同一句话",
        "a004-g1-laodongzhe:recite:meaning": "另一种原话",
        "a004-g5-yingyong-fanchou:list:role-未来产业": "开放清单",
        "a004-g5-yingyong-fanchou:multi:role-战略性新兴产业": "开放清单",
        "a004-g4-tezheng:term:role-重要特征": "原文另有一处",
        "a004-g4-tezheng:choice:part-1": "原文另有一处",
    }
    for qid, reason in flagged.items():
        # Not made at all (no distractor of the key's family) is as good as flagged.
        assert qid not in every or any(reason in f for f in every[qid].flags), qid
    # 关键 is 质优 in 习近平's summary, 创新 in 感悟2: the stem now says whose summary.
    for qid in (
        "a004-xinzhi-definition:term:facet-关键",
        "a004-xinzhi-definition:choice:facet-关键",
    ):
        q = every[qid]
        assert q.prompt.startswith("按习近平总书记的概括,") and q.answer == "质优"
        assert not q.flags, q.flags
    # The multi no longer offers a restatement of 新的产业、模式、动能 as a wrong option.
    multi = every["a004-g1-jinyibu-tuidong:multi:all"]
    wrong = [o for o in multi.options if o not in multi.expected]
    assert not any(o.endswith("动能") for o in wrong), multi.options


def test_flagged_listing_shows_the_reasons():
    """study questions --flagged --json lists the contested questions with Chinese reasons."""
    result = CliRunner().invoke(app, ["questions", "--flagged", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert any("另一半也是对的" in f for f in rows["a004-g3-zhenghe:term:facet-含义"]["flags"])
    assert any(
        "开放清单" in f for f in rows["a004-g5-yingyong-fanchou:list:role-未来产业"]["flags"]
    )


def test_weak_causes_of_round_one_are_flagged_or_weighed_down(every):
    """Generic blanks, one-character answers, mixed titles and open-list ordinals are flagged;
    speaker questions, shared-word multis and 第几项 weigh far less than core points."""
    flagged = {
        "a004-g1-lunshu-yiyi:cloze:meaning": "套话或泛词",  # blank 新质生产力
        "a004-g5-keji-tupo:choice:figure-3": "套话或泛词",  # blank 动力来源
        "a004-g3-qidian-neihe-luodian:term:role-起点": "只有一个字",  # 起点 → 新
        "a000-shuju-jichu-zhidu:cloze:entry-2": "第几项",  # ……数据要素治理等: open
    }
    for qid, reason in flagged.items():
        # Not made at all (no distractor of the key's family) is as good as flagged.
        assert qid not in every or any(reason in f for f in every[qid].flags), qid
    # 《意见》 beside a verb phrase: titles and non-titles are never mixed among options.
    for q in every.values():
        titles = [o.startswith("《") for o in q.options]
        if q.kind in ("choice", "multi") and any(titles) and not all(titles):
            assert any("文件名" in f for f in q.flags), q.id
    speaker = every["a004-g4-neizai-yaoqiu-quote:source:speaker"]
    occasion = every["a004-g4-neizai-yaoqiu-quote:source:occasion"]
    assert speaker.weight <= occasion.weight / 4 and not occasion.flags
    assert every["a004-g2-shengai-quote:judge:s-1"].weight <= 0.3  # speaker swapped
    # 劳动 in every right one, and no 构成要素 in the deck that is wrong: not made at all.
    assert "a004-g1-sanyaosu:multi:role-构成要素" not in every
    assert every["a004-g3-shenhua-gaige:cloze:entry-3"].weight <= 0.3  # 第3项


def test_mixed_sessions_rarely_ask_who_said_it():
    """Across three seeded mixed sessions of 20, at most three questions ask for a speaker."""
    runner = CliRunner()
    speakers = 0
    for seed in ("101", "202", "303"):
        result = runner.invoke(app, ["quiz", "--count", "20", "--seed", seed, "--json"], input="")
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["questions"]
        assert len(rows) == 20
        speakers += sum(row["id"].endswith(":speaker") for row in rows)
    assert speakers <= 3


def test_restated_unlike_and_open_distractors_are_flagged(every):
    """产业深度转型升级 beside 产业升级, 集体学习 beside 主体作用, multis on open lists and
    "which belongs to 战略性新兴产业" on an open framework are not asked."""
    one_core = every["a004-yihe-liangyi:choice:part-1"]
    assert "产业深度转型升级" not in one_core.options or one_core.flags
    flagged = {
        "a004-g2-shengai-quote:choice:text": "凭语感即可排除",
        "a000-shuju-jichu-zhidu:multi:all": "不出多选",
        "a004-g5-yingyong-fanchou:choice:part-4": "下列哪一项属于",
    }
    for qid, reason in flagged.items():
        assert qid not in every or any(reason in f for f in every[qid].flags), qid
    # Figures keep their number variants (100项 / 1000项): that is what they test.
    figures = [q for q in every.values() if q.kind == "choice" and ":figure-" in q.id]
    assert not any("展开或缩写" in f for q in figures for f in q.flags if "项" in q.answer)
    # Which part 新材料 belongs to is still asked: the two roles are the article's own.
    assert not every["a004-g5-yingyong-fanchou:belongs:part-3"].flags


def test_meanings_whose_term_is_not_at_the_start_are_not_asked_as_such(every):
    """以习近平同志为核心的党中央把____作为…: no "which concept", no recitation without a start;
    新质生产力,核心要义是"以新促质"… is still recited (the term is named at once)."""
    for qid in (
        "a004-g1-ying-daoli:term:meaning",
        "a004-g1-ying-daoli:choice:term",
        "a004-g3-xinzhi:term:meaning",
        "a004-g5-yixin-cuzhi:term:meaning",
    ):
        assert any("句首" in f for f in every[qid].flags), (qid, every[qid].flags)
    for qid in ("a004-g1-ying-daoli:recite:meaning", "a004-g3-xinzhi:recite:meaning"):
        assert any("从哪里写起" in f for f in every[qid].flags), (qid, every[qid].flags)
    assert not every["a004-g5-yixin-cuzhi:recite:meaning"].flags
    assert not every["a004-g3-zhenghe:term:meaning"].flags  # ____,就是协同耦合……


def test_no_distractor_is_far_longer_or_shorter_than_the_answer(every):
    """The 45-character 以新促质 path beside 新质生产力的重要载体, or 特点 beside 抢占发展制高点,
    is never offered; figures (100项 / 1000项) are exempt."""
    from studycli.quiz.picking import _odd_length

    assert _odd_length(
        "通过整合科技创新资源，积极培育战略性新兴产业，前瞻布局未来产业", "新质生产力的重要载体"
    )
    assert _odd_length("特点", "抢占发展制高点")
    assert not _odd_length("1000项", "100项") and not _odd_length("供应链", "产业链")
    for q in every.values():
        if q.kind in ("choice", "multi") and not q.id.endswith(":speaker"):
            for option in q.options:
                if option not in q.expected:
                    assert not any(_odd_length(option, right) for right in q.expected), q.id


def test_a_new_phrase_in_other_words_restates_an_entry():
    """新的产业, 新兴产业 and 新型产业 say the same (新产业): 培育壮大新兴产业 is no wrong option
    beside 形成新的产业 (examiner 6); 创新体系 is no 新体系, and other heads are not touched."""
    from studycli.quiz.contested import restating

    same = restating(["新的产业、模式、动能", "形成新的产业、新的模式、新的动能"])
    assert same("培育壮大新兴产业") and same("发展新型产业")
    assert not same("完善创新体系建设") and not same("掌握关键核心技术")


def test_the_five_aspects_offer_no_restated_entry(runner):
    """Through `study questions --json`: the 五个方面 multi offers no 新兴产业 beside 新的产业."""
    import json

    from studycli.cli import app

    result = runner.invoke(app, ["questions", "--json", "--kind", "multi"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    questions = {q["id"]: q for q in (data["questions"] if isinstance(data, dict) else data)}
    options = questions["a004-g1-jinyibu-tuidong:multi:all"]["options"]
    assert "新的产业、模式、动能" in options
    assert not any("新兴产业" in option for option in options), options
