"""Cloze (填空) blanks: which words of a text a teacher would blank, and the prompt."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from studycli.quiz.question import BLANK  # one gap marker, re-exported
from studycli.text import Keywords, is_figure, is_punctuation

MAX_BLANKS = 3
MAX_CLOZES_PER_TEXT = 3
MAX_BLANK_CHARS = 8

# Words that carry grammar, not knowledge: never blanked, whatever else holds.
FUNCTION_WORDS = frozenset(
    "的 地 得 是 和 要 在 与 及 等 了 着 过 对 为 以 把 被 从 向 于 而 并 或 也 都 就 还 又 其 之"
    " 这 那 有 中 上 下 个 让 使 将 由 所 则 更 最 很 不 没 即 且 该 此 各 每 如 若 但 却 因 才"
    " 以及 并且 而且 或者 通过 进行 作为 对于 关于 还是 因此 所以 但是 可以 能够 已经 这个 这些"
    " 那些 我们 他们 其中 以来 之一 一个 一些 不仅 而是 就是 不是 需要 必须 应该 应当 同时 特别"
    " 尤其 更加 也是 还要 从而 进而 以便 为了 由于 随着 根据 按照 围绕 依托 借助 基于 之间 当前"
    " 目前 今年 其他 其它 相关 有关 各种 各类 一批 一支 一种 一项 不断 这种 这样 如何 什么 怎样"
    " 一定 成为 具有 包括 以上 以下 等等 中要 此外 首先 其次 最后 一是 二是 三是 四是 五是 只有"
    " 只是 而言 来说 方面 其实 自然 本身 几乎 越来越 进一步 与之 之下 之中 为主 不再 加以 予以"
    " 就要 都要 也要 还是 要求 实际上 及其 乃至 以至 甚至 不但 以期 从中 由此 为此 对此 使得"
    " 得以 加之 并在 并将 之所以 其中的".split()
)

# Content words so general that blanking them tests nothing; they only go when
# they are glossary terms, figures or named facets.
VAGUE_WORDS = frozenset(
    "发展 推进 推动 加快 加强 坚持 实现 提高 提升 促进 形成 持续 积极 大力 着力 深入 全面 重要"
    " 主要 工作 问题 能力 水平 建设 领域 作用 体系 我国 国家 社会 经济 新的 重大 有效 充分 发挥"
    " 实施 提出 完善 支持 培育 打造 构建 强调 注重 加大 优化 引导 鼓励 开展 做好 不同 更好 各地"
    " 已经 产生 带来 代替 体现 出现 具备".split()
)


def is_blankable(word: str) -> bool:
    """True for a word that may be blanked: no function word, punctuation or single character."""
    core = "".join(ch for ch in word if not ch.isspace() and not is_punctuation(ch))
    return len(core) >= 2 and word not in FUNCTION_WORDS and core not in FUNCTION_WORDS


def word_tier(word: str, primary: Collection[str], keywords: Keywords, common: bool = False) -> int:
    """How much a teacher wants this word blanked: 3 the item's own key words, 0 never.

    ``common`` marks a word found in many of the deck's texts: a label such as 创新
    or 技术 is then an ordinary word outside its own item, while glossary terms
    and figures with units always stay key words.
    """
    if not is_blankable(word):
        return 0
    if word in primary:
        return 3
    if word in keywords.glossary or is_figure(word):
        return 2
    if (word in keywords.figures or word in keywords.names) and not common:
        return 2
    if word in VAGUE_WORDS or not any(ch.isalnum() for ch in word):
        return 0
    return 1


def render_cloze(
    prefix: str, words: Sequence[str], chosen: Collection[int], suffix: str = ""
) -> tuple[str, tuple[str, ...]]:
    """The prompt with each chosen word shown as ____, and the blanks in order."""
    body = "".join(BLANK if i in chosen else w for i, w in enumerate(words))
    blanks = tuple(words[i] for i in sorted(chosen))
    return prefix + body + suffix, blanks


def _core_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace() and not is_punctuation(ch))


def choose_blank_sets(
    words: Sequence[str],
    *,
    prefix: str = "",
    suffix: str = "",
    primary: Collection[str] = (),
    primary_only: bool = False,
    keep: Collection[str] = (),
    keywords: Keywords,
    df: Mapping[str, int],
    common_df: int = 10,
) -> list[tuple[int, ...]]:
    """Deterministic sets of word indices to blank, one set per cloze of this text.

    Key words (the item's own primary words, then glossary terms, figures and
    named facets) go first, rarer before common; each set holds at most three.
    A short text with few key words borrows its rarest ordinary content word.
    ``primary_only`` (facts with curated figures) blanks only the primary words,
    in text order, so a fact's figures are asked about together. ``df`` counts
    the deck's texts holding each word; names in more than ``common_df`` of them
    are ordinary words here. Words in ``keep`` are never blanked (a definition's own
    term inside its meaning: without it, “____，就是____” asks nothing).
    """
    tiers = [
        # A blank longer than MAX_BLANK_CHARS is recitation (默写), not a cloze.
        word_tier(w, primary, keywords, df.get(w, 0) > common_df)
        if _core_length(w) <= MAX_BLANK_CHARS and w not in keep
        else 0
        for w in words
    ]
    if primary_only and any(t == 3 for t in tiers):
        order = [i for i, t in enumerate(tiers) if t == 3]
    else:
        order = sorted(
            (i for i, t in enumerate(tiers) if t >= 2),
            key=lambda i: (-tiers[i], df.get(words[i], 0), -len(words[i]), i),
        )
    ordinary = sorted(
        (i for i, t in enumerate(tiers) if t == 1),
        key=lambda i: (df.get(words[i], 0), -len(words[i]), i),
    )
    long_text = _core_length("".join(words)) >= 16
    sets: list[tuple[int, ...]] = []
    left = list(order)
    while left and len(sets) < MAX_CLOZES_PER_TEXT:
        chosen = _fill(words, [], left, prefix, suffix)
        if not chosen:
            break
        if not sets and long_text and len(chosen) < 2 and not primary_only:
            chosen = _fill(words, chosen, ordinary, prefix, suffix, limit=2)
        sets.append(tuple(sorted(chosen)))
        left = [i for i in left if i not in chosen]
        if primary_only:
            continue
        # A second cloze of one text only for key words the first could not take.
        left = [i for i in left if tiers[i] >= 2]
        if len(sets) == 2:
            break
    if not sets and ordinary:
        chosen = _fill(words, [], ordinary, prefix, suffix, limit=2 if long_text else 1)
        if chosen:
            sets.append(tuple(sorted(chosen)))
    return sets


def _fill(
    words: Sequence[str],
    chosen: list[int],
    candidates: Sequence[int],
    prefix: str,
    suffix: str,
    limit: int = MAX_BLANKS,
) -> list[int]:
    """Add candidates in order while each keeps the prompt fair; returns the chosen indices."""
    chosen = list(chosen)
    for i in candidates:
        if len(chosen) >= limit:
            break
        if i in chosen or any(abs(i - j) == 1 for j in chosen):
            # Two blanks side by side cannot be told apart in the answer.
            continue
        if any(words[i] in words[j] or words[j] in words[i] for j in chosen):
            # 知识产权保护 and 保护 in one prompt: the second blank adds nothing.
            continue
        trial = [*chosen, i]
        prompt, blanks = render_cloze(prefix, words, set(trial), suffix)
        if any(blank in prompt for blank in blanks):
            # The word still shows elsewhere in the prompt: the blank gives itself away.
            continue
        chosen = trial
    return chosen


def shown_length(prompt: str, term: str) -> int:
    """How many characters of a cloze's text are shown beside its term and its blanks."""
    return sum(ch.isalnum() for ch in prompt.replace("____", "").replace(term, "", 1))
