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
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from govlint.diagnostics import Violation
from govlint.issuer import ISSUER_KINDS, STATUTORY_DEADLINES, issuer_kind
from govlint.model import NO_ALLOWANCES, Allowances, Span
from govlint.packs.nodes import Node, PackError
from govlint import templates

CheckFunction = Callable[[Any, Any], Iterator[Violation]]

CONTACT_NAMES = {"address": "地址", "phone": "电话", "email": "电子邮箱", "postcode": "邮编", "fax": "传真",
                 "url": "网址", "office": "联系部门"}
_MMDD_RE = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_PLACEHOLDER_RE = re.compile(r"^[\sXx×＊*○〇_—\-.。…]*$")
#: Names of report parts in messages.
_PART_NAMES = {1: "第一部分", 2: "第二部分", 3: "第三部分", 4: "第四部分", 5: "第五部分", 6: "第六部分"}


class Context(NamedTuple):
    """What a block needs to know about its rule: the basis cited in messages."""

    basis: str


class Built(NamedTuple):
    """A block's check function, its documented parameters and its grant."""

    check: CheckFunction
    parameters: str
    allowances: Allowances = NO_ALLOWANCES
    supersedes: frozenset[str] = frozenset()


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
    seen: dict[str, templates.RowSpec] = {}
    for spec in _table_specs()[table]:
        for row in spec.rows:
            seen.setdefault(row.key, row)
    return list(seen.values())


