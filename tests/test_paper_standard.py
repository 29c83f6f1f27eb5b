"""The stricter standard a mock paper holds its questions to (quiz.paper_standard), and what it
does to papers of the shipped deck through `study exam`."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from studycli.cli import app
from studycli.quiz.paper_standard import (
    MAX_RECITE_CHARS,
    Leaks,
    PaperStandard,
    alike,
    key_pieces,
)

NOW = "2026-03-01T09:00:00+08:00"


def question(qid: str, kind: str, answer: str, **extra) -> SimpleNamespace:
    """A stand-in question with what the standard reads."""
    fields = {
        "item_id": qid.split(":")[0],
        "prompt": "题干",
        "expected": (answer,),
        "options": (),
        "weight": 1.0,
        "flags": (),
    }
    return SimpleNamespace(id=qid, kind=kind, answer=answer, **{**fields, **extra})


def test_long_recitations_lists_and_term_choices_are_faults():
    """A 35-character 默写, a list of long entries and a 哪个概念 choice never go on a paper."""
    standard = PaperStandard()
    long = question(
        "a:recite:text",
        "recite",
        "发挥科技型骨干企业引领支撑作用，营造有利于科技型中小微企业成长的良好环境",
    )
    assert standard.faults(long) == [f"默写答案 35 字,试卷上默写以 {MAX_RECITE_CHARS} 字为限"]
    short = question("b:recite:text", "recite", "促进各类创新要素向企业集聚")
    assert standard.faults(short) == []
    listed = question(
        "c:list:all", "list", "x", expected=("数字技术与各领域深度融合", "增强关键技术创新能力")
    )
    assert standard.faults(listed) == ["列举的各项太长,考场上写不完"]
    term = question("d:choice:term", "choice", "企业", options=("企业", "整合"))
    assert "唯一同类" in standard.faults(term)[0]
    flagged = question("e:cloze:text", "cloze", "质变", flags=("空格切开了固定词语",))
    assert standard.faults(flagged) == ["空格切开了固定词语"]


def test_core_needs_the_weight_and_wrong_options_of_the_answers_kind():
    """Weight ≥ 1.0, and two wrong options like the key (same 链, a shared word, a sibling)."""
    standard = PaperStandard()
    chain = question(
        "a:choice:entry-1", "choice", "产业链", options=("产业链", "供应链", "区块链", "跨机构")
    )
    assert standard.core(chain)
    light = SimpleNamespace(**{**vars(chain), "weight": 0.5})
    assert not standard.core(light) and standard.well_formed(light)
    loose = question(
        "b:choice:facet-地位",
        "choice",
        "最具活力的科技创新主体",
        prompt="企业的地位是什么?",
        options=(
            "协同耦合",
            "1+1大于2的非线性放大效应",
            "以创新驱动新经济变革",
            "最具活力的科技创新主体",
        ),
    )
    assert not standard.core(loose)  # 创新 alone is the deck's common wording
    assert standard.well_formed(chain) and not standard.well_formed(loose)
    # Sibling facets of one item are of the key's kind whatever their words.
    facets = [
        question(
            "x:choice:facet-本质",
            "choice",
            "先进生产力",
            options=("先进生产力", "全要素生产率大幅提升", "高科技、高效能、高质量", "质优"),
        ),
        question("x:choice:facet-核心标志", "choice", "全要素生产率大幅提升"),
        question("x:choice:facet-特征", "choice", "高科技、高效能、高质量"),
    ]
    standard.learn(facets)
    assert standard.core(facets[0])


def test_aliases_among_the_options_keep_a_choice_off():
    """劳动力 and 劳动者 are one thing: both as options, they cancel out (examiner 3, 92-1)."""
    options = ("劳动力", "劳动工具", "劳动者", "劳动对象")
    q = question("a:choice:entry-2", "choice", "劳动工具", options=options)
    assert PaperStandard().core(q)
    assert not PaperStandard([("劳动力", "劳动者")]).core(q)


def test_multi_needs_two_wrong_options_half_of_them_plausible():
    """One obvious wrong option, or wrong options unlike every right one: not for a paper."""
    standard = PaperStandard()
    good = question(
        "a:multi:all",
        "multi",
        "x",
        expected=("生态化", "融合化", "集群化"),
        options=("生态化", "电气化", "融合化", "信息化", "集群化"),
    )
    assert standard.core(good)
    one_wrong = question(
        "b:multi:all",
        "multi",
        "x",
        expected=("跨部门", "跨学科", "跨领域"),
        options=("跨部门", "跨学科", "跨领域", "数字技术与各领域深度融合"),
    )
    assert not standard.core(one_wrong)
    unlike = question(
        "c:multi:all",
        "multi",
        "x",
        expected=("新的产业、模式、动能", "掌握关键核心技术"),
        options=("人工智能", "新的产业、模式、动能", "氢能与储能", "掌握关键核心技术"),
    )
    assert not standard.core(unlike)


def test_alike_ignores_the_stem_and_common_words():
    """A word shared only through the stem or the deck's common wording says nothing."""
    assert alike("供应链", "产业链")
    assert alike("劳动对象", "劳动工具")
    assert not alike("先进生产力", "生产力中最活跃的因素", stem="劳动者在生产力中的地位是什么?")
    assert not alike("科技创新发展", "实现高质量发展")


