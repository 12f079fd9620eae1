"""GOV601 prose-table-mismatch and the claims parser behind it (govlint.parser.claims).

Every sentence here is written for these tests (none is taken from a real report) and is
placed in section 一 (or the introduction) of a small synthetic report whose tables the
test controls (tests/reportkit.py). ``[[…]]`` marks the figure: a GOV601 diagnostic must
point at its first character and name both the prose and the table figure, with the
table cell's line.

Table figures of every report (see reportkit): 新收 46, 上年结转 4, （七）总计 43, 结转下年度 7,
予以公开 18, 行政复议 2, 行政诉讼 2 (1 + 1), 行政规范性文件 制发 2 / 废止 1 / 现行有效 15,
行政许可 处理决定 1260, 行政处罚 处理决定 85.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportkit import build

from govlint.document import Document
from govlint.parser import parse
from govlint.parser.claims import cn_value
from govlint.testing import lint_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
TOTAL = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"
GRANTED = "（一）予以公开"
REVIEW = "<section 四 values>"
NORMATIVE = "行政规范性文件\t"
NORMATIVE_2019 = "规范性文件\t"
LICENSING = "行政许可\t"
PENALTY = "行政处罚\t"

Y2019 = {"template": "2019", "year": 2020}


def gov601(built):
    return lint_text(built.text, select=["GOV601"])


def claims_at(built, position):
    report = parse(Document("case.txt", built.text))
    return [c for c in report.claims if (c.span.line, c.span.column) == position]


# --------------------------------------------------------------------------- fires

# (id, sentence with one [[figure]], report fields, figure as stated, table figure, table row)
MISMATCHES = [
    ("new-arabic", "全年新收政府信息公开申请[[16]]件，均已依法处理。", {}, 16, 46, NEW),
    ("new-received", "本年度共收到各类政府信息公开申请[[52]]件。", {}, 52, 46, NEW),
    ("new-accepted", "本机关受理政府信息公开申请[[30]]件。", {}, 30, 46, NEW),
    ("new-all-channels", "通过网站、信函等方式共收到政府信息公开申请[[50]]件。", {}, 50, 46, NEW),
    ("new-unit-tiao", "本单位新收政府信息公开申请数量[[16]]条。", {}, 16, 46, NEW),
    ("new-2019-format", "全年新收政府信息公开申请[[16]]件。", Y2019, 16, 46, NEW),
    ("carried-in", "上年结转政府信息公开申请[[6]]件。", {}, 6, 4, CARRIED_IN),
    ("carried-in-last-year-of", "上一年度结转的申请[[9]]件已全部办结。", {}, 9, 4, CARRIED_IN),
    ("handled-banjie", "本年度办结[[40]]件。", {}, 40, 43, TOTAL),
    ("handled-dafu", "所有申请均依法作出答复，共答复[[41]]件。", {}, 41, 43, TOTAL),
    ("carried-out-before", "结转下年度继续办理[[9]]件。", {}, 9, 7, CARRIED_OUT),
    ("carried-out-after", "另有[[9]]件申请顺延至下一年度办理。", {}, 9, 7, CARRIED_OUT),
    ("granted", "办结的申请中，予以公开[[20]]件。", {}, 20, 18, GRANTED),
    ("review-jian", "发生政府信息公开行政复议[[3]]件。", {}, 3, 2, REVIEW),
    ("review-unit-qi", "本机关被申请政府信息公开行政复议[[3]]起。", {}, 3, 2, REVIEW),
    ("litigation", "本机关因政府信息公开被提起行政诉讼[[5]]件。", {}, 5, 2, REVIEW),
    ("normative-issued", "全年制发行政规范性文件[[5]]件。", {}, 5, 2, NORMATIVE),
    ("normative-repealed", "经清理，废止行政规范性文件[[3]]件。", {}, 3, 1, NORMATIVE),
    ("normative-in-force", "现行有效的行政规范性文件共[[20]]件。", {}, 20, 15, NORMATIVE),
    ("normative-issued-2019", "全年印发规范性文件[[5]]件。", Y2019, 5, 2, NORMATIVE_2019),
    ("licensing-decisions", "全年依法作出行政许可决定[[1300]]件。", {}, 1300, 1260, LICENSING),
    ("licensing-handling-decisions", "行政许可处理决定[[1250]]件，全部在法定时限内完成。", {}, 1250, 1260, LICENSING),
    ("penalty-decisions", "本年度作出行政处罚决定[[90]]件。", {}, 90, 85, PENALTY),
    ("decisions-in-a-list", "全年作出行政许可决定1260件、行政处罚决定[[80]]件。", {}, 80, 85, PENALTY),
    ("penalty-decisions-2019", "全年作出行政处罚决定书[[80]]份。", Y2019, 80, 85, PENALTY),
    ("chinese-shiliu", "全年新收政府信息公开申请[[十六]]件。", {}, 16, 46, NEW),
    ("chinese-liang", "上年结转[[两]]件。", {}, 2, 4, CARRIED_IN),
    ("chinese-yibailingwu", "办结政府信息公开申请[[一百零五]]件。", {}, 105, 43, TOTAL),
    ("chinese-ershi-qi", "发生政府信息公开行政诉讼[[二十]]起。", {}, 20, 2, REVIEW),
    ("pdf-spaced-thousands", "全年受理政府信息公开申请 [[3 119]] 件。", {}, 3119, 46, NEW),
    ("pdf-space-before-unit", "政府信息公开行政诉讼 [[46]] 件，均已审结。", {}, 46, 2, REVIEW),
    ("pdf-label-wrapped", "全年受理政府信息公开申请46件，依法答\n复 [[3050]] 件。", {}, 3050, 43, TOTAL),
    ("pdf-number-on-next-line", "全年受理政府信息公开申请\n[[3119]] 件。", {}, 3119, 46, NEW),
]


def _table_line(built, row):
    return built.review_line() if row == REVIEW else built.line_of(row)


@pytest.mark.parametrize(
    "sentence, fields, stated, table, row",
    [case[1:] for case in MISMATCHES],
    ids=[case[0] for case in MISMATCHES],
)
def test_mismatch_is_reported_at_the_prose_figure(sentence, fields, stated, table, row):
    built = build(overview=[sentence], **fields)
    found = gov601(built)
    assert len(found) == 1, [(d.line, d.column, d.message) for d in found]
    diagnostic = found[0]
    assert (diagnostic.line, diagnostic.column) == built.marks[0]
    assert diagnostic.code == "GOV601" and diagnostic.name == "prose-table-mismatch"
    assert diagnostic.severity.value == "warning"
    assert f"为{stated}，" in diagnostic.message
    assert f"为{table}（第{_table_line(built, row)}行）" in diagnostic.message


def test_the_message_quotes_the_sentence_and_names_the_table_row():
    built = build(overview=["全年新收政府信息公开申请[[十六]]件。"])
    (diagnostic,) = gov601(built)
    assert "「新收政府信息公开申请十六件」" in diagnostic.message
    assert "「一、本年新收政府信息公开申请数量」总计为46" in diagnostic.message
    assert (diagnostic.end_line, diagnostic.end_column) == (built.marks[0][0], built.marks[0][1] + 3)


def test_litigation_names_both_parts_of_the_table_total():
    built = build(overview=["本机关因政府信息公开被提起行政诉讼[[5]]件。"], suit_direct=(2, 0, 0, 0),
                  suit_after_review=(0, 1, 0, 0))
    (diagnostic,) = gov601(built)
    assert "未经复议直接起诉2 + 复议后起诉1" in diagnostic.message and "为3" in diagnostic.message


def test_every_figure_of_one_sentence_is_checked():
    sentence = "全年新收政府信息公开申请[[16]]件，上年结转[[6]]件，办结[[40]]件，结转下年度继续办理[[9]]件。"
    built = build(overview=[sentence])
    found = gov601(built)
    assert [(d.line, d.column) for d in found] == built.marks
    assert [d.message.split("，即")[0] for d in found] == [
        "正文称「新收政府信息公开申请16件」",
        "正文称「上年结转6件」",
        "正文称「办结40件」",
        "正文称「结转下年度继续办理9件」",
    ]


def test_a_claim_in_the_introduction_is_checked():
    built = build(intro="本年度，本局新收政府信息公开申请[[十六]]件。")
    (diagnostic,) = gov601(built)
    assert (diagnostic.line, diagnostic.column) == built.marks[0] and diagnostic.line == 2


def test_the_severity_can_be_raised_to_error():
    from govlint.config import Config
    from govlint.host import Host
    from govlint.runner import Input, check_input
    from govlint.settings import SettingsResolver

    built = build(overview=["全年新收政府信息公开申请16件。"])
    host = Host()
    resolver = SettingsResolver(host.registry, isolated=True,
                                base_config=Config(severity={"prose-table-mismatch": "error"}))
    result = check_input(host, resolver, Input("case.txt", None, built.text.encode("utf-8")))
    assert [d.severity.value for d in result.diagnostics if d.code == "GOV601"] == ["error"]


# --------------------------------------------------------------------------- agrees

AGREEMENTS = [
    ("all-four-figures", "全年新收政府信息公开申请46件，上年结转4件，办结43件，结转下年度继续办理7件。", {}),
    ("all-four-figures-2019", "全年共收到政府信息公开申请46件，上年结转4件，办结43件，结转下年度继续办理7件。", Y2019),
    ("chinese-sishiliu", "全年新收政府信息公开申请四十六件，上年结转四件。", {}),
    ("spaced-digits-joined", "全年受理政府信息公开申请 4 6 件，答复 4 3 件。", {}),
    ("review-and-litigation", "全年发生政府信息公开行政复议2件、行政诉讼2件。", {}),
    ("section-two-figures", "全年制发行政规范性文件2件，废止1件，作出行政许可决定1260件、行政处罚决定85件。", {}),
]


@pytest.mark.parametrize("sentence, fields", [c[1:] for c in AGREEMENTS], ids=[c[0] for c in AGREEMENTS])
def test_figures_that_agree_with_the_tables_are_not_reported(sentence, fields):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    assert parse(Document("case.txt", built.text)).claims, "the sentence must be read as claims"


# --------------------------------------------------------------------------- silent

# (id, sentence with one [[figure]] that differs from the table, report fields, why):
# ``why`` is the qualifier the parser must record, ``None`` when the figure is no claim at
# all, or ``"table"`` when the claim is plain but the table figure cannot be read.
_SHORT_NEW_ROW = {f"{NEW}\t46\t0\t": f"{NEW}\t46\t"}
_PLACEHOLDER_NEW_TOTAL = {f"{NEW}\t46\t0\t0\t0\t0\t0\t46": f"{NEW}\t46\t0\t0\t0\t0\t0\t/"}
_NO_NEW_ROW = {f"{NEW}\t46\t0\t0\t0\t0\t0\t46\n": ""}
_UNREADABLE_REVIEW = {"1\t0\t1\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t1\t1": "1\t0\t1\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t1"}
_STREET = {"issuer": "南岭区北塘街道办事处"}

MUST_NOT = [
    # different measures: on-time completions are not （七）总计
    ("on-time-banjie", "按时办结[[40]]件。", {}, "timeliness"),
    ("on-time-dafu", "按期答复[[40]]件。", {}, "timeliness"),
    ("within-legal-time", "在法定期限内办结[[40]]件。", {}, "timeliness"),
    # scope
    ("district-own-level", "区本级共收到政府信息公开申请[[60]]件。", {}, "scope"),
    ("whole-district", "全区共受理政府信息公开申请[[500]]件。", {}, "scope"),
    ("whole-city", "全市各级行政机关共收到政府信息公开申请[[3000]]件。", {}, "scope"),
    ("whole-county", "全县新收政府信息公开申请[[120]]件。", {}, "scope"),
    ("street-cites-whole-district", "全区共收到政府信息公开申请[[500]]件，办理情况良好。", _STREET, "scope"),
    ("street-cites-named-district", "南岭区全年共受理政府信息公开申请[[500]]件。", _STREET, "scope"),
    ("street-cites-district-government", "区政府共收到政府信息公开申请[[500]]件。", _STREET, "scope"),
    # subsets and totals that include something else
    ("subset-in-parenthesis", "办结43件（含上年结转[[6]]件）。", {}, "subset"),
    ("subset-qizhong", "办结43件，其中上年结转[[6]]件。", {}, "subset"),
    ("total-includes-carry-over", "共受理政府信息公开申请[[50]]件（含上年结转4件）。", {}, "includes"),
    ("channel-part", "在线受理政府信息公开申请[[30]]件。", {}, "subset"),
    ("applicant-part", "收到自然人申请[[40]]件。", {}, "subset"),
    ("topic-part", "收到涉及房屋征收的申请[[30]]件。", {}, "subset"),
    ("review-result-part", "发生政府信息公开行政复议纠错[[1]]件。", {}, "subset"),
    ("combined-figure", "上年结转和本年新收申请共[[50]]件。", {}, None),
    ("each-of-two", "发生政府信息公开行政复议、行政诉讼各[[1]]件。", {}, "each"),
    # other years and comparisons
    ("last-year-shangnian", "上年新收政府信息公开申请[[30]]件。", {}, "comparison"),
    ("last-year-qunian", "去年共收到政府信息公开申请[[30]]件。", {}, "comparison"),
    ("last-year-shangyinian", "上一年度共受理政府信息公开申请[[30]]件。", {}, "comparison"),
    ("year-2019", "2019年新收政府信息公开申请[[30]]件。", {}, "other-year"),
    ("year-on-year", "新收政府信息公开申请同比增加[[12]]件。", {}, "comparison"),
    ("more-than-last-year", "收到政府信息公开申请较上年增加[[12]]件。", {}, "comparison"),
    ("half-year", "上半年收到政府信息公开申请[[20]]件。", {}, "other-period"),
    # percentages
    ("percentage-with-count", "收到的申请中有60%（[[28]]件）涉及房屋征收。", {}, None),
    ("percentage-only", "收到的政府信息公开申请中[[60]]%涉及房屋征收。", {}, None),
    # approximations
    ("approx-jin", "新收政府信息公开申请近[[100]]件。", {}, "approximate"),
    ("approx-yu", "收到政府信息公开申请[[100]]余件。", {}, None),
    ("approx-zuoyou", "新收政府信息公开申请[[100]]件左右。", {}, "approximate"),
    ("approx-yue", "受理政府信息公开申请约[[80]]件。", {}, "approximate"),
    ("approx-shangwan", "收到政府信息公开申请上[[万]]件。", {}, "approximate"),
    ("approx-shushi", "收到政府信息公开申请数[[十]]件。", {}, "approximate"),
    ("approx-range", "收到政府信息公开申请[[二三十]]件。", {}, None),
    # the same words about other things
    ("licence-applications", "受理行政许可申请[[1300]]件。", {}, None),
    ("licence-then-handled", "受理行政许可申请1300件，办结[[1300]]件。", {}, None),
    ("licence-matters", "办结行政许可事项[[1200]]件。", {}, None),
    ("consultations", "依法答复群众咨询[[120]]件。", {}, None),
    ("deputies-proposals", "答复人大代表建议[[5]]件。", {}, None),
    ("review-applications-after-number", "依法答复[[3]]件行政复议申请。", {}, None),
    ("published-review-decisions", "公开行政复议决定书[[15]]份。", {}, None),
    ("reviews-as-reviewing-body", "全年办理行政复议案件[[120]]件。", {}, None),
    ("penalty-information-published", "全年公开行政处罚信息[[90]]条。", {}, None),
    ("published-list-of-decisions", "全年公开行政许可决定1260条、行政处罚决定[[80]]条。", {}, None),
    ("published-court-judgments", "公开行政复议决定书15份、行政诉讼判决书[[3]]份。", {}, None),
    ("licence-decisions-published", "公开行政许可决定[[1300]]条。", {}, None),
    ("penalty-decisions-subset", "适用简易程序作出行政处罚决定[[10]]件。", {}, "subset"),
    ("actively-published", "主动予以公开政府信息[[200]]条。", {}, None),
    ("together", "会同行政复议机构[[一起]]研究答复意见。", {}, None),
    ("one-thing-slogan", "推进高效办成一件事，全年办结[[一]]件事。", {}, None),
    ("normative-cleaned-up", "清理现行有效规范性文件[[30]]件。", {}, None),
    ("normative-explained", "制发规范性文件解读材料[[5]]份。", {}, None),
    ("article-number", "依据《条例》第[[36]]条规定予以答复。", {}, None),
    ("ordinal", "本年度收到的第[[三]]件申请涉及房屋征收。", {}, None),
    # the table figure cannot be read: nothing to compare with
    ("table-row-short", "全年新收政府信息公开申请[[16]]件。", {"edits": _SHORT_NEW_ROW}, "table"),
    ("table-cell-placeholder", "全年新收政府信息公开申请[[16]]件。", {"edits": _PLACEHOLDER_NEW_TOTAL}, "table"),
    ("table-row-missing", "全年新收政府信息公开申请[[16]]件。", {"edits": _NO_NEW_ROW}, "table"),
    ("review-row-short", "发生政府信息公开行政复议[[3]]件。", {"edits": _UNREADABLE_REVIEW}, "table"),
]


@pytest.mark.parametrize("sentence, fields, why", [c[1:] for c in MUST_NOT], ids=[c[0] for c in MUST_NOT])
def test_unsure_comparisons_stay_silent(sentence, fields, why):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    found = claims_at(built, built.marks[0])
    if why is None:
        assert found == [], "the figure must not be read as a claim"
    elif why == "table":
        assert len(found) == 1 and found[0].qualifiers == [], "a plain claim, silent only for lack of a table cell"
    else:
        assert len(found) == 1 and why in found[0].qualifiers, [(c.measure, c.qualifiers) for c in found]


def test_figures_outside_the_introduction_and_section_one_are_not_claims():
    problems = ["（一）存在的主要问题。全年新收政府信息公开申请16件，较以往有所增多，答复说理仍需加强，"
                "部分答复文书格式不够规范，工作人员业务能力还需进一步提高。"]
    built = build(problems=problems)
    assert gov601(built) == []
    assert parse(Document("case.txt", built.text)).claims == []


def test_the_number_sentence_count():
    """The issue asks for at least 30 test sentences covering each pattern and each must-not."""
    assert len(MISMATCHES) + len(AGREEMENTS) + len(MUST_NOT) >= 30
    assert len(MISMATCHES) >= 30 and len(MUST_NOT) >= 30


# --------------------------------------------------------------------------- generated reports

def _random_specs(count):
    import random

    from govlint.synthetic import ReportSpec

    for seed in range(count):
        rng = random.Random(seed)
        yield seed, ReportSpec.random(rng, consistent=rng.random() < 0.5)


@pytest.mark.parametrize("style", ["rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown"])
def test_generated_prose_that_quotes_the_tables_is_never_reported(style):
    """The generator's section 一 quotes the tables (新收, 上年结转, 办结, 结转, 复议, 诉讼) in every shape."""
    from govlint.synthetic import render

    read = 0
    for seed, spec in _random_specs(25):
        text = render(spec, style, seed=seed)
        assert lint_text(text, select=["GOV601"]) == [], (seed, style)
        read += len(parse(Document("case.txt", text)).claims) >= 4
    assert read >= 20, "the prose figures must be read as claims"


