"""The general marking rules, reusable by every kind: answer form, variants, precision.

An answer is read into ``Reading``: its *loose key* (answer_key form with glossary
aliases read as their term, then 的/地/得/和/与/及/以及 dropped, so 原始创新能力与集成创新能力
equals 原始创新能力和集成创新能力 and 生产力现代化 equals 生产力的现代化) and the places
where the user put a separator. Expected wordings go through ``loose`` the same way.

- ``whole_match``: a single answer is right when it is a variant, or a variant with
  nothing around it but the stem's own words, the source sentence's words next to the
  key (以…为核心标志, 提升…), and filler (是, 即, 指…), provided no rival answer
  (a sibling entry, another role, a conflicting term) hides in those words.
- ``consume_parts``: multi-part answers are found anywhere in the answer, longest
  first, each stretch counted once; ``leftover_pieces`` is what is left, split at the
  user's separators, and ``is_extra`` says which of those pieces are answers of their own
  (7 items for 5, a hedge) and so lower the score.
- ``distinctive_match``: a list entry may be given by its distinctive words — in the
  entry's order, with a 2-character stretch no sibling has, covering at least half the
  label (数智化人才 for 数智化人才队伍; 人才 alone is too little).
- ``offers_alternatives``: 科技创新/创新, 高科技或高技术 — one blank, two answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studycli.text import answer_key, arabic_ordinals, compare_key

_CONNECTORS = re.compile(r"以及|[的地得和与及]")
_SPLIT = re.compile(r"[\s/／|｜]+")
# What answer_key drops (text._PUNCT_CHARS after folding): the places a user cuts an answer.
# A decimal point between digits is part of the number (3.05), not a cut.
_CUT = re.compile(r"(?:[,;:?!()。、\"'\-<>\[\]·]|(?<!\d)\.|\.(?!\d))+")
_SLASH = re.compile(r"[/／|｜]")
_ALTERNATIVE = re.compile(r"[/／|｜]|或者|或是|还是|或")
# Filler a fair marker reads past before or after the key; 要/应 (modal) as in
# 东北地区要围绕装备制造业进行技术创新, whose subject the stem gives.
FILLERS = frozenset(
    "是 即 指 为 以 在 于 乃 了 呢 吧 啊 等 就是 即是 是指 指的是 就是指 答案 答案是 应是 应该是"
    " 在于 属于 是为 的是 等等 要 需要 应 应当 应该".split()
)
_MAX_FILLER = max(map(len, FILLERS))
MIN_STEM_WORD = 2
# How far after the key a source word may stand and still be moved before it (提升).
WINDOW = 6
# Labels shorter than this are names, given whole or not at all.
MIN_DISTINCTIVE_LABEL = 6


def loose(key: str) -> str:
    """A key without 的/和/与/及/以及: the grammar words that carry no answer."""
    return _CONNECTORS.sub("", key)


@dataclass(frozen=True)
class Reading:
    """An answer read for marking: loose key and the key offsets of the user's separators."""

    raw: str
    key: str
    cuts: frozenset[int]


def read_answer(text: str, canon=lambda key: key) -> Reading:
    """Split the answer at punctuation and spaces, key each piece, remember where it was cut."""
    pieces = _CUT.split(compare_key(_SPLIT.sub("、", arabic_ordinals(text or ""))))
    key = ""
    cuts = set()
    for piece in pieces:
        part = loose(canon(answer_key(piece)))
        if part:
            if key:
                cuts.add(len(key))
            key += part
    return Reading(text or "", key, frozenset(cuts))


def key_of(text: str, canon=lambda key: key) -> str:
    """The loose key of an expected wording (punctuation, script, aliases, connectors)."""
    return loose(canon(answer_key(arabic_ordinals(text))))


def offers_alternatives(raw: str, allowed: Iterable[str] = ()) -> bool:
    """True when the answer offers two answers for one (/, |, 或, 还是) the key does not hold."""
    for match in _ALTERNATIVE.finditer(raw or ""):
        if not any(match.group() in text for text in allowed):
            return True
    return False


def slash_parts(raw: str, count: int) -> list[str] | None:
    """The parts of an answer cut by ``/`` when they are exactly ``count`` one-piece answers
    (no other separator, no 或 inside a part), else None: then the ``/`` may be a hedge."""
    parts = [part.strip() for part in _SLASH.split(raw or "")]
    if count < 2 or len(parts) != count or not all(parts):
        return None
    for part in parts:
        if _ALTERNATIVE.search(part) or read_answer(part).cuts or not read_answer(part).key:
            return None
    return parts


