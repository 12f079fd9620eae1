"""Cross-year rules: GOV602 carry-over-mismatch, GOV603 valid-count-continuity, GOV604
copied-from-previous-year — and the pairing of a report with last year's report.

Pairs of synthetic reports of one issuer (tests/reportkit.py) are written to a temporary
directory and checked by the real command line: in ONE ``govlint check DIR`` run (pairing
by normalised issuer name and consecutive years) and with ``--previous FILE`` /
``--previous DIR``. Every text here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clikit import govlint_json as govlint
from reportkit import OTHER, build

from govlint_rules.consistency.rules import similarity

ISSUER = "云溪县示范局"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
NORMATIVE = "行政规范性文件\t"

# Section 五 of one year: the year and the figures change, the words do not.
def problems(year: int, articles: int) -> list[str]:
    return [
        f"（一）{year - 1}年度问题整改情况。针对上年度政策解读形式单一的问题，{year}年新增图文解读{articles}篇、"
        f"视频解读{articles + 2}个，解读材料与政策文件同步发布、同步更新，并在门户网站设置解读专栏集中展示。",
        "（二）存在的主要问题。一是部分专栏信息更新不够及时；二是依申请公开答复文书的说理还需加强；"
        "三是基层工作人员业务水平参差不齐，对公开范围的把握不够准确。",
        "（三）改进措施。一是建立栏目更新月度巡查制度，发现问题限时整改；二是组织答复文书专题培训，"
        "规范答复的依据和说理；三是编印业务手册，开展案例交流。",
    ]


# Section 五 written anew: this year's problems and what became of last year's measures.
REWRITTEN = [
    "（一）上年度改进措施落实情况。月度巡查制度已经建立并运行，全年共发现并整改栏目问题若干处；"
    "答复文书专题培训覆盖全部业务科室，文书说理明显改善。",
    "（二）本年度存在的主要问题。政策文件的公开时效仍有差距，个别文件印发后未在规定时间内公开；"
    "政务新媒体与门户网站的信息同步机制尚不健全。",
    "（三）下一步改进措施。将文件公开时限纳入督办事项，逐件跟踪；制定新媒体与网站信息同步规程，"
    "明确责任科室和发布流程。",
]

# Section 六 differs from year to year so that only section 五 is compared as copied.
OTHER_NEXT = [
    "本年度依法收取信息处理费零元。按照本年度政务公开工作要点，重点推进行政决策公开和政策解读回应，"
    "完成决策预公开事项清单的编制，并对重大行政决策的意见征集和采纳情况逐项作出说明，接受公众监督。",
]


def report(year: int, *, issuer: str = ISSUER, template: str = "2021", **fields) -> str:
    fields.setdefault("problems", problems(year, 6 if year % 2 else 9))
    fields.setdefault("partial", (25, 2, 0, 0, 0, 0))  # results in two columns, so both can carry over
    fields.setdefault("other", OTHER if year % 2 else OTHER_NEXT)
    return build(year=year, issuer=issuer, template=template, **fields).text


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def of(diagnostics, code: str, filename: str | None = None):
    return [d for d in diagnostics if d["code"] == code and (filename is None or Path(d["filename"]).name == filename)]


def cell_column(text: str, label: str, index: int) -> tuple[int, int]:
    """(line, column) of the ``index``-th value (0-based) of the row whose line starts with ``label``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(label):
            cells = line.split("\t")
            return number, len("\t".join(cells[: index + 1])) + 2
    raise AssertionError(label)


# --------------------------------------------------------------------------- GOV602

def test_carry_over_mismatch_is_one_finding_naming_every_column_in_one_directory_run(tmp_path):
    write(tmp_path, "2022.txt", report(2022, carried_out=(5, 1, 0, 0, 0, 0)))
    this_year = report(2023, carried_in=(3, 1, 0, 0, 0, 0))
    write(tmp_path, "2023.txt", this_year)
    result, found = govlint(tmp_path, "--select", "GOV602", ".")
    assert result.returncode == 1, result.stderr  # GOV602 is an error
    (carry,) = of(found, "GOV602")
    assert Path(carry["filename"]).name == "2023.txt"
    assert "「自然人」列为3，上年为5；「总计」列为4，上年为6" in carry["message"]
    assert "2022年" in carry["message"] and "2022.txt" in carry["message"]
    assert carry["severity"] == "error"
    assert (carry["location"]["row"], carry["location"]["column"]) == cell_column(this_year, CARRIED_IN, 0)
    # 商业企业 carried 1 → 1: not named.
    assert "商业企业" not in carry["message"]


