"""Tables of PDF-to-Markdown conversions made by third-party tools.

Such tools lay a table with merged label cells on one grid and lose part of it: rows end in
an empty cell, row labels float on their own lines, a caption stands apart from its pipe
table, multi-line cells float under the caption, and merged group labels are cut into
fragments (``| （三）不 | 4.保护第三方合法权益 | 0 | …``). Every report here is written for
these tests in those shapes (names and numbers invented); the last tests read the real
conversion in ``../shared/corpus`` when it is there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlint.cli import cli
from govlint.model import Report, Table
from govlint.parser import parse
from govlint.readers import markdown
from govlint.testing import lint_text

# ----------------------------------------------------------------------------- the report

SECTION_2 = """\
| 第二十条第（一）项 |  |  |  |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 3 |
| 行政规范性文件 | 5 | 2 | 40 |

| 第二十条第（五）项 |  |
|---|---|
| 信息内容 | 本年处理决定数量 |
| 行政许可 | 312 |

| 第二十条第（六）项 |  |
|---|---|
| 信息内容 | 本年处理决定数量 |
| 行政处罚 | 45 |
| 行政强制 | 2 |

| 第二十条第（八）项 |  |
|---|---|
| 信息内容 | 本年收费金额（单位：万元） |
| 行政事业性收费 | 0 |
"""

#: Section 三 row by row (label, seven values); every identity of the format holds.
ROWS = [
    ("一、本年新收政府信息公开申请数量", "88 7 0 1 0 0 96"),
    ("二、上年结转政府信息公开申请数量", "5 1 0 0 0 0 6"),
    ("（一）予以公开", "30 2 0 0 0 0 32"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "3 0 0 0 0 0 3"),
    ("1.属于国家秘密", "2 0 0 0 0 0 2"),
    ("2.其他法律行政法规禁止公开", "0 0 0 0 0 0 0"),
    ("3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
    ("4.保护第三方合法权益", "0 0 0 0 0 0 0"),
    ("5.属于三类内部事务信息", "1 0 0 0 0 0 1"),
    ("6.属于四类过程性信息", "0 0 0 0 0 0 0"),
    ("7.属于行政执法案卷", "0 0 0 0 0 0 0"),
    ("8.属于行政查询事项", "0 0 0 0 0 0 0"),
    ("1.本机关不掌握相关政府信息", "20 1 0 0 0 0 21"),
    ("2.没有现成信息需要另行制作", "4 0 0 0 0 0 4"),
    ("3.补正后申请内容仍不明确", "1 0 0 0 0 0 1"),
    ("1.信访举报投诉类申请", "6 0 0 0 0 0 6"),
    ("2.重复申请", "2 0 0 0 0 0 2"),
    ("3.要求提供公开出版物", "0 0 0 0 0 0 0"),
    ("4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("5.要求行政机关确认或重新出具已获取信息", "1 0 0 0 0 0 1"),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "9 1 0 0 0 0 10"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
    ("3.其他", "11 2 0 1 0 0 14"),
    ("（七）总计", "90 6 0 1 0 0 97"),
    ("四、结转下年度继续办理", "3 2 0 0 0 0 5"),
]
HEADER_3 = """\
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|
|  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |
|  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |
"""


def pipe_row(label: str, values: str, trailing: str = "") -> str:
    """``| label | v1 | … | v7 |`` (``trailing`` adds cells after the last value)."""
    cells = ([label] if label else []) + values.split()
    return "| " + " | ".join(cells) + " |" + trailing


def clean_rows(start: str | None = None, end: str | None = None) -> list[str]:
    """Rows of :data:`ROWS` from label ``start`` up to (not including) label ``end``."""
    labels = [label for label, _ in ROWS]
    first = labels.index(start) if start else 0
    last = labels.index(end) if end else len(labels)
    return [pipe_row(label, values) for label, values in ROWS[first:last]]


def values_of(label: str) -> str:
    return dict(ROWS)[label]


SECTION_4 = """\
| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
|  |  |  |  |  | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 1 | 0 | 1 | 0 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |
"""


def report(section_2: str = SECTION_2, section_3: str | None = None, *, section_5: bool = True) -> str:
    """A whole report in Markdown with the given section-二 and section-三 bodies."""
    if section_3 is None:
        section_3 = HEADER_3 + "\n".join(clean_rows()) + "\n"
    five = (
        "## 五、存在的主要问题及改进情况\n\n"
        "部分栏目更新不够及时。下一步将建立栏目巡查制度，限时整改发现的问题。\n\n"
    ) if section_5 else ""
    return (
        "# 青禾县农业农村局2024年政府信息公开工作年度报告\n\n"
        "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。"
        "如对本报告有疑问，请与本局办公室联系（地址：青禾县文昌路8号，电话：0571-86001234）。\n\n"
        "## 一、总体情况\n\n全年政府信息公开工作平稳有序。\n\n"
        "## 二、主动公开政府信息情况\n\n" + section_2 + "\n"
        "## 三、收到和处理政府信息公开申请情况\n\n" + section_3 + "\n"
        "## 四、政府信息公开行政复议、行政诉讼情况\n\n" + SECTION_4 + "\n"
        + five
        + "## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
    )


def parsed(source: str) -> Report:
    document = markdown.govlint_read(path="r.md", data=source.encode("utf-8"))
    assert document is not None
    return parse(document)


def codes(source: str) -> list[tuple[str, int, str]]:
    """``(code, line, message)`` of every finding on ``source`` read as ``r.md``."""
    return [(d.code, d.line, d.message) for d in lint_text(source, filename="r.md")]


def line_of(source: str, needle: str) -> int:
    """1-based line of the first line that starts with ``needle``."""
    return next(n for n, line in enumerate(source.split("\n"), 1) if line.startswith(needle))


def row_values(table: Table, key: str) -> list[int | float | None]:
    row = table.row(key)
    assert row is not None
    return [c.value for c in row.cells]


def expected(label: str) -> list[int]:
    return [int(v) for v in values_of(label).split()]


def test_the_clean_report_reads_without_table_findings() -> None:
    source = report()
    found = [c for c, _, _ in codes(source)]
    assert not [c for c in found if c.startswith(("GOV0", "GOV1", "GOV3"))], found
    applications = parsed(source).tables.applications
    assert applications is not None
    assert row_values(applications, "total") == expected("（七）总计")


# ----------------------------------------------------------------------------- shape 1: trailing empty cells

#: The （三） group as a converter lays it: rows without the merged group cell are shifted
#: left and end in an empty cell; the rows holding the fragments of the group label fill it.
DENIED_SHIFTED = """\
| 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |  |
|---|---|---|---|---|---|---|---|---|
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |
| （三）不 | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 予公开 | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |  |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |
"""


def shifted_report(denied: str = DENIED_SHIFTED) -> str:
    section_3 = (
        HEADER_3 + "\n".join(clean_rows(end="1.属于国家秘密")) + "\n\n" + denied + "\n"
        + "\n".join(clean_rows(start="1.本机关不掌握相关政府信息")) + "\n"
    )
    return report(section_3=section_3)


def test_trailing_empty_cell_of_a_shifted_row_is_not_a_value() -> None:
    source = shifted_report()
    found = codes(source)
    assert not [f for f in found if f[0] in ("GOV005", "GOV006", "GOV105", "GOV106")], found
    assert not [f for f in found if f[0].startswith("GOV3")], found
    table = parsed(source).tables.applications
    assert table is not None
    assert all(table.row(f"denied.{n}").status == "ok" for n in range(1, 9))
    assert row_values(table, "denied.1") == expected("1.属于国家秘密")
    assert row_values(table, "denied.5") == expected("5.属于三类内部事务信息")


def test_empty_cell_in_the_middle_of_a_shifted_row_is_still_blank() -> None:
    denied = DENIED_SHIFTED.replace("| 1.属于国家秘密 | 2 | 0 | 0 |", "| 1.属于国家秘密 | 2 |  | 0 |")
    source = shifted_report(denied)
    found = codes(source)
    assert not [f for f in found if f[0] == "GOV005"], found
    blank = [f for f in found if f[0] == "GOV006"]
    assert len(blank) == 1 and blank[0][1] == line_of(source, "| 1.属于国家秘密") and "商业企业" in blank[0][2], found
    table = parsed(source).tables.applications
    assert table is not None
    row = table.row("denied.1")
    assert [c.kind for c in row.cells][:3] == ["number", "blank", "number"]


def test_empty_last_value_is_still_blank() -> None:
    """A row one value short of the complete rows keeps its empty last cell as a blank cell."""
    denied = DENIED_SHIFTED.replace(
        "| 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |  |", "| 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 |  |"
    )
    source = shifted_report(denied)
    found = codes(source)
    assert not [f for f in found if f[0] == "GOV005"], found
    # the blank 总计 of a row whose parts are filled: GOV307 (and never GOV006 as well)
    blank = [f for f in found if f[0] in ("GOV006", "GOV307")]
    assert len(blank) == 1 and blank[0][0] == "GOV307" and "总计" in blank[0][2], found


def test_reader_keeps_an_empty_last_cell_that_the_header_names() -> None:
    from govlint.document import BLANK_CELL
    from govlint.readers.markdown_convert import convert

    source = "| 项目 | 甲 | 乙 | 丙 |\n|---|---|---|---|\n| 一 | 1 | 2 | 3 |\n| 4 | 5 | 6 |  |\n"
    text, _, _ = convert(source)
    assert text.split("\n")[2] == f"4 | 5 | 6 | {BLANK_CELL}"
    unnamed = "| 项目 | 甲 | 乙 |\n|---|---|---|\n| 一 | 1 | 2 |\n| 二 | 4 | 5 |  |\n| 三 | 6 |  |  |\n"
    text, _, _ = convert(unnamed)
    assert text.split("\n")[2:4] == ["二 | 4 | 5", f"三 | 6 | {BLANK_CELL}"]


# ----------------------------------------------------------------------------- shape 2: unlabelled number rows

def unlabelled_report(not_processed: str) -> str:
    section_3 = (
        HEADER_3 + "\n".join(clean_rows(end="1.信访举报投诉类申请")) + "\n\n" + not_processed + "\n"
        + "\n".join(clean_rows(start="（七）总计")) + "\n"
    )
    return report(section_3=section_3)


#: The label of 5. floats above the table part (between two other rows' labels, out of
#: order); its number row stands bare between 4. and the next group.
FLOATING_ELSEWHERE = """\
5.要求行政机关确认或
重新出具已获取信息
| 1.信访举报投诉类申请 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |
|---|---|---|---|---|---|---|---|
| 2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |
|---|---|---|---|---|---|---|
""" + "\n".join(clean_rows(start="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", end="（七）总计"))


def test_bare_number_row_goes_to_the_one_missing_row_between_its_neighbours() -> None:
    source = unlabelled_report(FLOATING_ELSEWHERE)
    found = codes(source)
    assert not [f for f in found if f[0] in ("GOV005", "GOV105", "GOV106") or f[0].startswith("GOV3")], found
    table = parsed(source).tables.applications
    assert table is not None
    row = table.row("not_processed.5")
    assert row.status == "ok" and row.positional and row.label == ""
    assert row_values(table, "not_processed.5") == expected("5.要求行政机关确认或重新出具已获取信息")
    assert row.span.line == line_of(source, "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    assert row_values(table, "not_processed.4") == expected("4.无正当理由大量反复申请")
    assert not table.row("not_processed.4").positional


def test_label_floating_right_above_its_bare_row() -> None:
    """The shape of the conversion: a wrapped label on its own lines, the values below it."""
    floating = (
        "\n".join(clean_rows(start="1.信访举报投诉类申请", end="5.要求行政机关确认或重新出具已获取信息"))
        + "\n\n5.要求行政机关确认或重新\n出具已获取信息\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n|---|---|---|---|---|---|---|\n"
        + "\n".join(clean_rows(start="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", end="（七）总计"))
    )
    source = unlabelled_report(floating)
    assert not [f for f in codes(source) if f[0] in ("GOV005", "GOV105", "GOV106")]
    table = parsed(source).tables.applications
    assert row_values(table, "not_processed.5") == expected("5.要求行政机关确认或重新出具已获取信息")


def test_two_bare_rows_for_two_missing_rows_in_template_order() -> None:
    rows = FLOATING_ELSEWHERE.replace(
        "| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
        "| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
    )
    source = unlabelled_report(rows)
    assert not [f for f in codes(source) if f[0] in ("GOV005", "GOV105", "GOV106") or f[0].startswith("GOV3")]
    table = parsed(source).tables.applications
    assert table.row("not_processed.4").positional and table.row("not_processed.5").positional
    assert row_values(table, "not_processed.5") == expected("5.要求行政机关确认或重新出具已获取信息")


@pytest.mark.parametrize(
    "old, new",
    [
        # two bare rows, one missing template row: which one is it?
        ("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n", "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"),
        # one bare row, two missing template rows
        ("| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", ""),
        # the bare row is one value short
        ("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n", "| 1 | 0 | 0 | 0 | 0 | 1 |\n"),
    ],
)
def test_no_unique_assignment_leaves_the_rows_unread(old: str, new: str) -> None:
    source = unlabelled_report(FLOATING_ELSEWHERE.replace(old, new))
    table = parsed(source).tables.applications
    assert table.row("not_processed.5").status == "missing"
    assert not any(r.positional for r in table.rows)
    found = [f[0] for f in codes(source)]
    assert "GOV105" in found and "GOV005" in found


def test_bare_row_is_not_placed_when_the_next_row_has_no_values_of_its_own() -> None:
    """The bare line may be the next row's values, written above its label."""
    rows = FLOATING_ELSEWHERE.replace(
        "| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 9 | 1 | 0 | 0 | 0 | 0 | 10 |",
        "| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |",
    )
    table = parsed(unlabelled_report(rows)).tables.applications
    assert table.row("not_processed.5").status == "missing"
    assert table.row("not_processed.4").status == "long"


