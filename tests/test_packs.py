"""Province rule packs (issue 12): built-in packs, their cases, scope, loading and bad packs.

The YAML cases under ``tests/packs/<pack>/`` are synthetic reports written for these tests;
each directory is one built-in pack. The acceptance tests build whole synthetic reports with
:mod:`reportkit`; the real reports in ../shared are only read (all packs on, nothing changes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
import reportkit

from govlint.host import Host
from govlint.packs.loader import PackCatalog
from govlint.rules import ReportScope
from govlint.testing import RuleCase, lint_file, lint_text, load_cases, run_case

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
PACK_CASES = TESTS / "packs"
SHARED = REPO.parent / "shared"
CASES: list[RuleCase] = load_cases(PACK_CASES)
#: Every pack the installed plugins ship (govlint's own, plus e.g. the example province's).
AVAILABLE = sorted(PackCatalog(Host()).available())


def case_id(case: RuleCase) -> str:
    return f"{Path(case.source).parent.name}/{case.id}"


# =========================================================================== cases

@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_pack_case(case: RuleCase) -> None:
    run_case(case)


def test_every_builtin_pack_has_cases() -> None:
    assert {"hubei-2020", "wuhan", "chongqing", "huaihua", "shanghai"} <= set(AVAILABLE)
    host = Host()
    packs = {p.name: p for p in PackCatalog(host).load_all() if p.plugin == "packs"}
    assert sorted(d.name for d in PACK_CASES.iterdir() if d.is_dir()) == sorted(packs)
    problems = []
    for name, pack in packs.items():
        cases = [c for c in CASES if Path(c.source).parent.name == name]
        if not any(not c.should_pass for c in cases):
            problems.append(f"{name}: no fail_str case")
        for target in pack.rules:
            if target.doc_parts()["Failing example"].startswith(("(nothing", "（本规则不报告")):
                continue  # an accept-labels rule: its cases are those of the rule it relaxes (GOV103)
            own = [c for c in cases if c.rule == target.code]
            if not any(c.should_pass for c in own):
                problems.append(f"{target.code}: no pass_str case")
            if not any(not c.should_pass for c in own):
                problems.append(f"{target.code}: no fail_str case")
    assert not problems, "\n".join(problems)


def test_pack_case_files_belong_to_their_pack() -> None:
    for case in CASES:
        directory = Path(case.source).parent.name
        assert case.packs in ((directory,), ()), f"{case_id(case)}: packs {case.packs}"
        assert Path(case.source).stem == case.rule, f"{case_id(case)}: case for {case.rule} in {case.source}"


# =========================================================================== acceptance

CONTACT = "如对本报告有疑问，请与本局办公室联系（地址：示范市示范路1号；电话：027-87654321）。"


def hubei_report(extra_row: bool = True, issuer: str = "武汉市示范区生态环境局") -> str:
    edits = {"规范性文件\t2\t2\t15\n": "规范性文件\t2\t2\t15\n其他主动公开文件\t30\t30\t120\n"} if extra_row else {}
    return reportkit.build(template="2019", year=2020, issuer=issuer, intro=CONTACT, edits=edits).text


def test_hubei_2020_report_with_extra_row_is_clean_with_the_pack() -> None:
    text = hubei_report()
    assert [(d.code, d.line) for d in lint_text(text, packs=["hubei-2020"])] == []
    without = lint_text(text)
    assert [d.code for d in without] == ["GOV106"]
    assert "其他主动公开文件" in without[0].message


def test_hubei_2020_report_without_extra_row_is_reported_by_the_pack() -> None:
    found = lint_text(hubei_report(extra_row=False), packs=["hubei-2020"])
    assert [d.code for d in found] == ["HB001"]
    assert lint_text(hubei_report(extra_row=False)) == []


def huaihua_report(published: str, issuer: str = "怀化市示范局") -> str:
    title = f"{issuer}2021年政府信息公开工作年度报告\n"
    return reportkit.build(template="2021", year=2021, issuer=issuer, intro=CONTACT,
                           edits={title: f"{title}发布时间：{published}\n"}).text


def test_huaihua_2021_report_published_on_01_30() -> None:
    text = huaihua_report("2022-01-30")
    assert lint_text(text) == []
    found = lint_text(text, packs=["huaihua"])
    assert [(d.code, d.line, d.column) for d in found] == [("HN001", 2, 6)]
    assert "2022年1月28日" in found[0].message and "怀化市2021年度报告通知" in found[0].message
    assert lint_text(huaihua_report("2022-01-27"), packs=["huaihua"]) == []


def test_hubei_pack_never_fires_on_a_fujian_report() -> None:
    text = hubei_report(extra_row=False, issuer="福州市示范区生态环境局")
    assert lint_text(text, packs=["hubei-2020"]) == lint_text(text) == []
    with_row = hubei_report(issuer="福州市示范区生态环境局")
    assert [d.code for d in lint_text(with_row, packs=["hubei-2020"])] == ["GOV106"]


def _real_reports() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted(p for d in ("seeds", "corpus") for p in (SHARED / d).iterdir()
                  if p.suffix in (".txt", ".md", ".html", ".docx"))


@pytest.mark.skipif(not _real_reports(), reason="../shared is not beside the checkout")
@pytest.mark.parametrize("path", _real_reports(), ids=lambda p: p.name)
def test_all_packs_change_nothing_on_the_real_reports(path: Path) -> None:
    """Every built-in pack enabled on the national corpus: no pack finding, nothing silenced.

    The Shanghai report is in the shanghai pack's scope and satisfies it (its introduction
    cites 《上海市政府信息公开规定》 and the download address); the Fujian reports are in no scope.
    """
    plain = [(d.code, d.line, d.column) for d in lint_file(path)]
    packed = [(d.code, d.line, d.column) for d in lint_file(path, packs=AVAILABLE)]
    assert packed == plain


# =========================================================================== scope

def fake(issuer: str | None, year: int | None = 2021) -> SimpleNamespace:
    return SimpleNamespace(issuer=issuer, year=year)


def test_scope_by_issuer_name_kind_and_years() -> None:
    scope = ReportScope(issuer_contains=("怀化",), issuer_excludes=("区",), issuer_kinds=("department",),
                        years=(2021, 2021))
    assert scope.covers(fake("怀化市教育局"))
    assert scope.covers(fake("怀化市 教育局"))  # spaces in the name do not matter
    assert not scope.covers(fake("怀化市鹤城区教育局"))
    assert not scope.covers(fake("怀化市人民政府"))  # a government, not a department
    assert not scope.covers(fake("株洲市教育局"))
    assert not scope.covers(fake("怀化市教育局", 2022))
    assert not scope.covers(fake(None))  # an unknown issuer is in no constrained scope
    assert not scope.covers(fake("怀化市教育局", None))


def test_scope_open_years_and_nesting() -> None:
    later = ReportScope(years=(2021, None))
    assert later.covers(fake(None, 2030)) and not later.covers(fake(None, 2020))
    inner = ReportScope(issuer_kinds=("township",), within=ReportScope(issuer_contains=("重庆",)))
    assert inner.covers(fake("重庆市示范县清水镇人民政府"))
    assert not inner.covers(fake("成都市示范县清水镇人民政府"))
    assert inner.describe() == "发布机关名称含「重庆」之一；机关类型为乡镇（街道）"
    assert ReportScope().covers(fake(None, None))


# =========================================================================== command line

def govlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def one_error_line(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    details = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 2, details
    assert "Traceback" not in proc.stderr, details
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, details
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    return lines[0]


GOOD_PACK = """\
pack: test-pack
description: 测试用规则包
source:
  title: 测试通知
