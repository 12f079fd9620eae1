"""Rule cases of the built-in families, plus what YAML cases cannot express.

``tests/rules/<family>/<CODE>.yaml`` holds the cases of each rule (format: govlint.testing);
each case runs the real reader, parser and rule, exactly as ``govlint check`` does. A case's
text is always encoded as UTF-8, so the inputs that are about bytes — undecodable files
(GOV001) and GBK files (GOV003) — are tested here with :func:`govlint.runner.check_input`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.config import Config
from govlint.host import Host
from govlint.runner import Input, check_input
from govlint.settings import CliOverrides, SettingsResolver
from govlint.testing import RuleCase, load_cases, run_case

RULES_DIR = Path(__file__).resolve().parent / "rules"
CASES: list[RuleCase] = load_cases(RULES_DIR)

#: Families whose rules must each have passing and failing cases here.
FAMILIES = ("document", "template", "sections", "arithmetic", "dates", "contact", "text")

#: Rules whose failing input cannot be written as a YAML case (the text is encoded as
#: UTF-8), with the Python test below that covers it instead.
FAILING_CASE_IN_PYTHON = {"GOV003": "test_gov003_gbk_file_is_reported"}

HOST = Host()

#: A small report, encoded in each test as the case requires.
REPORT = (
    "示例县林业局2023年政府信息公开工作年度报告\n\n"
    "本报告所列数据的统计期限为2023年1月1日至2023年12月31日。\n"
    "一、总体情况\n本局全年主动公开政府信息216条。\n"
    "二、主动公开政府信息情况\n全年主动公开规范性文件2件。\n"
)


def check_bytes(data: bytes | None, select: list[str], filename: str = "report.txt", path: Path | None = None):
    """Check raw bytes (or a file path) as ``govlint check`` does; return the file result."""
    resolver = SettingsResolver(HOST.registry, CliOverrides(select=tuple(select)), isolated=True, base_config=Config())
    return check_input(HOST, resolver, Input(filename, path, data))


# --------------------------------------------------------------------------- YAML cases

@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: RuleCase) -> None:
    run_case(case)


def _family_rules():
    return [r for r in HOST.registry if r.plugin in FAMILIES]


def test_every_rule_has_passing_and_failing_cases() -> None:
    rules = _family_rules()
    assert {r.plugin for r in rules} == set(FAMILIES), "a family's plugin is not installed"
    passing = {c.rule for c in CASES if c.should_pass}
    failing = {c.rule for c in CASES if not c.should_pass}
    for name in FAILING_CASE_IN_PYTHON.values():
        assert callable(globals().get(name)), name
    missing = []
    for target in rules:
        if target.code not in passing:
            missing.append(f"{target.code}: no pass_str case")
        if target.code not in failing and target.code not in FAILING_CASE_IN_PYTHON:
            missing.append(f"{target.code}: no fail_str case")
    assert not missing, "\n".join(missing)


def test_case_files_are_named_after_their_rule() -> None:
    registry = HOST.registry
    for case in CASES:
        source = Path(case.source)
        target = registry.get(case.rule)
        assert target is not None, f"{case.id}: unknown rule {case.rule}"
        assert source.stem == target.code, f"{case.id}: case for {target.code} in {source.name}"
        assert source.parent.name == target.plugin, f"{case.id}: {target.code} belongs in tests/rules/{target.plugin}/"


def test_every_failing_case_names_its_own_rule() -> None:
    for case in CASES:
        assert all(v.code == case.rule for v in case.violations), case.id


# --------------------------------------------------------------------------- GOV001

# An old Word binary saved as .txt, a Latin-1 file, a Russian text saved as GB18030 (it
# decodes, but not to Chinese text) and an empty file: none can be checked.
@pytest.mark.parametrize(
    "data, reason",
    [
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "一、总体情况".encode("utf-16-le"),
                     "二进制文件", id="ole-word-binary"),
        pytest.param("Café résumé naïve, rapport annuel".encode("latin-1") * 4, "无法解码", id="latin-1"),
        pytest.param("Отчёт о раскрытии информации за 2023 год".encode("gb18030"), "无法解码", id="gb18030-not-chinese"),
        pytest.param(b"", "文件为空", id="empty"),
    ],
)
def test_gov001_unreadable_bytes(data: bytes, reason: str) -> None:
    result = check_bytes(data, ["GOV"])
    assert result.error is not None and reason in result.error
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GOV001", 1, 1)]
    assert reason in result.diagnostics[0].message
    assert result.diagnostics[0].message.startswith("无法读取文件：")


def test_gov001_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "2023年报.txt"
    result = check_bytes(None, ["GOV001"], filename=str(missing), path=missing)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GOV001", 1, 1)]
    assert "文件不存在" in result.diagnostics[0].message


def test_gov001_readable_file_passes() -> None:
    result = check_bytes(REPORT.encode("utf-8"), ["GOV001"])
    assert result.error is None and result.diagnostics == []


def test_gov001_deselected_still_fails_the_file() -> None:
    """Deselecting GOV001 hides the diagnostic, not the read error (exit code 2)."""
    result = check_bytes(b"\x00\x01\x02", ["GOV002"])
    assert result.diagnostics == [] and result.error is not None


# --------------------------------------------------------------------------- GOV003

def test_gov003_gbk_file_is_reported() -> None:
    result = check_bytes(REPORT.encode("gbk"), ["GOV003", "GOV002", "GOV407"])
    assert result.error is None
    # Decoded and parsed: no GOV002 (it is a report) and no GOV407 (its year was read).
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GOV003", 1, 1)]
    assert "GB18030/GBK" in result.diagnostics[0].message


def test_gov003_gbk_file_is_still_checked() -> None:
    text = REPORT.replace("2023年1月1日至2023年12月31日", "2023年1月1日至2023年11月30日")
    result = check_bytes(text.encode("gbk"), ["GOV003", "GOV402"])
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GOV003", 1, 1), ("GOV402", 3, 9)]


def test_gov003_gb18030_only_characters() -> None:
    """Characters outside GBK (e.g. 䶮) force GB18030, reported the same way."""
    result = check_bytes((REPORT + "六、其他需要报告的事项\n䶮\n").encode("gb18030"), ["GOV003"])
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("GOV003", 1, 1)]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(REPORT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + REPORT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(REPORT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(b"Report 2023\nno Chinese at all\n", id="ascii"),
    ],
)
def test_gov003_other_encodings_pass(data: bytes) -> None:
    result = check_bytes(data, ["GOV003"])
    assert result.error is None and result.diagnostics == []
