"""The Word reader (.docx, read with python-docx): paragraphs and tables in document order.

Position scheme ``block:character``. The body is linearised into *blocks*, one per line of
the document text, in document order: every paragraph (empty ones included) is a block,
and every table row is a block. A diagnostic's *line* is the block number (1-based) and
its *column* the character within that block; ``full`` output shows the block's text.
So ``报告.docx:57:12`` is the 12th character of the 57th block, and a table cell is found
as the row's block plus the cell's character offset in the row line.

A table row's block holds its cells in column order joined by
:data:`~govlint.document.CELL_SEPARATOR`. A merged cell is read once: a horizontally merged
cell (``gridSpan``) is one cell, and the continuation of a vertically merged cell
(``vMerge``) contributes nothing to the rows below its first. An empty cell is written as
:data:`~govlint.document.BLANK_CELL`. A cell's paragraphs and line breaks are joined
(directly between Chinese characters, with a space otherwise). Automatic list numbering
(``一、`` headings made by Word's numbering) is written out as Word displays it (see
:mod:`govlint.readers.docx_numbering`). Page headers, footers, footnotes, comments, text
boxes and deleted tracked changes are not read; inserted tracked changes are.

The reader claims ``.docx`` files and any file whose bytes are a Word package (a ZIP
holding ``word/document.xml``), so ``--stdin-filename`` and a wrong suffix both work. A
legacy ``.doc``/``.wps`` file gets a hint to save it as ``.docx``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pluggy

from govlint.document import BLANK_CELL, CELL_SEPARATOR, BlockPlace, Document
from govlint.errors import ReadError

hookimpl = pluggy.HookimplMarker("govlint")

DOCX_SUFFIXES = [".docx"]
#: The one-line hint for a legacy binary Office file (named on the command line, or found in a
#: checked directory: :mod:`govlint.discovery` gives the same hint).
WORD_HINT = "旧版 Word/WPS 二进制格式（.doc/.wps）不受支持，请另存为 .docx 后再检查"
SHEET_HINT = "WPS 表格（.et）不是年度报告的文档格式，不受支持；报告请另存为 .docx 后再检查"
LEGACY_HINTS = {".doc": WORD_HINT, ".wps": WORD_HINT, ".et": SHEET_HINT}
_LEGACY_SUFFIXES = tuple(LEGACY_HINTS)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Elements whose text is not part of the body text (deleted revisions, text boxes, the
#: fallback copy of alternate content, field instructions are separate tags anyway).
_SKIP = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}pPr", f"{_W}rPr"})


@hookimpl
def govlint_read(path: str, data: bytes) -> Document | None:
    """Read Word packages; leave every other file to the next reader."""
    name = path.lower()
    if name.endswith(_LEGACY_SUFFIXES) and data.startswith(_OLE_MAGIC):
        raise ReadError(LEGACY_HINTS[name[name.rindex("."):]])
    is_package = data.startswith(_ZIP_MAGIC) and b"word/document.xml" in data
    if not (name.endswith(tuple(DOCX_SUFFIXES)) or is_package):
        return None
    text, places = read_docx_places(data)
    # The source shown by ``full`` output is the same text, with blank cells as spaces.
    return Document(path=path, text=text, encoding="docx", reader="docx", source=text.replace(BLANK_CELL, " "),
                    position_scheme="block:character", block_places=places)


@hookimpl
def govlint_report_suffixes() -> list[str]:
    """Suffixes found by directory search."""
    return list(DOCX_SUFFIXES)


def read_docx(data: bytes) -> str:
    """The linearised text of a .docx package: one block per line (see the module docstring)."""
    return read_docx_places(data)[0]


def read_docx_places(data: bytes) -> tuple[str, list[BlockPlace]]:
    """The linearised text and, per block, where it is in Word's terms (see :class:`BlockPlace`)."""
    if data.startswith(_OLE_MAGIC):
        raise ReadError("不是有效的 .docx 文件：文件已加密，或是另存为 .docx 的旧版 .doc 文件")
    if not data.startswith(_ZIP_MAGIC):
        raise ReadError("不是有效的 .docx 文件（.docx 应是 ZIP 压缩包）")
    import io
    import zipfile

    check_package(data)
    try:
        import docx  # python-docx: imported only when a Word file is read (start-up time)
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
    except ImportError:  # pragma: no cover - python-docx is a dependency of govlint
        raise ReadError('读取 .docx 需要 python-docx：pip install python-docx') from None
    try:
        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise ReadError("不是有效的 .docx 文件：ZIP 压缩包已损坏") from None
    except KeyError:
        raise ReadError("不是有效的 .docx 文件：缺少 Word 正文部件") from None
    except ValueError as exc:
        if "content type" in str(exc):
            raise ReadError("不是 .docx 文档：压缩包是其他 Office 格式（如 Excel、PowerPoint 或启用宏的 .docm）") from None
        raise ReadError("不是有效的 .docx 文件：内容无法解析") from None
    except Exception:  # lxml syntax errors, python-docx package errors, …
        raise ReadError("不是有效的 .docx 文件：文件已损坏，内容无法解析") from None
    from govlint.readers.docx_numbering import Numbering

    part = word.part
    body = _body(word)
    numbering = Numbering(_related(part, RT.NUMBERING), _related(part, RT.STYLES))
    blocks = [_one_line(block) for block in _blocks(body, numbering)]
    if not any(block.strip(" \t\u3000" + BLANK_CELL + CELL_SEPARATOR) for block in blocks):
        raise ReadError("Word 文件没有正文内容")
    return "\n".join(blocks) + "\n", block_places(body, blocks)