@pytest.mark.parametrize("style", ["rows", "spaces", "pipes", "cells", "pdf", "crawler", "markdown"])
def test_generated_prose_with_a_wrong_figure_is_reported(style):
    from govlint.synthetic import SEPARATED_STYLES, render

    for seed, spec in _random_specs(15):
        new = spec.applications["new"][-1]
        written = f"新收政府信息公开申请{new}件"
        assert any(written in p for p in spec.prose[1]), "the generator's prose states 新收 as expected"
        spec.prose[1] = [p.replace(written, f"新收政府信息公开申请{new + 7}件") for p in spec.prose[1]]
        found = lint_text(render(spec, style, seed=seed), select=["GOV601"])
        if style in SEPARATED_STYLES:
            assert len(found) == 1, (seed, [d.message for d in found])
        else:  # crawler text: the table row may be unreadable, then nothing is compared
            assert len(found) <= 1, (seed, [d.message for d in found])
        assert all(f"为{new + 7}，" in d.message and f"为{new}（" in d.message for d in found)


# --------------------------------------------------------------------------- cn_value

@pytest.mark.parametrize(
    "text, value",
    [
        ("零", 0), ("〇", 0), ("一", 1), ("两", 2), ("十", 10), ("十六", 16), ("一十六", 16), ("二十", 20),
        ("四十六", 46), ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("三百二十一", 321),
        ("两千", 2000), ("一千零五十", 1050), ("九千九百九十九", 9999), ("万", 10000), ("一万零五", 10005),
        ("两万三千", 23000), ("十万", 100000), ("二十万", 200000),
    ],
)
def test_cn_value_reads_chinese_numerals(text, value):
    assert cn_value(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "二三十", "三四", "十十", "百十", "十百", "零十", "一万两万", "十六件", "16", "两个"],
)
def test_cn_value_rejects_what_is_not_one_numeral(text):
    assert cn_value(text) is None


