"""The parser: :class:`~govlint.document.Document` → :class:`~govlint.model.Report`.

It records what is in the report — sections, tables, dates, contact details — with
positions, and never judges; judging is the rules' job.
"""

from __future__ import annotations

from govlint.document import Document
from govlint.model import Report
from govlint.parser.anchors import KeyRegion
from govlint.parser.claims import find_claims
from govlint.parser.detect import LEGACY_HEADINGS, decide, find_evidence
from govlint.parser.metadata import extract_metadata
from govlint.parser.normalize import TextView
from govlint.parser.sections import SectionLayout, find_part_count, find_sections
from govlint.parser.tables import (
    document_runs_together,
    read_active_tables,
    read_applications,
    read_review,
    table_problems,
)
from govlint.templates import FORMAT_2019, FORMAT_2021, FORMATS


def parse(document: Document) -> Report:
    """Parse one document into a report model."""
    view = TextView.of(document)
    report = Report(path=document.path, document=document)
    layout = find_sections(view)
    report.sections, report.duplicate_sections = layout.sections, layout.duplicates
    intro_end = layout.first_heading if layout.first_heading is not None else min(len(view.text), 3000)
    report.part_count = find_part_count(view, intro_end)
    extract_metadata(view, layout, report)
    read_tables(view, layout, report)
    prose = [(0, intro_end)] + ([layout.bodies[1]] if 1 in layout.bodies else [])
    report.claims = find_claims(view, prose, report.year)
    return report


def section_region(layout: SectionLayout, number: int, length: int) -> tuple[int, int]:
    """View range where section ``number``'s content is.

    A missing section's content (if any) sits in the body of the closest earlier section
    that was found; with no sections at all, the whole text is searched.
    """
    if number in layout.bodies:
        return layout.bodies[number]
    earlier = [n for n in layout.bodies if n < number]
    if earlier:
        return layout.bodies[max(earlier)]
    later = [layout.bodies[n][0] for n in layout.bodies if n > number]
    return (0, min(later) if later else length)


def read_tables(view: TextView, layout: SectionLayout, report: Report) -> None:
    """Detect the format and read the tables of sections 二–四 into ``report``.

    The key view of the tables' sections is built once and sliced per section.
    """
    length = len(view.text)
    start_2, end_2 = section_region(layout, 2, length)
    start_3, end_3 = section_region(layout, 3, length)
    start_4, end_4 = section_region(layout, 4, length)
    lo, hi = min(start_2, start_3, start_4), max(end_2, end_3, end_4)
    keys = KeyRegion(view.text, lo, hi, view.original)
    report.template_evidence = find_evidence(view, keys.sub(min(start_2, start_3), max(end_2, end_3)))
    # Free-form pre-2019 reports have none of the six sections; their old headings
    # (概述, 依申请公开政府信息情况, 收费及减免情况 …) are looked for in the whole text.
    legacy = sum(1 for heading in LEGACY_HEADINGS if heading in view.text) >= 2
    report.template = decide(report.template_evidence, report.year, True, legacy)
    preferred = FORMAT_2019 if report.template == FORMAT_2019 else FORMAT_2021
    formats = [FORMATS[preferred], FORMATS[FORMAT_2021 if preferred == FORMAT_2019 else FORMAT_2019]]
    glued = document_runs_together(view, lo, hi)
    report.tables.active_disclosure = read_active_tables(view, keys.sub(start_2, end_2), formats, glued)
    report.tables.applications = read_applications(view, keys.sub(start_3, end_3), formats, glued)
    report.tables.review_litigation, problems = read_review(view, keys.sub(start_4, end_4), glued)
    report.problems.extend(problems)
    report.problems.extend(table_problems(report.tables))
