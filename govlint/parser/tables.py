"""Read the statistical tables of sections 二, 三 and 四 into :class:`~govlint.model.Table`.

Anchor on the labels, whatever separates the cells: the values of a row are the values
between its label and the next label. A row with more or fewer values than the table has
columns is recorded as ``short``/``long`` with every cell ``missing`` — its values cannot be
assigned to columns without guessing, and the next row is never touched. Digits that ran
together (crawler text, stray spaces between some cells included) are split only when the
reading is unique: :mod:`govlint.parser.splitter` lists each row's own readings and
:mod:`govlint.parser.solve` settles the table as a whole; otherwise the row is ``unreadable``.
"""

from __future__ import annotations

import functools
from functools import partial

from govlint import regex
from govlint.model import Cell, Column, Problem, Row, Table
from govlint.parser.anchors import Anchor, KeyRegion, LabelSpec, find_each, find_sequence
from govlint.parser.normalize import TextView, label_key
from govlint.parser.solve import IdentityTerms, settle
from govlint.parser.splitter import split_groups_with_totals, split_plain, split_with_total
from govlint.parser.tokens import Piece, pieces
from govlint.records import factory, record
from govlint.templates import (
    APPLICANT_HEADER_LABELS,
    APPLICATION_NOTE,
    REVIEW_HEADER_LABELS,
    REVIEW_TABLE,
    RowSpec,
    TableSpec,
    table_name,
)


@record
class RowValues:
    """The values found for one labelled row, before they become cells."""

    values: list[Piece]
    extras: list[tuple[str, int, int, list[Piece]]] = factory(list)


class Fragments:
    """The labels of a table: text made only of them (or of pieces of them) belongs to it.

    Crawler text runs header cells together (``行政复议行政诉讼结果维持…总计``) and PDF text
    breaks them (``法提供`` from ``（四）无法提供`` across a page break); both are table
    text, not a foreign sentence that ends the table.
    """

    def __init__(self, labels: list[str]) -> None:
        self.keys = sorted({k for k in (label_key(label) for label in labels) if k}, key=len, reverse=True)
        self.joined = "\x00".join(self.keys)
        self._seen: dict[str, bool] = {}

    def __contains__(self, text: str) -> bool:
        known = self._seen.get(text)
        if known is None:
            known = self._seen[text] = self._covers(label_key(text))
        return known

    def _covers(self, key: str) -> bool:
        position = 0
        while position < len(key):
            step = next((len(k) for k in self.keys if key.startswith(k, position)), 0)
            if step == 0:
                return key[position:] in self.joined
            position += step
        return True


@functools.lru_cache(maxsize=64)
def _fragments(spec: TableSpec, extra_labels: tuple[str, ...]) -> Fragments:
    """The label set of a table (cached per template table)."""
    return Fragments(
        [r.label for r in spec.rows] + [label for _, label in spec.columns] + list(extra_labels)
        + ["信息内容", spec.caption]
    )


def read_values(view: TextView, start: int, end: int, fragments: Fragments) -> RowValues:
    """Values in ``view.text[start:end]``; text that is no table label ends the row.

    Foreign text followed by values is an extra, unlabelled-by-the-template row (for
    example a province's additional row); it is returned in ``extras``.
    """
    result = RowValues([])
    current = result.values
    for piece in pieces(view.text, start, end):
        if piece.is_value:
            current.append(piece)
            continue
        if piece.text in fragments:
            continue
        extra: list[Piece] = []
        result.extras.append((piece.text, piece.start, piece.end, extra))
        current = extra
    result.extras = [e for e in result.extras if e[3]]
    return result


def _cell(view: TextView, piece: Piece) -> Cell:
    start, end = piece.start, piece.end
    # Quote the cell as written (—, ／, １２) unless it is plain digits (the common case).
    kind = piece.kind
    raw = piece.text if kind == "blank" or piece.text.isdigit() else view.original(start, end)
    return Cell(piece.value, raw, None, kind, locate=partial(view.span, start, end))


