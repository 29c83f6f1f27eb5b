"""Drafting deck items from a cleaned article: sections, quotes, lists, definitions, facts, terms.

Everything drafted is a suggestion for a person to curate (``draft: true``); the rules are
simple and visible so that what they miss is easy to predict.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from studycli.cleaning import DAMAGE_MARK, Cleaned, Paragraph
from studycli.model import Definition, Entry, Facet, Fact, Item, ListItem, Quote, Source

DRAFT_TOPIC = "待整理"
_NUM = "一二三四五六七八九十"
_NUMBER = {ch: i for i, ch in enumerate(_NUM, start=1)}


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

    def counts(self) -> dict[str, int]:
        """Items drafted per kind, in schema order."""
        out = {kind: 0 for kind in ("quote", "definition", "list", "framework", "fact")}
        for item in self.items:
            out[item.kind] += 1
        return {kind: n for kind, n in out.items() if n}


@dataclass(frozen=True)
class _Sentence:
    text: str
    para: int
    section: str
    lines: tuple[int, ...]


def slugify(name: str) -> str:
    """An id prefix from a file name: its stem in lower case, other characters as ``-``."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-_")
    if not slug:
        import hashlib

        slug = "article-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return slug


# --- sections -------------------------------------------------------------------------


def _sections(paragraphs: tuple[Paragraph, ...]) -> tuple[str | None, list[str]]:
    """The article's title (a heading before any content) and each paragraph's section."""
    title = None
    top, sub = "", ""
    sections = []
    for index, para in enumerate(paragraphs):
        if para.level and index == 0 and not re.search(r"感悟\d+$", para.title):
            title = para.text
        elif para.level == 1:
            top, sub = para.title, ""
        elif para.level == 2:
            byline = re.fullmatch(r".{4,40}\s([\u4e00-\u9fff]{2,4})", para.title)
            sub = byline.group(1) if byline else para.title
        sections.append(" · ".join(part for part in (top, sub) if part) or "导言")
    if title is None:
        for para in paragraphs:
            match = re.fullmatch(r"(.+?)\s*\d+", para.text) if para.level == 1 else None
            if match:
                title = match.group(1)
                break
    return title, sections


def _is_body(para: Paragraph) -> bool:
    """Body text; a heading run into its paragraph (004 line 43) is body too."""
    return para.level == 0 or (para.level == 2 and len(para.text) > 40)


# --- sentences --------------------------------------------------------------------------

_LIST_AFTER_COLON = re.compile(rf"(?<=：)(?=[{_NUM}]是)")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, keeping quotations whole; a list after ``：`` starts anew."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in text:
        buf.append(ch)
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
            if depth == 0 and len(buf) > 1 and buf[-2] in "。！？":
                out.append("".join(buf))
                buf = []
        elif ch in "。！？；" and depth == 0:
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    pieces = []
    for sentence in out:
        pieces += [p for p in _LIST_AFTER_COLON.split(sentence) if p]
    return [p.strip() for p in pieces if p.strip()]


def _strip_end(text: str) -> str:
    return text.rstrip("。；！？，、 ")


def _label(text: str) -> str:
    """A short label: the first clause when the whole is long."""
    first = re.split(r"[，；：。〔]", text, maxsplit=1)[0].strip()
    return first if first and len(text) > 20 else _strip_end(text)


# --- quotes -----------------------------------------------------------------------------

_SPEAKER = (
    r"习近平总书记|习近平同志|习近平主席|习近平|总书记|马克思恩格斯|马克思|恩格斯|列宁|"
    r"毛泽东同志|毛泽东|邓小平同志|邓小平|"
    rf"党的[{_NUM}]+大(?:报告)?|党的[{_NUM}]+届[{_NUM}]中全会|"
    r"[\u4e00-\u9fff]{2,20}会议|会议|他|她"
)
_SPEAKER_RE = re.compile(_SPEAKER)
_VERB_TAIL = re.compile(
    r"(?P<mid>[^。“”]{0,40}?)(?:强调指出|明确指出|明确提出|指出|强调|提出|明确|认为|说|要求|再提)"
    r"[：，]?\s*$"
)
_NAMES = {
    "习近平总书记": "习近平",
    "习近平同志": "习近平",
    "习近平主席": "习近平",
    "总书记": "习近平",  # in these study texts 总书记 is always 习近平
    "马克思恩格斯": "马克思、恩格斯",
    "毛泽东同志": "毛泽东",
    "邓小平同志": "邓小平",
}
_PEOPLE = {"习近平", "马克思", "恩格斯", "马克思、恩格斯", "列宁", "毛泽东", "邓小平"}
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_OCCASION = re.compile(r"^在(.{2,30}?)(?:时|期间|上)")
_ATTRIBUTION = re.compile(r"^——(?P<rest>.+?)(?:强调|指出|说|讲话)$")


