"""`study summary`, `topics`, `check`, `export --format json` through the CLI."""

from __future__ import annotations

import json
import re

from studycli.cli import app, load_all_commands


def test_every_command_has_help(runner):
    """Each command has a Chinese help text and --help works for it."""
    for command in load_all_commands():
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.callback.__doc__, f"{name} has no help text"


def test_no_arguments_shows_help(runner):
    """Bare `study` shows the command list."""
    result = runner.invoke(app, [])
    assert "summary" in result.output and "topics" in result.output


def test_summary_renders_each_kind(runner, mini_deck):
    """The summary shows quotes with their byline, numbered lists and a framework outline."""
    result = runner.invoke(app, ["summary", "--no-builtin", "--content", str(mini_deck)])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "—— 习近平 · 2024-01-31 · 中共中央政治局第十一次集体学习" in text
    assert "1. 劳动者" in text and "2. 劳动资料" in text
    assert "一核两翼" in text and "▸ 两翼" in text
    assert "核心标志 全要素生产率大幅提升" in text
    assert "\x1b[" not in text  # piped output carries no colour codes


def test_summary_reads_at_60_columns(runner, mini_deck):
    """At 60 columns no line is wider than the terminal."""
    from rich.cells import cell_len

    result = runner.invoke(
        app, ["summary", "--no-builtin", "-c", str(mini_deck)], env={"COLUMNS": "60"}
    )
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.output.splitlines()) <= 60


def test_summary_topic_alias_filters(runner, mini_deck):
    """--topic accepts an alias and shows only that topic's items."""
    result = runner.invoke(app, ["summary", "-t", "人力资本", "--no-builtin", "-c", str(mini_deck)])
    assert result.exit_code == 0
    assert "学习摘要 · 人才" in result.output
    assert "一核两翼" not in result.output


def test_unknown_topic_exits_1_with_suggestion(runner, mini_deck):
    """An unknown topic lists the topics and suggests the close one, without a traceback."""
    result = runner.invoke(app, ["summary", "-t", "人材", "--no-builtin", "-c", str(mini_deck)])
    assert result.exit_code == 1
    assert result.stderr == "错误:没有主题“人材”。您是否要找“人才”?\n可用的主题:人才、产业\n"
    assert result.stdout == ""


def test_topics_table(runner, mini_deck):
    """`study topics` counts items per topic and shows aliases."""
    result = runner.invoke(app, ["topics", "--no-builtin", "-c", str(mini_deck)])
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if "人才" in line or "产业" in line]
    assert "2" in rows[0] and "人力资本" in rows[0]
    assert "4" in rows[1]
    assert "共 5 条,2 个主题" in result.output


def test_check_ok_and_sources(runner, mini_deck, articles):
    """`study check` says ok with counts and compiles the bank; --sources verifies the quotes."""
    result = runner.invoke(app, ["check", "--no-builtin", "-c", str(mini_deck)])
    assert result.exit_code == 0
    assert re.fullmatch(r"ok:5 条,2 个主题,1 个文件;已编译 \d+ 道题、\d+ 张闪卡。\n", result.output)
    result = runner.invoke(
        app, ["check", "--no-builtin", "-c", str(mini_deck), "--sources", str(articles)]
    )
    assert result.exit_code == 0
    assert "1 条引文均逐字出自原文(2 篇)" in result.output


def test_check_reports_bad_yaml_with_line(runner, tmp_path):
    """A broken user deck gives file:line and exit 1, no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "topics: [甲]\nitems:\n  - id: x\n    kind: fact\n    text: [\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "-c", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误:{bad}:6: YAML 语法错误:")
    assert "Traceback" not in result.output


def test_content_env_variable_adds_a_deck(runner, mini_deck, monkeypatch):
    """STUDY_CONTENT loads a deck like --content does."""
    monkeypatch.setenv("STUDY_CONTENT", str(mini_deck))
    result = runner.invoke(app, ["check", "--no-builtin"])
    assert result.exit_code == 0
    assert result.output.startswith("ok:5 条")


def test_bad_option_value_exits_2(runner):
    """A wrong option value is a usage error (exit 2)."""
    result = runner.invoke(app, ["export", "--format", "pdf"])
    assert result.exit_code == 2


def test_export_json_contract(runner, mini_deck):
    """export --format json prints {"items": [...]} with every field the model holds."""
    result = runner.invoke(
        app, ["export", "--format", "json", "--no-builtin", "-c", str(mini_deck)]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["items"]
    first = data["items"][0]
    assert first == {
        "id": "q1",
        "kind": "quote",
        "topics": ["人才"],
        "source": {"article": "000_60834e77d2d30f85.txt", "section": "学习金句"},
        "draft": False,
        "text": "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。",
        "speaker": "习近平",
        "date": "2024-01-31",
        "occasion": "中共中央政治局第十一次集体学习",
    }
    listing = data["items"][2]
    assert listing["entries"][0] == {
        "label": "劳动者",
        "text": "劳动者",
        "points": ["最活跃的因素"],
    }


def test_builtin_deck_passes_check(runner, articles):
    """The shipped content/ loads and every quote is verbatim in the shared articles."""
    result = runner.invoke(app, ["check", "--sources", str(articles)])
    assert result.exit_code == 0, result.output
