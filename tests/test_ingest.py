"""Cleaning rules, the mojibake detector and drafting, on small cases and on article 004."""

from __future__ import annotations

import re

import pytest
from conftest import ARTICLES, FIXTURES

from studycli.deck.loader import load_deck
from studycli.deck.model import Definition, ListItem, Quote
from studycli.importer.cleaning import DAMAGE_MARK, clean_article, find_damage
from studycli.importer.drafting import draft_deck
from studycli.importer.ingest import import_article, read_article
from studycli.importer.outline import slugify

IMPORT = FIXTURES / "import"
A004 = "004_46f25000791b86e7.txt"
A000 = "000_60834e77d2d30f85.txt"
DAMAGED_004 = {
    6: "?guī)装倌曜哌^",
    17: "??萍紕?chuàng)",
    30: "?jié)摿Φ漠a(chǎn)",
    34: "??仗扉_",
    44: "?jié)撃埽S",
    64: "?qū)I(yè)",
}
PINYIN_LEFT = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def clean(text: str) -> str:
    """The cleaned text of a small input, without the trailing newline."""
    return clean_article(text).text.rstrip("\n")


@pytest.fixture(scope="module")
def cleaned_004():
    """Article 004 cleaned once for the module."""
    if not ARTICLES.is_dir():
        pytest.skip("../shared/articles is not present")
    return clean_article((ARTICLES / A004).read_text(encoding="utf-8"))


# --- cleaning rules on small cases -------------------------------------------------------


def test_inline_pinyin_is_removed():
    """發(fā)展 loses its annotation and becomes 发展."""
    assert clean("培育發(fā)展新質(zhì)生產(chǎn)力。") == "培育发展新质生产力。"


def test_doubled_commas_before_punctuation_collapse():
    """,, ,、 ,。 keep only the second mark."""
    assert (
        clean("形成強大合力,,是寶貴優勢,。更快,、更好。")
        == "形成强大合力，是宝贵优势。更快、更好。"
    )


def test_traditional_becomes_simplified_at_phrase_level():
    """決定著 becomes 决定着 (phrase-level tw2s), not 决定著."""
    assert clean("生產力的總和決定著社會狀況。") == "生产力的总和决定着社会状况。"


def test_ascii_punctuation_between_chinese_becomes_full_width():
    """, ? ; : ! next to Chinese become full-width; (…) around Chinese too."""
    assert (
        clean("什么是新质生产力?习近平指出:“好;很好!”,对")
        == "什么是新质生产力？习近平指出：“好；很好！”，对"
    )
    assert clean("生产资料(生产工具和劳动对象)相结合。") == "生产资料（生产工具和劳动对象）相结合。"


def test_punctuation_outside_chinese_is_left_alone():
    """Times, formulas and English keep their ASCII punctuation."""
    assert clean("带来“1+1>2”的效应,会议10:30开始。") == "带来“1+1>2”的效应，会议10:30开始。"
    assert clean("see a, b; c?") == "see a, b; c?"


def test_chrome_lines_are_removed_and_reported():
    """Navigation, site name, caption and 责任编辑 lines go, each reported with its line."""
    result = clean_article((IMPORT / "chrome.txt").read_text(encoding="utf-8"))
    removed = [(r.line, r.reason) for r in result.removed]
    assert removed == [
        (1, "导航行"),
        (3, "网站名"),
        (4, "导航行"),
        (8, "配图说明"),
        (21, "编辑署名行"),
    ]
    assert "网站" not in result.text and "责任编辑" not in result.text
    assert result.text.startswith("【践悟方法论】以新质生产力为高质量发展注入强大动力\n")


def test_site_boilerplate_sentence_is_removed_and_reported():
    """A 小编 sentence inside a paragraph goes, reported; the rest of the line stays."""
    result = clean_article(
        "这是正文。下面是小编给大家分享的内容,希望能对大家有所帮助。正文继续。\n"
    )
    assert result.text == "这是正文。正文继续。\n"
    assert [(r.line, r.reason) for r in result.removed] == [(1, "网站套话")]


