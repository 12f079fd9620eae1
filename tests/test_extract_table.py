"""``govlint extract --format csv|parquet``: one record per table cell; a record per unreadable file.

The long form must round-trip through the csv module (with the BOM Excel/WPS need) and
through pyarrow with the columns the README documents, hold every template cell of every
table with its value and position, and give each input at least one record, so that no
file silently drops out of an analysis. JSON and JSON lines get a record per input too.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from corpuskit import write_corpus

from govlint.export_table import COLUMNS, report_records
from govlint.host import Host
from govlint.parser import parse
from govlint.runner import Input, read_input
from govlint.templates import FORMATS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
LEGACY = """平潭示范局2016年政府信息公开工作年度报告
一、概述
本报告所列数据的统计期限为2016年1月1日至2016年12月31日。
二、主动公开政府信息情况
指标名称 | 计量单位 | 本年度 | 历年累计
主动公开政府信息数 | 条 | 120 | 3400
其中：网站公开数 | 条 | 12034 | 
"""


def govlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, env=env, timeout=120)


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def parse_text(name: str, text: str):
    """The parsed report of ``text`` read as the file ``name``."""
    return parse(read_input(Host(), Input(name, None, text.encode("utf-8"))))


def template_cells(template: str) -> int:
    """Cells of every table of a format: its data rows (not group labels) × its columns."""
    fmt = FORMATS[template]
    def cells(table) -> int:
        return sum(1 for row in table.rows if row.data) * len(table.columns)

    active = sum(cells(t) for t in fmt.active)
    applications = cells(fmt.applications)
    return active + applications + 3 * 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return write_corpus(tmp_path_factory.mktemp("extract") / "reports")


@pytest.fixture(scope="module")
def csv_rows(corpus) -> list[dict[str, str]]:
    proc = govlint("extract", "--format", "csv", "reports", cwd=corpus.root.parent)
    assert proc.returncode == 2, proc.stderr.decode()  # one input is unreadable
    assert "c-unreadable.txt" in proc.stderr.decode()
    return read_csv(proc.stdout)


def test_csv_has_the_documented_columns_and_every_input(csv_rows, corpus) -> None:
    assert list(csv_rows[0]) == list(COLUMNS)
    assert {Path(r["file"]).name for r in csv_rows} == {p.name for p in corpus.files}


def test_csv_holds_every_template_cell_of_a_clean_report_with_its_value_and_position(csv_rows) -> None:
    rows = [r for r in csv_rows if r["file"].endswith("a-clean.txt")]
    assert len(rows) == template_cells("2021")
    assert {(r["issuer"], r["year"], r["template"], r["error"]) for r in rows} == {("云溪县示范局", "2023", "2021", "")}
    new = {r["column_key"]: r for r in rows if r["table"] == "applications" and r["row_key"] == "new"}
    assert (new["natural"]["value"], new["natural"]["raw"], new["natural"]["kind"], new["natural"]["status"]) == (
        "46", "46", "number", "ok")
    assert new["natural"]["column_label"] == "自然人" and new["total"]["value"] == "46"
    assert int(new["natural"]["line"]) > 0 and int(new["natural"]["column"]) > 0
    review = [r for r in rows if r["table"] == "review_litigation"]
    assert {r["row_key"] for r in review} == {"review", "suit_direct", "suit_after_review"} and len(review) == 15
    assert {r["table"] for r in rows} == {"item1", "item5", "item6", "item8", "applications", "review_litigation"}


def test_an_unreadable_file_is_one_row_with_the_error(csv_rows) -> None:
    (row,) = [r for r in csv_rows if r["file"].endswith("c-unreadable.txt")]
    assert row["error"] and all(row[c] == "" for c in COLUMNS if c not in ("file", "error"))


def test_csv_written_to_a_file_equals_stdout(corpus, csv_rows) -> None:
    out = corpus.root.parent / "cells.csv"
    proc = govlint("extract", "--format", "csv", "-o", str(out), "reports", cwd=corpus.root.parent)
    assert proc.returncode == 2 and proc.stdout == b""
    assert read_csv(out.read_bytes()) == csv_rows


def test_a_row_whose_values_cannot_be_placed_keeps_the_values_found() -> None:
    from corpuskit import clean_text

    row = "四、结转下年度继续办理\t7\t0\t0\t0\t0\t0\t7\n"
    assert row in clean_text()
    report = parse_text("short.txt", clean_text().replace(row, row.replace("\t0", "", 1)))
    records = list(report_records(report))
    short = [r for r in records if r.get("status") == "short"]
    assert short, "the edit did not shorten a row"
    placed = [r for r in short if r.get("column_key")]
    found = [r for r in short if not r.get("column_key")]
    assert all(r["kind"] == "missing" and r["value"] is None for r in placed)
    assert [r["raw"] for r in found] == ["7", "0", "0", "0", "0", "7"]
    assert {r["row_key"] for r in short} == {"carried_out"}


def test_a_file_without_tables_still_has_one_record() -> None:
    report = parse_text("note.txt", "关于做好政府信息公开工作的通知\n各单位：请按时报送。\n")
    (record,) = report_records(report)
    assert record["file"] == "note.txt" and "table" not in record


def test_legacy_statistics_rows_are_exported_with_units() -> None:
    report = parse_text("old.txt", LEGACY)
    records = [r for r in report_records(report) if r.get("table") == "legacy_statistics"]
    assert records, "the legacy table was not read"
    first = [r for r in records if r["row_label"] == "主动公开政府信息数"]
    assert [(r["column_key"], r["value"], r["unit"]) for r in first] == [("this_year", 120, "条"), ("cumulative", 3400, "条")]


def test_json_and_jsonl_have_a_record_per_input_with_error(corpus) -> None:
    proc = govlint("extract", "--format", "json", "reports", cwd=corpus.root.parent)
    assert proc.returncode == 2
    records = json.loads(proc.stdout)
    assert len(records) == len(corpus.files)
    failed = [r for r in records if r["error"]]
    assert [Path(r["path"]).name for r in failed] == ["c-unreadable.txt"]
    assert set(failed[0]) == {"schema_version", "govlint_version", "path", "error"}
    assert all(r["error"] is None and "tables" in r for r in records if r not in failed)
    lines = govlint("extract", "--format", "jsonl", "reports", cwd=corpus.root.parent).stdout.decode().splitlines()
    assert [json.loads(line)["path"] for line in lines] == [r["path"] for r in records]


def test_parquet_needs_an_output_file(corpus) -> None:
    proc = govlint("extract", "--format", "parquet", "reports", cwd=corpus.root.parent)
    assert proc.returncode == 2 and b"-o" in proc.stderr and b"Traceback" not in proc.stderr


def test_parquet_round_trips_with_the_csv_rows(corpus, csv_rows) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed (pip install 'govlint[data]')")
    out = corpus.root.parent / "cells.parquet"
    proc = govlint("extract", "--format", "parquet", "-o", str(out), "reports", cwd=corpus.root.parent)
    assert proc.returncode == 2, proc.stderr.decode()
    table = parquet.read_table(out)
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("value").type) == "double" and str(table.schema.field("year").type) == "int32"
    rows = table.to_pylist()
    assert len(rows) == len(csv_rows)

    def as_csv(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    converted = [{k: as_csv(v) for k, v in row.items()} for row in rows]
    # The CSV neutralises text a spreadsheet would run as a formula; nothing here starts so.
    assert converted == csv_rows


def test_readme_documents_the_extract_columns_in_order() -> None:
    section = README.split("### Table cells as CSV or Parquet", 1)[1]
    cells = re.findall(r"^\| (`[a-z_]+`(?:, `[a-z_]+`)*) \|", section.split("\n## ", 1)[0], re.M)
    documented = [name for cell in cells for name in re.findall(r"`([a-z_]+)`", cell)]
    assert documented == list(COLUMNS)
