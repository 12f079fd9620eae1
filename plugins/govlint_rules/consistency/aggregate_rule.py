"""GOV605: an aggregate report against the sum of its units' reports.

The rule is a pure function of the parent report and the summaries of its units
(``report.aggregate``, :class:`govlint.model_aggregate.AggregateUnits`), which
:mod:`govlint.aggregate` reads and sets when ``check --aggregate`` (or the configuration's
``aggregate`` table) names the units. Its scope ``aggregate`` keeps the runner from
running it per file; without units it says nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govlint.api import (
    AggregateUnits,
    UnitSummary,
    Violation,
    cell_number,
    compared_cells,
    format_number,
    label_key,
    rule,
    templates,
)

#: How many unit names a message spells out before ``等N个单位``.
NAMED_UNITS = 3
#: How many excluded units the "not complete" finding spells out (with their reasons).
NAMED_EXCLUDED = 5
#: How many unknowable cells the one "not compared" finding spells out.
NAMED_CELLS = 3


def shorten(names: Sequence[str], limit: int = NAMED_UNITS, noun: str = "个单位") -> str:
    """``甲局、乙局、丙局`` or, with more names, ``甲局、乙局、丙局等5个单位``."""
    if len(names) <= limit:
        return "、".join(names)
    return "、".join(names[:limit]) + f"等{len(names)}{noun}"


def cell_place(table, row, index: int) -> str:
    """Where a cell is, as a reader finds it: part, row and column labels."""
    column = table.columns[index].label
    label = row.official_label or row.label
    if table.key == "applications":
        return f"第三部分「{label}」行「{column}」列"
    if table.key == "review_litigation":
        group = label if row.key == "review" else f"行政诉讼·{label}"
        return f"第四部分「{group}」的「{column}」"
    return f"第二部分「{table.caption or table.official_caption}」表「{label}」行「{column}」列"


def contributions(units: Sequence[UnitSummary], values: Sequence[int | float]) -> str:
    """The units that contribute to a sum, with their figures (zeros left out)."""
    parts = [f"{unit.name}：{format_number(value)}" for unit, value in zip(units, values) if value]
    if not parts:
        return f"{len(units)}个单位均为0"
    text = shorten(parts)
    zeros = len(units) - len(parts)
    return text + (f"，其余{zeros}个单位为0" if zeros else "")


def duplicated_issuers(units: Sequence[UnitSummary]) -> list[list[UnitSummary]]:
    """Groups of units with the same issuer (the same report given twice, e.g. as .pdf and .txt)."""
    groups: dict[str, list[UnitSummary]] = {}
    for unit in units:
        key = label_key(unit.issuer or "")
        if key:
            groups.setdefault(key, []).append(unit)
    return [group for group in groups.values() if len(group) > 1]


def _title_span(report):
    return report.title.span if report.title is not None else None


def _incomplete(report, aggregate: AggregateUnits) -> Iterator[Violation]:
    """One finding when some units are excluded or duplicated: the sums are then unknowable."""
    reasons = []
    if aggregate.excluded:
        named = "；".join(f"{item.path}（{item.reason}）" for item in aggregate.excluded[:NAMED_EXCLUDED])
        if len(aggregate.excluded) > NAMED_EXCLUDED:
            named += f"；另有{len(aggregate.excluded) - NAMED_EXCLUDED}个"
        reasons.append(f"{len(aggregate.excluded)}个单位报告未计入：{named}")
    for group in duplicated_issuers(aggregate.units):
        files = "、".join(unit.path for unit in group)
        reasons.append(f"单位报告{files}的发布机关同为「{group[0].issuer}」，可能是同一报告的重复文件")
    if not reasons:
        return
    yield Violation(
        f"汇总核对未完成：{'；'.join(reasons)}。各单元格的单位之和因此无法确定，未逐格比较（缺少的单位不按0计）",
        _title_span(report),
    )


@rule("GOV605", "aggregate-mismatch", "汇总报告的表格数据不等于各单位报告之和", "error",
      scope="aggregate", templates=templates.NATIONAL)
def aggregate_mismatch(report, options):
    """汇总报告的单元格与各单位报告同一单元格之和不一致。

    检查内容：
    仅在对照各单位报告检查汇总报告时运行（``govlint check --aggregate 汇总报告 --units 目录``，
    或在配置中写 ``aggregate = [{parent = "…", units = ["…"]}]``）：汇总报告第三部分表格的每个
    单元格（每一行、每一列，含「总计」）、第四部分表格的每个单元格，以及第二部分各表的件数单元格，
    必须等于各单位报告同一单元格之和。每个不符的单元格一条诊断，指向该单元格，并列出参与汇总的单位。
    无法读取、年度或格式不同、无法确定年度的单位报告被排除，在一条诊断中（指向报告标题）逐一列出；
    两份单位报告的发布机关相同时同样列出。此时不比较任何单元格：缺少的单位绝不按0计算。
    与汇总报告本身相同的单位文件（发布机关、年度和数字都相同，例如同一报告的PDF版本）不计入、不提示。
    单位报告的某个单元格不是数字（空白、「/」、该行数字不全）时，该单元格无法比较，未比较的单元格
    在一条诊断中列出。金额（采购总金额、收费金额）不比较：各单位以元或万元填写并四舍五入，其和不精确。

    原因：
    重庆要求区县报告汇总本区县所有编制主体，系统报告（市发展改革委、市司法局等）汇总所属单位
    （domain.md §11）。汇总数与单位报告不一致，说明汇总报告没有如实反映本地区的工作；评估人员会逐项核对。

    错误示例：
    汇总报告「一、本年新收政府信息公开申请数量」「自然人」为12，各单位报告：甲局4、乙局3、丙局3（和为10）；
    诊断：第三部分「一、本年新收政府信息公开申请数量」行「自然人」列为12，但3个单位报告之和为10（甲局：4、乙局：3、丙局：3）

    正确示例：
    汇总报告「一、本年新收政府信息公开申请数量」「自然人」为10，各单位报告：甲局4、乙局3、丙局3

    选项：
    无。
    """
    aggregate = report.aggregate
    if aggregate is None:
        return
    problems = list(_incomplete(report, aggregate))
    if problems:
        yield from problems
        return
    units = aggregate.units
    if not units:
        return
    unknown: list[str] = []
    unknown_units: list[str] = []
    for table, row, index, key in compared_cells(report):
        parent = cell_number(row, index)
        if parent is None:
            continue  # the parent's own unreadable cell is reported by the table rules
        values = [unit.cells.get(key) for unit in units]
        missing = [unit.name for unit, value in zip(units, values) if value is None]
        if missing:
            unknown.append(cell_place(table, row, index))
            unknown_units.extend(name for name in missing if name not in unknown_units)
            continue
        total = sum(values)
        if abs(total - parent) < 1e-9:
            continue
        yield Violation(
            f"{cell_place(table, row, index)}为{format_number(parent)}，但{len(units)}个单位报告之和为"
            f"{format_number(total)}（{contributions(units, values)}）",
            row.cells[index].span or row.span or table.span,
        )
    if unknown:
        places = shorten(unknown, NAMED_CELLS, "个单元格")
        yield Violation(
            f"{len(unknown)}个单元格未与单位报告之和比较：{shorten(unknown_units)}的报告中对应单元格"
            f"没有可读的数字（空白、“/”、行未读全或表格缺失），如{places}",
            _title_span(report),
        )


RULES = [aggregate_mismatch]
