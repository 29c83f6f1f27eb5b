"""The content model: frozen dataclasses for the kinds of knowledge a deck holds."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import ClassVar

# The small records the compiled bank carries live in deck.refs (a warm start needs no
# more of the model); they are part of the model and re-exported here.
from studycli.deck.refs import Source, Term, Topic, count_topics


@dataclass(frozen=True, kw_only=True)
class Item:
    """Fields every item shares; subclasses add their own text fields."""

    kind: ClassVar[str] = ""
    id: str
    topics: tuple[str, ...]
    source: Source
    draft: bool = False

    def to_dict(self) -> dict:
        """The item as plain data, in the YAML schema's shape (``kind`` first)."""
        out: dict = {"id": self.id, "kind": self.kind}
        for f in fields(self):
            if f.name == "id" or (f.name == "aliases" and not getattr(self, f.name)):
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @property
    def fingerprint(self) -> str:
        """A hash of the learnable content: changes when the item's wording changes."""
        data = _without_aliases(self.to_dict())
        for key in ("topics", "source", "draft"):
            data.pop(key, None)
        if data.get("open") is False:  # added later: a closed list keeps its old fingerprint
            data.pop("open")
        blob = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    @property
    def title(self) -> str:
        """A one-line name for the item, for tables and headings."""
        raise NotImplementedError

    def texts(self) -> Iterator[str]:
        """Every piece of learnable text in the item."""
        raise NotImplementedError


@dataclass(frozen=True)
class Facet:
    """A named part of a definition, e.g. 特征 → 高科技、高效能、高质量."""

    name: str
    text: str
    aliases: tuple[str, ...] = ()  # other wordings graded as equal to ``text``


@dataclass(frozen=True)
class Entry:
    """One entry of a list: a short label to recall, the full wording, sub-points."""

    label: str
    text: str
    points: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other wordings graded as equal to ``label``


@dataclass(frozen=True)
class Part:
    """One named part of a framework, e.g. role 两翼, label 科技创新发展."""

    role: str
    label: str
    text: str = ""
    aliases: tuple[str, ...] = ()  # other wordings graded as equal to ``label``


@dataclass(frozen=True, kw_only=True)
class Quote(Item):
    """A verbatim quotation with who said it, when and where."""

    kind: ClassVar[str] = "quote"
    text: str
    speaker: str
    date: str | None = None
    occasion: str | None = None

    @property
    def title(self) -> str:
        return self.text if len(self.text) <= 24 else self.text[:23] + "…"

    def texts(self) -> Iterator[str]:
        yield self.text


@dataclass(frozen=True, kw_only=True)
class Definition(Item):
    """A concept: its term, the meaning in the article's words, named facets."""

    kind: ClassVar[str] = "definition"
    term: str
    meaning: str
    facets: tuple[Facet, ...] = ()

    @property
    def title(self) -> str:
        return self.term

    def texts(self) -> Iterator[str]:
        yield self.meaning
        for facet in self.facets:
            yield facet.text


@dataclass(frozen=True, kw_only=True)
class ListItem(Item):
    """A numbered or unordered list, e.g. the six measures."""

    kind: ClassVar[str] = "list"
    name: str
    entries: tuple[Entry, ...]
    ordered: bool = True
    intro: str | None = None
    # The article ends the list with 等 / 比如…等等: never asked as "all N of them".
    open: bool = False

    @property
    def title(self) -> str:
        return self.name

    def texts(self) -> Iterator[str]:
        if self.intro:
            yield self.intro
        for entry in self.entries:
            yield entry.text
            yield from entry.points


@dataclass(frozen=True, kw_only=True)
class Framework(Item):
    """A framework with named parts, e.g. 一核两翼."""

    kind: ClassVar[str] = "framework"
    name: str
    summary: str
    parts: tuple[Part, ...]
    open: bool = False  # the article ends the parts with 等: asked as an open list

    @property
    def title(self) -> str:
        return self.name

    def roles(self) -> list[str]:
        """The distinct roles in the order they first appear."""
        return list(dict.fromkeys(part.role for part in self.parts))

    def texts(self) -> Iterator[str]:
        yield self.summary
        for part in self.parts:
            if part.text:
                yield part.text


@dataclass(frozen=True, kw_only=True)
class Fact(Item):
    """A fact or figure in the article's words; ``figures`` are the parts worth testing."""

    kind: ClassVar[str] = "fact"
    text: str
    subject: str | None = None
    figures: tuple[str, ...] = ()
    # figure -> other wordings graded as equal to it
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def title(self) -> str:
        if self.subject:
            return self.subject
        return self.text if len(self.text) <= 24 else self.text[:23] + "…"

    def texts(self) -> Iterator[str]:
        yield self.text


ITEM_CLASSES: dict[str, type[Item]] = {
    cls.kind: cls for cls in (Quote, Definition, ListItem, Framework, Fact)
}


@dataclass(frozen=True)
class Deck:
    """All loaded content: topics, glossary and items, in file order."""

    topics: tuple[Topic, ...]
    glossary: tuple[Term, ...]
    items: tuple[Item, ...]
    files: tuple[str, ...] = field(default=())
    # article file name -> its title, for headings
    articles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # item id -> "file:line", for messages about an item found after loading
    where: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def items_in(self, topic: str | None) -> list[Item]:
        """Items tagged with ``topic`` (a canonical topic name), or all items."""
        if topic is None:
            return list(self.items)
        return [item for item in self.items if topic in item.topics]

    def topic_counts(self) -> dict[str, int]:
        """Item counts per topic, in the deck's topic order."""
        return count_topics(self.topics, self.items)

    @property
    def content_hash(self) -> str:
        """A hash of all items and the glossary: changes when any content changes."""
        payload = {
            "items": [item.to_dict() for item in self.items],
            "glossary": [_plain(term) for term in self.glossary],
        }
        blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        """The deck as plain data (the ``study export --format json`` contract)."""
        return {"items": [item.to_dict() for item in self.items]}


def _without_aliases(value):
    """The data without ``aliases`` keys: adding an accepted wording keeps the progress."""
    if isinstance(value, dict):
        return {k: _without_aliases(v) for k, v in value.items() if k != "aliases"}
    if isinstance(value, list):
        return [_without_aliases(v) for v in value]
    return value


def _plain(value):
    """Dataclasses and tuples as dicts and lists, for JSON."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        # Empty aliases are left out, so decks without them export as before.
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if f.name != "aliases" or getattr(value, f.name)
        }
    return value
