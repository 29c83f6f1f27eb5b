"""Question-bank benchmark: start-up and compile, on the shipped deck and larger ones.

Every command runs as a whole process, as a user meets it, with empty stdin (so a quiz
stops after showing its first question). Each figure is printed beside its ratio to the
floor of any Typer + Rich app, ``python -c "import typer, rich.console"``, measured in
the same run (machines here are shared and noisy: only ratios compare between runs),
with the command's peak RSS.

    python benchmarks/bench_bank.py [--repeat 5] [--sizes 0,1000,10000]

Size 0 is the shipped deck alone; N adds N synthetic items (benchmarks/make_deck.py).
The package's bytecode is compiled first, as ``pip install`` does: run from a checkout
with PYTHONDONTWRITEBYTECODE set, every start would otherwise compile studycli's source
(~40 ms) while typer and rich load from their installed bytecode.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from make_deck import write_deck
from timing import median_measured, print_table


def main() -> None:
    """Measure and print one table per deck size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="0,1000")
    args = parser.parse_args()
    py = sys.executable
    study = [py, "-m", "studycli"]
    precompile(py)
    work = Path(tempfile.mkdtemp(prefix="study-bench-bank-"))
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            bench_size(work, size, study, py, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def precompile(py: str) -> None:
    """Write studycli's bytecode (a pip install does; an editable checkout may not)."""
    import subprocess

    import studycli

    package = str(Path(studycli.__file__).resolve().parent)
    subprocess.run([py, "-m", "compileall", "-q", package], check=True, capture_output=True)


def bench_size(work: Path, size: int, study: list[str], py: str, repeat: int) -> None:
    """The table for the shipped deck plus ``size`` synthetic items."""
    data = work / f"data-{size}"
    extra: list[str] = []
    if size:
        deck = work / f"deck-{size}"
        write_deck(deck, size)
        extra = ["--content", str(deck)]
    env = {**os.environ, "STUDY_DATA_DIR": str(data), "COLUMNS": "80"}
    env.pop("STUDY_CONTENT", None)
    quiz = [*study, "quiz", "--count", "1", "--seed", "1", *extra]

    def clear_cache() -> None:
        shutil.rmtree(data / "cache", ignore_errors=True)

    def measured(argv: list[str], times: int = repeat, before=None) -> tuple[float, float, int]:
        return median_measured(times, argv, env, before)

    floor = measured([py, "-c", "import typer, rich.console"])
    # The first run ever: segmentation, generation and writing the bank, then one question.
    cold = measured(quiz, 1 if size else repeat, clear_cache)
    rows = [("floor: python -c 'import typer, rich.console'", *floor, "")]
    rows.append(("study quiz --count 1, first run (compiles)", *cold, "≤ 3 s (shipped)"))
    rows.append(("study quiz --count 1 (warm)", *measured(quiz), "≤ 1.5× (10k: ≤ 2×, 50 MiB)"))
    rows.append(
        (
            "study review --count 1",
            *measured([*study, "review", "--count", "1", *extra]),
            "≤ 1.5×",
        )
    )
    if not size:
        rows.append(("study --help", *measured([*study, "--help"]), "≤ 1.3×"))
        rows.append(("study summary (piped)", *measured([*study, "summary"]), "≤ 1.3×"))
        rows.append(("study topics", *measured([*study, "topics"]), "≤ 1.5×"))
        rows.append(("study questions --json", *measured([*study, "questions", "--json"]), ""))
    runs = f"{repeat} runs each" + (", the compile once" if size else "")
    print(f"\nShipped deck + {size} synthetic items ({runs}):")
    print_table(rows)


if __name__ == "__main__":
    main()
