"""Prose against tables (正文与表格数据不一致) and this year against last year (内容雷同).

Precision first: an office stops trusting a linter that cries wolf. A figure in prose is
compared only when the parser found nothing that qualifies it (a scope such as 全区 or
本级, another year, 按时办结, a subset in 含…, an approximation), and only against a cell
that was read with certainty.
"""

from __future__ import annotations

import re

from govlint.api import Option, Violation, format_number, rule, templates

MEASURE_NAMES = {
    "new": "本年新收政府信息公开申请",
    "carried_in": "上年结转申请",
    "handled": "办结（答复）申请",
    "carried_out": "结转下年度的申请",
    "new_unhandled": "未办结的本年新收申请",
    "granted": "予以公开的申请",
    "partial": "部分公开的申请",
    "granted_partial": "予以公开和部分公开的申请",
    "denied": "不予公开的申请",
    "unable": "无法提供的申请",
    "not_processed": "不予处理的申请",
    "other_handling": "其他处理的申请",
    "review": "政府信息公开行政复议",
    "litigation": "政府信息公开行政诉讼",
    "review_not_upheld": "政府信息公开行政复议中结果纠正和尚未审结的",
    "litigation_not_upheld": "政府信息公开行政诉讼中结果纠正和尚未审结的",
    "normative_issued": "本年制发的行政规范性文件",
    "normative_repealed": "本年废止的行政规范性文件",
    "normative_in_force": "现行有效的行政规范性文件",
    "licensing_decisions": "本年行政许可处理决定",
    "penalty_decisions": "本年行政处罚处理决定",
}
#: Section-三 rows whose 总计 cells (summed) a measure states.
_APPLICATION_ROWS = {"new": ("new",), "carried_in": ("carried_in",), "handled": ("total",),
                     "carried_out": ("carried_out",), "granted": ("granted",), "partial": ("partial",),
                     "granted_partial": ("granted", "partial")}
#: Result groups whose sub-rows (or, for 2019's （六）其他处理, the row itself) a measure sums.
_APPLICATION_GROUPS = {"denied": "denied", "unable": "unable", "not_processed": "not_processed",
                       "other_handling": "other"}
#: Section-四 groups and columns (summed) an outcome measure states.
_REVIEW_FIGURES = {
    "review_not_upheld": (("review",), ("corrected", "pending")),
    "litigation_not_upheld": (("suit_direct", "suit_after_review"), ("corrected", "pending")),
}
_NORMATIVE_COLUMNS = {"2021": {"normative_issued": "issued", "normative_repealed": "repealed",
                               "normative_in_force": "in_force"},
                      "2019": {"normative_issued": "made"}}
#: Decision counts of section 二: (table, row); the column is ``decisions`` in both formats.
_DECISION_ROWS = {"licensing_decisions": ("item5", "licensing"), "penalty_decisions": ("item6", "penalty")}
_BLANK_TOTAL = "各列之和（总计栏空白）"


def row_total(table, row):
    """``(value, cell, summed)`` of a row's 总计 cell; a blank 总计 is the sum of the row's other
    cells when every one of them was read (``summed`` is then true). ``None``: unreadable."""
    if row is None or row.status != "ok":
        return None
    index = table.column_keys.index("total")
    cell = row.cells[index]
    if cell.value is not None:
        return cell.value, cell, False
    parts = [c.value for c in row.cells[:index]]
    if cell.kind != "blank" or any(value is None for value in parts):
        return None
    return sum(parts), cell, True


def _figure_rows(table, measure: str):
    """The section-三 rows a measure sums (``None`` when the template has none of them)."""
    group = _APPLICATION_GROUPS.get(measure)
    if group is not None:
        rows = [r for r in table.rows if r.key == group or r.key.startswith(group + ".")]
    else:
        rows = [table.row(key) for key in _APPLICATION_ROWS[measure]]
    return rows if rows and None not in rows else None


def _application_figure(report, measure: str):
    table = report.tables.applications
    rows = _figure_rows(table, measure) if table is not None else None
    totals = [row_total(table, row) for row in rows] if rows else None
    if not totals or None in totals:
        return None
    value = sum(total[0] for total in totals)
    name = templates.table_name(table.key)
    first_cell = totals[0][1]
    span = first_cell.span or rows[0].span
    if len(rows) == 1:
        figure = _BLANK_TOTAL if totals[0][2] else "总计"
        return value, f"{name}「{rows[0].label or rows[0].official_label}」{figure}", span
    parts = " + ".join(format_number(total[0]) for total in totals)
    blank = "；总计栏空白的行按该行各列之和计" if any(total[2] for total in totals) else ""
    if measure in _APPLICATION_GROUPS:
        group = templates.short_row_label(_APPLICATION_GROUPS[measure])
        return value, f"{name}「{group}」各项总计之和（{parts}{blank}）", span
    labels = "与".join(f"「{templates.short_row_label(row.key)}」" for row in rows)
    return value, f"{name}{labels}总计之和（{parts}{blank}）", span


