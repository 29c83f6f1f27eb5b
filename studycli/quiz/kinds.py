"""The examiner's kinds beyond the classic four: 多选, 判断, 默写, 出处 and 归类.

Each takes the classic ``Builder`` for its helpers (ids, seeded rngs, option pools),
so every question still comes from one item and cites it.
"""

from __future__ import annotations

import random

from studycli.deck.model import Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.builder import Builder
from studycli.quiz.contested import restating
from studycli.quiz.options import number_variants, pick_options
from studycli.quiz.question import FALSE_WORD, TRUE_WORD, Question
from studycli.quiz.wording import close_facets, facet_stem, is_verb_like
from studycli.text import answer_key, is_figure, split_pieces

MULTI_RIGHT = (2, 4)  # how many right options a 多选 question holds, at least and at most
RECITE_MAX = 80  # characters: longer is no recitation but an essay
_INSTITUTIONS = ("党的", "中央")


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


def _voices(b: Builder, speaker: str) -> tuple[list[str], list[str]]:
    """Short quotes (≤ 40 characters) of this speaker, and of speakers who are surely others."""
    key = ("voices", speaker)
    if key not in b.memo:
        short = [q for q in b.quotes if len(q.text) <= 40]
        same = list(dict.fromkeys(q.text for q in short if q.speaker == speaker))
        others = list(dict.fromkeys(q.text for q in short if not _same_voice(q.speaker, speaker)))
        b.memo[key] = (same, others)
    return b.memo[key]


def _other_speakers(b: Builder, speaker: str) -> list[str]:
    """Speakers who surely did not say what ``speaker`` said, in a stable order."""
    key = ("speakers", speaker)
    if key not in b.memo:
        b.memo[key] = sorted({s for s in b.speakers if not _same_voice(s, speaker)})
    return b.memo[key]


def _occasions_of(b: Builder, speaker: str) -> list[tuple[str, str | None]]:
    """(occasion, date) pairs of the speaker's quotes."""
    key = ("occasions", speaker)
    if key not in b.memo:
        pairs = {(q.occasion, q.date) for q in b.quotes if q.speaker == speaker and q.occasion}
        b.memo[key] = sorted(pairs, key=lambda p: (p[0], p[1] or ""))
    return b.memo[key]


def _same_voice(a: str, b: str) -> bool:
    """Two speakers one quote may be put down to.

    The same name, one inside the other (马克思 and 马克思、恩格斯), or 习近平 and a
    party meeting he addressed (党的二十大报告).
    """
    if a == b or a in b or b in a:
        return True

    def official(name: str) -> bool:
        return name.startswith(_INSTITUTIONS) or name == "习近平"

    return official(a) and official(b)


def _multi(
    b, item, slug, prompt, labels, own, also_true, siblings=None, head=("", "")
) -> list[Question]:
    if len(labels) < MULTI_RIGHT[0]:
        return []
    rng = b.rng_for(item, f"multi:{slug}")
    # How many are right does not depend on the seed, so the question exists for every seed.
    how_many = random.Random(f"{item.id}:{slug}").randint(*MULTI_RIGHT)
    right = rng.sample(labels, min(len(labels), how_many))
    total = 5 if len(right) >= 3 else 4
    wrong_needed = total - len(right)
    # Distractors of the entries' own family and shape only (quiz/families.py).
    tiers = [siblings or [], b.pools.typed_labels(head[0], head[1], labels, right)]
    # A distractor that restates a listed entry (形成经济发展新动能 for ……新的动能) is right too.
    says_the_same = restating([*labels, *own])
    tiers = [[c for c in tier if not says_the_same(c)] for tier in tiers]
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


# --- 判断 ---------------------------------------------------------------------------


def judge(b: Builder, item: Item) -> list[Question]:
    """A statement the deck holds, true as written or made false by a confusable swap."""
    pairs = _statements(b, item)
    out = []
    for number, (true_text, false_text) in enumerate(pairs, 1):
        rng = b.rng_for(item, f"judge:{number}")
        is_true = false_text is None or rng.random() < 0.5
        shown = true_text if is_true else false_text
        out.append(
            b.make(
                item,
                "judge",
                f"s-{number}",
                prompt=f"判断正误:{shown}",
                answer=TRUE_WORD if is_true else FALSE_WORD,
                answer_words=(),
                explanation=f"原文:{true_text}",
            )
        )
    return out


