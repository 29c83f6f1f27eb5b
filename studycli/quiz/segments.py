"""A whole deck cut into words, and the cache that keeps jieba off a warm start."""

from __future__ import annotations

import json
import re
from pathlib import Path

from studycli.deck.model import Deck, Definition, Fact, Framework, ListItem
from studycli.paths import cache_dir, replace_atomically
from studycli.text import SEPARATORS, Keywords, Segmenter, display_term, split_pieces

# jieba's dictionary load costs over a second, so a deck's texts are segmented
# once and the result is kept in a cache file keyed by the deck's content hash;
# a quiz on unchanged content never imports jieba.

SEGMENT_CACHE_VERSION = 1


def deck_keywords(deck: Deck) -> Keywords:
    """The deck's glossary terms, fact figures, and names a teacher blanks as one word.

    Names are the pieces of definition facets (高科技, 质优), short entry and part
    labels and short definition terms (up to eight characters: longer ones are
    phrases, not names).
    """
    glossary = frozenset(term.term for term in deck.glossary)
    figures: set[str] = set()
    names: set[str] = set()
    for item in deck.items:
        if isinstance(item, Definition):
            names.add(display_term(item.term))
            for facet in item.facets:
                names.update(split_pieces(facet.text))
        elif isinstance(item, Fact):
            # 量子信息、聚变能源、深空探测 is three blanks, each graded on its own.
            for figure in item.figures:
                figures.update(split_pieces(figure))
        elif isinstance(item, ListItem):
            names.update(e.label for e in item.entries)
        elif isinstance(item, Framework):
            names.update(p.label for p in item.parts)
    names = {n for n in names if 2 <= len(n) <= 8}
    figures = {f for f in figures if len(f) >= 2}
    return Keywords(glossary, frozenset(figures - glossary), frozenset(names - glossary - figures))


def deck_texts(deck: Deck) -> list[str]:
    """Every distinct text in the deck's items that questions are made from, and its pieces."""
    seen: dict[str, None] = {}

    def walk(value, key: str = "") -> None:
        if key in ("id", "kind", "topics", "source", "date", "draft", "ordered"):
            return
        if isinstance(value, str):
            seen[value] = None
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    for item in deck.items:
        walk(item.to_dict())
    # Enumerations are also asked piece by piece (a facet's 高科技、高效能、高质量).
    for value in list(seen):
        for piece in split_pieces(value):
            seen.setdefault(piece, None)
    return list(seen)


class Segments:
    """A deck's texts mapped to their words; other texts are looked up or cut on demand."""

    def __init__(self, words: dict[str, tuple[str, ...]], keywords: Keywords):
        self._words = words
        self.keywords = keywords
        self._known = {word for ws in words.values() for word in ws}
        self._extra: dict[str, tuple[str, ...]] = {}
        self._segmenter: Segmenter | None = None

    def words(self, text: str) -> tuple[str, ...]:
        """The words of ``text``: cached for the deck's texts and their words, else cut now."""
        found = self._words.get(text) or self._extra.get(text)
        if found is not None:
            return found
        if text in self._known:
            return (text,)
        # Pieces of the deck's texts (高科技 of 高科技、高效能) are looked up word by
        # word, so a warm cache never needs jieba for them either.
        pieces = SEPARATORS.split(text)
        if all(piece in self._known or not piece for piece in pieces):
            found = tuple(w for w in re.split(f"({SEPARATORS.pattern})", text) if w)
        else:
            if self._segmenter is None:
                self._segmenter = Segmenter(self.keywords)
            found = self._segmenter.cut(text)
        self._extra[text] = found
        return found

    def texts(self) -> dict[str, tuple[str, ...]]:
        """The deck's texts and their words (never texts cut on demand)."""
        return dict(self._words)


def segment_cache_path(deck: Deck, cache: Path | None = None) -> Path:
    """Where the deck's segmentation is cached: keyed by format version and content hash."""
    folder = cache if cache is not None else cache_dir()
    return folder / f"segments-v{SEGMENT_CACHE_VERSION}-{deck.content_hash}.json"


def segment_deck(deck: Deck, cache: Path | None = None) -> Segments:
    """Every text of the deck cut into words, read from the cache or built and cached."""
    keywords = deck_keywords(deck)
    path = segment_cache_path(deck, cache)
    texts = deck_texts(deck)
    words = _read_segment_cache(path, deck.content_hash, texts)
    if words is None:
        segmenter = Segmenter(keywords)
        words = {text: segmenter.cut(text) for text in texts}
        _write_segment_cache(path, deck.content_hash, words)
    return Segments(words, keywords)


def _read_segment_cache(path: Path, content_hash: str, texts: list[str]):
    """The cached words, or None when the file is missing, stale or damaged in any way."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != SEGMENT_CACHE_VERSION or data.get("content_hash") != content_hash:
            return None
        cached = data["texts"]
        words = {text: tuple(cached[text]) for text in texts}
        # Words that do not join back into their text mean a damaged file: rebuild.
        if any("".join(w) != text for text, w in words.items()):
            return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return words


def _write_segment_cache(path: Path, content_hash: str, words: dict) -> None:
    """Write the cache atomically (temp file + rename); a read-only disk only costs speed."""
    payload = {
        "version": SEGMENT_CACHE_VERSION,
        "content_hash": content_hash,
        "texts": {text: list(w) for text, w in words.items()},
    }
    blob = json.dumps(payload, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, lambda temp: temp.write_text(blob, encoding="utf-8"))
        # Caches of earlier content are dead weight: keep only the current one.
        for old in path.parent.glob("segments-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
