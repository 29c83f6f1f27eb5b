"""Topic names as users type them: name or alias, with a suggestion for a near miss."""

from __future__ import annotations

from studycli.deck.refs import Topic
from studycli.errors import TopicError


def fold_name(name: str) -> str:
    """A topic name or alias as compared: width-folded, trimmed, case-folded."""
    import unicodedata

    return unicodedata.normalize("NFKC", name).strip().casefold()


def resolve_topic(deck, name: str) -> Topic:
    """The topic called ``name`` or one of its aliases; TopicError with a suggestion otherwise.

    ``deck`` is anything with ``topics``: a loaded Deck or the compiled question bank.
    """
    wanted = fold_name(name)
    for topic in deck.topics:
        if wanted == fold_name(topic.name) or wanted in {fold_name(a) for a in topic.aliases}:
            return topic
    names = [topic.name for topic in deck.topics]
    known = {
        fold_name(n): topic.name for topic in deck.topics for n in (topic.name, *topic.aliases)
    }
    import difflib  # only for a mistake: not on the start-up path

    close = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.4)
    hint = f"您是否要找“{known[close[0]]}”?" if close else ""
    listing = "、".join(names) if names else "(没有主题)"
    raise TopicError(f"没有主题“{name}”。{hint}\n可用的主题:{listing}")
