"""Readers on real published files (../shared/corpus, beside the checkout; never copied here).

* corpus/002: the published PDF read directly gives what its extracted text gives: the same
  template, year, every cell of the tables of sections 二, 三 and 四 and the same finding codes.
* corpus/101: the full CMS page keeps every report paragraph (even one containing words site
  footers use), reads its tables from markup, and drops no visible article text.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from govlint.host import Host
from govlint.model import Report
from govlint.parser import parse
from govlint.runner import Input, check_input, read_input
from govlint.settings import CliOverrides, SettingsResolver

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HUAIAN = CORPUS / "002_2024_huaian_shi"
PINGTAN = CORPUS / "101_2021_fujian_pingtan_page.html"


def _host() -> Host:
    global _HOST
    try:
        return _HOST
    except NameError:
        _HOST = Host()
        return _HOST


def report_of(path: Path) -> Report:
    return parse(read_input(_host(), Input(str(path), path)))


def codes_of(path: Path) -> set[str]:
    host = _host()
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)
    return {d.code for d in check_input(host, resolver, Input(str(path), path)).diagnostics}


def cells(report: Report) -> dict[tuple[str, str], tuple[str, list]]:
    """``{(table, row): (status, [(cell kind, value), …])}`` of every table row of sections 二–四."""
    found = {}
    for table in report.tables.all():
        for row in [*table.rows, *table.extra_rows]:
            found[(table.key, row.key)] = (row.status, [(cell.kind, cell.value) for cell in row.cells])
    return found


needs_pdf = pytest.mark.skipif(
    importlib.util.find_spec("pdfplumber") is None or not HUAIAN.with_suffix(".pdf").is_file()
    or not HUAIAN.with_suffix(".txt").is_file(),
    reason="needs pdfplumber and ../shared/corpus/002_2024_huaian_shi.{pdf,txt}",
)


@needs_pdf
def test_corpus_002_pdf_reads_as_its_extracted_text() -> None:
    pdf, txt = report_of(HUAIAN.with_suffix(".pdf")), report_of(HUAIAN.with_suffix(".txt"))
    assert (pdf.template, pdf.year) == (txt.template, txt.year) == ("2021", 2024)
    from_pdf, from_txt = cells(pdf), cells(txt)
    assert len(from_txt) > 30 and all(status == "ok" for status, _ in from_txt.values())
    assert from_pdf == from_txt
    assert pdf.tables.applications.value("new", "total") == 3119


@needs_pdf
def test_corpus_002_pdf_has_the_findings_of_its_extracted_text() -> None:
    pdf, txt = codes_of(HUAIAN.with_suffix(".pdf")), codes_of(HUAIAN.with_suffix(".txt"))
    assert pdf == txt
    assert "GOV005" not in pdf


needs_page = pytest.mark.skipif(not PINGTAN.is_file(), reason="needs ../shared/corpus/101_2021_fujian_pingtan_page.html")


@needs_page
def test_corpus_101_page_keeps_every_report_paragraph() -> None:
    document = read_input(_host(), Input(str(PINGTAN), PINGTAN))
    lines = document.text.splitlines()
    # section 一's sub-headings, one of them in a paragraph that mentions 承办单位
    for number in ("（一）", "（二）", "（三）"):
        assert any(line.startswith(number) for line in lines), number
    assert any(line.startswith("（二）") and "承办单位" in line for line in lines)
    assert document.dropped_text is None  # nothing visible inside the article is left out
    report = parse(document)
    assert (report.template, report.year) == ("2021", 2021)
    applications = report.tables.applications
    assert [c.value for c in applications.row("new").cells] == [64, 0, 0, 2, 0, 4, 70]
    assert [c.value for c in applications.row("total").cells] == [63, 0, 0, 2, 0, 4, 69]


@needs_page
def test_corpus_101_page_findings() -> None:
    found = codes_of(PINGTAN)
    assert not {"GOV205", "GOV008", "GOV005", "GOV004"} & found
    assert not {code for code in found if code.startswith("GOV3")}
