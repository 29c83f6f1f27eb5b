"""Marking 多选, 判断, 默写, 出处 and 归类, and asking them through the `study` command."""

from __future__ import annotations

import json

from studycli.cli import app
from studycli.deck.model import Source
from studycli.quiz.grading import Grade, grade_answer
from studycli.quiz.question import Question

SOURCE = Source("004_46f25000791b86e7.txt", "感悟5")


def make(kind: str, **fields) -> Question:
    """A hand-made question of ``kind`` (answer, expected, options …) for marking."""
    fields.setdefault("expected", (fields["answer"],))
    return Question(
        id=f"x:{kind}:1",
        item_id="x",
        kind=kind,
        topics=("产业",),
        prompt="题干",
        answer_words=(),
        source=SOURCE,
        fingerprint="f",
        **fields,
    )


MULTI = make(
    "multi",
    answer="产业链;创新链",
    expected=("产业链", "创新链"),
    options=("产业链", "供应链", "创新链", "区块链"),
)


def test_multi_is_all_or_nothing_and_names_missed_and_wrong():
    """多选: AC is right; A alone is 漏选 C; ACB is 错选 B; texts work as letters do."""
    right = grade_answer(MULTI, "AC")
    assert isinstance(right, Grade) and right.correct and right.score == 1.0
    assert grade_answer(MULTI, "c a").correct and grade_answer(MULTI, "产业链、创新链").correct
    missed = grade_answer(MULTI, "A")
    assert (missed.correct, missed.score, missed.note) == (False, 0.0, "漏选 C. 创新链")
    wrong = grade_answer(MULTI, "ABC")
    assert not wrong.correct and wrong.note == "错选 B. 供应链"
    assert MULTI.answer_letters == "AC"


def test_a_letter_past_the_last_option_is_named_not_taken_for_text():
    """多选 ACE of four options is 错选 E (no such option), and text naming no option says
    how to answer, not 漏选 of everything; 出处 E says 没有这个选项; judge takes 对的/错的."""
    past = grade_answer(MULTI, "ACE")
    assert not past.correct and past.note == "错选 E(没有这个选项)"
    unknown = grade_answer(MULTI, "错的答案")
    assert not unknown.correct and unknown.note == "没有这个选项,请答选项字母(如 AC)或选项原文"
    assert grade_answer(MULTI, "").note is None
    question = make("source", answer="邓小平", options=("毛泽东", "邓小平", "马克思"))
    assert grade_answer(question, "E").note == "没有这个选项"
    judge = make("judge", answer="对", explanation="原文")
    assert grade_answer(judge, "对的").correct and not grade_answer(judge, "错的").correct


def test_judge_reads_many_spellings_and_quotes_the_statement():
    """判断: 对/√/T/正确 are true, 错/×/F are false; a wrong answer quotes 原文."""
    question = make("judge", answer="错", explanation="原文:新质生产力的关键是“质优”。")
    for said in ("错", "×", "F", "错误", "false"):
        assert grade_answer(question, said).correct, said
    for said in ("对", "√", "t", "正确"):
        grade = grade_answer(question, said)
        assert not grade.correct and grade.note == "原文:新质生产力的关键是“质优”。"
    assert grade_answer(question, "也许").note.startswith("请答“对”或“错”")


def test_recite_is_graded_per_character_with_a_diff():
    """默写: exact text scores 1; missing, extra and wrong characters are named."""
    question = make("recite", answer="科技创新能够催生新产业、新模式、新动能")
    assert grade_answer(question, "科技创新能够催生新产业，新模式，新动能。").correct
    missing = grade_answer(question, "科技创新催生新产业、新模式、新动能")
    assert not missing.correct and missing.score == 0.75 and missing.note == "漏字:能够"
    wrong = grade_answer(question, "科技创新能够产生新产业、新模式、新动能")
    assert wrong.note == "错字:催→产"
    extra = grade_answer(question, "科技创新能够催生新产业、新模式、新动能啊")
    assert extra.note == "多字:啊"
    assert grade_answer(question, "").score == 0


def test_recite_shows_first_characters_on_request():
    """--hint-length on 默写 shows each clause's first character (首字提示)."""
    question = make("recite", answer="科技创新，是核心要素。")
    assert question.display_prompt(hint_length=True).endswith("提示:科□□□，是□□□□。")
    assert question.display_prompt() == "题干"


def test_source_and_belongs_take_one_letter_or_text():
    """出处/归类: a letter or the option's text; two letters are not one answer."""
    question = make("source", answer="邓小平", options=("毛泽东", "邓小平", "马克思"))
    assert question.answer_letter == "B"
    assert grade_answer(question, "b").correct and grade_answer(question, "邓小平").correct
    assert not grade_answer(question, "A").correct
    assert grade_answer(question, "AB").note == "只能选一项"
    assert grade_answer(question, "孔子").note == "没有这个选项"
    belongs = make(
        "belongs", answer="马克思、恩格斯", options=("马克思", "马克思、恩格斯", "毛泽东")
    )
    assert grade_answer(belongs, "马克思、恩格斯").correct
    assert grade_answer(belongs, "马克思和恩格斯").correct
    assert not grade_answer(belongs, "马克思").correct


def test_quiz_kind_accepts_chinese_names(runner):
    """`study quiz --kind 多选` asks only 多选 questions, with their options in the JSON."""
    result = runner.invoke(app, ["quiz", "--kind", "多选", "--json", "-n", "5", "--seed", "2"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["questions"]
    assert len(rows) == 5 and {row["kind"] for row in rows} == {"multi"}
    assert all(4 <= len(row["options"]) <= 5 for row in rows)


def test_quiz_judge_feedback_quotes_the_true_statement(runner):
    """Answering a 判断 wrongly prints 原文 and the source."""
    result = runner.invoke(app, ["quiz", "-k", "judge", "-n", "1", "--seed", "5"], input="不知道\n")
    assert result.exit_code == 0, result.output
    assert "判断" in result.stdout and "原文:" in result.stdout and "出处:" in result.stdout


def test_every_new_kind_is_asked_through_the_cli(runner):
    """Each of 多选 判断 默写 出处 归类 gives a session on the shipped deck; answers score."""
    for kind in ("multi", "judge", "recite", "出处", "归类"):
        rows = json.loads(
            runner.invoke(app, ["quiz", "-k", kind, "--json", "-n", "3", "--seed", "1"]).stdout
        )["questions"]
        answers = "".join(row["answer"] + "\n" for row in rows)
        result = runner.invoke(
            app, ["quiz", "-k", kind, "--json", "-n", "3", "--seed", "1"], input=answers
        )
        assert result.exit_code == 0, (kind, result.output)
        assert json.loads(result.stdout)["correct"] == 3, kind


def test_questions_flagged_lists_reasons(runner):
    """`study questions --flagged` lists what the gate stopped, each with a reason."""
    result = runner.invoke(app, ["questions", "--flagged"])
    assert result.exit_code == 0, result.output
    assert "  标记:" in result.stdout
    assert "a004-g1-tichu-licheng:cloze:entry-2" in result.stdout
    rows = json.loads(runner.invoke(app, ["questions", "--flagged", "--json"]).stdout)
    assert rows and all(row["flags"] for row in rows)


def test_questions_kind_with_nothing_flagged(runner, mini_deck):
    """A range with no flagged question says so (an empty listing is no error)."""
    result = runner.invoke(
        app, ["questions", "--flagged", "-k", "judge", "--no-builtin", "--content", str(mini_deck)]
    )
    assert result.exit_code == 0
    assert "没有被标记的题目。" in result.stdout
