"""Rules about the national format: the right one for the year, used consistently and completely."""

from __future__ import annotations

from govlint.api import Span, Violation, rule, templates

FORMAT_NAMES = templates.TEMPLATE_NAMES


def _where(evidence) -> str:
    return f"「{evidence.label}」（第{evidence.span.line}行）" if evidence.span else f"「{evidence.label}」"


def _expected_format(report) -> str | None:
    """The format the report's tables should follow: detected, else implied by the year."""
    if report.template in ("2019", "2021"):
        return report.template
    if report.year is not None:
        expected = templates.expected_template(report.year)
        return expected if expected in ("2019", "2021") else None
    return None


@rule("GOV101", "template-year-mismatch", "报告年度与所用格式不符", "error", templates=(templates.FORMAT_2019, templates.FORMAT_2021, templates.LEGACY))
def template_year_mismatch(report, options):
    """The report uses the 2019 format for 2021 or later, or the 2021 format for 2019–2020.

    What it checks:
    The report year (from the title, the statistics period or the introduction) against the
    format its tables follow: report years 2019–2020 use the 2019 format
    (国办公开办函〔2019〕60号), 2021 and later the revised format (国办公开办函〔2021〕30号).
    The format is recognised by labels of its tables that exist in only one of them (本年新制作数量
    vs 本年制发件数, 上一年项目数量 vs 本年处理决定数量, 第二十条第（九）项 …); a 2019 or later
    report in the pre-2019 layout (the old statistics table 指标名称 | 计量单位 | 本年度 | 历年累计)
    is reported too.

    Why:
    条例 第五十条 says the national format is updated from time to time and must be used;
    the 2021 format changed the tables of section 二 and 三. A 2021+ report in the old format
    omits required data (本年废止件数, 现行有效件数, 本年收费金额) and cannot be compared.

    Failing example:
    （a 2023 report）第二十条第（一）项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量

    Passing example:
    （a 2023 report）第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数

    Options:
    None.
    """
    if report.year is None:
        return
    expected = templates.expected_template(report.year)
    if expected not in ("2019", "2021") or expected == report.template:
        return
    candidates = [e for e in report.template_evidence if e.template == report.template]
    # The old statistics table is the strongest sign of the old layout: point at it.
    used = next((e for e in candidates if e.label == templates.LEGACY_TABLE_EVIDENCE), None) or (
        candidates[0] if candidates else None
    )
    example = f"（如{_where(used)}）" if used else ""
    yield Violation(
        f"报告年度为{report.year}年，应使用{templates.FORMAT_DOCUMENTS[expected]}规定的{FORMAT_NAMES[expected]}，"
        f"但{'报告' if report.template == templates.LEGACY else '表格'}使用的是{FORMAT_NAMES[report.template]}{example}",
        used.span if used else None,
    )


@rule("GOV102", "template-mixed", "同一报告混用两种格式的标签", "warning", templates=templates.NATIONAL)
def template_mixed(report, options):
    """Labels of both national formats occur in one report.

    What it checks:
    Whether the report contains labels that exist only in the 2019 format and labels that
    exist only in the 2021 format (for example the 2021 columns of 第二十条第（一）项 with the
    2019 第二十条第（九）项 procurement table still attached).

    Why:
    A half-updated template shows the tables were copied from an old report and edited by
    hand; some required rows or columns are then usually missing or mislabelled
    (国办公开办函〔2021〕30号: "严格按照格式").

    Failing example:
    第二十条第（一）项 … 本年制发件数 … 第二十条第（九）项 … 采购总金额

    Passing example:
    第二十条第（一）项 … 本年制发件数 … 第二十条第（八）项 … 本年收费金额（单位：万元）

    Options:
    None.
    """
    old = [e for e in report.template_evidence if e.template == "2019"]
    new = [e for e in report.template_evidence if e.template == "2021"]
    if not old or not new:
        return
    minority = old if len(old) <= len(new) else new
    yield Violation(
        f"同一报告中混用了两种格式的标签：2019年格式如{_where(old[0])}，2021年格式如{_where(new[0])}",
        minority[0].span,
    )


