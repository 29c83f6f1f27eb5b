"""Wrong figures that are really wrong (quiz/bounds.py), and through the generator."""

from __future__ import annotations

import random

from studycli.deck.loader import load_deck
from studycli.quiz.bounds import bound_of, fair_false, fair_wrong, value_of
from studycli.quiz.questions import generate_questions

FACTS = [
    ("f1", "到2025年森林覆盖率提高到25%以上", "25%"),
    ("f2", "全国研发经费投入强度达到2.68%", "2.68%"),
    ("f3", "全年赤字率控制在3%以内", "3%"),
    ("f4", "全年粮食产量达到1.4万亿斤", "1.4万亿斤"),
    ("f5", "城镇新增就业1200万人以上", "1200万人"),
    ("f6", "居民消费价格涨幅2%左右", "2%"),
    ("f7", "服务业增加值比重达到55%以上", "55%"),
    ("f8", "常住人口城镇化率超过66%", "66%"),
    ("f9", "数字经济核心产业增加值占比达到10%", "10%"),
    ("f10", "全员劳动生产率增长6.8%", "6.8%"),
    ("f11", "规模以上工业企业研发经费投入强度达到1.54%", "1.54%"),
    ("f12", "高技术制造业占规模以上工业增加值比重为15.7%", "15.7%"),
]


def test_bound_of_reads_floors_and_ceilings():
    """以上/超过 make a floor, 以内/不超过 a ceiling, plain figures neither."""
    assert bound_of("森林覆盖率提高到25%以上", "25%") == "lower"
    assert bound_of("研发投入超过3%", "3%") == "lower"
    assert bound_of("赤字率控制在3%以内", "3%") == "upper"
    assert bound_of("不超过5000亿元", "5000亿元") == "upper"
    assert bound_of("增长5%左右", "5%") is None


def test_wrong_options_respect_the_bound_and_the_hundred_percent():
    """A smaller floor is still true; a share is never over 100%."""
    assert not fair_wrong("25%", "20%", "lower") and fair_wrong("25%", "30%", "lower")
    assert not fair_wrong("3%", "6%", "upper") and fair_wrong("3%", "1.5%", "upper")
    assert not fair_wrong("87%", "174%", None) and fair_wrong("87%", "43.5%", None)


def test_false_statements_are_never_ten_times_off():
    """26.80% for 2.68% is told at a glance: a judge keeps ×2, ×½, ×3 only."""
    assert not fair_false("2.68%", "26.80%", None)
    assert not fair_false("5000亿元", "50000亿元", None)
    assert fair_false("5000亿元", "10000亿元", None)


def test_generated_options_and_false_statements_are_fair(tmp_path):
    """Through the generator: floors get larger wrong figures, ceilings smaller, and no
    false statement is ten times off or a share over 100%."""
    items = "".join(
        f"  - id: {fid}\n    kind: fact\n    text: {text}\n    figures: [{figure}]\n"
        "    topics: [甲]\n    source: {article: a.txt, section: 一}\n"
        for fid, text, figure in FACTS
    )
    path = tmp_path / "deck.yaml"
    path.write_text("topics: [甲]\nitems:\n" + items, encoding="utf-8")
    deck = load_deck([path])
    every = generate_questions(deck, deck.items, rng=random.Random(0))
    keys = {fid: figure for fid, _, figure in FACTS}
    texts = {fid: text for fid, text, _ in FACTS}
    checked = 0
    for q in every:
        key = keys[q.item_id]
        bound = bound_of(texts[q.item_id], key)
        if q.kind == "choice" and q.answer == key:
            for option in q.options:
                if option != key and value_of(option) is not None:
                    assert fair_wrong(key, option, bound), (q.id, option)
                    checked += 1
        if q.kind == "judge" and q.answer == "错":
            false = [p for p in q.prompt.replace("判断正误:", "").split() if p]
            assert "26.8" not in q.prompt and "250%" not in q.prompt, q.prompt
            checked += 1 if false else 0
    assert checked >= 3


def test_a_share_with_its_qualifier_is_never_over_a_hundred_percent():
    """90%以上 (the piece keeps its 以上) takes no 180%以上 or 900%以上 as a wrong option."""
    assert not fair_wrong("90%以上", "180%以上", "lower")
    assert not fair_wrong("90%以上", "900%以上", None)
    assert fair_wrong("40%左右", "80%左右", None)


def test_a_calendar_year_takes_nearby_years():
    """到2025年: the wrong years are years near it (2030年, 2020年), never 4050年 or 20250年;
    a span of years (10年) still scales."""
    from studycli.quiz.options import number_variants

    assert number_variants("2025年") == ["2030年", "2020年", "2035年", "2022年"]
    assert number_variants("2025年底") == ["2030年底", "2020年底", "2035年底", "2022年底"]
    assert "20年" in number_variants("10年") and "100年" in number_variants("10年")


def test_the_shipped_decks_figure_options_are_sane(runner):
    """Through `study questions --json`: no year option five digits long or before 1900, no
    share option over 100% for a share key."""
    import json
    import re

    from studycli.cli import app

    result = runner.invoke(app, ["questions", "--json", "--kind", "choice"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    questions = data["questions"] if isinstance(data, dict) else data
    figures = [q for q in questions if ":figure" in q["id"]]
    assert figures
    for q in figures:
        if re.fullmatch(r"(19|20)\d\d年", q["answer"]):
            assert all(re.fullmatch(r"(19|20)\d\d年", o) for o in q["options"]), q["id"]
        if re.match(r"\d+(\.\d+)?%", q["answer"]) and value_of(q["answer"]) <= 100:
            assert all(value_of(o) <= 100 for o in q["options"] if "%" in o), q["id"]
