"""The parsed report: what the parser found, with positions in the original file.

The parser never judges. It records what is there, including what is missing or malformed
(a row with 6 of 7 cells, a blank total, ``/`` in a cell, a label that deviates from the
official wording, a date that cannot exist). Rules are pure functions of this model.

Positions are :class:`Span` objects with 1-based lines and 1-based columns counted in
Unicode code points of the *original* file; ``end_column`` is exclusive (the column after
the last character), as in SARIF.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from govlint.records import factory, record
from govlint.text_keys import label_key

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.document import Document
    from govlint.model_aggregate import AggregateUnits
    from govlint.model_prose import ProseFacts
    from govlint.templates import TableSpec

Template = Literal["2019", "2021", "legacy", "unknown"]


class Span(NamedTuple):
    """A region of the original file: start line/column and exclusive end line/column."""

    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        """JSON form used by ``govlint extract``."""
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


# --------------------------------------------------------------------------- tables

CellKind = Literal["number", "blank", "placeholder", "text", "missing"]


class Cell:
    """One table cell.

    ``kind`` says what the cell held: ``number`` (``value`` is set), ``blank`` (an empty
    cell the source marks as such, e.g. ``&nbsp;`` in HTML), ``placeholder`` (``/``, ``-``,
    ``—``), ``text`` (words, e.g. ``无``), or ``missing`` (the row had too few or too many
    values to know which number belongs here; ``value`` is then ``None``).
    ``inferred`` marks a number recovered from run-together digits using totals.

    The position is computed when first asked for (``locate``: a callable returning the
    span): a report has hundreds of cells and only the few a rule reports need one.
    """

    __slots__ = ("value", "raw", "_span", "kind", "inferred", "_locate")

    def __init__(
        self,
        value: int | float | None,
        raw: str,
        span: Span | None,
        kind: CellKind = "number",
        inferred: bool = False,
        locate: "Callable[[], Span] | None" = None,
    ) -> None:
        self.value = value
        self.raw = raw
        self._span = span
        self.kind = kind
        self.inferred = inferred
        self._locate = locate

    @property
    def span(self) -> Span | None:
        """Where the cell is in the original file (``None`` for a missing cell)."""
        if self._span is None and self._locate is not None:
            self._span = self._locate()
            self._locate = None
        return self._span

    def __repr__(self) -> str:
        return f"Cell(value={self.value!r}, raw={self.raw!r}, kind={self.kind!r}, inferred={self.inferred!r})"

    @property
    def is_number(self) -> bool:
        """Whether the cell holds a usable number."""
        return self.value is not None

    def to_dict(self) -> dict[str, object]:
        """JSON form used by ``govlint extract``."""
        span = self.span
        return {
            "value": self.value,
            "raw": self.raw,
            "kind": self.kind,
            "line": span.line if span else None,
            "column": span.column if span else None,
            "inferred": self.inferred,
        }


RowStatus = Literal["ok", "short", "long", "unreadable", "missing"]


@record(eq=False)
class Row:
    """A table row matched to a template row.

    ``cells`` always has one entry per table column. When the number of values found
    (``found``) differs from the number of columns the row is ``short`` or ``long`` and every
    cell is ``missing``: the values in ``found_cells`` cannot be assigned to columns without
    guessing, and the next row is never touched. ``unreadable`` means the values ran
    together and no unique split exists.
    """

    key: str
    label: str
    official_label: str
    span: Span | None
    cells: list[Cell]
    status: RowStatus = "ok"
    found: int = 0
    found_cells: list[Cell] = factory(list)
    similarity: float = 1.0
    #: The label is not written beside the values (lost or floated elsewhere by a PDF
    #: conversion): the values are a bare number row, assigned to this template row because
    #: it is the only row missing where that number row stands. ``label`` is then empty.
    positional: bool = False

    @property
    def nonstandard(self) -> bool:
        """The label was matched by similarity, not exactly."""
        return self.status != "missing" and self.similarity < 1.0

    def cell(self, column: str, columns: list[str]) -> Cell:
        """The cell of ``column`` (a column key of the owning table)."""
        return self.cells[columns.index(column)]


@record(eq=False)
class Column:
    """A table column: its template key and official label, and the label as written."""

    key: str
    label: str
    found_label: str | None = None
    span: Span | None = None
    similarity: float = 1.0


@record(eq=False)
class Table:
    """One statistical table of sections 二–四.

    ``rows`` follows the template order and contains every template row; a row absent from
    the report has status ``missing``. ``extra_rows`` holds labelled rows that are not in
    the template (for example a province's additional row).
    """

    key: str
    caption: str
    official_caption: str
    span: Span | None
    columns: list[Column]
    rows: list[Row]
    extra_rows: list[Row] = factory(list)
    caption_similarity: float = 1.0
    #: The template table it was read as (its total column and identities are data there).
    spec: "TableSpec | None" = None
    #: Values under the caption that belong to no row or column (cells a PDF-to-Markdown
    #: conversion floated above the table, ``22（其中修订16件）``), as ``text`` cells with
    #: their positions: unreadable cells of this table, never read as numbers.
    stray_cells: list[Cell] = factory(list)

    @property
    def column_keys(self) -> list[str]:
        """Column keys in order."""
        return [c.key for c in self.columns]

    def row(self, key: str) -> Row | None:
        """The row with template key ``key``, or ``None`` if the template has no such row."""
        for row in self.rows:
            if row.key == key:
                return row
        return None

    def value(self, row_key: str, column_key: str) -> int | float | None:
        """The number in a cell, or ``None`` when the row or cell cannot be read."""
        row = self.row(row_key)
        if row is None or row.status in ("missing", "short", "long", "unreadable"):
            return None
        return row.cells[self.column_keys.index(column_key)].value

    def blank_totals(self) -> list[tuple[Row, int]]:
        """Total cells that hold no number while the cells they total do: ``(row, column index)``.

        A row's total column (section 三 总计, a section-四 group's 总计) and the total rows of
        the template's identities (（七）总计) are checked, in rows read completely. One fact,
        used by the rule that reports it and by the rule that must not report it again.
        """
        spec = self.spec
        if spec is None:
            return []
        found: list[tuple[Row, int]] = []
        keys = self.column_keys
        if spec.total_column is not None:
            total = keys.index(spec.total_column)
            parts = [keys.index(k) for k in spec.part_columns]
            for row in self.rows:
                if row.status == "ok" and row.cells[total].value is None and any(
                    row.cells[i].value is not None for i in parts
                ):
                    found.append((row, total))
        for identity in spec.identities:
            total_row = self.row(identity.total_row) if identity.total_row else None
            if total_row is None or total_row.status != "ok":
                continue
            parts_rows = [self.row(k) for k in identity.part_rows]
            readable = [r for r in parts_rows if r is not None and r.status == "ok"]
            for index in range(len(keys)):
                if (total_row, index) in found or total_row.cells[index].value is not None:
                    continue
                if any(r.cells[index].value is not None for r in readable):
                    found.append((total_row, index))
        return found


@record(eq=False)
class Tables:
    """The report's tables, by section."""

    active_disclosure: list[Table] = factory(list)
    applications: Table | None = None
    review_litigation: Table | None = None

    def all(self) -> list[Table]:
        """Every table found, in document order of sections."""
        found = list(self.active_disclosure)
        if self.applications is not None:
            found.append(self.applications)
        if self.review_litigation is not None:
            found.append(self.review_litigation)
        return found


