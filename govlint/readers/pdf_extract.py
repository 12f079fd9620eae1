"""Text, tables and page furniture of a PDF, with pdfplumber (see :mod:`govlint.readers.pdf`)."""

from __future__ import annotations

import bisect
import io
import re
from array import array
from typing import Any

from govlint import regex
from govlint.document import BLANK_CELL, CELL_SEPARATOR
from govlint.errors import ReadError
from govlint.readers.grid import GridCell, grid_lines
from govlint.readers.pdf import INSTALL_HINT

#: Page numbers that cannot be anything else: ``- 3 -``, ``— 3 —``, ``第3页``, ``第 3 页 共 9 页``.
_PAGE_NUMBER_RE = regex.compile(
    r"^(?:[-—–－~]+\s*\d+\s*[-—–－~]+|第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页)$"
)
#: Page numbers recognised only in the top or bottom margin: ``3``, ``-3``, ``3/9``, ``Page 3 of 9``.
_MARGIN_NUMBER_RE = regex.compile(r"^(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
                               re.IGNORECASE)
#: Share of the page height at the top and bottom where headers, footers and page numbers sit.
_MARGIN_BAND = 0.1


def read_pdf(data: bytes) -> tuple[list[str], list[tuple[int, int]], set[int]]:
    """Extracted lines, the ``(page, line within page)`` of each, and the wrapped lines.

    The third item holds the indices of the lines that continue the paragraph of the line
    before (see :func:`_continues`).
    """
    import io

    try:
        import pdfplumber  # optional extra; imported only when a PDF is read
    except ImportError:
        raise ReadError(INSTALL_HINT) from None
    if b"%PDF-" not in data[:1024]:
        raise ReadError("不是有效的 PDF 文件（缺少 %PDF- 文件头）")
    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            _check_limits(pdf.doc)
            _repair_cid_fonts(pdf.doc)
            pages = []
            for page in pdf.pages:
                pages.append(_page_items(page))
                page.close()  # drop the page's parsed objects: memory stays that of one page
    except ReadError:
        raise
    except Exception as exc:  # pdfminer's syntax, encryption and stream errors
        # pdfplumber wraps pdfminer's exception: look at it and at what it wraps
        names = " ".join(type(e).__name__ for e in (exc, *exc.args) if isinstance(e, BaseException))
        if "Password" in names or "Encrypt" in names:
            raise ReadError("PDF 已加密，无法提取文字") from None
        raise ReadError("不是有效的 PDF 文件：文件已损坏，无法提取文字") from None
    furniture = _running_furniture(pages)
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    joined: set[int] = set()
    previous: _Item | None = None
    for number, (items, height) in enumerate(pages, 1):
        kept = [i for i in items if not (i.kind == "text" and _is_furniture(i, height, furniture))]
        right = max((i.x1 for i in kept if i.kind == "text"), default=0.0)
        for in_page, item in enumerate(kept, 1):
            if previous is not None and _continues(previous, item, right):
                joined.add(len(lines))
            lines.append(item.text)
            where.append((number, in_page))
            previous = item
    if not any(line.strip(" " + BLANK_CELL + CELL_SEPARATOR) for line in lines):
        raise ReadError("PDF 中没有可提取的文字（可能是扫描件），请先进行文字识别（OCR）")
    return lines, where, joined


def _check_limits(doc: Any) -> None:
    """Refuse a PDF over the page limit or whose streams inflate past the budget, before extracting.

    Pages are counted by walking the page tree, stopping one past the limit. Every stream
    of the file is then measured: a Flate stream is inflated in bounded steps, output
    discarded, and the total stops at the budget (a stream bomb costs no more than the
    budget to refuse); other filters count their raw size. What pdfminer later decodes is a
    subset of these streams, so extraction stays within the budget too.
    """
    import itertools

    from pdfminer.pdfpage import PDFPage

    from govlint import limits
    from govlint.limits import format_size

    current = limits.current()
    count = sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), current.max_pdf_pages + 1))
    if count > current.max_pdf_pages:
        raise ReadError(f"PDF 超过 {current.max_pdf_pages} 页（可用 max-pdf-pages 设置），不像是年度报告，未提取")
    budget = current.max_pdf_stream_size
    used = 0
    for stream in _streams(doc):
        used += _inflated_size(stream, budget - used)
        if used > budget:
            raise ReadError(f"PDF 中的压缩数据解压后超过 {format_size(budget)}（可用 max-pdf-stream-size 设置），"
                            "可能是压缩炸弹，未提取")


def _streams(doc: Any) -> Any:
    """Every stream object of the document (each once)."""
    from pdfminer.pdftypes import PDFStream

    seen: set[int] = set()
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                obj = doc.getobj(objid)
            except Exception:  # noqa: BLE001 - a damaged object: pdfminer skips it when extracting too
                continue
            if isinstance(obj, PDFStream):
                yield obj


