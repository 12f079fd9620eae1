"""The public API for govlint plugins. Plugins import from here and nowhere else.

A rule plugin is a module registered under the ``govlint`` entry-point group::

    # pyproject.toml of the plugin distribution
    [project.entry-points.govlint]
    js = "govlint_js"

    # govlint_js/__init__.py
    from govlint.api import hookimpl

    @hookimpl
    def govlint_rules():
        from govlint_js import rules      # import lazily: keeps start-up fast
        return [rules.js_extra_row]

    # govlint_js/rules.py
    from govlint.api import Violation, rule

    @rule("JS001", "js-extra-row", "江苏省要求的附加行缺失", "warning")
    def js_extra_row(report, options):
        \"\"\"...documentation with What it checks / Why / examples / Options...\"\"\"
        ...
        yield Violation("…", span)

``rule(..., report_scope=ReportScope(issuer_contains=("江苏",)))`` limits a rule to the reports of
some issuers and years (as a YAML pack's ``scope`` does); ``issuer_kind(name)`` tells a
department, a government and a township apart (条例 第四十九条). ``regex.compile`` is ``re.compile`` with the compiled pattern cached between runs (start-up
time: pre-commit runs govlint on every commit). ``templates`` is the data of the two national formats (section titles, table captions,
columns, rows) and ``label_key`` the comparison key for labels. Everything exported here
is a stable contract; internals may change between releases.
"""

from __future__ import annotations

import pluggy

from govlint import regex, templates
from govlint.diagnostics import Diagnostic, Severity, Violation, format_number
from govlint.document import Document
from govlint.errors import ReadError
from govlint.issuer import ISSUER_KINDS, STATUTORY_DEADLINES, issuer_kind
from govlint.model_aggregate import AggregateUnits, UnitSummary, cell_number, compared_cells
from govlint.model import (
    Allowances,
    Cell,
    Claim,
    Column,
    ContactField,
    DateMention,
    Evidence,
    Heading,
    Period,
    Problem,
    Report,
    Row,
    Section,
    Span,
    Table,
    Tables,
    TextFact,
    YearMention,
)
from govlint.pairing import PairSummary
from govlint.parser.normalize import label_key
from govlint.rules import EVERY_REPORT, Option, ReportScope, Rule, rule

#: Decorator for hook implementations (``govlint_rules``, ``govlint_read`` …).
hookimpl = pluggy.HookimplMarker("govlint")

__all__ = [
    "AggregateUnits",
    "UnitSummary",
    "cell_number",
    "compared_cells",
    "Allowances",
    "Cell",
    "Claim",
    "Column",
    "ContactField",
    "DateMention",
    "Diagnostic",
    "Document",
    "EVERY_REPORT",
    "Evidence",
    "Heading",
    "ISSUER_KINDS",
    "Option",
    "PairSummary",
    "Period",
    "Problem",
    "ReadError",
    "Report",
    "ReportScope",
    "Row",
    "Rule",
    "STATUTORY_DEADLINES",
    "Section",
    "Severity",
    "Span",
    "Table",
    "Tables",
    "TextFact",
    "Violation",
    "YearMention",
    "format_number",
    "hookimpl",
    "issuer_kind",
    "label_key",
    "regex",
    "rule",
    "templates",
]
