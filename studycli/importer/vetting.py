"""What an examiner would set: names for drafted lists, and the drafted quotes and
definitions that are not worth a question (fragments, echoes, who-proposed-it, half
sentences) left out.

Drafting reads what each sentence says; this module decides which readings are worth asking
about. Everything left out is counted in the draft's ``skipped`` so the report shows it.
"""

from __future__ import annotations

import dataclasses
import re

from studycli.deck.model import Definition, Item, Quote
from studycli.importer.lists import NUMERALS, FoundList
from studycli.importer.topics import section_topic

# What a list's introducing sentence says besides "the following": 我们要突出重点、把握关键，
# 着重抓好以下几个方面工作 says nothing an examiner could put in a question.
_FILLER = re.compile(
    r"一年来|我们|主要|重点|着重|突出|把握|关键|抓好|做好|做了|开展了|以下|如下|几个|几项|"
    r"方面|工作|要|的|有|和|[，、：:\s]"
)
_COUNT = re.compile(rf"([{NUMERALS}两]|\d+)(?:个|大|项|条|点|方面|句|种)")
_PERSON = re.compile(r"习近平|总书记|同志|主席|马克思|恩格斯|毛泽东|邓小平")


def announced_count(name: str) -> int | None:
    """The count a list's name announces (九个重要提法 → 9, “5个加速” → 5), if any."""
    match = _COUNT.search(name)
    if not match:
        return None
    token = match.group(1)
    if token.isdigit():
        return int(token)
    return 2 if token == "两" else NUMERALS.index(token) + 1


def list_name(
    found: FoundList, section: str, labels: tuple[str, ...] = (), *, headed: bool = False
) -> str | None:
    """The name a drafted list is asked by, or None for a list not worth drafting: the
    article's own parts (全文的 N 个部分), a list named only by a numbered heading above
    it (…心得体会感悟2), by its first entry (…等 4 项) or by a question heading (何谓…？),
    or an essay's headings."""
    # A list with no name in the text is not named by what its entries share (五个“加快”):
    # a name the article never uses would be taught as if it did.
    name = found.name
    # a question for a name (何谓…，核心要义是什么？) makes a question about a question
    unnamed = re.search(r"等 \d+ 项$|\d$|[？?]$|^(何谓|为何|为什么|如何)|是什么|有何", name)
    unnamed = unnamed or name.startswith("全文的")
    if unnamed or (headed and not found.intro and not found.outer):
        return None
    if found.intro and not _FILLER.sub("", name):
        where = section_topic(section, "")
        last = re.split(r"[，；]", name)[-1]
        return f"{where}：{last}" if where else name
    return name


def vet_items(items: list[Item]) -> tuple[list[Item], dict[str, int]]:
    """The items worth asking about, and what was left out, by reason."""
    quotes = [item.text for item in items if isinstance(item, Quote)]
    best = _best_definitions(items)
    skipped: dict[str, int] = {}
    out: list[Item] = []
    for item in items:
        reason = None
        if isinstance(item, Quote):
            reason = _quote_problem(item, quotes)
        elif isinstance(item, Definition):
            reason = _definition_problem(item)
            if reason is None and best.get(item.term) is not item:
                reason = "同一术语已有定义"
            if reason is None:
                item = _trimmed(item)
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        out.append(item)
    return out, skipped


def _quote_problem(item: Quote, quotes: list[str]) -> str | None:
    text = item.text.rstrip("。！？")
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < 10:
        return "引文太短,只是一个词组"
    if any(text != other.rstrip("。！？") and text in other for other in quotes):
        return "引文是另一条引文的一部分"
    return None


def _best_definitions(items: list[Item]) -> dict[str, Definition]:
    """One definition per term (004 drafted 新质生产力 four times: a term question on it had
    four right answers): the one with most named facets, else the first."""
    best: dict[str, Definition] = {}
    for item in items:
        if isinstance(item, Definition) and _definition_problem(item) is None:
            held = best.get(item.term)
            if held is None or len(item.facets) > len(held.facets):
                best[item.term] = item
    return best


# A term that is a verb phrase (培育发展新质生产力, 实现社会主义现代化) names a task, not a
# concept; one with 的 (创新的本质, “两翼”的一侧, 新质生产力的核心) is an essayist's phrase.
_NOT_A_TERM = re.compile(
    r"的|^(培育|发展|实现|推动|推进|加快|建设|坚持|加强|形成|打造|构建|深化|抓|谋|做好)"
)


def _definition_problem(item: Definition) -> str | None:
    meaning = item.meaning
    if _NOT_A_TERM.search(item.term):
        return "定义的对象不是术语"
    if _PERSON.search(meaning):
        return "定义只说是谁提出的"
    if meaning.endswith("的") or len(meaning) < 4:
        return "定义不完整"
    if "就是" in meaning:  # 抓创新就是抓发展，谋创新就是谋未来: a parallel pair, not a definition
        return "排比句不是定义"
    return None


def _trimmed(item: Definition) -> Definition:
    """A long meaning cut before a clause that starts a new subject (在数字经济时代，…;
    这种提升…) or a second predicate (，是…): the definition is what comes before it."""
    meaning = item.meaning
    if len(meaning) <= 30:
        return item
    clauses = re.split(r"(?<=，)", meaning)
    kept = clauses[0]
    for clause in clauses[1:]:
        if re.match(r"在|随着|这|其|它|而|并|也|从而|因此|对于|通过|作为", clause) or (
            clause.startswith("是") and len(kept) >= 6  # X是A，是B: A already defines X
        ):
            break
        kept += clause
    kept = kept.rstrip("，")
    if len(kept) < 6 or kept == meaning:
        return item
    facets = tuple(f for f in item.facets if f.text in kept)
    return dataclasses.replace(item, meaning=kept, facets=facets)
