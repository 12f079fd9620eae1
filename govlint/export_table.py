"""The parsed reports' tables in long form (``govlint extract --format csv|parquet``).

One record per table cell, with the file's issuer, year and template beside it, so a
spreadsheet or a data frame can pivot across hundreds of reports without reading JSON.
Every input yields at least one record: a file that cannot be read has one record with
``error`` set, a file in which no table was found one record with the table columns empty.
The columns are a contract documented in the README (only ever added at the end).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from govlint.errors import GovlintError
from govlint.model import Cell, LegacyRow, Report, Row, Table

#: The columns, in order (CSV header and Parquet schema).
COLUMNS = (
    "file", "issuer", "year", "template", "table", "row_key", "row_label", "official_label",
    "column_key", "column_label", "unit", "value", "raw", "kind", "status", "inferred", "line", "column", "error",
)

#: The key of the pre-2019 statistics table and its two value columns.
LEGACY_TABLE = "legacy_statistics"
LEGACY_COLUMNS = (("this_year", "本年度"), ("cumulative", "历年累计"))

#: Row statuses whose values could not be assigned to columns (their found values follow).
UNASSIGNED = ("short", "long", "unreadable")

Record = dict[str, Any]


def _file_fields(report: Report) -> Record:
    return {"file": report.path, "issuer": report.issuer, "year": report.year, "template": report.template}


def _cell_fields(cell: Cell) -> Record:
    span = cell.span
    return {
        "value": cell.value, "raw": cell.raw, "kind": cell.kind, "inferred": cell.inferred,
        "line": span.line if span else None, "column": span.column if span else None,
    }


def _row_records(base: Record, table: Table, row: Row) -> Iterator[Record]:
    """The cells of one row; then, if they could not be assigned to columns, the values found."""
    head = {**base, "row_key": row.key, "row_label": row.label, "official_label": row.official_label,
            "status": row.status}
    for column, cell in zip(table.columns, row.cells):
        yield {**head, "column_key": column.key, "column_label": column.label, **_cell_fields(cell)}
    if row.status in UNASSIGNED:
        for cell in row.found_cells:
            yield {**head, **_cell_fields(cell)}


def _table_records(base: Record, table: Table) -> Iterator[Record]:
    head = {**base, "table": table.key}
    for row in table.rows + table.extra_rows:
        yield from _row_records(head, table, row)
    for cell in table.stray_cells:
        yield {**head, "status": "stray", **_cell_fields(cell)}


def _legacy_records(base: Record, row: LegacyRow) -> Iterator[Record]:
    head = {**base, "table": LEGACY_TABLE, "row_label": row.label, "official_label": row.label,
            "unit": row.unit, "status": row.status}
    for (key, label), cell in zip(LEGACY_COLUMNS, row.cells):
        yield {**head, "column_key": key, "column_label": label, **_cell_fields(cell)}
    if row.status in UNASSIGNED and row.raw:
        span = row.span
        yield {**head, "raw": row.raw, "line": span.line if span else None,
               "column": span.column if span else None}


def report_records(report: Report) -> Iterator[Record]:
    """One record per table cell of ``report`` (one record without a table if it has none)."""
    base = _file_fields(report)
    produced = False
    for table in report.tables.all():
        for item in _table_records(base, table):
            produced = True
            yield item
    for row in report.legacy_statistics:
        for item in _legacy_records(base, row):
            produced = True
            yield item
    if not produced:
        yield dict(base)


def table_records(parsed: Iterable[tuple[str, Report | None, str | None]]) -> Iterator[Record]:
    """The records of every input ``(path, report or None, error or None)``, in input order."""
    for path, report, error in parsed:
        if report is None:
            yield error_record(path, error or "")
        else:
            yield from report_records(report)


def error_record(path: str, error: str) -> Record:
    """The one record of a file that could not be read."""
    return {"file": path, "error": error}


def json_record(path: str, report: Report | None, error: str | None) -> Record:
    """The JSON record of one input: the parsed report with ``error: null``, or why it was unreadable.

    An unreadable file's record has only ``schema_version``, ``govlint_version``, ``path``
    and ``error``, so the records always match the inputs one for one.
    """
    from govlint import __version__
    from govlint.export import SCHEMA_VERSION, report_to_dict

    if report is None:
        return {"schema_version": SCHEMA_VERSION, "govlint_version": __version__, "path": path, "error": error}
    return {**report_to_dict(report), "error": None}


# --------------------------------------------------------------------------- writers

def write_csv(records: Iterable[Record], stream: TextIO) -> None:
    """Write ``records`` as CSV (UTF-8 with BOM; ``stream`` opened with ``newline=""``)."""
    from govlint.csv_text import CsvSink

    CsvSink(stream, COLUMNS).write_all(records)


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise GovlintError('--format parquet needs pyarrow: pip install "govlint[data]"') from None
    return pyarrow


def parquet_schema():
    """The Parquet schema: numbers as numbers (``value`` as float64), the rest as text."""
    pa = _pyarrow()
    types = {"year": pa.int32(), "value": pa.float64(), "inferred": pa.bool_(), "line": pa.int32(),
             "column": pa.int32()}
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


class ParquetSink:
    """Writes records to a Parquet file in batches (memory stays bounded on big runs)."""

    BATCH = 50_000

    def __init__(self, path: Path) -> None:
        pa = _pyarrow()
        self._pa = pa
        self._schema = parquet_schema()
        self._pending: list[Record] = []
        try:
            self._writer = pa.parquet.ParquetWriter(str(path), self._schema)
        except OSError as exc:
            raise GovlintError(f"--output-file：无法写入 {path}：{exc}") from None

    def write(self, record: Record) -> None:
        """Add one record (written when the batch is full or on :meth:`close`)."""
        self._pending.append(record)
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        rows = [{name: record.get(name) for name in COLUMNS} for record in self._pending]
        self._writer.write_table(self._pa.Table.from_pylist(rows, schema=self._schema))
        self._pending = []

    def close(self) -> None:
        """Write what is pending and finish the file."""
        self._flush()
        self._writer.close()
