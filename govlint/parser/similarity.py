"""Similarity of a label as written to an official label.

Labels in real reports carry typos (``其他法律行政止公开``), local wording, lost or extra
characters. Both scores work on :func:`~govlint.parser.normalize.label_key` strings.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def ratio(expected: str, found: str) -> float:
    """Symmetric similarity in [0, 1] of two keys (1.0 only when equal)."""
    if expected == found:
        return 1.0
    if not expected or not found:
        return 0.0
    return SequenceMatcher(None, expected, found, autojunk=False).ratio()


def prefix_match(expected: str, found: str, slack: int = 4) -> tuple[float, int]:
    """How well ``found`` *starts with* ``expected``.

    Returns ``(coverage, end)``: the share of ``expected``'s characters matched, in order,
    within the first ``len(expected) + slack`` characters of ``found`` (the match must begin
    within the first two characters), and the index in ``found`` just after the last matched
    character. Used for headings and labels followed by other text on the same line.
    """
    if not expected or not found:
        return 0.0, 0
    if found.startswith(expected):
        return 1.0, len(expected)
    window = found[: len(expected) + slack]
    matcher = SequenceMatcher(None, expected, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks or blocks[0].b > 2:
        return 0.0, 0
    matched = sum(b.size for b in blocks)
    last = blocks[-1]
    return matched / len(expected), last.b + last.size