# --------------------------------------------------------------------------- real reports

real = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real reports) is not beside the checkout")


def _real(relative):
    path = SHARED / relative
    return [d for d in lint_text(path.read_text(encoding="utf-8"), select=["GOV601"], filename=str(path))]


@real
def test_seed_001_new_applications_16_against_4_and_nothing_else():
    found = _real("seeds/001_60c3416880e5604d.txt")
    assert len(found) == 1
    assert "16" in found[0].message and "为4" in found[0].message
    assert "行政复议" not in found[0].message.split("，即")[0]


@real
@pytest.mark.parametrize("relative", ["seeds/004_2b6e7661ff84f527.txt", "corpus/002_2024_huaian_shi.txt",
                                      "seeds/000_07f3dd90ea4b5b07.txt", "seeds/002_b6ff4eeabae1e240.txt",
                                      "seeds/003_c8e56b69bc7838b8.txt"])
def test_real_reports_without_a_prose_mismatch(relative):
    assert _real(relative) == []


# --------------------------------------------------------------------------- result categories

# Result rows besides （一）18 and （二）25: （三）2 + 1 = 3, （四）4 + 1 = 5, （五）2, （六）1; then
# （七）总计 54 and 新收 57. Every sentence here names applications (申请), as the context of
# a category figure must.
RESULTS = {"denied.1": 2, "denied.4": 1, "unable.1": 4, "unable.2": 1, "not_processed.2": 2, "other.3": 1}
RESULTS_2019 = {"denied.1": 2, "denied.4": 1, "unable.1": 4, "unable.2": 1, "not_processed.2": 2, "other": 1}
WITH_RESULTS = {"results": RESULTS}
PARTIAL = "（二）部分公开"
DENIED = "1.属于国家秘密"
UNABLE = "1.本机关不掌握相关政府信息"
NOT_PROCESSED = "1.信访举报投诉类申请"
OTHER = "1.申请人无正当理由逾期不补正"
OTHER_2019 = "（六）其他处理"