# ----------------------------------------------------------------------------- shapes 3 and 4: a caption apart from its table

#: The 第二十条第（一）项 caption with two multi-line cells floating under it, the other
#: tables as plain text, then the caption's pipe table (its header and rows) at the end.
SECTION_2_APART = """\
第二十条第（一）项
14
（其中修订 3 件）
52
（含失效 6 件）
第二十条第（五）项
信息内容本年处理决定数量
行政许可 312
第二十条第（六）项
信息内容本年处理决定数量
行政处罚 45
行政强制 2
第二十条第（八）项
信息内容本年收费金额（单位：万元）
行政事业性收费 0
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
## 附表二 主动公开
| 规章 | 0 | 0 | 3 |
|---|---|---|---|
## 附表二 主动公开
| 行政规范性文件 | 5 | 2 | 40 |
|---|---|---|---|
"""


def active(report_: Report, key: str) -> Table:
    table = next((t for t in report_.tables.active_disclosure if t.key == key), None)
    assert table is not None, key
    return table


def test_caption_apart_from_its_table_reads_the_table_under_its_caption() -> None:
    source = report(SECTION_2_APART)
    found = codes(source)
    assert not [f for f in found if f[0] in ("GOV005", "GOV104", "GOV105", "GOV106")], found
    parsed_report = parsed(source)
    item1 = active(parsed_report, "item1")
    assert item1.caption == "第二十条第（一）项" and item1.span.line == line_of(source, "第二十条第（一）项")
    assert row_values(item1, "rules") == [0, 0, 3]
    assert row_values(item1, "normative") == [5, 2, 40]
    assert [c.found_label for c in item1.columns] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    item8 = active(parsed_report, "item8")
    assert not item8.extra_rows and row_values(item8, "fees") == [0]
    assert row_values(active(parsed_report, "item6"), "enforcement") == [2]


