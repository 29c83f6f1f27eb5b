"""Text normalisation and script conversion; the only opencc (and jieba) importer, lazily."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Inline pinyin after a Han character, as article 004 has it: 發(fā)展, 質(zhì).
_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})\)"
)

# Chinese punctuation folded to one canonical form each. NFKC already maps the
# full-width ASCII forms (，；：？！（）) but leaves 。、 and the curly quotes alone,
# so those are mapped here by hand.
_PUNCT_FOLD = str.maketrans(
    {
        "，": ",",
        "﹐": ",",
        "；": ";",
        "：": ":",
        "？": "?",
        "！": "!",
        "（": "(",
        "）": ")",
        "｡": "。",
        "．": "。",
        "､": "、",
        "“": '"',
        "”": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "―": "-",
        "…": "...",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
        "【": "[",
        "】": "]",
    }
)

_PUNCT_CHARS = set(",;:?!()。、\"'-.<>[]·")
_DOUBLED_COMMA = re.compile(r",+(?=[,;:?!。、\"'])")
_SPACE = re.compile(r"\s+")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def strip_pinyin(text: str) -> str:
    """Remove inline pinyin annotations such as 發(fā)展 → 發展."""
    return _PINYIN.sub("", text)


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # heavy-ish and only needed off the start-up path

    # tw2s converts at phrase level (決定著 → 决定着), plain t2s does not.
    return opencc.OpenCC("tw2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese at phrase level (OpenCC tw2s)."""
    if text.isascii():
        return text
    return _converter().convert(text)


def fold_punctuation(text: str) -> str:
    """NFKC plus explicit folding of Chinese punctuation to one form each."""
    return unicodedata.normalize("NFKC", text).translate(_PUNCT_FOLD)


def collapse_doubled_commas(text: str) -> str:
    """Drop a comma that stands before other punctuation (article 004's ``,,`` ``,。``)."""
    return _DOUBLED_COMMA.sub("", text)


def compare_key(text: str) -> str:
    """The form two texts are compared in for the verbatim check.

    Sees through inline pinyin, script, punctuation width, doubled commas and
    whitespace; keeps every character and punctuation mark that carries meaning.
    """
    text = to_simplified(strip_pinyin(text))
    text = _SPACE.sub("", fold_punctuation(text))
    return collapse_doubled_commas(text)


def answer_key(text: str) -> str:
    """The form answers are compared in: as ``compare_key`` but without punctuation.

    A decimal point between digits is kept: 3.05 and 30.5 are different answers.
    """
    folded = _DECIMAL_POINT.sub("\0", compare_key(text).casefold())
    return "".join(ch for ch in folded if ch not in _PUNCT_CHARS).replace("\0", ".")


@functools.lru_cache(maxsize=2048)  # asked for every character of every candidate word
def is_punctuation(ch: str) -> bool:
    """True for punctuation in either width."""
    folded = fold_punctuation(ch)
    return bool(folded) and all(
        c in _PUNCT_CHARS or unicodedata.category(c).startswith("P") for c in folded
    )


# --- word segmentation and its cache ------------------------------------------
#
# A number with its magnitude and unit, kept whole so it can be blanked as one
# figure (3.05万亿元, 100项, 9.3%, 10个左右); jieba alone cuts 3.05 | 万亿元.
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?"
    r"(?:%|个百分点|(?:万亿|亿|万|千|百)?"
    r"(?:元|美元|项|个|家|座|所|条|户|人|名|倍|台|吨|件|种|批|次|年|月|日|天|千瓦时|千瓦|公里))"
    r"(?:左右|以上|以下|多|余)?"
)
SEPARATORS = re.compile(r"[、，,；;：:\s]+")


def split_pieces(text: str) -> list[str]:
    """The pieces of an enumeration: 高科技、高效能、高质量 → 高科技 | 高效能 | 高质量."""
    return [piece for piece in SEPARATORS.split(text) if piece]


def is_figure(word: str) -> bool:
    """True for a number with its unit, e.g. 3.05万亿元, 100项, 9.3%."""
    return _FIGURE.fullmatch(word) is not None


