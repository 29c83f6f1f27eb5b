"""The questions of one item for the classic kinds: cloze, choice, list and term."""

from __future__ import annotations

import random
from collections import Counter

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.cloze import BLANK, choose_blank_sets, render_cloze, shown_length
from studycli.quiz.contested import ContestIndex
from studycli.quiz.facts import fact_questions
from studycli.quiz.families import fits, slot_filter
from studycli.quiz.options import OptionPools
from studycli.quiz.picking import pick_options
from studycli.quiz.question import Question
from studycli.quiz.segments import Segments
from studycli.quiz.wording import close_facets, facet_question, facet_stem, is_concept, term_labels
from studycli.text import display_term, is_punctuation, split_pieces

TERM_PROMPT_MAX = 60  # characters: a longer "which concept" stem is a reading test
TERM_NAME_MAX = 7  # characters: a longer "concept" is a phrase (科学合理的政府产业政策)


class Builder:
    """Makes the questions of one item, with the deck's indexes at hand for distractors."""

    def __init__(self, deck: Deck, segments: Segments, seed: int):
        self.deck = deck
        self.segments = segments
        self.keywords = segments.keywords
        self.seed = seed
        self.labels = term_labels(deck)
        self.pools = OptionPools(deck)
        self.contest = ContestIndex(deck)
        self.df = _document_frequency(segments)
        # A name found in more than 1% of the deck's texts is too common to be a key word.
        self.common_df = max(10, len(segments.texts()) // 100)
        self._fingerprints: dict[str, str] = {}
        self.quotes = [x for x in deck.items if isinstance(x, Quote)]
        self.speakers = list(dict.fromkeys(q.speaker for q in self.quotes))
        self.occasions = list(dict.fromkeys(q.occasion for q in self.quotes if q.occasion))
        self.memo: dict = {}  # per-deck lookups the new kinds compute once (by speaker …)
        self.occasions_by_date: dict[str, set[str]] = {}
        for q in self.quotes:
            if q.date and q.occasion:
                self.occasions_by_date.setdefault(q.date, set()).add(q.occasion)

    # --- helpers -------------------------------------------------------------

    def words_of(self, *texts: str) -> tuple[str, ...]:
        """The words of the texts from the cached segmentation, punctuation dropped."""
        out: list[str] = []
        for text in texts:
            out += [w for w in self.segments.words(text) if _is_word(w)]
        return tuple(out)

    def fingerprint(self, item: Item) -> str:
        """The item's fingerprint, hashed once per item (it serialises the whole item)."""
        found = self._fingerprints.get(item.id)
        if found is None:
            found = self._fingerprints[item.id] = item.fingerprint
        return found

    def make(self, item: Item, kind: str, slug: str, **fields) -> Question:
        """A question of ``item``; ``expected`` defaults to the answer, words to its words."""
        expected = fields.pop("expected", None) or (fields["answer"],)
        words = fields.pop("answer_words", None)
        if words is None:
            words = self.words_of(*expected)
        return Question(
            id=f"{item.id}:{kind}:{slug}",
            item_id=item.id,
            kind=kind,
            topics=item.topics,
            source=item.source,
            fingerprint=self.fingerprint(item),
            expected=tuple(expected),
            answer_words=words,
            **fields,
        )

    def rng_for(self, item: Item, slug: str) -> random.Random:
        """A generator of its own per question, so options do not depend on other questions."""
        return random.Random(f"{self.seed}:{item.id}:{slug}")

    def clozes(
        self, item: Item, slug: str, text: str, prefix: str = "", suffix: str = "", **how
    ) -> list[Question]:
        """Cloze questions of one text: up to three sets of blanks on its key words."""
        words = self.segments.words(text)
        sets = choose_blank_sets(
            words,
            prefix=prefix,
            suffix=suffix,
            keywords=self.keywords,
            df=self.df,
            common_df=self.common_df,
            **how,
        )
        out = []
        for number, chosen in enumerate(sets, 1):
            prompt, blanks = render_cloze(prefix, words, set(chosen), suffix)
            visible_body = "".join(w for i, w in enumerate(words) if i not in chosen)
            bare_body = not any(ch.isalnum() for ch in visible_body)
            if bare_body and (len(blanks) == 1 or any(len(b) > 4 for b in blanks)):
                # The whole text blanked: a term question (能够更快、更好地发展生产力),
                # unless it is an enumeration of short items (高科技、高效能、高质量).
                continue
            out.append(
                self.make(
                    item,
                    "cloze",
                    slug if number == 1 else f"{slug}-{number}",
                    prompt=prompt,
                    answer="、".join(blanks),
                    expected=blanks,
                    blanks=blanks,
                    ordered=True,
                    answer_words=blanks,
                )
            )
        return out

    def choice(
        self,
        item: Item,
        slug: str,
        prompt: str,
        answer: str,
        tiers,
        exclude=(),
        kind="choice",
        refuse=frozenset(),
    ) -> list[Question]:
        """One single-answer question with options, or none when too few fair distractors.

        ``refuse`` holds the keys of texts the deck says are true of the stem.
        """
        # A distractor must read as Chinese in the blank's slot (____革命, 提供____, 绿色、____).
        slot = slot_filter(prompt, BLANK, answer) if kind == "choice" else None
        if slot is not None and not prompt.startswith("哪个概念"):
            tiers = [[c for c in tier if slot(c)] for tier in tiers]
        picked = pick_options(
            answer,
            tiers,
            self.rng_for(item, f"{kind}:{slug}"),
            prompt=prompt,
            exclude=[*exclude, *self.pools.aliases(answer)],
            refuse=refuse,
            canon=self.pools.canon,
        )
        if picked is None:
            return []
        return [self.make(item, kind, slug, prompt=prompt, answer=answer, options=picked)]

    def list_question(self, item, slug, prompt, labels, ordered, texts=()) -> Question:
        """Write out every label; an entry's full text is accepted for its label."""
        accepted = tuple(
            (t,) if t != label else () for label, t in zip(labels, texts, strict=False)
        )
        return self.make(
            item,
            "list",
            slug,
            prompt=prompt,
            answer="、".join(labels),
            expected=tuple(labels),
            ordered=ordered,
            accepted=accepted,
        )

    # --- per kind --------------------------------------------------------------

    def questions(self, item: Item) -> list[Question]:
        """All classic questions of one item in a stable order: cloze, choice, list, term."""
        if isinstance(item, Quote):
            return self.quote(item)
        if isinstance(item, Definition):
            return self.definition(item)
        if isinstance(item, ListItem):
            return self.list_item(item)
        if isinstance(item, Framework):
            return self.framework(item)
        if isinstance(item, Fact):
            return self.fact(item)
        return []

    def quote(self, item: Quote) -> list[Question]:
        suffix = f"”——{item.speaker}"
        out = self.clozes(item, "text", item.text, prefix="“", suffix=suffix)
        if out:
            # The choice asks for the first cloze's most telling blank.
            first = out[0]
            words = self.segments.words(item.text)
            target = max(first.blanks, key=lambda b: (len(b), -first.blanks.index(b)))
            index = words.index(target)
            prompt, _ = render_cloze("“", words, {index}, suffix)
            out += self.choice(item, "text", prompt, target, self.pools.words_like(item))
        return out

    def definition(self, item: Definition) -> list[Question]:
        term = self.labels[item.id]
        bare = display_term(item.term)
        inside = bare in item.meaning  # 整合，就是协同耦合…: the term stays, it is the context
        out = self.clozes(
            item,
            "meaning",
            item.meaning,
            prefix="" if inside else f"{term}:",
            keep=(bare,) if inside else (),
        )
        # 劳动者是生产力中____: with the term kept, the blanks may still outweigh what is left
        # to read (the term question asks that); such a cloze asks nothing more.
        if inside:
            out = [q for q in out if shown_length(q.prompt, bare) > sum(map(len, q.blanks))]
        for facet in item.facets:
            out += self.clozes(
                item,
                f"facet-{facet.name}",
                facet.text,
                prefix=f"{facet_stem(term, facet.name)}:",
                primary=split_pieces(facet.text),
            )
        # Facets taken from a speaker's summary say so: 关键 is 质优 there, 创新 in 感悟2.
        voice = self.contest.voice(item)
        ask = facet_question if voice is None else _voiced(voice)
        for facet in item.facets:
            # 地位 and 角色 of one concept may both be said of it: never each other's distractor.
            own = [
                f.text
                for f in item.facets
                if f is not facet and not close_facets(f.name, facet.name)
            ]
            # Whatever any article gives as this facet of this concept is right too.
            also_true = self.pools.true_facets(item.term, facet.name)
            close = [f.text for f in item.facets if f is not facet and f.text not in own]
            tiers = self.pools.facets_like(item, own, facet.name)
            out += self.choice(
                item,
                f"facet-{facet.name}",
                ask(term, facet.name),
                facet.text,
                # The definition's own facets are its natural rivals whatever their length
                # (本质: 先进生产力 beside 全要素生产率大幅提升); others only of its size.
                [tiers[0], *[[c for c in t if fits(c, [facet.text])] for t in tiers[1:]]],
                close,
                refuse=also_true,
            )
        # Asking "which concept" only makes sense for a term that names one.
        masked = item.meaning.replace(bare, BLANK)
        ask_term = f"哪个概念的含义是:“{masked}”?"
        # A concept's name, asked from a short sentence: 科学合理的政府产业政策 is a policy told
        # by 体制内容, and a 77-character stem is a reading test (examiner 3).
        concept = (
            is_concept(bare) and len(bare) <= TERM_NAME_MAX and len(ask_term) <= TERM_PROMPT_MAX
        )
        # Which concept: only for a short sentence, among concepts of the key's shape and size
        # (企业 among 整合 and 以新促质 is told by 主体 and 营商环境 alone: examiner 3).
        if concept:
            tiers = [[c for c in t if fits(c, [bare])] for t in self.pools.terms_like(item)]
            out += self.choice(item, "term", ask_term, bare, tiers)
        for facet in item.facets:
            others = self.pools.other_wordings(item.term, facet.name, facet.text)
            # Where another article words the facet differently, either wording is right.
            expected = (facet.text,) if others else tuple(split_pieces(facet.text))
            out.append(
                self.make(
                    item,
                    "term",
                    f"facet-{facet.name}",
                    prompt=ask(term, facet.name),
                    answer=facet.text,
                    expected=expected,
                    ordered=False,
                    accepted=(tuple(others),) if others else (),
                )
            )
        if concept:
            out.append(self.make(item, "term", "meaning", prompt=ask_term, answer=bare))
        return out

    def list_item(self, item: ListItem) -> list[Question]:
        out: list[Question] = []
        for number, entry in enumerate(item.entries, 1):
            where = f"第{number}项" if item.ordered else "之一"
            prefix = f"{item.name}·{where}:" if item.ordered else f"{item.name}{where}:"
            out += self.clozes(item, f"entry-{number}", entry.text, prefix=prefix)
        labels = [e.label for e in item.entries]
        own = [x for e in item.entries for x in (e.label, e.text)]
        also_true = self.pools.refused_for(item) | self.pools.subject_truths(item.name)
        if item.ordered and len(item.entries) >= 3:
            # One order question per list: which entry comes N-th is trivia beyond that.
            # Chosen without the seed: question ids never depend on it.
            number = random.Random(f"{item.id}:order").randrange(len(item.entries)) + 1
            entry = item.entries[number - 1]
            siblings = [e.label for e in item.entries if e is not entry]
            out += self.choice(
                item,
                f"entry-{number}",
                f"{item.name}的第{number}项是?",
                entry.label,
                [siblings, self.pools.typed_labels(item.name, item.name, labels, [entry.label])],
                [entry.text],
                refuse=also_true - {self.pools.canonical(s) for s in siblings},
            )
        elif not item.ordered and not item.open:
            # An open list (……等) has members beyond the article's: no "which one belongs".
            for number, entry in enumerate(item.entries, 1):
                prompt = f"下列哪一项属于“{item.name}”?"
                tiers = [self.pools.typed_labels(item.name, item.name, labels, [entry.label])]
                out += self.choice(
                    item, f"entry-{number}", prompt, entry.label, tiers, own, refuse=also_true
                )
        how = "按顺序写出" if item.ordered else "写出"
        out.append(
            self.list_question(
                item,
                "all",
                f"{how}{item.name}(共 {len(labels)} 项)。",
                labels,
                item.ordered,
                [e.text for e in item.entries],
            )
        )
        return out

    def framework(self, item: Framework) -> list[Question]:
        out = self.clozes(
            item,
            "summary",
            item.summary,
            prefix="" if item.name in item.summary else f"{item.name}:",
        )
        for number, part in enumerate(item.parts, 1):
            if part.text:
                out += self.clozes(
                    item, f"part-{number}", part.text, prefix=f"{item.name}·{part.role}:"
                )
        roles = item.roles()
        for number, part in enumerate(item.parts, 1):
            same = [p.label for p in item.parts if p.role == part.role]
            if len(same) == 1:
                prompt = f"“{item.name}”中的“{part.role}”指的是?"
            else:
                prompt = f"下列哪一项属于“{item.name}”中的“{part.role}”?"
            others = [p.label for p in item.parts if p.role != part.role]
            owner = f"{item.name}{part.role}"
            also_true = self.pools.true_of_list(part.role) | self.pools.subject_truths(owner)
            typed = self.pools.typed_labels(owner, part.role, same, [part.label])
            tiers = [others, typed]
            refuse = also_true - {self.pools.canonical(o) for o in others}
            out += self.choice(
                item, f"part-{number}", prompt, part.label, tiers, same, refuse=refuse
            )
        for role in roles:
            same = [p.label for p in item.parts if p.role == role]
            if len(same) > 1:
                out.append(
                    self.list_question(
                        item,
                        f"role-{role}",
                        f"“{item.name}”中的“{role}”指哪几项?(共 {len(same)} 项)",
                        same,
                        False,
                    )
                )
            else:
                out.append(
                    self.make(
                        item,
                        "term",
                        f"role-{role}",
                        prompt=f"“{item.name}”中的“{role}”指什么?",
                        answer=same[0],
                    )
                )
        return out

    def fact(self, item: Fact) -> list[Question]:
        return fact_questions(self, item)


def _is_word(word: str) -> bool:
    return any(not is_punctuation(ch) and not ch.isspace() for ch in word)


def _document_frequency(segments: Segments) -> Counter:
    """In how many of the deck's texts each word occurs: rare words make better blanks."""
    df: Counter = Counter()
    for words in segments.texts().values():
        df.update(set(words))
    return df


def _voiced(voice: str):
    """facet_question with whose wording it is: 按习近平总书记的概括,新质生产力的关键是什么?"""

    def ask(term: str, name: str) -> str:
        return f"按{voice}的概括,{facet_question(term, name)}"

    return ask