scope:
  issuer-contains: [示范]
rules:
  - code: TP001
    name: test-phrase
    summary: 测试规则
    severity: warning
    doc:
      what: A phrase.
      why: A test.
      failing: 无
      passing: 有
    require-text:
      phrase: 示范短语
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(hubei_report(), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "old, new, where, needles",
    [
        pytest.param("    summary: 测试规则", "    sumary: 测试规则", "10:5",
                     ("rules[0]", "unknown key 'sumary'", "did you mean 'summary'?"), id="typo-key"),
        pytest.param("      phrase: 示范短语", "      regex: 示范(短语", "18:14",
                     ("rules[0].require-text.regex", "invalid regular expression"), id="bad-regex"),
        pytest.param("scope:", "scpoe:", "5:1", ("unknown key 'scpoe'", "did you mean 'scope'?"), id="typo-top"),
        pytest.param("    severity: warning", "    severity: fatal", "11:15",
                     ("rules[0].severity", "expected one of error, warning, info", "'fatal'"), id="bad-severity"),
        pytest.param("  issuer-contains: [示范]", "  issuer-contains: [示范\n", "8:6",
                     ("invalid YAML",), id="yaml-syntax"),
        pytest.param("      phrase: 示范短语", "      table: 第二十条第（十）项", "18:7",
                     ("unknown key 'table'",), id="wrong-block-key"),
    ],
)
def test_bad_pack_is_one_line_with_position(workdir: Path, old: str, new: str, where: str, needles) -> None:
    assert old in GOOD_PACK
    (workdir / "bad.yaml").write_text(GOOD_PACK.replace(old, new), encoding="utf-8")
    line = one_error_line(govlint("check", "--isolated", "--pack", "bad.yaml", "report.txt", cwd=workdir),
                          *needles)
    assert f"bad.yaml:{where}: " in line, line


