"""Recover the cells of a row whose digits ran together (``21710000218`` → 217|1|0|0|0|0|218).

Crawler text concatenates table cells without separators. A digit run can be split into
the row's cells only where the split is *unique*: numbers are written without leading
zeros (a multi-digit number never starts with ``0``), and the row's own 总计 must equal the
sum of its parts. This module enumerates the splits that satisfy those row-local
constraints; choosing among several is never done here (see :mod:`govlint.parser.solve`
for what the column identities of a table may add).

**Stray spaces.** Crawler text sometimes keeps a space between *some* cells of a row
(``15 0 00 0 116`` for 15|0|0|0|0|1|16): a cell that had a trailing space or a leading
``&nbsp;`` in the page. A *run* is therefore the row's digits with single spaces where
the text had whitespace. Decision, from the evidence: **a space is always a cell boundary,
but digits without a space between them may be a boundary too.** Every space we have seen
between digits in crawler captures comes from the edge of a cell (a cell's padding, a
non-breaking space, a line break inside a header cell); counts in these tables are written
as plain digit strings, never grouped with spaces (a thousands separator, when used, is a
comma and is read by :mod:`govlint.parser.tokens`). So a space never sits inside a
number, while the absence of a space says nothing. The space only removes candidates, so
a row is split only when the digits *and* the spaces leave one reading.

**Cost.** Enumeration is memoised and pruned (a part has at most as many digits as the
total, too few digits cannot reach the total, every chunk between spaces holds at least
one part) and stops after :data:`MAX_SOLUTIONS` + 1 candidates. No count in these tables
reaches 10^12, so a run that would need a wider number has no candidate
(:data:`MAX_WIDTH`): a huge run of digits costs time linear in its length, never more.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

#: More candidate splits than this is treated as hopelessly ambiguous (the list returned
#: then has ``MAX_SOLUTIONS + 1`` entries and is incomplete).
MAX_SOLUTIONS = 64
#: The widest number a cell may hold (digits). Counts in these tables stay far below
#: 10^12; the bound keeps the enumeration of absurdly long runs cheap.
MAX_WIDTH = 12


def _valid(part: str) -> bool:
    """A number as written in a cell: ``0`` or digits without a leading zero."""
    return part == "0" or (bool(part) and part[0] != "0")


def normalize_run(text: str) -> str:
    """The run form of ``text``: digits, with one space wherever the text had whitespace."""
    return " ".join(text.split())


def _digit_count(run: str) -> int:
    return len(run) - run.count(" ")


def _chunk_count(run: str) -> int:
    return run.count(" ") + 1 if run else 0


def _feasible(run: str, parts: int, width: int = MAX_WIDTH) -> bool:
    """Whether ``run`` can hold ``parts`` numbers of at most ``width`` digits at all."""
    digits = _digit_count(run)
    return _chunk_count(run) <= parts <= digits <= parts * width


def _heads(run: str, width: int) -> Iterator[tuple[str, str]]:
    """Every (first number, rest of the run) that does not cross a space.

    Stops at the first space (a number never contains one) and at a leading zero (only
    ``0`` itself may start with ``0``).
    """
    for cut in range(1, min(len(run), width) + 1):
        if run[cut - 1] == " ":
            return
        head = run[:cut]
        if not _valid(head):
            return
        rest = run[cut:]
        yield head, rest[1:] if rest.startswith(" ") else rest


def compositions(run: str, parts: int) -> Iterator[list[int]]:
    """Every way to cut ``run`` into ``parts`` numbers (no leading zeros, cuts at spaces)."""
    if not _feasible(run, parts):
        return
    if parts == 1:
        if " " not in run and _valid(run):
            yield [int(run)]
        return
    for head, rest in _heads(run, MAX_WIDTH):
        if rest:
            for tail in compositions(rest, parts - 1):
                yield [int(head), *tail]


@functools.lru_cache(maxsize=1024)
def _reach(digits: int, parts: int, width: int) -> tuple[int, int]:
    """The smallest and largest sum of ``parts`` numbers written with ``digits`` digits in all,
    none longer than ``width`` digits and none with a leading zero.

    Lengths spread evenly give the smallest sum (a number of ``L > 1`` digits is at least
    ``10**(L-1)``); lengths packed into as many ``width``-digit numbers as possible give the
    largest (all nines). A target outside this range cannot be reached.
    """
    if not parts <= digits <= parts * width:
        return (1, 0)
    length, longer = divmod(digits, parts)
    def least(size: int) -> int:
        return 0 if size == 1 else 10 ** (size - 1)
    low = (parts - longer) * least(length) + longer * least(length + 1)
    if width == 1:
        return (low, 9 * parts)
    full, extra = divmod(digits - parts, width - 1)
    high = full * (10**width - 1)
    if full < parts:
        high += 10 ** (extra + 1) - 1 + 9 * (parts - full - 1)
    return (low, high)


@functools.lru_cache(maxsize=1 << 15)
def _summing(run: str, parts: int, target: int) -> tuple[tuple[int, ...], ...]:
    """Every composition of ``run`` into ``parts`` numbers that sum to ``target``.

    Memoised (rows of zeros and repeated tails are common) and pruned both ways by
    :func:`_reach` (no part can have more digits than ``target``; too few or too many digits
    cannot make ``target``), before each recursive call rather than inside it: this is the
    parser's hottest loop on crawler text. At most ``MAX_SOLUTIONS + 1`` are returned.
    """
    spaces = run.count(" ")
    digits = len(run) - spaces
    width = len(str(target))
    low, high = _reach(digits, parts, width)
    if spaces >= parts or not low <= target <= high:
        return ()
    if target == 0:
        return ((0,) * parts,) if run.replace(" ", "") == "0" * parts else ()
    if parts == 1:
        return ((target,),) if not spaces and _valid(run) and int(run) == target else ()
    found: list[tuple[int, ...]] = []
    for cut in range(1, min(len(run) - parts + 1, width) + 1):  # leave a digit per other part
        head = run[:cut]
        if head[-1] == " " or (cut > 1 and head[0] == "0"):
            break  # a number never holds a space, and only 0 itself starts with 0
        value = int(head)
        if value > target:
            break
        left = target - value
        low, high = _reach(digits - cut, parts - 1, len(str(left)))
        if not low <= left <= high:
            continue
        rest = run[cut + 1 :] if run[cut] == " " else run[cut:]
        for tail in _summing(rest, parts - 1, left):
            found.append((value, *tail))
            if len(found) > MAX_SOLUTIONS:
                return tuple(found)
    return tuple(found)


def split_with_total(run: str, parts: int) -> list[list[int]]:
    """Splits of ``run`` into ``parts`` numbers where the last equals the sum of the others."""
    run = normalize_run(run)
    if not _feasible(run, parts):
        return []  # checked first: an absurdly long run never becomes a cache key
    return [list(solution) for solution in _with_total(run, parts)]


@functools.lru_cache(maxsize=1024)
def _with_total(run: str, parts: int) -> tuple[tuple[int, ...], ...]:
    """:func:`split_with_total` on a feasible normalised run, memoised (each format reads the rows)."""
    if parts == 1:
        return ((int(run),),) if " " not in run and _valid(run) else ()
    last_chunk = len(run) - (run.rfind(" ") + 1)
    solutions: list[tuple[int, ...]] = []
    for total_len in range(1, min(last_chunk, MAX_WIDTH) + 1):
        tail = run[len(run) - total_len :]
        if not _valid(tail):
            continue
        head = run[: len(run) - total_len].rstrip(" ")
        for parts_before in _summing(head, parts - 1, int(tail)):
            solutions.append((*parts_before, int(tail)))
            if len(solutions) > MAX_SOLUTIONS:
                return tuple(solutions)
    return tuple(solutions)


def split_plain(run: str, parts: int) -> list[list[int]]:
    """Splits of ``run`` into ``parts`` numbers with no arithmetic constraint (capped)."""
    solutions: list[list[int]] = []
    for solution in compositions(normalize_run(run), parts):
        solutions.append(solution)
        if len(solutions) > MAX_SOLUTIONS:
            break
    return solutions


def _group_cuts(run: str, size: int, rest_parts: int) -> Iterator[tuple[str, str]]:
    """Every (group, rest) cut of ``run`` with room for ``size`` and ``rest_parts`` numbers."""
    for cut in range(1, len(run) + 1):
        if run[cut - 1] == " ":
            continue  # the cut just before this space was already tried
        group = run[:cut]
        rest = run[cut:].lstrip(" ")
        if _digit_count(group) > size * MAX_WIDTH:
            return
        if _feasible(group, size) and (rest_parts == 0) == (not rest):
            yield group, rest


def split_groups_with_totals(run: str, groups: int, size: int) -> list[list[int]]:
    """Splits into ``groups`` consecutive groups of ``size`` numbers, each ending in its total.

    Used for section 四 (three groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计). A group
    boundary, like any cell boundary, may fall at a space or between two digits.
    """
    run = normalize_run(run)
    if groups == 0:
        return [[]] if not run else []
    if not _feasible(run, groups * size):
        return []
    solutions: list[list[int]] = []
    for group_run, rest in _group_cuts(run, size, (groups - 1) * size):
        if rest and not _feasible(rest, (groups - 1) * size):
            continue
        for group in split_with_total(group_run, size):
            for tail in split_groups_with_totals(rest, groups - 1, size):
                solutions.append(group + tail)
                if len(solutions) > MAX_SOLUTIONS:
                    return solutions
    return solutions
