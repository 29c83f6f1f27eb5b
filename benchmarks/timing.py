"""What the benchmark scripts share: median timing and the ratio table.

Machines here are shared and noisy, so every figure is printed beside its ratio to a
baseline measured in the same run; only the ratios compare between runs.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable


def median_time(
    repeat: int, run: Callable[[], object], before: Callable[[], object] | None = None
) -> float:
    """The median wall time of ``repeat`` calls of ``run``; ``before`` runs untimed first."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def run_command(argv: list[str], env: dict[str, str]) -> None:
    """Run ``argv`` to the end with empty standard input, output discarded."""
    subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)


def print_ratios(rows: list[tuple[str, float]], heading: str = "measure") -> None:
    """A table of medians and their ratio to the first row (the baseline)."""
    base = rows[0][1]
    width = max(len(name) for name, _ in rows) + 2
    print(f"{heading:{width}} {'median s':>9} {'× baseline':>11}")
    for name, seconds in rows:
        print(f"{name:{width}} {seconds:9.3f} {seconds / base:11.2f}")
