"""Numbered lists in every form become list items with the right entries, named well."""

from __future__ import annotations

import pytest

from studycli.cli import app
from studycli.importer.cleaning import clean_article
from studycli.importer.drafting import draft_deck


def lists_of(text: str, layout: str | None = None) -> list[tuple[str, list[str]]]:
    """(name, entry labels) of every list recovered from ``text`` (drafted or not)."""
    draft = draft_deck(clean_article(text, layout=layout), "a.txt")
    return [(name, list(labels)) for name, labels, _ in draft.structure]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进改革要抓好三件事：一是深化财税改革；二是完善金融体系；三是优化营商环境。\n",
         ("推进改革要抓好三件事", ["深化财税改革", "完善金融体系", "优化营商环境"])),
        ("做好今年工作，要注意以下几点。一要稳增长，扩大内需。二要促改革，激发活力。\n",
         ("做好今年工作，要注意以下几点", ["稳增长，扩大内需", "促改革，激发活力"])),
        ("发展新质生产力需要多方面推进。\n第一，加快培育数据要素。\n第二，加快打造人才队伍。\n",
         ("发展新质生产力需要多方面推进", ["加快培育数据要素", "加快打造人才队伍"])),
        ("“5个加速”推动高质量发展：\n第一是研发投入加速增长\n第二是关键核心技术攻关加速突破\n",
         ("“5个加速”推动高质量发展", ["研发投入加速增长", "关键核心技术攻关加速突破"])),
        ("三、今年的主要任务\n\n（一）大力提振消费，扩大内需。促进消费。\n\n"
         "（二）发展新质生产力，建设产业体系。推动创新。\n",
         ("今年的主要任务", ["大力提振消费，扩大内需", "发展新质生产力，建设产业体系"])),
        ("政府工作报告\n\n一、工作回顾\n\n过去一年成绩很大。\n\n二、总体要求\n\n今年要稳中求进。\n",
         ("政府工作报告", ["工作回顾", "总体要求"])),
        ("九个重要提法：\n1. 承前启后的重要地位\n2. 战略机遇和风险挑战并存\n",
         ("九个重要提法", ["承前启后的重要地位", "战略机遇和风险挑战并存"])),
        ("具体措施如下：\n（1）加大投入\n（2）完善机制\n",
         ("具体措施如下", ["加大投入", "完善机制"])),
        ("新提法有四个方面：\n① 新方位：关键五年\n② 新理念：指导原则\n",
         ("新提法有四个方面", ["新方位：关键五年", "新理念：指导原则"])),
        ("东北振兴有三重意义。首先，经济转型的主要引擎。其次，创新驱动的重中之重。"
         "最后，区域协调的促进力量。\n",
         ("东北振兴有三重意义",
          ["经济转型的主要引擎", "创新驱动的重中之重", "区域协调的促进力量"])),
    ],
    ids=["一是", "一要", "第一", "第一是", "（一）", "一、", "1.", "（1）", "①", "首先"],
)  # fmt: skip
def test_every_numbering_form_gives_a_list(text, expected):
    """Each form gives one list, its entries in order, named from the introducing sentence."""
    assert lists_of(text) == [expected]


def test_nested_list_is_named_after_its_outer_entry():
    """一是… inside 第二，… is its own list, named after the entry it belongs to."""
    text = (
        "第一，加快培育数据要素。\n"
        "第二，加快打造人才队伍。人才是基本条件。一是加强学科建设。二是加大引进力度。\n"
    )
    assert lists_of(text) == [
        ("加快培育数据要素等 2 项", ["加快培育数据要素", "加快打造人才队伍"]),
        ("加快打造人才队伍", ["加强学科建设", "加大引进力度"]),
    ]


def test_interleaved_columns_keep_each_list_whole():
    """Two lists of different forms interleaved (a PDF's columns) each keep all entries."""
    text = (
        "--- Page 1 ---\n九个提法：\n1. 承前启后\n第一是研发投入加速增长\n2. 风险挑战并存\n"
        "第二是关键技术加速突破\n3. 长期向好\n"
    )
    assert lists_of(text) == [
        ("九个提法", ["承前启后", "风险挑战并存", "长期向好"]),
        ("研发投入加速增长等 2 项", ["研发投入加速增长", "关键技术加速突破"]),
    ]


def test_numbers_out_of_order_are_not_a_list():
    """一是 then 三是 (a gap in prose) and a lone 第一 make no list."""
    assert lists_of("一是深化改革。三是扩大开放。\n第一，加快发展。\n") == []


def test_words_that_only_look_like_markers():
    """一要素, 第一次 and 1.5 are not list markers."""
    text = (
        "一要素是数据。二要素是算力。第一次会议召开。第二次会议召开。\n"
        "1.5倍的增长。\n2.5倍的增长。\n"
    )
    assert lists_of(text) == []


def test_report_lists_each_list_with_its_entry_count(runner, tmp_path):
    """The report names each drafted list and how many entries it has."""
    path = tmp_path / "a.txt"
    path.write_text(
        "推进改革要抓好三件事：一是深化财税改革；二是完善金融体系；三是优化营商环境。\n"
    )
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "  清单 a-list-01:推进改革要抓好三件事(3 项)\n" in result.stderr


def test_pdf_entry_glued_to_another_column_starts_its_own_line():
    """…增长42%4.  “十五五”时期… (a PDF column glued on): entry 4 is found, the list is whole."""
    text = (
        "--- Page 1 ---\n九个提法：\n1.  承前启后\n2.  风险挑战并存\n3.  长期向好\n"
        "•  2024年高技术制造业增加值增长42%4.  必须遵循的原则\n5.  实体经济\n"
        "•  2025.10 审议通过《纲要》第1页：封面\n"
    )
    assert lists_of(text, layout="pdf") == [
        ("九个提法", ["承前启后", "风险挑战并存", "长期向好", "必须遵循的原则", "实体经济"])
    ]
    cleaned = clean_article(text, layout="pdf").text
    assert "增长42%\n" in cleaned and "《纲要》\n" in cleaned


def test_entry_label_keeps_a_subject_with_its_predicate():
    """科技创新能力，特别是…还不够强: the label is not the bare subject 科技创新能力."""
    text = (
        "但也存在一些需要着力解决的问题。一是科技创新能力，特别是原创性、颠覆性科技创新能力"
        "还不够强，关键核心技术受制于人。二是要素配置效率还不高。\n"
    )
    assert lists_of(text)[0][1] == [
        "科技创新能力，特别是原创性、颠覆性科技创新能力还不够强",
        "要素配置效率还不高",
    ]
