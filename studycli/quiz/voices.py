"""Who said what: the deck's quotes by speaker, for 出处, 多选 "出自X的有" and 判断 swaps."""

from __future__ import annotations

from studycli.quiz.builder import Builder

INSTITUTIONS = ("党的", "中央")


def _voices(b: Builder, speaker: str) -> tuple[list[str], list[str]]:
    """Short quotes (≤ 40 characters) of this speaker, and of speakers who are surely others."""
    key = ("voices", speaker)
    if key not in b.memo:
        short = [q for q in b.quotes if len(q.text) <= 40]
        same = list(dict.fromkeys(q.text for q in short if q.speaker == speaker))
        others = list(dict.fromkeys(q.text for q in short if not _same_voice(q.speaker, speaker)))
        b.memo[key] = (same, others)
    return b.memo[key]


def _other_speakers(b: Builder, speaker: str) -> list[str]:
    """Speakers who surely did not say what ``speaker`` said, in a stable order."""
    key = ("speakers", speaker)
    if key not in b.memo:
        b.memo[key] = sorted({s for s in b.speakers if not _same_voice(s, speaker)})
    return b.memo[key]


def _occasions_of(b: Builder, speaker: str) -> list[tuple[str, str | None]]:
    """(occasion, date) pairs of the speaker's quotes."""
    key = ("occasions", speaker)
    if key not in b.memo:
        pairs = {(q.occasion, q.date) for q in b.quotes if q.speaker == speaker and q.occasion}
        b.memo[key] = sorted(pairs, key=lambda p: (p[0], p[1] or ""))
    return b.memo[key]


def _same_voice(a: str, b: str) -> bool:
    """Two speakers one quote may be put down to.

    The same name, one inside the other (马克思 and 马克思、恩格斯), or 习近平 and a
    party meeting he addressed (党的二十大报告).
    """
    if a == b or a in b or b in a:
        return True

    def official(name: str) -> bool:
        return name.startswith(INSTITUTIONS) or name == "习近平"

    return official(a) and official(b)
