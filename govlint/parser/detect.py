"""Which national format a report follows, and the labels that say so.

Signals are labels that exist in only one format (domain.md §13): the 2019 columns
本年新制作数量/上一年项目数量/采购总金额…, the 2021 columns 本年制发件数/本年处理决定数量/
本年收费金额… and the 2021 sub-items of （六）其他处理. Both kinds in one report are
recorded as mixed evidence; the rule decides what to say about it.
"""

from __future__ import annotations

from govlint.model import Evidence
from govlint.parser.anchors import KeyRegion
from govlint.parser.normalize import TextView, label_key
from govlint.templates import FORMAT_2019, FORMAT_2021, SIGNALS_2019, SIGNALS_2021

_SIGNALS = [(FORMAT_2019, label, label_key(label)) for label in SIGNALS_2019] + [
    (FORMAT_2021, label, label_key(label)) for label in SIGNALS_2021
]

#: Headings of pre-2019 free-form reports (old 条例 第三十二条).
LEGACY_HEADINGS = ("概述", "依申请公开政府信息情况", "收费及减免情况", "因政府信息公开申请行政复议", "主动公开政府信息情况")


def find_evidence(view: TextView, region: KeyRegion) -> list[Evidence]:
    """Every format-specific label in ``region`` (the tables' sections), in document order."""
    evidence = []
    for template, label, key in _SIGNALS:
        position = region.key.find(key)
        while position != -1:
            v_start = region.view_start(position)
            v_end = region.view_end(position + len(key))
            evidence.append(Evidence(template, label, view.span(v_start, v_end)))
            position = region.key.find(key, position + len(key))
    evidence.sort(key=lambda e: (e.span.line, e.span.column) if e.span else (0, 0))
    return evidence


def decide(evidence: list[Evidence], year: int | None, has_tables: bool, legacy_headings: bool) -> str:
    """``2019``, ``2021``, ``legacy`` or ``unknown`` from the evidence and the report year."""
    counts = {FORMAT_2019: 0, FORMAT_2021: 0}
    for item in evidence:
        counts[item.template] += 1
    if counts[FORMAT_2019] or counts[FORMAT_2021]:
        if counts[FORMAT_2019] > counts[FORMAT_2021]:
            return FORMAT_2019
        if counts[FORMAT_2021] > counts[FORMAT_2019]:
            return FORMAT_2021
        if year is not None:
            return FORMAT_2019 if year <= 2020 else FORMAT_2021
        return "unknown"
    if year is not None and year <= 2018 and (legacy_headings or not has_tables):
        return "legacy"
    return "unknown"
