"""Rules about the report year, the statistics period, dates and the publication deadline."""

from __future__ import annotations

import datetime as dt

from govlint.api import STATUTORY_DEADLINES, Option, Span, Violation, issuer_kind, rule, templates

SOURCE_NAMES = {"title": "标题", "period": "统计期限", "intro": "引言", "header": "网页标题"}
ROLE_NAMES = {"signed": "落款日期", "published": "发布日期", "period_start": "统计期限起始日期",
              "period_end": "统计期限截止日期"}


def _cn_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _role(mention) -> str:
    return ROLE_NAMES.get(mention.role, "日期")


@rule("GOV401", "missing-period", "未说明统计期限", "warning")
def missing_period(report, options):
    """The report does not state its statistics period.

    What it checks:
    A sentence giving the period the figures cover, in any of the usual phrasings: 统计期限为
    2023年1月1日至2023年12月31日, 统计时限自…起至…止, 起止时间为…, 统计期限从…到12月31日止 …

    Why:
    The figures of the tables are only meaningful for a stated period; the practice of
    national and provincial reports (and Sichuan's standard DB51/T 2660—2019 §2.1, "年度报告
    统计时间段为上一年度1月1日至12月31日") is to state it in the introduction. Evaluators flag
    a missing or wrong period.

    Failing example:
    根据《条例》规定，现公布本机关2023年政府信息公开工作年度报告。   (no period)

    Passing example:
    本报告所列数据的统计期限为2023年1月1日至2023年12月31日。

    Options:
    None.
    """
    if report.period is None and report.has_report_content:
        first = report.sections[0].span if report.sections else Span(1, 1, 1, 1)
        yield Violation(
            "未说明统计期限，应写明「本报告所列数据的统计期限为X年1月1日至X年12月31日」",
            Span(1, 1, 1, 1) if first.line > 1 else first,
        )


@rule("GOV402", "period-not-calendar-year", "统计期限不是报告年度的1月1日至12月31日", "error")
def period_not_calendar_year(report, options):
    """The statistics period is not 1 January – 31 December of one year.

    What it checks:
    The stated period must start on 1 January and end on 31 December of the same year (an
    end date written without its year, 至12月31日, counts as that year). Whether that year is
    the report year is checked by GOV403.

    Why:
    The annual report covers one calendar year (条例 第四十九条: the report on the previous
    year's work); a period that starts or ends elsewhere makes the figures incomparable with
    other reports and with last year's.

    Failing example:
    本报告所列数据的统计期限为2023年1月1日至2023年11月30日。

    Passing example:
    本报告所列数据的统计期限为2023年1月1日至2023年12月31日。

    Options:
    None.
    """
    period = report.period
    if period is None:
        return
    start, end = period.start.date, period.end.date
    if start is None or end is None:
        return  # malformed or impossible dates are reported by GOV404/GOV405
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31) and start.year == end.year:
        return
    yield Violation(
        f"统计期限为{_cn_date(start)}至{_cn_date(end)}，应为同一年度的1月1日至12月31日",
        period.span,
    )


@rule("GOV403", "year-mismatch", "标题、统计期限与正文中的报告年度不一致", "error")
def year_mismatch(report, options):
    """The title, the statistics period and the introduction name different report years.

    What it checks:
    The year in the title (…2023年政府信息公开工作年度报告), the year of the statistics period,
    the year in the introduction (现公布…2023年…年度报告) and the page's title field, where
    present, must all be the same.

    Why:
    A report whose title says one year and whose period says another is usually last year's
    report copied without updating — the 内容雷同 that 国办公开办函〔2021〕30号 names as a
    ground for accountability — and readers cannot tell which year the figures describe.

    Failing example:
    某局2023年政府信息公开工作年度报告 … 统计期限为2022年1月1日至2022年12月31日

    Passing example:
    某局2023年政府信息公开工作年度报告 … 统计期限为2023年1月1日至2023年12月31日

    Options:
    None.
    """
    mentions = [m for m in report.year_mentions if m.source in SOURCE_NAMES]
    if not mentions:
        return
    reference = next((m for m in mentions if m.source == "title"), mentions[0])
    reported = set()
    for mention in mentions:
        if mention.year == reference.year or (mention.source, mention.year) in reported:
            continue
        reported.add((mention.source, mention.year))
        yield Violation(
            f"{SOURCE_NAMES[mention.source]}中的年份（{mention.year}年）与{SOURCE_NAMES[reference.source]}中的年份"
            f"（{reference.year}年，第{reference.span.line}行）不一致",
            mention.span,
        )


