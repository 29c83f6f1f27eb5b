"""Marking the examiner's kinds: 多选, 判断, 默写, 出处 and 归类 (same Grade as grading.py).

多选 is all-or-nothing and names 漏选 and 错选; 判断 reads 对/错 in many spellings
and quotes the true statement; 默写 is graded per character with a diff of
missing, extra and wrong characters; 出处 and 归类 are one-option questions.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from studycli.quiz.matching import (
    fillable,
    key_of,
    loose,
    offers_alternatives,
)
from studycli.quiz.question import FALSE_WORD, LETTERS, SINGLE_OPTION_KINDS, TRUE_WORD, Question
from studycli.quiz.short_names import name_key, ordered_short_owner, short_name_owner
from studycli.text import (
    answer_key,
    arabic_ordinals,
    chinese_ordinals,
    spoken_figures,
    to_simplified,
)

MARKED_KINDS = frozenset({"multi", "judge", "recite", "source", "belongs"})
_TRUE = frozenset(
    {"对", "对的", "正确", "是", "是的", "√", "✓", "✔", "t", "true", "y", "yes", "1", "v"}
)
_FALSE = frozenset(
    {"错", "错的", "错误", "否", "不对", "不正确", "×", "✗", "✘", "x", "f", "false", "n", "no", "0"}
)


class Marked(NamedTuple):
    """A mark before it becomes grading's Grade: score, right or not, per part, a note."""

    score: float
    correct: bool
    found: tuple[bool, ...]
    note: str | None


def mark_answer(question: Question, given: str | None, grade_type: Any, part_type: Any) -> Any:
    """Grade ``given`` for a question of one of MARKED_KINDS, as a ``grade_type``."""
    marked = mark(question, given)
    parts = tuple(part_type(p, hit) for p, hit in zip(question.expected, marked.found, strict=True))
    return grade_type(
        score=marked.score, correct=marked.correct, parts=parts, words=(), note=marked.note
    )


def mark(question: Question, given: str | None) -> Marked:
    """The mark of ``given`` for a question of one of MARKED_KINDS."""
    text = (given or "").strip()
    if question.kind == "multi":
        return _multi(question, text)
    if question.kind == "judge":
        return _judge(question, text)
    if question.kind == "recite":
        return _recite(question, text)
    if question.kind in SINGLE_OPTION_KINDS:
        return _single(question, text)
    raise ValueError(f"not a kind marked here: {question.kind}")


_SLASHES = re.compile(r"[/／|｜]")


def _option_key(text: str) -> str:
    """An option or answer in loose key form, ordinals in digits (第11次 = 第十一次)."""
    return loose(answer_key(arabic_ordinals(text)))


def _all_or_nothing(found: list[bool], correct: bool, note: str | None) -> Marked:
    return Marked(1.0 if correct else 0.0, correct, tuple(found), note)


def chosen_options(question: Question, text: str) -> set[int] | None:
    """Which options an answer picks: by letters (AC, a c, A、C) or by their texts."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in ",，、;；")
    # A letter past the last option (F of five) is still a letter: picked, and no option.
    if compact and all(ch in LETTERS for ch in compact):
        return {LETTERS.index(ch) for ch in compact}
    # Loose keys: 马克思和恩格斯 is the option 马克思、恩格斯 (的/和/与/及 carry no choice).
    key = _option_key(text)
    if not key:
        return None
    found = set()
    for index, option in sorted(
        enumerate(question.options), key=lambda pair: -len(_option_key(pair[1]))
    ):
        option_key = _option_key(option)
        if option_key and option_key in key:
            found.add(index)
            key = key.replace(option_key, "\0")
    return found or None


def stray_text(question: Question, text: str) -> str:
    """What an answer in option texts holds beyond its options (劳动者 in 教育、人才、劳动者)."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in ",，、;；")
    if not compact or all(ch in LETTERS for ch in compact):
        return ""
    key = _option_key(text)
    for option in sorted(question.options, key=lambda o: -len(_option_key(o))):
        option_key = _option_key(option)
        if option_key:
            key = key.replace(option_key, "")
    return key


