"""The records the progress store reads and writes: one answer, one 错题本 entry.

Kept apart from memory.store (which hands them out under its own name, on first use) so
that commands which only read figures from the store define neither dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Answer:
    """One answer to record (``answered_at`` aware; ``rating`` None lets scheduling derive it)."""

    question_id: str
    item_id: str
    fingerprint: str
    kind: str
    given: str | None
    expected: str
    score: float
    correct: bool
    answered_at: datetime
    duration_s: float | None
    mode: str
    rating: int | None = None


@dataclass(frozen=True)
class Mistake:
    """A question whose latest answer was wrong or partial (correct false or score < 1)."""

    question_id: str
    item_id: str
    given: str | None
    expected: str
    answered_at: datetime
    kind: str
    score: float = 0.0
    fingerprint: str = ""
    mode: str = ""
