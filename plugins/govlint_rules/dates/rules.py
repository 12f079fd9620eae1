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
    """未说明统计期限。

    检查内容：
    有一句话说明数据所涵盖的期间，常见写法都接受：统计期限为2023年1月1日至2023年12月31日、统计时限
    自…起至…止、起止时间为…、统计期限从…到12月31日止 …

    原因：
    表格中的数字只有在说明了期间时才有意义；国家和各省报告的惯例（以及四川地方标准 DB51/T 2660—2019
    第2.1条：「年度报告统计时间段为上一年度1月1日至12月31日」）是在引言中说明。评估机构会指出缺少
    或错误的统计期限。

    错误示例：
    根据《条例》规定，现公布本机关2023年政府信息公开工作年度报告。   （没有统计期限）

    正确示例：
    本报告所列数据的统计期限为2023年1月1日至2023年12月31日。

    选项：
    无。
    """
    if report.period is None and report.has_report_content:
        first = report.sections[0].span if report.sections else Span(1, 1, 1, 1)
        yield Violation(
            "未说明统计期限，应写明「本报告所列数据的统计期限为X年1月1日至X年12月31日」",
            Span(1, 1, 1, 1) if first.line > 1 else first,
        )


@rule("GOV402", "period-not-calendar-year", "统计期限不是报告年度的1月1日至12月31日", "error")
def period_not_calendar_year(report, options):
    """统计期限不是同一年的1月1日至12月31日。

    检查内容：
    所说明的统计期限必须从1月1日开始、到同一年的12月31日结束（结束日期不写年份，如「至12月31日」，
    按同一年计）。这一年是否为报告年度由 GOV403 检查。

    原因：
    年度报告涵盖一个日历年度（条例第四十九条：上一年度的工作情况）；起止日期不对，数字就无法与其他
    报告和上一年度的报告比较。

    错误示例：
    本报告所列数据的统计期限为2023年1月1日至2023年11月30日。

    正确示例：
    本报告所列数据的统计期限为2023年1月1日至2023年12月31日。

    选项：
    无。
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
    """标题、统计期限与正文中的报告年度不一致。

    检查内容：
    标题中的年份（…2023年政府信息公开工作年度报告）、统计期限的年份、引言中的年份
    （现公布…2023年…年度报告）和页面的标题字段（如果有）必须一致。

    原因：
    标题是一个年份、统计期限是另一个年份的报告，通常是照抄上一年度的报告而没有更新——国办公开办函
    〔2021〕30号列为追责情形的「内容雷同」——读者也无法判断数字是哪一年的。

    错误示例：
    某局2023年政府信息公开工作年度报告 … 统计期限为2022年1月1日至2022年12月31日

    正确示例：
    某局2023年政府信息公开工作年度报告 … 统计期限为2023年1月1日至2023年12月31日

    选项：
    无。
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
    """应为日期之处无法读作日期。

    检查内容：
    报告末尾的落款日期、发布日期（发布时间/发布日期）和统计期限的日期必须是完整的日期（2021年1月7日、
    2021-01-07）。残缺的写法，如「20211月7」（年和月连在一起、缺「日」），报告此项。

    原因：
    落款日期是机关印发报告的日期，发布日期要对照条例第四十九条的期限判断；无法读取的日期不能证明
    按期发布，在正式公文中也显得粗疏。

    错误示例：
    某乡人民政府
    20211月7

    正确示例：
    某乡人民政府
    2021年1月7日

    选项：
    无。
    """
    for mention in report.dates:
        if mention.problem == "malformed":
            yield Violation(f"{_role(mention)}「{mention.raw}」格式不正确，应写作完整日期（如「2021年1月7日」）", mention.span)


@rule("GOV405", "impossible-date", "日期不存在", "error")
def impossible_date(report, options):
    """日期不存在。

    检查内容：
    报告中每个完整的日期（年月日或 2021-01-07 形式）：月份为1–12，日为该年该月存在的日（没有2月30日、
    4月31日，2月29日只在闰年）。

    原因：
    正式公文中不存在的日期是录入错误，评估机构会扣分；如果是落款日期或统计期限，发布期限和统计期限
    也就无法核实。

    错误示例：
    2024年2月30日

    正确示例：
    2024年2月29日

    选项：
    无。
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
    """发布日期晚于条例第四十九条规定的期限。

    检查内容：
    发布日期（发布时间/发布日期；没有时用落款日期，落款不会晚于发布）与报告年度次年的期限比较：县级
    以上人民政府部门为1月31日，人民政府本级的报告（由其政府信息公开工作主管部门发布）为3月31日。「前」
    按含当日理解。发布机关的类别按名称判断（…局/…委员会/…办公室 → 部门；…人民政府 → 政府）；乡镇和
    街道办事处不适用第四十九条，只有设置了 ``township-deadline`` 才检查。类别无法判断时不报告。2018年度
    及以前的报告适用2008年条例（第三十一条）：无论哪类机关，期限都是3月31日。

    原因：
    条例第四十九条：县级以上人民政府部门应当在每年1月31日前公布上一年度的年度报告，主管部门应当在每年
    3月31日前公布本级政府的年度报告。国办公开办函〔2021〕30号把「不按时发布」列为追责情形。

    错误示例：
    某市交通运输局2023年政府信息公开工作年度报告 … 发布时间：2024-02-20

    正确示例：
    某市交通运输局2023年政府信息公开工作年度报告 … 发布时间：2024-01-26

    选项：
    department-deadline（str「MM-DD」，默认 01-31）；government-deadline（str，默认 03-31）；
    township-deadline（str，默认为空 = 不检查）；issuer-kind（auto、department、government 或 township；
    默认 auto）。
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
    """无法确定报告年度。

    检查内容：
    报告年度是否写在 govlint 查找的位置之一：标题（…2023年政府信息公开工作年度报告）、统计期限或引言
    （现公布…2023年政府信息公开工作年度报告）。

    原因：
    不说明是哪一年的年度报告，就无法归档、比较，也无法对照正确的格式和期限检查。

    错误示例：
    政府信息公开工作年度报告 …（任何地方都没有年份）

    正确示例：
    某局2023年政府信息公开工作年度报告

    选项：
    无。
    """
    if report.year is None and report.has_report_content:
        yield Violation("无法确定报告年度：标题、统计期限和引言中都没有写明报告年份", Span(1, 1, 1, 1))


@rule("GOV408", "premature-date", "发布或落款日期早于统计期限结束", "warning")
def premature_date(report, options):
    """发布或落款日期早于统计期限结束。

    检查内容：
    发布日期和落款日期必须晚于报告涵盖的最后一天（统计期限的结束日期，没有时为报告年度的12月31日）。

    原因：
    在年度结束之前就注明日期的报告不可能包含全年数字；通常是日期中的年份写错了（把2024年1月20日写成
    2023年1月20日）或是照抄的报告。

    错误示例：
    （2023年度报告）2023年1月20日

    正确示例：
    （2023年度报告）2024年1月20日

    选项：
    无。
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
