"""The examiner's kinds beyond the classic four: 多选, 判断, 默写, 出处 and 归类.

Each takes the classic ``Builder`` for its helpers (ids, seeded rngs, option pools),
so every question still comes from one item and cites it.
"""

from __future__ import annotations

import random

from studycli.deck.model import Definition, Framework, Item, ListItem, Quote
from studycli.quiz.builder import Builder
from studycli.quiz.contested import restating
from studycli.quiz.families import telling_words
from studycli.quiz.giveaways import is_period
from studycli.quiz.judges import judge
from studycli.quiz.picking import pick_options
from studycli.quiz.question import Question
from studycli.quiz.voices import INSTITUTIONS, _voices
from studycli.text import answer_key

MULTI_RIGHT = (2, 4)  # how many right options a 多选 question holds, at least and at most
MULTI_OPTIONS = 5  # options shown at most
MULTI_WRONG = 2  # wrong options at least
RECITE_MAX = 80  # characters: longer is no recitation but an essay


def new_kind_questions(builder: Builder, item: Item) -> list[Question]:
    """The 多选, 判断, 默写, 出处 and 归类 questions of one item."""
    out: list[Question] = []
    out += multi(builder, item)
    out += judge(builder, item)
    out += recite(builder, item)
    out += source(builder, item)
    out += belongs(builder, item)
    return out


# --- 多选 ---------------------------------------------------------------------------


def multi(b: Builder, item: Item) -> list[Question]:
    """下列属于…的有: 2–4 right among 4–5 options, from a list or a framework's role."""
    if isinstance(item, ListItem):
        labels = [e.label for e in item.entries]
        own = [x for e in item.entries for x in (e.label, e.text)]
        stem = f"下列属于“{item.name}”的有(多选):"
        refused = b.pools.refused_for(item) | b.pools.subject_truths(item.name)
        return _multi(b, item, "all", stem, labels, own, refused, head=(item.name, item.name))
    if isinstance(item, Quote):
        return _multi_quotes(b, item)
    if isinstance(item, Framework):
        out = []
        for role in item.roles():
            same = [p.label for p in item.parts if p.role == role]
            if len(same) >= 2:
                stem = f"下列属于“{item.name}”中“{role}”的有(多选):"
                own = [p.label for p in item.parts]
                owner = f"{item.name}{role}"
                also_true = b.pools.true_of_list(role) | b.pools.subject_truths(owner)
                out += _multi(
                    b, item, f"role-{role}", stem, same, own, also_true, [], head=(owner, role)
                )
        return out
    return []


def _multi_quotes(b: Builder, item: Quote) -> list[Question]:
    """下列论述中出自某人的有: this quote, others of the speaker, and quotes of others."""
    same, others = _voices(b, item.speaker)
    mates = [t for t in same if t != item.text]
    if len(item.text) > 40 or not mates or len(others) < 2:
        return []
    rng = random.Random(f"{item.id}:speaker")
    right = [item.text, *rng.sample(mates, min(len(mates), rng.randint(1, 2)))]
    wrong = rng.sample(others, min(len(others), 5 - len(right)))
    options = [*right, *wrong]
    b.rng_for(item, "multi:speaker").shuffle(options)
    right_in_order = tuple(o for o in options if o in right)
    return [
        b.make(
            item,
            "multi",
            "speaker",
            prompt=f"下列论述中,出自{item.speaker}的有(多选):",
            answer=";".join(right_in_order),
            expected=right_in_order,
            options=tuple(options),
        )
    ]


def _multi(
    b, item, slug, prompt, labels, own, also_true, siblings=None, head=("", "")
) -> list[Question]:
    if len(labels) < MULTI_RIGHT[0]:
        return []
    rng = b.rng_for(item, f"multi:{slug}")
    # How many are right does not depend on the seed, so the question exists for every seed.
    how_many = random.Random(f"{item.id}:{slug}").randint(*MULTI_RIGHT)
    right = rng.sample(labels, min(len(labels), how_many))
    # At least two wrong options: one lone distractor among four right ones is no test.
    right = right[: MULTI_OPTIONS - MULTI_WRONG]
    wrong_needed = max(MULTI_WRONG, (5 if len(right) >= 3 else 4) - len(right))
    # Distractors of the entries' own family and shape only (quiz/families.py).
    # Typed against every entry, not the seeded right ones: the question exists for any seed.
    tiers = [siblings or [], b.pools.typed_labels(head[0], head[1], labels, labels)]
    # A distractor that restates a listed entry (形成经济发展新动能 for ……新的动能) is right too.
    says_the_same = restating([*labels, *own])
    tiers = [[c for c in tier if not says_the_same(c)] for tier in tiers]
    if isinstance(item, ListItem):
        # 体制机制与产业政策 beside 科技成果转化机制改革: may be an entry in other words.
        words = {w for x in [*labels, *own] for w in telling_words(x)}
        tiers = [[c for c in tier if not telling_words(c) & words] for tier in tiers]
    # Distractors are drawn as for a one-answer question whose answer is the first right one.
    picked = pick_options(
        right[0],
        tiers,
        rng,
        prompt=prompt,
        exclude=[*own, *right],
        count=wrong_needed + 1,
        refuse=also_true,
        canon=b.pools.canon,
        like="".join(labels),
        overlap_with="|".join(own),
    )
    if picked is None or len(picked) < wrong_needed + 1:
        return []
    wrong = [o for o in picked if o != right[0]]
    options = [*right, *wrong]
    rng.shuffle(options)
    right_in_order = tuple(o for o in options if o in right)
    return [
        b.make(
            item,
            "multi",
            slug,
            prompt=prompt,
            answer=";".join(right_in_order),  # entries may hold 、 themselves
            expected=right_in_order,
            options=tuple(options),
        )
    ]


