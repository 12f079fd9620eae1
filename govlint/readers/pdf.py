"""The PDF reader (optional extra ``govlint[pdf]``, read with pdfplumber).

Position scheme ``page:line``. A PDF has no lines a user can edit, so a diagnostic's
*line* is the **page number** (1-based) and its *column* the **line within that page**
(1-based, counted in the extracted text below, after page furniture is removed).
``报告.pdf:3:12`` is the 12th line of page 3. The document text is the extracted text; each
of its lines carries its ``(page, line)`` (:attr:`~govlint.document.Document.page_lines`).

What is extracted, page by page, top to bottom:

* **tables** (ruled grids found by pdfplumber): one line per table row, the cells that start
  in the row in column order joined by :data:`~govlint.document.CELL_SEPARATOR`; a merged
  cell is read once (the cells it covers contribute nothing) and a cell's wrapped lines are
  joined. An empty cell (nothing, or only whitespace and line breaks) in a value column is
  written as :data:`~govlint.document.BLANK_CELL`, so the row keeps its columns; an empty
  cell that is not in a real value column (a phantom column drawn by a stray ruling line, an
  empty label cell) writes nothing (see :mod:`govlint.readers.grid`). A table continued on
  the next page simply continues there, row after row;
* **text** outside the tables, one line per printed line (wrapped lines stay separate, as
  the parser expects of PDF text);
* **page furniture is removed**: page numbers (``- 3 -``, ``—3—``, ``第3页``, ``第3页 共9页``,
  ``3/9``, a bare number at the top or bottom of the page) and running headers and footers
  (a line at the top or bottom of the page that recurs, numbers aside, on at least half of
  the pages, two at least).

Without pdfplumber installed a PDF is reported with a one-line hint to install the extra
(exit 2). Encrypted, damaged and image-only (scanned) PDFs are reported as unreadable.
"""

from __future__ import annotations

import pluggy

from govlint.document import BLANK_CELL, Document

hookimpl = pluggy.HookimplMarker("govlint")

PDF_SUFFIXES = [".pdf"]
INSTALL_HINT = '读取 PDF 需要安装可选组件：pip install "govlint[pdf]"'


@hookimpl
def govlint_read(path: str, data: bytes) -> Document | None:
    """Read PDF files (by suffix or by the ``%PDF-`` signature)."""
    if not (path.lower().endswith(tuple(PDF_SUFFIXES)) or data[:1024].lstrip().startswith(b"%PDF-")):
        return None
    from govlint.readers.pdf_extract import join_wrapped, read_pdf  # imported when a PDF is read

    lines, pages, joined = read_pdf(data)
    text, origin = join_wrapped("\n".join(lines) + "\n", joined)
    # The source shown by ``full`` output: the extracted lines, blank cells as spaces.
    source = "\n".join(lines).replace(BLANK_CELL, " ") + "\n"
    return Document(path=path, text=text, encoding="pdf", reader="pdf", source=source, origin=origin,
                    position_scheme="page:line", page_lines=pages)


@hookimpl
def govlint_report_suffixes() -> list[str]:
    """Suffixes found by directory search."""
    return list(PDF_SUFFIXES)
