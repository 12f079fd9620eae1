"""Every registered rule is fully described (architecture.md §4).

The registry is data and the documentation is derived from it, so these tests run over the
real host with every installed plugin: a rule added without a code of the right shape, a
Chinese summary, a documented option or one of the docstring parts fails here.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from govlint.cli import cli
from govlint.diagnostics import Severity
from govlint.host import Host
from govlint.packs.loader import PackCatalog
from govlint.rules import CODE_RE, DOC_PART_TITLES, DOC_PARTS, NAME_RE, Rule, split_doc

HOST = Host()
PackCatalog(HOST).register_all(HOST.registry)  # every pack's rules are documented like any rule
RULES: list[Rule] = list(HOST.registry)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: The hundreds digit of a built-in code names its family (architecture.md §4).
FAMILY_DIGIT = {"document": "0", "template": "1", "sections": "2", "arithmetic": "3", "dates": "4",
                "contact": "5", "consistency": "6", "meta": "9"}


def by_code(rules: list[Rule]) -> list:
    return [pytest.param(r, id=r.code) for r in rules]


def test_registry_is_not_empty() -> None:
    assert len(RULES) >= 2
    assert {"GOV001", "GOV201"} <= {r.code for r in RULES}


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert not set(codes) & {n.upper() for n in names}


@pytest.mark.parametrize("rule", by_code(RULES))
def test_identity(rule: Rule) -> None:
    assert re.fullmatch(r"[A-Z]{2,3}[0-9]{3}", rule.code), rule.code
    assert CODE_RE.match(rule.code)
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name), rule.name
    assert NAME_RE.match(rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.severity.value in ("error", "warning", "info")
    assert rule.plugin, f"{rule.code} has no plugin"
    assert rule.plugin in HOST.plugins, f"{rule.code}: plugin {rule.plugin!r} is not a loaded plugin"
    assert rule.scope in ("report", "pair", "aggregate")
    assert callable(rule.check)


@pytest.mark.parametrize("rule", by_code(RULES))
def test_summary_is_one_chinese_line(rule: Rule) -> None:
    assert rule.summary.strip() == rule.summary and rule.summary, repr(rule.summary)
    assert "\n" not in rule.summary
    assert HAN.search(rule.summary), f"{rule.code}: summary {rule.summary!r} has no Chinese"


@pytest.mark.parametrize("rule", by_code(RULES))
def test_builtin_codes_follow_their_family(rule: Rule) -> None:
    info = HOST.plugins[rule.plugin]
    if rule.pack:
        assert not rule.code.startswith("GOV"), f"{rule.code}: GOV codes are govlint's own rules"
        return
    if info.dist != "govlint":
        pytest.skip("third-party plugin")
    assert rule.code.startswith("GOV")
    digit = FAMILY_DIGIT.get(rule.plugin)
    if digit is not None:
        assert rule.code[3] == digit, f"{rule.code} is in family {rule.plugin!r} (GOV{digit}xx)"


def _heading_at(doc: str, part: str) -> int:
    """Where the heading line of ``part`` is, in English or Chinese."""
    for heading in (f"{DOC_PART_TITLES[part]}：", f"{DOC_PART_TITLES[part]}:", f"{part}:"):
        if heading in doc:
            return doc.index(heading)
    raise AssertionError(f"no heading for {part!r}")


@pytest.mark.parametrize("rule", by_code(RULES))
def test_doc_has_every_part_in_order(rule: Rule) -> None:
    parts = rule.doc_parts()
    missing = [p for p in DOC_PARTS if p not in parts]
    assert not missing, f"{rule.code}: docstring lacks {missing}"
    empty = [p for p in DOC_PARTS if not parts[p].strip()]
    assert not empty, f"{rule.code}: empty docstring parts {empty}"
    positions = [_heading_at(rule.doc, p) for p in DOC_PARTS]
    assert positions == sorted(positions), f"{rule.code}: parts out of order"
    assert parts[""], f"{rule.code}: no summary paragraph before {DOC_PARTS[0]!r}"


@pytest.mark.parametrize("rule", by_code(RULES))
def test_options_are_documented_and_valid(rule: Rule) -> None:
    documented = rule.doc_parts().get("Options", "")
    names = [opt.name for opt in rule.options]
    assert len(set(names)) == len(names), f"{rule.code}: duplicate option"
    for opt in rule.options:
        assert opt.name in documented, f"{rule.code}: option {opt.name!r} not in the Options part"
        assert NAME_RE.match(opt.name), f"{rule.code}: option {opt.name!r} is not kebab-case"
        assert opt.kind in ("str", "int", "float", "bool", "list[str]"), opt
        assert opt.description.strip(), f"{rule.code}: option {opt.name!r} has no description"
        assert opt.validate(opt.default) == opt.default  # the default passes its own check
    if not rule.options:
        assert documented, f"{rule.code}: say 'None.' when a rule has no options"


def test_split_doc_recognises_only_whole_heading_lines() -> None:
    doc = "Summary.\n\nWhat it checks:\nA. Why: not a heading.\n\nWhy:\n  B\nOptions:\nNone."
    parts = split_doc(doc)
    assert parts[""] == "Summary."
    assert parts["What it checks"] == "A. Why: not a heading."
    assert parts["Why"] == "B"
    assert parts["Options"] == "None."
    assert "Failing example" not in parts


def test_split_doc_reads_chinese_headings_as_the_same_parts() -> None:
    doc = "摘要。\n\n检查内容：\n甲。原因：不是标题。\n\n原因:\n  乙\nFailing example:\n丙\n选项：\n无。"
    parts = split_doc(doc)
    assert parts[""] == "摘要。"
    assert parts["What it checks"] == "甲。原因：不是标题。"
    assert parts["Why"] == "乙" and parts["Failing example"] == "丙" and parts["Options"] == "无。"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("rule", by_code(RULES))
def test_rule_command_prints_the_doc(runner: CliRunner, rule: Rule) -> None:
    for key in (rule.code, rule.name, rule.code.lower()):
        result = runner.invoke(cli, ["rule", key])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{rule.code} {rule.name}: {rule.summary}\n")
        assert f"默认严重程度：{rule.severity.value}" in result.output
        assert rule.doc_text() in result.output
        for part in DOC_PARTS:
            assert f"\n{DOC_PART_TITLES[part]}：\n" in result.output


def test_rule_command_unknown_rule(runner: CliRunner) -> None:
    from govlint.errors import GovlintError

    result = runner.invoke(cli, ["rule", "ZZ999"])
    assert result.exit_code != 0
    assert isinstance(result.exception, GovlintError)
    assert "ZZ999" in str(result.exception)


def test_rules_command_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.output.splitlines() if line.strip()]
    assert listed == [r.code for r in RULES]
