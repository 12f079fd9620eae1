"""Render a :class:`~govlint.synthetic.spec.ReportSpec` as text in one of the :data:`STYLES`.

The report is first laid out as blocks (title, headings, paragraphs, tables as grids of
header rows and labelled body rows); each style then writes the blocks its own way. All
labels come from :mod:`govlint.templates`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from govlint.synthetic.sentences import intro
from govlint.synthetic.spec import Number, ReportSpec
from govlint.templates import (
    APPLICANT_COLUMNS,
    APPLICANT_HEADER_LABELS,
    APPLICATION_NOTE,
    FORMAT_2019,
    REVIEW_COLUMNS,
    REVIEW_HEADER_LABELS,
    SECTIONS,
    TableSpec,
)

Style = Literal["rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown"]

#: Every rendering style, in a stable order.
STYLES: tuple[Style, ...] = ("rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown")
#: Styles in which the cells of a row are separated, so every number must parse back exactly.
SEPARATED_STYLES: tuple[Style, ...] = tuple(s for s in STYLES if s != "crawler")

#: First header cell of every section-二 table (not in :mod:`govlint.templates`, which
#: lists only the data columns).
CONTENT_HEADER = "信息内容"


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
    """A piece of the report in reading order: a line of text or a table."""

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
    header = [[CONTENT_HEADER, *[label for _, label in table.columns]]]
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
    blocks = [_Block("title", spec.title), _Block("para", intro(spec, site))]
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