def test_duplicate_code_in_a_pack(workdir: Path) -> None:
    second = GOOD_PACK[GOOD_PACK.index("  - code: TP001"):].replace("test-phrase", "test-phrase-two")
    (workdir / "dup.yaml").write_text(GOOD_PACK + second, encoding="utf-8")
    line = one_error_line(govlint("check", "--isolated", "--pack", "dup.yaml", "report.txt", cwd=workdir),
                          "rules[1].code", "'TP001' is already used by rules[0] (line 8)")
    assert "dup.yaml:19:11: " in line, line


def test_code_of_another_pack(workdir: Path) -> None:
    (workdir / "clash.yaml").write_text(GOOD_PACK.replace("TP001", "HB001"), encoding="utf-8")
    one_error_line(govlint("check", "--isolated", "--pack", "hubei-2020", "--pack", "clash.yaml", "report.txt",
                           cwd=workdir), "clash.yaml:8:11: ", "code 'HB001'", "pack 'hubei-2020'")


def test_bad_pack_from_the_configuration(workdir: Path) -> None:
    (workdir / "bad.yaml").write_text(GOOD_PACK.replace("    summary:", "    sumary:"), encoding="utf-8")
    (workdir / ".govlint.toml").write_text('packs = ["bad.yaml"]\n', encoding="utf-8")
    one_error_line(govlint("check", "report.txt", cwd=workdir), "bad.yaml:10:5: ", "unknown key 'sumary'")


@pytest.mark.parametrize(
    "value, needles",
    [
        pytest.param('"hubei-2020"', ("packs", "应为规则包名称"), id="not-a-list"),
        pytest.param('["hubie-2020"]', ("packs[0]", "unknown pack 'hubie-2020'", "did you mean 'hubei-2020'?"),
                     id="typo-name"),
        pytest.param('["missing.yaml"]', ("packs[0]", "no pack file 'missing.yaml'"), id="missing-file"),
    ],
)
def test_bad_packs_key(workdir: Path, value: str, needles) -> None:
    (workdir / ".govlint.toml").write_text(f"packs = {value}\n", encoding="utf-8")
    one_error_line(govlint("check", "report.txt", cwd=workdir), ".govlint.toml", *needles)


@pytest.mark.parametrize(
    "block, needles",
    [
        pytest.param("deadline:\n      department: \"02-10\"", ("before the national deadline 01-31",), id="lax-deadline"),
        pytest.param("deadline:\n      department: 128", ("expected a date as \"MM-DD\"",), id="not-a-date"),
        pytest.param("cell-bound:\n      table: 第二十条第（十）项\n      row: 规章\n      column: 本年制发件数\n      max: 0",
                     ("unknown table",), id="unknown-table"),
        pytest.param("cell-bound:\n      table: item1\n      row: 规费\n      column: 本年制发件数\n      max: 0",
                     ("'规费' is not a row",), id="unknown-row"),
        pytest.param("contact-fields:\n      required: [phone, fax-number]", ("expected one of address",),
                     id="unknown-contact-field"),
        pytest.param("accept-labels:\n      table: item1\n      labels:\n        规费: 规费（说明）",
                     ("not an official row or column label",), id="unknown-label"),
    ],
)
def test_bad_block_parameters(workdir: Path, block: str, needles) -> None:
    text = GOOD_PACK.replace("require-text:\n      phrase: 示范短语", block)
    (workdir / "bad.yaml").write_text(text, encoding="utf-8")
    one_error_line(govlint("check", "--isolated", "--pack", "bad.yaml", "report.txt", cwd=workdir),
                   "bad.yaml:", *needles)


