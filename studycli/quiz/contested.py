"""Questions whose answer the articles themselves contest, found across the whole deck.

Three ways a facet or role question has more than one defensible answer:

- the deck split one sentence into facets (整合,就是协同耦合,产生1+1大于2的……效应:
  含义 vs 效应), so the other half is part of what the term "就是";
- another passage gives the same facet of the same concept another answer (关键在质优 in
  习近平's summary, 关键在创新 in 感悟2; 特征 said three ways), and the stem does not say
  whose wording it wants (``按……的概括``);
- a framework is an open list (…机器人等未来产业, ``open: true``), asked as if closed.

The quality gate asks ``reasons`` for every question; a non-empty answer flags it.
"""

from __future__ import annotations

import bisect
import functools
import re

from studycli.deck.model import Deck, Definition, Framework, Item, ListItem, Quote
from studycli.quiz.question import Question
from studycli.quiz.scan_index import SubstringIndex
from studycli.text import display_term

# A facet that names the whole meaning: another facet from its sentence is part of it.
WHOLE_MEANING = frozenset({"含义", "意思", "定义", "就是", "是什么"})
_SENTENCES = re.compile(r"[^。；;!！?？]+")
_MODIFIERS = re.compile(r"^(重要|基本|主要|本质|根本|核心)(?=..)")
_STATED_AFTER = ("是", "在", "为", "就是", "表现为")
# Words that say whose wording a stem wants.
CONTEXT_MARKS = ("按", "据", "根据", "感悟")


def core_name(name: str) -> str:
    """重要特征 → 特征, 基本内涵 → 内涵: the word a passage would use for the facet."""
    return _MODIFIERS.sub("", name)


