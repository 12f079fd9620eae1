"""Crawler text (the whole report on one line, cells run together) is read right.

Each test writes a crawler report (:mod:`tests.crawlerkit`, text written for these tests)
in one shape real crawler captures have, and checks what the parser reads and what the
linter says:

* stray spaces between *some* cells of a row are cell boundaries, and digits without a
  space may be boundaries too (``15 0 00 0 116`` is 15|0|0|0|0|1|16);
* a table is solved, not a row: rows ambiguous on their own are settled when the column
  identities leave one combination, and never by a defective total;
* a sub-heading run on to a heading or to the section title is a heading;
* long one-line inputs stay cheap.
"""

from __future__ import annotations

import time

from crawlerkit import ZERO_REVIEW, active_text, crawler_report

from govlint.document import Document
from govlint.model import Report, Row
from govlint.parser import parse
from govlint.testing import lint_text


def _parse(text: str) -> Report:
    return parse(Document("crawler.txt", text))


def _row(report: Report, key: str) -> Row:
    table = report.tables.applications
    assert table is not None
    row = table.row(key)
    assert row is not None
    return row


def _values(row: Row) -> list[int | float | None]:
    return [c.value for c in row.cells]


def _codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text)]


# ----------------------------------------------------------------------------- stray spaces

def test_stray_spaces_between_some_cells_are_boundaries():
    """``一、本年新收…数量15 0 00 0 116``: five pieces for seven cells; read as one run.

    Before: any row with more than one piece in crawler text was ``unreadable``.
    """
    text = crawler_report({
        "new": "15 0 00 0 116",
        "granted": "1500001 16",
        "total": "15000 0116",
        "carried_in": "0 000000",
    })
    report = _parse(text)
    for key in ("new", "granted", "total"):
        row = _row(report, key)
        assert row.status == "ok", key
        assert _values(row) == [15, 0, 0, 0, 0, 1, 16], key
        assert all(c.inferred for c in row.cells)
    assert _values(_row(report, "carried_in")) == [0] * 7
    codes = _codes(text)
    assert "GOV004" not in codes and not any(c.startswith("GOV3") for c in codes)


def test_a_space_decides_between_two_splits():
    """``110000011`` is 1|10|…|11 or 11|0|…|11; ``1 10000011`` can only be the first."""
    text = crawler_report({"new": "1 10000011", "granted": "1 10000011", "total": "1 10 0 0 0 0 11"})
    report = _parse(text)
    assert _values(_row(report, "new")) == [1, 10, 0, 0, 0, 0, 11]
    assert _values(_row(report, "granted")) == [1, 10, 0, 0, 0, 0, 11]


def test_cells_of_a_run_point_at_their_own_digits():
    """A cell recovered from ``15 0 00 0 116`` is located at its own digits, spaces skipped."""
    text = crawler_report({"new": "15 0 00 0 116"})
    line = text.split("\n")[5]
    start = line.index("数量15 0 00 0 116") + 2
    row = _row(_parse(text), "new")
    columns = [c.span.column for c in row.cells]
    assert columns == [start + 1 + offset for offset in (0, 3, 5, 6, 8, 10, 11)]
    assert [c.span.end_column - c.span.column for c in row.cells] == [2, 1, 1, 1, 1, 1, 2]


def test_double_zero_is_two_cells_even_when_the_count_matches():
    """``1 0 00 0 0 1 2``: seven pieces, but ``00`` is two cells, so eight numbers: unreadable.

    Before: read as 1|0|0|0|0|1|2 (``00`` taken as one zero), a row the text does not hold.
    """
    text = crawler_report({"new": "1 0 00 0 0 1 2"})
    row = _row(_parse(text), "new")
    assert row.status == "unreadable"
    assert all(c.value is None for c in row.cells)


def test_section_four_with_stray_spaces():
    """``…总计21317 00000 1324019``: three pieces for 15 cells, one reading by group totals.

    Before: a ``short`` section 四 (GOV005), the cells never read.
    """
    text = crawler_report(review="21317 00000 1324019")
    report = _parse(text)
    review = report.tables.review_litigation
    assert review is not None
    assert [_values(r) for r in review.rows] == [[2, 1, 3, 1, 7], [0, 0, 0, 0, 0], [13, 2, 4, 0, 19]]
    codes = _codes(text)
    assert "GOV005" not in codes and "GOV004" not in codes and "GOV304" not in codes


