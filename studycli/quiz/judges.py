"""判断 questions: a statement the deck holds, true as written or made false by a swap."""

from __future__ import annotations

import re

from studycli.deck.model import Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.bounds import bound_of, fair_false
from studycli.quiz.builder import Builder
from studycli.quiz.families import telling_words
from studycli.quiz.options import number_variants
from studycli.quiz.picking import pick_options
from studycli.quiz.question import FALSE_WORD, TRUE_WORD, Question
from studycli.quiz.voices import _occasions_of, _other_speakers
from studycli.quiz.wording import close_facets, facet_stem, is_verb_like
from studycli.text import is_figure, split_pieces


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
                and not _one_sentence(item.meaning, f.text, facet.text)
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
            # One part to a role is 是, not 包括 (基本语境是经济新常态: examiner 3).
            verb = "包括" if len(same) > 1 else "是"
            stem = f"“{item.name}”中的“{role}”{verb}"
            out.append((f"{stem}“{rng.choice(same)}”。", f"{stem}“{rng.choice(others)}”。"))
        return out
    if isinstance(item, ListItem) and len(item.entries) >= 3:
        labels = [e.label for e in item.entries]
        also_true = b.pools.refused_for(item) | b.pools.subject_truths(item.name)
        rng = b.rng_for(item, "swap:list")
        entry = rng.choice(item.entries)
        # A false twin sharing a telling word with an entry may be that entry in other words:
        # 人才工作机制创新 beside 数智化人才队伍 and 体制机制 (examiner 4, FLAWED).
        words = {w for e in item.entries for x in (e.label, e.text) for w in telling_words(x)}
        typed = b.pools.typed_labels(item.name, item.name, labels, labels)
        wrong = pick_options(
            entry.label,
            [[c for c in typed if not telling_words(c) & words]],
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
        if not wrong:
            # Without a false twin of the entries' family it is always 对: no test at all.
            return out
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
                bound = bound_of(item.text, piece)  # 25%以上: a false figure is larger
                variants = [v for v in variants if fair_false(piece, v, bound)]
                if variants and item.text.count(piece) == 1 and len(item.text) <= 90:
                    swap = b.rng_for(item, "swap:figure").choice(variants)
                    return [(item.text, item.text.replace(piece, swap))]
    return out


def _one_sentence(meaning: str, a: str, b: str) -> bool:
    """Two facets cut from one sentence of the meaning (由质变产生的新性质…: 来源 and 内涵;
    根本任务 and 优越性): swapped, the false statement is only half false (examiner 3)."""
    return any(a in s and b in s for s in re.split("[。；;！？!?]", meaning))
