"""Line breaking for Chinese text (禁则), for the terminal and for piped output alike.

Rich wraps CJK text at any character, so a line may begin with ，or 。 and a blank ____ or a
figure like 2024年 may be torn in two. Here the text is cut into units that never split —
a run of ASCII (a Latin word, a number, an option, a blank ____) together with a following
unit character (年, 项, 亿 …), a run of □ or of ……/——, and otherwise one character — then
closing punctuation is glued to the unit before it and opening punctuation to the unit after
it, and lines are filled greedily by terminal cells. A unit wider than a whole line is folded
by character (text is never cut off). A command to type (study quiz --mistakes) is one unit,
and the · of a " · " separator ends a line, never starts one.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

# No line begins with these (closing punctuation, pauses) ...
NO_START = frozenset("，。、；：？！）》」』”’〉】〕,.;:?!)]}%‰·…—～")
# ... and none ends with these (opening punctuation).
NO_END = frozenset("“‘（《「『〈【〔([{")
# Characters that belong to the number before them: 2024年, 300项, 5万亿元, 90%.
_UNITS = "年月日号时分秒万亿千百元角个项条次倍天周岁名家种位件余多％‰"


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


_CORE = (
    r"study(?: (?:--?[a-z][a-z-]*|[a-z]+)(?![!-~]))+"  # a command to type: study quiz --mistakes
    rf"|[!-~]+(?:[—～][!-~]+)*[{_UNITS}]*"  # ASCII run (word, number, ____, 1—5), unit
    r"|□+|…+|—+"  # length hints, ellipses and dashes stay whole
    r"|\S"  # any other character alone
)
# One unbreakable unit: opening marks, a core, the closing marks after it; or spaces.
_UNIT_RE = re.compile(rf"{_char_class(NO_END)}*(?:{_CORE})(?:{_char_class(NO_START)}|…+|—+)*|\s+")


_WORDS = re.compile(r"\S+|\s+")


def _units(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_space) of each unbreakable unit, punctuation glued by 禁则."""
    units = [(m.start(), m.end(), m.group()[0].isspace()) for m in _UNIT_RE.finditer(text)]
    if '"' in text:
        units = _glue_straight_quotes(text, units)
    if " · " in text:
        units = _glue_spaced_dots(text, units)
    return units


def _glue_spaced_dots(text: str, units: list) -> list:
    """A " · " separator stays at the end of the line before it: the · with its unit."""
    out: list = []
    for unit in units:
        if text[unit[0] : unit[1]] == "·" and len(out) >= 2 and out[-1][2] and not out[-2][2]:
            out[-2:] = [(out[-2][0], unit[1], False)]
            continue
        out.append(unit)
    return out


def _glue_straight_quotes(text: str, units: list) -> list:
    """A lone ASCII " opens (glued to what follows) or closes (glued to what precedes),
    by counting: the first, third … are opening."""
    out: list = []
    pending = None  # an opening quote waiting for its unit
    for start, end, space in units:
        if text[start:end] == '"':
            if text.count('"', 0, start) % 2 == 0:
                pending = start
                continue
            if out and not out[-1][2] and out[-1][1] == start:
                out[-1] = (out[-1][0], end, False)
                continue
        if pending is not None:
            if not space and pending + 1 == start:
                start = pending
            else:
                out.append((pending, pending + 1, False))
            pending = None
        out.append((start, end, space))
    if pending is not None:
        out.append((pending, pending + 1, False))
    return out


