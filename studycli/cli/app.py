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

# emoji=False: no :code: in a deck is meant as an emoji, and the emoji table costs
# ~10 ms of import on every command that prints with markup.
out = Console(highlight=False, emoji=False)
err = Console(stderr=True, highlight=False, emoji=False)


def print_error(message: str) -> None:
    """Print a user error to stderr, each line of it, without markup."""
    err.print(f"错误:{message}", markup=False, soft_wrap=True, style="bold red")


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

DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="STUDY_DATA_DIR",
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


def now_and_zone(fixed: str | None = None) -> tuple[datetime, tzinfo]:
    """Now in UTC and the local timezone: the hidden --now for tests, else the real clock."""
    if fixed is None:
        now = datetime.now(UTC)
        return now, now.astimezone().tzinfo or UTC
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"--now 的值“{fixed}”不是 ISO 格式的时间。") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC), moment.tzinfo


def session_clock(fixed: str | None) -> Callable[[], datetime]:
    """The clock a quiz session reads at each answer (fixed when --now is given)."""
    if fixed is None:
        return lambda: datetime.now(UTC)
    moment = now_and_zone(fixed)[0]
    return lambda: moment


def open_store(data_dir: Path | None):
    """The progress store in the chosen data directory (--data-dir, STUDY_DATA_DIR, default)."""
    from studycli.memory.store import Store
    from studycli.paths import data_dir as resolve_data_dir

    return Store.open(resolve_data_dir(data_dir))
