"""Reading what users have: text in any common encoding, .docx, .pdf and saved web pages.

The format is decided by the file's content (its first bytes), the extension only breaks
ties (a text file that is HTML). Only regular files up to ``MAX_BYTES`` are read, so a FIFO,
a device or a huge file is refused at once. Every reader returns plain text with one
paragraph per line; headings are marked ``# title`` (``##`` for a lower level), which the
cleaner turns into sections. The readers' libraries (python-docx, pypdf, trafilatura) are
imported only here, inside the functions that need them.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from studycli.errors import ExportError

MAX_BYTES = 20 * 1024 * 1024
PAGE_BREAK = "\n\f\n"  # between the pages of a PDF; the layout repair drops it


@dataclass(frozen=True)
class SourceText:
    """An article read from a file: its text, what the file was and how it was decoded."""

    text: str
    kind: str  # "text", "docx", "pdf", "html"
    encoding: str  # how the bytes became text, for the report


def check_readable(path: Path, limit: int = MAX_BYTES) -> int:
    """The size of ``path`` if it is a regular file within ``limit``; else a clear error."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise ExportError(f"找不到文件 {path}。") from exc
    except OSError as exc:
        raise ExportError(f"无法读取 {path}:{exc.strerror}。") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{path} 是一个目录,请给出其中的一个文件。")
    if not stat.S_ISREG(info.st_mode):
        what = "管道(FIFO)" if stat.S_ISFIFO(info.st_mode) else "设备或特殊文件"
        raise ExportError(f"{path} 是{what},不是普通文件;请先把内容保存成文件再导入。")
    if info.st_size > limit:
        raise ExportError(
            f"{path} 有 {info.st_size / 1048576:.1f} MB,超过导入上限 {limit // 1048576} MB;"
            "请只导入要学习的那一部分。"
        )
    return info.st_size


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing anything that is not a regular file within ``limit``."""
    check_readable(path, limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ExportError(f"无法读取 {path}:{exc.strerror}。") from exc
    if len(data) > limit:
        raise ExportError(f"{path} 超过导入上限 {limit // 1048576} MB;请只导入要学习的那一部分。")
    return data


# --- what a file is ------------------------------------------------------------------------

_REFUSED = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "旧版 Office 文档(.doc/.xls/.ppt)",
        "请在 Word 中另存为 .docx 或 .txt",
    ),
    (b"{\\rtf", "RTF 文档", "请另存为 .docx 或 .txt"),
    (b"\x89PNG", "PNG 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"\xff\xd8\xff", "JPEG 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"GIF8", "GIF 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"BM", "BMP 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"II*\x00", "TIFF 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"MM\x00*", "TIFF 图片", "图片里的文字需要先识别(OCR)并保存为 .txt"),
    (b"\x1f\x8b", "gzip 压缩文件", "请先解压"),
    (b"7z\xbc\xaf", "7z 压缩文件", "请先解压"),
    (b"Rar!", "RAR 压缩文件", "请先解压"),
    (b"\x7fELF", "程序文件", "请导入文章(.txt、.docx、.pdf 或 .html)"),
    (b"MZ", "Windows 程序文件", "请导入文章(.txt、.docx、.pdf 或 .html)"),
    (b"SQLite format 3", "SQLite 数据库", "请导入文章(.txt、.docx、.pdf 或 .html)"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8(带 BOM)"),
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def sniff(data: bytes, suffix: str) -> str:
    """What the bytes are: "docx", "pdf", "zip", "html" or "text"; refused kinds raise."""
    for magic, what, hint in _REFUSED:
        if data.startswith(magic) and not (len(magic) == 2 and _looks_text(data)):
            raise ExportError(f"这是{what},无法导入;{hint}。")
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or suffix == ".docx" else "zip"
    if data.lstrip()[:5] == b"%PDF-" or data.startswith(b"%PDF"):
        return "pdf"
    return "text"


def _looks_text(data: bytes) -> bool:
    """True when a short prefix is printable text (a .txt that happens to start with "BM")."""
    head = data[:512]
    return b"\x00" not in head and all(b >= 0x20 or b in b"\t\r\n\f" for b in head[:64])


# --- text ---------------------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Text and a description of its encoding: BOMs first, then UTF-8; otherwise the most
    plausible of UTF-16 (either byte order) and GB18030. Binary data is refused with a
    sentence, never decoded into noise."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _refuse_binary(data.decode(codec), name), label
            except UnicodeDecodeError:
                break
    if b"\x00" not in data[:8192]:  # UTF-16 ASCII is valid UTF-8 with zero bytes
        try:
            return _refuse_binary(data.decode("utf-8"), name), "UTF-8"
        except UnicodeDecodeError:
            pass
    candidates = []
    for codec, label in (
        ("utf-16-le", "UTF-16LE(无 BOM)"),
        ("utf-16-be", "UTF-16BE(无 BOM)"),
        ("gb18030", "GB18030"),
    ):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text), text, label))
    if candidates:
        score, text, label = max(candidates, key=lambda c: c[0])
        if score >= 0.9:
            return _refuse_binary(text, name), label
    # Mostly UTF-8 with a few bad bytes: U+FFFD marks them and the damage detector reports them.
    text = data.decode("utf-8", errors="replace")
    if plausibility(text) < 0.9:
        raise ExportError(f"{name} 是二进制文件或无法识别的编码,不是文章;请另存为 UTF-8 的 .txt。")
    return _refuse_binary(text, name), "UTF-8(有无法解码的字节)"


def plausibility(text: str) -> float:
    """Share of the first 20,000 characters that article text is made of: Han, ASCII,
    Chinese punctuation and whitespace. Text decoded with the wrong codec scores low."""
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if "\u4e00" <= ch <= "\u9fff"
        or " " <= ch <= "~"
        or ch in "\n\r\t\f"
        or "\u3000" <= ch <= "\u303f"
        or "\uff01" <= ch <= "\uff5e"
        or ch in "“”‘’—…·•●"
    )
    return good / len(sample)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _refuse_binary(text: str, name: str) -> str:
    """The text, unless control characters say it is binary data decoded by accident."""
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) * 100 > len(sample):
        raise ExportError(f"{name} 是二进制文件,不是文章;请导入 .txt、.docx、.pdf 或 .html。")
    return _CONTROL.sub("", text)


_HTML_START = re.compile(
    rb"^\s*(<!doctype html|<html|<head|<body|<meta|<\?xml[^>]*>\s*<html)", re.I
)


def is_html(text: str, suffix: str) -> bool:
    """A saved web page: by extension, or by a document that opens like one."""
    if suffix in (".html", ".htm", ".xhtml", ".mhtml"):
        return True
    return bool(_HTML_START.match(text[:2000].encode("utf-8", "ignore")))


# --- the readers -------------------------------------------------------------------------------


def read_source(path: Path, limit: int = MAX_BYTES) -> SourceText:
    """Read an article in whatever form it comes; unreadable forms raise a whole sentence."""
    data = read_bytes(path, limit)
    suffix = path.suffix.lower()
    if not data.strip():
        raise ExportError(f"{path} 是空文件,没有可以导入的文字。")
    kind = sniff(data, suffix)
    if kind == "zip":
        raise ExportError(
            f"{path} 是 zip 压缩包(或 .xlsx/.pptx/.odt 等),无法导入;Word 文档请另存为 .docx,"
            "其他请解压或另存为 .txt。"
        )
    if kind == "docx":
        return SourceText(read_docx(data, path), "docx", "Word 文档(.docx)")
    if kind == "pdf":
        return SourceText(read_pdf(data, path), "pdf", "PDF")
    if suffix == ".doc":
        raise ExportError(f"{path} 不是能读的 Word 文档;请在 Word 中另存为 .docx 或 .txt。")
    text, encoding = decode_text(data, str(path))
    if is_html(text, suffix):
        from studycli.importer.webpage import read_html

        return SourceText(read_html(text, path), "html", f"网页,{encoding}")
    return SourceText(text, "text", encoding)


def read_docx(data: bytes, path: Path) -> str:
    """Paragraphs of a Word document; headings as ``#`` lines, Word's numbering written out."""
    import io
    import zipfile

    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ExportError("读取 .docx 需要 python-docx;请重新安装 studycli。") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExportError(
            f"{path} 打不开,文件可能已损坏;请在 Word 中另存为 .docx 或 .txt。"
        ) from exc
    except Exception as exc:  # python-docx raises several of lxml's and its own errors
        raise ExportError(
            f"{path} 不是能读的 Word 文档({type(exc).__name__});请另存为 .txt。"
        ) from exc
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for block in _docx_blocks(document):
        if isinstance(block, list):  # a table: one line per row
            lines += [" ".join(cell for cell in row if cell) for row in block]
            continue
        text = block.text.strip()
        if not text:
            lines.append("")
            continue
        level = _docx_heading_level(block)
        if level:
            lines.append("#" * min(level, 3) + " " + text)
            counters.clear()
            continue
        number = _docx_number(block, counters)
        lines.append(f"{number}{text}" if number else text)
    return "\n".join(lines) + "\n"


