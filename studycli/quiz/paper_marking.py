"""Marking a submitted paper: each answer graded, points earned, totals per section and topic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studycli.deck.model import Term
from studycli.quiz.grading import Grade, grade_answer
from studycli.quiz.paper import Paper, Section


@dataclass(frozen=True)
class Mark:
    """One question of a marked paper: what was given, its grade and the points earned."""

    number: int
    section: Section
    question: object  # studycli.quiz.questions.Question
    points: int
    given: str | None
    grade: Grade

    @property
    def earned(self) -> float:
        """Points earned: the question's points times the grade's score (partial credit)."""
        return round(self.points * self.grade.score, 1)


@dataclass(frozen=True)
class Tally:
    """Points available and earned in one section or topic."""

    name: str
    points: int
    earned: float
    questions: int
    correct: int


@dataclass(frozen=True)
class MarkedPaper:
    """The graded paper: every mark, the score out of 100, tallies per section and topic."""

    paper: Paper
    marks: tuple[Mark, ...]
    timed_out: bool = False

    @property
    def score(self) -> float:
        """Points earned on the whole paper."""
        return round(sum(mark.earned for mark in self.marks), 1)

    @property
    def answered(self) -> int:
        """How many questions were given an answer."""
        return sum(mark.given is not None for mark in self.marks)

    def sections(self) -> list[Tally]:
        """Points per section, in paper order."""
        return [
            _tally(section.title, [m for m in self.marks if m.section is section])
            for section in self.paper.sections
        ]

    def topics(self) -> list[Tally]:
        """Points per topic (a question with two topics counts for both), most points first."""
        names: dict[str, list[Mark]] = {}
        for mark in self.marks:
            for topic in mark.question.topics:
                names.setdefault(topic, []).append(mark)
        tallies = [_tally(name, marks) for name, marks in names.items()]
        return sorted(tallies, key=lambda t: -t.points)

    def wrong(self) -> list[Mark]:
        """Marks that did not earn full points, in paper order."""
        return [mark for mark in self.marks if not mark.grade.correct]


def mark_paper(
    paper: Paper,
    answers: Sequence[str | None],
    glossary: Sequence[Term] = (),
    *,
    timed_out: bool = False,
    accepted: Mapping[str, Sequence[str]] | None = None,
) -> MarkedPaper:
    """Grade ``answers`` (one per question in paper order; None: not answered).

    ``accepted`` maps a question id to the answers the user declared right (“我答对了”,
    memory.variants.accepted_for): the paper honours them as the quiz does."""
    accepted = accepted or {}
    marks = []
    for number, section, question, points in paper.entries():
        given = answers[number - 1] if number - 1 < len(answers) else None
        grade = grade_answer(question, given, glossary, accepted.get(question.id, ()))
        marks.append(Mark(number, section, question, points, given, grade))
    return MarkedPaper(paper, tuple(marks), timed_out)


def _tally(name: str, marks: Sequence[Mark]) -> Tally:
    return Tally(
        name=name,
        points=sum(m.points for m in marks),
        earned=round(sum(m.earned for m in marks), 1),
        questions=len(marks),
        correct=sum(m.grade.correct for m in marks),
    )