def test_pack_given_by_path_runs_its_rules(workdir: Path) -> None:
    (workdir / "mine.yaml").write_text(GOOD_PACK, encoding="utf-8")
    proc = govlint("check", "--isolated", "--output-format", "json", "--pack", "mine.yaml", "report.txt", cwd=workdir)
    found = json.loads(proc.stdout)
    assert [(d["code"], d["plugin"]) for d in found] == [("TP001", "local"), ("GOV106", "template")]
    assert found[0]["message"] == "报告中缺少「示范短语」（测试通知）"


def test_packs_key_applies_to_the_files_under_its_configuration(workdir: Path) -> None:
    for name in ("hubei", "other"):
        (workdir / name).mkdir()
        (workdir / name / "report.txt").write_text(hubei_report(extra_row=False), encoding="utf-8")
    (workdir / "hubei" / ".govlint.toml").write_text('packs = ["hubei-2020"]\n', encoding="utf-8")
    proc = govlint("check", "--output-format", "concise", "hubei", "other", cwd=workdir)
    codes = sorted((line.split(":")[0], line.split()[1]) for line in proc.stdout.splitlines())
    assert codes == [("hubei/report.txt", "HB001")], proc.stdout + proc.stderr


def test_selection_of_pack_rules(workdir: Path) -> None:
    report = ["--isolated", "--output-format", "concise", "report.txt"]
    # An accepted row stays accepted whatever the selection.
    assert govlint("check", "--pack", "hubei-2020", "--select", "GOV1", *report, cwd=workdir).stdout == ""
    # A pack rule cannot be selected without its pack.
    one_error_line(govlint("check", "--select", "HB001", *report, cwd=workdir), "未知的规则代码", "'HB001'")
    (workdir / "short.txt").write_text(hubei_report(extra_row=False), encoding="utf-8")
    proc = govlint("check", "--isolated", "--output-format", "concise", "--pack", "hubei-2020", "--ignore", "HB001",
                   "short.txt", cwd=workdir)
    assert proc.stdout == "" and proc.returncode == 0


def test_ignoring_the_complete_rows_rule_brings_gov105_back(tmp_path: Path) -> None:
    text = reportkit.build(template="2021", year=2022, issuer="重庆市示范区财政局", intro=CONTACT,
                           edits={"2.重复申请\t0\t0\t0\t0\t0\t0\t0\n": ""}).text
    (tmp_path / "cq.txt").write_text(text, encoding="utf-8")
    base = ["check", "--isolated", "--output-format", "concise", "--pack", "chongqing"]
    with_pack = govlint(*base, "cq.txt", cwd=tmp_path).stdout.split()
    assert [w for w in with_pack if w[:2] in ("GO", "CQ")] == ["CQ001"]
    ignored = govlint(*base, "--ignore", "CQ001", "cq.txt", cwd=tmp_path).stdout.split()
    assert [w for w in ignored if w[:2] in ("GO", "CQ")] == ["GOV105"]


