"""The report's prose, cut into real paragraphs and sentences, and the facts read from it.

The prose is the introduction and sections 一, 五 and 六 (tables are read elsewhere); a
pre-2019 report's prose is everything before its statistics table. Facts are read from
*paragraphs*, and a paragraph boundary must be something real:

* text extracted from a PDF (and PDF-to-Markdown conversions) wraps lines at the page
  width, in the middle of words and numbers (``予以公开及部\\n分公开 208 件``). Such a
  region is recognised by its line widths: most lines are about as wide as a page. A line
  of about that width that ends without sentence punctuation is joined to the next
  (unless the next one starts with a heading number);
* everywhere else a line is a paragraph (web pages and Word files write one per line);
* a crawler's text that runs the whole report into one line is one paragraph per region:
  facts that need a paragraph boundary (an unclosed bracket) are then judged on the region;
* where a wrong cut would cause a finding (a bracket opened on one line and closed on the
  next, in a region too short to tell its wrapping), a line that ends without sentence
  punctuation is taken to go on in the next one (:func:`continues`).

Each :class:`Paragraph` keeps the view index of each of its characters, so every fact
points at the original file. The facts themselves are read by :mod:`prose_counts`,
:mod:`prose_marks` and :mod:`places`; the report gets them lazily (``report.prose``), the
first time a rule or ``govlint extract`` asks.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model import Report, Span
from govlint.model_prose import ProseFacts
from govlint.parser.normalize import TextView
from govlint.parser.sections import SectionLayout

#: Sections whose bodies are prose (the others hold the tables).
PROSE_SECTIONS = (1, 5, 6)
#: Sentence punctuation that ends a paragraph line for good. A colon or semicolon does not:
#: page-wrapped text breaks lines after them (``联系（地址：\n人民大道…）``).
LINE_END = "。!?"
#: Characters that end a sentence.
SENTENCE_END = "。!?"
#: A heading number at the start of a line: （一） (1) 一、 1. 1、 第一章.
HEADING_START_RE = regex.compile(
    r"[ ]*(?:\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}[ ]*[、.]"
    r"|\d{1,2}[ ]*[.、](?!\d)|第[一二三四五六七八九十]{1,3}[章节部分])"
)
#: Display widths (columns, a Chinese character is two) of a page that wraps lines.
_PAGE_WIDTH = (40, 120)
#: A region needs this many lines for its wrapping to be told.
_MIN_WRAPPED_LINES = 4
#: A wrapped line is at least this share of the page width.
_WRAP_SHARE = 0.8


class Paragraph:
    """A paragraph of prose: its text (wrapped lines joined) and each character's view index."""

    __slots__ = ("text", "positions", "region")

    def __init__(self, text: str, positions: list[int], region: int) -> None:
        self.text = text
        self.positions = positions
        self.region = region

    def __repr__(self) -> str:
        return f"Paragraph({self.text[:20]!r}…, region={self.region})"

    def span(self, view: TextView, start: int, end: int) -> Span:
        """Span in the original file of ``text[start:end]``."""
        if end <= start:
            index = self.positions[start] if start < len(self.positions) else self.positions[-1] + 1
            return view.span(index, index)
        return view.span(self.positions[start], self.positions[end - 1] + 1)

    def original(self, view: TextView, start: int, end: int) -> str:
        """The original characters of ``text[start:end]`` (line breaks of wraps removed)."""
        if end <= start:
            return ""
        return re.sub(r"\s*\n\s*", "", view.original(self.positions[start], self.positions[end - 1] + 1))


