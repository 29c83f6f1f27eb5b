"""Choice options: distractors of the answer's own type, never a second right answer.

Everything about the whole deck is indexed once (``OptionPools``): candidate pools by
topic, by unit and by head character, and the sets of texts that are *true* of a
stem (members of lists with the same head, aliases, a concept's facets in any
article). A question then looks up a few bounded samples, so generating a deck's
questions is linear in its size.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem
from studycli.quiz.families import common_mark, family_of
from studycli.quiz.picking import _has_digit, _key, _last
from studycli.quiz.picking import pick_options as pick_options  # re-exported for callers
from studycli.quiz.scan_index import (
    AlikeIndex,
    LabelFilter,
    Positions,
    RunIndex,
    SubjectIndex,
    by_character,
)
from studycli.quiz.wording import close_facets
from studycli.text import display_term, is_figure, split_pieces

SMALL_DECK_LISTS = 8  # lists and frameworks: fewer, and there are no families to type by
_NUMBER = re.compile(r"^\d+(?:\.\d+)?")
_QUANTITY = re.compile(r"^(?:[一二三四五六七八九十两几多\d]+[个项批大类条点种方面“”\"]*)+")
# Heads of lists whose members are examples of a wide class (industries, fields).
_OPEN_HEADS = ("产业", "领域", "技术", "基础设施", "增长点")
# Heads that name the same kind of thing: 制约因素 and 五个问题 are one pool of truths.
_HEAD_SYNONYMS = {"因素": "问题", "短板": "问题", "难题": "问题", "措施": "举措", "方面": "举措"}


def head_of(name: str) -> str:
    """What a list or role names: the words after the last 的, without count words."""
    head = name.rsplit("的", 1)[-1].strip("“”‘’\"'")
    bare = _QUANTITY.sub("", head).strip("“”‘’\"'")
    # 三个方面 → 方面, but 四链 stays 四链: there the count is what tells 四链 from 五链.
    head = bare if len(bare) >= 2 else head
    for word, same in _HEAD_SYNONYMS.items():
        if head.endswith(word):
            return same
    return head


def number_variants(figure: str) -> list[str]:
    """Plausible wrong figures of the same unit: 100项 → 200项, 50项, 1000项."""
    match = _NUMBER.match(figure)
    if not match:
        return []
    text, unit = match.group(), figure[match.end() :]
    if unit.startswith("年") and text.isdigit() and 1900 <= int(text) <= 2100:
        # A calendar year (到2025年): other years near it, not 4050年 or 20250年.
        year = int(text)
        return [f"{year + offset}{unit}" for offset in (5, -5, 10, -3)]
    decimals = len(text.partition(".")[2])
    value = float(text)
    out = []
    for factor in (2, 0.5, 10, 3):
        new = round(value * factor, decimals)
        shown = f"{new:.{decimals}f}" if decimals else str(int(new))
        if new > 0 and shown != text:
            out.append(shown + unit)
    return out


class OptionPools:
    """Sibling content of the whole deck, indexed once, nearest to farthest from an item."""

    def __init__(self, deck: Deck):
        self.glossary = [term.term for term in deck.glossary]
        canon: dict[str, str] = {}
        self.alias_names: dict[str, list[str]] = defaultdict(list)
        for term in deck.glossary:
            for name in (term.term, *term.aliases):
                canon[_key(name)] = _key(term.term)
                self.alias_names[_key(term.term)].append(name)
        self.canon = canon
        self.facets: dict[str, list[str]] = defaultdict(list)  # topic -> facet texts
        self.terms: dict[str, list[str]] = defaultdict(list)  # topic -> concept terms
        self.labels: dict[str, list[str]] = defaultdict(list)  # topic -> entry/part labels
        self.labels_by_last: dict[str, list[str]] = defaultdict(list)  # 链 -> 供应链, 创新链 …
        self.pieces: dict[str, list[str]] = defaultdict(list)  # topic -> fact figure pieces
        self.units: dict[str, list[str]] = defaultdict(list)  # unit -> figure pieces
        self.glossary_by_topic: dict[str, list[str]] = defaultdict(list)
        # Texts true of a head (战略性新兴产业 → every entry any list names so).
        self.truths: dict[str, set[str]] = defaultdict(set)
        # A concept's facets by name in every definition of it or its aliases.
        self.facet_truths: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.facet_texts: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.item_pieces: dict[str, list[str]] = {}
        # Labels by the family of what their list names (action, problem, industry …),
        # with the name of their list: typed distractors (quiz/families.py).
        self.family_labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.all_labels: list[tuple[str, str]] = []
        self._subject_index: SubjectIndex | None = None
        self._labels_of: dict[str, list[str]] = defaultdict(list)  # owner -> its labels
        self._kept: tuple[tuple, list[str]] = ((), [])  # typed_labels' last list
        self._by_character: dict[str, list[tuple[str, str]]] | None = None
        self._families: dict[str, list[tuple[str, str]]] = {}  # family_labels, each pair once
        self._run_index: RunIndex | None = None
        self.alike = AlikeIndex()  # phrases by their words: looks_like without a scan
        self.positions = Positions()  # where each text stands in the (long) pools above
        # Members of open lists and of industries: true of many a stem the deck leaves open.
        self.open_truths: set[str] = set()
        # The three characters before each figure piece in its own text (生产力是|全部社会…),
        # so a distractor that its own article says after the same words is refused.
        self.pieces_after: dict[str, set[str]] = defaultdict(set)
        # A small personal deck has no sibling lists to type its distractors by: there the
        # labels of related items (of the key's shape and size) serve, as before.
        lists = sum(isinstance(item, (ListItem, Framework)) for item in deck.items)
        self.small = lists < SMALL_DECK_LISTS
        used: dict[str, set[str]] = defaultdict(set)
        glossary_pattern = _alternation(self.glossary)
        for item in deck.items:
            self._index(item)
            if glossary_pattern is not None:
                found = set(glossary_pattern.findall("".join(item.texts())))
                for topic in item.topics:
                    used[topic] |= found
        names = [display_term(i.term) for i in deck.items if isinstance(i, Definition)]
        names += [n for term in deck.glossary for n in (term.term, *term.aliases)]
        self._term_pattern = _alternation([n for n in names if len(n) >= 2])
        for topic, found in used.items():
            self.glossary_by_topic[topic] = [t for t in self.glossary if t in found]
        for name in ("facets", "terms", "labels"):
            index = getattr(self, name)
            index[""] = list(dict.fromkeys(x for topic in list(index) for x in index[topic]))
        for digits in (True, False):
            self.pieces[f":{digits}"] = list(
                dict.fromkeys(
                    x
                    for key in list(self.pieces)
                    if key.endswith(f":{digits}")
                    for x in self.pieces[key]
                )
            )

    def _index(self, item: Item) -> None:
        topics = item.topics
        if isinstance(item, Definition):
            term = self.canonical(display_term(item.term))
            for topic in topics:
                self.terms[topic].append(display_term(item.term))
                self.facets[topic] += [f.text for f in item.facets]
            for facet in item.facets:
                self.facet_truths[(term, facet.name)].add(_key(facet.text))
                self.facet_texts[(term, facet.name)].append(facet.text)
        elif isinstance(item, ListItem):
            truths = self.truths[head_of(item.name)]
            if item.open or head_of(item.name).endswith(_OPEN_HEADS):
                self.open_truths.update(_key(e.label) for e in item.entries)
            family = family_of(head_of(item.name))
            for entry in item.entries:
                truths.update(_key(x) for x in (entry.label, entry.text, *entry.points))
                self.family_labels[family].append((entry.label, item.name))
                self.all_labels.append((entry.label, item.name))
                self.labels_by_last[_last(entry.label)].append(entry.label)
                for topic in topics:
                    self.labels[topic].append(entry.label)
        elif isinstance(item, Framework):
            for part in item.parts:
                truths = self.truths[head_of(part.role)]
                if head_of(part.role).endswith(_OPEN_HEADS):
                    self.open_truths.add(_key(part.label))
                truths.update(_key(x) for x in (part.label, part.text) if x)
                owner = f"{item.name}{part.role}"
                self.family_labels[family_of(head_of(part.role))].append((part.label, owner))
                self.all_labels.append((part.label, owner))
                self.labels_by_last[_last(part.label)].append(part.label)
                for topic in topics:
                    self.labels[topic].append(part.label)
        elif isinstance(item, Fact):
            pieces = [p for f in item.figures for p in split_pieces(f)]
            self.item_pieces[item.id] = pieces
            for piece in pieces:
                at = item.text.find(piece)
                if at >= 3:
                    self.pieces_after[item.text[at - 3 : at]].add(_key(piece))
            for piece in pieces:
                for topic in topics:
                    self.pieces[f"{topic}:{_has_digit(piece)}"].append(piece)
                unit = _unit(piece)
                if unit is not None:
                    self.units[unit].append(piece)

    # --- what is true ---------------------------------------------------------------

    def canonical(self, text: str) -> str:
        """The answer key of a text, a glossary alias read as its term (劳动力 → 劳动者)."""
        key = _key(text)
        return self.canon.get(key, key)

    def said_after(self, words: str) -> set[str]:
        """Keys of figure pieces some article puts right after ``words`` (three characters)."""
        return self.pieces_after.get(words[-3:], set()) if len(words) >= 3 else set()

    def aliases(self, text: str) -> list[str]:
        """Every glossary name read as the same term as ``text`` (劳动力 for 劳动者)."""
        return self.alias_names.get(self.canonical(text), [])

    def true_of_list(self, name: str) -> set[str]:
        """Keys of every text some list or role of this head holds."""
        return self.truths.get(head_of(name), set())

    def refused_for(self, item: ListItem) -> set[str]:
        """What no distractor of a question on this list may be.

        An open list (…等) also refuses every member of other open lists and
        industries: 基因技术 is no 前瞻领域 in this article, yet could well be one.
        """
        truths = self.true_of_list(item.name)
        return truths | self.open_truths if item.open else truths

    def true_facets(self, term: str, facet: str) -> set[str]:
        """Keys of every text given as this facet of this concept (or an alias of it)."""
        return self.facet_truths.get((self.canonical(display_term(term)), facet), set())

    def said_of(self, text: str) -> list[str]:
        """Every facet text of the concepts (or their aliases) named in ``text``:
        劳动力是____ is not to be offered 最活跃的因素, which 劳动者 is."""
        if self._term_pattern is None:
            return []
        found = {self.canonical(t) for t in self._term_pattern.findall(text)}
        return [x for (term, _), texts in self.facet_texts.items() if term in found for x in texts]

    def other_wordings(self, term: str, facet: str, text: str) -> list[str]:
        """The same facet of the same concept as another article words it (劳动力/劳动者)."""
        found = self.facet_texts.get((self.canonical(display_term(term)), facet), [])
        return [t for t in dict.fromkeys(found) if t != text]

    # --- candidate tiers -------------------------------------------------------------

    def _by_topics(
        self, index: dict[str, list[str]], item: Item, suffix: str = ""
    ) -> list[list[str]]:
        """One tier per topic of the item (lists shared, never copied), then the whole deck."""
        near = [index[f"{t}{suffix}"] for t in item.topics if f"{t}{suffix}" in index]
        return [*near, index.get(suffix, [])]

    def facets_like(self, item: Definition, own: list[str], name: str = "") -> list[list[str]]:
        """Other facets of the definition, then the same facet (or a close one: 地位, 作用,
        意义 …) of other concepts; never a facet of another kind (examiner 3: 企业的地位
        beside 整合's 效应 is ruled out at a glance)."""
        if not name or self.small:
            return [own, *self._by_topics(self.facets, item)]
        term = self.canonical(display_term(item.term))
        same = [
            text
            for (other, facet), texts in self.facet_texts.items()
            if other != term and (facet == name or close_facets(facet, name))
            for text in texts
        ]
        return [own, same]

    def terms_like(self, item: Definition) -> list[list[str]]:
        """Terms of related definitions, of all definitions, then glossary terms."""
        return [*self._by_topics(self.terms, item), self.glossary]

    def labels_like(self, item: Item, answer: str = "") -> list[list[str]]:
        """Labels ending like ``answer`` (链 for 产业链), then labels of related lists, then all."""
        alike = self.labels_by_last.get(_last(answer), []) if answer else []
        return [alike, *self._by_topics(self.labels, item)]

    def typed_labels(
        self, name: str, head: str, members: Sequence[str], rights: Sequence[str]
    ) -> list[str]:
        """Labels of the same family as a list's right entries, fit to be its distractors.

        ``members`` are every entry of the list (they give its mark: 链, 化, 改革);
        ``rights`` the options that are right. A label of a list about the same subject
        (五个“加快” / 五项具体举措) or saying the same as a right one is left out.
        """
        mark = common_mark(members)
        family = "" if self.small or mark else family_of(head_of(head))
        # What does not depend on the right ones (the pool less lists of the same subject
        # and labels restating a member) is kept for the list's next call: a list asks
        # once per entry.
        held = (name, mark, family, tuple(members))
        if self._kept[0] != held:
            alike = self._subjects().alike(name)  # same_subject(owner, name), looked up
            if self.small:
                pool = [(label, "") for tier in self.labels_like_all() for label in tier]
                runs = LabelFilter((), "", members)  # shares_run(), set up once
                kept = [
                    label
                    for label, owner in pool
                    if owner != name and owner not in alike and not runs.shares_run(label)
                ]
            else:
                # Each (label, list) pair once, in the order first met: the labels kept, and
                # so the distractors, are the same as from every pair of the deck.
                if mark:  # fits() wants the mark in the label: labels holding its first char
                    pool = self._labels_by_character().get(mark[0], [])
                else:
                    pool = self._family_pairs(family)
                restating = self._runs().sharing(members)  # labels shares_run() refuses
                kept = [
                    label
                    for label, owner in pool
                    if owner != name and owner not in alike and label not in restating
                ]
            # Each label once, where first kept: fits() depends on the label alone, so this
            # is the list below without its repeats.
            self._kept = (held, list(dict.fromkeys(kept)))
        test = LabelFilter(rights, mark, members)  # fits(), set up once
        return [label for label in self._kept[1] if test.fits(label)]

    def labels_like_all(self) -> list[list[str]]:
        """Every label of the deck (a small deck's only pool)."""
        return [self.labels.get("", [])]

    def subject_truths(self, name: str) -> set[str]:
        """Keys of labels of other lists about the same subject as ``name``."""
        owners = self._subjects().alike(name) - {name}
        return {_key(label) for owner in owners for label in self._labels_of[owner]}

    def _labels_by_character(self) -> dict[str, list[tuple[str, str]]]:
        """``all_labels`` by each character of the label, each pair once (built on first use)."""
        if self._by_character is None:
            self._by_character = by_character(dict.fromkeys(self.all_labels))
        return self._by_character

    def _family_pairs(self, family: str) -> list[tuple[str, str]]:
        """``family_labels[family]``, each (label, list) pair once, in order (made on first use)."""
        found = self._families.get(family)
        if found is None:
            found = self._families[family] = list(dict.fromkeys(self.family_labels.get(family, ())))
        return found

    def _runs(self) -> RunIndex:
        """The deck's labels by their runs of four characters (built on first use)."""
        if self._run_index is None:
            self._run_index = RunIndex(label for label, _ in self.all_labels)
        return self._run_index

    def _subjects(self) -> SubjectIndex:
        """The lists' names by the subject they share (built on first use)."""
        if self._subject_index is None:
            self._subject_index = SubjectIndex(owner for _, owner in self.all_labels)
            for label, owner in self.all_labels:
                self._labels_of[owner].append(label)
        return self._subject_index

    def words_like(self, item: Item) -> list[list[str]]:
        """Glossary terms used by related items, then all glossary terms."""
        near = [self.glossary_by_topic[t] for t in item.topics if t in self.glossary_by_topic]
        return [*near, self.glossary]

    def figures_like(self, item: Fact, figure: str) -> list[list[str]]:
        """Figures of the same unit, then made-up numbers of it; or pieces alike."""
        own = self.item_pieces.get(item.id, [])
        unit = _unit(figure)
        if unit is not None:
            same = [p for p in own if _unit(p) == unit]
            return [same, self.units.get(unit, []), number_variants(figure)]
        if figure in self.glossary:
            return self.words_like(item)
        digits = _has_digit(figure)
        own_alike = [p for p in own if _has_digit(p) == digits]
        return [own_alike, *self._by_topics(self.pieces, item, f":{digits}")]


def _alternation(words: Sequence[str]) -> re.Pattern | None:
    names = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


@functools.lru_cache(maxsize=65536)
def _unit(piece: str) -> str | None:
    """The unit of a figure (项 of 100项), or None for a piece that is no figure."""
    return _NUMBER.sub("", piece) if is_figure(piece) else None
