"""The clean-close stamp: how progress.db looked when it was last closed cleanly.

Written beside the database at each clean close: the file's size, mtime and inode then.
A database that no longer matches it was changed by something else (a crash, a copy, a
stray write), so the store checks it for damage before anything is written to it.
"""

from __future__ import annotations

from pathlib import Path

STAMP_SUFFIX = "-clean"


def stamp(path: Path) -> tuple | None:
    """What identifies the file's present contents cheaply: size, mtime (ns), inode."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def stamp_path(path: Path) -> Path:
    """Where the stamp of database ``path`` is kept."""
    return path.with_name(path.name + STAMP_SUFFIX)


def read_stamp(path: Path) -> tuple | None:
    """The stamp written at the last clean close, or None."""
    try:
        # Bytes, not text: no codec to look up (the ascii codec's import is on every start).
        return tuple(int(x) for x in stamp_path(path).read_bytes().split())
    except (OSError, ValueError):
        return None


def write_stamp(path: Path) -> None:
    """Record the file as cleanly closed (silently skipped where the folder is read-only)."""
    now = stamp(path)
    if now is None:
        return
    try:
        stamp_path(path).write_bytes((" ".join(str(x) for x in now) + "\n").encode())
    except OSError:
        pass  # a read-only folder: the next open just checks the file
