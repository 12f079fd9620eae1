"""Per-file summaries and the CSV output formats (``csv``, ``summary-csv``).

Both CSV formats must open in Excel/WPS (UTF-8 with BOM) and round-trip through the csv
module with the columns the README documents; the summary has one row per input, clean
and unreadable files included, with the parser's issuer, year and template.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from corpuskit import write_corpus

from govlint.csv_text import BOM, cell_text, safe_text
from govlint.diagnostics import Diagnostic, Severity
from govlint.host import Host
from govlint.output.csv_format import FINDING_COLUMNS, SUMMARY_COLUMNS
from govlint.runner import Failure, FileResult, Input, RunResult, check
from govlint.settings import SettingsResolver
from govlint.summary import summarize

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def govlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, env=env, timeout=120)


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Rows of a CSV file that must start with the UTF-8 BOM."""
    assert data.startswith(BOM.encode("utf-8")), "no UTF-8 byte-order mark: Excel/WPS would read GBK"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def diagnostic(path: str, code: str, severity: Severity, line: int = 3) -> Diagnostic:
    return Diagnostic(path, line, 1, code, "消息", severity, end_line=line, end_column=2)


# --------------------------------------------------------------------------- summary

def test_summary_counts_each_file_by_severity_with_its_top_codes() -> None:
    files = [
        FileResult("a.txt", [diagnostic("a.txt", "GOV302", Severity.ERROR), diagnostic("a.txt", "GOV302", Severity.ERROR),
                             diagnostic("a.txt", "GOV501", Severity.WARNING), diagnostic("a.txt", "GOV007", Severity.INFO),
                             diagnostic("a.txt", "GOV103", Severity.WARNING)],
                   issuer="甲局", year=2023, template="2021"),
        FileResult("b.txt", issuer="乙局", year=2022, template="2019"),
        FileResult("c.txt", [diagnostic("c.txt", "GOV001", Severity.ERROR, line=1)], failures=[Failure("文件不存在")]),
    ]
    summary = summarize(RunResult(files, Host().registry))
    a, b, c = summary.files
    assert (a.errors, a.warnings, a.infos, a.unreadable) == (2, 2, 1, False)
    assert a.top_codes == [("GOV302", 2), ("GOV007", 1), ("GOV103", 1)]  # by count, then code; three at most
    assert a.top_codes_text() == "GOV302:2 GOV007:1 GOV103:1"
    assert (a.issuer, a.year, a.template) == ("甲局", 2023, "2021")
    assert b.clean and not c.clean and c.unreadable and c.error == "文件不存在"
    assert (summary.checked, summary.clean, summary.with_errors, summary.unreadable) == (3, 1, 1, 1)
    assert (summary.errors, summary.warnings, summary.infos, summary.findings) == (3, 2, 1, 6)
    assert [(c.code, c.count, c.files) for c in summary.codes][:2] == [("GOV302", 2, 1), ("GOV001", 1, 1)]


def test_code_count_takes_the_most_serious_severity_a_code_was_reported_with() -> None:
    files = [FileResult("a.txt", [diagnostic("a.txt", "GOV501", Severity.WARNING)]),
             FileResult("b.txt", [diagnostic("b.txt", "GOV501", Severity.ERROR)])]
    (entry,) = summarize(RunResult(files, Host().registry)).codes
    assert (entry.count, entry.files, entry.severity) == (2, 2, Severity.ERROR)


