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
      packs: [hubei-2020]            # optional: enable these packs (names or paths) for the case

A ``packs`` key at the top of the file (beside ``rule``) applies to every case of the file; a
case's own ``packs`` replaces it (``packs: []`` runs the case without packs). Paths are
relative to the case file. With packs, the packs' rules run too (as they would for a user),
but only the findings of the case's rule are compared: a case about GOV106 shows that a pack's
``accept-rows`` silences it.

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
    packs: tuple[str, ...] = ()


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
    file_packs = _packs(data.get("packs"), file, f"{file}: packs")
    cases = []
    for case_id, body in data.items():
        if case_id in ("rule", "packs"):
            continue
        where = f"{file}: {case_id}"
        if not isinstance(body, dict):
            raise CaseFileError(f"{where}: expected a mapping")
        unknown = set(body) - {"pass_str", "fail_str", "violations", "options", "filename", "rule", "packs"}
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
                packs=_packs(body["packs"], file, f"{where}: packs") if "packs" in body else file_packs,
            )
        )
    return cases


def _packs(value: Any, file: Path, where: str) -> tuple[str, ...]:
    """Pack references of a case file: names as given, paths made relative to the file."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"{where}: expected a list of pack names or paths")
    from govlint.packs.loader import is_path

    return tuple(str((file.parent / v).resolve()) if is_path(v) else v for v in value)


_HOST = None


def _host():
    global _HOST
    if _HOST is None:
        from govlint.host import Host

        _HOST = Host()
    return _HOST


def _catalog(host):
    from govlint.packs.loader import PackCatalog

    return PackCatalog(host)


def lint_text(
    text: str,
    select: list[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    filename: str = "case.txt",
    packs: list[str] | tuple[str, ...] = (),
) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``filename`` and return the diagnostics.

    ``select`` limits the rules (codes, prefixes or names; default: the default selection);
    ``options`` maps a rule name or code to its option values; ``packs`` enables province
    packs (names, or paths relative to the current directory), as ``--pack`` does.
    """
    from govlint.config import Config
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = _host()
    overrides = CliOverrides(select=tuple(select) if select is not None else None, packs=tuple(packs))
    config = Config(rules={name: dict(values) for name, values in (options or {}).items()})
    resolver = SettingsResolver(host.registry, overrides, isolated=True, base_config=config,
                                catalog_factory=lambda: _catalog(host))
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


def lint_file(path: str | Path, select: list[str] | None = None,
              packs: list[str] | tuple[str, ...] = ()) -> list[Diagnostic]:
    """Lint a file on disk (any format: .txt, .md, .html, .docx, .pdf) with no configuration
    (``packs``: province packs to enable, as ``--pack`` does)."""
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = _host()
    overrides = CliOverrides(select=tuple(select) if select is not None else None, packs=tuple(packs))
    resolver = SettingsResolver(host.registry, overrides, isolated=True, catalog_factory=lambda: _catalog(host))
    path = Path(path)
    result = check_input(host, resolver, Input(str(path), path))
    _raise_internal_errors(result)
    return result.diagnostics


def run_case(case: RuleCase) -> None:
    """Run one case; raise ``AssertionError`` with a readable diff when it fails."""
    host = _host()
    registry = host.registry
    if case.packs:  # register the packs' rules so that the case's rule can be one of them
        catalog = _catalog(host)
        for reference in case.packs:
            catalog.register(catalog.resolve(reference, Path.cwd(), f"{case.id}: packs"), registry)
    target = registry.get(case.rule)
    if target is None:
        raise AssertionError(f"{case.id}: rule {case.rule!r} is not registered (is its plugin installed, "
                             "or does the case need `packs:`?)")
    options = {target.code: case.options} if case.options else None
    select = [target.code]
    if case.packs:  # the packs' rules run too: a pack grants allowances only as a user would see
        select += [code for name in _pack_names(case.packs, registry) for code in registry.packs[name].codes]
    found = [d for d in lint_text(case.text, select=select, options=options, filename=case.filename,
                                  packs=case.packs) if d.code == target.code]
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


def _pack_names(references: tuple[str, ...], registry) -> list[str]:
    """Names of the registered packs that ``references`` (names or resolved paths) denote."""
    names = []
    for reference in references:
        for name, pack in registry.packs.items():
            if name == reference or str(pack.path) == reference:
                names.append(name)
    return names
