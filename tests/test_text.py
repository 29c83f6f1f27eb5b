"""Text helpers: enumeration pieces, figures, segmentation and its cache."""

from __future__ import annotations

import json

import pytest

from studycli import text
from studycli.content import load_deck
from studycli.paths import cache_dir
from studycli.text import (
    Keywords,
    Segmenter,
    deck_keywords,
    deck_texts,
    is_figure,
    segment_cache_path,
    segment_deck,
    split_pieces,
)

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


@pytest.fixture
def mini(mini_deck):
    """The mini fixture deck, loaded."""
    return load_deck([mini_deck])


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


def test_deck_keywords_of_mini_deck(mini):
    """Glossary terms, facet pieces, labels and figures are the deck's keywords."""
    keywords = deck_keywords(mini)
    assert keywords.glossary == {"新质生产力", "全要素生产率"}
    assert {"高科技", "高效能", "高质量", "劳动资料", "产业升级"} <= keywords.names
    assert "100项" in keywords.figures
    assert not keywords.names & keywords.glossary


def test_deck_texts_cover_every_field(mini):
    """Every learnable string of the deck is segmented, but not ids, topics or sources."""
    texts = deck_texts(mini)
    assert "高科技、高效能、高质量" in texts
    assert "科技创新发展" in texts
    assert "d1" not in texts and "产业" not in texts


def test_segment_deck_writes_then_reads_the_cache(mini, monkeypatch):
    """The first call writes segments-v<N>-<hash>.json; the second never calls jieba."""
    path = segment_cache_path(mini)
    assert path.parent == cache_dir()
    assert mini.content_hash in path.name and f"v{text.SEGMENT_CACHE_VERSION}" in path.name
    built = segment_deck(mini)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == text.SEGMENT_CACHE_VERSION
    assert data["content_hash"] == mini.content_hash

    def no_jieba(_text):
        raise AssertionError("jieba used on a cache hit")

    monkeypatch.setattr(text, "_jieba_cut", no_jieba)
    again = segment_deck(mini)
    assert again.texts() == built.texts()
    assert again.words("高科技、高效能、高质量") == ("高科技", "、", "高效能", "、", "高质量")


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff not json",
        b"[1, 2, 3]",
        b'{"version": 1}',
        "CORRUPT",
    ],
)
def test_corrupt_cache_is_rebuilt(mini, damage):
    """A damaged cache file (bytes, wrong shape, words that do not join) is rebuilt silently."""
    path = segment_cache_path(mini)
    good = segment_deck(mini).texts()
    if damage == "CORRUPT":
        data = json.loads(path.read_text(encoding="utf-8"))
        first = next(iter(data["texts"]))
        data["texts"][first] = ["wrong"]
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_bytes(damage)
    assert segment_deck(mini).texts() == good
    assert json.loads(path.read_text(encoding="utf-8"))["content_hash"] == mini.content_hash


def test_stale_version_is_ignored(mini):
    """A cache written by another format version is not trusted."""
    path = segment_cache_path(mini)
    segment_deck(mini)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = -1
    data["texts"] = {t: [t] for t in data["texts"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert segment_deck(mini).words("高科技、高效能、高质量") != ("高科技、高效能、高质量",)


def test_old_caches_are_removed(mini):
    """Writing a new cache deletes caches of earlier content."""
    folder = cache_dir()
    folder.mkdir(parents=True)
    old = folder / "segments-v1-0000000000000000.json"
    old.write_text("{}", encoding="utf-8")
    segment_deck(mini)
    assert not old.exists()
    assert [p.name for p in folder.iterdir()] == [segment_cache_path(mini).name]


def test_unwritable_cache_only_costs_speed(mini, tmp_path):
    """A cache directory that cannot be created does not stop segmentation."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    segments = segment_deck(mini, cache=blocker / "cache")
    assert "新质生产力" in segments.words(mini.items[0].text)


def test_unknown_text_is_cut_on_demand(mini):
    """A text outside the deck is still segmented, keeping glossary terms whole."""
    segments = segment_deck(mini)
    assert "全要素生产率" in segments.words("提高全要素生产率")
