"""Whether a compiled bank is current: its format, the generator key, the bank's file name.

The generator key hashes the source of every module that shapes a question; a bank
compiled by other source is stale. Hashing some forty files costs about a millisecond of
every warm start, so the key is remembered in the cache folder beside their stamps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from studycli.deck.files import checksum
from studycli.paths import replace_atomically

# The version of SCHEMA (below); a bank of another format is compiled anew.
# 5: questions_in_order, a covering index in deck order for the review's reads of ids,
# fingerprints and positions (they no longer read every question's data); position leads,
# so look-ups by id or item keep their own indexes.
BANK_FORMAT = 5
# Bumped by hand when questions change in a way the generator's source does not show
# (the source of every module that shapes a question is hashed into the key as well).
GENERATOR_VERSION = 1
# Every module that shapes a question: the whole quiz package (generation, the quality gate,
# grading's data), the deck model and text helpers.
_GENERATOR_SOURCES = ("quiz", "deck/model.py", "deck/refs.py", "text.py")


def _generator_files() -> list[Path]:
    """The source files whose text is hashed into the generator key, in order."""
    root = Path(__file__).resolve().parent.parent
    files: list[Path] = []
    for name in _GENERATOR_SOURCES:
        path = root / name
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    return files


def generator_key() -> str:
    """The generator's version and a hash of its source: a bank of another key is stale."""

    def chunks() -> Iterable[bytes]:
        yield f"{BANK_FORMAT}:{GENERATOR_VERSION}".encode()
        for file in _generator_files():
            try:
                yield file.read_bytes()
            except OSError:
                yield f"missing {file.name}".encode()

    return checksum(chunks())


def remembered_generator_key(cache: Path) -> str:
    """generator_key(), remembered in ``cache`` beside the sizes and mtimes of the sources.

    Reading and hashing some forty source files costs about a millisecond of every warm
    start; their stamps cost a fifth of that. Sources changed in place (an edit, a
    reinstall, a checkout) change their stamps, so the key is then hashed anew. The memo
    is named after the package's folder, so two installs sharing a data folder keep one each.
    """
    memo, seen = _memo(cache)
    try:
        stored_seen, stored_key = memo.read_bytes().decode("ascii").split()
        if stored_seen == seen:
            return stored_key
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return remember_generator_key(cache)


def remember_generator_key(cache: Path) -> str:
    """Hash generator_key() anew and remember it in ``cache`` (after a compile, this corrects
    a memo whose stamps are right but whose key is not: else every run would compile)."""
    memo, seen = _memo(cache)
    key = generator_key()
    try:
        replace_atomically(memo, lambda temp: temp.write_bytes(f"{seen} {key}\n".encode()))
    except OSError:
        pass  # a read-only cache folder: hashed again next time
    return key


def _memo(cache: Path) -> tuple[Path, str]:
    """The memo file of this install and the checksum of its sources' current stamps."""
    files = _generator_files()
    stamps = []
    for file in files:
        try:
            info = file.stat()
            stamps.append(f"{file.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stamps.append(f"{file.name}:missing")
    root = str(files[0].parent.parent) if files else ""
    memo = cache / f"generator-{checksum([root.encode()])}.key"
    seen = checksum([f"{BANK_FORMAT}:{GENERATOR_VERSION}\n".encode(), "\n".join(stamps).encode()])
    return memo, seen


def bank_path(cache: Path, roots: Sequence[Path]) -> Path:
    """The bank file of a set of deck sources (the built-in deck, --content, STUDY_CONTENT)."""
    key = "\n".join(str(Path(p).resolve()) for p in roots)
    return cache / f"questions-{checksum([key.encode('utf-8')])}.sqlite"


# The SQLite layout (its version is BANK_FORMAT: a bank of another format is compiled anew).
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (position INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE topics (position INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE items (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                    topics TEXT NOT NULL, fingerprint TEXT NOT NULL, origin TEXT,
                    askable INTEGER NOT NULL DEFAULT 0);
CREATE TABLE item_topics (item_id TEXT NOT NULL, topic TEXT NOT NULL);
CREATE INDEX item_topics_topic ON item_topics (topic);
CREATE TABLE questions (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                        item_id TEXT NOT NULL, kind TEXT NOT NULL, topics TEXT NOT NULL,
                        fingerprint TEXT NOT NULL, weight REAL NOT NULL, quality REAL,
                        flags TEXT NOT NULL, flagged INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX questions_item ON questions (item_id);
CREATE INDEX questions_kind ON questions (kind, flagged);
CREATE INDEX questions_in_order ON questions (position, flagged, id, fingerprint, item_id);
CREATE TABLE cards (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                    item_id TEXT NOT NULL, data TEXT NOT NULL);
"""