@rule("GOV404", "malformed-date", "日期格式不正确", "warning")
def malformed_date(report, options):
    """A date where one is expected cannot be read as a date.

    What it checks:
    The signature date at the end of the report, the publication date (发布时间/发布日期) and
    the dates of the statistics period must be complete dates (2021年1月7日, 2021-01-07).
    Damaged forms such as 20211月7 (year and month run together, 日 missing) are reported.

    Why:
    The signature date is the date the organ issues the report, and the publication date is
    judged against the deadline of 条例 第四十九条; a date that cannot be read cannot show
    that the deadline was met, and looks careless in an official document.

    Failing example:
    某乡人民政府
    20211月7

    Passing example:
    某乡人民政府
    2021年1月7日

    Options:
    None.
    """
    for mention in report.dates:
        if mention.problem == "malformed":
            yield Violation(f"{_role(mention)}「{mention.raw}」格式不正确，应写作完整日期（如「2021年1月7日」）", mention.span)


@rule("GOV405", "impossible-date", "日期不存在", "error")
def impossible_date(report, options):
    """A date names a day that does not exist.

    What it checks:
    Every complete date in the report (年月日 or 2021-01-07 forms): month 1–12 and a day that
    exists in that month and year (no 2月30日, no 4月31日, 2月29日 only in leap years).

    Why:
    An impossible date in an official document is a typing error that evaluators count
    against the report; when it is the signature or the period it also makes the deadline
    and the statistics period unverifiable.

    Failing example:
    2024年2月30日

    Passing example:
    2024年2月29日

    Options:
    None.
    """
    for mention in report.dates:
        if mention.problem == "impossible":
            yield Violation(f"{_role(mention)}「{mention.raw}」不存在", mention.span)