def _column_specs(table: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for spec in _table_specs()[table]:
        for key, label in spec.columns:
            seen.setdefault(key, label)
    return list(seen.items())


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


# =========================================================================== text

class _Region(NamedTuple):
    """Where a text block looks: ``report``, ``intro`` or a section number."""

    part: str | int

    @property
    def name(self) -> str:
        if self.part == "report":
            return "报告"
        if self.part == "intro":
            return "引言（第一部分之前）"
        return _PART_NAMES[int(self.part)]

    def bounds(self, report: Any) -> tuple[int, int, Span] | None:
        """Document offsets of the region and where a missing text is reported; ``None``
        when the region is not in the report (a missing section is GOV201's finding)."""
        text = report.document.text
        if self.part == "report":
            return 0, len(text), Span(1, 1, 1, 1)
        if self.part == "intro":
            first = report.sections[0] if report.sections else None
            if first is None or first.start <= 0:
                return None
            return 0, first.start, Span(1, 1, 1, 1)
        section = report.section(int(self.part))
        if section is None or section.start < 0:
            return None
        return section.start, section.end, section.span


def _region(node: Node | None) -> _Region:
    if node is None:
        return _Region("report")
    value = node.value
    if value in ("report", "intro"):
        return _Region(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6:
        return _Region(value)
    raise node.error(f"expected report, intro or a section number 1–6, got {value!r}")


_VIEW_CACHE: list[Any] = [None, None]


def _view(document: Any) -> Any:
    """The parser's normalised view of ``document`` (kept for the last document)."""
    if _VIEW_CACHE[0] is not document:
        from govlint.parser.normalize import TextView

        _VIEW_CACHE[0], _VIEW_CACHE[1] = document, TextView.of(document)
    return _VIEW_CACHE[1]


class _Matcher(NamedTuple):
    """A phrase (compared without spaces and punctuation) or a regular expression
    (matched on the text with all whitespace, line breaks included, removed)."""

    phrases: tuple[str, ...]
    pattern: re.Pattern[str] | None

    @property
    def shown(self) -> str:
        if self.pattern is not None:
            return f"符合「{self.pattern.pattern}」的文字"
        return "或".join(f"「{p}」" for p in self.phrases)

    def find(self, view: Any, start: int, end: int) -> Iterator[tuple[int, int]]:
        """View ranges of the matches in view ``[start, end)``."""
        if self.pattern is None:
            from govlint.parser.normalize import keyed

            key, positions = keyed(view.text, start, end)
            for phrase in self.phrases:
                wanted = _key(phrase)
                at = key.find(wanted)
                while at != -1:
                    yield positions[at], positions[at + len(wanted) - 1] + 1
                    at = key.find(wanted, at + 1)
            return
        parts, positions = [], []
        for run in re.finditer(r"\S+", view.text[start:end]):
            parts.append(run.group())
            positions.extend(range(start + run.start(), start + run.end()))
        squeezed = "".join(parts)
        for match in self.pattern.finditer(squeezed):
            if match.end() > match.start():
                yield positions[match.start()], positions[match.end() - 1] + 1


def _matcher(params: dict[str, Node], owner: Node) -> _Matcher:
    if ("phrase" in params) == ("regex" in params):
        raise owner.error("give exactly one of 'phrase' (a string or a list) and 'regex'")
    if "phrase" in params:
        return _Matcher(params["phrase"].texts("a phrase or a list of phrases"), None)
    node = params["regex"]
    source = node.text("a regular expression")
    try:
        pattern = re.compile(source)
    except re.error as exc:
        raise node.error(f"invalid regular expression {source!r}: {exc}") from None
    return _Matcher((), pattern)


_TEXT_KEYS = {
    "phrase": "a phrase, or a list of phrases of which one is enough",
    "regex": "a regular expression (Python syntax)",
    "in": "report, intro or a section number 1–6",
    "message": "the finding's message (Chinese), instead of the generated one",
}


def require_text(node: Node, ctx: Context) -> Built:
    """``require-text``: the report (or one part of it) must contain a phrase or a match."""
    params = node.mapping(_TEXT_KEYS)
    matcher = _matcher(params, node)
    region = _region(params.get("in"))
    message = params["message"].text() if "message" in params else f"{region.name}中缺少{matcher.shown}"

    def check(report: Any, options: Any) -> Iterator[Violation]:
        bounds = region.bounds(report)
        if bounds is None:
            return
        start, end, anchor = bounds
        view = _view(report.document)
        first, last = view.origin.inverse(start), view.origin.inverse(end)
        if next(matcher.find(view, first, last), None) is None:
            yield Violation(f"{message}（{ctx.basis}）", anchor)

    return Built(check, f"require-text: {matcher.shown} in {region.part}")


def forbid_text(node: Node, ctx: Context) -> Built:
    """``forbid-text``: the report (or one part of it) must not contain a phrase or a match."""
    params = node.mapping(_TEXT_KEYS)
    matcher = _matcher(params, node)
    region = _region(params.get("in"))
    message = params["message"].text() if "message" in params else f"{region.name}中不应出现{matcher.shown}"

    def check(report: Any, options: Any) -> Iterator[Violation]:
        bounds = region.bounds(report)
        if bounds is None:
            return
        start, end, _ = bounds
        view = _view(report.document)
        found = sorted(set(matcher.find(view, view.origin.inverse(start), view.origin.inverse(end))))
        if found:
            first_start, first_end = found[0]
            more = f"，共{len(found)}处" if len(found) > 1 else ""
            yield Violation(f"{message}：「{view.original(first_start, first_end)}」{more}（{ctx.basis}）",
                            view.span(first_start, first_end))

    return Built(check, f"forbid-text: {matcher.shown} in {region.part}")


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
            yield Violation(f"{templates.table_name(table)}缺少「{'」「'.join(missing)}」行（{ctx.basis}）", found.span)

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
            cells = [(row, column, cell) for row in table.rows if row.status == "ok"
                     for column, cell in zip(table.columns, row.cells) if cell.kind in ("placeholder", "text", "blank")]
            if not missing and not cells:
                continue
            parts = []
            if missing:
                parts.append(f"缺少「{'」「'.join(missing)}」{'共' + str(len(missing)) + '行' if len(missing) > 1 else '行'}")
            if cells:
                listed = "、".join(f"「{row.label or row.official_label}」行「{column.label}」列为「{cell.raw.strip() or '空白'}」"
                                  for row, column, cell in cells[:3])
                more = f"等{len(cells)}个单元格" if len(cells) > 3 else ""
                parts.append(f"{listed}{more}")
            span = table.span if missing or not cells else (cells[0][2].span or cells[0][0].span)
            yield Violation(f"{templates.table_name(table.key)}未完整填报：{'；'.join(parts)}。"
                            f"格式规定的行不得删减，没有数据的填0（{ctx.basis}）", span)

    return Built(check, "complete-rows: every table of the format", supersedes=COMPLETE_ROWS_SUPERSEDES)


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
    expected = (f"应为{high}" if low == high or (low is None and high == 0) else f"应不大于{high}" if low is None else
                f"应不小于{low}" if high is None else f"应在{low}至{high}之间")

    def check(report: Any, options: Any) -> Iterator[Violation]:
        found = _report_table(report, table)
        if found is None:
            return
        written = found.row(row.key)
        if written is None or written.status != "ok":
            return
        keys = found.column_keys
        for key, label in columns:
            if key not in keys:
                continue
            cell = written.cells[keys.index(key)]
            if cell.value is None:
                continue
            if (low is not None and cell.value < low) or (high is not None and cell.value > high):
                yield Violation(f"{templates.table_name(table)}「{written.label or row.label}」行「{label}」列为"
                                f"{cell.raw.strip()}，{expected}（{ctx.basis}）", cell.span or written.span)

    bounds = " ".join(part for part in (f"min {low}" if low is not None else "", f"max {high}" if high is not None else "") if part)
    names = "、".join(label for _, label in columns)
    return Built(check, f"cell-bound: table {table}; row {row.label}; column {names}; {bounds}")


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

#: One line per block for error messages and ``govlint packs``.
BLOCK_SUMMARIES = {
    "require-text": "a phrase or regex the report (or a part) must contain",
    "forbid-text": "a phrase or regex the report (or a part) must not contain",
    "accept-rows": "extra rows a table may have",
    "accept-labels": "other wordings of official labels",
    "complete-rows": "every official row present and filled, zeros included",
    "deadline": "a stricter publication deadline per issuer kind",
    "contact-fields": "contact details the report must give",
    "cell-bound": "a bound on a table cell",
}


def block_names() -> Iterable[str]:
    """The block keys, in documentation order."""
    return BLOCKS.keys()


__all__ = ["BLOCKS", "BLOCK_SUMMARIES", "Built", "Context", "PackError", "block_names"]