@rule("GOV103", "nonstandard-label", "表格标题、行或列标签与格式规定的文字不一致", "warning", templates=templates.NATIONAL)
def nonstandard_label(report, options):
    """A table caption, row label or column label differs from the official wording.

    What it checks:
    Every caption (第二十条第（一）项 …), row label and column label of the tables in sections
    二 and 三 against the format's wording, ignoring punctuation, brackets, width and spaces.
    Labels matched only by similarity (typos, local wording) and column titles that cannot be
    found are reported; the table is still read using the matched labels. A table's header is
    reported once, naming every column title that differs or is missing.

    Why:
    The format fixes the labels so that every report can be read the same way (国办公开办函
    〔2021〕30号). A changed label may also change the meaning of the row: ``规范性文件`` is not
    ``行政规范性文件``.

    Failing example:
    2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0

    Passing example:
    2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0

    Options:
    None.
    """
    allowed = report.allowances  # wordings an enabled province pack prescribes (武汉's header)
    for table in report.tables.all():
        name = templates.table_name(table.key)
        if table.caption and table.caption_similarity < 1.0 and table.key.startswith("item"):
            yield Violation(f"{name}的标题「{table.caption}」与格式规定的「{table.official_caption}」不一致", table.span)
        if table.key != "review_litigation":
            header = _header_problem(table, allowed)
            if header is not None:
                yield header
        for row in table.rows:
            if (row.status != "missing" and row.similarity < 1.0 and table.key != "review_litigation"
                    and not allowed.allows_label(table.key, row.label)):
                yield Violation(f"{name}的行标签「{row.label}」与格式规定的「{row.official_label}」不一致", row.span)


def _header_problem(table, allowed) -> Violation | None:
    """One finding for a table's header: every column title missing or worded differently.

    A garbled or truncated header is one problem, however many column titles it affects.
    Wordings a province pack accepts (``allowed``) are not differences.
    """
    name = templates.table_name(table.key)
    missing = [c.label for c in table.columns if c.found_label is None]
    differing = [c for c in table.columns if c.found_label is not None and c.similarity < 1.0
                 and not allowed.allows_label(table.key, c.found_label)]
    if not missing and not differing:
        return None
    parts = []
    if differing:
        parts.append("、".join(f"「{c.found_label}」应为「{c.label}」" for c in differing))
    if missing:
        parts.append(f"未找到「{'」「'.join(missing)}」（表头缺失、被截断或措辞不同）")
    span = differing[0].span if differing and not missing else table.span
    return Violation(f"{name}的列标题与格式规定的不一致：{'；'.join(parts)}", span)


@rule("GOV104", "missing-table", "缺少格式规定的统计表", "error", templates=templates.NATIONAL)
def missing_table(report, options):
    """A statistical table of the format is missing.

    What it checks:
    That section 二 contains every 第二十条 table of the report's format (2019: （一）（五）（六）
    （八）（九）; 2021: （一）（五）（六）（八）), and that sections 三 and 四 contain their tables.
    A missing section is reported by GOV201 instead.

    Why:
    条例 第五十条 requires the report to state its proactive disclosure, the applications it
    received and handled, and the administrative reconsideration and litigation cases; the
    format fixes these as tables, and "不能遗漏" (国办公开办函〔2021〕30号).

    Failing example:
    三、收到和处理政府信息公开申请情况
    本年度共收到申请12件，均已按期答复。   (no table)

    Passing example:
    三、收到和处理政府信息公开申请情况 followed by the 25-row table of the format

    Options:
    None.
    """
    fmt = _expected_format(report)
    if fmt is None:
        return
    section_2 = report.section(2)
    if section_2 is not None:
        present = {t.key for t in report.tables.active_disclosure}
        for spec in templates.FORMATS[fmt].active:
            if spec.key not in present:
                yield Violation(f"第二部分缺少「{spec.caption}」表（{FORMAT_NAMES[fmt]}）", section_2.span)
    section_3 = report.section(3)
    if section_3 is not None and report.tables.applications is None:
        yield Violation("第三部分缺少「收到和处理政府信息公开申请情况」统计表", section_3.span)
    section_4 = report.section(4)
    if section_4 is not None and report.tables.review_litigation is None:
        yield Violation("第四部分缺少行政复议、行政诉讼情况统计表（行政复议与两类行政诉讼各5项，共15个数值）", section_4.span)


@rule("GOV105", "missing-row", "统计表缺少格式规定的行", "error", templates=templates.NATIONAL)
def missing_row(report, options):
    """A row of a statistical table is missing.

    What it checks:
    Every row of the format's tables (for example the five sub-items of （五）不予处理, or the
    three sub-items of the 2021 （六）其他处理) must be present, even when its values are 0.

    Why:
    Dropping zero rows ("应报尽报") hides which categories were considered and breaks the
    fixed layout readers and evaluators rely on; provincial notices forbid "擅自删减报告事项".

    Failing example:
    （五）不予处理 1.信访举报投诉类申请 … 2.重复申请 … 3.要求提供公开出版物 … （六）其他处理 …

    Passing example:
    … 3.要求提供公开出版物 … 4.无正当理由大量反复申请 … 5.要求行政机关确认或重新出具已获取信息 …

    Options:
    None.
    """
    if report.allowances.supersedes("GOV105"):
        return  # a province pack's complete-rows rule reports these rows with its own basis
    for table in report.tables.all():
        previous = None
        run: list = []  # consecutive missing rows: one gap, one finding
        for row in table.rows + [None]:
            if row is not None and row.status == "missing":
                run.append(row)
                continue
            if run:
                yield _missing_rows(table, run, previous)
                run = []
            previous = row
    yield from _missing_other_items(report)


