"""What the drafter keeps for an examiner: facts one clause and headline figure at a time,
lists with names a question can use, quotes and definitions worth asking."""

from __future__ import annotations

import yaml

from studycli.cli import app
from studycli.deck.model import Definition, Fact, ListItem, Quote
from studycli.importer.cleaning import clean_article
from studycli.importer.drafting import draft_deck
from studycli.importer.facts import trivial_figure
from studycli.importer.vetting import announced_count


def draft(text: str):
    """The draft of a small article."""
    return draft_deck(clean_article(text), "a.txt")


def facts(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    """(text, figures, subject) of each drafted fact."""
    return [(i.text, i.figures, i.subject) for i in draft(text).items if isinstance(i, Fact)]


def test_targets_are_split_per_clause_with_their_lead_as_subject():
    """预期目标是：A；B，C: each figure is a fact of its own, written after its lead."""
    found = facts(
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，"
        "城镇新增就业1200万人以上；居民消费价格涨幅2%左右。\n"
    )
    assert found == [
        ("今年发展主要预期目标：国内生产总值增长5%左右", ("5%左右",), None),
        ("今年发展主要预期目标：城镇调查失业率5.5%左右", ("5.5%",), None),
        ("今年发展主要预期目标：城镇新增就业1200万人以上", ("1200万人",), None),
        ("今年发展主要预期目标：居民消费价格涨幅2%左右", ("2%左右",), None),
    ]


def test_a_change_is_context_and_a_section_gives_the_year():
    """比上年增加1.6万亿元 is not asked; a fact under 一、2024年工作回顾 says so."""
    found = facts(
        "政府工作报告\n\n一、2024年工作回顾\n\n赤字率按3%安排、比上年提高1个百分点，"
        "赤字规模5.66万亿元、比上年增加1.6万亿元。\n"
    )
    assert found == [
        ("2024年工作回顾：赤字率按3%安排、比上年提高1个百分点", ("3%",), None),
        ("2024年工作回顾：赤字规模5.66万亿元、比上年增加1.6万亿元", ("5.66万亿元",), None),
    ]


def test_local_trivial_and_split_figures_are_left_out():
    """北京市…, 分别增长8.9%、7.7%, 再提高30元, 每用3度电就有1度 and 20XX are not drafted."""
    result = draft(
        "北京市设立500亿元未来产业发展引导基金。广东省提出到2025年，培育100万名未来产业人才。高技术制造业、装备制造业增加值分别增长"
        "8.9%、7.7%。城乡居民基础养老金最低标准再提高20元。每用3度电就有1度是绿电。"
        "20XX年全社会研发经费支出预计达3.05万亿元。外汇储备超过3.2万亿美元。\n"
    )
    assert [i.text for i in result.items if isinstance(i, Fact)] == ["外汇储备超过3.2万亿美元"]
    assert trivial_figure("30元") and trivial_figure("3度") and not trivial_figure("3.2万亿美元")
    assert not trivial_figure("1256万人") and not trivial_figure("5.5%")


def test_facts_are_capped_with_headline_figures_first():
    """Thirty minor figures give at most eight facts next to no other item (a study pack of
    figures still fills a quiz); targets come first."""
    minor = "".join(f"技术合同成交额占比达到{n}.5%。" for n in range(10, 40))
    found = facts(minor + "今年国内生产总值增长5%左右。\n")
    assert len(found) == 8
    assert ("今年国内生产总值增长5%左右", ("5%左右",), None) in found


def test_structure_lists_and_unnamed_lists_are_recovered_but_not_drafted():
    """The article's own parts and a list with no name (…等 2 项) are in ``structure`` only."""
    parts = draft("报告\n\n一、回顾\n\n正文。\n\n二、要求\n\n正文。\n\n三、任务\n\n正文。\n")
    unnamed = draft("第一是研发投入加速增长。\n\n第二是关键技术加速突破。\n")
    assert [(name, drafted) for name, _, drafted in parts.structure + unnamed.structure] == [
        ("报告", False),  # the article's own headings, named by its title
        ("研发投入加速增长等 2 项", False),
    ]
    for result in (parts, unnamed):
        assert not [i for i in result.items if isinstance(i, ListItem)]
        assert result.skipped["章节结构清单"] == 1


def test_a_generic_list_name_gets_its_section():
    """一年来，我们主要做了以下工作 under 一、2024年工作回顾 is asked with the section."""
    result = draft(
        "政府工作报告\n\n一、2024年工作回顾\n\n一年来，我们主要做了以下工作。\n\n"
        "一是加强宏观调控。\n\n二是深化改革开放。\n\n三是推动创新发展。\n"
    )
    lists = [i for i in result.items if isinstance(i, ListItem)]
    assert [i.name for i in lists] == ["2024年工作回顾：我们主要做了以下工作"]


def test_a_list_short_of_its_announced_count_is_open():
    """九个重要提法 with three entries found: open (never asked as all nine), and reported."""
    result = draft("九个重要提法：\n\n1. 承前启后\n\n2. 风险挑战并存\n\n3. 长期向好\n")
    (item,) = [i for i in result.items if isinstance(i, ListItem)]
    assert item.name == "九个重要提法" and item.open and not item.ordered
    assert any("只找到 3 项" in text for _, _, text in result.review)
    assert announced_count("九个重要提法") == 9 and announced_count("“5个加速”") == 5
    assert announced_count("主要做了以下工作") is None


def test_dash_list_without_a_name_is_reported_not_drafted():
    """——加快科技创新 …——加快人才工作机制创新 with no introduction: the article gives no name
    (五个“加快” would be invented), so the list is recovered but not drafted (examiner)."""
    kinds = ("科技", "产业", "方式", "体制", "人才")
    text = "".join(f"——加快{x}创新。这是要求。\n\n" for x in kinds)
    result = draft("正文开头。\n\n" + text)
    assert not [i for i in result.items if isinstance(i, ListItem)]
    assert ("加快科技创新等 5 项", tuple(f"加快{x}创新" for x in kinds), False) in result.structure
    assert "清单没有名称" in result.skipped
    named = draft("正文开头。要做到以下几个方面：\n\n" + text)
    (item,) = [i for i in named.items if isinstance(i, ListItem)]
    assert item.name == "要做到以下几个方面" and len(item.entries) == 5


def test_quote_fragments_and_who_proposed_it_are_left_out():
    """A quoted phrase under ten characters, a quote inside a longer one, a definition that
    only says who proposed the term, and a parallel 就是 pair are not drafted."""
    result = draft(
        "习近平总书记强调：“整合科技创新资源，引领发展战略性新兴产业和未来产业。”"
        "习近平总书记指出：“整合科技创新资源。”习近平总书记强调：“加快形成新质生产力。”\n"
        "新质生产力是习近平总书记原创性提出的新概念。抓创新就是抓发展，谋创新就是谋未来。\n"
        "劳动力是生产力最基本、最活跃的要素，在数字经济时代，加快培育一支高层次、高质量的"
        "数智化人才队伍。\n"
    )
    quotes = [i.text for i in result.items if isinstance(i, Quote)]
    assert quotes == ["整合科技创新资源，引领发展战略性新兴产业和未来产业。"]
    definitions = [(i.term, i.meaning) for i in result.items if isinstance(i, Definition)]
    assert definitions == [("劳动力", "生产力最基本、最活跃的要素")]
    assert result.skipped["定义只说是谁提出的"] == 1, result.skipped


def test_glossary_keeps_compound_terms_whole():
    """生产力 written mostly as 新质生产力 enters the glossary as 新质生产力."""
    text = "新质生产力是先进生产力质态。" + "发展新质生产力要因地制宜。" * 5 + "生产力很重要。\n"
    assert "新质生产力" in draft(text).glossary
    assert "新质" not in draft(text).glossary


def test_cli_import_drafts_only_what_an_examiner_would_set(runner, tmp_path):
    """study import of a report: facts per clause, no 全文的 list, skipped reasons reported."""
    source = tmp_path / "report.txt"
    source.write_text(
        "报告\n\n一、回顾\n\n外汇储备超过3.2万亿美元，北京市设立500亿元基金。\n\n二、目标\n\n正文。\n\n"
        "三、任务\n\n今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅2%左右。\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "次要或地方数字" in result.stderr, result.stderr
    assert "章节结构清单" in result.stderr
    items = yaml.safe_load(out.read_text(encoding="utf-8"))["items"]
    assert [(i["kind"], i["text"]) for i in items] == [
        ("fact", "回顾：外汇储备超过3.2万亿美元"),
        ("fact", "今年发展主要预期目标：国内生产总值增长5%左右"),
        ("fact", "今年发展主要预期目标：居民消费价格涨幅2%左右"),
    ]


def test_a_target_explained_later_is_drafted_once():
    """城镇调查失业率5.5%左右 stated under its lead, then again in the explanation: one fact."""
    found = facts(
        "今年发展主要预期目标是：城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。\n\n"
        "城镇调查失业率5.5%左右，体现了加大稳就业力度的要求。\n"
    )
    assert [text for text, _, _ in found] == [
        "今年发展主要预期目标：城镇调查失业率5.5%左右",
        "今年发展主要预期目标：居民消费价格涨幅2%左右",
    ]


def test_growth_with_no_period_and_question_named_lists_are_not_drafted():
    """增长73.8% with no year or heading to say over what period, and a list named by a
    question heading (何谓…是什么？), are left out and counted."""
    result = draft(
        "心得体会\n\n数字经济核心产业增加值增长73.8%。森林覆盖率提高到25%以上。\n\n"
        "一、何谓新质生产力，核心要义是什么？\n\n一是抢占发展制高点。\n\n二是培育竞争新优势。\n"
    )
    assert [i.text for i in result.items if isinstance(i, Fact)] == ["森林覆盖率提高到25%以上"]
    assert not [i for i in result.items if isinstance(i, ListItem)]
    assert [(name, kept) for name, _, kept in result.structure] == [
        ("何谓新质生产力，核心要义是什么", False)
    ]
