"""Cross-year pairing: a small per-report summary, the year index, the predecessor choice.

The cross-year rules (GOV602–GOV604, ``scope="pair"``) compare a report with the same
issuer's report of the year before. Keeping every parsed report of a run until all are
read would make memory grow with the number of files, so each report is reduced, once, to a
:class:`PairSummary` — the facts the pair rules read of a predecessor: its identity, a few
table cells, the text of sections 一, 五 and 六. Summaries are plain data (picklable,
JSON-serialisable): a worker process returns one with each result, and the cache stores it.
The lead keeps them in a temporary file (:class:`SummaryStore`) and in memory only what
choosing a predecessor needs (:class:`YearIndex`).

A pair rule sees ``report.previous`` as the predecessor's summary: ``.year``, ``.path``,
``.template``, ``.issuer``, ``value(table, row, column)`` and ``section_text(number)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govlint.records import factory, record

#: The table cells of a predecessor the pair rules read: ``(table, rows)``; every column of
#: those rows is kept. ``applications`` is section 三's table, ``item1`` section 二's
#: 第二十条第（一）项 table.
PAIR_CELLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("applications", ("carried_out",)),
    ("item1", ("rules", "normative")),
)
#: The sections whose text the pair rules compare (GOV604).
PAIR_SECTIONS = (1, 5, 6)


@record
class PairSummary:
    """What the cross-year rules need of one report, in place of the parsed report.

    ``cells`` maps ``"table/row/column"`` to the number read in that cell (cells that could
    not be read are absent); ``sections`` maps a section number to its text.
    """

    path: str
    issuer: str | None = None
    year: int | None = None
    template: str | None = None
    cells: dict[str, int | float] = factory(dict)
    sections: dict[int, str] = factory(dict)

    def value(self, table: str, row: str, column: str) -> int | float | None:
        """The number in a cell of the predecessor, or ``None`` when it could not be read."""
        return self.cells.get(f"{table}/{row}/{column}")

    def section_text(self, number: int) -> str | None:
        """The text of section ``number`` (1, 5 or 6), or ``None`` when the report lacks it."""
        return self.sections.get(number)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form (section numbers as strings)."""
        return {"path": self.path, "issuer": self.issuer, "year": self.year, "template": self.template,
                "cells": dict(self.cells), "sections": {str(k): v for k, v in self.sections.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PairSummary":
        """The inverse of :meth:`to_dict`."""
        return cls(data["path"], data.get("issuer"), data.get("year"), data.get("template"),
                   dict(data.get("cells") or {}), {int(k): v for k, v in (data.get("sections") or {}).items()})


def _table(report: Any, key: str) -> Any:
    if key == "applications":
        return report.tables.applications
    return next((t for t in report.tables.active_disclosure if t.key == key), None)


def pair_summary(report: Any) -> PairSummary:
    """The summary of a parsed report (computed once per report, in the process that parsed it)."""
    cells: dict[str, int | float] = {}
    for table_key, rows in PAIR_CELLS:
        table = _table(report, table_key)
        if table is None:
            continue
        for row in rows:
            for column in table.column_keys:
                value = table.value(row, column) if table.row(row) is not None else None
                if value is not None:
                    cells[f"{table_key}/{row}/{column}"] = value
    sections = {}
    for number in PAIR_SECTIONS:
        section = report.section(number)
        if section is not None:
            sections[number] = section.text
    return PairSummary(report.path, report.issuer, report.year, report.template, cells, sections)


def issuer_key(issuer: str | None) -> str | None:
    """The issuer's name compared across years: no whitespace or punctuation."""
    if not issuer:
        return None
    from govlint.parser.normalize import label_key

    return label_key(issuer) or None


class SummaryStore:
    """Summaries kept out of memory: pickled into one temporary file, read back by id.

    A run over ten thousand reports indexes ten thousand summaries, each holding three
    sections of text; only the few that turn out to be predecessors are ever read again.
    The file is created on the first summary and removed when the store is closed (or
    garbage-collected).
    """

    def __init__(self) -> None:
        self._file: Any = None
        self._where: dict[int, tuple[int, int]] = {}

    def put(self, ident: int, summary: PairSummary) -> None:
        """Store ``summary`` under ``ident``."""
        import pickle
        import tempfile

        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="govlint-pairs-")
        data = pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        self._where[ident] = (self._file.tell(), len(data))
        self._file.write(data)

    def get(self, ident: int) -> PairSummary:
        """The summary stored under ``ident``."""
        import pickle

        offset, size = self._where[ident]
        self._file.seek(offset)
        return pickle.loads(self._file.read(size))

    def close(self) -> None:
        """Remove the temporary file."""
        if self._file is not None:
            self._file.close()
            self._file = None


class YearIndex:
    """Summaries by (issuer, year), to find each report's predecessor.

    Entries are identified by an integer the caller chooses (the input's position), so a
    report is never its own predecessor. The summaries themselves go to a
    :class:`SummaryStore` (out of memory); the index keeps only issuer keys, years and ids.
    """

    def __init__(self, store: SummaryStore | None = None) -> None:
        self._by_key: dict[tuple[str, int], list[int]] = {}
        self._store = store if store is not None else SummaryStore()

    def add(self, ident: int, summary: PairSummary) -> None:
        """Index a summary that has a year (and, ideally, an issuer)."""
        if summary.year is None:
            return
        self._store.put(ident, summary)
        key = issuer_key(summary.issuer)
        if key:
            self._by_key.setdefault((key, summary.year), []).append(ident)

    def summary(self, ident: int) -> PairSummary:
        """The full summary indexed under ``ident``."""
        return self._store.get(ident)

    def close(self) -> None:
        """Release the store."""
        self._store.close()

    def previous_of(self, ident: int, summary: PairSummary,
                    explicit: Sequence[tuple[int, PairSummary]]) -> int | None:
        """The id of the same issuer's summary for the year before, if exactly one is known.

        With ``--previous`` naming a single previous-year report (``explicit``: ids and
        summaries) and no issuer to match on, that report is used: the user said which
        report precedes this one.
        """
        if summary.year is None:
            return None
        key = issuer_key(summary.issuer)
        if key:
            candidates = [i for i in self._by_key.get((key, summary.year - 1), []) if i != ident]
            if len(candidates) == 1:
                return candidates[0]
            if candidates:
                return None  # ambiguous: say nothing rather than compare with the wrong report
        unnamed = [(i, s) for i, s in explicit if s.year == summary.year - 1]
        if len(explicit) == 1 and len(unnamed) == 1 and (key is None or issuer_key(unnamed[0][1].issuer) is None):
            return unnamed[0][0]
        return None


def identity_of(summary: PairSummary) -> PairSummary:
    """``summary`` without its cells and texts: what choosing a predecessor needs (kept in memory)."""
    return PairSummary(summary.path, summary.issuer, summary.year, summary.template)
