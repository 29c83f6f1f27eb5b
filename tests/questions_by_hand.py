"""Questions built by hand, as generate_questions would build them, for grading tests."""

from __future__ import annotations

from studycli.deck.model import Source
from studycli.quiz.question import Question


def make_question(
    kind: str, expected: tuple[str, ...], *, source: Source, topics: tuple[str, ...], **fields
) -> Question:
    """A question of ``kind`` expecting ``expected``: item x, id x:KIND:test unless given."""
    return Question(
        id=fields.pop("id", f"x:{kind}:test"),
        item_id="x",
        kind=kind,
        topics=topics,
        prompt=fields.pop("prompt", "?"),
        answer=fields.pop("answer", "、".join(expected)),
        expected=expected,
        answer_words=fields.pop("answer_words", expected),
        source=source,
        fingerprint="0" * 16,
        **fields,
    )
