"""Drafting deck items from a cleaned article: sections, quotes, lists, definitions, facts, terms.

Everything drafted is a suggestion for a person to curate (``draft: true``); the rules are
simple and visible so that what they miss is easy to predict. What a single sentence says
(a quotation, a definition, a list marker, a figure) is read by ``studycli.importer.sentences``;
this module assembles those readings into items.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from studycli.deck.model import Definition, Entry, Fact, Item, ListItem, Quote, Source
from studycli.importer.cleaning import DAMAGE_MARK, Cleaned
from studycli.importer.facts import bare_of, select_facts
from studycli.importer.lists import Unit, entry_label, find_lists, marker_of
from studycli.importer.outline import is_body, sections_of, short_label, slugify
from studycli.importer.sentences import (
    ATTRIBUTION,
    Sentence,
    definition_in,
    facets_in,
    quotes_in,
    split_sentences,
    strip_end,
    who_said,
)
from studycli.importer.topics import assign_topics, key_terms, section_topic
from studycli.importer.vetting import announced_count, list_name, vet_items

DRAFT_TOPIC = "待整理"


@dataclass
class Draft:
    """What drafting produced: the article's title, items, glossary terms and notes."""

    article: str
    title: str | None
    topic: str
    items: list[Item] = field(default_factory=list)
    glossary: list[str] = field(default_factory=list)
    # item id -> a note for the curator (e.g. the item contains a damaged spot)
    notes: dict[str, str] = field(default_factory=dict)
    # what was seen but not drafted, with counts
    skipped: dict[str, int] = field(default_factory=dict)
    # what a person must look at: (line, reason, text) — unattributed quotes, doubtful items
    review: list[tuple[int, str, str]] = field(default_factory=list)
    # topic name -> its description, in the order items first use them
    topics: dict[str, str] = field(default_factory=dict)
    # every numbered list found: (name as found, entry labels, drafted as an item)
    structure: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Items drafted per kind, in schema order."""
        out = {kind: 0 for kind in ("quote", "definition", "list", "framework", "fact")}
        for item in self.items:
            out[item.kind] += 1
        return {kind: n for kind, n in out.items() if n}


# --- the draft ----------------------------------------------------------------------------


class _Drafter:
    def __init__(self, cleaned: Cleaned, article: str, topic: str, known_topics=None):
        self.known_topics = known_topics or {}
        self.cleaned = cleaned
        self.article = article
        self.topic = topic
        self.prefix = slugify(article)
        self.title, self.section_of = sections_of(cleaned.paragraphs)
        self.draft = Draft(article, self.title, topic)
        self.damage_lines = {d.line for d in cleaned.damage}
        self.sentences: list[Sentence] = []
        for index, para in enumerate(cleaned.paragraphs):
            if is_body(para):
                for text in split_sentences(para.text):
                    self.sentences.append(Sentence(text, index, self.section_of[index], para.lines))
        self.used: set[int] = set()
        self.drafted = 0
        self.pdf = cleaned.layout == "pdf"

    def skip(self, reason: str) -> None:
        self.draft.skipped[reason] = self.draft.skipped.get(reason, 0) + 1

    def add(self, cls, short: str, section: str, lines: tuple[int, ...], basis: str, **fields):
        self.drafted += 1
        item_id = f"draft-{self.drafted}"  # renumbered in article order at the end
        item = cls(
            id=item_id,
            topics=(self.topic,),
            source=Source(self.article, section),
            draft=True,
            **fields,
        )
        self.draft.items.append(item)
        if DAMAGE_MARK in basis:
            hit = sorted(self.damage_lines & set(lines)) or list(lines)
            where = "、".join(str(n) for n in hit)
            self.draft.notes[item_id] = f"含原文损坏处(第 {where} 行),请对照原文补全。"
        return item

    def run(self) -> Draft:
        self.quotes()
        self.lists()
        self.definitions()
        self.draft.items, left_out = vet_items(self.draft.items)
        for reason, count in left_out.items():
            self.draft.skipped[reason] = self.draft.skipped.get(reason, 0) + count
        self.facts()
        self.draft.glossary = key_terms(self.cleaned, self.draft.items)
        self.draft.items, self.draft.topics = assign_topics(
            self.draft.items, self.draft.glossary, self.topic, self.title, self.known_topics
        )
        self.draft.items.sort(key=lambda item: self._order(item))
        self._renumber()
        return self.draft

    def _renumber(self) -> None:
        """Ids in article order per kind: <file slug>-quote-01, -def-01, …"""
        shorts = {"quote": "quote", "definition": "def", "list": "list", "fact": "fact"}
        numbers: dict[str, int] = {}
        notes = {}
        for position, item in enumerate(self.draft.items):
            short = shorts.get(item.kind, item.kind)
            numbers[short] = numbers.get(short, 0) + 1
            new_id = f"{self.prefix}-{short}-{numbers[short]:02d}"
            if item.id in self.draft.notes:
                notes[new_id] = self.draft.notes[item.id]
            self.draft.items[position] = dataclasses.replace(item, id=new_id)
        self.draft.notes = notes

    def _order(self, item: Item) -> tuple[int, int]:
        kinds = ("quote", "definition", "list", "framework", "fact")
        return (self.first_para.get(item.id, 0), kinds.index(item.kind))

    @property
    def first_para(self) -> dict[str, int]:
        return self.__dict__.setdefault("_first_para", {})

    def _mark(self, item, para: int) -> None:
        self.first_para[item.id] = para

    def quotes(self) -> None:
        paragraphs = self.cleaned.paragraphs
        pending: list[int] = []
        for index, para in enumerate(paragraphs):
            if not is_body(para):
                pending = []
                continue
            section = self.section_of[index]
            attribution = ATTRIBUTION.match(para.text)
            if attribution and pending:
                said = who_said(para.text[2:], "")
                if said:
                    for p in pending:
                        text = strip_end(paragraphs[p].text) + "。"
                        item = self.add(
                            Quote, "quote", section, paragraphs[p].lines, text,
                            text=text, speaker=said.speaker, date=said.date,
                            occasion=said.occasion,
                        )  # fmt: skip
                        self._mark(item, p)
                    self.used |= {i for i, s in enumerate(self.sentences) if s.para in pending}
                    self.used |= {i for i, s in enumerate(self.sentences) if s.para == index}
                pending = []
                continue
            if "“" not in para.text and len(para.text) <= 150:
                pending.append(index)
            else:
                pending = []
            for inner, said in quotes_in(para.text):
                if said is None:
                    self.skip("引号内文字未找到说话人")
                    self.draft.review.append((para.line, "引文未找到说话人", inner[:40]))
                    continue
                if DAMAGE_MARK in inner:
                    self.skip("引文含原文损坏处")
                    continue
                item = self.add(
                    Quote, "quote", section, para.lines, inner,
                    text=inner, speaker=said.speaker, date=said.date, occasion=said.occasion,
                )  # fmt: skip
                self._mark(item, index)

    def lists(self) -> None:
        units, unit_sentence = [], []
        sentence_index = 0
        for index, para in enumerate(self.cleaned.paragraphs):
            section = self.section_of[index]
            if not is_body(para):
                units.append(Unit(para.text, index, section, para.lines, heading=True))
                unit_sentence.append(None)
                continue
            first = True
            while (
                sentence_index < len(self.sentences)
                and self.sentences[sentence_index].para == index
            ):
                sentence = self.sentences[sentence_index]
                units.append(Unit(sentence.text, index, section, sentence.lines, para_start=first))
                unit_sentence.append(sentence_index)
                sentence_index += 1
                first = False
        found_lists = find_lists(units, keep_across_sections=self.pdf)
        # a section whose heading names a list with its own introduction (九个重要提法) does not
        # name a second list found under it (the 新提法 ①–④ of another column)
        introduced = {units[f.starts[0]].section for f in found_lists if f.intro}
        for found in found_lists:
            entries = []
            lines: list[int] = []
            for start in found.starts:
                rest = marker_of(units[start])[2]
                entries.append(Entry(entry_label(rest), strip_end(rest) or entry_label(rest)))
                lines += units[start].lines
                if unit_sentence[start] is not None:
                    self.used.add(unit_sentence[start])
            if any(not entry.label for entry in entries):
                self.skip("清单条目为空")
                continue
            first = units[found.starts[0]]
            labels = tuple(e.label for e in entries)
            headed = all(units[start].heading for start in found.starts)
            name = list_name(found, first.section, labels, headed=headed)
            if not found.intro and not found.outer and first.section in introduced:
                name = None
            self.draft.structure.append((found.name, labels, name is not None))
            if name is None:  # the article's own parts, or an essay's headings
                self.skip("章节结构清单")
                continue
            # an entry missing from the text (a PDF drops one): positions no longer match the
            # article's numbers, so the list is not asked in order, nor as "all N of them"
            complete = found.numbers == list(range(1, len(found.numbers) + 1))
            if not complete and found.form != "首先":
                missing = sorted(set(range(1, found.numbers[-1])) - set(found.numbers))
                self.draft.review.append(
                    (first.lines[0], "清单缺项", f"{name}缺第 {missing} 项,已标为 open")
                )
            announced = announced_count(name)
            if complete and announced and announced != len(entries):
                complete = False
                self.draft.review.append(
                    (first.lines[0], "清单缺项",
                     f"{name}只找到 {len(entries)} 项,已标为 open")
                )  # fmt: skip
            item = self.add(
                ListItem, "list", first.section, tuple(dict.fromkeys(lines)),
                "".join(e.text for e in entries), name=name, entries=tuple(entries),
                ordered=complete or found.form == "首先", intro=found.intro,
                open=not complete and found.form != "首先",
            )  # fmt: skip
            self._mark(item, first.para)
        self._dash_lists()

    def _dash_lists(self) -> None:
        paragraphs = self.cleaned.paragraphs
        index = 0
        while index < len(paragraphs):
            group = []
            while (
                index < len(paragraphs)
                and paragraphs[index].text.startswith("——")
                and not ATTRIBUTION.match(paragraphs[index].text)
            ):
                group.append(index)
                index += 1
            if len(group) < 2:
                index += 1
                continue
            entries, lines, texts = [], [], []
            for p in group:
                sentences = split_sentences(paragraphs[p].text[2:])
                label = short_label(sentences[0]) if sentences else ""
                text = strip_end("".join(sentences[:2]))
                entries.append(Entry(label, text))
                lines += paragraphs[p].lines
                texts.append(text)
            section = self.section_of[group[0]]
            intro = self._paragraph_before(group[0])
            labels = tuple(e.label for e in entries)
            # no introducing sentence: the article gives the list no name to ask it by
            # (五个“加快” would be a name it never uses), so it is reported, not drafted
            self.draft.structure.append((intro or f"{entries[0].label}等 {len(entries)} 项",
                                         labels, intro is not None))  # fmt: skip
            if intro is None:
                self.skip("清单没有名称")
                continue
            name = intro
            item = self.add(
                ListItem, "list", section, tuple(lines), "".join(texts),
                name=name, entries=tuple(entries), ordered=False,
            )  # fmt: skip
            self._mark(item, group[0])
            self.used |= {i for i, s in enumerate(self.sentences) if s.para in group}

    def _paragraph_before(self, index: int) -> str | None:
        """The sentence just before a dash list, when it introduces it."""
        if index == 0 or not is_body(self.cleaned.paragraphs[index - 1]):
            return None
        last = split_sentences(self.cleaned.paragraphs[index - 1].text)[-1:]
        if last and re.search(r"[：:]$|以下|如下|几个|方面|五个|四个|三个", last[0]):
            return strip_end(last[0].rstrip("：:"))[-30:] or None
        return None

    def definitions(self) -> None:
        seen: set[tuple[str, str]] = set()
        last: tuple[Definition, int] | None = None
        for index, sentence in enumerate(self.sentences):
            if index in self.used:
                last = None
                continue
            labelled = _labelled_definition(sentence)
            if labelled and labelled not in seen:
                seen.add(labelled)
                term, meaning = labelled
                item = self.add(
                    Definition, "def", sentence.section, sentence.lines, meaning,
                    term=term, meaning=meaning, facets=tuple(facets_in(meaning)),
                )  # fmt: skip
                self._mark(item, sentence.para)
                continue
            parts = [sentence.text]
            if "“" in sentence.text:
                parts += [p for inner in re.findall(r"“([^“”]+)”", sentence.text)
                          for p in re.split(r"(?<=[。！？；])", inner) if p]  # fmt: skip
            for part in parts:
                if part.startswith("它") and last is not None:
                    previous, position = last
                    extra = facets_in(strip_end(part))
                    if extra:
                        merged = tuple(dict.fromkeys((*previous.facets, *extra)))
                        updated = dataclasses.replace(previous, facets=merged)
                        self.draft.items[position] = updated
                        last = (updated, position)
                    continue
                found = definition_in(part)
                if not found or found in seen:
                    continue
                seen.add(found)
                term, meaning = found
                if len(term) >= 8 or len(meaning) >= 100:
                    self.draft.review.append(
                        (sentence.lines[0], "定义待核对", f"{term}:{meaning[:30]}")
                    )
                item = self.add(
                    Definition, "def", sentence.section, sentence.lines, meaning,
                    term=term, meaning=meaning, facets=tuple(facets_in(meaning)),
                )  # fmt: skip
                self._mark(item, sentence.para)
                last = (item, len(self.draft.items) - 1)

    def facts(self) -> None:
        others = len(self.draft.items)

        def context(sentence: Sentence) -> str | None:
            name = section_topic(sentence.section, "")
            return name if name and len(name) <= 12 else None

        chosen, left = select_facts(self.sentences, self.used, others, context)
        if left:
            self.draft.skipped["次要或地方数字"] = left
        for fact in chosen:
            sentence = fact.sentence
            item = self.add(
                Fact, "fact", sentence.section, sentence.lines, fact.text,
                text=fact.text, figures=fact.figures, subject=fact.subject,
                aliases=tuple((f, (bare_of(f),)) for f in fact.figures if bare_of(f) != f),
            )  # fmt: skip
            self._mark(item, sentence.para)


def _labelled_definition(sentence: Sentence) -> tuple[str, str] | None:
    """定义：… under the heading 什么是“十五五”规划 (a study pack's slide): that term, that
    meaning."""
    label = re.match(r"定义[：:]\s*(.+)", sentence.text)
    heading = sentence.section.split(" · ")[-1]
    asked = re.fullmatch(r"什么是(.{2,16}?)[？?]?", heading)
    if not (label and asked):
        return None
    meaning = strip_end(label.group(1))
    return (asked.group(1), meaning) if len(meaning) >= 6 else None


def draft_deck(
    cleaned: Cleaned,
    article: str,
    *,
    topic: str = DRAFT_TOPIC,
    known_topics: dict[str, str] | None = None,
) -> Draft:
    """Draft items from a cleaned article; every item is ``draft: true`` with a source.

    ``known_topics`` (folded name or alias → topic name) lets drafted topics join the
    user's topics instead of clashing with their aliases.
    """
    return _Drafter(cleaned, article, topic, known_topics).run()
