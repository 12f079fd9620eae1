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
from typing import NamedTuple

from govlint import regex
from govlint.parser.normalize import keyed, label_key
from govlint.parser.similarity import prefix_match, ratio
from govlint.parser.tokens import Piece, pieces
from govlint.records import record

#: Similarity needed to accept a label that was not found exactly.
FUZZY_THRESHOLD = 0.6
#: Bodies shorter than this are searched together with their numbering (``七总计``).
SHORT_BODY = 4

_NUMBERING_RE = regex.compile(r"^\s*[(（]?\s*([一二三四五六七八九十]+|\d+)\s*[)）]?\s*[、.．,，]?\s*")


class LabelSpec(NamedTuple):
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


@record
class Anchor:
    """A label found in the text: view indices ``[start, end)`` and how well it matched.

    ``exact`` says the label's body was found as written in the format (its numbering may
    differ); otherwise it was matched by similarity.
    """

    spec: LabelSpec
    start: int
    end: int
    text: str
    similarity: float
    exact: bool = True


_OPENERS = "([\"'《"
_CLOSERS = ")]\"'》"
_SPACE_RE = regex.compile(r"\s+")
#: What may follow a label in the same cell: text up to a separator or a digit.
_CONTINUATION_RE = regex.compile(r"[^\s|\d]+")


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

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """View ``[start, end)`` widened over the brackets and quotes that enclose a label.

        Keys drop punctuation, so ``（一）予以公开`` is found from ``一``; the label (and the
        finding's position) starts at ``（``.
        """
        text = self.text
        while start > self.start and text[start - 1] in _OPENERS:
            start -= 1
        inner = text[start:end]
        opened = inner.count("(") + inner.count("[") - inner.count(")") - inner.count("]")
        quotes = inner.count('"') % 2
        while end < self.end and text[end] in _CLOSERS and (opened > 0 or (quotes and text[end] == '"')):
            if text[end] == '"':
                quotes = 0
            else:
                opened -= 1
            end += 1
        return start, end

    def quote(self, start: int, end: int) -> str:
        """The label at view ``[start, end)`` as written in the original (whitespace removed)."""
        raw = self.original(start, end) if self.original else self.text[start:end]
        return _SPACE_RE.sub("", raw)

    def anchor(self, spec: "LabelSpec", start: int, end: int, similarity: float, exact: bool) -> "Anchor":
        """An :class:`Anchor` for view ``[start, end)``, widened over its brackets."""
        start, end = self.widen(start, end)
        return Anchor(spec, start, end, self.quote(start, end), similarity, exact)