def _missing_cells(count: int) -> list[Cell]:
    return [Cell(None, "", None, "missing") for _ in range(count)]


@record
class DigitRun:
    """A row's digits that ran together, as the splitter reads them.

    ``text`` is the splitter's run form (digits, one space where the text had whitespace:
    a space is a cell boundary, see :mod:`govlint.parser.splitter`); ``positions`` gives
    the view index of each of its characters, so every recovered cell keeps its own span.
    """

    text: str
    positions: list[int]

    @classmethod
    def of(cls, text: str, values: list[Piece]) -> "DigitRun | None":
        """The run of ``values`` (view pieces), or ``None`` unless they are plain digit
        strings separated by nothing but spaces."""
        if not values or not all(v.digits_only for v in values):
            return None
        chars: list[str] = []
        positions: list[int] = []
        for previous, piece in zip([None, *values], values):
            if previous is not None:
                if text[previous.end : piece.start].strip(" "):
                    return None  # a line break or a pipe: the cells are separated
                chars.append(" ")
                positions.append(previous.end)
            chars.append(piece.text)
            positions.extend(range(piece.start, piece.end))
        return cls("".join(chars), positions)

    @property
    def leading_zero(self) -> bool:
        """Whether a digit string of the run starts with 0 (``00``): several cells ran together."""
        return any(len(chunk) > 1 and chunk[0] == "0" for chunk in self.text.split(" "))


@record
class PendingSplit:
    """A row whose digits ran together, with every split that satisfies its own constraints."""

    row: Row
    run: DigitRun
    candidates: list[list[int]]


def _digit_cells(view: TextView, run: DigitRun, numbers: list[int] | tuple[int, ...]) -> list[Cell]:
    """Cells cut from one run of digits, each with its own span."""
    cells = []
    index = 0
    for number in numbers:
        while run.text[index] == " ":
            index += 1
        width = len(str(number))
        start, end = run.positions[index], run.positions[index + width - 1] + 1
        cells.append(Cell(number, str(number), None, "number", inferred=True, locate=partial(view.span, start, end)))
        index += width
    return cells


def _touches(text: str, label_end: int, values: list[Piece]) -> bool:
    """Whether the first value follows its label with no separator (``数量21710000218``)."""
    return bool(values) and not _SEPARATOR_RE.search(text, label_end, values[0].start)


def build_row(
    view: TextView, spec: RowSpec, anchor: Anchor, found: RowValues, columns: int, has_total: bool,
    table_glued: bool = False,
) -> tuple[Row, PendingSplit | None]:
    """A :class:`Row` from its anchor and values (splitting run-together digits if needed).

    ``table_glued`` says other rows of the table have their values glued to their labels
    (crawler text): then a row whose digits are too few cells ran together too, even where
    a stray space separates it from its label or separates some of its cells.
    """
    values = found.values
    row = Row(
        key=spec.key,
        label=anchor.text,
        official_label=spec.label,
        span=view.span(anchor.start, anchor.end),
        cells=[],
        found=len(values),
        found_cells=[_cell(view, v) for v in values],
        similarity=anchor.similarity,
    )
    run = DigitRun.of(view.text, values) if columns > 1 else None
    # a digit string too long to be one count (see tokens.MAX_NUMBER_DIGITS) has no value
    readable = all(v.kind != "number" or v.value is not None for v in values)
    if len(values) == columns and readable and not (table_glued and run is not None and run.leading_zero):
        row.cells = row.found_cells
        return row, None
    row.cells = _missing_cells(columns)
    touching = _touches(view.text, anchor.end, values)
    if run is not None and len(values) <= columns:
        candidates = split_with_total(run.text, columns) if has_total else split_plain(run.text, columns)
        if len(values) == 1:
            # Evidence that the digits ran together; without it the row is simply short.
            evidence = touching or run.leading_zero or table_glued or (has_total and bool(candidates))
        else:
            # Several values with too few cells: only crawler text makes them one run.
            evidence = touching or table_glued
        if evidence:
            row.status = "unreadable"
            return row, PendingSplit(row, run, candidates)
    if not readable or (values and ((touching and run_together(view.text, anchor.end, values)) or table_glued)):
        row.status = "unreadable"  # e.g. 29-23293 or 00元 run together: the cells cannot be told apart
        return row, None
    row.status = "short" if len(values) < columns else "long"
    return row, None


