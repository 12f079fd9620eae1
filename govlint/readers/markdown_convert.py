"""Markdown source → document text, origin map and suppressions (see :mod:`govlint.readers.markdown`)."""

from __future__ import annotations

import bisect
import re
from array import array

from govlint import regex
from govlint.document import BLANK_CELL, CELL_SEPARATOR, Suppression, line_starts
from govlint.model import Span

_COMMENT_RE = regex.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE_RE = regex.compile(r"^\s*govlint-(disable|enable|ignore)(?![\w-])(.*)$", re.DOTALL)
_CODE_SPLIT_RE = regex.compile(r"[\s,，、;；]+")
_FENCE_RE = regex.compile(r"^ {0,3}(```|~~~)")
_ATX_RE = regex.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE_RE = regex.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_BREAK_RE = regex.compile(r"^ {0,3}(?:=+|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_DELIMITER_RE = regex.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
#: A cell that holds a value: a number (with an optional unit) or a placeholder.
_VALUE_RE = regex.compile(r"^(?:[-+]?\d[\d,，.]*\s*(?:万元|元|件|条|个|项|次|%)?|[/／\\~-]+|[—－]+|无|空|N/?A|不适用)$", re.IGNORECASE)
_INLINE_RE = regex.compile(r"\*\*|__|<br\s*/?>|\\(?=[!-/:-@\[-`{-~])", re.IGNORECASE)


# ----------------------------------------------------------------------------- lines


class _Line:
    """One source line with its comments cut out: kept characters and their source offsets."""

    __slots__ = ("number", "chars", "offsets", "end", "had_comment")

    def __init__(self, number: int, chars: str, offsets: list[int], end: int, had_comment: bool) -> None:
        self.number = number  # 1-based line of the source
        self.chars = chars
        self.offsets = offsets
        self.end = end  # source offset of the line's "\n" (or len(source) on the last line)
        self.had_comment = had_comment

    @property
    def blank(self) -> bool:
        return not self.chars.strip()


def _lines(source: str, comments: list[tuple[int, int]]) -> list[_Line]:
    """Source lines without ``\\r`` and without the characters of ``comments``."""
    lines: list[_Line] = []
    starts = line_starts(source)
    ci = 0
    for number, start in enumerate(starts, 1):
        end = starts[number] - 1 if number < len(starts) else len(source)
        chars: list[str] = []
        offsets: list[int] = []
        had_comment = False
        position = start
        while position < end:
            while ci < len(comments) and comments[ci][1] <= position:
                ci += 1
            if ci < len(comments) and comments[ci][0] <= position:
                had_comment = True
                position = min(comments[ci][1], end)
                continue
            stop = min(end, comments[ci][0]) if ci < len(comments) else end
            chunk = source[position:stop].replace("\r", "")
            if len(chunk) == stop - position:
                chars.append(chunk)
                offsets.extend(range(position, stop))
            else:
                for offset in range(position, stop):
                    if source[offset] != "\r":
                        chars.append(source[offset])
                        offsets.append(offset)
            position = stop
        lines.append(_Line(number, "".join(chars), offsets, end, had_comment))
    return lines


class _Builder:
    """The document text under construction and its ``origin`` map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origin = array("l")

    def add(self, chars: str, offsets: list[int]) -> None:
        self.parts.append(chars)
        self.origin.extend(offsets)

    def add_at(self, chars: str, offset: int) -> None:
        self.parts.append(chars)
        self.origin.extend([offset] * len(chars))

    def text(self) -> str:
        return "".join(self.parts)


def _inline(chars: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Drop emphasis markers, ``<br>`` and escaping backslashes (offsets follow)."""
    if "*" not in chars and "_" not in chars and "<" not in chars and "\\" not in chars:
        return chars, offsets
    kept_chars: list[str] = []
    kept_offsets: list[int] = []
    position = 0
    for match in _INLINE_RE.finditer(chars):
        kept_chars.append(chars[position : match.start()])
        kept_offsets.extend(offsets[position : match.start()])
        if match.group().startswith("<"):  # a line break inside a cell: keep words apart
            before = chars[match.start() - 1 : match.start()]
            after = chars[match.end() : match.end() + 1]
            if before.isascii() and after.isascii() and before.strip() and after.strip():
                kept_chars.append(" ")
                kept_offsets.append(offsets[match.start()])
        position = match.end()
    kept_chars.append(chars[position:])
    kept_offsets.extend(offsets[position:])
    return "".join(kept_chars), kept_offsets


def _strip(chars: str, offsets: list[int]) -> tuple[str, list[int]]:
    left = len(chars) - len(chars.lstrip())
    right = len(chars.rstrip())
    return chars[left:right], offsets[left:right]


# ----------------------------------------------------------------------------- tables


def _pipes(chars: str) -> list[int]:
    """Indices of the unescaped ``|`` in ``chars`` (not inside inline code)."""
    found = []
    escaped = code = False
    for index, char in enumerate(chars):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "`":
            code = not code
        elif char == "|" and not code:
            found.append(index)
    return found


def _is_delimiter(line: _Line) -> bool:
    return "|" in line.chars and "-" in line.chars and bool(_DELIMITER_RE.match(line.chars))


class _Cell:
    """A pipe-table cell: trimmed text, its offsets, and where its opening ``|`` is."""

    __slots__ = ("text", "offsets", "pipe", "inside")

    def __init__(self, text: str, offsets: list[int], pipe: int, inside: int) -> None:
        self.text, self.offsets, self.pipe, self.inside = text, offsets, pipe, inside


def _cells(line: _Line) -> list[_Cell]:
    """The cells of a pipe-table row (leading and trailing pipes dropped)."""
    chars, offsets = line.chars, line.offsets
    pipes = _pipes(chars)
    bounds = [-1, *pipes, len(chars)]
    spans = list(zip(bounds, bounds[1:]))
    if chars.strip().startswith("|"):
        spans = spans[1:]
    if spans and pipes and not chars[pipes[-1] + 1 :].strip():
        spans = spans[:-1]
    cells = []
    for left, right in spans:
        text, cell_offsets = _strip(*_inline(chars[left + 1 : right], offsets[left + 1 : right]))
        pipe = offsets[left] if left >= 0 else (offsets[0] if offsets else line.end)
        inside = offsets[left + 1] if left + 1 < len(offsets) else pipe
        cells.append(_Cell(text, cell_offsets, pipe, inside))
    return cells


def _value_slots(cells: list[_Cell]) -> int:
    """How many cells a row spends on values: from its first value to its last non-empty cell."""
    first = next((n for n, cell in enumerate(cells) if _VALUE_RE.match(cell.text)), None)
    if first is None:
        return 0
    last = max(n for n, cell in enumerate(cells) if cell.text)
    return last - first + 1


def _trim_trailing_empties(grid: list[list[_Cell]]) -> list[list[_Cell]]:
    """Drop the empty cells a PDF-to-Markdown converter leaves at the end of shifted rows.

    Converters lay a table with merged label cells on one grid; rows that lack the merged
    cell are shifted left and end in an empty cell (``| 1.属于国家秘密 | 4 | … | 4 |  |``),
    while the rows that carry a fragment of the merged label fill that column
    (``| （三）不 | 4.保护第三方合法权益 | 0 | … | 0 |``). Such a trailing empty cell is not a
    value: the row already has as many value cells as the table's rows that end in a value.
    It stays a blank cell when a header row (a row without values) names its column, or when
    the row has fewer value cells than the complete rows (a blank last value).
    """
    complete = [
        _value_slots(cells) for cells in grid if cells and cells[-1].text and _VALUE_RE.match(cells[-1].text)
    ]
    if not complete:
        return grid
    full = max(complete)
    named = {
        n for cells in grid if not any(_VALUE_RE.match(cell.text) for cell in cells)
        for n, cell in enumerate(cells) if cell.text
    }
    trimmed = []
    for cells in grid:
        end = len(cells)
        if _value_slots(cells) == full:
            while end > 0 and not cells[end - 1].text and end - 1 not in named:
                end -= 1
        trimmed.append(cells[:end])
    return trimmed


def _write_table(rows: list[_Line], out: _Builder, source_length: int) -> None:
    """Write a pipe table, one row per line, cells joined by :data:`CELL_SEPARATOR`.

    Markdown has no merged cells, so authors leave the cells under a merged label empty.
    An empty cell is therefore written as :data:`BLANK_CELL` (at the position just after
    its opening ``|``) only where a value belongs: in a row that holds values, in a column
    that holds a value in some row. Elsewhere (label columns, caption and header rows) it
    stands for a merged cell and contributes nothing. Trailing empty cells of rows shifted
    by a converter are dropped first (see :func:`_trim_trailing_empties`).
    """
    grid = _trim_trailing_empties([_cells(row) for row in rows])
    data_columns = {n for cells in grid for n, cell in enumerate(cells) if _VALUE_RE.match(cell.text)}
    for row, cells in zip(rows, grid):
        has_values = any(_VALUE_RE.match(cell.text) for cell in cells)
        first = True
        for n, cell in enumerate(cells):
            if not cell.text and not (has_values and n in data_columns):
                continue
            if not first:
                out.add_at(CELL_SEPARATOR, cell.pipe)
            first = False
            if cell.text:
                out.add(cell.text, cell.offsets)
            else:
                out.add_at(BLANK_CELL, cell.inside)
        if row.end < source_length:
            out.add_at("\n", row.end)


# ----------------------------------------------------------------------------- conversion


def _table_starts(lines: list[_Line], index: int) -> bool:
    chars = lines[index].chars
    if chars.lstrip().startswith("|"):
        return True
    return "|" in chars and index + 1 < len(lines) and _is_delimiter(lines[index + 1])


def convert(source: str) -> tuple[str, array, list[Suppression]]:
    """``(text, origin, suppressions)`` of a Markdown ``source`` (see the module docstring)."""
    comments = [(m.start(), m.end()) for m in _COMMENT_RE.finditer(source)]
    lines = _lines(source, comments)
    out = _Builder()
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        chars = line.chars
        index += 1
        newline = True
        if fence is not None:
            if chars.lstrip(" ").startswith(fence):
                fence, newline = None, False
            else:
                out.add(chars, line.offsets)
        elif line.blank:
            if line.had_comment:
                newline = False  # a line holding only a comment (a directive) goes
            else:
                out.add(chars, line.offsets)
        elif (match := _FENCE_RE.match(chars)) is not None:
            fence, newline = match.group(1), False
        elif _table_starts(lines, index - 1):
            rows = [line]
            while index < len(lines):
                following = lines[index]
                if following.blank and following.had_comment:
                    pass  # a directive between two rows: the table goes on
                elif "|" not in following.chars or following.blank:
                    break
                elif not _is_delimiter(following):
                    rows.append(following)
                index += 1
            _write_table(rows, out, len(source))
            continue
        elif _BREAK_RE.match(chars):
            newline = False
        else:
            offsets = line.offsets
            heading = _ATX_RE.match(chars)
            if heading:
                chars, offsets = chars[heading.end() :], offsets[heading.end() :]
                close = _ATX_CLOSE_RE.search(chars)
                if close:
                    chars, offsets = chars[: close.start()], offsets[: close.start()]
            chars, offsets = _inline(chars, offsets)
            out.add(chars, offsets)
        if newline and line.end < len(source):
            out.add_at("\n", line.end)
    return out.text(), out.origin, _suppressions(source, comments, lines)


# ----------------------------------------------------------------------------- directives


def _span(starts: list[int], start: int, end: int) -> Span:
    def point(offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    line, column = point(start)
    end_line, end_column = point(end - 1)
    return Span(line, column, end_line, end_column + 1)


def _codes(rest: str) -> tuple[str, ...]:
    return tuple(c.upper() if re.fullmatch(r"[A-Za-z]{2,3}\d{0,3}", c) else c
                 for c in _CODE_SPLIT_RE.split(rest.strip()) if c)


def _suppressions(source: str, comments: list[tuple[int, int]], lines: list[_Line]) -> list[Suppression]:
    starts = line_starts(source)
    last_line = len(lines)
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for start, end in comments:
        match = _DIRECTIVE_RE.match(source[start + 4 : end - 3])
        if match is None:
            continue
        kind, codes = match.group(1), _codes(match.group(2))
        span = _span(starts, start, end)
        text = " ".join(source[start:end].split())
        if kind == "disable":
            directive = Suppression(codes, span.line, last_line, span, text)
            found.append(directive)
            open_ranges.append(directive)
        elif kind == "enable":
            for directive in list(open_ranges):
                if not codes or set(codes) & set(directive.codes):
                    directive.last_line = span.end_line
                    open_ranges.remove(directive)
        else:
            target = next((ln.number for ln in lines[span.end_line :] if not ln.blank), last_line + 1)
            found.append(Suppression(codes, target, target, span, text))
    return found
