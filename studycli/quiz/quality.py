"""The quality gate: every candidate question is scored and flagged before it is asked.

A flag is a whole Chinese reason (for ``study questions --flagged`` and the curator);
a flagged question is never asked. ``weight`` says how much a mixed session wants a
question that passed: core points 1.0, statistics and regional practice much less.
See docs/questions.md for the standard these checks hold questions to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from studycli.deck.model import Definition, Framework, Item, ListItem
from studycli.quiz import giveaways
from studycli.quiz.cloze import BLANK, MAX_BLANK_CHARS
from studycli.quiz.contested import ContestIndex
from studycli.quiz.open_answers import OpenAnswers
from studycli.quiz.options import OptionPools
from studycli.quiz.question import Question
from studycli.quiz.weights import (
    ORDINAL,
    _in_open_enumeration,
    _light_key,
    _like,
    _plausible,
    question_weight,
)
from studycli.text import Keywords, display_term, is_figure

MAX_BLANK = MAX_BLANK_CHARS  # characters: a longer blank is recitation, not a cloze
RECITE_LEAD = 12  # characters a recited meaning may run before naming its term
MIN_CONTEXT = 6  # characters a cloze must show besides its blanks

# A placeholder (20XX) or mojibake in anything shown or expected.
_DAMAGE = re.compile(r"[Xx]{2}|�|\?\?|□")
_DAMAGE_IN_ANSWER = re.compile(r"[Xx]{2}|�|[?？]|□")
# Stock phrases and vague words an examiner never blanks: no knowledge is tested.
STOCK_BLANKS = frozenset(
    "市场化 法治化 国际化 骨干 内容 发力 方面 重点 基础 环节 力度 领域 模式 手段 机制 格局"
    " 路径 举措 任务 目标 途径 优势 问题 作用 主体 关键 核心 根本 首要 重要 积极 大力 深入"
    # Connectives: 如果说____“经济新常态”构成了… tests no knowledge (examiner review 3).
    " 如果说 如果 因此 同时 首先 其次 再次 最后 此外 并且 而且 但是 从而 进而".split()
)
# The subject of the whole deck: blanked, it tests nothing (examiner round 1: WEAK).
GENERIC_BLANKS = frozenset("新质生产力 高质量发展 新动能 动力来源".split())
# Fixed phrases a blank must never cut, besides the glossary and the deck's names.
FIXED_PHRASES = frozenset(
    "中央经济工作会议 中央政治局 集体学习 这篇大文章 大文章 放管服 卡脖子 换道超车 先手棋"
    " 全而不优 大而不强 国之重器 硬道理 千载难逢".split()
)
_ADJACENT_CLAUSES = re.compile(f"{re.escape(BLANK)}[，,；;]{re.escape(BLANK)}")
_ORDER = re.compile(r"的第\d+项是")
_SENTENCE = re.compile("[是的和与在要]")
# Answers whose last words say what kind of thing they are: a fund needs funds beside it.
TYPED_SUFFIXES = (
    "基金",
    "计划",
    "意见",
    "方案",
    "行动",
    "工程",
    "集群",
    "中心",
    "平台",
    "会议",
    "战略",
    "政策",
    "体系",
    "机制",
    "产业",
    "》",
)
_NOT_WORD = re.compile(r"[\W_]+")
_PUNCT_RUN = re.compile(r"[\W_]+")
_QUOTED = re.compile(r"[“\"‘']([^”\"’']{2,10})[”\"’']")


class QualityGate:
    """Scores the questions of one deck; built once, then asked per question."""

    def __init__(self, keywords: Keywords, pools: OptionPools, contest: ContestIndex | None = None):
        self.keywords = keywords
        self.pools = pools
        self.contest = contest
        # Short names only: a label such as 人才是第一资源 is a sentence, not a fixed word.
        names = {n for n in keywords.names if len(n) <= 6 and not _SENTENCE.search(n)}
        self.phrases = sorted({*keywords.glossary, *names, *FIXED_PHRASES}, key=len, reverse=True)
        self._phrase_re = re.compile("|".join(map(re.escape, self.phrases)))
        self.open = OpenAnswers(s for _, s in contest.sentences) if contest else None

    def review(self, question: Question, item: Item) -> Question:
        """The question with its flags and weight set."""
        flags = [*self.damage(question), *self.giveaway(question), *self.options(question)]
        if question.kind == "cloze":
            flags += self.cloze(question)
        flags += self.shape(question, item)
        flags += self.contested(question, item)
        flags += giveaways.flags(question, item, self.pools)
        if self.open:
            flags += self.open.flags(question)
        weight = round(self.weight(question, item), 3)
        return replace(question, flags=tuple(dict.fromkeys(flags)), weight=weight)

    # --- flags -------------------------------------------------------------------------

    def damage(self, q: Question) -> list[str]:
        shown = [q.prompt, *q.options]
        keys = [q.answer, *q.expected, *(a for alts in q.accepted for a in alts)]
        # A recitation keeps the article's own question marks; elsewhere ? is damage.
        in_answer = _DAMAGE if q.kind == "recite" else _DAMAGE_IN_ANSWER
        if any(_DAMAGE.search(t) for t in shown) or any(in_answer.search(t) for t in keys):
            return ["含占位符或乱码(如 20XX),原文此处不完整"]
        return []

    def giveaway(self, q: Question) -> list[str]:
        if q.kind in ("judge", "recite", "cloze"):
            return []
        # Compared within runs between punctuation: 机制创新:人才 does not show 创新人才.
        runs = [_light_key(run) for run in _PUNCT_RUN.split(q.prompt.replace(BLANK, "|"))]
        if q.options and all(any(_light_key(o) in run for run in runs) for o in q.options):
            return []  # every option is named in the stem (一核两翼): matching, not a giveaway
        for part in q.expected:
            key = _light_key(part)
            if len(key) >= 2 and any(key in run for run in runs):
                return [f"题干中已出现答案“{part}”"]
        return []

    def options(self, q: Question) -> list[str]:
        if not q.options or q.kind == "judge":
            return []
        right = {self.pools.canonical(x) for x in q.expected}
        for option in q.options:
            if option in q.expected:
                continue
            if self.pools.canonical(option) in right:
                return [f"干扰项“{option}”与答案同义(别名),也是对的"]
        return []

    def cloze(self, q: Question) -> list[str]:
        out = []
        filled, spans = _filled(q.prompt, q.blanks)
        visible = len(_light_key(q.prompt.replace(BLANK, "")))
        if _ADJACENT_CLAUSES.search(q.prompt) and sum(len(b) >= 5 for b in q.blanks) >= 2:
            out.append("相邻两空之间只有标点,是背诵而不是填空")
        lengths = [len(_light_key(b)) for b in q.blanks]
        # Whole clauses blanked (新质由质变带来、质变由量变引起) leave nothing to go on.
        clauses = sum(n >= 6 for n in lengths) >= 2 and sum(lengths) > visible
        if visible < MIN_CONTEXT or clauses:
            out.append("题干太短(空出的字比留下的还多),缺少判断所问内容的语境")
        for blank, (start, end) in zip(q.blanks, spans, strict=False):
            core = _light_key(blank)
            if len(core) > MAX_BLANK:
                out.append(f"空格“{blank}”超过 {MAX_BLANK} 字,是背诵而不是填空(改作默写)")
            if core in STOCK_BLANKS or core in GENERIC_BLANKS:
                out.append(f"空格“{blank}”是套话或泛词,考不出要点")
            if blank in self.keywords.glossary or blank in self.keywords.names:
                continue  # a named term blanked whole
            for phrase_start, phrase_end, phrase in self._phrases_in(filled):
                inside = start <= phrase_start and phrase_end <= end
                overlap = start < phrase_end and phrase_start < end
                if overlap and not inside:
                    out.append(f"空格“{blank}”切开了固定词语“{phrase}”")
                    break
        return out

    def contested(self, q: Question, item: Item) -> list[str]:
        """Another defensible answer: a split sentence, a rival wording, an open framework."""
        out = self.contest.reasons(q, item) if self.contest else []
        if isinstance(item, Definition) and q.kind == "recite" and q.id.endswith(":meaning"):
            # 劳动者是生产力中最活跃的因素 / 劳动力是生产力最基本、最活跃的要素: both recited right.
            if any(self.pools.other_wordings(item.term, f.name, f.text) for f in item.facets):
                out.append("另一篇文章对同一概念有另一种原话,默写无法判定要哪一句")
        return out

    def _phrases_in(self, text: str) -> list[tuple[int, int, str]]:
        # Longest first at each position: 中央经济工作会议 is found whole.
        found = [(m.start(), m.end(), m.group()) for m in self._phrase_re.finditer(text)]
        found += [(m.start(1), m.end(1), m.group(1)) for m in _QUOTED.finditer(text)]
        return found

    def shape(self, q: Question, item: Item) -> list[str]:
        out = []
        is_open = isinstance(item, ListItem) and item.open
        if is_open and q.kind == "list" and q.id.endswith(":all"):
            out.append("原文清单以“等”收尾,是开放清单,不能要求写出全部各项")
        if isinstance(item, Definition) and q.id.endswith((":meaning", ":term")):
            at = _light_key(q.answer).find(_light_key(display_term(item.term)))
            asked = q.kind == "recite" and ("？" in q.answer or "?" in q.answer)
            if q.kind == "recite" and (at < 0 or at > RECITE_LEAD or asked):
                out.append("默写的原文不以该概念开头,从题干无法知道从哪里写起")
            asks_term = q.kind in ("term", "choice") and q.prompt.startswith("哪个概念")
            if asks_term and not q.prompt.startswith(f"哪个概念的含义是:“{BLANK}"):
                out.append("空出的概念不在句首,“哪个概念的含义是”读不通")
        if is_open and q.kind == "multi":
            out.append("开放清单(……等)不出多选:不在清单里的同类项也可能对")
        restated = _restated(q)
        if restated:
            out.append(f"干扰项“{restated[0]}”是正确项“{restated[1]}”的展开或缩写,也可能对")
        if q.kind == "choice" and q.id.endswith(":text") and not _looks_alike(q):
            out.append("金句填空的干扰项与答案词性、用字都不同类,凭语感即可排除")
        if is_open and q.kind == "cloze" and ORDINAL.search(q.prompt):
            out.append("开放清单没有固定顺序,不问第几项")
        if q.kind in ("term", "choice") and len(_light_key(q.answer)) == 1:
            out.append(f"答案只有一个字“{q.answer}”,从名称本身即可读出")
        titles = [o.startswith("《") for o in q.options]
        if q.kind in ("choice", "multi") and any(titles) and not all(titles):
            out.append("有的选项是文件名、有的不是,凭语法即可排除")
        if q.kind == "choice" and _ORDER.search(q.prompt):
            # 要完善的人才工作机制的四个环节的第1项是? tests a position (examiner 4, WEAK).
            out.append("只问“第几项是什么”,考的是位置而不是内容")
        if q.kind == "choice" and _in_open_enumeration(q.prompt):
            out.append("空格是开放列举(……等)中的一项,同类的干扰项也可能对")
        if q.kind == "belongs" and _shares_words(q.prompt, q.answer, q.options):
            out.append(f"题干与答案“{q.answer}”字面重合,一看便知")
        near = _near_synonyms(q.options) if q.kind == "belongs" else None
        if near:
            out.append(f"选项“{near[0]}”“{near[1]}”是去掉主语的近义词,分不清归哪一项")
        half = _half_of_clause(q, item)
        if half:
            out.append(f"答案只是原文“{half}”的一半,另一半也对")
        generic = STOCK_BLANKS | GENERIC_BLANKS
        if q.kind == "choice" and BLANK in q.prompt and _light_key(q.answer) in generic:
            out.append(f"空格“{q.answer}”是套话或泛词,考不出要点")
        typed = next((s for s in TYPED_SUFFIXES if q.answer.endswith(s)), None)
        blanked = BLANK in q.prompt and not q.prompt.startswith("哪个概念")
        named = self.keywords.glossary | self.keywords.names
        # Named concepts (glossary terms, labels) are one kind of thing: 数字经济 for 量子信息.
        concepts = q.answer in named and sum(o in named for o in q.options) >= 3
        if (
            blanked
            and q.kind == "choice"
            and not is_figure(q.answer)
            and not concepts
            and not _plausible(q)
        ):
            out.append("干扰项都与答案不同类,凭语感即可排除")
        if q.kind == "choice" and blanked and typed and len(q.answer) > len(typed):
            distractors = [o for o in q.options if o != q.answer]
            if sum(o.endswith(typed) for o in distractors) < 2:
                out.append(f"答案是一种“{typed}”,干扰项却不是,凭语法即可排除")
        return out

    # --- weight --------------------------------------------------------------------------

    def weight(self, q: Question, item: Item) -> float:
        """Core points 1.0–1.2; statistics, regional practice and long lists far less."""
        weight = question_weight(q, item, self.keywords)
        if q.kind == "cloze" and _thin_ordinal(q.prompt):
            weight *= 0.2  # ·第3项:推进____: the position alone tells which (examiner 4)
        return weight


def _thin_ordinal(prompt: str) -> bool:
    """A cloze of a list's N-th entry showing fewer than 6 characters of it: 第1项:构建____."""
    head, sep, body = prompt.partition("项:")
    if not sep or not ORDINAL.search(head + "项"):
        return False
    return len(_light_key(body.replace(BLANK, ""))) < MIN_CONTEXT