def _multi(question: Question, text: str) -> Marked:
    right = {i for i, o in enumerate(question.options) if o in question.expected}
    if _hedged(question, text, words_only=True):  # A或B: a pick offered two ways
        found = [False] * len(question.expected)
        return _all_or_nothing(found, False, "给出了不止一个答案")
    text = _SLASHES.sub("、", text)  # 甲方案/丙方案: two picks
    picked = chosen_options(question, text)
    if picked is None:  # text that names no option: say how to answer, not 漏选 of all
        found = [False] * len(question.expected)
        note = "没有这个选项,请答选项字母(如 AC)或选项原文" if text else None
        return _all_or_nothing(found, False, note)
    chosen = picked
    missed = sorted(right - chosen)
    extra = sorted(chosen - right)
    notes = []
    if missed:
        notes.append("漏选 " + "、".join(f"{LETTERS[i]}. {question.options[i]}" for i in missed))
    if extra:
        notes.append("错选 " + "、".join(_option_name(question, i) for i in extra))
    stray = stray_text(question, text)  # a named answer that is none of the options counts
    if stray and fillable(stray, key_of(question.prompt)):
        stray = ""  # the stem's own words (集群化、融合化、生态化发展 for “三化”)
    if stray:
        notes.append(f"多写了选项以外的内容“{stray}”")
    found = [question.options.index(p) in chosen for p in question.expected]
    correct = not missed and not extra and not stray and bool(chosen)
    return _all_or_nothing(found, correct, ";".join(notes) or None)


def _option_name(question: Question, index: int) -> str:
    """B. 教育 for an option; for a letter past the last option, that it has none."""
    if index < len(question.options):
        return f"{LETTERS[index]}. {question.options[index]}"
    return f"{LETTERS[index]}(没有这个选项)"


def _part_of_one_option(question: Question, text: str) -> set[int] | None:
    """The option an answer names in short form: without its bracketed note (在江苏考察时
    for 在江苏考察时（7月）) or shortened where that still names one thing in the deck
    (江苏考察, 二十大报告, 中西部 — but 西部 is not 中西部地区: too short a part)."""
    key = _option_key(text)
    if not key:
        return None
    names = [loose(name_key(arabic_ordinals(option))) for option in question.options]
    if names.count(key) == 1:
        return {names.index(key)}
    # short names compared with ordinals in Chinese numerals (政治局第11次集体学习)
    names = [name_key(chinese_ordinals(option)) for option in question.options]
    rivals = [name_key(chinese_ordinals(rival)) for rival in question.rivals]
    short = answer_key(chinese_ordinals(text))
    owner = short_name_owner(short, names, rivals)
    if owner is None:  # 行政改革 for 行政体制改革: its characters in order in one option only
        owner = ordered_short_owner(short, names, rivals)
    return None if owner is None else {owner}


def _judge(question: Question, text: str) -> Marked:
    # Traditional script too: 對, 錯誤 (to_simplified loads OpenCC only when it is needed).
    key = to_simplified(text).casefold().rstrip("。.!! ").strip()  # noqa: B005 - a set of characters
    said = TRUE_WORD if key in _TRUE else FALSE_WORD if key in _FALSE else None
    hit = said == question.answer
    note = None
    if not hit:
        note = question.explanation if said else f"请答“对”或“错”。{question.explanation}"
    return _all_or_nothing([hit], hit, note)


# 默写 is marked as a marker deducts: every wrong, missing or extra stretch of
# characters costs RECITE_ERROR (生产力 for 生产关系 is one error: 0.75), and the score is
# never above the share of the text written right (an incomplete recite scores its share).
RECITE_ERROR = 0.25
_SHOWN = re.compile(r"“([^”]*)……([^”]*)”")


def _recite_key(text: str) -> str:
    """A recital's key: figures as read aloud (一加一大于二 = 1+1>2), then answer_key."""
    return answer_key(spoken_figures(text))


