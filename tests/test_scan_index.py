"""Whole-deck lookups (quiz/scan_index.py) answer exactly what the pairwise tests answer."""

from __future__ import annotations

import random

import pytest

from studycli.deck.loader import load_deck
from studycli.quiz.families import common_mark, fits, looks_like, same_subject, shares_run
from studycli.quiz.options import OptionPools
from studycli.quiz.scan_index import (
    AlikeIndex,
    LabelFilter,
    SubjectIndex,
    SubstringIndex,
    by_character,
)


@pytest.fixture(scope="module")
def pools():
    """The shipped deck's option pools."""
    return OptionPools(load_deck())


@pytest.fixture(scope="module")
def labels(pools):
    """Every (label, owner) pair of the shipped deck's lists and frameworks."""
    assert len(pools.all_labels) > 100
    return pools.all_labels


def test_subject_index_equals_same_subject(labels):
    """The owners found for a name are those same_subject finds by scanning, for every name."""
    owners = list(dict.fromkeys(owner for _, owner in labels))
    index = SubjectIndex(owners)
    names = [*owners, "推动新质生产力加快发展的其他说法", "短名", ""]
    for name in names:
        assert index.alike(name) == {o for o in owners if same_subject(o, name)}, name
    assert any(len(index.alike(o) - {o}) for o in owners)  # some lists share a subject


