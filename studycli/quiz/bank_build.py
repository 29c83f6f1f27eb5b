"""Opening the question bank, compiling it first (load, segment, generate, write) if stale.

Only this module parses YAML (through ``deck.loader``) and generates questions for the
bank; ``bank`` reads the result. The file is written into a temp file beside the bank
and renamed over it, so readers and a second compiler never meet a half-written bank.
Where the cache folder cannot be written the bank is compiled into memory instead: it
costs speed, never the session.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from studycli.deck.files import deck_files
from studycli.quiz.bank import (
    BANK_FORMAT,
    SCHEMA,
    Bank,
    Progress,
    bank_path,
    file_hash,
    generator_key,
)
from studycli.quiz.bank_key import remember_generator_key
from studycli.quiz.bank_rows import TOPIC_SEPARATOR
from studycli.quiz.records import to_record

# Questions are generated in slices, so the progress bar moves and memory holds one
# slice's questions: at least _SLICES, at most _SLICE_ITEMS items each. The whole-deck
# pools, indexes and grading data are built once for all slices (question_slices), so
# slices cost no time: 10,181 items in 1,000-item slices peak at ~227 MiB, in 2,500-item
# ones at ~240 MiB, in the same CPU time.
_SLICES = 4
_SLICE_ITEMS = 1000
# A temp file older than this was left by a compiler that died: it is removed.
_STALE_TEMP_S = 3600


def open_bank(
    roots: Sequence[Path], cache: Path, progress: Progress | None = None, *, rebuild: bool = False
) -> Bank:
    """The bank of the deck under ``roots``: opened if current, else compiled first.

    A deck that does not load raises its ContentError (with file and line) as loading does.
    """
    files = deck_files(roots)
    path = bank_path(cache, roots)
    if not rebuild:
        bank = Bank.open_current(path, files)
        if bank is not None:
            return bank
    return build_bank(roots, files, path, progress)


def build_bank(
    roots: Sequence[Path], files: Sequence[Path], path: Path, progress: Progress | None = None
) -> Bank:
    """Compile the deck under ``roots`` into the bank at ``path`` and open it.

    Questions are written slice by slice as they are generated, so memory holds one slice
    of questions, not the whole deck's.
    """
    from studycli.deck.loader import load_deck
    from studycli.quiz.segments import segment_deck

    report = progress or (lambda stage, done, total: None)
    # Stamped before loading: a file edited during the compile is seen as changed next time.
    stamps = []
    for file in files:
        stat = file.stat()
        stamps.append((str(file), stat.st_size, stat.st_mtime_ns, file_hash(file)))
    report("读取题库", 0, 0)
    deck = load_deck(roots)
    report("分词", 0, 0)
    segments = segment_deck(deck, path.parent)
    resolved = [str(Path(r).resolve()) for r in roots]

    def fill(conn: sqlite3.Connection) -> None:
        _fill(conn, deck, segments, stamps, resolved, report)

    temp = _temp_file(path)
    if temp is None:  # the cache folder cannot be written: compile into memory
        return _in_memory(fill)
    try:
        conn = sqlite3.connect(temp)
        try:
            fill(conn)
        finally:
            conn.close()
        os.replace(temp, path)
    except (OSError, sqlite3.Error):  # a full disk, say: slower, but the session goes on
        return _in_memory(fill)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    _remove_orphans(path.parent, keep=path)
    # The bank was stale, perhaps because the remembered generator key was wrong (its memo
    # edited or damaged with the right stamps): remember the key it was compiled with.
    remember_generator_key(path.parent)
    bank = Bank.open_current(path, files)
    if bank is None:  # a deck file changed while compiling: use this bank, stale next time
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
        bank = Bank(conn, path)
    return bank


def _in_memory(fill) -> Bank:
    """A bank compiled into an in-memory database."""
    conn = sqlite3.connect(":memory:")
    fill(conn)
    return Bank(conn, None)


def _temp_file(path: Path) -> str | None:
    """A new temp file beside ``path`` (stale ones removed first), or None if none can be made."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(path.parent)
        import tempfile  # only when compiling: not on a warm start

        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return None
    os.close(fd)
    return temp


