"""Blanks chosen from the model, the Anki package, the Markdown sheet and atomic writes."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from studycli.deck.loader import load_deck
from studycli.errors import ExportError
from studycli.export import (
    ANKI_DECK_ID,
    BLANK,
    glossary_terms,
    make_card,
    render_markdown,
    write_anki,
    write_atomic,
    write_text,
)


@pytest.fixture
def deck(mini_deck):
    """The mini fixture deck: one item of each kind."""
    return load_deck([mini_deck])


def test_definition_facets_are_blanked(deck):
    """Each facet is a blank, and the meaning hides the facet text where it occurs."""
    card = make_card(deck.item("d1"))
    assert card.answers() == [(1, "高科技、高效能、高质量"), (2, "全要素生产率大幅提升")]
    assert card.body[:2] == ("新质生产力:", "创新起主导作用的先进生产力质态")


def test_quote_blanks_glossary_terms_else_basic(deck):
    """A quote blanks the glossary terms it contains; with none it is a basic card."""
    card = make_card(deck.item("q1"), glossary_terms(deck))
    assert card.answers() == [(1, "新质生产力")]
    plain = make_card(deck.item("q1"), [])
    assert not plain.is_cloze and plain.front.startswith("“科技创新")
    assert plain.back == "—— 习近平 · 2024-01-31 · 中共中央政治局第十一次集体学习"


def test_list_framework_and_fact_blanks(deck):
    """List labels, framework parts per role and fact figures are the blanks."""
    assert make_card(deck.item("l1")).answers() == [(1, "劳动者"), (2, "劳动资料")]
    framework = make_card(deck.item("f1"))
    assert framework.answers() == [(1, "产业升级"), (2, "科技创新发展、人力资本跃升")]
    assert make_card(deck.item("fa1")).answers() == [(1, "100项")]


def _collection(path, tmp_path):
    """Open the collection inside an .apkg with sqlite3."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path / "unzipped")
    return sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")


def test_anki_package_has_notes_models_and_tags(deck, tmp_path):
    """The .apkg holds one note per item: cloze and basic models, topic tags, the deck id."""
    path = tmp_path / "deck.apkg"
    assert write_anki(deck, list(deck.items), path) == 5
    db = _collection(path, tmp_path)
    notes = db.execute("select guid, mid, tags, flds from notes order by id").fetchall()
    assert len(notes) == 5
    models = json.loads(db.execute("select models from col").fetchone()[0])
    names = {int(mid): model["name"] for mid, model in models.items()}
    assert {names[mid] for _, mid, _, _ in notes} == {"Cloze (genanki)"}
    assert ANKI_DECK_ID in {
        int(d) for d in json.loads(db.execute("select decks from col").fetchone()[0])
    }
    tags = [set(t.split()) for _, _, t, _ in notes]
    assert tags[0] == {"人才"} and tags[2] == {"人才", "产业"}
    quote_fields = notes[0][3].split("\x1f")
    assert "{{c1::新质生产力}}" in quote_fields[0]
    assert "出处:000_60834e77d2d30f85.txt · 学习金句" in quote_fields[1]
    cards = db.execute("select count(*) from cards").fetchone()[0]
    assert cards == 1 + 2 + 2 + 2 + 1  # one card per cloze number


def test_anki_guids_are_stable_across_exports(deck, tmp_path):
    """Two exports give the same note GUIDs, so re-import updates instead of duplicating."""
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    write_anki(deck, list(deck.items), first)
    write_anki(deck, list(deck.items), second)
    guids = []
    for name, path in (("a", first), ("b", second)):
        db = _collection(path, tmp_path / name)
        guids.append([row[0] for row in db.execute("select guid from notes order by guid")])
    assert guids[0] == guids[1]


def test_basic_note_for_an_item_without_blanks(deck, tmp_path):
    """A quote with no glossary term becomes a basic note with its source on the back."""
    bare = type(deck)(topics=deck.topics, glossary=(), items=deck.items[:1])
    path = tmp_path / "basic.apkg"
    write_anki(bare, list(bare.items), path)
    db = _collection(path, tmp_path)
    (flds,) = db.execute("select flds from notes").fetchone()
    front, back = flds.split("\x1f")
    assert front.startswith("“科技创新能够催生新产业")
    assert back.endswith("出处:000_60834e77d2d30f85.txt · 学习金句")


def test_markdown_sheet_groups_by_topic_with_answer_key(deck):
    """Items sit under their first topic; blanks are numbered and answered at the end."""
    sheet = render_markdown(deck, list(deck.items), "学习单")
    assert sheet.startswith("# 学习单\n\n## 人才\n")
    assert "\n## 产业\n" in sheet
    assert sheet.index("**三要素**") < sheet.index("## 产业") < sheet.index("**新质生产力**")
    assert f"新质生产力的特征:{BLANK}(4)" in sheet
    key = sheet.split("## 答案\n\n", 1)[1]
    assert key.splitlines() == [
        "1. 新质生产力",
        "2. 劳动者",
        "3. 劳动资料",
        "4. 高科技、高效能、高质量",
        "5. 全要素生产率大幅提升",
        "6. 产业升级",
        "7. 科技创新发展、人力资本跃升",
        "8. 100项",
    ]
    assert "高科技、高效能、高质量" not in sheet.split("## 答案")[0]


def test_write_refuses_an_existing_file(tmp_path):
    """An existing file is kept and the error names it and says to use --force."""
    path = tmp_path / "out.md"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError) as excinfo:
        write_text(path, "new")
    assert str(excinfo.value) == f"{path} 已存在,没有覆盖。如要覆盖,请加 --force。"
    assert path.read_text(encoding="utf-8") == "old"
    write_text(path, "new", force=True)
    assert path.read_text(encoding="utf-8") == "new"


def test_failed_write_leaves_no_file(tmp_path):
    """A writer that fails half way leaves neither the target nor a temp file."""
    path = tmp_path / "out.apkg"

    def broken(temp):
        temp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="无法写入"):
        write_atomic(path, broken)
    assert list(tmp_path.iterdir()) == []
