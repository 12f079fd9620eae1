"""Synthetic annual reports: known numbers, rendered in the shapes real reports arrive in.

Tests, the benchmark and third-party rule packages need reports whose every cell is known.
A :class:`ReportSpec` holds the numbers of one report (the tables of sections 二, 三 and 四)
plus the optional sentences rules look for (statistics period, contact details, fee
statement, prose). :func:`render` writes it as text in one of the :data:`STYLES`, each
modelled on a shape seen in real reports:

``rows``
    one table row per line, cells separated by tabs;
``spaces``
    one table row per line, cells separated by single spaces, group labels on their own line;
``pipes``
    every cell on its own line ending in `` |``, merged-cell junk (``| ||||``) and ``|`` /
    ``||`` lines between rows, half-width brackets and commas;
``cells``
    every cell on its own tab-indented line, blank lines between rows, header cells broken
    over two lines;
``pdf``
    text extracted from a PDF: rows on one line separated by spaces, long labels wrapped
    mid-word over 2–3 lines, header cells broken into single characters, page-number lines
    (``- 4 -``) inside the section-三 table and inside a wrapped label;
``crawler``
    a web crawler's capture: a few ``key: value`` header lines, then the whole report on ONE
    line with table cells run together (``规章000行政规范性文件6233440``);
``markdown``
    pipe tables (``| a | b |`` with a ``|---|`` line) and ``##`` headings.

Every label comes from :mod:`govlint.templates`; every sentence is synthetic. Rendering is
deterministic for a given spec, style and ``seed``.

Typical use::

    import random
    from govlint.synthetic import ReportSpec, render, compare
    from govlint.document import Document
    from govlint.parser import parse

    spec = ReportSpec.random(random.Random(7), template="2021")
    text = render(spec, "pdf")
    report = parse(Document("synthetic.txt", text))
    assert compare(spec, report) == []
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple, Union

from govlint.templates import (
    APPLICANT_COLUMNS,
    APPLICANT_HEADER_LABELS,
    APPLICATION_NOTE,
    FORMAT_2019,
    FORMAT_2021,
    FORMAT_DOCUMENTS,
    FORMATS,
    RESULT_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    REVIEW_HEADER_LABELS,
    SECTIONS,
    Format,
    TableSpec,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.model import Report

Number = Union[int, float]
Style = Literal["rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown"]

#: Every rendering style, in a stable order.
STYLES: tuple[Style, ...] = ("rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown")
#: Styles in which the cells of a row are separated, so every number must parse back exactly.
SEPARATED_STYLES: tuple[Style, ...] = tuple(s for s in STYLES if s != "crawler")

#: Key of the section-四 table in :attr:`ReportSpec.tables` and in the parsed model.
REVIEW_KEY = "review_litigation"
#: Key of the section-三 table.
APPLICATIONS_KEY = "applications"

_APPLICANTS = len(APPLICANT_COLUMNS) - 1  # the six applicant columns before 总计
_REVIEW_SIZE = len(REVIEW_COLUMNS)


# ----------------------------------------------------------------------------- the spec


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
    Tables and rows left out are filled with zeros.

    ``period``, ``contact`` and ``fee`` are whole sentences (or ``None`` to leave them out);
    ``prose`` maps a section number (1, 5, 6) to its paragraphs; ``amount_unit`` is written
    after the 2019 采购总金额 cell (``"元"``); ``signed`` is the date line under the
    signature, ``published`` the crawler header's publication time.
    """

    template: str = FORMAT_2021
    year: int = 2023
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
        return cls(template=template, year=year if year is not None else _default_year(template), **fields)  # type: ignore[arg-type]

    @classmethod
    def random(
        cls,
        rng: random.Random,
        template: str | None = None,
        consistent: bool = True,
        year: int | None = None,
        zero_share: float = 0.6,
        sentences: bool = True,
    ) -> "ReportSpec":
        """A random report with realistic numbers (0–5000, mostly zeros).

        With ``consistent`` every identity of :meth:`identity_failures` holds; without it
        one to three cells of sections 三/四 are nudged so that some identities break (the
        spec's :meth:`identity_failures` says which). ``zero_share`` is the share of cells
        left at 0. With ``sentences`` the period, contact and fee sentences and the prose are
        generated too (the prose figures agree with the tables when ``consistent``).
        """
        template = template or rng.choice((FORMAT_2019, FORMAT_2021))
        year = year if year is not None else rng.choice(_YEARS[template])
        scale = rng.choice((0, 0, 2, 8, 40, 250))
        counts = _Counter(rng, scale, zero_share)
        spec = cls(
            template=template,
            year=year,
            issuer=_issuer(rng),
            active=_random_active(rng, template, counts),
            applications=_random_applications(template, counts),
            review=review_from_parts([[counts.small() for _ in range(_REVIEW_SIZE - 1)] for _ in REVIEW_GROUPS]),
            amount_unit=rng.choice(("", "", "元")) if template == FORMAT_2019 else "",
        )
        if not consistent:
            _break_identities(rng, spec)
        if sentences:
            _add_sentences(rng, spec)
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


