"""Acceptance: one synthetic report, five formats, the same numbers and the same findings.

The report (govlint.synthetic, 2021 format) carries deliberate defects: a wrong （七）总计
(自然人 +3), a blank 总计 cell in 二、上年结转, no contact details, and a miswritten section-五
title. It is written as .txt, .md, .html (rowspan/colspan, ``&nbsp;``), .docx (python-docx,
real merged cells) and .pdf (reportlab, CID font STSong-Light, running header and page
numbers). Every format must give back every table cell with the same value and the same set
of finding codes; the positions of one table-cell finding (GOV307) and one heading finding
(GOV203) are checked in each format's own position scheme:

* .txt, .md, .html: line:column of the file;
* .docx: block:character (paragraph or table row number, character in it);
* .pdf: page:line (page number, line within the page).

All text is synthetic.
"""

from __future__ import annotations

import functools
import importlib.util
import random

import pytest

from formatkit import WRITERS, Sample, _blocks, layout
from govlint.document import CELL_SEPARATOR, Document
from govlint.model import Report
from govlint.parser import parse
from govlint.synthetic import ReportSpec

BLANK_ROW = "二、上年结转政府信息公开申请数量"
HEADING = "五、存在问题和下步改进情况"
# The blank 总计 is GOV307's finding only (GOV006 never repeats a blank total GOV307 reports).
EXPECTED_CODES = {"GOV203", "GOV301", "GOV302", "GOV303", "GOV307", "GOV501"}


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


FORMATS = [
    ".txt",
    ".md",
    pytest.param(".html", marks=pytest.mark.skipif(not _has("govlint.readers.html"),
                                                   reason="the HTML reader (govlint.readers.html) is not there yet")),
    ".docx",
    pytest.param(".pdf", marks=pytest.mark.skipif(not (_has("pdfplumber") and _has("reportlab")),
                                                  reason='needs the extra: pip install "govlint[pdf]" (and reportlab)')),
]


def sample() -> Sample:
    spec = ReportSpec.random(random.Random(3), template="2021")
    spec.contact = None
    spec.applications["total"][0] += 3  # （七）总计 自然人 no longer the sum of the results
    return Sample(spec, frozenset({(BLANK_ROW, 6)}), (("五、存在的主要问题及改进情况", HEADING),))


SAMPLE = sample()


@functools.cache
def written(ext: str) -> bytes:
    return WRITERS[ext](SAMPLE)


@functools.cache
def host():
    from govlint.host import Host

    return Host()


def read(ext: str) -> Document:
    document = host().pm.hook.govlint_read(path=f"report{ext}", data=written(ext))
    assert document is not None
    return document


@functools.cache
def checked(ext: str):
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    resolver = SettingsResolver(host().registry, CliOverrides(), isolated=True)
    return check_input(host(), resolver, Input(f"report{ext}", None, written(ext)))


def numbers(report: Report) -> dict[tuple[str, str, str], object]:
    """Every table cell the parser read: ``{(table, row, column): value}``."""
    found = {}
    for table in report.tables.all():
        for row in table.rows:
            for column, cell in zip(table.column_keys, row.cells):
                found[(table.key, row.key, column)] = cell.value
    return found


def expected_numbers() -> dict[tuple[str, str, str], object]:
    found = {(c.table, c.row, c.column): c.value for c in SAMPLE.spec.cells()}
    found[("applications", "carried_in", "total")] = None  # the blank cell is never read as 0
    return found


# ----------------------------------------------------------------------------- same content


@pytest.mark.parametrize("ext", FORMATS)
def test_reader_is_chosen_by_suffix(ext: str) -> None:
    assert read(ext).reader == {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".pdf": "pdf"}[ext]


@pytest.mark.parametrize("ext", FORMATS)
def test_identical_numbers(ext: str) -> None:
    report = parse(read(ext))
    assert numbers(report) == expected_numbers()
    carried = report.tables.applications.row("carried_in")
    # an empty cell where the format can show one; plain text writes "/"
    assert carried.cells[6].kind == ("placeholder" if ext == ".txt" else "blank")


