"""Review planned from the bank's rows (cli.sourcing.review_plan, due_card_rows) gives what
memory.scheduling.plan_review and card_session.order_cards give over the whole deck."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from conftest import FIXTURES

from studycli.cli.card_session import order_cards
from studycli.cli.sourcing import Glossary, QuestionPairs, due_card_rows, review_plan
from studycli.memory.scheduling import plan_review
from studycli.quiz.bank_build import open_bank

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def bank(tmp_path):
    """The mini deck's compiled bank."""
    with open_bank([FIXTURES / "mini"], tmp_path / "cache") as opened:
        yield opened


def _index(bank, seed: int, share: float = 0.7) -> dict:
    """A learner's card index: some questions and cards due, some later, some edited since;
    about ``share`` of the deck answered."""
    rng = random.Random(seed)
    index = {}
    pairs = bank.id_fingerprints()
    cards = bank.card_rows([c for c in bank.card_ids()])
    for qid, fp in [*pairs, *((c.id, c.fingerprint) for c in cards)]:
        roll = rng.random()
        if roll >= share:
            continue  # never answered
        fingerprint = fp if roll < share * 0.8 else "edited-since"
        index[qid] = (fingerprint, NOW.timestamp() + rng.randint(-5, 5) * 86_400)
    index["gone:q"] = ("x", NOW.timestamp() - 10)  # a question no longer in the deck
    return index


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 5, 50])
@pytest.mark.parametrize("topic", [None, "人才"])
@pytest.mark.parametrize("share", [0.7, 0.2])
def test_review_plan_equals_plan_review(bank, seed, count, topic, share):
    """Due ids, new ids and both totals equal plan_review's over every (id, fingerprint),
    whether the bank reads the studied rows by id (a fifth of the deck answered) or in one
    pass over all of them (most of it)."""
    index = _index(bank, seed, share)
    assert bank._most_of("questions", len(index)) == (share > 0.5)
    expected = plan_review(index, bank.id_fingerprints(topic), NOW, count)
    got = review_plan(bank, index, NOW, count, topic)
    assert (got.due, got.new, got.due_total, got.new_total) == (
        expected.due,
        expected.new,
        expected.due_total,
        expected.new_total,
    )
    assert expected.due_total > 0 or seed != 1  # the index does make some due


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("share", [0.7, 0.2])
def test_due_card_rows_equal_order_cards(bank, seed, share):
    """The due cards, in order, are order_cards' due part over all the deck's cards (read
    by id or in one pass)."""
    index = _index(bank, seed, share)
    pool = bank.cards(bank.card_ids())
    for card in pool[:2]:  # at least two due, in a known order
        index[card.id] = (card.fingerprint, NOW.timestamp() - 86_400 * (seed + 1))
    ordered, due = order_cards(pool, index, NOW.timestamp(), len(pool), 0)
    rows = due_card_rows(bank, index, NOW.timestamp(), None)
    assert [r.id for r in rows] == [c.id for c in ordered[:due]]
    assert due > 0


def test_question_pairs_reads_on_first_use(bank):
    """The lazy list of pairs equals id_fingerprints and reads nothing until used."""
    pairs = QuestionPairs(bank, None)
    assert not pairs.loaded
    assert list(pairs) == bank.id_fingerprints()
    assert len(pairs) == len(bank.id_fingerprints()) and pairs[0] == bank.id_fingerprints()[0]


def test_new_seen_today_counts_first_answers_only(tmp_path):
    """Answered first today: counted once however often; answered before today: not new."""
    from datetime import timedelta

    from studycli.memory.recording import import_answers
    from studycli.memory.scheduling import make_scheduler
    from studycli.memory.stats import new_seen_today
    from studycli.memory.store import Answer, Store

    def answer(qid: str, at: datetime) -> Answer:
        return Answer(qid, "i", "fp", "cloze", "x", "x", 1.0, True, at, 3.0, "quiz")

    today, earlier = NOW - timedelta(hours=1), NOW - timedelta(days=3)
    history = [
        answer("old", earlier),
        answer("old", today),  # seen before today: not new
        answer("a", today),
        answer("a", today + timedelta(minutes=5)),  # twice today: one new question
        answer("b", today),
        answer("c", earlier),
    ]
    with Store.open(tmp_path) as store:
        import_answers(store, sorted(history, key=lambda a: a.answered_at), make_scheduler())
        assert new_seen_today(store, NOW, UTC) == 2


