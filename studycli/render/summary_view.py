"""The summary as paragraphs (Line), arranged by article and section, piped or styled.

Apart from render.summary (which turns deck items into Lines) so that a summary served
from its compiled form (render.summary_cache) needs neither the deck model nor YAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Span, Text

from studycli.render.linebreak import Para, join_lines, wrap_plain

_CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Line:
    """One paragraph of the summary: its text, a marker with a hanging indent, its role.

    ``role`` tells the terminal view how to dress it: heading, article, section, quote,
    byline, text or blank. Piped, every role is plain wrapped text.
    """

    body: Text
    marker: str = ""
    indent: int = 0
    role: str = "text"


BLANK = Line(Text(""), role="blank")


@dataclass(frozen=True)
class Entry:
    """One item's place and paragraphs: article, section, whether it is a fact (facts run
    on as a list), and its lines."""

    article: str
    section: str
    fact: bool
    lines: Sequence[Line]


def _numeral(index: int) -> str:
    return _CHINESE_NUMERALS[index] if index < len(_CHINESE_NUMERALS) else str(index + 1)


def arrange(entries: Sequence[Entry], articles: dict[str, str], heading: str) -> list[Line]:
    """A heading, then the entries by article and section, in the order they come.

    Articles are named by the titles the deck declares (``articles`` in the YAML).
    """
    groups: dict[str, dict[str, list[Entry]]] = {}
    for entry in entries:
        groups.setdefault(entry.article, {}).setdefault(entry.section, []).append(entry)
    out = [Line(Text(heading, style="bold reverse"), role="heading")]
    for article_index, (article, sections) in enumerate(groups.items()):
        title = articles.get(article, article)
        out += [BLANK, Line(Text(f"{_numeral(article_index)}、{title}"), role="article")]
        for section, section_entries in sections.items():
            out += [BLANK, Line(Text(section, style="bold blue"), "■ ", role="section")]
            previous: Entry | None = None
            for entry in section_entries:
                # Facts are one line each and read as a list; other items stand apart.
                if not (entry.fact and previous is not None and previous.fact):
                    out.append(BLANK)
                out += entry.lines
                previous = entry
    return out


def plain_summary(lines: Sequence[Line], width: int) -> str:
    """The summary as plain text for a pipe: wrapped by 禁则, hanging indents, no padding."""
    out: list[str] = []
    for line in lines:
        if line.role == "blank":
            if out and out[-1]:
                out.append("")
            continue
        lead = " " * line.indent + line.marker
        if line.role in ("quote", "byline"):
            lead = "  " + lead
        if line.role == "article":
            out += wrap_plain(line.body.plain, width, lead)
            out.append("=" * min(width, max(cell_len(x) for x in out[-1:])))
            continue
        out += wrap_plain(line.body.plain, width, lead)
    return join_lines(out)


def render_lines(lines: Sequence[Line]) -> list[RenderableType]:
    """The summary for a terminal: the same paragraphs, styled and wrapped by 禁则."""
    from rich.panel import Panel
    from rich.rule import Rule

    out: list[RenderableType] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.role == "heading":
            out.append(Para(line.body))
        elif line.role == "article":
            out += [Para(line.body.copy(), hanging=""), Rule(style="bright_black")]
            out[-2].text.stylize("bold")
        elif line.role == "quote":
            inner = [Para(line.body)]
            while index + 1 < len(lines) and lines[index + 1].role == "byline":
                index += 1
                inner.append(Para(lines[index].body))
            out.append(Panel(Group(*inner), border_style="magenta", padding=(0, 1)))
        elif line.role == "blank":
            out.append(Text(""))
        else:
            marker = Text(" " * line.indent + line.marker, style="bold")
            out.append(Para(line.body, marker))
        index += 1
    return out


def line_data(line: Line) -> list:
    """A Line as JSON data: text, style, spans, marker, indent, role."""
    body = line.body
    spans = [[s.start, s.end, str(s.style)] for s in body.spans]
    return [body.plain, str(body.style), spans, line.marker, line.indent, line.role]


def line_from_data(data: list) -> Line:
    """The Line that line_data gave ``data`` for."""
    plain, style, spans, marker, indent, role = data
    body = Text(plain, style=style, spans=[Span(start, end, s) for start, end, s in spans])
    return Line(body, marker, indent, role)


def render_topics(deck) -> RenderableType:
    """A table of topics with their aliases and item counts (``deck``: a Deck or the bank's
    DeckView)."""
    from rich.table import Table

    from studycli.render.linebreak import Phrases

    table = Table(title="主题", show_lines=False, expand=False)
    table.add_column("主题", style="bold", no_wrap=True)
    table.add_column("条目", justify="right")
    table.add_column("别名")
    for name, count in deck.topic_counts().items():
        topic = next(t for t in deck.topics if t.name == name)
        # Wrapped between aliases, each kept whole where it fits: no line starts with 、.
        table.add_row(name, str(count), Phrases(topic.aliases))
    table.caption = f"共 {len(deck.items)} 条,{len(deck.topics)} 个主题"
    return table
