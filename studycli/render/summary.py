"""Rich renderables for reading the deck: summary sections, topic table. No prompting."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.render.linebreak import Para, join_lines, wrap_plain

TERM_STYLE = "bold cyan"
FIGURE_STYLE = "bold yellow"
_CHINESE_NUMERALS = "一二三四五六七八九十"


@functools.lru_cache(maxsize=8)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of all terms, longest first, compiled once per glossary."""
    if not terms:
        return None
    ordered = sorted(set(terms), key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in ordered))


def highlight(text: str, terms: Sequence[str], figures: Sequence[str] = ()) -> Text:
    """``text`` with glossary terms and figures styled."""
    out = Text(text)
    pattern = _terms_pattern(tuple(terms))
    if pattern is not None:
        out.highlight_regex(pattern, TERM_STYLE)
    for figure in figures:
        out.highlight_regex(re.escape(figure), FIGURE_STYLE)
    return out


def _numeral(index: int) -> str:
    return _CHINESE_NUMERALS[index] if index < len(_CHINESE_NUMERALS) else str(index + 1)


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


_BLANK = Line(Text(""), role="blank")


def item_lines(item: Item, terms: Sequence[str]) -> list[Line]:
    """One item as paragraphs a person would study, in reading order."""
    if isinstance(item, Quote):
        byline = " · ".join(p for p in (item.speaker, item.date, item.occasion) if p)
        return [
            Line(highlight(item.text, terms), role="quote"),
            Line(Text(f"—— {byline}", style="italic"), role="byline"),
        ]
    if isinstance(item, Definition):
        head = Text.assemble((item.term, "bold underline"), ":", highlight(item.meaning, terms))
        lines = [Line(head)]
        for facet in item.facets:
            body = Text.assemble((facet.name, "bold green"), " ", highlight(facet.text, terms))
            lines.append(Line(body, "· ", indent=2))
        return lines
    if isinstance(item, ListItem):
        lines = [Line(Text(item.name, style="bold"))]
        if item.intro:
            lines.append(Line(highlight(item.intro, terms)))
        for index, entry in enumerate(item.entries):
            marker = f"{index + 1}. " if item.ordered else "• "
            body = Text(entry.label, style="bold green")
            if entry.text != entry.label:
                body.append(":")
                body.append_text(highlight(entry.text, terms))
            lines.append(Line(body, marker, indent=1))
            for point in entry.points:
                lines.append(Line(highlight(point, terms), "· ", indent=1 + len(marker)))
        return lines
    if isinstance(item, Framework):
        lines = [Line(Text(item.name, style="bold magenta")), Line(highlight(item.summary, terms))]
        for role in item.roles():
            lines.append(Line(Text(role, style="bold"), "▸ ", indent=1))
            for part in item.parts:
                if part.role != role:
                    continue
                body = Text(part.label, style="bold green")
                if part.text:
                    body.append(":")
                    body.append_text(highlight(part.text, terms))
                lines.append(Line(body, "· ", indent=3))
        return lines
    if isinstance(item, Fact):
        line = Text()
        if item.subject:
            line.append(item.subject, style="bold")
            line.append(":")
        line.append_text(highlight(item.text, terms, item.figures))
        return [Line(line, "• ")]
    raise TypeError(f"no renderer for {type(item).__name__}")


def group_by_section(items: Iterable[Item]) -> dict[str, dict[str, list[Item]]]:
    """Items by article, then section, in the order they come."""
    groups: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        sections = groups.setdefault(item.source.article, {})
        sections.setdefault(item.source.section, []).append(item)
    return groups


def summary_lines(deck: Deck, items: Sequence[Item], heading: str) -> list[Line]:
    """The study summary as paragraphs: a heading, then items by article and section.

    Articles are named by the titles the deck declares (``articles`` in the YAML).
    """
    terms = [term.term for term in deck.glossary]
    out = [Line(Text(heading, style="bold reverse"), role="heading")]
    for article_index, (article, sections) in enumerate(group_by_section(items).items()):
        title = deck.articles.get(article, article)
        out += [_BLANK, Line(Text(f"{_numeral(article_index)}、{title}"), role="article")]
        for section, section_items in sections.items():
            out += [_BLANK, Line(Text(section, style="bold blue"), "■ ", role="section")]
            previous: Item | None = None
            for item in section_items:
                # Facts are one line each and read as a list; other items stand apart.
                if not (isinstance(item, Fact) and isinstance(previous, Fact)):
                    out.append(_BLANK)
                out += item_lines(item, terms)
                previous = item
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


def render_summary(deck: Deck, items: Sequence[Item], heading: str) -> list[RenderableType]:
    """The study summary for a terminal: the same paragraphs, styled and wrapped by 禁则."""
    from rich.panel import Panel
    from rich.rule import Rule

    out: list[RenderableType] = []
    lines = summary_lines(deck, items, heading)
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


def render_topics(deck: Deck) -> RenderableType:
    """A table of topics with their aliases and item counts."""
    from rich.table import Table

    table = Table(title="主题", show_lines=False, expand=False)
    table.add_column("主题", style="bold", no_wrap=True)
    table.add_column("条目", justify="right")
    table.add_column("别名", overflow="fold")
    for name, count in deck.topic_counts().items():
        topic = next(t for t in deck.topics if t.name == name)
        table.add_row(name, str(count), "、".join(topic.aliases))
    table.caption = f"共 {len(deck.items)} 条,{len(deck.topics)} 个主题"
    return table