def test_leaks_find_a_key_shown_by_another_question():
    """全要素生产率 as part of an option of one question gives away the other's blank."""
    shows = question(
        "a:choice:facet-本质",
        "choice",
        "先进生产力",
        options=("先进生产力", "全要素生产率大幅提升"),
    )
    blank = question(
        "b:cloze:facet-核心标志",
        "cloze",
        "全要素生产率",
        prompt="新质生产力的核心标志:____大幅提升",
    )
    apart = question("c:cloze:text", "cloze", "新赛道", prompt="我们在____上不能掉队")
    leaks = Leaks([shows, blank, apart])
    assert leaks.between(blank, [shows]) and leaks.between(shows, [blank])
    assert not leaks.between(apart, [shows, blank])
    assert key_pieces(question("j:judge:s-1", "judge", "对")) == []


@pytest.mark.parametrize("seed", [5, 6, 7, 8])
def test_shipped_papers_meet_the_standard(runner, isolated_env, seed):
    """Four seeds through the CLI: 100 points, 12 topics, no recitation over the limit, no
    哪个概念 choice, a list question in section 五, and at most one question below core."""
    result = runner.invoke(app, ["exam", "--json", "--seed", str(seed), "--now", NOW], input="")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["questions"]
    assert len(rows) == 20 and sum(r["points"] for r in rows) == 100
    assert len({t for r in rows for t in r["topics"]}) == 12
    assert not [r for r in rows if r["kind"] == "recite" and len(r["answer"]) > 34]
    assert not [r for r in rows if r["id"].endswith(":term")]
    assert {"recite", "list"} <= {r["kind"] for r in rows if r["section"] == "五、默写/列举题"}
    assert len({r["item"] for r in rows}) == 20


def test_a_second_sitting_leaves_the_first_papers_items_aside(runner, isolated_env):
    """The same seed sat twice in one data dir: the second paper is another paper (a fresh
    data dir gives the same seed the same 20 items); the history keeps each paper's items."""
    args = ["exam", "--json", "--seed", "9", "--now", NOW]
    first = runner.invoke(app, args, input="")
    second = runner.invoke(app, args, input="")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    items = [{r["item"] for r in json.loads(r.stdout)["questions"]} for r in (first, second)]
    # A few core items the first paper did not use may leak a key, or sit on it as another
    # kind: then a core repeat beats a question below the standard.
    assert len(items[0]) == 20 and len(items[0] & items[1]) <= 2
    history = runner.invoke(app, ["exam", "--history", "--json", "--now", NOW])
    assert history.exit_code == 0
    assert len(json.loads(history.stdout)["papers"]) == 2


def test_an_entry_of_a_list_named_alike_is_contested():
    """人才工作机制创新 is one of the five 加快: a wrong option of the 五项具体举措 it is not."""
    five = question(
        "w:list:all",
        "list",
        "x",
        prompt="按顺序写出推动新质生产力加快发展的五个“加快”(共 5 项)。",
        expected=("科技创新", "产业创新", "人才工作机制创新"),
    )
    other = question(
        "o:list:all",
        "list",
        "x",
        prompt="写出成都要解决的三个基本问题(共 3 项)。",
        expected=("动力哪里来",),
    )
    duice = question(
        "d:multi:all",
        "multi",
        "x",
        prompt="下列属于“推动新质生产力加快发展的五项具体举措”的有(多选):",
        expected=("人才引育和培养", "基础研究和原始创新"),
        options=("人才工作机制创新", "人才引育和培养", "动力哪里来", "基础研究和原始创新"),
    )
    standard = PaperStandard()
    standard.learn([five, other, duice])
    assert standard.contested(duice) == [
        "干扰项“人才工作机制创新”是名称相近的另一清单的一项,也可能算对"
    ]
    assert not standard.core(duice) and not standard.well_formed(duice)