CATEGORY_MISMATCHES = [
    ("granted-and-partial-ji", "办结的申请中，予以公开及部分公开[[40]]件。", {}, 40, 43, GRANTED),
    ("granted-and-partial-he", "办结的申请中，予以公开和部分公开[[40]]件。", {}, 40, 43, GRANTED),
    ("agreed-and-partial", "办结的申请中，同意公开及部分公开[[40]]件。", {}, 40, 43, GRANTED),
    ("partial", "办结的申请中，部分公开[[20]]件。", {}, 20, 25, PARTIAL),
    ("agreed-answer-is-its-category", "办结的申请中，同意公开答复[[7]]件、部分公开答复25件。", {}, 7, 18, GRANTED),
    ("partial-answer-is-its-category", "办结的申请中，同意公开答复18件、部分公开答复[[1]]件。", {}, 1, 25, PARTIAL),
    ("denied-is-its-group", "办结的申请中，不予公开[[5]]件。", WITH_RESULTS, 5, 3, DENIED),
    ("unable-is-its-group", "办结的申请中，因本机关不掌握相关信息等原因无法提供[[9]]件。", WITH_RESULTS, 9, 5, UNABLE),
    ("not-processed-with-reasons", "属信访、重复申请等不予处理[[4]]件。", WITH_RESULTS, 4, 2, NOT_PROCESSED),
    ("other-handling-2021", "办结的申请中，其他处理[[3]]件。", WITH_RESULTS, 3, 1, OTHER),
    ("other-handling-2019", "办结的申请中，其他处理[[3]]件。", {**Y2019, "results": RESULTS_2019}, 3, 1, OTHER_2019),
]


