"""Settle the run-together rows of a table together: a table is solved, not a row.

:mod:`govlint.parser.splitter` gives, for every row whose digits ran together, its
*candidates*: the splits that satisfy what holds by construction of the row itself (no
leading zeros, a space is a cell boundary, the row's own 总计 is the sum of its cells). This
module decides which rows can be read, using the table's column identities — for section
三, (七)总计 = the sum of the result rows and 一 + 二 = (七)总计 + 四, in every column.

The identities are what the arithmetic rules check; a wrong (七)总计 is exactly the kind of
defect the linter exists to find. Using them to *choose* a split therefore needs care: a
table assumed correct would let a defect choose the split that hides it. The reasoning:

1. A row with exactly one candidate is read, whatever the identities say. Its reading
   rests only on the row's own constraints, so a defect elsewhere still shows up through
   the arithmetic rules. A row with no candidate (its own 总计 fits no split) is unread.
2. The identities are then evaluated *jointly* over every combination of the ambiguous
   rows' candidates, together with every row already known (rows that were not run
   together and rows settled in 1.). An identity is used only where all its rows are
   known or have a complete list of candidates, and only in the columns where every known
   row holds a number.
3. If at least one combination satisfies all identities, a row that has the same
   candidate in every satisfying combination is read (in particular when exactly one
   combination satisfies, every row in it is read). If the table is correct, the true
   combination is among the satisfying ones, so such a reading is the true one: it cannot
   invent a defect.
4. If no combination satisfies the identities, the table is inconsistent whatever the
   ambiguous rows hold: nothing is chosen by the identities, the ambiguous rows stay
   unread (GOV004) and the rows read in 1. carry the defect to the arithmetic rules.
   Choosing "the closest" combination would guess, and could hide the defect.
5. A defect can only be hidden when another split of the published digits makes the
   *whole* table add up — then the text itself is consistent and no reader could prove
   the defect. Requiring all identities to hold jointly (not one at a time) makes this
   as unlikely as possible: a wrong (七)总计 breaks both identities it appears in, so a
   hiding split would need a matching coincidence in two independent sets of rows.
6. Too many combinations to enumerate (a search budget, or more than
   :data:`MAX_COMBINATIONS` satisfying ones) settles nothing beyond 1.: giving up is
   always allowed, guessing never.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govlint.parser.splitter import MAX_SOLUTIONS

#: ``(row key, sign)`` pairs whose signed sum is zero in every column.
IdentityTerms = Sequence[tuple[str, int]]
#: A row's values (``None`` for a cell that holds no number).
Values = Sequence[int | float | None]

#: More satisfying combinations than this: the identities settle nothing.
MAX_COMBINATIONS = 64
#: Search nodes visited before giving up (keeps a pathological table cheap).
SEARCH_BUDGET = 50_000


def settle(
    known: Mapping[str, Values],
    candidates: Mapping[str, Sequence[Sequence[int]]],
    identities: Sequence[IdentityTerms],
) -> dict[str, tuple[int, ...]]:
    """The run-together rows that can be read, with their values.

    ``known`` holds the rows read without splitting; ``candidates`` every run-together
    row's own-constraint splits (more than :data:`~govlint.parser.splitter.MAX_SOLUTIONS`
    means the list is incomplete). A key in neither (a missing, short or long row) makes the
    identities that use it unusable. See the module docstring for why this is safe.
    """
    settled = {key: tuple(c[0]) for key, c in candidates.items() if len(c) == 1}
    ambiguous = {key: [tuple(x) for x in c] for key, c in candidates.items() if 1 < len(c) <= MAX_SOLUTIONS}
    values: dict[str, Values] = {**known, **settled}
    usable = [i for i in identities if all(key in values or key in ambiguous for key, _ in i)]
    involved = sorted({key for i in usable for key, _ in i if key in ambiguous}, key=lambda k: len(ambiguous[k]))
    if not involved:
        return settled
    combinations = _Search(values, {k: ambiguous[k] for k in involved}, usable).run()
    if not combinations:
        return settled
    for key in involved:
        first = combinations[0][key]
        if all(combination[key] == first for combination in combinations):
            settled[key] = first
    return settled


class _Search:
    """Depth-first enumeration of the combinations that satisfy every identity.

    Each identity keeps, per usable column, the signed sum of its assigned rows; the range
    that the rows still unassigned at each depth can add is precomputed, and a branch whose
    range excludes zero is cut (a node costs one check per identity and column).
    """

    def __init__(self, values: Mapping[str, Values], ambiguous: dict[str, list[tuple[int, ...]]],
                 identities: Sequence[IdentityTerms]) -> None:
        self.order = list(ambiguous)
        self.ambiguous = ambiguous
        width = len(next(iter(ambiguous.values()))[0])
        self.checks: list[_Check] = [_Check(identity, values, ambiguous, self.order, width) for identity in identities]
        self.found: list[dict[str, tuple[int, ...]]] = []
        self.budget = SEARCH_BUDGET

    def run(self) -> list[dict[str, tuple[int, ...]]] | None:
        """Every satisfying combination, or ``None`` when the search gave up."""
        try:
            self._visit(0, {})
        except _GiveUp:
            return None
        return self.found

    def _visit(self, depth: int, chosen: dict[str, tuple[int, ...]]) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _GiveUp
        if not all(check.possible(depth) for check in self.checks):
            return
        if depth == len(self.order):
            self.found.append(dict(chosen))
            if len(self.found) > MAX_COMBINATIONS:
                raise _GiveUp
            return
        key = self.order[depth]
        for candidate in self.ambiguous[key]:
            for check in self.checks:
                check.add(key, candidate, 1)
            chosen[key] = candidate
            self._visit(depth + 1, chosen)
            del chosen[key]
            for check in self.checks:
                check.add(key, candidate, -1)


class _Check:
    """One identity during the search: running sums and the reach of the unassigned rows."""

    def __init__(self, identity: IdentityTerms, values: Mapping[str, Values],
                 ambiguous: Mapping[str, list[tuple[int, ...]]], order: list[str], width: int) -> None:
        known = [(values[key], sign) for key, sign in identity if key not in ambiguous]
        self.columns = [c for c in range(width) if all(c < len(v) and v[c] is not None for v, _ in known)]
        self.sums = [sum(sign * v[c] for v, sign in known) for c in self.columns]
        self.signs: dict[str, int] = {}
        for key, sign in identity:
            if key in ambiguous:
                self.signs[key] = self.signs.get(key, 0) + sign
        # low[d][i], high[d][i]: what rows order[d:] can still add in column columns[i]
        self.low = [[0] * len(self.columns) for _ in range(len(order) + 1)]
        self.high = [[0] * len(self.columns) for _ in range(len(order) + 1)]
        for depth in range(len(order) - 1, -1, -1):
            key = order[depth]
            sign = self.signs.get(key, 0)
            for i, column in enumerate(self.columns):
                reach = [sign * c[column] for c in ambiguous[key]] if sign else [0]
                self.low[depth][i] = self.low[depth + 1][i] + min(reach)
                self.high[depth][i] = self.high[depth + 1][i] + max(reach)

    def possible(self, depth: int) -> bool:
        """Whether this identity can still hold once rows ``order[depth:]`` are chosen."""
        low, high = self.low[depth], self.high[depth]
        return all(s + lo <= 0 <= s + hi for s, lo, hi in zip(self.sums, low, high))

    def add(self, key: str, candidate: tuple[int, ...], direction: int) -> None:
        """Add (``direction`` 1) or remove (-1) a row's candidate from the running sums."""
        sign = self.signs.get(key)
        if sign:
            for i, column in enumerate(self.columns):
                self.sums[i] += direction * sign * candidate[column]


class _GiveUp(Exception):
    """The search exceeded its budget or found too many combinations."""
