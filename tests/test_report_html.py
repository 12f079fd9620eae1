"""``govlint report``: the HTML audit page, checked without a browser (html.parser).

The page must list every input in its table with the right counts, chart the findings per
rule, show every finding with its position and source line, escape everything that comes
from the reports (file names, messages, source text), fetch nothing, state the run's
settings and govlint's version, and exit as ``check`` does. The browser test
(test_report_browser.py) loads the same page in Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpuskit import ODD_NAME, write_corpus
from htmlkit import parse_html

from govlint import __version__
from govlint.diagnostics import Diagnostic, Severity
from govlint.host import Host
from govlint.output.html_report import ReportContext, render_html, split_snippet
from govlint.runner import FileResult, RunResult


def govlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GOVLINT_DEBUG", "SOURCE_DATE_EPOCH")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    """The corpus, the CLI run that wrote its report, and the parsed page."""
    root = tmp_path_factory.mktemp("report")
    corpus = write_corpus(root / "reports")
    proc = govlint("report", "--isolated", "--extend-ignore", "GOV007", "reports", "-o", "out.html", cwd=root)
    html = (root / "out.html").read_text(encoding="utf-8")
    document, unclosed = parse_html(html)
    return corpus, proc, html, document, unclosed


def table_rows(document) -> dict[str, list[str]]:
    table = document.find("table", id="file-table")
    return {row.attrs["data-file"]: [cell.text for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")}


def test_exit_code_and_message_are_those_of_check(page) -> None:
    corpus, proc, *_ = page
    assert proc.returncode == 2  # an unreadable input
    stderr = proc.stderr.decode()
    assert "c-unreadable.txt" in stderr and "Traceback" not in stderr
    count = len(corpus.files)
    assert proc.stdout.decode().strip() == f"out.html: 已写入审查报告（{count}个文件，4条诊断）"


def test_page_is_well_formed_and_self_contained(page) -> None:
    _, _, html, document, unclosed = page
    assert unclosed == []
    assert html.startswith("<!DOCTYPE html>")
    for node in document.iter():
        for attr in ("src", "href", "action", "srcset"):
            value = node.attrs.get(attr)
            if value is not None:
                assert value.startswith(("#", "data:")), f"<{node.tag} {attr}={value!r}> would load something"
    assert all(not s.attrs for s in document.find_all("script")), "every script is inline"
    csp = document.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp
    assert document.find("html").attrs["lang"] == "zh-CN"


def test_file_table_has_one_row_per_input_with_its_counts(page) -> None:
    corpus, _, _, document, _ = page
    rows = table_rows(document)
    assert sorted(Path(p).name for p in rows) == sorted(p.name for p in corpus.files)
    by_name = {Path(p).name: cells for p, cells in rows.items()}
    # 文件, 发文机关, 年度, 格式, 错误, 警告, 提示, 状态, 主要问题
    assert by_name["a-clean.txt"][1:8] == ["云溪县示范局", "2023", "2021版格式", "0", "0", "0", "未发现问题"]
    defective = by_name["b-defective.txt"]
    assert defective[1:8] == ["白沙镇人民政府", "2020", "2019版格式", "2", "1", "0", "有错误"]
    assert set(defective[8].split("、")) == {"GOV301×1", "GOV303×1", "GOV501×1"}
    assert by_name["c-unreadable.txt"][4:8] == ["1", "0", "0", "无法读取"]
    headers = [th.text for th in document.find("table", id="file-table").find("thead").find_all("th")]
    assert headers == ["文件", "发文机关", "年度", "格式", "错误", "警告", "提示", "状态", "主要问题"]
    types = [th.attrs["data-type"] for th in document.find("table", id="file-table").find_all("th")]
    assert types[4] == "number" and all(th.find("button") for th in document.find("thead").find_all("th"))


def test_overview_counts(page) -> None:
    corpus, _, _, document, _ = page
    stats = {card.attrs["data-stat"]: card.find("b").text for card in document.find_all("div", cls="card")}
    assert stats == {"文件": str(len(corpus.files)), "未发现问题": str(len(corpus.files) - 2), "有错误的文件": "1",
                     "无法读取": "1", "错误": "3", "警告": "1", "提示": "0"}


def test_chart_has_one_bar_per_rule_scaled_to_its_count(page) -> None:
    _, _, _, document, _ = page
    svg = document.find("svg", cls="chart")
    bars = svg.find_all("g", cls="bar")
    counts = {bar.attrs["data-code"]: int(bar.attrs["data-count"]) for bar in bars}
    assert counts == {"GOV001": 1, "GOV301": 1, "GOV303": 1, "GOV501": 1}
    widths = {float(bar.find("rect", cls="fill").attrs["width"]) for bar in bars}
    assert len(widths) == 1 and widths.pop() > 100  # equal counts, equal (full) bars
    fills = {bar.attrs["data-code"]: bar.find("rect", cls="fill").attrs["class"] for bar in bars}
    assert fills["GOV501"].endswith("sev-fill-warning") and fills["GOV303"].endswith("sev-fill-error")


def test_every_finding_is_shown_with_position_message_and_source(page) -> None:
    _, _, _, document, _ = page
    findings = document.find_all("li", cls="finding")
    assert sorted(f.attrs["data-code"] for f in findings) == ["GOV001", "GOV301", "GOV303", "GOV501"]
    (balance,) = [f for f in findings if f.attrs["data-code"] == "GOV303"]
    assert balance.attrs["data-severity"] == "error"
    position = balance.find("span", cls="pos")
    assert position.text == f"第{position.attrs['data-line']}行第{position.attrs['data-column']}列"
    assert "勾稽关系不成立" in balance.find("p", cls="msg").text
    source = balance.find("pre", cls="src")
    assert source.find("span", cls="gutter").text == position.attrs["data-line"]
    assert source.find("mark").text  # the finding's span is marked
    (contact,) = [f for f in findings if f.attrs["data-code"] == "GOV501"]
    assert contact.find("span", cls="pos").text == "全文" and not contact.find_all("pre")
    filters = {node.attrs["id"] for node in document.find_all() if node.attrs.get("id", "").startswith("filter-")}
    assert filters == {"filter-code", "filter-severity", "filter-file", "filter-reset", "filter-count"}
    options = [o.attrs["value"] for o in document.find("select", id="filter-code").find_all("option")]
    assert options == ["", "GOV001", "GOV301", "GOV303", "GOV501"]


def test_settings_and_version_are_stated(page) -> None:
    _, _, html, document, _ = page
    settings = {dt.text: dd.text for dt, dd in zip(document.find("dl", cls="settings").find_all("dt"),
                                                    document.find("dl", cls="settings").find_all("dd"))}
    assert settings["govlint 版本"] == __version__
    assert settings["配置文件（当前目录）"] == "未使用（--isolated）"
    assert settings["命令行选项"] == "--extend-ignore GOV007 --isolated"
    assert settings["规则包"] == "未启用"
    assert "GOV007" not in settings["启用的规则"].split() and "GOV303" in settings["启用的规则"]
    assert f'content="govlint {__version__}"' in html


def test_odd_file_names_are_escaped_everywhere(page) -> None:
    corpus, _, html, document, _ = page
    if corpus.odd is None:
        pytest.skip("this file system cannot hold the name")
    assert ODD_NAME not in html  # never written raw, in text or attributes
    rows = table_rows(document)
    (odd,) = [p for p in rows if p.endswith(ODD_NAME)]
    assert rows[odd][0] == odd  # the parser gives back the exact name
    assert all("card" in b.parent.classes for b in document.find_all("b"))  # only the overview's own


def test_messages_and_source_text_are_escaped() -> None:
    evil = '<script>alert("x")</script>&amp;'
    line = f'标题{evil}结尾'
    diagnostic = Diagnostic("r.txt", 3, 3, "GOV999", f"消息{evil}", Severity.ERROR, name=f"n{evil}",
                            end_line=3, end_column=3 + len(evil))
    result = RunResult([FileResult("r.txt", [diagnostic], {(3, 3): line}, issuer=evil, year=2023, template="2021")],
                       Host().registry)
    html = render_html(result, ReportContext("9.9", "2024-01-01 00:00", [("命令行选项", evil)], [], [evil]))
    document, unclosed = parse_html(html)
    assert unclosed == [] and len(document.find_all("script")) == 1  # only the page's own script
    assert document.find("p", cls="msg").text == f"消息{evil}"
    assert document.find("mark").text == evil
    assert document.find("span", cls="rule-name").text == f"n{evil}"
    assert table_rows(document)["r.txt"][1] == evil
    assert evil not in html


def test_a_long_source_line_is_shown_as_a_window_around_the_finding() -> None:
    line = "甲" * 5000 + "错" + "乙" * 5000
    before, marked, after, cut_left, cut_right = split_snippet(line, 5000, 5001)
    assert marked == "错" and cut_left and cut_right
    assert set(before) == {"甲"} and set(after) == {"乙"} and len(before) + len(after) < 200


def test_the_report_page_is_not_checked_as_a_report_on_the_next_run(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    first = govlint("report", "--isolated", ".", "-o", "report.html", cwd=tmp_path)
    second = govlint("report", "--isolated", ".", "-o", "report.html", cwd=tmp_path)
    assert first.stdout == second.stdout


def test_exit_codes_without_unreadable_files(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    assert govlint("report", "--isolated", str(corpus.clean), cwd=tmp_path).returncode == 0
    assert (tmp_path / "govlint-report.html").is_file()  # the default output
    assert govlint("report", "--isolated", str(corpus.defective), "-o", "d.html", cwd=tmp_path).returncode == 1
    assert govlint("report", "--isolated", "--exit-zero", str(corpus.defective), "-o", "d.html",
                   cwd=tmp_path).returncode == 0
    bad = govlint("report", "--isolated", "--select", "NOPE1", str(corpus.clean), cwd=tmp_path)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_a_clean_run_says_so() -> None:
    result = RunResult([FileResult("ok.txt", issuer="甲局", year=2023, template="2021")], Host().registry)
    document, _ = parse_html(render_html(result, ReportContext("9.9", "2024-01-01 00:00")))
    assert "所有文件均未发现问题" in document.find("section", id="findings").text
    assert "没有诊断" in document.find("section", id="chart").text
    assert not document.find_all("svg")


def test_report_takes_the_same_run_options_as_check() -> None:
    from govlint.cli import check, report_command
    from govlint.run_options import RUN_OPTIONS

    shared = {p.name: p for p in report_command.params if p.name in RUN_OPTIONS}
    assert set(shared) == set(RUN_OPTIONS)
    assert all(any(p is q for q in check.params) for p in shared.values())  # the very same parameters


def test_settings_name_the_configuration_file_and_the_packs(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "reports")
    (tmp_path / ".govlint.toml").write_text('extend-ignore = ["GOV501"]\n', encoding="utf-8")
    proc = govlint("report", "--pack", "shanghai", str(corpus.defective), "-o", "r.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    document, _ = parse_html((tmp_path / "r.html").read_text(encoding="utf-8"))
    settings = document.find("dl", cls="settings")
    values = {dt.text: dd.text for dt, dd in zip(settings.find_all("dt"), settings.find_all("dd"))}
    assert values["配置文件（当前目录）"] == str(tmp_path / ".govlint.toml")
    assert values["规则包"] == "shanghai" and values["命令行选项"] == "--pack shanghai"
    assert "GOV501" not in values["启用的规则"].split()
    assert "GOV501" not in [f.attrs["data-code"] for f in document.find_all("li", cls="finding")]
