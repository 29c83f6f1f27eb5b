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
