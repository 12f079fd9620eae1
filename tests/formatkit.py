"""Write one synthetic report as .txt, .md, .html, .docx and .pdf (for the reader tests).

The report comes from :mod:`govlint.synthetic`: ``.txt`` is the ``rows`` style and ``.md``
the ``markdown`` style of :func:`govlint.synthetic.render`; ``.html``, ``.docx`` and ``.pdf``
are written here from the same layout, with the tables' merged cells as a real report has
them (the note and 申请人情况 header cells spanning rows and columns, 三、本年度办理结果 and
its sub-groups spanning the rows they group). ``.docx`` is written with python-docx, ``.pdf``
with reportlab's built-in CID font ``STSong-Light`` (no font file needed), a running header
and a ``- N -`` page number on every page.

A :class:`Sample` is the spec plus deliberate defects the spec cannot express: ``blank``
names cells to leave empty, as ``(row label, value index)`` (plain text cannot show an empty
cell, so the ``.txt`` writes ``/`` there: a placeholder, also never read as 0), and ``edits``
replaces text (``{old: new}``) in every format, e.g. to misword a section title.

Every sentence comes from :mod:`govlint.synthetic`; none comes from a real report.
"""

from __future__ import annotations

import html as html_escape
import io
from dataclasses import dataclass

from govlint.synthetic import ReportSpec, render
from govlint.synthetic.render import _blocks, _Grid  # the layout behind every style

#: The running header printed at the top of every PDF page.
PDF_RUNNING_HEADER = "政府信息公开工作年度报告（示例）"


@dataclass
class Sample:
    """A synthetic report and the defects to write into every format."""

    spec: ReportSpec
    blank: frozenset[tuple[str, int]] = frozenset()
    edits: tuple[tuple[str, str], ...] = ()

    def edit(self, text: str) -> str:
        """``text`` with :attr:`edits` applied."""
        for old, new in self.edits:
            text = text.replace(old, new)
        return text

    def blocks(self):
        """The layout blocks of the report, edits applied."""
        blocks = _blocks(self.spec)
        for block in blocks:
            block.text = self.edit(block.text)
        return blocks


@dataclass
class Placed:
    """A table cell placed on the grid: top-left row/column, spans and text."""

    row: int
    column: int
    rowspan: int
    colspan: int
    text: str


@dataclass
class Table:
    """A table as a grid of placed cells."""

    rows: int
    columns: int
    cells: list[Placed]


def _rowspans(grid: _Grid) -> dict[tuple[int, int], int]:
    """``{(body row, level): rows spanned}`` for each group cell opening at a body row."""
    spans: dict[tuple[int, int], int] = {}
    for index, row in enumerate(grid.rows):
        for level, _ in row.groups:
            end = index + 1
            while end < len(grid.rows):
                nxt = grid.rows[end]
                if any(lv <= level for lv, _ in nxt.groups) or nxt.level <= level:
                    break
                end += 1
            spans[(index, level)] = end - index
    return spans


def layout(grid: _Grid, blank: set[tuple[str, int]] = frozenset()) -> Table:
    """Place the cells of a synthetic table as a real report's table has them."""
    cells: list[Placed] = []
    width = grid.label_columns + len(grid.rows[0].values)
    top = 0
    if grid.kind == "active":
        cells.append(Placed(0, 0, 1, width, grid.caption or ""))
        cells.extend(Placed(1, c, 1, 1, text) for c, text in enumerate(grid.header[0]))
        top = 2
    elif grid.kind == "applications":
        note, applicants = grid.header[0]
        natural, organisations, total = grid.header[1]
        cells += [Placed(0, 0, 3, 3, note), Placed(0, 3, 1, 7, applicants),
                  Placed(1, 3, 2, 1, natural), Placed(1, 4, 1, 5, organisations), Placed(1, 9, 2, 1, total)]
        cells.extend(Placed(2, 4 + c, 1, 1, text) for c, text in enumerate(grid.header[2]))
        top = 3
    else:
        review, suits = grid.header[0]
        cells += [Placed(0, 0, 1, 5, review), Placed(0, 5, 1, 10, suits)]
        parts = grid.header[1][:5]
        cells.extend(Placed(1, c, 2, 1, text) for c, text in enumerate(parts))
        cells += [Placed(1, 5, 1, 5, grid.header[1][5]), Placed(1, 10, 1, 5, grid.header[1][6])]
        cells.extend(Placed(2, 5 + c, 1, 1, text) for c, text in enumerate(grid.header[2]))
        top = 3
    spans = _rowspans(grid)
    for index, row in enumerate(grid.rows):
        r = top + index
        for level, label in row.groups:
            cells.append(Placed(r, level, spans[(index, level)], 1, label))
        if row.label:
            cells.append(Placed(r, row.level, 1, grid.label_columns - row.level, row.label))
        for n, value in enumerate(row.values):
            text = "" if (row.label or "", n) in blank else value
            cells.append(Placed(r, grid.label_columns + n, 1, 1, text))
    return Table(top + len(grid.rows), width, cells)


# ----------------------------------------------------------------------------- text formats


def write_txt(sample: Sample) -> bytes:
    """The ``rows`` style; a blank cell is written ``/`` (plain text cannot show it empty)."""
    spec, blank = sample.spec, sample.blank
    lines = sample.edit(render(spec, "rows")).split("\n")
    for n, line in enumerate(lines):
        cells = line.split("\t")
        for label, index in blank:
            if label in cells:
                cells[len(cells) - _values(spec, label) + index] = "/"
        lines[n] = "\t".join(cells)
    return "\n".join(lines).encode("utf-8")


