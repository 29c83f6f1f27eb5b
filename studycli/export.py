"""Writing the deck out: Anki packages, printable Markdown sheets, JSON; always atomically.

Blanks are chosen here from the model alone, simply and deterministically: definition
facets, list entry labels, framework parts by role, fact figures, and glossary terms in
quotes. An item with nothing to blank becomes a plain front/back card.
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from studycli.deck.files import not_regular
from studycli.deck.model import Deck, Definition, Fact, Framework, Item, ListItem, Quote
from studycli.errors import ExportError
from studycli.paths import replace_atomically

# Fixed ids: Anki recognises the deck and notes again on re-import and updates them.
ANKI_DECK_ID = 1_733_500_014_001
ANKI_DECK_NAME = "studycli"
GUID_SALT = "studycli"


# --- atomic writes ---------------------------------------------------------------------


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that is not a file we may replace; the directory must exist.

    A directory, FIFO, device or socket is never replaced (as root, ``-o /dev/null --force``
    would otherwise swap /dev/null for a plain file), nor a symlink, dangling or not: the
    user is told where it points. A regular file is replaced only with ``force``.
    """
    kind = _special_kind(path)
    if kind == "symlink":
        target = os.readlink(path)
        raise ExportError(f"{path} 是指向 {target} 的符号链接,没有覆盖。请直接给出要写入的文件。")
    if kind == "directory":
        raise ExportError(f"{path} 是一个目录,请给出文件名,例如 {path / '题库.json'}。")
    if kind is not None:
        plain = "" if kind == "不是普通文件" else ",不是普通文件"
        raise ExportError(f"{path} {kind}{plain},不能写入或覆盖。")
    if path.exists() and not force:
        raise ExportError(f"{path} 已存在,没有覆盖。如要覆盖,请加 --force。")
    if not path.parent.is_dir():
        raise ExportError(f"找不到目录 {path.parent},请先创建它。")


def _special_kind(path: Path) -> str | None:
    """What ``path`` is if it exists and is not a regular file (None: absent or regular)."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "directory"
    return not_regular(mode)  # 是一个管道(FIFO) …, as the deck loader says it


def _new_file_mode(path: Path) -> int:
    """The mode for the written file: the replaced file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, writer: Callable[[Path], None], *, force: bool = False) -> None:
    """Let ``writer`` fill a temp file beside ``path``, then move it into place in one step.

    A failed export leaves no half-written file behind, and an existing file is only
    replaced with ``force``; the new file gets the permissions a plain write would give.
    """
    check_target(path, force=force)
    mode = _new_file_mode(path)

    def fill(temp: Path) -> None:
        writer(temp)
        os.chmod(temp, mode)
        check_target(path, force=force)  # something appeared there while we were writing

    try:
        replace_atomically(path, fill)
    except OSError as exc:
        raise ExportError(f"无法写入 {path}:{exc.strerror or exc}。") from exc


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write UTF-8 text atomically."""
    write_atomic(path, lambda temp: temp.write_text(text, encoding="utf-8"), force=force)


# --- blanks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One item as a study card: text with numbered blanks, or a plain front and back."""

    item: Item
    # pieces of text and blanks: str, or (number, answer)
    body: tuple[str | tuple[int, str], ...]
    front: str = ""
    back: str = ""
    extra: str = ""

    @property
    def is_cloze(self) -> bool:
        """True when the card has at least one blank."""
        return any(isinstance(piece, tuple) for piece in self.body)

    def answers(self) -> list[tuple[int, str]]:
        """The blanks in order of first appearance, each (number, answer)."""
        found: dict[int, str] = {}
        for piece in self.body:
            if isinstance(piece, tuple):
                found.setdefault(piece[0], piece[1])
        return list(found.items())


def _blank_terms(text: str, terms: Iterable[str], limit: int = 3) -> list[str | tuple[int, str]]:
    """``text`` with up to ``limit`` glossary terms blanked (longest match first, no overlap)."""
    spans: list[tuple[int, int]] = []
    for term in sorted(set(terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), text):
            if not any(a < match.end() and match.start() < b for a, b in spans):
                spans.append(match.span())
                break
    spans = sorted(spans)[:limit]
    pieces: list[str | tuple[int, str]] = []
    at = 0
    for number, (start, end) in enumerate(spans, start=1):
        pieces += [text[at:start], (number, text[start:end])]
        at = end
    pieces.append(text[at:])
    return [p for p in pieces if p != ""]