def test_lines_broken_mid_sentence_are_joined():
    """A line ending in a comma continues on the next line; a heading never does."""
    result = clean_article("一、标题\n在生产力三大要素中,劳动力是活的要素,,\n人是决定性因素。\n")
    assert [p.text for p in result.paragraphs] == [
        "一、标题",
        "在生产力三大要素中，劳动力是活的要素，人是决定性因素。",
    ]
    assert result.paragraphs[1].lines == (2, 3)


# --- the mojibake detector ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "什麼是新質(zhì)生產(chǎn)力?習近平總書記指出",
        "在百舸争流的时代大潮中,谁能抓住机遇",
        "核心要義是什麼?",
        "占GDP 比重预计达14.5%,6G、A股",
        "带来“1+1>2”的规模效应",
    ],
)
def test_clean_lines_have_no_damage(line):
    """Genuine question marks, single rare characters and Latin text are not damage."""
    assert find_damage(line) == []


def test_damage_is_found_and_marked():
    """A mojibake run is replaced by the marker and reported with its line and raw text."""
    result = clean_article((IMPORT / "traditional.txt").read_text(encoding="utf-8"))
    assert [(d.line, d.text) for d in result.damage] == [(12, "?guī)装倌曜哌^")]
    assert f"走完发达国家{DAMAGE_MARK}的工业化历程" in result.text


def test_004_all_six_damaged_lines_and_no_other(cleaned_004):
    """Exactly the six known damaged spots of 004 are reported, at their lines."""
    assert {d.line: d.text for d in cleaned_004.damage} == DAMAGED_004
    assert cleaned_004.text.count(DAMAGE_MARK) == 6


def test_004_is_clean_simplified_text(cleaned_004):
    """No pinyin, no traditional characters, no doubled commas or ASCII commas are left."""
    text = cleaned_004.text
    assert not PINYIN_LEFT.search(text)
    # tw2s is not idempotent on simplified text (显著 → 显着), so compare characters: every
    # Han character left is in GB2312, which has no traditional-only characters.
    han = set(re.findall(r"[\u4e00-\u9fff]", text.replace(DAMAGE_MARK, "")))
    not_simplified = {ch for ch in han if not _in_gb2312(ch)}
    assert not_simplified == set()
    assert not re.search(r"，[，、。；：？]", text)
    assert not re.search(r"[\u4e00-\u9fff][,;:?]|[,;:?][\u4e00-\u9fff]", text)
    assert "决定着社会状况" in text and "什么是新质生产力？习近平总书记指出：“" in text


def test_004_nothing_dropped_without_report(articles):
    """Every non-blank source line ends up in a paragraph or in the removal report."""
    for name in (A004, A000):
        raw = (articles / name).read_text(encoding="utf-8").split("\n")
        result = clean_article("\n".join(raw))
        kept = {n for p in result.paragraphs for n in p.lines}
        removed = {r.line for r in result.removed}
        for number, line in enumerate(raw, start=1):
            if line.strip():
                assert number in kept | removed, (name, number)


# --- drafting ---------------------------------------------------------------------------------


def test_slug_of_file_name():
    """Ids are prefixed with a slug of the file name; a Chinese name gets a hash."""
    assert slugify(A004) == "004_46f25000791b86e7"
    assert slugify("学习 笔记.txt").startswith("article-")


def test_draft_finds_quotes_with_speakers():
    """…指出,“…” and 习近平总书记在…时强调:“…” give quotes with speaker and occasion."""
    imported = import_article(IMPORT / "traditional.txt")
    quotes = [i for i in imported.draft.items if isinstance(i, Quote)]
    assert [(q.text, q.speaker, q.occasion) for q in quotes] == [
        ("人们所达到的生产力的总和决定着社会状况", "马克思、恩格斯", None),
        ("整合科技创新资源，引领发展战略性新兴产业。", "习近平", "黑龙江考察"),
    ]


