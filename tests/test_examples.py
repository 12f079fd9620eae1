"""The bundled examples: what the README's first command shows a new user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)


def test_clean_example_has_no_findings():
    done = run("check", "--output-format", "concise", "examples/clean-report-2023.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_defective_example_shows_one_defect_of_each_kind():
    done = run("check", "--output-format", "concise", "examples/defective-report-2023.txt")
    assert done.returncode == 1
    found = {(int(line.split(":")[1]), line.split(" ")[1]) for line in done.stdout.splitlines()}
    assert {
        (1, "GOV401"),   # no statistics period
        (1, "GOV501"),   # no contact details
        (3, "GOV206"),   # "六部分组成" but section 四 is missing
        (9, "GOV601"),   # prose says 15 applications, the table 10
        (10, "GOV205"),  # sub-headings jump from （二） to （四）
        (51, "GOV005"),  # a row with 6 of 7 values
        (62, "GOV302"),  # （七）总计 ≠ sum of the results
        (62, "GOV303"),  # 一 + 二 ≠ （七） + 四
        (65, "GOV201"),  # section 四 missing
        (65, "GOV204"),  # section 五 says only 无
        (68, "GOV208"),  # no 信息处理费 statement
        (72, "GOV405"),  # 2024年2月30日
    } <= found


def test_directory_of_examples_exits_1_and_names_both_files():
    done = run("check", "--output-format", "concise", "examples/")
    assert done.returncode == 1
    assert "defective-report-2023.txt" in done.stdout
    assert "clean-report-2023.txt" not in done.stdout
