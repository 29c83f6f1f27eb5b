"""The marking test set (tests/marking_cases.yaml): the shipped deck's questions, answers
judged as a fair marker would — accepts and rejects, every kind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from studycli.deck.loader import load_deck
from studycli.quiz.grading import grade_answer
from studycli.quiz.question import KINDS
from studycli.quiz.questions import LETTERS, generate_questions

CASES = yaml.safe_load((Path(__file__).with_name("marking_cases.yaml")).read_text("utf-8"))
ROWS = [
    (case["id"], answer, verdict)
    for case in CASES
    for verdict in ("right", "wrong")
    for answer in case.get(verdict, [])
]


@pytest.fixture(scope="module")
def deck_questions():
    """The shipped deck and its questions by id (options ordered by random.Random(0))."""
    deck = load_deck()
    # Flagged questions too: never offered in a session, but still asked by `quiz --id`.
    questions = generate_questions(deck, deck.items, rng=random.Random(0), include_flagged=True)
    return deck, {q.id: q for q in questions}


def resolve(question, answer: str) -> str:
    """Turn an option token (@letter, @wrong-letter, @letters …) into the answer it stands for."""
    if not answer.startswith("@"):
        return answer
    if answer.startswith("@letters"):
        return resolve_letters(question, answer)
    right = question.options.index(question.answer)
    wrong = next(i for i in range(len(question.options)) if i != right)
    return {
        "@letter": LETTERS[right],
        "@letter-lower": LETTERS[right].lower(),
        "@letter+text": f"{LETTERS[right]}. {question.answer}",
        "@wrong-letter": LETTERS[wrong],
        "@wrong-text": question.options[wrong],
    }[answer]


def resolve_letters(question, answer: str) -> str:
    """A multi question's token: the right letters as written, reordered, separated, one
    short (the last right one left out) or one too many (the first wrong one added)."""
    letters = question.answer_letters
    wrong = next(LETTERS[i] for i, o in enumerate(question.options) if o not in question.expected)
    return {
        "@letters": letters,
        "@letters-reversed": letters[::-1],
        "@letters-lower": letters.lower(),
        "@letters-comma": ",".join(letters),
        "@letters-spaced": " ".join(letters),
        "@letters-missing": letters[:-1],
        "@letters-extra": letters + wrong,
        "@letters-or": f"{letters}或{letters[:-1]}{wrong}",
    }[answer]


def test_the_set_is_large_and_covers_every_kind(deck_questions):
    """At least 150 cases, both verdicts, all nine question kinds, every question asked."""
    _, by_id = deck_questions
    assert len(ROWS) >= 150
    assert {verdict for _, _, verdict in ROWS} == {"right", "wrong"}
    missing = sorted({qid for qid, _, _ in ROWS if qid not in by_id})
    assert not missing, f"questions no longer generated: {missing}"
    assert {by_id[qid].kind for qid, _, _ in ROWS} == set(KINDS)


@pytest.mark.parametrize(("qid", "answer", "verdict"), ROWS, ids=[f"{q}|{a}" for q, a, _ in ROWS])
def test_fair_marker_verdict(deck_questions, qid, answer, verdict):
    """The grader agrees with the fair marker's verdict on this answer."""
    deck, by_id = deck_questions
    question = by_id[qid]
    result = grade_answer(question, resolve(question, answer), deck.glossary)
    assert result.correct == (verdict == "right"), (result.score, result.note, question.answer)
