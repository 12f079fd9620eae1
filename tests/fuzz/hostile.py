"""Hostile and broken inputs, generated (no binary blob is committed).

Every input a crawler or an inbox may deliver that once crashed govlint, blocked it, or
made it use memory or time out of proportion, as a function that writes it: the crash
reproducers of issue 10 (a year in mathematical-bold digits, digit runs past Python's
4,300-digit ``int()`` limit, a fee of 10**309, year 0000, tables nested 1,000 deep, Word
files without a body, a symlink loop, a name longer than NAME_MAX, a binary
``.govlint.toml``, a file name with a newline), the resource bombs (a .docx zip bomb, a PDF
stream bomb, a 500-page PDF, tables with huge spans), files that are not regular files
(FIFO, device, socket), and encodings that must be unreadable rather than "not a report"
(Shift-JIS, EUC-KR, double-encoded UTF-8, UTF-7, a UTF-16 BOM before UTF-8 bytes).

The reports they start from come from :mod:`govlint.synthetic` (via ``formatkit``), so
every sentence is synthetic. :func:`populate` writes one of each into a directory for the
acceptance test; the fuzz strategies (``strategies.py``) mutate the same renderings.
"""

from __future__ import annotations

import functools
import io
import os
import random
import socket
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from formatkit import WRITERS, Sample

from govlint.synthetic import ReportSpec, render

REPO = Path(__file__).resolve().parents[2]
DEFECTIVE = REPO / "examples" / "defective-report-2023.txt"
MB = 1024 * 1024

#: A table-row line of the ``rows`` style: label, then tab-separated numbers.
_YEAR = "2023"


# ----------------------------------------------------------------------------- base reports


@functools.lru_cache(maxsize=None)
def spec(seed: int = 7, template: str = "2021") -> ReportSpec:
    """A synthetic report (known numbers, year 2023)."""
    return ReportSpec.random(random.Random(seed), template=template, year=2023)


@functools.lru_cache(maxsize=None)
def report_text(seed: int = 7, style: str = "rows", template: str = "2021") -> str:
    """A synthetic report rendered in one of :data:`govlint.synthetic.STYLES`."""
    return render(spec(seed, template), style)


@functools.lru_cache(maxsize=None)
def report_file(suffix: str, seed: int = 7) -> bytes:
    """A synthetic report written as ``.txt``, ``.md``, ``.html``, ``.docx`` or ``.pdf``."""
    return WRITERS[suffix](Sample(spec(seed)))


#: The impossible signature date every crash reproducer carries, so that a run which reads
#: it reports at least this finding (GOV405) and names the file.
IMPOSSIBLE_DATE = "2024年2月30日"


@functools.lru_cache(maxsize=None)
def defective_text(seed: int = 7) -> str:
    """:func:`report_text` signed on a day that does not exist (one known finding: GOV405)."""
    return report_text(seed).replace(spec(seed).signed, IMPOSSIBLE_DATE)


def _first_value_line(text: str) -> int:
    """Index of the first table line (a label, then tab-separated numbers)."""
    for index, line in enumerate(text.split("\n")):
        cells = line.split("\t")
        if len(cells) > 2 and all(c.isdigit() for c in cells[1:]):
            return index
    raise AssertionError("no table row in the rendering")


# ----------------------------------------------------------------------------- crash reproducers


def year_in_digits(digits: str = "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗") -> bytes:
    """The report's year written in other Unicode decimal digits (mathematical bold by default)."""
    year = "".join(digits[int(d)] for d in _YEAR)
    return defective_text().replace(f"{_YEAR}年", f"{year}年").encode("utf-8")


ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def digit_run_in_cell(length: int = 5000) -> bytes:
    """A table cell holding a run of ``length`` digits (past ``int()``'s 4,300-digit limit)."""
    lines = defective_text().split("\n")
    index = _first_value_line(defective_text())
    cells = lines[index].split("\t")
    cells[1] = "7" * length
    lines[index] = "\t".join(cells)
    return "\n".join(lines).encode("utf-8")


def digit_run_in_prose(length: int = 5000) -> bytes:
    """A count in prose with ``length`` digits (``共受理…件``)."""
    text = defective_text()
    return text.replace("一、总体情况\n", f"一、总体情况\n本年度共受理申请{'8' * length}件。\n", 1).encode("utf-8")


