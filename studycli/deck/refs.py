"""The deck's small records a warm start needs: Source, Topic, Term (and topic counts).

Kept apart from deck.model (which re-exports them) so that reading the compiled bank
does not create the model's thirteen frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass

from studycli.deck.counts import count_topics

__all__ = ["Source", "Term", "Topic", "count_topics"]


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
