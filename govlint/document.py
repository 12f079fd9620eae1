"""A decoded input file and the map from its text back to the original file.

Readers turn bytes into a :class:`Document`. ``text`` is what the parser reads; for plain
text it *is* the file, for HTML it is the extracted article text. ``origin`` (when set)
maps each character of ``text`` to its offset in ``source``, the decoded original file, so
every finding is reported at the line and column a user sees in their editor.
"""

from __future__ import annotations

import bisect
from typing import ClassVar
from array import array

from govlint.model import Span
from govlint.records import factory, record

#: Readers that know a table's grid (HTML, Word, Markdown pipe tables) write each table row
#: on its own line with cells joined by :data:`CELL_SEPARATOR`, and an empty cell as
#: :data:`BLANK_CELL` (a private-use character), so the parser tells a blank cell — reported,
#: never read as 0 — from a cell that is not there at all.
BLANK_CELL = "\ue000"
CELL_SEPARATOR = " | "


@record
class Suppression:
    """An inline directive that silences diagnostics on some lines of the original file.

    ``codes`` are codes or prefixes (empty: every code). ``first_line``..``last_line`` are the
    lines covered. ``span`` is where the directive is written; an unused directive is
    reported there (GOV901). ``used`` is set by the runner.
    """

    codes: tuple[str, ...]
    first_line: int
    last_line: int
    span: Span
    text: str = ""
    used: bool = False

    def covers(self, code: str, line: int) -> bool:
        """Whether a diagnostic with ``code`` on ``line`` is silenced."""
        return self.first_line <= line <= self.last_line and (
            not self.codes or any(code.startswith(c) for c in self.codes)
        )


@record
class DroppedText:
    """Visible text inside the report's body that the reader did not read as report text.

    An HTML page's article may hold a share bar, a hidden element or a form control; the
    reader leaves them out, and this record says how much it left out, so that nothing of
    the body is lost silently (GOV008). ``blocks`` is the number of elements left out that
    hold visible text, ``characters`` their visible characters (whitespace excluded), and
    ``offset`` the offset in ``source`` where the first of them starts.
    """

    blocks: int
    characters: int
    offset: int


@record
class BlockPlace:
    """Where one block (line) of a Word document is, in the terms a drafter uses in Word.

    A paragraph has ``paragraph`` (its number among the paragraphs with text; 0 for an empty
    paragraph). A table row has ``table`` and ``row`` (1-based), ``cell_starts`` (the
    character offset in the row's line where each cell starts) and ``columns`` (each cell's
    grid column, merged cells counted as Word shows them).
    """

    paragraph: int = 0
    table: int = 0
    row: int = 0
    cell_starts: tuple[int, ...] = ()
    columns: tuple[int, ...] = ()

    def describe(self, column: int) -> str | None:
        """``第3段`` or ``表2 第5行 第3列`` for the character ``column`` (1-based) of the block."""
        if not self.table:
            return f"第{self.paragraph}段" if self.paragraph else None
        place = f"表{self.table} 第{self.row}行"
        index = bisect.bisect_right(self.cell_starts, column - 1) - 1
        if 0 <= index < len(self.columns):
            place += f" 第{self.columns[index]}列"
        return place


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (lines end at ``\\n``)."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