def _docx_blocks(document):
    """Paragraphs and tables (as lists of rows of cell texts) in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            table = Table(child, document)
            yield [[cell.text.strip() for cell in row.cells] for row in table.rows]


def _docx_heading_level(paragraph) -> int:
    """1–3 for Title / Heading N / 标题 N styles, else 0."""
    try:
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return 0
    if name == "Title" or name == "标题":
        return 1
    match = re.match(r"(?:Heading|标题)\s*(\d)", name)
    return int(match.group(1)) if match else 0


def _docx_number(paragraph, counters: dict[tuple[str, int], int]) -> str:
    """ "1. " for a paragraph in a Word numbered list (its number is not in its text)."""
    ppr = paragraph._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    if numpr is None or numpr.numId is None:
        style = paragraph.style.name if paragraph.style is not None else ""
        if not style.startswith("List Number"):
            return ""
        key = ("style", 0)
    else:
        level = numpr.ilvl.val if numpr.ilvl is not None else 0
        key = (str(numpr.numId.val), int(level))
    counters[key] = counters.get(key, 0) + 1
    return f"{counters[key]}. " if key[1] == 0 else f"({counters[key]}) "


def read_pdf(data: bytes, path: Path) -> str:
    """The text of each page, pages separated by a form feed; the layout repair follows."""
    import io
    import logging

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ExportError("读取 .pdf 需要 pypdf;请重新安装 studycli。") from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExportError(f"{path} 是加密的 PDF;请先去掉密码,或另存为 .txt。")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExportError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExportError(f"{path} 是损坏的 PDF,读不出文字;请另存为 .txt。") from exc
    except Exception as exc:  # pypdf raises many kinds on hostile files
        raise ExportError(f"{path} 读不出文字({type(exc).__name__});请另存为 .txt。") from exc
    if not any(page.strip() for page in pages):
        raise ExportError(
            f"{path} 里没有可提取的文字(可能是扫描件);请先识别文字(OCR)并保存为 .txt。"
        )
    return PAGE_BREAK.join(pages) + "\n"
