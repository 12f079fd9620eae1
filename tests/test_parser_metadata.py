"""Title, issuer, year, statistics period, publication/signature dates and the fee statement."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.document import Document
from govlint.model import Report
from govlint.parser import parse
from govlint.parser.metadata import extract_metadata
from govlint.parser.normalize import TextView
from govlint.parser.sections import find_sections

SHARED = Path(__file__).resolve().parents[2] / "shared"

BODY = (
    "\n一、总体情况\n全年主动公开政府信息120条。\n二、主动公开政府信息情况\n略\n"
    "三、收到和处理政府信息公开申请情况\n略\n四、政府信息公开行政复议、行政诉讼情况\n略\n"
    "五、存在的主要问题及改进情况\n略\n六、其他需要报告的事项\n无。\n"
)


def metadata(text: str) -> Report:
    """Run only the metadata extraction (independent of the table reader)."""
    document = Document(path="case.txt", text=text)
    view = TextView.of(document)
    report = Report(path="case.txt", document=document)
    extract_metadata(view, find_sections(view), report)
    return report


def ymd(date) -> tuple:
    return (date.year, date.month, date.day)


# --------------------------------------------------------------------------- period

@pytest.mark.parametrize(
    ("sentence", "keyword", "start", "end", "end_year_written"),
    [
        ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。", "统计期限", (2019, 1, 1), (2019, 12, 31), False),
        ("统计期限为2022年1月1日至12月31日。", "统计期限", (2022, 1, 1), (2022, 12, 31), False),
        ("本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。", "统计期限", (2020, 1, 1), (2020, 12, 31), True),
        ("本报告中使用数据统计期限为2024年1月1日至12月31日。", "统计期限", (2024, 1, 1), (2024, 12, 31), False),
        ("本报告信息数据统计期限为：2022年1月1日-2022年12月31日。", "统计期限", (2022, 1, 1), (2022, 12, 31), True),
        ("本报告中所列数据的统计时限自2012年1月1日至2012年12月31日。", "统计时限", (2012, 1, 1), (2012, 12, 31), True),
        ("报告内容统计时限为2020年1月1日至2020年12月31日。", "统计时限", (2020, 1, 1), (2020, 12, 31), True),
        ("本报告起止时间为2020年1月1日至2020年12月31日。", "起止时间", (2020, 1, 1), (2020, 12, 31), True),
        ("所列数据的统计期限从2023年1月1日起到2023年12月31日止。", "统计期限", (2023, 1, 1), (2023, 12, 31), True),
        ("报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。", "统计期限", (2024, 1, 1), (2024, 12, 31), True),
        ("年度报告统计时间段为2021年1月1日至2021年12月31日。", "统计时间段", (2021, 1, 1), (2021, 12, 31), True),
        ("统计期限为2025  1  1  日至2025  12  31  日。", "统计期限", (2025, 1, 1), (2025, 12, 31), True),
        ("统计期限为2022-01-01至2022-12-31。", "统计期限", (2022, 1, 1), (2022, 12, 31), True),
        ("统计期限为二〇二二年一月一日至二〇二二年十二月三十一日。", "统计期限", (2022, 1, 1), (2022, 12, 31), True),
    ],
)
def test_period_phrasings(sentence, keyword, start, end, end_year_written) -> None:
    report = metadata(sentence + BODY)
    period = report.period
    assert period is not None
    assert period.raw.startswith(keyword)
    assert ymd(period.start) == start and ymd(period.end) == end
    assert period.end_year_written is end_year_written
    assert (period.start.role, period.end.role) == ("period_start", "period_end")
    assert period.start.problem is None and period.end.problem is None
    assert period.span.line == 1 and period.span.column == sentence.index(keyword) + 1


def test_period_span_covers_the_closing_zhi() -> None:
    sentence = "统计期限从2023年1月1日起到2023年12月31日止。"
    period = metadata(sentence + BODY).period
    assert period is not None and period.raw == sentence[:-1]
    assert period.span.end_column == len(sentence)  # exclusive end: just after 止


def test_period_not_a_calendar_year_is_recorded_as_written() -> None:
    period = metadata("统计期限为2021年3月1日至2022年2月28日。" + BODY).period
    assert period is not None
    assert ymd(period.start) == (2021, 3, 1) and ymd(period.end) == (2022, 2, 28)


def test_period_with_impossible_end() -> None:
    report = metadata("统计期限为2022年1月1日至2022年12月32日。" + BODY)
    assert report.period is not None and report.period.end.problem == "impossible"
    assert report.dates == [report.period.end]


def test_period_with_dropped_year_month_characters_is_malformed() -> None:
    period = metadata("统计期限为201711日至20171231日。" + BODY).period
    assert period is not None
    assert (period.start.problem, period.end.problem) == ("malformed", "malformed")
    assert (period.start.raw, period.end.raw) == ("201711日", "20171231日")


def test_period_without_any_year() -> None:
    period = metadata("年度报告统计时间段为上一年度1月1日至12月31日。" + BODY).period
    assert period is not None
    assert ymd(period.start) == (None, 1, 1) and ymd(period.end) == (None, 12, 31)
    assert period.end_year_written is False


def test_period_on_a_wrapped_pdf_line() -> None:
    text = "本报告所列数据统计期限自 2024 年 1 月 1 日至 2024\n年 12 月 31 日。" + BODY
    period = metadata(text).period
    assert period is not None and ymd(period.end) == (2024, 12, 31)
    assert (period.end.span.line, period.end.span.end_line) == (1, 2)


def test_period_without_keyword_when_unambiguous() -> None:
    period = metadata("本报告所列数据自2023年1月1日至2023年12月31日。" + BODY).period
    assert period is not None and period.raw.startswith("自2023")
    assert ymd(period.start) == (2023, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        # two ranges in the introduction: ambiguous
        "本报告数据自2023年1月1日至2023年12月31日，对比自2022年1月1日至2022年12月31日。" + BODY,
        # a range in the body that is not about the report's data
        "示例局2023年政府信息公开工作年度报告" + BODY.replace("全年主动公开", "自2023年3月1日至2023年6月30日开展专项行动，全年主动公开"),
        # a range in the introduction not about the report's data
        "自2023年3月1日至2023年6月30日开展专项行动。" + BODY,
        # a keyword without dates
        "统计期限按照有关规定执行。" + BODY,
    ],
)
def test_no_period(text: str) -> None:
    assert metadata(text).period is None


def test_first_period_keyword_with_dates_wins() -> None:
    text = "统计时间节点为12月31日。本报告统计期限为2023年1月1日至2023年12月31日。" + BODY
    period = metadata(text).period
    assert period is not None and period.raw.startswith("统计期限")


# --------------------------------------------------------------------------- title, issuer, year

@pytest.mark.parametrize(
    ("first_lines", "title", "issuer", "year"),
    [
        ("示例局2023年政府信息公开工作年度报告", "示例局2023年政府信息公开工作年度报告", "示例局", 2023),
        ("示例局2023年度政府信息公开工作报告", "示例局2023年度政府信息公开工作报告", "示例局", 2023),
        ("示例乡人民政府2020年政府信息公开年度报告", "示例乡人民政府2020年政府信息公开年度报告", "示例乡人民政府", 2020),
        ("示例区2022年政府信息公开年报", "示例区2022年政府信息公开年报", "示例区", 2022),
        ("2023年度示例局政府信息公开工作年度报告", "2023年度示例局政府信息公开工作年度报告", "示例局", 2023),
        ("示例区2024年度政府信息公开工作年度报告", "示例区2024年度政府信息公开工作年度报告", "示例区", 2024),
        ("2024年度政府信息公开工作年度报告", "2024年度政府信息公开工作年度报告", None, 2024),
        ("示例局二〇二三年政府信息公开工作年度报告", "示例局二〇二三年政府信息公开工作年度报告", "示例局", 2023),
        ("  示例局2023年政府信息公开工作年度报告（全文）  ", "示例局2023年政府信息公开工作年度报告(全文)", "示例局", 2023),
        ("示例局政府信息公开工作年度报告（2023年）", "示例局政府信息公开工作年度报告(2023年)", "示例局", 2023),
        ("示例局政府信息公开工作年度报告（2023年度）", "示例局政府信息公开工作年度报告(2023年度)", "示例局", 2023),
        ("2023年示例市人民政府办公厅政府信息公开工作年度报告", "2023年示例市人民政府办公厅政府信息公开工作年度报告",
         "示例市人民政府办公厅", 2023),
    ],
)
def test_title_line(first_lines, title, issuer, year) -> None:
    report = metadata(first_lines + BODY)
    assert report.title is not None and report.title.text == title
    assert report.issuer == issuer and report.year == year
    assert report.title.span.line == 1 and report.title.span.column == first_lines.index(first_lines.strip()[0]) + 1
    assert [(m.source, m.year) for m in report.year_mentions] == [("title", year)]


def test_title_split_over_two_lines() -> None:
    report = metadata("示例市人民政府\n2024 年政府信息公开工作年度报告" + BODY)
    assert report.title is not None and report.title.text == "示例市人民政府2024 年政府信息公开工作年度报告"
    assert tuple(report.title.span) == (1, 1, 2, 19)
    assert report.issuer == "示例市人民政府" and report.year == 2024
    (year,) = report.year_mentions
    assert (year.source, tuple(year.span)) == ("title", (2, 1, 2, 5))


def test_title_with_the_year_first_wrapped_mid_name() -> None:
    report = metadata("2025 年示例市人民政府办公厅政府信息公开\n工作年度报告" + BODY)
    assert report.title is not None and report.title.text == "2025 年示例市人民政府办公厅政府信息公开工作年度报告"
    assert report.issuer == "示例市人民政府办公厅" and report.year == 2025


def test_title_wrapped_mid_name() -> None:
    report = metadata("示例市人民政府2024年政府信息公开\n工作年度报告" + BODY)
    assert report.title is not None and report.title.text == "示例市人民政府2024年政府信息公开工作年度报告"
    assert (report.title.span.line, report.title.span.end_line) == (1, 2)


def _double_spaced(text: str) -> str:
    """Text copied from a web page: a blank line after every line."""
    return text.replace("\n", "\n\n")


@pytest.mark.parametrize(
    ("head", "title", "issuer"),
    [
        ("示例市人民政府\n2024 年政府信息公开工作年度报告", "示例市人民政府2024 年政府信息公开工作年度报告", "示例市人民政府"),
        ("2025 年示例市人民政府办公厅政府信息公开\n工作年度报告", "2025 年示例市人民政府办公厅政府信息公开工作年度报告",
         "示例市人民政府办公厅"),
    ],
)
def test_title_over_two_lines_in_double_spaced_text(head, title, issuer) -> None:
    intro = "\n本报告根据《中华人民共和国政府信息公开条例》和《关于印发中华人民共和国政府信息公开工作年度报告\n格式的通知》的要求编制。"
    report = metadata(_double_spaced(head + intro + BODY))
    assert report.title is not None and report.title.text == title
    assert report.issuer == issuer and report.year in (2024, 2025)


def test_single_spaced_paragraphs_keep_blank_lines_as_separators() -> None:
    report = metadata("示例市人民政府\n\n2024 年政府信息公开工作年度报告" + BODY)
    assert report.title is not None and report.title.text == "2024 年政府信息公开工作年度报告"


def test_sentence_citing_the_format_is_not_a_title() -> None:
    text = "本报告根据《条例》和《关于印发中华人民共和国政府信息公开工作年度报告\n格式的通知》编制。" + BODY
    report = metadata(text)
    assert report.title is None


def test_navigation_lines_are_not_titles() -> None:
    text = (
        "中国政府网 | 示例省政府 | 示例市政府\n示例区人民政府\n首页 > 信息公开 > 政府信息公开年报\n\n"
        "示例乡人民政府2022年政府信息公开工作年度报告\n" + BODY
    )
    report = metadata(text)
    assert report.title is not None and report.title.span.line == 5
    assert report.issuer == "示例乡人民政府"


def test_breadcrumb_naming_the_report_is_not_a_title() -> None:
    report = metadata("首页 > 信息公开 > 示例局2022年政府信息公开工作年度报告\n" + BODY)
    assert report.title is None and report.year_mentions == []


@pytest.mark.parametrize("line", ["政府信息公开年报", "栏目: 政府信息公开年报", "体裁分类:政府信息公开年报"])
def test_generic_column_names_are_not_titles(line: str) -> None:
    assert metadata(line + BODY).title is None


def test_intro_sentence_is_not_a_title_but_gives_issuer_and_year() -> None:
    text = "根据条例规定，现公布示例社区服务中心2020年政府信息公开工作年度报告。本报告由六部分组成。" + BODY
    report = metadata(text)
    assert report.title is None
    assert report.issuer == "示例社区服务中心" and report.year == 2020
    (year,) = report.year_mentions
    assert (year.source, year.year, year.span.line, year.span.column) == ("intro", 2020, 1, text.index("2020") + 1)


def test_intro_with_pronoun_gives_year_but_no_issuer() -> None:
    report = metadata("现将我局2020年政府信息公开工作年度报告公布如下。" + BODY)
    assert report.issuer is None and report.year == 2020


def test_crawler_header_title_and_published() -> None:
    text = (
        "标题: 示例区2024年度政府信息公开工作年度报告\n发布时间: 2025-03-10 15:35\n文号: \n"
        "发布机构: 示例区管委会办公室\n本地目录: a/b/示例区2024年度政府信息公开工作年度报告\n"
        "==================== 正文 ====================\n本报告根据条例编制。" + BODY.lstrip("\n")
    )
    report = metadata(text)
    assert report.title is not None and report.title.text == "示例区2024年度政府信息公开工作年度报告"
    assert tuple(report.title.span) == (1, 5, 1, 26)
    assert report.issuer == "示例区" and report.year == 2024
    assert [(m.source, m.year, m.span.line) for m in report.year_mentions] == [("title", 2024, 1)]
    assert report.published is not None and report.published.raw == "2025-03-10"
    assert ymd(report.published) == (2025, 3, 10) and tuple(report.published.span) == (2, 7, 2, 17)


def test_header_issuer_when_title_has_none() -> None:
    text = "标题: 2024年度政府信息公开工作年度报告\n发布机构: 示例区管委会办公室\n" + BODY
    assert metadata(text).issuer == "示例区管委会办公室"


def test_header_title_and_body_title_both_recorded() -> None:
    text = "标题: 示例区2023年政府信息公开工作年度报告\n示例区2024年政府信息公开工作年度报告" + BODY
    report = metadata(text)
    assert report.title is not None and report.title.span.line == 2
    assert [(m.source, m.year) for m in report.year_mentions] == [("title", 2024), ("header", 2023)]


def test_issuer_from_signature_block() -> None:
    report = metadata("本报告统计期限为2023年1月1日至2023年12月31日。" + BODY + "\n示例县交通运输局\n2024年1月20日\n")
    assert report.title is None and report.issuer == "示例县交通运输局"


def test_year_prefers_title_then_period_then_intro() -> None:
    text = (
        "示例局2023年政府信息公开工作年度报告\n现公布示例局2022年政府信息公开工作年度报告。"
        "本报告统计期限为2021年1月1日至2021年12月31日。" + BODY
    )
    report = metadata(text)
    assert report.year == 2023
    assert sorted((m.source, m.year) for m in report.year_mentions) == [("intro", 2022), ("period", 2021), ("title", 2023)]
    no_title = metadata(text.split("\n", 1)[1])
    assert no_title.year == 2021


# --------------------------------------------------------------------------- published / signed

@pytest.mark.parametrize(
    ("line", "raw", "expected"),
    [
        ("发布时间: 2021-01-07      发布机构:示例乡人民政府", "2021-01-07", (2021, 1, 7)),
        ("发布日期：2021年1月7日", "2021年1月7日", (2021, 1, 7)),
        ("发文日期：2021.1.7", "2021.1.7", (2021, 1, 7)),
        ("发布时间：2025-03-10 15:35", "2025-03-10", (2025, 3, 10)),
    ],
)
def test_published(line, raw, expected) -> None:
    report = metadata(line + "\n示例局2020年政府信息公开工作年度报告" + BODY)
    assert report.published is not None
    assert (report.published.raw, ymd(report.published), report.published.role) == (raw, expected, "published")
    assert report.published.span.column == line.index(raw) + 1
    assert report.published.problem is None


def test_published_malformed_and_missing() -> None:
    bad = metadata("发布时间：2021-1-\n" + BODY).published
    assert bad is not None and bad.problem == "malformed"
    assert metadata("发布时间：\n" + BODY).published is None
    assert metadata("信息发布时间及时。" + BODY).published is None


def test_signature_with_web_residue_after_it() -> None:
    text = (
        "示例局2023年政府信息公开工作年度报告" + BODY + "\n          示例局\n\n          2024年1月20日\n\n"
        "扫一扫在手机上查看当前页面\n打印本页\n温馨提示\n欢迎您使用本网站互动功能!请点击登录。\n"
    )
    report = metadata(text)
    assert report.signed is not None and report.signed.raw == "2024年1月20日"
    assert report.signed.problem is None and report.signed.role == "signed"
    line = text.split("\n").index("          2024年1月20日") + 1
    assert tuple(report.signed.span) == (line, 11, line, 21)


def test_signature_malformed() -> None:
    report = metadata("示例局2023年政府信息公开工作年度报告" + BODY + "\n示例局\n 20241月20\n")
    assert report.signed is not None
    assert (report.signed.raw, report.signed.problem, ymd(report.signed)) == ("20241月20", "malformed", (2024, 1, 20))
    assert report.signed.date is None


def test_signature_without_day_is_incomplete_not_malformed() -> None:
    report = metadata("示例局2023年政府信息公开工作年度报告" + BODY + "示例局\n2024年1月\n")
    assert report.signed is not None and report.signed.problem is None
    assert ymd(report.signed) == (2024, 1, None)
    assert report.dates == []


def test_signature_in_chinese_numerals() -> None:
    report = metadata("示例局2023年政府信息公开工作年度报告" + BODY + "示例局\n二〇二四年一月二十日\n")
    assert report.signed is not None and ymd(report.signed) == (2024, 1, 20)


def test_signature_at_the_end_of_a_one_line_report() -> None:
    text = "示例局2023年政府信息公开工作年度报告" + BODY.rstrip("\n") + "示例局 2024年1月20日"
    report = metadata(text)
    assert report.signed is not None and report.signed.raw == "2024年1月20日"


@pytest.mark.parametrize(
    "ending",
    [
        "",
        "2024年,我局将继续推进政务公开工作。\n",
        "扫一扫在手机上查看当前页面\n",
        "下一步将于2024年1月20日前完成整改。\n",
        "下一步将于2024年1月20日",
    ],
)
def test_no_signature(ending: str) -> None:
    assert metadata("示例局2023年政府信息公开工作年度报告" + BODY + ending).signed is None


def test_date_lines_before_section_six_are_not_a_signature() -> None:
    text = "示例局2023年政府信息公开工作年度报告" + BODY.replace("全年主动公开政府信息120条。", "2023年1月20日")
    assert metadata(text).signed is None


# --------------------------------------------------------------------------- fee statement

@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("本年度政府信息公开事项未收取任何费用。", 0),
        ("无收取信息处理费情况。", 0),
        ("全年收取政府信息公开信息处理费 3940 元。", 3940),
        ("本年度未收取政府信息公开信息处理费。", 0),
        ("未收取任何费用。", 0),
        ("2022年政府信息公开未收费。", 0),
        ("实际收取信息处理费共计400元。", 400),
        ("本年共收取信息处理费0.5万元。", 5000),
        ("本年度免收信息处理费。", 0),
        ("本年度收取信息处理费12.5元。", None),
        ("本年度本单位未收取信息公开处理费。", 0),
        ("全年未发生政府信息公开收费事项。", 0),
        ("本年度没有收取信息处理费。", 0),
        ("信息处理费0元。", 0),
        ("本年度收取信息处理费共计400元。", 400),
        ("全年未产生政府信息公开信息处理费。", 0),
        ("信息处理费为零。", 0),
        ("依申请公开政府信息不收取费用。", 0),
    ],
)
def test_fee_statement_in_section_six(sentence: str, value: int | None) -> None:
    text = "示例局2023年政府信息公开工作年度报告" + BODY.replace("六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n" + sentence)
    fee = metadata(text).fee_statement
    assert fee is not None and fee.text == sentence and fee.value == value
    line = text.split("\n").index(sentence) + 1
    assert tuple(fee.span) == (line, 1, line, len(sentence) + 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "行政事业性收费 | 0 |",
        "本年收费金额（单位：万元）",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "严格落实《政府信息公开信息处理费管理办法》。",
        "（一）信息处理费收取情况",
        "公开涉企收费目录清单。",
        "认真执行《政府信息公开信息处理费管理办法》，规范收费程序。",
        "公布污水处理费收费标准。",
        "未发现乱收费问题。",
        "按规定缴纳费用后提供信息。",
    ],
)
def test_not_a_fee_statement(sentence: str) -> None:
    text = BODY.replace("六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n" + sentence)
    assert metadata(text).fee_statement is None


def test_fee_statement_after_its_sub_heading() -> None:
    text = BODY.replace("六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n（一）信息处理费收取情况\n本年度未收取信息处理费。")
    fee = metadata(text).fee_statement
    assert fee is not None and fee.text == "本年度未收取信息处理费。"


def test_fee_statement_prefers_section_six_then_one() -> None:
    in_one = BODY.replace("全年主动公开政府信息120条。", "全年主动公开政府信息120条。本年度未收取任何费用。")
    both = in_one.replace("六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n全年收取信息处理费100元。")
    assert metadata(both).fee_statement.value == 100  # type: ignore[union-attr]
    assert metadata(in_one).fee_statement.text == "本年度未收取任何费用。"  # type: ignore[union-attr]
    anywhere = "本年度未收取任何费用。\n一、总体情况\n略。\n"
    assert metadata(anywhere).fee_statement is not None


def test_fee_statement_wrapped_over_pdf_lines() -> None:
    text = BODY.replace(
        "六、其他需要报告的事项\n无。",
        "六、其他需要报告的事项\n2024 年，本机关严格落实信息处理费管理办法有关规定，\n全年收取政府信息公开信息处理费 100 元。",
    )
    fee = metadata(text).fee_statement
    assert fee is not None and fee.value == 100
    assert fee.span.end_line == fee.span.line + 1


# --------------------------------------------------------------------------- real reports

def real(relative: str) -> tuple[Report, list[str]]:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"real reports not available: {path} is missing (CI keeps ../shared beside the checkout)")
    text = path.read_text(encoding="utf-8")
    return parse(Document(path=str(path), text=text)), text.split("\n")


def column(lines: list[str], line: int, needle: str) -> int:
    return lines[line - 1].index(needle) + 1


def test_real_seed_000() -> None:
    report, lines = real("seeds/000_07f3dd90ea4b5b07.txt")
    assert report.title is None and report.year == 2020
    assert report.issuer == "新太社区服务中心"
    period = report.period
    assert period is not None and period.raw.startswith("起止时间为")
    assert ymd(period.start) == (2020, 1, 1) and ymd(period.end) == (2020, 12, 31)
    assert (period.span.line, period.span.column) == (1, column(lines, 1, "起止时间为"))
    assert {(m.source, m.year) for m in report.year_mentions} == {("period", 2020), ("intro", 2020)}
    assert report.published is None and report.signed is None and report.dates == []


def test_real_seed_001() -> None:
    report, _ = real("seeds/001_60c3416880e5604d.txt")
    assert report.period is None and report.contacts == []
    assert report.year == 2020 and report.issuer == "安镇街道"
    assert report.title is not None and tuple(report.title.span)[:2] == (1, 1)
    assert report.title.text.endswith("政府信息公开工作年度报告")
    assert report.fee_statement is None and report.signed is None


def test_real_seed_002() -> None:
    report, lines = real("seeds/002_b6ff4eeabae1e240.txt")
    assert report.title is None and report.year == 2020
    period = report.period
    assert period is not None and period.raw.startswith("统计时限")
    assert (period.span.line, period.span.column) == (1, column(lines, 1, "统计时限"))
    assert ymd(period.start) == (2020, 1, 1) and ymd(period.end) == (2020, 12, 31)
    assert report.signed is None  # the trailing 扫一扫… line is web residue


def test_real_seed_003() -> None:
    report, lines = real("seeds/003_c8e56b69bc7838b8.txt")
    # The title is on line 6 of the file (the brief said 7; line 7 is blank).
    assert report.title is not None and report.title.span.line == 6
    assert report.title.text.endswith("政府信息公开年度报告") and "工作" not in report.title.text
    assert report.year == 2020 and report.issuer is not None and report.issuer.endswith("人民政府")
    assert report.published is not None and report.published.raw == "2021-01-07"
    assert ymd(report.published) == (2021, 1, 7) and report.published.problem is None
    assert (report.published.span.line, report.published.span.column) == (8, column(lines, 8, "2021-01-07"))
    assert report.signed is not None and report.signed.problem == "malformed"
    assert (report.signed.span.line, report.signed.span.column) == (673, column(lines, 673, "20211月7"))
    assert report.period is None and report.contacts == []


def test_real_seed_004() -> None:
    report, lines = real("seeds/004_2b6e7661ff84f527.txt")
    assert report.year == 2023 and report.title is None
    period = report.period
    assert period is not None and period.raw.startswith("统计期限从") and period.raw.endswith("止")
    assert (period.span.line, period.span.column) == (1, column(lines, 1, "统计期限从"))
    assert ymd(period.start) == (2023, 1, 1) and ymd(period.end) == (2023, 12, 31)
    assert report.contacts == []
    fee = report.fee_statement
    assert fee is not None and fee.value == 0 and "未收取任何费用" in fee.text
    assert (fee.span.line, fee.span.column) == (334, 1)
    assert report.section(6) is not None and report.section(6).span.line < 334  # type: ignore[union-attr]


def test_real_corpus_002_pdf_text() -> None:
    report, lines = real("corpus/002_2024_huaian_shi.txt")
    assert report.title is not None and (report.title.span.line, report.title.span.end_line) == (2, 3)
    assert report.issuer == "淮安市人民政府" and report.year == 2024
    period = report.period
    assert period is not None and period.span.line == 6
    assert period.span.column == column(lines, 6, "统计期限")
    assert ymd(period.start) == (2024, 1, 1) and ymd(period.end) == (2024, 12, 31)
    fee = report.fee_statement
    assert fee is not None and fee.value == 3940
    six = report.section(6)
    assert six is not None and fee.span.line > six.span.line


def test_real_corpus_010_crawler_text() -> None:
    report, lines = real("corpus/010_2024_fujian_pingtan_zonghe_shiyanqu.txt")
    assert report.title is not None and report.title.span.line == 1
    assert report.title.span.column == column(lines, 1, "平潭")
    assert report.year == 2024
    assert report.published is not None and ymd(report.published) == (2025, 3, 10)
    assert report.published.span.line == 2
    period = report.period
    assert period is not None and period.span.line == 10
    assert period.span.column == column(lines, 10, "统计期限")
    assert report.contacts == []
    fee = report.fee_statement
    assert fee is not None and "无收取信息处理费情况" in fee.text and fee.value == 0
    assert (fee.span.line, fee.span.column) == (10, column(lines, 10, "无收取信息处理费情况") - 6)


# --------------------------------------------------------------------------- robustness

_ALPHABET = "0123456789年月日度-./: ，,。()（）\n\t电话地址邮箱网站请与联系统计期限为至起止发布时间标题六、其他需要报告的事项一、总体情况信息处理费未收取〇二报告政府信息公开工作XX"


def test_empty_and_tiny_documents() -> None:
    for text in ("", "\n", " ", ":", "请与", "电话:", "发布时间:", "统计期限为", "2021年", "六、其他需要报告的事项"):
        report = metadata(text)
        assert report.title is None and report.period is None and report.signed is None


def test_never_raises_on_arbitrary_text() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(st.text(alphabet=_ALPHABET, max_size=200))
    def run(text: str) -> None:
        report = metadata(text)
        for date in report.dates:
            assert date.problem in ("malformed", "impossible")
            assert date.span.line >= 1 and date.span.column >= 1

    run()
