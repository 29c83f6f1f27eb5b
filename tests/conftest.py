"""Shared fixtures: every test gets its own data directory and a clean environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = REPO.parent / "shared" / "articles"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Point the user data directory at a temp folder; no user deck, fixed width, no colour."""
    data = tmp_path / "data"
    monkeypatch.setenv("STUDY_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("STUDY_CONTENT", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    return data


@pytest.fixture
def runner():
    """A Typer CliRunner; stderr is kept apart from stdout."""
    return CliRunner()


@pytest.fixture
def mini_deck():
    """A small valid deck with one item of each kind."""
    return FIXTURES / "mini"


@pytest.fixture
def articles():
    """The shared source articles, or skip where they are not beside the repository."""
    if not ARTICLES.is_dir():
        pytest.skip("../shared/articles is not present")
    return ARTICLES
