"""Property: crawler tables are read exactly as far as the text determines them, never wrong.

Random small section-三 and section-四 tables that satisfy their identities (and sometimes
one deliberately wrong total) are written as crawler text (:mod:`tests.crawlerkit`: labels
glued to the digits, the digits of a row run together, a stray space between some cells),
parsed, and compared with what an exhaustive reader deduces from the same text:

* a row's own readings are found by brute force over every set of cut positions (every
  space is a cut, no number has a leading zero, the row's 总计 is the sum of its cells;
  section 四: each group of five ends in its total);
* a row with one own reading is read; the other rows are read when every combination of
  own readings that satisfies all column identities (results = （七）总计, 一 + 二 = （七） + 四)
  gives them the same values — computed over the full product of candidates.

Asserted: the parser reads exactly the deduced rows with the deduced values (every
uniquely determined row is recovered, nothing else is), and no read cell differs from
the generated value — unless the text itself hides the wrong total (another split makes
the row or the whole table add up), which no reader can tell apart; such examples are
counted with ``hypothesis.event``.
"""

from __future__ import annotations

import itertools
import random

from crawlerkit import crawler_report
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from govlint.document import Document
from govlint.parser import parse
from govlint.templates import APPLICATIONS_2021, FORMAT_2021, RESULT_ROWS

RESULTS = RESULT_ROWS[FORMAT_2021]
DATA_ROWS = [r.key for r in APPLICATIONS_2021.rows if r.data]
IDENTITIES = [
    [(key, 1) for key in RESULTS] + [("total", -1)],
    [("new", 1), ("carried_in", 1), ("total", -1), ("carried_out", -1)],
]
#: The parser's caps (splitter.MAX_SOLUTIONS, solve.MAX_COMBINATIONS): beyond them it gives
#: up, and so does the reference.
CAP = 64

small = st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3, 9, 10, 11, 12, 20])


# ----------------------------------------------------------------------------- brute force

def _splits(run: str, parts: int) -> list[tuple[int, ...]]:
    """Every reading of ``run`` as ``parts`` numbers: cuts at every space, no leading zeros."""
    chunks = run.split(" ")
    forced = set(itertools.accumulate(len(c) for c in chunks[:-1]))
    return _cut("".join(chunks), forced, parts)


