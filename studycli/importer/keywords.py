"""Keywords for a draft's glossary, ranked by TF-IDF over jieba's IDF table, without
loading jieba.

jieba's own ``analyse.extract_tags`` loads its dictionary, HMM and part-of-speech tagger
(about 2 s of an import) to segment the text first. Here the text is read by forward maximum
matching against the IDF table itself, which finds the same dictionary words in a fraction
of the time. The table is read from jieba's package data; jieba is never imported here.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter
from pathlib import Path

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@functools.cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (word → weight) and its median weight; empty without jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return {}, 0.0
    path = Path(spec.origin).parent / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                word, _, weight = line.rstrip("\n").rpartition(" ")
                if word:
                    table[word] = float(weight)
    except (OSError, ValueError):
        return {}, 0.0
    weights = sorted(table.values())
    return table, weights[len(weights) // 2] if weights else 0.0


def extract_keywords(text: str, top_k: int = 60) -> list[str]:
    """The ``top_k`` words of ``text`` with the highest TF-IDF, most telling first.

    Words are read by forward maximum matching against the IDF table (longest word first,
    up to 6 characters), so 社会主义 is one word and 会主 never is.
    """
    table, _ = idf_table()
    if not table:
        return []
    counts: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        at = 0
        while at < len(run) - 1:
            for size in range(min(6, len(run) - at), 1, -1):
                word = run[at : at + size]
                if word in table:
                    counts[word] += 1
                    at += size
                    break
            else:
                at += 1
    total = sum(counts.values()) or 1
    scores = {word: n / total * table[word] for word, n in counts.items() if n >= 2}
    return sorted(scores, key=lambda w: (-scores[w], w))[:top_k]
