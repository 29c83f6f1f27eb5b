"""Glossary keywords read against jieba's IDF table, without loading jieba on import."""

from __future__ import annotations

import subprocess
import sys

from studycli.importer.keywords import extract_keywords, idf_table


def test_keywords_are_whole_dictionary_words_ranked_by_tfidf():
    """社会主义 is read as one word (never 会主), frequent telling words come before rare ones."""
    text = "坚持社会主义现代化方向。" * 3 + "发展人工智能产业。" * 5 + "加强制造业。"
    words = extract_keywords(text, top_k=10)
    assert "社会主义" in words and "人工智能" in words
    assert "会主" not in words and "主义现" not in words
    assert "制造业" not in words  # once only: not a keyword
    assert words.index("人工智能") < words.index("社会主义")
    table, median = idf_table()
    assert len(table) > 100_000 and median > 0


def test_import_does_not_load_jieba(tmp_path):
    """Drafting a deck (glossary included) never imports jieba, posseg or jieba.analyse."""
    source = tmp_path / "a.txt"
    source.write_text("新质生产力是先进生产力质态。" * 4 + "\n", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; "
        "from studycli.importer.ingest import import_article; "
        f"d = import_article(Path({str(source)!r})).draft; "
        "assert '新质生产力' in d.glossary, d.glossary; "
        "print(sorted(m for m in sys.modules if m.startswith('jieba')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
