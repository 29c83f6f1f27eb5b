"""An unwritable cache: the session goes on from a bank in memory, and the user is told once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studycli.cli import app
from studycli.deck.files import content_paths
from studycli.quiz.bank import bank_path

MINI = ["--no-builtin", "--content"]


def _cache() -> Path:
    return Path(os.environ["STUDY_DATA_DIR"]) / "cache"


def _cache_is_a_file(mini_deck) -> Path:
    """A regular file where the cache folder should be."""
    _cache().parent.mkdir(parents=True, exist_ok=True)
    _cache().write_text("not a folder", encoding="utf-8")
    return bank_path(_cache(), content_paths([mini_deck], builtin=False))


def _bank_is_a_folder(mini_deck) -> Path:
    """A folder where the bank file should be."""
    path = bank_path(_cache(), content_paths([mini_deck], builtin=False))
    path.mkdir(parents=True)
    return path


@pytest.mark.parametrize("block", [_cache_is_a_file, _bank_is_a_folder])
def test_quiz_says_once_that_the_cache_cannot_be_written(runner, mini_deck, block):
    """The quiz still runs; stderr has exactly one line naming the bank file it could not
    write, and that every run compiles the bank again."""
    path = block(mini_deck)
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "--count", "1", "--seed", "1"], input="错\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"注意:题库缓存 {path} 无法写入,题库每次都要重新编译。\n"


@pytest.mark.parametrize("block", [_cache_is_a_file, _bank_is_a_folder])
def test_check_does_not_claim_the_bank_was_stored(runner, mini_deck, block):
    """`study check` with an unwritable cache says on stdout that nothing was saved, and on
    stderr why (once)."""
    path = block(mini_deck)
    result = runner.invoke(app, ["check", *MINI, str(mini_deck)])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("张闪卡(题库缓存无法写入,未保存)。\n")
    assert result.stderr == f"注意:题库缓存 {path} 无法写入,题库每次都要重新编译。\n"


def test_a_writable_cache_says_nothing(runner, mini_deck):
    """With a writable cache, check stores the bank and stderr stays empty."""
    result = runner.invoke(app, ["check", *MINI, str(mini_deck)])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.endswith("张闪卡。\n")
    assert bank_path(_cache(), content_paths([mini_deck], builtin=False)).is_file()
