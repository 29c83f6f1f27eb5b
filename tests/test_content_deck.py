"""Structure of the real built-in deck: the central items the study session relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from studycli.deck.loader import builtin_content_dir, load_deck, resolve_topic
from studycli.deck.model import Definition, Framework, ListItem, Quote
from studycli.text import compare_key

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "articles"
A000 = "000_60834e77d2d30f85.txt"
A004 = "004_46f25000791b86e7.txt"
JINJU_OCCASION = "中共中央政治局第十一次集体学习"
REQUIRED_TOPICS = [
    "人才",
    "科技创新",
    "产业",
    "数据与要素",
    "改革与体制机制",
    "绿色发展",
    "区域与实践",
    "营商环境",
    "内涵与特征",
    "理论与意义",
]
# Items curated under 人才 (both articles); the deck has 40 at the time of writing.
MIN_TALENT_ITEMS = 35


@pytest.fixture(scope="module")
def deck():
    """The real deck, loaded from the built-in content directory only."""
    return load_deck([builtin_content_dir()])


def _item(deck, item_id, cls):
    item = deck.item(item_id)
    assert item is not None, f"missing item {item_id}"
    assert isinstance(item, cls), f"{item_id} is {type(item).__name__}, not {cls.__name__}"
    return item


def test_deck_size_is_substantial(deck):
    """The deck holds a substantial number of items of every kind."""
    assert len(deck.items) >= 120
    kinds = {item.kind for item in deck.items}
    assert kinds == {"quote", "definition", "list", "framework", "fact"}


def test_six_measures_in_order(deck):
    """The six measures of the expert reading form one ordered list, 第一 to 第六."""
    item = _item(deck, "a000-liuxiang-jucuo", ListItem)
    assert item.ordered
    assert item.source.article == A000
    texts = [entry.text for entry in item.entries]
    assert texts == [
        "加快培育发展数据、算力等新质生产力要素",
        "加快打造一支高层次、高质量的数智化人才队伍",
        "大力推进科技创新特别是关键核心技术的创新及其应用",
        "大力推进数字产业化，发展新产业新业态新模式",
        "大力发展战略性新兴产业，前瞻布局未来产业",
        "创新相关体制机制，充分发挥政府产业政策作用",
    ]
    labels = [entry.label for entry in item.entries]
    assert labels[1] == "数智化人才队伍"
    assert labels[3] == "数字产业化"
    assert all(label and len(label) <= 14 for label in labels)
    assert all(entry.points for entry in item.entries)
    assert item.entries[0].points[0] == "进一步提升数据要素供给质量"


def test_measure_sub_lists(deck):
    """Measures 第二, 第四 and 第六 have their own lists with 3, 4 and 3 sub-points."""
    expected = {
        "a000-jucuo-2-rencai": ["加强数字经济、人工智能学科建设", "加大对高端数智化人才的引进力度"],
        "a000-jucuo-4-shuzi-chanyehua": [
            "深化数字技术与各领域融合应用",
            "提升数字经济核心产业竞争力",
        ],
        "a000-jucuo-6-zhengce": ["有效发挥政府产业政策的引导、推动作用"],
    }
    sizes = {"a000-jucuo-2-rencai": 3, "a000-jucuo-4-shuzi-chanyehua": 4, "a000-jucuo-6-zhengce": 3}
    for item_id, first in expected.items():
        item = _item(deck, item_id, ListItem)
        assert len(item.entries) == sizes[item_id]
        assert [e.text for e in item.entries][: len(first)] == first


def test_yihe_liangyi_parts(deck):
    """一核两翼: 一核 is 产业升级; 两翼 are 科技创新发展 and 人力资本跃升, each with text."""
    item = _item(deck, "a004-yihe-liangyi", Framework)
    assert item.name == "一核两翼"
    assert item.roles() == ["一核", "两翼"]
    by_role = {}
    for part in item.parts:
        by_role.setdefault(part.role, []).append(part.label)
        assert part.text
    assert by_role == {"一核": ["产业升级"], "两翼": ["科技创新发展", "人力资本跃升"]}
    assert item.source.article == A004
    assert item.source.section.startswith("感悟5 · 三、")
    assert {"产业", "科技创新", "人才"} <= set(item.topics)


def test_definition_facets(deck):
    """The definition of 新质生产力 has every facet of 习近平's sentence as its own part."""
    item = _item(deck, "a004-xinzhi-definition", Definition)
    assert item.term == "新质生产力"
    facets = {facet.name: facet.text for facet in item.facets}
    assert facets["特征"] == "高科技、高效能、高质量"
    assert facets["催生因素"] == "技术革命性突破、生产要素创新性配置、产业深度转型升级"
    assert facets["基本内涵"] == "劳动者、劳动资料、劳动对象及其优化组合的跃升"
    assert facets["核心标志"] == "全要素生产率大幅提升"
    assert facets["特点"] == "创新"
    assert facets["关键"] == "质优"
    assert facets["本质"] == "先进生产力"
    assert "先进生产力质态" in item.meaning
    assert "创新起主导作用" in item.meaning


