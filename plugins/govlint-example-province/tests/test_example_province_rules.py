# tests/test_example_province_rules.py — the rule cases, run by govlint.testing
"""The example province's rule cases (govlint.testing), as a province package tests its rules."""

from pathlib import Path

import pytest

pytest.importorskip("govlint_example_province")  # run after `pip install plugins/govlint-example-province`

from govlint.testing import load_cases, run_case  # noqa: E402

CASES = load_cases(Path(__file__).parent / "rules")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule(case):
    run_case(case)
