"""The Markdown reader (govlint.readers.markdown): pipe tables as grids, headings, comments,
positions in the .md file, and the inline suppression directives (Markdown files only).

Every report text here is synthetic (govlint.synthetic or written for these tests).
"""

from __future__ import annotations

import random

import pytest

from formatkit import Sample, write_md
from govlint.document import BLANK_CELL, CELL_SEPARATOR, Document
from govlint.parser import parse
from govlint.readers import markdown, text
from govlint.synthetic import ReportSpec, compare, render
from govlint.testing import lint_text

SPEC = ReportSpec.random(random.Random(3), template="2021")
SPEC.contact = None
BLANK_ROW = "二、上年结转政府信息公开申请数量"
TOTAL_ROW = "（七）总计"


def read(source: str, path: str = "r.md") -> Document:
    document = markdown.govlint_read(path=path, data=source.encode("utf-8"))
    assert document is not None
    return document


def where(document: Document, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """(line, column) in the .md file of the ``occurrence``-th ``needle`` of the document text."""
    index = -1
    for _ in range(occurrence + 1):
        index = document.text.index(needle, index + 1)
    return document.position(index)


def source_position(source: str, needle: str) -> tuple[int, int]:
    index = source.index(needle)
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


# ----------------------------------------------------------------------------- hook


def test_claims_markdown_suffixes_only() -> None:
    assert markdown.govlint_read(path="r.txt", data=b"# x\n") is None
    assert markdown.govlint_read(path="<stdin>", data=b"# x\n") is None
    assert read("# 标题\n正文\n", "R.MARKDOWN").reader == "markdown"
    assert markdown.govlint_report_suffixes() == [".md", ".markdown"]
    # the text reader no longer claims .md for directory search (it still reads anything as a fallback)
    assert not {".md", ".markdown"} & set(text.govlint_report_suffixes())


def test_synthetic_markdown_parses_back_exactly() -> None:
    document = read(render(SPEC, "markdown"))
    assert document.position_scheme == "line:column"
    assert compare(SPEC, parse(document)) == []


def test_empty_markdown_is_unreadable() -> None:
    from govlint.errors import ReadError

    with pytest.raises(ReadError, match="没有内容"):
        read("<!-- 只有注释 -->\n\n---\n")


# ----------------------------------------------------------------------------- conversion


def test_pipe_table_rows_become_cell_lines() -> None:
    source = "## 二、表\n\n| 信息内容 | 本年制发件数 | 本年废止件数 |\n|---|:---:|---:|\n| 规章 | 0 | 15 |\n"
    document = read(source)
    assert document.text == "二、表\n\n" + CELL_SEPARATOR.join(["信息内容", "本年制发件数", "本年废止件数"]) + "\n" + \
        CELL_SEPARATOR.join(["规章", "0", "15"]) + "\n"
    assert "---" not in document.text and "#" not in document.text


def test_positions_map_to_the_markdown_file() -> None:
    source = "# 标题\n\n## 二、表\n\n| 信息内容 | 件数 |\n|---|---|\n|  规章 |  15 |\n"
    document = read(source)
    assert where(document, "二、表") == source_position(source, "二、表") == (3, 4)
    assert where(document, "15") == source_position(source, "15") == (7, 10)
    assert where(document, "规章") == (7, 4)
    # the separator between two cells maps to the pipe between them
    assert where(document, CELL_SEPARATOR, 1) == (7, 7)


def test_empty_value_cell_is_blank_at_its_position() -> None:
    source = "| 行 | 甲 | 乙 | 总计 |\n|---|---|---|---|\n| 一、新收 | 1 | 2 |   |\n| 二、结转 | 3 |  | 3 |\n"
    document = read(source)
    lines = document.text.splitlines()
    assert lines[1] == CELL_SEPARATOR.join(["一、新收", "1", "2", BLANK_CELL])
    assert lines[2] == CELL_SEPARATOR.join(["二、结转", "3", BLANK_CELL, "3"])
    assert where(document, BLANK_CELL) == (3, 17)  # just after the cell's opening pipe
    assert where(document, BLANK_CELL, 1) == (4, 13)


def test_empty_label_and_header_cells_are_merged_cells_not_blanks() -> None:
    """Markdown has no merged cells: an empty cell under a merged label contributes nothing."""
    source = (
        "| 说明 | 申请人情况 |  |  |\n|---|---|---|---|\n| 自然人 | 法人 | 总计 |  |\n"
        "| 三、结果 | （一）公开 | 1 | 1 |\n|  | （二）部分公开 | 2 | 2 |\n| （七）总计 |  | 3 | 3 |\n"
    )
    lines = read(source).text.splitlines()
    assert lines == [
        "说明 | 申请人情况",
        "自然人 | 法人 | 总计",
        "三、结果 | （一）公开 | 1 | 1",
        "（二）部分公开 | 2 | 2",
        "（七）总计 | 3 | 3",
    ]


def test_table_without_outer_pipes_and_escaped_pipe() -> None:
    source = "甲 | 乙\n--- | ---\n1 | a\\|b\n\n后文\n"
    assert read(source).text == "甲 | 乙\n1 | a|b\n\n后文\n"


def test_markup_is_removed() -> None:
    source = (
        "标题\n====\n\n## **一、总体情况** ##\n\n正文**加粗**与__强调__。\n\n***\n\n```\n| 代码 | 不是表格 |\n```\n"
        "<!-- 普通注释 -->文字<!-- 多行\n注释 -->接着\n"
    )
    document = read(source)
    assert document.text == "标题\n\n一、总体情况\n\n正文加粗与强调。\n\n\n| 代码 | 不是表格 |\n文字\n接着\n"
    assert where(document, "接着") == (14, 7)
    assert where(document, "强调") == (6, 12)


def test_crlf_line_endings() -> None:
    document = read("# 标题\r\n\r\n| 规章 | 15 |\r\n|---|---|\r\n")
    assert document.text == "标题\n\n规章 | 15\n"
    assert where(document, "15") == (3, 8)


def test_full_output_shows_the_markdown_line() -> None:
    source = "# 标题\n\n| 规章 | 15 |\n"
    document = read(source)
    line, _ = where(document, "15")
    assert document.source_line(line) == "| 规章 | 15 |"


# ----------------------------------------------------------------------------- directives


def test_directives_become_suppressions_with_original_lines() -> None:
    source = (
        "第一行\n"                                   # 1
        "<!-- govlint-disable GOV301, GOV302 -->\n"  # 2
        "第三行\n"                                   # 3
        "<!-- govlint-enable -->\n"                  # 4
        "\n"                                         # 5
        "<!-- govlint-ignore gov601 GOV3 -->\n"      # 6
        "\n"                                         # 7
        "<!-- 普通注释 -->\n"                         # 8
        "第九行\n"                                   # 9
        "  <!--govlint-ignore-->\n"                  # 10
        "第十一行\n"                                 # 11
        "<!-- govlint-disable -->\n"                 # 12
        "第十三行\n"                                 # 13
    )
    document = read(source)
    got = [(s.codes, s.first_line, s.last_line, tuple(s.span), s.text) for s in document.suppressions]
    assert got == [
        (("GOV301", "GOV302"), 2, 4, (2, 1, 2, 40), "<!-- govlint-disable GOV301, GOV302 -->"),
        (("GOV601", "GOV3"), 9, 9, (6, 1, 6, 36), "<!-- govlint-ignore gov601 GOV3 -->"),
        ((), 11, 11, (10, 3, 10, 24), "<!--govlint-ignore-->"),
        ((), 12, 14, (12, 1, 12, 25), "<!-- govlint-disable -->"),  # to the end of the file
    ]
    assert document.text == "第一行\n第三行\n\n\n第九行\n第十一行\n第十三行\n"
    assert where(document, "第九行") == (9, 1)


def test_enable_with_codes_ends_only_those_ranges() -> None:
    source = "<!-- govlint-disable GOV301 -->\n<!-- govlint-disable GOV5 -->\na\n<!-- govlint-enable GOV301 -->\nb\n"
    ranges = [(s.codes, s.first_line, s.last_line) for s in read(source).suppressions]
    assert ranges == [(("GOV301",), 1, 4), (("GOV5",), 2, 6)]


def test_directives_in_text_files_are_plain_text() -> None:
    document = text.govlint_read(path="r.txt", data="<!-- govlint-disable -->\n正文\n".encode("utf-8"))
    assert document.suppressions == []
    assert document.text.startswith("<!-- govlint-disable -->")


# ----------------------------------------------------------------------------- directives, end to end


def defective_markdown() -> list[str]:
    """The synthetic report as Markdown: a wrong （七）总计 and a blank 总计 cell."""
    spec = ReportSpec.random(random.Random(3), template="2021")
    spec.contact = None
    spec.applications["total"][0] += 3
    sample = Sample(spec, frozenset({(BLANK_ROW, 6)}))
    return write_md(sample).decode("utf-8").split("\n")


def insert_before(lines: list[str], prefix: str, directive: str) -> tuple[str, int, int]:
    """The document with ``directive`` on its own line before the line containing ``prefix``.

    Returns the text, the 1-based line of the directive and the line of the row after it.
    """
    index = next(n for n, line in enumerate(lines) if prefix in line)
    new = lines[:index] + [directive] + lines[index:]
    return "\n".join(new), index + 1, index + 2


def codes_at(diagnostics, line: int) -> set[str]:
    return {d.code for d in diagnostics if d.line == line}


SELECT = ["GOV3", "GOV006", "GOV501", "GOV901"]


def test_defects_are_reported_without_directives() -> None:
    lines = defective_markdown()
    found = lint_text("\n".join(lines), select=SELECT, filename="r.md")
    total_line = next(n for n, line in enumerate(lines, 1) if TOTAL_ROW in line)
    blank_line = next(n for n, line in enumerate(lines, 1) if BLANK_ROW in line)
    assert codes_at(found, total_line) == {"GOV301", "GOV302", "GOV303"}
    assert codes_at(found, blank_line) == {"GOV307"}  # a blank total: GOV307 only, never GOV006 too
    assert "GOV901" not in {d.code for d in found}


def test_ignore_next_line_with_codes() -> None:
    source, directive, row = insert_before(defective_markdown(), BLANK_ROW, "<!-- govlint-ignore GOV307 -->")
    found = lint_text(source, select=SELECT, filename="r.md")
    assert codes_at(found, row) == set()
    assert {"GOV301", "GOV302", "GOV303"} <= {d.code for d in found}  # other lines keep theirs
    assert "GOV901" not in {d.code for d in found}


def test_ignore_next_line_without_codes() -> None:
    source, directive, row = insert_before(defective_markdown(), BLANK_ROW, "<!-- govlint-ignore -->")
    found = lint_text(source, select=SELECT, filename="r.md")
    assert codes_at(found, row) == set()
    assert "GOV901" not in {d.code for d in found}


def test_disable_enable_range_with_a_prefix() -> None:
    lines = defective_markdown()
    index = next(n for n, line in enumerate(lines) if TOTAL_ROW in line)
    lines[index:index + 1] = ["<!-- govlint-disable GOV302 GOV303 -->", lines[index], "<!-- govlint-enable -->"]
    found = lint_text("\n".join(lines), select=SELECT, filename="r.md")
    assert codes_at(found, index + 2) == {"GOV301"}
    assert "GOV901" not in {d.code for d in found}


def test_disable_without_enable_runs_to_the_end() -> None:
    source, directive, row = insert_before(defective_markdown(), BLANK_ROW, "<!-- govlint-disable GOV3 -->")
    found = lint_text(source, select=SELECT, filename="r.md")
    assert not [d for d in found if d.code.startswith("GOV3")]
    assert {d.code for d in found} == {"GOV501"}


def test_unused_directive_is_gov901_at_the_directive() -> None:
    lines = defective_markdown()
    index = next(n for n, line in enumerate(lines) if line.startswith("## 五、"))
    lines.insert(index, "  <!-- govlint-ignore GOV601 -->")
    found = lint_text("\n".join(lines), select=SELECT, filename="r.md")
    unused = [d for d in found if d.code == "GOV901"]
    assert [(d.line, d.column, d.end_line, d.end_column) for d in unused] == [(index + 1, 3, index + 1, 33)]
    assert "<!-- govlint-ignore GOV601 -->" in unused[0].message and "GOV601" in unused[0].message
    assert unused[0].severity.value == "warning"


def test_used_and_unused_directives_together() -> None:
    source, directive, row = insert_before(defective_markdown(), BLANK_ROW, "<!-- govlint-ignore GOV307 GOV501 -->")
    found = lint_text(source, select=SELECT, filename="r.md")
    # GOV307 was silenced there, so the directive is used even though GOV501 is not on that line
    assert codes_at(found, row) == set()
    assert "GOV901" not in {d.code for d in found}
    assert "GOV501" in {d.code for d in found}


def test_gov901_can_be_deselected() -> None:
    lines = defective_markdown()
    lines.insert(0, "<!-- govlint-ignore GOV601 -->")
    found = lint_text("\n".join(lines), select=["GOV3"], filename="r.md")
    assert "GOV901" not in {d.code for d in found}


def test_directives_are_not_honoured_in_text_files() -> None:
    source, directive, row = insert_before(defective_markdown(), TOTAL_ROW, "<!-- govlint-ignore -->")
    source += "\n<!-- govlint-disable GOV601 -->\n"
    as_markdown = lint_text(source, select=SELECT, filename="r.md")
    as_text = lint_text(source, select=SELECT, filename="r.txt")
    assert codes_at(as_markdown, row) == set()
    assert {"GOV301", "GOV302"} <= codes_at(as_text, row)
    assert "GOV901" in {d.code for d in as_markdown}  # the GOV601 range silenced nothing
    assert "GOV901" not in {d.code for d in as_text}
