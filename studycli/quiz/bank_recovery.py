"""A damaged bank found while it is read: rebuilt once, on the spot, and read again.

A mixin of quiz.bank.Bank. SQLite keeps no page checksums: one flipped byte in a row's
text often leaves a file it reads happily, so a row that does not decode is damage too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from studycli.errors import StudyError

T = TypeVar("T")

# What reading a damaged bank raises: SQLite's errors, and rows that do not decode (bad
# JSON, a record with a missing field or a value of the wrong type or shape).
_DAMAGE = (sqlite3.DatabaseError, ValueError, LookupError, TypeError, AttributeError)


class BankError(StudyError):
    """The compiled bank could not be read (it has been removed; the next run compiles it)."""


class Recovering:
    """Reads that survive damage; the Bank supplies conn, path, _meta and rebuild (set by
    the CLI: it compiles the deck anew and returns the new, open Bank)."""

    conn: sqlite3.Connection
    rebuild: Callable | None

    def _reading(self, read: Callable[[], T]) -> T:
        """``read()``; if the bank turns out damaged, rebuilt once and ``read()`` again.

        Without a way to rebuild (or damaged again), the file is removed and BankError raised.
        """
        try:
            return read()
        except _DAMAGE as exc:
            damage = exc
        self._recover(damage)
        try:
            return read()
        except _DAMAGE as exc:
            raise self._damaged(exc) from None

    def _recover(self, exc: Exception) -> None:
        """Replace a damaged bank by a freshly compiled one (once), or raise BankError."""
        rebuild, self.rebuild = self.rebuild, None
        if rebuild is None:
            raise self._damaged(exc) from None
        self._discard()
        fresh = rebuild()
        self.conn, self.path, self._meta = fresh.conn, fresh.path, None

    def _damaged(self, exc: Exception) -> BankError:
        """The bank file is removed; the error to raise (SQLite's own text and the damaged
        row are left out: English, and possibly garbage)."""
        path = self.path
        self._discard()
        return BankError(f"编译好的题库 {path} 无法读取,已删除;请再运行一次,它会重新编译。")

    def _discard(self) -> None:
        self.conn.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
