"""`study import`: read an article, clean it, draft a deck and say what was found on the way."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from studycli.deck.model import Item
from studycli.errors import ExportError
from studycli.importer.cleaning import DAMAGE_MARK, Cleaned, clean_article
from studycli.importer.drafting import DRAFT_TOPIC, Draft, draft_deck
from studycli.importer.readers import read_source

# Past this many characters an import is refused: drafting is linear, but a study deck
# drafted from a whole book is of no use to anyone.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Imported:
    """An imported article: the cleaned text, the draft, and how the file was decoded."""

    path: Path
    encoding: str
    cleaned: Cleaned
    draft: Draft

    def yaml(self) -> str:
        """The draft as a deck file in the content schema."""
        return render_yaml(self.draft, self.cleaned)


def read_article(path: Path) -> tuple[str, str]:
    """The file's text and how it was read (encoding or format); see ``readers``."""
    source = read_source(path)
    return source.text, source.encoding


def import_article(
    path: Path, *, topic: str = DRAFT_TOPIC, known_topics: dict[str, str] | None = None
) -> Imported:
    """Read the article at ``path`` in whatever form it comes, clean it and draft a deck."""
    source = read_source(path)
    if len(source.text) > MAX_CHARS:
        raise ExportError(
            f"{path} 有 {len(source.text):,} 个字符,超过一次导入的上限 {MAX_CHARS:,};"
            "请按章节分成几个文件导入。"
        )
    layout = {"pdf": "pdf", "docx": "paragraphs", "html": "paragraphs"}.get(source.kind)
    cleaned = clean_article(source.text, layout=layout)
    if not any(p.text for p in cleaned.paragraphs):
        raise ExportError(f"{path} 清理后没有正文可以起草。")
    return Imported(
        path,
        source.encoding,
        cleaned,
        draft_deck(cleaned, path.name, topic=topic, known_topics=known_topics),
    )


# --- YAML --------------------------------------------------------------------------------

_FIELD_ORDER = {
    "quote": ("text", "speaker", "date", "occasion"),
    "definition": ("term", "meaning", "facets"),
    "list": ("name", "ordered", "open", "intro", "entries"),
    "framework": ("name", "summary", "parts"),
    "fact": ("subject", "text", "figures"),
}


def _scalar(value) -> str:
    """A YAML scalar: booleans bare, text always double-quoted (JSON escapes are valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = json.dumps(str(value), ensure_ascii=False)
    # YAML forbids a few characters JSON leaves raw; escape them.
    return re.sub(
        r"[\u0085\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )


def _flow(mapping: dict) -> str:
    parts = []
    for key, value in mapping.items():
        if value in (None, (), []):
            continue
        if isinstance(value, (list, tuple)):
            value = "[" + ", ".join(_scalar(v) for v in value) + "]"
        else:
            value = _scalar(value)
        parts.append(f"{key}: {value}")
    return "{" + ", ".join(parts) + "}"


def _item_lines(item: Item) -> list[str]:
    data = item.to_dict()
    out = [f"  - id: {_scalar(data['id'])}", f"    kind: {data['kind']}"]
    for key in _FIELD_ORDER[item.kind]:
        value = data.get(key)
        if value in (None, [], ()):
            continue
        if (key == "ordered" and value is True) or (key == "open" and value is False):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"    {key}:")
            out += [f"      - {_flow(element)}" for element in value]
        elif isinstance(value, list):
            out.append(f"    {key}: [" + ", ".join(_scalar(v) for v in value) + "]")
        else:
            out.append(f"    {key}: {_scalar(value)}")
    aliases = getattr(item, "aliases", ()) if item.kind == "fact" else ()
    if aliases:  # 3%左右 is asked; 3% is graded as the same answer
        pairs = (f"{_scalar(f)}: [{', '.join(_scalar(o) for o in other)}]" for f, other in aliases)
        out.append("    aliases: {" + ", ".join(pairs) + "}")
    out.append("    topics: [" + ", ".join(_scalar(t) for t in data["topics"]) + "]")
    out.append(f"    source: {_flow(data['source'])}")
    out.append("    draft: true")
    return out


def render_yaml(draft: Draft, cleaned: Cleaned) -> str:
    """The draft deck as YAML text, with a header for the curator and notes on damaged items."""
    lines = [
        f"# 由 study import 从 {draft.article} 起草。全部条目标为 draft: true,",
        "# 请逐条核对原文、改好措辞与主题后删去 draft,再用 study check 校验。",
    ]
    if cleaned.metadata:
        about = ";".join(f"{key} {value}" for key, value in cleaned.metadata.items())
        lines.append(f"# 文章信息:{about}")
    if cleaned.damage:
        where = "、".join(str(spot.line) for spot in cleaned.damage)
        lines.append(f"# 原文损坏 {len(cleaned.damage)} 处(第 {where} 行),文中标为{DAMAGE_MARK}。")
    if draft.title:
        lines += ["articles:", f"  - file: {_scalar(draft.article)}"]
        lines.append(f"    title: {_scalar(draft.title)}")
    lines += [
        "topics:",
    ]
    for name, description in (draft.topics or {draft.topic: ""}).items():
        lines.append(f"  - name: {_scalar(name)}")
        note = description or f"study import 起草、尚待整理的条目({draft.article})"
        lines.append(f"    description: {_scalar(note)}")
    if draft.glossary:
        lines.append("glossary:")
        lines += [f"  - term: {_scalar(term)}" for term in draft.glossary]
    lines.append("items:" if draft.items else "items: []")
    section = None
    for item in draft.items:
        if item.source.section != section:
            section = item.source.section
            lines.append(f"  # --- {section} ---")
        if item.id in draft.notes:
            lines.append(f"  # 注意:{draft.notes[item.id]}")
        lines += _item_lines(item)
    return "\n".join(lines) + "\n"