@dataclass(frozen=True)
class _Said:
    speaker: str
    date: str | None = None
    occasion: str | None = None


def _who_said(prefix: str, before: str) -> _Said | None:
    """The speaker named just before a quotation (``…指出：“``), with date and occasion."""
    found = None
    for match in _SPEAKER_RE.finditer(prefix):
        tail = _VERB_TAIL.fullmatch(prefix, match.end())
        if tail:
            found = (match.group(), tail.group("mid"))
    if found is None:
        return None
    name, mid = found
    if name in ("他", "她"):
        people = [_NAMES.get(m.group(), m.group()) for m in _SPEAKER_RE.finditer(before)]
        people = [p for p in people if p in _PEOPLE]
        if not people:
            return None
        name = people[-1]
    elif name == "会议":
        meetings = re.findall(r"[\u4e00-\u9fff]{2,20}会议", before)
        if not meetings:
            return None
        name = meetings[-1]
    speaker = _NAMES.get(name, name)
    date = _DATE.search(prefix)
    occasion = _OCCASION.match(mid.strip("，"))
    return _Said(
        speaker,
        f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
        if date
        else None,
        occasion.group(1) if occasion and speaker in _PEOPLE else None,
    )


def _quotes_in(text: str) -> Iterator[tuple[str, _Said | None]]:
    """Each long enough quotation in a paragraph and who said it (None if not named)."""
    last_end, last_said = -1, None
    for match in re.finditer(r"“([^“”]+)”", text):
        inner = match.group(1)
        if len(re.findall(r"[\u4e00-\u9fff]", inner)) < 8:
            continue
        head = text[: match.start()]
        start = max(head.rfind(p) for p in "。！？") + 1
        prefix = head[start:]
        between = text[last_end : match.start()] if last_end >= 0 else None
        if between is not None and between.strip() in ("，", "、") and last_said:
            said = last_said
        else:
            said = _who_said(prefix, head[:start])
        last_end, last_said = match.end(), said
        yield inner, said


# --- definitions -------------------------------------------------------------------------

_LEAD = re.compile(
    r"^(?:概括地说|简单说|简单地说|总之|可见|因此|所以|由此|显然|其中|也就是说|换言之|顾名思义|"
    r"[\u4e00-\u9fff]{2,8}认为)，"
)
_DEFINITION = re.compile(
    r"^(?P<term>[^，。：；、〔]{2,12}?)(?P<cop>是指|就是|即|是)(?P<meaning>[^。；]{6,150})$"
)
_BAD_START = re.compile(
    r"^(这|那|它|其|此|该|我|你|他|她|但|而|也|都|就|还|又|更|最|因为|所以|如果|只有|无论|不论|"
    r"对|在|从|和|与|及|把|被|让|使|要|必须|应|需|当|若|如|即|正|什么|谁|哪|每|各|一些|不|特别)"
)
_BAD_END = re.compile(r"([不也都就还才只正更则即总可又却均仍便的了着地说]|特别)$")
_BAD_INSIDE = re.compile(r"要|必须|需要|应该|能够|可以|已经|正在|将会|在于|起来|，")
_FACET_PATTERNS = (
    re.compile(r"具有(?P<text>[^，。；]{2,24}?)(?:等)?(?P<name>特征|特点)"),
    re.compile(
        r"以(?P<text>[^，。；]{2,40}?)为(?P<name>核心标志|基本内涵|基本要求|基本特征|重要特征|目标)"
    ),
    re.compile(
        r"(?:^|，)(?P<name>特点|特征|本质|关键|核心|核心要义|着力点|落脚点|目标|重要特征)"
        r"(?:是|在于|在)(?P<text>[^，。；]{2,30})"
    ),
)


