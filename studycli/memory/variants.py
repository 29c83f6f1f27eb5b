"""Answers the user declared right ("我答对了"): kept per question in the progress database.

They are the user's, not the deck's: grading accepts them next time for the same
question, ``study variants`` lists them, and ``study variants --export`` writes them as
YAML ``aliases`` suggestions a curator may promote into the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from studycli.memory.store import Store


@dataclass(frozen=True)
class Variant:
    """An answer the user declared right for a question."""

    question_id: str
    item_id: str
    fingerprint: str
    answer: str
    expected: str
    added_at: datetime

    def to_dict(self) -> dict:
        """The variant as plain data (JSON)."""
        return {
            "question": self.question_id,
            "item": self.item_id,
            "fingerprint": self.fingerprint,
            "answer": self.answer,
            "expected": self.expected,
            "added_at": self.added_at.isoformat(),
        }


def add_variant(store: Store, variant: Variant) -> bool:
    """Remember the variant; False when that answer was already accepted for the question."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO variants (question_id, item_id, fingerprint, answer,"
            " expected, added_at) VALUES (?,?,?,?,?,?)",
            (
                variant.question_id, variant.item_id, variant.fingerprint, variant.answer,
                variant.expected, variant.added_at.timestamp(),
            ),
        )  # fmt: skip
        return cursor.rowcount > 0


def remove_variants(store: Store, question_id: str, answer: str | None = None) -> int:
    """Forget the accepted answers of a question (only ``answer`` when given); how many
    were removed. The answers already recorded keep their score: only later grading changes."""
    where, params = "question_id = ?", [question_id]
    if answer is not None:
        where, params = where + " AND answer = ?", [question_id, answer.strip()]
    with store.transaction() as conn:
        return conn.execute(f"DELETE FROM variants WHERE {where}", params).rowcount


def list_variants(store: Store, question_id: str | None = None) -> list[Variant]:
    """Accepted variants, of one question or all, oldest first."""
    where, params = ("WHERE question_id = ?", (question_id,)) if question_id else ("", ())
    rows = store.query(
        "SELECT question_id, item_id, fingerprint, answer, expected, added_at"
        f" FROM variants {where} ORDER BY added_at, rowid",
        params,
    )
    return [Variant(q, i, f, a, e, datetime.fromtimestamp(t, UTC)) for q, i, f, a, e, t in rows]


def accepted_answers(store: Store, question_id: str, fingerprint: str | None = None) -> list[str]:
    """The answers accepted for one question, for grading; with ``fingerprint``, only those
    accepted for the item's current wording (an edited item is relearnt, its variants lapse
    for grading but stay listed and exportable)."""
    return [
        v.answer
        for v in list_variants(store, question_id)
        if fingerprint is None or v.fingerprint == fingerprint
    ]


def accepted_for(store: Store, questions) -> dict[str, list[str]]:
    """Question id → the answers accepted for it (current wording only), for a whole paper."""
    out: dict[str, list[str]] = {}
    for question in questions:
        answers = accepted_answers(store, question.id, question.fingerprint)
        if answers:
            out[question.id] = answers
    return out


@dataclass(frozen=True)
class LastAnswer:
    """The most recent quiz answer in the log (what `study accept` may declare right)."""

    question_id: str
    item_id: str
    fingerprint: str
    given: str | None
    expected: str
    correct: bool


def latest_answer(store: Store) -> LastAnswer | None:
    """The most recently recorded quiz answer (flashcard self-grades left out), or None."""
    rows = store.query(
        "SELECT question_id, item_id, fingerprint, given, expected, correct FROM answers"
        " WHERE kind != 'card' ORDER BY answered_at DESC, id DESC LIMIT 1"
    )
    if not rows:
        return None
    q, i, f, g, e, c = rows[0]
    return LastAnswer(q, i, f, g, e, bool(c))