_SEPARATOR_RE = regex.compile(r"[\s|]")
#: A label, a long digit run and the next label touching (a stray space allowed):
#: ``申请数量21710000218二、上年``.
_GLUED_RUN_RE = regex.compile(r"[^\x00-\x7f] ?\d{5,} ?[^\x00-\x7f\d]")


def document_runs_together(view: TextView, start: int, end: int) -> bool:
    """Whether the tables of this document lost their cell separators (crawler text).

    Three or more places in the tables' sections where a label, a run of five or more digits
    and the next label touch each other (at most a stray space between) do not happen in a
    table whose cells are separated; they are the mark of text captured without the table's
    markup. Then every row with too few values is
    treated as run together, including a one-row table with a stray space after its label.
    """
    return sum(1 for _ in zip(range(3), _GLUED_RUN_RE.finditer(view.text, start, end))) >= 3


def run_together(text: str, label_end: int, values: list[Piece]) -> bool:
    """Whether a row's values ran together: glued to the label and to each other.

    Only then may one number be read as several cells (``行政规范性文件6233440``). Values
    separated by spaces, tabs, line breaks or pipes are separate cells even when there are
    too few of them: a lone ``12`` in ``其他 | 12 |`` is one cell of a short row, never 1|2.
    """
    if _SEPARATOR_RE.search(text, label_end, values[0].start):
        return False
    return all(not _SEPARATOR_RE.search(text, a.end, b.start) for a, b in zip(values, values[1:]))


def _missing_row(spec: RowSpec, columns: int) -> Row:
    return Row(spec.key, "", spec.label, None, _missing_cells(columns), status="missing")


def resolve_splits(view: TextView, pending: list[PendingSplit], identities: list[IdentityTerms], table: Table) -> None:
    """Settle run-together rows as a table (see :mod:`govlint.parser.solve`).

    ``identities`` are lists of ``(row key, sign)`` whose signed sum is zero in every
    column (for section 三: results sum to （七）总计; 一 + 二 = （七） + 四). A row is split
    when its own constraints leave one candidate, or when every combination of candidates
    that satisfies all identities jointly gives it the same one; otherwise it stays
    ``unreadable`` with every cell missing.
    """
    known = {r.key: [c.value for c in r.cells] for r in table.rows if r.status == "ok"}
    settled = settle(known, {p.row.key: p.candidates for p in pending}, identities)
    for item in pending:
        numbers = settled.get(item.row.key)
        if numbers is None:
            item.row.status = "unreadable"
            item.row.cells = _missing_cells(len(item.row.cells))
        else:
            item.row.cells = _digit_cells(view, item.run, numbers)
            item.row.status = "ok"


# --------------------------------------------------------------------------- generic labelled table

def _columns(view: TextView, region: KeyRegion, spec: TableSpec, header_end: int,
             masks: tuple[str, ...] = (), fragments: Fragments | None = None) -> list[Column]:
    header = region.sub(region.start, max(region.start, header_end))
    specs = [LabelSpec.of(label, key) for key, label in spec.columns]
    anchors = find_each(header, specs, masks, fragments) if header.key else [None] * len(specs)
    columns = []
    for (key, label), anchor in zip(spec.columns, anchors):
        if anchor is None:
            columns.append(Column(key, label, None, None, 0.0))
        else:
            columns.append(Column(key, label, anchor.text, view.span(anchor.start, anchor.end), anchor.similarity))
    return columns