class ContestIndex:
    """The deck's sentences, indexed once, to tell when a facet's answer is contested."""

    def __init__(self, deck: Deck):
        self.items = {item.id: item for item in deck.items}
        # (item id, sentence, the concept the sentence is about when it opens with 它)
        self.sentences: list[tuple[str, str]] = []
        for item in deck.items:
            for text in _texts(item):
                previous = ""
                for sentence in _SENTENCES.findall(text):
                    # 它由……催生: the pronoun stands for the subject of the sentence before.
                    shown = previous + "。" + sentence if sentence.startswith("它") else sentence
                    self.sentences.append((item.id, shown))
                    previous = sentence
        self.quotes = [x for x in deck.items if isinstance(x, Quote)]
        self._index: SubstringIndex | None = None  # the sentences by their words
        # The quotes' plain texts joined, with where each starts (made on first use).
        self._quoted: tuple[str, list[int]] | None = None
        # rival() and said_elsewhere() answers for the item being reviewed: its questions
        # ask the same facet or role several times (term, choice, judge, cloze).
        self._answers: tuple[str, dict[tuple, str | None]] = ("", {})

    # --- what the generator asks -----------------------------------------------------

    def voice(self, item: Definition) -> str | None:
        """Whose summary holds the definition (按习近平总书记的概括), if a quote does."""
        meaning = _plain(item.meaning)
        if not meaning:
            return None
        if self._quoted is None:
            # Plain texts hold no "\0": a meaning found in the joined text lies in one quote,
            # and the first place it is found lies in the first quote holding it.
            starts, at = [], 0
            for quote in self.quotes:
                starts.append(at)
                at += len(_plain(quote.text)) + 1
            self._quoted = ("\0".join(_plain(q.text) for q in self.quotes), starts)
        joined, starts = self._quoted
        found = joined.find(meaning)
        if found < 0:
            return None
        speaker = self.quotes[bisect.bisect_right(starts, found) - 1].speaker
        return f"{speaker}总书记" if speaker == "习近平" else speaker

    # --- what the gate asks ----------------------------------------------------------

    def reasons(self, q: Question, item: Item) -> list[str]:
        """Why the question has another defensible answer; empty when it has none."""
        out: list[str] = []
        if isinstance(item, Definition):
            out += self._split_facets(q, item)
            out += self._rival_facets(q, item)
            out += self._said_elsewhere(q, item)
        if isinstance(item, Framework):
            out += self._framework(q, item)
        return out

    def _split_facets(self, q: Question, item: Definition) -> list[str]:
        split = split_facets(item)
        if not split:
            return []
        facet = _facet_of(q)
        texts = [f.text for f in item.facets if f.name in split]
        asks_split = facet in split and q.kind in ("term", "choice")
        # A false twin that swaps one half of the sentence for the other is half true.
        swaps_split = q.kind == "judge" and q.answer == "错" and any(t in q.prompt for t in texts)
        if asks_split or swaps_split:
            names = "、".join(sorted(split))
            return [f"“{names}”是题库把原文同一句话拆成的几个方面,另一半也是对的"]
        return []

    def _rival_facets(self, q: Question, item: Definition) -> list[str]:
        facet = _facet_of(q)
        if facet is None or q.kind not in ("term", "choice", "judge"):
            return []
        own = next((f for f in item.facets if f.name == facet), None)
        if own is None or _has_context(q.prompt):
            return []
        rival = self.rival(item.id, display_term(item.term), facet, own.text)
        if rival:
            return [f"原文另有一处说“{rival}”,题干须写明是谁的说法(按……的表述)"]
        return []

    def _said_elsewhere(self, q: Question, item: Definition) -> list[str]:
        """地位/作用/关系 asked bare, while another item says the concept is something else.

        生产力是社会发展的最终决定力量 (000) against 生产力是全部社会生活的物质前提 (004);
        劳动力是活的要素 (感悟3); 战略性新兴产业、未来产业,成为……主阵地 (感悟5): a term,
        recitation or cloze on that facet has two right answers (examiner 4, FLAWED). The
        choice stays: its distractors are other concepts' facets, so one answer is right.
        """
        if _has_context(q.prompt) or q.kind not in ("term", "recite", "cloze"):
            return []
        facet = _facet_of(q)
        if facet is not None and q.kind in ("term", "cloze"):
            asked = [f for f in item.facets if f.name == facet]
        elif q.kind == "recite" and q.id.endswith(":meaning"):
            asked = list(item.facets)
        else:
            return []
        for own in asked:
            # 默写关于“科学合理的政府产业政策”的表述 names the policy whole: no other says it.
            rival = self.said_elsewhere(item, own.name, own.text, whole=q.kind == "recite")
            if rival:
                return [f"另一处原文说“{rival}”,也是{own.name};题干须写明按哪篇文章"]
        return []

    def _remembered(self, item_id: str, ask: tuple, find) -> str | None:
        """``find()``, remembered for the item's next questions (one item at a time)."""
        if self._answers[0] != item_id:
            self._answers = (item_id, {})
        answers = self._answers[1]
        if ask not in answers:
            answers[ask] = find()
        return answers[ask]

    def said_elsewhere(
        self, item: Definition, facet: str, key: str, whole: bool = False
    ) -> str | None:
        """Another item's sentence that says what the concept is, without the key."""
        return self._remembered(
            item.id,
            ("said", display_term(item.term), facet, key, whole),
            lambda: self._said_elsewhere_found(item, facet, key, whole),
        )

    def _said_elsewhere_found(
        self, item: Definition, facet: str, key: str, whole: bool
    ) -> str | None:
        word = next((w for w in EVALUATIVE if w in facet), None)
        subject = _subject_pattern(display_term(item.term), whole)
        if word is None or subject is None:
            return None
        says = re.compile(
            f"(?:^|[，,：:；;、]|认为|中){subject}[，,]?(?:是|成为|就是|作为)"
            f"|{subject}[的对][^，,。；;]{{0,24}}?{word}"
        )
        key_plain = _plain(key)
        # Only sentences holding the subject's first word can match: look them up.
        for owner, sentence in self._with_word(_subject_parts(display_term(item.term), whole)[0]):
            if owner == item.id or (key_plain and key_plain in _plain(sentence)):
                continue
            if says.search(sentence):
                return sentence.strip("，,")
        return None

    def _framework(self, q: Question, item: Framework) -> list[str]:
        out = []
        role = _role_of(q, item)
        asks_all = q.kind in ("list", "multi") and (":role-" in q.id or q.id.endswith(":all"))
        if item.open and asks_all:
            out.append("原文以“等”收尾,是开放清单,不能当作封闭清单来问")
        several = role is not None and sum(p.role == role for p in item.parts) > 1
        if item.open and q.kind == "choice" and several:
            # 人工智能 is 未来产业 here, counted in 新一代信息技术 elsewhere: open roles overlap.
            out.append("开放清单(……等)不问“下列哪一项属于”:其他同类项也说得通")
        if role and q.kind in ("term", "choice", "judge") and not _has_context(q.prompt):
            label = next((p.label for p in item.parts if p.role == role), "")
            concept = item.name.split("的", 1)[0]
            rival = self.rival(item.id, concept, role, label)
            if rival:
                out.append(f"原文另有一处说“{rival}”,题干须写明是谁的说法(按……的表述)")
        if q.kind == "cloze" and not _has_context(q.prompt):
            # 重要特征是____和____ (感悟4) taught without whose view, against 习近平's 特征.
            concept = item.name.split("的", 1)[0]
            for part in item.parts:
                blanked = any(b and b in part.label for b in q.blanks)
                rival = blanked and self.rival(item.id, concept, part.role, part.label)
                if rival:
                    out.append(f"原文另有一处说“{rival}”,题干须写明是谁的说法(按……的表述)")
                    break
        return out

    def _with_word(self, word: str) -> list[tuple[str, str]]:
        """The sentences that hold ``word``, in order, looked up (quiz/scan_index.py)."""
        if self._index is None:
            self._index = SubstringIndex(sentence for _, sentence in self.sentences)
        return [self.sentences[n] for n in self._index.holding(word)]

    def rival(self, item_id: str, concept: str, facet: str, key: str) -> str | None:
        """A sentence elsewhere that gives ``concept``'s ``facet`` without the key."""
        return self._remembered(
            item_id,
            ("rival", concept, facet, key),
            lambda: self._rival_found(item_id, concept, facet, key),
        )

    def _rival_found(self, item_id: str, concept: str, facet: str, key: str) -> str | None:
        word = core_name(facet)
        if len(word) < 2 or not concept:
            return None
        key_plain = _plain(key)
        for owner, sentence in self._with_word(word):
            if owner == item_id or concept not in sentence or word not in sentence:
                continue
            if key_plain and key_plain in _plain(sentence):
                continue  # the sentence the key comes from, or one agreeing with it
            if _states(sentence, word):
                return sentence.strip("，,")
        return None