def _facets(text: str) -> list[Facet]:
    facets = []
    for pattern in _FACET_PATTERNS:
        for match in pattern.finditer(text):
            facets.append(Facet(match.group("name"), match.group("text").strip("“”")))
    return facets


def _unquote(text: str) -> str:
    """Drop quotation marks around the whole text, never half of a pair."""
    if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
        return text[1:-1]
    return text


def _definition(sentence: str) -> tuple[str, str] | None:
    text = _LEAD.sub("", _strip_end(_unquote(sentence)))
    text = _strip_end(_unquote(text))
    match = _DEFINITION.match(text)
    if not match:
        return None
    term = _unquote(match.group("term").strip())
    meaning = match.group("meaning").strip()
    if (
        _BAD_START.match(term)
        or _BAD_END.search(term)
        or _BAD_INSIDE.search(term)
        or DAMAGE_MARK in term
        or meaning.startswith(("不", "否", "因为", "什么", "由"))
    ):
        return None
    return term, meaning


# --- facts -----------------------------------------------------------------------------

_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万亿元|亿元|万元|万名|万人|万个|万|%|个|项|家|名|倍|条)")
_SUBJECT = re.compile(
    r"^([\u4e00-\u9fff]{2,6}?(?:省|市|区|县)?)(?=提出|设立|强调|出台|则|实施|发布|预计)"
)


# --- lists -------------------------------------------------------------------------------

_SEQ_WORDS = {"首先": 1, "其次": 2, "再次": 2, "再者": 2, "再是": 2, "然后": 2, "最后": 3}
_MARKERS = (
    ("第", re.compile(rf"^第([{_NUM}])[，、]")),
    ("是", re.compile(rf"^([{_NUM}])是")),
    ("先", re.compile(r"^(首先|其次|再次|再者|再是|然后|最后)(?:是|要|，)?")),
)


def _marker(sentence: str) -> tuple[str, int, str] | None:
    """(kind, number, rest) when a sentence opens with a list marker."""
    for kind, pattern in _MARKERS:
        match = pattern.match(sentence)
        if match:
            word = match.group(1)
            number = _NUMBER.get(word) or _SEQ_WORDS.get(word, 0)
            rest = sentence[match.end() :].lstrip("，、：")
            return kind, number, rest
    return None


@dataclass
class _Run:
    kind: str
    starts: list[int] = field(default_factory=list)  # sentence indexes of the entries


def _runs(sentences: list[_Sentence], kind: str) -> list[_Run]:
    """Marker runs of one kind in section order: 一是, 二是, 三是 … or 首先, 其次 … 最后."""
    runs: list[_Run] = []
    current: _Run | None = None
    expected = 0
    for index, sentence in enumerate(sentences):
        found = _marker(sentence.text)
        if current and sentence.section != sentences[current.starts[0]].section:
            current = None
        if not found or found[0] != kind:
            continue
        number = found[1]
        if number == 1:
            current = _Run(kind, [index])
            runs.append(current)
            expected = 2
        elif current and (number == expected or (kind == "先" and number >= 2)):
            if kind == "先" and _marker(sentences[current.starts[-1]].text)[1] == 3:
                current = None
                continue
            current.starts.append(index)
            expected = number + 1
        else:
            current = None
    return [run for run in runs if len(run.starts) >= 2]


# --- the draft ----------------------------------------------------------------------------


