"""Rule test cases as YAML files, reusable by third-party and province rule packages.

The format follows SQLFluff's rule-case files: one file per rule, a ``rule`` key and one
mapping per test case. A case has either ``pass_str`` (the rule must report nothing) or
``fail_str`` plus ``violations`` (the rule must report exactly these, in order)::

    rule: GOV201
    test_all_six_sections:
      pass_str: |
        一、总体情况
        ...
    test_section_four_missing:
      fail_str: |
        ...
      violations:
        - code: GOV201
          line: 9
          column: 1
          message: 缺少第四部分      # optional: a substring of the message
      options:                       # optional: [rules.<name>] values for this case
        allow-aliases: false
      filename: case.txt             # optional: chooses the reader (default case.txt)

In a package's tests::

    from govlint.testing import load_cases, run_case
    import pytest

    CASES = load_cases("tests/cases")          # a file or a directory of *.yaml

    @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
    def test_rule_case(case):
        run_case(case)

The rule runs through the real reader and parser, so a case tests what a user sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlint.diagnostics import Diagnostic


@dataclass
class ExpectedViolation:
    """A violation a failing case must produce."""

    code: str
    line: int
    column: int
    message: str | None = None


@dataclass
class RuleCase:
    """One test case loaded from YAML."""

    id: str
    rule: str
    text: str
    should_pass: bool
    violations: list[ExpectedViolation] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    filename: str = "case.txt"
    source: str = ""


class CaseFileError(ValueError):
    """A malformed rule-case file (the message names the file and the case)."""


def _load_yaml(path: Path) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle)


def load_cases(path: str | Path) -> list[RuleCase]:
    """Load every case from a YAML file, or from all ``*.yaml``/``*.yml`` files under a directory."""
    root = Path(path)
    files = sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")]) if root.is_dir() else [root]
    cases: list[RuleCase] = []
    for file in files:
        cases.extend(_cases_from_file(file))
    return cases


def _cases_from_file(file: Path) -> list[RuleCase]:
    data = _load_yaml(file)
    if not isinstance(data, dict) or "rule" not in data:
        raise CaseFileError(f"{file}: a rule-case file is a mapping with a 'rule' key")
    rule = str(data["rule"])
    cases = []
    for case_id, body in data.items():
        if case_id == "rule":
            continue
        where = f"{file}: {case_id}"
        if not isinstance(body, dict):
            raise CaseFileError(f"{where}: expected a mapping")
        unknown = set(body) - {"pass_str", "fail_str", "violations", "options", "filename", "rule"}
        if unknown:
            raise CaseFileError(f"{where}: unknown keys {sorted(unknown)}")
        if ("pass_str" in body) == ("fail_str" in body):
            raise CaseFileError(f"{where}: give exactly one of pass_str and fail_str")
        should_pass = "pass_str" in body
        violations = []
        if not should_pass:
            raw = body.get("violations")
            if not raw:
                raise CaseFileError(f"{where}: a fail_str case needs a non-empty 'violations' list")
            for item in raw:
                try:
                    violations.append(
                        ExpectedViolation(str(item["code"]), int(item["line"]), int(item["column"]), item.get("message"))
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise CaseFileError(f"{where}: each violation needs code, line and column ({exc})") from None
        cases.append(
            RuleCase(
                id=f"{file.stem}::{case_id}",
                rule=str(body.get("rule", rule)),
                text=body["pass_str" if should_pass else "fail_str"],
                should_pass=should_pass,
                violations=violations,
                options=dict(body.get("options") or {}),
                filename=str(body.get("filename", "case.txt")),
                source=str(file),
            )
        )
    return cases


_HOST = None


def _host():
    global _HOST
    if _HOST is None:
        from govlint.host import Host

        _HOST = Host()
    return _HOST


def lint_text(
    text: str,
    select: list[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    filename: str = "case.txt",
) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``filename`` and return the diagnostics.

    ``select`` limits the rules (codes, prefixes or names; default: the default selection);
    ``options`` maps a rule name or code to its option values.
    """
    from govlint.config import Config
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = _host()
    overrides = CliOverrides(select=tuple(select) if select is not None else None)
    config = Config(rules={name: dict(values) for name, values in (options or {}).items()})
    resolver = SettingsResolver(host.registry, overrides, isolated=True, base_config=config)
    result = check_input(host, resolver, Input(filename, None, text.encode("utf-8")))
    _raise_internal_errors(result)
    return result.diagnostics


def _raise_internal_errors(result) -> None:
    """A rule (or the parser) that raised fails the test with its traceback.

    ``govlint check`` reports such a crash as GOV001 and goes on; a rule's own tests must
    not pass because the crash was turned into a finding they did not select.
    """
    for failure in result.failures:
        if failure.traceback:
            raise AssertionError(f"{failure.message}\n{failure.traceback}")


def lint_file(path: str | Path, select: list[str] | None = None) -> list[Diagnostic]:
    """Lint a file on disk (any format: .txt, .md, .html, .docx, .pdf) with no configuration."""
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = _host()
    overrides = CliOverrides(select=tuple(select) if select is not None else None)
    resolver = SettingsResolver(host.registry, overrides, isolated=True)
    path = Path(path)
    result = check_input(host, resolver, Input(str(path), path))
    _raise_internal_errors(result)
    return result.diagnostics


def run_case(case: RuleCase) -> None:
    """Run one case; raise ``AssertionError`` with a readable diff when it fails."""
    registry = _host().registry
    target = registry.get(case.rule)
    if target is None:
        raise AssertionError(f"{case.id}: rule {case.rule!r} is not registered (is its plugin installed?)")
    options = {target.code: case.options} if case.options else None
    found = lint_text(case.text, select=[target.code], options=options, filename=case.filename)
    got = [(d.code, d.line, d.column) for d in found]
    if case.should_pass:
        if found:
            details = "\n".join(f"  {d.line}:{d.column} {d.code} {d.message}" for d in found)
            raise AssertionError(f"{case.id}: expected no {target.code} violations, got:\n{details}")
        return
    expected = [(v.code, v.line, v.column) for v in case.violations]
    if got != expected:
        details = "\n".join(f"  {d.line}:{d.column} {d.code} {d.message}" for d in found) or "  (none)"
        raise AssertionError(f"{case.id}: expected {expected}, got {got}:\n{details}")
    for violation, diagnostic in zip(case.violations, found):
        if violation.message and violation.message not in diagnostic.message:
            raise AssertionError(
                f"{case.id}: message at {diagnostic.line}:{diagnostic.column} does not contain "
                f"{violation.message!r}: {diagnostic.message!r}"
            )
