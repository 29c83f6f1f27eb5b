"""The Typer app, its two consoles, shared options and the one place errors are printed."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Annotated, Any, ClassVar

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from studycli.errors import StudyError, UsageError


class _Stdout(io.TextIOBase):
    """sys.stdout as it is at each write (tests swap it), minus trailing spaces when piped.

    Rich pads table cells and leaves the space where it wrapped a line; a pipe gets
    neither. A terminal gets everything as written.
    """

    def write(self, text: str) -> int:
        target = sys.stdout
        if not target.isatty() and " \n" in text:
            text = _TRAILING.sub("\n", text)
        return target.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    def fileno(self) -> int:
        return sys.stdout.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(sys.stdout, "encoding", "utf-8")


_TRAILING = re.compile(r"[ \t]+\n")


# markup=False: a string printed here is never parsed as Rich markup, so an answer, topic
# or file name like "[/x]" prints as itself (render.plain has the rule for Text objects).
# emoji=False: no :code: in a deck is meant as an emoji, and the emoji table costs
# ~10 ms of import on every command that prints.
class _Console(Console):
    """A Console that leaves a closed pipe to the CLI's handlers instead of exiting 1."""

    def on_broken_pipe(self) -> None:
        """`study quiz | head`: Rich would exit 1 here; the README promises a quiet 0.

        Print nothing more, point stdout at /dev/null and raise BrokenPipeError, which
        StudyGroup.invoke (and launch.main) turn into exit 0.
        """
        self.quiet = True
        del self._buffer[:]
        _quiet_closed_pipe()
        raise BrokenPipeError


out = _Console(highlight=False, markup=False, emoji=False, file=_Stdout())
err = _Console(stderr=True, highlight=False, markup=False, emoji=False)


def emit(*renderables: Any) -> None:
    """Print to stdout, one per line; piped, without the padding Rich adds to tables."""
    from rich.console import Group

    whole = Group(*renderables)
    if out.is_terminal:
        out.print(whole)
        return
    with out.capture() as captured:
        out.print(whole)
    text = captured.get()
    sys.stdout.write("".join(line.rstrip() + "\n" for line in text.splitlines()))


def print_error(message: str) -> None:
    """Print a user error to stderr, each line of it, without markup or control characters."""
    from studycli.render.plain import visible

    err.print(f"错误:{visible(message)}", markup=False, soft_wrap=True, style="bold red")


def _usage_error_class() -> type[Exception]:
    """click's UsageError as typer uses it (typer ≥ 0.2x vendors its own click)."""
    try:
        from typer._click.exceptions import UsageError as ClickUsageError
    except ImportError:  # typer before it vendored click
        from click.exceptions import UsageError as ClickUsageError
    return ClickUsageError


_ClickUsageError = _usage_error_class()


def _quiet_closed_pipe() -> None:
    """After `| head` closed stdout: send the rest to /dev/null so the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


class StudyCommand(TyperCommand):
    """A command with a Chinese help page and Chinese usage errors (checked before parsing)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from studycli.cli.helpformat import format_page

        formatter.write(format_page(ctx, self))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from studycli.cli.usage import check_arguments

        if not ctx.resilient_parsing:
            args = check_arguments(ctx, self, args)
        return super().parse_args(ctx, args)


# Every command: name → (module under studycli.cli, help panel, one-line help), in the
# order `study --help` lists them. Set by studycli.cli, which holds the table.
CommandTable = dict[str, tuple[str, str, str]]