@record(eq=False)
class LegacyRow:
    """A row of the pre-2019 statistics table (指标名称 | 计量单位 | 本年度 | 历年累计).

    ``cells`` holds this year's value and the cumulative value; both are ``missing`` when the
    row's digits ran together and no unique split exists (``unreadable``) or the row had the
    wrong number of values (``short``/``long``). ``raw`` is the row's values as written.
    """

    label: str
    unit: str
    span: Span | None
    cells: list[Cell]
    status: RowStatus = "ok"
    raw: str = ""


# --------------------------------------------------------------------------- sections

@record
class Heading:
    """A numbered sub-heading inside a section, e.g. ``（三）`` or ``2.``.

    ``style`` names the numbering style: ``cn_paren`` （一）, ``cn_dun`` 一、, ``arabic_dot``
    1. or 1、, ``arabic_paren`` (1).
    """

    style: str
    number: int
    text: str
    span: Span


@record(eq=False)
class Section:
    """One of the six sections, found by its title.

    ``match`` is ``official`` (the format's title), ``alias`` (a wording seen in real
    reports, see domain.md §2) or ``similar`` (matched by similarity only).
    """

    number: int
    title: str
    official_title: str
    span: Span
    end_line: int
    text: str
    body_span: Span | None = None
    match: Literal["official", "alias", "similar"] = "official"
    similarity: float = 1.0
    numeral: str = ""
    headings: list[Heading] = factory(list)
    #: Where the section is in ``report.document.text``: from its title to the next section
    #: (offsets; ``-1`` when unknown). ``document.span(start, end)`` gives file positions.
    start: int = -1
    end: int = -1


