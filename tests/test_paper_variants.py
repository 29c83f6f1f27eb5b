"""Exam papers honour the answers the user declared right (“我答对了”), as the quiz does."""

from __future__ import annotations

import json

from studycli.cli import app

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-01T09:00:00+08:00"
OPEN_KINDS = ("cloze", "term", "list", "recite")


def run(runner, mini_deck, command, *args, input=""):
    """`study COMMAND` on the mini deck at a fixed time with ``input`` on stdin."""
    return runner.invoke(app, [command, *MINI, str(mini_deck), "--now", NOW, *args], input=input)


def test_exam_accepts_an_answer_declared_right_in_a_quiz(runner, mini_deck, isolated_env):
    """A wrong answer accepted with `study accept` earns full points on a later paper;
    removed with `study variants --remove`, it loses them again."""
    blank = run(runner, mini_deck, "exam", "--json", "--seed", "3", "--count", "5")
    rows = json.loads(blank.stdout)["questions"]
    target = next(row for row in rows if row["kind"] in OPEN_KINDS)
    quiz = run(runner, mini_deck, "quiz", "--id", target["id"], input="我的说法\n")
    assert quiz.exit_code == 0, quiz.output
    accepted = runner.invoke(app, ["accept", "--now", NOW])
    assert accepted.exit_code == 0, accepted.output
    answers = "".join(("我的说法" if row is target else row["answer"]) + "\n" for row in rows)
    sat = run(runner, mini_deck, "exam", "--json", "--seed", "3", "--count", "5", input=answers)
    assert sat.exit_code == 0, sat.output
    data = json.loads(sat.stdout)
    mark = next(row for row in data["questions"] if row["id"] == target["id"])
    assert mark["correct"] is True and mark["earned"] == mark["points"]
    assert data["score"] == 100
    removed = runner.invoke(app, ["variants", "--remove", target["id"]])
    assert removed.exit_code == 0, removed.output
    again = run(runner, mini_deck, "exam", "--json", "--seed", "3", "--count", "5", input=answers)
    data = json.loads(again.stdout)
    mark = next(row for row in data["questions"] if row["id"] == target["id"])
    assert mark["correct"] is False and data["score"] < 100


def test_mark_paper_uses_the_accepted_answers_per_question():
    """mark_paper(accepted={id: [...]}) grades an accepted answer right, only for that id."""
    import random

    from studycli.deck.loader import load_deck
    from studycli.quiz.paper import compose_paper
    from studycli.quiz.paper_marking import mark_paper
    from studycli.quiz.questions import generate_questions

    deck = load_deck()
    questions = generate_questions(deck, deck.items, rng=random.Random(0))
    paper = compose_paper(questions, 10, random.Random(1))
    entries = list(paper.entries())
    term = next(q for _, _, q, _ in entries if q.kind in OPEN_KINDS)
    answers = ["我的说法" if q is term else None for _, _, q, _ in entries]
    plain = mark_paper(paper, answers, deck.glossary)
    honoured = mark_paper(paper, answers, deck.glossary, accepted={term.id: ["我的说法"]})
    other = mark_paper(paper, answers, deck.glossary, accepted={"x:term:y": ["我的说法"]})
    number = answers.index("我的说法")
    assert not plain.marks[number].grade.correct
    assert honoured.marks[number].grade.correct
    assert not other.marks[number].grade.correct
