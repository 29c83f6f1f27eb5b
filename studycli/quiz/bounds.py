"""Wrong figures that are really wrong: a bound in the sentence, and sane magnitudes.

"森林覆盖率提高到25%以上": a smaller figure (20%以上) is still true of the fact, so a
wrong option or a false statement must be larger; "控制在3%以内": it must be smaller.
Shares are never over 100%, and a false statement is never ten times the truth (26.80%
for 2.68% is told at a glance, not known).
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHARE = re.compile(r"\d+(?:\.\d+)?%")  # a percentage, with or without 以上/左右 after it
_LOWER_AFTER = ("以上", "多", "余", "强")  # 25%以上, 100多项, 3000余家
_LOWER_BEFORE = ("超过", "逾", "突破", "不少于", "不低于", "至少", "高于")
_UPPER_AFTER = ("以下", "以内", "之内")
_UPPER_BEFORE = ("不超过", "低于", "不到", "不足", "少于", "至多", "不高于")


def bound_of(text: str, piece: str) -> str | None:
    """``"lower"`` when ``text`` gives ``piece`` as a floor, ``"upper"`` as a ceiling, else None."""
    at = text.find(piece)
    if at < 0:
        return None
    before, after = text[:at], text[at + len(piece) :]
    if after.startswith(_UPPER_AFTER) or before.endswith(_UPPER_BEFORE):
        return "upper"
    if after.startswith(_LOWER_AFTER) or before.endswith(_LOWER_BEFORE):
        return "lower"
    return None


def value_of(figure: str) -> float | None:
    """The leading number of a figure (25 of 25%以上), or None."""
    match = _NUMBER.match(figure)
    return float(match.group()) if match else None


def fair_wrong(key: str, candidate: str, bound: str | None) -> bool:
    """Whether ``candidate`` is a figure that is wrong for ``key`` under ``bound``, and sane."""
    want, got = value_of(key), value_of(candidate)
    if want is None or got is None:
        return True  # not two amounts: nothing to say here
    if _SHARE.match(key) and _SHARE.match(candidate) and want <= 100 < got:
        return False  # a share over 100% (270%以上 for 90%以上 too)
    if bound == "lower":
        return got > want
    if bound == "upper":
        return got < want
    return True


def fair_false(key: str, candidate: str, bound: str | None) -> bool:
    """A false statement's figure: wrong under the bound, sane, and not ten times off."""
    want, got = value_of(key), value_of(candidate)
    if want and got and (got / want >= 10 or want / got >= 10):
        return False
    return fair_wrong(key, candidate, bound)