@pytest.mark.parametrize("topic", [None, "人才"])
def test_askable_items_are_those_with_unflagged_questions(bank, topic):
    """items.askable gives the items a pick samples from: exactly those with an unflagged
    question (of the topic), in deck order, as grouping the questions gives them."""
    where, params = bank._filter(topic, None, False)
    grouped = bank.conn.execute(
        f"SELECT item_id FROM questions{where} GROUP BY item_id ORDER BY min(position)", params
    ).fetchall()
    sql, args = "SELECT id FROM items WHERE askable > 0", []
    if topic is not None:
        sql += " AND id IN (SELECT item_id FROM item_topics WHERE topic = ?)"
        args.append(topic)
    fast = bank.conn.execute(sql + " ORDER BY position", args).fetchall()
    assert fast == grouped and fast


def test_a_sampled_pick_is_the_same_for_the_same_seed(bank, monkeypatch):
    """With sampling forced (few items per pick), one seed gives one set of rows."""
    from studycli.quiz import bank as bank_module

    monkeypatch.setattr(bank_module, "SAMPLE_ITEMS_MIN", 2)
    monkeypatch.setattr(bank_module, "SAMPLE_ITEMS_PER_QUESTION", 1)
    first = bank.rows_to_pick_from(2, random.Random(5))
    again = bank.rows_to_pick_from(2, random.Random(5))
    assert first == again and len({r.item_id for r in first}) == 2


@pytest.mark.parametrize("command", [["review", "--count", "1"], ["stats"]])
def test_no_exam_plan_no_plan_modules(tmp_path, command):
    """Without an exam date, review and stats load neither memory.plan nor memory.history
    (and a review with no cards due loads no card session)."""
    from test_startup_imports import MINI, run_study

    loaded = run_study(tmp_path, [*command, *MINI, "--data-dir", str(tmp_path / "data")])
    assert {"studycli.memory.plan", "studycli.memory.history"} & loaded == set()
    if command[0] == "review":
        assert "studycli.cli.card_session" not in loaded


def test_topics_from_the_bank_skip_the_deck_model(tmp_path):
    """Once the bank is compiled, `study topics` creates none of the deck model's classes."""
    from test_startup_imports import MINI, run_study

    data = ["--data-dir", str(tmp_path / "data")]
    run_study(tmp_path, ["check", *MINI, *data])
    loaded = run_study(tmp_path, ["topics", *MINI, *data])
    assert "studycli.deck.model" not in loaded and "yaml" not in loaded


@pytest.mark.parametrize("topic", [None, "产业"])
def test_card_rows_by_id_or_in_one_pass(bank, topic):
    """Bank.card_rows gives the same rows in deck order whether it looks a few ids up or
    reads every card once (many ids), unknown ids left out."""
    every = bank.card_rows(bank.card_ids(), topic)
    assert every and [r.id for r in every] == bank.card_ids(topic)
    few = [every[-1].id, "no:such:card"]
    assert not bank._most_of("cards", len(few))
    assert bank.card_rows(few, topic) == [every[-1]]
    many = [r.id for r in every[::-1]] + ["no:such:card"]
    assert bank._most_of("cards", len(many))
    assert bank.card_rows(many, topic) == every


def test_glossary_reads_on_first_use(bank):
    """The review session's glossary is the bank's, decoded only when grading reads it."""
    glossary = Glossary(bank)
    assert not glossary.loaded
    assert tuple(glossary) == bank.glossary and glossary.loaded
    assert len(glossary) == len(bank.glossary) and glossary[0] == bank.glossary[0]