@dataclass(frozen=True)
class Keywords:
    """Words a deck keeps whole: glossary terms, curated figures, other short names."""

    glossary: frozenset[str]
    figures: frozenset[str]
    names: frozenset[str]

    def all(self) -> frozenset[str]:
        """Every keyword of any kind."""
        return self.glossary | self.figures | self.names


def display_term(term: str) -> str:
    """A definition's term without the curator's qualifier: 劳动力（某篇） → 劳动力."""
    return re.sub(r"[（(][^）)]*[）)]$", "", term).strip() or term


def _pattern(words) -> re.Pattern | None:
    """A regex for any of ``words``, longest first so the longest match wins."""
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))) if words else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the spans overlap and neither contains the other."""
    inside = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return _overlaps(a, b) and not inside


class Segmenter:
    """Cuts text into words, keeping glossary terms, figures and named facets whole."""

    def __init__(self, keywords: Keywords):
        self.glossary = _pattern(keywords.glossary)
        self.figures = _pattern(keywords.figures)
        self.names = _pattern(keywords.names)

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans that must stay single words, never cutting a glossary term in two.

        Glossary terms come first. A curated fact figure may be a phrase holding
        glossary terms (量子信息、聚变能源、深空探测): it then replaces them as one
        word. Numbers with units and other names only fill the gaps left.
        """
        glossary = [m.span() for m in self.glossary.finditer(text)] if self.glossary else []
        spans = list(glossary)
        for tier, absorbs in ((self.figures, True), (_FIGURE, False), (self.names, False)):
            if tier is None:
                continue
            for match in tier.finditer(text):
                span = match.span()
                if any(_crosses(span, g) for g in glossary):
                    continue
                inner = [s for s in spans if _contains(span, s)]
                if inner and not absorbs:
                    continue
                if any(_overlaps(span, s) for s in spans if s not in inner):
                    continue
                spans = [s for s in spans if s not in inner] + [span]
        return sorted(spans)

    def cut(self, text: str) -> tuple[str, ...]:
        """The words of ``text``; joined, they give ``text`` back exactly."""
        words: list[str] = []
        pos = 0
        for start, end in self.protected_spans(text):
            if start > pos:
                words += _jieba_cut(text[pos:start])
            words.append(text[start:end])
            pos = end
        if pos < len(text):
            words += _jieba_cut(text[pos:])
        return tuple(words)


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def _quiet_jieba(analyse: bool = False):
    """jieba (and its keyword module, which loads an IDF table) imported without chatter."""
    import logging
    import warnings

    with warnings.catch_warnings():
        # jieba's sources hold invalid escape sequences (SyntaxWarning on first
        # compile) and it may touch the deprecated pkg_resources.
        warnings.simplefilter("ignore")
        import jieba

        if analyse:
            import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    return jieba


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """A private jieba tokenizer, loaded once per process."""
    tokenizer = _quiet_jieba().Tokenizer()
    tokenizer.initialize()
    return tokenizer


def extract_keywords(text: str, top_k: int = 60) -> list[str]:
    """jieba's TF-IDF keywords of ``text``, most telling first (for drafting a glossary)."""
    return _quiet_jieba(analyse=True).analyse.extract_tags(text, topK=top_k)


def _jieba_cut(text: str) -> list[str]:
    """jieba's words for a stretch of text with no protected span in it."""
    return [w for w in _tokenizer().cut(text, HMM=True) if w]


# --- Chinese numerals in figure answers -----------------------------------------
#
# 五百亿元 is 500亿元, 三点零五万亿 is 3.05万亿, 百分之五 is 5%, 二〇二五年 is 2025年.
# Only runs that read as a figure are rewritten: followed by a unit or a magnitude, or
# after 百分之; 第十一次 or 一核两翼 are words, not figures.
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = "[零〇一二两三四五六七八九十百千]"
_CN_FIGURE = re.compile(
    rf"(?<![第零〇一二两三四五六七八九十百千万亿点])(百分之)?({_CN_RUN}+(?:[万亿]{_CN_RUN}+)*(?:点[零〇一二三四五六七八九]+)?)(万亿|亿|万)?"
    r"(?=(万亿|亿|万)?([%元项个名人年倍家座所条户吨件种批次月日天]|左右|以上|以下|多|余))?"
)


