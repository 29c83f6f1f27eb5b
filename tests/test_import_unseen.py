"""Texts the drafter was not tuned on: the seed articles and the generality set saved in
other forms (a Word file built with python-docx, a saved web page with site chrome, a
GB18030 text). Each must give the lists, facts and cleaned text of the plain original."""

from __future__ import annotations

import re

import pytest
from conftest import ARTICLES
from import_files import make_docx, make_html

from studycli.cli import app
from studycli.deck.model import Fact
from studycli.importer.ingest import import_article

MORE = ARTICLES.parent / "articles-more"
REPORT = "01_gov_report_2025.txt"
PACK = "04_shiwuwu_pdf.txt"
CHROME = re.compile(r"网站首页|网站地图|购物车|分享到|加入收藏|Copyright|ICP备|责任编辑")


@pytest.fixture
def more():
    """The generality set, or skip where it is not beside the repository."""
    if not MORE.is_dir():
        pytest.skip("../shared/articles-more is not present")
    return MORE


def lists_of(imported) -> list[tuple[str, ...]]:
    """The entry labels of every list recovered, in order."""
    return [labels for _, labels, _ in imported.draft.structure]


def han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def test_report_as_word_file_keeps_its_lists_and_facts(tmp_path, more):
    """The government report as a .docx (headings as Word headings) recovers the same lists,
    drafts the same facts, and changes no character of the simplified text."""
    lines = [line for line in (more / REPORT).read_text(encoding="utf-8").splitlines() if line]
    lines = [line for line in lines if not line.startswith(("Public domain", "false"))]
    blocks = []
    for line in lines:
        if re.match(r"[一二三四五六七八九十]+、", line) and len(line) < 30:
            blocks.append(("h1", line))
        elif re.match(r"（[一二三四五六七八九十]+）", line) and len(line) < 40:
            blocks.append(("h2", line))
        else:
            blocks.append(("p", line))
    path = make_docx(tmp_path / "report.docx", blocks)
    word = import_article(path)
    plain = import_article(more / REPORT)
    assert lists_of(word) == lists_of(plain)
    assert len(lists_of(word)) >= 3
    facts = [i.text for i in word.draft.items if isinstance(i, Fact)]
    assert facts == [i.text for i in plain.draft.items if isinstance(i, Fact)]
    assert "今年发展主要预期目标：国内生产总值增长5%左右" in facts
    assert han(word.cleaned.text) in han("".join(lines))  # nothing converted or invented
    assert "显著" in word.cleaned.text


def test_seed_article_as_a_saved_web_page_keeps_no_chrome(tmp_path, runner, articles):
    """Article 000's body as a GB18030 web page with navigation, share bar and footer:
    no chrome line is left, and the lists are those of the text file."""
    source = (ARTICLES / "000_60834e77d2d30f85.txt").read_text(encoding="utf-8")
    body = source.split("【学习金句】", 1)[1]
    paragraphs = ["## 学习金句"] + [p.strip() for p in body.splitlines() if p.strip()]
    page = make_html(tmp_path / "page.html", "以新质生产力为高质量发展注入强大动力", paragraphs,
                     encoding="gb18030")  # fmt: skip
    text = tmp_path / "plain.txt"
    text.write_text("\n\n".join(p.removeprefix("## ") for p in paragraphs), encoding="utf-8")
    web, plain = import_article(page), import_article(text)
    assert not CHROME.search(web.cleaned.text)
    assert lists_of(web) == lists_of(plain)
    assert len(lists_of(web)) >= 6
    result = runner.invoke(app, ["import", str(page), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 0, result.output
    assert "已写入" in result.stderr


def test_pdf_pack_as_gb18030_text_drafts_like_utf8(tmp_path, runner, more):
    """The PDF-extracted pack saved as GB18030 (Windows Notepad's ANSI on a Chinese system)
    drafts exactly the deck of the UTF-8 file, with its nine-entry list whole."""
    path = tmp_path / PACK
    path.write_bytes((more / PACK).read_text(encoding="utf-8").encode("gb18030"))
    gb = runner.invoke(app, ["import", str(path)])
    utf8 = runner.invoke(app, ["import", str(more / PACK)])
    assert gb.exit_code == 0 and utf8.exit_code == 0
    assert gb.stdout == utf8.stdout
    assert "GB18030" in gb.stderr
    assert "九个重要提法(9 项)" in gb.stderr  # 4. was glued to a line of another column
    assert "open: true" not in gb.stdout and "清单缺项" not in gb.stderr
