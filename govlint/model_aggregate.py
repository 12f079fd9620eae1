"""What the aggregate check (GOV605) knows about an aggregate report's units.

An aggregate report (a 区县's report of every 编制主体 in it, a system's report of its
offices; domain.md §11) must hold, in every table cell, the sum of its units' cells.
Each unit report is reduced to a :class:`UnitSummary` — its year, format, issuer and the
numbers of its table cells — so the rule never keeps (or re-parses) the units' reports and
is a pure function of the parent report and these summaries (:class:`AggregateUnits`,
set on ``Report.aggregate`` by :mod:`govlint.aggregate`).

A cell a unit does not state as a number (blank, ``/``, ``无``, a row read short, a table
not found) is ``None``: it is unknown, never zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from govlint.records import factory, record

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.model import Report, Row, Table

#: A cell's key: ``(table key, row key, column key)`` as in :mod:`govlint.templates`
#: (``("applications", "new", "natural")``, ``("item1", "normative", "issued")``).
CellKey = tuple[str, str, str]


@record
class UnitSummary:
    """One unit report, reduced to what the aggregate check compares.

    ``name`` is how messages name the unit (its issuer, else its file name); ``cells`` maps
    every compared cell of the unit's tables to its number, or ``None`` when the unit's
    cell is not a readable number. A cell of a table or row the unit lacks is absent.
    """

    path: str
    name: str
    year: int | None = None
    template: str = "unknown"
    issuer: str | None = None
    cells: dict[CellKey, int | float | None] = factory(dict)


@record
class ExcludedUnit:
    """A unit report that was not summed, and why (Chinese, one line)."""

    path: str
    reason: str


@record
class AggregateUnits:
    """The units of one aggregate report: those summed and those excluded.

    With any unit excluded the sums are unknowable: the rule names the excluded units and
    compares no cell (a missing unit is never counted as zero).
    """

    units: list[UnitSummary] = factory(list)
    excluded: list[ExcludedUnit] = factory(list)


def compared_cells(report: "Report") -> Iterator[tuple["Table", "Row", int, CellKey]]:
    """Every cell the aggregate check compares: ``(table, row, column index, key)``.

    Sections 二 (count columns only: money amounts such as 采购总金额 and 收费金额 are written
    in 元 or 万元 and rounded per unit, so their sum is not exact), 三 and 四 (every column,
    总计 included); only the template's data rows, never a province's extra rows.
    """
    tables = list(report.tables.active_disclosure)
    if report.tables.applications is not None:
        tables.append(report.tables.applications)
    if report.tables.review_litigation is not None:
        tables.append(report.tables.review_litigation)
    for table in tables:
        spec = table.spec
        if spec is None:
            continue
        data_rows = {r.key for r in spec.data_rows}
        skipped = set(spec.decimal_columns)
        for row in table.rows:
            if row.key not in data_rows:
                continue
            for index, column in enumerate(table.columns):
                if column.key not in skipped:
                    yield table, row, index, (table.key, row.key, column.key)


def cell_number(row: "Row", index: int) -> int | float | None:
    """The number in a row's cell, or ``None`` when the row or the cell cannot be read."""
    if row.status != "ok":
        return None
    return row.cells[index].value


def summarize(report: "Report", path: str) -> UnitSummary:
    """Reduce a unit's parsed report to its :class:`UnitSummary` (pure)."""
    cells = {key: cell_number(row, index) for _table, row, index, key in compared_cells(report)}
    name = report.issuer or PurePath(path).name or path
    return UnitSummary(path=path, name=name, year=report.year, template=report.template,
                       issuer=report.issuer, cells=cells)