def test_alike_index_equals_looks_like(labels):
    """The phrases found to look like a key are those looks_like finds, for every label."""
    phrases = [label for label, _ in labels] + ["", "。", "信息革命", "的的"]
    index = AlikeIndex()
    rng = random.Random(5)
    for key in [*rng.sample(phrases, 150), "工业革命", "绿色生产力", "的"]:
        pools = [phrases[: len(phrases) // 2], phrases[len(phrases) // 2 :]]
        assert index.alike(key, pools) == {c for c in phrases if looks_like(c, key)}, key


def test_label_filter_equals_fits_and_shares_run(labels):
    """LabelFilter keeps what fits() and shares_run() keep, for lists with and without a mark."""
    by_owner: dict[str, list[str]] = {}
    for label, owner in labels:
        by_owner.setdefault(owner, []).append(label)
    every = [label for label, _ in labels] + ["", "！", "2035年", "如何发展"]
    marked = 0
    for members in by_owner.values():
        mark = common_mark(members)
        marked += bool(mark)
        for rights in (members, members[:1], []):
            test = LabelFilter(rights, mark, members)
            for label in every:
                assert test.fits(label) == fits(label, rights, mark), (label, rights, mark)
                assert test.shares_run(label) == shares_run(label, members), (label, members)
    assert marked  # some lists have a mark (链, 化)


def test_substring_index_finds_what_in_finds(labels):
    """The texts holding a part, in order, for parts of every length (none and one too)."""
    texts = [label for label, _ in labels]
    index = SubstringIndex(texts)
    parts = ["", "链", "产业", "新质生产力", "不在任何标签里的话", *texts[:60]]
    for part in parts:
        assert index.holding(part) == [n for n, t in enumerate(texts) if part in t], part


def test_labels_by_character_keep_their_order(labels):
    """Every label holding a character is listed under it, in the deck's order."""
    table = by_character(labels)
    for char in ("链", "化", "新"):
        assert table[char] == [p for p in labels if char in p[0]]


def test_typed_labels_and_subject_truths_use_the_indexes(pools):
    """The pools' answers equal the scans they replace, for every list with a mark."""
    from studycli.quiz.picking import _key

    assert not pools.small
    by_owner: dict[str, list[str]] = {}
    for label, owner in pools.all_labels:
        by_owner.setdefault(owner, []).append(label)
    checked = 0
    for owner, members in by_owner.items():
        mark = common_mark(members)
        truths = {
            _key(label)
            for label, other in pools.all_labels
            if other != owner and same_subject(other, owner)
        }
        assert pools.subject_truths(owner) == truths
        if not mark:
            continue
        expected = [
            label
            for label, other in pools.all_labels
            if other != owner
            and not same_subject(other, owner)
            and fits(label, members, mark)
            and not shares_run(label, members)
        ]
        assert pools.typed_labels(owner, owner, members, members) == list(dict.fromkeys(expected))
        checked += 1
    assert checked


def test_touching_equals_the_scan(labels):
    """Touching answers any(c in x or x in c) for every label, for lists new and repeated."""
    from studycli.quiz.scan_index import Touching

    texts = [label for label, _ in labels] + ["", "a\0b"]
    touches = Touching()
    for said in ([], texts[:5], texts[40:43], [""], ["a\0b", "链"]):
        for _ in range(2):  # the same list again reuses what was set up
            for text in texts:
                expected = any(text in x or x in text for x in said)
                assert touches(said, text) == expected, (said, text)


def test_typed_labels_without_a_mark_equal_the_scan(pools):
    """For lists typed by family (no mark), the labels offered equal the scan over every
    (label, list) pair of the family, repeats and all, for every right option."""
    from studycli.quiz.families import family_of
    from studycli.quiz.options import head_of

    by_owner: dict[str, list[str]] = {}
    for label, owner in pools.all_labels:
        by_owner.setdefault(owner, []).append(label)
    checked = 0
    for owner, members in by_owner.items():
        if common_mark(members):
            continue
        family = family_of(head_of(owner))
        for rights in (members, members[:1]):
            expected = [
                label
                for label, other in pools.family_labels.get(family, [])
                if other != owner
                and not same_subject(other, owner)
                and fits(label, rights)
                and not shares_run(label, members)
            ]
            got = pools.typed_labels(owner, owner, members, rights)
            assert got == list(dict.fromkeys(expected)), owner
            checked += bool(got)
    assert checked > 10


def test_run_index_equals_shares_run(labels):
    """The labels sharing four characters in a row with a list's members are those
    shares_run() finds by testing each label, for every list of the deck."""
    from studycli.quiz.scan_index import RunIndex

    texts = [label for label, _ in labels] + ["", "！", "新质生产力加快发展"]
    index = RunIndex(texts)
    by_owner: dict[str, list[str]] = {}
    for label, owner in labels:
        by_owner.setdefault(owner, []).append(label)
    shared = 0
    for members in [*by_owner.values(), [], ["新质生产力"]]:
        found = index.sharing(members)
        assert found == {t for t in texts if shares_run(t, members)}, members
        shared += len(found) > len(members)
    assert shared  # some lists share runs with other labels


def test_positions_select_equals_the_filter(labels):
    """select() gives the filtered list, in order with its repeats, for short and long pools,
    small and large wanted sets, a pool asked again, and a pool grown since it was read."""
    from studycli.quiz.scan_index import LONG_POOL, Positions

    texts = [label for label, _ in labels]
    rng = random.Random(7)
    long_pool = [rng.choice(texts) for _ in range(LONG_POOL * 20)]  # with many repeats
    short_pool = long_pool[: LONG_POOL // 2]
    positions = Positions()
    asked: list[str] = []

    def keep(text: str) -> bool:
        asked.append(text)
        return len(text) % 3 != 0

    for pool in (long_pool, short_pool, long_pool, []):
        for size in (0, 1, 5, 40, len(texts)):
            wanted = set(rng.sample(texts, size)) | {"不在池里的话"}
            expected = [c for c in pool if c in wanted and keep(c)]
            asked.clear()
            assert positions.select(pool, wanted, keep) == expected, size
            assert len(asked) == len(set(asked))  # keep() asked once per text
    long_pool += ["末尾新加的标签", texts[0]]  # changed after it was indexed: indexed again
    wanted = {"末尾新加的标签", texts[0]}
    assert positions.select(long_pool, wanted, lambda c: True) == [
        c for c in long_pool if c in wanted
    ]


def test_alike_index_reads_a_long_pool_once(labels):
    """A long pool asked again is not read again, yet the filter over it keeps what
    looks_like keeps; a pool grown since is read again."""
    texts = [label for label, _ in labels]
    pool = texts * 2
    index = AlikeIndex()
    for key in ("产业链", "工业革命", "绿色生产力", *texts[:30]):
        found = index.alike(key, [pool])
        assert [c for c in pool if c in found] == [c for c in pool if looks_like(c, key)], key
    pool.append("信息革命")
    found = index.alike("工业革命", [pool])
    assert "信息革命" in found
