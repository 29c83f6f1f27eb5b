"""Where studycli keeps the user's data: --data-dir, STUDY_DATA_DIR, or the platform's data dir."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

ENV_DATA_DIR = "STUDY_DATA_DIR"


def given_dir(value: str | None) -> Path | None:
    """A directory as the user wrote it, or None when blank: one rule for option and variable.

    An empty STUDY_DATA_DIR is ignored (the default is used); the CLI refuses an empty
    --data-dir as a usage error rather than writing into the current directory.
    """
    if value is None or not value.strip():
        return None
    return Path(value)


def data_dir(override: Path | None = None) -> Path:
    """The data directory (not created here): the option, the env variable, or platformdirs."""
    if override is not None:
        return override
    env = given_dir(os.environ.get(ENV_DATA_DIR))
    if env is not None:
        return env
    import platformdirs

    return Path(platformdirs.user_data_dir("studycli", appauthor=False))


def cache_dir(override: Path | None = None) -> Path:
    """Derived, disposable data (segmentation cache) lives under the data directory."""
    return data_dir(override) / "cache"


def replace_atomically(path: Path, writer: Callable[[Path], None]) -> None:
    """Let ``writer`` fill a temp file beside ``path``, then rename it over ``path`` in one step.

    A reader never sees a half-written file, and a failure (an OSError, raised on) leaves
    no temp file behind.
    """
    import tempfile

    _remove_stale_temps(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer(Path(temp))
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


STALE_TEMP_S = 3600  # no export takes an hour: an older temp file was left by a killed one


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files beside ``path`` that a SIGKILLed earlier write left behind."""
    import glob
    import time

    cutoff = time.time() - STALE_TEMP_S
    for temp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if temp.is_file() and not temp.is_symlink() and temp.stat().st_mtime < cutoff:
                temp.unlink()
        except OSError:
            pass
