"""Composing and marking a mock paper (quiz.paper, quiz.paper_marking), without the CLI."""

from __future__ import annotations

import random
from collections import Counter
from types import SimpleNamespace

import pytest

from studycli.deck.loader import content_paths, load_deck
from studycli.quiz.paper import (
    MIN_TOPIC_ITEMS,
    SECTIONS,
    compose_paper,
    section_counts,
    split_evenly,
)
from studycli.quiz.paper_marking import mark_paper
from studycli.quiz.questions import generate_questions


@pytest.fixture(scope="module")
def shipped():
    """The shipped deck and every question it gives (generated once for the module)."""
    deck = load_deck(content_paths((), builtin=True))
    items = deck.items_in(None)
    return deck, items, generate_questions(deck, items, rng=random.Random(0))


def fake(qid: str, kind: str, topics=("甲",), **extra) -> SimpleNamespace:
    """A stand-in question with just what composing a paper reads."""
    fields = {"prompt": f"题干{qid}", "answer": f"答案{qid}", "expected": (), "options": ()}
    return SimpleNamespace(id=qid, item_id=qid, kind=kind, topics=topics, **{**fields, **extra})


def test_split_evenly_sums_exactly():
    """Largest remainder: whole numbers that add up to the total, in proportion."""
    assert split_evenly(100, [30, 25, 15]) == [43, 36, 21]
    assert split_evenly(43, [1] * 9) == [5, 5, 5, 5, 5, 5, 5, 4, 4]
    assert sum(split_evenly(100, [1] * 7)) == 100
    assert split_evenly(10, []) == []


def test_section_counts_respect_capacity_and_give_each_one():
    """Every section with questions gets one; a full section's share goes to the others."""
    assert section_counts(20, [30, 20, 10, 25, 15], [50, 50, 50, 50, 50]) == [6, 4, 2, 5, 3]
    assert section_counts(20, [30, 20, 10, 25, 15], [50, 0, 0, 50, 1]) == [10, 0, 0, 9, 1]
    # Two full sections: their places go to the others in proportion to the shares.
    assert section_counts(20, [30, 20, 10, 25, 15], [4, 2, 50, 50, 50]) == [4, 2, 3, 7, 4]
    assert section_counts(3, [30, 20, 10, 25, 15], [0, 0, 0, 2, 0]) == [0, 0, 0, 2, 0]


def test_shipped_paper_points_sum_to_100_and_cover_every_topic(shipped):
    """A 20-question paper: points sum to 100 and every topic with ≥ 5 items is on it."""
    _, items, questions = shipped
    sizes = Counter(t for item in items for t in item.topics)
    for seed in (1, 2, 3):
        paper = compose_paper(questions, 20, random.Random(seed), topic_sizes=dict(sizes))
        entries = paper.entries()
        assert len(entries) == 20
        assert sum(points for *_, points in entries) == 100
        assert sum(section.total for section in paper.sections) == 100
        assert len({q.item_id for q in paper.questions}) == 20  # one question per item
        covered = {t for q in paper.questions for t in q.topics}
        required = {t for t, n in sizes.items() if n >= MIN_TOPIC_ITEMS}
        assert required and required <= covered


def test_sections_follow_kinds_present_and_are_numbered_in_order(shipped):
    """The shipped deck fills all five sections, numbered 一 to 五; 出处 and 归类 questions
    go to 单选, 名词 to 填空 (examiner 4: none ever reached a paper)."""
    _, _, questions = shipped
    paper = compose_paper(questions, 20, random.Random(5))
    assert [s.title for s in paper.sections] == [
        "一、单选题",
        "二、多选题",
        "三、判断题",
        "四、填空题",
        "五、默写/列举题",
    ]
    by_section = {s.name: {q.kind for q in s.questions} for s in paper.sections}
    assert by_section["单选题"] <= {"choice", "source", "belongs"}
    assert by_section["填空题"] <= {"cloze", "term"}
    assert by_section["五、默写/列举题"[2:]] <= {"recite", "list"}
    assert {"source", "belongs"} & {q.kind for q in paper.questions}


def test_new_kinds_drop_into_their_sections():
    """multi, judge and recite questions fill 二 三 五 as soon as they exist; shares hold."""
    kinds = ["choice", "multi", "judge", "cloze", "recite", "list"]
    pool = [fake(f"{k}{n}", k) for k in kinds for n in range(10)]
    paper = compose_paper(pool, 20, random.Random(0))
    assert [s.title for s in paper.sections] == [
        "一、单选题", "二、多选题", "三、判断题", "四、填空题", "五、默写/列举题",
    ]  # fmt: skip
    assert [s.total for s in paper.sections] == [spec.share for spec in SECTIONS]
    assert [len(s.questions) for s in paper.sections] == [6, 3, 3, 4, 4]
    assert all(p == 5 for s in paper.sections for p in s.points)


