"""Content-declared alternatives: ``aliases`` on facets, list entries, framework parts and
fact figures — validated by `study check`, graded as equal, and kept out of fingerprints."""

from __future__ import annotations

import random

from studycli.cli import app
from studycli.deck.loader import load_deck
from studycli.quiz.grading import grade_answer
from studycli.quiz.questions import generate_questions

DECK = """\
topics: [甲]
items:
  - id: l1
    kind: list
    name: 生产力的三大要素
    entries:
      - {label: 劳动力, text: 劳动力, aliases: [劳动者]}
      - {label: 劳动工具, text: 劳动工具, aliases: [劳动资料]}
      - {label: 劳动对象, text: 劳动对象}
    topics: [甲]
    source: {article: a.txt, section: 一}
  - id: d1
    kind: definition
    term: 新质生产力
    meaning: 新质生产力是先进生产力质态
    facets:
      - {name: 本质, text: 先进生产力, aliases: [先进的生产力质态]}
      - {name: 关键, text: 质优}
    topics: [甲]
    source: {article: a.txt, section: 一}
  - id: k1
    kind: framework
    name: 三要素的质变
    summary: 三要素都发生了质变
    parts:
      - {role: 活的要素, label: 劳动力, aliases: [劳动者]}
      - {role: 第一财源, label: 劳动对象}
    topics: [甲]
    source: {article: a.txt, section: 一}
  - id: f1
    kind: fact
    text: 全国规模以上工业企业研发经费3.05万亿元
    figures: [3.05万亿元]
    aliases: {3.05万亿元: [30500亿元]}
    topics: [甲]
    source: {article: a.txt, section: 一}
"""


def write_deck(tmp_path, text=DECK):
    """A deck file in a temp folder."""
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def questions(path):
    """The deck and its questions by id."""
    deck = load_deck([path])
    return deck, {q.id: q for q in generate_questions(deck, deck.items, rng=random.Random(0))}


def test_aliases_load_and_check_ok(runner, tmp_path):
    """A deck with aliases of every kind passes `study check`."""
    result = runner.invoke(app, ["check", "--no-builtin", "-c", str(write_deck(tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:4 条")


def test_aliases_grade_as_equal(tmp_path):
    """An entry's, a part's, a facet's and a figure's aliases are right; both at once is not."""
    deck, by_id = questions(write_deck(tmp_path))
    cases = [
        ("l1:list:all", "劳动者、劳动资料、劳动对象", True),
        ("l1:list:all", "劳动力劳动者劳动工具劳动资料劳动对象", False),
        ("k1:term:role-活的要素", "劳动者", True),
        ("d1:term:facet-本质", "先进的生产力质态", True),
        ("f1:cloze:text", "30500亿元", True),
        ("f1:cloze:text", "3.5万亿元", False),
    ]
    for qid, answer, right in cases:
        assert grade_answer(by_id[qid], answer, deck.glossary).correct is right, (qid, answer)


def test_aliases_do_not_change_fingerprints(tmp_path):
    """Adding an alias keeps every item's fingerprint, so progress is kept."""
    with_aliases = load_deck([write_deck(tmp_path)])
    plain = DECK.replace(", aliases: [劳动者]", "").replace(", aliases: [劳动资料]", "")
    plain = plain.replace(", aliases: [先进的生产力质态]", "")
    plain = plain.replace("    aliases: {3.05万亿元: [30500亿元]}\n", "")
    (tmp_path / "plain").mkdir()
    without = load_deck([write_deck(tmp_path / "plain", plain)])
    assert [i.fingerprint for i in with_aliases.items] == [i.fingerprint for i in without.items]
    assert "aliases" not in without.items[0].to_dict()["entries"][0]


def test_bad_aliases_are_reported_with_file_and_line(runner, tmp_path):
    """aliases that are not a list, or name no figure, are errors with file:line, exit 1."""
    bad = DECK.replace("aliases: [劳动者]}", "aliases: 劳动者}", 1)
    bad = bad.replace("{3.05万亿元: [30500亿元]}", "{3.5万亿元: [30500亿元]}")
    path = write_deck(tmp_path, bad)
    result = runner.invoke(app, ["check", "--no-builtin", "-c", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7: 条目“l1”的 entries 第 1 项键“aliases”应是文本列表" in result.stderr
    assert f"{path}:34: 条目“f1”的 aliases“3.5万亿元”不是 figures 之一。" in result.stderr
