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
    """第三部分表格中，某行的总计不等于各类申请人之和。

    检查内容：
    「收到和处理政府信息公开申请情况」表的每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织
    + 法律服务机构 + 其他。单元格未能全部读出的行跳过。

    原因：
    表头把总计与自然人和五类法人或其他组织并列；总计加不上是评估机构最常发现的数据错误（勾稽关系
    错误），国办公开办函〔2021〕30号要求公布的数据准确。

    错误示例：
    一、本年新收政府信息公开申请数量 | 38 | 5 | 0 | 1 | 2 | 0 | 45

    正确示例：
    一、本年新收政府信息公开申请数量 | 38 | 5 | 0 | 1 | 2 | 0 | 46

    选项：
    无。
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
    """某列的（七）总计不等于各项办理结果行之和。

    检查内容：
    第三部分表格的每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）的8行 + （四）的3行 +
    （五）的5行 + （六）其他处理（2019年格式1行；2021年格式为其3个分项）。有办理结果行无法读取或
    缺失时，如果已读出的行之和已经超过（七）总计（数量不能为负），仍然报告不一致；否则该列不判断。
    一条诊断列出所有不一致的列。

    原因：
    （七）总计是上面所列各项结果之和，（二）部分公开「只计这一情形，不计其他情形」：每件办理的申请
    只计入一个结果行。总计不符说明申请被漏计或重复计算。

    错误示例：
    （四）无法提供 1.本机关不掌握相关政府信息 | 1 | … ；（七）总计 | 0 | …

    正确示例：
    （四）无法提供 1.本机关不掌握相关政府信息 | 1 | … ；（七）总计 | 1 | …

    选项：
    无。
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
    """第三部分表格某列：一 + 二 ≠ （七）总计 + 四。

    检查内容：
    表格表头本身写明的等式：「第一项加第二项之和，等于第三项加第四项之和」—— 本年新收 + 上年结转 =
    本年度办理结果（七）总计 + 结转下年度继续办理，每一列都要成立。四个单元格中有无法读取的列不判断。
    一条诊断列出所有不成立的列；如果不成立完全可以由一个错误的总计解释（（七）总计不等于各项结果
    之和，或某行总计不等于各类申请人之和），消息指出那个单元格。

    原因：
    这是格式规定的勾稽关系（国办公开办函〔2019〕60号和〔2021〕30号），也是监督检查和评估机构首先
    核对的：每件收到或结转来的申请，要么本年办结，要么结转下年。

    错误示例：
    一 | … | 4 ；二 | … | 0 ；（七）总计 | … | 0 ；四 | … | 0      （4 + 0 ≠ 0 + 0）

    正确示例：
    一 | … | 110 ；二 | … | 12 ；（七）总计 | … | 112 ；四 | … | 10   （110 + 12 = 112 + 10）

    选项：
    无。
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
    """第四部分某组的总计不等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。

    检查内容：
    行政复议、行政诉讼·未经复议直接起诉、行政诉讼·复议后起诉三组：总计 = 结果维持 + 结果纠正 +
    其他结果 + 尚未审结。单元格无法读取的组跳过。

    原因：
    每个案件都以四种结果之一结束（或尚未审结）；格式的总计列是它们的和。总计错误就说错了机关面对的
    案件数，而条例第五十条要求报告给出这个数字。

    错误示例：
    行政复议：1 | 0 | 1 | 2 | 3

    正确示例：
    行政复议：1 | 0 | 1 | 2 | 4

    选项：
    无。
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
    """表格中的数量为负数。

    检查内容：
    第二至第四部分表格中的每个数都必须 ≥ 0，只有2019年格式的「本年增/减」列可以为负（湖北的填报
    说明：「减用负值表示，如-8」）。

    原因：
    申请、文件、决定和案件的数量不能为负；负号是录入或转换错误。

    错误示例：
    二、上年结转政府信息公开申请数量 | -1 | 0 | 0 | 0 | 0 | 0 | -1

    正确示例：
    行政许可 | 120 | -8 | 35     （2019年格式：本年增/减可以为负）

    选项：
    无。
    """
    for table, row, column, cell in _numbers(report):
        if cell.value < 0 and (table.spec is None or column.key not in table.spec.signed_columns):
            yield Violation(f"{_row_name(table, row)}「{column.label}」列为{cell.raw}，数量不能为负数", cell.span or row.span)


@rule("GOV306", "fractional-count", "件数、项数出现小数", "error", templates=templates.NATIONAL)
def fractional_count(report, options):
    """表格中的件数、项数出现小数。

    检查内容：
    表格中的每个数都必须是整数，金额除外：2019年格式的采购总金额和2021年格式的本年收费金额
    （单位：万元）可以有小数。

    原因：
    申请、文件、决定和案件按整数计数；出现小数通常是把金额或百分比填进了计数单元格。

    错误示例：
    行政处罚 | 12.5

    正确示例：
    行政事业性收费 | 12.5     （本年收费金额，万元）

    选项：
    无。
    """
    for table, row, column, cell in _numbers(report):
        if isinstance(cell.value, float) and not cell.value.is_integer() and (
            table.spec is None or column.key not in table.spec.decimal_columns
        ):
            yield Violation(f"{_row_name(table, row)}「{column.label}」列为{cell.raw}，数量应为整数", cell.span or row.span)


@rule("GOV307", "blank-total", "总计单元格空白而分项有数", "error", templates=templates.NATIONAL)
def blank_total(report, options):
    """总计单元格空白（或为 ``/``、``-``）而它所合计的单元格已填写。

    检查内容：
    第三部分表格中每行的总计列和每列的（七）总计行；第四部分中每组的总计。分项有数而总计空着的
    报告（空白从不按0读取）。

    原因：
    即使是级别很高的机关的报告也有总计没填的（一份真实的2019年报告（一）予以公开的总计空着）；这样
    总计就无法与分项核对，读者只能自己加。格式要求每个单元格都填写。

    错误示例：
    （一）予以公开 | 767 | 35 | 2 | 0 | 1 | 0 |  （总计空白）

    正确示例：
    （一）予以公开 | 767 | 35 | 2 | 0 | 1 | 0 | 805

    选项：
    无。
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
