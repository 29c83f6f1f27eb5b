"""What a question needs to go on a mock paper: a stricter standard than a practice quiz.

A practice session asks any question the quality gate (quiz.quality, quiz.contested) lets
through, drawn by its weight. A paper is printed, timed and scored out of 100, so it is held
higher (examiner reviews of papers: the WEAK ones were off-category options, term questions
built from sentences that are not definitions, over-long recitations, and keys shown by
another question on the same paper). Two grades:

- ``faults``: never on a paper — quality flags (contested, ambiguous, damaged …), a
  recitation or list too long to write out in an exam, a "哪个概念的含义是" choice.
- ``core``: what a paper is made of — the gate's weight at least ``PAPER_MIN_WEIGHT``
  (a core point: definitions, 金句, frameworks; no statistics or regional trivia); a
  one-answer choice with at least two wrong options of the answer's own kind and no pair
  of aliases among them; a multi with two wrong options or more, half of them like a right
  one. A question that is neither faulty nor core goes on a paper only when a topic or a
  section has nothing better.

And, across a paper, ``Leaks``: no question may show another's key in its stem or options.
Pure: reads only ``id``, ``kind``, ``prompt``, ``answer``, ``expected``, ``options``,
``weight`` and ``flags``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from studycli.quiz.cloze import BLANK

PAPER_MIN_WEIGHT = 1.0  # the gate gives 1.0–1.2 to core points, far less to the rest
MAX_RECITE_CHARS = 30  # characters (punctuation not counted) to write out from memory
MAX_LIST_CHARS = 24  # all the entries of a 列举 together
MAX_LIST_ENTRY = 10  # one entry of a 列举
MAX_TERM_CHARS = 16  # a 名词 answer in 填空: a phrase, not a sentence (以新促质的具体路径)
MIN_ALIKE_OPTIONS = 2  # wrong options of a one-answer choice that look like the answer
SHORT = 4  # characters: a word this short that ends alike (产业链 / 供应链) is of one kind
# Words every other option of this deck shares: sharing them says nothing about kind.
GENERIC_WORDS = frozenset("发展 创新 产业 经济 质量 新质 技术 科技".split())
MAX_ENTRY_CHARS = 6  # a 、-separated piece this short is a list entry (劳动对象)
MIN_LEAK_CHARS = 3  # a key fragment this long shown by another question gives it away
COMMON_SHARE = 0.03  # a fragment shown by more of the pool than this is common wording

MAX_LOOSE_BLANKS = 2  # a cloze with more blanks must have them side by side (a list)
SIMILAR_NAMES = 0.5  # share of two-character words two list names have in common
MAX_LENGTH_RATIO = 1.8  # a wrong option this many times longer or shorter is another form

_NOT_WORD = re.compile(r"[\W_]+")
_FACET = re.compile(r":(facet|part)-")
_NAME_IN_JUDGE = re.compile(r"^判断正误:“(.+)”包括“")
# The last word of a list name that says only "how many", not what kind of thing.
CONTAINER_WORDS = frozenset(
    "方面 问题 环节 阶段 目标 方向 内容 作用 要点 任务 措施 举措 途径".split()
)
_INCLUDES = re.compile(r"”包括“([^”]+)”。?$")
FALSE_WORD = "错"
_ONE_TO_ONE = re.compile(r"”中的“[^”]+”包括“")
_LISTED = re.compile(r"写出(.+)\(共 ?\d+ ?项\)")
_NAMED = re.compile(r"^(?:下列属于|下列哪一项属于)“(.+)”(?:的有|\?|？)")
# The deck's subject, in nearly every list name: sharing it says nothing.
_SUBJECT = re.compile("新质生产力|高质量发展")
_PIECES = re.compile(r"[、，,；;：:。.“”\"‘’'()（）\s]+")
_FILLERS = frozenset("的和与及")


class PaperStandard:
    """The paper standard for one deck: its glossary's alias groups, read once."""

    def __init__(self, aliases: Iterable[Sequence[str]] = ()):
        # term and aliases → the group's name, so that two options of one group are seen
        self.group = {_chars(name): index for index, names in enumerate(aliases) for name in names}
        # item → the keys of its one-answer questions: a facet's sibling facets (本质 beside
        # 核心标志) are wrong options of its own kind whatever their words.
        self.siblings: dict[str, set[str]] = {}
        # a key → the passages (article, section) whose items have it: a wrong option from
        # the same passage is a near miss, one from another essay a different concept.
        self.passages: dict[str, set[tuple[str, str]]] = {}
        # list name → (item, its entries): a wrong option that is an entry of a list named
        # almost alike (五项具体举措 / 五个“加快”) is right there, so it is contested.
        self.lists: list[tuple[str, frozenset[str], frozenset[str]]] = []
        self.entries: dict[str, frozenset[str]] = {}  # item → every entry of its list
        self.item_passages: dict[str, tuple[str, str]] = {}

    def learn(self, pool: Iterable) -> None:
        """Note, across the pool, each item's keys, each key's passage and each list."""
        for question in pool:
            item = question.item_id
            self.item_passages.setdefault(item, _passage(question))
            if question.kind == "choice":
                self.siblings.setdefault(item, set()).add(question.answer)
                self.passages.setdefault(question.answer, set()).add(_passage(question))
                if ":entry-" in question.id:  # 下列哪一项属于: its key is an entry
                    self._add_entries(item, [question.answer])
            whole = _LISTED.search(question.prompt) if question.id.endswith(":list:all") else None
            if whole:  # 写出……(共 5 项): every entry of the list is expected
                self.lists.append((item, _name_pairs(whole.group(1)), frozenset(question.expected)))
            if whole or (question.kind == "multi" and question.id.endswith(":all")):
                self._add_entries(item, question.expected)
            claim = _INCLUDES.search(question.prompt) if question.kind == "judge" else None
            if claim and question.answer != FALSE_WORD and not _ONE_TO_ONE.search(question.prompt):
                self._add_entries(item, [claim.group(1)])  # a true 包括: an entry

    def _add_entries(self, item: str, entries: Iterable[str]) -> None:
        self.entries[item] = self.entries.get(item, frozenset()) | frozenset(entries)

    def contested(self, question) -> list[str]:
        """Wrong options that are entries of another list named almost alike."""
        name = list_name(question)
        if not name:
            return []
        pairs = _name_pairs(name)
        right = set(question.expected) or {question.answer}
        out = []
        for option in question.options:
            if option in right:
                continue
            for item, other, entries in self.lists:
                similar = len(pairs & other) / max(len(pairs | other), 1) >= SIMILAR_NAMES
                if item != question.item_id and option in entries and similar:
                    out.append(f"干扰项“{option}”是名称相近的另一清单的一项,也可能算对")
                    break
        return out

    def faults(self, question) -> list[str]:
        """Why ``question`` may never go on a paper (empty: it may)."""
        out = [*getattr(question, "flags", ())]
        key = _chars(question.answer)
        if question.kind == "recite" and len(key) > MAX_RECITE_CHARS:
            out.append(f"默写答案 {len(key)} 字,试卷上默写以 {MAX_RECITE_CHARS} 字为限")
        if question.kind == "list":
            parts = [_chars(p) for p in question.expected]
            longest = max(map(len, parts), default=0)
            if sum(map(len, parts)) > MAX_LIST_CHARS or longest > MAX_LIST_ENTRY:
                out.append("列举的各项太长,考场上写不完")
        if question.kind == "term" and len(key) > MAX_TERM_CHARS:
            out.append(f"名词题答案 {len(key)} 字,填空题以 {MAX_TERM_CHARS} 字为限")
        if question.kind == "choice" and question.id.endswith(":term"):
            out.append("“哪个概念的含义是”的句子多半不是定义,唯一同类的选项即是答案")
        return out

    def core(self, question) -> bool:
        """A question a paper is made of: a core point, with wrong options worth weighing."""
        weight = float(getattr(question, "weight", 1.0) or 0.0)
        return weight >= PAPER_MIN_WEIGHT and self.well_formed(question)

    def well_formed(self, question) -> bool:
        """No fault, and wrong options worth weighing (whatever the weight)."""
        if self.faults(question) or self.contested(question):
            return False
        if question.kind == "judge":
            return self._fair_judge(question)
        blanks = question.prompt.count(BLANK)
        if question.kind == "cloze" and blanks > MAX_LOOSE_BLANKS:
            # 新性质、新特征、新功能 side by side is one list; three blanks strewn over a
            # sentence (____是生产力____、____的要素) leave too little to go on.
            return "、".join([BLANK] * blanks) in question.prompt
        right = list(question.expected) or [question.answer]
        wrong = [o for o in question.options if o not in right]
        if question.kind == "choice" and question.options:
            if self._alias_pair(question.options):
                return False
            siblings = self.siblings.get(question.item_id, set())
            need = min(MIN_ALIKE_OPTIONS, len(wrong))
            if _FACET.search(question.id):
                # A facet's wrong options: its sibling facets, or near misses from its passage
                # beside at least one sibling (劳动者的地位 against facets of 新质生产力: no).
                here = _passage(question)
                near = sum(o in siblings or here in self.passages.get(o, ()) for o in wrong)
                return near >= need and any(o in siblings for o in wrong)
            alike_count = sum(
                o in siblings or alike(o, question.answer, question.prompt) for o in wrong
            )
            return alike_count >= need
        if question.kind == "multi":
            like = sum(any(alike(o, r, question.prompt) for r in right) for o in wrong)
            return len(wrong) >= 2 and like * 2 >= len(wrong)
        return True

    def _fair_judge(self, question) -> bool:
        """A 判断 of list membership: a role is not a list (“……”中的“着力点”包括), and a false
        item is of the entries' kind (not 掌握关键核心技术 among industries) without being
        one of them shortened (产业升级 for 产业深度转型升级)."""
        claim = _INCLUDES.search(question.prompt)
        if claim and _ONE_TO_ONE.search(question.prompt) and question.answer != FALSE_WORD:
            return False  # a role is mostly one thing: “基本语境”包括“经济新常态” misreads it
        entries = self.entries.get(question.item_id)
        if not claim or not entries or question.answer != FALSE_WORD:
            return True
        item = _chars(claim.group(1))
        if any(_restates(item, _chars(e)) for e in entries):
            return False
        named = _NAME_IN_JUDGE.search(question.prompt)
        kind = _chars(named.group(1))[-2:] if named else ""
        if kind and kind not in CONTAINER_WORDS and item.endswith(kind):
            # 科技成果转化机制改革 for 继续深化改革的三项改革: itself a 改革 the article calls
            # for elsewhere, so "not one of them" is arguable.
            return False
        here = _part(self.item_passages.get(question.item_id))
        for other, listed in self.entries.items():
            # 数据要素治理 is not one of the 六项举措 (专家解读 · 第一至第六), but the 第六
            # one builds it (专家解读 · 第六): a list from the same part of the essay.
            if other != question.item_id and _part(self.item_passages.get(other)) == here:
                if claim.group(1) in listed:
                    return False
        return any(alike(claim.group(1), e) for e in entries)

    def _alias_pair(self, options: Sequence[str]) -> bool:
        groups = [self.group.get(_chars(o)) for o in options]
        named = [g for g in groups if g is not None]
        return len(named) != len(set(named))


