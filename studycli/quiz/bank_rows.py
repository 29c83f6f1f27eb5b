"""The light rows a bank hands out: questions to pick from, items for the progress commands."""

from __future__ import annotations

import json
from typing import NamedTuple

from studycli.deck.counts import count_topics
from studycli.quiz.records import as_tuples

# Topics are stored joined by this separator (no topic name holds it).
TOPIC_SEPARATOR = "\x1f"


class CardRow(NamedTuple):
    """A flashcard's id, item and fingerprint: enough to tell whether it is due."""

    id: str
    item_id: str
    fingerprint: str


class QuestionRow(NamedTuple):
    """What choosing questions needs, without the question itself (a light bank row).

    A tuple straight from SQLite: a session of a 10,000-item deck reads some 60,000 of
    these to pick ten, so topics and flags are decoded only when asked for.
    """

    id: str
    item_id: str
    kind: str
    topics_text: str  # the topics joined by TOPIC_SEPARATOR
    fingerprint: str
    weight: float
    quality: float | None
    flags_text: str  # JSON

    @property
    def topics(self) -> tuple[str, ...]:
        """The question's topics."""
        return tuple(self.topics_text.split(TOPIC_SEPARATOR)) if self.topics_text else ()

    @property
    def flags(self) -> tuple:
        """The quality flags (empty: the question may be asked)."""
        return () if self.flags_text == "[]" else as_tuples(json.loads(self.flags_text))


class ItemRow(NamedTuple):
    """An item as the progress commands show it."""

    id: str
    title: str
    topics: tuple[str, ...]
    fingerprint: str


class TopicRow(NamedTuple):
    """A topic as `study topics` and `study stats` show it: deck.refs.Topic's fields, without
    creating the deck's dataclasses (a NamedTuple costs a fraction of a dataclass to define)."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None


class DeckView:
    """What `study topics` and `study stats` read of a deck (topics, items), from the bank."""

    def __init__(self, topics: tuple[TopicRow, ...], items: tuple[ItemRow, ...]):
        self.topics = topics
        self.items = items

    def topic_counts(self) -> dict[str, int]:
        """Item counts per topic, in the deck's topic order (as ``Deck.topic_counts``)."""
        return count_topics(self.topics, self.items)
