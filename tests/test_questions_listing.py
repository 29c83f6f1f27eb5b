"""`study questions` as a curator reads it: Chinese kind names, wrapped fields, --kind checked,
quality flags one per line (attack5 findings 8, 9, 14)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from rich.cells import cell_len
from rich.console import Console

from studycli.cli import app
from studycli.render.linebreak import NO_START
from studycli.render.questions import KIND_LABELS, flag_lines, render_question

MINI = ["--no-builtin", "--content"]


def run(runner, mini_deck, *args):
    """`study questions` on the mini deck."""
    return runner.invoke(app, ["questions", *MINI, str(mini_deck), *args])


def test_kinds_are_shown_by_their_chinese_names(runner, mini_deck):
    """The listing says [单选], [填空] …, never the English code; --json keeps the codes."""
    result = run(runner, mini_deck)
    assert result.exit_code == 0, result.output
    rows = json.loads(run(runner, mini_deck, "--json").stdout)
    for row in rows:
        assert f"{row['id']}  [{KIND_LABELS[row['kind']]}]" in result.stdout
        assert f"[{row['kind']}]" not in result.stdout
    assert {row["kind"] for row in rows} >= {"cloze", "choice"}


def test_body_wraps_at_columns_with_a_hanging_indent(runner, mini_deck, monkeypatch):
    """Piped at COLUMNS=40 no line is wider than 40 cells, none starts with closing
    punctuation, and a long prompt continues under its text, not at column 0."""
    monkeypatch.setenv("COLUMNS", "40")
    result = run(runner, mini_deck)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 40
    assert not [line for line in lines if line.strip() and line.strip()[0] in NO_START]
    prompt_at = next(i for i, line in enumerate(lines) if line.startswith("  题面:"))
    assert any(line.startswith("  题面:") and cell_len(line) > 30 for line in lines)
    continued = [
        lines[i + 1]
        for i, line in enumerate(lines[:-1])
        if line.startswith("  题面:") and lines[i + 1].startswith(" ")
        and not lines[i + 1].lstrip().startswith(("答案", "A."))
    ]  # fmt: skip
    assert prompt_at >= 1 and continued
    assert all(line.startswith(" " * 7) and line[7] != " " for line in continued)


def test_kind_takes_chinese_names_and_any_case(runner, mini_deck):
    """--kind 单选, --kind choice and --kind Choice list the same questions."""
    wanted = json.loads(run(runner, mini_deck, "--json", "--kind", "choice").stdout)
    assert wanted and {row["kind"] for row in wanted} == {"choice"}
    for name in ("单选", "Choice", "CHOICE"):
        result = run(runner, mini_deck, "--json", "--kind", name)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == wanted
    terms = json.loads(run(runner, mini_deck, "--json", "--kind", "名词").stdout)
    assert terms and {row["kind"] for row in terms} == {"term"}


def test_unknown_kind_is_the_same_usage_error_as_quiz(runner, mini_deck):
    """`questions --kind foo` exits 2 with the sentence `quiz --kind foo` gives, and that
    sentence names each kind once (Chinese name beside its code)."""
    listed = run(runner, mini_deck, "--kind", "foo")
    asked = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--kind", "foo"])
    assert listed.exit_code == asked.exit_code == 2
    assert listed.stdout == asked.stdout == ""
    first = listed.stderr.splitlines()[0]
    assert first == asked.stderr.splitlines()[0]
    assert first.startswith("错误:选项 --kind 不接受“foo”:可选 cloze 填空、choice 单选、")
    for name in ("填空", "单选", "多选", "判断", "默写", "列举", "出处", "归类"):
        assert first.count(name) == 1, name
    assert listed.stderr.splitlines()[1] == "用 study questions -h 查看用法。"
    near = run(runner, mini_deck, "--kind", "多选x")
    assert near.exit_code == 2 and near.stderr.count("您是否要找 多选?") == 1


def test_help_names_the_kinds_in_chinese(runner, monkeypatch):
    """`study questions -h` explains --kind with the Chinese names (and the codes)."""
    monkeypatch.setenv("COLUMNS", "200")
    result = runner.invoke(app, ["questions", "-h"])
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if "--kind" in line)
    assert "填空 cloze、单选 choice" in line and "如 cloze" not in result.stdout


def test_each_flag_on_its_own_line(runner, monkeypatch):
    """A question with several quality flags shows each on a line of its own, aligned."""
    monkeypatch.setenv("COLUMNS", "300")
    rows = json.loads(runner.invoke(app, ["questions", "--json", "--flagged"]).stdout)
    row = next(r for r in rows if len(set(r["flags"])) >= 2)
    result = runner.invoke(app, ["questions", "--id", row["id"]])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index(f"  标记:{row['flags'][0]}")
    assert lines[start + 1 : start + len(row["flags"])] == [
        " " * 7 + flag for flag in row["flags"][1:]
    ]


def test_flag_lines_drop_repeats_and_restatements():
    """Identical flags show once; the loose 干扰项都与答案不同类 is dropped beside the
    precise 金句填空 flag that says the same; other flags keep their order."""
    precise = "金句填空的干扰项与答案词性、用字都不同类,凭语感即可排除"
    loose = "干扰项都与答案不同类,凭语感即可排除"
    assert flag_lines([precise, loose, precise]) == [precise]
    assert flag_lines([loose, "甲", loose]) == [loose, "甲"]
    assert flag_lines(["甲", {"k": "值"}, " "]) == ["甲", '{"k": "值"}']


def test_render_question_hangs_every_field():
    """At 30 cells the prompt, options, answer and flags wrap under their own text."""
    question = SimpleNamespace(
        id="x:choice:text",
        kind="choice",
        prompt="当前，中国在量子计算、____、大数据、6G、生物技术、新能源等领域的发展处于世界前列。",
        options=("人工智能", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"),
        answer="人工智能",
    )
    console = Console(width=30, file=None, color_system=None, force_terminal=False)
    with console.capture() as captured:
        for part in render_question(question, ["一二三四五六七八九十一二三四五六七八九十"]):
            console.print(part)
    lines = captured.get().splitlines()
    assert lines[0] == "x:choice:text  [单选]"
    assert max(cell_len(line) for line in lines) <= 30
    assert lines[1].startswith("  题面:当前，") and lines[2].startswith(" " * 7)
    option = next(i for i, line in enumerate(lines) if line.startswith("    B. "))
    assert lines[option + 1].startswith(" " * 7) and lines[option + 1][7] != " "
    flag = next(i for i, line in enumerate(lines) if line.startswith("  标记:"))
    assert lines[flag + 1].startswith(" " * 7)
    assert lines[-1] == ""