def read_table(
    view: TextView,
    region: KeyRegion,
    spec: TableSpec,
    caption: Anchor | None,
    extra_labels: tuple[str, ...] = (),
    has_total: bool = False,
    glued_document: bool = False,
) -> tuple[Table, list[PendingSplit]] | None:
    """Read a table with labelled rows in ``region``; ``None`` if no row label is there."""
    end = region.end
    fragments = _fragments(spec, extra_labels)
    row_specs = [LabelSpec.of(r.label, r) for r in spec.rows]
    anchors = find_sequence(region, row_specs, fragments)
    if not any(a is not None and a.exact for a in anchors):
        return None  # text that merely resembles a row label is no table
    first = min(a.start for a in anchors if a is not None)
    columns = _columns(view, region, spec, first, extra_labels, fragments)
    placed = sorted((a.start, i) for i, a in enumerate(anchors) if a is not None)
    next_start = {i: (placed[n + 1][0] if n + 1 < len(placed) else end) for n, (_, i) in enumerate(placed)}
    table = Table(
        key=spec.key,
        caption=caption.text if caption else "",
        official_caption=spec.caption,
        span=view.span(caption.start, caption.end) if caption else view.span(first, first + 1),
        columns=columns,
        rows=[],
        caption_similarity=caption.similarity if caption else 0.0,
        spec=spec,
    )
    pending: list[PendingSplit] = []
    found_values = {
        index: read_values(view, anchor.end, next_start[index], fragments)
        for index, (row_spec, anchor) in enumerate(zip(spec.rows, anchors))
        if row_spec.data and anchor is not None
    }
    table_glued = glued_document or any(
        f.values and run_together(view.text, anchors[i].end, f.values[:1]) for i, f in found_values.items()
    )
    unlabelled = unlabelled_rows(view.text, spec, anchors, found_values)
    for index, (row_spec, anchor) in enumerate(zip(spec.rows, anchors)):
        if not row_spec.data:
            continue
        if anchor is None:
            run = unlabelled.get(index)
            table.rows.append(_positional_row(view, row_spec, run) if run else _missing_row(row_spec, len(spec.columns)))
            continue
        found = found_values[index]
        row, split = build_row(view, row_spec, anchor, found, len(spec.columns), has_total, table_glued)
        table.rows.append(row)
        if split:
            pending.append(split)
        for label, l_start, l_end, values in found.extras:
            extra = Row(
                key="extra",
                label=label,
                official_label="",
                span=view.span(l_start, l_end),
                cells=[_cell(view, v) for v in values] if len(values) == len(spec.columns) else _missing_cells(len(spec.columns)),
                status="ok" if len(values) == len(spec.columns) else ("short" if len(values) < len(spec.columns) else "long"),
                found=len(values),
                found_cells=[_cell(view, v) for v in values],
                similarity=0.0,
            )
            table.extra_rows.append(extra)
    return table, pending


def line_runs(text: str, values: list[Piece]) -> list[list[Piece]]:
    """``values`` grouped by line: a line break between two values starts a new group."""
    runs: list[list[Piece]] = []
    for piece in values:
        if runs and "\n" not in text[runs[-1][-1].end : piece.start]:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def unlabelled_rows(text: str, spec: TableSpec, anchors: list[Anchor | None],
                    found_values: dict[int, RowValues]) -> dict[int, list[Piece]]:
    """Number rows without a label that belong to the template rows missing at their place.

    PDF-to-Markdown converters lose row labels or float them elsewhere (above the table,
    above another row), leaving a bare number row (``| 0 | 0 | 0 | 0 | 0 | 0 | 0 |``). Such
    a row lies in the value range of the recognised row before it. When the template rows
    between two recognised rows are all missing and that range holds, line by line, exactly
    one complete row for the recognised row and one for each missing row, the assignment in
    template order is the only one possible: the extra lines become those rows. The next
    recognised row must have its own complete line of values (else the bare line may be
    its values, written above its label). Anything else (a wrapped row, a short line,
    labelled foreign text) is left as it was read.

    Returns the values of each template row (index into ``spec.rows``) so placed; the
    recognised row's own values are cut down to its first line in ``found_values``.
    """
    columns = len(spec.columns)
    data = [index for index, row in enumerate(spec.rows) if row.data]
    placed: dict[int, list[Piece]] = {}
    if columns < 2:
        return placed  # a lone number on a line is too weak a sign of a row
    for position, index in enumerate(data):
        found = found_values.get(index)
        if anchors[index] is None or found is None or found.extras:
            continue
        gap = []
        following = position + 1
        while following < len(data) and anchors[data[following]] is None:
            gap.append(data[following])
            following += 1
        if not gap or following == len(data) or len(found.values) != columns * (len(gap) + 1):
            continue
        if not _opens_with_a_row(text, found_values.get(data[following]), columns):
            continue  # the next row's values may be the bare line, written above its label
        runs = line_runs(text, found.values)
        if len(runs) != len(gap) + 1 or any(len(run) != columns for run in runs):
            continue
        found.values = runs[0]
        placed.update(zip(gap, runs[1:]))
    return placed


