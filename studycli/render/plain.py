"""User text as plain terminal text: never Rich markup, never a control sequence.

The rule: text a user or a deck supplies (answers, topic names, deck text, file names) is
printed through ``plain`` (a ``Text``, which Rich never parses as markup) or on a console
made with ``markup=False``; ``visible`` replaces control characters a terminal would obey.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls (ESC starts cursor moves, clears, titles).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with each control character shown as U+FFFD instead of obeyed."""
    return _CONTROL.sub("\ufffd", text)


def plain(text: str, style: str = "") -> Text:
    """``text`` as a Rich Text: brackets stay brackets, controls become visible."""
    return Text(visible(text), style=style)
