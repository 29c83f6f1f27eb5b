"""Rich renderables for `study questions`: one question of the compiled bank for a curator.

Each field is wrapped by 禁则 behind its label with a hanging indent, in a terminal and
piped alike (at COLUMNS), as the 错题本 does; the kind is shown by its Chinese name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from rich.console import RenderableType
from rich.text import Text

from studycli.quiz.question import KIND_TITLES, LETTERS
from studycli.render.linebreak import Para

KIND_LABELS = KIND_TITLES  # the kinds by their Chinese names, as the quiz header shows them
FLAG_LABEL = "  标记:"
# A flag said again, less precisely, by another of the same question (quality.py checks a
# quote's cloze twice): shown only when the precise one is absent. --json keeps both.
_LOOSE = "干扰项都与答案不同类,凭语感即可排除"
SAID_BY = {_LOOSE: "金句填空的干扰项与答案词性、用字都不同类,凭语感即可排除"}


def flag_lines(flags: Iterable[object]) -> list[str]:
    """The quality flags as sentences, each once, in their order (a dict flag as JSON)."""
    shown = (f if isinstance(f, str) else json.dumps(f, ensure_ascii=False) for f in flags)
    unique = list(dict.fromkeys(s.strip() for s in shown if s and s.strip()))
    return [s for s in unique if SAID_BY.get(s) not in unique]


def render_question(question, flags: Iterable[object] = ()) -> list[RenderableType]:
    """One question as a few wrapped paragraphs, then a blank line."""
    kind = KIND_LABELS.get(question.kind, question.kind)
    parts: list[RenderableType] = [Para(Text(f"{question.id}  [{kind}]", style="bold"))]
    parts.append(Para(Text(question.prompt), "  题面:"))
    for letter, option in zip(LETTERS, question.options, strict=False):
        parts.append(Para(Text(option), f"    {letter}. "))
    parts.append(Para(Text(question.answer), "  答案:"))
    for number, flag in enumerate(flag_lines(flags)):
        marker = FLAG_LABEL if number == 0 else " " * Text(FLAG_LABEL).cell_len
        parts.append(Para(Text(flag, style="yellow"), Text(marker, style="yellow")))
    parts.append(Text(""))
    return parts