def _opens_with_a_row(text: str, found: RowValues | None, columns: int) -> bool:
    """Whether a recognised row's first line of values is a complete row."""
    runs = line_runs(text, found.values) if found is not None else []
    return bool(runs) and len(runs[0]) == columns


def _positional_row(view: TextView, spec: RowSpec, values: list[Piece]) -> Row:
    """A template row whose label is not beside its values, read from its number line."""
    cells = [_cell(view, v) for v in values]
    return Row(spec.key, "", spec.label, view.span(values[0].start, values[-1].end), cells,
               found=len(values), found_cells=cells, positional=True)


def table_score(table: Table | None) -> tuple[int, int]:
    """How well a table fits its spec: (rows read with the right cell count, -rows missing)."""
    if table is None:
        return (-1, -100)
    good = sum(1 for r in table.rows if r.status == "ok")
    missing = sum(1 for r in table.rows if r.status == "missing")
    return (good - len(table.extra_rows), -missing)


# --------------------------------------------------------------------------- format fit

def perfect_fit(table: Table | None) -> bool:
    """Every row and column label found exactly, every row read: the format certainly fits."""
    return (
        table is not None
        and not table.extra_rows
        and all(r.status != "missing" and r.similarity == 1.0 for r in table.rows)
        and all(c.similarity == 1.0 for c in table.columns)
    )


# --------------------------------------------------------------------------- section 三

def application_identities(spec: TableSpec) -> list[list[tuple[str, int]]]:
    """Column identities of section 三 (results add up to （七）总计, and the balance), from the template."""
    return [list(identity.terms) for identity in spec.identities]


def read_applications(view: TextView, region: KeyRegion, formats: list, glued_document: bool = False) -> Table | None:
    """The section 三 table, read with whichever format's rows fit best."""
    best: Table | None = None
    note = find_sequence(region, [LabelSpec.of(APPLICATION_NOTE)])[0]
    for fmt in formats:
        spec = fmt.applications
        result = read_table(view, region, spec, note, APPLICANT_HEADER_LABELS + (APPLICATION_NOTE,), has_total=True,
                            glued_document=glued_document)
        if result is None:
            continue
        table, pending = result
        resolve_splits(view, pending, application_identities(spec), table)
        table.official_caption = APPLICATION_NOTE
        if best is None or table_score(table) > table_score(best):
            best = table
        if perfect_fit(best):
            break
    return best


# --------------------------------------------------------------------------- section 四

_REVIEW_LABELS = REVIEW_HEADER_LABELS + tuple(label for _, label in REVIEW_TABLE.columns)
#: Header cells only section 四 has: without one of them, values nearby belong to another table.
_REVIEW_DISTINCT = tuple(label_key(x) for x in ("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉"))
#: Every header label, longest first (their last occurrence ends the header).
_REVIEW_HEADER_KEYS = tuple(sorted({label_key(x) for x in _REVIEW_LABELS}, key=len, reverse=True))


