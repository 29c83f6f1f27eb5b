"""The summary's compiled form: the deck's paragraphs as JSON in the cache folder.

Keyed as the question bank is: by the deck's files (sizes and mtimes, SHA-256 to confirm
a changed stamp) and by the source of what shapes the paragraphs (render.summary,
render.summary_view, render.linebreak and the deck package). A warm ``study summary``
reads this file instead of parsing YAML, and keeps the piped text of the last few
(topic, width) it printed, so printing it again is a look-up. A missing, stale or
unreadable file is compiled again; one that cannot be written is simply not kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from studycli.deck.files import checksum, deck_files, file_stamps, stamps_current
from studycli.deck.refs import Topic
from studycli.render.summary_view import Entry, Line, arrange, line_data, line_from_data

FORMAT = 1
_SOURCES = ("render/summary.py", "render/summary_view.py", "render/linebreak.py", "deck")
PLAIN_KEPT = 8  # piped texts kept per deck (topic × width)


def renderer_key() -> str:
    """A hash of the source that shapes the paragraphs: another key means recompile."""
    root = Path(__file__).resolve().parent.parent

    def chunks():
        yield f"summary:{FORMAT}".encode()
        for name in _SOURCES:
            path = root / name
            for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
                try:
                    yield file.read_bytes()
                except OSError:
                    yield f"missing {name}".encode()

    return checksum(chunks())


def summary_path(cache: Path, roots: Sequence[Path]) -> Path:
    """The compiled summary of a set of deck sources."""
    key = "\n".join(str(Path(p).resolve()) for p in roots)
    return cache / f"summary-{checksum([key.encode('utf-8')])}.json"


class CompiledSummary:
    """A deck's topics, article titles and every item's paragraphs, ready to print."""

    def __init__(self, data: dict, path: Path | None):
        self.data = data
        self.path = path
        self.topics = tuple(Topic(name, tuple(aliases)) for name, aliases in data["topics"])
        self.articles: dict[str, str] = data["articles"]

    def entries(self, topic: str | None) -> list[dict]:
        """The raw entries of items tagged ``topic`` (a canonical name), or all, in order."""
        return [e for e in self.data["entries"] if topic is None or topic in e["topics"]]

    def lines(self, entries: list[dict], heading: str) -> list[Line]:
        """The summary's paragraphs for these entries."""
        return arrange([_entry(e) for e in entries], self.articles, heading)

    def plain(self, topic: str | None, width: int, heading: str) -> str:
        """The piped text for ``topic`` at ``width``: kept from an earlier run, else laid
        out now (from the compiled paragraphs) and kept."""
        from studycli.render.summary_view import plain_summary

        key = f"{topic or ''}\x1f{width}"
        kept: dict[str, str] = self.data.setdefault("plain", {})
        if key in kept:
            return kept[key]
        text = plain_summary(self.lines(self.entries(topic), heading), width)
        kept[key] = text
        while len(kept) > PLAIN_KEPT:
            kept.pop(next(iter(kept)))
        self.save()
        return text

    def save(self) -> None:
        """Write the file (atomically); a cache that cannot be written is left alone."""
        if self.path is None:
            return
        from studycli.paths import replace_atomically

        blob = json.dumps(self.data, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(self.path, lambda temp: temp.write_text(blob, encoding="utf-8"))
        except OSError:
            self.path = None


def _entry(data: dict) -> Entry:
    lines = [line_from_data(x) for x in data["lines"]]
    return Entry(data["article"], data["section"], data["fact"], lines)


def open_summary(roots: Sequence[Path], cache: Path | None) -> CompiledSummary:
    """The compiled summary of the deck under ``roots``: read if current, else compiled.

    ``cache`` None compiles without keeping anything. A deck that does not load raises its
    ContentError (file and line), as loading it does.
    """
    files = deck_files(roots)
    path = summary_path(cache, roots) if cache is not None else None
    if path is not None:
        current = _read_current(path, files)
        if current is not None:
            return current
    summary = compile_summary(roots, files, path)
    summary.save()
    return summary


def rebuild_summary(roots: Sequence[Path], cache: Path) -> CompiledSummary:
    """Compile the summary of the deck under ``roots`` anew and keep it (`study check`)."""
    files = deck_files(roots)
    summary = compile_summary(roots, files, summary_path(cache, roots))
    summary.save()
    return summary


def _read_current(path: Path, files: Sequence[Path]) -> CompiledSummary | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if (
            data.get("format") == FORMAT
            and data.get("key") == renderer_key()
            and stamps_current(data["files"], files)
            and well_formed(data)
        ):
            return CompiledSummary(data, path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing, damaged or foreign: compiled again
    return None


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _line(value) -> bool:
    """Whether ``value`` is what line_data gives: text, style, spans, marker, indent, role."""
    if not (isinstance(value, list) and len(value) == 6):
        return False
    plain, style, spans, marker, indent, role = value
    return (
        isinstance(plain, str)
        and isinstance(style, str)
        and isinstance(marker, str)
        and type(indent) is int
        and isinstance(role, str)
        and isinstance(spans, list)
        and all(
            isinstance(span, list)
            and len(span) == 3
            and type(span[0]) is int
            and type(span[1]) is int
            and isinstance(span[2], str)
            for span in spans
        )
    )


def well_formed(data: dict) -> bool:
    """Whether a compiled summary's values have the types compile_summary gives them.

    The file may have been edited or damaged so that it is still JSON with the right key:
    such a file is compiled again, never a traceback. (Some 2,000 checks for the shipped
    deck: well under a millisecond.)
    """
    topics, articles, entries = data.get("topics"), data.get("articles"), data.get("entries")
    plain = data.get("plain", {})
    return (
        isinstance(topics, list)
        and all(
            isinstance(t, list) and len(t) == 2 and isinstance(t[0], str) and _strings(t[1])
            for t in topics
        )
        and isinstance(articles, dict)
        and all(isinstance(v, str) for v in articles.values())
        and isinstance(plain, dict)
        and all(isinstance(v, str) for v in plain.values())
        and isinstance(entries, list)
        and all(
            isinstance(e, dict)
            and _strings(e.get("topics"))
            and isinstance(e.get("article"), str)
            and isinstance(e.get("section"), str)
            and isinstance(e.get("fact"), bool)
            and isinstance(e.get("lines"), list)
            and all(_line(x) for x in e["lines"])
            for e in entries
        )
    )


def compile_summary(
    roots: Sequence[Path], files: Sequence[Path], path: Path | None
) -> CompiledSummary:
    """Load the deck and lay out every item's paragraphs (no width: that is at print time)."""
    from studycli.deck.loader import load_deck
    from studycli.render.summary import summary_entries

    stamps = file_stamps(files)  # before loading: a file edited meanwhile is seen next time
    deck = load_deck(roots)
    entries = [
        {
            "topics": list(item.topics),
            "article": entry.article,
            "section": entry.section,
            "fact": entry.fact,
            "lines": [line_data(line) for line in entry.lines],
        }
        for item, entry in zip(deck.items, summary_entries(deck, deck.items), strict=True)
    ]
    data = {
        "format": FORMAT,
        "key": renderer_key(),
        "files": stamps,
        "topics": [[t.name, list(t.aliases)] for t in deck.topics],
        "articles": dict(deck.articles),
        "entries": entries,
        "plain": {},
    }
    return CompiledSummary(data, path)