class _Drafter:
    def __init__(self, cleaned: Cleaned, article: str, topic: str):
        self.cleaned = cleaned
        self.article = article
        self.topic = topic
        self.prefix = slugify(article)
        self.title, self.section_of = _sections(cleaned.paragraphs)
        self.draft = Draft(article, self.title, topic)
        self.damage_lines = {d.line for d in cleaned.damage}
        self.sentences: list[_Sentence] = []
        for index, para in enumerate(cleaned.paragraphs):
            if _is_body(para):
                for text in split_sentences(para.text):
                    self.sentences.append(
                        _Sentence(text, index, self.section_of[index], para.lines)
                    )
        self.used: set[int] = set()

    def skip(self, reason: str) -> None:
        self.draft.skipped[reason] = self.draft.skipped.get(reason, 0) + 1

    def add(self, cls, short: str, section: str, lines: tuple[int, ...], basis: str, **fields):
        item_id = f"draft-{len(self.draft.items)}"  # renumbered in article order at the end
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
        self.facts()
        self.draft.glossary = key_terms(self.cleaned, self.draft.items)
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
            if not _is_body(para):
                pending = []
                continue
            section = self.section_of[index]
            attribution = _ATTRIBUTION.match(para.text)
            if attribution and pending:
                said = _who_said(para.text[2:], "")
                if said:
                    for p in pending:
                        text = _strip_end(paragraphs[p].text) + "。"
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
            for inner, said in _quotes_in(para.text):
                if said is None:
                    self.skip("引号内文字未找到说话人")
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
        spans: list[range] = []
        for kind in ("第", "是", "先"):
            for run in _runs(self.sentences, kind):
                if any(run.starts[0] in span for span in spans):
                    continue  # nested inside an outer list: those become its entries' points
                spans.append(self._numbered_list(run))
        self._dash_lists()

    def _entry_end(self, run: _Run, k: int) -> int:
        if k + 1 < len(run.starts):
            return run.starts[k + 1]
        section = self.sentences[run.starts[k]].section
        end = run.starts[k] + 1
        if run.kind != "第":
            return end
        while end < len(self.sentences) and self.sentences[end].section == section:
            end += 1
        return end

    def _numbered_list(self, run: _Run) -> range:
        entries = []
        texts = []
        first = self.sentences[run.starts[0]]
        for k, start in enumerate(run.starts):
            sentence = self.sentences[start]
            rest = _strip_end(_marker(sentence.text)[2])
            points = []
            end = self._entry_end(run, k)
            for inner_kind in ("是", "先"):
                inner = _runs(self.sentences[start:end], inner_kind)
                for inner_run in inner:
                    for i in inner_run.starts:
                        text = _marker(self.sentences[start + i].text)[2]
                        points.append(_label(_strip_end(text)))
            entries.append(Entry(_label(rest), rest, tuple(points)))
            texts.append(sentence.text)
            self.used |= set(range(start, end if run.kind == "第" else start + 1))
        intro = self._intro(run.starts[0])
        name = self._list_name(intro, first.section, len(entries))
        lines = tuple(n for s in run.starts for n in self.sentences[s].lines)
        item = self.add(
            ListItem, "list", first.section, lines, "".join(texts),
            name=name, entries=tuple(entries), ordered=True, intro=intro,
        )  # fmt: skip
        self._mark(item, first.para)
        return range(run.starts[0], self._entry_end(run, len(run.starts) - 1))

    def _intro(self, start: int) -> str | None:
        if start == 0:
            return None
        before = self.sentences[start - 1]
        if before.section != self.sentences[start].section or _marker(before.text):
            return None
        same_paragraph = before.para == self.sentences[start].para
        if (
            same_paragraph
            or before.text.endswith("：")
            or re.search(r"以下|如下|几个|方面|方向|举措|问题", before.text)
        ):
            return _strip_end(before.text.rstrip("：")) or None
        return None

    def _list_name(self, intro: str | None, section: str, count: int) -> str:
        if intro:
            name = re.sub(r"^(具体而言|具体来说|总的来看|对此|因此|为此)，", "", intro)
            if len(name) > 40:
                name = re.split(r"[，；：]", name, maxsplit=1)[0]
            if len(name) <= 40:
                return name if len(name) >= 12 else f"{name}({count}条)"
        title = section.split(" · ")[-1]
        title = re.sub(rf"^[{_NUM}]+、", "", title)
        return f"{title}({count}条)"

    def _dash_lists(self) -> None:
        paragraphs = self.cleaned.paragraphs
        index = 0
        while index < len(paragraphs):
            group = []
            while (
                index < len(paragraphs)
                and paragraphs[index].text.startswith("——")
                and not _ATTRIBUTION.match(paragraphs[index].text)
            ):
                group.append(index)
                index += 1
            if len(group) < 2:
                index += 1
                continue
            entries, lines, texts = [], [], []
            for p in group:
                sentences = split_sentences(paragraphs[p].text[2:])
                label = _label(sentences[0]) if sentences else ""
                text = _strip_end("".join(sentences[:2]))
                entries.append(Entry(label, text))
                lines += paragraphs[p].lines
                texts.append(text)
            section = self.section_of[group[0]]
            name = self._list_name(None, section, len(entries))
            item = self.add(
                ListItem, "list", section, tuple(lines), "".join(texts),
                name=name, entries=tuple(entries), ordered=False,
            )  # fmt: skip
            self._mark(item, group[0])
            self.used |= {i for i, s in enumerate(self.sentences) if s.para in group}

    def definitions(self) -> None:
        seen: set[tuple[str, str]] = set()
        last: tuple[Definition, int] | None = None
        for index, sentence in enumerate(self.sentences):
            if index in self.used:
                last = None
                continue
            parts = [sentence.text]
            if "“" in sentence.text:
                parts += [p for inner in re.findall(r"“([^“”]+)”", sentence.text)
                          for p in re.split(r"(?<=[。！？；])", inner) if p]  # fmt: skip
            for part in parts:
                if part.startswith("它") and last is not None:
                    previous, position = last
                    extra = _facets(_strip_end(part))
                    if extra:
                        merged = tuple(dict.fromkeys((*previous.facets, *extra)))
                        updated = dataclasses.replace(previous, facets=merged)
                        self.draft.items[position] = updated
                        last = (updated, position)
                    continue
                found = _definition(part)
                if not found or found in seen:
                    continue
                seen.add(found)
                term, meaning = found
                item = self.add(
                    Definition, "def", sentence.section, sentence.lines, meaning,
                    term=term, meaning=meaning, facets=tuple(_facets(meaning)),
                )  # fmt: skip
                self._mark(item, sentence.para)
                last = (item, len(self.draft.items) - 1)

    def facts(self) -> None:
        for index, sentence in enumerate(self.sentences):
            if index in self.used:
                continue
            text = _strip_end(sentence.text)
            figures = list(dict.fromkeys(_FIGURE.findall(text)))
            if not figures or "“" in text:
                continue
            subject = _SUBJECT.match(text)
            item = self.add(
                Fact, "fact", sentence.section, sentence.lines, text,
                text=text, figures=tuple(figures), subject=subject.group(1) if subject else None,
            )  # fmt: skip
            self._mark(item, sentence.para)


