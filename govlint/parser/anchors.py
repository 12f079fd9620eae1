"""Find table row labels ("anchors") in a region of the report, in template order.

Labels are searched on a *key view* of the region — no whitespace, no punctuation — so
``（二）部分公开（区分处理的，只计这一情形，不计其他情形）`` is found however it was wrapped,
spaced or punctuated. Rows follow the template order, so labels are searched left to right
from a cursor. A label that is not found exactly (a typo like ``其他法律行政止公开``, local
wording like ``规范性文件`` for ``行政规范性文件``) is then matched by similarity among the
text between its neighbours.

The numbering of a label (``2.``, ``（七）``, ``一、``) is part of the anchor: in run-together
text ``…禁止公开00000003.危及…`` the ``3`` belongs to the next label, not to the values.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from govlint.parser.normalize import keyed, label_key
from govlint.parser.similarity import ratio
from govlint.parser.tokens import pieces

#: Similarity needed to accept a label that was not found exactly.
FUZZY_THRESHOLD = 0.6
#: Bodies shorter than this are searched together with their numbering (``七总计``).
SHORT_BODY = 4

_NUMBERING_RE = re.compile(r"^\s*[(（]?\s*([一二三四五六七八九十]+|\d+)\s*[)）]?\s*[、.．,，]?\s*")


@dataclass(frozen=True)
class LabelSpec:
    """A label to find: its key, the key of its numbering and of its body."""

    key: str
    label: str
    numbering: str
    body: str
    ident: object = None

    @classmethod
    def of(cls, label: str, ident: object = None) -> "LabelSpec":
        """Split an official label into numbering and body keys (cached: labels are template data)."""
        return _label_spec(label, ident)

    @classmethod
    def build(cls, label: str, ident: object = None) -> "LabelSpec":
        """Split an official label into numbering and body keys."""
        match = _NUMBERING_RE.match(label)
        numbering = label_key(match.group(1)) if match and match.end() < len(label) else ""
        body = label_key(label[match.end():]) if numbering else label_key(label)
        return cls(label_key(label), label, numbering, body, ident)


@functools.lru_cache(maxsize=1024)
def _label_spec(label: str, ident: object) -> LabelSpec:
    return LabelSpec.build(label, ident)


@dataclass
class Anchor:
    """A label found in the text: view indices ``[start, end)`` and how well it matched."""

    spec: LabelSpec
    start: int
    end: int
    text: str
    similarity: float


_OPENERS = "(（[【“\"'《"
_CLOSERS = ")）]】”\"'》"


class KeyRegion:
    """The key view of ``text[start:end]`` with each key character's view index.

    ``original`` (optional) maps a view range back to the document's original characters,
    so that labels are quoted in messages exactly as the user wrote them.
    """

    def __init__(self, text: str, start: int, end: int, original=None) -> None:
        self.original = original
        self.text = text
        self.start = start
        self.end = end
        self.key, self.positions = keyed(text, start, end)

    def sub(self, start: int, end: int) -> "KeyRegion":
        """The key region of view ``[start, end)`` inside this one, without re-keying the text."""
        import bisect

        first = bisect.bisect_left(self.positions, start)
        last = bisect.bisect_left(self.positions, end)
        region = KeyRegion.__new__(KeyRegion)
        region.original = self.original
        region.text = self.text
        region.start = start
        region.end = end
        region.key = self.key[first:last]
        region.positions = self.positions[first:last]
        return region

    def view_start(self, key_index: int) -> int:
        """View index of key character ``key_index``."""
        return self.positions[key_index] if key_index < len(self.positions) else self.end

    def view_end(self, key_end: int) -> int:
        """View index just after key character ``key_end - 1``."""
        return self.positions[key_end - 1] + 1 if key_end > 0 else self.start

    def key_index(self, view_index: int) -> int:
        """First key index at or after view index ``view_index``."""
        import bisect

        return bisect.bisect_left(self.positions, view_index)

    def written(self, key_start: int, key_end: int) -> str:
        """The label as written (whitespace collapsed) for key range ``[key_start, key_end)``.

        Brackets and quotes around the label (dropped from keys) are put back.
        """
        start, end = self.view_start(key_start), self.view_end(key_end)
        return self.quote(start, end)

    def quote(self, start: int, end: int) -> str:
        """Text of view ``[start, end)`` widened over enclosing brackets, as in the original."""
        text = self.text
        while start > self.start and text[start - 1] in _OPENERS:
            start -= 1
        opened = sum(text[start:end].count(c) for c in "(（[【") - sum(text[start:end].count(c) for c in ")）]】")
        quotes = text[start:end].count('"') % 2
        while end < self.end and text[end] in _CLOSERS and (opened > 0 or (quotes and text[end] == '"')):
            if text[end] == '"':
                quotes = 0
            else:
                opened -= 1
            end += 1
        raw = self.original(start, end) if self.original else text[start:end]
        return re.sub(r"\s+", "", raw)


#: A numbering written before a label as its own token: ``3.``, ``(2)``, ``二、`` (not ``40000042.``).
_WRITTEN_NUMBERING_RE = re.compile(
    r"(?:^|(?<=[\s|]))(?:\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、])[ ]*$"
)


def _find_exact(region: KeyRegion, spec: LabelSpec, cursor: int, limit: int) -> tuple[int, int] | None:
    """Key range of ``spec`` at or after ``cursor`` (numbering included when present).

    The expected numbering is taken from the key text (so in run-together text the last
    digits before ``其他法律…`` are recognised as ``2``); a different numbering written as its
    own token (``3.重复申请`` where the format says ``2.``) also belongs to the label.
    """
    key = region.key
    if spec.numbering and len(spec.body) < SHORT_BODY:
        found = key.find(spec.numbering + spec.body, cursor, limit)
        return (found, found + len(spec.numbering) + len(spec.body)) if found != -1 else None
    found = key.find(spec.body, cursor, limit)
    if found == -1:
        return None
    start = found
    width = len(spec.numbering)
    if spec.numbering and found - width >= cursor and key[found - width : found] == spec.numbering:
        return found - width, found + len(spec.body)
    view_start = region.view_start(found)
    before = region.text[max(region.start, view_start - 8) : view_start]
    written = _WRITTEN_NUMBERING_RE.search(before) if spec.numbering else None
    if written:
        numbering_key = label_key(written.group())
        if numbering_key and found - len(numbering_key) >= cursor:
            start = found - len(numbering_key)
    return start, found + len(spec.body)


def find_sequence(region: KeyRegion, specs: list[LabelSpec]) -> list[Anchor | None]:
    """Anchors for ``specs`` in order: exact matches first, then similar text in the gaps."""
    found: list[Anchor | None] = [None] * len(specs)
    cursor = 0
    for index, spec in enumerate(specs):
        hit = _find_exact(region, spec, cursor, len(region.key))
        if hit is None:
            continue
        k_start, k_end = hit
        found[index] = Anchor(
            spec,
            region.view_start(k_start),
            region.view_end(k_end),
            region.written(k_start, k_end),
            1.0 if region.key[k_start:k_end] == spec.key else _numbering_similarity(spec, region.key[k_start:k_end]),
        )
        cursor = k_end
    _fill_gaps(region, specs, found)
    return found


def find_each(region: KeyRegion, specs: list[LabelSpec], masks: tuple[str, ...] = ()) -> list[Anchor | None]:
    """Anchors for ``specs`` searched independently (header cells come in any order).

    Occurrences of ``masks`` (group header cells such as 法人或其他组织) are blanked first,
    so that a short label (其他) is not found inside a longer one. Labels not found exactly
    are matched by similarity against the header's unclaimed text runs.
    """
    key = region.key
    for mask in masks:
        mask_key = label_key(mask)
        if mask_key:
            key = key.replace(mask_key, "\0" * len(mask_key))
    found: list[Anchor | None] = []
    claimed: list[tuple[int, int]] = []
    for spec in specs:
        position = key.find(spec.key)
        while position != -1 and any(a <= position < b for a, b in claimed):
            position = key.find(spec.key, position + 1)
        if position == -1:
            found.append(None)
            continue
        claimed.append((position, position + len(spec.key)))
        start, end = region.view_start(position), region.view_end(position + len(spec.key))
        found.append(Anchor(spec, start, end, region.written(position, position + len(spec.key)), 1.0))
    runs = [r for r in text_runs(region.text, region.start, region.end)
            if not any(a is not None and r[0] <= a.start < r[1] for a in found)]
    for index, spec in enumerate(specs):
        if found[index] is not None:
            continue
        scored = [(ratio(spec.key, label_key(text)), n) for n, (_, _, text) in enumerate(runs)]
        if not scored:
            continue
        score, n = max(scored)
        if score >= FUZZY_THRESHOLD:
            start, end, text = runs.pop(n)
            found[index] = Anchor(spec, start, end, region.quote(start, end), score)
    return found


def _numbering_similarity(spec: LabelSpec, written_key: str) -> float:
    """Similarity when the body matched exactly but the numbering differs or is absent."""
    return ratio(spec.key, written_key)


def _fill_gaps(region: KeyRegion, specs: list[LabelSpec], found: list[Anchor | None]) -> None:
    """Match labels not found exactly against the text runs between found neighbours."""
    index = 0
    while index < len(specs):
        if found[index] is not None:
            index += 1
            continue
        gap_start_index = index
        while index < len(specs) and found[index] is None:
            index += 1
        previous = found[gap_start_index - 1] if gap_start_index > 0 else None
        following = found[index] if index < len(specs) else None
        view_from = previous.end if previous else region.start
        view_to = following.start if following else region.end
        runs = text_runs(region.text, view_from, view_to)
        run_cursor = 0
        for missing in range(gap_start_index, index):
            spec = specs[missing]
            best: tuple[float, int] | None = None
            for run_index in range(run_cursor, len(runs)):
                start, end, text = runs[run_index]
                score = max(ratio(spec.key, label_key(text)), ratio(spec.body, label_key(text)) * 0.95)
                if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                    best = (score, run_index)
            if best is None:
                continue
            score, run_index = best
            start, end, text = runs[run_index]
            found[missing] = Anchor(spec, start, end, region.quote(start, end), score)
            run_cursor = run_index + 1


def text_runs(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Consecutive text pieces of ``text[start:end]`` joined into runs ``(start, end, text)``."""
    runs: list[tuple[int, int, str]] = []
    current: list = []
    for piece in pieces(text, start, end):
        if piece.kind == "text":
            current.append(piece)
            continue
        if current:
            runs.append((current[0].start, current[-1].end, "".join(p.text for p in current)))
            current = []
    if current:
        runs.append((current[0].start, current[-1].end, "".join(p.text for p in current)))
    return runs