def test_short_rows_of_a_caption_apart_are_reported_under_that_caption() -> None:
    section = SECTION_2_APART.replace("| 规章 | 0 | 0 | 3 |", "| 规章 | 0 | 3 |").replace(
        "| 行政规范性文件 | 5 | 2 | 40 |", "| 行政规范性文件 | 5 | 40 |"
    )
    source = report(section)
    found = codes(source)
    short = [f for f in found if f[0] == "GOV005"]
    assert [f[1] for f in short] == [line_of(source, "| 规章"), line_of(source, "| 行政规范性文件")], found
    assert all("第二十条第（一）项" in f[2] and "应有3个数值，找到2个" in f[2] for f in short)
    assert not [f for f in found if f[0] in ("GOV104", "GOV106")], found


def test_cells_floating_under_the_caption_are_the_tables_stray_cells() -> None:
    source = report(SECTION_2_APART)
    parsed_report = parsed(source)
    item1 = active(parsed_report, "item1")
    assert [c.raw for c in item1.stray_cells] == ["14（其中修订3件）", "52（含失效6件）"]
    assert all(c.value is None and c.kind == "text" for c in item1.stray_cells)
    assert item1.stray_cells[0].span.line == line_of(source, "14")
    assert all(not t.stray_cells and not t.extra_rows for t in parsed_report.tables.active_disclosure if t.key != "item1")
    stray = [p for p in parsed_report.problems if p.kind == "stray-cells"]
    assert len(stray) == 1 and "第二十条第（一）项" in stray[0].message and "14（其中修订3件）" in stray[0].message


