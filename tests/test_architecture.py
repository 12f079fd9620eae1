"""The layering of architecture.md §1, as import-linter contracts (pyproject.toml), holds.

readers -> document -> parser -> rules -> output; rule plugins import only ``govlint.api``;
the core never imports the command line. A new import that breaks a contract fails here,
naming the chain of imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    script = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_plugins_import_the_public_api_only() -> None:
    """Belt and braces for the plugin contract: every ``govlint`` import in a built-in plugin is ``govlint.api``."""
    for path in (ROOT / "plugins" / "govlint_rules").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("from govlint", "import govlint")) and not stripped.startswith(
                    ("from govlint.api import", "from govlint_rules")):
                pytest.fail(f"{path.relative_to(ROOT)}: {stripped}")