# Facets that say where a concept stands or what it does, which any sentence about it may say.
EVALUATIVE = ("地位", "作用", "关系", "意义", "角色", "定位")


def _subject_pattern(term: str, whole: bool = False) -> str | None:
    """The term as a sentence's subject: 科学合理的政府产业政策 → 政府产业政策; A和B → A、B."""
    parts = _subject_parts(term, whole)
    return "[、和与及]".join(map(re.escape, parts)) if parts else None


def _subject_parts(term: str, whole: bool = False) -> list[str]:
    """The words every mention of the subject holds, in order; empty when too short."""
    rest = term.split("的", 1)[-1]
    core = rest if not whole and "的" in term and len(rest) >= 3 else term
    parts = [p for p in re.split("[和与及、]", core) if p]
    return parts if parts and min(map(len, parts)) >= 2 else []


def split_facets(item: Definition) -> set[str]:
    """Facet names cut out of one meaning sentence together with a whole-meaning facet."""
    if not any(f.name in WHOLE_MEANING for f in item.facets):
        return set()
    for sentence in _SENTENCES.findall(item.meaning):
        inside = {f.name for f in item.facets if _plain(f.text) in _plain(sentence)}
        if len(inside) >= 2 and inside & WHOLE_MEANING:
            return inside
    return set()


