"""The deck's small records a warm start needs: Source, Topic, Term (and topic counts).

Kept apart from deck.model (which re-exports them) so that reading the compiled bank
does not create the model's thirteen frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """Where an item comes from: the article's file name and its section."""

    article: str
    section: str

    def cite(self) -> str:
        """A short citation for feedback lines."""
        return f"{self.article} · {self.section}"


@dataclass(frozen=True)
class Topic:
    """A topic items are tagged with, and the other names users type for it."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Term:
    """A glossary term that segmentation keeps whole; aliases grade as equal."""

    term: str
    aliases: tuple[str, ...] = ()


def count_topics(topics, items) -> dict[str, int]:
    """Item counts per topic, in ``topics``' order (topics no item uses count 0)."""
    counts = {topic.name: 0 for topic in topics}
    for item in items:
        for name in item.topics:
            counts[name] = counts.get(name, 0) + 1
    return counts
