"""Held-out marking through the command line, as a user meets it.

``python benchmarks/bench_marking_cli.py [FILE]`` (default marking_heldout5.yaml) sends every
answer once with ``study quiz --id ID --json`` in a fresh temporary data dir and counts the
verdicts a fair marker would not give. ``@TEXT`` in an answer stands for the letter of the
option whose text is TEXT (``@A@B`` for several), read from the options the CLI shows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from timing import print_rates

STUDY = str(Path(sys.executable).with_name("study"))


def ask(qid: str, answer: str | None, env: dict[str, str]) -> dict:
    """One answer (None = no answer) to one question; returns the question's JSON record."""
    feed = "" if answer is None else answer + "\n"
    done = subprocess.run(
        [STUDY, "quiz", "--id", qid, "--json"], input=feed, capture_output=True, text=True, env=env
    )
    if not done.stdout.strip():
        return {"error": done.stderr.strip()}
    data = json.loads(done.stdout)
    if "questions" not in data:  # the id is gone from the bank (content changed)
        return {"error": data.get("error", done.stderr.strip())}
    return data["questions"][0]


def letters(answer: str, options: list[str]) -> str:
    """``@text@text`` → the option letters (in the order written)."""
    texts = [part for part in answer.split("@") if part]
    return "".join("ABCDEFGH"[options.index(text)] for text in texts)


def main() -> None:
    """Run every case once and print each miss and the two rates."""
    name = sys.argv[1] if len(sys.argv) > 1 else "marking_heldout5.yaml"
    cases = yaml.safe_load(Path(__file__).with_name(Path(name).name).read_text("utf-8"))
    env = dict(os.environ, STUDY_DATA_DIR=tempfile.mkdtemp(prefix="heldout-"))
    counts = {"right": [0, 0], "wrong": [0, 0]}
    for case in cases:
        first = ask(case["id"], None, env)
        if "error" in first:
            print(f"GONE {case['id']}: {first['error']}")
            continue
        options = first.get("options") or []
        for verdict in ("right", "wrong"):
            for answer in case.get(verdict, []):
                try:
                    sent = letters(answer, options) if answer.startswith("@") else answer
                except ValueError:  # the option is no longer offered (content changed)
                    print(f"SKIP {case['id']} | {answer}: no such option now")
                    continue
                got = ask(case["id"], sent, env)
                counts[verdict][0] += 1
                if bool(got.get("correct")) != (verdict == "right"):
                    counts[verdict][1] += 1
                    print(f"MISS {verdict}: {case['id']} | {answer} ({sent}) | {got.get('score')}")
    print_rates(counts)


if __name__ == "__main__":
    main()
