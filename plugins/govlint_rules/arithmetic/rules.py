"""The arithmetic identities of the tables (勾稽关系), checked only where they are certain.

A cell that could not be read (short row, run-together digits, placeholder) makes the
identities that use it unverifiable, and nothing is said about them — with one exception
that is still certain: counts are never negative, so when the cells that *were* read
already exceed a total, the total is wrong whatever the unread cells hold.
"""

from __future__ import annotations

from govlint.api import Violation, format_number, rule, templates



def _result_rows(table) -> list:
    """The rows that （七）总计 totals, as the template's ``results`` identity lists them."""
    identity = table.spec.identity("results") if table.spec is not None else None
    keys = identity.part_rows if identity is not None else ()
    return [r for r in table.rows if r.key in keys]


def _known(row, index: int):
    """The number in column ``index`` of a row read completely, else ``None``."""
    if row is None or row.status != "ok":
        return None
    return row.cells[index].value


def _row_name(table, row) -> str:
    return f"{templates.table_name(table.key)}「{row.label or row.official_label}」行"


@rule("GOV301", "row-total-mismatch", "第三部分表格某行的总计不等于各类申请人之和", "error", templates=templates.NATIONAL)
def row_total_mismatch(report, options):
    """In the section 三 table, a row's 总计 differs from the sum of the applicant columns.

    What it checks:
    For every row of 收到和处理政府信息公开申请情况: 总计 = 自然人 + 商业企业 + 科研机构 +
    社会公益组织 + 法律服务机构 + 其他. Rows whose cells could not all be read are skipped.

    Why:
    The header puts 总计 beside 自然人 and the five 法人或其他组织 columns; a 总计 that does not
    add up is the most common data error evaluators find (勾稽关系错误), and 国办公开办函
    〔2021〕30号 requires the published data to be accurate.

    Failing example:
    一、本年新收政府信息公开申请数量 | 38 | 5 | 0 | 1 | 2 | 0 | 45

    Passing example:
    一、本年新收政府信息公开申请数量 | 38 | 5 | 0 | 1 | 2 | 0 | 46

    Options:
    None.
    """
    table = report.tables.applications
    if table is None:
        return
    keys = table.column_keys
    part_indexes = [keys.index(k) for k in table.spec.part_columns]
    total_index = keys.index(table.spec.total_column)
    for row in table.rows:
        parts = [_known(row, i) for i in part_indexes]
        total = _known(row, total_index)
        if total is None or any(p is None for p in parts):
            continue
        if sum(parts) != total:
            shown = "+".join(format_number(p) for p in parts)
            yield Violation(
                f"{_row_name(table, row)}：总计为{format_number(total)}，自然人与五类法人或其他组织之和为{format_number(sum(parts))}（{shown}）",
                row.cells[total_index].span or row.span,
            )


@rule("GOV302", "results-total-mismatch", "（七）总计不等于各项办理结果之和", "error", templates=templates.NATIONAL)
def results_total_mismatch(report, options):
    """（七）总计 differs from the sum of the handling-result rows, in some column.

    What it checks:
    Per column of the section 三 table: （七）总计 = （一）予以公开 + （二）部分公开 + the eight
    （三） rows + the three （四） rows + the five （五） rows + （六）其他处理 (2019: one row; 2021:
    its three sub-items). When some result rows cannot be read or are missing, a mismatch is
    still reported if the rows that were read already exceed （七）总计 (counts cannot be
    negative); otherwise the column is not judged. One finding names every failing column.

    Why:
    （七）总计 is the total of the results listed above it, and （二）部分公开 "只计这一情形，不计
    其他情形": every handled application is counted in exactly one result row. A total that
    does not match means applications were lost or double-counted.

    Failing example:
    （四）无法提供 1.本机关不掌握相关政府信息 | 1 | … ; （七）总计 | 0 | …

    Passing example:
    （四）无法提供 1.本机关不掌握相关政府信息 | 1 | … ; （七）总计 | 1 | …

    Options:
    None.
    """
    table = report.tables.applications
    if table is None:
        return
    total_row = table.row("total")
    if total_row is None or total_row.status != "ok":
        return
    results = _result_rows(table)
    problems = []
    for index, column in enumerate(table.columns):
        total = total_row.cells[index].value
        if total is None:
            continue
        known = [(r, r.cells[index].value) for r in results if r.status == "ok" and r.cells[index].value is not None]
        unknown = len(results) - len(known)
        found = sum(v for _, v in known)
        if found == total or (unknown and found < total):
            continue
        nonzero = [f"{templates.short_row_label(r.key)}为{format_number(v)}" for r, v in known if v]
        detail = "、".join(nonzero) if nonzero else "均为0"
        if unknown:
            text = (
                f"「{column.label}」列为{format_number(total)}，但已读到的各项办理结果之和已达{format_number(found)}（{detail}；"
                f"另有{unknown}行缺失或无法读取），总计偏小"
            )
        else:
            text = f"「{column.label}」列为{format_number(total)}，各项办理结果之和为{format_number(found)}（{detail}）"
        problems.append((index, text))
    if problems:  # one wrong total row is one problem, whatever the number of columns
        index = problems[0][0]
        yield Violation("（七）总计" + "；".join(text for _, text in problems), total_row.cells[index].span or total_row.span)


