"""The compiled question bank: compile, hit, stale → recompile, damage, concurrency, records."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from studycli.deck.loader import load_deck
from studycli.deck.model import Source
from studycli.quiz import bank as bank_module
from studycli.quiz import bank_build, bank_key
from studycli.quiz.bank import Bank, bank_path
from studycli.quiz.bank_build import open_bank
from studycli.quiz.questions import Question, generate_cards, generate_questions, pick_questions
from studycli.quiz.records import from_record, to_record


@pytest.fixture
def deck_dir(tmp_path):
    """A copy of the mini deck that tests may edit."""
    folder = tmp_path / "deck"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


@pytest.fixture
def cache(tmp_path):
    """A cache folder inside the test's data directory."""
    return tmp_path / "data" / "cache"


@pytest.fixture
def builds(monkeypatch):
    """Counts the compiles that open_bank starts."""
    calls = []
    real = bank_build.build_bank

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(bank_build, "build_bank", counting)
    return calls


def test_first_open_compiles_then_hits(deck_dir, cache, builds):
    """The first open compiles every question and card; the next one only opens the file."""
    stages = []
    with open_bank([deck_dir], cache, lambda *s: stages.append(s)) as bank:
        assert bank.path == bank_path(cache, [deck_dir]) and bank.path.is_file()
        deck = load_deck([deck_dir])
        expected = generate_questions(deck, deck.items, rng=random.Random(0), include_flagged=True)
        assert bank.all_questions() == expected  # flagged ones too, with their flags
        assert bank.cards(bank.card_ids()) == generate_cards(deck, deck.items)
        assert [t.name for t in bank.topics] == ["人才", "产业"]
        assert [t.term for t in bank.glossary] == ["新质生产力", "全要素生产率"]
        assert bank.content_hash == deck.content_hash
    assert {s[0] for s in stages} >= {"读取题库", "分词", "出题", "写入"}
    assert ("出题", 5, 5) in stages
    with open_bank([deck_dir], cache) as again:
        assert again.count() == len(expected)
    assert len(builds) == 1


def test_light_rows_pick_like_full_questions(deck_dir, cache):
    """pick_questions over light rows chooses the ids it chooses over full questions."""
    deck = load_deck([deck_dir])
    full = generate_questions(deck, deck.items, rng=random.Random(0))
    with open_bank([deck_dir], cache) as bank:
        rows = bank.question_rows()
        assert [r.id for r in rows] == [q.id for q in full]
        picked = [r.id for r in pick_questions(rows, 6, random.Random(5))]
        assert picked == [q.id for q in pick_questions(list(full), 6, random.Random(5))]
        assert [q.id for q in bank.questions(picked)] == picked


def test_topic_and_kind_filters(deck_dir, cache):
    """Rows of one topic hold only that topic's items; a kind filter keeps only that kind."""
    with open_bank([deck_dir], cache) as bank:
        talent = bank.question_rows(topic="人才")
        assert {r.item_id for r in talent} == {"q1", "l1"}
        assert bank.item_ids("人才") == ["q1", "l1"]
        choices = bank.question_rows(kinds=["choice"])
        assert choices and {r.kind for r in choices} == {"choice"}
        assert bank.items()["d1"].title


def test_edited_deck_is_recompiled(deck_dir, cache, builds):
    """Changing a deck file's bytes recompiles; the new wording is in the bank."""
    open_bank([deck_dir], cache).close()
    deck_file = deck_dir / "deck.yaml"
    deck_file.write_text(
        deck_file.read_text(encoding="utf-8").replace("100项", "200项"), encoding="utf-8"
    )
    with open_bank([deck_dir], cache) as bank:
        assert any("200项" in q.answer for q in bank.all_questions())
    assert len(builds) == 2


def test_touched_deck_is_confirmed_by_its_hash(deck_dir, cache, builds):
    """A new mtime on the same bytes (a checkout, a touch) does not recompile."""
    open_bank([deck_dir], cache).close()
    deck_file = deck_dir / "deck.yaml"
    stat = deck_file.stat()
    os.utime(deck_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    open_bank([deck_dir], cache).close()
    assert len(builds) == 1


def test_added_file_and_new_generator_recompile(deck_dir, cache, builds, monkeypatch):
    """Another set of deck files, or another generator version, recompiles."""
    open_bank([deck_dir], cache).close()
    extra = deck_dir / "more.yaml"
    extra.write_text("items: []\n", encoding="utf-8")
    open_bank([deck_dir], cache).close()
    monkeypatch.setattr(bank_key, "GENERATOR_VERSION", bank_key.GENERATOR_VERSION + 1)
    open_bank([deck_dir], cache).close()
    open_bank([deck_dir], cache).close()
    assert len(builds) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"not a database at all" * 100),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b""),
        lambda p: _foreign(p),
        lambda p: _incomplete(p),
    ],
    ids=["garbage", "truncated", "empty", "foreign", "incomplete"],
)
def test_damaged_bank_is_recompiled(deck_dir, cache, builds, damage):
    """A damaged, cut-short, foreign or unfinished bank file is compiled anew, silently."""
    with open_bank([deck_dir], cache) as bank:
        count, path = bank.count(), bank.path
    damage(path)
    with open_bank([deck_dir], cache) as bank:
        assert bank.count() == count
    assert len(builds) == 2


