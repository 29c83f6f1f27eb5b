"""Questions named by id (`study quiz --id`, `study questions --id`), and what to say when
an id is not in the bank: an item id's question ids, or the deck file it came from."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from studycli.errors import StudyError

SHOWN_IDS = 6  # question ids listed in the hint; the rest are counted


def questions_by_id(bank, ids: Sequence[str], data_dir: Path | None) -> list:
    """The questions of ``ids`` in that order, or a StudyError for the first unknown one."""
    chosen = bank.questions(list(ids))
    known = {q.id for q in chosen}
    missing = [qid for qid in ids if qid not in known]
    if missing:
        raise unknown_id(bank, missing[0], data_dir)
    return chosen


def unknown_id(bank, qid: str, data_dir: Path | None) -> StudyError:
    """The error for an id the bank does not have, with the most useful hint at hand."""
    item_id = qid.split(":", 1)[0]
    rows = bank.question_rows(flagged=None, items=[item_id]) if item_id else []
    if rows:
        listed = "、".join(row.id for row in rows[:SHOWN_IDS])
        more = f" 等 {len(rows)} 个" if len(rows) > SHOWN_IDS else ""
        if ":" not in qid:
            return StudyError(f"“{qid}”是条目号,不是题号;这个条目的题号有:{listed}{more}。")
        return StudyError(f"题库中没有题号“{qid}”;条目“{item_id}”的题号有:{listed}{more}。")
    origin = _origin(item_id, data_dir)
    if origin:
        return StudyError(
            f"题库中没有题号“{qid}”:它来自 {origin},现在没有载入;"
            f"加 --content {shlex.quote(origin)} 再试。"
        )
    return StudyError(f"题库中没有题号“{qid}”。用 study questions 查看题号。")


def _origin(item_id: str, data_dir: Path | None) -> str | None:
    """The deck file an item was last studied from, as the settings remember it."""
    from studycli.memory.settings import load_settings
    from studycli.paths import data_dir as resolve_data_dir

    try:
        return load_settings(resolve_data_dir(data_dir)).origins.get(item_id)
    except (OSError, StudyError):
        return None
