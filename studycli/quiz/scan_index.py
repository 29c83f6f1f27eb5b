"""Whole-deck lookups built once, for the tests a question would otherwise run on every
item of the deck: generation stays near linear in the deck's size (tracker issue 10).

Each index answers exactly what the pairwise test answers (quiz/families.py), only
without scanning: ``SubjectIndex.alike(name)`` is the set of owners ``o`` for which
``same_subject(o, name)`` holds.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from studycli.quiz.families import _COMMON_PAIRS, _WEAK_MARKS, _bare, shape

SUBJECT_RUN = 6  # characters in a row two list names share to be about one subject
LONG_POOL = 64  # entries: a pool this long is indexed (or remembered as read) once


class SubjectIndex:
    """List names by their runs of SUBJECT_RUN characters (punctuation and spaces left out).

    ``same_subject(a, b)`` holds when a run of ``a`` occurs in ``b``, i.e. when the two
    share a run: the owners sharing a run with ``name`` are found by its own runs.
    """

    def __init__(self, owners: Iterable[str]):
        self._by_run: dict[str, set[str]] = defaultdict(set)
        for owner in dict.fromkeys(owners):
            for run in _runs(owner):
                self._by_run[run].add(owner)
        self._alike: dict[str, frozenset[str]] = {}

    def alike(self, name: str) -> frozenset[str]:
        """Every owner about the same subject as ``name`` (``name`` itself if it is one)."""
        found = self._alike.get(name)
        if found is None:
            found = frozenset().union(*(self._by_run.get(run, ()) for run in _runs(name)))
            self._alike[name] = found
        return found


def _runs(text: str) -> set[str]:
    bare = _bare(text)
    return {bare[i : i + SUBJECT_RUN] for i in range(len(bare) - SUBJECT_RUN + 1)}


class AlikeIndex:
    """Candidate phrases by their last character and their two-character words.

    ``alike(key, pools)`` is the set of the pools' phrases ``c`` for which
    ``looks_like(c, key)`` holds: the same last character (not a weak one) or a shared
    two-character word (not a common one, none with 的). Phrases are indexed as the pools
    bring them, each once.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._by_last: dict[str, set[str]] = defaultdict(set)
        self._by_pair: dict[str, set[str]] = defaultdict(set)
        # Long pools already read whole, by id (held, so an id is never reused): the deck's
        # pools are lists made once, so each is read once, not once per question.
        self._read: dict[int, tuple[Sequence[str], int]] = {}

    def alike(self, key: str, pools: Iterable[Sequence[str]]) -> set[str]:
        """The phrases of ``pools`` that look like ``key`` (quiz/families.py looks_like).

        The set may hold phrases of pools read before as well: a filter ``c in alike`` over
        these pools keeps exactly the ones that look like ``key``.
        """
        seen = self._seen
        for pool in pools:
            read = self._read.get(id(pool))
            if read is not None and read[0] is pool and read[1] == len(pool):
                continue
            for text in pool:
                if text not in seen:
                    seen.add(text)
                    self._add(text)
            if len(pool) >= LONG_POOL:
                self._read[id(pool)] = (pool, len(pool))
        bare = _bare(key)
        if not bare:
            return set()
        found: set[str] = set()
        if bare[-1] not in _WEAK_MARKS:
            found |= self._by_last.get(bare[-1], set())
        for pair in {bare[i : i + 2] for i in range(len(bare) - 1)} - _COMMON_PAIRS:
            if "的" not in pair:
                found |= self._by_pair.get(pair, set())
        return found

    def _add(self, text: str) -> None:
        bare = _bare(text)
        if not bare:
            return
        self._by_last[bare[-1]].add(text)
        for i in range(len(bare) - 1):
            self._by_pair[bare[i : i + 2]].add(text)


class Positions:
    """Where each text stands in lists made once and never changed (the deck's candidate
    pools), so the few members of a small set are picked out of a long list without
    scanning it: ``select(pool, wanted, keep)`` is ``[c for c in pool if c in wanted and
    keep(c)]``, ``keep`` asked once per text (it must give the same answer for the same text).
    """

    def __init__(self) -> None:
        # id → (the list, its length when read, text → its positions); the list is held,
        # so its id is never reused while indexed.
        self._of: dict[int, tuple[Sequence[str], int, dict[str, list[int]]]] = {}

    def select(
        self, pool: Sequence[str], wanted: Collection[str], keep: Callable[[str], bool]
    ) -> list[str]:
        """The members of ``wanted`` that ``keep`` keeps, in ``pool``'s order, repeats kept."""
        if len(pool) < LONG_POOL or len(wanted) * 4 > len(pool):
            kept: dict[str, bool] = {}
            out = []
            for text in pool:
                if text in wanted:
                    ok = kept.get(text)
                    if ok is None:
                        ok = kept[text] = keep(text)
                    if ok:
                        out.append(text)
            return out
        entry = self._of.get(id(pool))
        if entry is None or entry[0] is not pool or entry[1] != len(pool):
            where: dict[str, list[int]] = defaultdict(list)
            for number, text in enumerate(pool):
                where[text].append(number)
            entry = self._of[id(pool)] = (pool, len(pool), dict(where))
        index = entry[2]
        found: list[int] = []
        for text in wanted:
            at = index.get(text)
            if at is not None and keep(text):
                found += at
        found.sort()
        return [pool[n] for n in found]


