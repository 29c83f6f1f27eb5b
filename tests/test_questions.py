"""Question generation: kinds, ids, blanks on the shipped deck, options, determinism, cache."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from studycli.deck.loader import load_deck
from studycli.quiz.cloze import BLANK, FUNCTION_WORDS
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import KINDS, generate_cards, generate_questions, pick_questions
from studycli.quiz.segments import deck_texts, segment_deck
from studycli.text import answer_key, is_punctuation

REPO = Path(__file__).resolve().parents[1]
# The function words named in the issue: none of them may ever be a blank.
NEVER_BLANK = {"的", "是", "和", "要", "在", "与", "及", "等", "了", "对", "以", "为", "而", "并"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped deck, its segmentation and every question it yields (seed 7)."""
    os.environ["STUDY_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    deck = load_deck()
    segments = segment_deck(deck)
    questions = generate_questions(deck, deck.items, rng=random.Random(7), segments=segments)
    return deck, segments, questions


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    """The mini deck and its questions (seed 1)."""
    os.environ["STUDY_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    deck = load_deck([REPO / "tests" / "fixtures" / "mini"])
    segments = segment_deck(deck)
    questions = generate_questions(deck, deck.items, rng=random.Random(1), segments=segments)
    return deck, segments, {q.id: q for q in questions}


def filled_with_spans(prompt: str, blanks: tuple[str, ...]) -> tuple[str, list[tuple[int, int]]]:
    """The prompt with its blanks filled in, and where each blank sits in it."""
    pieces = prompt.split(BLANK)
    assert len(pieces) == len(blanks) + 1, prompt
    out, spans = pieces[0], []
    for blank, piece in zip(blanks, pieces[1:], strict=True):
        spans.append((len(out), len(out) + len(blank)))
        out += blank + piece
    return out, spans


def crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans overlap and neither contains the other."""
    inside = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return a[0] < b[1] and b[0] < a[1] and not inside


def test_shipped_deck_yields_every_kind(shipped):
    """The real deck produces cloze, choice, list and term questions."""
    _, _, questions = shipped
    counts = Counter(q.kind for q in questions)
    assert set(counts) == set(KINDS)
    assert all(counts[kind] > 0 for kind in KINDS)


def test_ids_are_unique_and_well_formed(shipped):
    """Every id is item:kind:slug and no two questions share one."""
    _, _, questions = shipped
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    for q in questions:
        item_id, kind, slug = q.id.split(":", 2)
        assert (item_id, kind) == (q.item_id, q.kind) and slug


def test_every_shipped_cloze_blanks_whole_testable_words(shipped):
    """Over every cloze: blanks are whole segmented words, never function words or one char."""
    deck, segments, questions = shipped
    clozes = [q for q in questions if q.kind == "cloze"]
    assert clozes
    glossary = [t.term for t in deck.glossary]
    for q in clozes:
        assert q.prompt.count(BLANK) == len(q.blanks) >= 1, q.id
        for blank in q.blanks:
            core = "".join(ch for ch in blank if not is_punctuation(ch) and not ch.isspace())
            assert len(core) >= 2, (q.id, blank)
            assert blank not in FUNCTION_WORDS and blank not in NEVER_BLANK, (q.id, blank)
        filled, spans = filled_with_spans(q.prompt, q.blanks)
        item = deck.item(q.item_id)
        text, offset = source_of(deck_texts_of(deck, item), filled, spans)
        assert text, q.id
        bounds = {0}
        for word in segments.words(text):
            bounds.add(max(bounds) + len(word))
        for start, end in spans:
            # The blank is exactly a run of segmented words of the source text ...
            assert start - offset in bounds and end - offset in bounds, (q.id, filled[start:end])
            # ... and never cuts a glossary term in two.
            for term in glossary:
                at = text.find(term)
                while at >= 0:
                    assert not crosses((start - offset, end - offset), (at, at + len(term))), (
                        q.id,
                        term,
                    )
                    at = text.find(term, at + 1)


def source_of(texts, filled, spans) -> tuple[str, int]:
    """The item text that holds every blank of the filled prompt, and where it starts."""
    for text in sorted(texts, key=len, reverse=True):
        at = filled.find(text)
        while at >= 0:
            if all(at <= start and end <= at + len(text) for start, end in spans):
                return text, at
            at = filled.find(text, at + 1)
    return "", -1


def deck_texts_of(deck, item) -> list[str]:
    """The learnable strings of one item."""
    one = type(deck)(topics=deck.topics, glossary=deck.glossary, items=(item,))
    return deck_texts(one)


def test_glossary_terms_never_split_in_shipped_segmentation(shipped):
    """新质生产力, 全要素生产率 and 战略性新兴产业 are single words in every shipped text."""
    _, segments, _ = shipped
    for text, words in segments.texts().items():
        for term in ("新质生产力", "全要素生产率", "战略性新兴产业"):
            if term in text:
                assert any(term in word for word in words), (term, words)


def test_definition_facets_give_the_issue_examples(mini):
    """特征 gives three blanks, 核心标志 blanks 全要素生产率, term questions go both ways."""
    _, _, by_id = mini
    q = by_id["d1:cloze:facet-特征"]
    assert q.prompt == "新质生产力的特征:____、____、____"
    assert q.blanks == ("高科技", "高效能", "高质量")
    assert q.display_prompt(hint_length=True) == "新质生产力的特征:□□□、□□□、□□□"
    assert by_id["d1:cloze:facet-核心标志"].blanks == ("全要素生产率",)
    forward = by_id["d1:term:facet-核心标志"]
    assert (forward.prompt, forward.answer) == (
        "新质生产力的核心标志是什么?",
        "全要素生产率大幅提升",
    )
    assert forward.answer_words == ("全要素生产率", "大幅", "提升")
    # Asking for the deck's own label (“…”是新质生产力的什么?) is no question an examiner sets.
    assert "d1:term:facet-核心标志-name" not in by_id


def test_framework_parts(mini):
    """一核 is a term question, 两翼 (two parts) an unordered list question."""
    _, _, by_id = mini
    one = by_id["f1:term:role-一核"]
    assert (one.prompt, one.answer) == ("“一核两翼”中的“一核”指什么?", "产业升级")
    wings = by_id["f1:list:role-两翼"]
    assert wings.expected == ("科技创新发展", "人力资本跃升") and not wings.ordered
    belongs = by_id["f1:belongs:part-2"]
    assert belongs.answer == "两翼" and set(belongs.options) == {"一核", "两翼"}


def test_list_question_uses_labels(mini):
    """写出{name}: the labels are the expected parts, in order for an ordered list."""
    _, _, by_id = mini
    q = by_id["l1:list:all"]
    assert q.expected == ("劳动者", "劳动资料") and q.ordered
    assert q.answer == "劳动者、劳动资料"


def test_fact_cloze_blanks_its_figures(mini):
    """A fact's cloze blanks its curated figures."""
    _, _, by_id = mini
    assert by_id["fa1:cloze:text"].prompt == "山东提出实施____重大科技创新项目"
    assert by_id["fa1:cloze:text"].blanks == ("100项",)


def test_every_shipped_choice_has_one_right_option(shipped):
    """3–4 distinct options, the answer once, no distractor equal to it after normalising."""
    _, _, questions = shipped
    choices = [q for q in questions if q.kind == "choice"]
    assert choices
    for q in choices:
        keys = [answer_key(o) for o in q.options]
        assert 3 <= len(q.options) <= 4, q.id
        assert len(set(keys)) == len(keys), q.id
        assert keys.count(answer_key(q.answer)) == 1, q.id
        assert q.answer_letter is not None


def test_shipped_choices_mostly_have_four_options(shipped):
    """Four options wherever the deck has enough siblings of the key's family: most of them
    (three fair options beat four with an off-category one, so some have three)."""
    _, _, questions = shipped
    counts = Counter(len(q.options) for q in questions if q.kind == "choice")
    assert counts[4] >= 3 / 5 * sum(counts.values())


def test_answer_position_is_spread_by_rng(shipped):
    """The right answer is not always at the same letter."""
    _, _, questions = shipped
    letters = Counter(q.answer_letter for q in questions if q.kind == "choice")
    assert len(letters) == 4
    assert max(letters.values()) < 0.4 * sum(letters.values())


def test_canonical_answers_score_full_marks(shipped):
    """Every shipped question's own answer grades as correct (and the letter for choices)."""
    deck, _, questions = shipped
    for q in questions:
        assert grade_answer(q, q.answer, deck.glossary).correct, q.id
        if q.kind == "choice":
            assert grade_answer(q, q.answer_letter.lower(), deck.glossary).correct, q.id


def test_long_lists_answerable_by_labels(shipped):
    """A list of six or more entries is fully answered by its labels, in any separator."""
    deck, _, questions = shipped
    long_lists = [q for q in questions if q.kind == "list" and len(q.expected) >= 6]
    assert long_lists
    for q in long_lists:
        assert grade_answer(q, " ".join(q.expected), deck.glossary).correct, q.id


def test_same_seed_same_questions(shipped):
    """The same deck and seed give exactly the same questions; candidate ids never depend on it."""
    deck, segments, questions = shipped
    again = generate_questions(deck, deck.items, rng=random.Random(7), segments=segments)
    assert again == questions
    every = [
        generate_questions(
            deck, deck.items, rng=random.Random(seed), segments=segments, include_flagged=True
        )
        for seed in (7, 8)
    ]
    assert [q.id for q in every[0]] == [q.id for q in every[1]]
    assert [q.blanks for q in every[0]] == [q.blanks for q in every[1]]
    assert [q.options for q in every[0]] != [q.options for q in every[1]]


def test_kind_filter_keeps_questions_identical(shipped):
    """Asking for one kind gives the same questions of that kind as asking for all."""
    deck, segments, questions = shipped
    only = generate_questions(
        deck, deck.items, kinds=["choice"], rng=random.Random(7), segments=segments
    )
    assert only == [q for q in questions if q.kind == "choice"]
    with pytest.raises(ValueError):
        generate_questions(deck, deck.items, kinds=["essay"], rng=random.Random(7))


def test_pick_questions_spreads_over_items(shipped):
    """A sample smaller than the item count takes one question per item, reproducibly."""
    _, _, questions = shipped
    picked = pick_questions(questions, 20, random.Random(3))
    assert len(picked) == 20
    assert len({q.item_id for q in picked}) == 20
    assert picked == pick_questions(questions, 20, random.Random(3))
    assert picked != pick_questions(questions, 20, random.Random(4))
    assert len(pick_questions(questions[:5], 50, random.Random(3))) == 5


def test_question_to_dict_is_json(mini):
    """A question serialises to JSON with its prompt still showing ____."""
    _, _, by_id = mini
    data = json.loads(json.dumps(by_id["d1:cloze:facet-特征"].to_dict(), ensure_ascii=False))
    assert data["prompt"].count("____") == 3 and data["blanks"] == ["高科技", "高效能", "高质量"]


def test_cards_cover_every_item(shipped):
    """Every item gives at least one card; ids are unique and stable."""
    deck, _, _ = shipped
    cards = generate_cards(deck, deck.items)
    assert {c.item_id for c in cards} == {item.id for item in deck.items}
    assert len({c.id for c in cards}) == len(cards)
    assert all(c.front and c.back and ":card:" in c.id for c in cards)
    assert generate_cards(deck, deck.items) == cards


def test_warm_cache_never_imports_jieba(tmp_path):
    """Cold run builds the cache without chatter; a warm run generates questions without jieba."""
    script = (
        "import random, sys\n"
        "from studycli.deck.loader import load_deck\n"
        "from studycli.quiz.questions import generate_questions\n"
        "deck = load_deck()\n"
        "qs = generate_questions(deck, deck.items, rng=random.Random(0))\n"
        "print(len(qs), 'jieba' in sys.modules)\n"
    )
    env = {**os.environ, "STUDY_DATA_DIR": str(tmp_path / "data")}
    env.pop("STUDY_CONTENT", None)
    cold = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    count, imported = cold.stdout.split()
    assert imported == "True" and cold.stderr == ""
    warm = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert warm.stdout.split() == [count, "False"]
    assert warm.stderr == ""
