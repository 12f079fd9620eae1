"""Facts of the report's prose, recorded by :mod:`govlint.parser.prose` (the GOV7xx rules' input).

The prose is the introduction and sections 一, 五 and 六 (the whole text before the old
statistics table of a pre-2019 report). The parser records what the text states — numbers
with their measure words, itemised lists with their stated totals, enumerations, quoted
document titles, place names, unbalanced brackets, repeated sentences — and the qualifiers
that make a statement unsure (an approximate number, an open list ending in 等, a figure
that includes last year's carry-over). It never judges: the rules decide, and stay silent
whenever a qualifier is recorded.

Positions are :class:`~govlint.model.Span` objects in the original file, as everywhere.
"""

from __future__ import annotations

from govlint.model import Span
from govlint.records import factory, record


@record
class Count:
    """A number with its measure word: ``公开政府信息367条`` → 367, ``条``.

    ``before`` is the clause up to the number (the phrase it usually counts: 公开政府信息),
    ``after`` the rest of the clause after the measure word (设立5个 *官方政务新媒体*), both
    as normalised text (ASCII punctuation, for matching); ``clause`` is the whole clause as
    written (for quoting). ``approximate`` marks 近/约/超/余/多/万 (``5500余条``, ``1.2万条``).
    """

    value: int | float
    unit: str
    text: str
    span: Span
    before: str = ""
    after: str = ""
    approximate: bool = False
    clause: str = ""


@record
class Percentage:
    """A percentage attached to a count (``30件，占46.88%``, ``208件（17.46%）``).

    ``decimals`` is the number of digits written after the point (the stated precision).
    """

    value: float
    decimals: int
    text: str
    span: Span


@record
class ListItem:
    """One item of an itemised list: its label (结果维持), count and optional percentage."""

    label: str
    count: Count
    percentage: Percentage | None = None


@record
class ItemList:
    """A stated total and the list that itemises it: ``行政复议351件，其中结果维持72件，…``.

    ``marker`` is the word that opens the list (其中, 包括, 分别为 …). ``total`` is the count
    the list itemises: the last count of the clause before the marker, or of the sentence
    before a marker that opens a sentence; ``None`` when that clause states no count.
    ``residual`` says an item names the rest (其他…, 其余…), which closes the list.
    ``qualifiers`` lists what makes the list unsure as a partition of the total:

    * ``unclean`` — a clause of the list is not ``label + count`` (text after a count, a
      label with digits, an item without a number), or the list does not end at the end of
      the sentence (or of its parenthesis);
    * ``open`` — the list ends with 等 (an incomplete enumeration);
    * ``approximate`` — the total or an item is approximate;
    * ``mixed-units`` — an item's measure word differs from the total's;
    * ``nested`` — an item opens another list (其中 inside the list);
    * ``topic`` — an item is a topic across the others (涉及…, 关于…), or a different
      measure (办结, 答复, 同比);
    * ``sentence-start`` — the marker opens a sentence (the items may go on after it);
    * ``two-breakdowns`` — the first or the last items alone add up to the total, so the
      rest is another breakdown of it (by applicant, then by channel);
    * ``pending`` — the paragraph says part of the total is still being handled (结转, 顺延,
      正在办理): results listed after 受理100件 may leave those out.
    """

    marker: str
    total: Count | None
    items: list[ListItem]
    span: Span
    residual: bool = False
    qualifiers: list[str] = factory(list)

    @property
    def item_sum(self) -> int | float:
        """The sum of the items' counts."""
        return sum(item.count.value for item in self.items)


@record
class Flow:
    """Received and completed in adjacent clauses: ``受理审批事项86件，办结168件``.

    ``qualifiers``: ``carry-over`` (the paragraph counts last year's backlog: 上年结转, 累计,
    含…), ``other-object`` (the completion names something else), ``other-period``
    (another year or part of the year), ``subset`` (其中…).
    """

    received: Count
    completed: Count
    received_verb: str
    completed_verb: str
    qualifiers: list[str] = factory(list)


@record
class UncountedItem:
    """A list item with a measure word and no number: ``公开行政许可结果条、处罚结果52条``.

    ``neighbours`` are the adjacent items of the same list that do have a number with the
    same measure word.
    """

    text: str
    unit: str
    span: Span
    neighbours: list[Count] = factory(list)


@record
class EnumMarker:
    """An enumeration marker inside prose: ``一是``, ``第二，``, a mid-sentence ``（三）``, ``②``.

    ``style`` is ``shi`` (一是), ``ordinal`` (第一，), ``cn_paren`` (（一）), ``arabic_paren``
    ((1)) or ``circled`` (①). ``block`` numbers the stretch of text between headings the
    marker is in: a list restarts under each heading.
    """

    style: str
    number: int
    text: str
    span: Span
    block: int


@record
class Place:
    """A province-level or prefecture-level division from the gazetteer.

    ``province`` is the province-level division's full name (浙江省); ``city`` the
    prefecture-level division's full name (杭州市), ``None`` for a province itself.
    """

    name: str
    province: str
    city: str | None = None


@record
class DocumentTitle:
    """A quoted title ``《…》`` and, when it starts with a place name, that place.

    ``kind`` is ``document`` (a regulation, notice, plan …), ``newspaper`` (日报, 晚报 …) or
    ``other``. ``qualifiers``: ``cooperation`` (the sentence is about another region on
    purpose: 对口支援, 借鉴…经验, 长三角, 跨省通办 …).
    """

    text: str
    span: Span
    place: Place | None = None
    kind: str = "other"
    qualifiers: list[str] = factory(list)


@record
class PlaceMention:
    """A place name written in full (浙江省, 杭州市) in the prose, outside titles."""

    place: Place
    text: str
    span: Span
    qualifiers: list[str] = factory(list)


@record
class Locale:
    """Where the issuer is: its province and, for a body below the province, its city.

    ``source`` says where it was read: ``issuer`` (the issuing body's name), ``title`` or
    ``address`` (the contact address).
    """

    province: str
    city: str | None
    source: str
    text: str


@record
class MarkIssue:
    """A punctuation mark problem in one paragraph.

    ``kind`` is ``doubled`` (《《, （（) or ``unclosed`` (an opening 《 or （ with no closing
    mark before the paragraph ends). ``context`` is the text from the mark on (shortened).
    """

    kind: str
    mark: str
    span: Span
    context: str


@record
class RepeatedSentence:
    """A sentence of at least 30 characters written more than once.

    ``spans`` are the occurrences in document order; ``ordinals`` their sentence numbers
    in the prose (consecutive repeats are one copied passage).
    """

    text: str
    spans: list[Span]
    ordinals: list[int]


@record(eq=False)
class ProseFacts:
    """Every prose fact of a report (empty when the report has no prose)."""

    counts: list[Count] = factory(list)
    lists: list[ItemList] = factory(list)
    flows: list[Flow] = factory(list)
    uncounted: list[UncountedItem] = factory(list)
    enumerations: list[EnumMarker] = factory(list)
    titles: list[DocumentTitle] = factory(list)
    places: list[PlaceMention] = factory(list)
    locale: Locale | None = None
    marks: list[MarkIssue] = factory(list)
    repeats: list[RepeatedSentence] = factory(list)