def _byline(quote: Quote) -> str:
    return " · ".join(part for part in (quote.speaker, quote.date, quote.occasion) if part)


def make_card(item: Item, terms: Iterable[str] = ()) -> Card:
    """The card for one item: which parts are blanked, and what goes on the back."""
    if isinstance(item, Quote):
        pieces = _blank_terms(item.text, terms)
        if any(isinstance(p, tuple) for p in pieces):
            return Card(item, tuple(["“", *pieces, "”"]), extra=f"—— {_byline(item)}")
        return Card(item, (), front=f"“{item.text}”", back=f"—— {_byline(item)}")
    if isinstance(item, Definition):
        if item.facets:
            blanks = [(n, facet.text) for n, facet in enumerate(item.facets, start=1)]
            body: list = [f"{item.term}:", *_hide(item.meaning, blanks)]
            for number, facet in blanks:
                body += [f"\n{item.term}的{item.facets[number - 1].name}:", (number, facet)]
            return Card(item, tuple(body))
        return Card(item, (), front=f"什么是{item.term}?", back=item.meaning)
    if isinstance(item, ListItem):
        blanks = [(n, entry.label) for n, entry in enumerate(item.entries, start=1)]
        intro = [f"({item.intro})"] if item.intro else []
        body = [*_hide(item.name, blanks), *(_hide(intro[0], blanks) if intro else []), ":"]
        for number, label in blanks:
            mark = f"{number}. " if item.ordered else "· "
            body += [f"\n{mark}", (number, label)]
        details = "\n".join(
            f"{entry.label}:{entry.text}" if entry.text != entry.label else entry.label
            for entry in item.entries
        )
        return Card(item, tuple(body), extra=details)
    if isinstance(item, Framework):
        roles = item.roles()
        labels = [
            (n, "、".join(part.label for part in item.parts if part.role == role))
            for n, role in enumerate(roles, start=1)
        ]
        each = [(n, part.label) for n, role in enumerate(roles, start=1)
                for part in item.parts if part.role == role]  # fmt: skip
        body = [f"{item.name}:", *_hide(item.summary, each)]
        for (number, answer), role in zip(labels, roles, strict=True):
            body += [f"\n{role}:", (number, answer)]
        return Card(item, tuple(body))
    if isinstance(item, Fact):
        figures = [f for f in item.figures if f in item.text]
        if figures:
            pieces = _blank_figures(item.text, figures)
            return Card(item, tuple(pieces), extra=item.subject or "")
        return Card(item, (), front=item.subject or item.title, back=item.text)
    raise ExportError(f"不认识的条目类型“{item.kind}”({item.id})。")


def _hide(text: str, blanks: list[tuple[int, str]]) -> list[str | tuple[int, str]]:
    """``text`` with every occurrence of an answer blanked too, so the context gives none away."""
    answers = sorted((b for b in blanks if b[1]), key=lambda b: len(b[1]), reverse=True)
    if not answers:
        return [text]
    pattern = re.compile("|".join(re.escape(answer) for _, answer in answers))
    number_of = {answer: number for number, answer in answers}
    pieces: list[str | tuple[int, str]] = []
    at = 0
    for match in pattern.finditer(text):
        pieces += [text[at : match.start()], (number_of[match.group()], match.group())]
        at = match.end()
    pieces.append(text[at:])
    return [p for p in pieces if p != ""]


def _blank_figures(text: str, figures: list[str]) -> list[str | tuple[int, str]]:
    pieces: list[str | tuple[int, str]] = []
    at = 0
    number = 0
    for figure in figures:
        start = text.find(figure, at)
        if start < 0:
            continue
        number += 1
        pieces += [text[at:start], (number, figure)]
        at = start + len(figure)
    pieces.append(text[at:])
    return [p for p in pieces if p != ""]


def glossary_terms(deck: Deck) -> list[str]:
    """Every glossary term and alias, for blanking quotes."""
    return [name for term in deck.glossary for name in (term.term, *term.aliases) if name]


# --- Anki ----------------------------------------------------------------------------------


def _cloze_html(card: Card) -> str:
    out = []
    for piece in card.body:
        if isinstance(piece, tuple):
            number, answer = piece
            out.append(f"{{{{c{number}::{html.escape(answer)}}}}}")
        else:
            out.append(html.escape(piece).replace("\n", "<br>"))
    return "".join(out)