def test_a_facet_needs_sibling_facets_or_near_misses_from_its_passage():
    """企业的地位 against 整合 and 以新促质 facets from other essays: not for a paper."""
    here = SimpleNamespace(article="004", section="感悟2")
    away = SimpleNamespace(article="004", section="感悟5")
    facet = question(
        "q:choice:facet-地位",
        "choice",
        "最具活力的科技创新主体",
        options=("最具活力的科技创新主体", "协同耦合", "以创新驱动新经济变革", "重要参与者"),
        source=here,
    )
    others = [
        question("z:choice:facet-含义", "choice", "协同耦合", source=away),
        question("y:choice:facet-含义", "choice", "以创新驱动新经济变革", source=away),
        question("q:choice:facet-角色", "choice", "重要参与者", source=here),
    ]
    standard = PaperStandard()
    standard.learn([facet, *others])
    assert not standard.core(facet)  # one sibling only
    near = question("n:choice:facet-x", "choice", "协同耦合", source=here)
    standard.learn([near])
    assert standard.core(facet)  # 协同耦合 is now also a key of its own passage
    lone = question(
        "l:choice:facet-地位",
        "choice",
        "最活跃的因素",
        options=("最活跃的因素", "协同耦合", "重要参与者"),
        source=here,
    )
    standard.learn([lone])
    assert not standard.core(lone)  # near misses from its passage, but no sibling facet


def test_a_judge_of_membership_is_fair():
    """A role (mostly one thing) is not judged true with 包括; a false item is of the
    entries' kind and not one of them shortened."""
    role = question(
        "t:judge:s-2",
        "judge",
        "对",
        prompt="判断正误:“新质生产力的重要特征、着力点、落脚点与目标”中的“着力点”包括“科技创新”。",
    )
    part = question("t:choice:part-2", "choice", "科技创新")
    entries = ("技术革命性突破", "生产要素创新性配置", "产业深度转型升级")
    listed = question(
        "c:list:all",
        "list",
        "x",
        prompt="写出催生新质生产力的三个方面(共 3 项)。",
        expected=entries,
    )
    standard = PaperStandard()
    standard.learn([role, part, listed])
    assert not standard.core(role)

    def claim(item: str, answer: str = "错"):
        prompt = f"判断正误:“催生新质生产力的三个方面”包括“{item}”。"
        return question("c:judge:s-1", "judge", answer, prompt=prompt)

    assert not standard.core(claim("产业升级"))  # 产业深度转型升级 shortened: half true
    assert not standard.core(claim("人才是第一资源"))  # not of the entries' kind
    assert standard.core(claim("技术颠覆性突破"))
    assert standard.core(claim("技术革命性突破", "对"))


def test_two_questions_with_one_key_leak_into_each_other():
    """产业链 of the 000 四链 and 产业链 of the 004 四链: one paper asks it once."""
    a = question("a:choice:entry-1", "choice", "产业链", options=("产业链", "供应链"))
    b = question("b:choice:entry-1", "choice", "产业链", options=("区块链", "产业链"))
    pool = [a, b] + [question(f"p{n}:cloze:x", "cloze", "产业链") for n in range(80)]
    assert Leaks(pool).between(a, [b])


def test_three_blanks_only_side_by_side():
    """新性质、新特征、新功能 blanked together is a list; three blanks strewn over a short
    sentence leave too little to go on."""
    standard = PaperStandard()
    listed = question("x:cloze:a", "cloze", "x", prompt="由质变产生的____、____、____、新规律。")
    strewn = question("y:cloze:b", "cloze", "x", prompt="____是生产力____、____的要素")
    two = question("z:cloze:c", "cloze", "x", prompt="____是生产力最基本、____的要素")
    assert standard.core(listed) and not standard.core(strewn) and standard.core(two)


