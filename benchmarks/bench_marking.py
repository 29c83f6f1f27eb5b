"""Held-out marking measurement: false rejects and false accepts on benchmarks/marking_heldout.yaml.

Run from the repository: ``python benchmarks/bench_marking.py [FILE]`` (default the first
held-out set); prints each miss and the two rates.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml
from timing import print_rates

from studycli.deck.loader import load_deck
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import generate_questions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_marking import resolve  # the same choice tokens as the test set


def main() -> None:
    """Grade every held-out answer and count the verdicts a fair marker would not give."""
    name = sys.argv[1] if len(sys.argv) > 1 else "marking_heldout.yaml"
    cases = yaml.safe_load(Path(__file__).with_name(Path(name).name).read_text("utf-8"))
    deck = load_deck()
    by_id = {q.id: q for q in generate_questions(deck, deck.items, rng=random.Random(0))}
    counts = {"right": [0, 0], "wrong": [0, 0]}
    for case in cases:
        question = by_id.get(case["id"])
        if question is None:  # renamed or flagged by the quality gate since the set was written
            print(f"GONE {case['id']}")
            continue
        for verdict in ("right", "wrong"):
            for answer in case.get(verdict, []):
                result = grade_answer(question, resolve(question, answer), deck.glossary)
                counts[verdict][0] += 1
                if result.correct != (verdict == "right"):
                    counts[verdict][1] += 1
                    print(f"MISS {verdict}: {case['id']} | {answer} | score {result.score:.2f}")
    print_rates(counts)


if __name__ == "__main__":
    main()