def _field(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def anki_tags(item: Item) -> list[str]:
    """Anki tags: the item's topics (spaces as underscores), plus ``draft`` for drafts."""
    tags = [re.sub(r"\s+", "_", topic.strip()) for topic in item.topics]
    if item.draft:
        tags.append("draft")
    return tags


def write_anki(deck: Deck, items: list[Item], path: Path, *, force: bool = False) -> int:
    """Write a real Anki package (.apkg): cloze notes where there are blanks, basic otherwise."""
    import genanki  # heavy, only for this export

    anki_deck = genanki.Deck(ANKI_DECK_ID, ANKI_DECK_NAME)
    terms = glossary_terms(deck)
    for item in items:
        card = make_card(item, terms)
        source = f"出处:{item.source.cite()}"
        if card.is_cloze:
            extra = "<br>".join(_field(x) for x in (card.extra, source) if x)
            note = genanki.Note(
                model=genanki.CLOZE_MODEL,
                fields=[_cloze_html(card), extra],
                tags=anki_tags(item),
                guid=genanki.guid_for(GUID_SALT, item.id),
            )
        else:
            note = genanki.Note(
                model=genanki.BASIC_MODEL,
                fields=[_field(card.front), _field(card.back) + "<br><br>" + _field(source)],
                tags=anki_tags(item),
                guid=genanki.guid_for(GUID_SALT, item.id),
            )
        anki_deck.add_note(note)
    package = genanki.Package(anki_deck)
    write_atomic(path, lambda temp: package.write_to_file(str(temp)), force=force)
    return len(items)


# --- Markdown -------------------------------------------------------------------------------

BLANK = "＿＿＿＿"  # full-width low lines: print as a blank, never read as Markdown emphasis


def render_markdown(deck: Deck, items: list[Item], heading: str) -> str:
    """A printable study sheet grouped by topic, blanks numbered, the answer key at the end."""
    terms = glossary_terms(deck)
    order = [topic.name for topic in deck.topics]
    groups: dict[str, list[Item]] = {}
    for item in items:
        first = min(item.topics, key=lambda t: order.index(t) if t in order else len(order))
        groups.setdefault(first, []).append(item)
    lines = [f"# {heading}", ""]
    answers: list[str] = []
    for topic in sorted(groups, key=lambda t: order.index(t) if t in order else len(order)):
        lines += [f"## {topic}", ""]
        for item in groups[topic]:
            lines += _markdown_item(make_card(item, terms), answers)
    if answers:
        lines += ["---", "", "## 答案", ""]
        lines += [f"{number}. {answer}" for number, answer in enumerate(answers, start=1)]
        lines.append("")
    else:
        lines += ["(本页没有填空。)", ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    """Escape the few characters Markdown would take as markup at a line's start or inline."""
    return re.sub(r"([\\`*_\[\]#<>|])", r"\\\1", text)


def _markdown_item(card: Card, answers: list[str]) -> list[str]:
    item = card.item
    label = {"quote": "金句", "definition": "定义", "list": "清单", "framework": "框架"}
    kind = label.get(item.kind, "数据")
    out = ["**金句**" if item.kind == "quote" else f"**{_md(item.title)}**({kind})", ""]
    if card.is_cloze:
        text = []
        numbers: dict[int, int] = {}  # the card's blank number -> the sheet's
        for piece in card.body:
            if isinstance(piece, tuple):
                if piece[0] not in numbers:
                    answers.append(piece[1])
                    numbers[piece[0]] = len(answers)
                text.append(f"{BLANK}({numbers[piece[0]]})")
            else:
                text.append(_md(piece))
        body = "".join(text).split("\n")
        out += [line + "  " if i < len(body) - 1 else line for i, line in enumerate(body)]
        if card.extra and item.kind == "quote":
            out += ["", _md(card.extra)]
    else:
        out += [_md(card.front), "", f"答:{_md(card.back)}"]
    draft = " · 草稿" if item.draft else ""
    out += ["", f"*出处:{_md(item.source.cite())}{draft}*", ""]
    return out


def render_json(items: list[Item]) -> str:
    """The JSON contract: {"items": [item.to_dict(), ...]}."""
    payload = {"items": [item.to_dict() for item in items]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
