"""Small persisted settings beside the progress database: settings.json in the data dir.

Holds the daily limit of new items for `study review` and where answered items came from
(item id → deck file), so the 错题本 and stats can name the deck of an item that is not
loaded now. Written atomically; a damaged or foreign file reads as defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from studycli.paths import replace_atomically

SETTINGS_NAME = "settings.json"
DEFAULT_NEW_PER_DAY = 20


@dataclass
class Settings:
    """The persisted settings; ``origins`` maps item id → the deck file it came from."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    origins: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain JSON data."""
        return {"new_per_day": self.new_per_day, "origins": dict(sorted(self.origins.items()))}

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        """Settings from JSON data; anything unusable falls back to the default."""
        if not isinstance(data, dict):
            return cls()
        limit = data.get("new_per_day")
        origins = data.get("origins")
        return cls(
            new_per_day=limit if isinstance(limit, int) and limit >= 0 else DEFAULT_NEW_PER_DAY,
            origins={
                str(k): str(v) for k, v in (origins.items() if isinstance(origins, dict) else [])
            },
        )


def load_settings(data_dir: Path) -> Settings:
    """The settings in ``data_dir`` (defaults when missing or unreadable)."""
    try:
        text = (Path(data_dir) / SETTINGS_NAME).read_text(encoding="utf-8")
        return Settings.from_dict(json.loads(text))
    except (OSError, ValueError):
        return Settings()


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings atomically (creating the data directory)."""
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=1) + "\n"
    replace_atomically(folder / SETTINGS_NAME, lambda p: p.write_text(text, encoding="utf-8"))


def remember_origins(data_dir: Path, origins: dict[str, str]) -> None:
    """Record where these items came from, writing only when something is new."""
    settings = load_settings(data_dir)
    fresh = {k: v for k, v in origins.items() if settings.origins.get(k) != v}
    if fresh:
        settings.origins.update(fresh)
        save_settings(data_dir, settings)
