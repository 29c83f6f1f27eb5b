"""Help pages in Chinese: 用法 / 选项 / 参数 / 命令, metavars in words, nothing cut.

Written from each command's parameters (the same in every typer release) rather than by
patching typer's or click's formatting, and wrapped by render.linebreak so it is readable at
60 columns. Wide terminals (≥ 80) put option help beside the option, narrow ones below it.
"""

from __future__ import annotations

import enum
import shutil

from rich.cells import cell_len

from studycli.cli.params import choice_label, shape_of
from studycli.render.linebreak import wrap_plain

HELP_TEXT = "显示本帮助并退出。"
TWO_COLUMNS_FROM = 80  # narrower terminals get each option's help under it


def help_width() -> int:
    """The terminal's width (COLUMNS when set), at least 40."""
    return max(40, shutil.get_terminal_size((80, 24)).columns)


def paragraphs(text: str | None) -> list[str]:
    """A docstring's paragraphs, each joined into one line (Chinese lines join without a space)."""
    out: list[str] = []
    for block in (text or "").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip() != "\b"]
        joined = ""
        for line in lines:
            if joined and joined[-1].isascii() and line[:1].isascii():
                joined += " "
            joined += line
        if joined:
            out.append(joined)
    return out


def _default_text(param, shape) -> str:
    default = param.default
    if (
        callable(default)
        or default in (None, "", (), [])
        or not getattr(param, "show_default", True)
    ):
        return ""
    if shape.base is bool:
        if param.secondary_opts:
            return param.opts[-1] if default else param.secondary_opts[0]
        return ""
    if isinstance(default, enum.Enum):
        default = default.value
    return str(default)


def describe(command, param) -> tuple[str, str]:
    """(how the option is written, what it does) for one parameter."""
    shape = shape_of(command, param)
    if param.name == "help":
        return ", ".join(sorted(param.opts, key=len)), HELP_TEXT
    if getattr(param, "param_type_name", "") == "argument":
        return shape.metavar, " ".join(paragraphs(getattr(param, "help", "") or ""))
    decl = ", ".join(sorted(param.opts, key=len))
    if param.secondary_opts:
        decl += " / " + ", ".join(param.secondary_opts)
    if not getattr(param, "is_flag", False) and shape.metavar:
        decl += f" {shape.metavar}"
    text = " ".join(paragraphs(param.help or ""))
    notes = []
    if shape.choices and not all(choice in text for choice in shape.choices):
        notes.append("可选:" + "、".join(choice_label(c) for c in shape.choices))
    if shape.minimum is not None:
        notes.append(f"至少 {shape.minimum:g}")
    if shape.maximum is not None:
        notes.append(f"至多 {shape.maximum:g}")
    if shape.repeatable:
        notes.append("可重复")
    default = _default_text(param, shape)
    if default:
        notes.append(f"默认:{default}")
    if notes:
        text += (" " if text[-1:].isascii() and text else "") + "[" + ";".join(notes) + "]"
    return decl, text


def definition_list(
    rows: list[tuple[str, str]], width: int, indent: int = 2, widest: int | None = None
) -> list[str]:
    """Rows of (term, text): side by side when wide enough, else the text under the term.

    ``widest`` lines up several lists (the command panels) on one column.
    """
    lead = " " * indent
    if width >= TWO_COLUMNS_FROM:
        if widest is None:
            widest = max((cell_len(term) for term, _ in rows), default=0)
        column = min(widest + indent + 2, 32)
        out: list[str] = []
        for term, text in rows:
            if not text:
                out.append(lead + term)
                continue
            if cell_len(lead + term) + 2 <= column:
                first = (lead + term).ljust(column - (cell_len(term) - len(term)))
                out += wrap_plain(text, width, first, " " * column)
            else:
                out.append(lead + term)
                out += wrap_plain(text, width, " " * column)
        return out
    out = []
    for term, text in rows:
        out += wrap_plain(term, width, lead)
        if text:
            out += wrap_plain(text, width, lead + "    ")
    return out


def usage_line(ctx, command, is_group: bool) -> str:
    """用法:study quiz [选项] (arguments in words)."""
    pieces = [ctx.command_path, "[选项]"]
    for param in command.get_params(ctx):
        if getattr(param, "param_type_name", "") == "argument":
            pieces.append(shape_of(command, param).metavar)
    if is_group:
        pieces += ["命令", "[参数]..."]
    return " ".join(pieces)


def format_page(ctx, command, commands: list[tuple[str, str, str]] | None = None) -> str:
    """The whole help page of ``command``; ``commands`` (panel, name, help) for a group."""
    width = help_width()
    out = wrap_plain(usage_line(ctx, command, commands is not None), width, "用法:", "  ")
    for paragraph in paragraphs(command.help):
        out += ["", *wrap_plain(paragraph, width, "  ")]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [describe(command, p) for p in params if p.param_type_name == "argument"]
    options = [describe(command, p) for p in params if p.param_type_name != "argument"]
    if arguments:
        out += ["", "参数:", *definition_list(arguments, width)]
    if options:
        out += ["", "选项:", *definition_list(options, width)]
    if commands:
        out += ["", "命令:"]
        panels: dict[str, list[tuple[str, str]]] = {}
        for panel, name, text in commands:
            panels.setdefault(panel, []).append((name, text))
        widest = max(cell_len(name) for _, name, _ in commands)
        for panel, rows in panels.items():
            if panel:
                out.append(f"  {panel}")
            out += definition_list(rows, width, indent=4 if panel else 2, widest=widest)
    return "\n".join(line.rstrip() for line in out) + "\n"


def short_help(command) -> str:
    """A command's one-line description: its first paragraph, whole (never cut with …)."""
    if command.short_help:
        return command.short_help
    found = paragraphs(command.help)
    return found[0] if found else ""
