"""The parser: :class:`~govlint.document.Document` → :class:`~govlint.model.Report`.

It records what is in the report — sections, tables, dates, contact details — with
positions, and never judges; judging is the rules' job.
"""

from __future__ import annotations

from govlint.document import Document
from govlint.model import Report
from govlint.parser.anchors import KeyRegion
from govlint.parser.claims import find_claims
from govlint.parser.detect import decide, legacy_evidence, legacy_table_header, table_evidence
from govlint.parser.legacy import read_legacy_statistics
from govlint.parser.metadata import extract_metadata
from govlint.parser.normalize import TextView
from govlint.parser.sections import SectionLayout, find_part_count, find_sections
from govlint.parser.active_tables import read_active_tables
from govlint.parser.tables import (
    document_runs_together,
    read_applications,
    read_review,
    table_problems,
)
from govlint.model import Tables
from govlint.templates import FORMAT_2019, FORMAT_2021, FORMATS, LEGACY, expected_template


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
    report.claims = find_claims(view, prose, report.year, report.issuer)
    report._read_prose = lambda: _read_prose(view, layout, report)
    return report


def _read_prose(view: TextView, layout: SectionLayout, report: Report):
    """The prose facts, read the first time a rule or ``extract`` asks (imported then too)."""
    from govlint.parser.prose import read_prose

    return read_prose(view, layout, report)


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
    """Read the tables of sections 二–四, then decide the format from what they hold.

    The key view of the tables' sections is built once and sliced per section. Each table is
    read with whichever national format's labels fit it best (the year's format first), so the
    format is decided afterwards from the labels the tables actually carry — never from words
    in the prose. A pre-2019 report keeps none of these tables: its old statistics table is
    read instead.
    """
    length = len(view.text)
    start_2, end_2 = section_region(layout, 2, length)
    start_3, end_3 = section_region(layout, 3, length)
    start_4, end_4 = section_region(layout, 4, length)
    lo, hi = min(start_2, start_3, start_4), max(end_2, end_3, end_4)
    keys = KeyRegion(view.text, lo, hi, view.original)
    preferred = FORMAT_2019 if report.year is not None and expected_template(report.year) == FORMAT_2019 else FORMAT_2021
    formats = [FORMATS[preferred], FORMATS[FORMAT_2021 if preferred == FORMAT_2019 else FORMAT_2019]]
    glued = document_runs_together(view, lo, hi)
    tables = Tables()
    tables.active_disclosure = read_active_tables(view, keys.sub(start_2, end_2), formats, glued)
    tables.applications = read_applications(view, keys.sub(start_3, end_3), formats, glued)
    tables.review_litigation, problems = read_review(view, keys.sub(start_4, end_4), glued)
    evidence = table_evidence(tables)
    old_layout = legacy_evidence(view)
    report.template = decide(evidence, report.year, old_layout)
    if report.template == LEGACY:
        report.template_evidence = old_layout
        header = legacy_table_header(view)
        report.legacy_statistics = read_legacy_statistics(view, header[1]) if header else []
        return
    report.template_evidence = evidence
    report.tables = tables
    report.problems.extend(problems)
    report.problems.extend(table_problems(report.tables))
