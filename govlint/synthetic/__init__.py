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

from govlint.synthetic.render import SEPARATED_STYLES, STYLES, Style, format_number, render
from govlint.synthetic.spec import (
    APPLICATIONS_KEY,
    REVIEW_KEY,
    ExpectedCell,
    Mismatch,
    Number,
    ReportSpec,
    compare,
    consistent_applications,
    invented,
    review_from_parts,
)

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
