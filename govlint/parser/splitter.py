"""Recover the cells of a row whose digits ran together (``21710000218`` → 217|1|0|0|0|0|218).

Crawler text concatenates table cells without separators. A digit string can be split
into the row's cells only where the split is *unique*: numbers are written without leading
zeros, and the row's own 总计 must equal the sum of its parts. When more than one split
remains, the caller may narrow the candidates with column identities; otherwise the row is
unreadable. This module never chooses among several solutions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

#: More candidate splits than this is treated as hopelessly ambiguous.
MAX_SOLUTIONS = 64


def _valid(part: str) -> bool:
    return part == "0" or (part[0] != "0")


def compositions(digits: str, parts: int) -> Iterator[list[int]]:
    """Every way to cut ``digits`` into ``parts`` numbers without leading zeros."""
    if parts == 1:
        if digits and _valid(digits):
            yield [int(digits)]
        return
    for cut in range(1, len(digits) - parts + 2):
        head = digits[:cut]
        if not _valid(head):
            break  # a leading zero only allows the single digit "0"
        for rest in compositions(digits[cut:], parts - 1):
            yield [int(head), *rest]


@functools.lru_cache(maxsize=4096)
def _summing(digits: str, parts: int, target: int) -> tuple[tuple[int, ...], ...]:
    """Every composition of ``digits`` into ``parts`` numbers that sum to ``target``.

    Memoised (rows of zeros and repeated tails are common) and pruned both ways: no part can
    have more digits than ``target`` (parts are at most the total and have no leading zeros),
    too few digits cannot reach ``target``, and a zero target allows only single zeros. At
    most ``MAX_SOLUTIONS + 1`` are returned.
    """
    width = len(str(target))
    if len(digits) < parts or len(digits) > parts * width:
        return ()
    # j parts cut from n digits sum to less than 10**(n-j+1) + 9*(j-1): one part takes all
    # but j-1 digits, the others one digit each. A larger target cannot be reached.
    if target >= 10 ** (len(digits) - parts + 1) + 9 * (parts - 1):
        return ()
    if target == 0:
        return ((0,) * parts,) if digits == "0" * parts else ()
    if parts == 1:
        return ((target,),) if _valid(digits) and int(digits) == target else ()
    found: list[tuple[int, ...]] = []
    for cut in range(1, min(len(digits) - parts + 2, width + 1)):
        head = digits[:cut]
        if not _valid(head):
            break
        value = int(head)
        if value > target:
            break
        for rest in _summing(digits[cut:], parts - 1, target - value):
            found.append((value, *rest))
            if len(found) > MAX_SOLUTIONS:
                return tuple(found)
    return tuple(found)


def split_with_total(digits: str, parts: int) -> list[list[int]]:
    """Splits into ``parts`` numbers where the last equals the sum of the others."""
    solutions: list[list[int]] = []
    for total_len in range(1, len(digits) - parts + 2):
        tail = digits[len(digits) - total_len :]
        if not _valid(tail):
            continue
        total = int(tail)
        for head in _summing(digits[: len(digits) - total_len], parts - 1, total):
            solutions.append([*head, total])
            if len(solutions) > MAX_SOLUTIONS:
                return solutions
    return solutions


def split_plain(digits: str, parts: int) -> list[list[int]]:
    """Splits into ``parts`` numbers with no arithmetic constraint (capped)."""
    solutions: list[list[int]] = []
    for solution in compositions(digits, parts):
        solutions.append(solution)
        if len(solutions) > MAX_SOLUTIONS:
            break
    return solutions


def split_groups_with_totals(digits: str, groups: int, size: int) -> list[list[int]]:
    """Splits into ``groups`` consecutive groups of ``size`` numbers, each ending in its total.

    Used for section 四 (three groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
    """
    if groups == 0:
        return [[]] if not digits else []
    solutions: list[list[int]] = []
    # the group's digits end somewhere; try every length that leaves enough for the rest
    min_rest = (groups - 1) * size
    for group_len in range(size, len(digits) - min_rest + 1):
        for group in split_with_total(digits[:group_len], size):
            for rest in split_groups_with_totals(digits[group_len:], groups - 1, size):
                solutions.append(group + rest)
                if len(solutions) > MAX_SOLUTIONS:
                    return solutions
    return solutions
