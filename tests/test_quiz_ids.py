"""`study quiz --id` on its own terms and fed from the 错题本 (attack5 findings 10, 11)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest

from studycli.cli import app
from studycli.render.progress import MistakeLine, render_mistakes

MINI = ["--no-builtin", "--content"]


def ids_of(runner, deck, *args) -> list[str]:
    """The question ids `study questions --json` lists for ``deck``."""
    result = runner.invoke(app, ["questions", *MINI, str(deck), "--json", *args])
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--topic", "人力资本"], "--topic"),
        (["--kind", "单选"], "--kind"),
        (["--count", "5"], "--count"),
        (["--seed", "3"], "--seed"),
        (["--mistakes"], "--mistakes"),
        (["-t", "人力资本", "-k", "choice", "-n", "2"], "--topic、--kind、--count"),
    ],
)
def test_id_with_a_choosing_option_is_a_usage_error(runner, mini_deck, extra, named):
    """--id asks exactly the questions named, so a topic, kind, count, seed or --mistakes
    beside it is a usage error (exit 2) naming the option; nothing is asked."""
    qid = ids_of(runner, mini_deck)[0]
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", qid, *extra], input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"错误:选项 --id 不能与 {named} 同用:--id 只考指定的题")


def test_same_id_twice_is_asked_once(runner, mini_deck):
    """`--id Q --id Q` asks Q once; `--id A --id B --id A` asks A then B."""
    first, second = ids_of(runner, mini_deck)[:2]
    args = ["quiz", *MINI, str(mini_deck), "--json", "--id", first, "--id", first]
    result = runner.invoke(app, args, input="\n")
    assert result.exit_code == 0, result.output
    assert [q["id"] for q in json.loads(result.stdout)["questions"]] == [first]
    args = ["quiz", *MINI, str(mini_deck), "--json"]
    args += ["--id", first, "--id", second, "--id", first]
    result = runner.invoke(app, args, input="\n\n")
    assert result.exit_code == 0, result.output
    assert [q["id"] for q in json.loads(result.stdout)["questions"]] == [first, second]


def test_id_header_claims_no_topic_and_no_seed(runner, mini_deck):
    """The header of a quiz by id says so, with no topic and no random seed."""
    qid = ids_of(runner, mini_deck, "--kind", "judge")[0]
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", qid], input="对\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "测验:按题号,共 1 题。"
    assert "种子" not in result.stdout and "主题“" not in result.stdout


def test_item_id_or_unknown_id_of_an_item_lists_its_question_ids(runner, mini_deck):
    """An item id given as --id, or an id of a known item that no longer exists, gets the
    item's question ids (exit 1), in quiz and questions alike."""
    wanted = ids_of(runner, mini_deck)
    q1 = [qid for qid in wanted if qid.startswith("q1:")]
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", "q1"])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误:“q1”是条目号,不是题号;这个条目的题号有:")
    assert q1[0] in result.stderr and len(result.stderr.splitlines()) == 1
    result = runner.invoke(app, ["questions", *MINI, str(mini_deck), "--id", "q1:cloze:nope"])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误:题库中没有题号“q1:cloze:nope”;条目“q1”的题号有:")
    assert q1[0] in result.stderr


def test_id_of_a_deck_not_loaded_names_its_file(runner, mini_deck, tmp_path):
    """An id answered from a --content deck, asked without it, names the deck file."""
    deck = tmp_path / "my deck"
    shutil.copytree(mini_deck, deck)
    qid = ids_of(runner, deck, "--kind", "term")[0]
    result = runner.invoke(app, ["quiz", *MINI, str(deck), "--id", qid], input="错\n")
    assert result.exit_code == 0, result.output
    for command in ("quiz", "questions"):
        result = runner.invoke(app, [command, "--id", qid])
        assert result.exit_code == 1
        origin = deck / "deck.yaml"
        assert result.stderr == (
            f"错误:题库中没有题号“{qid}”:它来自 {origin},现在没有载入;"
            f"加 --content '{origin}' 再试。\n"
        )
    result = runner.invoke(app, ["quiz", "--id", "nowhere:cloze:x"])
    assert result.exit_code == 1
    assert result.stderr == "错误:题库中没有题号“nowhere:cloze:x”。用 study questions 查看题号。\n"


def test_mistakes_show_the_id_quiz_id_redoes(runner, mini_deck):
    """Each 错题本 entry shows its question id, and `study quiz --id` with that id redoes it."""
    qid = ids_of(runner, mini_deck, "--kind", "term")[0]
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", qid], input="错\n")
    assert result.exit_code == 0
    result = runner.invoke(app, ["mistakes", *MINI, str(mini_deck)])
    assert result.exit_code == 0
    assert f"   题号:{qid}\n" in result.stdout
    assert result.stdout.rstrip().endswith("重做其中一题:study quiz --id 题号")
    again = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--id", qid, "--json"], input="\n")
    assert again.exit_code == 0
    assert [q["id"] for q in json.loads(again.stdout)["questions"]] == [qid]


def test_render_mistakes_shows_ids_only_where_there_are_some():
    """A card's mistake has no question id: no 题号 line, and no --id footer if none has."""
    from rich.console import Console

    def shown(lines):
        console = Console(width=60, color_system=None)
        with console.capture() as captured:
            console.print(render_mistakes(lines, len(lines)))
        return captured.get()

    when = datetime(2026, 1, 2, tzinfo=UTC).strftime("%m月%d日")
    card = MistakeLine("甲", "主题", when, None, "乙")
    asked = MistakeLine("丙", "主题", when, "丁", "戊", question_id="i:cloze:text")
    text = shown([card])
    assert "题号" not in text and "--id" not in text
    text = shown([card, asked])
    assert text.count("题号:") == 1 and "   题号:i:cloze:text\n" in text
    assert text.rstrip().endswith("重做其中一题:study quiz --id 题号")
