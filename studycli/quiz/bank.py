"""The compiled question bank: every question and card of a deck in one SQLite file.

A quiz, review or card session starts from here and the progress store alone: no YAML
parsing, no segmentation, no question generation. The bank lives in the data
directory's ``cache/`` folder, one file per set of deck sources, and says which deck
files (size, mtime, SHA-256 of the raw bytes) and which generator it was compiled from.
It is checked at every open: unchanged sizes and mtimes are trusted as they are; a
changed stamp is confirmed by hashing the bytes; anything else (other files, another
generator, a damaged, foreign or unreadable file) compiles it anew (``bank_build``).

The file is only ever written whole, into a temp file renamed over it, so a reader
never sees a half-written bank and two processes compiling at once do not corrupt it:
the last rename wins, and both banks are the same.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studycli.deck.files import file_sha256
from studycli.quiz.bank_key import (  # re-exported: BANK_FORMAT, SCHEMA, bank_path, generator_key
    BANK_FORMAT,
    SCHEMA,
    bank_path,
    generator_key,
    remembered_generator_key,
)
from studycli.quiz.bank_recovery import BankError, Recovering
from studycli.quiz.bank_review import ReviewReads
from studycli.quiz.bank_rows import DeckView, ItemRow, QuestionRow, TopicRow
from studycli.quiz.records import from_record

if TYPE_CHECKING:  # created on use: the deck's dataclasses cost a warm start ~2 ms to define
    from studycli.deck.refs import Term, Topic

__all__ = ["BANK_FORMAT", "SCHEMA", "Bank", "BankError", "bank_path", "file_hash", "generator_key"]


# A pick of N questions from a large deck reads the rows of this many items per question
# (at least SAMPLE_ITEMS_MIN items); smaller decks are read whole.
SAMPLE_ITEMS_PER_QUESTION = 4
SAMPLE_ITEMS_MIN = 256

# progress(stage, done, total): total 0 means a step whose length is not known.
Progress = Callable[[str, int, int], None]


file_hash = file_sha256  # SHA-256 of a file's raw bytes


class Bank(Recovering, ReviewReads):
    """An open, current bank: questions, cards, items, topics and glossary of one deck."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.path = path  # None: held in memory (the cache folder could not be written)
        self._meta: dict[str, str] | None = None
        # Compiles the deck anew (the CLI sets it): a bank found damaged while it is read
        # is rebuilt once, on the spot, and the read is done again from the new bank.
        self.rebuild: Callable[[], Bank] | None = None

    @classmethod
    def open_current(cls, path: Path, files: Sequence[Path]) -> Bank | None:
        """The bank at ``path`` if it exists, is whole and matches ``files``; else None."""
        try:
            if not path.is_file():
                return None
            conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
        except (OSError, sqlite3.Error):
            return None
        bank = cls(conn, path)
        try:
            if bank._is_current(files):
                return bank
        except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
            pass
        conn.close()
        return None

    def _is_current(self, files: Sequence[Path]) -> bool:
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = self.conn.execute("PRAGMA page_size").fetchone()[0]
        if self.path is not None and self.path.stat().st_size != pages * page_size:
            return False  # cut short (a copy that did not finish, a full disk)
        meta = self.meta
        if meta.get("format") != str(BANK_FORMAT) or meta.get("complete") != "1":
            return False
        key = generator_key() if self.path is None else remembered_generator_key(self.path.parent)
        if meta.get("generator") != key:
            return False
        stored = self.conn.execute(
            "SELECT path, size, mtime_ns, sha256 FROM files ORDER BY position"
        ).fetchall()
        if [row[0] for row in stored] != [str(f) for f in files]:
            return False
        for (_, size, mtime_ns, sha), file in zip(stored, files, strict=True):
            stat = file.stat()
            if (stat.st_size, stat.st_mtime_ns) == (size, mtime_ns):
                continue
            # Touched or checked out again: the bytes decide. (The stamp is not updated
            # in place: the bank is read-only once written; hashing costs milliseconds.)
            if stat.st_size != size or file_hash(file) != sha:
                return False
        return True

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Bank:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        params = tuple(params)
        return self._reading(lambda: self.conn.execute(sql, params).fetchall())

    def _meta_value(self, key: str, default: str | None = None) -> str:
        """One meta value (the bank's own meta once rebuilt); a missing one is damage."""
        if self._meta is None:
            self._meta = dict(self._rows("SELECT key, value FROM meta"))
        value = self._meta.get(key, default)
        if not isinstance(value, str):
            raise KeyError(key)
        return value

    @property
    def meta(self) -> dict[str, str]:
        """The bank's key and deck-wide data (format, generator, content hash, glossary)."""
        if self._meta is None:
            self._meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        return self._meta

    @property
    def topics(self) -> tuple[Topic, ...]:
        """The deck's topics in deck order (for resolve_topic)."""
        from studycli.deck.refs import Topic

        return self._reading(
            lambda: tuple(
                from_record(Topic, json.loads(data))
                for (data,) in self._rows("SELECT data FROM topics ORDER BY position")
            )
        )

    @property
    def glossary(self) -> tuple[Term, ...]:
        """The deck's glossary (grading reads aliases as their term)."""
        from studycli.deck.refs import Term

        return self._reading(
            lambda: tuple(from_record(Term, t) for t in json.loads(self._meta_value("glossary")))
        )

    @property
    def articles(self) -> dict[str, str]:
        """Article file → title, as the deck declares them (出处 shows titles)."""
        return self._reading(lambda: dict(json.loads(self._meta_value("articles", "{}"))))

    @property
    def origins(self) -> dict[str, str]:
        """Item id → the deck file it comes from (the 错题本 names it when not loaded)."""
        return dict(self._rows("SELECT id, origin FROM items WHERE origin IS NOT NULL"))

    def fingerprints(self) -> dict[str, str]:
        """Item id → fingerprint, for every item of the deck."""
        return dict(self._rows("SELECT id, fingerprint FROM items"))

    @property
    def content_hash(self) -> str:
        """The deck's content hash when it was compiled."""
        return self._reading(lambda: self._meta_value("content_hash"))

    def count(self, table: str = "questions") -> int:
        """How many questions (or cards, items) the bank holds."""
        if table not in ("questions", "cards", "items"):
            raise ValueError(table)
        return self._rows(f"SELECT count(*) FROM {table}")[0][0]

    def deck_view(self) -> DeckView:
        """The deck's topics and items, as `study topics` and `study stats` read them."""

        def read() -> DeckView:
            topics = []
            for (data,) in self._rows("SELECT data FROM topics ORDER BY position"):
                topic = json.loads(data)
                aliases = tuple(topic.get("aliases") or ())
                topics.append(TopicRow(topic["name"], aliases, topic.get("description")))
            return DeckView(tuple(topics), tuple(self.items().values()))

        return self._reading(read)

    def item_ids(self, topic: str | None) -> list[str]:
        """The ids of the items of ``topic`` (a canonical name), or all, in deck order."""
        if topic is None:
            return [r[0] for r in self._rows("SELECT id FROM items ORDER BY position")]
        return [
            r[0]
            for r in self._rows(
                "SELECT id FROM items WHERE id IN (SELECT item_id FROM item_topics WHERE topic = ?)"
                " ORDER BY position",
                (topic,),
            )
        ]

    def items(self, ids: Iterable[str] | None = None) -> dict[str, ItemRow]:
        """Items by id (all, or those of ``ids`` that exist)."""
        wanted = None if ids is None else set(ids)
        return self._reading(
            lambda: {
                r[0]: ItemRow(r[0], r[1], tuple(json.loads(r[2])), r[3])
                for r in self._rows(
                    "SELECT id, title, topics, fingerprint FROM items ORDER BY position"
                )
                if wanted is None or r[0] in wanted
            }
        )

    def question_rows(
        self,
        *,
        topic: str | None = None,
        kinds: Sequence[str] | None = None,
        flagged: bool | None = False,
        items: Sequence[str] | None = None,
    ) -> list[QuestionRow]:
        """Light rows in deck order: of a topic, of some kinds, of some items; unflagged only
        by default."""
        where, params = self._filter(topic, kinds, flagged)
        sql = (
            "SELECT id, item_id, kind, topics, fingerprint, weight, quality, flags"
            f" FROM questions{where}"
        )
        if items is None:
            return list(map(QuestionRow._make, self._rows(sql + " ORDER BY position", params)))
        rows: list[tuple] = []
        wanted = list(dict.fromkeys(items))
        for start in range(0, len(wanted), 500):  # SQLite caps the number of parameters
            chunk = wanted[start : start + 500]
            clause = (
                " AND " if where else " WHERE "
            ) + f"item_id IN ({','.join('?' * len(chunk))})"
            rows += self._rows(sql + clause + " ORDER BY position", [*params, *chunk])
        # Chunks follow ``items``: in deck order when ``items`` is, as an item's questions
        # are stored together.
        return list(map(QuestionRow._make, rows))

    def id_fingerprints(self, topic: str | None = None) -> list[tuple[str, str]]:
        """(id, fingerprint) of every question that may be asked, in deck order (for review)."""
        where, params = self._filter(topic, None, False)
        return self._rows(f"SELECT id, fingerprint FROM questions{where} ORDER BY position", params)

    def scope_count(self, topic: str | None = None) -> int:
        """How many questions of a topic (or all) may be asked."""
        where, params = self._filter(topic, None, False)
        return self._rows(f"SELECT COUNT(*) FROM questions{where}", params)[0][0]

    def rows_to_pick_from(
        self,
        count: int,
        rng,
        *,
        topic: str | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[QuestionRow]:
        """The rows a seeded pick of ``count`` questions chooses among.

        All of them, unless far more items have questions than the pick can use: then a
        seeded sample of items (several per question asked) and their rows, so a session of
        a 10,000-item deck reads a few hundred rows instead of sixty thousand. Items are
        drawn uniformly, and ``rng`` is the one the pick goes on with: the same seed on
        the same bank gives the same questions.
        """
        where, params = self._filter(topic, kinds, False)
        if kinds is None:  # items.askable counts each item's unflagged questions
            sql, params = "SELECT id FROM items WHERE askable > 0", []
            if topic is not None:
                sql += " AND id IN (SELECT item_id FROM item_topics WHERE topic = ?)"
                params.append(topic)
            sql += " ORDER BY position"
        else:
            sql = f"SELECT item_id FROM questions{where} GROUP BY item_id ORDER BY min(position)"
        items = [r[0] for r in self._rows(sql, params)]
        enough = max(SAMPLE_ITEMS_PER_QUESTION * count, SAMPLE_ITEMS_MIN)
        if len(items) <= enough:
            return self.question_rows(topic=topic, kinds=kinds)
        chosen = sorted(rng.sample(range(len(items)), enough))
        return self.question_rows(topic=topic, kinds=kinds, items=[items[i] for i in chosen])

    def questions(self, ids: Sequence[str]) -> list:
        """The full questions of ``ids``, in that order; ids not in the bank are left out."""
        from studycli.quiz.question import Question

        def read() -> list:
            found = self._by_id("questions", ids)
            return [from_record(Question, json.loads(found[i])) for i in ids if i in found]

        return self._reading(read)

    def all_questions(
        self,
        *,
        topic: str | None = None,
        kinds: Sequence[str] | None = None,
        flagged: bool | None = None,
    ) -> list:
        """Every full question matching the filters, in deck order (for listing)."""
        from studycli.quiz.question import Question

        where, params = self._filter(topic, kinds, flagged)
        sql = f"SELECT data FROM questions{where} ORDER BY position"
        return self._reading(
            lambda: [from_record(Question, json.loads(data)) for (data,) in self._rows(sql, params)]
        )

    def card_ids(self, topic: str | None = None) -> list[str]:
        """The ids of the flashcards of a topic (or all), in deck order."""
        sql, params = "SELECT id FROM cards", []
        if topic is not None:
            sql += " WHERE item_id IN (SELECT item_id FROM item_topics WHERE topic = ?)"
            params.append(topic)
        return [r[0] for r in self._rows(sql + " ORDER BY position", params)]

    def cards(self, ids: Sequence[str]) -> list:
        """The flashcards of ``ids``, in that order; ids not in the bank are left out."""
        if not ids:
            return []
        from studycli.quiz.flashcard import Flashcard

        def read() -> list:
            found = self._by_id("cards", ids)
            return [from_record(Flashcard, json.loads(found[i])) for i in ids if i in found]

        return self._reading(read)

    def _by_id(self, table: str, ids: Sequence[str]) -> dict[str, str]:
        """The JSON data of the rows of ``ids`` in ``table``."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):  # SQLite caps the number of parameters
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._rows(f"SELECT id, data FROM {table} WHERE id IN ({marks})", chunk))
        return found

    @staticmethod
    def _filter(topic, kinds, flagged) -> tuple[str, list]:
        clauses, params = [], []
        if topic is not None:
            clauses.append("item_id IN (SELECT item_id FROM item_topics WHERE topic = ?)")
            params.append(topic)
        if kinds is not None:
            clauses.append(f"kind IN ({','.join('?' * len(kinds))})")
            params += list(kinds)
        if flagged is not None:
            clauses.append("flagged = ?")
            params.append(int(flagged))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
