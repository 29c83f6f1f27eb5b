"""Where studycli keeps the user's data: --data-dir, STUDY_DATA_DIR, or the platform's data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "STUDY_DATA_DIR"


def data_dir(override: Path | None = None) -> Path:
    """The data directory (not created here): the option, the env variable, or platformdirs."""
    if override is not None:
        return override
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("studycli", appauthor=False))


def cache_dir(override: Path | None = None) -> Path:
    """Derived, disposable data (segmentation cache) lives under the data directory."""
    return data_dir(override) / "cache"
