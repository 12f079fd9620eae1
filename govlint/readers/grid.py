"""A table's grid written as text lines: shared by the readers that see a table's cells (HTML, PDF).

A reader places each cell of a table at its column (spans expanded: a cell covered by a
``rowspan``/``colspan`` or a merged PDF cell is not placed again) and hands the grid to
:func:`grid_lines`, which writes one line per row, cells joined by
:data:`~govlint.document.CELL_SEPARATOR`, an empty data cell as
:data:`~govlint.document.BLANK_CELL`.

Which empty cells are *blank cells* is decided by the grid's columns, never cell by cell,
so a missing value is reported as blank and a row never shifts, while grid artefacts do not
turn into values:

* only a **value column** holds blank cells: one at or right of the first column that
  holds a value (labels are to its left; an empty label cell, such as a row label split
  over two pages, is not a value);
* only a **real column** does: one where some row has a non-empty cell starting. A column
  empty in every row (a phantom column made by a stray ruling line, or a header that spans
  a column the data rows do not have) is not a column;
* only under the header rows above (a column no header names is not a column of the table)
  and not in the header rows themselves, nor in blank spacer rows or after the last row with
  content.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

from govlint import regex
from govlint.document import BLANK_CELL, CELL_SEPARATOR

#: A cell that reads as a value (a number, a dash or a word meaning "nothing").
VALUE_RE = regex.compile(
    r"^(?:[-+]?\d[\d,，.]*\s*(?:万元|元|件|条|个|项|次|%)?|[/／\\~～-]+|[—－]+|无|空|N/?A|不适用)$", re.IGNORECASE
)


class GridCell:
    """A cell placed in the grid: first column, columns covered, text and origin.

    ``text`` is the cell's cleaned text (``""`` for an empty cell: whitespace and line breaks
    only); ``origin`` maps each of its characters to a source offset; ``start`` is the offset
    a blank marker or a separator written for the cell points at.
    """

    __slots__ = ("col", "width", "text", "origin", "start", "kind")

    def __init__(self, col: int, width: int, text: str, origin: array, start: int) -> None:
        self.col = col
        self.width = width
        self.text = text
        self.origin = origin
        self.start = start
        self.kind = "blank" if not text else ("value" if VALUE_RE.match(text) else "text")


def grid_lines(grid: list[list[GridCell]]) -> list[tuple[int, str, array]]:
    """``(row index, line, origin)`` of each row that writes something (see the module docstring)."""
    data_start = _data_start(grid)
    real = _real_columns(grid)
    last_content = max((r for r, cells in enumerate(grid) if any(c.kind != "blank" for c in cells)), default=-1)
    lines: list[tuple[int, str, array]] = []
    headed: set[int] | None = None  # columns under the header rows above (None: no header yet)
    previous_header = False
    for r, cells in enumerate(grid):
        header = data_start is not None and any(c.kind == "text" and c.col >= data_start for c in cells)
        if header:
            if not previous_header or headed is None:
                headed = set()
            for c in cells:
                if c.kind != "blank":
                    headed.update(range(c.col, c.col + c.width))
        if cells and not all(c.kind == "blank" for c in cells):
            previous_header = header
        if all(c.kind == "blank" for c in cells) and data_start != 0:
            continue  # a spacer row (a table without label columns keeps its blank rows)
        pieces: list[tuple[str, array, int]] = []
        for c in cells:
            if c.kind != "blank":
                pieces.append((c.text, c.origin, c.start))
            elif (data_start is not None and not header and c.col >= data_start and c.col in real
                  and r <= last_content and (headed is None or c.col in headed)):
                pieces.append((BLANK_CELL, array("l", [c.start]), c.start))
        if pieces:
            text, origin = _join(pieces)
            lines.append((r, text, origin))
    return lines


def _join(pieces: list[tuple[str, array, int]]) -> tuple[str, array]:
    """A row's cells joined by :data:`CELL_SEPARATOR`, with their origins.

    A label cell ending in a colon and its value (``发布机构：`` | ``示例县…`` in a page's
    metadata table) are one field, not two cells.
    """
    texts: list[str] = []
    origin = array("l")
    for index, (piece_text, piece_origin, start) in enumerate(pieces):
        if index and not pieces[index - 1][0].endswith((":", "：")):
            texts.append(CELL_SEPARATOR)
            origin.extend([start] * len(CELL_SEPARATOR))
        texts.append(piece_text)
        origin.extend(piece_origin)
    return "".join(texts), origin


def _real_columns(grid: Iterable[list[GridCell]]) -> set[int]:
    """Columns where some row has a non-empty cell starting (see the module docstring)."""
    return {c.col for cells in grid for c in cells if c.kind != "blank"}


def _data_start(grid: list[list[GridCell]]) -> int | None:
    """The first column that holds values (labels are to its left)."""
    columns = [c.col for cells in grid for c in cells if c.kind == "value"]
    if columns:
        return min(columns)
    # No value at all (a form left empty): the first blank cell right of a label.
    found = []
    for cells in grid:
        seen_text = False
        for c in cells:
            if c.kind == "text":
                seen_text = True
            elif c.kind == "blank" and seen_text:
                found.append(c.col)
                break
    return min(found) if found else None
