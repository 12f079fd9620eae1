"""The ``govlint`` command line, run for real in a subprocess (as pre-commit and CI run it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from govlint import __version__

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
CLEAN = EXAMPLES / "clean-report-2023.txt"
DEFECTIVE = EXAMPLES / "defective-report-2023.txt"

CONCISE_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2,3}\d{3}) \S.*$")
DEFECTIVE_GOV201 = "缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」，应位于「五、存在的主要问题及改进情况」之前"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> Result:
    environ = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    environ["PYTHONIOENCODING"] = "utf-8"
    environ.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "govlint", *args],
        cwd=cwd or REPO,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=environ,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def assert_usage_error(result: Result, *fragments: str) -> str:
    """Exit 2, exactly one ``govlint: error:`` line on stderr containing ``fragments``, no traceback."""
    assert result.code == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stderr.endswith("\n")
    assert lines[0].startswith("govlint: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def copy_text(source: Path, target: Path, encoding: str = "utf-8") -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    return target


# --------------------------------------------------------------------------- check: exit codes and lines


def test_check_examples_directory_reports_and_exits_1():
    result = run("check", "-q", "examples/")  # -q: no closing summary line on stderr
    assert result.code == 1
    assert result.stderr == ""
    assert result.lines, "expected diagnostics"
    for line in result.lines:
        assert CONCISE_LINE.match(line), line
    assert f"examples/defective-report-2023.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}" in result.lines


def test_default_format_on_a_pipe_is_concise():
    # stdout is not a terminal here, so no source lines and no carets.
    result = run("check", "--select", "GOV2", "examples/defective-report-2023.txt")
    assert result.code == 1
    assert all(CONCISE_LINE.match(line) for line in result.lines)
    assert not any(line.lstrip().startswith("|") or "^" in line for line in result.lines)


def test_clean_example_exits_0_silently():
    result = run("check", str(CLEAN))
    assert (result.code, result.stdout, result.stderr) == (0, "", "")


def test_warnings_only_exit_0(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "r.txt")
    result = run("check", "--select", "GOV205", "r.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.lines == ["r.txt:10:1: GOV205 [警告] 第一部分「一、总体情况」的小标题编号跳到「（四）」，缺少「（三）」"]


def test_severity_config_turns_error_into_warning(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "r.txt")
    (tmp_path / ".govlint.toml").write_text('[severity]\nmissing-section = "warning"\n', encoding="utf-8")
    result = run("check", "--select", "GOV201", "r.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.lines == [f"r.txt:65:1: GOV201 [警告] {DEFECTIVE_GOV201}"]


def test_missing_file(tmp_path):
    result = run("check", "nope.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == "govlint: error: nope.txt: 文件不存在\n"
    assert_usage_error(result)


def test_missing_file_does_not_stop_other_files(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "r.txt")
    result = run("check", "-q", "--select", "GOV201", "nope.txt", "r.txt", cwd=tmp_path)
    assert_usage_error(result, "nope.txt: 文件不存在")
    assert f"r.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}" in result.lines


def test_unknown_selected_code():
    result = run("check", "--select", "GOV999", str(CLEAN))
    line = assert_usage_error(result, "GOV999", "--select")
    assert "提供它的插件是否已安装？" in line


def test_unknown_selected_code_with_a_config_file_names_the_option(tmp_path):
    copy_text(CLEAN, tmp_path / "r.txt")
    (tmp_path / ".govlint.toml").write_text('select = ["GOV2"]\n', encoding="utf-8")
    result = run("check", "--extend-select", "GOV999", "r.txt", cwd=tmp_path)
    line = assert_usage_error(result, "--extend-select", "GOV999")
    assert ".govlint.toml" not in line


def test_exit_zero_turns_findings_into_0():
    result = run("check", "--exit-zero", "examples/")
    assert result.code == 0
    assert f"examples/defective-report-2023.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}" in result.lines


def test_exit_zero_does_not_hide_exit_2(tmp_path):
    result = run("check", "--exit-zero", "nope.txt", cwd=tmp_path)
    assert_usage_error(result, "nope.txt: 文件不存在")


def test_exit_zero_does_not_hide_usage_errors():
    assert_usage_error(run("check", "--exit-zero", "--select", "GOV999", str(CLEAN)), "GOV999")


# --------------------------------------------------------------------------- unreadable inputs


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "文件为空"),
        (" \n\t\r\n\u3000\n".encode("utf-8"), "文件为空"),
        (b"PK\x03\x04\x00\x00binary\x00data", "二进制文件（含空字节），不是文本报告"),
    ],
    ids=["empty", "whitespace-only", "binary"],
)
def test_unreadable_file(tmp_path, data, reason):
    (tmp_path / "report.txt").write_bytes(data)
    result = run("check", "report.txt", cwd=tmp_path)
    assert result.stderr == f"govlint: error: report.txt: {reason}\n"
    assert_usage_error(result)
    assert result.lines == [f"report.txt:1:1: GOV001 [错误] 无法读取文件：{reason}"]


def test_gbk_file_is_checked_and_reported_as_legacy_encoding(tmp_path):
    copy_text(CLEAN, tmp_path / "gbk.txt", encoding="gbk")
    result = run("check", "gbk.txt", cwd=tmp_path)
    assert result.code == 0  # GOV003 is info-level
    assert result.stderr == ""
    assert result.lines == [
        "gbk.txt:1:1: GOV003 [提示] 文件按 GB18030/GBK 编码解码，建议另存为 UTF-8 以免在网站和其他系统中显示乱码"
    ]


def test_gbk_copy_of_defective_report_finds_the_same_defects(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "gbk.txt", encoding="gbk")
    copy_text(DEFECTIVE, tmp_path / "utf8.txt")
    gbk = run("check", "--select", "GOV2", "gbk.txt", cwd=tmp_path)
    utf8 = run("check", "--select", "GOV2", "utf8.txt", cwd=tmp_path)
    assert gbk.code == utf8.code == 1
    assert [line.split(":", 1)[1] for line in gbk.lines] == [line.split(":", 1)[1] for line in utf8.lines]


# --------------------------------------------------------------------------- stdin


def test_stdin_with_stdin_filename(tmp_path):
    result = run("check", "--select", "GOV201", "-", "--stdin-filename", "x.txt", cwd=tmp_path,
                 stdin=DEFECTIVE.read_bytes())
    assert result.code == 1
    assert result.lines == [f"x.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}"]


def test_stdin_without_filename(tmp_path):
    result = run("check", "--select", "GOV201", "-", cwd=tmp_path, stdin=DEFECTIVE.read_bytes())
    assert result.code == 1
    assert result.lines == [f"<stdin>:65:1: GOV201 [错误] {DEFECTIVE_GOV201}"]


def test_stdin_filename_selects_per_file_ignores(tmp_path):
    (tmp_path / ".govlint.toml").write_text('[per-file-ignores]\n"legacy/*.txt" = ["GOV201"]\n', encoding="utf-8")
    result = run("check", "--select", "GOV201", "-", "--stdin-filename", "legacy/x.txt", cwd=tmp_path,
                 stdin=DEFECTIVE.read_bytes())
    assert (result.code, result.stdout, result.stderr) == (0, "", "")


def test_empty_stdin(tmp_path):
    result = run("check", "-", "--stdin-filename", "x.txt", cwd=tmp_path, stdin=b"")
    assert result.stderr == "govlint: error: x.txt: 文件为空\n"
    assert_usage_error(result)


# --------------------------------------------------------------------------- directories


def test_directory_without_report_files(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "report.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n")
    result = run("check", "docs", cwd=tmp_path)
    assert_usage_error(result, "docs：该目录中没有找到报告文件")


def test_directory_picks_up_report_files_only(tmp_path):
    folder = tmp_path / "reports"
    copy_text(DEFECTIVE, folder / "a.md")
    copy_text(DEFECTIVE, folder / "b.txt")
    copy_text(DEFECTIVE, folder / "nested" / "c.TXT")
    copy_text(DEFECTIVE, folder / "d.xlsx")  # would be flagged if it were read
    copy_text(DEFECTIVE, folder / "e.png")
    copy_text(DEFECTIVE, folder / ".hidden" / "f.txt")
    result = run("check", "--select", "GOV201", "reports", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == [
        f"reports/a.md:65:1: GOV201 [错误] {DEFECTIVE_GOV201}",
        f"reports/b.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}",
        f"reports/nested/c.TXT:65:1: GOV201 [错误] {DEFECTIVE_GOV201}",
    ]


def test_exclude_option_skips_directory(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "reports" / "a.txt")
    copy_text(DEFECTIVE, tmp_path / "reports" / "drafts" / "b.txt")
    result = run("check", "--select", "GOV201", "--exclude", "drafts", "reports", cwd=tmp_path)
    assert result.lines == [f"reports/a.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}"]


# --------------------------------------------------------------------------- statistics, count, output file


def two_defective_copies(tmp_path: Path) -> None:
    copy_text(DEFECTIVE, tmp_path / "a.txt")
    copy_text(DEFECTIVE, tmp_path / "b.txt")


def test_statistics(tmp_path):
    two_defective_copies(tmp_path)
    result = run("check", "--select", "GOV201,GOV205", "--statistics", "a.txt", "b.txt", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[-2:] == [
        "2     GOV201 缺少格式规定的部分",
        "2     GOV205 小标题编号跳号、重复，或部分内出现一级编号",
    ]
    assert len(result.lines) == 6


def test_statistics_most_frequent_first(tmp_path):
    two_defective_copies(tmp_path)
    result = run("check", "--select", "GOV201,GOV205", "--per-file-ignores", "b.txt:GOV201", "--statistics",
                 "a.txt", "b.txt", cwd=tmp_path)
    stats = [line for line in result.lines if not CONCISE_LINE.match(line)]
    assert stats == [
        "2     GOV205 小标题编号跳号、重复，或部分内出现一级编号",
        "1     GOV201 缺少格式规定的部分",
    ]


def test_count(tmp_path):
    two_defective_copies(tmp_path)
    result = run("check", "--select", "GOV2", "--count", "a.txt", "b.txt", cwd=tmp_path)
    diagnostics = [line for line in result.lines if CONCISE_LINE.match(line)]
    assert len(diagnostics) >= 2
    assert result.lines[-1] == str(len(diagnostics))
    assert len(result.lines) == len(diagnostics) + 1


def test_count_and_statistics_go_to_stderr_for_json(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "a.txt")
    result = run("check", "--select", "GOV201", "--output-format", "json", "--count", "--statistics", "a.txt",
                 cwd=tmp_path)
    assert result.code == 1
    assert [item["code"] for item in json.loads(result.stdout)] == ["GOV201"]
    assert result.stderr == "1     GOV201 缺少格式规定的部分\n1\n"


def test_output_file(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "a.txt")
    result = run("check", "--select", "GOV201", "-o", "out.txt", "a.txt", cwd=tmp_path)
    assert result.code == 1
    assert (result.stdout, result.stderr) == ("", "")
    assert (tmp_path / "out.txt").read_bytes() == f"a.txt:65:1: GOV201 [错误] {DEFECTIVE_GOV201}\n".encode("utf-8")


def test_output_file_in_missing_directory(tmp_path):
    copy_text(CLEAN, tmp_path / "a.txt")
    result = run("check", "-o", "no/such/dir/out.txt", "a.txt", cwd=tmp_path)
    assert_usage_error(result, "--output-file", "no/such/dir/out.txt")


# --------------------------------------------------------------------------- configuration errors


@pytest.mark.parametrize(
    "name, text, fragment",
    [
        (".govlint.toml", 'selec = ["GOV2"]\n', "未知的键 'selec'"),
        (".govlint.toml", 'select = ["GOV2"\n', "不是有效的 TOML"),
        ("govlint.toml", "select = 1\n", "select：应为规则代码、前缀或名称的列表"),
        ("pyproject.toml", '[tool.govlint]\nextend_select = ["GOV2"]\n', "是否应为 'extend-select'？"),
        (".govlint.toml", '[rules.nonstandard-section-title]\nallow-aliases = "no"\n', "应为 bool"),
        (".govlint.toml", '[severity]\nGOV201 = "fatal"\n', "未知的严重程度 'fatal'"),
        (".govlint.toml", 'output-format = "xml"\n', "未知的输出格式 'xml'"),
    ],
)
def test_bad_config_file(tmp_path, name, text, fragment):
    copy_text(CLEAN, tmp_path / "r.txt")
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    assert_usage_error(run("check", "r.txt", cwd=tmp_path), str(config), fragment)


def test_missing_config_option_path(tmp_path):
    copy_text(CLEAN, tmp_path / "r.txt")
    assert_usage_error(run("check", "--config", "nope.toml", "r.txt", cwd=tmp_path), "--config", "nope.toml")


def test_config_option_and_isolated(tmp_path):
    copy_text(DEFECTIVE, tmp_path / "r.txt")
    (tmp_path / ".govlint.toml").write_text('select = ["GOV205"]\n', encoding="utf-8")
    (tmp_path / "ci.toml").write_text('select = ["GOV201"]\n', encoding="utf-8")
    found = run("check", "r.txt", cwd=tmp_path)
    assert [CONCISE_LINE.match(line)["code"] for line in found.lines] == ["GOV205"]
    explicit = run("check", "--config", "ci.toml", "r.txt", cwd=tmp_path)
    assert [CONCISE_LINE.match(line)["code"] for line in explicit.lines] == ["GOV201"]
    isolated = run("check", "--isolated", "--select", "GOV201,GOV205", "r.txt", cwd=tmp_path)
    assert [CONCISE_LINE.match(line)["code"] for line in isolated.lines] == ["GOV205", "GOV201"]


def test_unknown_output_format(tmp_path):
    copy_text(CLEAN, tmp_path / "r.txt")
    line = assert_usage_error(run("check", "--output-format", "xml", "r.txt", cwd=tmp_path),
                              "--output-format", "'xml'")
    for name in ("concise", "full", "json", "sarif", "github"):
        assert name in line


def test_bad_per_file_ignores_option(tmp_path):
    copy_text(CLEAN, tmp_path / "r.txt")
    assert_usage_error(run("check", "--per-file-ignores", "r.txt", "r.txt", cwd=tmp_path),
                       "--per-file-ignores", "'r.txt'")


# --------------------------------------------------------------------------- rules, rule, plugins, version


def test_rules_lists_code_name_severity():
    result = run("rules")
    assert result.code == 0
    assert any(re.match(r"^GOV201\s+missing-section\s+error\s+sections\s+缺少格式规定的部分$", line)
               for line in result.lines), result.stdout
    assert any(re.match(r"^GOV203\s+nonstandard-section-title\s+warning\s+sections\s", line) for line in result.lines)


def test_rules_json():
    result = run("rules", "--format", "json")
    data = {item["code"]: item for item in json.loads(result.stdout)}
    assert data["GOV201"] == {
        "code": "GOV201", "name": "missing-section", "severity": "error", "plugin": "sections",
        "status": "stable", "default_enabled": True, "summary": "缺少格式规定的部分",
        "templates": ["2019", "2021", "unknown"], "pack": None,
    }
    assert data["HB001"]["pack"] == "hubei-2020" and data["HB001"]["plugin"] == "packs"
    assert data["GOV303"]["templates"] == ["2019", "2021", "unknown"]  # never a pre-2019 report
    assert data["GOV401"]["templates"] == ["2019", "2021", "legacy", "unknown"]


def test_rule_shows_the_templates_it_applies_to():
    result = run("rule", "GOV105")
    assert "适用于：2019年格式、2021年格式" in result.stdout
    assert "适用于：所有报告" in run("rule", "GOV401").stdout


@pytest.mark.parametrize("key", ["GOV201", "gov201", "missing-section"])
def test_rule_documentation(key):
    result = run("rule", key)
    assert result.code == 0
    assert result.lines[0] == "GOV201 missing-section: 缺少格式规定的部分"
    assert result.lines[1].startswith("默认严重程度：error；插件：sections (govlint ")
    for part in ("检查内容：", "原因：", "错误示例：", "正确示例：", "选项："):
        assert part in result.lines


def test_rule_unknown():
    assert_usage_error(run("rule", "NOPE"), "'NOPE'")


def test_plugins():
    result = run("plugins")
    assert result.code == 0
    for name in ("sections", "document"):
        assert any(re.match(rf"^{name}\s+govlint_rules\.{name}\s+\(govlint {re.escape(__version__)}\)\s+\d+ rules$",
                            line) for line in result.lines), result.stdout


def test_version():
    result = run("--version")
    plugins = run("plugins")
    assert result.code == 0
    assert result.lines[0] == f"govlint {__version__}"
    assert len(result.lines) == 1 + len(plugins.lines)
    assert f"  sections: govlint_rules.sections (govlint {__version__})" in result.lines
    assert f"  document: govlint_rules.document (govlint {__version__})" in result.lines


# --------------------------------------------------------------------------- tracebacks only on request


def test_debug_shows_traceback():
    result = run("--debug", "check", "--select", "GOV999", str(CLEAN))
    assert result.code == 2
    assert "Traceback (most recent call last):" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("govlint: error: --select：未知的规则代码")


def test_debug_environment_variable_shows_traceback():
    result = run("check", "--select", "GOV999", str(CLEAN), env={"GOVLINT_DEBUG": "1"})
    assert result.code == 2
    assert "Traceback (most recent call last):" in result.stderr
