"""ContestIndex's looked-up answers (quiz/contested.py) equal the scans they replace."""

from __future__ import annotations

import re

import pytest

from studycli.deck.loader import load_deck
from studycli.deck.model import Definition, Framework
from studycli.quiz.contested import ContestIndex
from studycli.text import display_term


@pytest.fixture(scope="module")
def deck():
    """The shipped deck."""
    return load_deck()


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def test_voice_equals_the_scan_of_every_quote(deck):
    """The speaker found for a definition is the first quote's whose text holds its meaning."""
    index = ContestIndex(deck)
    voiced = 0
    for item in deck.items:
        if not isinstance(item, Definition):
            continue
        meaning = _plain(item.meaning)
        quote = next((q for q in index.quotes if meaning and meaning in _plain(q.text)), None)
        expected = None
        if quote is not None:
            expected = f"{quote.speaker}总书记" if quote.speaker == "习近平" else quote.speaker
        assert index.voice(item) == expected, item.id
        voiced += expected is not None
    assert voiced  # some definitions are a speaker's summary


def test_rival_and_said_elsewhere_remembered_equal_fresh(deck):
    """Asked again, and for items in turn, the remembered answers are those a fresh index
    gives; some are found."""
    asks = []
    for item in deck.items:
        if isinstance(item, Definition):
            for facet in item.facets:
                asks.append(("rival", item.id, display_term(item.term), facet.name, facet.text))
                asks.append(("said", item, facet.name, facet.text, False))
                asks.append(("said", item, facet.name, facet.text, True))
        elif isinstance(item, Framework):
            for part in item.parts:
                concept = item.name.split("的", 1)[0]
                asks.append(("rival", item.id, concept, part.role, part.label))

    def ask(index, how):
        if how[0] == "rival":
            return index.rival(*how[1:])
        return index.said_elsewhere(how[1], how[2], how[3], whole=how[4])

    remembered = ContestIndex(deck)
    found = 0
    for how in asks:
        expected = ask(ContestIndex(deck), how)
        assert ask(remembered, how) == expected, how
        assert ask(remembered, how) == expected, how  # asked again: the same
        found += expected is not None
    assert found
