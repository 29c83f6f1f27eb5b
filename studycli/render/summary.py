"""Rich renderables for reading the deck: summary sections, topic table. No prompting."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.render.summary_view import (  # noqa: F401  (plain_summary, render_topics re-exported)
    Entry,
    Line,
    arrange,
    plain_summary,
    render_lines,
    render_topics,
)

TERM_STYLE = "bold cyan"
FIGURE_STYLE = "bold yellow"


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


def summary_lines(deck: Deck, items: Sequence[Item], heading: str) -> list[Line]:
    """The study summary as paragraphs: a heading, then items by article and section.

    Articles are named by the titles the deck declares (``articles`` in the YAML).
    """
    return arrange(summary_entries(deck, items), deck.articles, heading)


def summary_entries(deck: Deck, items: Sequence[Item]) -> list[Entry]:
    """Each item's place (article, section) and paragraphs, in the order given."""
    terms = [term.term for term in deck.glossary]
    return [
        Entry(
            item.source.article,
            item.source.section,
            isinstance(item, Fact),
            item_lines(item, terms),
        )
        for item in items
    ]


def render_summary(deck: Deck, items: Sequence[Item], heading: str) -> list[RenderableType]:
    """The study summary for a terminal: the same paragraphs, styled and wrapped by 禁则."""
    return render_lines(summary_lines(deck, items, heading))
