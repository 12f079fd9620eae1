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
    """报告年度与所用格式不符：2021年及以后的报告用了2019年格式，或2019–2020年度的报告用了2021年格式。

    检查内容：
    报告年度（取自标题、统计期限或引言）与表格所用格式的对应关系：2019–2020年度报告用2019年格式
    （国办公开办函〔2019〕60号），2021年度及以后用修订后的格式（国办公开办函〔2021〕30号）。格式
    按只在其中一种格式中出现的表格标签识别（本年新制作数量与本年制发件数、上一年项目数量与本年
    处理决定数量、第二十条第（九）项 …）；2019年度及以后的报告用了2019年以前的版式（旧统计表
    指标名称 | 计量单位 | 本年度 | 历年累计）也报告。

    原因：
    条例第五十条规定年度报告格式由国务院办公厅政府信息公开工作主管部门适时更新并应当使用；2021年
    格式修改了第二、第三部分的表格。2021年及以后的报告用旧格式，就缺少规定的数据（本年废止件数、
    现行有效件数、本年收费金额），也无法比较。

    错误示例：
    （2023年度报告）第二十条第（一）项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量

    正确示例：
    （2023年度报告）第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数

    选项：
    无。
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
    """同一报告中出现两种国家格式的标签。

    检查内容：
    报告是否既有只存在于2019年格式的标签，又有只存在于2021年格式的标签（例如第二十条第（一）项
    用了2021年的列，却还附着2019年的第二十条第（九）项政府集中采购表）。

    原因：
    只更新了一半的模板说明表格是从旧报告复制后手工修改的，通常有规定的行或列缺失或标错
    （国办公开办函〔2021〕30号：「严格按照格式」）。

    错误示例：
    第二十条第（一）项 … 本年制发件数 … 第二十条第（九）项 … 采购总金额

    正确示例：
    第二十条第（一）项 … 本年制发件数 … 第二十条第（八）项 … 本年收费金额（单位：万元）

    选项：
    无。
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
    """表格标题、行标签或列标签与格式规定的文字不一致。

    检查内容：
    第二、第三部分表格的每个标题（第二十条第（一）项 …）、行标签和列标签与格式规定的文字比较，
    忽略标点、括号、全角半角和空格。只能按相似度匹配的标签（错别字、本地说法）和找不到的列标题
    都报告；表格仍按匹配到的标签读取。一张表的表头报告一次，列出所有不一致或缺失的列标题。

    原因：
    格式规定了标签，以便每份报告都能按同样的方式阅读（国办公开办函〔2021〕30号）。改动的标签还可能
    改变该行的含义：``规范性文件`` 不等于 ``行政规范性文件``。

    错误示例：
    2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0

    正确示例：
    2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0

    选项：
    无。
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
    """缺少格式规定的统计表。

    检查内容：
    第二部分包含报告所用格式的每一张第二十条统计表（2019年格式：（一）（五）（六）（八）（九）；
    2021年格式：（一）（五）（六）（八）），第三、第四部分包含各自的表格。整个部分缺失的由 GOV201
    报告。

    原因：
    条例第五十条要求年度报告说明主动公开、收到和处理申请、行政复议和行政诉讼的情况；格式把这些
    规定为表格，并且「不能遗漏」（国办公开办函〔2021〕30号）。

    错误示例：
    三、收到和处理政府信息公开申请情况
    本年度共收到申请12件，均已按期答复。   （没有表格）

    正确示例：
    三、收到和处理政府信息公开申请情况，后接格式规定的25行表格

    选项：
    无。
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
    """统计表缺少格式规定的行。

    检查内容：
    格式规定的表格的每一行（例如（五）不予处理的5个分项，或2021年格式（六）其他处理的3个分项）
    都必须列出，数值为0也要列出。

    原因：
    删去为0的行（「应报尽报」）就看不出考虑过哪些类别，也破坏了读者和评估机构依赖的固定版式；
    各省的通知禁止「擅自删减报告事项」。

    错误示例：
    （五）不予处理 1.信访举报投诉类申请 … 2.重复申请 … 3.要求提供公开出版物 … （六）其他处理 …

    正确示例：
    … 3.要求提供公开出版物 … 4.无正当理由大量反复申请 … 5.要求行政机关确认或重新出具已获取信息 …

    选项：
    无。
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
    """统计表中有格式之外的带标签的行。

    检查内容：
    表格中后面跟着数字、但与格式的任何行标签都不匹配的文字，例如某省增加的行（其他主动公开文件）
    或小计行。

    原因：
    多出的行改变了格式规定的版式；读者和工具求和时可能把它们重复计算。省里特有的行应由该省的
    规则包处理，规则包可以允许这些行。

    错误示例：
    规章 | 0 | 0 | 0
    其他主动公开文件 | 3 | 0 | 12

    正确示例：
    规章 | 0 | 0 | 0
    行政规范性文件 | 3 | 0 | 12

    选项：
    无。
    """
    for table in report.tables.all():
        for row in table.extra_rows:
            if report.allowances.allows_row(table.key, row.label):
                continue  # a row the province's format adds (湖北 2020: 其他主动公开文件)
            values = "、".join(c.raw for c in row.found_cells)
            yield Violation(f"{templates.table_name(table.key)}中有格式之外的行「{row.label}」（{values}）", row.span)


@rule("GOV107", "template-unknown", "无法判断报告使用的格式", "warning", templates=(templates.UNKNOWN,))
def template_unknown(report, options):
    """无法判断报告使用的格式。

    检查内容：
    表格中是否有只存在于两种国家格式之一的标签（如本年新制作数量、本年制发件数、本年处理决定数量、
    采购总金额）。2018年度及以前的报告（国家统一格式之前，格式不固定）不报告。

    原因：
    不知道格式，govlint 就无法判断表格应有哪些行和列，而且这样的报告很可能整个缺少第二部分的
    表格。

    错误示例：
    二、主动公开政府信息情况 全年公开信息120条。   （没有表格）

    正确示例：
    二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 …

    选项：
    无。
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
