"""“我答对了”: after a ✗, ``!`` at the next prompt declares the previous answer right.

The answer is then recorded as right (memory.recording.amend_last_answer corrects the
logged answer and rebuilds the FSRS card) and remembered as an accepted variant of that
question in the user's data (memory.variants), which grading accepts from then on.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text

from studycli.render.linebreak import Para

OVERRIDE_COMMANDS = frozenset({"!", "！", "我答对了"})
# Kinds answered by picking from fixed options: a letter or an option's text is
# unambiguous, so “I was right” cannot apply, and text that picked no option must not be
# stored as an accepted variant (it would then be graded right forever).
FIXED_OPTION_KINDS = frozenset({"choice", "multi", "judge", "source", "belongs"})
# A Para with a two-space indent: wrapped by 禁则, later lines under the first (not column 0).
HINT = Para(
    Text("认为自己答对了?在下一题的提示处输入 ! 改判(最后一题用 study accept)。", style="dim"),
    "  ",
)


def is_override(text: str | None) -> bool:
    """True for the “我答对了” command (``!``)."""
    return text is not None and text.strip() in OVERRIDE_COMMANDS


def accept_previous(session, outcomes: list) -> Text:
    """Declare the last outcome right: amend its record, remember the variant, say so."""
    if not outcomes:
        return Text("还没有答过题,没有可以改判的答案。", style="yellow")
    last = outcomes[-1]
    if last.correct:
        return Text("上一题已经判为正确。", style="yellow")
    if not last.given or not last.given.strip():
        return Text("上一题没有作答,无法改判。", style="yellow")
    question = last.question
    if question.kind in FIXED_OPTION_KINDS:
        return Text("上一题" + refusal(question.kind), style="yellow")
    accept_answer(session.store, question, last.given, session.now())
    outcomes[-1] = dataclasses.replace(last, score=1.0, correct=True)
    return Text(
        f"已改判为正确,并记住“{last.given.strip()}”是此题可接受的答案(study variants 查看)。",
        style="green",
    )


def refusal(kind: str) -> str:
    """Why an answer to a question with fixed options cannot be declared right."""
    if kind == "judge":
        return "是判断题:答案只能是“对”或“错”,没有歧义,不能改判为正确。"
    return "是选择题:答案只能是给定的选项,没有歧义,不能改判为正确。"


def kind_of(question_id: str) -> str:
    """The kind in a question id (item:kind:what)."""
    parts = question_id.split(":")
    return parts[1] if len(parts) > 2 else ""


def accept_answer(store, question, given: str, now) -> bool:
    """Record ``given`` as right for ``question`` and remember it; False if never answered."""
    from studycli.memory.recording import amend_last_answer
    from studycli.memory.variants import Variant, add_variant

    if not amend_last_answer(store, question.id):
        return False
    variant = Variant(
        question.id, question.item_id, question.fingerprint, given.strip(), question.answer, now
    )
    add_variant(store, variant)
    return True