def alike(option: str, right: str, stem: str = "") -> bool:
    """``option`` is of ``right``'s kind at a glance: a shared two-character word that the
    stem does not show and that is not the deck's common wording, or, between short words,
    the same last character (产业链 / 供应链) or any shared character (for 1–3 characters)."""
    a, b = _chars(option), _chars(right)
    if not a or not b or max(len(a), len(b)) > MAX_LENGTH_RATIO * min(len(a), len(b)):
        return False  # 大数据中心 beside 提升数据要素供给质量: a thing among measures
    shown = _pairs(_chars(stem)) | GENERIC_WORDS
    if (_pairs(a) & _pairs(b)) - shown:
        return True
    if len(a) <= SHORT and len(b) <= SHORT and a[-1] == b[-1]:
        return True
    short = len(a) <= SHORT and len(b) <= 3
    return short and bool((set(a) & set(b)) - _FILLERS - set(_chars(stem)))


class Leaks:
    """Keys shown by other questions of a paper: 全要素生产率大幅提升 as an option of one
    question gives away the cloze 新质生产力的核心标志:____大幅提升 of another.

    A key fragment counts when it is at least ``MIN_LEAK_CHARS`` long and is not common
    wording (shown by more than ``COMMON_SHARE`` of the pool's questions).
    """

    def __init__(self, pool: Sequence, standard: PaperStandard | None = None):
        self.shown = {q.id: _chars("".join((q.prompt, *q.options))) for q in pool}
        # 劳动力 shown gives away 劳动者: a list key's entry counts as shown by any alias.
        groups: dict[int, set[str]] = {}
        for name, index in (standard.group if standard else {}).items():
            groups.setdefault(index, set()).add(name)
        self.names = {
            name: groups[index] for name, index in (standard.group if standard else {}).items()
        }
        counts: dict[str, int] = {}
        for q in pool:
            for piece in key_pieces(q):
                if piece not in counts:
                    counts[piece] = sum(piece in text for text in self.shown.values())
        limit = max(2, math.ceil(COMMON_SHARE * len(pool)))
        self.keys = {q.id: [p for p in key_pieces(q) if counts[p] <= limit] for q in pool}
        # Two questions with the same key (产业链 of two 四链 lists) ask one thing twice.
        # A recited list (劳动力、劳动工具、劳动对象) counts by its entries; a longer clause
        # two quotes share (加快形成新质生产力) is common wording, not one key twice.
        self.whole = {q.id: _entries(q) for q in pool if q.kind != "judge"}

    def between(self, question, others: Iterable) -> bool:
        """``question`` shows a key of one of ``others``, or one of them shows its key."""
        mine, shown = self.keys.get(question.id, []), self.shown.get(question.id, "")
        whole = self.whole.get(question.id, frozenset())
        for other in others:
            if whole & self.whole.get(other.id, frozenset()):
                return True
            text = self.shown.get(other.id, "")
            if any(p in text for p in mine) or any(p in shown for p in self.keys.get(other.id, [])):
                return True
            theirs = self.whole.get(other.id, frozenset())
            if self._shows_most(whole, text) or self._shows_most(theirs, shown):
                return True
        return False

    def _shows_most(self, parts: frozenset[str], text: str) -> bool:
        """Most entries of a list key shown at once (劳动工具 / 劳动对象 / 劳动力 as options
        give away 劳动者、劳动资料、劳动对象), however common each word is alone."""
        shown = sum(
            len(p) >= 2 and any(name in text for name in self.names.get(p, {p})) for p in parts
        )
        return len(parts) >= 2 and shown >= max(2, len(parts) / 2)