def _fill(conn, deck, segments, stamps, roots, report) -> None:
    """Create the schema, generate and write every row in one transaction; ``complete`` last."""
    from studycli.quiz.questions import generate_cards, question_slices
    from studycli.quiz.records import to_record as plain

    conn.execute("PRAGMA journal_mode = OFF")  # a fresh temp file: nothing to roll back to
    conn.execute("PRAGMA synchronous = OFF")  # the rename is the commit point
    conn.executescript(SCHEMA)
    items = list(deck.items)
    with conn:
        conn.executemany(
            "INSERT INTO files (position, path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?, ?)",
            [(n, *stamp) for n, stamp in enumerate(stamps)],
        )
        conn.executemany(
            "INSERT INTO topics (position, data) VALUES (?, ?)",
            [(n, _json(plain(t))) for n, t in enumerate(deck.topics)],
        )
        origins = _origins(deck)
        conn.executemany(
            "INSERT INTO items (position, id, title, topics, fingerprint, origin)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (n, i.id, i.title, _json(list(i.topics)), i.fingerprint, origins.get(i.id))
                for n, i in enumerate(items)
            ],
        )
        conn.executemany(
            "INSERT INTO item_topics (item_id, topic) VALUES (?, ?)",
            [(i.id, t) for i in items for t in i.topics],
        )
        position = 0
        size = max(1, min(-(-len(items) // _SLICES), _SLICE_ITEMS))
        starts = range(0, len(items), size)
        # One seed drawn from Random(0) for every slice: the questions equal those of one
        # generate_questions call over all items with Random(0).
        # Flagged questions are kept (never asked; `study questions --flagged` lists them).
        slices = question_slices(
            deck,
            (items[start : start + size] for start in starts),
            rng=random.Random(0),
            segments=segments,
            include_flagged=True,
        )
        for start in starts:
            report("出题", start, len(items))
            questions = next(slices)
            conn.executemany(
                "INSERT INTO questions (position, id, item_id, kind, topics, fingerprint, weight,"
                " quality, flags, flagged, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_question_row(position + n, q) for n, q in enumerate(questions)],
            )
            position += len(questions)
        report("出题", len(items), len(items))
        conn.execute(
            "UPDATE items SET askable = (SELECT count(*) FROM questions"
            " WHERE questions.item_id = items.id AND flagged = 0)"
        )
        cards = generate_cards(deck, items)
        report("写入", 0, 0)
        conn.executemany(
            "INSERT INTO cards (position, id, item_id, data) VALUES (?, ?, ?, ?)",
            [(n, c.id, c.item_id, _json(to_record(c))) for n, c in enumerate(cards)],
        )
        meta = {
            "format": str(BANK_FORMAT),
            "generator": generator_key(),
            "content_hash": deck.content_hash,
            "glossary": _json(plain(deck.glossary)),
            "articles": _json(dict(deck.articles)),
            "roots": _json(roots),
            "compiled_at": str(int(time.time())),
        }
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        conn.execute("INSERT INTO meta (key, value) VALUES ('complete', '1')")


def _origins(deck) -> dict[str, str]:
    """Item id → the resolved path of the deck file it comes from (one resolve per file)."""
    resolved: dict[str, str] = {}
    out = {}
    for item_id, where in deck.where.items():
        file = where.rsplit(":", 1)[0]
        if file not in resolved:
            resolved[file] = str(Path(file).resolve())
        out[item_id] = resolved[file]
    return out


def _question_row(position: int, question) -> tuple:
    """One row of the questions table; quality fields are read if the question has them."""
    flags = getattr(question, "flags", ()) or ()
    weight = getattr(question, "weight", 1.0)
    quality = getattr(question, "quality", None)
    return (
        position,
        question.id,
        question.item_id,
        question.kind,
        TOPIC_SEPARATOR.join(question.topics),
        question.fingerprint,
        1.0 if weight is None else float(weight),
        None if quality is None else float(quality),
        _json(to_record(flags)),
        int(bool(flags)),
        _json(to_record(question)),
    )


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _remove_stale_temps(folder: Path) -> None:
    """Delete temp files that compilers which died left behind (an hour old or more)."""
    now = time.time()
    for temp in folder.glob(".questions-*.tmp"):
        try:
            if now - temp.stat().st_mtime > _STALE_TEMP_S:
                temp.unlink()
        except OSError:
            pass


def _remove_orphans(folder: Path, keep: Path) -> None:
    """Delete banks compiled from deck folders or files that no longer exist.

    One bank is kept per set of deck sources (each --content set has its own), so banks
    of decks since deleted would otherwise pile up. Unreadable ones go too: rebuilt on use.
    """
    for other in folder.glob("questions-*.sqlite"):
        if other == keep:
            continue
        try:
            conn = sqlite3.connect(other.absolute().as_uri() + "?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'roots'").fetchone()
            finally:
                conn.close()
            roots = json.loads(row[0]) if row else []
            if roots and all(Path(root).exists() for root in roots):
                continue
            other.unlink()
        except (OSError, sqlite3.Error, ValueError, TypeError):
            other.unlink(missing_ok=True)