def _review_total(table, key: str):
    """``(value, span, summed)`` of a section-四 group's 总计 (a blank 总计: the sum of its
    four results when all were read)."""
    found = row_total(table, table.row(key))
    return None if found is None else (found[0], found[1].span, found[2])


def _review_figure(report, measure: str):
    review = report.tables.review_litigation
    if review is None:
        return None
    if measure == "review":
        total = _review_total(review, "review")
        if total is None:
            return None
        return total[0], "第四部分表格「行政复议」" + (_BLANK_TOTAL if total[2] else "总计"), total[1]
    if measure == "litigation":
        direct, after = _review_total(review, "suit_direct"), _review_total(review, "suit_after_review")
        if direct is None or after is None:
            return None
        return direct[0] + after[0], (f"第四部分表格行政诉讼总计（未经复议直接起诉{format_number(direct[0])} + "
                                      f"复议后起诉{format_number(after[0])}）"), direct[1]
    groups, columns = _REVIEW_FIGURES[measure]
    cells = []
    for key in groups:
        row = review.row(key)
        if row is None or row.status != "ok":
            return None
        cells += [(key, column, row.cells[review.column_keys.index(column)]) for column in columns]
    if any(cell.value is None for _, _, cell in cells):
        return None
    group_names = dict(templates.REVIEW_GROUPS)
    column_names = dict(templates.REVIEW_COLUMNS)
    parts = "、".join(f"{group_names[key]}{column_names[column]}{format_number(cell.value)}" for key, column, cell in cells)
    value = sum(cell.value for _, _, cell in cells)
    return value, f"第四部分表格（{parts}）合计", cells[0][2].span


def _unhandled_figure(report):
    """New applications left unhandled at least: 结转下年度 beyond 上年结转 (when every new
    application was handled, what was carried over can only be last year's)."""
    out, carried_in = _application_figure(report, "carried_out"), _application_figure(report, "carried_in")
    if out is None or carried_in is None:
        return None
    if not carried_in[0]:
        return out
    value = max(out[0] - carried_in[0], 0)
    return value, (f"{out[1]}{format_number(out[0])}减「二、上年结转政府信息公开申请数量」总计"
                   f"{format_number(carried_in[0])}后"), out[2]


def table_figure(report, measure: str):
    """``(value, where, span)`` of the table figure a prose measure states, or ``None``."""
    if measure == "new_unhandled":
        return _unhandled_figure(report)
    if measure in _APPLICATION_ROWS or measure in _APPLICATION_GROUPS:
        return _application_figure(report, measure)
    if measure in ("review", "litigation") or measure in _REVIEW_FIGURES:
        return _review_figure(report, measure)
    if measure in _DECISION_ROWS:
        table_key, row_key = _DECISION_ROWS[measure]
        table = next((t for t in report.tables.active_disclosure if t.key == table_key), None)
        if table is None or "decisions" not in table.column_keys:
            return None
        value, row = table.value(row_key, "decisions"), table.row(row_key)
        if value is None or row is None:
            return None
        index = table.column_keys.index("decisions")
        return value, f"{templates.table_name(table_key)}「{row.label or row.official_label}」{table.columns[index].label}", \
            row.cells[index].span
    column = _NORMATIVE_COLUMNS.get(report.template, {}).get(measure)
    if column:
        table = next((t for t in report.tables.active_disclosure if t.key == "item1"), None)
        if table is None or column not in table.column_keys:
            return None
        value = table.value("normative", column)
        row = table.row("normative")
        if value is None or row is None:
            return None
        label = templates.column_label("item1", column)
        return value, f"{templates.table_name('item1')}「{row.label or row.official_label}」{label}", \
            row.cells[table.column_keys.index(column)].span
    return None


