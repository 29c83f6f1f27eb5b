"""`study summary` from its compiled form: same text, no YAML when warm, stale → recompiled."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from conftest import FIXTURES
from rich.console import Console, Group
from test_startup_imports import run_study

from studycli.cli import app
from studycli.deck.files import deck_files
from studycli.deck.loader import load_deck
from studycli.render.summary import plain_summary, render_summary, summary_lines
from studycli.render.summary_cache import open_summary, summary_path
from studycli.render.summary_view import render_lines


@pytest.fixture
def deck_dir(tmp_path):
    """A copy of the mini deck that tests may edit."""
    folder = tmp_path / "deck"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _summary(runner, deck_dir, *extra):
    result = runner.invoke(app, ["summary", "--no-builtin", "--content", str(deck_dir), *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cold_and_warm_print_what_the_deck_gives(runner, deck_dir, isolated_env):
    """The first run compiles the file; both runs print exactly plain_summary of the deck."""
    deck = load_deck([deck_dir])
    expected = plain_summary(summary_lines(deck, deck.items, "学习摘要"), 80)
    assert _summary(runner, deck_dir) == expected
    cached = summary_path(isolated_env / "cache", [deck_dir])
    assert cached.is_file()
    assert _summary(runner, deck_dir) == expected


def test_topic_and_width_are_kept_apart(runner, deck_dir, monkeypatch):
    """A topic's summary and another width are laid out for themselves, not served stale."""
    deck = load_deck([deck_dir])
    whole = _summary(runner, deck_dir)
    topical = _summary(runner, deck_dir, "--topic", "人力资本")  # an alias of 人才
    assert topical.startswith("学习摘要 · 人才") and topical != whole
    monkeypatch.setenv("COLUMNS", "40")
    narrow = _summary(runner, deck_dir)
    assert narrow == plain_summary(summary_lines(deck, deck.items, "学习摘要"), 40)


def test_an_edited_deck_is_compiled_again(runner, deck_dir):
    """Changing a deck file's bytes changes the summary at once."""
    before = _summary(runner, deck_dir)
    (path,) = [p for p in deck_files([deck_dir]) if "最活跃的因素" in p.read_text("utf-8")]
    text = path.read_text("utf-8")
    path.write_text(text.replace("最活跃的因素", "最活跃的因素甲", 1), "utf-8")
    after = _summary(runner, deck_dir)
    assert after != before and "甲" in after


def test_touched_files_keep_the_compiled_form(deck_dir, tmp_path):
    """A new mtime with the same bytes is confirmed by hash: no recompile."""
    cache = tmp_path / "cache"
    first = open_summary([deck_dir], cache)
    first.plain(None, 80, "学习摘要")
    for path in deck_files([deck_dir]):
        os.utime(path, ns=(1, 1))
    again = open_summary([deck_dir], cache)
    assert again.data.get("plain")  # read back, with the text it kept


@pytest.mark.parametrize("damage", [b"", b"not json", b'{"format": 1}', b"[1, 2]"])
def test_a_damaged_file_is_compiled_again(runner, deck_dir, isolated_env, damage):
    """Empty, garbage, foreign or half-written: the summary prints as ever, the file is redone."""
    expected = _summary(runner, deck_dir)
    path = summary_path(isolated_env / "cache", [deck_dir])
    path.write_bytes(damage)
    assert _summary(runner, deck_dir) == expected
    assert path.read_bytes() != damage


def test_an_unwritable_cache_still_prints(runner, deck_dir, tmp_path):
    """A data dir whose cache cannot be made: printed from the deck, nothing kept."""
    blocker = tmp_path / "blocked"
    blocker.write_text("a file, not a folder")
    result = runner.invoke(
        app,
        ["summary", "--no-builtin", "--content", str(deck_dir), "--data-dir", str(blocker)],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("学习摘要")


def test_data_dir_holds_the_compiled_form(runner, deck_dir, tmp_path):
    """--data-dir X keeps summary-*.json under X/cache."""
    other = tmp_path / "other"
    _summary(runner, deck_dir, "--data-dir", str(other))
    assert len(list((other / "cache").glob("summary-*.json"))) == 1


def test_terminal_view_is_the_same_from_the_compiled_form(deck_dir, tmp_path):
    """Styled paragraphs read back from the file render exactly as those made from the deck."""
    deck = load_deck([deck_dir])
    open_summary([deck_dir], tmp_path / "cache")
    compiled = open_summary([deck_dir], tmp_path / "cache")  # read back from the file

    def shown(renderables) -> str:
        console = Console(file=io.StringIO(), width=70, force_terminal=True, color_system="256")
        console.print(Group(*renderables))
        return console.file.getvalue()

    direct = shown(render_summary(deck, deck.items, "学习摘要"))
    served = shown(render_lines(compiled.lines(compiled.entries(None), "学习摘要")))
    assert served == direct and "\x1b[" in served


def test_unknown_topic_is_a_clear_error(runner, deck_dir):
    """A topic the deck lacks: the usual Chinese message, exit 1."""
    result = runner.invoke(
        app, ["summary", "--no-builtin", "--content", str(deck_dir), "--topic", "不存在的主题"]
    )
    assert result.exit_code == 1
    assert "没有主题“不存在的主题”" in result.stderr


def test_warm_summary_parses_no_yaml(tmp_path):
    """The second `study summary` imports neither yaml, the loader nor the deck model."""
    args = ["summary", "--no-builtin", "--content", str(FIXTURES / "mini")]
    first = run_study(tmp_path, args)
    assert "yaml" in first
    loaded = run_study(tmp_path, args)
    assert [m for m in ("yaml", "studycli.deck.loader", "studycli.deck.model") if m in loaded] == []