def _missing_rows(table, rows, previous) -> Violation:
    """One finding for rows missing one after another (a dropped group of sub-rows)."""
    if previous is not None and previous.span:
        span = Span(previous.span.end_line, 1, previous.span.end_line, 1)
        after = f"（应在「{previous.label or previous.official_label}」之后）"
    else:
        span, after = table.span, ""
    names = "」「".join(row.official_label for row in rows)
    count = f"共{len(rows)}行" if len(rows) > 1 else "行"
    return Violation(f"{templates.table_name(table.key)}缺少「{names}」{count}{after}", span)


def _missing_other_items(report):
    """A 2021-format report whose section 三 table has the 2019 single （六）其他处理 data row.

    The parser reads the table with whichever format's rows fit it best, so such a table is
    read as a complete 2019 table; judged against the report's format, the three 2021
    sub-items of （六）其他处理 are missing.
    """
    table = report.tables.applications
    if table is None or _expected_format(report) != "2021" or table.row("other.1") is not None:
        return
    other = table.row("other")
    if other is None or other.status == "missing" or other.span is None:
        return
    span = Span(other.span.end_line, 1, other.span.end_line, 1)
    names = "」「".join(spec.label for spec in templates.APPLICATIONS_2021.rows if spec.key.startswith("other."))
    yield Violation(
        f"{templates.table_name(table.key)}缺少「{names}」共3行（应在「{other.label}」之后；"
        f"{FORMAT_NAMES['2021']}将（六）其他处理分为三项分别填报）",
        span,
    )


@rule("GOV106", "unexpected-row", "统计表中有格式之外的行", "warning", templates=templates.NATIONAL)
def unexpected_row(report, options):
    """A labelled row that the format does not have appears in a table.

    What it checks:
    Text followed by numbers inside a table that matches none of the format's row labels,
    for example a province's additional row (其他主动公开文件) or a subtotal row.

    Why:
    Extra rows change the layout fixed by the format; sums taken by readers and tools may
    include them twice. Province-specific rows belong to a province rule pack, which can
    allow them.

    Failing example:
    规章 | 0 | 0 | 0
    其他主动公开文件 | 3 | 0 | 12

    Passing example:
    规章 | 0 | 0 | 0
    行政规范性文件 | 3 | 0 | 12

    Options:
    None.
    """
    for table in report.tables.all():
        for row in table.extra_rows:
            if report.allowances.allows_row(table.key, row.label):
                continue  # a row the province's format adds (湖北 2020: 其他主动公开文件)
            values = "、".join(c.raw for c in row.found_cells)
            yield Violation(f"{templates.table_name(table.key)}中有格式之外的行「{row.label}」（{values}）", row.span)


@rule("GOV107", "template-unknown", "无法判断报告使用的格式", "warning", templates=(templates.UNKNOWN,))
def template_unknown(report, options):
    """The format of the report cannot be determined.

    What it checks:
    Whether the tables contain any label that exists in only one of the two national formats
    (domain signals such as 本年新制作数量, 本年制发件数, 本年处理决定数量, 采购总金额). Reports
    for 2018 and earlier (free-form, before the national format) are not reported.

    Why:
    Without the format, govlint cannot tell which rows and columns the tables must have, and
    the report is likely missing its section-二 tables altogether.

    Failing example:
    二、主动公开政府信息情况 全年公开信息120条。   (no table)

    Passing example:
    二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 …

    Options:
    None.
    """
    if report.year is not None and templates.expected_template(report.year) == "legacy":
        return  # free-form reports of 2018 and earlier predate the national format
    if report.template == "unknown" and report.has_report_content:
        yield Violation(
            "无法判断报告使用的是2019年格式还是2021年格式：表格中没有任一格式特有的标签（如「本年新制作数量」或「本年制发件数」）",
            report.sections[0].span if report.sections else None,
        )


RULES = [
    template_year_mismatch,
    template_mixed,
    nonstandard_label,
    missing_table,
    missing_row,
    unexpected_row,
    template_unknown,
]
