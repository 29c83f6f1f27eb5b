"""Drawing a session from the question pool: weighted, one per item, kinds spread.

Only ``id``, ``item_id``, ``kind``, ``topics``, ``weight`` and ``flags`` are read, so a
caller may pass light rows from the compiled bank instead of whole questions.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from typing import Any


def pick_questions(questions: Sequence[Any], count: int, rng: random.Random) -> list[Any]:
    """A seeded session of ``count`` questions.

    Flagged questions are never picked. Each item gives at most one question unless
    the pool has fewer items than ``count`` (then the rest come round again, as
    Anki buries siblings); heavier questions are likelier; an item's question is of
    the kind used least so far; no two neighbours share an item.
    """
    by_item: dict[str, list[Any]] = {}
    for question in questions:
        if getattr(question, "flags", ()):
            continue
        by_item.setdefault(question.item_id, []).append(question)
    if not by_item or count <= 0:
        return []
    # Efraimidis–Spirakis: sorting by u ** (1 / w) draws items in proportion to weight.
    item_weight = {item: max(_weight(q) for q in group) for item, group in by_item.items()}
    order = sorted(by_item, key=lambda item: -_key(rng, item_weight[item]))
    for group in by_item.values():
        rng.shuffle(group)
        group.sort(key=lambda q: -_key(rng, _weight(q)))
    kinds_used: Counter = Counter()
    rounds: list[list[Any]] = []
    picked = 0
    while picked < count:
        this_round = []
        for item in order:
            group = by_item[item]
            if not group or picked >= count:
                continue
            # Least-used kind first, so a mixed session spreads over the kinds; but never a
            # question weighing less than half the item's best while a better one is left.
            top = max(_weight(q) for q in group)
            fair = [i for i in range(len(group)) if _weight(group[i]) >= top / 2]
            best = min(fair, key=lambda i: (kinds_used[group[i].kind], i))
            question = group.pop(best)
            kinds_used[question.kind] += 1
            this_round.append(question)
            picked += 1
        if not this_round:
            break
        rounds.append(this_round)
    return _no_neighbours(rounds)


def _weight(question: Any) -> float:
    return max(float(getattr(question, "weight", 1.0) or 0.0), 1e-6)


def _key(rng: random.Random, weight: float) -> float:
    return rng.random() ** (1.0 / weight)


def _no_neighbours(rounds: list[list[Any]]) -> list[Any]:
    """Rounds joined so that no two consecutive questions share an item."""
    out: list[Any] = []
    for this_round in rounds:
        if out and len(this_round) > 1 and this_round[0].item_id == out[-1].item_id:
            this_round = [*this_round[1:], this_round[0]]
        out += this_round
    return out
