"""The text blocks of pack rules: ``require-text`` and ``forbid-text``.

They search the report's text, which is what they are for; every other block reads the facts
the parser recorded. Text is compared on the parser's normalised view (full-width letters,
digits and brackets as half-width), a phrase without spaces and punctuation, a regular
expression on the text with all whitespace (line breaks included) removed, so that a phrase
wrapped over two lines of a PDF conversion is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from govlint.diagnostics import Violation
from govlint.model import Span
from govlint.packs.model import Built, Context
from govlint.packs.nodes import Node

#: Names of report parts in messages.
_PART_NAMES = {n: f"第{'一二三四五六'[n - 1]}部分" for n in range(1, 7)}


def _key(text: str) -> str:
    from govlint.parser.normalize import label_key

    return label_key(text)


class _Region(NamedTuple):
    """Where a text block looks: ``report``, ``intro`` or a section number."""

    part: str | int

    @property
    def name(self) -> str:
        if self.part == "report":
            return "报告"
        if self.part == "intro":
            return "引言（第一部分之前）"
        return _PART_NAMES[int(self.part)]

    def bounds(self, report: Any) -> tuple[int, int, Span] | None:
        """Document offsets of the region and where a missing text is reported; ``None``
        when the region is not in the report (a missing section is GOV201's finding)."""
        text = report.document.text
        if self.part == "report":
            return 0, len(text), Span(1, 1, 1, 1)
        if self.part == "intro":
            first = report.sections[0] if report.sections else None
            if first is None or first.start <= 0:
                return None
            return 0, first.start, Span(1, 1, 1, 1)
        section = report.section(int(self.part))
        if section is None or section.start < 0:
            return None
        return section.start, section.end, section.span


def _region(node: Node | None) -> _Region:
    if node is None:
        return _Region("report")
    value = node.value
    if value in ("report", "intro"):
        return _Region(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6:
        return _Region(value)
    raise node.error(f"expected report, intro or a section number 1–6, got {value!r}")


_VIEW_CACHE: list[Any] = [None, None]


def _view(document: Any) -> Any:
    """The parser's normalised view of ``document`` (kept for the last document)."""
    if _VIEW_CACHE[0] is not document:
        from govlint.parser.normalize import TextView

        _VIEW_CACHE[0], _VIEW_CACHE[1] = document, TextView.of(document)
    return _VIEW_CACHE[1]


class _Matcher(NamedTuple):
    """A phrase (compared without spaces and punctuation) or a regular expression
    (matched on the text with all whitespace, line breaks included, removed)."""

    phrases: tuple[str, ...]
    pattern: re.Pattern[str] | None

    @property
    def shown(self) -> str:
        if self.pattern is not None:
            return f"符合「{self.pattern.pattern}」的文字"
        return "或".join(f"「{p}」" for p in self.phrases)

    def find(self, view: Any, start: int, end: int) -> Iterator[tuple[int, int]]:
        """View ranges of the matches in view ``[start, end)``."""
        if self.pattern is None:
            from govlint.parser.normalize import keyed

            key, positions = keyed(view.text, start, end)
            for phrase in self.phrases:
                wanted = _key(phrase)
                at = key.find(wanted)
                while at != -1:
                    yield positions[at], positions[at + len(wanted) - 1] + 1
                    at = key.find(wanted, at + 1)
            return
        parts, positions = [], []
        for run in re.finditer(r"\S+", view.text[start:end]):
            parts.append(run.group())
            positions.extend(range(start + run.start(), start + run.end()))
        squeezed = "".join(parts)
        for match in self.pattern.finditer(squeezed):
            if match.end() > match.start():
                yield positions[match.start()], positions[match.end() - 1] + 1


def _matcher(params: dict[str, Node], owner: Node) -> _Matcher:
    if ("phrase" in params) == ("regex" in params):
        raise owner.error("give exactly one of 'phrase' (a string or a list) and 'regex'")
    if "phrase" in params:
        return _Matcher(params["phrase"].texts("a phrase or a list of phrases"), None)
    node = params["regex"]
    source = node.text("a regular expression")
    try:
        pattern = re.compile(source)
    except re.error as exc:
        raise node.error(f"invalid regular expression {source!r}: {exc}") from None
    return _Matcher((), pattern)


_TEXT_KEYS = {
    "phrase": "a phrase, or a list of phrases of which one is enough",
    "regex": "a regular expression (Python syntax)",
    "in": "report, intro or a section number 1–6",
    "message": "the finding's message (Chinese), instead of the generated one",
}


def _search(report: Any, region: Any, matcher: Any):
    """The matches of ``matcher`` in the report's ``region``, the region's anchor span and the
    view searched, or ``None`` when the report lacks that part (both text blocks search alike)."""
    bounds = region.bounds(report)
    if bounds is None:
        return None
    start, end, anchor = bounds
    view = _view(report.document)
    return matcher.find(view, view.origin.inverse(start), view.origin.inverse(end)), anchor, view


def require_text(node: Node, ctx: Context) -> Built:
    """``require-text``: the report (or one part of it) must contain a phrase or a match."""
    params = node.mapping(_TEXT_KEYS)
    matcher = _matcher(params, node)
    region = _region(params.get("in"))
    message = params["message"].text() if "message" in params else f"{region.name}中缺少{matcher.shown}"

    def check(report: Any, options: Any) -> Iterator[Violation]:
        searched = _search(report, region, matcher)
        if searched is not None and next(searched[0], None) is None:
            yield Violation(f"{message}（{ctx.basis}）", searched[1])

    return Built(check, f"require-text: {matcher.shown} in {region.part}")


def forbid_text(node: Node, ctx: Context) -> Built:
    """``forbid-text``: the report (or one part of it) must not contain a phrase or a match."""
    params = node.mapping(_TEXT_KEYS)
    matcher = _matcher(params, node)
    region = _region(params.get("in"))
    message = params["message"].text() if "message" in params else f"{region.name}中不应出现{matcher.shown}"

    def check(report: Any, options: Any) -> Iterator[Violation]:
        searched = _search(report, region, matcher)
        if searched is None:
            return
        found = sorted(set(searched[0]))
        view = searched[2]
        if found:
            first_start, first_end = found[0]
            more = f"，共{len(found)}处" if len(found) > 1 else ""
            yield Violation(f"{message}：「{view.original(first_start, first_end)}」{more}（{ctx.basis}）",
                            view.span(first_start, first_end))

    return Built(check, f"forbid-text: {matcher.shown} in {region.part}")