def _cut(digits: str, forced: set[int], parts: int) -> list[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``parts`` numbers, cutting at least at ``forced``."""
    free = [i for i in range(1, len(digits)) if i not in forced]
    need = parts - 1 - len(forced)
    found = []
    if need < 0 or need > len(free):
        return found
    for extra in itertools.combinations(free, need):
        cuts = [0, *sorted(forced.union(extra)), len(digits)]
        numbers = [digits[a:b] for a, b in zip(cuts, cuts[1:])]
        if all(n == "0" or n[0] != "0" for n in numbers):
            found.append(tuple(int(n) for n in numbers))
    return found


def _own_readings(run: str) -> list[tuple[int, ...]]:
    """A section-三 row's readings: seven numbers, the last the sum of the others."""
    if run.count(" ") == 6:
        return [tuple(int(n) for n in run.split(" "))]  # every cell separated: read as written
    return [s for s in _splits(run, 7) if sum(s[:-1]) == s[-1]]


def _review_readings(run: str) -> list[tuple[int, ...]]:
    """Section 四's readings: fifteen numbers, three groups each ending in its total.

    Every pair of group boundaries is tried, then every cut of each group into five.
    """
    if run.count(" ") == 14:
        return [tuple(int(n) for n in run.split(" "))]
    chunks = run.split(" ")
    digits = "".join(chunks)
    forced = set(itertools.accumulate(len(c) for c in chunks[:-1]))
    groups: dict[tuple[int, int], list[tuple[int, ...]]] = {}

    def group(a: int, b: int) -> list[tuple[int, ...]]:
        if (a, b) not in groups:
            inner = {f - a for f in forced if a < f < b}
            groups[a, b] = [g for g in _cut(digits[a:b], inner, 5) if sum(g[:4]) == g[4]]
        return groups[a, b]

    found = []
    for first, second in itertools.combinations(range(1, len(digits)), 2):
        bounds = [(0, first), (first, second), (second, len(digits))]
        if any(b - a < 5 for a, b in bounds) or not group(0, first) or not group(second, len(digits)):
            continue  # five numbers need five digits
        found.extend(tuple(n for g in combo for n in g) for combo in itertools.product(*(group(*b) for b in bounds)))
    return found


def _holds(identity, values: dict[str, tuple[int, ...]]) -> bool:
    return all(sum(sign * values[key][c] for key, sign in identity) == 0 for c in range(7))


def _deduce(candidates: dict[str, list[tuple[int, ...]]]) -> tuple[dict[str, tuple[int, ...] | None], int | None]:
    """What the text determines, and how many combinations satisfy the identities."""
    read: dict[str, tuple[int, ...] | None] = {
        key: (c[0] if len(c) == 1 else None) for key, c in candidates.items()
    }
    usable = [i for i in IDENTITIES if all(1 <= len(candidates[key]) <= CAP for key, _ in i)]
    open_rows = sorted({key for i in usable for key, _ in i if len(candidates[key]) > 1})
    if not usable:
        return read, None
    fixed = {key: c[0] for key, c in candidates.items() if len(c) == 1}
    satisfying = []
    for combination in itertools.product(*(candidates[key] for key in open_rows)):
        values = {**fixed, **dict(zip(open_rows, combination))}
        if all(_holds(i, values) for i in usable):
            satisfying.append(dict(zip(open_rows, combination)))
    if 0 < len(satisfying) <= CAP:
        for key in open_rows:
            if all(s[key] == satisfying[0][key] for s in satisfying):
                read[key] = satisfying[0][key]
    return read, len(satisfying)


# ----------------------------------------------------------------------------- generation

@st.composite
def applications(draw):
    """A consistent section-三 table (small counts), maybe with one wrong total, and its text."""
    rows = {key: [0] * 6 for key in RESULTS}
    for key in draw(st.lists(st.sampled_from(RESULTS), max_size=4, unique=True)):
        rows[key] = draw(st.lists(small, min_size=6, max_size=6))
    total = [sum(rows[k][c] for k in RESULTS) for c in range(6)]
    carried_out = draw(st.lists(small, min_size=6, max_size=6))
    carried_in = [min(a, b) for a, b in zip(draw(st.lists(small, min_size=6, max_size=6)), total)]
    rows.update(total=total, carried_out=carried_out, carried_in=carried_in,
                new=[t + o - i for t, o, i in zip(total, carried_out, carried_in)])
    table = {key: [*v, sum(v)] for key, v in rows.items()}
    defect = draw(st.sampled_from([None, None, None, "identity", "row"]))
    if defect is not None:
        key = draw(st.sampled_from(["total", "carried_out"] if defect == "identity" else DATA_ROWS))
        delta = draw(st.sampled_from([1, 2, 9, 10]))
        column = draw(st.integers(0, 5))
        if defect == "identity":  # the row still adds up, the column identities do not
            table[key][column] += delta
        table[key][6] += delta  # for "row": the row's own total is wrong
        defect = (defect, key)
    share = draw(st.sampled_from([0.0, 0.15, 0.5, 1.0]))
    rng = random.Random(draw(st.integers(0, 2**16)))
    written = {key: _write(values, rng, share) for key, values in table.items()}
    return {key: tuple(v) for key, v in table.items()}, written, defect


def _write(values, rng: random.Random, share: float) -> str:
    """Cells run together, with a stray space between some of them."""
    out = [str(values[0])]
    for value in values[1:]:
        out.append(" " if rng.random() < share else "")
        out.append(str(value))
    return "".join(out)


@st.composite
def reviews(draw):
    """Section 四: three groups of four small counts and their total, maybe one total wrong."""
    groups = [draw(st.lists(st.sampled_from([0, 0, 1, 2, 3, 10, 11]), min_size=4, max_size=4)) for _ in range(3)]
    values = [n for g in groups for n in [*g, sum(g)]]
    wrong = draw(st.sampled_from([None, None, None, 0, 1, 2]))
    if wrong is not None:
        values[wrong * 5 + 4] += draw(st.sampled_from([1, 10]))
    rng = random.Random(draw(st.integers(0, 2**16)))
    return tuple(values), _write(values, rng, draw(st.sampled_from([0.0, 0.2, 0.6]))), wrong


# ----------------------------------------------------------------------------- properties

def _read_rows(text: str) -> dict[str, tuple[int, ...] | None]:
    table = parse(Document("crawler.txt", text)).tables.applications
    assert table is not None
    return {
        row.key: (tuple(c.value for c in row.cells) if row.status == "ok" else None)
        for row in table.rows
    }


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_section_three_reads_what_the_text_determines(case):
    truth, written, defect = case
    candidates = {key: _own_readings(run) for key, run in written.items()}
    open_rows = [key for key, c in candidates.items() if 1 < len(c) <= CAP]
    assume(len(list(itertools.islice(itertools.product(*(candidates[k] for k in open_rows)), 20_001))) <= 20_000)
    expected, satisfying = _deduce(candidates)

    got = _read_rows(crawler_report(written))

    assert got == expected
    if any(expected[k] is not None and len(candidates[k]) > 1 for k in expected):
        event("a row settled by the column identities")
    hidden = False
    if defect is not None:
        kind, key = defect
        hidden = bool(candidates[key]) if kind == "row" else bool(satisfying)
        event(f"defect ({kind}) {'hidden by the digits' if hidden else 'visible'}")
    if not hidden:
        wrong = {key: (values, truth[key]) for key, values in got.items() if values is not None and values != truth[key]}
        assert not wrong
    event(f"rows read: {sum(v is not None for v in got.values())}/{len(got)}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reviews())
def test_section_four_reads_what_the_text_determines(case):
    truth, written, wrong_group = case
    assume(len(written.replace(" ", "")) <= 26)
    readings = _review_readings(written)
    expected = readings[0] if len(readings) == 1 else None

    review = parse(Document("crawler.txt", crawler_report(review=written))).tables.review_litigation
    assert review is not None
    got = (
        tuple(c.value for r in review.rows for c in r.cells) if all(r.status == "ok" for r in review.rows) else None
    )

    assert got == expected
    hidden = wrong_group is not None and bool(readings)
    if wrong_group is not None:
        event(f"wrong group total {'hidden by the digits' if hidden else 'visible'}")
    if got is not None and not hidden:
        assert got == truth
