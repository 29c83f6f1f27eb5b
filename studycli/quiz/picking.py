"""Picking a choice question's options from tiers of candidates, nearest tier first.

A candidate is refused when it could also be right (equal to, inside or containing the
answer, shown in the stem, or held true of the stem by the deck), when its length gives
it away, or when it half-restates the list's own wording. See ``quiz/options.py`` for
where the tiers come from.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Collection, Iterable, Mapping, Sequence

from studycli.text import answer_key, is_punctuation

OPTION_COUNT = 4
MIN_OPTIONS = 3
# How many candidates of one tier are looked at first: variety, bounded for speed.
SAMPLE = 40


def pick_options(
    answer: str,
    tiers: Sequence[Sequence[str]],
    rng: random.Random,
    *,
    prompt: str = "",
    exclude: Iterable[str] = (),
    count: int = OPTION_COUNT,
    refuse: Collection[str] = frozenset(),
    canon: Mapping[str, str] | None = None,
    like: str = "",
    overlap_with: str = "",
) -> tuple[str, ...] | None:
    """The options in display order: the answer and up to ``count - 1`` distractors, or None.

    Distractors come from the first tiers first (closest siblings), of the answer's
    type (same last character or unit) and nearest in length. A candidate is
    refused if it could also be right: equal to, inside or containing the answer
    or an ``exclude`` text after answer_key normalisation, or shown in the prompt;
    so is one whose key (read through ``canon``, glossary aliases) is in ``refuse``,
    the texts the deck holds true of the stem. Candidates sharing characters with
    ``like`` (default: the answer) come first: 供应链 for 产业链, 更好 for 更高质量.
    A candidate sharing four characters in a row with ``overlap_with`` (the list's own
    wording) is refused: 战略性新兴产业与未来产业 half-restates 布局建设未来产业.
    """
    canon = canon or {}
    right = _key(answer)
    wrong_keys = [k for k in (right, *(_key(x) for x in exclude)) if k]
    # The prompt is new text each time: keyed without the (slow) script conversion.
    shown = "".join(ch for ch in prompt.casefold() if not ch.isspace() and not is_punctuation(ch))
    chosen: list[str] = []
    taken: set[str] = set()
    last = _last(answer)
    alike = set(like or answer)
    for tier in tiers:
        if len(chosen) == count - 1:
            break
        pool = _sample(tier, rng)
        pool.sort(key=lambda c: (_last(c) != last, -len(alike & set(c)), abs(len(c) - len(answer))))
        # The rest of a large tier after the sample: whether a fair distractor exists (and so
        # whether the question exists) never depends on the seed, only which one is shown.
        # Read only when the sample falls short.
        rest: Iterable[str] = ()
        if len(tier) > SAMPLE:
            seen = set(pool)
            rest = (c for c in dict.fromkeys(tier) if c not in seen)
        for candidate in itertools.chain(pool, rest):
            if len(chosen) == count - 1:
                break
            key = _key(candidate)
            if not key or key in taken or canon.get(key, key) in taken or key in shown:
                continue
            if any(key in k or k in key for k in wrong_keys):
                continue
            if refuse and canon.get(key, key) in refuse:
                continue
            if _odd_length(candidate, answer):
                continue
            if overlap_with and any(
                candidate[i : i + 4] in overlap_with for i in range(len(candidate) - 3)
            ):
                continue
            chosen.append(candidate)
            taken.add(key)
            # 劳动力 and 劳动者 are one answer: two alias distractors cancel each other out.
            taken.add(canon.get(key, key))
    if len(chosen) + 1 < min(MIN_OPTIONS, count):
        return None
    options = [*chosen, answer]
    rng.shuffle(options)
    return tuple(options)


def _odd_length(candidate: str, answer: str) -> bool:
    """A 45-character sentence beside a 9-character answer, or 特点 beside 抢占发展制高点:
    a distractor that much longer or shorter is ruled out at a glance."""
    if _has_digit(candidate) or _has_digit(answer):
        return False
    too_long = len(candidate) > max(20, 3 * len(answer))
    too_short = len(candidate) <= 2 and len(answer) >= 5
    return too_long or too_short


def _sample(tier: Sequence[str], rng: random.Random) -> list[str]:
    """At most SAMPLE distinct candidates of a tier, in random order."""
    if len(tier) <= SAMPLE:
        pool = list(dict.fromkeys(tier))
        rng.shuffle(pool)
        return pool
    picks = rng.sample(range(len(tier)), SAMPLE)
    return list(dict.fromkeys(tier[i] for i in picks))


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """answer_key, remembered: the same sibling texts are compared for many questions."""
    return answer_key(text)


def _last(text: str) -> str:
    """The last character that is not punctuation: 基金 of a fund, 产业 of an industry."""
    for ch in reversed(text):
        if not is_punctuation(ch) and not ch.isspace():
            return ch
    return ""


@functools.lru_cache(maxsize=65536)
def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
