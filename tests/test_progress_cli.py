"""study stats, study mistakes, study doctor; the stats figures and the heatmap."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from rich.cells import cell_len
from rich.console import Console

from studycli.cli import app
from studycli.cli.app import out
from studycli.deck.loader import content_paths, load_deck
from studycli.memory.recording import import_answers, record_answer
from studycli.memory.stats import compute_stats, current_streak
from studycli.memory.store import DB_NAME, SCHEMA_VERSION, Answer, Store
from studycli.render.progress import render_heatmap

BEIJING = timezone(timedelta(hours=8))
NOW = "2026-11-22T10:00:00+08:00"  # a Sunday
NOW_UTC = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


@pytest.fixture
def deck(mini_deck):
    """The mini fixture deck (q1 人才; d1, f1, fa1 产业; l1 both)."""
    return load_deck(content_paths([mini_deck], builtin=False))


def _record(store, deck, qid, at, *, correct, given="答", rating=None, fingerprint=None):
    item_id = qid.split(":")[0]
    item = deck.item(item_id)
    record_answer(
        store,
        question_id=qid,
        item_id=item_id,
        fingerprint=fingerprint or (item.fingerprint if item else "old"),
        kind="cloze",
        given=given,
        expected="科技创新能够催生新产业",
        score=1.0 if correct else 0.0,
        correct=correct,
        answered_at=at,
        duration_s=None,
        mode="quiz",
        rating=rating,
    )


@pytest.fixture
def history(isolated_env, deck):
    """Five answers: d1 mastered by two Easy answers, q1 wrong, l1 right, a removed item wrong."""
    with Store.open(isolated_env) as store:
        _record(store, deck, "d1:facet:0", datetime(2026, 11, 1, 2, tzinfo=UTC), correct=True,
                rating=4)  # fmt: skip
        _record(store, deck, "d1:facet:0", datetime(2026, 11, 9, 2, tzinfo=UTC), correct=True,
                rating=4)  # fmt: skip
        _record(store, deck, "gone:cloze:0", datetime(2026, 11, 20, 1, tzinfo=UTC),
                correct=False, given="旧答案")  # fmt: skip
        _record(store, deck, "q1:cloze:0", datetime(2026, 11, 21, 1, tzinfo=UTC),
                correct=False, given="科技创新")  # fmt: skip
        _record(store, deck, "l1:list:0", datetime(2026, 11, 22, 1, tzinfo=UTC), correct=True)
    return isolated_env


def _args(command, mini_deck, *extra):
    return [command, "--content", str(mini_deck), "--no-builtin", "--now", NOW, *extra]


# -- figures -------------------------------------------------------------------------------


def test_compute_stats_figures(history, deck):
    """Mastery, accuracy, removed items under (未加载), due counts, streak, day buckets."""
    with Store.open(history) as store:
        stats = compute_stats(store, deck, NOW_UTC, BEIJING)
    rows = {t.topic: (t.items, t.mastered, t.answers, t.correct) for t in stats.topics}
    assert rows == {"人才": (2, 0, 2, 1), "产业": (4, 1, 3, 3), "(未加载)": (0, 0, 1, 0)}
    assert [t.topic for t in stats.topics][-1] == "(未加载)"
    assert (stats.reviews, stats.streak, stats.due_today, stats.due_week) == (5, 3, 2, 2)
    assert stats.today == date(2026, 11, 22)
    assert min(stats.days) == date(2026, 8, 31)  # the Monday 11 weeks before this week
    assert len(stats.days) == 84
    assert {d: n for d, n in stats.days.items() if n} == {
        date(2026, 11, 1): 1,
        date(2026, 11, 9): 1,
        date(2026, 11, 20): 1,
        date(2026, 11, 21): 1,
        date(2026, 11, 22): 1,
    }


def test_edited_item_loses_mastery(history, deck):
    """After d1 is edited its old card no longer counts: not mastered, not due."""
    d1 = deck.item("d1")
    edited = dataclasses.replace(d1, meaning=d1.meaning + "(修订)")
    assert edited.fingerprint != d1.fingerprint
    items = tuple(edited if item.id == "d1" else item for item in deck.items)
    with Store.open(history) as store:
        stats = compute_stats(store, dataclasses.replace(deck, items=items), NOW_UTC, BEIJING)
    assert {t.topic: t.mastered for t in stats.topics}["产业"] == 0
    assert {t.topic: t.answers for t in stats.topics}["产业"] == 3  # its history stays


def test_current_streak():
    """The streak ends today, or yesterday when nothing was answered yet today."""
    today = date(2026, 11, 22)
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert current_streak(days, today) == 3
    assert current_streak(days | {today}, today) == 4
    assert current_streak({today - timedelta(days=2)}, today) == 0
    assert current_streak(set(), today) == 0


# -- heatmap -------------------------------------------------------------------------------


def _lines(renderable, width=60):
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def test_heatmap_fits_60_columns_with_week_structure():
    """7 rows Mon..Sun under a month header, 12 week columns, a legend; at most 60 cells."""
    today = date(2026, 11, 18)  # a Wednesday: Thu..Sun of this week are still blank
    days = {date(2026, 8, 31): 1, date(2026, 11, 16): 5, date(2026, 11, 17): 30}
    lines = _lines(render_heatmap(days, today))
    assert len(lines) == 9
    assert max(cell_len(line) for line in lines) <= 60
    assert lines[0].split() == ["9月", "10月", "11月"]  # 8月 (one column) gives way
    rows = lines[1:8]
    assert [row[0] for row in rows] == list("一二三四五六日")
    cells = [row[3:].split() for row in rows]
    assert [len(c) for c in cells] == [12, 12, 12, 11, 11, 11, 11]
    assert cells[0][0] == "-"  # 2026-08-31, the first Monday: 1 answer
    assert (cells[0][-1], cells[1][-1], cells[2][-1]) == ("+", "#", ".")
    assert lines[8].split() == [
        "每天答题:.",
        "0",
        "-",
        "1-4",
        "+",
        "5-14",
        "*",
        "15-29",
        "#",
        "30+",
    ]


# -- study stats ---------------------------------------------------------------------------


def test_stats_json(runner, history, mini_deck):
    """--json gives the same figures, with the total answers as "reviews"."""
    result = runner.invoke(app, _args("stats", mini_deck, "--json"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "today", "reviews", "streak", "due_today", "due_week", "mastery_stability_days",
        "topics", "reviews_per_day",
    }  # fmt: skip
    assert (data["reviews"], data["streak"], data["due_today"], data["due_week"]) == (5, 3, 2, 2)
    assert data["topics"][1] == {
        "topic": "产业", "items": 4, "mastered": 1, "answers": 3, "correct": 3,
        "mastery": 0.25, "accuracy": 1.0,
    }  # fmt: skip
    assert data["topics"][2]["topic"] == "(未加载)" and data["topics"][2]["mastery"] is None
    assert data["reviews_per_day"]["2026-11-21"] == 1 and len(data["reviews_per_day"]) == 84


def test_stats_text_at_60_columns(runner, history, mini_deck, monkeypatch):
    """The stats page reads at 60 columns: totals, topic rows, last 7 days, heatmap."""
    monkeypatch.setattr(out, "_width", 60)
    result = runner.invoke(app, _args("stats", mini_deck))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    assert lines[:3] == [
        "学习统计 · 2026-11-22",
        "共答题 5 次,连续学习 3 天。",
        "今天到期 2 项,7 天内到期 2 项。",
    ]
    assert any(line.split() == ["产业", "1/4", "25%", "3", "100%"] for line in lines)
    assert any(line.split() == ["(未加载)", "—", "—", "1", "0%"] for line in lines)
    assert "最近 12 周" in lines
    assert [line[0] for line in lines[-8:-1]] == list("一二三四五六日")


def test_stats_on_a_new_data_dir(runner, mini_deck, isolated_env):
    """With no answers yet, stats shows zeros and creates the database."""
    result = runner.invoke(app, _args("stats", mini_deck))
    assert result.exit_code == 0, result.output
    assert "共答题 0 次,连续学习 0 天。" in result.stdout
    assert (isolated_env / DB_NAME).exists()


def test_stats_help_defines_mastery(runner):
    """stats --help says what mastery means."""
    result = runner.invoke(app, ["stats", "--help"])
    assert result.exit_code == 0
    text = "".join(result.stdout.split())
    assert "掌握度:主题中已掌握条目的比例" in text.replace("│", "")
    assert "21天" in text


# -- study mistakes ------------------------------------------------------------------------


def test_mistakes_lists_wrong_and_right_answers(runner, history, mini_deck):
    """Newest first, with the wrong answer, the right one, topic and when; (未加载) labelled."""
    result = runner.invoke(app, _args("mistakes", mini_deck))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "错题本:共 2 题",
        "",
        "1. 科技创新能够催生新产业、新模式、新动能，是发展… · 人才 · 昨天 09:00",
        "   题号:q1:cloze:0",
        "   你的答案:科技创新",
        "   正确答案:科技创新能够催生新产业",
        "",
        "2. gone · (未加载) · 11月20日 09:00",
        "   题号:gone:cloze:0",
        "   你的答案:旧答案",
        "   正确答案:科技创新能够催生新产业",
        "",
        "重做这些题:study quiz --mistakes",
        "重做其中一题:study quiz --id 题号",
    ]


def test_mistakes_limit_and_topic(runner, history, mini_deck):
    """--limit shows the newest few; --topic keeps that topic's items only."""
    result = runner.invoke(app, _args("mistakes", mini_deck, "--limit", "1"))
    assert result.stdout.splitlines()[0] == "错题本:共 2 题(显示最近 1 题)"
    result = runner.invoke(app, _args("mistakes", mini_deck, "--topic", "产业"))
    assert result.exit_code == 0
    assert result.stdout == "错题本是空的:没有最近一次答错的题。\n"