@rule(
    "GOV406",
    "late-publication",
    "发布日期晚于条例规定的期限",
    "warning",
    options=[
        Option("department-deadline", "str", STATUTORY_DEADLINES["department"],
               "MM-DD: deadline for 县级以上人民政府部门 (条例 第四十九条).",
               pattern=r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"),
        Option("government-deadline", "str", STATUTORY_DEADLINES["government"],
               "MM-DD: deadline for a government's own report.",
               pattern=r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"),
        Option("township-deadline", "str", "", "MM-DD for 乡镇/街道 reports (set by local notices); empty: not checked.",
               pattern=r"((0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?"),
        Option("issuer-kind", "str", "auto", "auto (from the issuer's name), department, government or township.",
               choices=("auto", "department", "government", "township")),
    ],
)
def late_publication(report, options):
    """The report was published after the deadline of 条例 第四十九条.

    What it checks:
    The publication date (发布时间/发布日期; if there is none, the signature date, which cannot
    be later than publication) against the deadline in the year after the report year:
    31 January for 县级以上人民政府部门, 31 March for a government's own report (published by
    its 政府信息公开工作主管部门). "前" is read as inclusive. The kind of issuer is taken from its
    name (…局/…委员会/…办公室 → department; …人民政府 → government); townships and street
    offices are not covered by 第四十九条 and are checked only if ``township-deadline`` is set.
    When the kind cannot be told, nothing is reported. Reports for 2018 and earlier were due
    under the 2008 条例 (第三十一条): 31 March for every body, whatever its kind.

    Why:
    条例 第四十九条: 县级以上人民政府部门 publish the previous year's report 每年1月31日前, and the
    主管部门 publish the government's report 每年3月31日前. 国办公开办函〔2021〕30号 names "不按时
    发布" as a ground for accountability.

    Failing example:
    某市交通运输局2023年政府信息公开工作年度报告 … 发布时间：2024-02-20

    Passing example:
    某市交通运输局2023年政府信息公开工作年度报告 … 发布时间：2024-01-26

    Options:
    department-deadline (str "MM-DD", default 01-31); government-deadline (str, default 03-31);
    township-deadline (str, default empty = not checked); issuer-kind (auto, department,
    government or township; default auto).
    """
    if report.year is None:
        return
    mention = report.published if report.published and report.published.date else None
    basis = "发布日期"
    if mention is None and report.signed is not None and report.signed.date:
        mention, basis = report.signed, "落款日期"
    if mention is None:
        return
    if templates.expected_template(report.year) == templates.LEGACY:
        yield from _late_under_old_regulation(report, mention, basis)
        return
    kind = options["issuer-kind"] if options["issuer-kind"] != "auto" else issuer_kind(report.issuer)
    deadline_text = {
        "department": options["department-deadline"],
        "government": options["government-deadline"],
        "township": options["township-deadline"],
    }.get(kind or "", "")
    if not deadline_text:
        return
    month, day = (int(x) for x in deadline_text.split("-"))
    try:
        deadline = dt.date(report.year + 1, month, day)
    except ValueError:
        return
    if mention.date > deadline:
        who = {"department": "政府部门", "government": "人民政府", "township": "乡镇（街道）"}[kind]
        source = "条例第四十九条" if STATUTORY_DEADLINES.get(kind) == deadline_text else f"配置项 {kind}-deadline"
        yield Violation(
            f"{basis}为{_cn_date(mention.date)}，晚于{who}年度报告的发布期限{_cn_date(deadline)}（{source}）",
            mention.span,
        )


def _late_under_old_regulation(report, mention, basis):
    """Reports for 2018 and earlier: every body published by 31 March (2008 条例 第三十一条)."""
    month, day = templates.LEGACY_DEADLINE
    deadline = dt.date(report.year + 1, month, day)
    if mention.date > deadline:
        yield Violation(
            f"{basis}为{_cn_date(mention.date)}，晚于{report.year}年度报告的发布期限{_cn_date(deadline)}"
            "（2008年施行的条例第三十一条：每年3月31日前）",
            mention.span,
        )


@rule("GOV407", "missing-year", "无法确定报告年度", "error")
def missing_year(report, options):
    """The report year cannot be determined.

    What it checks:
    That the report year is stated somewhere govlint looks for it: the title
    (…2023年政府信息公开工作年度报告), the statistics period, or the introduction (现公布…2023年
    政府信息公开工作年度报告).

    Why:
    An annual report that does not say which year it covers cannot be filed, compared or
    checked against the right format and deadline.

    Failing example:
    政府信息公开工作年度报告 … (no year anywhere)

    Passing example:
    某局2023年政府信息公开工作年度报告

    Options:
    None.
    """
    if report.year is None and report.has_report_content:
        yield Violation("无法确定报告年度：标题、统计期限和引言中都没有写明报告年份", Span(1, 1, 1, 1))


@rule("GOV408", "premature-date", "发布或落款日期早于统计期限结束", "warning")
def premature_date(report, options):
    """The publication or signature date is before the end of the statistics period.

    What it checks:
    The publication date and the signature date must be after the last day the report
    covers (the end of its statistics period, else 31 December of the report year).

    Why:
    A report dated before its year is over cannot contain the year's full figures; it is
    usually a wrong year in the date (2023年1月20日 for 2024年1月20日) or a copied report.

    Failing example:
    (a 2023 report) 2023年1月20日

    Passing example:
    (a 2023 report) 2024年1月20日

    Options:
    None.
    """
    end = report.period.end.date if report.period is not None else None
    what = "统计期限结束日"
    if end is None and report.year is not None:
        end, what = dt.date(report.year, 12, 31), "报告年度最后一天"
    if end is None:
        return
    for mention in (report.published, report.signed):
        if mention is None or mention.date is None:
            continue
        if mention.date <= end:
            when = f"{what}（{_cn_date(end)}）"
            relation = f"早于{when}" if mention.date < end else f"与{when}同日"
            yield Violation(
                f"{_role(mention)}为{_cn_date(mention.date)}，{relation}，报告年度或日期可能写错",
                mention.span,
            )


RULES = [
    missing_period,
    period_not_calendar_year,
    year_mismatch,
    malformed_date,
    impossible_date,
    late_publication,
    missing_year,
    premature_date,
]