def _inflated_size(stream: Any, room: int) -> int:
    """The stream's decoded size, counted up to ``room + 1`` bytes (never more is decoded).

    Filters are applied in order as pdfminer applies them; the expanding ones (Flate, LZW,
    RunLength) are decoded in bounded steps and their output is kept only when another
    filter follows. Image filters (DCT, JPX, JBIG2, CCITT) count their raw size: pdfminer
    does not expand them to extract text.
    """
    from pdfminer import pdftypes

    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0
    try:
        filters = [name for name, _ in stream.get_filters()]
        if stream.decipher and stream.rawdata is not None:
            raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    except Exception:  # noqa: BLE001 - a malformed filter entry: pdfminer fails on it later
        return len(raw)
    data, size = raw, len(raw)
    for index, name in enumerate(filters):
        keep = index < len(filters) - 1
        try:
            if name in pdftypes.LITERALS_FLATE_DECODE:
                data, size = _bounded(_inflate_pieces(data), room, keep)
            elif name in pdftypes.LITERALS_LZW_DECODE:
                from pdfminer.lzw import LZWDecoder

                data, size = _bounded(LZWDecoder(io.BytesIO(data)).run(), room, keep)
            elif name in pdftypes.LITERALS_RUNLENGTH_DECODE:
                data, size = _bounded(_run_length_pieces(data), room, keep)
            elif name in pdftypes.LITERALS_ASCII85_DECODE:
                data = pdftypes.ascii85decode(data)
                size = len(data)
            elif name in pdftypes.LITERALS_ASCIIHEX_DECODE:
                data = pdftypes.asciihexdecode(data)
                size = len(data)
            else:
                break
        except Exception:  # noqa: BLE001 - damaged data: pdfminer decodes no more than was counted
            break
        if size > room:
            break
    return size


def _bounded(pieces: Any, room: int, keep: bool) -> tuple[bytes, int]:
    """Consume decoded ``pieces`` until more than ``room`` bytes: (the bytes if ``keep``, their count)."""
    kept: list[bytes] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if keep:
            kept.append(piece)
        if size > room:
            break
    return b"".join(kept), size


def _inflate_pieces(data: bytes, step: int = 1 << 20) -> Any:
    """zlib-inflated ``data``, a megabyte at a time (a damaged stream ends where it breaks)."""
    import zlib

    inflater = zlib.decompressobj()
    pending = data
    try:
        while pending:
            piece = inflater.decompress(pending, step)
            pending = inflater.unconsumed_tail
            if not piece and not pending:
                break
            yield piece
    except zlib.error:
        return


def _run_length_pieces(data: bytes) -> Any:
    """RunLengthDecode output, one run at a time (a run expands a byte at most 128 times)."""
    index = 0
    while index < len(data):
        length = data[index]
        if length == 128:
            return
        if length < 128:
            yield data[index + 1 : index + 2 + length]
            index += 2 + length
        else:
            yield data[index + 1 : index + 2] * (257 - length)
            index += 2


#: What a predefined CMap's name says about its character collection (``UniGB-UCS2-H`` → Adobe-GB1).
_CMAP_ORDERINGS = (("UniGB", b"GB1"), ("GBK", b"GB1"), ("GBpc", b"GB1"), ("GBT", b"GB1"), ("GB-", b"GB1"),
                   ("UniCNS", b"CNS1"), ("B5", b"CNS1"), ("ETen", b"CNS1"), ("HKscs", b"CNS1"),
                   ("UniJIS", b"Japan1"), ("90ms", b"Japan1"), ("UniKS", b"Korea1"), ("KSC", b"Korea1"))


def _repair_cid_fonts(doc: Any) -> None:
    """Fix CID fonts whose ``CIDSystemInfo`` strings decrypt to garbage in an encrypted PDF.

    An owner-password PDF (viewable with the empty user password) is decrypted by pdfminer,
    which decrypts every string. Some producers (reportlab among them) write a CID font's
    ``/Registry (Adobe) /Ordering (GB1)`` unencrypted, so decrypting turns them into
    garbage, pdfminer finds no CID-to-Unicode map and the text comes out as ``(cid:4162)``.
    The predefined CMap named by the font's ``/Encoding`` says the collection, so
    unreadable values are restored from it.
    """
    if not getattr(doc, "decipher", None):
        return
    from pdfminer.pdftypes import resolve1

    for objid in list(getattr(doc, "_cached_objs", {})):
        font = doc._cached_objs[objid][0]
        if not isinstance(font, dict) or "DescendantFonts" not in font:
            continue
        encoding = getattr(resolve1(font.get("Encoding")), "name", None)
        ordering = next((o for prefix, o in _CMAP_ORDERINGS if isinstance(encoding, str)
                         and encoding.startswith(prefix)), None)
        descendants = resolve1(font.get("DescendantFonts"))
        if ordering is None or not isinstance(descendants, list):
            continue
        for descendant in descendants:
            info = resolve1(resolve1(descendant).get("CIDSystemInfo")) if isinstance(resolve1(descendant), dict) else None
            if isinstance(info, dict) and not (_printable(resolve1(info.get("Registry")))
                                               and _printable(resolve1(info.get("Ordering")))):
                info["Registry"], info["Ordering"] = b"Adobe", ordering


