"""Text helpers: enumeration pieces, figures, keyword-aware segmentation."""

from __future__ import annotations

import pytest

from studycli.text import Keywords, Segmenter, answer_key, is_figure, split_pieces

GLOSSARY = frozenset(
    {
        "新质生产力",
        "全要素生产率",
        "战略性新兴产业",
        "未来产业",
        "生产关系",
        "新型生产关系",
        "先进生产力质态",
        "先进生产力",
        "量子信息",
    }
)


@pytest.fixture(scope="module")
def segmenter():
    """A segmenter with a small glossary, one named facet and two curated figures."""
    return Segmenter(
        Keywords(GLOSSARY, frozenset({"量子信息、聚变能源", "质生产"}), frozenset({"质优"}))
    )


def test_split_pieces_on_every_separator():
    """Enumerations split on 、，, ;； and spaces, dropping empty pieces."""
    assert split_pieces("高科技、高效能，高质量;质优  全要素") == [
        "高科技",
        "高效能",
        "高质量",
        "质优",
        "全要素",
    ]
    assert split_pieces("全要素生产率大幅提升") == ["全要素生产率大幅提升"]


def test_answer_key_keeps_a_decimal_point_between_digits():
    """3.05 and 30.5 keep their decimal point; other full stops are still punctuation."""
    assert answer_key("3.05万亿元") == "3.05万亿元"
    assert answer_key("30.5万亿元") == "30.5万亿元"
    assert answer_key("3.05万亿元") != answer_key("30.5万亿元")
    assert answer_key("３．０５万亿元") == "3.05万亿元"
    assert answer_key("9.3%。") == "9.3%"
    assert answer_key("1.机械化") == "1机械化"
    assert answer_key("高科技.") == "高科技"


def test_is_figure_needs_a_unit():
    """Numbers with units, percentages and 左右 count as figures; bare numbers do not."""
    for figure in ("3.05万亿元", "100项", "9.3%", "10个左右", "500亿元", "28个"):
        assert is_figure(figure), figure
    for word in ("2024", "新质", "万亿元", "3.05"):
        assert not is_figure(word), word


def test_glossary_terms_stay_whole(segmenter):
    """新质生产力, 全要素生产率 and 战略性新兴产业 are single words wherever they occur."""
    words = segmenter.cut(
        "新质生产力是创新起主导作用，以全要素生产率大幅提升为核心标志，发展战略性新兴产业和未来产业"
    )
    for term in ("新质生产力", "全要素生产率", "战略性新兴产业", "未来产业"):
        assert term in words


def test_longest_glossary_term_wins(segmenter):
    """新型生产关系 is one word, not 新型 + 生产关系; 先进生产力质态 beats 先进生产力."""
    assert "新型生产关系" in segmenter.cut("形成与之相适应的新型生产关系。")
    assert "先进生产力质态" in segmenter.cut("符合新发展理念的先进生产力质态")


def test_figures_and_named_facets_stay_whole(segmenter):
    """Numbers keep their unit (jieba alone cuts 3.05 | 万亿元); named facets stay whole."""
    words = segmenter.cut("研发经费支出预计达3.05万亿元，比上年增长9.3%，实施100项重大项目")
    assert {"3.05万亿元", "9.3%", "100项"} <= set(words)
    assert "质优" in segmenter.cut("创新、质优的生产力")


def test_curated_figure_absorbs_glossary_terms_only_whole(segmenter):
    """A curated figure holding whole terms is one word; one that would cut a term is not."""
    assert "量子信息、聚变能源" in segmenter.cut("建设量子信息、聚变能源高地")
    words = segmenter.cut("发展新质生产力")
    assert "新质生产力" in words and "质生产" not in words


def test_cut_gives_the_text_back(segmenter):
    """Joined, the words are exactly the text, punctuation and spaces included."""
    sample = "  要按照发展新质生产力要求，畅通教育、科技、人才的良性循环 (2024年) ABC。"
    assert "".join(segmenter.cut(sample)) == sample
