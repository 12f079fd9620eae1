"""The content of a synthetic report: :class:`ReportSpec`, its random generation and checks.

A spec holds the numbers of every table (sections 二, 三, 四) and the optional sentences
rules look for. :meth:`ReportSpec.random` draws realistic consistent numbers;
:meth:`ReportSpec.from_parts` builds a consistent spec from its free parts (for
property-based tests); :func:`compare` and :func:`invented` check a parsed report against it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Union

from govlint.synthetic import sentences
from govlint.templates import (
    APPLICANT_COLUMNS,
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    RESULT_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    Format,
    TableSpec,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.model import Report

Number = Union[int, float]

#: Key of the section-四 table in :meth:`ReportSpec.tables` and in the parsed model.
REVIEW_KEY = "review_litigation"
#: Key of the section-三 table.
APPLICATIONS_KEY = "applications"

_APPLICANTS = len(APPLICANT_COLUMNS) - 1  # the six applicant columns before 总计
_REVIEW_SIZE = len(REVIEW_COLUMNS)


class ExpectedCell(NamedTuple):
    """One cell a parser should find: table key, row key, column key and value."""

    table: str
    row: str
    column: str
    value: Number


class Mismatch(NamedTuple):
    """A cell the parsed report does not give back as generated (see :func:`compare`).

    ``status`` is the parsed row's status (``ok``, ``short``, ``long``, ``unreadable``,
    ``missing``), or ``absent`` when the parser found no such table. ``got`` is the parsed
    cell value (``None`` when the cell could not be read).
    """

    table: str
    row: str
    column: str
    expected: Number
    got: Number | None
    status: str


@dataclass
class ReportSpec:
    """The content of one synthetic report.

    ``active`` maps a section-二 table key (``item1``, ``item5`` …, as in
    :mod:`govlint.templates`) to ``{row key: [values in column order]}``; ``applications``
    maps each section-三 *data* row key to its 7 values (自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他, 总计); ``review`` holds the 15 section-四 values
    (行政复议, 未经复议直接起诉, 复议后起诉; each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
    Tables and rows left out are filled with zeros; ``year`` left out is the last report
    year of the template (2020 for ``"2019"``, 2024 for ``"2021"``).

    ``period``, ``contact`` and ``fee`` are whole sentences (or ``None`` to leave them out);
    ``prose`` maps a section number (1, 5, 6) to its paragraphs; ``amount_unit`` is written
    after the 2019 采购总金额 cell (``"元"``); ``signed`` is the date line under the
    signature, ``published`` the crawler header's publication time.
    """

    template: str = FORMAT_2021
    year: int | None = None
    issuer: str = "青石市示范区自然资源局"
    active: dict[str, dict[str, list[Number]]] = field(default_factory=dict)
    applications: dict[str, list[int]] = field(default_factory=dict)
    review: list[int] = field(default_factory=list)
    amount_unit: str = ""
    period: str | None = None
    contact: str | None = None
    fee: str | None = None
    prose: dict[int, list[str]] = field(default_factory=dict)
    signed: str | None = None
    published: str | None = None

    def __post_init__(self) -> None:
        if self.template not in (FORMAT_2019, FORMAT_2021):
            raise ValueError(f"template must be {FORMAT_2019!r} or {FORMAT_2021!r}, not {self.template!r}")
        if self.year is None:
            self.year = _default_year(self.template)
        fmt = self.format
        known = {spec.key for spec in fmt.active}
        unknown = set(self.active) - known
        if unknown:
            raise ValueError(f"no such section-二 table in the {self.template} format: {sorted(unknown)}")
        for spec in fmt.active:
            rows = self.active.setdefault(spec.key, {})
            _fill_rows(rows, spec, spec.key)
        _fill_rows(self.applications, fmt.applications, APPLICATIONS_KEY)
        if not self.review:
            self.review = [0] * (_REVIEW_SIZE * len(REVIEW_GROUPS))
        if len(self.review) != _REVIEW_SIZE * len(REVIEW_GROUPS):
            raise ValueError(f"review needs {_REVIEW_SIZE * len(REVIEW_GROUPS)} values, got {len(self.review)}")

    # ------------------------------------------------------------------ views

    @property
    def format(self) -> Format:
        """The national format (:class:`govlint.templates.Format`) of this report."""
        return FORMATS[self.template]

    @property
    def title(self) -> str:
        """The report title, e.g. ``青石市示范区自然资源局2023年政府信息公开工作年度报告``."""
        return f"{self.issuer}{self.year}年政府信息公开工作年度报告"

    def review_group(self, key: str) -> list[int]:
        """The five section-四 values of group ``key`` (``review``, ``suit_direct``, ``suit_after_review``)."""
        index = [k for k, _ in REVIEW_GROUPS].index(key)
        return self.review[index * _REVIEW_SIZE : (index + 1) * _REVIEW_SIZE]

    def tables(self) -> dict[str, dict[str, list[Number]]]:
        """Every table as ``{table key: {row key: values}}``, keys as in the parsed model."""
        found: dict[str, dict[str, list[Number]]] = {key: dict(rows) for key, rows in self.active.items()}
        found[APPLICATIONS_KEY] = dict(self.applications)
        found[REVIEW_KEY] = {key: self.review_group(key) for key, _ in REVIEW_GROUPS}
        return found

    def columns(self, table: str) -> list[str]:
        """Column keys of ``table`` in order."""
        if table == APPLICATIONS_KEY:
            return [key for key, _ in APPLICANT_COLUMNS]
        if table == REVIEW_KEY:
            return [key for key, _ in REVIEW_COLUMNS]
        return [key for key, _ in _active_spec(self.format, table).columns]

    def cells(self) -> Iterator[ExpectedCell]:
        """Every cell of every table, in document order."""
        for table, rows in self.tables().items():
            columns = self.columns(table)
            for row, values in rows.items():
                for column, value in zip(columns, values):
                    yield ExpectedCell(table, row, column, value)

    def identity_failures(self) -> list[str]:
        """The arithmetic identities (domain.md §8) that do NOT hold, as readable strings.

        Checked: T3-ROWSUM (each section-三 row: 总计 = sum of the six applicant columns),
        T3-RESULTS (（七）总计 = sum of the result rows), T3-BAL (一 + 二 = （七）总计 + 四) and
        T4-SUM (each section-四 group: 总计 = sum of its four parts). Empty for a consistent spec.
        """
        failures: list[str] = []
        apps = self.applications
        columns = [label for _, label in APPLICANT_COLUMNS]
        for key, values in apps.items():
            if sum(values[:_APPLICANTS]) != values[_APPLICANTS]:
                failures.append(f"T3-ROWSUM {key}: {sum(values[:_APPLICANTS])} != {values[_APPLICANTS]}")
        results = RESULT_ROWS[self.template]
        for c, label in enumerate(columns):
            summed = sum(apps[key][c] for key in results)
            if summed != apps["total"][c]:
                failures.append(f"T3-RESULTS {label}: {summed} != {apps['total'][c]}")
            left = apps["new"][c] + apps["carried_in"][c]
            right = apps["total"][c] + apps["carried_out"][c]
            if left != right:
                failures.append(f"T3-BAL {label}: {left} != {right}")
        for key, label in REVIEW_GROUPS:
            values = self.review_group(key)
            if sum(values[:-1]) != values[-1]:
                failures.append(f"T4-SUM {label}: {sum(values[:-1])} != {values[-1]}")
        return failures

    # ------------------------------------------------------------------ constructors

    @classmethod
    def blank(cls, template: str = FORMAT_2021, year: int | None = None, **fields: object) -> "ReportSpec":
        """A report whose every cell is 0 (common in real reports of small organs)."""
        return cls(template=template, year=year, **fields)  # type: ignore[arg-type]

    @classmethod
    def random(
        cls,
        rng: random.Random,
        template: str | None = None,
        consistent: bool = True,
        year: int | None = None,
        zero_share: float = 0.6,
        with_sentences: bool = True,
    ) -> "ReportSpec":
        """A random report with realistic numbers (0–5000, mostly zeros).

        With ``consistent`` every identity of :meth:`identity_failures` holds; without it
        one to three cells of sections 三/四 are nudged so that some identities break (the
        spec's :meth:`identity_failures` says which). ``zero_share`` is the share of cells
        left at 0. With ``with_sentences`` the period, contact and fee sentences and the prose are
        generated too (the prose figures agree with the tables when ``consistent``).
        """
        template = template or rng.choice((FORMAT_2019, FORMAT_2021))
        year = year if year is not None else rng.choice(_YEARS[template])
        scale = rng.choice((0, 0, 2, 8, 40, 250))
        counts = _Counter(rng, scale, zero_share)
        spec = cls(
            template=template,
            year=year,
            issuer=sentences.issuer_name(rng),
            active=_random_active(rng, template, counts),
            applications=_random_applications(template, counts),
            review=review_from_parts([[counts.small() for _ in range(_REVIEW_SIZE - 1)] for _ in REVIEW_GROUPS]),
            amount_unit=rng.choice(("", "", "元")) if template == FORMAT_2019 else "",
        )
        if not consistent:
            _break_identities(rng, spec)
        if with_sentences:
            sentences.add_sentences(rng, spec)
        return spec

    @classmethod
    def from_parts(
        cls,
        template: str,
        results: Mapping[str, Sequence[int]],
        carried_in: Sequence[int],
        carried_out: Sequence[int],
        review_parts: Sequence[Sequence[int]],
        **fields: object,
    ) -> "ReportSpec":
        """A consistent report from its free parts (for property-based tests).

        ``results`` gives the six applicant values of each result row (missing rows are 0),
        ``carried_in``/``carried_out`` six values each, ``review_parts`` three groups of four
        values. Totals, （七）总计 and 一、本年新收 are derived so that every identity holds
        (``carried_in`` is capped so that 一、本年新收 is never negative).
        """
        apps = consistent_applications(template, results, carried_in, carried_out)
        return cls(template=template, applications=apps, review=review_from_parts(review_parts), **fields)  # type: ignore[arg-type]


_YEARS = {FORMAT_2019: (2019, 2020), FORMAT_2021: (2021, 2022, 2023, 2024)}


def _default_year(template: str) -> int:
    return _YEARS[template][-1]


def _active_spec(fmt: Format, key: str) -> TableSpec:
    for spec in fmt.active:
        if spec.key == key:
            return spec
    raise KeyError(key)


def _fill_rows(rows: dict, spec: TableSpec, table: str) -> None:
    width = len(spec.columns)
    data = [r.key for r in spec.data_rows]
    unknown = set(rows) - set(data)
    if unknown:
        raise ValueError(f"table {table} has no data rows {sorted(unknown)}")
    for key in data:
        values = rows.setdefault(key, [0] * width)
        if len(values) != width:
            raise ValueError(f"table {table} row {key} needs {width} values, got {len(values)}")
    # keep template order
    ordered = {key: rows[key] for key in data}
    rows.clear()
    rows.update(ordered)


def consistent_applications(
    template: str,
    results: Mapping[str, Sequence[int]],
    carried_in: Sequence[int],
    carried_out: Sequence[int],
) -> dict[str, list[int]]:
    """Section-三 rows (7 values each) in which every identity holds.

    See :meth:`ReportSpec.from_parts`.
    """
    result_keys = RESULT_ROWS[template]
    unknown = set(results) - set(result_keys)
    if unknown:
        raise ValueError(f"not result rows of the {template} format: {sorted(unknown)}")
    rows: dict[str, list[int]] = {}
    for key in result_keys:
        values = list(results.get(key, [0] * _APPLICANTS))
        if len(values) != _APPLICANTS:
            raise ValueError(f"result row {key} needs {_APPLICANTS} values, got {len(values)}")
        rows[key] = values
    total = [sum(rows[key][c] for key in result_keys) for c in range(_APPLICANTS)]
    out = list(carried_out)
    cin = [min(carried_in[c], total[c] + out[c]) for c in range(_APPLICANTS)]
    new = [total[c] + out[c] - cin[c] for c in range(_APPLICANTS)]
    rows.update(new=new, carried_in=cin, total=total, carried_out=out)
    return {key: [*values, sum(values)] for key, values in rows.items()}


def review_from_parts(parts: Sequence[Sequence[int]]) -> list[int]:
    """The 15 section-四 values from three groups of four parts (each total appended)."""
    values: list[int] = []
    for group in parts:
        values.extend(group)
        values.append(sum(group))
    return values


class _Counter:
    """Realistic counts: mostly zeros, an exponential tail, capped at 5000."""

    def __init__(self, rng: random.Random, scale: float, zero_share: float) -> None:
        self.rng, self.scale, self.zero_share = rng, scale, zero_share

    def count(self, scale: float | None = None) -> int:
        scale = self.scale if scale is None else scale
        if scale <= 0 or self.rng.random() < self.zero_share:
            return 0
        return min(5000, int(self.rng.expovariate(1.0 / scale)))

    def small(self) -> int:
        return self.count(self.scale / 10)


def _random_applications(template: str, counts: _Counter) -> dict[str, list[int]]:
    results = {}
    for key in RESULT_ROWS[template]:
        weight = 3.0 if key in ("granted", "partial", "unable.1") else 0.5
        row = [counts.count(counts.scale * weight)]  # 自然人 dominate
        row += [counts.count(counts.scale * weight / 8) for _ in range(_APPLICANTS - 1)]
        results[key] = row
    carried_out = [counts.count(counts.scale / 3) for _ in range(_APPLICANTS)]
    carried_in = [counts.count(counts.scale / 3) for _ in range(_APPLICANTS)]
    return consistent_applications(template, results, carried_in, carried_out)


def _money(rng: random.Random, high: float) -> Number:
    if rng.random() < 0.4:
        return 0
    if rng.random() < 0.3:
        return rng.randint(1, int(high))
    return round(rng.uniform(0.01, high), 2)


def _random_active(rng: random.Random, template: str, counts: _Counter) -> dict[str, dict[str, list[Number]]]:
    big = max(counts.scale * 4, 5)
    tables: dict[str, dict[str, list[Number]]] = {}
    if template == FORMAT_2019:
        published = [counts.count(big / 10) for _ in range(2)]
        tables["item1"] = {
            key: [counts.count(big / 10), published[i], published[i] + counts.count(big)]
            for i, key in enumerate(("rules", "normative"))
        }
        for table, keys in (("item5", ("licensing", "other_services")), ("item6", ("penalty", "enforcement"))):
            tables[table] = {}
            for key in keys:
                previous = counts.count(big)
                change = rng.randint(-min(previous, 30), 30) if rng.random() < 0.4 else 0
                tables[table][key] = [previous, change, counts.count(big * 4)]
        previous = counts.count(big / 4)
        tables["item8"] = {"fees": [previous, rng.randint(-min(previous, 9), 9) if rng.random() < 0.3 else 0]}
        projects = counts.count(big / 4)
        tables["item9"] = {"procurement": [projects, _money(rng, 5_000_000) if projects else 0]}
    else:
        tables["item1"] = {}
        for key in ("rules", "normative"):
            issued = counts.count(big / 10)
            tables["item1"][key] = [issued, counts.count(big / 10), issued + counts.count(big)]
        tables["item5"] = {"licensing": [counts.count(big * 4)]}
        tables["item6"] = {"penalty": [counts.count(big * 4)], "enforcement": [counts.count(big)]}
        tables["item8"] = {"fees": [_money(rng, 20000)]}
    return tables


def _break_identities(rng: random.Random, spec: ReportSpec) -> None:
    """Nudge one to three cells of sections 三/四 so that identities fail."""
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.7:
            key = rng.choice(list(spec.applications))
            column = rng.randrange(len(APPLICANT_COLUMNS))
            spec.applications[key][column] += rng.randint(1, 5)
        else:
            index = rng.randrange(len(spec.review))
            spec.review[index] += rng.randint(1, 5)


# ----------------------------------------------------------------------------- checking

def compare(spec: ReportSpec, report: "Report") -> list[Mismatch]:
    """Every generated cell that ``report`` does not give back exactly.

    A cell matches when its parsed row has status ``ok`` and its value equals the generated
    one. An empty list means the parser read every table of the report correctly.
    """
    parsed = {table.key: table for table in report.tables.all()}
    mismatches: list[Mismatch] = []
    for cell in spec.cells():
        table = parsed.get(cell.table)
        if table is None:
            mismatches.append(Mismatch(cell.table, cell.row, cell.column, cell.value, None, "absent"))
            continue
        row = table.row(cell.row)
        if row is None:
            mismatches.append(Mismatch(cell.table, cell.row, cell.column, cell.value, None, "absent"))
            continue
        got = row.cells[table.column_keys.index(cell.column)].value if cell.column in table.column_keys else None
        if row.status != "ok" or got != cell.value:
            mismatches.append(Mismatch(cell.table, cell.row, cell.column, cell.value, got, row.status))
    return mismatches


def invented(spec: ReportSpec, report: "Report") -> list[Mismatch]:
    """Cells where ``report`` holds a number that differs from the generated value.

    The weaker guarantee for shapes that cannot always be read (crawler text): a parser may
    give up on a row (``unreadable``), but must never report a wrong number.
    """
    return [m for m in compare(spec, report) if m.got is not None]