def test_cells_floating_between_caption_and_header_are_stray_cells() -> None:
    section = SECTION_2.replace(
        "| 第二十条第（一）项 |  |  |  |\n|---|---|---|---|\n",
        "第二十条第（一）项\n14\n（其中修订 3 件）\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n",
    ).replace("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章", "| 规章")
    source = report(section)
    item1 = active(parsed(source), "item1")
    assert [c.raw for c in item1.stray_cells] == ["14（其中修订3件）"]
    assert row_values(item1, "rules") == [0, 0, 3]


def test_rows_without_their_own_header_do_not_move() -> None:
    """Row labels alone under another caption are not enough to identify the table."""
    section = SECTION_2_APART.replace("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n", "")
    found = [f[0] for f in codes(report(section))]
    assert "GOV104" in found and "GOV106" in found


# ----------------------------------------------------------------------------- shape 5: labels cut over merged cells

#: （五） and （六） as a converter lays them: group fragments beside the row labels, and the
#: label of （六）2. cut into four pieces written out of order around the group fragments.
CUT_LABELS = """\
| 1.信访举报投诉类申请 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |
|---|---|---|---|---|---|---|---|
| 2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |  |
|---|---|---|---|---|---|---|---|---|
| （五）不 | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 予处理 | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |  |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 9 | 1 | 0 | 0 | 0 | 0 | 10 |  |

（六）其
2.申请人逾期未按收费通知要求
他处理
府信息公开申请
| 缴纳费用、 | 行政机关不再处理其政 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|---|
| 3.其他 | 11 | 2 | 0 | 1 | 0 | 0 | 14 |
"""