@pytest.mark.parametrize(
    "sentence, fields, stated, table, row",
    [case[1:] for case in CATEGORY_MISMATCHES],
    ids=[case[0] for case in CATEGORY_MISMATCHES],
)
def test_category_figure_is_compared_with_its_rows(sentence, fields, stated, table, row):
    built = build(overview=[sentence], **fields)
    found = gov601(built)
    assert len(found) == 1, [(d.line, d.column, d.message) for d in found]
    assert (found[0].line, found[0].column) == built.marks[0]
    assert f"为{stated}，" in found[0].message
    assert f"为{table}（第{built.line_of(row)}行）" in found[0].message


def test_group_sum_names_its_parts():
    built = build(overview=["办结的申请中，不予公开[[5]]件。"], **WITH_RESULTS)
    (diagnostic,) = gov601(built)
    assert "「（三）不予公开」各项总计之和（2 + 0 + 0 + 1 + 0 + 0 + 0 + 0）为3" in diagnostic.message


def test_granted_and_partial_names_both_rows():
    built = build(overview=["办结的申请中，予以公开及部分公开[[40]]件。"])
    (diagnostic,) = gov601(built)
    assert "「（一）予以公开」与「（二）部分公开」总计之和（18 + 25）为43" in diagnostic.message


CATEGORY_AGREEMENTS = [
    ("every-category", "办结的申请中，予以公开及部分公开43件，不予公开3件，无法提供5件，不予处理2件，其他处理1件。",
     WITH_RESULTS),
    ("every-category-2019", "办结的申请中，予以公开和部分公开43件，不予公开3件，无法提供5件，不予处理2件，其他处理1件。",
     {**Y2019, "results": RESULTS_2019}),
    ("agreed-and-partial-answers", "办结的申请中，同意公开答复18件、部分公开答复25件。", {}),
]


