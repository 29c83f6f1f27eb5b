"""What grading needs from the deck, attached to each question when it is generated.

- ``accepted`` grows by the content's ``aliases`` (facets, list entries, framework parts,
  fact figures): 劳动者 for 劳动力, 劳动资料 for 劳动工具; for 归类 on a list, by the
  entry's full wording.
- ``context``: the deck's sentences that hold the answer (for a cloze, the prompt filled
  in), so the words next to the key in the source are fair around it
  (以全要素生产率大幅提升为核心标志; 形成经济发展新动能，实现经济高质量发展).
- ``rivals``: the other answers the same item offers (sibling entries, other roles and
  facets, other figures; for "which concept" questions the deck's other terms): present
  in a single answer, they make it wrong.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence

from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.quiz.cloze import BLANK
from studycli.quiz.matching import key_of
from studycli.quiz.scan_index import SubstringIndex
from studycli.text import display_term

MAX_CONTEXTS = 3
MIN_RECITE_REST = 8  # a recite without its lead-in still holds this many characters
MAX_LEAD_IN = 6  # characters of a topic lead-in (新质生产力)
MAX_DROPPED = 2  # characters of a term's inner modifier the article may leave out
MIN_KEPT = 2  # characters kept on either side of the dropped modifier
MIN_DECK_CONTEXT = 4
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_QUOTED = re.compile(r"“([^”]+)”")


def add_marking(deck: Deck, questions: Sequence) -> list:
    """The questions with aliases, context sentences and rivals filled in for grading."""
    return Marking(deck).add(questions)


class Marking:
    """What grading needs from the whole deck, worked out once; ``add`` fills it in for
    any batch of the deck's questions (a compile asks slice by slice)."""

    def __init__(self, deck: Deck):
        self.sentences = _Sentences(deck)
        self.items = {item.id: item for item in deck.items}
        self.terms = [display_term(i.term) for i in deck.items if isinstance(i, Definition)]
        self.voices = _voices(deck)
        # The deck's terms with their keys: the rivals of every "which concept" question
        # and the names a recited meaning may open with, keyed once, not per question.
        self._term_groups: list[tuple[tuple[str, ...], list[str]]] | None = None
        self._term_keys: frozenset[str] | None = None
        self._item: tuple[str, tuple[dict, list]] = ("", ({}, []))  # see _of_item

    def term_keys(self) -> frozenset[str]:
        """The keys of the deck's terms (worked out on first use)."""
        if self._term_keys is None:
            self._term_keys = frozenset(key for _, (key,) in self.term_groups())
        return self._term_keys

    def term_groups(self) -> list[tuple[tuple[str, ...], list[str]]]:
        """Each of the deck's terms as a rivals' group of one, with its key."""
        if self._term_groups is None:
            self._term_groups = [((t,), [key_of(t)]) for t in self.terms]
        return self._term_groups

    def _of_item(self, item: Item) -> tuple[dict, list]:
        """The item's aliases by key and its answers with their keys (the rivals' pool),
        kept for its next questions: an item's questions come together."""
        if self._item[0] != item.id:
            answers = [(group, [key_of(t) for t in group]) for group in _answers(item)]
            self._item = (item.id, (_aliases(item), answers))
        return self._item[1]

    def add(self, questions: Sequence) -> list:
        """The questions with aliases, context sentences and rivals filled in for grading."""
        sentences, items = self.sentences, self.items
        # What a facet's term question accepts (the other article's wording of the same
        # facet), its one-blank cloze accepts too: the two kinds must not judge apart.
        facet_accepts = {
            question.id.replace(":term:", ":cloze:", 1): question.accepted[0]
            for question in questions
            if ":term:facet-" in question.id and question.accepted and question.accepted[0]
        }
        out = []
        for question in questions:
            item = items.get(question.item_id)
            if item is None:
                out.append(question)
                continue
            aliases, answers = self._of_item(item)
            accepted = tuple(
                tuple(dict.fromkeys((*_own(question, index), *aliases.get(key_of(part), ()))))
                for index, part in enumerate(question.expected)
            )
            if question.kind == "belongs" and isinstance(item, ListItem):  # the entry's full
                # wording names it too: 大力发展战略性新兴产业，前瞻布局未来产业
                full = [e.text for e in item.entries if e.label == question.answer and e.text]
                accepted = (tuple(dict.fromkeys((*accepted[0], *full))),) if accepted else accepted
            borrowed = facet_accepts.get(question.id, ())
            if borrowed and len(question.expected) == 1:
                accepted = (tuple(dict.fromkeys((*accepted[0], *borrowed))),)
            if question.kind == "recite" and question.id.endswith(":meaning"):
                bare = _without_lead_in(question, self.term_keys())
                accepted = ((*accepted[0], bare),) if bare and accepted else accepted
            if question.kind == "term" and len(question.expected) == 1:
                shorter = _article_shortenings(
                    question.expected[0], sentences, item, self.term_keys()
                )
                accepted = ((*accepted[0], *shorter),) if shorter and accepted else accepted
            if not any(accepted):
                accepted = question.accepted
            context: tuple[str, ...] = ()
            rivals: tuple[str, ...] = ()
            if len(question.expected) == 1 and question.kind != "choice":
                context = sentences.holding(question.expected[0], item.id)
                if question.kind == "cloze":
                    context = (question.prompt.replace(BLANK, question.answer, 1), *context)
                pool = answers
                if question.id.endswith(":term:meaning"):
                    pool = itertools.chain(answers, self.term_groups())
                rivals = _rivals(item, question, pool)
                if question.kind == "source":  # a short name must be no other speaker/occasion
                    rivals = tuple(v for v in self.voices if v != question.answer)
            elif question.kind != "choice":
                context = sentences.holding(question.answer, item.id)
            out.append(
                dataclasses.replace(question, accepted=accepted, context=context, rivals=rivals)
            )
        return out