def digit_run_in_crawler_row(length: int = 135) -> bytes:
    """Crawler text (the report on one line, cells run together) with one row's digits a ``length``-digit run.

    Splitting a run into a row's cells is a search that grows exponentially with its length.
    """
    text = report_text(style="crawler")
    label = "（七）总计"
    index = text.index(label) + len(label)
    end = index
    while end < len(text) and text[end].isdigit():
        end += 1
    return (text[:index] + "9" * (length - 7) + "0000000" + text[end:]).encode("utf-8")


def fee_overflow() -> bytes:
    """A fee of 10**309 元 (``float()`` of it is infinite)."""
    text = defective_text()
    return (text + f"\n本年度收取信息处理费1{'0' * 309}元。\n").encode("utf-8")


def year_zero() -> bytes:
    """Every year written 0000 (there is no year 0: no date can be made of it)."""
    return defective_text().replace(_YEAR, "0000").encode("utf-8")


def cr_only() -> bytes:
    """The report with classic-Mac line endings (a lone CR ends each line)."""
    return defective_text().replace("\n", "\r").encode("utf-8")


# ----------------------------------------------------------------------------- HTML


def html_page(body: str, charset: str = "utf-8") -> bytes:
    """A page with ``body`` inside ``<body>`` (the report's title before it)."""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{_YEAR}年年度报告</title></head>'
            f"<body><h1>示例县{_YEAR}年政府信息公开工作年度报告</h1>{body}</body></html>\n").encode(charset)


def nested_tables(depth: int = 1000) -> bytes:
    """Tables nested ``depth`` deep, each in the only cell of the one outside it."""
    return html_page("<table><tr><td>" * depth + "一、总体情况" + "</td></tr></table>" * depth)


def nested_elements(depth: int, tag: str = "div") -> bytes:
    """``depth`` unclosed-then-closed elements around the report's first section."""
    return html_page(f"<{tag}>" * depth + "<p>一、总体情况</p>" + f"</{tag}>" * depth)


def html_span(attribute: str = "rowspan", value: str = "9" * 5000) -> bytes:
    """A table whose first cell has ``attribute="value"``."""
    return html_page(f'<table><tr><td {attribute}="{value}">行政许可</td><td>1</td></tr>'
                     "<tr><td>2</td></tr></table>")


def wide_colspans(rows: int = 200, cells: int = 100) -> bytes:
    """A table of ``rows`` × ``cells`` cells, each ``colspan="1000"``: ~20 M grid cells from ~600 KB."""
    row = "<tr>" + '<td colspan="1000">1</td>' * cells + "</tr>"
    return html_page("<table>" + row * rows + "</table>")


# ----------------------------------------------------------------------------- Word


