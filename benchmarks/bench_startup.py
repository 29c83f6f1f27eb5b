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
import sys
import tempfile
from pathlib import Path

from timing import median_time, print_ratios, run_command


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

    def timed(argv: list[str], before=None) -> float:
        return median_time(args.repeat, lambda: run_command(argv, env), before)

    rows = [
        ("python -c 'import typer' (baseline)", timed([py, "-c", "import typer"])),
        ("study --help", timed([*study, "--help"])),
        ("study summary", timed([*study, "summary"])),
        ("study quiz, first question (cold cache)", timed(quiz, clear_cache)),
    ]
    run_command(quiz, env)  # warm the segmentation cache
    rows.append(("study quiz, first question (warm cache)", timed(quiz)))
    shutil.rmtree(data, ignore_errors=True)
    print_ratios(rows, "command")


if __name__ == "__main__":
    main()
