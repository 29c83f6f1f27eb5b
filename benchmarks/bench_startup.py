"""Start-up benchmark: `study summary` and `study quiz` up to the first question shown.

Each command is timed as a whole process, as a user meets it, and reported as a ratio
to a bare `python -c "import typer"` measured in the same run (machines here are shared
and noisy, so only ratios are comparable between runs).

    python benchmarks/bench_startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Seconds one run of ``argv`` takes, with empty standard input."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)
    return time.perf_counter() - start


def median_of(repeat: int, argv: list[str], env: dict[str, str], before=None) -> float:
    """The median of ``repeat`` runs; ``before`` runs ahead of each (e.g. to clear a cache)."""
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(timed(argv, env))
    return statistics.median(runs)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="study-bench-"))
    env = {**os.environ, "STUDY_DATA_DIR": str(data), "COLUMNS": "80"}
    py = sys.executable
    study = [py, "-m", "studycli"]
    quiz = [*study, "quiz", "--count", "1", "--seed", "1"]

    def clear_cache() -> None:
        shutil.rmtree(data / "cache", ignore_errors=True)

    rows = [
        (
            "python -c 'import typer' (baseline)",
            median_of(args.repeat, [py, "-c", "import typer"], env),
        ),
        ("study --help", median_of(args.repeat, [*study, "--help"], env)),
        ("study summary", median_of(args.repeat, [*study, "summary"], env)),
        ("study quiz, first question (cold cache)", median_of(args.repeat, quiz, env, clear_cache)),
    ]
    timed(quiz, env)  # warm the segmentation cache
    rows.append(("study quiz, first question (warm cache)", median_of(args.repeat, quiz, env)))
    shutil.rmtree(data, ignore_errors=True)

    base = rows[0][1]
    print(f"{'command':44} {'median s':>9} {'× baseline':>11}")
    for name, seconds in rows:
        print(f"{name:44} {seconds:9.3f} {seconds / base:11.1f}")


if __name__ == "__main__":
    main()