def prose_regions(view: TextView, layout: SectionLayout, report: Report) -> list[tuple[int, int]]:
    """View ranges of the prose: the introduction and sections 一, 五, 六 (in order).

    A document with nothing of a report (no section, no table: GOV002) has no prose.
    """
    length = len(view.text)
    if not report.has_report_content:
        return []
    if report.template == "legacy":
        from govlint.parser.detect import legacy_table_header

        header = legacy_table_header(view)
        return [(0, header[0] if header else length)]
    intro_end = layout.first_heading if layout.first_heading is not None else min(length, 3000)
    regions = [(0, intro_end)]
    regions += [layout.bodies[n] for n in PROSE_SECTIONS if n in layout.bodies]
    return sorted(r for r in regions if r[1] > r[0])


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line in ``text[lo:hi]``, without its line break."""
    lines = []
    start = lo
    while start <= hi:
        end = text.find("\n", start, hi)
        if end == -1:
            end = hi
        lines.append((start, end))
        start = end + 1
    return lines


def display_width(line: str) -> int:
    """Width of a line as laid out on a page: a Chinese character is two columns wide.

    Computed from the UTF-8 length (a Chinese character takes 3 bytes, ASCII 1): (bytes +
    characters) / 2 counts 2 for the first and 1 for the second, without a loop in Python.
    """
    return (len(line.encode("utf-8")) + len(line)) // 2


def wrap_width(lines: list[str]) -> int | None:
    """The page width a region's lines are wrapped at, or ``None`` when they are not wrapped.

    Wrapped lines are about as wide as the page: the 80th-percentile width of the region's
    lines is that width when it is a page's (40–120 columns) and the region has enough
    lines to tell. Paragraphs written one per line are much wider.
    """
    widths = sorted(display_width(line) for line in lines if line)
    if len(widths) < _MIN_WRAPPED_LINES:
        return None
    width = widths[min(len(widths) - 1, int(len(widths) * 0.8))]
    return width if _PAGE_WIDTH[0] <= width <= _PAGE_WIDTH[1] else None


def _is_wrapped(line: str, next_line: str, width: int | None) -> bool:
    """Whether ``line`` (stripped) continues on ``next_line`` (a page-wrapped region)."""
    if width is None or not line or not next_line or line[-1] in LINE_END:
        return False
    if display_width(line) < _WRAP_SHARE * width:
        return False
    return HEADING_START_RE.match(next_line) is None


def split_paragraphs(view: TextView, regions: list[tuple[int, int]]) -> list[Paragraph]:
    """The paragraphs of the prose regions, in order (see the module docstring)."""
    text = view.text
    paragraphs: list[Paragraph] = []
    for number, (lo, hi) in enumerate(regions):
        lines = _lines(text, lo, hi)
        stripped_lines = [text[a:b].strip() for a, b in lines]
        width = wrap_width(stripped_lines)
        parts: list[str] = []
        positions: list[int] = []
        for index, (a, b) in enumerate(lines):
            line = text[a:b]
            stripped = stripped_lines[index]
            if stripped:
                first = a + (len(line) - len(line.lstrip()))
                parts.append(stripped)
                positions.extend(range(first, first + len(stripped)))
            following = stripped_lines[index + 1] if index + 1 < len(lines) else ""
            if _is_wrapped(stripped, following, width):
                continue
            if parts:
                paragraphs.append(Paragraph("".join(parts), positions, number))
                parts, positions = [], []
        if parts:
            paragraphs.append(Paragraph("".join(parts), positions, number))
    return paragraphs


def continues(paragraph: Paragraph, following: Paragraph | None) -> bool:
    """Whether ``following`` may continue ``paragraph``'s sentence: same region, the first
    does not end with sentence punctuation and the second does not start with a heading.

    Used where a wrong cut would cause a finding (a bracket opened on one line and closed
    on the next, in a region too short to tell its wrapping).
    """
    return (
        following is not None
        and following.region == paragraph.region
        and paragraph.text[-1:] not in LINE_END
        and HEADING_START_RE.match(following.text) is None
    )


def read_prose(view: TextView, layout: SectionLayout, report: Report) -> ProseFacts:
    """Every prose fact of the report (see :mod:`govlint.model_prose`)."""
    from govlint.parser.places import read_places
    from govlint.parser.prose_counts import read_counts
    from govlint.parser.prose_marks import read_marks

    paragraphs = split_paragraphs(view, prose_regions(view, layout, report))
    facts = ProseFacts()
    read_counts(view, paragraphs, facts)
    read_marks(view, paragraphs, facts)
    read_places(view, paragraphs, report, facts)
    return facts
