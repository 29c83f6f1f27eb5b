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
    """Run ``argv`` to the end with empty standard input (a closed pipe), output discarded."""
    subprocess.run(argv, env=env, input=b"", capture_output=True, check=False)


def print_ratios(rows: list[tuple[str, float]], heading: str = "measure") -> None:
    """A table of medians and their ratio to the first row (the baseline)."""
    base = rows[0][1]
    width = max(len(name) for name, _ in rows) + 2
    print(f"{heading:{width}} {'median s':>9} {'× baseline':>11}")
    for name, seconds in rows:
        print(f"{name:{width}} {seconds:9.3f} {seconds / base:11.2f}")


# A small process that runs the command and reports its wall time and peak RSS. Measuring
# from the benchmark process itself would be wrong: a child's ru_maxrss includes the
# parent's memory it held between fork and exec, so every command would look as big as
# the benchmark. This wrapper is small, so its own fork adds little.
_WRAPPER = """
import os, subprocess, sys, tempfile, time
sink = tempfile.TemporaryFile()  # not /dev/null: on a shared machine it may be a plain file
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=sink, stderr=sink)
child.stdin.close()  # empty input, so a quiz stops after its first question
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run ``argv`` (empty stdin, output discarded): wall s, CPU s (user + system), peak KiB."""
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *argv],
        env=env,
        input="",
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, peak = done.stdout.split()
    return float(wall), float(cpu), int(peak)


def median_measured(
    repeat: int, argv: list[str], env: dict[str, str], before: Callable[[], object] | None = None
) -> tuple[float, float, int]:
    """Median wall and CPU seconds and the largest peak RSS (KiB) of ``repeat`` runs."""
    walls, cpus, peaks = [], [], []
    for _ in range(repeat):
        if before is not None:
            before()
        wall, cpu, peak = run_measured(argv, env)
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def print_table(rows: list[tuple[str, float, float, int, str]], heading: str = "command") -> None:
    """A Markdown table: wall and CPU medians, their ratios to the first row, peak RSS, target.

    On a shared machine CPU time (user + system) varies far less than wall time, so its
    ratio is the steadier figure; both are shown.
    """
    _, base_wall, base_cpu, _, _ = rows[0]
    print(f"| {heading} | wall s | × floor | CPU s | × floor | peak RSS | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, wall, cpu, peak_kib, target in rows:
        print(
            f"| {name} | {wall:.3f} | {wall / base_wall:.2f}× | {cpu:.3f} | {cpu / base_cpu:.2f}×"
            f" | {peak_kib / 1024:.0f} MiB | {target} |"
        )


def print_rates(counts: dict[str, list[int]]) -> None:
    """False rejects of the fair answers, false accepts of the unfair ones."""
    (fair, rejected), (unfair, accepted) = counts["right"], counts["wrong"]
    print(f"false rejects: {rejected} of {fair} ({rejected / max(fair, 1):.1%})")
    print(f"false accepts: {accepted} of {unfair} ({accepted / max(unfair, 1):.1%})")
