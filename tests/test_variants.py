"""“我答对了”: ! at the prompt, study accept, study variants; the answer log, the FSRS card
and the accepted variants in the user's data."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from studycli.cli import app
from studycli.memory.recording import amend_last_answer, record_answer
from studycli.memory.scheduling import GOOD, make_scheduler
from studycli.memory.store import Store
from studycli.memory.variants import Variant, accepted_answers, add_variant, list_variants

MINI = ["--no-builtin", "--content"]
NOW = "2026-03-01T09:00:00+00:00"
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def quiz(runner, mini_deck, *args, input=""):
    """Run `study quiz` on the mini deck with the given lines on stdin."""
    return runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--now", NOW, *args], input=input)


def first_questions(runner, mini_deck, count=2):
    """The questions a seeded term quiz asks."""
    result = quiz(runner, mini_deck, "--json", "--kind", "term", "--seed", "1", "-n", str(count))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_bang_after_a_wrong_answer_records_it_right_and_remembers_it(
    runner, mini_deck, isolated_env
):
    """`!` after ✗ says so, counts the answer right, stores it; next time it is accepted."""
    rows = first_questions(runner, mini_deck)
    answers = f"我的说法\n!\n{rows[1]['answer']}\n"
    result = quiz(runner, mini_deck, "--kind", "term", "--seed", "1", "-n", "2", input=answers)
    assert result.exit_code == 0, result.output
    assert "已改判为正确,并记住“我的说法”是此题可接受的答案" in result.stdout
    assert "合计" in result.stdout and "│    2 │    2 │ 100% │" in result.stdout
    with Store.open(isolated_env) as store:
        assert accepted_answers(store, rows[0]["id"]) == ["我的说法"]
        score, correct, rating = store.query(
            "SELECT score, correct, rating FROM answers WHERE question_id = ?", (rows[0]["id"],)
        )[0]
    assert (score, correct, rating) == (1.0, 1, GOOD)
    again = quiz(runner, mini_deck, "--json", "--kind", "term", "--seed", "1", "-n", "1",
                 input="我的说法\n")  # fmt: skip
    assert again.exit_code == 0
    assert json.loads(again.stdout)["questions"][0]["correct"] is True


def test_bang_after_a_right_answer_changes_nothing(runner, mini_deck, isolated_env):
    """`!` after a right answer only says it was already right; nothing is stored."""
    rows = first_questions(runner, mini_deck)
    answers = f"{rows[0]['answer']}\n!\n{rows[1]['answer']}\n"
    result = quiz(runner, mini_deck, "--kind", "term", "--seed", "1", "-n", "2", input=answers)
    assert result.exit_code == 0
    assert "上一题已经判为正确。" in result.stdout
    with Store.open(isolated_env) as store:
        assert list_variants(store) == []


def test_study_accept_declares_the_last_answer_right(runner, mini_deck, isolated_env):
    """`study accept` after a session amends the last wrong answer; twice is an error."""
    rows = first_questions(runner, mini_deck, count=1)
    quiz(runner, mini_deck, "--kind", "term", "--seed", "1", "-n", "1", input="另一种说法\n")
    result = runner.invoke(app, ["accept", "--now", NOW])
    assert result.exit_code == 0, result.output
    assert f"已改判为正确:题目 {rows[0]['id']} 以后也接受“另一种说法”。" in result.stdout
    again = runner.invoke(app, ["accept"])
    assert again.exit_code == 1
    assert "已经判为正确" in again.stderr


def test_study_accept_with_no_answers_is_an_error(runner):
    """`study accept` with an empty log says there is nothing to accept, exit 1."""
    result = runner.invoke(app, ["accept"])
    assert result.exit_code == 1
    assert "还没有作答记录,没有可以改判的答案。" in result.stderr


def test_variants_list_json_and_export(runner, mini_deck, tmp_path):
    """`study variants` lists, --json gives the rows, --export writes YAML for the curator."""
    empty = runner.invoke(app, ["variants"])
    assert empty.exit_code == 0 and "还没有认可过的答案" in empty.stdout
    rows = first_questions(runner, mini_deck, count=1)
    quiz(runner, mini_deck, "--kind", "term", "--seed", "1", "-n", "1", input="说法甲\n")
    runner.invoke(app, ["accept", "--now", NOW])
    listed = runner.invoke(app, ["variants"])
    assert listed.exit_code == 0
    assert f"{rows[0]['id']}\n  答案:{rows[0]['answer']}\n  认可:说法甲" in listed.stdout
    data = json.loads(runner.invoke(app, ["variants", "--json"]).stdout)
    assert [(d["question"], d["answer"]) for d in data] == [(rows[0]["id"], "说法甲")]
    target = tmp_path / "variants.yaml"
    exported = runner.invoke(app, ["variants", "--export", str(target)])
    assert exported.exit_code == 0 and "已写入" in exported.stderr
    text = target.read_text("utf-8")
    assert f'- question: "{rows[0]["id"]}"' in text and 'aliases: ["说法甲"]' in text
    refused = runner.invoke(app, ["variants", "--export", str(target)])
    assert refused.exit_code == 1 and "已存在" in refused.stderr


def test_amend_gives_the_card_a_right_answer_would_have(tmp_path):
    """The amended card has the state and stability of one answered right (Good) at once."""
    scheduler = make_scheduler(fuzz=False)
    fields = dict(question_id="q", item_id="i", fingerprint="f", kind="term", expected="对",
                  answered_at=AT, duration_s=None, mode="quiz", scheduler=scheduler)  # fmt: skip
    with Store.open(tmp_path / "a") as amended, Store.open(tmp_path / "b") as right:
        record_answer(amended, given="错", score=0.0, correct=False, **fields)
        assert amend_last_answer(amended, "q", scheduler=scheduler)
        record_answer(right, given="对", score=1.0, correct=True, rating=GOOD, **fields)
        assert amended.card("q") == right.card("q")
        assert amended.answers_count() == 1
        assert not amend_last_answer(amended, "never-asked")


def test_variant_is_stored_once(tmp_path):
    """Adding the same variant twice keeps one row and says it was known."""
    with Store.open(tmp_path) as store:
        variant = Variant("q", "i", "f", "说法", "答案", AT)
        assert add_variant(store, variant)
        assert not add_variant(store, variant)
        assert list_variants(store) == [variant]
        assert list_variants(store, "other") == []
        assert accepted_answers(store, "q", "f") == ["说法"]
        assert accepted_answers(store, "q", "edited") == []  # the item's wording changed


def option_questions(runner, mini_deck, kind):
    """The first question of a seeded quiz of one kind (its options and answer)."""
    result = quiz(runner, mini_deck, "--json", "--kind", kind, "--seed", "1", "-n", "1")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_bang_is_refused_for_a_choice_question(runner, mini_deck, isolated_env):
    """`!` after a wrong choice answer is refused in Chinese; nothing is amended or stored."""
    row = option_questions(runner, mini_deck, "choice")[0]
    result = quiz(runner, mini_deck, "--kind", "choice", "--seed", "1", "-n", "2",
                  input="错的答案\n!\n\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "上一题是选择题:答案只能是给定的选项,没有歧义,不能改判为正确。" in result.stdout
    assert "已改判为正确" not in result.stdout
    with Store.open(isolated_env) as store:
        assert list_variants(store) == []
        (correct,) = store.query("SELECT correct FROM answers WHERE question_id = ?", (row["id"],))[
            0
        ]
    assert correct == 0


def test_override_is_refused_for_every_kind_with_fixed_options():
    """accept_previous refuses choice, multi, judge, source and belongs answers (before
    touching the store); a refused outcome stays wrong."""
    import random

    from studycli.cli.override import accept_previous
    from studycli.deck.loader import load_deck
    from studycli.quiz.questions import generate_questions
    from studycli.render.quiz import Outcome

    deck = load_deck()
    questions = generate_questions(deck, deck.items, rng=random.Random(0))
    by_kind = {q.kind: q for q in questions}
    for kind in ("choice", "multi", "judge", "source", "belongs"):
        outcomes = [Outcome(by_kind[kind], "错的答案", 0.0, False)]
        said = accept_previous(None, outcomes).plain
        assert said.startswith("上一题是") and "不能改判为正确" in said, kind
        assert ("判断题" in said) == (kind == "judge")
        assert outcomes[0].correct is False


def test_study_accept_is_refused_for_a_choice_answer(runner, mini_deck, isolated_env):
    """`study accept` after a wrong choice answer exits 1 with the reason; nothing stored."""
    row = option_questions(runner, mini_deck, "choice")[0]
    quiz(runner, mini_deck, "--kind", "choice", "--seed", "1", "-n", "1", input="错的答案\n")
    result = runner.invoke(app, ["accept", "--now", NOW])
    assert result.exit_code == 1
    assert (
        f"最近一次作答(题目 {row['id']})是选择题:答案只能是给定的选项,没有歧义,不能改判为正确。"
        in result.stderr
    )
    with Store.open(isolated_env) as store:
        assert list_variants(store) == []