@rule("GOV601", "prose-table-mismatch", "正文中的数字与表格不一致", "warning", templates=templates.NATIONAL)
def prose_table_mismatch(report, options):
    """正文中的数字与表格中的同一数字不一致。

    检查内容：
    引言和第一部分中给出表格也有的数字的语句：新收/收到/受理 … 申请X件（第三部分第一行总计）、
    上年结转Y件、办结/答复Z件（（七）总计）、结转下年度/顺延W件，以及按类别的办理结果，各自对照相应
    的行：予以公开K件（（一））、部分公开（（二））、予以公开及部分公开（（一）+（二））、不予公开 /
    无法提供 / 不予处理 / 其他处理（（三）/（四）/（五）/（六）各分项之和）（同意公开答复7件是（一），
    不是合计）；行政复议N件和行政诉讼M件（第四部分总计）、制发/废止/现行有效规范性文件、作出行政许可
    决定和作出行政处罚决定（第二部分处理决定数量）。结果也检查：均已办结 / 全部办结对照四、结转下年度
    继续办理（超出二、上年结转的部分，后者可能就是结转的），均获维持对照句中所说复议或诉讼的结果纠正和
    尚未审结。总计单元格空白时，如果本行其他单元格都已读出，以本行之和代替。阿拉伯数字和汉字数字
    （十六件、两件）以及 PDF 提取时被空格隔开的数字都能读取。以下情况不判断：不同的口径（按时办结不是
    （七）总计；公开行政处罚信息85条不是决定数）、其他范围或主体（区本级与全区、以某部门或下属单位为
    主语、街道引用区的数字）、部分（含…、其中…、其余…）、列举共用的数字（予以公开、部分公开208件）、
    其他年份（上年、2019年、截至目前）、比较和约数（近100件），或无法读取的表格单元格。

    原因：
    监督检查把「正文与表格数据不一致」算作报告的错误：两个数字中必有一个是错的，国办公开办函〔2021〕
    30号要求发布的内容准确。

    错误示例：
    本年度新收政府信息公开申请16件 … 一、本年新收政府信息公开申请数量 | 4 | … | 4

    正确示例：
    本年度新收政府信息公开申请4件，予以公开及部分公开3件 … （一）予以公开 2 … （二）部分公开 1

    选项：
    无。
    """
    for claim in report.claims:
        if claim.qualifiers:
            continue
        figure = table_figure(report, claim.measure)
        if figure is None:
            continue
        value, where, span = figure
        if value == claim.value:
            continue
        at = f"（第{span.line}行）" if span else ""
        yield Violation(
            f"正文称「{claim.text}」，即{MEASURE_NAMES[claim.measure]}为{claim.value}，但{where}为{format_number(value)}{at}",
            claim.span,
        )


def _previous_name(previous) -> str:
    return f"上一年度（{previous.year}年）报告 {previous.path}"


@rule("GOV602", "carry-over-mismatch", "本年「上年结转」不等于上年报告的「结转下年度继续办理」", "error", scope="pair", templates=templates.NATIONAL)
def carry_over_mismatch(report, options):
    """本年「上年结转」不等于上年报告的「结转下年度继续办理」。

    检查内容：
    同一发布机关上一年度的报告在同一次运行中检查（按规范化后的机关名称和年份匹配）或用 ``--previous``
    给出时：第三部分表格的每一列，本年的二、上年结转政府信息公开申请数量必须等于上一年的四、结转下年度
    继续办理。一份报告一条诊断，列出所有不一致的列，指向第一个不一致的单元格。

    原因：
    一年年底结转的申请就是下一年年初结转来的申请；两者不同说明申请丢失或凭空多出，或者两份报告中有
    一份是错的。

    错误示例：
    2022年报告：四、结转下年度继续办理 总计 5 —— 2023年报告：二、上年结转政府信息公开申请数量 总计 3

    正确示例：
    2022年报告：四、结转下年度继续办理 总计 5 —— 2023年报告：二、上年结转政府信息公开申请数量 总计 5

    选项：
    无。
    """
    previous = report.previous  # the predecessor's summary (govlint.pairing.PairSummary)
    table = report.tables.applications
    if table is None or previous is None:
        return
    row = table.row("carried_in")
    differing = []  # (column index, this year's, last year's)
    for index, column in enumerate(table.columns):
        now = table.value("carried_in", column.key)
        before = previous.value("applications", "carried_out", column.key)
        if now is not None and before is not None and now != before:
            differing.append((index, now, before))
    if not differing:
        return
    columns = "；".join(
        f"「{table.columns[i].label}」列为{format_number(now)}，上年为{format_number(before)}" for i, now, before in differing
    )
    first = differing[0][0]
    yield Violation(
        f"「二、上年结转政府信息公开申请数量」与{_previous_name(previous)}的「四、结转下年度继续办理」不一致：{columns}",
        row.cells[first].span or row.span,
    )


