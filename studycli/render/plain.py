"""User text as plain terminal text: never Rich markup, never a control sequence.

The rule: text a user or a deck supplies (answers, topic names, deck text, file names) is
printed on the CLI's consoles, which are made with ``markup=False``, or inside a ``Text``
(which Rich never parses as markup); never through ``Text.from_markup`` or a console with
markup on. ``visible`` replaces the control characters a terminal would obey.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (ESC starts cursor moves, clears, titles).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with each control character shown as U+FFFD instead of obeyed."""
    return _CONTROL.sub("\ufffd", text)