def _printable(value: Any) -> bool:
    return isinstance(value, bytes) and bool(value) and all(0x20 < b < 0x7F for b in value)


class _Item:
    """A line of a page: a text line or a table row, with its vertical extent."""

    __slots__ = ("kind", "text", "top", "bottom", "x0", "x1")

    def __init__(self, kind: str, text: str, top: float, bottom: float, x0: float = 0.0, x1: float = 0.0) -> None:
        self.kind, self.text, self.top, self.bottom, self.x0, self.x1 = kind, text, top, bottom, x0, x1


def _page_items(page: Any) -> tuple[list[_Item], float]:
    """The page's text lines and table rows, top to bottom, and the page height."""
    items: list[_Item] = []
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    for table in tables:
        rows = table.rows
        for index, text, _ in grid_lines(_table_grid(table)):
            items.append(_Item("row", text, rows[index].bbox[1], rows[index].bbox[3]))

    def outside_tables(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    for line in text_page.extract_text_lines(return_chars=False):
        text = " ".join(line["text"].split())
        if text:
            items.append(_Item("text", text, line["top"], line["bottom"], line["x0"], line["x1"]))
    items.sort(key=lambda item: item.top)
    return items, float(page.height)


def _table_grid(table: Any) -> list[list[GridCell]]:
    """The cells of a ruled table placed at their columns (see :mod:`govlint.readers.grid`).

    pdfplumber lists each row over the table's columns (the distinct left edges of its
    cells), ``None`` where no cell starts; a cell covers the columns whose left edge lies
    inside it. Which empty cells are blank cells is left to :func:`grid_lines`.
    """
    edges = sorted({cell[0] for row in table.rows for cell in row.cells if cell is not None})
    grid: list[list[GridCell]] = []
    for row, texts in zip(table.rows, table.extract()):
        cells = []
        for bbox, text in zip(row.cells, texts):
            if bbox is None:
                continue
            col = bisect.bisect_left(edges, bbox[0])
            width = max(1, bisect.bisect_left(edges, bbox[2] - 0.5) - col)
            cell = _cell_text(text or "")
            cells.append(GridCell(col, width, cell, array("l", [0] * len(cell)), 0))
        grid.append(cells)
    return grid


def _cell_text(cell: str) -> str:
    """A table cell: wrapped lines joined (directly between Chinese characters); ``""`` when it
    holds only whitespace and line breaks."""
    from govlint.readers.docx import join_pieces

    return join_pieces(" ".join(part.split()) for part in cell.split("\n")).strip()


#: A line ending like this ends its paragraph even when it reaches the right margin.
_PARAGRAPH_END = tuple("。！？!?")
#: A line starting like this starts a paragraph or a numbered item (一、 （一） 1. 1、 第一).
_ITEM_START_RE = regex.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十\d]+)")


def _continues(previous: _Item, item: _Item, right: float) -> bool:
    """Whether text line ``item`` continues the paragraph of ``previous`` (wrapped at the margin).

    The previous line must reach the right margin (within a character and a half) without
    ending a sentence, and this line must not be indented nor start a numbered item.
    """
    if previous.kind != "text" or item.kind != "text":
        return False
    size = max(previous.bottom - previous.top, 1.0)
    if previous.x1 < right - 1.5 * size or previous.text.endswith(_PARAGRAPH_END):
        return False
    return item.x0 <= previous.x0 + 0.5 * size and not _ITEM_START_RE.match(item.text)


def join_wrapped(source: str, joined: set[int]) -> tuple[str, array]:
    """The text with wrapped lines joined to their paragraph, and its origin map into ``source``."""
    origin = array("l", range(len(source)))
    if not joined:
        return source, origin
    parts: list[str] = []
    kept = array("l")
    start = 0
    for number, line in enumerate(source.split("\n")):
        if number in joined and parts:  # drop the line break before this line
            parts[-1] = parts[-1][:-1]
            kept.pop()
        parts.append(line + "\n")
        kept.extend(range(start, start + len(line) + 1))
        start += len(line) + 1
    text = "".join(parts)[: len(source)]
    return text, kept[: len(text)]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _in_margin(item: _Item, height: float) -> bool:
    return item.bottom <= height * _MARGIN_BAND or item.top >= height * (1 - _MARGIN_BAND)


def _running_furniture(pages: list[tuple[list[_Item], float]]) -> set[str]:
    """Keys of margin lines that recur on at least half of the pages (and on two at least)."""
    if len(pages) < 2:
        return set()
    from collections import Counter

    counts: Counter[str] = Counter()
    for items, height in pages:
        counts.update({_furniture_key(i.text) for i in items if i.kind == "text" and _in_margin(i, height)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed}


def _is_furniture(item: _Item, height: float, running: set[str]) -> bool:
    text = item.text.strip()
    if _PAGE_NUMBER_RE.match(text):
        return True
    if not _in_margin(item, height):
        return False
    return bool(_MARGIN_NUMBER_RE.match(text)) or _furniture_key(text) in running
