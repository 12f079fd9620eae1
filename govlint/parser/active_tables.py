"""Read the 第二十条 tables of section 二, wherever a conversion put them.

Each table is read from its caption to the next caption, with the format whose labels fit
it best. PDF-to-Markdown converters may write a caption apart from its table (the caption
above the other tables, its pipe table below the last one) and float multi-line cells under
the caption: the table is then found by its own header and row labels under another
caption (:func:`_relocate`), and the values under its caption that belong to no row are
kept as its ``stray_cells`` (:func:`stray_cells`), never read as numbers.
"""

from __future__ import annotations

from functools import partial

from govlint import regex
from govlint.model import Cell, Table
from govlint.parser.anchors import Anchor, KeyRegion, LabelSpec, find_each, find_sequence
from govlint.parser.normalize import TextView
from govlint.parser.tables import perfect_fit, read_table, resolve_splits, table_score
from govlint.parser.tokens import pieces
from govlint.templates import TableSpec

_SPACE_RUN_RE = regex.compile(r"\s+")
#: A line opening with one of these, right under a cell, continues that cell (an annotation).
_OPENING_BRACKETS = "(（[【"


def read_active_tables(view: TextView, region: KeyRegion, formats: list, glued_document: bool = False) -> list[Table]:
    """The 第二十条 tables of section 二, each read with the format whose labels fit it best.

    ``formats`` are :class:`govlint.templates.Format` objects, preferred one first. A table
    is read from its caption to the next caption, unless its caption is followed by none of
    its rows while its header and rows stand under another caption (see
    :func:`_relocate`). Values under a caption that belong to no row are kept as the
    table's ``stray_cells``.
    """
    specs: dict[str, list[TableSpec]] = {}
    for fmt in formats:
        for spec in fmt.active:
            specs.setdefault(spec.key, []).append(spec)
    order = sorted(specs, key=lambda key: int(key.removeprefix("item")))
    found = find_sequence(region, [LabelSpec.of(specs[key][0].caption, key) for key in order])
    placed = [a for _, a in sorted((a.start, a) for a in found if a is not None)]
    own = {
        anchor.spec.ident: (anchor.end, placed[n + 1].start if n + 1 < len(placed) else region.end)
        for n, anchor in enumerate(placed)
    }
    blocks = _relocate(view, region, own, specs)
    tables: list[Table] = []
    for anchor in placed:
        key = anchor.spec.ident
        best = _best_active_table(view, region.sub(*blocks[key]), specs[key], anchor, glued_document)
        if best is not None:
            moved = blocks[key][0] != own[key][0]
            stray_end = own[key][1] if moved else _body_start(region.sub(*blocks[key]), specs[key])
            best.stray_cells = stray_cells(view, own[key][0], stray_end)
            tables.append(best)
    return tables


def _best_active_table(view: TextView, region: KeyRegion, specs: list[TableSpec], caption: Anchor,
                       glued_document: bool) -> Table | None:
    """The table in ``region`` read with the spec (format) whose labels fit it best."""
    best: Table | None = None
    for spec in specs:
        result = read_table(view, region, spec, caption, glued_document=glued_document)
        if result is None:
            continue
        table, pending = result
        resolve_splits(view, pending, [], table)
        if best is None or _column_fit(table) > _column_fit(best) or (
            _column_fit(table) == _column_fit(best) and table_score(table) > table_score(best)
        ):
            best = table
        if perfect_fit(best):
            break  # the preferred format fits every label: no need to try the other
    return best


def _exact_rows(region: KeyRegion, specs: list[TableSpec]) -> list[Anchor]:
    """The row labels of a table (any of its formats) found exactly in ``region``, in order."""
    found: dict[int, Anchor] = {}
    for spec in specs:
        for anchor in find_sequence(region, [LabelSpec.of(r.label, r) for r in spec.data_rows]):
            if anchor is not None and anchor.exact:
                found.setdefault(anchor.start, anchor)
    return [found[start] for start in sorted(found)]


