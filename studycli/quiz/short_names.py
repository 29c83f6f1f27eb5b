"""Option names given in short form, for 出处 and 归类 (marking_kinds): 二十大报告 for
党的二十大报告, 行政改革 for 行政体制改革 — a short name that still names one option."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from studycli.quiz.matching import FILLERS, in_order
from studycli.text import answer_key

# --- option names given in short form ------------------------------------------------

# An option name may be given shortened when the rest still names one thing: 二十大报告
# for 党的二十大报告, 江苏考察 for 在江苏考察时（7月）, 中西部 for 中西部地区. The short
# form must be a stretch of the name covering at least half of it, found in no other
# option and in no other answer the deck offers (rivals); figures are never shortened.
# A Chinese name ends in its head (地区, 报告, 集体学习) after its modifiers (党的, 中共):
# - left out before: a modifier of two characters or more (党的, 中共中央), or filler (在);
# - left out after: filler (时), or a generic head other names share (地区 of 东部沿海地区).
# So 西部地区 (一 character cut off 中西部地区, another region) and 产业 for 产业升级 fail.
MIN_SHORT_NAME = 2
_NOTE = re.compile(r"[（(][^）)]*[）)]")
_EDGE_FILLERS = FILLERS | {"时"}


def name_key(option: str) -> str:
    """An option's name in answer_key form (not loose), without a bracketed note (（7月）)."""
    return answer_key(_NOTE.sub("", option))


def short_name_owner(key: str, options: Sequence[str], rivals: Sequence[str] = ()) -> int | None:
    """The one option (index) whose name ``key`` shortens, or None. ``key``, ``options``
    and ``rivals`` are in answer_key form (name_key)."""
    if len(key) < MIN_SHORT_NAME or any(ch.isdigit() for ch in key):
        return None
    owners = [
        index
        for index, name in enumerate(options)
        if key in name and 2 * len(key) >= len(name) and not any(ch.isdigit() for ch in name)
    ]
    if len(owners) != 1 or any(key in other for other in options if other != options[owners[0]]):
        return None
    mine = options[owners[0]]
    if any(key in rival for rival in rivals if rival != mine):
        return None  # 党的二十大 is a name of its own, not short for 党的二十大报告
    at = mine.find(key)
    before, after = mine[:at], mine[at + len(key) :]
    others = [name for name in (*options, *rivals) if name != mine]
    if before and before not in _EDGE_FILLERS and len(before) < 2:
        return None
    if after and after not in _EDGE_FILLERS and not _generic(after, others):
        return None
    return owners[0]


def _generic(piece: str, others: Sequence[str]) -> bool:
    """Whether other names end in the same head (two characters or more of ``piece``)."""
    return any(piece[i:] in other for i in range(len(piece) - 1) for other in others)


# A short name may also leave out words inside the name (行政改革 for 行政体制改革, 以产业
# 需求为导向 for 以产业需求为导向培养): its characters in the option's order, at least
# MIN_ORDERED_NAME of them and half the name, in one option only, not in any other option's
# order, and not another name of the deck. What is left out is whole words: one character
# left out makes another name (西部地区, 中部地区 are not 中西部地区).
MIN_ORDERED_NAME = 3


def ordered_short_owner(key: str, options: Sequence[str], rivals: Sequence[str] = ()) -> int | None:
    """The one option (index) whose characters ``key`` gives in order, or None (the
    arguments in answer_key form, as for short_name_owner)."""
    if len(key) < MIN_ORDERED_NAME or any(ch.isdigit() for ch in key):
        return None
    owners = [
        index
        for index, name in enumerate(options)
        if in_order(key, name) and 2 * len(key) >= len(name) and not any(c.isdigit() for c in name)
    ]
    if len(owners) != 1:
        return None
    mine = options[owners[0]]
    if any(in_order(key, other) for other in options if other != mine):
        return None
    if any(key == rival or key in rival for rival in rivals if rival != mine):
        return None  # another name of the deck (a speaker, an occasion)
    return owners[0] if _whole_words_left_out(key, mine) else None


def _whole_words_left_out(key: str, name: str) -> bool:
    """Whether ``key`` reads in ``name`` leaving out only stretches of two characters or
    more, or filler: 行政改革 leaves out 体制; 中部地区 leaves out 西 of 中西部地区 (a
    single character makes another name: 西部地区, 中部地区)."""

    def fair(gap: str) -> bool:
        return len(gap) != 1 or gap in _EDGE_FILLERS

    @functools.cache
    def reads(i: int, j: int) -> bool:
        if i == len(key):
            return fair(name[j:])
        for at in range(j, len(name)):
            if name[at] == key[i] and fair(name[j:at]) and reads(i + 1, at + 1):
                return True
        return False

    return reads(0, 0)
