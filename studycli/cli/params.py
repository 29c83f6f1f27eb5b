"""What each command-line option takes, read from the command's own type annotations.

Typer before 0.2x hands options a click ParamType, later releases a TypeDescriptor; the
annotations on the command function are the same in every release, so the Chinese help and
the Chinese usage errors read those (typer ≥0.12 through 0.29).
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from pathlib import Path
from typing import Any, NamedTuple

# Chinese names accepted for any choice value (an enum's value), e.g. `--kind 填空`. A name
# counts only where its value is one of the option's choices, so new kinds work as soon as
# they are added to the enum.
CHOICE_ALIASES = {
    "填空": "cloze",
    "单选": "choice",
    "选择": "choice",
    "多选": "multi",
    "判断": "judge",
    "默写": "recite",
    "列举": "list",
    "名词": "term",
    "名词解释": "term",
    "出处": "source",
    "归类": "belongs",
}
CHOICE_NAMES = {value: name for name, value in reversed(CHOICE_ALIASES.items())}

# Metavars in words: by option name first, then by type.
_NAMED = {
    "topic": "主题",
    "kind": "题型",
    "content": "目录或文件",
    "data_dir": "目录",
    "sources": "目录",
    "now": "时间",
    "id": "题号",
    "format": "格式",
    "output": "文件",
    "out": "文件",
    "path": "文件",
    "file": "文件",
}
_TYPED = {int: "整数", float: "数", str: "文字", Path: "路径"}


class Shape(NamedTuple):
    """What an option takes: its base type, choices, lower bound, and metavar in words.

    A NamedTuple, not a dataclass: this module is imported by every command, and defining
    a frozen dataclass costs ~0.6 ms of each start."""

    base: Any
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    metavar: str = ""
    repeatable: bool = False


def _hints(command) -> dict[str, Any]:
    callback = getattr(command, "callback", None)
    if callback is None:
        return {}
    try:
        return typing.get_type_hints(inspect.unwrap(callback), include_extras=True)
    except Exception:  # an annotation that cannot be resolved: fall back to plain words
        return {}


def _strip(annotation: Any) -> tuple[Any, Any, bool]:
    """(base type, typer's OptionInfo or None, repeatable) from an annotation."""
    info = None
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extras = typing.get_args(annotation)
        info = next((x for x in extras if hasattr(x, "param_decls")), None)
    repeatable = False
    for _ in range(3):
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        elif origin in (list, tuple, set) and args:
            annotation, repeatable = args[0], True
        else:
            break
    return annotation, info, repeatable


def shape_of(command, param) -> Shape:
    """The Shape of ``param`` (a click/typer option or argument) of ``command``."""
    annotation = _hints(command).get(param.name)
    base, info, repeatable = _strip(annotation) if annotation is not None else (str, None, False)
    choices: tuple[str, ...] = ()
    if isinstance(base, type) and issubclass(base, enum.Enum):
        choices = tuple(str(member.value) for member in base)
    minimum = getattr(info, "min", None) if info is not None else None
    maximum = getattr(info, "max", None) if info is not None else None
    if choices:
        metavar = _NAMED.get(param.name, "选项")
    elif base is bool:
        metavar = ""
    else:
        metavar = _NAMED.get(param.name) or _TYPED.get(base, "值")
    return Shape(base, choices, minimum, maximum, metavar, repeatable)


def choice_label(value: str) -> str:
    """A choice as help shows it: the value and its Chinese name (cloze 填空)."""
    name = CHOICE_NAMES.get(value)
    return f"{value} {name}" if name else value


def choices_listed(choices: tuple[str, ...]) -> str:
    """The choices as an error lists them, each once: a Chinese name that is itself a choice
    (the quiz's --kind takes 填空 as well as cloze) is already shown beside its value."""
    shown = [c for c in choices if CHOICE_ALIASES.get(c) not in choices]
    return "、".join(choice_label(c) for c in shown)
