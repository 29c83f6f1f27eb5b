"""Finding mojibake: spots where the bytes were read in the wrong encoding and cannot be repaired.

Two forms are known: UTF-8 read as GBK (runs of rare characters, stray ``?`` and pinyin
fragments, article 004) and GBK read as UTF-8 and back (成果？！痹谛逻M: rare characters
mixed with full-width ``？！`` and stray Latin capitals). Every spot is reported, never guessed.
"""

from __future__ import annotations

import functools
import re

from studycli.text import to_simplified

DAMAGE_MARK = "〔此处原文损坏〕"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY = f"a-zü{_TONED}"
_ORPHAN_PINYIN = re.compile(rf"[{_PY}]{{1,7}}\)")  # ``guī)``: its opening parenthesis was eaten
_ANNOTATION = re.compile(rf"\([{_PY}]{{1,7}}\)")
_TONED_SET = set(_TONED)
_ODD_SYMBOLS = set("^_\\`|~@#$&")
# GBK read as UTF-8: full-width ？！ glued to rare characters and a stray capital (逻M)
_GBK_AS_UTF8 = re.compile(
    r"[？！]{2,}(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[A-Z](?=[\u3400-\u9fff])"
)


def is_han(ch: str) -> bool:
    """A CJK ideograph (basic block, extension A or compatibility)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@functools.lru_cache(maxsize=8192)
def is_rare(ch: str) -> bool:
    """True for a Han character whose simplified form is outside GB2312 level 1 (3755 chars).

    Clean modern text rarely has two of these side by side; mojibake (UTF-8 bytes read as
    GBK) produces runs of them.
    """
    if not is_han(ch):
        return False
    simple = to_simplified(ch)
    try:
        code = simple.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return len(code) != 2 or not 0xB0 <= code[0] <= 0xD7


def _is_odd(ch: str) -> bool:
    """Symbols that have no business between Chinese characters."""
    if ch in _ODD_SYMBOLS or ch == "\ufffd":
        return True
    code = ord(ch)
    return (
        0x0370 <= code <= 0x04FF  # Greek, Cyrillic
        or (0x00C0 <= code <= 0x00FF and ch not in _TONED_SET)
        or 0xE000 <= code <= 0xF8FF  # private use
    )


def _is_junk_char(ch: str) -> bool:
    return ch == "?" or is_rare(ch) or _is_odd(ch)


def _junk_at(line: str, i: int, *, after_junk: bool) -> int:
    """Length of a mojibake-like token starting at ``i`` (0 if none)."""
    ch = line[i]
    if ch == "?" or is_rare(ch) or _is_odd(ch):
        return 1
    if ch in "？！" and after_junk:
        return 1
    if ch == "(" and after_junk:
        match = _ANNOTATION.match(line, i)
        if match:
            return match.end() - i
    if (ch.isascii() and ch.isalpha()) or ch in _TONED_SET:
        match = _ORPHAN_PINYIN.match(line, i)
        if match:
            return match.end() - i
        run = re.compile(r"[A-Za-z]{1,2}(?![A-Za-z])").match(line, i)
        if run:
            return run.end() - i
    return 0


def _anchors(line: str) -> list[tuple[int, int]]:
    """Spots that are damage beyond doubt: stray ``?``, orphan pinyin, U+FFFD, rare clusters."""
    found = []
    n = len(line)
    for i, ch in enumerate(line):
        if ch == "\ufffd":
            found.append((i, i + 1))
        elif ch == "?" and not _genuine_question_mark(line, i):
            found.append((i, i + 1))
    for match in _ORPHAN_PINYIN.finditer(line):
        start = match.start()
        before = line[start - 1] if start else ""
        if before != "(" and not (before.isascii() and before.isalpha()):
            if _TONED_SET & set(match.group()):
                found.append(match.span())
    for match in _ANNOTATION.finditer(line):
        before = line[match.start() - 1] if match.start() else ""
        if before and not is_han(before) and before != ")" and _TONED_SET & set(match.group()):
            found.append(match.span())
    rare = [is_rare(ch) or _is_odd(ch) for ch in line]
    window = sum(rare[:4])
    for i in range(n - 3):
        if i:
            window += rare[i + 3] - rare[i - 1]
        if window >= 3:
            junk = [j for j in range(i, i + 4) if rare[j]]
            found.append((junk[0], junk[-1] + 1))
    for match in _GBK_AS_UTF8.finditer(line):
        start, end = match.span()
        near = line[max(0, start - 3) : end + 3]
        if sum(1 for ch in near if is_rare(ch)) >= 1:
            found.append((start, end))
    return found


def _genuine_question_mark(line: str, i: int) -> bool:
    """A real question mark sits after text and before the end, a space, text or a closer."""
    before = line[i - 1] if i else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    if before == "?" or after == "?":
        return False
    if after and (is_rare(after) or _is_odd(after) or (after.isascii() and after.isalpha())):
        return False
    if after in _TONED_SET:
        return False
    return True


def find_damage(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` (raw, pinyin still in) that are mojibake, merged and extended.

    From each anchor the spot grows over neighbouring junk (rare characters, ``?``, odd
    symbols, pinyin fragments) and across a single ordinary character between junk. Each
    span grows at most ``_MAX_GROW`` characters, so the cost stays linear in the line.
    """
    spans: list[tuple[int, int]] = []
    for start, end in sorted(_anchors(line)):
        if spans and end <= spans[-1][1]:
            continue  # inside a spot already grown
        limit = end + _MAX_GROW
        while end < len(line) and end < limit:
            step = _junk_at(line, end, after_junk=True)
            if not step and is_han(line[end]) and end + 1 < len(line):
                nxt = _junk_at(line, end + 1, after_junk=False)
                step = 1 + nxt if nxt else 0
            if not step:
                break
            end += step
        floor = max(0, start - _MAX_GROW, spans[-1][1] if spans else 0)
        while start > floor:
            ch = line[start - 1]
            if _is_junk_char(ch):
                start -= 1
            elif is_han(ch) and start > 1 and _is_junk_char(line[start - 2]):
                start -= 2
            else:
                break
        if spans and start <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


_MAX_GROW = 80
