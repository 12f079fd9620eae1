"""Output formats: golden files per format, plus the properties each format promises.

The golden input is ``tests/fixtures/output/defective-sections.txt`` (section 四 missing, a
sub-heading gap (三) in section 一, and the non-standard title 五、存在问题和下步改进情况). The
CLI runs with ``--select GOV2 --isolated`` from ``tests/fixtures`` so the output depends only
on the GOV2xx rules and the path in it is the stable ``output/defective-sections.txt``.

Regenerate the goldens after an intended change, then inspect the diff by eye::

    GOVLINT_UPDATE_GOLDENS=1 python -m pytest tests/test_output.py

SARIF carries the whole rule table, which grows with every rule family; its golden therefore
keeps only the descriptors of the rules that have results (``ruleIndex`` renumbered to match)
and replaces the tool version with ``<version>``. The full table is checked separately.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govlint.diagnostics import Diagnostic, Severity
from govlint.host import Host
from govlint.output.full import TAB, FullFormatter, caret_line, display_width
from govlint.output.github import GithubFormatter, _escape_data, _escape_property
from govlint.rules import RuleRegistry
from govlint.runner import FileResult, RunResult

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
INPUT = "output/defective-sections.txt"
FORMATS = [("concise", "txt"), ("full", "txt"), ("json", "json"), ("sarif", "json"), ("github", "txt")]
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
JSON_KEYS = {"code", "name", "message", "severity", "filename", "location", "end_location", "plugin", "url", "place"}


def govlint(*args: str, cwd: Path = FIXTURES) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=120)


@functools.lru_cache(maxsize=None)
def render(fmt: str) -> str:
    """The CLI's output for the golden input in format ``fmt`` (exit 1: it has an error)."""
    proc = govlint("check", "--isolated", "--select", "GOV2", "--output-format", fmt, INPUT)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    assert proc.stderr == b""
    return proc.stdout.decode("utf-8")


def normalise_sarif(text: str) -> str:
    """SARIF with only the rules that have results in the table, and no tool version."""
    document = json.loads(text)
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    used = {result["ruleId"] for result in run["results"]}
    driver["rules"] = [rule for rule in driver["rules"] if rule["id"] in used]
    driver["version"] = "<version>"
    index = {rule["id"]: i for i, rule in enumerate(driver["rules"])}
    for result in run["results"]:
        result["ruleIndex"] = index[result["ruleId"]]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def fixture_line(row: int) -> str:
    return (FIXTURES / INPUT).read_text(encoding="utf-8").splitlines()[row - 1]


def result_of(*diagnostics: Diagnostic, lines: dict[int, str] | None = None) -> RunResult:
    # FileResult.lines is keyed by (line, column) of each diagnostic (PDF lines are pages).
    lines = {(d.line, d.column): (lines or {})[d.line] for d in diagnostics if d.line in (lines or {})}
    path = diagnostics[0].path if diagnostics else "r.txt"
    return RunResult([FileResult(path, list(diagnostics), lines or {})], RuleRegistry())


def diagnostic(**overrides) -> Diagnostic:
    values = dict(path="r.txt", line=3, column=2, code="GOV203", message="标题不一致", severity=Severity.WARNING,
                  name="nonstandard-section-title", end_line=3, end_column=5, plugin="sections")
    values.update(overrides)
    return Diagnostic(**values)


# --------------------------------------------------------------------------- goldens


@pytest.mark.parametrize("fmt, ext", FORMATS, ids=[f for f, _ in FORMATS])
def test_golden(fmt, ext):
    actual = render(fmt)
    if fmt == "sarif":
        actual = normalise_sarif(actual)
    golden = GOLDEN / f"{fmt}.{ext}"
    if os.environ.get("GOVLINT_UPDATE_GOLDENS") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        pytest.skip(f"wrote {golden.relative_to(TESTS)}")
    assert golden.is_file(), f"missing {golden}; run with GOVLINT_UPDATE_GOLDENS=1 and inspect it"
    assert actual == golden.read_bytes().decode("utf-8")


def test_golden_input_has_the_intended_defects():
    codes = [item["code"] for item in json.loads(render("json"))]
    assert sorted(codes) == ["GOV201", "GOV203", "GOV205", "GOV208"]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_formats_are_pretty_printed_utf8(fmt):
    text = render(fmt)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert "缺少第四部分" in text  # Chinese is not \u-escaped


# --------------------------------------------------------------------------- json


def test_json_items_have_exactly_the_documented_keys():
    items = json.loads(render("json"))
    assert items
    for item in items:
        assert set(item) == JSON_KEYS
        assert set(item["location"]) == {"row", "column"}
        assert set(item["end_location"]) == {"row", "column"}
        assert item["severity"] in {"error", "warning", "info"}
        assert item["filename"] == INPUT


