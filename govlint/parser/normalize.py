"""A normalised view of the document text, with a map back to document offsets.

Real reports mix full- and half-width digits, brackets and colons, curly and straight
quotes, non-breaking and ideographic spaces, and PDF page furniture (``- 3 -``) that lands
in the middle of tables. Matching happens on the normalised view; every match is mapped
back through ``origin`` so findings point at the original characters.

Two views are built:

* :class:`TextView` — character-normalised, line breaks kept, page-number lines removed;
* label keys (:func:`label_key`, :func:`keyed`) — without whitespace and punctuation, for
  labels wrapped over lines (``电\\n子邮箱``, ``结 果\\n维持``).
"""

from __future__ import annotations

import bisect
import re

from govlint import regex
from govlint.document import Document
from govlint.text_keys import (  # noqa: F401 - defined below the parser; re-exported for its modules
    CHAR_TABLE,
    LABEL_DROP_CHARS,
    label_key,
    normalize_text,
)
from govlint.text_keys import DELETED as _DELETE
from govlint.text_keys import SPACES as _SPACES
from govlint.model import Span
from govlint.records import record


#: Lines that are PDF/Word page furniture: ``- 3 -``, ``— 3 —``, ``第 3 页``, ``第3页 共12页``, ``3/12``.
PAGE_LINE_RE = regex.compile(
    r"^[ \t\u3000]*(?:[-\u2013\u2014\uff0d]+ *\d{1,4} *[-\u2013\u2014\uff0d]+"
    r"|第 *\d{1,4} *页(?: *[,，/]? *共 *\d{1,4} *页)?|\d{1,4} */ *\d{1,4})[ \t\u3000]*\r?$",
    re.MULTILINE,
)


_LINE_BREAK_RE = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*")


def unwrap(text: str) -> str:
    """``text`` with its line breaks removed, and the blanks around each break with them.

    Text wrapped at a page or column width breaks lines inside words; an indented
    continuation line (``部\n　　分公开``) or blanks left at a line end (``部 \n分公开``)
    must not leave a space inside the word.
    """
    return _LINE_BREAK_RE.sub("", text) if "\n" in text else text


class OffsetMap:
    """Piecewise-identity map from a derived string back to its source string.

    The derived string is the concatenation of kept source segments; segment ``k`` starts
    at ``derived_starts[k]`` in the derived string and ``source_starts[k]`` in the source.
    Lookups are a binary search, so the map costs memory per segment, not per character.
    """

    __slots__ = ("derived_starts", "source_starts", "length", "source_length")

    def __init__(self, segments: list[tuple[int, int]], source_length: int) -> None:
        self.derived_starts: list[int] = []
        self.source_starts: list[int] = []
        position = 0
        for start, end in segments:
            self.derived_starts.append(position)
            self.source_starts.append(start)
            position += end - start
        self.length = position
        self.source_length = source_length

    def __call__(self, index: int) -> int:
        """Source index of derived index ``index``; ``length`` maps to the end of the last segment."""
        if len(self.derived_starts) == 1:
            return self.source_starts[0] + index
        if not self.derived_starts:
            return 0
        if index >= self.length:
            k = len(self.derived_starts) - 1
            return self.source_starts[k] + (self.length - self.derived_starts[k])
        k = bisect.bisect_right(self.derived_starts, index) - 1
        return self.source_starts[k] + (index - self.derived_starts[k])

    def inverse(self, source_index: int) -> int:
        """The first derived index whose source index is ``>= source_index``."""
        k = bisect.bisect_right(self.source_starts, source_index) - 1
        if k < 0:
            return 0
        seg_len = (self.derived_starts[k + 1] if k + 1 < len(self.derived_starts) else self.length) - self.derived_starts[k]
        offset = source_index - self.source_starts[k]
        if offset < seg_len:
            return self.derived_starts[k] + offset
        return self.derived_starts[k] + seg_len


def _kept_segments(length: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Complement of sorted, non-overlapping ``removed`` ranges within ``[0, length)``."""
    segments = []
    position = 0
    for start, end in removed:
        if start > position:
            segments.append((position, start))
        position = max(position, end)
    if position < length:
        segments.append((position, length))
    return segments


_DELETE_RE = regex.compile("[" + _DELETE + "]+")
#: Horizontal whitespace at the end of a line: PDF extraction and editors leave it, and it
#: would otherwise split a word wrapped over the line break (``部分公开`` as ``部 分公开``).
_TRAILING_SPACE_RE = regex.compile("[ " + _SPACES + "]+(?=\r?\n)")
#: One-to-one character replacements (deletions are handled by segmentation).
_TRANSLATE = {k: v for k, v in CHAR_TABLE.items() if v is not None}


@record
class TextView:
    """Normalised text plus a map from each of its indices to a document offset."""

    text: str
    origin: OffsetMap
    document: Document

    @classmethod
    def of(cls, document: Document) -> "TextView":
        """Build the line-preserving normalised view of ``document``."""
        source = document.text
        removed = _page_line_ranges(source)
        removed.extend(m.span() for m in _DELETE_RE.finditer(source))
        removed.extend(m.span() for m in _TRAILING_SPACE_RE.finditer(source))
        removed.sort()
        segments = _kept_segments(len(source), removed)
        text = "".join(source[a:b] for a, b in segments).translate(_TRANSLATE)
        return cls(text, OffsetMap(segments, len(source)), document)

    def doc_offset(self, index: int) -> int:
        """Document offset of view index ``index`` (``len(text)`` allowed)."""
        return self.origin(index)

    def span(self, start: int, end: int) -> Span:
        """Span in the original file of ``text[start:end]``."""
        origin = self.origin
        if len(origin.derived_starts) == 1:  # nothing was removed: a constant shift
            shift = origin.source_starts[0]
            if end <= start:
                return self.document.span(start + shift, start + shift)
            return self.document.span(start + shift, end + shift)
        if end <= start:
            offset = origin(start)
            return self.document.span(offset, offset)
        return self.document.span(origin(start), origin(end - 1) + 1)

    def original(self, start: int, end: int) -> str:
        """The document's original characters behind view ``[start, end)``."""
        if end <= start:
            return ""
        return self.document.text[self.doc_offset(start) : self.doc_offset(end - 1) + 1]

    def line_bounds(self, index: int) -> tuple[int, int]:
        """``(start, end)`` view indices of the line containing ``index`` (end excludes ``\\n``)."""
        start = self.text.rfind("\n", 0, index) + 1
        end = self.text.find("\n", index)
        return start, len(self.text) if end == -1 else end




def _page_line_ranges(text: str) -> list[tuple[int, int]]:
    """Document ranges (including the line break) of page-furniture lines."""
    ranges = []
    for match in PAGE_LINE_RE.finditer(text):
        start, end = match.start(), match.end()
        if end < len(text) and text[end] == "\n":
            end += 1
        if start == end:
            continue
        ranges.append((start, end))
    return ranges


def keyed(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """:func:`label_key` of ``text[start:end]`` and the index in ``text`` of each key character.

    ``text`` must already be normalised (a :class:`TextView` text).
    """
    end = len(text) if end is None else end
    parts: list[str] = []
    positions: list[int] = []
    for match in _KEY_RUN_RE.finditer(text, start, end):
        parts.append(match.group())
        positions.extend(range(match.start(), match.end()))
    return "".join(parts), positions


#: Runs of characters kept in a label key (everything but :data:`LABEL_DROP_CHARS`).
_KEY_RUN_RE = regex.compile("[^" + re.escape("".join(sorted(LABEL_DROP_CHARS))) + "]+")
