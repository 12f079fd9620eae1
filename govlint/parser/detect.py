"""Which format a report follows, and the evidence that says so.

Signals for the two national formats are labels that exist in only one of them (domain.md
§13): the 2019 columns 本年新制作数量/上一年项目数量/采购总金额…, the 2021 columns
本年制发件数/本年处理决定数量/本年收费金额… and the 2021 sub-items of （六）其他处理. Only a
*table's own* caption, header cells and row labels count: a word in the prose (``政府集中采购
项目类信息7条`` in a 2017 report) is no evidence of a table. Both kinds in one report are
recorded as mixed evidence; the rule decides what to say about it.

Pre-2019 reports (old 条例 of 2008) are recognised from their report year and their layout:
the old headings (概述, 依申请公开政府信息情况 …) and, above all, the old statistics table
指标名称 | 计量单位 | 本年度 | 历年累计.
"""

from __future__ import annotations

from govlint import regex
from govlint.model import Evidence, Tables
from govlint.parser.normalize import TextView, label_key
from govlint.templates import (
    FORMAT_2019,
    FORMAT_2021,
    LEGACY,
    LEGACY_HEADINGS,
    LEGACY_TABLE_EVIDENCE,
    LEGACY_TABLE_HEADER,
    SIGNALS_2019,
    SIGNALS_2021,
    UNKNOWN,
)

_SIGNALS = [(FORMAT_2019, label, label_key(label)) for label in SIGNALS_2019] + [
    (FORMAT_2021, label, label_key(label)) for label in SIGNALS_2021
]


def _signal(label: str) -> tuple[str, str] | None:
    """``(format, signal label)`` when an official label belongs to one format only."""
    key = label_key(label)
    for template, signal, signal_key in _SIGNALS:
        if signal_key and signal_key in key:
            return template, signal
    return None


def table_evidence(tables: Tables) -> list[Evidence]:
    """Format-specific labels the parser read as part of a table, in document order.

    A table counts only if at least one of its rows was found; then its caption, every header
    cell that was found and every row that holds values are evidence of the format whose
    label they carry.
    """
    evidence: list[Evidence] = []
    for table in tables.all():
        if not any(r.status != "missing" for r in table.rows):
            continue
        found = _signal(table.official_caption) if table.caption else None
        if found:
            evidence.append(Evidence(found[0], found[1], table.span))
        for column in table.columns:
            found = _signal(column.label) if column.found_label is not None else None
            if found:
                evidence.append(Evidence(found[0], found[1], column.span))
        for row in table.rows:
            found = _signal(row.official_label) if row.status != "missing" and row.found else None
            if found:
                evidence.append(Evidence(found[0], found[1], row.span))
    evidence.sort(key=lambda e: (e.span.line, e.span.column) if e.span else (0, 0))
    return evidence


def _spaced(word: str):
    """A pattern for ``word`` with optional white space between its characters (``指 标 名 称``)."""
    return regex.compile(r"\s*".join(word))


_LEGACY_HEADING_RES = [(heading, _spaced(heading)) for heading in LEGACY_HEADINGS]
_LEGACY_HEADER_RES = [_spaced(label) for label in LEGACY_TABLE_HEADER]
#: How far the header cells of the old statistics table may lie from 指标名称 (view characters).
_HEADER_REACH = 120


def legacy_table_header(view: TextView) -> tuple[int, int] | None:
    """View range of the old statistics table's header (指标名称 … 历年累计), if there is one."""
    first, *rest = _LEGACY_HEADER_RES
    for start in first.finditer(view.text):
        end = start.end()
        for pattern in rest:
            match = pattern.search(view.text, end, end + _HEADER_REACH)
            if match is None:
                break
            end = match.end()
        else:
            return start.start(), end
    return None


def legacy_evidence(view: TextView) -> list[Evidence]:
    """The old layout's marks: its headings and its statistics table's header."""
    evidence = []
    for heading, pattern in _LEGACY_HEADING_RES:
        match = pattern.search(view.text)
        if match:
            evidence.append(Evidence(LEGACY, heading, view.span(match.start(), match.end())))
    header = legacy_table_header(view)
    if header is not None:
        evidence.append(Evidence(LEGACY, LEGACY_TABLE_EVIDENCE, view.span(*header)))
    evidence.sort(key=lambda e: (e.span.line, e.span.column) if e.span else (0, 0))
    return evidence


def has_legacy_table(evidence: list[Evidence]) -> bool:
    """Whether the old statistics table's header is among the evidence (strong evidence)."""
    return any(e.template == LEGACY and e.label == LEGACY_TABLE_EVIDENCE for e in evidence)


def decide(evidence: list[Evidence], year: int | None, legacy: list[Evidence]) -> str:
    """``2019``, ``2021``, ``legacy`` or ``unknown`` from the evidence and the report year.

    A report for 2018 or earlier predates the national format: it is legacy unless its tables
    carry a national format's labels and nothing of the old layout is there. A later report (or
    one without a year) is legacy only with the old statistics table and no national table.
    """
    counts = {FORMAT_2019: 0, FORMAT_2021: 0}
    for item in evidence:
        if item.template in counts:
            counts[item.template] += 1
    national = counts[FORMAT_2019] or counts[FORMAT_2021]
    old_layout = has_legacy_table(legacy) or len(legacy) >= 2
    if year is not None and year <= 2018 and (old_layout or not national):
        return LEGACY
    if national:
        if counts[FORMAT_2019] > counts[FORMAT_2021]:
            return FORMAT_2019
        if counts[FORMAT_2021] > counts[FORMAT_2019]:
            return FORMAT_2021
        if year is not None:
            return FORMAT_2019 if year <= 2020 else FORMAT_2021
        return UNKNOWN
    if has_legacy_table(legacy):
        return LEGACY
    return UNKNOWN