@pytest.mark.parametrize("sentence, fields", [c[1:] for c in CATEGORY_AGREEMENTS], ids=[c[0] for c in CATEGORY_AGREEMENTS])
def test_category_figures_that_agree_are_not_reported(sentence, fields):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    claims = parse(Document("case.txt", built.text)).claims
    assert len(claims) == sentence.count("件") and all(not c.qualifiers for c in claims)


CATEGORY_MUST_NOT = [
    ("listed-categories-share-a-figure", "办结的申请中，予以公开、部分公开[[40]]件。", {}, "combined"),
    ("two-categories-combined", "办结的申请中，予以公开和不予公开共[[20]]件。", {}, None),
    ("documents-not-disclosed", "完成公文公开属性审查166件，不予公开[[12]]件。", {}, None),
    ("no-talk-of-applications", "全年不予公开[[12]]件。", {}, None),
    ("petitions-office", "对信访事项不予处理[[3]]件。", {}, None),
    ("licences", "行政许可事项不予处理[[3]]件。", {}, None),
    ("category-of-online-applications", "网上申请中不予公开[[10]]件。", {}, "subset"),
    ("category-of-another-year", "2019年办结的申请中，不予公开[[9]]件。", {}, "other-year"),
    ("category-of-a-sub-unit", "区教育局办理的申请中，不予公开[[9]]件。", {}, "other-body"),
]


@pytest.mark.parametrize("sentence, fields, why", [c[1:] for c in CATEGORY_MUST_NOT], ids=[c[0] for c in CATEGORY_MUST_NOT])
def test_unsure_category_figures_stay_silent(sentence, fields, why):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    found = claims_at(built, built.marks[0])
    if why is None:
        assert found == [], [(c.measure, c.qualifiers) for c in found]
    else:
        assert len(found) == 1 and why in found[0].qualifiers, [(c.measure, c.qualifiers) for c in found]


# --------------------------------------------------------------------------- the subject

SUBJECT_MISMATCHES = [
    ("issuer-as-subject", "云溪县示范局全年新收政府信息公开申请[[16]]件。", {}),
    ("issuer-short-name", "示范局全年新收政府信息公开申请[[16]]件。", {}),
    ("street-by-its-kind", "本年度街道新收政府信息公开申请[[16]]件。", {"issuer": "北塘街道办事处"}),
    ("office-by-its-kind", "2023年，办公室共收到政府信息公开申请[[16]]件。", {}),
]


@pytest.mark.parametrize("sentence, fields", [c[1:] for c in SUBJECT_MISMATCHES], ids=[c[0] for c in SUBJECT_MISMATCHES])
def test_the_reporting_body_as_subject_is_compared(sentence, fields):
    built = build(overview=[sentence], **fields)
    (diagnostic,) = gov601(built)
    assert (diagnostic.line, diagnostic.column) == built.marks[0] and "为16，" in diagnostic.message


SUBJECT_MUST_NOT = [
    ("sub-unit", "区教育局全年受理政府信息公开申请[[30]]件。", {}),
    ("named-street-office", "北塘街道办事处共收到政府信息公开申请[[12]]件。", {}),
    ("sub-unit-in-an-earlier-clause", "区财政局全年受理政府信息公开申请30件，办结[[28]]件。", {}),
    ("unknown-issuer", "示范局全年新收政府信息公开申请[[16]]件。", {"issuer": ""}),
]


