"""GOV605 aggregate-mismatch: an aggregate report against the sum of its units' reports.

Three synthetic unit reports (tests/reportkit.py) and a parent whose every cell is their
sum are written to a temporary directory and checked by the real command line
(``govlint check --aggregate PARENT --units DIR``) and through the configuration's
``aggregate`` table; the rule's pure parts are tested on parsed reports. Every text here
is written for these tests; none comes from a real report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from clikit import govlint_json as govlint
from reportkit import spec

from govlint.document import Document
from govlint.model_aggregate import AggregateUnits, ExcludedUnit, UnitSummary, summarize
from govlint.parser import parse
from govlint.synthetic import ReportSpec, render
from govlint_rules.consistency.aggregate_rule import aggregate_mismatch, shorten

YEAR = 2023
NEW = "一、本年新收政府信息公开申请数量"
CARRIED_OUT = "四、结转下年度继续办理"


def unit_specs(year: int = YEAR, template: str = "2021") -> list[ReportSpec]:
    """Three units of one county with different figures in every part."""
    return [
        spec(issuer="桐溪县水务局", year=year, template=template, granted=(3, 1, 0, 0, 0, 0), partial=2,
             licensing=10, penalty=5),
        spec(issuer="桐溪县商务局", year=year, template=template, granted=4, partial=(1, 0, 2, 0, 0, 0),
             licensing=20, penalty=0, review=(0, 1, 0, 0)),
        spec(issuer="桐溪县文旅局", year=year, template=template, granted=0, partial=5, licensing=0,
             penalty=7, normative=(1, 0, 3)),
    ]


def summed(units: list[ReportSpec], issuer: str = "桐溪县人民政府") -> ReportSpec:
    """The aggregate report of ``units``: every cell the sum of the units' cells."""
    tables = [u.tables() for u in units]

    def add(key: str) -> dict[str, list]:
        return {row: [sum(values) for values in zip(*(t[key][row] for t in tables))] for row in tables[0][key]}

    first = units[0]
    return ReportSpec(
        template=first.template, year=first.year, issuer=issuer,
        active={key: add(key) for key in first.active},
        applications=add("applications"),
        review=[sum(values) for values in zip(*(u.review for u in units))],
        period=first.period, prose=first.prose,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def county(tmp_path: Path, parent_edits: dict[str, str] | None = None) -> tuple[Path, str]:
    """Write the three units (``units/``) and their parent (``汇总.txt``); return the parent's path and text."""
    units = unit_specs()
    for number, unit in enumerate(units, start=1):
        write(tmp_path / "units" / f"unit{number}.txt", render(unit, "rows"))
    text = render(summed(units), "rows")
    for old, new in (parent_edits or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return write(tmp_path / "汇总.txt", text), text


def gov605(diagnostics):
    return [d for d in diagnostics if d["code"] == "GOV605"]


def cell_position(text: str, label: str, index: int) -> tuple[int, int]:
    """(line, column) of the ``index``-th value (0-based) of the row whose line starts with ``label``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(label):
            cells = line.split("\t")
            return number, len("\t".join(cells[: index + 1])) + 2
    raise AssertionError(label)


def row_line(text: str, label: str) -> str:
    return next(line for line in text.split("\n") if line.startswith(label))


def with_cell(text: str, label: str, index: int, value: str) -> str:
    """``text`` with the ``index``-th value of the row ``label`` replaced."""
    line = row_line(text, label)
    cells = line.split("\t")
    cells[index + 1] = value
    return text.replace(line, "\t".join(cells), 1)


# --------------------------------------------------------------------------- the acceptance


def test_parent_that_is_the_exact_sum_is_silent(tmp_path: Path) -> None:
    county(tmp_path)
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    assert gov605(diagnostics) == [], result.stdout
    assert result.returncode == 0, result.stderr
    # only the parent is checked when no PATHS are given
    assert {Path(d["filename"]).name for d in diagnostics} <= {"汇总.txt"}


@pytest.mark.parametrize("styles", [("pipes", "cells", "spaces"), ("markdown", "pdf", "crawler")])
def test_units_in_other_layouts_sum_the_same(tmp_path: Path, styles) -> None:
    units = unit_specs()
    for number, (unit, style) in enumerate(zip(units, styles), start=1):
        suffix = ".md" if style == "markdown" else ".txt"
        write(tmp_path / "units" / f"unit{number}{suffix}", render(unit, style, seed=number))
    text = render(summed(units), "rows").replace("行政许可\t30", "行政许可\t29", 1)
    write(tmp_path / "汇总.txt", text)
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    messages = [d["message"] for d in gov605(diagnostics)]
    assert len(messages) == 1 and "列为29，但3个单位报告之和为30" in messages[0], messages


def test_one_finding_per_wrong_cell_naming_the_units(tmp_path: Path) -> None:
    units = unit_specs()
    text = render(summed(units), "rows")
    new = row_line(text, NEW).split("\t")
    text = with_cell(text, NEW, 0, str(int(new[1]) + 2))          # 三: 自然人
    text = with_cell(text, NEW, 6, str(int(new[7]) + 2))          # 三: 总计 (the row stays consistent)
    text = text.replace("行政许可\t30", "行政许可\t31", 1)           # 二: 行政许可 处理决定数量
    for number, unit in enumerate(units, start=1):
        write(tmp_path / "units" / f"unit{number}.txt", render(unit, "rows"))
    write(tmp_path / "汇总.txt", text)

    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    found = gov605(diagnostics)
    assert result.returncode == 1, result.stderr
    assert len(found) == 3, [d["message"] for d in found]
    by_place = {(d["location"]["row"], d["location"]["column"]): d["message"] for d in found}
    natural = by_place[cell_position(text, NEW, 0)]
    assert f"第三部分「{NEW}」行「自然人」列为{int(new[1]) + 2}" in natural
    assert f"3个单位报告之和为{new[1]}" in natural
    assert "桐溪县水务局" in natural and "桐溪县商务局" in natural and "桐溪县文旅局" in natural
    assert "「总计」列" in by_place[cell_position(text, NEW, 6)]
    licensing = by_place[cell_position(text, "行政许可", 0)]
    assert "「行政许可」行「本年处理决定数量」列为31，但3个单位报告之和为30" in licensing
    assert "桐溪县水务局：10、桐溪县商务局：20，其余1个单位为0" in licensing
    assert all(d["severity"] == "error" for d in found)


def test_wrong_review_cell_points_at_it(tmp_path: Path) -> None:
    units = unit_specs()
    text = render(summed(units), "rows")
    line = next(line for line in text.split("\n") if len(line.split("\t")) == 15)
    cells = line.split("\t")
    cells[1] = str(int(cells[1]) + 1)  # 行政复议 结果纠正
    cells[4] = str(int(cells[4]) + 1)  # 行政复议 总计
    text = text.replace(line, "\t".join(cells), 1)
    for number, unit in enumerate(units, start=1):
        write(tmp_path / "units" / f"unit{number}.txt", render(unit, "rows"))
    write(tmp_path / "汇总.txt", text)
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    messages = sorted(d["message"] for d in gov605(diagnostics))
    assert len(messages) == 2, messages
    assert any(m.startswith("第四部分「行政复议」的「结果纠正」为") for m in messages)
    assert any(m.startswith("第四部分「行政复议」的「总计」为") for m in messages)


def test_missing_unit_is_reported_not_counted_as_zero(tmp_path: Path) -> None:
    county(tmp_path)
    (tmp_path / "units" / "unit3.txt").rename(tmp_path / "elsewhere.txt")  # the parent still counts it
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units",
                                  "--units", "units/unit3.txt")
    found = gov605(diagnostics)
    assert len(found) == 1, [d["message"] for d in found]
    message = found[0]["message"]
    assert "units/unit3.txt（无法读取" in message
    assert "缺少的单位不按0计" in message and "未逐格比较" in message
    assert (found[0]["location"]["row"], found[0]["location"]["column"]) == (1, 1)  # the title
    assert result.returncode == 1


def test_unreadable_unit_is_reported(tmp_path: Path) -> None:
    county(tmp_path)
    (tmp_path / "units" / "unit4.docx").write_bytes(b"this is not a zip archive")
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    found = gov605(diagnostics)
    assert len(found) == 1, [d["message"] for d in found]
    assert "1个单位报告未计入：units/unit4.docx（无法读取：" in found[0]["message"]
    assert result.returncode == 1  # a finding, not a failure of the parent's check
    assert "unit4.docx" not in result.stderr


def test_unit_of_another_year_is_excluded_and_named(tmp_path: Path) -> None:
    county(tmp_path)
    old = unit_specs(year=YEAR - 1)[0]
    write(tmp_path / "units" / "unit1.txt", render(old, "rows"))
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    found = gov605(diagnostics)
    assert len(found) == 1, [d["message"] for d in found]
    assert f"units/unit1.txt（为{YEAR - 1}年度报告，与汇总报告的{YEAR}年度不同）" in found[0]["message"]


def test_unit_of_another_format_is_excluded_and_named(tmp_path: Path) -> None:
    county(tmp_path)
    write(tmp_path / "units" / "unit2.txt", render(unit_specs(year=2020, template="2019")[1], "rows"))
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    found = gov605(diagnostics)
    assert len(found) == 1
    assert "units/unit2.txt（2019年格式，与汇总报告的2021年格式不同）" in found[0]["message"]


def test_same_issuer_twice_is_named_not_summed(tmp_path: Path) -> None:
    county(tmp_path)
    (tmp_path / "units" / "unit1 (copy).txt").write_text((tmp_path / "units" / "unit1.txt").read_text("utf-8"), "utf-8")
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    found = gov605(diagnostics)
    assert len(found) == 1, [d["message"] for d in found]
    assert "发布机关同为「桐溪县水务局」，可能是同一报告的重复文件" in found[0]["message"]


def test_unreadable_unit_cells_are_said_once(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    unit = tmp_path / "units" / "unit2.txt"
    original = unit.read_text("utf-8")
    unit.write_text(with_cell(original, CARRIED_OUT, 0, "/"), "utf-8")  # one cell unknown
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    messages = [d["message"] for d in gov605(diagnostics)]
    assert len(messages) == 2, messages  # the wrong 行政许可 cell is still found
    unknown = next(m for m in messages if "未与单位报告之和比较" in m)
    assert unknown.startswith("1个单元格未与单位报告之和比较：桐溪县商务局的报告中对应单元格没有可读的数字")
    assert f"「{CARRIED_OUT}」行「自然人」列" in unknown
    # a blank cell as well: the row is read short, so none of its seven cells is known
    unit.write_text(with_cell(with_cell(original, CARRIED_OUT, 0, "/"), CARRIED_OUT, 2, ""), "utf-8")
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    unknown = next(d["message"] for d in gov605(diagnostics) if "未与单位报告之和比较" in d["message"])
    assert unknown.startswith("7个单元格未与单位报告之和比较")
    assert "等7个单元格" in unknown


def test_unit_directory_holding_the_parent_skips_it(tmp_path: Path) -> None:
    county(tmp_path)
    (tmp_path / "汇总.txt").rename(tmp_path / "units" / "汇总.txt")
    result, diagnostics = govlint(tmp_path, "--aggregate", "units/汇总.txt", "--units", "units")
    assert gov605(diagnostics) == [], [d["message"] for d in diagnostics]
    assert result.returncode == 0


def test_suppression_directive_in_the_parent(tmp_path: Path) -> None:
    units = unit_specs()
    for number, unit in enumerate(units, start=1):
        write(tmp_path / "units" / f"unit{number}.txt", render(unit, "rows"))
    text = render(summed(units), "markdown").replace("| 行政许可 | 30 |", "| 行政许可 | 31 |")
    write(tmp_path / "汇总.md", "<!-- govlint-disable GOV605 -->\n" + text)
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.md", "--units", "units")
    assert {d["code"] for d in diagnostics} & {"GOV605", "GOV901"} == set(), [d["message"] for d in diagnostics]
    write(tmp_path / "汇总.md", text)
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.md", "--units", "units")
    assert len(gov605(diagnostics)) == 1


def test_copy_of_the_parent_among_the_units_is_skipped(tmp_path: Path) -> None:
    _parent, text = county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    write(tmp_path / "units" / "汇总副本.md", text)  # the aggregate report itself, in another file
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    messages = [d["message"] for d in gov605(diagnostics)]
    assert len(messages) == 1 and "列为29，但3个单位报告之和为30" in messages[0], messages


def test_own_level_report_of_the_same_issuer_is_a_unit(tmp_path: Path) -> None:
    units = [*unit_specs(), spec(issuer="桐溪县人民政府", year=YEAR, granted=2, partial=0, licensing=0, penalty=0)]
    for number, unit in enumerate(units, start=1):
        write(tmp_path / "units" / f"unit{number}.txt", render(unit, "rows"))
    write(tmp_path / "汇总.txt", render(summed(units), "rows"))
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    assert gov605(diagnostics) == [], [d["message"] for d in diagnostics]
    write(tmp_path / "汇总.txt", render(summed(units[:3]), "rows"))  # the 本级 report left out of the sums
    _result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units")
    assert gov605(diagnostics), "the 本级 report's figures count"


def test_parent_is_added_to_the_inputs(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    write(tmp_path / "other" / "a.txt", render(spec(issuer="桐溪县教育局", year=YEAR), "rows"))
    _result, diagnostics = govlint(tmp_path, "other", "--aggregate", "汇总.txt", "--units", "units")
    names = {Path(d["filename"]).name for d in diagnostics}
    assert "汇总.txt" in names
    assert len(gov605(diagnostics)) == 1


def test_missing_parent_is_an_unreadable_input(tmp_path: Path) -> None:
    county(tmp_path)
    result, diagnostics = govlint(tmp_path, "--aggregate", "不存在.txt", "--units", "units")
    assert result.returncode == 2
    assert [d["code"] for d in diagnostics] == ["GOV001"]
    assert "不存在.txt" in result.stderr


def test_without_aggregate_gov605_never_fires(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    _result, diagnostics = govlint(tmp_path, ".")
    assert gov605(diagnostics) == []


@pytest.mark.parametrize("args, expected", [
    (("--units", "units"), "--units 需要同时给出 --aggregate"),
    (("--aggregate", "汇总.txt"), "--aggregate 需要至少一个 --units"),
    (("--aggregate", "units", "--units", "units"), "不能是目录"),
])
def test_usage_errors(tmp_path: Path, args, expected) -> None:
    county(tmp_path)
    result, _ = govlint(tmp_path, *args)
    assert result.returncode == 2
    assert expected in result.stderr


def test_concise_output_shows_the_finding(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    command = [sys.executable, "-m", "govlint", "check", "--isolated", "--output-format", "concise",
               "--aggregate", "汇总.txt", "--units", "units"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert "GOV605" in result.stdout and "本年处理决定数量" in result.stdout


def test_gov605_can_be_ignored(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    result, diagnostics = govlint(tmp_path, "--aggregate", "汇总.txt", "--units", "units", "--ignore", "GOV605")
    assert gov605(diagnostics) == []
    assert result.returncode == 0


# --------------------------------------------------------------------------- configuration


def test_config_form_maps_a_parent_to_its_units(tmp_path: Path) -> None:
    project = tmp_path / "county"
    county(project, {"行政许可\t30": "行政许可\t29"})
    write(project / "govlint.toml", 'aggregate = [{parent = "汇总.txt", units = ["units"]}]\n')
    # paths are relative to the configuration file, wherever govlint runs
    _result, diagnostics = govlint(project, "汇总.txt", isolated=False)
    found = gov605(diagnostics)
    assert len(found) == 1 and "本年处理决定数量」列为29" in found[0]["message"]
    _result, diagnostics = govlint(tmp_path, "--config", "county/govlint.toml", "county", isolated=False)
    assert len(gov605(diagnostics)) == 1
    # the configuration that governs the parent applies, found from wherever govlint runs
    _result, diagnostics = govlint(tmp_path, "county", isolated=False)
    assert len(gov605(diagnostics)) == 1
    # a run that does not check the parent does not check the aggregate
    _result, diagnostics = govlint(project, "units", isolated=False)
    assert gov605(diagnostics) == []


def test_config_form_in_pyproject(tmp_path: Path) -> None:
    county(tmp_path, {"行政许可\t30": "行政许可\t29"})
    write(tmp_path / "pyproject.toml",
          '[[tool.govlint.aggregate]]\nparent = "汇总.txt"\nunits = ["units/unit1.txt", "units/unit2.txt", "units/unit3.txt"]\n')
    _result, diagnostics = govlint(tmp_path, "汇总.txt", isolated=False)
    assert len(gov605(diagnostics)) == 1


@pytest.mark.parametrize("value, expected", [
    ('aggregate = "汇总.txt"', "的表的列表"),
    ('aggregate = [{parent = "汇总.txt"}]', "units：应为单位报告文件或目录的非空列表"),
    ('aggregate = [{units = ["units"]}]', "parent：应为汇总报告的路径"),
    ('aggregate = [{parent = "汇总.txt", units = ["units"], unit = 1}]', "未知的键 'unit'"),
])
def test_config_form_is_validated(tmp_path: Path, value: str, expected: str) -> None:
    county(tmp_path)
    write(tmp_path / "govlint.toml", value + "\n")
    result, _ = govlint(tmp_path, "汇总.txt", isolated=False)
    assert result.returncode == 2
    assert expected in result.stderr


# --------------------------------------------------------------------------- the pure rule


def parsed(spec_: ReportSpec, name: str = "r.txt"):
    return parse(Document(name, render(spec_, "rows")))


def test_rule_is_silent_without_units() -> None:
    assert list(aggregate_mismatch.check(parsed(summed(unit_specs())), {})) == []


def test_many_contributing_units_are_shortened() -> None:
    units = [spec(issuer=f"桐溪县第{n}办公室", year=YEAR, granted=1, partial=1) for n in "一二三四五"]
    parent = parsed(summed(units))
    summaries = [summarize(parsed(u, f"u{n}.txt"), f"u{n}.txt") for n, u in enumerate(units)]
    summaries[0].cells[("applications", "granted", "natural")] = 2  # one unit says 2: the sum is 6, not 5
    parent.aggregate = AggregateUnits(units=summaries)
    messages = [v.message for v in aggregate_mismatch.check(parent, {})]
    assert len(messages) == 1, messages
    assert "为5，但5个单位报告之和为6（桐溪县第一办公室：2、桐溪县第二办公室：1、桐溪县第三办公室：1等5个单位）" in messages[0]


def test_many_excluded_units_are_shortened() -> None:
    parent = parsed(summed(unit_specs()))
    parent.aggregate = AggregateUnits(excluded=[ExcludedUnit(f"u{n}.txt", "无法读取：文件不存在") for n in range(8)])
    messages = [v.message for v in aggregate_mismatch.check(parent, {})]
    assert len(messages) == 1
    assert "8个单位报告未计入：u0.txt（无法读取：文件不存在）" in messages[0]
    assert "u4.txt" in messages[0] and "u5.txt" not in messages[0] and "另有3个" in messages[0]


def test_excluded_units_stop_every_comparison() -> None:
    units = unit_specs()
    parent = parsed(summed(units))
    summaries = [summarize(parsed(u), "u.txt") for u in units[:2]]
    parent.aggregate = AggregateUnits(units=summaries, excluded=[ExcludedUnit("u3.txt", "无法读取：文件不存在")])
    messages = [v.message for v in aggregate_mismatch.check(parent, {})]
    assert len(messages) == 1 and "u3.txt（无法读取：文件不存在）" in messages[0]


def test_summary_keeps_unknown_cells_unknown() -> None:
    text = with_cell(render(unit_specs()[0], "rows"), NEW, 1, "/")
    summary = summarize(parse(Document("u.txt", text)), "u.txt")
    assert summary.cells[("applications", "new", "business")] is None
    assert summary.cells[("applications", "new", "natural")] is not None
    assert ("item8", "fees", "fee_amount") not in summary.cells  # money is not summed
    assert isinstance(summary, UnitSummary) and summary.year == YEAR


def test_shorten() -> None:
    assert shorten(["甲", "乙"]) == "甲、乙"
    assert shorten(["甲", "乙", "丙", "丁"]) == "甲、乙、丙等4个单位"