def test_mistakes_fixed_by_a_right_answer(runner, history, mini_deck, deck):
    """Answering a mistake right takes it out of the 错题本."""
    with Store.open(history) as store:
        _record(store, deck, "q1:cloze:0", NOW_UTC, correct=True)
        assert store.mistake_question_ids() == ["gone:cloze:0"]


def test_mistakes_edited_item_is_labelled(runner, history, mini_deck, deck):
    """A mistake whose item changed since is shown with 题目已修改."""
    with Store.open(history) as store:
        _record(store, deck, "d1:facet:0", NOW_UTC, correct=False, fingerprint="older")
    result = runner.invoke(app, _args("mistakes", mini_deck))
    assert "1. 新质生产力 · 产业 · 今天 10:00(题目已修改)" in result.stdout.splitlines()


# -- damage and study doctor ---------------------------------------------------------------


def test_damaged_database_then_doctor(runner, mini_deck, isolated_env):
    """A garbage database: stats exits 1 naming the file and doctor; doctor moves it aside."""
    isolated_env.mkdir(parents=True)
    path = isolated_env / DB_NAME
    path.write_bytes(b"\x00garbage" * 512)
    result = runner.invoke(app, _args("stats", mini_deck))
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:进度数据库 {path} 已损坏,无法读取。"
        "运行 study doctor 可把它改名移到一旁(不会删除)并新建一个空的数据库。\n"
    )
    result = runner.invoke(app, ["doctor", "--now", NOW])
    assert result.exit_code == 0, result.output
    moved = isolated_env / "progress.db.damaged-20261122T020000"
    assert result.stdout.splitlines()[0] == (
        f"进度数据库已损坏:旧文件已改名为 {moved}(没有删除),并新建了空的数据库。"
    )
    assert moved.read_bytes() == b"\x00garbage" * 512
    assert "答题记录:0 条" in result.stdout.splitlines()
    assert runner.invoke(app, _args("stats", mini_deck)).exit_code == 0