@pytest.mark.parametrize("sentence, fields", [c[1:] for c in SUBJECT_MUST_NOT], ids=[c[0] for c in SUBJECT_MUST_NOT])
def test_another_body_as_subject_stays_silent(sentence, fields):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    (claim,) = claims_at(built, built.marks[0])
    assert "other-body" in claim.qualifiers


# --------------------------------------------------------------------------- outcomes

# Defaults: 上年结转 4, 结转下年度 7 (so at least 3 new applications were not handled);
# 行政复议 1/0/1/0 (结果维持, 结果纠正, 其他结果, 尚未审结); 直接起诉 1/0/0/0; 复议后起诉 0/0/0/1.
NO_CARRY_IN = {"carried_in": 0}
OUTCOME_MISMATCHES = [
    ("all-handled", "全年新收政府信息公开申请50件，[[均已办结]]。", NO_CARRY_IN, 7, CARRIED_OUT),
    ("all-handled-quanbu", "本年度收到的政府信息公开申请[[全部办结]]。", NO_CARRY_IN, 7, CARRIED_OUT),
    ("all-handled-by-law", "对收到的政府信息公开申请，[[均已依法办结]]。", NO_CARRY_IN, 7, CARRIED_OUT),
    ("all-handled-beyond-carry-in", "本年度收到的政府信息公开申请[[均已办结]]。", {}, 3, CARRIED_OUT),
    ("all-upheld-but-corrected", "全年发生政府信息公开行政复议2件，[[均获维持]]。", {"review": (1, 1, 0, 0)}, 1, REVIEW),
    ("all-upheld-but-pending", "因政府信息公开被申请行政复议2件，[[均被维持]]。", {"review": (1, 0, 0, 1)}, 1, REVIEW),
    ("all-lawsuits-upheld", "因政府信息公开被提起行政诉讼2件，[[均获维持]]。", {}, 1, REVIEW),
]


@pytest.mark.parametrize(
    "sentence, fields, table, row",
    [case[1:] for case in OUTCOME_MISMATCHES],
    ids=[case[0] for case in OUTCOME_MISMATCHES],
)
def test_outcome_contradicted_by_the_table(sentence, fields, table, row):
    built = build(overview=[sentence], **fields)
    found = gov601(built)
    assert len(found) == 1, [(d.line, d.column, d.message) for d in found]
    assert (found[0].line, found[0].column) == built.marks[0]
    assert "为0，" in found[0].message
    assert f"为{table}（第{_table_line(built, row)}行）" in found[0].message


def test_all_handled_message_names_both_carry_overs():
    built = build(overview=["本年度收到的政府信息公开申请[[均已办结]]。"])
    (diagnostic,) = gov601(built)
    assert "即未办结的本年新收申请为0" in diagnostic.message
    assert "「四、结转下年度继续办理」总计7减「二、上年结转政府信息公开申请数量」总计4后为3" in diagnostic.message


def test_outcome_message_names_the_cells():
    built = build(overview=["全年发生政府信息公开行政复议2件，[[均获维持]]。"], review=(1, 1, 0, 0))
    (diagnostic,) = gov601(built)
    assert "「全年发生政府信息公开行政复议2件，均获维持」" in diagnostic.message
    assert "行政复议结果纠正1、行政复议尚未审结0" in diagnostic.message


OUTCOME_MUST_NOT = [
    # true statements: nothing carried over, other results are not 纠正 or 尚未审结
    ("all-handled-nothing-carried", "本年度收到的政府信息公开申请[[均已办结]]。", {"carried_out": 0}, "agrees"),
    # the 7 carried over may all be last year's 7: the new ones may all have been handled
    ("all-handled-carried-are-last-years", "本年度收到的政府信息公开申请[[均已办结]]。", {"carried_in": 7}, "agrees"),
    ("upheld-other-result", "全年发生政府信息公开行政复议2件，[[均获维持]]。", {}, "agrees"),
    # other measures: on time, within the legal time limit
    ("on-time", "收到的政府信息公开申请[[均按时办结]]。", {}, None),
    ("within-legal-time", "收到的政府信息公开申请[[均在法定期限内答复]]。", {}, None),
    # not all of them, or not this body's or this year's
    ("carried-in-handled", "上年结转的政府信息公开申请[[均已办结]]。", {}, None),
    ("all-but-the-carried", "除7件结转下年度外，其余申请[[均已办结]]。", {}, None),
    ("rest-upheld", "政府信息公开行政复议2件，1件被纠正，其余[[均获维持]]。", {"review": (1, 1, 0, 0)}, None),
    ("sub-unit-handled", "区教育局收到的政府信息公开申请[[均已办结]]。", {}, None),
    ("whole-district", "全区政府信息公开申请[[均已办结]]。", {}, None),
    ("last-year", "上年度政府信息公开申请[[均已办结]]。", {}, None),
    ("another-year", "2019年收到的政府信息公开申请[[均已办结]]。", {}, None),
    ("as-of-now", "截至目前，收到的政府信息公开申请[[均已办结]]。", {}, None),
    ("online-applications", "网上收到的政府信息公开申请[[均已办结]]。", {}, None),
    # other things than applications and disclosure cases
    ("consultations", "群众咨询[[均已办结]]。", {}, None),
    ("licence-applications", "受理的行政许可申请[[均已办结]]。", {}, None),
    ("reviews-of-anything", "本年度行政复议案件[[均获维持]]。", {"review": (1, 1, 0, 0)}, None),
    ("reviews-as-reviewing-body", "本机关办理的政府信息公开行政复议案件[[均获维持]]。", {"review": (1, 1, 0, 0)}, None),
    ("not-all-handled", "收到的政府信息公开申请未全部办结。", {}, None),
]


