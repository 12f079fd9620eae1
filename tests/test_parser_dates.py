"""Date mentions: full forms anywhere, damaged forms only where a date is expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_parser_metadata import metadata

from govlint.document import Document
from govlint.parser import parse
from govlint.parser.dates import (
    date_line,
    expected_date_at,
    full_date_at,
    guess,
    iter_full_dates,
    mention,
)
from govlint.parser.normalize import TextView

SHARED = Path(__file__).resolve().parents[2] / "shared"


def values(text: str) -> list[tuple[int | None, int | None, int | None, str | None]]:
    return [(p.year, p.month, p.day, p.problem) for p in iter_full_dates(text)]


# --------------------------------------------------------------------------- full forms

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年1月7日", (2021, 1, 7)),
        ("2024 年 1 月 1 日", (2024, 1, 1)),
        ("2025  1  1  日", (2025, 1, 1)),
        ("2021-01-07", (2021, 1, 7)),
        ("2021.1.7", (2021, 1, 7)),
        ("2021/1/7", (2021, 1, 7)),
        ("二〇二一年一月七日", (2021, 1, 7)),
        ("二〇二三年十二月三十一日", (2023, 12, 31)),
        ("二○二二年元月五日", (2022, 1, 5)),
        ("2020年2月29日", (2020, 2, 29)),
        ("2024 年 1\n月 1 日", (2024, 1, 1)),  # PDF line wrap inside the date
    ],
)
def test_full_forms(text: str, expected: tuple[int, int, int]) -> None:
    assert values(text) == [(*expected, None)]


def test_full_form_inside_prose_has_exact_range() -> None:
    text = "本单位于2021年1月7日印发通知。"
    (parsed,) = iter_full_dates(text)
    assert text[parsed.start : parsed.end] == "2021年1月7日"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年4月31日", (2021, 4, 31)),
        ("2021年2月29日", (2021, 2, 29)),
        ("2021年13月1日", (2021, 13, 1)),
        ("2021年0月5日", (2021, 0, 5)),
        ("2021-02-30", (2021, 2, 30)),
        ("2022年12月32日", (2022, 12, 32)),
    ],
)
def test_impossible_full_forms(text: str, expected: tuple[int, int, int]) -> None:
    assert values(text) == [(*expected, "impossible")]


@pytest.mark.parametrize(
    "text",
    [
        "2021年1月",
        "1月31日前",
        "于2021年1月份召开",
        "增长3.14个百分点",
        "版本1.2.3",
        "电话0851-2021-01",
        "共计2021.5万元",
        "12.2021.1.7",
    ],
)
def test_prose_is_not_a_full_date(text: str) -> None:
    assert values(text) == []


# --------------------------------------------------------------------------- expected positions

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20211月7", (2021, 1, 7, "malformed")),
        ("2021年1月7", (2021, 1, 7, "malformed")),
        ("20171231日", (2017, 12, 31, "malformed")),
        ("20210107", (2021, 1, 7, "malformed")),
        ("2021-1-", (2021, 1, None, "malformed")),
        ("2021年1月", (2021, 1, None, None)),  # incomplete, still a date
        ("2021年", (2021, None, None, None)),
        ("12月31日", (None, 12, 31, None)),
        ("2021年13月", (2021, 13, None, "impossible")),
        ("2021年1月7日", (2021, 1, 7, None)),
        ("二〇二一年一月七日", (2021, 1, 7, None)),
    ],
)
def test_expected_date(text: str, expected: tuple) -> None:
    parsed = expected_date_at(text, 0)
    assert parsed is not None
    assert (parsed.year, parsed.month, parsed.day, parsed.problem) == expected
    assert parsed.end == len(text)


@pytest.mark.parametrize("text", ["2021", "xx", "无", "", "十二"])
def test_nothing_date_like_where_expected(text: str) -> None:
    assert expected_date_at(text, 0) is None


def test_expected_date_skips_leading_spaces_and_stops_before_text() -> None:
    text = "   2025-03-10 15:35"
    parsed = expected_date_at(text, 0)
    assert parsed is not None and text[parsed.start : parsed.end] == "2025-03-10"


def test_month_day_is_an_incomplete_date() -> None:
    parsed = expected_date_at("12月31日", 0)
    assert parsed is not None and (parsed.year, parsed.month, parsed.day, parsed.problem) == (None, 12, 31, None)
    bad = expected_date_at("2月30日", 0)
    assert bad is not None and bad.problem == "impossible"
    leap = expected_date_at("2月29日", 0)
    assert leap is not None and leap.problem is None


def test_full_date_at_needs_the_date_at_the_position() -> None:
    assert full_date_at("于2021年1月7日", 0) is None
    assert full_date_at("于2021年1月7日", 1) is not None


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("        20211月7", "20211月7"),
        ("2021年1月7日", "2021年1月7日"),
        ("  2021年1月  ", "2021年1月"),
        ("二〇二一年一月七日", "二〇二一年一月七日"),
    ],
)
def test_date_line(line: str, raw: str) -> None:
    parsed = date_line(line, 100)
    assert parsed is not None
    assert parsed.start == 100 + line.index(raw[0])
    assert parsed.end - parsed.start == len(raw)


@pytest.mark.parametrize("line", ["2024年,无收取信息处理费情况。", "示例局", "2021", "2021年", "第2021号文件", ""])
def test_not_a_date_line(line: str) -> None:
    assert date_line(line, 0) is None


def test_guess_values() -> None:
    assert guess("20211月7") == (2021, 1, 7)
    assert guess("201711日") == (2017, 1, 1)
    assert guess("2021") == (2021, None, None)
    assert guess("21年") == (None, None, None)


def test_mention_span_points_at_original_text() -> None:
    # full-width digits, and a page-number line removed from the view before the date
    document = Document(path="case.txt", text="- 1 -\n签发：２０２１年１月７日\n")
    view = TextView.of(document)
    parsed = expected_date_at(view.text, view.text.index("2021"))
    assert parsed is not None
    date = mention(view, parsed, "signed")
    assert (date.year, date.month, date.day, date.problem, date.role) == (2021, 1, 7, None, "signed")
    assert tuple(date.span) == (2, 4, 2, 13)
    assert date.date is not None and date.date.isoformat() == "2021-01-07"


# --------------------------------------------------------------------------- report.dates

BODY = "\n一、总体情况\n略。\n六、其他需要报告的事项\n无。\n"


def test_impossible_date_in_prose_is_collected() -> None:
    report = metadata("示例局2023年政府信息公开工作年度报告" + BODY.replace("略。", "于2023年4月31日印发通知。"))
    assert [(d.raw, d.role, d.problem) for d in report.dates] == [("2023年4月31日", "other", "impossible")]
    assert report.dates[0].span.line == 3


def test_impossible_month_in_prose_is_collected() -> None:
    report = metadata("2023年13月完成整改。" + BODY)
    assert [(d.raw, d.problem) for d in report.dates] == [("2023年13月", "impossible")]


def test_valid_and_partial_dates_are_not_collected() -> None:
    report = metadata("2023年1月7日印发，2023年1月完成，1月31日前报送。" + BODY)
    assert report.dates == []


def test_problem_signature_is_collected_once_with_its_role() -> None:
    report = metadata("示例局2023年政府信息公开工作年度报告" + BODY + "示例局\n2024年2月30日\n")
    assert [(d.raw, d.role, d.problem) for d in report.dates] == [("2024年2月30日", "signed", "impossible")]
    assert report.signed is report.dates[0]


def test_malformed_published_and_period_dates_are_collected() -> None:
    report = metadata("发布时间：2024-1-\n本报告统计期限为201711日至20171231日。" + BODY)
    assert [(d.raw, d.role, d.problem) for d in report.dates] == [
        ("2024-1-", "published", "malformed"),
        ("201711日", "period_start", "malformed"),
        ("20171231日", "period_end", "malformed"),
    ]


# --------------------------------------------------------------------------- real report

def test_real_seed_003_signature_is_malformed() -> None:
    path = SHARED / "seeds" / "003_c8e56b69bc7838b8.txt"
    if not path.exists():
        pytest.skip(f"real reports not available: {path} is missing (CI keeps ../shared beside the checkout)")
    text = path.read_text(encoding="utf-8")
    report = parse(Document(path=str(path), text=text))
    lines = text.split("\n")
    assert report.signed is not None
    assert (report.signed.raw, report.signed.problem, report.signed.role) == ("20211月7", "malformed", "signed")
    assert report.signed.span.line == 673
    assert report.signed.span.column == lines[672].index("20211月7") + 1
    assert report.dates == [report.signed]
