"""Find the six sections by their titles, and the sub-headings inside each.

A heading is a Chinese numeral with 、 (``一、``) followed by text that matches a section
title of the format (official title or a documented alias) by similarity. The numeral
alone never makes a section: ``一、存在问题`` inside section 五 (a real report) is not
section 一, because its text is not the title of section 一. A heading whose text matches
another section's title almost exactly is taken as that section, misnumbered (a report
that dropped section 四 and renumbered the rest), so order and gaps are judged by titles.

Headings usually start a line; crawler text runs the whole report into one line, so a
heading may also follow sentence punctuation, with a stricter similarity threshold.
Missing, repeated and out-of-order sections are recorded, not repaired.
"""

from __future__ import annotations

import heapq
import re

from govlint import regex
from govlint.model import Heading, Section, TextFact
from govlint.parser.normalize import TextView, keyed, label_key
from govlint.parser.similarity import prefix_match
from govlint.records import record
from govlint.templates import SECTIONS, SectionTitle, cn_number

#: Candidate heading: a numeral 一–六 and a separator. Whether it starts a line decides
#: which similarity threshold applies (crawler text has headings anywhere in a line).
_CANDIDATE_RE = regex.compile(r"([一二三四五六])[ ]*[、.,][ ]*")

#: Minimum title coverage for a heading whose numeral agrees with the title.
MATCH_THRESHOLD = 0.75
#: Minimum coverage for a heading inside a line (crawler text) or with another numeral.
STRICT_THRESHOLD = 0.9

_TITLE_KEYS: list[tuple[SectionTitle, str, str]] = []
for _section in SECTIONS:
    _TITLE_KEYS.append((_section, label_key(_section.title), "official"))
    for _alias in _section.aliases:
        _TITLE_KEYS.append((_section, label_key(_alias), "alias"))


@record
class SectionLayout:
    """Sections found, repeated sections, and each section's body as a view range."""

    sections: list[Section]
    duplicates: list[Section]
    bodies: dict[int, tuple[int, int]]
    first_heading: int | None


@record
class _Candidate:
    number: int
    numeral: str
    start: int  # view index of the numeral
    title_end: int  # view index just after the title
    coverage: float
    match: str
    line_start: bool


def _best_title(key: str) -> tuple[SectionTitle | None, float, int, str]:
    """The section title ``key`` starts with: (title, coverage, key end, match kind)."""
    best: tuple[SectionTitle | None, float, int, str] = (None, 0.0, 0, "similar")
    head = key[:4]
    for section, title_key, kind in _TITLE_KEYS:
        if title_key[0] not in head and title_key[1] not in head:
            continue  # a heading starts with its title: 本年新收… is no section title
        coverage, end = prefix_match(title_key, key, minimum=MATCH_THRESHOLD)
        exact = key.startswith(title_key)
        match = kind if exact else "similar"
        better = coverage > best[1] or (coverage == best[1] and best[3] == "similar" and match != "similar")
        if better:
            best = (section, coverage, end, match)
    return best


def _candidates(view: TextView) -> list[_Candidate]:
    text = view.text
    found: list[_Candidate] = []
    for match in _CANDIDATE_RE.finditer(text):
        numeral = match.group(1)
        number = cn_number(numeral) or 0
        line_start = _starts_line(text, match.start(1))
        key, positions = keyed(text, match.end(), _line_end_within(text, match.end(), 80))
        section, coverage, key_end, kind = _best_title(key)
        if section is None or key_end == 0:
            continue
        agrees = section.number == number
        threshold = MATCH_THRESHOLD if (agrees and line_start) else STRICT_THRESHOLD
        if coverage < threshold or (not line_start and not agrees):
            continue
        found.append(
            _Candidate(section.number, numeral, match.start(1), positions[key_end - 1] + 1, coverage, kind, line_start)
        )
    return found