def key_terms(cleaned: Cleaned, items: list[Item], limit: int = 15) -> list[str]:
    """Glossary candidates: quoted and defined terms, then jieba's TF-IDF keywords."""
    text = cleaned.text
    quoted = [
        t for t in dict.fromkeys(re.findall(r"“([\u4e00-\u9fff]{2,8})”", text))
        if text.count(f"“{t}”") >= 2 and not _VERB_START.match(t)
    ]  # fmt: skip
    defined = [
        item.term for item in items
        if isinstance(item, Definition) and re.fullmatch(r"[\u4e00-\u9fff]{3,8}", item.term)
        and "的" not in item.term and text.count(item.term) >= 3
    ]  # fmt: skip
    candidates = sorted(dict.fromkeys(quoted + defined), key=lambda t: -text.count(t))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba
        import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    terms = list(candidates)
    for word in jieba.analyse.extract_tags(text, topK=60):
        if (
            len(word) >= 3
            and re.fullmatch(r"[\u4e00-\u9fff]+", word)
            and word not in _NOT_TERMS
            and not _VERB_START.match(word)
            and not word.endswith("性")
            and not any(word in term for term in terms)
        ):
            terms.append(word)
    return terms[:limit]


# Frequent in these texts but names and adjectives rather than terms to learn.
_VERB_START = re.compile(r"^(发展|加快|整合|推动|培育|形成|加强|提升|建设|实现|积极)")
_NOT_TERMS = {"总书记", "习近平", "高质量", "战略性", "新时代", "进一步", "一系列", "东北地区"}


def draft_deck(cleaned: Cleaned, article: str, *, topic: str = DRAFT_TOPIC) -> Draft:
    """Draft items from a cleaned article; every item is ``draft: true`` with a source."""
    return _Drafter(cleaned, article, topic).run()