def test_section_four_ambiguous_with_spaces_stays_unread():
    """``1110012 0000000000``: the first ten digits fit the group totals in several ways."""
    text = crawler_report(review="11100120 000000000")
    review = _parse(text).tables.review_litigation
    assert review is not None
    assert all(r.status == "unreadable" for r in review.rows)
    assert _codes(text).count("GOV004") == 1


def test_section_two_row_with_a_stray_space():
    """``规章0 00``: two pieces for three cells, only 0|0|0; ``行政规范性文件6 233440`` is not unique.

    Before: ``规章`` was unreadable.
    """
    text = crawler_report(active=active_text(rules="0 00", normative="6 233440"))
    report = _parse(text)
    item1 = next(t for t in report.tables.active_disclosure if t.key == "item1")
    assert _values(item1.row("rules")) == [0, 0, 0]
    assert item1.row("normative").status == "unreadable"


# ----------------------------------------------------------------------------- table solving

def _balanced(rows: dict[str, str], total: str, new: str) -> dict[str, str]:
    return {**rows, "total": total, "new": new}


def test_two_ambiguous_rows_are_settled_jointly():
    """（一）and（二）are both ``110000011`` (1|10|…|11 or 11|0|…|11); （七）总计 2|20|…|22 (its
    cells spaced) leaves one combination: both 1|10|0|0|0|0|11.

    Before: each identity had two unknown rows, so neither was read (two GOV004).
    """
    text = crawler_report(_balanced({"granted": "110000011", "partial": "110000011"},
                                    total="2 20 0 0 0 0 22", new="2 20 0 0 0 0 22"))
    report = _parse(text)
    for key in ("granted", "partial"):
        assert _values(_row(report, key)) == [1, 10, 0, 0, 0, 0, 11], key
        assert all(c.inferred for c in _row(report, key).cells)
    codes = _codes(text)
    assert "GOV004" not in codes and "GOV007" in codes
    assert not any(c.startswith("GOV3") for c in codes)


def test_two_combinations_leave_both_rows_unread():
    """（一）and（二）``110000011``, （七）总计 12|10|…|22: 1|10 + 11|0 and 11|0 + 1|10 both fit."""
    text = crawler_report(_balanced({"granted": "110000011", "partial": "110000011"},
                                    total="12 10 0 0 0 0 22", new="12 10 0 0 0 0 22"))
    report = _parse(text)
    assert _row(report, "granted").status == "unreadable"
    assert _row(report, "partial").status == "unreadable"
    assert _codes(text).count("GOV004") == 2


def test_wrong_results_total_does_not_choose_a_split():
    """（一）``110000011`` is truly 1|10|…|11; （七）总计 is published wrong as 11|0|…|11.

    The results identity alone would pick 11|0|…|11 for （一） — a number the report does not
    hold, and the defect hidden. The balance 一 + 二 = （七） + 四 fails whatever （一） holds,
    so no combination satisfies the identities: （一） stays unread and the balance defect
    is reported. Before: （一） was read as 11|0|0|0|0|0|11.
    """
    text = crawler_report(_balanced({"granted": "110000011"}, total="11 0 0 0 0 0 11", new="1 10 0 0 0 0 11"))
    report = _parse(text)
    assert _row(report, "granted").status == "unreadable"
    assert "GOV303" in _codes(text)


def test_rows_unique_on_their_own_reveal_a_wrong_results_total():
    """The result rows are each unique by their own 总计 (``1 10000011``, ``12 00002 14``) and
    （七）总计 is wrong (14|10|…|26 for 13|10|…|25): GOV302 must say so.

    Before: the spaced rows were unreadable, so the understated sum hid the defect.
    """
    text = crawler_report(_balanced({"granted": "1 10000011", "unable.1": "12 00002 14"},
                                    total="14 10 0 0 0 2 26", new="13 10 0 0 0 2 25"))
    report = _parse(text)
    assert _values(_row(report, "granted")) == [1, 10, 0, 0, 0, 0, 11]
    assert _values(_row(report, "unable.1")) == [12, 0, 0, 0, 0, 2, 14]
    codes = _codes(text)
    assert "GOV302" in codes and "GOV303" in codes