def _cn_integer(text: str) -> int | None:
    """一千 → 1000, 十一 → 11, 十二万三千 → 123000, 二〇二五 → 2025 (digit by digit when
    no 十百千); None if the run is not a well-formed numeral."""
    for mark, size in (("亿", 10**8), ("万", 10**4)):
        high, found, low = text.partition(mark)
        if found:
            top, rest = _cn_integer(high), _cn_integer(low) if low else 0
            return None if top is None or rest is None else top * size + rest
    if not any(ch in _CN_UNITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[ch]:
                return None  # 一二百: not a numeral
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def arabic_figures(text: str) -> str:
    """Chinese numerals of figures in ``text`` rewritten as Arabic digits (see above)."""

    def swap(match: re.Match) -> str:
        percent, run, magnitude = match.group(1), match.group(2), match.group(3) or ""
        if not percent and not magnitude and match.group(5) is None:
            return match.group()  # no unit after it: a word, not a figure (一核两翼)
        whole, _, decimals = run.partition("点")
        value = _cn_integer(whole)
        if value is None:
            return match.group()
        number = str(value)
        if decimals:
            number += "." + "".join(str(_CN_DIGITS[ch]) for ch in decimals)
        return number + magnitude + ("%" if percent else "")

    return _CN_FIGURE.sub(swap, text)


# 第十一次, 十九届, and a party congress: 二十大 is 20大, 十八大 is 18大 (two-digit numbers
# before 大 only, so 一大批 stays a word).
_CN_ORDINAL = re.compile(
    rf"(第)({_CN_RUN}+)|()({_CN_RUN}+)(?=届)"
    rf"|()((?<!{_CN_RUN})(?:二)?十[一二三四五六七八九]?)(?=大)"
)
_DIGIT_ORDINAL = re.compile(r"(第)(\d{1,2})(?!\d)|()(\d{1,2})(?=届)|()((?<!\d)\d{2})(?=大)")
_CN_TENS = "零一二三四五六七八九"


def arabic_ordinals(text: str) -> str:
    """第十一次 → 第11次, 十九届 → 19届: an ordinal (or a session) reads the same in
    either script of numbers. Applied to answer and key alike, so it never makes two
    different ordinals equal."""

    def swap(match: re.Match) -> str:
        lead = match.group(1) or ""
        value = _cn_integer(match.group(2) or match.group(4) or match.group(6))
        return match.group() if value is None else f"{lead}{value}"

    return _CN_ORDINAL.sub(swap, text)


def chinese_ordinals(text: str) -> str:
    """第11次 → 第十一次, 19届 → 十九届 (below 100): the other way round, for names
    compared character by character (政治局第11次集体学习 as a short option name)."""

    def swap(match: re.Match) -> str:
        lead, value = match.group(1) or "", int(match.group(2) or match.group(4) or match.group(6))
        tens, ones = divmod(value, 10)
        if value == 0:
            return match.group()
        words = (_CN_TENS[tens] if tens > 1 else "") + ("十" if tens else "")
        return lead + words + (_CN_TENS[ones] if ones else "")

    return _DIGIT_ORDINAL.sub(swap, text)


_MATH_WORDS = str.maketrans(
    {
        ">": "大于",
        "<": "小于",
        "＞": "大于",
        "＜": "小于",
        "+": "加",
        "＋": "加",
        "=": "等于",
        "＝": "等于",
    }
)
_CN_NUMBER = re.compile(f"{_CN_RUN}+")


def spoken_figures(text: str) -> str:
    """一加一大于二 and 1+1>2 in one form, as a recital is read aloud: >、<、+、= as the
    words 大于、小于、加、等于 and every run of Chinese numerals in digits. Applied to
    answer and key alike (一个 becomes 1个 on both sides), for a verbatim comparison."""

    def swap(match: re.Match) -> str:
        value = _cn_integer(match.group())
        return match.group() if value is None else str(value)

    return _CN_NUMBER.sub(swap, text.translate(_MATH_WORDS))
