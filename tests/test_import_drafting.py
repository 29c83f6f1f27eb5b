"""Drafting sanity: no nonsense definitions, whole figures, quotes credited to who said them,
topics from sections."""

from __future__ import annotations

from studycli.deck.model import Definition, Fact, Quote
from studycli.importer.cleaning import clean_article
from studycli.importer.drafting import draft_deck
from studycli.importer.topics import section_topic


def draft(text: str):
    """The draft of a small article."""
    return draft_deck(clean_article(text), "a.txt")


def test_no_definition_of_a_time_word_a_pronoun_a_person_or_a_circle():
    """今年是…, 2025年是…, 我们是…, 习近平是… and 江山就是人民，人民就是江山 define nothing."""
    items = draft(
        "今年是“十四五”规划收官之年。2025年是很不平凡的一年。我们是实干家。"
        "习近平是党的核心。江山就是人民，人民就是江山。\n"
        "新质生产力是创新起主导作用的先进生产力质态。\n"
    ).items
    definitions = [(i.term, i.meaning) for i in items if isinstance(i, Definition)]
    assert definitions == [("新质生产力", "创新起主导作用的先进生产力质态")]


def test_figures_keep_magnitude_and_unit():
    """3.2万亿美元, 43.8万亿元, 1256万人, 5.5%, 0.1个百分点 stay whole; a minor figure alone
    in its unit (28.7万亿斤 among no other 斤) is left out: its choice could only offer
    other units or made-up multiples."""
    items = draft(
        "外汇储备超过3.2万亿美元，货物贸易总额达到43.8万亿元，城镇新增就业1256万人，"
        "失业率5.5%，降低0.1个百分点。财政收入达到21.9万亿元，物价涨幅0.2%，"
        "库存达到28.7万亿斤。\n"
    ).items
    figures = [f for i in items if isinstance(i, Fact) for f in i.figures]
    assert figures == ["3.2万亿美元", "43.8万亿元", "1256万人", "5.5%", "21.9万亿元", "0.2%"]
    # 降低0.1个百分点 has no subject of its own: one figure per clause, each with its subject
    assert [i.text for i in items if isinstance(i, Fact)][3] == "失业率5.5%"


def test_quote_is_credited_to_the_person_not_the_document():
    """习近平总书记在党的二十大报告中指出：“…” is 习近平's, not the report's."""
    items = draft(
        "习近平总书记在党的二十大报告中指出：“高质量发展是全面建设社会主义现代化国家的首要任务。”\n"
    ).items
    quote = next(i for i in items if isinstance(i, Quote))
    assert quote.speaker == "习近平"


def test_ascii_quotes_are_found_and_unattributed_ones_listed():
    """ASCII "…" around Chinese becomes “…”; a quote with no speaker goes to the review list."""
    result = draft('有人说："这是一个没有出处的很长的引语内容啊。"\n')
    assert [i for i in result.items if isinstance(i, Quote)] == []
    assert result.review == [(1, "引文未找到说话人", "这是一个没有出处的很长的引语内容啊。")]
    assert result.skipped == {"引号内文字未找到说话人": 1}


def test_items_take_their_section_as_topic():
    """Items under 二、把握新质生产力的科学内涵 are in topic 把握新质生产力的科学内涵."""
    result = draft("二、把握新质生产力的科学内涵\n\n新质生产力是创新起主导作用的先进生产力质态。\n")
    assert [i.topics for i in result.items] == [("把握新质生产力的科学内涵",)]
    assert list(result.topics) == ["把握新质生产力的科学内涵"]


def test_section_topic_names():
    """Numbering goes, questions marks go, long headings keep their first clause."""
    assert section_topic("感悟1 · 二、把握新质生产力的科学内涵", "待整理") == (
        "把握新质生产力的科学内涵"
    )
    assert section_topic("为何要在东北提出，背后有何深意？", "待整理") == (
        "为何要在东北提出，背后有何深意"
    )
    assert section_topic("导言", "待整理") == "待整理"
    assert section_topic("（三）深入实施科教兴国战略，全面提升国家创新体系整体效能和水平", "x") == (
        "深入实施科教兴国战略"
    )


def test_drafted_topics_join_builtin_topics_they_alias():
    """A section topic that is an alias of a known topic takes that topic's name."""
    known = {"新兴产业": "产业", "产业": "产业"}
    result = draft_deck(
        clean_article("一、新兴产业\n\n新兴产业是引领未来发展的重要力量。\n"),
        "a.txt",
        known_topics=known,
    )
    assert [i.topics for i in result.items] == [("产业",)]
