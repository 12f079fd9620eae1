"""Enumerations, bracket balance and repeated sentences in the prose.

* Enumeration markers: ``一是/二是``, ``第一，/第二，``, ``（一）/(1)`` in the middle of a
  sentence (a ``（一）`` that starts a line or follows 。；： is a sub-heading, which
  :mod:`govlint.parser.sections` records and GOV205 checks), and ``①②``. Each marker is
  given the number of its *block*: the text between two headings (a sub-heading at a line
  start or after 。；：, or the start of a prose region), since a list restarts under each
  heading.
* Marks: a doubled opening mark (``《《``, ``（（``) and an opening ``（`` or ``《`` not closed
  before the paragraph ends. A paragraph whose next one (in the same region) starts by
  closing a bracket was cut at the wrong place, so it is not reported.
* Repeated sentences: a sentence (ending in 。！？) of at least 30 characters, counted without
  spaces, punctuation and its leading enumeration number, written more than once. Headings,
  table labels and navigation text carry no sentence punctuation, so they are no sentences.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model_prose import EnumMarker, MarkIssue, ProseFacts, RepeatedSentence
from govlint.parser.normalize import TextView, label_key
from govlint.parser.prose import HEADING_START_RE, SENTENCE_END, Paragraph, continues
from govlint.parser.tokens import read_int
from govlint.templates import cn_number

_CN = "一二三四五六七八九十"
#: What may precede an enumeration marker inside a sentence (the view is normalised).
_BEFORE_MARKER = ',;:。!?、() "\''
_SHI_RE = regex.compile(rf"([{_CN}]{{1,3}})是")
_ORDINAL_RE = regex.compile(rf"第([{_CN}]{{1,3}})(?=[,:是]|、(?![{_CN}\d]))")
_CN_PAREN_RE = regex.compile(rf"\(([{_CN}]{{1,3}})\)(?![项款目条])")
_ARABIC_PAREN_RE = regex.compile(r"\((\d{1,2})\)")
_CIRCLED_RE = regex.compile("[\u2460-\u2473]")
#: Where a sub-heading starts inside a paragraph (crawler text runs headings into lines).
_HEADING_AFTER = "。;:"
_HEADING_AFTER_RE = regex.compile("[" + re.escape(_HEADING_AFTER) + "]")
_TITLE_RE = regex.compile(r"《[^《》]*》")
#: Shortest repeated sentence reported, in characters without spaces and punctuation.
MIN_SENTENCE = 30
_LEADING_NUMBER_RE = regex.compile(
    rf"^[ ]*(?:\((?:[{_CN}]{{1,3}}|\d{{1,2}})\)|[{_CN}]{{1,3}}[是、]|\d{{1,2}}[.、]|第[{_CN}]{{1,3}}[,、])[ ]*"
)
_CONTEXT = 16
_SENTENCE_END_RE = regex.compile("[" + re.escape(SENTENCE_END) + "]")


def read_marks(view: TextView, paragraphs: list[Paragraph], facts: ProseFacts) -> None:
    """Enumeration markers, mark problems and repeated sentences of the prose."""
    facts.enumerations.extend(read_enumerations(view, paragraphs))
    index = 0
    while index < len(paragraphs):
        group = [paragraphs[index]]
        index += 1
        while index < len(paragraphs) and continues(group[-1], paragraphs[index]):
            group.append(paragraphs[index])
            index += 1
        following = paragraphs[index] if index < len(paragraphs) else None
        if following is not None and following.region != group[0].region:
            following = None
        facts.marks.extend(read_mark_issues(view, group, following))
    facts.repeats.extend(read_repeats(view, paragraphs))


# --------------------------------------------------------------------------- enumerations

def _heading_starts(text: str) -> list[int]:
    """Indices in a paragraph where a sub-heading starts (its start, or after 。；：)."""
    starts = [0] if HEADING_START_RE.match(text) else []
    for mark in _HEADING_AFTER_RE.finditer(text):
        if HEADING_START_RE.match(text, mark.end()):
            starts.append(mark.end())
    return starts


def _title_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE_RE.finditer(text)]


def _at_boundary(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in _BEFORE_MARKER


def _markers(text: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, style, number)`` of the enumeration markers of a paragraph, in order."""
    titles = _title_ranges(text)
    found = []

    def add(match: re.Match[str], style: str, number: int | None) -> None:
        if number is None or any(a <= match.start() < b for a, b in titles):
            return
        found.append((match.start(), match.end(), style, number))

    for match in _SHI_RE.finditer(text):
        if _at_boundary(text, match.start()):
            add(match, "shi", cn_number(match.group(1)))
    for match in _ORDINAL_RE.finditer(text):
        if _at_boundary(text, match.start()):
            add(match, "ordinal", cn_number(match.group(1)))
    for style, pattern in (("cn_paren", _CN_PAREN_RE), ("arabic_paren", _ARABIC_PAREN_RE)):
        for match in pattern.finditer(text):
            start = match.start()
            last = _last_visible(text, start)  # not text[:start].rstrip(): a copy per marker
            if last < 0 or text[last] in _HEADING_AFTER or text[last] == "第":
                continue  # a sub-heading, or 第（一）项
            raw = match.group(1)
            add(match, style, read_int(raw) if raw.isdigit() else cn_number(raw))
    for match in _CIRCLED_RE.finditer(text):
        add(match, "circled", ord(match.group()) - 0x2460 + 1)
    found.sort()
    return found


