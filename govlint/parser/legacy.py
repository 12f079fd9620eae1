"""The statistics table of pre-2019 reports: 指标名称 | 计量单位 | 本年度 | 历年累计.

Before the national format (2019) each body published a free-form report whose last part
was a statistics table with one row per indicator: its name, its unit (条, 件 …), this
year's value and the cumulative value. Crawler text runs these cells together
(``主动公开文件数条212210037其中：1、政府网站公开数条…``); the two values are split only when
exactly one split is possible (no leading zeros, this year ≤ cumulative), otherwise the row
is recorded as unreadable — never guessed. No rule judges these rows; ``govlint extract``
exports them for evaluators.
"""

from __future__ import annotations

from functools import partial

from govlint import regex
from govlint.model import Cell, LegacyRow
from govlint.parser.normalize import TextView
from govlint.parser.tokens import MAX_NUMBER_DIGITS, read_int
from govlint.templates import LEGACY_UNITS

#: One row: a short label, its unit, then its values (digits with optional separators).
_ROW_RE = regex.compile(
    r"[\s|:：]*(?P<label>(?:\d{1,2}[、.．])?[^\d\s|][^|]{0,39}?)[\s|]*(?P<unit>" + "|".join(LEGACY_UNITS) + r")[\s|]*"
    r"(?P<values>\d[\d \t|]*)"
)
#: A numbering prefix inside a label (``其中：1、政府网站公开数``).
_NUMBERING_RE = regex.compile(r"(\d{1,2})[、.．]")
_SEPARATORS_RE = regex.compile(r"[\s|]+")


def _two_way_splits(digits: str) -> list[tuple[int, int]]:
    """Every split of ``digits`` into (this year, cumulative): no leading zeros, this ≤ cumulative.

    A run longer than two numbers can be has no split (and is never converted whole).
    """
    found: list[tuple[int, int]] = []
    if len(digits) > 2 * MAX_NUMBER_DIGITS:
        return found
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if (len(left) > 1 and left[0] == "0") or (len(right) > 1 and right[0] == "0"):
            continue
        if int(left) <= int(right):
            found.append((int(left), int(right)))
    return found


def _missing() -> list[Cell]:
    return [Cell(None, "", None, "missing"), Cell(None, "", None, "missing")]


def _value_cells(view: TextView, start: int, text: str) -> tuple[list[Cell], str]:
    """The two cells of a row's value text starting at view index ``start``, and the status."""
    parts = []
    for part in regex.compile(r"\d+").finditer(text):
        parts.append((part.group(), start + part.start(), start + part.end()))
    if len(parts) == 2:
        return [Cell(read_int(p), p, None, "number", locate=partial(view.span, s, e)) for p, s, e in parts], "ok"
    if len(parts) == 1:
        digits, s, _ = parts[0]
        splits = _two_way_splits(digits)
        if len(splits) == 1:
            this_year, cumulative = splits[0]
            cut = s + len(str(this_year))
            return [
                Cell(this_year, str(this_year), None, "number", True, partial(view.span, s, cut)),
                Cell(cumulative, str(cumulative), None, "number", True, partial(view.span, cut, parts[0][2])),
            ], "ok"
        return _missing(), "unreadable"
    return _missing(), "short" if len(parts) < 2 else "long"


def read_legacy_statistics(view: TextView, header_end: int) -> list[LegacyRow]:
    """The rows after the old table's header, as long as rows follow each other.

    A digit run followed by ``、`` ends with the next item's number (``…2122100372、政府公报``):
    that trailing number is taken off when it is the one the current label's numbering
    announces (``1、`` → ``2、``); otherwise the row is unreadable.
    """
    rows: list[LegacyRow] = []
    text = view.text
    position = header_end
    while True:
        match = _ROW_RE.match(text, position)
        if match is None:
            break
        label = view.original(match.start("label"), match.end("label")).strip(" \t|、.．")
        values_start, values_end = match.start("values"), match.end("values")
        raw = match.group("values").rstrip(" \t|")
        values_end = values_start + len(raw)
        status_override = None
        if text[values_end : values_end + 1] in ("、", ".", "．"):
            numbering = _NUMBERING_RE.search(label)
            following = str(int(numbering.group(1)) + 1) if numbering else None
            if following is not None and raw.endswith(following) and len(raw) > len(following):
                raw = raw[: -len(following)].rstrip(" \t|")
                values_end = values_start + len(raw)
            else:
                status_override = "unreadable"
        cells, status = _value_cells(view, values_start, raw)
        if status_override:
            cells, status = _missing(), status_override
        rows.append(LegacyRow(label, match.group("unit"), view.span(match.start("label"), values_end), cells,
                              status, view.original(values_start, values_end)))
        position = values_end
    return rows