def test_an_ambiguous_row_outside_a_consistent_table_is_settled_by_the_balance():
    """四 ``110000011`` with 一 1|10|…|11 and （七）总计 all 0: only 1|10|…|11 balances."""
    text = crawler_report({"new": "1 10 0 0 0 0 11", "carried_out": "110000011"})
    report = _parse(text)
    assert _values(_row(report, "carried_out")) == [1, 10, 0, 0, 0, 0, 11]


# ----------------------------------------------------------------------------- sub-headings

def _headings(report: Report, number: int) -> list[tuple[str, int]]:
    section = next(s for s in report.sections if s.number == number)
    return [(h.style, h.number) for h in section.headings]


def test_sub_headings_run_on_to_headings_and_titles():
    """``一、总体情况（一）工作举措1.强化组织保障。…2.完善制度。（二）…``: every heading found.

    Before: （一） (after the title) and 1. (after ``工作举措``) were missed, so GOV205
    reported gaps that the report does not have.
    """
    one = ("（一）工作举措1.强化组织保障。成立领导小组。2.完善工作制度。建立台账。"
           "（二）主动公开(1)按时发布。(2)及时更新。（三）依申请公开。依法答复。")
    five = "（一）存在问题1.专栏更新不及时。2.解读形式单一。（二）改进措施。建立巡查制度。"
    text = crawler_report(section_one=one, section_five=five)
    report = _parse(text)
    assert _headings(report, 1) == [
        ("cn_paren", 1), ("arabic_dot", 1), ("arabic_dot", 2), ("cn_paren", 2),
        ("arabic_paren", 1), ("arabic_paren", 2), ("cn_paren", 3),
    ]
    assert _headings(report, 5) == [("cn_paren", 1), ("arabic_dot", 1), ("arabic_dot", 2), ("cn_paren", 2)]
    assert "GOV205" not in _codes(text)


def test_citations_and_figures_after_a_heading_are_no_headings():
    """``（一）主动公开第二十条第（五）项…`` cites an item; ``（二）依申请公开2024年…`` and
    ``12.5万条`` are figures: no heading (五), 2024 or 12."""
    one = ("（一）主动公开第二十条第（五）项信息按时公开。（二）依申请公开2024年共收到申请3件。"
           "（三）平台建设12.5万条信息上网。")
    text = crawler_report(section_one=one)
    assert _headings(_parse(text), 1) == [("cn_paren", 1), ("cn_paren", 2), ("cn_paren", 3)]
    assert "GOV205" not in _codes(text)


# ----------------------------------------------------------------------------- cost

def test_long_one_line_inputs_stay_cheap():
    """About 200 KB on one line: the report many times over, a 60,000-digit run in a row,
    a row of 20,000 spaced pieces and section 四 as 30,000 digits. Each parses in seconds.

    Before: the 60,000-digit run crashed the parser (Python refuses int() of > 4300 digits).
    """
    base = crawler_report({"granted": "110000011", "partial": "110000011"})
    head, body = base.split("\n", 5)[:5], base.split("\n", 5)[5]
    texts = {
        "repeated": "\n".join(head) + "\n" + body.strip() * 70 + "\n",
        "digits": crawler_report({"new": "1234567890" * 6000}),
        "spaced": crawler_report({"new": " ".join(["10", "0", "1"] * 7000)}),
        "review": crawler_report(review="1203" * 7500),
    }
    for name, text in texts.items():
        started = time.perf_counter()
        report = _parse(text)
        elapsed = time.perf_counter() - started
        assert elapsed < 10, (name, elapsed)
        assert report.tables.applications is not None, name
    assert len(texts["repeated"].encode()) > 200_000
    assert _row(_parse(texts["digits"]), "new").status == "unreadable"
    assert _parse(texts["review"]).tables.review_litigation.rows[0].status == "unreadable"
    assert ZERO_REVIEW in base