def test_the_runner_keeps_the_parsers_issuer_year_and_template(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    host = Host()
    resolver = SettingsResolver(host.registry, isolated=True)
    inputs = [Input(str(p), p) for p in (corpus.clean, corpus.defective, corpus.unreadable)]
    clean, defective, unreadable = check(host, resolver, inputs).files
    assert (clean.issuer, clean.year, clean.template) == ("云溪县示范局", 2023, "2021")
    assert (defective.issuer, defective.year, defective.template) == ("白沙镇人民政府", 2020, "2019")
    assert (unreadable.issuer, unreadable.year, unreadable.template, bool(unreadable.error)) == (None, None, None, True)


# --------------------------------------------------------------------------- csv formats

def test_summary_csv_has_one_row_per_input_clean_and_unreadable_included(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "reports")
    proc = govlint("check", "--isolated", "--output-format", "summary-csv", "reports", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr.decode()  # an unreadable input: exit 2, as for every format
    rows = read_csv(proc.stdout)
    assert list(rows[0]) == list(SUMMARY_COLUMNS)
    by_name = {Path(r["file"]).name: r for r in rows}
    assert sorted(by_name) == sorted(p.name for p in corpus.files)
    clean = by_name["a-clean.txt"]
    assert (clean["issuer"], clean["year"], clean["template"]) == ("云溪县示范局", "2023", "2021")
    assert (clean["errors"], clean["warnings"], clean["infos"], clean["unreadable"], clean["top_codes"]) == (
        "0", "0", "0", "false", "")
    defective = by_name["b-defective.txt"]
    assert (defective["errors"], defective["warnings"], defective["unreadable"]) == ("2", "1", "false")
    assert set(defective["top_codes"].split()) == {"GOV301:1", "GOV303:1", "GOV501:1"}
    unreadable = by_name["c-unreadable.txt"]
    assert unreadable["unreadable"] == "true" and unreadable["error"] and unreadable["top_codes"] == "GOV001:1"
    assert (unreadable["issuer"], unreadable["year"], unreadable["template"]) == ("", "", "")
    if corpus.odd is not None:
        assert by_name[corpus.odd.name]["issuer"] == "青石乡人民政府"


def test_csv_has_one_row_per_finding_matching_the_json_output(tmp_path: Path) -> None:
    write_corpus(tmp_path / "reports")
    proc = govlint("check", "--isolated", "--output-format", "csv", "-o", "findings.csv", "reports", cwd=tmp_path)
    assert proc.returncode == 2
    rows = read_csv((tmp_path / "findings.csv").read_bytes())
    assert list(rows[0]) == list(FINDING_COLUMNS)
    import json

    items = json.loads(govlint("check", "--isolated", "--output-format", "json", "reports", cwd=tmp_path).stdout)
    assert [(r["file"], int(r["line"]), int(r["column"]), r["code"], r["severity"], r["message"]) for r in rows] == [
        (i["filename"], i["location"]["row"], i["location"]["column"], i["code"], i["severity"], i["message"])
        for i in items
    ]
    assert {r["code"] for r in rows} == {"GOV001", "GOV301", "GOV303", "GOV501"}


def test_csv_lines_end_in_crlf_and_statistics_go_to_stderr(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "reports")
    proc = govlint("check", "--isolated", "--output-format", "csv", "--statistics", "--count",
                   str(corpus.defective), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.count(b"\r\n") == 4 and b"\n" not in proc.stdout.replace(b"\r\n", b"")
    assert b"GOV303" in proc.stderr and proc.stderr.strip().endswith(b"3")


@pytest.mark.parametrize("value, shown", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-cmd", "'-cmd"), ("-", "-"), ("-3", "-3"), ("-0.5", "-0.5"), ("—", "—"), ("报告.txt", "报告.txt"),
])
def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralised(value: str, shown: str) -> None:
    assert safe_text(value) == shown


def test_cell_text_of_numbers_booleans_and_missing_values() -> None:
    assert [cell_text(v) for v in (None, True, False, 12, 12.0, 96171.6, "")] == [
        "", "true", "false", "12", "12", "96171.6", ""]


def _readme_columns(heading: str) -> list[str]:
    """The backquoted names of the README's column list that follows ``heading``."""
    section = README.split(heading, 1)[1]
    line = next(l for l in section.splitlines() if l.startswith("Columns:"))
    return re.findall(r"`([a-z_]+)`", line)


def test_readme_documents_the_csv_columns_in_order() -> None:
    assert _readme_columns("`--output-format csv`") == list(FINDING_COLUMNS)
    assert _readme_columns("`--output-format summary-csv`") == list(SUMMARY_COLUMNS)
