"""Choice (单选) options: distractors drawn from sibling content, never a second right answer."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterable, Sequence

from studycli.deck.model import Deck, Definition, Facet, Fact, Framework, Item, ListItem
from studycli.text import answer_key, display_term, is_figure, split_pieces

OPTION_COUNT = 4
MIN_OPTIONS = 3
_NUMBER = re.compile(r"^\d+(?:\.\d+)?")


def pick_options(
    answer: str,
    tiers: Sequence[Iterable[str]],
    rng: random.Random,
    *,
    prompt: str = "",
    exclude: Iterable[str] = (),
) -> tuple[str, ...] | None:
    """The options in display order: the answer and up to three distractors, or None.

    Distractors come from the first tiers first (closest siblings), nearest in
    length to the answer. A candidate is refused if it could also be right: equal
    to, inside or containing the answer or an ``exclude`` text after answer_key
    normalisation, or already shown in the prompt.
    """
    right = _key(answer)
    wrong_keys = [k for k in (right, *(_key(x) for x in exclude)) if k]
    shown = _key(prompt)
    chosen: list[str] = []
    taken: set[str] = set()
    for tier in tiers:
        if len(chosen) == OPTION_COUNT - 1:
            break
        pool = list(dict.fromkeys(tier))
        # Shuffle, then a stable sort by length: nearest lengths first, ties by rng.
        rng.shuffle(pool)
        pool.sort(key=lambda c: abs(len(c) - len(answer)))
        for candidate in pool:
            if len(chosen) == OPTION_COUNT - 1:
                break
            key = _key(candidate)
            if not key or key in taken or key in shown:
                continue
            if any(key in k or k in key for k in wrong_keys):
                continue
            chosen.append(candidate)
            taken.add(key)
    if len(chosen) + 1 < MIN_OPTIONS:
        return None
    options = [*chosen, answer]
    rng.shuffle(options)
    return tuple(options)


@functools.lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """answer_key, remembered: the same sibling texts are compared for many questions."""
    return answer_key(text)


def number_variants(figure: str) -> list[str]:
    """Plausible wrong figures of the same unit: 100项 → 200项, 50项, 1000项."""
    match = _NUMBER.match(figure)
    if not match:
        return []
    text, unit = match.group(), figure[match.end() :]
    decimals = len(text.partition(".")[2])
    value = float(text)
    out = []
    for factor in (2, 0.5, 10, 3):
        new = round(value * factor, decimals)
        shown = f"{new:.{decimals}f}" if decimals else str(int(new))
        if new > 0 and shown != text:
            out.append(shown + unit)
    return out


class OptionPools:
    """Sibling content of the whole deck, ordered from nearest to farthest from an item."""

    def __init__(self, deck: Deck):
        self.deck = deck
        self.glossary = [term.term for term in deck.glossary]
        self._near_cache: dict[str, tuple[list[Item], list[Item]]] = {}
        self._pieces = {
            item.id: [p for f in item.figures for p in split_pieces(f)]
            for item in deck.items
            if isinstance(item, Fact)
        }

    def _near(self, item: Item) -> tuple[list[Item], list[Item]]:
        """Other items sharing a topic with ``item``, then all other items."""
        if item.id not in self._near_cache:
            others = [x for x in self.deck.items if x.id != item.id]
            near = [x for x in others if set(x.topics) & set(item.topics)]
            self._near_cache[item.id] = (near, others)
        return self._near_cache[item.id]

    def facets_like(self, item: Definition, facet: Facet) -> list[list[str]]:
        """Other facets of the definition, then facets of related and of all definitions."""
        near, others = self._near(item)
        own = [f.text for f in item.facets if f is not facet]
        return [
            own,
            *(
                [f.text for x in group if isinstance(x, Definition) for f in x.facets]
                for group in (near, others)
            ),
        ]

    def terms_like(self, item: Definition) -> list[list[str]]:
        """Terms of related definitions, of all definitions, then glossary terms."""
        near, others = self._near(item)
        terms = [
            [display_term(x.term) for x in group if isinstance(x, Definition)]
            for group in (near, others)
        ]
        return [*terms, self.glossary]

    def labels_like(self, item: Item) -> list[list[str]]:
        """Entry and part labels of related lists and frameworks, then of all of them."""
        near, others = self._near(item)
        return [[label for x in group for label in _labels(x)] for group in (near, others)]

    def words_like(self, item: Item, word: str) -> list[list[str]]:
        """Glossary terms used by related items, then all glossary terms."""
        near, _ = self._near(item)
        texts = "".join(t for x in near for t in x.texts())
        used = [term for term in self.glossary if term in texts]
        return [used, self.glossary]

    def figures_like(self, item: Fact, figure: str) -> list[list[str]]:
        """Figures of the same unit from other facts, then made-up numbers; or names alike."""
        near, others = self._near(item)
        if is_figure(figure):
            unit = _NUMBER.sub("", figure)
            groups = ([item], others)
            same = [
                [p for x in g for p in self._pieces.get(x.id, ()) if _unit(p) == unit]
                for g in groups
            ]
            return [*same, number_variants(figure)]
        if figure in self.glossary:
            return self.words_like(item, figure)
        # A date or count without a known unit (12月11日至12日) is matched with
        # other pieces holding digits, a name with other names.
        digits = _has_digit(figure)
        names = [
            [p for x in g for p in self._pieces.get(x.id, ()) if _has_digit(p) == digits]
            for g in ([item], near, others)
        ]
        return [*names, self.glossary]


# Both are asked about the same few hundred pieces for every fact: memoised.
@functools.lru_cache(maxsize=4096)
def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


@functools.lru_cache(maxsize=4096)
def _unit(piece: str) -> str | None:
    """The unit of a figure (项 of 100项), or None for a piece that is no figure."""
    return _NUMBER.sub("", piece) if is_figure(piece) else None


@functools.lru_cache(maxsize=1024)
def _labels(item: Item) -> tuple[str, ...]:
    if isinstance(item, ListItem):
        return tuple(e.label for e in item.entries)
    if isinstance(item, Framework):
        return tuple(p.label for p in item.parts)
    return ()