@pytest.mark.parametrize("sentence, fields, why", [c[1:] for c in OUTCOME_MUST_NOT], ids=[c[0] for c in OUTCOME_MUST_NOT])
def test_outcomes_stay_silent_unless_contradicted_and_unambiguous(sentence, fields, why):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    claims = [c for c in parse(Document("case.txt", built.text)).claims if c.value == 0]
    if why == "agrees":
        assert len(claims) == 1 and (claims[0].span.line, claims[0].span.column) == built.marks[0]
    else:
        assert claims == [], [(c.measure, c.text) for c in claims]


# --------------------------------------------------------------------------- blank totals

_BLANK_NEW_TOTAL = {f"{NEW}\t46\t0\t0\t0\t0\t0\t46": f"{NEW}\t40\t6\t0\t0\t0\t0\t\ue000"}


def test_blank_total_is_the_sum_of_its_row():
    built = build(overview=["全年新收政府信息公开申请[[50]]件。"], edits=_BLANK_NEW_TOTAL)
    (diagnostic,) = gov601(built)
    assert "「一、本年新收政府信息公开申请数量」各列之和（总计栏空白）为46" in diagnostic.message
    assert build(overview=["全年新收政府信息公开申请46件。"], edits=_BLANK_NEW_TOTAL).text
    assert gov601(build(overview=["全年新收政府信息公开申请46件。"], edits=_BLANK_NEW_TOTAL)) == []


def test_blank_total_with_an_unread_cell_is_not_compared():
    edits = {f"{NEW}\t46\t0\t0\t0\t0\t0\t46": f"{NEW}\t40\t/\t0\t0\t0\t0\t\ue000"}
    assert gov601(build(overview=["全年新收政府信息公开申请50件。"], edits=edits)) == []


# --------------------------------------------------------------------------- figures read together

SENTENCE_MUST_NOT = [
    # 39 + 7 = 46: 办结 counts the new applications only, not （七）总计 (with last year's 4)
    ("handled-of-the-new-ones", "本局收到政府信息公开申请46件，已办结[[39]]件，7件结转下年度继续办理。", {}, "of-new"),
    # the categories of the applications sent by post, not of all
    ("categories-of-a-channel", "申请人通过邮寄方式提交申请5件，予以公开[[3]]件。", {}, "subset"),
    ("categories-of-a-topic", "涉及征地拆迁的申请12件，不予公开[[2]]件。", {}, "subset"),
]


@pytest.mark.parametrize("sentence, fields, why", [c[1:] for c in SENTENCE_MUST_NOT], ids=[c[0] for c in SENTENCE_MUST_NOT])
def test_figures_read_with_the_rest_of_their_sentence(sentence, fields, why):
    built = build(overview=[sentence], **fields)
    assert gov601(built) == []
    (claim,) = claims_at(built, built.marks[0])
    assert why in claim.qualifiers


def test_handled_with_carry_in_named_is_still_compared():
    sentence = "本局收到政府信息公开申请46件，上年结转4件，已办结[[39]]件，7件结转下年度继续办理。"
    built = build(overview=[sentence])
    (diagnostic,) = gov601(built)
    assert (diagnostic.line, diagnostic.column) == built.marks[0] and "为39，" in diagnostic.message


@pytest.mark.parametrize("wrap", [" \n", "\t\n", "\u3000\n", "  \n", "\n\u3000\u3000", "\n  ", " \n\u3000\u3000"])
def test_blanks_around_a_line_break_do_not_split_a_wrapped_word(wrap):
    """PDF text wrapped inside 部分公开 with blanks at the line end or an indented next line reads as one word."""
    sentence = f"办结的申请中，予以公开及部{wrap}分公开43件，不予公开3件，无法提供5件，不予处理2件，其他处理1件。"
    built = build(overview=[sentence], **WITH_RESULTS)
    assert gov601(built) == []
    wrong = build(overview=[f"办结的申请中，予以公开及部{wrap}分公开[[40]]件。"])
    (diagnostic,) = gov601(wrong)
    assert "「（一）予以公开」与「（二）部分公开」总计之和（18 + 25）为43" in diagnostic.message
