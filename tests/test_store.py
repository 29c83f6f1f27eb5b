"""The progress store: answers saved one by one, concurrency, damage, migrations, relearning."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from studycli.errors import StoreError
from studycli.memory import scheduling
from studycli.memory.doctor import inspect, move_aside
from studycli.memory.recording import import_answers, record_answer
from studycli.memory.stats import card_rows, daily_counts, item_tallies
from studycli.memory.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Answer,
    DamagedStoreError,
    Store,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def scheduler():
    """An fsrs scheduler with fuzzing off."""
    return scheduling.make_scheduler(fuzz=False)


def record(store, qid, at, *, correct=True, score=None, given="答", fingerprint="fp", **kw):
    """Record one quiz answer for question ``qid`` (item id is the part before the colon)."""
    record_answer(
        store,
        question_id=qid,
        item_id=qid.split(":")[0],
        fingerprint=fingerprint,
        kind="cloze",
        given=given,
        expected="正确答案",
        score=(1.0 if correct else 0.0) if score is None else score,
        correct=correct,
        answered_at=at,
        duration_s=None,
        mode="quiz",
        **kw,
    )


def test_open_creates_directory_and_schema(tmp_path):
    """Opening a missing data directory creates it and a WAL database at the latest version."""
    folder = tmp_path / "new" / "dir"
    with Store.open(folder) as store:
        assert store.path == folder / DB_NAME
        assert store.schema_version() == SCHEMA_VERSION
        assert store.answers_count() == 0
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_data_dir_that_is_a_file(tmp_path):
    """A data directory path that is a file gives a sentence naming it, not a traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="无法创建数据目录"):
        Store.open(blocker / "data")


def test_record_answer_logs_and_schedules(tmp_path, scheduler):
    """One answer appends to the log and creates the question's FSRS card."""
    with Store.open(tmp_path) as store:
        record(store, "d1:cloze:0", T0, correct=False, scheduler=scheduler)
        assert store.answers_count() == 1
        card = store.card("d1:cloze:0")
        assert card["due"] == (T0 + timedelta(minutes=1)).isoformat()
        assert card["card_id"] == scheduling.card_id_for("d1:cloze:0")
        assert store.card("never") is None


def test_failed_answer_writes_nothing(tmp_path):
    """An answer that fails half-way (naive time) leaves no row and no open transaction."""
    with Store.open(tmp_path) as store:
        with pytest.raises(ValueError):
            record(store, "q:0", datetime(2026, 11, 2, 9, 0))
        assert store.answers_count() == 0
        record(store, "q:0", T0)
        assert store.answers_count() == 1


def test_edited_item_is_relearned(tmp_path, scheduler):
    """A changed fingerprint resets the card to new; the old answers stay in the log."""
    with Store.open(tmp_path) as store:
        record(store, "d1:0", T0, scheduler=scheduler)
        record(store, "d1:0", T0 + timedelta(minutes=10), scheduler=scheduler)
        assert card_rows(store)[0].state == scheduling.REVIEW
        later = T0 + timedelta(days=3)
        record(store, "d1:0", later, fingerprint="fp2", scheduler=scheduler)
        (card,) = card_rows(store)
        assert (card.state, card.fingerprint) == (scheduling.LEARNING, "fp2")
        assert card.due == (later + timedelta(minutes=10)).timestamp()  # as a new card's Good
        assert store.answers_count() == 3


def test_mistakes_latest_answer_decides(tmp_path):
    """A question is a mistake while its latest answer is wrong or partial; newest first."""
    with Store.open(tmp_path) as store:
        record(store, "a:0", T0, correct=False, given="错一")
        record(store, "b:0", T0 + timedelta(minutes=1), correct=False, given="错二")
        record(store, "c:0", T0 + timedelta(minutes=2), correct=True, score=0.8)  # partial
        record(store, "d:0", T0 + timedelta(minutes=3), correct=False)
        record(store, "d:0", T0 + timedelta(minutes=4), correct=True)  # fixed since
        found = store.mistakes()
        assert [m.question_id for m in found] == ["c:0", "b:0", "a:0"]
        assert (found[1].given, found[1].expected, found[1].item_id) == ("错二", "正确答案", "b")
        assert found[1].answered_at == T0 + timedelta(minutes=1)
        assert store.mistake_question_ids() == ["c:0", "b:0", "a:0"]
        assert store.mistake_question_ids(limit=2) == ["c:0", "b:0"]
        assert [m.question_id for m in store.mistakes(limit=1)] == ["c:0"]