def _looks_alike(q: Question) -> bool:
    """Some wrong option of a one-answer question is of the answer's kind."""
    return any(_like(o, q.answer) for o in q.options if o != q.answer)


def _restated(q: Question) -> tuple[str, str] | None:
    """A wrong option holding a right one's characters in order (产业深度转型升级 / 产业升级)."""
    if q.kind not in ("choice", "multi") or q.id.endswith(":speaker"):
        return None
    for option in q.options:
        if option in q.expected:
            continue
        for right in q.expected:
            a, b = _light_key(option), _light_key(right)
            if any(ch.isdigit() for ch in a + b) or min(len(a), len(b)) < 3:
                continue  # 100项 / 1000项 are the point of a figure question
            if _subsequence(b, a) or _subsequence(a, b):
                return option, right
    return None


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def _near_synonyms(options: tuple[str, ...]) -> tuple[str, str] | None:
    """Two bare two-character options opening alike (转换 / 转移): verbs stripped of
    their subjects, which a student cannot tell apart (examiner 2, FLAWED)."""
    short = [o for o in options if len(_light_key(o)) <= 2]
    for i, a in enumerate(short):
        for b in short[i + 1 :]:
            if a[:1] == b[:1]:
                return a, b
    return None


def _half_of_clause(q: Question, item: Item) -> str | None:
    """The key is one half of "目标是A,B。": the sentence goes on after it with another
    clause of the same predicate, so B is as right as A (examiner 2: 形成…新动能,实现…)."""
    if q.kind not in ("term", "choice") or not isinstance(item, Framework):
        return None
    for part in item.parts:
        if part.label != q.answer:
            continue
        for text in (part.text, item.summary):
            at = text.find(part.label) if text else -1
            if at < 0:
                continue
            rest = text[at + len(part.label) :]
            clause = re.split("[。；;]", rest + "。", maxsplit=1)[0]
            # 、 goes on with a list (产业升级、科技创新…); a comma with another predicate.
            if clause[:1] in ("，", ",") and "是" not in clause and len(clause) > 2:
                start = text.rfind("，", 0, at) + 1
                return text[start : at + len(part.label) + len(clause)].lstrip("，")
    return None


def _shares_words(prompt: str, answer: str, options: tuple[str, ...]) -> bool:
    """The stem repeats three or more characters in a row of the answer and of no other option."""

    def shared(option: str) -> bool:
        return any(option[i : i + 3] in prompt for i in range(len(option) - 2))

    return shared(answer) and not any(shared(o) for o in options if o != answer)


def _filled(prompt: str, blanks: tuple[str, ...]) -> tuple[str, list[tuple[int, int]]]:
    """The prompt with its blanks filled in, and where each blank sits in it."""
    pieces = prompt.split(BLANK)
    out, spans = pieces[0], []
    for blank, piece in zip(blanks, pieces[1:], strict=False):
        spans.append((len(out), len(out) + len(blank)))
        out += blank + piece
    return out, spans
