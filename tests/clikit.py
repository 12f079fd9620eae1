"""Running the real command line in a subprocess, as a user would, for end-to-end tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def govlint_json(cwd: Path, *args: str, isolated: bool = True):
    """``govlint check --output-format json ARGS`` in ``cwd``: the completed process and its findings."""
    command = [sys.executable, "-m", "govlint", "check", "--output-format", "json"]
    if isolated:
        command.append("--isolated")
    result = subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    diagnostics = json.loads(result.stdout) if result.stdout.strip() else []
    return result, diagnostics
