"""CSV as spreadsheet users open it: UTF-8 with a BOM, and no cell read as a formula.

Excel and WPS read a CSV file without a byte-order mark in the system's code page (GBK on
a Chinese Windows), which turns every Chinese character into mojibake; with the BOM they
read UTF-8. File names, labels and messages come from the reports (untrusted), and a cell
that starts with ``=``, ``+``, ``@`` or ``-`` followed by letters is run as a formula by a
spreadsheet ("CSV injection"): such text cells get a leading apostrophe, which spreadsheets
hide. Numbers and placeholders such as ``-`` or ``-3`` are left as written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

BOM = "\ufeff"

_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]*$))")


def safe_text(value: str) -> str:
    """``value``, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return "'" + value if _FORMULA.match(value) else value


def cell_text(value: Any) -> str:
    """The CSV text of one value: empty for ``None``, ``true``/``false`` for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return safe_text(str(value))


class CsvSink:
    """Writes rows of ``columns`` to a text stream: the BOM, the header, then the rows.

    The stream should be opened with ``newline=""`` (as the csv module asks); lines end in
    ``\\r\\n`` as in RFC 4180 and in the files Excel writes.
    """

    def __init__(self, stream: TextIO, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self._writer = csv.writer(stream, lineterminator="\r\n")
        stream.write(BOM)
        self._writer.writerow(self.columns)

    def write(self, row: Mapping[str, Any]) -> None:
        """Write one row (keys missing from ``row`` are empty cells)."""
        self._writer.writerow([cell_text(row.get(column)) for column in self.columns])

    def write_all(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Write every row of ``rows``."""
        for row in rows:
            self.write(row)