def test_import_answers_matches_record_answer(tmp_path, scheduler):
    """The bulk import gives the same cards and log as recording the answers one by one."""
    answers = [
        Answer(f"q{n % 3}:0", f"q{n % 3}", "fp", "cloze", "x", "y", float(n % 2), n % 2 == 1,
               T0 + timedelta(hours=n), None, "quiz")
        for n in range(12)
    ]  # fmt: skip
    with Store.open(tmp_path / "one") as one, Store.open(tmp_path / "bulk") as bulk:
        for a in answers:
            record(one, a.question_id, a.answered_at, correct=a.correct, scheduler=scheduler)
        assert import_answers(bulk, answers, scheduler) == 12
        assert bulk.answers_count() == one.answers_count() == 12
        assert sorted(card_rows(bulk), key=str) == sorted(card_rows(one), key=str)
        assert bulk.mistake_question_ids() == one.mistake_question_ids()


def test_daily_counts_use_the_offset(tmp_path):
    """Answers are bucketed by local day for the given UTC offset."""
    with Store.open(tmp_path) as store:
        record(store, "a:0", datetime(2026, 11, 2, 15, 30, tzinfo=UTC))  # 23:30 in Beijing
        record(store, "a:0", datetime(2026, 11, 2, 16, 30, tzinfo=UTC))  # 00:30 next day
        assert daily_counts(store, 0) == {date(2026, 11, 2): 2}
        assert daily_counts(store, 8 * 3600) == {date(2026, 11, 2): 1, date(2026, 11, 3): 1}


# -- migrations ---------------------------------------------------------------------------


