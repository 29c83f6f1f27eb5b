"""Naming a near miss: 同音字, 错字, 漏字, 多字, 顺序 or 数字 — strict, but it says why.

Only asked after an answer was judged wrong, so pypinyin is imported lazily here and
never on the start-up path or for a right answer.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# At most this share of the expected characters may differ for a miss to count as near.
NEAR_SHARE = 0.34


@functools.lru_cache(maxsize=4096)
def _pinyin(ch: str) -> frozenset[str]:
    """Every toneless reading of one character (多音字 have several)."""
    from pypinyin import Style, pinyin  # only when a near miss needs naming

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)
    return frozenset(readings[0]) if readings else frozenset()


def same_sound(a: str, b: str) -> bool:
    """True when two Han characters share a toneless reading (跃/越, 率/律)."""
    if a == b:
        return True
    if not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"):
        return False
    return bool(_pinyin(a) & _pinyin(b))


def name_near_miss(given: str, expected: str, shown: tuple[str, str] = ("", "")) -> str | None:
    """How ``given`` misses ``expected`` when it is close, e.g. 同音字(迁→千); else None.

    Both are keys (no punctuation, so 3.05 reads 305); ``shown`` holds the texts as typed
    and as written, whose numbers keep their decimal point in the message.
    """
    if not given or not expected or given == expected:
        return None
    numbers_given, numbers_expected = _DIGITS.findall(given), _DIGITS.findall(expected)
    if numbers_expected and numbers_given != numbers_expected:
        if _DIGITS.sub("#", given) == _DIGITS.sub("#", expected):
            typed, written = (_DIGITS.findall(text) for text in shown)
            if len(typed) == len(numbers_given) and len(written) == len(numbers_expected):
                numbers_given, numbers_expected = typed, written
            return f"数字({'、'.join(numbers_given)}→{'、'.join(numbers_expected)})"
    if len(given) == len(expected) and Counter(given) == Counter(expected):
        return "顺序"
    ops = SequenceMatcher(None, given, expected, autojunk=False).get_opcodes()
    changes = [op for op in ops if op[0] != "equal"]
    changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changes)
    if changed > max(1, round(len(expected) * NEAR_SHARE)):
        return None
    tags = {op[0] for op in changes}
    if tags == {"delete"}:
        extra = "".join(given[i1:i2] for _, i1, i2, _, _ in changes)
        return f"多字({extra})"
    if tags == {"insert"}:
        missing = "".join(expected[j1:j2] for _, _, _, j1, j2 in changes)
        return f"漏字({missing})"
    if tags == {"replace"} and all(i2 - i1 == j2 - j1 for _, i1, i2, j1, j2 in changes):
        pairs = [
            (given[i1 + k], expected[j1 + k])
            for _, i1, i2, j1, _ in changes
            for k in range(i2 - i1)
        ]
        shown = "、".join(f"{a}→{b}" for a, b in pairs)
        if all(same_sound(a, b) for a, b in pairs):
            return f"同音字({shown})"
        return f"错字({shown})"
    return "错字、漏字或多字"


def nearest_miss(given: str, expected: Sequence[str], shown: tuple[str, str] = ("", "")):
    """The near-miss name against the closest of several expected wordings, or None."""
    for wording in sorted(
        (w for w in expected if w),
        key=lambda w: -SequenceMatcher(None, given, w, autojunk=False).ratio(),
    ):
        named = name_near_miss(given, wording, shown)
        if named:
            return named
    return None