def test_draft_finds_definitions_lists_and_facts():
    """X是Y with 具有…特征 gives a facet; 一是… gives a list (——加快… has no name); local
    figures no facts."""
    items = import_article(IMPORT / "traditional.txt").draft.items
    definition = next(i for i in items if isinstance(i, Definition))
    assert definition.term == "新质生产力"
    assert [(f.name, f.text) for f in definition.facets] == [("特征", "高科技、高效能、高质量")]
    lists = [i for i in items if isinstance(i, ListItem)]
    assert [e.label for e in lists[0].entries] == [
        "强化人才队伍支撑，站在更高起点",
        "不断完善创新体系建设",
        "持续加大知识产权保护力度",
    ]
    assert lists[0].intro == "具体而言，有以下三个主要方向"
    # ——加快… with no introducing sentence: found, but the article gives it no name
    assert len(lists) == 1
    structure = import_article(IMPORT / "traditional.txt").draft.structure
    assert ("加快科技创新等 2 项", ("加快科技创新", "加快产业创新"), False) in structure
    # 上海市设立1000亿元…，北京市设立500亿元…: regional figures, counted but not drafted
    assert not [i for i in items if i.kind == "fact"]
    skipped = import_article(IMPORT / "traditional.txt").draft.skipped
    assert skipped["次要或地方数字"] == 2


def test_every_drafted_item_is_marked_and_sourced():
    """Each item is draft, in its section's topic, cites the file and a section, id-prefixed."""
    imported = import_article(IMPORT / "traditional.txt")
    assert imported.draft.items
    assert list(imported.draft.topics) == ["新的生产力理论"]
    for item in imported.draft.items:
        assert item.draft is True
        assert item.topics == ("新的生产力理论",)
        assert item.source.article == "traditional.txt"
        assert item.source.section == "感悟1 · 一、新的生产力理论"
        assert item.id.startswith("traditional-")


def test_draft_yaml_loads_as_a_deck(tmp_path):
    """The rendered YAML passes the loader's validation, alone."""
    path = tmp_path / "draft.yaml"
    path.write_text(import_article(IMPORT / "traditional.txt").yaml(), encoding="utf-8")
    deck = load_deck([path])
    assert len(deck.items) == 5  # quotes 2, definition 1, lists 2 (the regional fact is left out)
    assert deck.articles == {"traditional.txt": "2024学习“新质生产力”心得体会感悟"}


def test_004_draft_has_the_key_items(cleaned_004):
    """004's draft has the definition with six facets and 马克思恩格斯's quote; the five 加快
    (no name in the text) are recovered but not drafted; 首先…再是…最后 has all 3 entries."""
    draft = draft_deck(cleaned_004, A004)
    definition = next(i for i in draft.items if isinstance(i, Definition) and len(i.facets) >= 6)
    assert definition.source.section == "感悟1 · 二、把握新质生产力的科学内涵"
    assert ("核心标志", "全要素生产率大幅提升") in [(f.name, f.text) for f in definition.facets]
    assert not [i for i in draft.items if isinstance(i, ListItem) and not i.ordered]
    assert [(labels, kept) for _, labels, kept in draft.structure if "加快科技创新" in labels] == [
        (("加快科技创新", "加快产业创新", "加快发展方式创新", "加快体制机制创新",
          "加快人才工作机制创新"), False)
    ]  # fmt: skip
    reform = next(i for i in draft.items if isinstance(i, ListItem) and "势在必行" in i.name)
    assert [e.label for e in reform.entries] == [
        "进一步推进行政体制改革",
        "进一步推进教育、科研体制改革",
        "进一步推进产业政策改革",
    ]
    assert all(DAMAGE_MARK not in i.text for i in draft.items if isinstance(i, Quote))
    assert "新质生产力" in draft.glossary


def test_gb18030_input_is_decoded():
    """A GBK/GB18030 file is read and said to be so."""
    text, encoding = read_article(IMPORT / "gbk.txt")
    assert encoding == "GB18030" and text.startswith("什么是新质生产力?")
