"""Whole processes: what `study --help`, `study summary` and a warm quiz start import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES

# Runs `study ARGS` in this process's interpreter, then reports what got imported.
# ``forbid`` names functions that must not run (question generation on a warm start).
PROBE = """
import json, sys
args, report, forbid = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
if forbid:
    import studycli.quiz.questions as q
    def refuse(*a, **k):
        raise AssertionError("question generation on a warm start")
    for name in forbid:
        setattr(q, name, refuse)
from studycli.cli import main
sys.argv = ["study", *args]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
with open(report, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""

HEAVY = ("pydantic", "jieba", "opencc", "fsrs", "genanki")
MINI = ["--no-builtin", "--content", str(FIXTURES / "mini")]


def run_study(tmp_path, args, forbid=()) -> set[str]:
    """Run `study ARGS` in a fresh interpreter (empty stdin); the modules it imported."""
    report = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), str(report), json.dumps(list(forbid))],
        input=b"",  # an empty, closed stdin: not /dev/null, which a shared machine may break
        capture_output=True,
        check=True,
    )
    data = json.loads(report.read_text())
    assert data["code"] == 0, data
    return set(data["modules"])


@pytest.mark.parametrize("args", [["--help"], ["summary"]], ids=["help", "summary"])
def test_help_and_summary_import_no_pydantic(tmp_path, args):
    """`study --help` and `study summary` import neither pydantic nor any heavy library."""
    loaded = run_study(tmp_path, args)
    assert [m for m in HEAVY if m in loaded] == []


def test_warm_quiz_start_reads_only_the_bank(tmp_path):
    """A second quiz start parses no YAML, segments nothing, generates nothing, no pydantic."""
    quiz = ["quiz", *MINI, "--count", "1", "--seed", "1"]
    cold = run_study(tmp_path, quiz)
    assert "yaml" in cold  # the first start compiles the bank
    warm = run_study(tmp_path, quiz, forbid=["generate_questions", "generate_cards"])
    unwanted = ["yaml", "studycli.deck.loader", *HEAVY]
    assert [m for m in unwanted if m in warm] == []
    assert "studycli.quiz.bank" in warm


def test_warm_review_cards_mistakes_read_only_the_bank(tmp_path):
    """review, cards, mistakes, topics and stats read the bank alone once it is compiled."""
    run_study(tmp_path, ["check", *MINI])  # compiles the bank
    commands = (["review", "--count", "1"], ["cards", "--count", "1"], ["mistakes"], ["topics"])
    for args in (*commands, ["stats"]):
        warm = run_study(tmp_path, [*args, *MINI], forbid=["generate_questions", "generate_cards"])
        assert [m for m in ["yaml", "jieba", "opencc", "pydantic"] if m in warm] == [], args


def test_warm_stats_topics_review_import_only_what_they_draw(tmp_path):
    """Once the bank is compiled: no compiler, no deck dataclasses for topics and stats, no
    rich.table for stats at 80 columns, no statistics records or fsrs for a review start,
    and the store's answer records only when something is recorded."""
    run_study(tmp_path, ["check", *MINI])  # compiles the bank
    stats = run_study(tmp_path, ["stats", *MINI])
    topics = run_study(tmp_path, ["topics", *MINI])
    review = run_study(tmp_path, ["review", "--count", "1", *MINI])
    for loaded in (stats, topics, review):
        assert "studycli.quiz.bank_build" not in loaded
    for loaded in (stats, topics):
        assert "studycli.deck.refs" not in loaded and "studycli.memory.answers" not in loaded
    assert "rich.table" not in stats and "studycli.render.progress" not in stats
    assert "studycli.memory.stats" not in review and "fsrs" not in review
    assert "studycli.memory.answers" not in review  # empty input: nothing was recorded
