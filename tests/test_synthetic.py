"""The synthetic-report generator (:mod:`govlint.synthetic`) keeps its promises.

Consistent specs satisfy every identity of domain.md §8, inconsistent ones break some,
specs validate their shape, rendering is deterministic, and the prose is govlint's own
(no sentence of the real reports in ../shared is reused).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govlint.synthetic import (
    STYLES,
    ReportSpec,
    consistent_applications,
    render,
    review_from_parts,
)
from govlint.templates import FORMAT_2019, FORMAT_2021, FORMATS, RESULT_ROWS

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEMPLATES = (FORMAT_2019, FORMAT_2021)


@pytest.mark.parametrize("template", TEMPLATES)
def test_random_consistent_specs_satisfy_every_identity(template):
    for seed in range(200):
        spec = ReportSpec.random(random.Random(seed), template=template)
        assert spec.identity_failures() == [], seed
        assert spec.template == template
        for cell in spec.cells():
            if cell.table in ("applications", "review_litigation"):
                assert isinstance(cell.value, int) and cell.value >= 0


@pytest.mark.parametrize("template", TEMPLATES)
def test_random_inconsistent_specs_break_an_identity(template):
    for seed in range(200):
        spec = ReportSpec.random(random.Random(seed), template=template, consistent=False)
        assert spec.identity_failures(), seed


def test_random_numbers_look_real():
    zeros = cells = 0
    for seed in range(100):
        spec = ReportSpec.random(random.Random(seed))
        for cell in spec.cells():
            cells += 1
            zeros += cell.value == 0
            if cell.column not in ("amount", "fee_amount"):
                assert -50 <= cell.value <= 30000, cell
    assert 0.4 < zeros / cells < 0.95


def test_from_parts_derives_totals_and_caps_carried_in():
    results = {key: [1, 0, 0, 0, 0, 2] for key in RESULT_ROWS[FORMAT_2021]}
    spec = ReportSpec.from_parts(FORMAT_2021, results, [500, 0, 0, 0, 0, 1], [3, 0, 0, 0, 0, 0],
                                 [[1, 0, 0, 0], [0, 0, 0, 0], [2, 1, 0, 3]])
    rows = len(RESULT_ROWS[FORMAT_2021])
    assert spec.applications["total"] == [rows, 0, 0, 0, 0, 2 * rows, 3 * rows]
    assert spec.applications["carried_in"][0] == rows + 3  # capped: 一、本年新收 cannot go negative
    assert spec.applications["new"][0] == 0
    assert spec.review_group("suit_after_review") == [2, 1, 0, 3, 6]
    assert spec.identity_failures() == []


def test_helpers():
    assert review_from_parts([[1, 2, 3, 4], [0, 0, 0, 0], [5, 0, 0, 0]]) == [1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5]
    rows = consistent_applications(FORMAT_2019, {"granted": [2, 1, 0, 0, 0, 0]}, [0] * 6, [1] + [0] * 5)
    assert rows["new"] == [3, 1, 0, 0, 0, 0, 4]
    with pytest.raises(ValueError, match="not result rows"):
        consistent_applications(FORMAT_2019, {"other.1": [0] * 6}, [0] * 6, [0] * 6)


def test_blank_spec_is_all_zeros_with_template_shape():
    for template in TEMPLATES:
        spec = ReportSpec.blank(template)
        fmt = FORMATS[template]
        assert [t for t in spec.active] == [t.key for t in fmt.active]
        assert list(spec.applications) == [r.key for r in fmt.applications.data_rows]
        assert all(cell.value == 0 for cell in spec.cells())
        assert spec.identity_failures() == []


def test_spec_validation():
    with pytest.raises(ValueError, match="template"):
        ReportSpec(template="2018")
    with pytest.raises(ValueError, match="item9"):
        ReportSpec(template=FORMAT_2021, active={"item9": {}})
    with pytest.raises(ValueError, match="needs 7 values"):
        ReportSpec(applications={"new": [1, 2]})
    with pytest.raises(ValueError, match="no data rows"):
        ReportSpec(applications={"results": [0] * 7})
    with pytest.raises(ValueError, match="15 values"):
        ReportSpec(review=[0] * 14)
    with pytest.raises(ValueError, match="unknown style"):
        render(ReportSpec(), "html")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", STYLES)
def test_render_depends_on_seed_only_for_layout(style):
    spec = ReportSpec.random(random.Random(5), template=FORMAT_2019)
    assert render(spec, style, seed=1) == render(spec, style, seed=1)
    digits = lambda text: sorted(ch for ch in text if ch.isdigit())  # noqa: E731
    if style not in ("pdf", "crawler", "pipes"):  # page numbers, crawler header, random junk
        assert digits(render(spec, style, seed=1)) == digits(render(spec, style, seed=2))


def test_crawler_style_is_one_body_line():
    spec = ReportSpec.random(random.Random(9))
    lines = render(spec, "crawler").rstrip("\n").split("\n")
    assert all(": " in line for line in lines[:-1])  # the crawler's header fields
    assert "一、总体情况" in lines[-1] and "六、其他需要报告的事项" in lines[-1]


def test_pdf_style_has_page_numbers_inside_section_three():
    spec = ReportSpec.random(random.Random(9), template=FORMAT_2021)
    text = render(spec, "pdf")
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议、行政诉讼情况")
    assert text[start:end].count("\n- ") >= 2


def test_prose_is_not_copied_from_real_reports():
    reports = sorted(SHARED.glob("*/*.txt")) if SHARED.is_dir() else []
    if not reports:
        pytest.skip("../shared (real reports) is not beside the checkout")
    real = "\n".join(path.read_text(encoding="utf-8") for path in reports)
    width = 16  # longer than any term of art (政府信息公开信息处理费, 政府信息公开平台建设…)
    for seed in range(30):
        spec = ReportSpec.random(random.Random(seed))
        # sub-headings name the official sub-topics (domain.md §7); only the sentences count
        paragraphs = [p.split("。", 1)[1] if p.startswith("（") else p for ps in spec.prose.values() for p in ps]
        paragraphs += [s for s in (spec.contact, spec.fee) if s]
        for paragraph in paragraphs:
            for start in range(0, len(paragraph) - width + 1):  # stock one-liners (无。) are not checked
                window = paragraph[start : start + width]
                assert window not in real, window