def _exact_columns(region: KeyRegion, specs: list[TableSpec]) -> list[Anchor]:
    """The column labels of a table (any of its formats) found exactly in ``region``."""
    found = []
    for spec in specs:
        column_specs = [LabelSpec.of(label, key) for key, label in spec.columns]
        found.extend(a for a in find_each(region, column_specs) if a is not None and a.exact)
    return found


def _body_start(region: KeyRegion, specs: list[TableSpec]) -> int:
    """Where a table's header (or, without one, its first row) starts in ``region``."""
    rows = _exact_rows(region, specs)
    first_row = rows[0].start if rows else region.end
    columns = _exact_columns(region.sub(region.start, first_row), specs)
    return min([first_row] + [a.start for a in columns])


def _relocate(view: TextView, region: KeyRegion, own: dict[str, tuple[int, int]],
              specs: dict[str, list[TableSpec]]) -> dict[str, tuple[int, int]]:
    """Where each table is read: its caption's block, or the block it was moved to.

    PDF-to-Markdown converters write a caption apart from its table: ``第二十条第（一）项``
    above the other captions, its pipe table (``| 信息内容 | 本年制发件数 | … |`` and the rows
    规章 / 行政规范性文件) below the last table. A caption followed by none of its own row
    labels takes its table from another caption's block when, after that block's own rows,
    the table's header (its own column labels) is followed by its own row labels; the host
    block then ends where the header line starts. Without its own header and rows nothing
    moves (the table stays missing).
    """
    blocks = dict(own)
    for key, (start, end) in own.items():
        if _exact_rows(region.sub(start, end), specs[key]):
            continue
        for host, (host_start, host_end) in blocks.items():
            if host == key:
                continue
            cut = _displaced_start(view, region.sub(host_start, host_end), specs[key], specs[host])
            if cut is not None:
                blocks[host] = (host_start, cut)
                blocks[key] = (cut, host_end)
                break
    return blocks


def _displaced_start(view: TextView, host: KeyRegion, specs: list[TableSpec],
                     host_specs: list[TableSpec]) -> int | None:
    """Start of the line where ``specs``' header begins inside ``host``, after the host's rows.

    ``None`` unless the table's own column labels stand between the host's last row and the
    table's first row label, and no host row follows.
    """
    rows = _exact_rows(host, specs)
    if not rows:
        return None
    first_row = rows[0].start
    host_rows = _exact_rows(host, host_specs)
    if any(a.start >= first_row for a in host_rows):
        return None
    after_host = max((a.end for a in host_rows), default=host.start)
    columns = _exact_columns(host.sub(after_host, first_row), specs)
    if not columns:
        return None
    header = min(a.start for a in columns)
    return max(after_host, view.text.rfind("\n", after_host, header) + 1)


def stray_cells(view: TextView, start: int, end: int) -> list[Cell]:
    """Values in ``view.text[start:end]`` that belong to no row, one cell per written cell.

    A converter may float a table's multi-line cells under its caption (``22`` /
    ``（其中修订 16 件）``): each line holding a value is a cell, and a line opening with a
    bracket right below one continues it (an annotation wrapped under its number). The
    cells are kept as text (``value`` ``None``): which row and column they belong to is
    unknown, so they are never read as numbers.
    """
    cells: list[Cell] = []
    first_of_cell = -1
    previous_line = -1
    line_start = start
    while line_start < end:
        line_end = view.text.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        found = pieces(view.text, line_start, line_end)
        if any(p.is_value for p in found):
            first, last = found[0].start, found[-1].end
            text = _SPACE_RUN_RE.sub("", view.original(first, last))
            continues = cells and previous_line == line_start - 1 and view.text[first] in _OPENING_BRACKETS
            if continues:
                text = cells.pop().raw + text
            else:
                first_of_cell = first
            cells.append(Cell(None, text, None, "text", locate=partial(view.span, first_of_cell, last)))
            previous_line = line_end
        line_start = line_end + 1
    return cells


def _column_fit(table: Table) -> float:
    return sum(c.similarity for c in table.columns) / max(len(table.columns), 1)
