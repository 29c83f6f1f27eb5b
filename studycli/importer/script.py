"""Script conversion decided per line: traditional text is converted, simplified text is not.

OpenCC's tw2s is not idempotent on simplified text (显著 → 显着), so it runs only on lines
written in traditional script.
"""

from __future__ import annotations

import functools

from studycli.importer.damage import is_han
from studycli.text import to_simplified


@functools.cache
def _traditional_only(ch: str) -> bool:
    """A Han character that simplified text never uses (outside GB2312, with a simple form)."""
    if not is_han(ch):
        return False
    try:
        ch.encode("gb2312")
        return False
    except UnicodeEncodeError:
        return to_simplified(ch) != ch


def to_simplified_where_traditional(text: str) -> tuple[str, int]:
    """Convert a line written in traditional script; leave simplified text as it is.

    A line with several traditional-only characters is converted at phrase level (決定著 →
    决定着); a simplified line with one stray traditional character has only that one
    converted, so 显著 in simplified text never becomes 显着.
    """
    traditional = [i for i, ch in enumerate(text) if _traditional_only(ch)]
    if not traditional:
        return text, 0
    han = sum(1 for ch in text if is_han(ch))
    if len(traditional) >= 3 or len(traditional) * 10 >= han:
        simple = to_simplified(text)
        if len(simple) == len(text):
            return simple, sum(1 for a, b in zip(text, simple, strict=True) if a != b)
        return simple, len(traditional)
    chars = list(text)
    for i in traditional:
        chars[i] = to_simplified(chars[i])
    return "".join(chars), len(traditional)
