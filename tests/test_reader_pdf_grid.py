"""Ruled PDF tables: which empty grid cells are blank cells (govlint.readers.grid, pdf_extract).

An empty grid cell is a *blank cell* (reported, never read as 0, never dropped so that the
row shifts) only in a real value column; a phantom column made by a stray ruling line, an
empty label cell (a row label continued from the previous page) and a cell holding only a
line break in such a column are not values.

The PDFs are generated with reportlab's built-in CID font STSong-Light; all text is synthetic.
"""

from __future__ import annotations

import functools
import io
import random

import pytest

pytest.importorskip("pdfplumber", reason="the PDF reader needs the optional extra: pip install 'govlint[pdf]'")
pytest.importorskip("reportlab", reason="the PDF tests generate their PDFs with reportlab (test extra)")

from formatkit import Placed, Sample, layout  # noqa: E402
from govlint.document import BLANK_CELL, CELL_SEPARATOR, Document  # noqa: E402
from govlint.parser import parse  # noqa: E402
from govlint.readers import pdf as pdf_reader  # noqa: E402
from govlint.readers import pdf_extract  # noqa: E402
from govlint.synthetic import ReportSpec, compare  # noqa: E402

SPEC = ReportSpec.random(random.Random(17), template="2021")
BLANK_ROW = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
#: Width of a phantom column (a stray ruling line close to a table's edge), in points.
PHANTOM = 5.0


def read(data: bytes) -> Document:
    document = pdf_reader.govlint_read(path="r.pdf", data=data)
    assert document is not None
    return document


def table_lines(document: Document) -> list[str]:
    return [line for line in document.text.splitlines() if CELL_SEPARATOR in line]


def _styles():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6.5, leading=8, wordWrap="CJK")
    return body, cell


def _pdf_table(rows: list[list[str]], widths: list[float], spans: list[tuple] = ()):
    """A ruled reportlab table (every cell a paragraph, ``""`` an empty grid cell)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    _, cell = _styles()
    data = [[Paragraph(text, cell) if text else "" for text in row] for row in rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *(("SPAN", start, end) for start, end in spans)]
    return Table(data, colWidths=widths, style=TableStyle(commands))


def _build(story) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), invariant=1, leftMargin=40, rightMargin=40).build(story)
    return buffer.getvalue()


def _with_phantoms(placed: list[Placed], columns: int, labels: int) -> tuple[list[Placed], int]:
    """The table with two empty phantom columns: one after the label columns, one at the right.

    A cell spanning across a phantom's place (a caption, 申请人情况) spans it too, as a
    header drawn over a stray ruling line does.
    """
    moved = []
    for c in placed:
        column = c.column + (1 if c.column >= labels else 0)
        end = c.column + c.colspan  # exclusive, before the move
        colspan = c.colspan + (1 if c.column < labels < end else 0) + (1 if end == columns and c.column == 0 else 0)
        moved.append(Placed(c.row, column, c.rowspan, colspan, c.text))
    return moved, columns + 2


@functools.cache
def report_pdf(phantoms: bool, blank: tuple[tuple[str, int], ...] = ()) -> bytes:
    """The synthetic report as a PDF; with ``phantoms`` every table has two phantom columns."""
    from html import escape

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    body, _ = _styles()
    sample = Sample(SPEC, frozenset(blank))
    story = []
    for block in sample.blocks():
        if block.grid is None:
            story.append(Paragraph(escape(block.text), body))
            continue
        table = layout(block.grid, sample.blank)
        labels = max(block.grid.label_columns, 1 if block.grid.kind == "active" else 0)
        placed, columns = table.cells, table.columns
        if phantoms:
            placed, columns = _with_phantoms(placed, columns, labels)
        rows = [["" for _ in range(columns)] for _ in range(table.rows)]
        spans = []
        for c in placed:
            rows[c.row][c.column] = escape(c.text)
            if c.rowspan > 1 or c.colspan > 1:
                spans.append(((c.column, c.row), (c.column + c.colspan - 1, c.row + c.rowspan - 1)))
        usable = landscape(A4)[0] - 30 * mm - (2 * PHANTOM if phantoms else 0)
        if block.grid.kind == "applications":  # as formatkit.write_pdf draws it
            widths = [22 * mm, 30 * mm, 60 * mm] + [(usable - 112 * mm) / 7] * 7
        else:
            first = 40 * mm if block.grid.label_columns else usable / table.columns
            widths = [first] + [(usable - first) / (table.columns - 1)] * (table.columns - 1)
        if phantoms:
            widths.insert(labels, PHANTOM)
            widths.append(PHANTOM)
        story += [Spacer(1, 4), _pdf_table(rows, widths, spans), Spacer(1, 4)]
    return _build(story)


# ----------------------------------------------------------------------------- whole reports


def test_phantom_columns_are_not_columns() -> None:
    document = read(report_pdf(phantoms=True))
    assert BLANK_CELL not in document.text
    report = parse(document)
    assert compare(SPEC, report) == []
    rows = [row for table in report.tables.all() for row in table.rows]
    assert rows and all(row.status == "ok" for row in rows)


def test_genuinely_blank_cell_in_the_middle_stays_blank() -> None:
    document = read(report_pdf(phantoms=True, blank=((BLANK_ROW, 3),)))
    [line] = [line for line in table_lines(document) if BLANK_ROW in line]
    values = line.split(CELL_SEPARATOR)[-7:]
    assert values[3] == BLANK_CELL and BLANK_CELL not in values[:3] + values[4:]
    table = parse(document).tables.applications
    [row] = [row for row in table.rows if row.key == "partly_granted"] or [
        row for row in table.rows if row.label == BLANK_ROW]
    assert row.status == "ok"
    assert [cell.kind for cell in row.cells].count("blank") == 1 and row.cells[3].kind == "blank"
    assert [c.value for n, c in enumerate(row.cells) if n != 3] == [
        v for n, v in enumerate(SPEC.applications[row.key]) if n != 3]


# ----------------------------------------------------------------------------- small grids


def grid_pdf(rows: list[list[str]], widths: list[float]) -> bytes:
    return _build([_pdf_table(rows, widths)])


HEADER = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]


def test_phantom_column_between_label_and_values() -> None:
    rows = [[HEADER[0], "", *HEADER[1:]], ["规章", "", "6", "4", "31"], ["规范性文件", "", "2", "9", "17"]]
    lines = table_lines(read(grid_pdf(rows, [120, PHANTOM, 90, 90, 90])))
    assert lines == [CELL_SEPARATOR.join(HEADER), "规章 | 6 | 4 | 31", "规范性文件 | 2 | 9 | 17"]


def test_blank_middle_cell_beside_a_phantom_column() -> None:
    rows = [[*HEADER, ""], ["规章", "6", "", "31", ""], ["规范性文件", "2", "9", "17", ""]]
    lines = table_lines(read(grid_pdf(rows, [120, 90, 90, 90, PHANTOM])))
    assert lines[1:] == [f"规章 | 6 | {BLANK_CELL} | 31", "规范性文件 | 2 | 9 | 17"]


def test_empty_label_cell_is_not_a_value() -> None:
    """A table continued on a new page: the group label's cell is empty (its text is above)."""
    rows = [["", "续表", "甲项", "5", "0", "5"], ["", "", "乙项", "1", "1", "2"], ["合计", "", "", "6", "1", "7"]]
    lines = table_lines(read(grid_pdf(rows, [30, 60, 120, 60, 60, 60])))
    assert lines == ["续表 | 甲项 | 5 | 0 | 5", "乙项 | 1 | 1 | 2", "合计 | 6 | 1 | 7"]