# ----------------------------------------------------------------------------- sentences

_PLACES = ("青石市", "云溪县", "南岭区", "白沙镇", "临川县", "东湖区", "松原乡", "北塘街道", "丰岩市", "清河区")
_ORGANS = (
    "人民政府办公室", "自然资源局", "城市管理局", "财政局", "市场监督管理局", "人民政府",
    "教育局", "卫生健康委员会", "交通运输局", "办事处",
)


def _issuer(rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    organ = rng.choice(_ORGANS)
    if place.endswith(("街道", "镇", "乡")):
        organ = rng.choice(("人民政府", "办事处")) if not place.endswith("街道") else "办事处"
    return place + organ


def _period_sentence(rng: random.Random, year: int) -> str:
    lead = rng.choice(("本报告中所列数据的统计期限", "本报告所列数据统计期限", "报告中所列数据的统计时限"))
    if rng.random() < 0.5:
        return f"{lead}为{year}年1月1日至{year}年12月31日。"
    return f"{lead}自{year}年1月1日起至{year}年12月31日止。"


def _contact_sentence(rng: random.Random, issuer: str) -> str:
    area = f"0{rng.randint(100, 999)}"
    phone = f"{area}-{rng.randint(2000000, 8999999)}"
    postcode = f"{rng.randint(100000, 899999)}"
    mailbox = f"xxgk{rng.randint(10, 99)}@example.gov.cn"
    road = rng.choice(("建设路", "人民大道", "文化街", "滨江路", "新华路"))
    return (
        f"如对本报告有疑问，请与{issuer}办公室联系（地址：{road}{rng.randint(1, 300)}号；"
        f"邮编：{postcode}；电话：{phone}；电子邮箱：{mailbox}）。"
    )


def _fee_sentence(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "本年度未收取政府信息公开信息处理费。"
    return f"本年度依法收取信息处理费{rng.randint(1, 30) * 10}元。"


def _intro(spec: ReportSpec, site: str) -> str:
    titles = "、".join(section.title for section in SECTIONS)
    parts = (
        f"本报告依据《中华人民共和国政府信息公开条例》和{FORMAT_DOCUMENTS[spec.template]}的要求编制，"
        f"由{titles}等六部分组成。"
    )
    tail = spec.period or ""
    tail += f"本报告电子版可在{site}下载。"
    tail += spec.contact or ""
    return parts + tail


def _add_sentences(rng: random.Random, spec: ReportSpec) -> None:
    spec.period = _period_sentence(rng, spec.year) if rng.random() < 0.85 else None
    spec.contact = _contact_sentence(rng, spec.issuer) if rng.random() < 0.7 else None
    spec.fee = _fee_sentence(rng) if spec.template == FORMAT_2021 or rng.random() < 0.5 else None
    apps = spec.applications
    review_total = spec.review_group("review")[-1]
    suits = spec.review_group("suit_direct")[-1] + spec.review_group("suit_after_review")[-1]
    published = rng.randint(20, 900)
    spec.prose = {
        1: [
            f"{spec.year}年，我单位认真落实政府信息公开各项要求，持续提升公开质量，现将有关情况报告如下。",
            f"（一）主动公开。全年通过门户网站发布各类信息{published}条，围绕重点领域做好政策发布和解读工作。",
            f"（二）依申请公开。全年新收政府信息公开申请{apps['new'][-1]}件，上年结转{apps['carried_in'][-1]}件，"
            f"办结{apps['total'][-1]}件，结转下年度继续办理{apps['carried_out'][-1]}件。",
            "（三）政府信息管理。落实公开前审查制度，定期清理更新已公开信息。",
            "（四）政府信息公开平台建设。完善网站公开专栏，加强政务新媒体日常维护。",
            f"（五）监督保障。全年发生政府信息公开行政复议{review_total}件、行政诉讼{suits}件，"
            "将公开工作纳入年度考核。",
        ],
        5: [
            "工作中仍存在公开内容不够全面、解读形式较为单一等不足。",
            "下一步，一是加强业务培训，二是完善审查流程，三是丰富解读形式。",
        ],
        6: [spec.fee or "无其他需要报告的事项。"],
    }
    spec.signed = f"{spec.year + 1}年1月{rng.randint(5, 28)}日"
    spec.published = f"{spec.year + 1}-01-{rng.randint(5, 28):02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"


# ----------------------------------------------------------------------------- layout

@dataclass
class _GridRow:
    """A table row: group labels it opens (merged cells), its label and its cell texts.

    ``level`` is the label's indent level (0–2, the label column it sits in); ``groups``
    are ``(level, label)`` of the group cells that open at this row.
    """

    groups: list[tuple[int, str]]
    label: str | None
    values: list[str]
    level: int = 0

    @property
    def group_labels(self) -> list[str]:
        """The labels of the groups opening at this row."""
        return [label for _, label in self.groups]


@dataclass
class _Grid:
    """A table as the styles see it: caption, header rows and body rows."""

    kind: Literal["active", "applications", "review"]
    caption: str | None
    header: list[list[str]]
    rows: list[_GridRow]
    label_columns: int


@dataclass
class _Block:
    kind: Literal["title", "heading", "para", "grid", "signature"]
    text: str = ""
    grid: _Grid | None = None


def format_number(value: Number, unit: str = "") -> str:
    """How a cell value is written: integers as is, decimals with two places, plus ``unit``."""
    if isinstance(value, float):
        return f"{value:.2f}{unit}"
    return f"{value}{unit}"


def _active_grid(spec: ReportSpec, table: TableSpec) -> _Grid:
    rows = []
    for row in table.data_rows:
        values = spec.active[table.key][row.key]
        texts = [
            format_number(v, spec.amount_unit if column in table.decimal_columns and spec.template == FORMAT_2019 else "")
            for (column, _), v in zip(table.columns, values)
        ]
        rows.append(_GridRow([], row.label, texts))
    header = [["信息内容", *[label for _, label in table.columns]]]
    return _Grid("active", table.caption, header, rows, 1)


def _applications_grid(spec: ReportSpec) -> _Grid:
    table = spec.format.applications
    header = [
        [APPLICATION_NOTE, APPLICANT_HEADER_LABELS[0]],
        [APPLICANT_COLUMNS[0][1], APPLICANT_HEADER_LABELS[1], APPLICANT_COLUMNS[-1][1]],
        [label for _, label in APPLICANT_COLUMNS[1:-1]],
    ]
    rows: list[_GridRow] = []
    groups: list[tuple[int, str]] = []
    for row in table.rows:
        if not row.data:
            groups.append((row.level, row.label))
            continue
        values = [format_number(v) for v in spec.applications[row.key]]
        rows.append(_GridRow(groups, row.label, values, row.level))
        groups = []
    return _Grid("applications", None, header, rows, 3)


def _review_grid(spec: ReportSpec) -> _Grid:
    parts = [label for _, label in REVIEW_COLUMNS]
    header = [
        [REVIEW_HEADER_LABELS[0], REVIEW_HEADER_LABELS[1]],
        [*parts, REVIEW_HEADER_LABELS[2], REVIEW_HEADER_LABELS[3]],
        parts + parts,
    ]
    return _Grid("review", None, header, [_GridRow([], None, [format_number(v) for v in spec.review])], 0)


_DEFAULT_PROSE = {1: ["本年度政府信息公开工作情况如下。"], 5: ["无。"], 6: ["无。"]}


def _blocks(spec: ReportSpec) -> list[_Block]:
    site = f"https://xxgk.example.gov.cn/{spec.year}/nb.html"
    blocks = [_Block("title", spec.title), _Block("para", _intro(spec, site))]
    for section in SECTIONS:
        blocks.append(_Block("heading", section.heading))
        if section.number == 2:
            blocks.extend(_Block("grid", grid=_active_grid(spec, table)) for table in spec.format.active)
        elif section.number == 3:
            blocks.append(_Block("grid", grid=_applications_grid(spec)))
        elif section.number == 4:
            blocks.append(_Block("grid", grid=_review_grid(spec)))
        paragraphs = spec.prose.get(section.number) or _DEFAULT_PROSE.get(section.number, [])
        blocks.extend(_Block("para", paragraph) for paragraph in paragraphs)
    blocks.append(_Block("signature", spec.issuer))
    if spec.signed:
        blocks.append(_Block("signature", spec.signed))
    return blocks


# ----------------------------------------------------------------------------- styles

def render(spec: ReportSpec, style: Style = "rows", *, seed: int = 0) -> str:
    """The report as text in ``style`` (one of :data:`STYLES`).

    ``seed`` drives the incidental choices of a style (where the PDF wraps and breaks pages,
    where crawler text keeps a stray space); the numbers never depend on it.
    """
    try:
        renderer = _RENDERERS[style]
    except KeyError:
        raise ValueError(f"unknown style {style!r}; choose from {', '.join(STYLES)}") from None
    return renderer(spec, _blocks(spec), random.Random(f"{style}:{seed}"))


def _line_styles(separator: str, groups_inline: bool):
    def render_lines(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
        lines: list[str] = []
        for block in blocks:
            if block.kind != "grid":
                lines.append(block.text)
                continue
            grid = block.grid
            assert grid is not None
            if grid.caption:
                lines.append(grid.caption)
            lines.extend(separator.join(cells) for cells in grid.header)
            for row in grid.rows:
                cells = [row.label] if row.label else []
                if groups_inline:
                    lines.append(separator.join([*row.group_labels, *cells, *row.values]))
                else:
                    lines.extend(row.group_labels)
                    lines.append(separator.join([*cells, *row.values]))
        return "\n".join(lines) + "\n"

    return render_lines


_HALF_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":"})


def _render_pipes(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind != "grid":
            lines.append(block.text.translate(_HALF_WIDTH) if block.kind == "heading" else block.text)
            continue
        grid = block.grid
        assert grid is not None
        width = grid.label_columns + len(grid.rows[0].values)
        if grid.caption:
            lines.append(f"{grid.caption.translate(_HALF_WIDTH)} | " + "|" * (width - 1))
        for cells in grid.header:
            for cell in cells[:-1]:
                lines.append(f"{cell.translate(_HALF_WIDTH)} |")
            lines.append(f"{cells[-1].translate(_HALF_WIDTH)} | " + "|" * max(1, width - len(cells)))
        for n, row in enumerate(grid.rows):
            if n and rng.random() < 0.3:
                lines.append(rng.choice(("|", "||", "||||")))
            for label in [*row.group_labels, *([row.label] if row.label else [])]:
                lines.append(f"{label.translate(_HALF_WIDTH)} |")
            for value in row.values[:-1]:
                lines.append(f"{value} |")
            junk = " " + "|" * rng.randint(1, 8) if rng.random() < 0.8 else ""
            lines.append(f"{row.values[-1]} |{junk}")
        lines.append(rng.choice(("|", "||||", "")))
    return "\n".join(lines) + "\n"


#: Group header cells (spanning several columns) stay whole in the ``cells`` style, as in
#: the real reports it is modelled on; the column labels under them are broken.
_WHOLE_HEADER_CELLS = frozenset(REVIEW_HEADER_LABELS + APPLICANT_HEADER_LABELS)


def _split_header(cell: str) -> str:
    """A header cell broken over two lines as in HTML copied cell by cell (``本年新\\n\\n制作数量``)."""
    if len(cell) < 4 or len(cell) > 12 or cell in _WHOLE_HEADER_CELLS:
        return "\t" + cell
    cut = len(cell) // 2
    return f"\t{cell[:cut]}\n\n{cell[cut:]}"


def _render_cells(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind != "grid":
            lines.extend((block.text, ""))
            continue
        grid = block.grid
        assert grid is not None
        if grid.caption:
            lines.extend(("\t" + grid.caption, ""))
        for cells in grid.header:
            lines.extend(_split_header(cell) for cell in cells)
            lines.append("")
        for row in grid.rows:
            # merged cells of open groups leave empty, tab-indented lines
            first = min((level for level, _ in row.groups), default=row.level)
            lines.extend("\t" for _ in range(first))
            lines.extend("\t" + group for group in row.group_labels)
            if row.label:
                lines.append("\t" + row.label)
            lines.extend("\t" + value for value in row.values)
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n"


def _render_markdown(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"## {block.text}")
        elif block.kind in ("para", "signature"):
            out.append(block.text)
        else:
            grid = block.grid
            assert grid is not None
            width = grid.label_columns + len(grid.rows[0].values)

            def line(cells: list[str]) -> str:
                cells = cells + [""] * (width - len(cells))
                return "| " + " | ".join(cells) + " |"

            table: list[str] = []
            header = ([[grid.caption]] if grid.caption else []) + grid.header
            table.append(line(header[0]))
            table.append("|" + "---|" * width)
            table.extend(line(cells) for cells in header[1:])
            for row in grid.rows:
                labels = [""] * grid.label_columns
                for level, group in row.groups:
                    labels[level] = group
                if row.label:
                    labels[row.level] = row.label
                table.append(line(labels + row.values))
            out.append("\n".join(table))
        out.append("")
    return "\n".join(out)


# --- pdf

_PAGE = "\x00page"
_PDF_WIDTH = 30
_PDF_LABEL_WIDTH = 14


def _wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of about ``width`` characters, never inside a number."""
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        cut = start + width
        while cut < len(text) and (text[cut - 1].isdigit() or text[cut - 1] == ".") and text[cut].isdigit():
            cut += 1
        lines.append(text[start:cut])
        start = cut
    lines.append(text[start:])
    return [line for line in lines if line]


def _wrap_label(label: str, rng: random.Random) -> list[str]:
    """A long label wrapped mid-word over 2–3 lines (the numbering stays on the first line)."""
    if len(label) <= _PDF_LABEL_WIDTH:
        return [label]
    pieces = 3 if len(label) > 2 * _PDF_LABEL_WIDTH else 2
    size = -(-len(label) // pieces)
    cut = [label[i : i + size] for i in range(0, len(label), size)]
    if rng.random() < 0.5 and len(cut) > 1:
        cut[0], cut[1] = cut[0] + cut[1][:1], cut[1][1:]
    return [piece for piece in cut if piece]


def _chars(cell: str, rng: random.Random) -> list[str]:
    """A header cell broken into single characters, some joined by spaces (``结 果``)."""
    if rng.random() < 0.5:
        return list(cell)
    half = -(-len(cell) // 2)
    return [" ".join(cell[:half]), " ".join(cell[half:])]


def _pdf_grid(grid: _Grid, rng: random.Random) -> list[str]:
    lines: list[str] = []
    if grid.kind == "active":
        caption = grid.caption or ""
        split = caption.find("第", 1)
        lines.append(f"{caption[:split]} {caption[split:]}" if split > 0 else caption)
        lines.append(" ".join(grid.header[0]))
        for row in grid.rows:
            lines.append(" ".join([row.label or "", *row.values]))
        return lines
    if grid.kind == "review":
        lines.append(" ".join(grid.header[0]))
        for cell in grid.header[1]:
            lines.extend(_chars(cell, rng) if len(cell) <= 4 else [cell])
        for cell in grid.header[2]:
            lines.extend(_chars(cell, rng))
        lines.append(" ".join(grid.rows[0].values))
        return lines
    note = grid.header[0][0]
    half = len(note) // 2 + 2
    lines.extend((note[:half], note[half:], grid.header[0][1]))
    lines.extend(grid.header[1][:2])
    subcolumns = [cell for cell in grid.header[2]]
    lines.append(grid.header[1][2] + " ".join(subcolumns[0][:3]))
    lines.append(subcolumns[0][3:])
    for cell in subcolumns[1:]:
        lines.extend(_chars(cell, rng))
    page_between = rng.randrange(4, len(grid.rows) - 4)
    wrapped_labels = [n for n, row in enumerate(grid.rows) if row.label and len(row.label) > _PDF_LABEL_WIDTH]
    page_in_label = rng.choice(wrapped_labels) if wrapped_labels else -1
    for n, row in enumerate(grid.rows):
        if n == page_between:
            lines.append(_PAGE)
        for group in row.group_labels:
            if len(group) > 4 and group.startswith(("一", "二", "三", "四")):
                lines.append(group[:2])
                lines.extend(group[2:])
            elif len(group) > 5:
                lines.extend((group[:4], group[4:]))
            else:
                lines.append(group)
        label = _wrap_label(row.label or "", rng)
        if n == page_in_label:
            label.insert(1, _PAGE)
        values = " ".join(row.values)
        if len(label) > 1 and rng.random() < 0.3:
            lines.extend([*label, values])
        else:
            lines.extend([*label[:-1], f"{label[-1]} {values}"])
    return lines


def _render_pdf(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind == "grid":
            assert block.grid is not None
            lines.extend(_pdf_grid(block.grid, rng))
        elif block.kind in ("heading", "title", "signature"):
            lines.append(block.text)
        else:
            lines.extend(_wrap(block.text, _PDF_WIDTH))
    out: list[str] = []
    page = 1
    since_break = 0
    for line in lines:
        if line == _PAGE or since_break >= 34:
            page += 1
            out.append(f"- {page} -")
            since_break = 0
            if line == _PAGE:
                continue
        out.append(line)
        since_break += 1
    return "\n".join(out) + "\n"


# --- crawler

def _spaced(label: str, rng: random.Random, share: float) -> str:
    """Sometimes a stray space inside a label, as crawlers keep from cell line breaks."""
    if len(label) >= 4 and rng.random() < share:
        cut = rng.randrange(2, len(label) - 1)
        return f"{label[:cut]} {label[cut:]}"
    return label


def _render_crawler(spec: ReportSpec, blocks: list[_Block], rng: random.Random) -> str:
    header = [
        f"标题: {spec.title}",
        f"发布时间: {spec.published or f'{spec.year + 1}-01-20 09:30'}",
        "文号: ",
        f"发布机构: {spec.issuer}",
        "栏目: 政府信息公开年报",
        f"原文链接: https://xxgk.example.gov.cn/nb/{spec.year}/index.html",
    ]
    body: list[str] = []
    for block in blocks:
        if block.kind == "title":
            continue
        if block.kind != "grid":
            body.append(block.text)
            continue
        grid = block.grid
        assert grid is not None
        if grid.caption:
            body.append(grid.caption)
        for cells in grid.header:
            # stray spaces as seen in real crawler text: section-三 header cells and group labels
            body.extend(_spaced(cell, rng, 0.15 if grid.kind == "applications" else 0.0) for cell in cells)
        for row in grid.rows:
            body.extend(_spaced(group, rng, 0.2) for group in row.group_labels)
            if row.label:
                body.append(row.label + (" " if rng.random() < 0.1 else ""))
            body.append("".join(row.values))
    return "\n".join(header) + "\n" + "".join(body) + "\n"


_RENDERERS = {
    "rows": _line_styles("\t", groups_inline=True),
    "spaces": _line_styles(" ", groups_inline=False),
    "pipes": _render_pipes,
    "cells": _render_cells,
    "pdf": _render_pdf,
    "crawler": _render_crawler,
    "markdown": _render_markdown,
}


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


__all__ = [
    "APPLICATIONS_KEY",
    "REVIEW_KEY",
    "SEPARATED_STYLES",
    "STYLES",
    "ExpectedCell",
    "Mismatch",
    "Number",
    "ReportSpec",
    "Style",
    "compare",
    "consistent_applications",
    "format_number",
    "invented",
    "render",
    "review_from_parts",
]