@pytest.mark.parametrize("ext", FORMATS)
def test_identical_finding_codes(ext: str) -> None:
    result = checked(ext)
    assert result.error is None
    assert {d.code for d in result.diagnostics} == EXPECTED_CODES


# ----------------------------------------------------------------------------- positions per format


def text_lines(ext: str) -> list[str]:
    return written(ext).decode("utf-8").split("\n")


def line_with(lines: list[str], needle: str) -> int:
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def docx_block(needle: str) -> int:
    """The block (paragraph or table row) number of ``needle``, counted from the layout."""
    block = 0
    for item in SAMPLE.blocks():
        if item.grid is None:
            block += 1
            if needle in item.text:
                return block
            continue
        table = layout(item.grid, SAMPLE.blank)
        for r in range(table.rows):
            block += 1
            if any(needle in cell.text for cell in table.cells if cell.row == r):
                return block
    raise AssertionError(needle)


def pdf_page_line(needle: str) -> tuple[int, int]:
    """Page (found with pdfplumber directly) and line within it (from the reader) of ``needle``."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(written(".pdf"))) as pdf:
        page = next(p.page_number for p in pdf.pages if needle in (p.extract_text() or "").replace("\n", ""))
    document = read(".pdf")
    lines = [text for (p, _), text in zip(document.page_lines, document.source.split("\n")) if p == page]
    return page, next(n for n, text in enumerate(lines, 1) if needle in text)


def expected_positions(ext: str) -> dict[str, tuple[int, int]]:
    """``{code: (line, column)}`` of GOV307 (the blank 总计 cell) and GOV203 (the title)."""
    values = [str(v) for v in SAMPLE.spec.applications["carried_in"][:6]]
    if ext == ".txt":
        lines = text_lines(ext)
        row = line_with(lines, BLANK_ROW)
        return {"GOV307": (row, lines[row - 1].rindex("/") + 1), "GOV203": (line_with(lines, HEADING), 1)}
    if ext == ".md":
        lines = text_lines(ext)
        row = line_with(lines, BLANK_ROW)
        opening = lines[row - 1].rstrip().rstrip("|").rindex("|")
        return {"GOV307": (row, opening + 2), "GOV203": (line_with(lines, HEADING), len("## ") + 1)}
    if ext == ".docx":
        prefix = CELL_SEPARATOR.join([BLANK_ROW, *values]) + CELL_SEPARATOR
        return {"GOV307": (docx_block(BLANK_ROW), len(prefix) + 1), "GOV203": (docx_block(HEADING), 1)}
    if ext == ".pdf":
        return {"GOV307": pdf_page_line(BLANK_ROW), "GOV203": pdf_page_line(HEADING)}
    raise AssertionError(ext)


@pytest.mark.parametrize("ext", [p for p in FORMATS if getattr(p, "values", (p,))[0] != ".html"])
def test_positions(ext: str) -> None:
    found = {d.code: (d.line, d.column) for d in checked(ext).diagnostics if d.code in ("GOV307", "GOV203")}
    assert found == expected_positions(ext)


@pytest.mark.skipif(not _has("govlint.readers.html"), reason="the HTML reader is not there yet")
def test_positions_html() -> None:
    """In HTML the finding points into the source: the ``<td>`` of the blank cell, the ``<h2>`` text."""
    lines = text_lines(".html")
    found = {d.code: (d.line, d.column) for d in checked(".html").diagnostics if d.code in ("GOV307", "GOV203")}
    heading = line_with(lines, HEADING)
    assert found["GOV203"] == (heading, lines[heading - 1].index(HEADING) + 1)
    row = line_with(lines, BLANK_ROW)
    blank = next(n for n in range(row, len(lines)) if lines[n - 1] == "<td>&nbsp;</td>")
    assert found["GOV307"][0] == blank


@pytest.mark.parametrize("ext", FORMATS)
def test_full_output_shows_the_line_of_the_finding(ext: str) -> None:
    result = checked(ext)
    [heading] = [d for d in result.diagnostics if d.code == "GOV203"]
    shown = result.lines.get((heading.line, heading.column), "")
    if ext == ".pdf":  # page:line: the page is not one line (see Document.line_at)
        assert read(ext).line_at(heading.line, heading.column) == HEADING
    else:
        assert HEADING in shown


# ----------------------------------------------------------------------------- command line


def test_check_directory_picks_up_every_format_and_skips_other_files(tmp_path) -> None:
    from test_cli import run

    wanted = [p if isinstance(p, str) else p.values[0] for p in FORMATS]
    available = [ext for ext in wanted if (ext != ".html" or _has("govlint.readers.html"))
                 and (ext != ".pdf" or (_has("pdfplumber") and _has("reportlab")))]
    for ext in available:
        (tmp_path / f"report{ext}").write_bytes(written(ext))
    (tmp_path / "report.markdown").write_bytes(written(".md"))
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04 not a report")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    result = run("check", "-q", "--isolated", "--output-format", "concise", ".", cwd=tmp_path)
    assert result.code == 1, result
    # A legacy Word file is not checked; it gets the command line's one-line hint (issue 13).
    assert result.stderr.splitlines() == ["govlint: 提示：old.doc：已跳过，旧版 Word/WPS 二进制格式（.doc/.wps）不受支持，"
                                          "请另存为 .docx 后再检查"]
    paths = {line.split(":", 1)[0] for line in result.lines}
    assert paths == {f"report{ext}" for ext in available} | {"report.markdown"}
    for ext in available:
        codes = {line.split(" ")[1] for line in result.lines if line.startswith(f"report{ext}:")}
        assert codes == EXPECTED_CODES, ext


@pytest.mark.parametrize("ext", FORMATS)
def test_stdin_filename_chooses_the_reader(ext: str, tmp_path) -> None:
    from test_cli import run

    result = run("check", "--isolated", "--output-format", "concise", "-", "--stdin-filename", f"x{ext}",
                 cwd=tmp_path, stdin=written(ext))
    assert result.code == 1, result
    assert {line.split(" ")[1] for line in result.lines} == EXPECTED_CODES
    assert all(line.startswith(f"x{ext}:") for line in result.lines)
    positions = {line.split(" ")[1]: tuple(int(n) for n in line.split(":")[1:3]) for line in result.lines}
    assert positions["GOV203"] == {d.code: (d.line, d.column) for d in checked(ext).diagnostics}["GOV203"]


# ----------------------------------------------------------------------------- readers are plugins


class _CsvReport:
    """A third-party reader: ``.csvr`` files, one table row per line, cells separated by commas."""

    @staticmethod
    def govlint_read(path: str, data: bytes):
        if not path.endswith(".csvr"):
            return None
        text = data.decode("utf-8").replace(",", CELL_SEPARATOR)
        return Document(path=path, text=text, reader="csvr")

    @staticmethod
    def govlint_report_suffixes():
        return [".csvr"]


def test_a_plugin_can_add_a_format() -> None:
    import pluggy

    from govlint.host import Host
    from govlint.runner import Input, read_input

    marker = pluggy.HookimplMarker("govlint")
    plugin = type("CsvReport", (), {
        "govlint_read": staticmethod(marker(_CsvReport.govlint_read)),
        "govlint_report_suffixes": staticmethod(marker(_CsvReport.govlint_report_suffixes)),
    })
    fresh = Host(load_entry_points=False)
    fresh.pm.register(plugin, name="csvr")
    assert ".csvr" in fresh.report_suffixes()
    assert {".txt", ".md", ".markdown", ".docx", ".pdf"} <= fresh.report_suffixes()
    document = read_input(fresh, Input("r.csvr", None, "规章,0,15\n".encode()))
    assert (document.reader, document.text) == ("csvr", "规章 | 0 | 15\n")
    # the built-in readers still read their formats
    assert read_input(fresh, Input("r.docx", None, written(".docx"))).reader == "docx"
    assert read_input(fresh, Input("r.txt", None, written(".txt"))).reader == "text"


def test_layout_blocks_match_the_docx_reader() -> None:
    """The docx position expectations count blocks from the layout; check that count once."""
    document = read(".docx")
    assert len(document.text.splitlines()) == sum(
        1 if b.grid is None else layout(b.grid).rows for b in _blocks(SAMPLE.spec))