# --- single answers --------------------------------------------------------------


def whole_match(
    key: str,
    variants: Sequence[str],
    *,
    stem: str = "",
    contexts: Sequence[str] = (),
    rivals: Sequence[str] = (),
    droppable: bool = False,
) -> bool:
    """True when ``key`` is a variant, alone or with only fair words around it."""
    variants = [v for v in variants if v]
    if not key or not variants:
        return False
    if key in variants:
        return True
    # The stem's words may be left out: 重要载体 for 新质生产力的重要载体 when the question
    # asks about 新质生产力 (not for a cloze, whose stem is the sentence around the blank).
    for variant in variants:
        at = variant.find(key)
        if droppable and at >= 0:
            if fillable(variant[:at], stem) and fillable(variant[at + len(key) :], stem):
                return True
    for variant in sorted(variants, key=len, reverse=True):
        # Before the key, the words just after it in the source are fair too (提升原始创新能力
        # … for …的进一步提升); after it, only the source's words right next to it, so
        # 质变和量变 does not pass for 质变 because 量变 follows somewhere in the article.
        lead_stem = "\0".join((stem, *_windows(variant, contexts)))
        start = key.find(variant)
        while start >= 0:
            before, after = key[:start], key[start + len(variant) :]
            if (
                _fair_before(before, variant, lead_stem, contexts)
                and _fair_after(after, variant, stem, contexts)
                and not _holds_rival(before + "\0" + after, variants, rivals, stem)
            ):
                return True
            start = key.find(variant, start + 1)
    return False


def _windows(variant: str, contexts: Sequence[str]) -> list[str]:
    """The WINDOW characters after each occurrence of the key in the source sentences."""
    out = []
    for context in contexts:
        at = context.find(variant)
        while at >= 0:
            out.append(context[at + len(variant) : at + len(variant) + WINDOW])
            at = context.find(variant, at + 1)
    return out


def _holds_rival(
    residue: str, variants: Sequence[str], rivals: Sequence[str], stem: str = ""
) -> bool:
    """A rival answer inside the words around the key (一核两翼 for 一核). A rival said as
    part of a longer stretch of the stem is the stem restated, not a second answer:
    科学合理的政府产业政策是保障新质生产力形成的重要体制内容 names 新质生产力 only there."""
    for rival in rivals:
        if not rival or any(rival in v for v in variants):
            continue
        at = residue.find(rival)
        while at >= 0:
            end = at + len(rival)
            wider = (residue[max(at - 1, 0) : end], residue[at : end + 1])
            if not any(len(w) > len(rival) and "\0" not in w and w in stem for w in wider):
                return True
            at = residue.find(rival, at + 1)
    return False


def _fair_before(text: str, variant: str, stem: str, contexts: Sequence[str]) -> bool:
    """The words before the key: the source's words just before it, after stem words/filler."""
    if not text:
        return True
    tails = {""}
    for context in contexts:
        at = context.find(variant)
        while at >= 0:
            lead = context[:at]
            tails.update(lead[i:] for i in range(len(lead)))
            at = context.find(variant, at + 1)
    for tail in tails:
        if text.endswith(tail) and fillable(text[: len(text) - len(tail)], stem):
            return True
    return False


def _fair_after(text: str, variant: str, stem: str, contexts: Sequence[str]) -> bool:
    """The words after the key: the source's words just after it, then stem words/filler."""
    if not text:
        return True
    heads = {""}
    for context in contexts:
        at = context.find(variant)
        while at >= 0:
            rest = context[at + len(variant) :]
            heads.update(rest[: i + 1] for i in range(len(rest)))
            at = context.find(variant, at + 1)
    for head in heads:
        if text.startswith(head) and fillable(text[len(head) :], stem):
            return True
    return False


def fillable(text: str, stem: str) -> bool:
    """Whether ``text`` is made only of filler and stem words of two or more characters."""
    if not text:
        return True
    reach = [False] * (len(text) + 1)
    reach[0] = True
    for i in range(len(text)):
        if not reach[i]:
            continue
        for j in range(i + 1, len(text) + 1):
            piece = text[i:j]
            if piece in FILLERS or (len(piece) >= MIN_STEM_WORD and piece in stem):
                reach[j] = True
            elif len(piece) > _MAX_FILLER and piece not in stem:
                break
    return reach[-1]