def _recite(question: Question, text: str) -> Marked:
    want, got = _recite_key(question.answer), _recite_key(text)
    if not want:
        return _all_or_nothing([False], False, None)
    if got != want and _recites_whole(question, want, got):
        return Marked(1.0, True, (True,), None)
    got = _without_shown(question, want, got)  # the prompt's own opening costs nothing
    missing, extra, wrong = [], [], []
    matched = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(
        None, want, got, autojunk=False
    ).get_opcodes():
        if op == "equal":
            matched += a2 - a1
        elif op == "delete":
            missing.append(want[a1:a2])
        elif op == "insert":
            extra.append(got[b1:b2])
        else:
            wrong.append(f"{want[a1:a2]}→{got[b1:b2]}")
    errors = len(missing) + len(extra) + len(wrong)
    share = (matched - 0.5 * sum(map(len, extra))) / len(want)
    score = max(0.0, min(share, 1.0 - RECITE_ERROR * errors))
    notes = []
    if matched < len(want) / 2:
        notes.append("与原文相差较多,请对照答案逐字再背")
        missing, extra, wrong = [], [], []
    if missing:
        notes.append("漏字:" + "、".join(missing))
    if extra:
        notes.append("多字:" + "、".join(extra))
    if wrong:
        notes.append("错字:" + "、".join(wrong))
    correct = want == got
    score = 1.0 if correct else min(score, 0.99)
    return Marked(score, correct, (correct,), ";".join(notes) or None)


def _without_shown(question: Question, want: str, got: str) -> str:
    """The answer without the opening the prompt shows (发展新质生产力，), when it starts
    with it and the key does not; likewise for what the prompt shows after the gap."""
    shown = _SHOWN.search(question.prompt)
    if not shown:
        return got
    head, tail = _recite_key(shown.group(1)), _recite_key(shown.group(2))
    for size in range(len(head), 1, -1):
        if got.startswith(head[-size:]) and not want.startswith(head[-size:]):
            got = got[size:]
            break
    for size in range(len(tail), 1, -1):
        if got.endswith(tail[:size]) and not want.endswith(tail[:size]):
            got = got[:-size]
            break
    return got


def _recites_whole(question: Question, want: str, got: str) -> bool:
    """The recite is exact once the prompt's own words are set aside.

    - 金句: the answer may start with the opening the prompt shows (“发展新质生产力，……”)
      or end with what it shows after the gap: the whole quote, word for word.
    - A wording in ``question.accepted`` (the meaning without a topic lead-in such as
      新质生产力， — set in quiz/marking.py) is exact too.
    """
    for wordings in question.accepted:
        if any(got == _recite_key(w) for w in wordings):
            return True
    at = got.find(want)
    if at < 0:
        return False
    before, after = got[:at], got[at + len(want) :]
    shown = _SHOWN.search(question.prompt)
    head, tail = (_recite_key(shown.group(1)), _recite_key(shown.group(2))) if shown else ("", "")
    # at least two characters of the prompt's words: a stray 力 before the text is no quote
    fair_before = not before or (len(before) >= 2 and head.endswith(before))
    return fair_before and (not after or (len(after) >= 2 and tail.startswith(after)))


def _hedged(question: Question, text: str, words_only: bool = False) -> bool:
    """Two answers offered for one (中央经济工作会议或政治局集体学习, A/B), on every path:
    a 或 or / the options themselves do not hold. In 多选 a / may separate the picks."""
    if words_only:
        text = _SLASHES.sub("、", text)
    return offers_alternatives(text, (*question.options, question.answer))


def _single(question: Question, text: str) -> Marked:
    if _hedged(question, text):
        return _all_or_nothing([False], False, "给出了不止一个答案")
    chosen = chosen_options(question, text) or _part_of_one_option(question, text)
    right = question.options.index(question.answer) if question.answer in question.options else -1
    if chosen is None and right >= 0 and _full_wording(question, text):
        chosen = {right}
    hit = chosen == {right}
    note = None
    if chosen is None or any(i >= len(question.options) for i in chosen):
        note = "没有这个选项"
    elif len(chosen) > 1:
        note = "只能选一项"
    return _all_or_nothing([hit], hit, note)


def _full_wording(question: Question, text: str) -> bool:
    """The right option given in its full wording from the deck (an entry's text)."""
    key = _option_key(text)
    wordings = question.accepted[0] if question.accepted else ()
    return bool(key) and any(key == _option_key(w) for w in wordings)
