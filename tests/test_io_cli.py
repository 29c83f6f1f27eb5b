"""`study import` and `study export` through the CLI: streams, files, refusals, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from conftest import FIXTURES

from studycli.cli import app

IMPORT = FIXTURES / "import"
A004 = "004_46f25000791b86e7.txt"


@pytest.fixture(scope="module")
def draft_004(tmp_path_factory):
    """Article 004 imported once into a draft YAML file (the CLI, -o)."""
    from conftest import ARTICLES
    from typer.testing import CliRunner

    if not ARTICLES.is_dir():
        pytest.skip("../shared/articles is not present")
    path = tmp_path_factory.mktemp("import") / "draft.yaml"
    result = CliRunner().invoke(app, ["import", str(ARTICLES / A004), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path, result


def test_import_004_reports_damage_on_stderr(draft_004):
    """The six damaged lines are reported on stderr with their numbers; stdout stays empty."""
    path, result = draft_004
    assert result.stdout == ""
    for line in (6, 17, 30, 34, 44, 64):
        assert f"  第 {line} 行:" in result.stderr
    assert "原文损坏 6 处,无法修复,已在文中标为〔此处原文损坏〕:" in result.stderr
    assert "删去第 1 行的网站套话:下面是小编给大家分享的" in result.stderr
    assert f"已写入 {path}。" in result.stderr


def test_import_004_draft_passes_check(runner, draft_004):
    """`study check --content draft.yaml` accepts the draft, with and without the built-in deck."""
    path, _ = draft_004
    result = runner.invoke(app, ["check", "--content", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")
    alone = runner.invoke(app, ["check", "--no-builtin", "--content", str(path)])
    assert alone.exit_code == 0, alone.output
    assert " 个主题,1 个文件;" in alone.stdout  # topics from the article's sections


def test_import_004_quotes_are_verbatim(runner, draft_004, articles):
    """Every drafted quote passes `study check --sources` against the original article."""
    path, _ = draft_004
    result = runner.invoke(
        app, ["check", "--no-builtin", "-c", str(path), "--sources", str(articles)]
    )
    assert result.exit_code == 0, result.output
    assert "条引文均逐字出自原文" in result.stdout


def test_import_without_output_writes_yaml_to_stdout(runner):
    """Without -o the YAML goes to stdout and the report to stderr, so stdout pipes cleanly."""
    result = runner.invoke(app, ["import", str(IMPORT / "traditional.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# 由 study import 从 traditional.txt 起草。")
    assert "    draft: true\n" in result.stdout
    assert "无法修复" not in result.stdout
    assert "  第 12 行:'?guī)装倌曜哌^'" in result.stderr


def test_import_text_only_prints_cleaned_text(runner):
    """--text-only prints just the cleaned text; removals are still reported on stderr."""
    result = runner.invoke(app, ["import", "--text-only", str(IMPORT / "chrome.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "【践悟方法论】以新质生产力为高质量发展注入强大动力",
        "【学习金句】",
    ]
    assert "删去第 4 行的导航行:首页 > 思想理论 > 深度原创 > 正文" in result.stderr


def test_import_refuses_to_overwrite(runner, tmp_path):
    """An existing -o file is kept: exit 1 and a message naming it; --force overwrites."""
    path = tmp_path / "draft.yaml"
    path.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(IMPORT / "traditional.txt"), "-o", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{path} 已存在,没有覆盖。如要覆盖,请加 --force。\n"
    assert path.read_text(encoding="utf-8") == "old\n"
    forced = runner.invoke(
        app, ["import", str(IMPORT / "traditional.txt"), "-o", str(path), "--force"]
    )
    assert forced.exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("# 由 study import")


def test_import_missing_file(runner, tmp_path):
    """A missing article is a one-line error, exit 1."""
    result = runner.invoke(app, ["import", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"错误:找不到文件 {tmp_path / 'nope.txt'}。\n"


def test_export_anki_writes_a_package(runner, mini_deck, tmp_path):
    """--format anki -o writes an .apkg holding a collection; the count goes to stderr."""
    path = tmp_path / "deck.apkg"
    args = ["export", "-f", "anki", "-o", str(path), "--no-builtin", "-c", str(mini_deck)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"已写入 {path}:5 条笔记。\n"
    assert "collection.anki2" in zipfile.ZipFile(path).namelist()


def test_export_anki_needs_output(runner, mini_deck):
    """anki without -o is a usage error, exit 2, with an example."""
    result = runner.invoke(app, ["export", "-f", "anki", "--no-builtin", "-c", str(mini_deck)])
    assert result.exit_code == 2
    assert result.stderr == (
        "错误:anki 导出需要用 -o 指定 .apkg 文件,例如 study export -f anki -o 新质生产力.apkg。\n"
    )


def test_export_refuses_to_overwrite(runner, mini_deck, tmp_path):
    """An existing export file is kept: exit 1 and the message says to use --force."""
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"keep")
    args = ["export", "-f", "anki", "-o", str(path), "--no-builtin", "-c", str(mini_deck)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr == f"错误:{path} 已存在,没有覆盖。如要覆盖,请加 --force。\n"
    assert path.read_bytes() == b"keep"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert path.read_bytes() != b"keep"


def test_export_markdown_topic_to_stdout_and_file(runner, mini_deck, tmp_path):
    """markdown goes to stdout without -o, honours --topic, and has the answer key."""
    args = ["export", "-f", "markdown", "-t", "人力资本", "--no-builtin", "-c", str(mini_deck)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# 学习单 · 人才\n")
    assert result.stdout.endswith("## 答案\n\n1. 新质生产力\n2. 劳动者\n3. 劳动资料\n")
    path = tmp_path / "sheet.md"
    assert runner.invoke(app, [*args, "-o", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8") == result.stdout


def test_export_json_contract_unchanged(runner, mini_deck, tmp_path):
    """json still prints {"items": [...]} to stdout, and -o writes the same."""
    args = ["export", "--no-builtin", "-c", str(mini_deck)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert [item["id"] for item in payload["items"]] == ["q1", "d1", "l1", "f1", "fa1"]
    path = tmp_path / "deck.json"
    assert runner.invoke(app, [*args, "-o", str(path)]).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8")) == payload


def test_heavy_libraries_stay_unimported():
    """`study --help` and `study summary` import neither genanki, jieba nor opencc."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from studycli.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "CliRunner().invoke(app, ['summary'])\n"
        "print(sorted(m for m in ('genanki', 'jieba', 'opencc') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
