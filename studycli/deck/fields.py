"""The deck's YAML fields: for every item kind and nested part, each key's type and whether
it is required (deck.schema checks parsed files against these)."""

from __future__ import annotations

from studycli.deck.model import Entry, Facet, Part

# Field specs: name -> (type, required). "str" accepts numbers and dates too,
# since YAML reads 5G as a string but 2024 and 2024-01-31 as other types.
COMMON = {
    "id": ("str", True),
    "kind": ("str", True),
    "topics": ("strlist", True),
    "source": ("source", True),
    "draft": ("bool", False),
}
FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "quote": {
        "text": ("str", True),
        "speaker": ("str", True),
        "date": ("str", False),
        "occasion": ("str", False),
    },
    "definition": {
        "term": ("str", True),
        "meaning": ("str", True),
        "facets": ("facets", False),
    },
    "list": {
        "name": ("str", True),
        "entries": ("entries", True),
        "ordered": ("bool", False),
        "open": ("bool", False),
        "intro": ("str", False),
    },
    "framework": {
        "name": ("str", True),
        "summary": ("str", True),
        "parts": ("parts", True),
        "open": ("bool", False),
    },
    "fact": {
        "text": ("str", True),
        "subject": ("str", False),
        "figures": ("strlist", False),
        "aliases": ("aliasmap", False),
    },
}
NESTED = {
    "facets": (
        Facet,
        {"name": ("str", True), "text": ("str", True), "aliases": ("strlist", False)},
    ),
    "entries": (
        Entry,
        {
            "label": ("str", True),
            "text": ("str", True),
            "points": ("strlist", False),
            "aliases": ("strlist", False),
        },
    ),
    "parts": (
        Part,
        {
            "role": ("str", True),
            "label": ("str", True),
            "text": ("str", False),
            "aliases": ("strlist", False),
        },
    ),
}