def test_definition_sentence_is_a_quote(deck):
    """习近平's definition sentence is also kept whole as a quote."""
    item = _item(deck, "a004-xinzhi-definition-quote", Quote)
    assert item.speaker == "习近平"
    assert item.text.startswith("概括地说，新质生产力是创新起主导作用")
    assert item.text.endswith("本质是先进生产力。")


def test_three_jinju(deck):
    """The three 学习金句 carry speaker, date 2024-01-31 and the 集体学习 occasion."""
    ids = ["a000-jinju-keji-chuangxin", "a000-jinju-shenhua-gaige", "a000-jinju-rencai"]
    quotes = [_item(deck, item_id, Quote) for item_id in ids]
    for quote in quotes:
        assert quote.speaker == "习近平"
        assert quote.date == "2024-01-31"
        assert quote.occasion == JINJU_OCCASION
        assert quote.source.article == A000
        assert quote.source.section == "学习金句"
    assert quotes[0].text.startswith("科技创新能够催生新产业")
    assert quotes[1].text.startswith("发展新质生产力，必须进一步全面深化改革")
    assert quotes[2].text.startswith("要按照发展新质生产力要求")
    assert "人才" in quotes[2].topics


def test_five_jiakuai_in_order(deck):
    """The five 加快 of 感悟1 form one ordered list in the article's order."""
    item = _item(deck, "a004-wuge-jiakuai", ListItem)
    assert item.ordered
    assert [entry.label for entry in item.entries] == [
        "科技创新",
        "产业创新",
        "发展方式创新",
        "体制机制创新",
        "人才工作机制创新",
    ]
    assert all(entry.text.startswith("加快") for entry in item.entries)
    assert {"人才", "改革与体制机制", "绿色发展"} <= set(item.topics)


def test_other_central_lists(deck):
    """Three elements, three 第一, three 先手棋, five problems and three directions are present."""
    elements = _item(deck, "a004-g1-sanyaosu-list", ListItem)
    assert [e.label for e in elements.entries] == ["劳动者", "劳动资料", "劳动对象"]
    firsts = _item(deck, "a004-g3-sange-diyi", ListItem)
    assert [e.text for e in firsts.entries] == [
        "科技是第一生产力",
        "人才是第一资源",
        "创新是第一动力",
    ]
    moves = _item(deck, "a004-g5-xianshouqi", ListItem)
    assert [e.label for e in moves.entries] == [
        "抢占发展制高点",
        "培育竞争新优势",
        "蓄积发展新动能",
    ]
    problems = _item(deck, "a004-g4-wuge-wenti", ListItem)
    assert len(problems.entries) == 5
    directions = _item(deck, "a004-g2-sange-fangxiang", ListItem)
    assert directions.entries[0].label == "强化人才队伍支撑"


def test_quotes_verbatim_in_articles(deck):
    """Every quote occurs verbatim in its cited article (modulo pinyin, script, punctuation)."""
    if not ARTICLES.is_dir():
        pytest.skip(f"source articles not found at {ARTICLES}")
    keys = {}
    missing = []
    for item in deck.items:
        if not isinstance(item, Quote):
            continue
        name = item.source.article
        if name not in keys:
            path = ARTICLES / name
            assert path.is_file(), f"{item.id} cites unknown article {name}"
            keys[name] = compare_key(path.read_text(encoding="utf-8"))
        if compare_key(item.text) not in keys[name]:
            missing.append(item.id)
    assert keys, "the deck has no quotes"
    assert missing == []


def test_fact_figures_in_text(deck):
    """Every figure of every fact is a substring of the fact's text."""
    for item in deck.items:
        for figure in getattr(item, "figures", ()):
            assert figure in item.text, (item.id, figure)


def test_talent_topic_is_well_stocked(deck):
    """Topic 人才 (also reachable as 人力资本) gathers talent items from both articles."""
    topic = resolve_topic(deck, "人力资本")
    assert topic.name == "人才"
    items = deck.items_in("人才")
    assert len(items) >= MIN_TALENT_ITEMS
    ids = {item.id for item in items}
    for item_id in [
        "a000-jinju-rencai",
        "a000-jucuo-2-rencai",
        "a000-shuzhihua-rencai-duiwu",
        "a004-yihe-liangyi",
        "a004-wuge-jiakuai",
        "a004-g2-xinzhi-rencai",
        "a004-g1-laodongzhe",
        "a004-g5-renli-ziben",
    ]:
        assert item_id in ids
    assert {item.source.article for item in items} == {A000, A004}