#: A numbering written before a label as its own token: ``3.``, ``(2)``, ``二、`` (not ``40000042.``).
_WRITTEN_NUMBERING_RE = regex.compile(
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


def _extend(region: KeyRegion, spec: LabelSpec, anchor: Anchor, fragments) -> Anchor:
    """Widen an exact match over words written right after it in the same cell.

    ``行政强制措施 3`` is the row 行政强制 with a changed label (similarity < 1), not the
    label 行政强制 followed by a stray row 措施; ``现行有效件数（历史累计）`` is an annotated
    column title. Text that is itself a label of the table (``三、本年度办理结果（一）予以公开``
    run together) is left to its own anchor.
    """
    if fragments is None:
        return anchor  # without the table's labels, following text cannot be judged
    follow = _CONTINUATION_RE.match(region.text, anchor.end, region.end)
    if follow is None:
        return anchor
    extra = label_key(follow.group())
    if not extra or follow.group() in fragments:
        return anchor
    start, end = anchor.start, follow.end()
    written = region.quote(start, end)
    return Anchor(spec, start, end, written, ratio(spec.key, label_key(written)), anchor.exact)


def find_sequence(region: KeyRegion, specs: list[LabelSpec], fragments=None) -> list[Anchor | None]:
    """Anchors for ``specs`` in order: exact matches first, then similar text in the gaps.

    ``fragments`` (the table's labels, supporting ``in``) lets an exact match extend over
    words that follow it in the same cell (see :func:`_extend`). Similar text is only looked
    for between exact anchors: a region with no exact label has no table.
    """
    found: list[Anchor | None] = [None] * len(specs)
    cursor = 0
    for index, spec in enumerate(specs):
        hit = _find_exact(region, spec, cursor, len(region.key))
        if hit is None:
            continue
        k_start, k_end = hit
        written_key = region.key[k_start:k_end]
        similarity = 1.0 if written_key == spec.key else _numbering_similarity(spec, written_key)
        anchor = region.anchor(spec, region.view_start(k_start), region.view_end(k_end), similarity, True)
        found[index] = _extend(region, spec, anchor, fragments)
        cursor = k_end
    if any(found):
        _fill_gaps(region, specs, found, fragments)
    return found


def _header_candidates(texts: list[Piece], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Header cells not yet claimed: single text pieces and runs of two or three of them
    (a cell split over lines: ``本年新`` / ``制作数量``); ``texts`` are the header's text pieces."""
    free = [p for p in texts if not any(a <= p.start < b for a, b in taken)]
    candidates = []
    for i in range(len(free)):
        for width in (1, 2, 3):
            group = free[i : i + width]
            if len(group) < width:
                break
            candidates.append((group[0].start, group[-1].end, "".join(p.text for p in group)))
    return candidates


def find_each(region: KeyRegion, specs: list[LabelSpec], masks: tuple[str, ...] = (),
              fragments=None) -> list[Anchor | None]:
    """Anchors for ``specs`` searched independently (header cells come in any order).

    Occurrences of ``masks`` (group header cells such as 法人或其他组织) are blanked first,
    so that a short label (其他) is not found inside a longer one. Labels not found exactly
    are matched by similarity against the header's unclaimed cells.
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
        anchor = region.anchor(spec, region.view_start(position), region.view_end(position + len(spec.key)), 1.0, True)
        found.append(_extend(region, spec, anchor, fragments))
    taken = [(a.start, a.end) for a in found if a is not None]
    texts: list[Piece] | None = None  # the header's text pieces, split once if any label is missing
    for index, spec in enumerate(specs):
        if found[index] is not None:
            continue
        if texts is None:
            texts = [p for p in pieces(region.text, region.start, region.end) if p.kind == "text"]
        best: tuple[float, int, int] | None = None
        for start, end, text in _header_candidates(texts, taken):
            score = ratio(spec.key, label_key(text))
            if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                best = (score, start, end)
        if best is not None:
            score, start, end = best
            found[index] = region.anchor(spec, start, end, score, False)
            taken.append((start, end))
    return found


def _numbering_similarity(spec: LabelSpec, written_key: str) -> float:
    """Similarity when the body matched exactly but the numbering differs or is absent."""
    return ratio(spec.key, written_key)


def _run_score(spec: LabelSpec, run_key: str) -> tuple[float, int]:
    """How well a text run is ``spec``'s label: ``(score, key length of the label part)``.

    The whole run may be the label (a typo), or the label may start the run with other text
    after it in the same line (a misspelt caption followed by its header:
    ``第二十条第（六）款信息内容…``); then only the prefix is the label.
    """
    whole = max(ratio(spec.key, run_key), ratio(spec.body, run_key) * 0.95)
    coverage, end = prefix_match(spec.key, run_key)
    if coverage * 0.9 > whole and end < len(run_key):
        return coverage * 0.9, end
    return whole, len(run_key)


def _fill_gaps(region: KeyRegion, specs: list[LabelSpec], found: list[Anchor | None], fragments=None) -> None:
    """Match labels not found exactly against the text runs between found neighbours.

    A run that holds the whole label cut into pieces (see :func:`_cut_label`) is the label.
    """
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
            best: tuple[float, int, int] | None = None
            for run_index in range(run_cursor, len(runs)):
                start, end, text = runs[run_index]
                score, key_length = _run_score(spec, label_key(text))
                if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                    best = (score, run_index, key_length)
            if best is None:
                continue
            score, run_index, key_length = best
            start, end, _ = runs[run_index]
            run_cursor = run_index + 1
            cut = _cut_label(region, spec, start, end, fragments)
            if cut is not None:
                found[missing] = cut
                continue
            k_start = region.key_index(start)
            if k_start + key_length < region.key_index(end):
                end = region.view_end(k_start + key_length)  # the label is a prefix of the run
            found[missing] = region.anchor(spec, start, end, score, False)


def _cut_label(region: KeyRegion, spec: LabelSpec, start: int, end: int, fragments) -> Anchor | None:
    """The label ``spec`` when the run ``[start, end)`` holds all of it, cut into pieces.

    PDF-to-Markdown converters cut a long label over the cells of a merged column and write
    the pieces out of order, mixed with fragments of the group label beside it
    (``（六）其`` / ``2.申请人逾期未按收费通知要求`` / ``他处理`` / ``府信息公开申请`` /
    ``缴纳费用、 | 行政机关不再处理其政``). When the pieces that are not fragments of other
    labels of the table fit together, each once, into exactly the label, the label is all
    there: the group fragments are table text, and the label is quoted in its own order
    (similarity 1.0; without its numbering, the similarity of the body). Anything else
    (a missing piece, a piece that is no table text) is left to similarity matching.
    """
    if fragments is None:
        return None
    label_pieces = []
    for piece in pieces(region.text, start, end):
        key = label_key(piece.text)
        if not key:
            continue
        if piece.kind == "text" and key in spec.key and spec.key.count(key) == 1:
            label_pieces.append((spec.key.index(key), key, piece))
        elif piece.kind != "text" or piece.text not in fragments:
            return None  # a value or foreign text inside the label: not a cut label
    if len(label_pieces) < 2:
        return None
    label_pieces.sort(key=lambda item: item[0])
    joined = "".join(key for _, key, _ in label_pieces)
    if joined == spec.key:
        similarity = 1.0
    elif joined == spec.body and spec.numbering:
        similarity = ratio(spec.key, spec.body)
    else:
        return None
    if any(a + len(k) != b for (a, k, _), (b, _, _) in zip(label_pieces, label_pieces[1:])):
        return None
    first = min(p.start for _, _, p in label_pieces)
    last = max(p.end for _, _, p in label_pieces)
    written = "".join(region.quote(p.start, p.end) for _, _, p in label_pieces)
    return Anchor(spec, first, last, written, similarity, False)


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