#: Members smaller than this are not held to the compression-ratio limit (tiny XML parts
#: compress well and cannot be bombs).
_RATIO_FLOOR = 1024 * 1024


def check_package(data: bytes) -> None:
    """Check the ZIP package against the unpacking limits *before* anything is inflated.

    The sizes come from the ZIP's central directory; Python's :mod:`zipfile` never inflates
    a member past its recorded size (it stops there and fails the CRC), so checking them is
    enough: a member that would inflate beyond ``max-unpacked-size`` in total, or by more
    than ``max-compression-ratio`` (a zip bomb), is refused without inflating a byte.
    """
    import io
    import zipfile

    from govlint import limits
    from govlint.limits import format_size

    current = limits.current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        raise ReadError("不是有效的 .docx 文件：ZIP 压缩包已损坏") from None
    if len(members) > 10_000:
        raise ReadError(f"不是有效的 .docx 文件：压缩包有 {len(members):,} 个成员，不像是 Word 文档")
    total = 0
    for member in members:
        total += member.file_size
        if total > current.max_unpacked_size:
            raise ReadError(f"Word 文件解压后超过 {format_size(current.max_unpacked_size)}"
                            "（可用 max-unpacked-size 设置），可能是压缩炸弹，未解压")
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > _RATIO_FLOOR and ratio > current.max_compression_ratio:
            raise ReadError(f"Word 文件的成员 {member.filename[:60]!r} 压缩比为 {ratio:,.0f}:1，超过上限 "
                            f"{current.max_compression_ratio}:1（可用 max-compression-ratio 设置），可能是压缩炸弹，未解压")


def _body(word: Any) -> Any:
    """The ``<w:body>`` of the main document part; :class:`ReadError` when the part has none."""
    element = getattr(word, "element", None)
    body = element.find(f"{_W}body") if element is not None and hasattr(element, "find") else None
    if element is None or getattr(element, "tag", None) != f"{_W}document" or body is None:
        raise ReadError("不是有效的 .docx 文件：Word 正文部件（word/document.xml）没有 <w:document>/<w:body>")
    return body


def _related(part: Any, reltype: str) -> Any:
    """The XML root of the part related to ``part`` by ``reltype``, or ``None``."""
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


# ----------------------------------------------------------------------------- body


def _children(element: Any) -> Iterator[Any]:
    """Children of ``element``, looking through content controls (``w:sdt``)."""
    for child in element:
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _children(content)
        elif child.tag in (f"{_W}customXml", f"{_W}smartTag"):
            yield from _children(child)
        else:
            yield child


def body_blocks(body: Any) -> Iterator[tuple[Any, list[Any], int, int]]:
    """The body's blocks in document order, as XML elements: the one definition of blocks.

    Yields ``(paragraph, [], 0, 0)`` for a paragraph and ``(row, cells, table, row number)``
    for a table row, where ``cells`` are the ``w:tc`` elements that start in the row (the
    continuation of a vertically merged cell is left out) and ``table``/``row number`` are
    1-based. ``govlint annotate`` walks the same blocks to put comments where findings are.
    """
    tables = 0
    for child in _children(body):
        if child.tag == f"{_W}p":
            yield child, [], 0, 0
        elif child.tag == f"{_W}tbl":
            tables += 1
            rows = [row for row in _children(child) if row.tag == f"{_W}tr"]
            for number, row in enumerate(rows, start=1):
                cells = [c for c in _children(row) if c.tag == f"{_W}tc" and not _continues_vertical_merge(c)]
                yield row, cells, tables, number