# --------------------------------------------------------------------------- metadata

@record
class DateMention:
    """A date as written, parsed if possible.

    ``problem`` is ``None`` for a valid date, ``malformed`` when the text cannot be read as a
    date (``20211月7``) and ``impossible`` when it names a day that does not exist
    (``2月30日``).
    """

    raw: str
    span: Span
    year: int | None
    month: int | None
    day: int | None
    role: str = "other"
    problem: Literal["malformed", "impossible"] | None = None

    @property
    def date(self) -> _dt.date | None:
        """The calendar date, when the mention is complete and valid."""
        if self.problem or self.year is None or self.month is None or self.day is None:
            return None
        return _dt.date(self.year, self.month, self.day)


@record
class Period:
    """The statistics period sentence (统计期限 …), with both ends.

    ``end_year_written`` is ``False`` for phrasings like ``2022年1月1日至12月31日`` where the
    end year is implied by the start year.
    """

    raw: str
    span: Span
    start: DateMention
    end: DateMention
    end_year_written: bool = True


@record
class YearMention:
    """Where a report year was stated: ``title``, ``period``, ``intro`` or ``header``."""

    source: str
    year: int
    span: Span


@record
class TextFact:
    """A short piece of text the parser recognised (title, part count, fee statement…)."""

    text: str
    span: Span
    value: int | None = None


@record
class ContactField:
    """A contact detail after its label, e.g. ``电话：0851-38184556``.

    ``kind`` is one of ``office``, ``address``, ``postcode``, ``phone``, ``fax``, ``email``,
    ``url``. ``value`` is the text after the label (possibly empty: a placeholder).
    """

    kind: str
    label: str
    value: str
    span: Span


@record(eq=False)
class Claim:
    """A figure stated in prose that a table also holds (新收申请16件, 行政复议4起).

    ``measure`` names the table figure: ``new``, ``carried_in``, ``handled`` （七）总计,
    ``carried_out``, ``granted``, ``partial``, ``granted_partial`` （一）+（二）, ``denied``,
    ``unable``, ``not_processed``, ``other_handling`` (the sums of the sub-rows of （三）–（六）),
    ``review``, ``litigation``, ``review_not_upheld`` and ``litigation_not_upheld`` (结果纠正 +
    尚未审结), ``normative_issued``, ``normative_repealed``, ``normative_in_force``,
    ``licensing_decisions``, ``penalty_decisions``. An outcome (均已办结, 均获维持) is a claim
    that a figure is 0 (``new_unhandled``: 结转下年度 beyond 上年结转; ``*_not_upheld``). ``qualifiers`` lists what changes
    its meaning: ``scope`` (全区, 本级), ``timeliness`` (按时办结), ``subset`` (其中…, a channel),
    ``includes`` (含上年结转), ``comparison`` (同比, 上年), ``approximate`` (近…), ``other-year``,
    ``other-period`` (上半年, 截至), ``each`` (各, 分别), ``combined`` (a figure shared by the
    items of a list: 予以公开、部分公开208件), ``other-body`` (another body as the subject),
    ``of-new`` (办结 counting only this year's new applications: 收到46件，办结39件，7件结转).
    """

    measure: str
    value: int
    text: str
    span: Span
    qualifiers: list[str] = factory(list)


@record
class Evidence:
    """A label that points to one format (``2019`` or ``2021``)."""

    template: str
    label: str
    span: Span | None


@record
class Problem:
    """Something the parser could not read, with its position (exported by ``extract``)."""

    kind: str
    message: str
    span: Span | None = None