class StudyGroup(TyperGroup):
    """Turns StudyError and Ctrl-C into one clear message and an exit code, never a traceback;
    help and usage errors in Chinese.

    Commands are loaded on demand: `study quiz` imports quiz's module and builds quiz's click
    command only, and `study --help` lists the table without importing any command module.
    """

    table: ClassVar[CommandTable] = {}

    def __init__(self, *, commands: Any = None, **attrs: Any) -> None:
        super().__init__(commands=None, **attrs)  # built on demand, each with its panel

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.table)

    def get_command(self, ctx: Any, name: str) -> Any:
        command = self.commands.get(name)
        if command is None and name in self.table:
            command = self.commands[name] = build_command(name, self.table[name])
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from studycli.cli.helpformat import format_page

        rows = [(panel, name, text) for name, (_, panel, text) in self.table.items()]
        formatter.write(format_page(ctx, self, rows))

    def make_context(
        self, info_name: Any, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except StudyError as exc:
            print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except _ClickUsageError as exc:
            from studycli.cli.usage import translate

            print_error(translate(exc))
            raise typer.Exit(2) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from studycli.cli.usage import check_arguments, check_command

        ctx.meta["study.argv"] = list(args)  # what was typed, for _json_error
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            out.print(ctx.get_help(), markup=False, highlight=False, soft_wrap=True, end="")
            raise typer.Exit(0)
        split = next((i for i, a in enumerate(args) if not a.startswith("-")), len(args))
        if not ctx.resilient_parsing:
            args = check_arguments(ctx, self, args[:split]) + args[split:]
            if split < len(args):
                check_command(ctx, args[split], self.list_commands(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StudyError as exc:
            print_error(str(exc))
            _json_error(ctx, exc)
            raise typer.Exit(exc.exit_code) from None
        except _ClickUsageError as exc:
            from studycli.cli.usage import translate

            print_error(translate(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err.print("\n已中断。", markup=False)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            _quiet_closed_pipe()
            raise typer.Exit(0) from None


def _json_error(ctx: Any, exc: StudyError) -> None:
    """Under --json, stdout carries one JSON object even when the command failed: the error.

    A session that failed midway has already written its object (with "error") and marked
    the exception, so nothing is written twice.
    """
    if getattr(exc, "json_written", False):
        return
    if "--json" in ctx.meta.get("study.argv", ()):
        sys.stdout.write(json.dumps({"error": str(exc)}, ensure_ascii=False) + "\n")


app = typer.Typer(
    cls=StudyGroup,
    name="study",
    help="studycli:在终端里读摘要、刷闪卡、做填空测验,并记住你答错的题。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def registered(name: str) -> Any:
    """The CommandInfo of command ``name`` on ``app``, once its module has been imported."""
    return next(
        (c for c in app.registered_commands if (c.name or c.callback.__name__) == name), None
    )


def build_command(name: str, entry: tuple[str, str, str]) -> Any:
    """Import command ``name``'s module and build its click command (Chinese help, panel)."""
    from importlib import import_module

    from typer.main import get_command_from_info

    module, panel, _ = entry
    import_module(f"studycli.cli.{module}")
    info = registered(name)
    if info is None:
        raise LookupError(f"studycli.cli.{module} does not register the command {name!r}")
    info.rich_help_panel = panel
    if info.cls in (None, TyperCommand):  # Chinese help page and usage errors
        info.cls = StudyCommand
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


def _show_version(value: bool) -> None:
    if value:
        from studycli import __version__

        out.print(f"studycli {__version__}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help="显示版本号并退出。", is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    """studycli:在终端里读摘要、刷闪卡、做填空测验,并记住你答错的题。"""


ContentOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--content",
        "-c",
        help="另外载入的题库目录或 YAML 文件(可重复;也可用环境变量 STUDY_CONTENT)。",
        show_default=False,
    ),
]
BuiltinOpt = Annotated[
    bool,
    typer.Option("--builtin/--no-builtin", help="是否载入内置题库。"),
]
TopicOpt = Annotated[
    str | None,
    typer.Option(
        "--topic", "-t", help="只看这个主题(可用别名,见 study topics)。", show_default=False
    ),
]


def load(content: list[Path] | None, builtin: bool = True):
    """Load the deck the options ask for."""
    from studycli.deck.loader import content_paths, load_deck

    return load_deck(content_paths(content or (), builtin=builtin))


def select(deck, topic: str | None):
    """The items of ``topic`` (name or alias) and that topic's name, or all items."""
    from studycli.deck.loader import resolve_topic

    if topic is None:
        return deck.items_in(None), None
    name = resolve_topic(deck, topic).name
    return deck.items_in(name), name


ForceOpt = Annotated[bool, typer.Option("--force", help="覆盖已存在的文件。")]


def _data_dir_option(ctx: typer.Context, param: typer.CallbackParam, value: str | None):
    """--data-dir as a Path. Blank (paths.given_dir's rule): ignored when it comes from
    STUDY_DATA_DIR, a usage error when typed (it would mean the current directory)."""
    from studycli.paths import given_dir

    typed = ctx.get_parameter_source(param.name or "").name == "COMMANDLINE"
    if typed and value is not None and given_dir(value) is None:
        raise typer.BadParameter("不能为空。不给出此选项时使用默认的数据目录。")
    return given_dir(value)


DataDirOpt = Annotated[
    str | None,  # a str, so that "" is told apart from "." (Path("") is the current dir)
    typer.Option(
        "--data-dir",
        envvar="STUDY_DATA_DIR",
        callback=_data_dir_option,
        metavar="DIR",
        help="学习进度所在目录(默认为系统的用户数据目录)。",
        show_default=False,
    ),
]

NowOpt = Annotated[
    str | None,
    typer.Option(
        "--now",
        hidden=True,
        help="以此时间代替当前时间(ISO 格式;带时差时也以它为本地时区),用于测试。",
    ),
]


NOW_YEARS = (1971, 2999)


def now_and_zone(fixed: str | None = None) -> tuple[datetime, tzinfo]:
    """Now in UTC and the local timezone: the hidden --now for tests, else the real clock."""
    if fixed is None:
        now = datetime.now(UTC)
        return now, now.astimezone().tzinfo or UTC
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"--now 的值“{fixed}”不是 ISO 格式的时间。") from None
    # Scheduling adds intervals of years to now; near year 1 or 9999 that overflows.
    if not NOW_YEARS[0] <= moment.year <= NOW_YEARS[1]:
        raise UsageError(
            f"--now 的值“{fixed}”超出范围:年份应在 {NOW_YEARS[0]} 到 {NOW_YEARS[1]} 之间。"
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC), moment.tzinfo


def session_clock(fixed: str | None) -> Callable[[], datetime]:
    """The clock a quiz session reads at each answer (fixed when --now is given)."""
    if fixed is None:
        return lambda: datetime.now(UTC)
    moment = now_and_zone(fixed)[0]
    return lambda: moment


def open_store(data_dir: Path | None, *, for_writing: bool = False):
    """The progress store in the chosen data directory (--data-dir, STUDY_DATA_DIR, default).

    ``for_writing``: a session that will save answers fails now, before its first question,
    if the database cannot take them.
    """
    from studycli.memory.store import Store
    from studycli.paths import data_dir as resolve_data_dir

    return Store.open(resolve_data_dir(data_dir), for_writing=for_writing)