@rule("GOV603", "valid-count-continuity", "现行有效件数与上年现行有效件数及本年制发、废止数不衔接", "warning",
      scope="pair", templates=(templates.FORMAT_2021,))
def valid_count_continuity(report, options):
    """现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数（2021年格式）。

    检查内容：
    本年和上一年度的报告都使用2021年格式时，第二十条第（一）项的「规章」和「行政规范性文件」两行：
    现行有效件数（本年）= 现行有效件数（上年）+ 本年制发件数 − 本年废止件数。

    原因：
    现行有效文件的存量只随制发和废止的文件变化；对不上通常说明其中一个数字有误。实践中口径不一
    （修订的文件、到期失效的文件），因此是警告而不是错误。

    错误示例：
    2022年：行政规范性文件 现行有效 15 —— 2023年：制发 2，废止 1，现行有效 20

    正确示例：
    2022年：行政规范性文件 现行有效 15 —— 2023年：制发 2，废止 1，现行有效 16

    选项：
    无。
    """
    previous = report.previous
    if previous is None or report.template != "2021" or previous.template != "2021":
        return
    table = next((t for t in report.tables.active_disclosure if t.key == "item1"), None)
    if table is None:
        return
    for key in ("rules", "normative"):
        issued, repealed, now = (table.value(key, c) for c in ("issued", "repealed", "in_force"))
        before = previous.value("item1", key, "in_force")
        if None in (issued, repealed, now, before):
            continue
        expected = before + issued - repealed
        if now != expected:
            row = table.row(key)
            yield Violation(
                f"「{row.label or row.official_label}」现行有效件数为{format_number(now)}，按{_previous_name(previous)}的现行有效件数"
                f"{format_number(before)} + 本年制发{format_number(issued)} − 本年废止{format_number(repealed)} 应为{format_number(expected)}",
                row.cells[2].span or row.span,
            )


_PROSE_SECTIONS = (1, 5, 6)
_SHINGLE = 5


def _shingles(text: str) -> set[str]:
    """Character 5-grams of the text without whitespace, punctuation and digits."""
    clean = re.sub(r"[\s\d\W_]+", "", text)
    return {clean[i : i + _SHINGLE] for i in range(max(len(clean) - _SHINGLE + 1, 0))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' 5-gram sets (years and figures do not count)."""
    first, second = _shingles(a), _shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


@rule(
    "GOV604",
    "copied-from-previous-year",
    "某部分与上一年度报告几乎相同（内容雷同）",
    "warning",
    scope="pair",
    options=[
        Option("threshold", "float", 0.9, "Similarity (0–1) from which a section counts as copied."),
        Option("min-length", "int", 80, "Sections shorter than this many characters are not compared."),
    ],
)
def copied_from_previous_year(report, options):
    """某部分与上一年度报告的同一部分几乎相同。

    检查内容：
    第一部分（总体情况）、第五部分（存在的主要问题及改进情况）和第六部分（其他需要报告的事项）与同一
    发布机关上一年度报告（同一次运行或 ``--previous``）的相同部分比较。相似度按5字序列的重合程度计算，
    忽略数字，因此只更新了数字的照抄文本也能发现。短于 ``min-length`` 的部分跳过。

    原因：
    国办公开办函〔2021〕30号把「内容雷同、敷衍塞责」列为追责情形；评估机构对「与往年雷同」的报告扣分
    （例如某区评分中10分扣5分）。第五部分照抄上一年，说明上一年的问题没有解决。

    错误示例：
    2023年 五、存在的主要问题及改进情况：2022年的文字，只改了年份

    正确示例：
    2023年 五、存在的主要问题及改进情况：本年的问题，以及上一年度改进措施的落实情况

    选项：
    threshold（float，默认 0.9）：达到此相似度的部分即报告；
    min-length（int，默认 80）：参与比较的部分文字的最短长度。
    """
    previous = report.previous
    if previous is None:
        return
    for number in _PROSE_SECTIONS:
        now, before = report.section(number), previous.section_text(number)
        if now is None or before is None:
            continue
        if min(len(now.text), len(before)) < options["min-length"]:
            continue
        score = similarity(now.text, before)
        if score >= options["threshold"]:
            spec = templates.SECTIONS[number - 1]
            yield Violation(
                f"{spec.label}与{_previous_name(previous)}的同一部分相似度为{score:.0%}，内容可能照搬往年",
                now.span,
            )


RULES = [prose_table_mismatch, carry_over_mismatch, valid_count_continuity, copied_from_previous_year]
