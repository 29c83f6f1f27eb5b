"""Build a large synthetic deck from the shipped deck's sentences, reproducibly.

Each synthetic item copies a shipped item (kind, topics, source, names, entries) under a
new id, and lengthens its main text with a clause of another item of the same kind, so
texts differ as a real deck's do. Used with the built-in deck (its topics are declared
there): ``--items 1000`` gives a 1,182-item deck, ``--items 10000`` a 10,182-item one.

    python benchmarks/make_deck.py OUT_DIR --items 1000 [--seed 1]
    study quiz --content OUT_DIR ...
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

# The field that carries each kind's main text, lengthened with another item's clause.
MAIN_TEXT = {
    "quote": "text",
    "definition": "meaning",
    "list": None,
    "framework": "summary",
    "fact": "text",
}
PER_FILE = 1000
_CLAUSE = re.compile(r"[^，。；！？]+")


def synthetic_items(count: int, seed: int = 1) -> list[dict]:
    """``count`` items made from the shipped deck's, the same for the same seed."""
    from studycli.deck.loader import load_deck

    deck = load_deck()
    rng = random.Random(seed)
    shipped = [_plain(item.to_dict()) for item in deck.items]
    by_kind: dict[str, list[dict]] = {}
    for item in shipped:
        by_kind.setdefault(item["kind"], []).append(item)
    out = []
    for number in range(count):
        base = dict(shipped[number % len(shipped)])
        base["id"] = f"{base['id']}-x{number}"
        field = MAIN_TEXT.get(base["kind"])
        if field:
            other = rng.choice(by_kind[base["kind"]])
            clauses = _CLAUSE.findall(other[field]) or [other[field]]
            base[field] = f"{base[field].rstrip('。')}，{rng.choice(clauses)}。"
        out.append(base)
    return out


def _plain(data):
    """The item as YAML data: no empty optional keys, at any depth."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items() if v not in (None, False, [], (), "")}
    if isinstance(data, list | tuple):
        return [_plain(v) for v in data]
    return data


def write_deck(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write the synthetic items into ``folder`` in files of PER_FILE items."""
    folder.mkdir(parents=True, exist_ok=True)
    items = synthetic_items(count, seed)
    paths = []
    for start in range(0, len(items), PER_FILE):
        path = folder / f"synthetic-{start // PER_FILE:03d}.yaml"
        text = yaml.safe_dump(
            {"items": items[start : start + PER_FILE]}, allow_unicode=True, sort_keys=False
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Parse the arguments and write the deck."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_deck(args.out, args.items, args.seed)
    print(f"{args.items} items in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