def write_md(sample: Sample) -> bytes:
    """The ``markdown`` style with the ``blank`` cells left empty."""
    spec, blank = sample.spec, sample.blank
    lines = sample.edit(render(spec, "markdown")).split("\n")
    for n, line in enumerate(lines):
        if not line.startswith("|"):
            continue
        cells = line.strip().strip("|").split("|")
        for label, index in blank:
            if any(cell.strip() == label for cell in cells):
                cells[len(cells) - _values(spec, label) + index] = "  "
        lines[n] = "|" + "|".join(cells) + "|"
    return "\n".join(lines).encode("utf-8")


def _values(spec: ReportSpec, label: str) -> int:
    for block in _blocks(spec):
        if block.grid is not None:
            for row in block.grid.rows:
                if row.label == label:
                    return len(row.values)
    raise KeyError(label)


# ----------------------------------------------------------------------------- HTML


def write_html(sample: Sample) -> bytes:
    """An article page: ``<h1>``/``<h2>``/``<p>`` and tables with rowspan/colspan and ``&nbsp;``."""
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title></head><body>',
           '<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>', '<div class="article">']
    for block in sample.blocks():
        text = html_escape.escape(block.text)
        if block.kind == "title":
            out.append(f"<h1>{text}</h1>")
        elif block.kind == "heading":
            out.append(f"<h2>{text}</h2>")
        elif block.kind in ("para", "signature"):
            out.append(f"<p>&nbsp;&nbsp;{text}</p>")
        else:
            table = layout(block.grid, sample.blank)
            out.append('<table border="1">')
            for r in range(table.rows):
                out.append("<tr>")
                for cell in (c for c in table.cells if c.row == r):
                    attributes = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                        f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                    content = html_escape.escape(cell.text) if cell.text else "&nbsp;"
                    out.append(f"<td{attributes}>{content}</td>")
                out.append("</tr>")
            out.append("</table>")
    out.append("</div></body></html>\n")
    return "\n".join(out).encode("utf-8")


# ----------------------------------------------------------------------------- Word


def write_docx(sample: Sample) -> bytes:
    """A Word document written with python-docx: styled headings, paragraphs, merged cells."""
    import docx

    document = docx.Document()
    for block in sample.blocks():
        if block.kind == "title":
            document.add_paragraph(block.text, style="Title")
        elif block.kind == "heading":
            document.add_paragraph(block.text, style="Heading 1")
        elif block.kind in ("para", "signature"):
            document.add_paragraph(block.text)
        else:
            add_docx_table(document, layout(block.grid, sample.blank))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_docx_table(document, table: Table):
    """Add ``table`` to a python-docx document, merging the spanned cells."""
    from docx.table import _Cell

    word_table = document.add_table(rows=table.rows, cols=table.columns)
    word_table.style = "Table Grid"
    # Look every cell up once before merging (python-docx's table.cell() walks the whole table).
    grid = [[_Cell(tc, word_table) for tc in tr.tc_lst] for tr in word_table._tbl.tr_lst]
    for cell in table.cells:
        target = grid[cell.row][cell.column]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid[cell.row + cell.rowspan - 1][cell.column + cell.colspan - 1])
        target.text = cell.text
    return word_table


# ----------------------------------------------------------------------------- PDF


def write_pdf(sample: Sample) -> bytes:
    """A PDF written with reportlab in the CID font STSong-Light (no font file needed).

    Every page has a running header (:data:`PDF_RUNNING_HEADER`) and a ``- N -`` page number;
    tables are ruled grids with merged cells, so a PDF reader can find their cells.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=6.5, leading=8, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=20, alignment=1, spaceAfter=8)
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=18, spaceBefore=6, spaceAfter=4)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        width, height = doc.pagesize
        canvas.drawCentredString(width / 2, height - 12 * mm, PDF_RUNNING_HEADER)
        canvas.drawCentredString(width / 2, 10 * mm, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for block in sample.blocks():
        if block.kind == "title":
            story.append(Paragraph(html_escape.escape(block.text), title))
        elif block.kind == "heading":
            story.append(Paragraph(html_escape.escape(block.text), heading))
        elif block.kind in ("para", "signature"):
            story.append(Paragraph(html_escape.escape(block.text), body))
        else:
            table = layout(block.grid, sample.blank)
            data = [["" for _ in range(table.columns)] for _ in range(table.rows)]
            commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            for cell in table.cells:
                data[cell.row][cell.column] = Paragraph(html_escape.escape(cell.text), cell_style) if cell.text else ""
                if cell.rowspan > 1 or cell.colspan > 1:
                    commands.append(("SPAN", (cell.column, cell.row),
                                     (cell.column + cell.colspan - 1, cell.row + cell.rowspan - 1)))
            usable = landscape(A4)[0] - 30 * mm
            if block.grid.kind == "applications":
                widths = [22 * mm, 30 * mm, 60 * mm] + [(usable - 112 * mm) / 7] * 7
            else:
                first = 40 * mm if block.grid.label_columns else usable / table.columns
                rest = (usable - first) / (table.columns - 1)
                widths = [first] + [rest] * (table.columns - 1)
            story.append(Spacer(1, 4))
            story.append(PdfTable(data, colWidths=widths, style=TableStyle(commands)))
            story.append(Spacer(1, 4))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), topMargin=22 * mm, bottomMargin=20 * mm,
                            leftMargin=15 * mm, rightMargin=15 * mm, title="年度报告", invariant=1)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


WRITERS = {".txt": write_txt, ".md": write_md, ".html": write_html, ".docx": write_docx, ".pdf": write_pdf}