def read_review(
    view: TextView, region: KeyRegion, glued_document: bool = False
) -> tuple[Table | None, list[Problem]]:
    """The 15 cells of section 四: three groups of 维持/纠正/其他/尚未审结/总计.

    The header is found on the key view (its cells may be split over lines, letter-spaced
    or run together); the cells are the values after its last label. Text that is not a
    header label splits the rest into value runs, and the run with the table's values is used
    (a sentence like ``2023年度未发生行政复议`` does not lend its year to the table).
    Fewer than 15 values that ran together (glued to the header, or stray spaces between
    some cells of crawler text, ``glued_document``) are split when the group totals leave
    one reading of the whole run.
    """
    end = region.end
    if not any(d in region.key for d in _REVIEW_DISTINCT):
        return None, []
    header_start, header_end = None, None
    for label in _REVIEW_HEADER_KEYS:
        position = region.key.find(label)
        while position != -1:
            if header_start is None or position < header_start:
                header_start = position
            if header_end is None or position + len(label) > header_end:
                header_end = position + len(label)
            position = region.key.find(label, position + len(label))
    view_header_start = region.view_start(header_start)
    view_header_end = region.view_end(header_end)
    fragments = Fragments(list(_REVIEW_LABELS) + [REVIEW_TABLE.caption])
    runs: list[list[Piece]] = [[]]
    for piece in pieces(view.text, view_header_end, end):
        if piece.is_value:
            runs[-1].append(piece)
        elif piece.text in fragments:
            continue
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    if not runs:
        return None, []
    columns = [Column(key, label) for key, label in REVIEW_TABLE.columns]
    size = len(columns)
    groups = len(REVIEW_TABLE.rows)
    expected = size * groups
    chosen = next((r for r in runs if len(r) == expected), None)
    numbers: list[list[Cell]] | None = None
    glued = False
    if chosen is not None:
        cells = [_cell(view, p) for p in chosen]
        numbers = [cells[g * size : (g + 1) * size] for g in range(groups)]
    else:
        chosen = max(runs, key=len)
        run = DigitRun.of(view.text, chosen)
        splittable = (
            run is not None and len(chosen) < expected
            and (glued_document or _touches(view.text, view_header_end, chosen))
        )
        glued = splittable or run_together(view.text, view_header_end, chosen)
        if splittable:
            solutions = split_groups_with_totals(run.text, groups, size)
            if len(solutions) == 1:
                cells = _digit_cells(view, run, solutions[0])
                numbers = [cells[g * size : (g + 1) * size] for g in range(groups)]
    table = Table(
        key=REVIEW_TABLE.key,
        caption="",
        official_caption=REVIEW_TABLE.caption,
        span=view.span(view_header_start, view_header_start + 1),
        columns=columns,
        rows=[],
        spec=REVIEW_TABLE,
    )
    for index, (key, label) in enumerate((r.key, r.label) for r in REVIEW_TABLE.rows):
        if numbers is not None:
            first = numbers[index][0]
            table.rows.append(Row(key, label, label, first.span, numbers[index], found=size,
                                  found_cells=numbers[index]))
            continue
        status = "unreadable" if glued else ("short" if len(chosen) < expected else "long")
        span = view.span(chosen[0].start, chosen[-1].end)
        table.rows.append(Row(key, label, label, span, _missing_cells(size), status=status, found=len(chosen),
                              found_cells=[_cell(view, p) for p in chosen]))
    return table, []


def table_problems(tables) -> list[Problem]:
    """What could not be read in the tables (exported by ``govlint extract``)."""
    problems: list[Problem] = []
    for table in tables.all():
        if table.stray_cells:
            shown = "、".join(c.raw for c in table.stray_cells)
            problems.append(Problem("stray-cells", f"{table_name(table.key)}有无法归入行和列的单元格（{shown}），未参与核对",
                                    table.stray_cells[0].span))
        for row in table.rows + table.extra_rows:
            where = f"{table_name(table.key)}「{row.label or row.official_label}」行"
            expected = len(table.columns)
            if row.status == "unreadable":
                raw = "".join(c.raw for c in row.found_cells)
                problems.append(Problem("unreadable-row", f"{where}的数字连在一起（{raw}），无法唯一拆分为{expected}个单元格", row.span))
            elif row.status in ("short", "long"):
                problems.append(Problem("row-cell-count", f"{where}应有{expected}个数值，找到{row.found}个", row.span))
    return problems
