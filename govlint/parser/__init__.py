"""The parser: :class:`~govlint.document.Document` → :class:`~govlint.model.Report`.

It records what is in the report — sections, tables, dates, contact details — with
positions, and never judges; judging is the rules' job.
"""

from __future__ import annotations

from govlint.document import Document
from govlint.model import Report
from govlint.parser.normalize import TextView
from govlint.parser.sections import find_part_count, find_sections


def parse(document: Document) -> Report:
    """Parse one document into a report model."""
    view = TextView.of(document)
    report = Report(path=document.path, document=document)
    layout = find_sections(view)
    report.sections, report.duplicate_sections = layout.sections, layout.duplicates
    intro_end = layout.first_heading if layout.first_heading is not None else min(len(view.text), 3000)
    report.part_count = find_part_count(view, intro_end)
    return report
