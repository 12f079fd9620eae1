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
    """The file contains neither the sections nor the tables of an annual report.

    What it checks:
    Whether any of the six section titles (一、总体情况 … 六、其他需要报告的事项) or any of the
    statistical tables of sections 二–四 was found.

    Why:
    条例 第五十条 and the national format (国办公开办函〔2021〕30号) fix the content of the
    annual report. A file with none of it is either not a report (a notice, a navigation page
    captured by a crawler) or so damaged that no other check is meaningful.

    Failing example:
    关于做好2023年政府信息公开工作年度报告编制工作的通知 … (a notice, not a report)

    Passing example:
    一、总体情况 … 二、主动公开政府信息情况 … (the six sections)

    Options:
    None.
    """
    if not report.has_report_content:
        yield Violation("未找到年度报告的任何部分标题（如「一、总体情况」）或统计表，文件可能不是政府信息公开工作年度报告")


@rule("GOV003", "legacy-encoding", "文件不是 UTF-8 编码（按 GB18030/GBK 解码）", "info")
def legacy_encoding(report, options):
    """The file was decoded as GB18030/GBK rather than UTF-8.

    What it checks:
    The encoding the reader had to use. UTF-8 (with or without BOM) passes; a file that
    only decodes as GB18030 (which includes GBK and GB2312) is reported.

    Why:
    GBK files display as mojibake on systems that assume UTF-8 (web servers, Git hosting,
    crawlers of evaluators), so a report kept in GBK is read wrongly by its readers even when
    its content is right. govlint still checks it.

    Failing example:
    A report saved by an old editor in GBK (ANSI on a Chinese Windows system).

    Passing example:
    The same report saved as UTF-8.

    Options:
    None.
    """
    if report.document.encoding == "gb18030":
        yield Violation("文件按 GB18030/GBK 编码解码，建议另存为 UTF-8 以免在网站和其他系统中显示乱码", Span(1, 1, 1, 1))


@rule("GOV004", "table-unreadable", "表格数字连在一起，无法唯一拆分为单元格", "error")
def table_unreadable(report, options):
    """A table's cells cannot be read: its digits ran together with no unique split.

    What it checks:
    Rows whose numbers were published without separators (typical of text captured by a
    crawler: ``行政规范性文件6233440``) and could not be split into the row's cells in exactly
    one way, using the row's own 总计 and the table's column totals. govlint never guesses a
    number, so such a row is reported here and left out of the arithmetic checks.

    Why:
    A published table whose cells cannot be told apart cannot be read by the public or by
    evaluators; 国办公开办函〔2021〕30号 requires the content to be 准确全面. It usually means
    the page's table markup was lost (a web-page or PDF conversion problem) and the
    publication should be fixed.

    Failing example:
    第二十条第（一）项 … 行政规范性文件6233440  (62|33|440? 6|233|440? — not unique)

    Passing example:
    行政规范性文件 | 62 | 33 | 440

    Options:
    None.
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
    """A table row has fewer or more values than the format has columns.

    What it checks:
    Each row of the tables in sections 二–四 against the number of columns of the format
    (7 in section 三, 15 values in section 四). When the count is wrong the values cannot be
    assigned to columns without guessing, so the row's cells are treated as unknown: the
    identities that use them are not checked, and the next row is not affected.

    Why:
    A missing or extra cell shifts every following number when the table is read by a
    person or a program; evaluators count such "拆格/错格" as wrong data. The format
    (国办公开办函〔2021〕30号) fixes the columns of each table.

    Failing example:
    1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 |     (6 values, 7 columns)

    Passing example:
    1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Options:
    None.
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
    """A cell that must hold a number is blank, a dash, a slash or text.

    What it checks:
    Every cell of the tables in sections 二–四 (rows read completely) must be a number;
    ``/``, ``-``, ``—``, ``无`` or an empty cell are reported, once per table with the count and
    the first cells named; tables without any number at all are reported together in one
    finding (a blank template). A blank 总计 whose parts are filled is reported by GOV307
    instead. Arithmetic identities that use such a cell are not checked.

    Why:
    The format asks for counts in every cell; "无" or "/" leaves readers guessing whether
    the value is zero, unknown or not applicable, and evaluators cannot verify the
    勾稽关系. Write 0 when there is nothing to count.

    Failing example:
    规章 | / | / | /

    Passing example:
    规章 | 0 | 0 | 0

    Options:
    None.
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
    """Cells were recovered from run-together digits using the table's totals.

    What it checks:
    Rows whose digits ran together (``21710000218``) but could be split in exactly one way
    that satisfies the row's 总计 (and, where needed, the column identities). One finding per
    report lists, per table, the first rows. The values are used for the other checks and marked
    ``inferred`` in ``govlint extract``.

    Why:
    The published page still shows the numbers run together, which readers cannot parse;
    the inferred values are reported so that a person can confirm them against the source.

    Failing example:
    一、本年新收政府信息公开申请数量21710000218

    Passing example:
    一、本年新收政府信息公开申请数量 | 217 | 1 | 0 | 0 | 0 | 0 | 218

    Options:
    None.
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
    """Visible text inside the page's article was left out of the report text.

    What it checks:
    What the reader left out *inside* the article element of an HTML page: elements that
    hold visible text but are hidden (``display:none``, ``hidden``), marked as page
    furniture by their element, role, class or id (a share bar, a ``<nav>`` or ``<footer>``
    inside the article) or are form controls. One finding per file gives the number of such
    blocks, their characters (whitespace excluded) and where the first starts. Page
    furniture outside the article (menus, breadcrumbs, site footers) is not counted, nor is
    markup that carries no visible text (scripts, styles, empty hidden paragraphs).

    Why:
    govlint only checks what it reads. A report paragraph that the page hides or wraps in a
    widget is not checked, and a finding such as a missing sub-heading may come from text
    the reader did not see; this rule says so instead of losing the text silently. Hidden
    text inside a published report is also worth a look: readers of the page cannot see it.

    Failing example:
    <div class="article"><p>一、总体情况</p><p style="display:none">（二）依申请公开…</p>…</div>

    Passing example:
    <div class="article"><p>一、总体情况</p><p>（二）依申请公开…</p>…</div>

    Options:
    None.
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
    """A table has values that belong to no row or column of it.

    What it checks:
    Numbers (often with a note such as ``（其中修订16件）``) that stand between a table's caption
    and its rows, outside any row: typical of a PDF converted to Markdown or Word, where
    multi-line cells float away from their table. One finding per table quotes them; govlint
    never assigns them to a cell by guessing, so the cells they belong to stay unchecked.

    Why:
    A reader of the published table cannot tell which cell such a value fills, and the table's
    own rows then usually lack it (国办公开办函〔2021〕30号 requires the data to be 准确全面).

    Failing example:
    第二十条第（一）项
    22
    （其中修订 16 件）
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 22 | 235 |

    Passing example:
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 22（其中修订16件） | 0 | 235 |

    Options:
    None.
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
