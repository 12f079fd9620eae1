"""The example province distribution (plugins/govlint-example-province), installed as CI installs it.

Skipped when the distribution is not installed (`pip install -e plugins/govlint-example-province`,
part of the README's test command). Its own rule cases run from its tests directory.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

example = pytest.importorskip("govlint_example_province")

REPO = Path(__file__).resolve().parent.parent
REPORT = """\
示例省示例厅2023年政府信息公开工作年度报告
如对本报告有疑问，请与本厅办公室联系（电话：0100-12345678）。
一、总体情况
本厅全年主动公开政府信息96条。
五、存在的主要问题及改进情况
无。
"""


def govlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_plugins_and_rules_list_it(tmp_path: Path) -> None:
    plugins = govlint("plugins", cwd=tmp_path).stdout
    assert re.search(r"^example-province  govlint_example_province  \(govlint-example-province 0\.1\.0\)  "
                     r"2 rules, 1 packs$", plugins, re.M), plugins
    rules = govlint("rules", cwd=tmp_path).stdout
    assert re.search(r"^EX001\s+short-problems-section\s+warning\s+example-province\s", rules, re.M)
    assert re.search(r"^EX101\s+example-contact-fields\s+warning\s+example-province\s", rules, re.M)
    assert "example-province:" in govlint("packs", cwd=tmp_path).stdout
    # docs/rules.md documents govlint's own rules only.
    assert "EX001" not in govlint("rules", "--builtin", cwd=tmp_path).stdout


def test_its_rules_fire(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    proc = govlint("check", "--isolated", "--output-format", "concise", "--select", "EX", "--pack",
                   "example-province", "report.txt", cwd=tmp_path)
    assert [line.split()[1] for line in proc.stdout.splitlines()] == ["EX101", "EX001"], proc.stdout + proc.stderr
    plain = govlint("check", "--isolated", "--output-format", "concise", "--select", "EX001", "report.txt",
                    cwd=tmp_path)
    assert [line.split()[1] for line in plain.stdout.splitlines()] == ["EX001"]


def test_one_hookimpl_marker() -> None:
    """The built-in families, the built-in packs and the example use govlint.api's marker."""
    import importlib

    from govlint.api import hookimpl

    assert hookimpl.project_name == "govlint"
    assert getattr(example.govlint_rules, "govlint_impl", None) is not None
    families = [p.parent.name for p in (REPO / "plugins" / "govlint_rules").glob("*/__init__.py")]
    for module in (*(f"govlint_rules.{f}" for f in families), "govlint.packs.builtin", "govlint_example_province"):
        source = Path(importlib.import_module(module).__file__).read_text(encoding="utf-8")
        assert "from govlint.api import hookimpl" in source and "HookimplMarker" not in source, module