def test_required_topics_and_aliases(deck):
    """Every required topic exists, and common spellings resolve to it."""
    names = {topic.name for topic in deck.topics}
    assert set(REQUIRED_TOPICS) <= names
    for alias, name in {
        "人才工作": "人才",
        "人才队伍": "人才",
        "科创": "科技创新",
        "体制机制": "改革与体制机制",
        "改革": "改革与体制机制",
        "数据": "数据与要素",
        "要素": "数据与要素",
        "绿色": "绿色发展",
    }.items():
        assert resolve_topic(deck, alias).name == name
    for name in REQUIRED_TOPICS:
        assert deck.items_in(name), f"topic {name} has no items"


def test_every_item_has_source_section(deck):
    """Every item names one of the two articles and a non-empty section."""
    for item in deck.items:
        assert item.source.article in {A000, A004}, item.id
        assert item.source.section.strip(), item.id
        if item.source.article == A004:
            assert item.source.section.startswith("感悟"), item.id


def test_ids_are_lowercase_ascii(deck):
    """Item ids are lowercase ascii, stable slugs."""
    for item in deck.items:
        assert item.id == item.id.lower() and item.id.isascii(), item.id


def test_glossary_holds_key_terms(deck):
    """The glossary declares the key terms question generation must keep whole."""
    terms = {term.term for term in deck.glossary}
    for term in [
        "新质生产力",
        "全要素生产率",
        "战略性新兴产业",
        "未来产业",
        "人力资本",
        "数智化",
        "新型生产关系",
        "关键核心技术",
        "现代化产业体系",
        "高质量发展",
        "新型举国体制",
        "产业链",
        "创新链",
        "人才链",
        "资金链",
        "数据要素",
        "颠覆性技术",
        "类脑智能",
        "量子信息",
    ]:
        assert term in terms


# Endings that make a facet name the start of a sentence (劳动力是, 表现为, 代表着 …)
# rather than a noun naming the aspect (特征, 核心标志, 地位 …).
_SENTENCE_ENDINGS = ("是", "为", "着", "于", "在", "指", "到", "了", "的", "即", "就是")


def _titles(deck):
    """Every title a question is built from: terms, facet names, list and framework names, roles."""
    for item in deck.items:
        if isinstance(item, Definition):
            yield item.id, item.term
            for facet in item.facets:
                yield item.id, facet.name
        elif isinstance(item, ListItem):
            yield item.id, item.name
        elif isinstance(item, Framework):
            yield item.id, item.name
            for part in item.parts:
                yield item.id, part.role


def test_titles_carry_no_curator_qualifiers(deck):
    """Terms, names and roles read as exam wording: no （感悟3）/（专家解读） style qualifiers."""
    for item_id, title in _titles(deck):
        assert "（" not in title and "(" not in title, (item_id, title)
        assert "感悟" not in title and "专家解读" not in title, (item_id, title)


def test_definition_terms_and_facet_names_are_nouns(deck):
    """A term names a concept and a facet name names an aspect, so questions read naturally."""
    terms = []
    for item in deck.items:
        if not isinstance(item, Definition):
            continue
        terms.append(item.term)
        assert "什么" not in item.term and "“" not in item.term, item.term
        for facet in item.facets:
            assert "什么" not in facet.name, (item.id, facet.name)
            assert not facet.name.endswith(_SENTENCE_ENDINGS), (item.id, facet.name)
            assert facet.text.count("“") == facet.text.count("”"), (item.id, facet.text)
            assert not facet.text.startswith("“"), (item.id, facet.text)
    assert len(terms) == len(set(terms)), "two definitions share a term"


def test_list_and_framework_names_are_unique(deck):
    """Each list and framework has its own name, so "写出{name}" asks for exactly one thing."""
    names = [item.name for item in deck.items if isinstance(item, (ListItem, Framework))]
    assert len(names) == len(set(names))


def test_three_elements_framework(deck):
    """感悟3 pairs each element with its role in the article: 活的要素, 桥梁…作用, 第一财源."""
    item = _item(deck, "a004-g3-yaosu-diyi", Framework)
    assert item.name == "生产力三大要素的质变"
    assert [(p.role, p.label) for p in item.parts] == [
        ("活的要素", "劳动力"),
        ("桥梁、变革与先锋作用", "劳动工具"),
        ("第一财源", "劳动对象"),
    ]
