"""Commands load on demand: the table in studycli.cli matches what the modules register."""

from __future__ import annotations

import subprocess
import sys

from studycli.cli import COMMANDS, app, load_all_commands
from studycli.cli.helpformat import short_help


def test_table_matches_the_registered_commands():
    """Every registered command is in the table, from its module, with its first paragraph."""
    import typer.main

    registered = load_all_commands()
    names = [c.name or c.callback.__name__ for c in registered]
    assert sorted(names) == sorted(COMMANDS), "add the new command to studycli.cli.COMMANDS"
    for info in registered:
        name = info.name or info.callback.__name__
        module, panel, text = COMMANDS[name]
        assert info.callback.__module__ == f"studycli.cli.{module}", name
        command = typer.main.get_command_from_info(
            info, pretty_exceptions_short=True, rich_markup_mode=app.rich_markup_mode
        )
        assert short_help(command) == text, f"COMMANDS[{name!r}] help: {short_help(command)!r}"
        assert panel


def test_group_help_lists_every_command_in_its_panel(runner):
    """`study --help` shows each panel, then each of its commands with the whole help line."""
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for name, (_, panel, _) in COMMANDS.items():
        assert f"  {panel}\n" in text
        assert f"    {name}" in text, name
    positions = [text.index(f"    {name} ") for name in COMMANDS]
    assert positions == sorted(positions)


def _imported_after(args: list[str]) -> set[str]:
    """The studycli.cli.*_cmds modules loaded by a real process running ``study ARGS``."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from studycli.cli import app\n"
        f"r = CliRunner().invoke(app, {args!r})\n"
        "assert r.exit_code == 0, r.output\n"
        "print(' '.join(m for m in sys.modules if m.endswith('_cmds')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_help_imports_no_command_module():
    """`study --help` lists the commands without importing any command module."""
    assert _imported_after(["--help"]) == set()


def test_a_command_imports_only_its_own_module():
    """`study topics --help` imports content_cmds and no other command module."""
    assert _imported_after(["topics", "--help"]) == {"studycli.cli.content_cmds"}


def test_unknown_command_is_a_usage_error(runner):
    """A name outside the table is a Chinese usage error, exit 2."""
    result = runner.invoke(app, ["quizz"])
    assert result.exit_code == 2
    assert "quiz" in result.stderr