def test_flagged_questions_never_reach_a_paper_and_core_points_come_first():
    """Quality flags keep a question off; a core point (weight ≥ 1.0) beats any lesser one."""
    pool = [fake("bad", "choice", flags=("too_short",), weight=9.0)]
    pool += [fake(f"c{n}", "cloze", weight=0.6) for n in range(5)]
    pool.append(fake("core", "cloze", weight=1.0))
    for seed in range(5):
        paper = compose_paper(pool, 1, random.Random(seed))
        assert [q.id for q in paper.questions] == ["core"]
    paper = compose_paper(pool, 10, random.Random(0))
    assert "bad" not in {q.id for q in paper.questions}
    assert len(paper.questions) == 6


def test_two_seeds_give_two_papers_and_history_is_left_aside():
    """Among equal core points the seed draws by lot; the items of recent papers wait."""
    pool = [fake(f"z{n}", "cloze", weight=1.0) for n in range(30)]
    first = {q.id for q in compose_paper(pool, 10, random.Random(1)).questions}
    second = {q.id for q in compose_paper(pool, 10, random.Random(2)).questions}
    assert first != second and len(first & second) < 10
    again = compose_paper(pool, 10, random.Random(1), recent=frozenset(first))
    assert not {q.id for q in again.questions} & first
    # With only 12 items, a second sitting repeats no more than it must.
    small = pool[:12]
    sat = {q.id for q in compose_paper(small, 10, random.Random(1)).questions}
    next_ = {
        q.id for q in compose_paper(small, 10, random.Random(1), recent=frozenset(sat)).questions
    }
    assert len(sat & next_) == 8


def test_section_five_mixes_recite_and_list():
    """默写/列举 takes a list question beside the recitations while core ones are left."""
    pool = [fake(f"r{n}", "recite", answer="发展新质生产力") for n in range(10)]
    pool += [fake(f"l{n}", "list", expected=("甲乙", "丙丁")) for n in range(10)]
    pool += [fake(f"c{n}", "cloze") for n in range(10)]
    for seed in range(4):
        paper = compose_paper(pool, 10, random.Random(seed))
        five = next(s for s in paper.sections if s.name == "默写/列举题")
        assert len(five.questions) >= 2
        assert {q.kind for q in five.questions} == {"recite", "list"}


def test_no_question_shows_another_questions_key():
    """An option that is another question's key is not on the same paper as that question."""
    leak = fake(
        "leak", "choice", answer="乙乙乙", options=("甲甲甲", "乙乙乙", "全要素生产率大幅提升")
    )
    cloze = fake(
        "cz", "cloze", answer="全要素生产率", expected=("全要素生产率",), blanks=("全要素生产率",)
    )
    others = [
        fake(f"o{n}", "choice", answer=f"{n}号答案", options=(f"{n}号答案", f"{n}号选项"))
        for n in range(3)
    ]
    for seed in range(6):
        paper = compose_paper([leak, cloze, *others], 3, random.Random(seed))
        ids = {q.id for q in paper.questions}
        assert not {"leak", "cz"} <= ids


def test_uncovered_topic_is_preferred_over_a_bigger_one():
    """With two slots and a big and a small topic, each topic gets one question."""
    pool = [fake(f"big{n}", "choice", ("大",)) for n in range(20)]
    pool += [fake(f"small{n}", "choice", ("小",)) for n in range(5)]
    paper = compose_paper(pool, 2, random.Random(3), topic_sizes={"大": 20, "小": 5})
    assert sorted(q.topics[0] for q in paper.questions) == ["大", "小"]


def test_marking_gives_points_per_section_and_topic(shipped):
    """Right answers earn full points, partial ones a share; tallies add up to the score."""
    deck, _, questions = shipped
    paper = compose_paper(questions, 12, random.Random(8))
    qs = paper.questions
    answers = [q.answer for q in qs]
    answers[0] = "完全不对的答案"
    answers[-1] = None
    marked = mark_paper(paper, answers, deck.glossary)
    entries = paper.entries()
    lost = entries[0][3] + entries[-1][3]
    assert marked.score == 100 - lost
    assert [m.number for m in marked.wrong()] == [1, len(qs)]
    assert sum(t.earned for t in marked.sections()) == marked.score
    assert sum(t.points for t in marked.sections()) == 100
    assert marked.answered == len(qs) - 1


def test_a_section_short_of_questions_gets_fewer_points():
    """Only one list question on a 9-question paper: it is worth what any question is (11),
    not the list section's 15 % share of the paper (21 points)."""
    pool = [fake(f"c{n}", "choice") for n in range(10)] + [
        fake(f"z{n}", "cloze") for n in range(10)
    ]
    pool.append(fake("l0", "list"))
    paper = compose_paper(pool, 9, random.Random(0))
    points = {s.name: s.points for s in paper.sections}
    assert sum(sum(p) for p in points.values()) == 100
    assert points["默写/列举题"] == (11,)
    every = [p for section in points.values() for p in section]
    assert len(every) == 9 and max(every) - min(every) <= 1
