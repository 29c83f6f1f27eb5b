"""Readers for what users have: encodings, .docx, .pdf, web pages; refusals of everything else."""

from __future__ import annotations

import os

import pytest
from conftest import ARTICLES
from import_files import make_docx, make_html, make_pdf

from studycli.cli import app
from studycli.errors import ExportError
from studycli.importer.readers import decode_text, read_source

A000 = "000_60834e77d2d30f85.txt"
TEXT = (
    "发展新质生产力是推动高质量发展的内在要求和重要着力点。\n"
    "一是加快科技创新。\n二是加快产业创新。\n"
)
OCR = "图片里的文字需要先识别(OCR)并保存为 .txt"


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8(带 BOM)"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16LE(无 BOM)"),
        ("utf-16-be", "UTF-16BE(无 BOM)"),
        ("gb18030", "GB18030"),
    ],
)
def test_text_encodings_are_detected(codec, label):
    """UTF-8 with and without BOM, UTF-16 with BOM or by content, and GB18030 all decode."""
    text, encoding = decode_text(TEXT.encode(codec), "a.txt")
    assert text.lstrip("\ufeff") == TEXT
    assert encoding == label


def test_utf16_ascii_heavy_text_is_not_taken_for_utf8():
    """UTF-16 of mostly ASCII is valid UTF-8 full of zero bytes; it is read as UTF-16."""
    data = ("Chapter 1. Introduction\n" * 20 + "中文。\n").encode("utf-16-le")
    text, encoding = decode_text(data, "a.txt")
    assert encoding == "UTF-16LE(无 BOM)" and text.endswith("中文。\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
         "这是旧版 Office 文档(.doc/.xls/.ppt),无法导入;请在 Word 中另存为 .docx 或 .txt。"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), f"这是PNG 图片,无法导入;{OCR}。"),
        (b"\xff\xd8\xff\xe0" + bytes(100), f"这是JPEG 图片,无法导入;{OCR}。"),
        (b"{\\rtf1\\ansi hello}", "这是RTF 文档,无法导入;请另存为 .docx 或 .txt。"),
    ],
)  # fmt: skip
def test_known_binary_formats_are_named(tmp_path, data, message):
    """A legacy .doc, an image or RTF is refused with what it is and what to do."""
    path = tmp_path / "article.doc"
    path.write_bytes(data)
    with pytest.raises(ExportError) as caught:
        read_source(path)
    assert str(caught.value) == message


def test_random_bytes_are_refused(tmp_path, runner):
    """Random bytes give a one-line error, exit 1, never a traceback."""
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(6000)))
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:{path} 是二进制文件或无法识别的编码,不是文章;请另存为 UTF-8 的 .txt。\n"
    )


def test_fifo_is_refused_at_once(tmp_path, runner):
    """A FIFO is refused without being opened (opening it would block)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["import", str(fifo)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{fifo} 是管道(FIFO),不是普通文件;请先把内容保存成文件再导入。\n"


def test_device_and_directory_are_refused(tmp_path, runner):
    """/dev/zero is not read at all; a directory says it is one."""
    result = runner.invoke(app, ["import", "/dev/zero"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "错误:/dev/zero 是设备或特殊文件,不是普通文件;请先把内容保存成文件再导入。\n"
    )
    result = runner.invoke(app, ["import", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{tmp_path} 是一个目录,请给出其中的一个文件。\n"


def test_size_limit(tmp_path):
    """A file over the limit is refused before it is read, with its size in the message."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3 * 1024 * 1024)
    with pytest.raises(ExportError) as caught:
        read_source(path, limit=2 * 1024 * 1024)
    assert str(caught.value) == (f"{path} 有 3.0 MB,超过导入上限 2 MB;请只导入要学习的那一部分。")


def test_empty_file(tmp_path, runner):
    """An empty file is a one-line error."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{path} 是空文件,没有可以导入的文字。\n"


def test_docx_headings_paragraphs_numbering_and_tables(tmp_path, runner):
    """A .docx gives its paragraphs, headings as sections, Word's numbers written out."""
    path = make_docx(
        tmp_path / "a.docx",
        [
            ("title", "学习新质生产力"),
            ("h1", "主要举措"),
            ("p", "发展新质生产力，要抓好以下三件事："),
            ("number", "加快科技创新"),
            ("number", "加快产业创新"),
            ("number", "加快人才培养"),
            ("table", "指标|数值"),
        ],
    )
    source = read_source(path)
    assert source.kind == "docx" and source.encoding == "Word 文档(.docx)"
    assert source.text.split("\n")[:6] == [
        "# 学习新质生产力",
        "# 主要举措",
        "发展新质生产力，要抓好以下三件事：",
        "1. 加快科技创新",
        "2. 加快产业创新",
        "3. 加快人才培养",
    ]
    result = runner.invoke(app, ["import", "--text-only", str(path)])
    assert result.exit_code == 0, result.output
    assert "1. 加快科技创新\n2. 加快产业创新\n" in result.stdout
    assert "a.docx:" in result.stderr and "Word 文档(.docx)" in result.stderr


