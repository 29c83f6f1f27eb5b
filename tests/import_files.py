"""Builders for the import tests' fixture files: a Word document, a PDF, a saved web page.

The files are generated from text the tests already have, so no third-party document is
kept in the repository. The PDF is written by hand (a Type0 font with a ToUnicode map and no
embedded glyphs): enough for a text extractor, and it needs no font on the machine.
"""

from __future__ import annotations

from pathlib import Path


def make_docx(path: Path, blocks: list[tuple[str, str]]) -> Path:
    """A .docx from (style, text): "title", "h1", "h2", "p", "number" (Word list), "table"."""
    import docx

    document = docx.Document()
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, level=0)
        elif style in ("h1", "h2"):
            document.add_heading(text, level=int(style[1]))
        elif style == "number":
            document.add_paragraph(text, style="List Number")
        elif style == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph(text)
    document.save(path)
    return path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages hold the given lines, one text line per entry, top to bottom."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    bfchar = []
    for start in range(0, len(chars), 100):
        chunk = chars[start : start + 100]
        bfchar.append(f"{len(chunk)} beginbfchar")
        bfchar += [f"<{cid[ch]:04X}> <{ord(ch):04X}>" for ch in chunk]
        bfchar.append("endbfchar")
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            *bfchar,
            "endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    ).encode()
    catalog = add(b"")  # filled in below, once the page tree's number is known
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cidfont = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry "
        b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>"
        % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cidfont, tounicode)
    )
    tree = add(b"")
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 12 Tf", "14 TL", "50 800 Td"]
        for line in lines:
            ops.append("<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*")
        ops.append("ET")
        content = "\n".join(ops).encode()
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, stream, font)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def make_html(path: Path, title: str, paragraphs: list[str], *, encoding: str = "utf-8") -> Path:
    """A saved web page: navigation, a share bar and a footer around an article."""
    body = "\n".join(
        f"<h2>{p[3:]}</h2>" if p.startswith("## ") else f"<p>{p}</p>" for p in paragraphs
    )
    charset = "gbk" if encoding == "gb18030" else encoding
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title} - 某某网</title></head>
<body>
<nav><a href="/">网站首页</a> | <a href="/map">网站地图</a> | <a href="/cart">购物车</a></nav>
<div class="share">分享到: 微信 微博 QQ空间 加入收藏</div>
<article>
<h1>{title}</h1>
{body}
</article>
<footer>Copyright © 2024 某某网 版权所有 京ICP备12345678号</footer>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path