# --- multi-part answers -----------------------------------------------------------


def consume_parts(key: str, variants: Sequence[Sequence[str]]) -> tuple[list[int | None], str]:
    """Where each part occurs in ``key`` (None: missing), and the key with found stretches
    blanked out (``\\0``); the longest parts are looked for first, each stretch counts once."""
    work = list(key)
    positions: list[int | None] = [None] * len(variants)
    order = sorted(
        range(len(variants)), key=lambda i: -max((len(v) for v in variants[i]), default=0)
    )
    for index in order:
        text = "".join(work)
        for variant in sorted((v for v in variants[index] if v), key=len, reverse=True):
            at = text.find(variant)
            if at >= 0:
                positions[index] = at
                work[at : at + len(variant)] = ["\0"] * len(variant)
                break
    return positions, "".join(work)


def leftover_pieces(work: str, cuts: frozenset[int]) -> list[tuple[int, str]]:
    """The unconsumed stretches of the answer, split at the user's separators: (start, text)."""
    pieces: list[tuple[int, str]] = []
    start = None
    for i, ch in enumerate(work + "\0"):
        boundary = ch == "\0" or i in cuts
        if boundary and start is not None:
            pieces.append((start, work[start:i]))
            start = None
        if ch != "\0" and start is None:
            start = i
    return pieces


def glued(start: int, piece: str, work: str, cuts: frozenset[int]) -> bool:
    """True when a leftover piece sticks to a found part with no separator between and is
    more than filler (的、和 …): it changes the word the part was found in."""
    if piece in FILLERS:
        return False
    end = start + len(piece)
    before = start > 0 and work[start - 1] == "\0" and start not in cuts
    after = end < len(work) and work[end] == "\0" and end not in cuts
    return before or after


def fair_edge(piece: str, whole: str, contexts: Sequence[str], *, before: bool) -> bool:
    """True when a piece before (or after) a whole multi-part answer is the source's own
    words next to it: 具有高科技、高效能、高质量特征."""
    if before:
        return _fair_before(piece, whole, "", contexts)
    return _fair_after(piece, whole, "", contexts)


def is_extra(piece: str, stem: str = "", wordings: Sequence[str] = ()) -> bool:
    """True when a leftover piece is an answer of its own: not filler, not the stem's
    words, and not words of a found part's fuller wording (大力推进 of 大力推进数字产业化)
    unless it is a whole wording itself (劳动者 beside 劳动力 is a hedge)."""
    if len(piece) < MIN_STEM_WORD or fillable(piece, stem):
        return False
    if piece in wordings:
        return True
    return not any(piece in wording for wording in wordings)


def distinctive_match(piece: str, own: Sequence[str], siblings: Sequence[str]) -> bool:
    """True when ``piece`` gives an entry by its distinctive words.

    ``own`` holds the entry's loose wordings, label first. The piece must read in order
    inside one of them, hold a two-character stretch found in the entry but in no
    sibling, and cover at least half of the label.
    """
    label = own[0] if own else ""
    if len(piece) < MIN_STEM_WORD or len(label) < MIN_DISTINCTIVE_LABEL:
        return False  # a short label is a name: 数据中心 is not 大数据中心
    if not any(in_order(piece, text) for text in own):
        return False
    pairs = {piece[i : i + 2] for i in range(len(piece) - 1)}
    mine = {p for p in pairs if any(p in text for text in own)}
    if not any(all(p not in sibling for sibling in siblings) for p in mine):
        return False
    return _common_length(piece, label) * 2 >= len(label)


def in_order(piece: str, text: str) -> bool:
    """Whether every character of ``piece`` appears in ``text`` in the same order."""
    it = iter(text)
    return all(ch in it for ch in piece)


def _common_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short strings."""
    row = [0] * (len(b) + 1)
    for ch in a:
        prev = 0
        for j, other in enumerate(b, 1):
            keep = row[j]
            row[j] = prev + 1 if ch == other else max(row[j], row[j - 1])
            prev = keep
    return row[-1]


def longest_ordered_run(positions: Sequence[int | None]) -> int:
    """The most parts found in the expected relative order (longest increasing run)."""
    found = [p for p in positions if p is not None]
    best: list[int] = []
    for index, position in enumerate(found):
        length = 1 + max((best[j] for j in range(index) if found[j] < position), default=0)
        best.append(length)
    return max(best, default=0)
