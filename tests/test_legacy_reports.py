"""Pre-2019 reports are judged by what applied to them then (issue: legacy reports).

Every report text here is synthetic, written for these tests in the shapes real pre-2019
reports arrive in: the old layout (概述 / 主动公开 / 依申请公开 / 复议诉讼 / 问题及改进 / 统计表)
with the 指标名称-计量单位-本年度-历年累计 statistics table, as lines and as crawler text on
one line with the table's digits run together.
"""

from __future__ import annotations

from govlint.document import Document
from govlint.parser import parse
from govlint.testing import lint_text

HEADER = "示例县2016年度政府信息公开工作年度报告\n"
INTRO = (
    "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、因政府信息公开申请行政复议、提起行政诉讼的情况、"
    "存在的主要问题及改进措施和政府信息公开情况统计表共六个部分组成。本报告所列数据的统计期限自2016年1月1日起至"
    "2016年12月31日止。如对本报告有任何疑问，请与示例县政府办公室联系。联系地址：示例县府前路8号，电话：0599-7654321。"
)
BODY = (
    "一、概述 2016年，我县认真贯彻条例，完善工作机制。"
    "二、主动公开政府信息情况 全年主动公开政府信息812条，其中政府集中采购项目类信息9条，"
    "其他对外管理服务事项信息4条，采购总金额等信息均及时公开。"
    "三、依申请公开政府信息情况 全年收到申请3件，均按期答复。"
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况 未发生。"
    "五、存在的主要问题及改进措施 公开内容还不够全面。"
)
TABLE_LINES = """六、政府信息公开情况统计表
指标名称\t计量单位\t2016年度\t历年累计
主动公开文件数\t条\t812\t9034
其中：1、政府网站公开数\t条\t790\t8800
2、政府公报公开数\t条\t22\t234
受理政府信息依申请公开总数\t件\t3\t41
行政复议数\t件\t0\t2
"""
SIGNATURE = "\n示例县人民政府办公室\n2017年3月20日\n"


def _parse(text: str, name: str):
    return parse(Document(path=name, text=text, encoding="utf-8", reader="text"))


def _lines_report() -> str:
    return HEADER + INTRO + "\n" + BODY + "\n" + TABLE_LINES + SIGNATURE


def _crawler_report() -> str:
    """The same report as a crawler captures it: header lines, then everything on one line."""
    table = (
        "六、政府信息公开情况统计表指标名称计量单位2016年度历年累计主动公开文件数条8129034"
        "其中：1、政府网站公开数条79088002、政府公报公开数条22234受理政府信息依申请公开总数件341"
        "行政复议数件02 附件下载"
    )
    return "标题: 示例县2016年度政府信息公开工作年度报告\n发布时间: 2017-03-20 09:00\n正文\n" + INTRO + BODY + table + "\n"


def test_prose_words_of_the_2019_format_do_not_make_a_legacy_report_2019():
    report = _parse(_lines_report(), "legacy.txt")
    assert report.year == 2016
    assert report.template == "legacy"
    assert {e.label for e in report.template_evidence} >= {"概述", "指标名称…历年累计"}
    assert report.tables.all() == []  # no 2019/2021 table is read from a pre-2019 report


def test_legacy_report_is_not_held_to_the_national_structure_or_tables():
    for text in (_lines_report(), _crawler_report()):
        found = lint_text(text, filename="legacy.txt")
        codes = {d.code for d in found}
        assert not {c for c in codes if c.startswith(("GOV1", "GOV3"))}, found
        assert not {"GOV201", "GOV202", "GOV203", "GOV204", "GOV205", "GOV206", "GOV004", "GOV005"} & codes, found
        assert "GOV401" not in codes and "GOV501" not in codes  # period and contact are present


def test_legacy_statistics_rows_are_extracted_with_units_and_both_values():
    rows = _parse(_lines_report(), "legacy.txt").legacy_statistics
    assert [(r.label, r.unit, r.status, [c.value for c in r.cells]) for r in rows] == [
        ("主动公开文件数", "条", "ok", [812, 9034]),
        ("其中：1、政府网站公开数", "条", "ok", [790, 8800]),
        ("2、政府公报公开数", "条", "ok", [22, 234]),
        ("受理政府信息依申请公开总数", "件", "ok", [3, 41]),
        ("行政复议数", "件", "ok", [0, 2]),
    ]
    assert not any(c.inferred for r in rows for c in r.cells)


def test_run_together_legacy_rows_are_split_only_when_unique():
    rows = _parse(_crawler_report(), "legacy.txt").legacy_statistics
    by_label = {r.label: r for r in rows}
    # 8129034: 812|9034, 8|129034, 81|29034 … all have this year ≤ cumulative: never guessed.
    assert by_label["主动公开文件数"].status == "unreadable"
    assert [c.value for c in by_label["主动公开文件数"].cells] == [None, None]
    # 7908800 followed by 2、: the trailing 2 is the next item's number, not a digit of the row.
    assert by_label["其中：1、政府网站公开数"].raw == "7908800"
    # 22234: 2|2234, 22|234 … not unique either; 341: 3|41 is the only split with 3 ≤ 41? 34|1 fails.
    assert by_label["受理政府信息依申请公开总数"].status == "ok"
    assert [c.value for c in by_label["受理政府信息依申请公开总数"].cells] == [3, 41]
    assert all(c.inferred for c in by_label["受理政府信息依申请公开总数"].cells)
    assert [c.value for c in by_label["行政复议数"].cells] == [0, 2]


def test_legacy_report_published_after_31_march_is_late_whatever_the_issuer():
    text = _lines_report().replace("2017年3月20日", "2017年4月12日")
    found = [d for d in lint_text(text, filename="legacy.txt") if d.code == "GOV406"]
    assert len(found) == 1
    assert "2017年3月31日" in found[0].message and "第三十一条" in found[0].message
    assert found[0].line == text.split("\n").index("2017年4月12日") + 1


def test_report_of_2019_or_later_in_the_old_layout_is_a_wrong_format():
    text = _lines_report().replace("2016", "2020").replace("2017年3月20日", "2021年1月20日")
    report = _parse(text, "old-layout.txt")
    assert report.template == "legacy"
    found = [d for d in lint_text(text, filename="old-layout.txt") if d.code == "GOV101"]
    assert len(found) == 1
    assert "2019年以前的旧格式" in found[0].message and "2019年格式" in found[0].message
    assert found[0].line == text.split("\n").index("指标名称\t计量单位\t2020年度\t历年累计") + 1


def test_national_report_prose_mentioning_2019_labels_is_not_mixed():
    """A 2021-format report whose prose names 政府集中采购 and 采购总金额 (words, not tables)."""
    import random

    from govlint.synthetic import ReportSpec, render

    spec = ReportSpec.random(random.Random(3), template="2021")
    text = render(spec, "rows")
    text = text.replace("二、主动公开政府信息情况", "二、主动公开政府信息情况\n本年度政府集中采购项目和采购总金额信息均已公开。", 1)
    report = _parse(text, "r.txt")
    assert report.template == "2021"
    assert {e.template for e in report.template_evidence} == {"2021"}
    assert "GOV102" not in {d.code for d in lint_text(text, filename="r.txt")}
