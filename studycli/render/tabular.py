"""A fixed-shape table of short cells: its lines written directly when it fits, else a Rich Table.

`study stats` shows two small tables whose cells never need wrapping in a usual terminal
(topic figures, the last seven days). Laying them out through rich.table costs more than
the rest of the command (importing it, measuring every cell, rendering each cell as a
padded Text), so ``Columns`` writes the segments the Rich Table would draw: the same
column widths, padding, box characters and styles. When the table does not fit the width
(a narrow terminal), or the terminal cannot draw the box, it builds that very Rich Table
and lets Rich shrink, fold and crop it as before. tests/test_stats_render.py checks that
both ways look the same, character by character and style by style.

Supported: pad_edge=False tables with cell padding (0, 1), columns justified left or right,
one-line cells (headers may have several lines), the SIMPLE_HEAD box or none, a title
justified left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment

Justify = Literal["left", "right"]
Box = Literal["simple_head"] | None


class Columns:
    """A Rich renderable: Table(box=SIMPLE_HEAD or None, pad_edge=False), drawn cheaply.

    ``columns`` are (header, justify, overflow) in order; ``rows`` hold one string per
    column. ``force_rich`` always builds the Rich Table (for tests). ``narrow``, if given, is
    drawn instead when this table is wider than the terminal (shorter headers, say).
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Justify, str]],
        rows: Sequence[Sequence[str]],
        *,
        box: Box = "simple_head",
        title: str | None = None,
        force_rich: bool = False,
        narrow: Columns | None = None,
        compact: bool = False,
    ):
        self.columns = list(columns)
        self.rows = [list(row) for row in rows]
        self.box = box
        self.title = title
        self.force_rich = force_rich
        self.narrow = narrow  # drawn instead when this does not fit the width
        self.compact = compact  # one space between columns (Rich's collapse_padding)

    def rich_table(self):
        """The Rich Table this stands for."""
        from rich import box
        from rich.table import Table

        table = Table(
            box=box.SIMPLE_HEAD if self.box == "simple_head" else None,
            pad_edge=False,
            title=self.title,
            title_justify="left",
            collapse_padding=self.compact,
        )
        for index, (header, justify, overflow) in enumerate(self.columns):
            # Squeezed, Rich shrinks only the folding column: a figure or its header is
            # never cut to 掌握… while a name can wrap.
            keep = None if overflow == "fold" else self._content_width(index)
            table.add_column(header, justify=justify, overflow=overflow, min_width=keep)  # type: ignore[arg-type]
        for row in self.rows:
            table.add_row(*row)
        return table

    def _content_width(self, index: int) -> int:
        """The widest header line or cell of column ``index``."""
        header = self.columns[index][0]
        cells = [*header.split("\n"), *(row[index] for row in self.rows)]
        return max(cell_len(cell) for cell in cells)

    def _widths(self) -> list[int]:
        """Each column's width with its padding, as the Rich Table measures it unshrunk."""
        last = len(self.columns) - 1
        right = 0 if self.compact else 1
        return [
            self._content_width(index) + (index > 0) + right * (index < last)
            for index in range(len(self.columns))
        ]

    def _cells(self):
        """Every header line and cell (anything but printable text goes to Rich)."""
        for header, _, _ in self.columns:
            yield from header.split("\n")
        for row in self.rows:
            yield from row

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths()
        edges = 2 + len(widths) - 1 if self.box else 0  # left, right and one per divider
        width = sum(widths) + edges
        if self.narrow is not None and width > options.max_width:
            # A more compact form of the same figures; a boxless one keeps the blank lines
            # the box drew above and below.
            blank = self.box is not None and self.narrow.box is None
            if blank:
                yield Segment.line()
            yield self.narrow
            if blank:
                yield Segment.line()
            return
        if (
            self.force_rich
            or not self.columns
            or width > options.max_width
            or (self.box and (options.ascii_only or options.legacy_windows))
            or (self.title is not None and cell_len(self.title) > width)
            or not all(cell.isprintable() for cell in self._cells())
        ):
            yield self.rich_table()
            return
        yield from self._segments(console, widths, width)

    def _segments(self, console: Console, widths: list[int], width: int) -> RenderResult:
        line = Segment.line()
        if self.title is not None:
            title_style = console.get_style("table.title")
            yield Segment(self.title + " " * (width - cell_len(self.title)), title_style)
            yield line
        edge = Segment(" ") if self.box else None
        if edge:
            yield Segment(" " * width)  # SIMPLE_HEAD's top: spaces
            yield line
        header_style = console.get_style("table.header")
        headers = [header.split("\n") for header, _, _ in self.columns]
        height = max(len(lines) for lines in headers)
        for number in range(height):
            # A header shorter than the tallest sits at the bottom (blank lines above it).
            cells = [lines[number - (height - len(lines))] if number >= height - len(lines)
                     else "" for lines in headers]  # fmt: skip
            yield from self._row(cells, widths, header_style, edge)
            yield line
        if edge:
            yield Segment(" " + "─" * (width - 2) + " ")  # SIMPLE_HEAD's rule under the head
            yield line
        for row in self.rows:
            yield from self._row(row, widths, None, edge)
            yield line
        if edge:
            yield Segment(" " * width)  # SIMPLE_HEAD's bottom: spaces
            yield line

    def _row(self, cells, widths, style, edge: Segment | None) -> RenderResult:
        last = len(widths) - 1
        if edge:
            yield edge
        for index, (cell, full) in enumerate(zip(cells, widths, strict=True)):
            left = " " if index > 0 else ""
            right = " " if index < last and not self.compact else ""
            gap = " " * (full - len(left) - len(right) - cell_len(cell))
            if self.columns[index][1] == "right":
                yield Segment(f"{left}{gap}{cell}{right}", style)
            else:
                yield Segment(f"{left}{cell}{gap}{right}", style)
            if index < last and edge:
                yield edge  # the column divider
        if edge:
            yield edge