def _without_lead_in(question, term_keys: frozenset[str]) -> str | None:
    """The recited meaning without its topic lead-in: 新质生产力，核心要义是“以新促质”…
    may be written from 核心要义是 on. The lead-in is the first clause, and it is no more
    than a name the prompt holds or a term the deck defines; the rest must stay long."""
    pieces = re.split(r"([，,])", question.answer, maxsplit=1)
    if len(pieces) != 3 or len(key_of(pieces[2])) < MIN_RECITE_REST:
        return None
    head, rest = pieces[0], pieces[2]
    if len(key_of(head)) > MAX_LEAD_IN:
        return None
    lead = key_of(head)
    quoted = {key_of(q) for q in _QUOTED.findall(question.prompt)}
    if lead and (lead in term_keys or lead in quoted or lead in key_of(question.prompt)):
        return rest
    return None


def _article_shortenings(
    key: str, sentences: _Sentences, item: Item, term_keys: frozenset[str]
) -> tuple[str, ...]:
    """The term with one inner modifier dropped where the source itself drops it:
    科学合理的产业政策 for 科学合理的政府产业政策, because the article's next sentence says
    通过制定实施科学合理的产业政策. Only an inner stretch of at most MAX_DROPPED characters
    goes (the head and the start stay: 产业体系 is not 现代化产业体系), the shorter wording
    must stand in a sentence of the same article, and it must be no other term of the deck."""
    whole = key_of(key)
    found: list[str] = []
    for start in range(MIN_KEPT, len(whole) - MIN_KEPT):
        for size in range(1, MAX_DROPPED + 1):
            if start + size > len(whole) - MIN_KEPT:
                break
            short = whole[:start] + whole[start + size :]
            if (short in term_keys and short != whole) or short in found:  # another term
                continue
            if sentences.in_article(short, item):
                found.append(short)
    return tuple(found)


def _voices(deck: Deck) -> tuple[str, ...]:
    """Every speaker and occasion the deck's quotes name."""
    quotes = [i for i in deck.items if isinstance(i, Quote)]
    names = [q.speaker for q in quotes] + [q.occasion for q in quotes if q.occasion]
    return tuple(dict.fromkeys(names))


def _own(question, index: int) -> tuple[str, ...]:
    return question.accepted[index] if index < len(question.accepted) else ()


def _aliases(item: Item) -> dict[str, tuple[str, ...]]:
    """Loose key of a wording → the aliases the content declares for it."""
    table: dict[str, tuple[str, ...]] = {}
    pairs: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(item, Definition):
        pairs = [(f.text, f.aliases) for f in item.facets]
    elif isinstance(item, ListItem):
        pairs = [(w, e.aliases) for e in item.entries for w in (e.label, e.text)]
    elif isinstance(item, Framework):
        pairs = [(p.label, p.aliases) for p in item.parts]
    elif isinstance(item, Fact):
        pairs = list(item.aliases)
    for wording, names in pairs:
        if names:
            table[key_of(wording)] = tuple(names)
    return table