def _statements(b: Builder, item: Item) -> list[tuple[str, str | None]]:
    """(true statement, false twin) pairs; the twin swaps in a confusable text of the deck."""
    out: list[tuple[str, str | None]] = []
    if isinstance(item, Definition) and len(item.facets) >= 2:
        term = b.labels[item.id]
        for facet in item.facets:
            if "什么" in facet.name:
                continue
            joint = "" if is_verb_like(facet.name) else "是"
            stem = f"{facet_stem(term, facet.name)}{joint}"
            true_facets = b.pools.true_facets(item.term, facet.name)
            others = [
                f.text
                for f in item.facets
                if f is not facet
                and b.pools.canonical(f.text) not in true_facets
                and not close_facets(f.name, facet.name)
            ]
            if not others:
                continue
            swap = b.rng_for(item, f"swap:{facet.name}").choice(others)
            out.append((f"{stem}“{facet.text}”。", f"{stem}“{swap}”。"))
        return out[:2]
    if isinstance(item, Framework) and len(item.roles()) >= 2:
        for role in item.roles()[:2]:
            same = [p.label for p in item.parts if p.role == role]
            others = [p.label for p in item.parts if p.role != role]
            rng = b.rng_for(item, f"swap:{role}")
            stem = f"“{item.name}”中的“{role}”包括"
            out.append((f"{stem}“{rng.choice(same)}”。", f"{stem}“{rng.choice(others)}”。"))
        return out
    if isinstance(item, ListItem) and len(item.entries) >= 3:
        labels = [e.label for e in item.entries]
        also_true = b.pools.refused_for(item) | b.pools.subject_truths(item.name)
        rng = b.rng_for(item, "swap:list")
        entry = rng.choice(item.entries)
        wrong = pick_options(
            entry.label,
            [b.pools.typed_labels(item.name, item.name, labels, [entry.label])],
            rng,
            prompt=item.name,
            exclude=[x for e in item.entries for x in (e.label, e.text)],
            count=2,
            refuse=also_true,
            canon=b.pools.canon,
            like="".join(e.label for e in item.entries),
            overlap_with="|".join(x for e in item.entries for x in (e.label, e.text)),
        )
        stem = f"“{item.name}”包括"
        false = None
        if wrong:
            false = f"{stem}“{next(o for o in wrong if o != entry.label)}”。"
        out.append((f"{stem}“{entry.label}”。", false))
        return out
    if isinstance(item, Quote):
        # The occasion swapped for another of the same speaker's, or the speaker for another.
        said = f"“{item.text}”"
        if item.occasion:
            others = sorted(
                {
                    occasion
                    for occasion, date in _occasions_of(b, item.speaker)
                    if occasion != item.occasion and date != item.date
                }
            )
            if others:
                swap = b.rng_for(item, "swap:occasion").choice(others)
                stem = f"{said}——{item.speaker}。这段论述的场合是“{{}}”。"
                return [(stem.format(item.occasion), stem.format(swap))]
        others = _other_speakers(b, item.speaker)
        if others:
            swap = b.rng_for(item, "swap:speaker").choice(others)
            return [(f"{said}出自{item.speaker}。", f"{said}出自{swap}。")]
        return []
    if isinstance(item, Fact):
        for figure in item.figures:
            for piece in split_pieces(figure):
                # Only amounts with a unit: 12月 → 24月 or 6G → 60G would be nonsense, not a test.
                amount = is_figure(piece) and not piece.endswith(("年", "月", "日"))
                variants = number_variants(piece) if amount else []
                if variants and item.text.count(piece) == 1 and len(item.text) <= 90:
                    swap = b.rng_for(item, "swap:figure").choice(variants)
                    return [(item.text, item.text.replace(piece, swap))]
    return out


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
    speakers, occasions = b.speakers, b.occasions
    out = []
    shown = f"“{item.text}”"
    exclude = [item.speaker]
    if item.speaker == "习近平" or item.speaker.startswith(_INSTITUTIONS):
        # A speech by 习近平 at a party meeting: the meeting and the speaker are both right.
        exclude += [s for s in speakers if s == "习近平" or s.startswith(_INSTITUTIONS)]
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
        for number, entry in enumerate(item.entries, 1):
            for index, point in enumerate(entry.points, 1):
                if len(answer_key(point)) > 60:
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