@rule("GOV303", "applications-balance", "申请数勾稽关系不成立：一+二≠（七）总计+四", "error", templates=templates.NATIONAL)
def applications_balance(report, options):
    """一 + 二 ≠ （七）总计 + 四 in some column of the section 三 table.

    What it checks:
    The identity the table itself states in its header: "第一项加第二项之和，等于第三项加第四项
    之和" — 本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理, in every column.
    Columns where one of the four cells cannot be read are not judged. One finding names
    every failing column; when one wrong total alone explains the failure (a （七）总计 that is
    not the sum of the results, or a row's 总计 that is not the sum of its applicant columns),
    the message names that cell.

    Why:
    This is the official 勾稽关系 of the format (国办公开办函〔2019〕60号 and 〔2021〕30号), the check
    supervisors and evaluators run first: every application received or carried in is either
    handled this year or carried over.

    Failing example:
    一 | … | 4 ; 二 | … | 0 ; （七）总计 | … | 0 ; 四 | … | 0      (4 + 0 ≠ 0 + 0)

    Passing example:
    一 | … | 110 ; 二 | … | 12 ; （七）总计 | … | 112 ; 四 | … | 10   (110 + 12 = 112 + 10)

    Options:
    None.
    """
    table = report.tables.applications
    if table is None:
        return
    rows = {key: table.row(key) for key in ("new", "carried_in", "total", "carried_out")}
    problems = []
    for index, column in enumerate(table.columns):
        values = {key: _known(row, index) for key, row in rows.items()}
        if any(v is None for v in values.values()):
            continue
        left = values["new"] + values["carried_in"]
        right = values["total"] + values["carried_out"]
        if left != right:
            cause = _balance_cause(table, rows, index, values)
            problems.append((index, (
                f"「{column.label}」列：一、本年新收（{format_number(values['new'])}）+ 二、上年结转"
                f"（{format_number(values['carried_in'])}）= {format_number(left)}，而（七）总计（{format_number(values['total'])}）+ 四、结转下年度"
                f"（{format_number(values['carried_out'])}）= {format_number(right)}{cause}"
            )))
    if problems:  # one finding for the table's balance, each failing column in the message
        index = problems[0][0]
        yield Violation(
            "勾稽关系不成立（第一项加第二项之和应等于第三项加第四项之和）：" + "；".join(text for _, text in problems),
            rows["total"].cells[index].span or rows["total"].span,
        )


def _balance_cause(table, rows, index, values) -> str:
    """Name the cell whose own error makes the balance fail, when correcting it alone mends it.

    One wrong total often breaks two identities: a （七）总计 that is not the sum of the results
    (GOV302) or a row whose 总计 is not the sum of its applicant columns (GOV301) also breaks
    一 + 二 = （七） + 四. Saying so keeps a drafter from "fixing" the wrong cell.
    """
    def holds(changed: dict) -> bool:
        merged = {**values, **changed}
        return merged["new"] + merged["carried_in"] == merged["total"] + merged["carried_out"]

    results = _result_rows(table)
    column_values = [r.cells[index].value if r.status == "ok" else None for r in results]
    if results and None not in column_values and sum(column_values) != values["total"]:
        if holds({"total": sum(column_values)}):
            row = rows["total"]
            return (f"（由第{row.span.line}行「（七）总计」本列错误引起：各项办理结果之和为{format_number(sum(column_values))}，"
                    "按此计算勾稽关系成立）") if row.span else ""
    if table.columns[index].key == table.spec.total_column:
        keys = table.column_keys
        parts = [keys.index(k) for k in table.spec.part_columns]
        for key, row in rows.items():
            cells = [_known(row, i) for i in parts]
            if None in cells or sum(cells) == values[key] or not row.span:
                continue
            if holds({key: sum(cells)}):
                return (f"（由第{row.span.line}行「{row.label or row.official_label}」的总计错误引起：各类申请人之和为"
                        f"{format_number(sum(cells))}，按此计算勾稽关系成立）")
    return ""


