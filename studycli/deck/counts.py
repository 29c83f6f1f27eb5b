"""Item counts per topic, for a loaded Deck and for the compiled bank's view of one.

Apart from deck.refs (which re-exports it) so that `study topics` and `study stats`,
reading the bank, need not create the deck's dataclasses to count.
"""

from __future__ import annotations


def count_topics(topics, items) -> dict[str, int]:
    """Item counts per topic, in ``topics``' order (topics no item uses count 0)."""
    counts = {topic.name: 0 for topic in topics}
    for item in items:
        for name in item.topics:
            counts[name] = counts.get(name, 0) + 1
    return counts