def docx_replacing(members: dict[str, bytes | None], base: bytes | None = None) -> bytes:
    """A copy of a synthetic .docx with members replaced (``None``: removed) or added."""
    base = base if base is not None else report_file(".docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in members:
                continue
            target.writestr(info, source.read(info.filename))
        for name, data in members.items():
            if data is not None:
                target.writestr(name, data)
    return out.getvalue()


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_other_root() -> bytes:
    """word/document.xml whose root is not ``<w:document>``."""
    xml = f'<?xml version="1.0"?><w:settings xmlns:w="{_W_NS}"><w:p/></w:settings>'
    return docx_replacing({"word/document.xml": xml.encode()})


def docx_no_body() -> bytes:
    """``<w:document>`` without ``<w:body>``."""
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{_W_NS}"></w:document>'
    return docx_replacing({"word/document.xml": xml.encode()})


def _docx_with_large_member(name: str, size: int, byte: bytes) -> bytes:
    """A copy of a synthetic .docx with member ``name`` holding ``size`` repeated bytes (streamed, compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(report_file(".docx"))) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info.filename))
        member = zipfile.ZipInfo(name)
        member.compress_type = zipfile.ZIP_DEFLATED
        block = byte * MB
        with target.open(member, "w", force_zip64=size > 2**31) as handle:
            for start in range(0, size, MB):
                handle.write(block[: min(MB, size - start)])
    return out.getvalue()


@functools.lru_cache(maxsize=None)
def docx_zip_bomb(inflated: int = 400 * MB) -> bytes:
    """A .docx whose ``word/document.xml`` inflates to ``inflated`` bytes (~1,000:1: 400 MB from ~400 KB)."""
    return _docx_with_large_member("word/document.xml", inflated, b" ")


@functools.lru_cache(maxsize=None)
def docx_ratio_bomb(inflated: int = 50 * MB) -> bytes:
    """A .docx with an extra member under the size limit but compressed ~1,000:1."""
    return _docx_with_large_member("word/media/padding.bin", inflated, b"\x00")


# ----------------------------------------------------------------------------- PDF


def minimal_pdf(contents: list[bytes], *, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                extra: list[bytes] = (), flate: bool = False) -> bytes:
    """A small valid PDF: one page per content stream, one font ``/F1`` (object 3), ``extra`` objects after it."""
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    objects.append(font)
    objects.extend(extra)
    kids = []
    for content in contents:
        data = zlib.compress(content) if flate else content
        filters = b" /Filter /FlateDecode" if flate else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream")
        content_id = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_id)
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_pages(count: int = 500) -> bytes:
    """A PDF of ``count`` pages with a line of text each."""
    return minimal_pdf([b"BT /F1 12 Tf 72 700 Td (Page %d) Tj ET" % n for n in range(1, count + 1)])


@functools.lru_cache(maxsize=None)
def pdf_stream_bomb(inflated: int = 512 * MB) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces."""
    compressor = zlib.compressobj(9)
    block = b" " * MB
    parts, left = [], inflated
    while left > 0:
        parts.append(compressor.compress(block[: min(left, MB)]))
        left -= MB
    parts.append(compressor.flush())
    data = b"".join(parts)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               stream, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
    return _pdf_file(objects)


def pdf_filter_bomb(kind: str, inflated: int = 16 * MB) -> bytes:
    """A one-page PDF whose content stream expands to ``inflated`` spaces through other filters.

    ``runlength``: RunLengthDecode (each 2-byte run writes 128 bytes); ``hex-flate``: Flate
    data wrapped in ASCIIHexDecode (the expanding filter is not the first one).
    """
    if kind == "runlength":
        data, filters = b"\x81 " * (inflated // 128) + b"\x80", b"/RunLengthDecode"
    else:
        data, filters = zlib.compress(b" " * inflated, 9).hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"
    stream = b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               stream, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
    return _pdf_file(objects)


def pdf_font_without_bbox() -> bytes:
    """A PDF whose font descriptor has no FontBBox (pdfminer logs "Could not get FontBBox")."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Demo /FirstChar 32 /LastChar 126 /FontDescriptor 4 0 R >>"
    descriptor = b"<< /Type /FontDescriptor /FontName /Demo /Flags 32 /FontBBox [(a) (b)] >>"
    return minimal_pdf([b"BT /F1 12 Tf 72 700 Td (Annual report) Tj ET"], font=font, extra=[descriptor])


def owner_password_pdf() -> bytes:
    """A synthetic report as an owner-password PDF (empty user password: viewable by anyone).

    Written by reportlab, which leaves the CID font's ``CIDSystemInfo`` strings unencrypted.
    """
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1, canModify=0, canCopy=0,
                                            strength=128)
    page = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    y = 0
    for line in defective_text().split("\n"):
        if y < 50:
            if y:
                page.showPage()
            page.setFont("STSong-Light", 9)
            y = 800
        page.drawString(30, y, line.replace("\t", "  "))
        y -= 12
    page.showPage()
    page.save()
    return buffer.getvalue()


# ----------------------------------------------------------------------------- encodings

JAPANESE = ("本年度の情報公開請求は合計で百二十件を受け付け、そのうち八十件について全部公開を決定しました。"
            "残りの案件は審査中であり、来年度に結果を公表する予定です。市民の皆様のご意見をお待ちしております。")
KOREAN = ("올해 정부 정보 공개 청구는 모두 백이십 건이 접수되었으며, 그중 팔십 건은 전부 공개하기로 결정하였습니다. "
          "나머지 사건은 심사 중이며 내년에 결과를 공표할 예정입니다. 시민 여러분의 의견을 기다립니다.")


def shift_jis() -> bytes:
    """Japanese text in Shift-JIS (decodes as GB18030 into rare characters)."""
    return (JAPANESE * 8).encode("shift_jis")


def euc_kr() -> bytes:
    """Korean text in EUC-KR (decodes as GB18030 into common-looking but meaningless characters)."""
    return (KOREAN * 8).encode("euc_kr")


def double_encoded() -> bytes:
    """The report's UTF-8 bytes read as Windows-1252 and saved again as UTF-8."""
    return report_text().encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")


def utf7() -> bytes:
    """The report in UTF-7."""
    return report_text().encode("utf-7")


def utf16_bom_then_utf8() -> bytes:
    """A UTF-16 byte-order mark followed by UTF-8 bytes."""
    return b"\xff\xfe" + report_text().encode("utf-8")


# ----------------------------------------------------------------------------- paths


def binary_config() -> bytes:
    """A ``.govlint.toml`` that is a binary file (an image header, then noise): not UTF-8."""
    rng = random.Random(3)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300))


