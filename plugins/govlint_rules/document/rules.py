"""Rules about the document as a whole: can it be read, is it a report, how is it encoded."""

from __future__ import annotations

from govlint.api import Span, Violation, rule, templates


def _row_name(table, row) -> str:
    return f"{templates.table_name(table.key)}「{row.label or row.official_label}」行"


def _review_once(table, rows):
    """Section 四's three groups share one run of values: report its problem once."""
    if table.key == "review_litigation":
        return rows[:1]
    return rows


def _subject(table, row) -> str:
    """What a row problem is about: the row, or the whole section-四 table (one value run)."""
    return templates.table_name(table.key) if table.key == "review_litigation" else _row_name(table, row)


def _expected_values(table) -> int:
    """How many values the row (or section 四: the whole table) must have."""
    return len(table.columns) * len(table.rows) if table.key == "review_litigation" else len(table.columns)


@rule("GOV002", "not-a-report", "未找到年度报告的部分标题或统计表", "error")
def not_a_report(report, options):
    """文件中既没有年度报告的部分标题，也没有年度报告的统计表。

    检查内容：
    是否找到六个部分标题（一、总体情况 … 六、其他需要报告的事项）中的任何一个，或第二至第四部分
    的任何一张统计表。

    原因：
    条例第五十条和国家统一格式（国办公开办函〔2021〕30号）规定了年度报告的内容。一个文件如果一项
    都没有，要么不是年度报告（通知、爬虫抓到的导航页），要么损坏严重，其他检查都没有意义。

    错误示例：
    关于做好2023年政府信息公开工作年度报告编制工作的通知 …（是通知，不是报告）

    正确示例：
    一、总体情况 … 二、主动公开政府信息情况 …（六个部分）

    选项：
    无。
    """
    if not report.has_report_content:
        yield Violation("未找到年度报告的任何部分标题（如「一、总体情况」）或统计表，文件可能不是政府信息公开工作年度报告")


@rule("GOV003", "legacy-encoding", "文件不是 UTF-8 编码（按 GB18030/GBK 解码）", "info")
def legacy_encoding(report, options):
    """文件按 GB18030/GBK 而不是 UTF-8 解码。

    检查内容：
    读取时实际使用的编码。UTF-8（带或不带 BOM）通过；只能按 GB18030（包含 GBK 和 GB2312）解码
    的文件报告此项。

    原因：
    在默认 UTF-8 的系统（网站服务器、代码托管平台、评估机构的爬虫）上，GBK 文件显示为乱码，
    即使内容正确，读者也会读错。govlint 仍然检查这类文件。

    错误示例：
    用旧编辑器以 GBK 保存的报告（中文 Windows 下的「ANSI」）。

    正确示例：
    同一份报告另存为 UTF-8。

    选项：
    无。
    """
    if report.document.encoding == "gb18030":
        yield Violation("文件按 GB18030/GBK 编码解码，建议另存为 UTF-8 以免在网站和其他系统中显示乱码", Span(1, 1, 1, 1))


@rule("GOV004", "table-unreadable", "表格数字连在一起，无法唯一拆分为单元格", "error")
def table_unreadable(report, options):
    """表格单元格无法读取：数字连在一起，无法唯一拆分。

    检查内容：
    发布时数字之间没有分隔的行（爬虫抓取的文本常见，如 ``行政规范性文件6233440``），利用本行
    总计和表格各列合计也不能唯一拆分为本行的各个单元格。govlint 从不猜测数字，因此这样的行在此
    报告，并且不参加勾稽关系检查。

    原因：
    单元格无法区分的表格，公众和评估机构都无法读取；国办公开办函〔2021〕30号要求内容准确全面。
    这通常说明网页的表格标记丢失了（网页或 PDF 转换问题），应修正发布的内容。

    错误示例：
    第二十条第（一）项 … 行政规范性文件6233440  （62|33|440？6|233|440？—— 不唯一）

    正确示例：
    行政规范性文件 | 62 | 33 | 440

    选项：
    无。
    """
    for table in report.tables.all():
        bad = [r for r in table.rows if r.status == "unreadable"]
        for row in _review_once(table, bad):
            raw = "".join(c.raw for c in row.found_cells)
            yield Violation(
                f"{_subject(table, row)}的数字连在一起（{raw}），无法唯一拆分为{_expected_values(table)}个单元格；"
                "这些数值未参与核对",
                row.span,
            )