def _starts_line(text: str, index: int) -> bool:
    """Whether only whitespace stands between the start of ``index``'s line and ``index``.

    Walks back over the whitespace only: searching for the line start and stripping the
    text before ``index`` cost the whole line per candidate (quadratic on crawler text
    written on one line).
    """
    index -= 1
    while index >= 0 and text[index] != "\n" and text[index].isspace():
        index -= 1
    return index < 0 or text[index] == "\n"


def _line_end_within(text: str, start: int, reach: int) -> int:
    """``min(end of start's line, start + reach)``, looking no further than ``reach``."""
    line_end = text.find("\n", start, start + reach)
    return line_end if line_end != -1 else min(len(text), start + reach)


def _last_content_line(view: TextView, start: int, end: int) -> int:
    """Original-file line of the last non-space character in view ``[start, end)``."""
    index = end - 1
    while index >= start and view.text[index] in " \n":
        index -= 1
    index = max(index, start)
    return view.span(index, index + 1).line


def _is_empty_body(text: str) -> bool:
    """Nothing but punctuation between two headings: a contents list, not a section."""
    return len(label_key(text[:64])) < 2


def find_sections(view: TextView) -> SectionLayout:
    """Sections in document order (first occurrence of each number) and repeated ones.

    A heading with nothing after it before the next heading (a table of contents, or an
    introduction listing numbered titles) does not count when the same section occurs
    again later with content; such entries are dropped, later repeats are recorded.
    """
    candidates = _candidates(view)
    ends = [c.start for c in candidates[1:]] + [len(view.text)]
    empty = [_is_empty_body(view.text[c.title_end : e]) for c, e in zip(candidates, ends)]
    chosen: dict[int, int] = {}
    for index, cand in enumerate(candidates):
        if cand.number in chosen:
            continue
        later_with_body = any(
            c.number == cand.number and not empty[j] for j, c in enumerate(candidates) if j > index
        )
        if empty[index] and later_with_body:
            continue
        chosen[cand.number] = index
    kept = [
        index
        for index, cand in enumerate(candidates)
        if cand.number in chosen and index >= chosen[cand.number]
    ]
    layout = SectionLayout([], [], {}, candidates[kept[0]].start if kept else None)
    for position, index in enumerate(kept):
        cand = candidates[index]
        body_end = candidates[kept[position + 1]].start if position + 1 < len(kept) else len(view.text)
        section = _make_section(view, cand, body_end)
        if chosen[cand.number] == index:
            layout.sections.append(section)
            layout.bodies[cand.number] = (cand.title_end, body_end)
        else:
            layout.duplicates.append(section)
    return layout


def _make_section(view: TextView, cand: _Candidate, body_end: int) -> Section:
    spec = SECTIONS[cand.number - 1]
    body_start = cand.title_end
    body_text = view.text[body_start:body_end].strip()
    return Section(
        number=cand.number,
        title=_display_title(view.text[cand.start : cand.title_end].strip()),
        official_title=spec.title,
        span=view.span(cand.start, cand.title_end),
        end_line=_last_content_line(view, cand.start, body_end),
        text=body_text,
        body_span=view.span(body_start, body_end) if body_text else None,
        match="official" if cand.match == "official" and cand.coverage == 1.0 else cand.match,
        similarity=cand.coverage,
        numeral=cand.numeral,
        headings=find_headings(view, body_start, body_end) if cand.number in (1, 5, 6) else [],
        start=view.doc_offset(cand.start),
        end=view.doc_offset(body_end),
    )


def _display_title(heading: str) -> str:
    """The title without its numeral: ``一、 总体情况`` → ``总体情况``."""
    return re.sub(r"^[一二三四五六][ ]*[、.,][ ]*", "", heading).strip()


# --------------------------------------------------------------------------- sub-headings

