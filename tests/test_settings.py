"""memory/settings.py: the daily new limit and item origins in settings.json."""

from __future__ import annotations

from studycli.memory.settings import (
    DEFAULT_NEW_PER_DAY,
    SETTINGS_NAME,
    Settings,
    load_settings,
    remember_origins,
    save_settings,
)


def test_missing_or_damaged_file_reads_as_defaults(tmp_path):
    """No file, broken JSON or foreign data: the defaults, never an error."""
    assert load_settings(tmp_path) == Settings()
    (tmp_path / SETTINGS_NAME).write_text("{broken", encoding="utf-8")
    assert load_settings(tmp_path).new_per_day == DEFAULT_NEW_PER_DAY
    (tmp_path / SETTINGS_NAME).write_text('{"new_per_day": -3, "origins": [1]}', encoding="utf-8")
    assert load_settings(tmp_path) == Settings()


def test_round_trip_and_origins_merge(tmp_path):
    """Saved settings load back; origins merge and keep Chinese readable in the file."""
    save_settings(tmp_path / "new", Settings(new_per_day=5, origins={"a": "甲.yaml"}))
    remember_origins(tmp_path / "new", {"b": "乙.yaml"})
    loaded = load_settings(tmp_path / "new")
    assert loaded.new_per_day == 5
    assert loaded.origins == {"a": "甲.yaml", "b": "乙.yaml"}
    assert "甲.yaml" in (tmp_path / "new" / SETTINGS_NAME).read_text(encoding="utf-8")