def _foreign(path: Path) -> None:
    """Some other program's SQLite database under the bank's name."""
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)")
    conn.close()


def _incomplete(path: Path) -> None:
    """A bank whose compiler stopped before writing its last row."""
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'complete'")
    conn.close()


def test_unwritable_cache_compiles_into_memory(deck_dir, tmp_path):
    """Where the cache folder cannot be made the bank is held in memory: slower, still works."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with open_bank([deck_dir], blocker / "cache") as bank:
        assert bank.path is None and bank.count() > 0


def test_unreadable_bank_mid_session_is_a_user_error(deck_dir, cache):
    """A read that fails after opening says so in a sentence and removes the file."""
    bank = open_bank([deck_dir], cache)
    path = bank.path
    bank.conn.close()
    bank.conn = sqlite3.connect(":memory:")  # a database without the bank's tables
    with pytest.raises(bank_module.BankError, match=r"无法读取.*重新编译"):
        bank.question_rows()
    assert not path.exists()


def test_two_processes_compiling_at_once_leave_one_whole_bank(deck_dir, cache):
    """Two compilers racing on one bank both finish; the file is whole, no temp files stay."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from studycli.quiz.bank_build import open_bank\n"
        "with open_bank([Path(sys.argv[1])], Path(sys.argv[2]), rebuild=True) as bank:\n"
        "    print(bank.count())\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(deck_dir), str(cache)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    counts = {run.communicate(timeout=120)[0].strip() for run in runs}
    assert all(run.returncode == 0 for run in runs)
    assert len(counts) == 1
    assert [p.name for p in cache.iterdir() if p.suffix == ".tmp"] == []
    with sqlite3.connect(bank_path(cache, [deck_dir])) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with open_bank([deck_dir], cache) as bank:
        assert str(bank.count()) in counts


@dataclasses.dataclass(frozen=True, kw_only=True)
class FlaggedQuestion(Question):
    """A Question with a field a later change might add: carried without bank changes."""

    quality: float | None = None


def test_records_carry_any_field():
    """to_record / from_record round-trip nested tuples, Source and fields added later."""
    deck = load_deck([FIXTURES / "mini"])
    for question in generate_questions(deck, deck.items, rng=random.Random(0)):
        data = json.loads(json.dumps(to_record(question), ensure_ascii=False))
        assert from_record(Question, data) == question
        fields = {f.name: getattr(question, f.name) for f in dataclasses.fields(question)}
        fields.update(flags=("too-easy",), weight=0.5)
        extended = FlaggedQuestion(**fields, quality=0.25)
        data = json.loads(json.dumps(to_record(extended), ensure_ascii=False))
        assert from_record(FlaggedQuestion, data) == extended
        kept = dataclasses.replace(question, flags=("too-easy",), weight=0.5)
        assert from_record(Question, data) == kept  # unknown fields are dropped


def test_flagged_questions_are_stored_but_not_asked(deck_dir, cache, monkeypatch):
    """Questions with flags are listed with them but left out of the rows a session picks."""
    import studycli.quiz.questions as questions

    real = questions.question_slices

    def flagging(deck, slices, **kwargs):
        for batch in real(deck, slices, **kwargs):
            out = []
            for q in batch:
                fields = {f.name: getattr(q, f.name) for f in dataclasses.fields(q)}
                fields.update(flags=("answer-in-prompt",) if q.kind == "term" else (), weight=2.0)
                out.append(FlaggedQuestion(**fields, quality=0.5))
            yield out

    monkeypatch.setattr(questions, "question_slices", flagging)
    with open_bank([deck_dir], cache) as bank:
        rows = bank.question_rows()
        assert rows and "term" not in {r.kind for r in rows}
        assert {r.weight for r in rows} == {2.0} and {r.quality for r in rows} == {0.5}
        flagged = bank.question_rows(flagged=True)
        assert flagged and {r.flags for r in flagged} == {("answer-in-prompt",)}
        assert len(bank.all_questions()) == len(rows) + len(flagged)


def test_bank_file_is_per_set_of_sources(tmp_path, cache):
    """Two different --content sets keep two banks side by side."""
    first = bank_path(cache, [FIXTURES / "mini"])
    second = bank_path(cache, [FIXTURES / "mini", tmp_path])
    assert first != second and first.parent == second.parent == cache
    assert Bank.open_current(first, []) is None  # nothing compiled yet


