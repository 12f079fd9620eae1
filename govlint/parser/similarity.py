"""Similarity of a label as written to an official label.

Labels in real reports carry typos (``其他法律行政止公开``), local wording, lost or extra
characters. Both scores work on :func:`~govlint.parser.normalize.label_key` strings.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache


@lru_cache(maxsize=16384)
def ratio(expected: str, found: str) -> float:
    """Symmetric similarity in [0, 1] of two keys (1.0 only when equal).

    Cached: the same template label is compared with the same header cells and runs many
    times per report and across reports (a pure function of two short strings).
    """
    if expected == found:
        return 1.0
    if not expected or not found:
        return 0.0
    return SequenceMatcher(None, expected, found, autojunk=False).ratio()


def upper_bound(expected: str, window: str) -> float:
    """An upper bound of :func:`prefix_match`'s coverage: the share of characters present at all.

    It costs a set lookup per character, so the expensive alignment runs only for windows
    that could reach the threshold (most ``一、`` in a report start no heading).
    """
    present = set(window)
    return sum(1 for ch in expected if ch in present) / len(expected)


@lru_cache(maxsize=16384)
def prefix_match(expected: str, found: str, slack: int = 4, minimum: float = 0.0) -> tuple[float, int]:
    """How well ``found`` *starts with* ``expected``.

    Returns ``(coverage, end)``: the share of ``expected``'s characters matched, in order,
    within the first ``len(expected) + slack`` characters of ``found`` (the match must begin
    within the first two characters), and the index in ``found`` just after the last matched
    character. Used for headings and labels followed by other text on the same line.
    Scores below ``minimum`` may be returned as 0 without computing them. Cached like
    :func:`ratio` (a pure function of its arguments).
    """
    if not expected or not found:
        return 0.0, 0
    if found.startswith(expected):
        return 1.0, len(expected)
    window = found[: len(expected) + slack]
    if upper_bound(expected, window) < minimum:
        return 0.0, 0
    matcher = SequenceMatcher(None, expected, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks or blocks[0].b > 2:
        return 0.0, 0
    matched = sum(b.size for b in blocks)
    last = blocks[-1]
    return matched / len(expected), last.b + last.size
