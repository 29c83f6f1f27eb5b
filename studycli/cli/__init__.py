"""The `study` command: the Typer app and its commands, one module per group."""

from __future__ import annotations

from studycli.cli import content_cmds, export_cmds, io_cmds, progress_cmds, quiz_cmds  # noqa: F401  (registers commands)
from studycli.cli.app import app


def main() -> None:
    """Entry point of the `study` console script."""
    app()