def list_name(question) -> str:
    """The list a 下列属于“…”的有 / 下列哪一项属于“…”? question asks about, or ""."""
    whole = question.kind == "multi" and question.id.endswith(":all")
    entry = question.kind == "choice" and ":entry-" in question.id
    found = _NAMED.search(question.prompt) if whole or entry else None
    return found.group(1) if found else ""


def _name_pairs(name: str) -> frozenset[str]:
    return frozenset(_pairs(_chars(_SUBJECT.sub("", name))))


def _part(passage: tuple[str, str] | None) -> tuple[str, str] | None:
    """专家解读 · 第六 → (article, 专家解读): the part of the essay a passage belongs to."""
    return None if passage is None else (passage[0], passage[1].split(" · ")[0])


def _passage(question) -> tuple[str, str]:
    source = getattr(question, "source", None)
    if source is None:
        return "", ""
    if isinstance(source, dict):
        return source.get("article", ""), source.get("section", "")
    return source.article, source.section


def key_pieces(question) -> list[str]:
    """The fragments of a question's key another question could give away (not 对/错)."""
    if question.kind == "judge":
        return []
    pieces = {_chars(p) for part in _parts(question) for p in _PIECES.split(part)}
    return sorted(p for p in pieces if len(p) >= MIN_LEAK_CHARS)


def _restates(a: str, b: str) -> bool:
    """One holds the other's characters in order (产业升级 in 产业深度转型升级)."""
    if a == b or min(len(a), len(b)) < 3:
        return False
    short, long = sorted((a, b), key=len)
    rest = iter(long)
    return all(ch in rest for ch in short)


def _entries(question) -> frozenset[str]:
    """A key's parts, and the short entries of a part that is a 、-list."""
    parts = {_chars(p) for p in _parts(question)}
    short = {
        _chars(piece)
        for part in _parts(question)
        for piece in _PIECES.split(part)
        if 0 < len(_chars(piece)) <= MAX_ENTRY_CHARS
    }
    return frozenset(parts | short)


def _parts(question) -> list[str]:
    return list(question.expected) or [question.answer]


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _chars(text: str) -> str:
    return _NOT_WORD.sub("", text)
