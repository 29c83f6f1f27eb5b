"""Text normalisation and script conversion; the only opencc (and jieba) importer, lazily."""

from __future__ import annotations

import functools
import re
import unicodedata

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
    """The form answers are compared in: as ``compare_key`` but without punctuation."""
    folded = compare_key(text).casefold()
    return "".join(ch for ch in folded if ch not in _PUNCT_CHARS)


def is_punctuation(ch: str) -> bool:
    """True for punctuation in either width."""
    folded = fold_punctuation(ch)
    return bool(folded) and all(
        c in _PUNCT_CHARS or unicodedata.category(c).startswith("P") for c in folded
    )
