"""Usage errors in Chinese, with a did-you-mean, checked before typer parses the arguments.

Unknown commands and options, an option without its value, a value that is not a number or
not one of the choices: each becomes one sentence naming the option and the value, and
exit code 2. Chinese names of choices (`--kind 填空`) are turned into their values here.
Whatever typer itself still rejects is reported by ``translate`` (also in Chinese).
"""

from __future__ import annotations

import re

from studycli.cli.params import CHOICE_ALIASES, choices_listed, shape_of
from studycli.errors import UsageError


class CommandLineError(UsageError):
    """A mistake on the command line; ``hint`` names the help page to read."""

    def __init__(self, message: str, hint: str):
        super().__init__(f"{message}\n用 {hint} -h 查看用法。")


def did_you_mean(word: str, candidates: list[str]) -> str:
    """ "您是否要找 X?" for the closest candidates, or ""."""
    import difflib  # only for a mistake: not on the start-up path

    close = difflib.get_close_matches(word, candidates, n=2, cutoff=0.7)
    if not close and word.startswith("--"):
        close = [c for c in candidates if c.startswith(word[:4]) and len(word) > 3][:2]
    return f"您是否要找 {' 或 '.join(close)}?" if close else ""


def _is_number(token: str) -> bool:
    return bool(re.fullmatch(r"-\d+(\.\d+)?", token))


def check_command(ctx, name: str, commands: list[str]) -> None:
    """Raise a Chinese usage error if ``name`` is not a command of the group."""
    if name in commands:
        return
    message = f"没有“{name}”这个命令。"
    guess = did_you_mean(name, commands)
    raise CommandLineError(message + guess, ctx.command_path)


def check_arguments(ctx, command, args: list[str]) -> list[str]:
    """``args`` checked against ``command``'s options, Chinese choice names replaced."""
    params = [p for p in command.get_params(ctx) if getattr(p, "param_type_name", "") == "option"]
    by_opt = {opt: p for p in params for opt in (*p.opts, *p.secondary_opts)}
    hint = ctx.command_path
    out = list(args)
    index = 0
    while index < len(out):
        token = out[index]
        if token == "--":
            break
        if not token.startswith("-") or token == "-" or _is_number(token):
            index += 1
            continue
        name, eq, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        param = by_opt.get(name)
        if param is None:
            visible = [o for p in params if not p.hidden for o in (*p.opts, *p.secondary_opts)]
            raise CommandLineError(f"没有 {name} 这个选项。" + did_you_mean(name, visible), hint)
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            index += 1
            continue
        if eq:
            value = inline
        elif index + 1 < len(out):
            value = out[index + 1]
        else:
            raise CommandLineError(f"选项 {name} 后面需要一个值。", hint)
        value = check_value(command, param, name, value, hint)
        if eq:
            out[index] = f"{name}={value}"
            index += 1
        else:
            out[index + 1] = value
            index += 2
    return out


def check_value(command, param, name: str, value: str, hint: str) -> str:
    """The value as typer should see it (a choice's Chinese name → its value), or raise."""
    shape = shape_of(command, param)
    if shape.choices:
        folded = {c.lower(): c for c in shape.choices}
        if value.lower() in folded:
            return folded[value.lower()]
        alias = CHOICE_ALIASES.get(value)
        if alias in shape.choices:
            return alias
        listed = choices_listed(shape.choices)
        names = [*shape.choices, *(a for a, v in CHOICE_ALIASES.items() if v in shape.choices)]
        names = list(dict.fromkeys(names))  # 多选 is both a choice and an alias
        guess = did_you_mean(value, names)
        raise CommandLineError(f"选项 {name} 不接受“{value}”:可选 {listed}。{guess}", hint)
    if shape.base in (int, float):
        try:
            number = int(value) if shape.base is int else float(value)
        except ValueError:
            kind = "整数" if shape.base is int else "数"
            raise CommandLineError(f"选项 {name} 需要一个{kind},而不是“{value}”。", hint) from None
        if shape.minimum is not None and number < shape.minimum:
            raise CommandLineError(f"选项 {name} 至少为 {shape.minimum:g},而不是 {value}。", hint)
        if shape.maximum is not None and number > shape.maximum:
            raise CommandLineError(f"选项 {name} 至多为 {shape.maximum:g},而不是 {value}。", hint)
    return value


_PATTERNS = [
    (r"No such option:? '?([^'\s]+)'?", "没有 {0} 这个选项。"),
    (r"No such command '([^']+)'", "没有“{0}”这个命令。"),
    (r"Option '([^']+)' requires an? (?:argument|value)", "选项 {0} 后面需要一个值。"),
    (r"Missing option '([^']+)'", "缺少选项 {0}。"),
    (r"Missing argument '([^']+)'", "缺少参数 {0}。"),
    (r"Got unexpected extra arguments? \((.+)\)", "多余的参数:{0}。"),
    (r"Invalid value for '([^']+)'", "选项 {0} 的值无效。"),
]


def translate(exc) -> str:
    """A usage error typer or click still raised (``exc``), as a Chinese sentence."""
    ctx, param = getattr(exc, "ctx", None), getattr(exc, "param", None)
    hint = f"\n用 {ctx.command_path} -h 查看用法。" if ctx is not None else ""
    if ctx is not None and param is not None and type(exc).__name__ == "MissingParameter":
        shape = shape_of(ctx.command, param)
        what = "参数" if getattr(param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{what}:{shape.metavar or param.name}。" + hint
    message = exc.format_message()
    detail = getattr(exc, "message", "") or ""
    if type(exc).__name__ == "BadParameter" and not detail.isascii():  # our own Chinese reason
        opts = getattr(param, "opts", None) or [getattr(param, "name", "")]
        return f"选项 {opts[0]} 的值无效:{detail}" + hint
    for pattern, template in _PATTERNS:
        match = re.search(pattern, message)
        if match:
            return template.format(*match.groups()) + hint
    return f"命令行有误:{message}" + hint