def test_damaged_docx_is_a_clear_error(tmp_path, runner):
    """A zip that claims to be a Word file but is broken gives a sentence, exit 1."""
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"word/" + bytes(200))
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误:{path} ")
    assert "另存为" in result.stderr


def test_pdf_pages_headers_wraps_and_doubled_characters(tmp_path, runner):
    """A PDF: running headers dropped, a hard wrap rejoined, 十十五五五五专专题题 repaired."""
    path = make_pdf(
        tmp_path / "pack.pdf",
        [
            ["学习材料 第1页", "一、总体要求", "发展新质生产力是推动高质量发展的内在要",
             "求和重要着力点。", "编制流程：十十五五五五专专题题"],
            ["学习材料 第2页", "1. 研发投入加速增长", "2. 关键技术加速突破", "3"],
        ],
    )  # fmt: skip
    result = runner.invoke(app, ["import", "--text-only", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "一、总体要求\n发展新质生产力是推动高质量发展的内在要求和重要着力点。\n"
        "编制流程：十五五专题\n1. 研发投入加速增长\n2. 关键技术加速突破\n"
    )
    assert "删去第 1 行的PDF 页眉页脚:学习材料 第1页" in result.stderr
    assert "修复重叠字 1 处:第 5 行 十十五五五五专专题题 → 十五五专题" in result.stderr


def test_pdf_without_text_says_ocr(tmp_path, runner):
    """A PDF whose pages hold no text (a scan) asks for OCR."""
    path = make_pdf(tmp_path / "scan.pdf", [[], []])
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:{path} 里没有可提取的文字(可能是扫描件);请先识别文字(OCR)并保存为 .txt。\n"
    )


def test_broken_pdf_is_a_clear_error(tmp_path, runner):
    """A truncated PDF is a sentence, exit 1, not a pypdf traceback."""
    path = make_pdf(tmp_path / "a.pdf", [["一段文字。"]])
    path.write_bytes(path.read_bytes()[:150])
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误:{path} ")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_saved_web_page_keeps_the_article_only(tmp_path, runner, encoding):
    """A saved page: navigation, share bar and footer go; title and headings stay."""
    path = make_html(
        tmp_path / "page.html",
        "以新质生产力为高质量发展注入强大动力",
        ["发展新质生产力是推动高质量发展的内在要求和重要着力点，必须继续做好创新这篇大文章。",
         "## 一、加快科技创新",
         "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。"],
        encoding=encoding,
    )  # fmt: skip
    result = runner.invoke(app, ["import", "--text-only", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "以新质生产力为高质量发展注入强大动力",
        "发展新质生产力是推动高质量发展的内在要求和重要着力点，必须继续做好创新这篇大文章。",
        "一、加快科技创新",
        "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。",
    ]
    for chrome in ("网站首页", "购物车", "分享到", "Copyright", "ICP"):
        assert chrome not in result.stdout


def test_seed_article_as_utf16_imports_like_utf8(tmp_path, runner, articles):
    """Article 000 saved by Notepad as UTF-16 drafts the same deck as the UTF-8 original."""
    original = (ARTICLES / A000).read_bytes()
    path = tmp_path / A000
    path.write_bytes(original.decode("utf-8").encode("utf-16"))
    utf16 = runner.invoke(app, ["import", str(path)])
    utf8 = runner.invoke(app, ["import", str(ARTICLES / A000)])
    assert utf16.exit_code == 0 and utf8.exit_code == 0
    assert utf16.stdout == utf8.stdout
    assert "UTF-16" in utf16.stderr


def test_readers_libraries_load_only_on_import():
    """`study --help` and `study summary` import none of python-docx, pypdf, trafilatura."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from studycli.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "CliRunner().invoke(app, ['summary'])\n"
        "print(sorted(m for m in ('docx', 'pypdf', 'trafilatura', 'lxml') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
