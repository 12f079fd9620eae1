"""The building blocks of pack rules: each turns its YAML parameters into a check function.

A pack rule has exactly one block. Every builder validates its parameters (raising
:class:`~govlint.packs.nodes.PackError` at the offending key) and returns a :class:`Built`:
the check function (``check(report, options)`` yielding violations, like any rule), the text
that documents the parameters, and what the rule accepts or takes over (see
:class:`govlint.packs.model.Grant`). docs/packs.md documents every block with an example.

Blocks read the facts the parser recorded (tables, rows, cells, dates, contacts, section
positions); only the text blocks search text, which is what they are for. Text is compared
on the parser's normalised view (full-width letters, digits and brackets as half-width).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from govlint.diagnostics import Violation
from govlint.issuer import ISSUER_KINDS, STATUTORY_DEADLINES, issuer_kind
from govlint.model import Allowances
from govlint.packs.model import Built, Context
from govlint.packs.nodes import Node
from govlint.packs.text import forbid_text, require_text
from govlint import templates

CONTACT_NAMES = {"address": "地址", "phone": "电话", "email": "电子邮箱", "postcode": "邮编", "fax": "传真",
                 "url": "网址", "office": "联系部门"}
_MMDD_RE = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_PLACEHOLDER_RE = re.compile(r"^[\sXx×＊*○〇_—\-.。…]*$")


# =========================================================================== tables, rows, columns

def _table_specs() -> dict[str, list[templates.TableSpec]]:
    specs: dict[str, list[templates.TableSpec]] = {}
    for fmt in templates.FORMATS.values():
        for spec in (*fmt.active, fmt.applications, fmt.review):
            specs.setdefault(spec.key, []).append(spec)
    return specs


def _key(text: str) -> str:
    from govlint.parser.normalize import label_key

    return label_key(text)


def table_ref(node: Node) -> str:
    """A table named by its key (``item1``) or caption (``第二十条第（一）项``)."""
    wanted = node.text("a table key or caption")
    specs = _table_specs()
    if wanted in specs:
        return wanted
    for key, versions in specs.items():
        if any(_key(spec.caption) == _key(wanted) for spec in versions):
            return key
    known = "、".join(f"{versions[0].caption}（{key}）" for key, versions in specs.items())
    raise node.error(f"unknown table {wanted!r}; expected one of {known}")


def _row_specs(table: str) -> list[templates.RowSpec]:
    """The rows of ``table`` in both formats (one key may have two labels: 规范性文件 / 行政规范性文件)."""
    seen: dict[tuple[str, str], templates.RowSpec] = {}
    for spec in _table_specs()[table]:
        for row in spec.rows:
            seen.setdefault((row.key, row.label), row)
    return list(seen.values())


def _column_specs(table: str) -> list[tuple[str, str]]:
    """``(key, label)`` of the columns of ``table`` in both formats (处理决定数量 / 本年处理决定数量)."""
    seen: dict[tuple[str, str], None] = {}
    for spec in _table_specs()[table]:
        for pair in spec.columns:
            seen.setdefault(pair, None)
    return list(seen)


def row_ref(node: Node, table: str) -> templates.RowSpec:
    """A data row of ``table`` named by its key or official label (either format)."""
    wanted = node.text("a row key or label")
    for row in _row_specs(table):
        if row.data and (row.key == wanted or _key(row.label) == _key(wanted)):
            return row
    known = "、".join(r.label for r in _row_specs(table) if r.data)
    raise node.error(f"{wanted!r} is not a row of {templates.table_name(table)}; expected one of {known}")


def column_ref(node: Node, table: str) -> tuple[str, str]:
    """A column of ``table`` named by its key or official label: ``(key, label)``."""
    wanted = node.text("a column key or label")
    for key, label in _column_specs(table):
        if key == wanted or _key(label) == _key(wanted):
            return key, label
    known = "、".join(label for _, label in _column_specs(table))
    raise node.error(f"{wanted!r} is not a column of {templates.table_name(table)}; expected one of {known}")


def _report_table(report: Any, key: str) -> Any:
    for table in report.tables.all():
        if table.key == key:
            return table
    return None


# =========================================================================== accepted variants

def accept_rows(node: Node, ctx: Context) -> Built:
    """``accept-rows``: extra rows a table may have (GOV106 then does not report them)."""
    params = node.mapping({
        "table": "the table (key or caption)",
        "rows": "the labels of the extra rows",
        "required": "true if the province's format requires the rows (default false)",
    }, required=("table", "rows"))
    table = table_ref(params["table"])
    rows = params["rows"].texts("a row label or a list of row labels")
    required = params["required"].flag() if "required" in params else False
    accepted = Allowances(extra_rows=frozenset((table, _key(label)) for label in rows))
    names = "」「".join(rows)

    def check(report: Any, options: Any) -> Iterator[Violation]:
        found = _report_table(report, table)
        if not required or found is None:
            return
        present = {_key(row.label) for row in found.extra_rows}
        missing = [label for label in rows if _key(label) not in present]
        if missing:
            names = "」「".join(missing)
            yield Violation(f"{templates.table_name(table)}缺少「{names}」行（{ctx.basis}）", found.span)

    flag = "; required" if required else ""
    return Built(check, f"accept-rows: table {table}; rows 「{names}」{flag}", accepted)


def accept_labels(node: Node, ctx: Context) -> Built:
    """``accept-labels``: other wordings of official row or column labels (GOV103)."""
    params = node.mapping({
        "table": "the table (key or caption)",
        "labels": "a mapping: official label → accepted wording or list of wordings",
    }, required=("table", "labels"))
    table = table_ref(params["table"])
    labels = params["labels"]
    official = {_key(label) for _, label in _column_specs(table)} | {_key(r.label) for r in _row_specs(table)}
    pairs: set[tuple[str, str]] = set()
    shown = []
    if not isinstance(labels.value, dict) or not labels.value:
        raise labels.error("expected a mapping: official label → accepted wording or list of wordings")
    for name in labels.value:
        wordings_node = labels.child(name)
        if not isinstance(name, str) or _key(name) not in official:
            raise wordings_node.error(
                f"{name!r} is not an official row or column label of {templates.table_name(table)}")
        wordings = wordings_node.texts("an accepted wording or a list of wordings")
        pairs.update((table, _key(w)) for w in wordings)
        shown.append(f"{name} → {'、'.join(wordings)}")
    if not pairs:
        raise labels.error("expected at least one official label with its accepted wordings")

    def check(report: Any, options: Any) -> Iterator[Violation]:
        return iter(())

    return Built(check, f"accept-labels: table {table}; {'; '.join(shown)}", Allowances(labels=frozenset(pairs)))


# =========================================================================== complete tables

#: The national rules a complete-rows rule reports for instead (missing rows, unfilled cells).
COMPLETE_ROWS_SUPERSEDES = frozenset({"GOV105", "GOV006"})


def complete_rows(node: Node, ctx: Context) -> Built:
    """``complete-rows``: every official row present and every cell filled, 0 included."""
    if node.value is not True and node.value != {}:
        if isinstance(node.value, dict):
            node.mapping({})  # no parameters: names the unknown key
        raise node.error("expected true (the block has no parameters)")

    def check(report: Any, options: Any) -> Iterator[Violation]:
        for table in report.tables.all():
            missing = [row.official_label for row in table.rows if row.status == "missing"]
            missing += _missing_other_items(report, table)
            cells = _unfilled_cells(table)
            if not missing and not cells:
                continue
            parts = [_missing_text(missing)] if missing else []
            if cells:
                parts.append(_cells_text(cells))
            span = table.span if missing else (cells[0][2].span or cells[0][0].span)
            yield Violation(f"{templates.table_name(table.key)}未完整填报：{'；'.join(parts)}。"
                            f"格式规定的行不得删减，没有数据的填0（{ctx.basis}）", span)

    return Built(check, "complete-rows: every table of the format", supersedes=COMPLETE_ROWS_SUPERSEDES)


def _unfilled_cells(table: Any) -> list[tuple[Any, Any, Any]]:
    """``(row, column, cell)`` of the cells of completely read rows that hold no number."""
    return [(row, column, cell) for row in table.rows if row.status == "ok"
            for column, cell in zip(table.columns, row.cells) if cell.kind in ("placeholder", "text", "blank")]


def _missing_text(labels: list[str]) -> str:
    count = f"共{len(labels)}行" if len(labels) > 1 else "行"
    return f"缺少「{'」「'.join(labels)}」{count}"


def _cells_text(cells: list[tuple[Any, Any, Any]], listed: int = 3) -> str:
    named = "、".join(f"「{row.label or row.official_label}」行「{column.label}」列为「{cell.raw.strip() or '空白'}」"
                     for row, column, cell in cells[:listed])
    return named + (f"等{len(cells)}个单元格" if len(cells) > listed else "")


def _missing_other_items(report: Any, table: Any) -> list[str]:
    """The three 2021 sub-items of （六）其他处理 when a 2021 report has the 2019 single row."""
    if table.key != "applications" or table.row("other.1") is not None:
        return []
    expected = report.template if report.template in templates.FORMATS else (
        templates.expected_template(report.year) if report.year is not None else None)
    other = table.row("other")
    if expected != templates.FORMAT_2021 or other is None or other.status == "missing":
        return []
    return [r.label for r in templates.APPLICATIONS_2021.rows if r.key.startswith("other.")]


# =========================================================================== dates

def _mmdd(node: Node) -> tuple[int, int]:
    value = node.value
    if not isinstance(value, str) or not _MMDD_RE.fullmatch(value):
        raise node.error(f"expected a date as \"MM-DD\" in quotes (e.g. \"01-28\"), got {value!r}")
    month, day = (int(x) for x in value.split("-"))
    try:
        dt.date(2024, month, day)  # a leap year: 02-29 exists
    except ValueError:
        raise node.error(f"{value!r} is not a day of the year") from None
    return month, day


def deadline(node: Node, ctx: Context) -> Built:
    """``deadline``: a publication deadline per issuer kind, stricter than 条例 第四十九条."""
    params = node.mapping({kind: f"\"MM-DD\" for {ISSUER_KINDS[kind]}" for kind in ISSUER_KINDS})
    if not params:
        raise node.error(f"expected at least one of {', '.join(ISSUER_KINDS)}")
    deadlines: dict[str, tuple[int, int]] = {}
    for kind, value in params.items():
        month, day = _mmdd(value)
        national = STATUTORY_DEADLINES.get(kind)
        if national is not None and (month, day) >= tuple(int(x) for x in national.split("-")):
            raise value.error(f"expected a date before the national deadline {national} (条例第四十九条); "
                              "a later or equal one adds nothing")
        deadlines[kind] = (month, day)

    def check(report: Any, options: Any) -> Iterator[Violation]:
        if report.year is None:
            return
        mention, basis = report.published, "发布日期"
        if mention is None or mention.date is None:
            mention, basis = report.signed, "落款日期"
        if mention is None or mention.date is None:
            return
        kind = issuer_kind(report.issuer)
        if kind not in deadlines:
            return
        due = dt.date(report.year + 1, *deadlines[kind])
        national = STATUTORY_DEADLINES.get(kind)
        if national is not None and mention.date > dt.date(report.year + 1, *(int(x) for x in national.split("-"))):
            return  # later than the national deadline too: GOV406 reports it (one problem, one finding)
        if mention.date > due:
            yield Violation(f"{basis}为{_cn(mention.date)}，晚于{ISSUER_KINDS[kind]}年度报告的发布期限"
                            f"{_cn(due)}（{ctx.basis}）", mention.span)

    shown = ", ".join(f"{kind} {m:02d}-{d:02d}" for kind, (m, d) in deadlines.items())
    return Built(check, f"deadline: {shown}")


def _cn(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


# =========================================================================== contact

def contact_fields(node: Node, ctx: Context) -> Built:
    """``contact-fields``: contact details the province requires."""
    params = node.mapping({"required": f"a list of {', '.join(CONTACT_NAMES)}"}, required=("required",))
    required = [item.choice(CONTACT_NAMES) for item in params["required"].items()]

    def check(report: Any, options: Any) -> Iterator[Violation]:
        present = {c.kind for c in report.contacts if not _PLACEHOLDER_RE.match(c.value)}
        if not present & {"address", "phone", "email"}:
            return  # no contact details at all: GOV501's finding
        missing = [CONTACT_NAMES[kind] for kind in required if kind not in present]
        if missing:
            anchor = next((c.span for c in report.contacts), None)
            yield Violation(f"联系方式中缺少{'、'.join(missing)}（{ctx.basis}）", anchor)

    return Built(check, f"contact-fields: required {', '.join(required)}")


# =========================================================================== numeric bounds

def cell_bound(node: Node, ctx: Context) -> Built:
    """``cell-bound``: a cell's value must lie within ``min``/``max``."""
    params = node.mapping({
        "table": "the table (key or caption)",
        "row": "the row (key or official label)",
        "column": "the column (key or official label), or a list of columns",
        "min": "the smallest allowed value",
        "max": "the largest allowed value",
    }, required=("table", "row", "column"))
    table = table_ref(params["table"])
    row = row_ref(params["row"], table)
    column_node = params["column"]
    columns = ([column_ref(column_node, table)] if isinstance(column_node.value, str)
               else [column_ref(item, table) for item in column_node.items()])
    low = params["min"].number() if "min" in params else None
    high = params["max"].number() if "max" in params else None
    if low is None and high is None:
        raise node.error("expected 'min', 'max' or both")
    if low is not None and high is not None and low > high:
        raise params["min"].error(f"min {low} is larger than max {high}")
    expected = _bound_text(low, high)

    def check(report: Any, options: Any) -> Iterator[Violation]:
        found = _report_table(report, table)
        if found is None:
            return
        written = found.row(row.key)
        if written is None or written.status != "ok":
            return
        keys = found.column_keys
        for key in dict.fromkeys(key for key, _ in columns):
            if key not in keys:
                continue
            cell = written.cells[keys.index(key)]
            if cell.value is None:
                continue
            if (low is not None and cell.value < low) or (high is not None and cell.value > high):
                label = found.columns[keys.index(key)].label
                yield Violation(f"{templates.table_name(table)}「{written.label or written.official_label}」行"
                                f"「{label}」列为{cell.raw.strip()}，{expected}（{ctx.basis}）", cell.span or written.span)

    bounds = " ".join(f"{key} {value}" for key, value in (("min", low), ("max", high)) if value is not None)
    names = "、".join(label for _, label in columns)
    return Built(check, f"cell-bound: table {table}; row {row.label}; column {names}; {bounds}")


def _bound_text(low: float | None, high: float | None) -> str:
    """What a message says the value should be (counts: ``max 0`` reads 应为0)."""
    if low == high or (low is None and high == 0):
        return f"应为{high}"
    if low is None:
        return f"应不大于{high}"
    if high is None:
        return f"应不小于{low}"
    return f"应在{low}至{high}之间"


#: Every building block, by the key that names it in a pack rule.
BLOCKS: dict[str, Callable[[Node, Context], Built]] = {
    "require-text": require_text,
    "forbid-text": forbid_text,
    "accept-rows": accept_rows,
    "accept-labels": accept_labels,
    "complete-rows": complete_rows,
    "deadline": deadline,
    "contact-fields": contact_fields,
    "cell-bound": cell_bound,
}
