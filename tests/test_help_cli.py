"""Chinese help pages, usage errors with did-you-mean, --version, Chinese choice names."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from studycli import __version__
from studycli.cli import COMMANDS, app
from studycli.cli.usage import did_you_mean

MINI = ["--no-builtin", "--content"]
ENGLISH = ("Usage", "Options", "Commands", "Show this message", "[default", "<int", "list[Path]")


def command_names() -> list[str]:
    """Every registered command's name."""
    return list(COMMANDS)


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_every_help_page_is_chinese_and_whole(runner, monkeypatch, columns):
    """At 40/60/100 columns every help page uses 用法/选项, no English frame, nothing cut."""
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in ([], *([name, "--help"] for name in command_names())):
        result = runner.invoke(app, [*args, "--help"] if not args else args)
        assert result.exit_code == 0, args
        text = result.stdout
        assert text.startswith("用法:study"), args
        assert "选项:" in text
        assert "…" not in text
        for word in ENGLISH:
            assert word not in text, (args, word)
        assert all(cell_len(line) <= columns for line in text.splitlines()), args
        assert all(line == line.rstrip() for line in text.splitlines())


def test_group_help_lists_commands_in_panels(runner):
    """`study -h` shows the command panels and each command's whole description."""
    result = runner.invoke(app, ["-h"])
    assert result.exit_code == 0
    assert "命令:" in result.stdout and "  练习" in result.stdout
    assert "--version" in result.stdout
    assert "刷闪卡:先到期的,再新的。看正面,回车翻面" in result.stdout


def test_metavars_are_words(runner, monkeypatch):
    """Options name what they take in words: 整数, 主题, 题型, 目录或文件; defaults in Chinese."""
    monkeypatch.setenv("COLUMNS", "60")
    result = runner.invoke(app, ["quiz", "--help"])
    assert result.exit_code == 0
    text = result.stdout
    for piece in ("-n, --count 整数", "-t, --topic 主题", "-k, --kind 题型", "目录或文件"):
        assert piece in text
    assert "[至少 1;默认:10]" in text
    assert "[默认:--builtin]" in text


def test_no_arguments_prints_the_help(runner):
    """Bare `study` prints the help page and exits 0."""
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert result.stdout.startswith("用法:study [选项] 命令")


def test_version(runner):
    """`study --version` prints the package version."""
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"studycli {__version__}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sumary"], "错误:没有“sumary”这个命令。您是否要找 summary?\n用 study -h 查看用法。\n"),
        (["--bogus"], "错误:没有 --bogus 这个选项。\n用 study -h 查看用法。\n"),
        (
            ["quiz", "--hint-len"],
            "错误:没有 --hint-len 这个选项。您是否要找 --hint-length?\n"
            "用 study quiz -h 查看用法。\n",
        ),
        (["quiz", "--count", "x"], "错误:选项 --count 需要一个整数,而不是“x”。\n"),
        (["quiz", "--count", "0"], "错误:选项 --count 至少为 1,而不是 0。\n"),
        (["quiz", "--count"], "错误:选项 --count 后面需要一个值。\n"),
        (["import"], "错误:缺少参数:文件。\n用 study import -h 查看用法。\n"),
    ],
)
def test_usage_errors_are_chinese(runner, args, message):
    """Each usage error is one Chinese sentence on stderr, exit code 2."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)


def test_bad_choice_lists_the_choices_with_chinese_names(runner):
    """`--kind foo` names the choices with their Chinese names."""
    result = runner.invoke(app, ["quiz", "--kind", "foo"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误:选项 --kind 不接受“foo”:可选 cloze 填空、choice 单选")


@pytest.mark.parametrize(
    ("name", "kind"), [("填空", "cloze"), ("单选", "choice"), ("列举", "list")]
)
def test_kind_accepts_chinese_names(runner, mini_deck, name, kind):
    """`--kind 填空` means cloze (also as --kind=填空)."""
    for args in (["--kind", name], [f"--kind={name}"]):
        result = runner.invoke(
            app, ["quiz", *MINI, str(mini_deck), *args, "--json", "--seed", "1"], input=""
        )
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["questions"]
        assert rows and {row["kind"] for row in rows} == {kind}


def test_did_you_mean():
    """Close matches are offered; nothing when nothing is close."""
    assert did_you_mean("sumary", ["summary", "stats"]) == "您是否要找 summary?"
    assert did_you_mean("xyz", ["summary", "stats"]) == ""
