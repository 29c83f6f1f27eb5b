"""Progress benchmark: `study stats` and review planning over 100,000 recorded answers.

Builds a temporary data directory with 100,000 answers to questions of the built-in deck
(several questions per item, spread over a year, via Store.import_answers), then times

- `study stats` as a whole process, as a user meets it;
- `study stats` in-process through Typer's CliRunner (imports already warm);
- the start of a review: Store.open + plan_review over every question id.

Each is reported in seconds and as a ratio to a bare `python -c "import typer"` measured in
the same run (machines here are shared and noisy, so only ratios compare between runs).

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

from timing import median_time, print_ratios, run_command

QUESTIONS_PER_ITEM = 4


def fake_answers(deck, count: int, now: datetime) -> Iterator:
    """``count`` answers in time order over the year before ``now``, 70 % right."""
    from studycli.memory.store import Answer

    rng = random.Random(7)
    questions = [
        (f"{item.id}:bench:{n}", item.id, item.fingerprint)
        for item in deck.items
        for n in range(QUESTIONS_PER_ITEM)
    ]
    start = now - timedelta(days=365)
    step = timedelta(days=365) / count
    for n in range(count):
        qid, item_id, fingerprint = rng.choice(questions)
        right = rng.random() < 0.7
        given, score = ("答案", 1.0) if right else ("错", 0.0)
        at, duration = start + step * n, rng.uniform(2, 30)
        yield Answer(
            qid, item_id, fingerprint, "cloze", given, "答案", score, right, at, duration, "quiz"
        )


def main() -> None:
    """Build the data, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from typer.testing import CliRunner

    from studycli.cli import app
    from studycli.cli.app import load
    from studycli.memory.recording import import_answers
    from studycli.memory.scheduling import make_scheduler, plan_review
    from studycli.memory.store import Store

    data = Path(tempfile.mkdtemp(prefix="study-bench-progress-"))
    env = {**os.environ, "STUDY_DATA_DIR": str(data), "COLUMNS": "80"}
    now = datetime.now(UTC)
    deck = load(None, True)
    started = time.perf_counter()
    with Store.open(data) as store:
        import_answers(store, fake_answers(deck, args.answers, now), make_scheduler(fuzz=False))
    built = time.perf_counter() - started
    size = (data / "progress.db").stat().st_size
    question_ids = [
        (f"{item.id}:bench:{n}", item.fingerprint)
        for item in deck.items
        for n in range(QUESTIONS_PER_ITEM)
    ]

    py = sys.executable
    runner = CliRunner()

    def stats_in_process() -> None:
        result = runner.invoke(app, ["stats", "--data-dir", str(data)])
        assert result.exit_code == 0, result.output

    def review_start() -> None:
        with Store.open(data) as store:
            plan_review(store.card_index(), question_ids, now, 20)

    def stats_process() -> None:
        argv = [py, "-m", "studycli", "stats"]
        run_command(argv, env)

    def review_process() -> None:
        # The whole `study review` up to its first question shown (stdin empty, so it stops there).
        run_command([py, "-m", "studycli", "review", "--count", "1"], env)

    def baseline() -> None:
        run_command([py, "-c", "import typer"], env)

    review_process()  # warm the segmentation cache, as any second run finds it
    rows = [
        ("python -c 'import typer' (baseline)", median_time(args.repeat, baseline)),
        ("study review, first question (process)", median_time(args.repeat, review_process)),
        ("study stats (process)", median_time(args.repeat, stats_process)),
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
    print_ratios(rows)


if __name__ == "__main__":
    main()