@rule("GOV005", "row-cell-count", "表格行的数值个数与格式不符", "error")
def row_cell_count(report, options):
    """表格行的数值个数多于或少于格式规定的列数。

    检查内容：
    第二至第四部分表格的每一行，与格式规定的列数比较（第三部分7列，第四部分15个数值）。个数不对
    时，不猜测就无法把数值对应到各列，因此该行的单元格按未知处理：用到它们的勾稽关系不检查，
    下一行不受影响。

    原因：
    缺一个或多一个单元格，人或程序读表时后面的数字就全部错位；评估机构把这种「拆格/错格」算作
    数据错误。格式（国办公开办函〔2021〕30号）规定了每张表的列。

    错误示例：
    1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 |     （6个数值，应有7列）

    正确示例：
    1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    选项：
    无。
    """
    for table in report.tables.all():
        # Rows outside the format are GOV106's (with their values): one problem, one finding.
        bad = [r for r in table.rows if r.status in ("short", "long")]
        for row in _review_once(table, bad):
            values = "、".join(c.raw for c in row.found_cells) or "无"
            yield Violation(
                f"{_subject(table, row)}应有{_expected_values(table)}个数值，找到{row.found}个（{values}）；"
                "无法确定缺少或多出的是哪一列，该行数值不参与核对",
                row.span,
            )


@rule("GOV006", "non-numeric-cell", "应填数字的单元格为空、「/」「-」或文字", "warning")
def non_numeric_cell(report, options):
    """应填数字的单元格为空白、破折号、斜杠或文字。

    检查内容：
    第二至第四部分表格（完整读出的行）的每个单元格都应是数字；``/``、``-``、``—``、``无`` 或空白
    单元格都报告，每张表报告一次，给出个数并列出前几个单元格；完全没有数字的表格合并为一条
    诊断报告（空白模板）。分项已填而总计空白的，由 GOV307 报告。用到这类单元格的勾稽关系不检查。

    原因：
    格式要求每个单元格填写数量；写「无」或「/」，读者无法判断是零、未知还是不适用，评估机构也
    无法核对勾稽关系。没有数据时填0。

    错误示例：
    规章 | / | / | /

    正确示例：
    规章 | 0 | 0 | 0

    选项：
    无。
    """
    if report.allowances.supersedes("GOV006"):
        return  # a province pack's complete-rows rule reports these cells with its own basis
    empty_tables = []
    for table in report.tables.all():
        cells, filled = _non_numeric_cells(table)
        if not cells:
            continue
        if not filled:
            empty_tables.append((table, cells))
            continue
        listed = "、".join(
            f"「{row.label or row.official_label}」行「{column.label}」列为「{_shown(cell)}」"
            for row, column, cell in cells[:_LISTED]
        )
        more = f"等{len(cells)}个单元格" if len(cells) > _LISTED else ""
        row, _, cell = cells[0]
        yield Violation(
            f"{templates.table_name(table.key)}有{len(cells)}个单元格未填写数字：{listed}{more}，应填写数字（没有数据时填0）",
            cell.span or row.span,
        )
    if empty_tables:
        names = "、".join(templates.table_name(table.key) for table, _ in empty_tables)
        count = sum(len(cells) for _, cells in empty_tables)
        table, cells = empty_tables[0]
        row, _, cell = cells[0]
        yield Violation(
            f"{names}没有填写任何数字（共{count}个单元格为空白、「/」「-」或文字），应填写数字（没有数据时填0）",
            table.span or cell.span or row.span,
        )


#: How many cells a GOV006 message names before it says how many there are in all.
_LISTED = 5


def _shown(cell) -> str:
    return cell.raw if cell.raw.strip() else "空白"


def _non_numeric_cells(table):
    """The table's cells (in rows read completely) that hold no number, and whether any does.

    A blank total whose parts hold numbers is left out: GOV307 reports that cell (one problem,
    one finding).
    """
    totals = {(id(row), index) for row, index in table.blank_totals()}
    cells, filled = [], False
    for row in table.rows:
        if row.status != "ok":
            continue
        for index, (column, cell) in enumerate(zip(table.columns, row.cells)):
            if cell.kind in ("placeholder", "text", "blank"):
                if (id(row), index) not in totals:
                    cells.append((row, column, cell))
            elif cell.value is not None:
                filled = True
    return cells, filled


