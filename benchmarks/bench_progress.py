"""Progress benchmark: `study stats` and review planning over 100,000 recorded answers.

Builds a temporary data directory with 100,000 answers to real questions of the built-in
deck (ids from its compiled question bank, spread over a year, via import_answers, so
questions come due in review as they would for a user), then times

- `study review`, `study stats` and `study topics` as whole processes, as a user meets them;
- `study stats` in-process through Typer's CliRunner (imports already warm);
- the start of a review: Store.open + plan_review over every question id.

Each is reported in seconds and as a ratio to the floor `python -c "import typer,
rich.console"` measured in the same run, processes with their peak RSS (machines here
are shared and noisy, so only ratios compare between runs).

    python benchmarks/bench_progress.py [--answers 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_bank import precompile
from timing import median_measured, median_time, print_ratios, print_table


def fake_answers(rows, count: int, now: datetime) -> Iterator:
    """``count`` answers to the bank's questions, in time order over the year before ``now``.

    Answers are 70 % right; ``rows`` are the bank's light question rows.
    """
    from studycli.memory.store import Answer

    rng = random.Random(7)
    questions = [(row.id, row.item_id, row.fingerprint, row.kind) for row in rows]
    start = now - timedelta(days=365)
    step = timedelta(days=365) / count
    for n in range(count):
        qid, item_id, fingerprint, kind = rng.choice(questions)
        right = rng.random() < 0.7
        given, score = ("答案", 1.0) if right else ("错", 0.0)
        at, duration = start + step * n, rng.uniform(2, 30)
        yield Answer(
            qid, item_id, fingerprint, kind, given, "答案", score, right, at, duration, "quiz"
        )


def main() -> None:
    """Build the data, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from typer.testing import CliRunner

    from studycli.cli import app
    from studycli.deck.files import content_paths
    from studycli.memory.recording import import_answers
    from studycli.memory.scheduling import make_scheduler, plan_review
    from studycli.memory.store import Store
    from studycli.paths import cache_dir
    from studycli.quiz.bank_build import open_bank

    data = Path(tempfile.mkdtemp(prefix="study-bench-progress-"))
    env = {**os.environ, "STUDY_DATA_DIR": str(data), "COLUMNS": "80"}
    now = datetime.now(UTC)
    with open_bank(content_paths(), cache_dir(data)) as bank:
        rows = bank.question_rows()
    started = time.perf_counter()
    with Store.open(data) as store:
        import_answers(store, fake_answers(rows, args.answers, now), make_scheduler(fuzz=False))
    built = time.perf_counter() - started
    size = (data / "progress.db").stat().st_size
    question_ids = [(row.id, row.fingerprint) for row in rows]

    py = sys.executable
    precompile(py)  # as bench_bank: the bytecode a pip install writes
    runner = CliRunner()

    def stats_in_process() -> None:
        result = runner.invoke(app, ["stats", "--data-dir", str(data)])
        assert result.exit_code == 0, result.output

    def review_start() -> None:
        with Store.open(data) as store:
            plan_review(store.card_index(), question_ids, now, 20)

    def floor() -> tuple[float, float, int]:
        return median_measured(args.repeat, [py, "-c", "import typer, rich.console"], env)

    def process(*argv: str) -> tuple[float, float, int]:
        return median_measured(args.repeat, [py, "-m", "studycli", *argv], env)

    # Whole processes, as a user meets them (review stops after its first question).
    table = [
        ("floor: python -c 'import typer, rich.console'", *floor(), ""),
        ("study review --count 1", *process("review", "--count", "1"), "≤ 1.5×"),
        ("study stats", *process("stats"), "≤ 1.5×"),
        ("study topics", *process("topics"), "≤ 1.5×"),
    ]
    # In-process parts, as ratios to the same floor.
    parts = [
        ("floor (as above, wall)", table[0][1]),
        ("study stats (in-process)", median_time(args.repeat, stats_in_process)),
        (
            f"review start: open + plan_review ({len(question_ids)} ids)",
            median_time(args.repeat, review_start),
        ),
    ]
    with Store.open(data) as store:
        plan = plan_review(store.card_index(), question_ids, now, 20)
        answers = store.answers_count()
    shutil.rmtree(data, ignore_errors=True)

    print(
        f"{answers} answers, {size / 1e6:.1f} MB database (built in {built:.1f} s);", plan.summary()
    )
    print_table(table)
    print()
    print_ratios(parts)


if __name__ == "__main__":
    main()
