"""Rich renderables for reading the deck: summary sections, topic table. No prompting."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote

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


def marked_rows(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """A two-column grid: a marker (1. or •) and its body, wrapped beside the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return grid


def bullets(marker: str, bodies: Sequence[RenderableType]) -> Table:
    """Each body behind the same marker."""
    return marked_rows([(marker, body) for body in bodies])


def render_item(item: Item, terms: Sequence[str]) -> RenderableType:
    """One item as a person would study it."""
    if isinstance(item, Quote):
        byline = " · ".join(p for p in (item.speaker, item.date, item.occasion) if p)
        return Panel(
            highlight(item.text, terms),
            subtitle=Text(f"—— {byline}", style="italic"),
            subtitle_align="right",
            border_style="magenta",
            padding=(0, 1),
        )
    if isinstance(item, Definition):
        head = Text.assemble((item.term, "bold underline"), ":", highlight(item.meaning, terms))
        if not item.facets:
            return head
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold green", no_wrap=True)
        grid.add_column()
        for facet in item.facets:
            grid.add_row(facet.name, highlight(facet.text, terms))
        return Group(head, grid)
    if isinstance(item, ListItem):
        lines: list[RenderableType] = [Text(item.name, style="bold")]
        if item.intro:
            lines.append(highlight(item.intro, terms))
        rows = []
        for index, entry in enumerate(item.entries):
            marker = f"{index + 1}." if item.ordered else "•"
            body: list[RenderableType] = [Text(entry.label, style="bold green")]
            if entry.text != entry.label:
                body.append(highlight(entry.text, terms))
            if entry.points:
                body.append(bullets("·", [highlight(p, terms) for p in entry.points]))
            rows.append((marker, Group(*body)))
        lines.append(marked_rows(rows))
        return Group(*lines)
    if isinstance(item, Framework):
        tree = Tree(Text(item.name, style="bold magenta"))
        tree.add(highlight(item.summary, terms), style="dim")
        for role in item.roles():
            branch = tree.add(Text(role, style="bold"))
            for part in item.parts:
                if part.role != role:
                    continue
                label = Text(part.label, style="bold green")
                if part.text:
                    label.append("\n")
                    label.append_text(highlight(part.text, terms))
                branch.add(label)
        return tree
    if isinstance(item, Fact):
        line = Text()
        if item.subject:
            line.append(item.subject, style="bold")
            line.append(":")
        line.append_text(highlight(item.text, terms, item.figures))
        return bullets("•", [line])
    raise TypeError(f"no renderer for {type(item).__name__}")


def group_by_section(items: Iterable[Item]) -> dict[str, dict[str, list[Item]]]:
    """Items by article, then section, in the order they come."""
    groups: dict[str, dict[str, list[Item]]] = {}
    for item in items:
        sections = groups.setdefault(item.source.article, {})
        sections.setdefault(item.source.section, []).append(item)
    return groups


def render_summary(deck: Deck, items: Sequence[Item], heading: str) -> list[RenderableType]:
    """The study summary: a heading, then items grouped by article and section."""
    terms = [term.term for term in deck.glossary]
    out: list[RenderableType] = [Text(heading, style="bold reverse", justify="center")]
    for article_index, (article, sections) in enumerate(group_by_section(items).items()):
        title = deck.articles.get(article, article)
        out.append(Rule(Text(f"{_numeral(article_index)}、{title}", style="bold")))
        for section, section_items in sections.items():
            out.append(Text(f"■ {section}", style="bold blue"))
            for item in section_items:
                out.append(render_item(item, terms))
                if not isinstance(item, Fact):
                    out.append(Text(""))
            if isinstance(section_items[-1], Fact):
                out.append(Text(""))
    return out


def render_topics(deck: Deck) -> Table:
    """A table of topics with their aliases and item counts."""
    table = Table(title="主题", show_lines=False, expand=False)
    table.add_column("主题", style="bold", no_wrap=True)
    table.add_column("条目", justify="right")
    table.add_column("别名", overflow="fold")
    for name, count in deck.topic_counts().items():
        topic = next(t for t in deck.topics if t.name == name)
        table.add_row(name, str(count), "、".join(topic.aliases))
    table.caption = f"共 {len(deck.items)} 条,{len(deck.topics)} 个主题"
    return table