@record
class Allowances:
    """Local variants of the national format that a province pack accepts for one report.

    The pack's ``accept-rows`` and ``accept-labels`` rules set these (for the reports in their
    scope) before any rule runs, so that GOV106 and GOV103 do not report what the province
    itself prescribes. Labels are compared by :func:`govlint.text_keys.label_key`.
    ``superseded`` holds codes whose findings a selected pack rule makes for this report in
    their place (one problem, one finding).
    """

    #: ``(table key, label key)`` of extra rows a table may have (湖北: 其他主动公开文件).
    extra_rows: frozenset[tuple[str, str]] = frozenset()
    #: ``(table key, label key)`` of wordings accepted for an official label (武汉's header).
    labels: frozenset[tuple[str, str]] = frozenset()
    superseded: frozenset[str] = frozenset()

    def allows_row(self, table_key: str, label: str) -> bool:
        """Whether an extra row labelled ``label`` is accepted in table ``table_key``."""
        return bool(self.extra_rows) and (table_key, label_key(label)) in self.extra_rows

    def allows_label(self, table_key: str, label: str | None) -> bool:
        """Whether ``label`` (as written) is an accepted wording in table ``table_key``."""
        return bool(self.labels) and label is not None and (table_key, label_key(label)) in self.labels

    def supersedes(self, code: str) -> bool:
        """Whether a pack rule reports ``code``'s findings for this report instead."""
        return code in self.superseded

    def merged(self, other: "Allowances") -> "Allowances":
        """Both sets of allowances."""
        return Allowances(self.extra_rows | other.extra_rows, self.labels | other.labels,
                          self.superseded | other.superseded)


#: Nothing accepted beyond the national format (no pack applies).
NO_ALLOWANCES = Allowances()


@record(eq=False)
class Report:
    """A parsed annual report. Built by :func:`govlint.parser.parse`."""

    path: str
    document: "Document"
    template: Template = "unknown"
    template_evidence: list[Evidence] = factory(list)
    year: int | None = None
    year_mentions: list[YearMention] = factory(list)
    title: TextFact | None = None
    issuer: str | None = None
    period: Period | None = None
    published: DateMention | None = None
    signed: DateMention | None = None
    dates: list[DateMention] = factory(list)
    sections: list[Section] = factory(list)
    duplicate_sections: list[Section] = factory(list)
    part_count: TextFact | None = None
    tables: Tables = factory(Tables)
    contacts: list[ContactField] = factory(list)
    fee_statement: TextFact | None = None
    claims: list[Claim] = factory(list)
    #: The rows of a pre-2019 report's statistics table (empty for the national formats).
    legacy_statistics: list[LegacyRow] = factory(list)
    problems: list[Problem] = factory(list)
    #: Last year's report of the same issuer, for ``pair`` rules: its summary
    #: (:class:`govlint.pairing.PairSummary`: ``year``, ``path``, ``template``, ``issuer``,
    #: ``value(table, row, column)``, ``section_text(number)``), never a parsed report.
    previous: Any = None
    #: The unit reports of an aggregate report (``check --aggregate``), set before GOV605 runs.
    aggregate: "AggregateUnits | None" = None
    #: What the enabled province packs accept for this report (set before rules run).
    allowances: Allowances = NO_ALLOWANCES
    #: The prose facts (:mod:`govlint.model_prose`), read the first time ``prose`` is asked
    #: for: most runs select no rule that needs them, and reading them costs parse time.
    _prose: "ProseFacts | None" = None
    _read_prose: "Callable[[], ProseFacts] | None" = None

    @property
    def prose(self) -> "ProseFacts":
        """Facts of the prose: counts, itemised lists, enumerations, titles, places, marks…"""
        if self._prose is None:
            if self._read_prose is not None:
                self._prose, self._read_prose = self._read_prose(), None
            else:
                from govlint.model_prose import ProseFacts

                self._prose = ProseFacts()
        return self._prose

    def section(self, number: int) -> Section | None:
        """The first section with this number (1–6), or ``None`` if it is missing."""
        for section in self.sections:
            if section.number == number:
                return section
        return None

    @property
    def has_report_content(self) -> bool:
        """Whether anything of an annual report (a section, a table, the old layout) was found."""
        return (
            bool(self.sections)
            or bool(self.tables.all())
            or bool(self.legacy_statistics)
            or sum(1 for e in self.template_evidence if e.template == "legacy") >= 2
        )