@rule("GOV007", "inferred-cells", "连在一起的数字已按总计唯一拆分", "info")
def inferred_cells(report, options):
    """利用表格总计从连在一起的数字中还原出了单元格。

    检查内容：
    数字连在一起（``21710000218``）、但在满足本行总计（必要时还有各列等式）的条件下只有一种拆分
    方法的行。每份报告一条诊断，按表格列出前几行。拆分出的数值用于其他检查，并在
    ``govlint extract`` 中标为 ``inferred``。

    原因：
    发布的页面上数字仍然连在一起，读者无法分辨；报告拆分结果，以便有人对照原件确认。

    错误示例：
    一、本年新收政府信息公开申请数量21710000218

    正确示例：
    一、本年新收政府信息公开申请数量 | 217 | 1 | 0 | 0 | 0 | 0 | 218

    选项：
    无。
    """
    parts, first = [], None
    for table in report.tables.all():
        rows = [r for r in table.rows if r.status == "ok" and any(c.inferred for c in r.cells)]
        if not rows:
            continue
        first = first or rows[0].span
        if table.key == "review_litigation":
            values = "、".join(str(c.value) for r in table.rows for c in r.cells)
            parts.append(f"{templates.table_name(table.key)}按各组总计拆分为：{values}")
            continue
        shown = "；".join(
            f"「{r.label or r.official_label}」{''.join(c.raw for c in r.found_cells)} → {'、'.join(str(c.value) for c in r.cells)}"
            for r in rows[:2]
        )
        more = f"等{len(rows)}行" if len(rows) > 2 else f"共{len(rows)}行"
        parts.append(f"{templates.table_name(table.key)}还原{more}（{shown}）")
    if parts:  # one cause (the page lost its table separators): one finding for the report
        yield Violation("表格的数字连在一起，已按唯一可能的拆分方式还原，请与原文核对：" + "；".join(parts), first)


@rule("GOV008", "dropped-text", "网页正文中有文字未作为报告内容读取", "info")
def dropped_text(report, options):
    """网页正文中有可见文字未作为报告内容读取。

    检查内容：
    HTML 页面的正文（article）元素*之内*被读取器略去的内容：含有可见文字、但被隐藏
    （``display:none``、``hidden``）、按元素、role、class 或 id 属于页面装饰（正文中的分享栏、
    ``<nav>`` 或 ``<footer>``）或者是表单控件的元素。每个文件一条诊断，给出这类块的个数、字数
    （不含空白）和第一处的位置。正文之外的页面装饰（菜单、面包屑导航、网站页脚）不计，不含可见
    文字的标记（脚本、样式、空的隐藏段落）也不计。

    原因：
    govlint 只检查它读到的内容。页面隐藏或包在控件里的报告段落没有被检查，像缺少小标题这样的
    诊断可能就来自读取器没看到的文字；本规则如实说明，而不是静默丢弃这些文字。发布的报告中有
    隐藏文字本身也值得查看：页面的读者看不到它。

    错误示例：
    <div class="article"><p>一、总体情况</p><p style="display:none">（二）依申请公开…</p>…</div>

    正确示例：
    <div class="article"><p>一、总体情况</p><p>（二）依申请公开…</p>…</div>

    选项：
    无。
    """
    dropped = report.document.dropped_text
    if dropped is None:
        return
    document = report.document
    line, column = document.source_position(dropped.offset)
    where = "网页正文" if document.reader == "html" else "正文"
    yield Violation(
        f"{where}中有{dropped.blocks}段文字（共{dropped.characters}字）未作为报告内容读取（如第{line}行）",
        Span(line, column, line, column),
    )


@rule("GOV009", "stray-table-values", "表格中有无法归入任何行或列的数值", "warning")
def stray_table_values(report, options):
    """表格中有无法归入任何行或列的数值。

    检查内容：
    位于表格标题和各行之间、不属于任何一行的数字（常带有「（其中修订16件）」之类的注释）：
    PDF 转为 Markdown 或 Word 时多行单元格脱离表格的典型情况。每张表一条诊断，引用这些数值；
    govlint 从不猜测它们属于哪个单元格，因此相应单元格不检查。

    原因：
    发布的表格的读者无法判断这样的数值填在哪个单元格，而表格本身的各行通常也就缺了它
    （国办公开办函〔2021〕30号要求数据准确全面）。

    错误示例：
    第二十条第（一）项
    22
    （其中修订 16 件）
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 22 | 235 |

    正确示例：
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 22（其中修订16件） | 0 | 235 |

    选项：
    无。
    """
    for table in report.tables.all():
        if not table.stray_cells:
            continue
        values = "、".join(c.raw for c in table.stray_cells)
        first = table.stray_cells[0]
        yield Violation(
            f"{templates.table_name(table.key)}有{len(table.stray_cells)}个数值不在任何行或列中（{values}），"
            "无法确定属于哪个单元格，未参与核对",
            first.span or table.span,
        )


RULES = [
    stray_table_values,
    not_a_report,
    legacy_encoding,
    table_unreadable,
    row_cell_count,
    non_numeric_cell,
    inferred_cells,
    dropped_text,
]
