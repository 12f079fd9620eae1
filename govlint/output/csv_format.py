"""CSV output: ``csv`` (one row per finding) and ``summary-csv`` (one row per file).

Both open correctly in Excel and WPS (UTF-8 with BOM, see :mod:`govlint.csv_text`). The
columns are a contract documented in the README: they are only ever added at the end.
"""

from __future__ import annotations

from govlint.csv_text import CsvSink
from govlint.output.base import Formatter, Places
from govlint.summary import summarize

#: ``--output-format csv``: one row per finding, in the order of the other formats.
FINDING_COLUMNS = (
    "file", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "plugin", "url",
    "place",
)

#: ``--output-format summary-csv``: one row per input file, in input order.
SUMMARY_COLUMNS = (
    "file", "issuer", "year", "template", "errors", "warnings", "infos", "unreadable", "error", "top_codes",
)


class CsvFormatter(Formatter):
    """One row per finding (unreadable files appear through their GOV001 finding)."""

    name = "csv"
    machine_readable = True

    def render(self, result) -> None:
        sink = CsvSink(self.stream, FINDING_COLUMNS)
        place = Places(result)
        for d in result.diagnostics:
            sink.write({
                "file": d.path, "line": d.line, "column": d.column, "end_line": d.end_line,
                "end_column": d.end_column, "code": d.code, "name": d.name, "severity": d.severity.value,
                "message": d.message, "plugin": d.plugin, "url": d.url or None,
                "place": place(d),
            })


class SummaryCsvFormatter(Formatter):
    """One row per input file, clean and unreadable files included."""

    name = "summary-csv"
    machine_readable = True

    def render(self, result) -> None:
        sink = CsvSink(self.stream, SUMMARY_COLUMNS)
        for f in summarize(result).files:
            sink.write({
                "file": f.path, "issuer": f.issuer, "year": f.year, "template": f.template,
                "errors": f.errors, "warnings": f.warnings, "infos": f.infos, "unreadable": f.unreadable,
                "error": f.error, "top_codes": f.top_codes_text(),
            })
