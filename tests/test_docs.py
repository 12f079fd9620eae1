"""The documentation that users read is generated from the code and kept in sync."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_docs_rules_md_is_generated_from_the_registry():
    generated = subprocess.run(
        [sys.executable, "-m", "govlint", "rules", "--builtin", "--format", "markdown"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == generated, "docs/rules.md is stale: run `govlint rules --builtin --format markdown > docs/rules.md`"


#: The README's test command: the test extras and the example province package (its tests run too).
TEST_COMMAND = ('python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" '
                '-e plugins/govlint-example-province && python -m pytest')


def test_readme_starts_with_the_two_fresh_machine_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert 'pip install . && govlint check examples/' in head
    assert TEST_COMMAND in head


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST_COMMAND in ci