def _last_visible(text: str, end: int) -> int:
    """Index of the last non-whitespace character before ``end`` (-1 when there is none)."""
    index = end - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index


def read_enumerations(view: TextView, paragraphs: list[Paragraph]) -> list[EnumMarker]:
    """Every enumeration marker of the prose, with its block number."""
    markers: list[EnumMarker] = []
    block = 0
    region = None
    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.region != region:
            region = paragraph.region
            block += 1
        headings = _heading_starts(text)
        for start, end, style, number in _markers(text):
            while headings and headings[0] <= start:
                headings.pop(0)
                block += 1
            markers.append(EnumMarker(style, number, paragraph.original(view, start, end),
                                      paragraph.span(view, start, end), block))
        block += len(headings)
    return markers


# --------------------------------------------------------------------------- marks

_PAIRS = (("(", ")", "（"), ("《", "》", "《"))
#: Either mark of each pair: the bracket scans visit only these characters.
_PAIR_RES = {opening: regex.compile("[" + re.escape(opening + closing) + "]") for opening, closing, _ in _PAIRS}


def _opens_closed_later(following: Paragraph | None, opening: str, closing: str) -> bool:
    """Whether the next paragraph closes a bracket before it opens one (a wrong cut)."""
    if following is None:
        return False
    depth = 0
    for mark in _PAIR_RES[opening].finditer(following.text):
        char = mark.group()
        if char == opening:
            depth += 1
        elif char == closing:
            if depth == 0:
                return True
            depth -= 1
    return False


def read_mark_issues(view: TextView, group: list[Paragraph], following: Paragraph | None) -> list[MarkIssue]:
    """Doubled opening marks, and marks left open, in one paragraph (``group``: its lines)."""
    issues = []
    for opening, closing, shown in _PAIRS:
        stack: list[tuple[Paragraph, int]] = []
        for paragraph in group:
            text = paragraph.text
            at = text.find(opening * 2)
            while at != -1:
                issues.append(MarkIssue("doubled", shown * 2, paragraph.span(view, at, at + 2),
                                        _context(view, paragraph, at)))
                at = text.find(opening * 2, at + 2)
            for mark in _PAIR_RES[opening].finditer(text):
                if mark.group() == opening:
                    stack.append((paragraph, mark.start()))
                elif stack:
                    stack.pop()
        if not stack or _opens_closed_later(following, opening, closing):
            continue
        for paragraph, index in stack:
            text = paragraph.text
            if text[index + 1 : index + 2] == opening or text[index - 1 : index] == opening:
                continue  # reported as doubled
            issues.append(MarkIssue("unclosed", shown, paragraph.span(view, index, index + 1),
                                    _context(view, paragraph, index)))
    issues.sort(key=lambda issue: (issue.span.line, issue.span.column))
    return issues


def _context(view: TextView, paragraph: Paragraph, index: int) -> str:
    end = min(len(paragraph.text), index + _CONTEXT)
    shown = paragraph.original(view, index, end)
    return shown + ("…" if end < len(paragraph.text) else "")


# --------------------------------------------------------------------------- repeats

def _sentences(paragraph: Paragraph) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence that ends in sentence punctuation."""
    found = []
    start = 0
    for mark in _SENTENCE_END_RE.finditer(paragraph.text):
        found.append((start, mark.end()))
        start = mark.end()
    return found


def read_repeats(view: TextView, paragraphs: list[Paragraph]) -> list[RepeatedSentence]:
    """Sentences of at least :data:`MIN_SENTENCE` characters written more than once."""
    seen: dict[str, RepeatedSentence] = {}
    ordinal = 0
    for paragraph in paragraphs:
        for start, end in _sentences(paragraph):
            ordinal += 1
            body = paragraph.text[start:end]
            lead = _LEADING_NUMBER_RE.match(body)
            skip = lead.end() if lead else len(body) - len(body.lstrip())
            key = label_key(body[skip:])
            if len(key) < MIN_SENTENCE:
                continue
            span = paragraph.span(view, start + skip, end)
            if key in seen:
                seen[key].spans.append(span)
                seen[key].ordinals.append(ordinal)
            else:
                seen[key] = RepeatedSentence(paragraph.original(view, start + skip, end), [span], [ordinal])
    return [repeat for repeat in seen.values() if len(repeat.spans) > 1]
