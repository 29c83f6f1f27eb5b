"""What `study doctor` does with the progress database: inspect it, move a damaged one aside."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from studycli.errors import StoreError
from studycli.memory.stamp import STAMP_SUFFIX
from studycli.memory.store import DamagedStoreError, Store


@dataclass(frozen=True)
class Health:
    """What `study doctor` reports about a sound database file."""

    path: Path
    size: int
    version: int
    answers: int


def inspect(data_dir: Path) -> Health:
    """Open the database and run a full quick_check; DamagedStoreError if it is damaged."""
    with Store.open(data_dir) as store:
        if store.check_integrity():
            raise DamagedStoreError(store.path)
        version, answers = store.schema_version(), store.answers_count()
    return Health(store.path, _size(store.path), version, answers)


def _size(path: Path) -> int:
    """The database's size in bytes, its WAL file included."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm files) with a timestamp suffix; never delete."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(target)
        # A leftover WAL would be replayed into the fresh database, so it goes along.
        for suffix in ("-wal", "-shm", STAMP_SUFFIX):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(f"无法把损坏的数据库 {path} 改名移开:{exc.strerror}。") from None
    return target
