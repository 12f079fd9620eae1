"""Property tests: parsing a rendered synthetic report gives back exactly its numbers.

For random consistent reports (:meth:`govlint.synthetic.ReportSpec.from_parts`; numbers
0–5000, many zeros) and every style whose cells are separated, ``parse(render(spec))``
must give every generated number in every cell. Crawler text runs the cells of a row
together, so the property there is weaker but absolute: the parser may give up on a row
(``unreadable``), it must never report a number that was not generated.

The last property is about :func:`govlint.parser.splitter.split_with_total` itself.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govlint.document import Document
from govlint.parser import parse
from govlint.parser.splitter import MAX_SOLUTIONS, split_groups_with_totals, split_with_total
from govlint.synthetic import (
    SEPARATED_STYLES,
    ReportSpec,
    compare,
    invented,
    render,
)
from govlint.templates import FORMAT_2019, FORMAT_2021, FORMATS, RESULT_ROWS, REVIEW_GROUPS

#: (style, table) pairs a known parser bug makes unreadable (see the xfail tests of
#: test_parser_shapes.py); none at present.
KNOWN_STYLE_BUGS: set[tuple[str, str]] = set()

TEMPLATES = (FORMAT_2019, FORMAT_2021)

# ----------------------------------------------------------------------------- strategies

#: A cell of a result row: mostly 0, often small, sometimes a few hundred (so that a column
#: total over ~20 rows stays within 0–5000).
result_cell = st.one_of(st.just(0), st.just(0), st.integers(1, 9), st.integers(10, 250))
#: A section-二 count: 0–5000, many zeros.
count = st.one_of(st.just(0), st.integers(1, 99), st.integers(100, 5000))
#: A money amount with at most two decimals (a float) or a whole number.
amount = st.one_of(st.just(0), st.integers(1, 10**6), st.integers(1, 10**8).map(lambda cents: cents / 100))
change = st.one_of(st.just(0), st.integers(-50, 50))


def _active(template: str, *, signed: bool, decimals: bool) -> st.SearchStrategy:
    """Section-二 values of ``template`` (``signed``: 本年增/减 may be negative)."""
    tables = {}
    for spec in FORMATS[template].active:
        columns = []
        for column, _ in spec.columns:
            if column in spec.signed_columns:
                columns.append(change if signed else st.integers(0, 50))
            elif column in spec.decimal_columns:
                columns.append(amount if decimals else st.integers(0, 10**6))
            else:
                columns.append(count)
        tables[spec.key] = st.fixed_dictionaries(
            {row.key: st.tuples(*columns).map(list) for row in spec.data_rows}
        )
    return st.fixed_dictionaries(tables)


@st.composite
def consistent_specs(draw, template: str, *, signed: bool = True, decimals: bool = True,
                     unit: bool = True) -> ReportSpec:
    """A report in which every identity of domain.md §8 holds."""
    six = st.lists(result_cell, min_size=6, max_size=6)
    results = draw(st.fixed_dictionaries({key: six for key in RESULT_ROWS[template]}))
    carried = st.lists(st.one_of(st.just(0), st.integers(0, 60)), min_size=6, max_size=6)
    review = st.lists(st.lists(st.one_of(st.just(0), st.integers(0, 40)), min_size=4, max_size=4),
                      min_size=len(REVIEW_GROUPS), max_size=len(REVIEW_GROUPS))
    spec = ReportSpec.from_parts(
        template,
        results,
        draw(carried),
        draw(carried),
        draw(review),
        year=2020 if template == FORMAT_2019 else 2023,
        active=draw(_active(template, signed=signed, decimals=decimals)),
        amount_unit=draw(st.sampled_from(["", "元"])) if unit and template == FORMAT_2019 else "",
    )
    assert spec.identity_failures() == []
    return spec


def _parse(text: str):
    return parse(Document("property.txt", text))


# ----------------------------------------------------------------------------- properties

@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("style", SEPARATED_STYLES)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_separated_styles_give_back_every_number(style, template, data):
    spec = data.draw(consistent_specs(template), label="spec")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    text = render(spec, style, seed=seed)
    report = _parse(text)
    assert report.template == template
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    mismatches = [m for m in compare(spec, report) if (style, m.table) not in KNOWN_STYLE_BUGS]
    assert mismatches == []
    # every cell's span points at the characters it was read from
    lines = text.split("\n")
    for table in report.tables.all():
        for row in table.rows:
            for cell in row.cells:
                if cell.span is not None:
                    span = cell.span
                    assert span.line == span.end_line
                    assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == cell.raw


@pytest.mark.parametrize("template", TEMPLATES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_crawler_never_invents_a_number(template, data):
    """Every row is exactly right (possibly ``inferred``) or ``unreadable``; no wrong value.

    Negative 本年增/减 and amounts with a unit or decimals are included: run together, a row
    with them is either read exactly (``805-4`` is 805 and -4) or unreadable.
    """
    spec = data.draw(consistent_specs(template), label="spec")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    report = _parse(render(spec, "crawler", seed=seed))
    assert report.template == template
    assert invented(spec, report) == []
    for mismatch in compare(spec, report):
        assert mismatch.status == "unreadable", mismatch
    for table in report.tables.all():
        for row in table.rows:
            assert row.status in ("ok", "unreadable"), (table.key, row.key, row.status)
            if row.status == "unreadable":
                assert all(cell.value is None for cell in row.cells)


@st.composite
def digit_rows(draw, parts: int | None = None) -> tuple[list[int], int]:
    """A row of ``parts`` numbers whose last is the sum of the others, and ``parts``."""
    parts = parts if parts is not None else draw(st.integers(2, 7))
    head = draw(st.lists(st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 5000)),
                         min_size=parts - 1, max_size=parts - 1))
    return [*head, sum(head)], parts


@settings(max_examples=400, deadline=None)
@given(digit_rows())
def test_split_with_total_contains_the_truth_and_a_unique_answer_is_it(case):
    row, parts = case
    digits = "".join(str(n) for n in row)
    solutions = split_with_total(digits, parts)
    assert all(len(s) == parts and s[-1] == sum(s[:-1]) for s in solutions)
    assert all("".join(map(str, s)) == digits for s in solutions)
    assume(len(solutions) <= MAX_SOLUTIONS)  # beyond the cap the list is truncated on purpose
    assert row in solutions
    if len(solutions) == 1:
        assert solutions[0] == row


@settings(max_examples=150, deadline=None)
@given(st.lists(digit_rows(parts=5), min_size=3, max_size=3))
def test_split_groups_with_totals_contains_the_truth(groups):
    rows = [row for row, _ in groups]
    digits = "".join(str(n) for row in rows for n in row)
    solutions = split_groups_with_totals(digits, 3, 5)
    truth = [n for row in rows for n in row]
    assume(len(solutions) <= MAX_SOLUTIONS)
    assert truth in solutions
    if len(solutions) == 1:
        assert solutions[0] == truth
