"""Word places: .docx findings also name the place in Word's terms (``第3段``, ``表2 第5行 第3列``).

The machine position of a Word finding is ``block:character``, which means nothing in Word;
every output format shows the place a drafter can find beside it.
"""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from click.testing import CliRunner

docx = pytest.importorskip("docx")

from formatkit import Sample, write_docx  # noqa: E402
from govlint.cli import cli  # noqa: E402
from govlint.readers.docx import govlint_read  # noqa: E402
from govlint.synthetic import ReportSpec  # noqa: E402


def _word_bytes() -> bytes:
    """Two tables and paragraphs, an empty spacing paragraph, a horizontal and a vertical merge."""
    word = docx.Document()
    word.add_paragraph("某某区档案局2022年政府信息公开工作年度报告")
    word.add_paragraph("")  # empty spacing paragraph: not counted
    word.add_paragraph("一、总体情况")
    first = word.add_table(rows=1, cols=2)
    first.cell(0, 0).text, first.cell(0, 1).text = "甲", "乙"
    word.add_paragraph("二、主动公开政府信息情况")
    table = word.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "申请人情况"  # grid columns 1-2
    table.cell(0, 2).text, table.cell(0, 3).text = "自然人", "总计"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "本年"  # vertical merge: rows 2-3 of column 1
    for row in (1, 2):
        table.cell(row, 1).text, table.cell(row, 2).text, table.cell(row, 3).text = f"项{row}", "7", "9"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_document_names_paragraphs_and_cells_in_word_terms():
    document = govlint_read("r.docx", _word_bytes())
    lines = document.source.split("\n")
    assert document.place_of(1, 1) == "第1段"
    assert lines[1] == "" and document.place_of(2, 1) is None  # an empty paragraph has no number
    assert document.place_of(3, 3) == "第2段"
    assert document.place_of(4, 1) == "表1 第1行 第1列"
    assert document.place_of(5, 1) == "第3段"
    header = lines[5]
    assert document.place_of(6, header.index("自然人") + 1) == "表2 第1行 第3列"  # after the merged cell
    assert document.place_of(6, header.index("总计") + 2) == "表2 第1行 第4列"
    below = lines[7]  # the continuation of the vertical merge is left out; columns stay Word's
    assert below.startswith("项2")
    assert document.place_of(8, 1) == "表2 第3行 第2列"
    assert document.place_of(8, below.index("9") + 1) == "表2 第3行 第4列"
    assert document.place_of(99, 1) is None


def test_text_documents_have_no_word_place(tmp_path):
    from govlint.readers.text import govlint_read as read_text

    document = read_text("r.txt", "一、总体情况\n".encode())
    assert document.place_of(1, 1) is None


@pytest.fixture(scope="module")
def defective(tmp_path_factory):
    """A Word report with a wrong （七）总计, a blank cell and a reworded section title."""
    spec = ReportSpec.random(random.Random(7), template="2021")
    spec.applications["total"][0] += 3
    sample = Sample(spec, frozenset({("二、上年结转政府信息公开申请数量", 2)}),
                    (("五、存在的主要问题及改进情况", "五、存在问题和下步改进情况"),))
    path = tmp_path_factory.mktemp("places") / "报告.docx"
    path.write_bytes(write_docx(sample))
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, ["check", "--isolated", *args])


def test_concise_and_full_keep_the_position_first_and_add_the_place(defective):
    for fmt in ("concise", "full"):
        output = _run("--output-format", fmt, str(defective)).output
        lines = [line for line in output.splitlines() if "GOV302" in line]
        assert lines and lines[0].startswith(f"{defective}:")
        assert lines[0].split(": ", 1)[1].startswith("GOV302 [错误]")
        assert lines[0].endswith("列）") and "（位置：表" in lines[0]
        gov203 = next(line for line in output.splitlines() if "GOV203" in line)
        assert gov203.endswith("段）")
    whole = next(line for line in _run(str(defective)).output.splitlines() if ":1:1: " in line)
    assert "位置" not in whole  # a whole-file finding has no place


def test_json_sarif_github_csv_carry_the_place(defective):
    items = json.loads(_run("--output-format", "json", str(defective)).output)
    places = {item["code"]: item["place"] for item in items}
    assert places["GOV302"].startswith("表") and " 第" in places["GOV302"] and places["GOV302"].endswith("列")
    assert places["GOV203"].endswith("段")

    sarif = json.loads(_run("--output-format", "sarif", str(defective)).output)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "GOV302")
    assert result["locations"][0]["physicalLocation"]["region"]["message"]["text"] == places["GOV302"]
    assert result["properties"]["place"] == places["GOV302"]

    github = _run("--output-format", "github", str(defective)).output
    assert f"（位置：{places['GOV302']}）" in github

    rows = list(csv.DictReader(io.StringIO(_run("--output-format", "csv", str(defective)).output.lstrip("\ufeff"))))
    assert {row["code"]: row["place"] for row in rows}["GOV302"] == places["GOV302"]


def test_html_report_shows_the_place(defective, tmp_path):
    out = tmp_path / "r.html"
    CliRunner().invoke(cli, ["report", "--isolated", "-o", str(out), str(defective)])
    page = out.read_text(encoding="utf-8")
    items = json.loads(_run("--output-format", "json", str(defective)).output)
    place = next(i["place"] for i in items if i["code"] == "GOV302")
    assert place in page
