"""The parsed report as JSON data (``govlint extract``), versioned for evaluators.

Evaluators use this as a data export: every table cell with its value, raw text and
position. The shape is a contract: fields are only ever added; a change that removes or
renames a field bumps :data:`SCHEMA_VERSION`. The README documents every field.
"""

from __future__ import annotations

from typing import Any

from govlint import __version__
from govlint.model import Cell, ContactField, DateMention, LegacyRow, Period, Report, Row, Table, TextFact

SCHEMA_VERSION = 1


def _pos(span) -> dict[str, int | None]:
    return {"line": span.line if span else None, "column": span.column if span else None}


def _date(mention: DateMention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    date = mention.date
    return {
        "date": date.isoformat() if date else None,
        "raw": mention.raw,
        "year": mention.year,
        "month": mention.month,
        "day": mention.day,
        "problem": mention.problem,
        **_pos(mention.span),
    }


def _period(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    start, end = period.start.date, period.end.date
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "raw": period.raw,
        "end_year_written": period.end_year_written,
        **_pos(period.span),
    }


def _fact(fact: TextFact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    return {"text": fact.text, "value": fact.value, **_pos(fact.span)}


def _cell(cell: Cell) -> dict[str, Any]:
    return cell.to_dict()


def _row(row: Row) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": row.key,
        "label": row.label,
        "official_label": row.official_label,
        "status": row.status,
        "similarity": round(row.similarity, 3),
        **_pos(row.span),
        "cells": [_cell(c) for c in row.cells],
    }
    if row.status in ("short", "long", "unreadable"):
        data["found_cells"] = [_cell(c) for c in row.found_cells]
    if row.positional:
        data["positional"] = True
    return data


def _columns(table: Table) -> list[dict[str, Any]]:
    return [
        {"key": c.key, "label": c.label, "found_label": c.found_label, "similarity": round(c.similarity, 3), **_pos(c.span)}
        for c in table.columns
    ]


def _table(table: Table | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {
        "key": table.key,
        "caption": table.caption,
        "official_caption": table.official_caption,
        **_pos(table.span),
        "columns": _columns(table),
        "rows": [_row(r) for r in table.rows],
        "extra_rows": [_row(r) for r in table.extra_rows],
        **({"stray_cells": [_cell(c) for c in table.stray_cells]} if table.stray_cells else {}),
    }


def _review(table: Table | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {
        "key": table.key,
        **_pos(table.span),
        "columns": _columns(table),
        "groups": [
            {"key": r.key, "label": r.official_label, "status": r.status, **_pos(r.span), "cells": [_cell(c) for c in r.cells]}
            for r in table.rows
        ],
    }


def _legacy_row(row: LegacyRow) -> dict[str, Any]:
    this_year, cumulative = row.cells
    return {
        "label": row.label,
        "unit": row.unit,
        "status": row.status,
        "raw": row.raw,
        **_pos(row.span),
        "this_year": _cell(this_year),
        "cumulative": _cell(cumulative),
    }


def _contact(field: ContactField) -> dict[str, Any]:
    return {"kind": field.kind, "label": field.label, "value": field.value, **_pos(field.span)}


def _count(count) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"value": count.value, "unit": count.unit, "text": count.text, "clause": count.clause,
            "approximate": count.approximate, **_pos(count.span)}


def _place(place) -> dict[str, Any] | None:
    return None if place is None else {"name": place.name, "province": place.province, "city": place.city}


def _list(found) -> dict[str, Any]:
    items = []
    for item in found.items:
        percentage = item.percentage
        items.append({"label": item.label, **_count(item.count),
                      "percentage": None if percentage is None else {"value": percentage.value, "text": percentage.text,
                                                                     "decimals": percentage.decimals, **_pos(percentage.span)}})
    return {"marker": found.marker, "total": _count(found.total), "items": items, "item_sum": found.item_sum,
            "residual": found.residual, "qualifiers": found.qualifiers, **_pos(found.span)}


def _prose(report: Report) -> dict[str, Any]:
    """The prose facts (``report.prose``): what the GOV7xx rules judge."""
    prose = report.prose
    locale = prose.locale
    return {
        "locale": None if locale is None else {"province": locale.province, "city": locale.city,
                                               "source": locale.source, "text": locale.text},
        "counts": [_count(c) for c in prose.counts],
        "lists": [_list(found) for found in prose.lists],
        "flows": [{"received": _count(f.received), "completed": _count(f.completed), "received_verb": f.received_verb,
                   "completed_verb": f.completed_verb, "qualifiers": f.qualifiers} for f in prose.flows],
        "uncounted": [{"text": u.text, "unit": u.unit, **_pos(u.span)} for u in prose.uncounted],
        "enumerations": [{"style": m.style, "number": m.number, "text": m.text, "block": m.block, **_pos(m.span)}
                         for m in prose.enumerations],
        "titles": [{"text": t.text, "kind": t.kind, "place": _place(t.place), "qualifiers": t.qualifiers, **_pos(t.span)}
                   for t in prose.titles],
        "places": [{"text": p.text, **_place(p.place), "qualifiers": p.qualifiers, **_pos(p.span)} for p in prose.places],
        "marks": [{"kind": m.kind, "mark": m.mark, "context": m.context, **_pos(m.span)} for m in prose.marks],
        "repeats": [{"text": r.text, "occurrences": [_pos(span) for span in r.spans]} for r in prose.repeats],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON object of one parsed report (schema version :data:`SCHEMA_VERSION`)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "govlint_version": __version__,
        "path": report.path,
        "encoding": report.document.encoding,
        "position_scheme": report.document.position_scheme,
        "template": report.template,
        "template_evidence": [{"template": e.template, "label": e.label, **_pos(e.span)} for e in report.template_evidence],
        "year": report.year,
        "year_mentions": [{"source": m.source, "year": m.year, **_pos(m.span)} for m in report.year_mentions],
        "title": _fact(report.title),
        "issuer": report.issuer,
        "period": _period(report.period),
        "published": _date(report.published),
        "signed": _date(report.signed),
        "dates": [_date(d) for d in report.dates],
        "part_count": _fact(report.part_count),
        "sections": [
            {
                "number": s.number,
                "title": s.title,
                "official_title": s.official_title,
                "match": s.match,
                **_pos(s.span),
                "end_line": s.end_line,
                "headings": [{"style": h.style, "number": h.number, "text": h.text, **_pos(h.span)} for h in s.headings],
            }
            for s in report.sections
        ],
        "duplicate_sections": [{"number": s.number, "title": s.title, **_pos(s.span)} for s in report.duplicate_sections],
        "tables": {
            "active_disclosure": [_table(t) for t in report.tables.active_disclosure],
            "applications": _table(report.tables.applications),
            "review_litigation": _review(report.tables.review_litigation),
        },
        "legacy_statistics": [_legacy_row(r) for r in report.legacy_statistics],
        "contacts": [_contact(c) for c in report.contacts],
        "fee_statement": _fact(report.fee_statement),
        "problems": [{"kind": p.kind, "message": p.message, **_pos(p.span)} for p in report.problems],
        "prose": _prose(report),
    }