def test_matching_carry_over_is_silent(tmp_path):
    write(tmp_path, "2022.txt", report(2022, carried_out=(5, 1, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(5, 1, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV602", ".")
    assert result.returncode == 0, result.stderr
    assert found == []


def test_carry_over_is_compared_across_the_two_formats(tmp_path):
    write(tmp_path, "2020.txt", report(2020, template="2019", carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2021.txt", report(2021, carried_in=(2, 0, 0, 0, 0, 0)))
    _, found = govlint(tmp_path, "--select", "GOV602", ".")
    assert [Path(d["filename"]).name for d in of(found, "GOV602")] == ["2021.txt"]


def test_previous_file_option(tmp_path):
    write(tmp_path / "last", "report.txt", report(2022, carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path / "this", "report.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", "this", "--previous", "last/report.txt")
    assert result.returncode == 1, result.stderr
    assert len(of(found, "GOV602")) == 1
    # The previous-year report gets no diagnostics of its own, although it has some (no
    # contact details: GOV501) when checked itself.
    _, own = govlint(tmp_path, "last/report.txt")
    assert of(own, "GOV501")
    _, found = govlint(tmp_path, "this", "--previous", "last/report.txt")
    assert of(found, "GOV501") and of(found, "GOV602")
    assert {Path(d["filename"]).parent.name for d in found} == {"this"}


def test_previous_directory_option(tmp_path):
    write(tmp_path / "archive", "2021.txt", report(2021, carried_out=(9, 0, 0, 0, 0, 0)))
    write(tmp_path / "archive", "2022.txt", report(2022, carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path / "archive", "other-office-2022.txt", report(2022, issuer="云溪县另一局"))
    write(tmp_path / "this", "2023.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", "this", "--previous", "archive")
    assert result.returncode == 1, result.stderr
    carry = of(found, "GOV602")
    assert len(carry) == 1 and all("上年为5" in d["message"] for d in carry)  # 2022, not 2021
    assert {Path(d["filename"]).parent.name for d in found} == {"this"}


def test_previous_file_that_is_also_an_input_still_pairs(tmp_path):
    write(tmp_path, "2022.txt", report(2022, carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    _, found = govlint(tmp_path, "--select", "GOV602", ".", "--previous", "2022.txt")
    assert len(of(found, "GOV602", "2023.txt")) == 1


def test_previous_report_with_another_issuer_is_not_used(tmp_path):
    write(tmp_path / "last", "report.txt", report(2022, issuer="云溪县另一局", carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path / "this", "report.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", "this", "--previous", "last/report.txt")
    assert result.returncode == 0 and found == []


# --------------------------------------------------------------------------- pairing

def test_no_pairing_between_different_issuers(tmp_path):
    write(tmp_path, "a-2022.txt", report(2022, issuer="云溪县示范局", carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "b-2023.txt", report(2023, issuer="云溪县财政局", carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", ".")
    assert result.returncode == 0 and found == []


def test_issuer_names_are_compared_without_spaces_and_punctuation(tmp_path):
    write(tmp_path, "2022.txt", report(2022, issuer="云溪县 示范局", carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, issuer="云溪县示范局", carried_in=(3, 0, 0, 0, 0, 0)))
    _, found = govlint(tmp_path, "--select", "GOV602", ".")
    assert len(of(found, "GOV602", "2023.txt")) == 1


def test_no_pairing_when_years_are_not_consecutive(tmp_path):
    write(tmp_path, "2021.txt", report(2021, carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", ".")
    assert result.returncode == 0 and found == []


def test_no_pairing_when_two_reports_could_be_last_years(tmp_path):
    write(tmp_path, "2022.txt", report(2022, carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2022-revised.txt", report(2022, carried_out=(3, 0, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV6", ".")
    assert result.returncode == 0 and found == []


def test_three_consecutive_years_pair_each_with_its_predecessor(tmp_path):
    write(tmp_path, "2021.txt", report(2021, carried_out=(2, 0, 0, 0, 0, 0)))
    write(tmp_path, "2022.txt", report(2022, carried_in=(1, 0, 0, 0, 0, 0), carried_out=(5, 0, 0, 0, 0, 0)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(5, 0, 0, 0, 0, 0)))
    _, found = govlint(tmp_path, "--select", "GOV602", ".")
    assert {Path(d["filename"]).name for d in of(found, "GOV602")} == {"2022.txt"}


def test_unreadable_previous_file_exits_2_with_one_line(tmp_path):
    write(tmp_path / "this", "2023.txt", report(2023))
    for selection in ("GOV6", "GOV601"):  # also when no cross-year rule is selected
        result, _ = govlint(tmp_path, "--select", selection, "this", "--previous", "missing-2022.txt")
        assert result.returncode == 2, (selection, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("govlint: error: ") and "missing-2022.txt" in lines[0]
        assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- GOV603

def test_valid_count_continuity_fires_when_the_stock_does_not_add_up(tmp_path):
    write(tmp_path, "2022.txt", report(2022, normative=(3, 0, 14)))
    this_year = report(2023, normative=(2, 1, 20))
    write(tmp_path, "2023.txt", this_year)
    result, found = govlint(tmp_path, "--select", "GOV603", ".")
    assert result.returncode == 0, result.stderr  # a warning
    (diagnostic,) = of(found, "GOV603")
    assert Path(diagnostic["filename"]).name == "2023.txt" and diagnostic["severity"] == "warning"
    for part in ("「行政规范性文件」", "为20", "14", "本年制发2", "本年废止1", "应为15"):
        assert part in diagnostic["message"], part
    assert (diagnostic["location"]["row"], diagnostic["location"]["column"]) == cell_column(this_year, NORMATIVE, 2)


def test_valid_count_continuity_checks_rules_too(tmp_path):
    write(tmp_path, "2022.txt", report(2022, rules=(1, 0, 4), normative=(2, 1, 15)))
    write(tmp_path, "2023.txt", report(2023, rules=(1, 0, 4), normative=(2, 1, 16)))
    _, found = govlint(tmp_path, "--select", "GOV603", ".")
    (diagnostic,) = of(found, "GOV603")
    assert "「规章」" in diagnostic["message"] and "应为5" in diagnostic["message"]


def test_valid_count_continuity_is_silent_when_the_stock_adds_up(tmp_path):
    write(tmp_path, "2022.txt", report(2022, normative=(3, 0, 14), rules=(0, 0, 2)))
    write(tmp_path, "2023.txt", report(2023, normative=(2, 1, 15), rules=(1, 1, 2)))
    _, found = govlint(tmp_path, "--select", "GOV603", ".")
    assert found == []


@pytest.mark.parametrize("formats", [("2019", "2021"), ("2019", "2019")])
def test_valid_count_continuity_needs_the_2021_format_in_both_years(tmp_path, formats):
    last, this = formats
    years = (2020, 2021) if this == "2021" else (2019, 2020)
    write(tmp_path, "last.txt", report(years[0], template=last, normative=(3, 0, 14)))
    write(tmp_path, "this.txt", report(years[1], template=this, normative=(2, 1, 20)))
    _, found = govlint(tmp_path, "--select", "GOV603", ".")
    assert found == []


def test_valid_count_continuity_with_previous_option(tmp_path):
    write(tmp_path / "last", "2022.txt", report(2022, normative=(3, 0, 14)))
    write(tmp_path / "this", "2023.txt", report(2023, normative=(2, 1, 20)))
    _, found = govlint(tmp_path, "--select", "GOV603", "this", "--previous", "last")
    assert len(of(found, "GOV603", "2023.txt")) == 1


# --------------------------------------------------------------------------- GOV604

def test_section_five_copied_with_new_figures_is_reported(tmp_path):
    write(tmp_path, "2022.txt", report(2022, problems=problems(2022, 9)))
    this_year = report(2023, problems=problems(2023, 6))
    write(tmp_path, "2023.txt", this_year)
    result, found = govlint(tmp_path, "--select", "GOV604", ".")
    assert result.returncode == 0, result.stderr
    (diagnostic,) = of(found, "GOV604")
    assert Path(diagnostic["filename"]).name == "2023.txt"
    assert "第五部分「五、存在的主要问题及改进情况」" in diagnostic["message"]
    assert "相似度为100%" in diagnostic["message"] and "2022年" in diagnostic["message"]
    heading = this_year.split("\n").index("五、存在的主要问题及改进情况") + 1
    assert diagnostic["location"]["row"] == heading and diagnostic["severity"] == "warning"


def test_rewritten_section_five_is_silent(tmp_path):
    write(tmp_path, "2022.txt", report(2022, problems=problems(2022, 9)))
    write(tmp_path, "2023.txt", report(2023, problems=REWRITTEN))
    result, found = govlint(tmp_path, "--select", "GOV604", ".")
    assert result.returncode == 0 and found == []


def test_copied_section_with_previous_option(tmp_path):
    write(tmp_path / "last", "2022.txt", report(2022, problems=problems(2022, 9)))
    write(tmp_path / "this", "2023.txt", report(2023, problems=problems(2023, 6)))
    _, found = govlint(tmp_path, "--select", "GOV604", "this", "--previous", "last/2022.txt")
    assert len(of(found, "GOV604", "2023.txt")) == 1
    assert {Path(d["filename"]).parent.name for d in found} == {"this"}


def _mostly_copied():
    """Section 五 with its last paragraph rewritten: similar (≥ 0.9) but not near-identical (< 0.99)."""
    text = problems(2023, 6)[:2] + [
        "（三）改进措施。一是建立栏目更新月度巡查制度，发现问题限时整改；二是组织答复文书专题培训，"
        "规范答复的依据和说理；三是编印业务手册，开展典型案例交流。",
    ]
    score = similarity("\n".join(problems(2022, 9)), "\n".join(text))
    assert 0.9 <= score < 0.99, score
    return text


def test_threshold_option_from_the_configuration_file(tmp_path):
    write(tmp_path, "2022.txt", report(2022, problems=problems(2022, 9)))
    write(tmp_path, "2023.txt", report(2023, problems=_mostly_copied()))
    _, found = govlint(tmp_path, "--select", "GOV604", ".", isolated=False)
    (diagnostic,) = of(found, "GOV604")
    assert "第五部分" in diagnostic["message"]
    write(tmp_path, ".govlint.toml", "[rules.copied-from-previous-year]\nthreshold = 0.99\n")
    result, found = govlint(tmp_path, "--select", "GOV604", ".", isolated=False)
    assert result.returncode == 0 and found == [], result.stderr


def test_lower_threshold_reports_a_rewritten_section_only_when_low_enough(tmp_path):
    write(tmp_path, "2022.txt", report(2022, problems=problems(2022, 9)))
    write(tmp_path, "2023.txt", report(2023, problems=REWRITTEN))
    write(tmp_path, ".govlint.toml", "[rules.copied-from-previous-year]\nthreshold = 0.0\n")
    _, found = govlint(tmp_path, "--select", "GOV604", ".", isolated=False)
    assert {d["message"][:4] for d in of(found, "GOV604")} >= {"第五部分"}


def test_all_three_rules_in_one_directory_run(tmp_path):
    write(tmp_path, "2022.txt", report(2022, carried_out=(5, 0, 0, 0, 0, 0), normative=(3, 0, 14),
                                       problems=problems(2022, 9)))
    write(tmp_path, "2023.txt", report(2023, carried_in=(3, 0, 0, 0, 0, 0), normative=(2, 1, 20),
                                       problems=problems(2023, 6)))
    write(tmp_path, "other-2023.txt", report(2023, issuer="云溪县财政局", carried_in=(3, 0, 0, 0, 0, 0)))
    result, found = govlint(tmp_path, "--select", "GOV602,GOV603,GOV604", ".")
    assert result.returncode == 1
    assert sorted(d["code"] for d in found) == ["GOV602", "GOV603", "GOV604"]
    assert {Path(d["filename"]).name for d in found} == {"2023.txt"}