def test_json_values_of_missing_section():
    items = json.loads(render("json"))
    missing = next(item for item in items if item["code"] == "GOV201")
    assert missing == {
        "code": "GOV201",
        "name": "missing-section",
        "message": "缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」，应位于「五、存在问题和下步改进情况」之前",
        "severity": "error",
        "filename": INPUT,
        "location": {"row": 17, "column": 1},
        "end_location": {"row": 17, "column": 2},
        "plugin": "sections",
        "url": "https://example.org/govlint/govlint/blob/main/docs/rules.md#gov201-missing-section",
        "place": None,
    }


def test_json_rows_and_columns_point_into_the_original_file():
    for item in json.loads(render("json")):
        row, column = item["location"]["row"], item["location"]["column"]
        end = item["end_location"]["column"]
        line = fixture_line(row)
        if item["code"] == "GOV205":
            assert line[column - 1:end - 1] == "（四）"
        if item["code"] == "GOV203":
            assert line[column - 1:end - 1] == "五、存在问题和下步改进情况"


def test_json_empty_result_is_an_empty_array():
    proc = govlint("check", "--isolated", "--select", "GOV2", "--output-format", "json",
                   str(TESTS.parent / "examples" / "clean-report-2023.txt"))
    assert proc.returncode == 0
    assert proc.stdout == b"[]\n"


# --------------------------------------------------------------------------- sarif


def test_sarif_header_and_full_rule_table():
    document = json.loads(render("sarif"))
    assert document["version"] == "2.1.0"
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert len(document["runs"]) == 1
    driver = document["runs"][0]["tool"]["driver"]
    registry = Host().registry
    assert driver["name"] == "govlint"
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in registry]
    for descriptor, rule in zip(driver["rules"], registry):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"] == {"text": rule.summary}
        assert descriptor["defaultConfiguration"] == {"level": SARIF_LEVELS[rule.severity.value]}
        assert descriptor["properties"] == {"plugin": rule.plugin}


def test_sarif_rule_index_points_at_the_rule():
    run = json.loads(render("sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locations_use_posix_uris():
    run = json.loads(render("sarif"))["runs"][0]
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"] for r in run["results"]}
    assert regions["GOV201"] == {
        "artifactLocation": {"uri": INPUT},
        "region": {"startLine": 17, "startColumn": 1, "endLine": 17, "endColumn": 2},
    }


def test_sarif_levels_map_error_warning_note(tmp_path):
    # A GBK copy adds the info-level GOV003, so all three levels occur.
    (tmp_path / "gbk.txt").write_bytes((FIXTURES / INPUT).read_text(encoding="utf-8").encode("gbk"))
    outputs = {}
    for fmt in ("json", "sarif"):
        proc = govlint("check", "--isolated", "--select", "GOV2,GOV003", "--output-format", fmt, "gbk.txt",
                       cwd=tmp_path)
        outputs[fmt] = json.loads(proc.stdout.decode("utf-8"))
    items, results = outputs["json"], outputs["sarif"]["runs"][0]["results"]
    assert {item["severity"] for item in items} == {"error", "warning", "info"}
    assert [r["ruleId"] for r in results] == [item["code"] for item in items]
    for item, result in zip(items, results):
        assert result["level"] == SARIF_LEVELS[item["severity"]]
        assert result["message"] == {"text": item["message"]}


# --------------------------------------------------------------------------- github


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("plain 中文，句号。", "plain 中文，句号。"),
        ("100% done", "100%25 done"),
        ("line1\nline2", "line1%0Aline2"),
        ("line1\r\nline2", "line1%0D%0Aline2"),
        ("%0A", "%250A"),
        ("a:b,c", "a:b,c"),
    ],
)
def test_github_escape_data(text, escaped):
    assert _escape_data(text) == escaped


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("reports/2023年报告.txt", "reports/2023年报告.txt"),
        ("C:\\reports\\a.txt", "C%3A\\reports\\a.txt"),
        ("a,b.txt", "a%2Cb.txt"),
        ("50%\nx", "50%25%0Ax"),
        ("%3A", "%253A"),
        ("GOV203 nonstandard-section-title", "GOV203 nonstandard-section-title"),
    ],
)
def test_github_escape_property(text, escaped):
    assert _escape_property(text) == escaped


def test_github_formatter_escapes_every_field():
    stream = io.StringIO()
    d = diagnostic(path="a,b:c.txt", message="完成率 50%\n第二行", severity=Severity.INFO, code="GOV003",
                   name="legacy-encoding", line=1, column=1, end_line=1, end_column=1)
    GithubFormatter(stream).render(result_of(d))
    assert stream.getvalue() == (
        "::notice file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=1,title=GOV003 legacy-encoding"
        "::GOV003 完成率 50%25%0A第二行\n"
    )


@pytest.mark.parametrize("severity, command", [(Severity.ERROR, "error"), (Severity.WARNING, "warning"),
                                               (Severity.INFO, "notice")])
def test_github_levels(severity, command):
    stream = io.StringIO()
    GithubFormatter(stream).render(result_of(diagnostic(severity=severity)))
    assert stream.getvalue().startswith(f"::{command} file=r.txt,line=3,col=2,")