def break_lines(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of ``text`` (one paragraph, no newline) so that no
    line is wider than ``width`` cells (``first`` for the first line) and 禁则 holds.
    Spaces where a line breaks are dropped."""
    lines: list[tuple[int, int]] = []
    limit = max(1, first if first is not None else width)
    if cell_len(text) <= limit:
        stripped = text.rstrip()
        return [(len(text) - len(text.lstrip()), len(stripped))] if stripped else [(0, 0)]
    start = end = None  # the current line's span
    used = 0
    pending_space = 0  # cells of spaces between the line so far and the next unit

    def close() -> None:
        nonlocal start, end, used, limit, pending_space
        if start is not None:
            lines.append((start, end))
        start = end = None
        used = pending_space = 0
        limit = max(1, width)

    units = deque(_units(text))
    while units:
        unit_start, unit_end, space = units.popleft()
        if space:
            if start is not None:
                pending_space += cell_len(text[unit_start:unit_end])
            continue
        size = cell_len(text[unit_start:unit_end])
        if size > max(1, width) and " " in text[unit_start:unit_end]:
            # A command wider than a line: break it between its words after all.
            words = _WORDS.finditer(text[unit_start:unit_end])
            units.extendleft(
                reversed(
                    [(unit_start + m.start(), unit_start + m.end(), m.group()[0].isspace())
                     for m in words]
                )
            )  # fmt: skip
            continue
        if start is not None and used + pending_space + size > limit:
            close()
        if start is None and size > limit:
            # Wider than a line: fold it character by character, never cut it off.
            for ch_start in range(unit_start, unit_end):
                ch = cell_len(text[ch_start])
                if start is not None and used + ch > limit:
                    close()
                if start is None:
                    start, used = ch_start, 0
                end, used = ch_start + 1, used + ch
            continue
        if start is None:
            start, used = unit_start, size
        else:
            used += pending_space + size
        end = unit_end
        pending_space = 0
    close()
    return lines or [(0, 0)]


def wrap_plain(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """``text`` wrapped to ``width`` cells: first line after ``indent``, the rest after
    ``hanging`` (default: as many spaces as ``indent`` is wide). Newlines start paragraphs."""
    hang = " " * cell_len(indent) if hanging is None else hanging
    out: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        lead = indent if number == 0 else hang
        spans = break_lines(
            paragraph, max(1, width - cell_len(hang)), max(1, width - cell_len(lead))
        )
        for index, (start, end) in enumerate(spans):
            out.append(((lead if index == 0 else hang) + paragraph[start:end]).rstrip())
    return out


def wrap_text(
    text: Text, width: int, indent: Text | str = "", hanging: str | None = None
) -> list[Text]:
    """Like wrap_plain for styled Rich text: a list of Text lines, styles kept."""
    lead = indent if isinstance(indent, Text) else Text(indent)
    hang = Text(" " * lead.cell_len if hanging is None else hanging)
    paragraphs = text.split("\n", allow_blank=True) if "\n" in text.plain else [text]
    lines: list[Text] = []
    for number, paragraph in enumerate(paragraphs):
        first = lead if number == 0 else hang
        spans = break_lines(
            paragraph.plain, max(1, width - hang.cell_len), max(1, width - first.cell_len)
        )
        # One divide for the whole paragraph: pieces alternate line, dropped gap, line …
        pieces = paragraph.divide([offset for span in spans for offset in span])
        for index, (start, end) in enumerate(spans):
            line = (first if index == 0 else hang).copy()
            line.append_text(pieces[1 + 2 * index] if start or end else Text(""))
            line.rstrip()
            lines.append(line)
    return lines


class Para:
    """A Rich renderable: styled text wrapped by 禁则, optionally behind a marker with a
    hanging indent (``1. `` then the text, later lines under the text)."""

    def __init__(self, text: Text | str, marker: Text | str = "", hanging: str | None = None):
        self.text = text if isinstance(text, Text) else Text(text)
        self.marker = marker if isinstance(marker, Text) else Text(marker)
        self.hanging = hanging

    def lines(self, width: int) -> list[Text]:
        """The wrapped lines at ``width`` cells."""
        return wrap_text(self.text, width, self.marker, self.hanging)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # The lines already fit: render their segments directly, skipping Rich's own wrap.
        newline = Segment.line()
        for line in self.lines(options.max_width):
            yield from line.render(console, end="")
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lead = self.marker.cell_len
        plain = self.text.plain
        widest_unit = max(
            (cell_len(plain[s:e]) for s, e, space in _units(plain) if not space), default=0
        )
        longest = max((cell_len(p) for p in plain.split("\n")), default=0)
        return Measurement(lead + widest_unit, lead + longest).clamp(max_width=options.max_width)


def wrap_phrases(phrases: Sequence[str], width: int, sep: str = "、") -> list[str]:
    """``phrases`` joined by ``sep``, wrapped to ``width`` cells between phrases only: a
    phrase moves whole to the next line when it fits there, and only one wider than a line is
    broken (by 禁则). ``sep`` stays at the end of the phrase it follows, never starts a line."""
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for number, phrase in enumerate(phrases):
        piece = phrase + (sep if number < len(phrases) - 1 else "")
        size = cell_len(piece.rstrip())  # spaces after a separator may end a line
        if line and cell_len(line) + size <= width:
            line += piece
            continue
        if line:
            lines.append(line)
            line = ""
        if size <= width:
            line = piece
            continue
        if sep != sep.strip() and cell_len(phrase) <= width:
            lines.append(phrase)  # a spaced separator (" · ") gives way to the line break
            continue
        spans = break_lines(piece, width)  # wider than a line: break inside it by 禁则
        lines.extend(piece[start:end] for start, end in spans[:-1])
        line = piece[spans[-1][0] : spans[-1][1]]
    if line or not lines:
        lines.append(line)
    return [line.rstrip() for line in lines]


class Phrases:
    """A Rich renderable: a list such as aliases joined by 、 (or choices by " · "), wrapped
    between its phrases."""

    def __init__(self, phrases: Sequence[str], sep: str = "、", style: str = ""):
        self.phrases = list(phrases)
        self.sep = sep
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        style = console.get_style(self.style) if self.style else None
        for line in wrap_phrases(self.phrases, options.max_width, self.sep):
            yield Segment(line, style)
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        pieces = [p + self.sep for p in self.phrases[:-1]] + self.phrases[-1:]
        widest = max((cell_len(p) for p in pieces), default=0)
        whole = sum(cell_len(p) for p in pieces)
        return Measurement(widest, whole).clamp(max_width=options.max_width)


def join_lines(lines: Iterable[str]) -> str:
    """Lines as one string ending in a newline, trailing spaces removed."""
    return "".join(line.rstrip() + "\n" for line in lines)


def iter_violations(lines: Iterable[str]) -> Iterator[str]:
    """Lines that break 禁则: begin with closing or end with opening punctuation (for tests
    and benchmarks)."""
    for line in lines:
        body = line.strip()
        if body and (body[0] in NO_START - {"·", "—", "…"} or body[-1] in NO_END):
            yield line