def test_banks_of_deleted_decks_are_removed(deck_dir, tmp_path, cache):
    """Compiling one bank deletes banks of deck folders that are gone, keeps the others."""
    other = tmp_path / "other"
    shutil.copytree(deck_dir, other)
    gone = tmp_path / "gone"
    shutil.copytree(deck_dir, gone)
    for folder in (other, gone):
        open_bank([folder], cache).close()
    shutil.rmtree(gone)
    open_bank([deck_dir], cache).close()
    kept = sorted(p.name for p in cache.glob("questions-*.sqlite"))
    assert kept == sorted(bank_path(cache, [d]).name for d in (deck_dir, other))


def test_records_survive_an_unresolvable_annotation():
    """A field typed with a name only type checkers see still round-trips (as tuples)."""

    @dataclasses.dataclass(frozen=True)
    class Odd:
        """A record whose second field's annotation names nothing importable."""

        source: Source
        marks: NotImportedAnywhere  # type: ignore[name-defined]  # noqa: F821

    odd = Odd(Source("a.txt", "一"), (("x", 1),))
    assert from_record(Odd, json.loads(json.dumps(to_record(odd)))) == odd


def test_large_decks_pick_among_a_seeded_sample_of_items(deck_dir, cache, monkeypatch):
    """Past the sample size a pick reads only some items' rows: seeded, spread, in order."""
    monkeypatch.setattr(bank_module, "SAMPLE_ITEMS_MIN", 2)
    monkeypatch.setattr(bank_module, "SAMPLE_ITEMS_PER_QUESTION", 1)
    with open_bank([deck_dir], cache) as bank:
        every = bank.question_rows()
        first = bank.rows_to_pick_from(3, random.Random(4))
        again = bank.rows_to_pick_from(3, random.Random(4))
        assert first == again
        assert len({r.item_id for r in first}) == 3  # three items of five
        assert first == [r for r in every if r.item_id in {r.item_id for r in first}]
        clozes = bank.rows_to_pick_from(2, random.Random(4), kinds=["cloze"])
        assert {r.kind for r in clozes} == {"cloze"} and len({r.item_id for r in clozes}) == 2
        # Small decks are read whole, and then the pick is the same as over every row.
        assert bank.rows_to_pick_from(5, random.Random(4)) == every


def test_generator_key_is_remembered_until_a_source_changes(tmp_path, cache, monkeypatch):
    """The key is hashed once and remembered against the sources' sizes and mtimes: an edit
    (even one keeping the size), a new file or a damaged memo hashes it again."""
    sources = tmp_path / "src"
    sources.mkdir()
    for name in ("a.py", "b.py"):
        (sources / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(bank_key, "_generator_files", lambda: sorted(sources.glob("*.py")))
    hashed = []
    real = bank_key.generator_key

    def counting() -> str:
        hashed.append(1)
        return real()

    monkeypatch.setattr(bank_key, "generator_key", counting)
    cache.mkdir(parents=True)
    first = bank_key.remembered_generator_key(cache)
    assert first == real() and len(hashed) == 1
    assert bank_key.remembered_generator_key(cache) == first and len(hashed) == 1

    (sources / "a.py").write_text("# A.py\n", encoding="utf-8")  # same size, new mtime
    os.utime(sources / "a.py", ns=(1, 1))
    edited = bank_key.remembered_generator_key(cache)
    assert edited == real() != first and len(hashed) == 2
    (sources / "c.py").write_text("x = 1\n", encoding="utf-8")
    added = bank_key.remembered_generator_key(cache)
    assert added == real() != edited and len(hashed) == 3
    (memo,) = cache.glob("generator-*.key")
    memo.write_bytes(b"\xff garbage")
    assert bank_key.remembered_generator_key(cache) == added and len(hashed) == 4
    assert bank_key.remembered_generator_key(cache) == added and len(hashed) == 4


def test_generator_key_without_a_writable_cache(tmp_path, monkeypatch):
    """A cache folder that cannot be written still gives the right key (hashed each time)."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert bank_key.remembered_generator_key(blocked) == bank_key.generator_key()
    assert list(tmp_path.iterdir()) == [blocked]


def test_a_memo_with_a_wrong_key_is_corrected_by_the_compile(deck_dir, cache, builds):
    """A generator memo with the right stamps but a wrong key makes the bank look stale once:
    the compile then remembers the true key, and the next open is a hit."""
    open_bank([deck_dir], cache).close()
    (memo,) = cache.glob("generator-*.key")
    seen = memo.read_text(encoding="ascii").split()[0]
    memo.write_text(f"{seen} 0000000000000000\n", encoding="ascii")
    with open_bank([deck_dir], cache) as bank:
        assert bank.path is not None
    assert memo.read_text(encoding="ascii").split() == [seen, bank_key.generator_key()]
    with open_bank([deck_dir], cache) as bank:
        assert bank.count() > 0
    assert len(builds) == 2