# --------------------------------------------------------------------------- full: display width and carets


@pytest.mark.parametrize(
    "text, width",
    [
        ("", 0),
        ("abc", 3),
        ("五", 2),
        ("五、存在", 8),
        ("（一）", 6),
        ("１２", 4),  # full-width digits
        ("\t", 4),
        ("a\t五", 7),
        ("e\u0301", 1),  # a combining accent takes no column
        ("2023年", 6),
    ],
)
def test_display_width(text, width):
    assert display_width(text) == width


@pytest.mark.parametrize(
    "source, column, end_column, expected",
    [
        ("abc def", 5, 8, "    ^^^"),
        ("五、存在问题", 3, 5, "    ^^^^"),
        ("五、存在问题", 1, 2, "^^"),
        ("（四）监督保障情况", 1, 4, "^^^^^^"),
        ("\t五x", 3, 4, "      ^"),
        ("\t五x", 2, 3, "    ^^"),
        ("a五b", 2, 2, " ^^"),  # an empty span still marks one character
        ("ab", 3, 3, "  ^"),  # at the end of the line: one caret
    ],
)
def test_caret_line(source, column, end_column, expected):
    assert caret_line(source, column, end_column) == expected


def test_full_format_aligns_the_caret_under_cjk_and_tabs():
    source = "\t（一）主动公开情况"
    stream = io.StringIO()
    d = diagnostic(line=4, column=5, end_column=11, message="示例")
    FullFormatter(stream).render(result_of(d, lines={4: source}))
    header, shown, carets = stream.getvalue().splitlines()
    assert header == "r.txt:4:5: GOV203 [警告] 示例"
    assert shown == f"  4 | {TAB}（一）主动公开情况"
    assert carets == "    | " + " " * 10 + "^" * 12
    # The caret starts under 「主」: same display width before it on both lines.
    prefix = shown[: shown.index("主")]
    assert display_width(prefix) == carets.index("^")


def test_full_format_skips_blank_source_lines():
    stream = io.StringIO()
    FullFormatter(stream).render(result_of(diagnostic(line=2), lines={2: "   "}))
    assert stream.getvalue() == "r.txt:2:2: GOV203 [警告] 标题不一致\n"


def test_full_format_multiline_span_marks_to_end_of_line():
    stream = io.StringIO()
    d = diagnostic(line=1, column=3, end_line=2, end_column=1)
    FullFormatter(stream).render(result_of(d, lines={1: "一、总体情况"}))
    assert stream.getvalue().splitlines()[2] == "    | " + " " * 4 + "^" * 8


# --------------------------------------------------------------------------- SARIF details

#: RFC 3986 URI reference characters: unreserved, sub-delims, ':', '@', '/', '?', '#' and %XX.
_URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-F]{2})*$")


def test_sarif_uris_are_percent_encoded_and_unreadable_files_are_notifications(tmp_path):
    from urllib.parse import unquote

    folder = tmp_path / "各单位 报告"
    folder.mkdir()
    (folder / "示例局 2023年报告.txt").write_bytes((FIXTURES / INPUT).read_bytes())
    (folder / "空白 报告.txt").write_bytes(b"")
    proc = govlint("check", "--isolated", "--output-format", "sarif", "各单位 报告", cwd=tmp_path)
    assert proc.returncode == 2
    run = json.loads(proc.stdout.decode("utf-8"))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    assert uris and all(_URI_REFERENCE.match(u) for u in uris), uris
    assert {unquote(u) for u in uris} == {"各单位 报告/示例局 2023年报告.txt", "各单位 报告/空白 报告.txt"}  # GOV001 too
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "文件为空" in notification["message"]["text"]
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert _URI_REFERENCE.match(uri) and unquote(uri) == "各单位 报告/空白 报告.txt"


@pytest.mark.parametrize("extra, code", [((), 1), (("--exit-zero",), 0)])
def test_sarif_invocation_records_the_exit_code(tmp_path, extra, code):
    (tmp_path / "r.txt").write_bytes((FIXTURES / INPUT).read_bytes())
    proc = govlint("check", "--isolated", "--output-format", "sarif", *extra, "r.txt", cwd=tmp_path)
    invocation = json.loads(proc.stdout.decode("utf-8"))["runs"][0]["invocations"][0]
    assert proc.returncode == code and invocation == {"executionSuccessful": True, "exitCode": code}


def test_whole_file_findings_have_no_caret():
    from govlint.output.full import FullFormatter

    whole = diagnostic(line=1, column=1, end_line=1, end_column=1, code="GOV401", message="未说明统计期限")
    stream = io.StringIO()
    FullFormatter(stream).render(result_of(whole, lines={1: "示例区2023年政府信息公开工作年度报告"}))
    assert stream.getvalue() == "r.txt:1:1: GOV401 [警告] 未说明统计期限\n"