def test_packs_command_lists_scope_source_and_rules(tmp_path: Path) -> None:
    proc = govlint("packs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "hubei-2020: 湖北省2020年度报告格式的增项" in proc.stdout
    assert "  scope:  发布机关名称含「湖北」「武汉」" in proc.stdout
    assert "  rules:  HN001 HN002" in proc.stdout
    assert "  plugin: packs (govlint " in proc.stdout
    data = json.loads(govlint("packs", "--format", "json", cwd=tmp_path).stdout)
    assert {p["name"] for p in data} == set(AVAILABLE)


def test_rule_command_documents_a_pack_rule(tmp_path: Path) -> None:
    proc = govlint("rule", "HN001", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("HN001 huaihua-department-deadline: 怀化市直单位2021年度报告应在2022年1月28日前发布\n")
    assert "规则包：huaihua（用 --pack huaihua" in proc.stdout
    assert "适用于：发布机关名称含「怀化」" in proc.stdout


def test_sarif_lists_the_enabled_packs_rules(workdir: Path) -> None:
    proc = govlint("check", "--isolated", "--output-format", "sarif", "--pack", "hubei-2020", "report.txt", cwd=workdir)
    rules = [r["id"] for r in json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]]
    assert "HB001" in rules and "HB002" in rules and "CQ001" not in rules


def test_no_pack_no_yaml_at_start_up(workdir: Path) -> None:
    """``govlint check`` without packs never imports the YAML reader or the pack schema."""
    code = textwrap.dedent("""
        import sys
        from govlint import cli
        try:
            cli.main(["check", "--isolated", "--output-format", "concise", "report.txt"])
        except SystemExit:
            pass
        print(sorted(m for m in sys.modules if m.startswith(("ruamel", "govlint.packs."))))
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "['govlint.packs.builtin']", proc.stdout


# =========================================================================== blocks not used by the built-in packs

BLOCKS_PACK = """\
pack: block-test
description: 测试用规则包
source:
  title: 测试通知
  short: 测试通知
scope:
  issuer-contains: [示范县]
rules:
  - code: TB001
    name: no-placeholders
    summary: 第六部分不得留有占位符
    severity: warning
    doc: {what: a, why: b, failing: c, passing: d}
    forbid-text:
      regex: X{2,}|×{2,}
      in: 6
      message: 第六部分留有模板占位符
  - code: TB002
    name: overview-topics
    summary: 第一部分应说明政府信息管理或平台建设
    severity: info
    doc: {what: a, why: b, failing: c, passing: d}
    require-text:
      phrase: [政府信息管理, 平台建设]
      in: 1
  - code: TB003
    name: contact-complete
    summary: 应提供地址和电子邮箱
    severity: warning
    doc: {what: a, why: b, failing: c, passing: d}
    contact-fields:
      required: [address, email]
  - code: TB004
    name: licensing-at-least-one
    summary: 行政许可处理决定数量不应为0
    severity: info
    doc: {what: a, why: b, failing: c, passing: d}
    cell-bound:
      table: item5
      row: 行政许可
      column: 本年处理决定数量
      min: 1
"""

BLOCKS_REPORT = """\
示范县示范局2023年政府信息公开工作年度报告
如对本报告有疑问，请与本局办公室联系（电话：0571-87654321）。
一、总体情况
本局全年主动公开政府信息96条，加强政府信息
管理，规范发布流程。
二、主动公开政府信息情况
第二十条第（五）项
信息内容	本年处理决定数量
行政许可	0
六、其他需要报告的事项
本年度XX收取信息处理费，联系人：××。
"""


@pytest.fixture(scope="module")
def blocks_pack(tmp_path_factory: pytest.TempPathFactory) -> str:
    # One file for the module: govlint.testing's host keeps a pack registered once loaded, and
    # two files with one pack name are an error (as in one run of govlint).
    path = tmp_path_factory.mktemp("packs") / "block-test.yaml"
    path.write_text(BLOCKS_PACK, encoding="utf-8")
    return str(path)


def test_blocks_on_a_report(blocks_pack: str) -> None:
    found = lint_text(BLOCKS_REPORT, select=["TB"], packs=[blocks_pack])
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("TB003", 2, 10, "联系方式中缺少地址、电子邮箱（测试通知）"),
        ("TB004", 9, 6, "第二部分「第二十条第（五）项」表「行政许可」行「本年处理决定数量」列为0，应不小于1（测试通知）"),
        ("TB001", 11, 4, "第六部分留有模板占位符：「XX」，共2处（测试通知）"),
    ]  # TB002: 政府信息管理 is found across the line break


def test_blocks_on_a_report_that_complies(blocks_pack: str) -> None:
    text = (BLOCKS_REPORT.replace("加强政府信息\n管理", "加强政务公开")
            .replace("（电话：0571-87654321）", "（地址：示范县示范路1号；电子邮箱：office@example.gov.cn）")
            .replace("行政许可\t0", "行政许可\t12").replace("本年度XX收取信息处理费，联系人：××。", "本年度未收取信息处理费。"))
    found = lint_text(text, select=["TB"], packs=[blocks_pack])
    assert [(d.code, d.line, d.message) for d in found] == [("TB002", 3, "第一部分中缺少「政府信息管理」或「平台建设」（测试通知）")]