def _answers(item: Item) -> list[tuple[str, ...]]:
    """The short answers an item offers, in groups that belong together (a facet's name
    and text, an entry's label and text, a part's role and label): the rivals' pool."""
    if isinstance(item, Definition):
        return [(f.name, f.text, *f.aliases) for f in item.facets]
    if isinstance(item, ListItem):
        return [(e.label, e.text, *e.aliases) for e in item.entries]
    if isinstance(item, Framework):
        return [(p.role, p.label, *p.aliases) for p in item.parts]
    if isinstance(item, Fact):
        return [(f,) for f in item.figures]
    return []


def _rivals(
    item: Item, question, pool: Iterable[tuple[Sequence[str], Sequence[str]]]
) -> tuple[str, ...]:
    """The pool (groups of texts, each with their keys) less the answer's own group, what
    overlaps the answer and what the prompt quotes as its subject."""
    mine = [key_of(t) for t in (question.expected[0], *_own(question, 0))]
    quoted = {key_of(q) for q in _QUOTED.findall(question.prompt)}
    own_names = {key_of(n) for n in _names(item)}
    out: list[str] = []
    for group, keys in pool:
        if any(k in mine for k in keys):
            continue  # the answer's own facet, entry or part
        for text, key in zip(group, keys, strict=True):
            if len(key) < 2 or key in quoted or key in own_names:
                continue
            if any(key in m or m in key for m in mine):
                continue
            out.append(text)
    return tuple(dict.fromkeys(out))


def _names(item: Item) -> list[str]:
    """The item's own name (a term, a list's or framework's name): never a rival."""
    if isinstance(item, Definition):
        return [item.term, display_term(item.term)]
    if isinstance(item, (ListItem, Framework)):
        return [item.name]
    return []


class _Sentences:
    """The deck's sentences, each with its loose key, for finding where an answer sits."""

    def __init__(self, deck: Deck):
        self.by_item: dict[str, list[tuple[str, str]]] = {}
        seen: dict[str, str] = {}
        for item in deck.items:
            own = self.by_item.setdefault(item.id, [])
            for text in item.texts():
                for sentence in _SENTENCE_END.split(text):
                    key = key_of(sentence)
                    if len(key) >= 2:
                        own.append((key, sentence.strip()))
                        seen.setdefault(key, sentence.strip())
        self.keys = list(seen.items())
        self.by_article: dict[str, list[str]] = {}
        for item in deck.items:
            keys = [key for key, _ in self.by_item[item.id]]
            self.by_article.setdefault(item.source.article, []).extend(keys)
        # The same sentences indexed by their two-character runs, built on first use:
        # looking a wording up does not scan the deck (quiz/scan_index.py).
        self._deck_index: SubstringIndex | None = None
        self._article_index: dict[str, SubstringIndex] = {}

    def in_article(self, wording: str, item: Item) -> bool:
        """Whether a loose wording stands in a sentence the deck takes from the item's article."""
        article = item.source.article
        index = self._article_index.get(article)
        if index is None:
            index = SubstringIndex(self.by_article.get(article, ()))
            self._article_index[article] = index
        return bool(index.holding(wording))

    def holding(self, answer: str, item_id: str) -> tuple[str, ...]:
        """Up to MAX_CONTEXTS sentences that hold the answer (not the answer alone): the
        item's own first; the rest of the deck's only for an answer of MIN_DECK_CONTEXT
        characters or more (创新 sits next to almost anything somewhere in the deck)."""
        wanted = key_of(answer)
        if len(wanted) < 2:
            return ()
        found = [s for key, s in self.by_item.get(item_id, ()) if wanted in key and key != wanted]
        if not found and len(wanted) >= MIN_DECK_CONTEXT:
            if self._deck_index is None:
                self._deck_index = SubstringIndex(key for key, _ in self.keys)
            pairs = [self.keys[n] for n in self._deck_index.holding(wanted)]
            found = [s for key, s in pairs if key != wanted]
        return tuple(dict.fromkeys(found))[:MAX_CONTEXTS]
