"""What a correct linter must, may and must not say on the real reports (../shared/EXPECTED.md).

Each "must" is asserted with its code and a line inside the right row; each "must not" is
asserted absent. The reports are read from ../shared (beside the checkout in CI) and never
copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.testing import lint_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real reports) is not beside the checkout")


def diagnostics(relative: str):
    path = SHARED / relative
    return lint_text(path.read_text(encoding="utf-8"), filename=str(path))


def codes(found) -> set[str]:
    return {d.code for d in found}


def errors_with_prefix(found, prefix: str):
    return [d for d in found if d.code.startswith(prefix) and d.severity.value == "error"]


def at(found, code: str) -> list[int]:
    return sorted(d.line for d in found if d.code == code)


def test_seed_000_all_zero_tables_and_complete_intro():
    found = diagnostics("seeds/000_07f3dd90ea4b5b07.txt")
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert "GOV401" not in codes(found)
    assert not [d for d in found if d.code.startswith("GOV5")]
    assert not {"GOV201", "GOV202", "GOV101"} & codes(found)
    assert not [d for d in found if d.severity.value == "error"]


def test_seed_001_results_total_balance_period_and_contact():
    found = diagnostics("seeds/001_60c3416880e5604d.txt")
    total_row = range(332, 341)  # （七）总计 label and its seven cells, before 四、结转下年度继续办理
    results = [d for d in found if d.code == "GOV302"]
    assert results and all(d.line in total_row for d in results)
    assert {"自然人", "「总计」"} <= {part for d in results for part in ("自然人", "「总计」") if part in d.message}
    assert any("为0" in d.message and "4" in d.message for d in results)
    balance = [d for d in found if d.code == "GOV303"]
    assert balance and all(d.line in total_row for d in balance)
    assert any("= 4" in d.message and "= 0" in d.message for d in balance)
    assert "GOV304" not in codes(found)  # section 四 adds up
    assert "GOV401" in codes(found)
    assert "GOV501" in codes(found)
    assert "GOV306" not in codes(found)  # 39173777.52元 is a money amount


def test_seed_002_numerals_inside_section_five_are_not_sections():
    found = diagnostics("seeds/002_b6ff4eeabae1e240.txt")
    assert not {"GOV201", "GOV202", "GOV206"} & codes(found)
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert "GOV401" not in codes(found)
    assert not [d for d in found if d.code.startswith("GOV5")]


def test_seed_003_malformed_signature_no_period_no_contact():
    found = diagnostics("seeds/003_c8e56b69bc7838b8.txt")
    assert at(found, "GOV404") == [673]
    assert "GOV401" in codes(found)
    assert "GOV501" in codes(found)
    assert not [d for d in found if d.code.startswith("GOV3")]


def test_seed_004_short_row_reported_and_following_rows_intact():
    found = diagnostics("seeds/004_2b6e7661ff84f527.txt")
    assert at(found, "GOV005") == [203]
    assert "GOV501" in codes(found)
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert "GOV208" not in codes(found)  # section 六 states that no fee was charged
    assert "GOV101" not in codes(found)


def test_corpus_002_pdf_text_balances_and_has_contact():
    found = diagnostics("corpus/002_2024_huaian_shi.txt")
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert not [d for d in found if d.code.startswith("GOV5")]
    assert not {"GOV401", "GOV005", "GOV004", "GOV201"} & codes(found)


def test_corpus_010_crawler_text_never_invents_numbers():
    found = diagnostics("corpus/010_2024_fujian_pingtan_zonghe_shiyanqu.txt")
    assert "GOV501" in codes(found)
    unreadable = [d for d in found if d.code == "GOV004"]
    assert len(unreadable) == 1 and "6233440" in unreadable[0].message
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert "GOV401" not in codes(found)
