"""The --kind option's choices, shared by `study quiz` and `study questions`."""

from __future__ import annotations

import enum


class QuestionKind(enum.StrEnum):
    cloze = "cloze"
    choice = "choice"
    multi = "multi"
    judge = "judge"
    recite = "recite"
    list = "list"
    term = "term"
    source = "source"
    belongs = "belongs"
    # The same kinds by their Chinese names (generate_questions reads both).
    tiankong = "填空"
    danxuan = "单选"
    duoxuan = "多选"
    panduan = "判断"
    moxie = "默写"
    lieju = "列举"
    mingci = "名词"
    chuchu = "出处"
    guilei = "归类"