def _states(sentence: str, word: str) -> bool:
    """The sentence gives the facet an answer: 关键在创新, 以……为基本特征, 具有……特征.

    A facet word merely named (特征、基本内涵……等基本理论问题, 取得领先地位) answers nothing.
    """
    for match in re.finditer(re.escape(word), sentence):
        before = _MODIFIER_TAIL.sub("", sentence[: match.start()])
        after = sentence[match.end() :]
        if after.startswith(("所", "的")):
            continue  # 以……为目标所进行的变革: the facet of something else, inside a clause
        if after.startswith(_STATED_AFTER) or before.endswith("为"):
            return True
        if "具有" in before[-16:] and not after[:1].isalnum():
            return True
    return False


_MODIFIER_TAIL = re.compile(r"(重要|基本|主要|本质|根本|核心)$")


def _texts(item: Item) -> list[str]:
    if isinstance(item, Quote):
        return [item.text]
    if isinstance(item, Definition):
        return [item.meaning]
    if isinstance(item, Framework):
        return [item.summary, *(p.text for p in item.parts if p.text)]
    if isinstance(item, ListItem):
        return [item.intro or "", *(e.text for e in item.entries)]
    return [getattr(item, "text", "")]


def _facet_of(q: Question) -> str | None:
    slug = q.id.rsplit(":", 1)[-1]
    return slug[len("facet-") :] if slug.startswith("facet-") else None


def _role_of(q: Question, item: Framework) -> str | None:
    """The role a framework question asks about: role-重要特征, or part-1's role."""
    slug = q.id.rsplit(":", 1)[-1]
    if slug.startswith("role-"):
        return slug[len("role-") :]
    number = slug[len("part-") :] if slug.startswith("part-") else ""
    if number.isdigit() and 0 < int(number) <= len(item.parts):
        return item.parts[int(number) - 1].role
    # A judge s-N asks about the N-th role (quiz/judges.py takes the first two).
    number = slug[len("s-") :] if q.kind == "judge" and slug.startswith("s-") else ""
    if number.isdigit() and 0 < int(number) <= len(item.roles()):
        return item.roles()[int(number) - 1]
    return None


def _has_context(prompt: str) -> bool:
    return prompt.startswith(CONTEXT_MARKS)


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


# Heads so common that sharing one says nothing (现代化产业体系 / 人才工作体系).
COMMON_HEADS = frozenset("体系 产业 发展 建设 机制 能力 水平 技术 创新 经济 工作 政策".split())


def restates(candidate: str, rights: list[str]) -> bool:
    """A distractor ending in the head word of a right entry's part: 形成经济发展新动能 for
    新的产业、模式、动能 says the same thing in other words, so it may be right too."""
    return restating(rights)(candidate)


def restating(rights: list[str]):
    """``restates`` with the right entries' head words worked out once (a test per option)."""
    parts = [part for right in rights for part in _PARTS.split(right)]
    heads = {_head(part) for part in parts}
    # 新的产业, 新兴产业, 新型产业 all say 新产业: a candidate ending in a right part's
    # 新-phrase restates it (培育壮大新兴产业 beside 形成新的产业).
    new_phrases = {n for n in map(_new_phrase, parts) if n}

    def test(candidate: str) -> bool:
        head = _head(candidate)
        if len(head) == 2 and head not in COMMON_HEADS and head in heads:
            return True
        mine = _new_phrase(candidate)
        return bool(mine) and mine in new_phrases

    return test


_PARTS = re.compile(r"[、，,；;和与及]")
_NEW_PHRASE = re.compile(r"(?<![创革更重刷清])新(?:的|兴|型)?(\w{2})$")  # not 创新体系


@functools.lru_cache(maxsize=65536)
def _new_phrase(text: str) -> str:
    """新产业 for a text ending in 新的产业, 新兴产业 or 新型产业 (two-character head), else ""."""
    match = _NEW_PHRASE.search(_plain(text))
    return "新" + match.group(1) if match else ""


@functools.lru_cache(maxsize=65536)
def _head(text: str) -> str:
    """The last two characters of a text's words: its head word, roughly."""
    return _plain(text)[-2:]
