"""Typed errors: everything a user can cause is a StudyError with a whole sentence."""

from __future__ import annotations


class StudyError(Exception):
    """A problem the user can fix; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1


class ContentError(StudyError):
    """The deck's YAML is unreadable or does not fit the schema."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class TopicError(StudyError):
    """An unknown topic was asked for."""


class UsageError(StudyError):
    """An option value that makes no sense (exit code 2, like a usage error)."""

    exit_code = 2


class StoreError(StudyError):
    """The progress database cannot be used."""


class ExportError(StudyError):
    """An export or import file cannot be written or read."""