def test_doctor_on_a_healthy_database(runner, history):
    """doctor reports path, size, answers and schema version, and exits 0."""
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"路径:{history / DB_NAME}"
    assert lines[1].startswith("大小:") and lines[1].endswith("KB")
    assert lines[2:] == ["答题记录:5 条", f"结构版本:{SCHEMA_VERSION}", "检查:正常"]


def test_doctor_creates_a_missing_database(runner, isolated_env):
    """doctor on a new data directory says it created the database."""
    result = runner.invoke(app, ["doctor", "--data-dir", str(isolated_env / "elsewhere")])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "还没有进度数据库,已新建一个。"
    assert (isolated_env / "elsewhere" / DB_NAME).exists()


def test_doctor_refuses_a_newer_database(runner, isolated_env):
    """A database from a newer version is not moved aside: doctor exits 1 and says upgrade."""
    with Store.open(isolated_env) as store:
        store._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert result.stderr.endswith("请升级 studycli 后再试。\n")
    assert sorted(p.name for p in isolated_env.iterdir() if "damaged" in p.name) == []


def test_bad_now_is_a_usage_error(runner, mini_deck):
    """A malformed hidden --now exits 2 with a sentence."""
    result = runner.invoke(app, ["stats", "--no-builtin", "--now", "yesterday"])
    assert result.exit_code == 2
    assert result.stderr == "错误:--now 的值“yesterday”不是 ISO 格式的时间。\n"


def test_cli_import_stays_light():
    """Importing the CLI (as `study --help` does) loads neither fsrs nor sqlite3."""
    code = "import sys, studycli.cli; print('fsrs' in sys.modules, 'sqlite3' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False False\n"


def test_streak_longer_than_the_heatmap(isolated_env, deck):
    """A streak reaching past the 12-week window is counted in full, from the whole history."""
    first = NOW_UTC - timedelta(days=99)
    with Store.open(isolated_env) as store:
        import_answers(
            store,
            (Answer("q1:cloze:0", "q1", deck.item("q1").fingerprint, "cloze", "x", "y", 1.0,
                   True, first + timedelta(days=n), None, "quiz")
            for n in range(100)),
        )  # fmt: skip
        stats = compute_stats(store, deck, NOW_UTC, BEIJING)
    assert stats.streak == 100
    assert sum(stats.days.values()) == 84