class RunIndex:
    """Labels by their runs of ``run`` characters (punctuation and spaces left out):
    ``sharing(members)`` is the set of labels ``l`` for which ``shares_run(l, members)``
    holds (quiz/families.py), found from the members' runs instead of a test per label."""

    def __init__(self, labels: Iterable[str], run: int = 4):
        self._run = run
        self._by_run: dict[str, set[str]] = defaultdict(set)
        for label in dict.fromkeys(labels):
            bare = _bare(label)
            for i in range(len(bare) - run + 1):
                self._by_run[bare[i : i + run]].add(label)

    def sharing(self, members: Iterable[str]) -> set[str]:
        """Every indexed label sharing ``run`` characters in a row with a member."""
        run = self._run
        runs = {key[i : i + run] for key in map(_bare, members) for i in range(len(key) - run + 1)}
        return set().union(*(self._by_run.get(r, ()) for r in runs))


def by_character(labels: Iterable[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """(label, owner) pairs by each character of the label (punctuation and spaces left
    out), in their order: the labels that may hold a list's mark (链, 改革) without a scan."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in labels:
        for char in dict.fromkeys(_bare(pair[0])):
            out[char].append(pair)
    return out


class SubstringIndex:
    """Texts by their two-character runs: which of them hold a given text, in their order.

    A text holds ``part`` only if it holds every two-character run of ``part``, so the
    texts holding the rarest run are the only ones to test with ``in``.
    """

    def __init__(self, texts: Iterable[str]):
        self.texts = list(texts)
        self._by_pair: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(self.texts):
            for pair in dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1)):
                self._by_pair[pair].append(number)

    def holding(self, part: str) -> list[int]:
        """The positions of the texts that hold ``part``, ascending."""
        if len(part) < 2:
            return [n for n, text in enumerate(self.texts) if part in text]
        runs = {part[i : i + 2] for i in range(len(part) - 1)}
        rarest = min((self._by_pair.get(run, []) for run in runs), key=len)
        return [n for n in rarest if part in self.texts[n]]


class LabelFilter:
    """``fits(label, rights, mark)`` and ``shares_run(label, members)`` (quiz/families.py)
    for many labels against one list: what depends on the list is worked out once.

    Kept equal to those two functions (tests/test_scan_index.py compares them on the deck).
    """

    def __init__(self, rights: Sequence[str], mark: str, members: Sequence[str], run: int = 4):
        keys = [_bare(r) for r in rights]
        self._any = bool(keys)
        self._mark = mark
        self._where = ""
        if mark and keys:
            if all(k.endswith(mark) for k in keys):
                self._where = "end"
            elif all(k.startswith(mark) for k in keys):
                self._where = "start"
        self._shapes = {_shape(k) for k in keys}
        lengths = [len(k) for k in keys] or [0]
        low, high = min(lengths), max(lengths)
        self._low, self._high = max(1, low // 2), max(high * 3 // 2, high + 3)
        self._run = run
        self._runs = {
            key[i : i + run] for key in map(_bare, members) for i in range(len(key) - run + 1)
        }

    def fits(self, label: str) -> bool:
        """A distractor of the right options' family (families.fits)."""
        bare = _bare(label)
        if not bare or not self._any:
            return False
        mark = self._mark
        if mark:
            if self._where == "end":
                if not bare.endswith(mark):
                    return False
            elif self._where == "start":
                if not bare.startswith(mark):
                    return False
            elif mark not in bare:
                return False
        return _shape(bare) in self._shapes and self._low <= len(bare) <= self._high

    def shares_run(self, label: str) -> bool:
        """The label shares ``run`` characters in a row with a member (families.shares_run)."""
        bare, run, runs = _bare(label), self._run, self._runs
        return any(bare[i : i + run] in runs for i in range(len(bare) - run + 1))


_shape = functools.lru_cache(maxsize=65536)(shape)


class Touching:
    """``any(c in x or x in c for x in said)`` for many ``c`` against one list ``said``:
    the list is joined and compiled once (per list object), each test is two C-level
    searches. A part of the joined text without the separator lies inside one text."""

    def __init__(self) -> None:
        self._said: list[str] | None = None
        self._joined = ""
        self._pattern: re.Pattern | None = None

    def __call__(self, said: list[str], text: str) -> bool:
        """Whether ``text`` is part of a text in ``said`` or holds one."""
        if said is not self._said:
            self._said = said
            self._joined = "\0".join(said)
            self._pattern = re.compile("|".join(map(re.escape, said))) if said else None
        if self._pattern is None:
            return False
        if "\0" in text:
            return any(text in x or x in text for x in said)
        return text in self._joined or self._pattern.search(text) is not None