@record
class Document:
    """Decoded input: parser text, original source and the map between them.

    ``encoding`` is the codec the bytes were decoded with (``utf-8``, ``utf-8-sig`` or
    ``gb18030``; ``docx``/``pdf`` for files that are not decoded as text); ``reader`` names
    the reader that produced the document.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    reader: str = "text"
    source: str | None = None
    origin: array | None = None
    suppressions: list[Suppression] = factory(list)
    #: How ``line``/``column`` are to be read for this format (documented in the README):
    #: ``line:column`` of the original file for text, Markdown and HTML; ``block:character``
    #: for Word (the linearised text is the source: one paragraph or table row per line);
    #: ``page:line`` for PDF (see :attr:`page_lines`).
    position_scheme: str = "line:column"
    #: ``page:line`` scheme only: ``(page, line within the page)`` of each line of ``source``.
    #: Positions then come out as line = page number, column = line within that page.
    page_lines: list[tuple[int, int]] | None = None
    #: Visible body text the reader left out (``None``: the reader leaves none out, or does
    #: not know; see :class:`DroppedText`).
    dropped_text: DroppedText | None = None
    #: Word documents only: where each block (line) is in Word's terms (see :meth:`place_of`).
    block_places: list[BlockPlace] | None = None
    _starts: list[int] = factory(list)
    _last_line: int = 0
    #: The line last returned by :meth:`_line` and its number (not a field: no part of the
    #: value). Diagnostics come sorted by line, so a long line (crawler text on one line)
    #: is cut out once, and every diagnostic on it shares one string instead of a copy each.
    _line_cache: ClassVar[tuple[int, str]] = (0, "")

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = self.text
        self._starts = line_starts(self.source)

    @property
    def source_lines(self) -> list[str]:
        """Lines of the original file, without line terminators."""
        return [line.rstrip("\r") for line in self.source.split("\n")]

    def source_line(self, line: int) -> str:
        """Line ``line`` (1-based) of the original file, or ``""`` if out of range.

        In the ``page:line`` scheme a diagnostic's line is a page, which has many lines:
        ``""`` (see :meth:`line_at`).
        """
        if self.page_lines is not None:
            return ""
        return self._line(line)

    def line_at(self, line: int, column: int) -> str:
        """The source text a diagnostic at ``line:column`` points into, in any scheme.

        The source line ``line`` in the ``line:column`` and ``block:character`` schemes; in
        ``page:line`` the extracted line ``column`` of page ``line``.
        """
        if self.page_lines is None:
            return self._line(line)
        try:
            return self._line(self.page_lines.index((line, column)) + 1)
        except ValueError:
            return ""

    def place_of(self, line: int, column: int) -> str | None:
        """The place of ``line:column`` as a reader of the original names it, or ``None``.

        Word documents: ``第3段`` for a paragraph, ``表2 第5行 第3列`` for a table cell (the
        machine position ``block:character`` means nothing in Word). Other formats: ``None``
        (their line and column are what the user's editor shows).
        """
        if self.block_places is None or not 1 <= line <= len(self.block_places):
            return None
        return self.block_places[line - 1].describe(column)

    def _line(self, line: int) -> str:
        if line < 1 or line > len(self._starts):
            return ""
        cached_number, cached = self._line_cache
        if cached_number == line:
            return cached
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.source)
        text = self.source[start:end].rstrip("\r")
        self._line_cache = (line, text)
        return text

    def source_offset(self, offset: int) -> int:
        """Offset in ``source`` of character ``offset`` of ``text`` (end offsets allowed)."""
        if self.origin is None:
            return offset
        if offset < len(self.origin):
            return self.origin[offset]
        if not self.origin:
            return 0
        return self.origin[-1] + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of ``text[offset]``.

        In the ``page:line`` scheme: (page, line within the page) of that character.
        """
        return self.source_position(self.source_offset(offset))

    def source_position(self, src: int) -> tuple[int, int]:
        """1-based (line, column) of offset ``src`` of ``source`` (see :meth:`position`)."""
        index = bisect.bisect_right(self._starts, src) - 1
        if self.page_lines:  # page:line (PDF): (page, line within the page)
            return self.page_lines[min(index, len(self.page_lines) - 1)]
        return index + 1, src - self._starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``text[start:end]`` (``end`` exclusive)."""
        line, column = self.position(start)
        if end <= start:
            return Span(line, column, line, column)
        end_line, end_column = self.position(end - 1)
        return Span(line, column, end_line, end_column + 1)

    @property
    def line_count(self) -> int:
        """Number of lines in the original file."""
        return len(self._starts)
