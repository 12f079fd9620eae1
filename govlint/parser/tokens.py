"""Split a stretch of report text into value pieces and text pieces.

Tables reach us flattened in every possible way: one row per line with tabs or spaces,
one cell per line (with or without `` |``), header cells broken over lines, the whole
table run together on one line (``行政许可4529第二十条第（六）项…``). Whatever separates
cells, a *value* is a number (with an optional unit or sign) or a placeholder (``/``,
``-``, ``无``), and everything else is text. Labels are found separately (see
:mod:`govlint.parser.anchors`); this module only says what lies between them.
"""

from __future__ import annotations

import re
from typing import Literal

from govlint import regex
from govlint.document import BLANK_CELL

PieceKind = Literal["number", "placeholder", "blank", "text"]

#: Runs of characters that separate cells: whitespace and the pipes of flattened tables.
_CHUNK_RE = regex.compile(r"[^ \n|]+")
#: A number inside a chunk: optional sign, digits, optional decimals, optional unit.
#: A digit run followed by ``.``/``、`` and a non-digit is a numbering prefix (``1.属于``),
#: so it is left to the text.
#: A minus sign may follow a digit: run-together cells ``805-4`` are 805 and -4 (never 805 and 4).
#: ``1,234`` (a thousands separator) is one number.
_NUMBER_RE = regex.compile(
    r"(?:-|(?<![\d.]))(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:万元|元|件|条|个|项|次|%)?(?![.、]\D|\d)"
)
#: Cells that stand for "nothing": slash, dashes, 无, 空, N/A (a Markdown rule ``---`` is not a cell).
_PLACEHOLDER_RE = regex.compile(r"^(?:[/\\~]+|-{1,2}|—{1,2}|无|空|N/?A|NA|不适用)$", re.IGNORECASE)
#: A Markdown table rule (``|---|:---:|``): layout, not a cell.
_RULE_RE = regex.compile(r"^:?-{3,}:?$")
_DIGIT_RE = regex.compile(r"\d")
_UNIT_RE = regex.compile(r"(万元|元|件|条|个|项|次|%)$")

#: Most digits a number of a report can have (counts and fees in 元 stay far below 10**15).
#: A longer digit run is no number the report states: its value is unknown (``None``). This
#: also keeps ``int()`` away from Python's 4,300-digit conversion limit and ``float()``
#: away from infinity.
MAX_NUMBER_DIGITS = 15
#: Most digits of a run that may be several cells run together (split by
#: :mod:`govlint.parser.splitter`): seven cells of up to eight digits. The splitter's search
#: grows exponentially with the run's length (a 135-digit run of 9s took minutes); a longer
#: run is one unreadable value, never split.
MAX_RUN_DIGITS = 56


def read_int(digits: str) -> int | None:
    """The value of a digit string (spaces and commas ignored); ``None`` when it is too long or no number."""
    digits = digits.replace(" ", "").replace(",", "")
    if not digits or len(digits) > MAX_NUMBER_DIGITS or not digits.isdecimal():
        return None
    return int(digits)


def read_decimal(text: str) -> int | float | None:
    """``12`` → 12, ``120474.07`` → 120474.07; ``None`` for more than :data:`MAX_NUMBER_DIGITS`
    digits before the point or anything that is not a plain decimal number."""
    whole, point, fraction = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    whole = whole.lstrip("-")
    if not whole or len(whole) > MAX_NUMBER_DIGITS or not whole.isdecimal():
        return None
    if not point:
        return sign * int(whole)
    if not fraction or not fraction.isdecimal():
        return None
    return sign * float(f"{int(whole)}.{fraction[:MAX_NUMBER_DIGITS]}")


class Piece:
    """A value or a text fragment at view indices ``[start, end)``.

    A plain ``__slots__`` class: a report has hundreds of pieces.
    """

    __slots__ = ("kind", "text", "start", "end", "value")

    def __init__(self, kind: PieceKind, text: str, start: int, end: int, value: int | float | None = None) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.value = value

    def __repr__(self) -> str:
        return f"Piece({self.kind!r}, {self.text!r}, {self.start}, {self.end}, {self.value!r})"

    @property
    def is_value(self) -> bool:
        """Numbers and placeholders are cell values."""
        return self.kind != "text"

    @property
    def digits_only(self) -> bool:
        """An unsigned integer without unit: a candidate for run-together splitting.

        Not a run longer than any row's cells together (:data:`MAX_RUN_DIGITS`).
        """
        return self.kind == "number" and len(self.text) <= MAX_RUN_DIGITS and self.text.isdigit()


def parse_number(text: str) -> int | float | None:
    """The value of a number piece (``120474.07元`` → 120474.07, ``-8`` → -8)."""
    return read_decimal(_UNIT_RE.sub("", text).replace(",", ""))


def pieces(text: str, start: int, end: int) -> list[Piece]:
    """Pieces of ``text[start:end]`` (a normalised view) in order."""
    found: list[Piece] = []
    for chunk in _CHUNK_RE.finditer(text, start, end):
        chunk_text = chunk.group()
        if chunk_text == BLANK_CELL:
            found.append(Piece("blank", "", chunk.start(), chunk.end()))
            continue
        if chunk_text.isdigit() and chunk_text.isascii():  # the common case: a plain count
            value = int(chunk_text) if len(chunk_text) <= MAX_NUMBER_DIGITS else None  # see MAX_NUMBER_DIGITS
            found.append(Piece("number", chunk_text, chunk.start(), chunk.end(), value))
            continue
        if _RULE_RE.match(chunk_text):
            continue
        if _PLACEHOLDER_RE.match(chunk_text):
            found.append(Piece("placeholder", chunk_text, chunk.start(), chunk.end()))
            continue
        if not _DIGIT_RE.search(chunk_text):
            found.append(Piece("text", chunk_text, chunk.start(), chunk.end()))
            continue
        position = chunk.start()
        for number in _NUMBER_RE.finditer(text, chunk.start(), chunk.end()):
            if number.start() > position:
                found.append(Piece("text", text[position : number.start()], position, number.start()))
            found.append(
                Piece("number", number.group(), number.start(), number.end(), parse_number(number.group()))
            )
            position = number.end()
        if position < chunk.end():
            found.append(Piece("text", text[position : chunk.end()], position, chunk.end()))
    return found