_HEADING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn_paren", regex.compile(r"(?<!第)\(([一二三四五六七八九十]{1,3})\)")),
    ("cn_dun", regex.compile(r"([一二三四五六七八九十]{1,3})[ ]*、")),
    ("arabic_paren", regex.compile(r"\((\d{1,2})\)")),
    ("arabic_dot", regex.compile(r"(\d{1,2})[ ]*[.、](?![\d])")),
)
#: Where a sub-heading may start: a line start, or after a sentence end (crawler text).
_HEADING_START_RE = regex.compile(r"(?:^|(?<=[\n。；;:]))[ ]*", re.MULTILINE)
#: A sub-heading run on to the heading (or section title) before it, as crawler text writes
#: ``（二）工作举措1.强化组织保障`` and ``一、总体情况（一）主动公开``: a short title with no
#: punctuation, digit or bracket, then a lower-level numbering. ``第（五）项`` is a citation,
#: and ``一、`` inside a title is left out (it would read as a section numeral).
_RUN_ON_RE = regex.compile(
    r"[^\n。,、;:!?()\[\]\d]{0,30}?[ ]*"
    r"(?=\(\d{1,2}\)|\d{1,2}[ ]*[.、](?!\d)|(?<!第)\([一二三四五六七八九十]{1,3}\))"
)


def find_headings(view: TextView, start: int, end: int) -> list[Heading]:
    """Numbered sub-headings in view ``[start, end)`` (a section body), in document order.

    A sub-heading starts a line or follows a sentence end; in crawler text (one line, no
    separators) it may also follow the section title or another heading directly, with
    only a short title between them (see ``_RUN_ON_RE``).
    """
    text = view.text
    queue = [lead.end() for lead in _HEADING_START_RE.finditer(text, start, end)]
    run_on = _run_on(text, start, end)
    if run_on is not None:
        queue.append(run_on)
    heapq.heapify(queue)
    seen: set[int] = set()
    headings: list[Heading] = []
    while queue:
        position = heapq.heappop(queue)
        if position >= end or position in seen:
            continue
        seen.add(position)
        found = _heading_at(view, position, end)
        if found is None:
            continue
        heading, heading_end = found
        headings.append(heading)
        run_on = _run_on(text, heading_end, end)
        if run_on is not None:
            heapq.heappush(queue, run_on)
    return headings


def _run_on(text: str, position: int, end: int) -> int | None:
    """Where a sub-heading run on to the heading ending at ``position`` starts, if any."""
    match = _RUN_ON_RE.match(text, position, end)
    return match.end() if match else None


def _heading_at(view: TextView, position: int, end: int) -> tuple[Heading, int] | None:
    """The sub-heading whose numbering starts at ``position``, and where its numbering ends."""
    text = view.text
    for style, pattern in _HEADING_PATTERNS:
        match = pattern.match(text, position, end)
        if not match:
            continue
        raw = match.group(1)
        number = int(raw) if raw.isdigit() else cn_number(raw)
        if number is None:
            continue
        if style == "arabic_dot" and _is_number_context(text, match.end()):
            continue
        title_end = min(_line_end_within(text, match.end(), 40), end)
        title = text[match.end() : title_end].strip()
        return Heading(style, number, title, view.span(position, match.end())), match.end()
    return None


def _is_number_context(text: str, index: int) -> bool:
    """``2.5亿元`` or ``1.`` at a line end is not a heading."""
    return index >= len(text) or text[index] in "\n"


# --------------------------------------------------------------------------- part count

_PART_COUNT_RE = regex.compile(
    r"(?:由|共分为?|分为|包括|包含)[^。\n]{0,160}?([一二三四五六七八九十]|\d{1,2})[ ]*(?:个)?[ ]*(?:部分|方面)"
)


def find_part_count(view: TextView, limit: int) -> TextFact | None:
    """The introduction's "由…N部分组成" statement before view index ``limit``."""
    match = _PART_COUNT_RE.search(view.text, 0, limit)
    if not match:
        return None
    raw = match.group(1)
    value = int(raw) if raw.isdigit() else cn_number(raw)
    return TextFact(view.text[match.start() : match.end()], view.span(match.start(), match.end()), value)
