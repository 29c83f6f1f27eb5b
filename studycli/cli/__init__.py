"""The `study` command: the Typer app and its commands, one module per group."""

from __future__ import annotations

from typer.core import TyperCommand

from studycli.cli import (  # noqa: F401  (importing a module registers its commands)
    bank_cmds,
    challenge_cmds,
    content_cmds,
    exam_cmds,
    export_cmds,
    io_cmds,
    plan_cmds,
    progress_cmds,
    quiz_cmds,
    review_cmds,
    variants_cmds,
)
from studycli.cli.app import StudyCommand, app

# `study --help` lists commands in the order a learner meets them, in panels.
_PANELS = {
    "阅读": ["summary", "topics"],
    "练习": ["quiz", "cards", "review", "accept"],
    "考试": ["exam", "challenge", "plan"],
    "进度": ["mistakes", "stats", "variants", "doctor"],
    "题库": ["check", "questions", "import", "export"],
}
_ORDER = [name for names in _PANELS.values() for name in names]
for _command in app.registered_commands:
    _name = _command.name or _command.callback.__name__
    _command.rich_help_panel = next(p for p, names in _PANELS.items() if _name in names)
    if _command.cls in (None, TyperCommand):  # Chinese help page and usage errors
        _command.cls = StudyCommand
app.registered_commands.sort(key=lambda c: _ORDER.index(c.name or c.callback.__name__))


def main() -> None:
    """Entry point of the `study` console script."""
    app()
