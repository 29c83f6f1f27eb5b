"""The Flashcard record (quiz.cards makes them): apart, so reading cards from the bank
needs no generation code."""

from __future__ import annotations

from dataclasses import dataclass

from studycli.deck.refs import Source


@dataclass(frozen=True, kw_only=True)
class Flashcard:
    """A two-sided card for self-graded review."""

    id: str
    item_id: str
    topics: tuple[str, ...]
    front: str
    back: str
    source: Source
    fingerprint: str