class _Row:
    def __init__(self, cells: list, top: float) -> None:
        self.cells = cells
        self.bbox = (cells[0][0] if cells[0] else 0.0, top, 400.0, top + 20.0)


class _Table:
    """What pdfplumber gives for a ruled table: rows of cell boxes over the columns, and texts."""

    def __init__(self, edges: list[float], texts: list[list[str | None]]) -> None:
        bounds = [*edges, 400.0]
        self.rows = [_Row([None if text is None else (bounds[n], 20.0 * r, bounds[n + 1], 20.0 * r + 20.0)
                           for n, text in enumerate(row)], 20.0 * r) for r, row in enumerate(texts)]
        self.texts = texts

    def extract(self) -> list[list[str | None]]:
        return self.texts


def _lines(table: _Table) -> list[str]:
    from govlint.readers.grid import grid_lines

    return [text for _, text, _ in grid_lines(pdf_extract._table_grid(table))]


def test_cell_holding_only_a_line_break_is_not_a_value() -> None:
    table = _Table([0.0, 100.0, 150.0, 200.0, 250.0], [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "\n"],
        ["规章", "6", "4", "31", "\n"],
        ["规范性文件", "2", " \n ", "17", ""],
    ])
    assert _lines(table) == [CELL_SEPARATOR.join(HEADER), "规章 | 6 | 4 | 31", f"规范性文件 | 2 | {BLANK_CELL} | 17"]


def test_merged_cells_are_read_once() -> None:
    table = _Table([0.0, 100.0, 150.0, 200.0], [["标题", None, None, None], ["甲", "1", "2", "3"]])
    table.rows[0].cells[0] = (0.0, 0.0, 400.0, 20.0)
    assert _lines(table) == ["标题", "甲 | 1 | 2 | 3"]