def test_migrates_an_empty_file(tmp_path):
    """A database at user_version 0 (an empty file) is brought to the latest version."""
    (tmp_path / DB_NAME).write_bytes(b"")
    with Store.open(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_migrates_version_1_keeping_answers(tmp_path):
    """A version-1 database gets the missing steps (the indexes) and keeps its answers."""
    conn = sqlite3.connect(tmp_path / DB_NAME)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO answers (question_id, item_id, fingerprint, kind, mode, given, expected,"
        " score, correct, rating, answered_at, duration_s)"
        " VALUES ('q:0', 'q', 'fp', 'cloze', 'quiz', '错', '对', 0, 0, 1, ?, NULL)",
        (T0.timestamp(),),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store.open(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        assert store.answers_count() == 1
    conn = sqlite3.connect(tmp_path / DB_NAME)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert {"answers_by_time", "answers_by_item", "cards_by_due"} <= names


def test_newer_database_is_refused(tmp_path):
    """A database from a newer studycli gives a clear error and is left untouched."""
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert str(caught.value) == (
        f"进度数据库 {path} 的版本为 {SCHEMA_VERSION + 1},比本程序支持的版本"
        f" {SCHEMA_VERSION} 新。请升级 studycli 后再试。"
    )
    assert not isinstance(caught.value, DamagedStoreError)
    assert path.exists()


# -- damage --------------------------------------------------------------------------------


def test_garbage_file_is_reported_as_damaged(tmp_path):
    """A file that is not a database gives a sentence naming it and `study doctor`."""
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not sqlite at all " * 200)
    with pytest.raises(DamagedStoreError) as caught:
        Store.open(tmp_path)
    assert str(caught.value) == (
        f"进度数据库 {path} 已损坏,无法读取。"
        "运行 study doctor 可把它改名移到一旁(不会删除)并新建一个空的数据库。"
    )


def test_damaged_pages_are_found_by_inspect(tmp_path):
    """Garbage inside a real database: doctor's quick_check and any read report the damage."""
    with Store.open(tmp_path) as store:
        import_answers(
            store,
            (Answer(f"q{n}:0", f"q{n}", "fp", "cloze", "错" * 50, "对" * 50, 0.0, False,
                   T0 + timedelta(minutes=n), None, "quiz")
            for n in range(300)),
        )  # fmt: skip
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedStoreError):
        inspect(tmp_path)
    with pytest.raises(DamagedStoreError), Store.open(tmp_path) as store:
        store.answers_count()  # opening a changed file checks it and says the same


def test_move_aside_renames_never_deletes(tmp_path):
    """The damaged file and its WAL are renamed with a timestamp; a second one gets -2."""
    path = tmp_path / DB_NAME
    path.write_bytes(b"junk")
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"wal")
    when = datetime(2026, 11, 22, 10, 15, tzinfo=UTC)
    moved = move_aside(path, when)
    assert moved == tmp_path / "progress.db.damaged-20261122T101500"
    assert moved.read_bytes() == b"junk"
    assert (tmp_path / "progress.db.damaged-20261122T101500-wal").read_bytes() == b"wal"
    assert not path.exists() and not (tmp_path / f"{DB_NAME}-wal").exists()
    path.write_bytes(b"junk again")
    assert move_aside(path, when) == tmp_path / "progress.db.damaged-20261122T101500-2"


# -- other processes -----------------------------------------------------------------------

# Records one answer per line read from stdin and prints "saved N" after each, like a quiz
# waiting at its prompt. With argv[2] = a number, records that many without waiting instead.
CHILD = r"""
import sys
from datetime import UTC, date, datetime, timedelta
from studycli.memory.recording import record_answer
from pathlib import Path
from studycli.memory.scheduling import make_scheduler
from studycli.memory.store import Store

folder, tag, how_many = sys.argv[1], sys.argv[2], int(sys.argv[3])
scheduler = make_scheduler(fuzz=False)
t0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
print("ready", flush=True)
sys.stdin.readline()
with Store.open(Path(folder)) as store:
    n = 0
    while how_many == 0 or n < how_many:
        if how_many == 0 and not sys.stdin.readline():
            break
        record_answer(
        store,
            question_id=f"{tag}:{n % 7}", item_id=tag, fingerprint="fp", kind="cloze",
            given="x", expected="y", score=float(n % 2), correct=n % 2 == 1,
            answered_at=t0 + timedelta(seconds=n), duration_s=None, mode="quiz",
            scheduler=scheduler,
        )
        n += 1
        print(f"saved {n}", flush=True)
"""


def _child(folder: Path, tag: str, how_many: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), tag, str(how_many)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout.readline() == "ready\n"
    return proc


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGHUP, signal.SIGKILL, "eof"])
def test_interrupted_session_keeps_answers(tmp_path, how):
    """Ctrl-C, a closed terminal, a kill or end of input after 5 answers: all 5 are kept."""
    proc = _child(tmp_path, "item", 0)
    proc.stdin.write("go\n")
    for n in range(1, 6):
        proc.stdin.write("answer\n")
        proc.stdin.flush()
        assert proc.stdout.readline() == f"saved {n}\n"
    if how == "eof":
        proc.stdin.close()
    else:
        proc.send_signal(how)  # the child is blocked at its "prompt"
    proc.wait(timeout=10)
    if how == signal.SIGINT:
        assert "KeyboardInterrupt" in proc.stderr.read()
    with Store.open(tmp_path) as store:
        assert store.answers_count() == 5
        assert len(card_rows(store)) == 5


def test_two_processes_lose_nothing(tmp_path):
    """Two processes recording 200 answers each at the same time (fresh database): 400 rows."""
    procs = [_child(tmp_path, tag, 200) for tag in ("left", "right")]
    for proc in procs:  # start both together, so they race to create and write
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr
    with Store.open(tmp_path) as store:
        assert store.answers_count() == 400
        assert len(card_rows(store)) == 14
        assert {r for r, _, _ in item_tallies(store)} == {"left", "right"}


def test_reading_leaves_the_clean_close_stamp_alone(tmp_path):
    """A store opened only to read is closed without rewriting its clean-close stamp; after a
    write the stamp is written anew, and it always matches the file."""
    from studycli.memory.stamp import read_stamp, stamp, stamp_path

    with Store.open(tmp_path) as store:
        record(store, "a:0", T0)
    db = tmp_path / DB_NAME
    marker = stamp_path(db)
    assert read_stamp(db) == stamp(db)
    os.utime(marker, ns=(10**9, 10**9))  # an old mtime: a rewrite would change it
    with Store.open(tmp_path) as store:
        assert store.answers_count() == 1
    assert marker.stat().st_mtime_ns == 10**9 and read_stamp(db) == stamp(db)
    with Store.open(tmp_path) as store:
        record(store, "a:0", T0 + timedelta(days=1))
    assert marker.stat().st_mtime_ns != 10**9 and read_stamp(db) == stamp(db)