@rule("GOV304", "review-litigation-total", "第四部分某组的总计不等于各项结果之和", "error", templates=templates.NATIONAL)
def review_litigation_total(report, options):
    """In section 四, a group's 总计 differs from 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    What it checks:
    For 行政复议, 行政诉讼·未经复议直接起诉 and 行政诉讼·复议后起诉: 总计 = 结果维持 + 结果纠正 +
    其他结果 + 尚未审结. Groups whose cells could not be read are skipped.

    Why:
    Every case ends in exactly one of the four results (or is still pending); the format's
    总计 column is their sum. A wrong total misstates how many cases the organ faced, a
    figure 条例 第五十条 requires the report to give.

    Failing example:
    行政复议: 1 | 0 | 1 | 2 | 3

    Passing example:
    行政复议: 1 | 0 | 1 | 2 | 4

    Options:
    None.
    """
    table = report.tables.review_litigation
    if table is None:
        return
    for row in table.rows:
        values = [_known(row, i) for i in range(5)]
        if any(v is None for v in values):
            continue
        parts, total = values[:4], values[4]
        if sum(parts) != total:
            shown = " + ".join(f"{c.label}{format_number(v)}" for c, v in zip(table.columns[:4], parts))
            yield Violation(
                f"第四部分「{row.official_label}」的总计为{format_number(total)}，但{shown} = {format_number(sum(parts))}",
                row.cells[4].span or row.span,
            )


def _numbers(report):
    """Every readable number cell: (table, row, column, cell)."""
    for table in report.tables.all():
        for row in table.rows + table.extra_rows:
            if row.status != "ok":
                continue
            for column, cell in zip(table.columns, row.cells):
                if cell.value is not None:
                    yield table, row, column, cell


@rule("GOV305", "negative-count", "数量为负数", "error", templates=templates.NATIONAL)
def negative_count(report, options):
    """A count in a table is negative.

    What it checks:
    Every number in the tables of sections 二–四 must be ≥ 0, except the 2019 format's
    本年增/减 column, which may be negative (Hubei's guidance: "减用负值表示，如-8").

    Why:
    Numbers of applications, documents, decisions and cases cannot be negative; a minus sign
    is a typing or conversion error.

    Failing example:
    二、上年结转政府信息公开申请数量 | -1 | 0 | 0 | 0 | 0 | 0 | -1

    Passing example:
    行政许可 | 120 | -8 | 35     (2019 format: 本年增/减 may be negative)

    Options:
    None.
    """
    for table, row, column, cell in _numbers(report):
        if cell.value < 0 and (table.spec is None or column.key not in table.spec.signed_columns):
            yield Violation(f"{_row_name(table, row)}「{column.label}」列为{cell.raw}，数量不能为负数", cell.span or row.span)


@rule("GOV306", "fractional-count", "件数、项数出现小数", "error", templates=templates.NATIONAL)
def fractional_count(report, options):
    """A count in a table is not a whole number.

    What it checks:
    Every number in the tables must be an integer, except money amounts: the 2019
    采购总金额 and the 2021 本年收费金额（单位：万元）, which may have decimals.

    Why:
    Applications, documents, decisions and cases are counted in whole units; a decimal
    usually means a money amount or a percentage was typed into a count cell.

    Failing example:
    行政处罚 | 12.5

    Passing example:
    行政事业性收费 | 12.5     (本年收费金额, 万元)

    Options:
    None.
    """
    for table, row, column, cell in _numbers(report):
        if isinstance(cell.value, float) and not cell.value.is_integer() and (
            table.spec is None or column.key not in table.spec.decimal_columns
        ):
            yield Violation(f"{_row_name(table, row)}「{column.label}」列为{cell.raw}，数量应为整数", cell.span or row.span)


@rule("GOV307", "blank-total", "总计单元格空白而分项有数", "error", templates=templates.NATIONAL)
def blank_total(report, options):
    """A 总计 cell is blank (or ``/``, ``-``) while the cells it totals are filled in.

    What it checks:
    In the section 三 table, the 总计 column of each row and the （七）总计 row of each column;
    in section 四, the 总计 of each group. A total that is left empty while its parts hold
    numbers is reported (a blank is never read as 0).

    Why:
    Even reports of high-ranking organs leave totals unfilled (a real 2019 report left the
    总计 of （一）予以公开 blank); the total cannot then be checked against its parts and readers
    must add up the row themselves. The format asks for every cell to be filled.

    Failing example:
    （一）予以公开 | 767 | 35 | 2 | 0 | 1 | 0 |  (总计 blank)

    Passing example:
    （一）予以公开 | 767 | 35 | 2 | 0 | 1 | 0 | 805

    Options:
    None.
    """
    for table in (report.tables.applications, report.tables.review_litigation):
        if table is None:
            continue
        for row, index in table.blank_totals():
            cell = row.cells[index]
            if table.key == "review_litigation":
                message = f"第四部分「{row.official_label}」的总计为空白，而各项结果已填写数字"
            elif table.columns[index].key == table.spec.total_column:
                message = f"{_row_name(table, row)}的「总计」为空白（{cell.raw or '未填'}），而各类申请人列已填写数字"
            else:
                message = f"（七）总计的「{table.columns[index].label}」列为空白，而各项办理结果已填写数字"
            yield Violation(message, cell.span or row.span)


RULES = [
    row_total_mismatch,
    results_total_mismatch,
    applications_balance,
    review_litigation_total,
    negative_count,
    fractional_count,
    blank_total,
]