def make_fifo(path: Path) -> bool:
    """A FIFO at ``path`` (``False`` where the platform has none)."""
    if not hasattr(os, "mkfifo"):
        return False
    os.mkfifo(path)
    return True


def make_socket(path: Path) -> socket.socket | None:
    """A bound Unix socket at ``path`` (keep the returned socket open while it is used)."""
    if not hasattr(socket, "AF_UNIX") or len(str(path)) > 100:
        return None
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock


def too_long_name(directory: Path) -> str:
    """A path in ``directory`` whose file name is longer than NAME_MAX (it cannot exist)."""
    try:
        limit = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    return str(directory / ("长" * (limit // 3 + 1) + "x" * 4 + ".txt"))


# ----------------------------------------------------------------------------- the acceptance directory


@dataclass
class Reproducer:
    """One hostile input written by :func:`populate`: its path as govlint names it, and what it must say."""

    name: str
    expect: str  # a fragment of the GOV001 message or stderr line naming it ("" : any finding)


def populate(root: Path) -> tuple[list[Reproducer], list[str], list[socket.socket]]:
    """Write one of each hostile input under ``root`` (plus the defective example report).

    Returns the reproducers, extra command-line paths (the over-long name cannot be a
    file), and sockets to close when done.
    """
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "year-math-bold.txt": (year_in_digits(), ""),
        "year-arabic-indic.txt": (year_in_digits(ARABIC_INDIC), ""),
        "digits-in-cell.txt": (digit_run_in_cell(), ""),
        "digits-in-prose.txt": (digit_run_in_prose(), ""),
        "rowspan-digits.html": (html_span("rowspan"), "max-table-span"),
        "fee-1e309.txt": (fee_overflow(), ""),
        "year-0000.txt": (year_zero(), ""),
        "nested-tables.html": (nested_tables(), ""),
        "nested-divs.html": (nested_elements(3000), ""),
        "wide-colspans.html": (wide_colspans(), "max-table-cells"),
        "big-rowspan.html": (html_span("rowspan", "20000"), "max-table-span"),
        "other-root.docx": (docx_other_root(), "w:body"),
        "no-body.docx": (docx_no_body(), "w:body"),
        "zip-bomb.docx": (docx_zip_bomb(), "max-unpacked-size"),
        "ratio-bomb.docx": (docx_ratio_bomb(), "max-compression-ratio"),
        "pages-500.pdf": (pdf_pages(500), "max-pdf-pages"),
        "stream-bomb.pdf": (pdf_stream_bomb(), "max-pdf-stream-size"),
        "no-fontbbox.pdf": (pdf_font_without_bbox(), ""),
        "owner-password.pdf": (owner_password_pdf(), ""),
        "shift-jis.txt": (shift_jis(), "无法解码"),
        "euc-kr.txt": (euc_kr(), "无法解码"),
        "double-encoded.txt": (double_encoded(), "双重编码"),
        "utf-7.txt": (utf7(), "UTF-7"),
        "utf16-bom-utf8.txt": (utf16_bom_then_utf8(), "字节序标记与内容不符"),
        "cr-only.txt": (cr_only(), ""),
        "new\nline.txt": (defective_text().encode("utf-8"), ""),
        "defective.txt": (DEFECTIVE.read_bytes(), ""),
    }
    reproducers = []
    for name, (data, expect) in files.items():
        (root / name).write_bytes(data)
        reproducers.append(Reproducer(str(root / name).replace("\n", "\\n"), expect))
    if make_fifo(root / "fifo.txt"):
        reproducers.append(Reproducer(str(root / "fifo.txt"), "命名管道"))
    (root / "dev-zero.txt").symlink_to("/dev/zero")
    reproducers.append(Reproducer(str(root / "dev-zero.txt"), "字符设备"))
    (root / "loop.txt").symlink_to("loop.txt")
    reproducers.append(Reproducer(str(root / "loop.txt"), "符号链接循环"))
    sockets = [s for s in [make_socket(root / "socket.txt")] if s is not None]
    if sockets:
        reproducers.append(Reproducer(str(root / "socket.txt"), "套接字"))
    sub = root / "sub"
    sub.mkdir()
    (sub / ".govlint.toml").write_bytes(binary_config())
    (sub / "under-binary-config.txt").write_bytes(defective_text().encode("utf-8"))
    reproducers.append(Reproducer(str(sub / "under-binary-config.txt"), "配置文件无效"))
    long_name = too_long_name(root)
    reproducers.append(Reproducer(long_name, "过长"))
    return reproducers, [long_name], sockets
