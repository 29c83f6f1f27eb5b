"""Flashcards (study cards): a front to recall from and a back to check against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.cloze import BLANK
from studycli.quiz.flashcard import Flashcard
from studycli.quiz.wording import facet_question, term_labels
from studycli.text import split_pieces


def generate_cards(deck: Deck, items: Sequence[Item]) -> list[Flashcard]:
    """Flashcards for the items: definitions and facets, lists, frameworks, quotes, facts."""
    labels = term_labels(deck)
    cards: list[Flashcard] = []
    for item in items:
        for slug, front, back in _card_sides(item, labels):
            cards.append(
                Flashcard(
                    id=f"{item.id}:card:{slug}",
                    item_id=item.id,
                    topics=item.topics,
                    front=front,
                    back=back,
                    source=item.source,
                    fingerprint=item.fingerprint,
                )
            )
    return cards


def _card_sides(item: Item, labels: dict[str, str]) -> Iterable[tuple[str, str, str]]:
    """(slug, front, back) for each card of one item."""
    if isinstance(item, Definition):
        term = labels[item.id]
        yield "meaning", f"什么是{term}?", item.meaning
        for facet in item.facets:
            yield f"facet-{facet.name}", facet_question(term, facet.name), facet.text
    elif isinstance(item, ListItem):
        lines = [
            f"{i}. {e.label}:{e.text}" if e.text != e.label else f"{i}. {e.label}"
            for i, e in enumerate(item.entries, 1)
        ]
        yield "all", f"{item.name}(共 {len(item.entries)} 项)", "\n".join(lines)
    elif isinstance(item, Framework):
        roles = [
            f"{role}:{'、'.join(p.label for p in item.parts if p.role == role)}"
            for role in item.roles()
        ]
        yield "all", f"“{item.name}”指什么?", ";".join(roles)
    elif isinstance(item, Quote):
        when = "、".join(x for x in (item.date, item.occasion) if x)
        yield (
            "text",
            _quote_opening(item.text),
            f"{item.text}\n——{item.speaker}" + (f"({when})" if when else ""),
        )
    elif isinstance(item, Fact):
        front = item.text
        for figure in item.figures:
            for piece in split_pieces(figure):
                front = front.replace(piece, BLANK)
        if front == item.text:
            front = f"关于“{item.subject or item.title}”,文中说了什么?"
        yield "text", front, item.text


def _quote_opening(text: str) -> str:
    """The first clause of a quote followed by …, to recall the rest."""
    for mark in ",，;；":
        head, sep, _ = text.partition(mark)
        if sep and len(head) < len(text) - 2:
            return f"“{head}{sep}……”"
    return f"“{text[: max(4, len(text) // 2)]}……”"
