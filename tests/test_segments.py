"""The deck's segmentation: its keywords, its texts, and the cache that keeps jieba off."""

from __future__ import annotations

import json

import pytest

from studycli import text
from studycli.deck.loader import load_deck
from studycli.paths import cache_dir
from studycli.quiz import segments
from studycli.quiz.segments import deck_keywords, deck_texts, segment_cache_path, segment_deck


@pytest.fixture
def mini(mini_deck):
    """The mini fixture deck, loaded."""
    return load_deck([mini_deck])


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
    assert mini.content_hash in path.name and f"v{segments.SEGMENT_CACHE_VERSION}" in path.name
    built = segment_deck(mini)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == segments.SEGMENT_CACHE_VERSION
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
