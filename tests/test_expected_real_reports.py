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


# ----------------------------------------------------------------------------- every real file, strictly
#
# For every real report in ../shared (seeds and corpus, the .pdf and .docx included): the codes
# that must appear, and the codes that may. Any other code is a false alarm and fails the test,
# so a false finding on a real report is a red CI. The lists follow ../shared/EXPECTED.md; where
# it is silent, "may" holds findings that are true of the file as captured (a missing title
# line), never a guess.

from govlint.testing import lint_file  # noqa: E402

EXPECTED = {
    "seeds/000_07f3dd90ea4b5b07.txt": (set(), {"GOV103", "GOV207"}),
    "seeds/001_60c3416880e5604d.txt": ({"GOV302", "GOV303", "GOV601", "GOV401", "GOV501"}, {"GOV105"}),
    "seeds/002_b6ff4eeabae1e240.txt": (set(), {"GOV205", "GOV207"}),
    "seeds/003_c8e56b69bc7838b8.txt": ({"GOV404", "GOV401", "GOV501"}, {"GOV205", "GOV207"}),
    "seeds/004_2b6e7661ff84f527.txt": ({"GOV005", "GOV501"}, {"GOV207"}),
    "corpus/002_2024_huaian_shi.txt": (set(), set()),
    "corpus/002_2024_huaian_shi.pdf": (set(), set()),
    "corpus/010_2024_fujian_pingtan_zonghe_shiyanqu.txt": ({"GOV501", "GOV004"}, {"GOV007"}),
    "corpus/101_2021_fujian_pingtan_page.html": (set(), {"GOV502"}),
    "corpus/117_2017_fujian_pingtan_legacy.txt": (set(), {"GOV505"}),
    "corpus/123_2025_shanghai_shi_bangongting.md": ({"GOV501", "GOV201", "GOV005"}, {"GOV103", "GOV009"}),
    "corpus/template_2021_format_blank.docx": ({"GOV006", "GOV401", "GOV407"}, {"GOV207", "GOV501"}),
}


def _real_files() -> list[str]:
    if not SHARED.is_dir():
        return sorted(EXPECTED)
    found = sorted(f"{d}/{p.name}" for d in ("seeds", "corpus") for p in (SHARED / d).iterdir() if p.is_file())
    return found


@pytest.mark.parametrize("relative", _real_files())
def test_every_real_report_gets_exactly_the_expected_codes(relative):
    assert relative in EXPECTED, f"{relative}: a real report without an entry in EXPECTED (add one)"
    if relative.endswith(".pdf"):
        pytest.importorskip("pdfplumber")
    must, may = EXPECTED[relative]
    found = lint_file(SHARED / relative)
    got = codes(found)
    assert must <= got, f"{relative}: missing {sorted(must - got)}"
    unexpected = [f"{d.line}:{d.column} {d.code} {d.message}" for d in found if d.code not in must | may]
    assert not unexpected, f"{relative}: false alarms:\n" + "\n".join(unexpected)
    # One problem, one finding: never the same code twice at one place.
    places = [(d.code, d.line, d.column) for d in found]
    assert len(places) == len(set(places)), f"{relative}: repeated findings {places}"


def test_legacy_report_is_legacy_and_its_statistics_are_never_guessed():
    from govlint.document import Document  # noqa: F401  (the reader is chosen by the runner)
    from govlint.parser import parse
    from govlint.readers.text import govlint_read

    path = SHARED / "corpus/117_2017_fujian_pingtan_legacy.txt"
    report = parse(govlint_read(path=str(path), data=path.read_bytes()))
    assert report.template == "legacy" and report.year == 2017
    assert report.tables.all() == []
    rows = {r.label: r for r in report.legacy_statistics}
    assert rows["主动公开文件数"].raw == "212210037"
    # 2|12210037, 21|2210037, 212|210037, 2122|10037: all possible, so not guessed
    assert rows["主动公开文件数"].status == "unreadable"
    assert all(r.status == "ok" and [c.value for c in r.cells] == [0, 0] for r in rows.values() if r.raw == "00")


def test_pdf_to_markdown_conversion_one_header_finding_and_short_rows_under_item_one():
    found = diagnostics("corpus/123_2025_shanghai_shi_bangongting.md")
    header = [d for d in found if d.code == "GOV103" and "列标题" in d.message]
    assert len(header) <= 1
    short = [d for d in found if d.code == "GOV005"]
    assert short and all("第二十条第（一）项" in d.message for d in short)


def test_blank_word_template_has_at_most_eight_findings_and_one_blank_cell_finding():
    pytest.importorskip("docx")
    found = lint_file(SHARED / "corpus/template_2021_format_blank.docx")
    assert len(found) <= 8, [f"{d.code} {d.message}" for d in found]
    assert len([d for d in found if d.code == "GOV006"]) == 1


def test_web_page_phone_under_combined_label_is_not_missing():
    found = diagnostics("corpus/101_2021_fujian_pingtan_page.html")
    assert not [d for d in found if d.code == "GOV502" and "电话" in d.message]