def test_label_cut_over_merged_cells_is_the_label_and_group_fragments_are_table_text() -> None:
    source = unlabelled_report(CUT_LABELS)
    found = codes(source)
    assert not [f for f in found if f[0].startswith(("GOV0", "GOV1", "GOV3"))], found
    table = parsed(source).tables.applications
    assert not table.extra_rows
    row = table.row("other.2")
    assert row.status == "ok" and row.similarity == 1.0
    assert row.label == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert row.span.line == line_of(source, "2.申请人逾期未按收费通知要求")
    assert row_values(table, "other.2") == expected(row.official_label)
    assert row_values(table, "not_processed.3") == expected("3.要求提供公开出版物")


def test_label_with_a_piece_missing_stays_a_similar_label() -> None:
    source = unlabelled_report(CUT_LABELS.replace("府信息公开申请\n", ""))
    table = parsed(source).tables.applications
    assert table.row("other.2").similarity < 1.0
    assert [f for f in codes(source) if f[0] == "GOV103"]


# ----------------------------------------------------------------------------- the real conversion

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "123_2025_shanghai_shi_bangongting.md"


@pytest.mark.skipif(not REAL.is_file(), reason="../shared/corpus (real reports) is not beside the checkout")
def test_real_conversion_findings() -> None:
    """EXPECTED.md: must GOV501, GOV201, GOV005 naming 第二十条第（一）项; must not GOV3xx, GOV104–106."""
    found = lint_text(REAL.read_text(encoding="utf-8"), filename=str(REAL))
    found_codes = {d.code for d in found}
    assert {"GOV501", "GOV201"} <= found_codes
    assert not [d for d in found if d.code.startswith("GOV3") or d.code in ("GOV104", "GOV105", "GOV106")]
    short = [d for d in found if d.code == "GOV005"]
    assert len(short) == 2 and all("第二十条第（一）项" in d.message for d in short), short
    labels = {line: REAL.read_text(encoding="utf-8").split("\n")[line - 1] for line in (d.line for d in short)}
    assert all("规章" in text or "行政规范性文件" in text for text in labels.values())


@pytest.mark.skipif(not REAL.is_file(), reason="../shared/corpus (real reports) is not beside the checkout")
def test_real_conversion_extracted_values() -> None:
    result = CliRunner().invoke(cli, ["extract", str(REAL)])
    assert result.exit_code == 0, result.output
    tables = json.loads(result.output)[0]["tables"]
    rows = {row["key"]: row for row in tables["applications"]["rows"]}
    assert all(row["status"] == "ok" for row in rows.values())
    values = {key: [cell["value"] for cell in row["cells"]] for key, row in rows.items()}
    assert values["new"] == [1259, 36, 0, 0, 0, 0, 1295]
    assert values["carried_in"] == [170, 15, 0, 0, 4, 0, 189]
    assert values["total"] == [1139, 48, 0, 0, 4, 0, 1191]
    assert values["carried_out"] == [290, 3, 0, 0, 0, 0, 293]
    assert rows["not_processed.5"].get("positional") is True
    item1 = next(t for t in tables["active_disclosure"] if t["key"] == "item1")
    assert [r["status"] for r in item1["rows"]] == ["short", "short"]
    assert len(item1["stray_cells"]) == 2