def test_a_false_item_from_a_list_in_the_same_passage_is_left_off():
    """数据要素治理 is not one of the 六项举措, but the 第六 one builds it: half true."""
    here = SimpleNamespace(article="000", section="专家解读 · 第一至第六")
    sixth = SimpleNamespace(article="000", section="专家解读 · 第六")
    six = question(
        "six:list:all",
        "list",
        "x",
        prompt="写出加快培育形成新质生产力的六项举措(共 2 项)。",
        expected=("培育数据、算力等要素", "数智化人才队伍"),
        source=here,
    )
    rules = question(
        "rules:list:all",
        "list",
        "x",
        prompt="写出完备的数据基础制度(共 2 项)。",
        expected=("数据产权", "数据要素治理"),
        source=sixth,
    )
    judge = question(
        "six:judge:s-1",
        "judge",
        "错",
        prompt="判断正误:“加快培育形成新质生产力的六项举措”包括“数据要素治理”。",
        source=here,
    )
    standard = PaperStandard()
    standard.learn([six, rules, judge])
    assert not standard.core(judge)


def test_options_showing_most_of_a_list_key_leak_it():
    """劳动工具 / 劳动对象 / 劳动力 as options give away most of 劳动力、劳动工具、劳动对象."""
    choice = question(
        "c:choice:part-1",
        "choice",
        "劳动力",
        options=("劳动工具", "创新是第一动力", "劳动对象", "劳动力"),
    )
    recite = question(
        "r:recite:all",
        "recite",
        "x",
        expected=("劳动力", "劳动工具", "劳动对象"),
        prompt="默写三大要素",
    )
    common = [
        question(f"p{n}:cloze:x", "cloze", "y", prompt="劳动力劳动工具劳动对象") for n in range(90)
    ]
    leaks = Leaks([choice, recite, *common])
    assert leaks.between(recite, [choice]) and leaks.between(choice, [recite])


def test_aliases_count_when_a_list_key_is_shown():
    """劳动力 and 劳动工具 shown stand for 劳动者 and 劳动资料 (declared aliases)."""
    choice = question(
        "c:choice:part-1",
        "choice",
        "劳动力",
        options=("劳动工具", "创新是第一动力", "劳动对象", "劳动力"),
    )
    listed = question("l:list:all", "list", "x", expected=("劳动者", "劳动资料", "劳动对象"))
    # Each word alone is common wording in this pool: only the aliases make it a leak.
    common = [
        question(f"p{n}:cloze:x", "cloze", "y", prompt="劳动者劳动资料劳动对象") for n in range(90)
    ]
    pool = [choice, listed, *common]
    assert not Leaks(pool).between(listed, [choice])
    standard = PaperStandard([("劳动者", "劳动力"), ("劳动资料", "劳动工具")])
    assert Leaks(pool, standard).between(listed, [choice])


def test_a_recited_list_and_a_listed_one_share_entries():
    """默写 劳动力、劳动工具、劳动对象 and 列举 劳动者、劳动资料、劳动对象: one thing twice."""
    recite = question("r:recite:all", "recite", "劳动力、劳动工具、劳动对象")
    listed = question("l:list:all", "list", "x", expected=("劳动者", "劳动资料", "劳动对象"))
    common = [question(f"p{n}:cloze:x", "cloze", "y", prompt="劳动对象") for n in range(90)]
    assert Leaks([recite, listed, *common]).between(recite, [listed])


def test_a_false_item_named_as_one_of_the_kind_is_left_off():
    """科技成果转化机制改革 is a 改革: “三项改革”包括 it is arguable; 三个方面 say nothing."""
    listed = question(
        "g:list:all",
        "list",
        "x",
        prompt="写出继续深化改革要推进的三项改革(共 2 项)。",
        expected=("经济体制改革", "科技体制改革"),
    )
    standard = PaperStandard()
    standard.learn([listed])
    reform = question(
        "g:judge:s-1",
        "judge",
        "错",
        prompt="判断正误:“继续深化改革要推进的三项改革”包括“科技成果转化机制改革”。",
    )
    assert not standard.core(reform)
    other = question(
        "g:judge:s-2",
        "judge",
        "错",
        prompt="判断正误:“继续深化改革要推进的三项改革”包括“体制机制创新”。",
    )
    assert standard.core(other)
