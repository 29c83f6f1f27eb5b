"""The Typer app, its two consoles, shared options and the one place errors are printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from studycli.errors import StudyError, UsageError

# markup=False: a string printed here is never parsed as Rich markup, so an answer, topic
# or file name like "[/x]" prints as itself (render.plain has the rule for Text objects).
out = Console(highlight=False, markup=False)
err = Console(stderr=True, highlight=False, markup=False)


def print_error(message: str) -> None:
    """Print a user error to stderr, each line of it, without markup or control characters."""
    from studycli.render.plain import visible

    err.print(f"错误:{visible(message)}", markup=False, soft_wrap=True, style="bold red")


class StudyGroup(TyperGroup):
    """Turns StudyError and Ctrl-C into one clear message and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StudyError as exc:
            print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("\n已中断。", markup=False)
            raise typer.Exit(130) from None


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
