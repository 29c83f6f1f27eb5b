"""Paired figure against Anki's engine: open a collection of N notes, fetch the first card.

Needs `pip install anki` (in its own virtual environment is fine; studycli is not used).
Builds a collection of N Basic notes once, then times whole processes that open it and
ask the scheduler for the first card, beside the floor `python -c "import anki"` and a
bare interpreter, with each process's peak RSS. Compare with `study quiz --count 1` on a
deck of the same size (bench_bank.py --sizes 10000).

    python benchmarks/bench_anki.py [--notes 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from timing import median_measured, print_table

FIRST_CARD = """
import sys
from anki.collection import Collection
col = Collection(sys.argv[1])
card = col.sched.getCard()
assert card is not None
print(card.question()[:40])
col.close()
"""


def build_collection(path: Path, notes: int) -> None:
    """A collection of ``notes`` Basic notes (one card each), all new."""
    from anki.collection import Collection

    col = Collection(str(path))
    model = col.models.by_name("Basic")
    deck_id = col.decks.id("bench")
    for number in range(notes):
        note = col.new_note(model)
        note["Front"] = f"问题 {number}"
        note["Back"] = f"答案 {number}"
        col.add_note(note, deck_id)
    col.close()


def main() -> None:
    """Build the collection, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="study-bench-anki-"))
    try:
        path = work / "collection.anki2"
        build_collection(path, args.notes)
        env = dict(os.environ)
        py = sys.executable
        rows = [
            ("floor: python -c 'import anki.collection'", "import anki.collection"),
            ("Anki: open collection + first card", None),
        ]
        table = []
        for name, code in rows:
            argv = [py, "-c", code] if code else [py, "-c", FIRST_CARD, str(path)]
            table.append((name, *median_measured(args.repeat, argv, env), ""))
        print(f"\nAnki {args.notes} notes:")
        print_table(table)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