# --- 默写 ---------------------------------------------------------------------------


def recite(b: Builder, item: Item) -> list[Question]:
    """A 金句 from its opening clause, or a definition in full; graded per character."""
    if isinstance(item, Quote):
        head, sep, rest = _split_opening(item.text)
        if not sep or not 6 <= len(answer_key(rest)) <= RECITE_MAX:
            return []
        who = item.speaker + (f"({item.occasion})" if item.occasion else "")
        prompt = f"默写金句的其余部分:“{head}{sep}……”——{who}"
        return [_recitation(b, item, "text", prompt, rest)]
    if isinstance(item, ListItem) and item.ordered and not item.open and len(item.entries) >= 3:
        # Only lists in the article's own words (labels are sometimes short paraphrases).
        if any(e.label != e.text for e in item.entries):
            return []
        labels = "、".join(e.label for e in item.entries)
        if len(answer_key(labels)) > 40:
            return []
        prompt = f"默写“{item.name}”的全部内容(按原文顺序,共 {len(item.entries)} 项)。"
        return [_recitation(b, item, "all", prompt, labels)]
    if isinstance(item, Definition) and len(answer_key(item.meaning)) <= RECITE_MAX:
        if not item.facets:  # a concept the deck treats as central has named facets
            return []
        term = b.labels[item.id]
        # The points named are the facets the text holds, so the prompt says what to write.
        names = "、".join(dict.fromkeys(f.name for f in item.facets if f.text in item.meaning))
        points = f"(要点:{names})" if names else ""
        prompt = f"默写原文关于“{term}”的表述{points}。"
        return [_recitation(b, item, "meaning", prompt, item.meaning)]
    return []


def _recitation(b: Builder, item: Item, slug: str, prompt: str, text: str) -> Question:
    return b.make(item, "recite", slug, prompt=prompt, answer=text, answer_words=())


def _split_opening(text: str) -> tuple[str, str, str]:
    for mark in ",，;；":
        head, sep, rest = text.partition(mark)
        if sep and rest:
            return head, sep, rest
    return text, "", ""


# --- 出处 ---------------------------------------------------------------------------


def source(b: Builder, item: Item) -> list[Question]:
    """Who said a quote, and on what occasion."""
    if not isinstance(item, Quote):
        return []
    speakers = b.speakers
    # An era (新中国成立后) beside meetings and visits is ruled out at a glance (examiner 3).
    occasions = [o for o in b.occasions if not is_period(o)]
    out = []
    shown = f"“{item.text}”"
    exclude = [item.speaker]
    if item.speaker == "习近平" or item.speaker.startswith(INSTITUTIONS):
        # A speech by 习近平 at a party meeting: the meeting and the speaker are both right.
        exclude += [s for s in speakers if s == "习近平" or s.startswith(INSTITUTIONS)]
    out += b.choice(
        item, "speaker", f"{shown}是谁的论述?", item.speaker, [speakers], exclude, kind="source"
    )
    if item.occasion:
        # Another occasion of the same day could be where it was said as well.
        same_day = b.occasions_by_date.get(item.date or "", set()) - {item.occasion}
        prompt = f"{shown}——{item.speaker}。这段论述出自哪个场合?"
        out += b.choice(
            item, "occasion", prompt, item.occasion, [occasions], sorted(same_day), kind="source"
        )
    return out


# --- 归类 ---------------------------------------------------------------------------


def belongs(b: Builder, item: Item) -> list[Question]:
    """Which entry a sub-point belongs to, or which role of a framework a part fills."""
    out: list[Question] = []
    if isinstance(item, ListItem) and len(item.entries) >= 3:
        labels = [e.label for e in item.entries]
        # A point the article states under two entries (000 第四: 资源整合共享 under 一是
        # and 二是) belongs to both: no question. 的 is ignored in the comparison.
        seen: dict[str, set[int]] = {}
        for number, entry in enumerate(item.entries, 1):
            for point in entry.points:
                seen.setdefault(answer_key(point).replace("的", ""), set()).add(number)
        for number, entry in enumerate(item.entries, 1):
            for index, point in enumerate(entry.points, 1):
                if len(answer_key(point)) > 60:
                    continue
                if len(seen[answer_key(point).replace("的", "")]) > 1:
                    continue
                prompt = f"“{point}”属于“{item.name}”中的哪一项?"
                out += b.choice(
                    item, f"point-{number}-{index}", prompt, entry.label, [labels], kind="belongs"
                )
    if isinstance(item, Framework) and len(item.roles()) >= 2:
        roles = item.roles()
        for number, part in enumerate(item.parts, 1):
            prompt = f"“{part.label}”在“{item.name}”中属于哪一部分?"
            picked = (
                pick_options(
                    part.role,
                    [roles],
                    b.rng_for(item, f"belongs:{number}"),
                    prompt=prompt,
                    count=min(4, len(roles)),
                )
                if len(roles) >= 3
                else _two(b, item, number, part.role, roles)
            )
            if picked:
                out.append(
                    b.make(
                        item,
                        "belongs",
                        f"part-{number}",
                        prompt=prompt,
                        answer=part.role,
                        options=picked,
                    )
                )
    return out


def _two(b: Builder, item: Item, number: int, role: str, roles: list[str]) -> tuple[str, ...]:
    """Both roles of a two-role framework (一核 or 两翼), in seeded order."""
    options = list(roles)
    b.rng_for(item, f"belongs:{number}").shuffle(options)
    return tuple(options)
