"""The --kind option's choices, shared by `study quiz` and `study questions`: every kind by
its English code and by its Chinese name (generate_questions reads both), taken from the
one list of kinds in quiz.question."""

from __future__ import annotations

import enum

from studycli.quiz.question import KIND_ALIASES, KIND_TITLES

QuestionKind = enum.StrEnum(  # type: ignore[misc]
    "QuestionKind", [(kind, kind) for kind in (*KIND_TITLES, *KIND_ALIASES)]
)
