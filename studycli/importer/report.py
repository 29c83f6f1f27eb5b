"""What `study import` tells the person: what was removed (with its line), what was found
(items by kind, each list with its entry count), what needs a human; as lines or as JSON."""

from __future__ import annotations

from studycli.deck.model import ListItem
from studycli.importer.cleaning import DAMAGE_MARK
from studycli.importer.ingest import Imported

KIND_NAMES = {
    "quote": "引文",
    "definition": "定义",
    "list": "清单",
    "framework": "框架",
    "fact": "数据",
}


def report_lines(imported: Imported) -> list[str]:
    """The report as lines for stderr."""
    cleaned, draft = imported.cleaned, imported.draft
    counts = cleaned.counts
    lines = [
        f"{imported.path.name}:{counts.get('行', 0)} 行,{imported.encoding};"
        f"去掉拼音注音 {counts.get('拼音注音', 0)} 处、多余逗号 {counts.get('多余逗号', 0)} 个,"
        f"繁体转简体 {counts.get('繁体字', 0)} 字,标点改为全角 {counts.get('标点改为全角', 0)} 个,"
        f"断行接回 {counts.get('断行接回', 0)} 处。"
    ]
    if cleaned.metadata:
        lines.append(
            "文章信息:" + ";".join(f"{key} {value}" for key, value in cleaned.metadata.items())
        )
    if cleaned.repaired:
        fixes = ";".join(
            f"第 {line} 行 {found} → {fixed}" for line, found, fixed in cleaned.repaired
        )
        lines.append(f"修复重叠字 {len(cleaned.repaired)} 处:{fixes}")
    if cleaned.suspect:
        spots = ";".join(f"第 {line} 行 {text}" for line, text in cleaned.suspect)
        lines.append(f"疑似重叠字 {len(cleaned.suspect)} 处(未修复,请核对):{spots}")
    if cleaned.damage:
        lines.append(f"原文损坏 {len(cleaned.damage)} 处,无法修复,已在文中标为{DAMAGE_MARK}:")
        for spot in cleaned.damage:
            lines.append(f"  第 {spot.line} 行:{spot.text!r}  ({spot.context})")
    for removal in cleaned.removed:
        lines.append(f"删去第 {removal.line} 行的{removal.reason}:{removal.text}")
    kinds = draft.counts()
    made = "、".join(f"{KIND_NAMES[k]} {n}" for k, n in kinds.items()) or "无"
    lines.append(
        f"起草 {len(draft.items)} 条(全部 draft: true):{made};术语 {len(draft.glossary)} 个。"
    )
    for item in draft.items:
        if isinstance(item, ListItem):
            lines.append(f"  清单 {item.id}:{item.name}({len(item.entries)} 项)")
    for reason, n in draft.skipped.items():
        lines.append(f"未起草:{reason} {n} 处。")
    if draft.review:
        lines.append(f"需要人工核对 {len(draft.review)} 处:")
        lines += [f"  第 {line} 行 {reason}:{text}" for line, reason, text in draft.review]
    if draft.notes:
        lines.append(f"{len(draft.notes)} 条含原文损坏处,已在 YAML 中加注释。")
    return lines


def report_json(imported: Imported) -> dict:
    """The same report as one JSON-ready object (for ``--report json``)."""
    cleaned, draft = imported.cleaned, imported.draft
    needs_human = [
        {"kind": "damage", "line": d.line, "text": d.text, "context": d.context}
        for d in cleaned.damage
    ]
    needs_human += [
        {"kind": "doubled", "line": line, "text": text} for line, text in cleaned.suspect
    ]
    needs_human += [
        {"kind": reason, "line": line, "text": text} for line, reason, text in draft.review
    ]
    return {
        "file": str(imported.path),
        "read_as": imported.encoding,
        "lines": cleaned.counts.get("行", 0),
        "counts": {k: v for k, v in cleaned.counts.items() if k != "行"},
        "metadata": dict(cleaned.metadata),
        "removed": [{"line": r.line, "reason": r.reason, "text": r.text} for r in cleaned.removed],
        "repaired": [
            {"line": line, "found": found, "repaired": fixed}
            for line, found, fixed in cleaned.repaired
        ],
        "items": draft.counts(),
        "lists": [
            {"id": item.id, "name": item.name, "entries": len(item.entries)}
            for item in draft.items
            if isinstance(item, ListItem)
        ],
        "glossary": list(draft.glossary),
        "skipped": dict(draft.skipped),
        "needs_human": needs_human,
    }
