"""A bank damaged inside (rows that do not decode, unreadable pages) is rebuilt on the spot."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES

from studycli.cli import app
from studycli.quiz.bank import BankError, bank_path
from studycli.quiz.bank_build import open_bank

MINI = ["--no-builtin", "--content"]
REBUILT = "注意:编译好的题库已损坏,已重新编译。\n"


@pytest.fixture
def deck_dir(tmp_path):
    """A copy of the mini deck."""
    folder = tmp_path / "deck"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _tamper(path: Path, sql: str) -> None:
    """Change the bank's rows behind its back (keeping the file's stamp looking current)."""
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    conn.close()


# Each leaves a structurally valid SQLite file whose rows no longer decode or read.
DAMAGE = {
    "not-json": "UPDATE questions SET data = '{broken'",
    "missing-field": 'UPDATE questions SET data = \'{"id": "x"}\'',
    "wrong-type": "UPDATE questions SET data = '[1, 2]'",
    "not-utf8": "UPDATE questions SET data = CAST(x'7b22ff22' AS TEXT)",
    "cards": "UPDATE cards SET data = '{broken'",
    "topics": "UPDATE topics SET data = '{}'",
    "items": "UPDATE items SET topics = 'x'",
    "glossary": "UPDATE meta SET value = '[{\"x\": 1}]' WHERE key = 'glossary'",
}


@pytest.mark.parametrize("sql", DAMAGE.values(), ids=DAMAGE.keys())
def test_rows_that_do_not_decode_are_rebuilt_once(deck_dir, tmp_path, sql):
    """A read that meets a damaged row (SQLite error, bad JSON, missing field, wrong type)
    rebuilds the bank through its rebuild hook and reads the same data again."""
    cache = tmp_path / "cache"
    with open_bank([deck_dir], cache) as good:
        expected = (
            good.all_questions(),
            good.cards(good.card_ids()),
            good.topics,
            good.items(),
            good.glossary,
        )
        path = good.path
    _tamper(path, sql)
    rebuilds = []

    def rebuild():
        rebuilds.append(1)
        return open_bank([deck_dir], cache, rebuild=True)

    with open_bank([deck_dir], cache) as bank:
        bank.rebuild = rebuild
        got = (
            bank.all_questions(),
            bank.cards(bank.card_ids()),
            bank.topics,
            bank.items(),
            bank.glossary,
        )
    assert got == expected
    assert rebuilds == [1]
    with sqlite3.connect(path) as conn:  # the file on disk is the rebuilt, whole bank
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert (
            conn.execute("SELECT count(*) FROM questions WHERE data = '{broken'").fetchone()[0] == 0
        )
    conn.close()


def test_without_rebuild_a_damaged_row_is_a_clear_error(deck_dir, tmp_path):
    """With no way to rebuild, a damaged row removes the file and says so in Chinese only:
    no SQLite English, no raw row."""
    cache = tmp_path / "cache"
    with open_bank([deck_dir], cache) as good:
        path = good.path
    _tamper(path, DAMAGE["not-utf8"])
    bank = open_bank([deck_dir], cache)
    with pytest.raises(BankError) as caught:
        bank.all_questions()
    assert str(caught.value) == (f"编译好的题库 {path} 无法读取,已删除;请再运行一次,它会重新编译。")
    assert not path.exists()


def test_a_bank_damaged_again_after_its_rebuild_is_an_error(deck_dir, tmp_path):
    """The rebuild is tried once: a bank still damaged after it is the clear error."""
    cache = tmp_path / "cache"
    open_bank([deck_dir], cache).close()
    path = bank_path(cache, [deck_dir])

    def rebuild_damaged():
        bank = open_bank([deck_dir], cache, rebuild=True)
        bank.conn.close()
        bank.conn = sqlite3.connect(":memory:")  # no tables: every read fails
        return bank

    bank = open_bank([deck_dir], cache)
    bank.conn.close()
    bank.conn = sqlite3.connect(":memory:")
    bank.rebuild = rebuild_damaged
    with pytest.raises(BankError, match="无法读取,已删除;请再运行一次"):
        bank.question_rows()
    assert bank.rebuild is None and not path.exists()


def _bank_file() -> Path:
    cache = Path(os.environ["STUDY_DATA_DIR"]) / "cache"
    (bank,) = cache.glob("questions-*.sqlite")
    return bank


QUESTION_DAMAGE = {k: DAMAGE[k] for k in ("not-json", "missing-field", "wrong-type", "not-utf8")}


@pytest.mark.parametrize("sql", QUESTION_DAMAGE.values(), ids=QUESTION_DAMAGE.keys())
def test_questions_listing_goes_on_after_a_rebuild(runner, mini_deck, sql):
    """`study questions` on a bank with damaged rows: one Chinese line on stderr, the same
    listing, exit 0; the next run reads the rebuilt bank silently."""
    args = ["questions", *MINI, str(mini_deck), "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    _tamper(_bank_file(), sql)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == first.stdout
    assert result.stderr == REBUILT
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stderr == "" and again.stdout == first.stdout


def test_quiz_and_mistakes_go_on_and_keep_answers(runner, mini_deck):
    """A quiz over a damaged bank rebuilds it and records the answers; the 错题本 over a
    bank damaged again rebuilds it too and still shows them."""
    args = ["quiz", *MINI, str(mini_deck), "--json", "--seed", "3", "--count", "2"]
    first = runner.invoke(app, args, input="错\n错\n")
    assert first.exit_code == 0, first.output
    _tamper(_bank_file(), DAMAGE["not-json"])
    result = runner.invoke(app, args, input="错\n错\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == REBUILT
    asked = [q["id"] for q in json.loads(result.stdout)["questions"]]
    assert asked == [q["id"] for q in json.loads(first.stdout)["questions"]]
    db = Path(os.environ["STUDY_DATA_DIR"]) / "progress.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 4
    conn.close()
    _tamper(_bank_file(), DAMAGE["items"])
    mistakes = runner.invoke(app, ["mistakes", *MINI, str(mini_deck)])
    assert mistakes.exit_code == 0, mistakes.output
    assert mistakes.stderr == REBUILT
    assert "(未加载)" not in mistakes.stdout and "错题本" in mistakes.stdout


def test_review_goes_on_after_a_rebuild(runner, mini_deck):
    """`study review` over a bank whose question ids read badly rebuilds it and goes on."""
    args = ["review", *MINI, str(mini_deck), "--count", "1"]
    _ = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--json"])
    _tamper(_bank_file(), "UPDATE questions SET id = CAST(x'ff' || id AS TEXT)")
    result = runner.invoke(app, args, input="错\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == REBUILT


def test_topics_over_a_damaged_bank_read_the_deck(runner, mini_deck):
    """`study topics` (which never compiles) falls back to the deck when the bank's topics
    do not decode: the same table, exit 0, nothing on stderr."""
    args = ["topics", *MINI, str(mini_deck)]
    _ = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--json"])
    first = runner.invoke(app, args)
    _tamper(_bank_file(), DAMAGE["topics"])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == first.stdout and result.stderr == ""


def test_a_wrong_generator_memo_costs_one_compile(runner, mini_deck):
    """A generator memo with the right stamps and a wrong key: the next run compiles once,
    silently; the run after reads the bank it wrote (same file, not compiled again)."""
    args = ["questions", *MINI, str(mini_deck), "--json"]
    first = runner.invoke(app, args)
    (memo,) = _bank_file().parent.glob("generator-*.key")
    memo.write_text(
        f"{memo.read_text(encoding='ascii').split()[0]} 0000000000000000\n", encoding="ascii"
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == first.stdout
    compiled = _bank_file().stat()
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stdout == first.stdout
    after = _bank_file().stat()
    assert (after.st_ino, after.st_mtime_ns) == (compiled.st_ino, compiled.st_mtime_ns)
