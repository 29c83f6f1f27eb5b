"""The progress database: opening and migrating it, the review log and FSRS card state.

The only module that imports ``sqlite3``. Every answer is its own transaction, so an
interrupted session keeps every answer already given; WAL mode and a busy timeout let two
terminals write at once. Times are stored as Unix seconds (UTC).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studycli.errors import StoreError
from studycli.memory.migrations import MIGRATIONS
from studycli.memory.stamp import read_stamp, stamp, write_stamp

if TYPE_CHECKING:
    from studycli.memory.answers import Answer, Mistake

DB_NAME = "progress.db"
BUSY_TIMEOUT_MS = 10_000
SCHEMA_VERSION = len(MIGRATIONS)


class DamagedStoreError(StoreError):
    """The database file is not a readable SQLite database; `study doctor` moves it aside."""

    def __init__(self, path: Path, during: str = ""):
        self.path = path
        recover = "旧文件中完好的记录可用 sqlite3 的 .recover 命令取回。" if during else ""
        super().__init__(
            f"进度数据库 {path} 已损坏,无法读取。{during}"
            f"运行 study doctor 可把它改名移到一旁(不会删除)并新建一个空的数据库。{recover}"
        )


# How an answer becomes a rating and the card's next state: (answer, stored card or None)
# → (rating, update with .card .state .stability .due .format). The store only persists it.
Review = Callable[["Answer", "dict | None"], tuple[int, Any]]


class Store:
    """An open progress database; also a context manager that closes it."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self.path = path
        self._known: tuple | None = None  # the file's stamp after our own last write
        self._stamped: tuple | None = None  # the clean-close stamp found at opening
        self.recorded = 0  # answers this connection has saved

    @classmethod
    def open(cls, data_dir: Path, *, for_writing: bool = False) -> Store:
        """Open (creating the directory and file) and migrate; StoreError if unusable.

        A file changed since the last clean close is checked for damage first (a quick
        check, so a crash or stray write is found before more answers go into it); with
        ``for_writing`` the database must also accept writes, so a session fails before its
        first question rather than after the first answer.
        """
        path = Path(data_dir) / DB_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"无法创建数据目录 {path.parent}:{exc.strerror}。") from None
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"无法打开进度数据库 {path}:{exc}。") from None
        store = cls(conn, path)
        try:
            store._prepare()
            store._stamped = read_stamp(path)
            if stamp(path) != store._stamped:
                store._check_damage()
            if for_writing:
                store._check_writable()
            store._known = stamp(path)
        except BaseException:
            conn.close()
            raise
        return store

    def _check_damage(self, during: str = "") -> None:
        """DamagedStoreError if a fresh connection's quick_check finds the file damaged.

        A fresh connection, because this one's page cache may still hold the pages as they
        were before something else overwrote the file.
        """
        try:
            fresh = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                rows = fresh.execute("PRAGMA quick_check").fetchall()
            finally:
                fresh.close()
        except sqlite3.DatabaseError as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                return  # another process is busy with it: not damage; checked next time
            raise DamagedStoreError(self.path, during) from None
        if [r[0] for r in rows] != ["ok"]:
            raise DamagedStoreError(self.path, during)

    def _check_writable(self) -> None:
        """StoreError now if the database (or its folder) will not take a write."""
        try:
            with self._transaction() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA user_version = {int(version)}")
                raise _Probe
        except _Probe:
            pass
        except StoreError as exc:
            if isinstance(exc, DamagedStoreError):
                raise
            raise StoreError(
                f"进度数据库 {self.path} 无法写入(只读、磁盘已满或没有权限),"
                "本次练习的答案将无法保存,所以没有开始。请检查该文件与所在目录,"
                "或用 --data-dir 指定另一个目录。"
            ) from None

    def _prepare(self) -> None:
        with self._guard():
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"进度数据库 {self.path} 的版本为 {version},比本程序支持的版本"
                    f" {SCHEMA_VERSION} 新。请升级 studycli 后再试。"
                )
            self._enable_wal()
            # In WAL mode NORMAL loses nothing when the process dies; only on power loss.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                self._migrate()

    def _enable_wal(self) -> None:
        # Switching to WAL does not wait on the busy handler, so a second process creating
        # the database at the same moment gets "locked" at once: retry until the timeout.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                busy = getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY")
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self) -> None:
        with self._transaction():
            # Read again inside the write lock: another process may have migrated meanwhile.
            version = self.schema_version()
            for step in MIGRATIONS[version:]:
                for statement in step:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        """Checkpoint, close the connection and stamp the file as cleanly closed.

        The checkpoint moves every answer from progress.db-wal into progress.db itself, so
        the database file alone holds every finished session (a copy of it, or losing the
        -wal file, loses nothing).
        """
        try:
            self._checkpoint()
        finally:
            self._conn.close()
        if not self.path.with_name(self.path.name + "-wal").exists():
            if stamp(self.path) != self._stamped:  # a reading command leaves it as it was
                write_stamp(self.path)

    def _checkpoint(self) -> None:
        """Copy what the WAL holds into the database file, without waiting on anyone."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # busy or read-only: the next writer's checkpoint does it

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn sqlite3 errors into StoreError sentences; damage into DamagedStoreError."""
        try:
            yield
        except sqlite3.Error as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                raise DamagedStoreError(self.path) from None
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise StoreError(
                    f"进度数据库 {self.path} 正被另一个进程长时间占用,请稍后再试。"
                ) from None
            raise StoreError(f"无法使用进度数据库 {self.path}:{exc}。") from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock up front (no upgrade deadlocks)."""
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:  # Ctrl-C included: nothing half-written stays behind
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def transaction(self):
        """A write transaction for the other memory modules (memory.variants)."""
        return self._transaction()

    def write(self, sql: str, params: Iterable[Any] = ()) -> int | None:
        """Run one write statement in its own transaction; the new row's id (memory.history)."""
        with self._transaction() as conn:
            return conn.execute(sql, tuple(params)).lastrowid

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Rows of a read-only query (stats keeps its SQL in memory.stats); errors translated."""
        with self._guard():
            return self._conn.execute(sql, tuple(params)).fetchall()

    def schema_version(self) -> int:
        """The database's PRAGMA user_version."""
        with self._guard():
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing -------------------------------------------------------------------------

    def record(self, answer: Answer, review: Review) -> None:
        """Append the answer to the review log and update its card, in one transaction.

        ``review`` (memory.scheduling.review_answer, bound to a scheduler) turns the answer
        and the stored card into a rating and the card's next state. A fingerprint differing
        from the stored one hands it no card (the edited item is relearnt).
        """
        self._check_unchanged()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT fingerprint, fsrs FROM cards WHERE question_id = ?", (answer.question_id,)
            ).fetchone()
            card = json.loads(row[1]) if row and row[0] == answer.fingerprint else None
            values, update = _apply(answer, card, review)
            answer_id = conn.execute(_INSERT_ANSWER, values).lastrowid
            conn.execute(_UPSERT_CARD, _card_values(answer, update, answer_id))
        self.recorded += 1
        # While the learner reads the next question: into the main file, then remember it.
        self._checkpoint()
        self._known = stamp(self.path)

    def _check_unchanged(self) -> None:
        """Before writing: if the file changed since our last write, check it for damage."""
        if self._known is not None and stamp(self.path) == self._known:
            return
        saved = f"本次已保存的 {self.recorded} 条作答写在其中。" if self.recorded else ""
        self._check_damage(f"它在练习进行中被改动过,练习已停止;{saved}")

    def record_many(self, answers: Iterable[Answer], review: Review) -> int:
        """Record many answers in time order in one transaction (imports, benchmarks)."""
        count = 0
        with self._transaction() as conn:
            cards = {
                qid: (fp, json.loads(blob))
                for qid, fp, blob in conn.execute(
                    "SELECT question_id, fingerprint, fsrs FROM cards"
                )
            }
            latest: dict[str, tuple] = {}
            for answer in answers:
                known = cards.get(answer.question_id)
                card = known[1] if known and known[0] == answer.fingerprint else None
                values, update = _apply(answer, card, review)
                answer_id = conn.execute(_INSERT_ANSWER, values).lastrowid
                cards[answer.question_id] = (answer.fingerprint, update.card)
                latest[answer.question_id] = _card_values(answer, update, answer_id)
                count += 1
            conn.executemany(_UPSERT_CARD, latest.values())
        return count

    # -- reading -------------------------------------------------------------------------

    def answers_count(self) -> int:
        """How many answers are recorded."""
        return self.query("SELECT count(*) FROM answers")[0][0]

    def mistakes(self, limit: int | None = None) -> list[Mistake]:
        """Questions whose latest answer was wrong or partial, newest first."""
        from studycli.memory.answers import Mistake

        rows = self.query(
            "SELECT a.question_id, a.item_id, a.given, a.expected, a.answered_at, a.kind,"
            " a.score, a.fingerprint, a.mode"
            f" {_MISTAKES_FROM} ORDER BY a.answered_at DESC, a.id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [
            Mistake(q, i, g, e, datetime.fromtimestamp(t, UTC), k, s, f, m)
            for q, i, g, e, t, k, s, f, m in rows
        ]

    def mistake_question_ids(self, limit: int | None = None) -> list[str]:
        """The ids of ``mistakes()``, newest first (for `study quiz --mistakes`)."""
        rows = self.query(
            f"SELECT a.question_id {_MISTAKES_FROM} ORDER BY a.answered_at DESC, a.id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [row[0] for row in rows]

    def exam_plan_set(self) -> bool:
        """Whether `study plan` has set an exam date (memory.history reads the plan)."""
        return bool(self.query("SELECT 1 FROM exam_plan LIMIT 1"))

    def card_index(self) -> dict[str, tuple[str, float]]:
        """question id → (stored fingerprint, due as Unix seconds), for due selection."""
        return {
            q: (f, d) for q, f, d in self.query("SELECT question_id, fingerprint, due FROM cards")
        }

    def card(self, question_id: str) -> dict | None:
        """The question's FSRS card in fsrs's dict form, or None if never answered."""
        rows = self.query("SELECT fsrs FROM cards WHERE question_id = ?", (question_id,))
        return json.loads(rows[0][0]) if rows else None

    def check_integrity(self) -> list[str]:
        """Problems PRAGMA quick_check finds (an empty list when the file is sound)."""
        rows = self.query("PRAGMA quick_check")
        return [] if [r[0] for r in rows] == ["ok"] else [r[0] for r in rows]


_MISTAKES_FROM = (
    "FROM cards c JOIN answers a ON a.id = c.last_answer_id WHERE a.correct = 0 OR a.score < 1"
)
_INSERT_ANSWER = (
    "INSERT INTO answers (question_id, item_id, fingerprint, kind, mode, given, expected,"
    " score, correct, rating, answered_at, duration_s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
_UPSERT_CARD = (
    "INSERT INTO cards (question_id, item_id, fingerprint, state, stability, due, fsrs,"
    " fsrs_format, last_answer_id) VALUES (?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (question_id) DO UPDATE SET item_id = excluded.item_id,"
    " fingerprint = excluded.fingerprint, state = excluded.state,"
    " stability = excluded.stability, due = excluded.due, fsrs = excluded.fsrs,"
    " fsrs_format = excluded.fsrs_format, last_answer_id = excluded.last_answer_id"
)


def _apply(answer: Answer, card: dict | None, review: Review) -> tuple[tuple, Any]:
    """The answers row for ``answer`` and the card after rating it."""
    rating, update = review(answer, card)
    values = (
        answer.question_id, answer.item_id, answer.fingerprint, answer.kind, answer.mode,
        answer.given, answer.expected, float(answer.score), int(bool(answer.correct)),
        int(rating), answer.answered_at.timestamp(), answer.duration_s,
    )  # fmt: skip
    return values, update


def save_card(conn: sqlite3.Connection, answer: Answer, update: Any, answer_id: int) -> None:
    """Write the card ``update`` produced for ``answer`` (inside a transaction)."""
    conn.execute(_UPSERT_CARD, _card_values(answer, update, answer_id))


def _card_values(answer: Answer, update: Any, answer_id: int) -> tuple:
    return (
        answer.question_id, answer.item_id, answer.fingerprint, update.state, update.stability,
        update.due.timestamp(), json.dumps(update.card), update.format, answer_id,
    )  # fmt: skip


class _Probe(Exception):
    """Rolls back the write that _check_writable makes to test the file."""


def __getattr__(name: str) -> Any:
    """Answer and Mistake, defined in memory.answers on first use (``from
    studycli.memory.store import Answer`` keeps working): opening the store for stats or a
    review start defines no dataclass, each ~0.5 ms of a warm start."""
    if name in ("Answer", "Mistake"):
        from studycli.memory import answers

        return getattr(answers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