def block_places(body: Any, texts: list[str]) -> list[BlockPlace]:
    """Where each block is in Word's terms, from the same walk as the text (:func:`body_blocks`).

    Paragraphs are numbered as a drafter counts them: only paragraphs with visible text, so
    empty spacing paragraphs do not shift the count (an empty paragraph has no number). A
    table row's cells get their *grid* column (a horizontally merged cell counts its span,
    the continuation of a vertically merged cell keeps its column), so ``第3列`` is the
    column a drafter sees, and each cell's character range in the row's line.
    """
    places: list[BlockPlace] = []
    paragraphs = 0
    for (element, _cells, table, row), text in zip(body_blocks(body), texts):
        if element.tag == f"{_W}p":
            visible = bool(text.strip(" \t\u3000"))
            paragraphs += visible
            places.append(BlockPlace(paragraph=paragraphs if visible else 0))
            continue
        columns = _grid_columns(element)
        starts, position = [], 0
        for part in text.split(CELL_SEPARATOR):
            starts.append(position)
            position += len(part) + len(CELL_SEPARATOR)
        places.append(BlockPlace(table=table, row=row, cell_starts=tuple(starts), columns=tuple(columns[:len(starts)])))
    return places


def _grid_columns(row: Any) -> list[int]:
    """The 1-based grid column of each cell that starts in ``row`` (continuations left out)."""
    columns: list[int] = []
    properties = row.find(f"{_W}trPr")
    before = properties.find(f"{_W}gridBefore") if properties is not None else None
    column = 1 + (_int(before.get(f"{_W}val")) if before is not None else 0)
    for cell in _children(row):
        if cell.tag != f"{_W}tc":
            continue
        if not _continues_vertical_merge(cell):
            columns.append(column)
        cell_properties = cell.find(f"{_W}tcPr")
        span = cell_properties.find(f"{_W}gridSpan") if cell_properties is not None else None
        column += max(1, _int(span.get(f"{_W}val")) if span is not None else 1)
    return columns


def _int(value: Any) -> int:
    """An XML integer attribute, 0 when missing or malformed."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _blocks(body: Any, numbering: Any) -> Iterator[str]:
    """Blocks of the body in document order: paragraphs and table rows (one line per row:
    the cells that start in it, in column order)."""
    for element, cells, _, _ in body_blocks(body):
        if element.tag == f"{_W}p":
            yield numbering.label(element) + paragraph_text(element)
            continue
        texts = [_cell_text(cell, numbering) for cell in cells]
        yield CELL_SEPARATOR.join(text if text.strip() else BLANK_CELL for text in texts)


def _continues_vertical_merge(cell: Any) -> bool:
    """Whether ``cell`` is the continuation of a vertically merged cell above it."""
    properties = cell.find(f"{_W}tcPr")
    if properties is None:
        return False
    merge = properties.find(f"{_W}vMerge")
    if merge is None:
        return False
    return merge.get(f"{_W}val", "continue") != "restart"


def _cell_text(cell: Any, numbering: Any) -> str:
    """The text of a cell: its paragraphs (and those of nested tables) joined."""
    parts = [numbering.label(p) + paragraph_text(p) for p in cell.iter(f"{_W}p")]
    return join_pieces(part.strip() for part in parts)


# ----------------------------------------------------------------------------- text


def paragraph_text(paragraph: Any) -> str:
    """The text a reader sees in a paragraph: runs, hyperlinks and inserted revisions."""
    pieces: list[str] = []
    _collect(paragraph, pieces)
    return "".join(pieces)


def _collect(element: Any, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}t":
            pieces.append(child.text or "")
        elif tag == f"{_W}tab" or tag == f"{_W}ptab":
            pieces.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            if child.get(f"{_W}type") != "page":
                pieces.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            pieces.append("-")
        elif tag == f"{_W}p":  # a paragraph nested in a run (rare, e.g. in fields): keep lines apart
            pieces.append("\n")
            _collect(child, pieces)
        else:
            _collect(child, pieces)


def join_pieces(pieces: Any) -> str:
    """Join text pieces: directly between non-ASCII characters, with a space otherwise."""
    joined = ""
    for piece in pieces:
        if not piece:
            continue
        if joined and (joined[-1].isascii() or piece[0].isascii()) and joined[-1] != " " and piece[0] != " ":
            joined += " "
        joined += piece
    return joined


def _one_line(block: str) -> str:
    """A block with its internal line breaks joined (a block is one line of the document)."""
    if "\n" not in block and "\r" not in block and "\v" not in block:
        return block
    lines = block.replace("\r", "\n").replace("\v", "\n").split("\n")
    return join_pieces(line.strip() for line in lines)
