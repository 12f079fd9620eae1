"""A small element tree built with :class:`html.parser.HTMLParser`, with source offsets.

Government CMS pages are rarely valid HTML: paragraphs and cells are left open, stray end
tags close nothing, ``<font>`` tags never close. The builder repairs the common cases the
way browsers do (a subset of the HTML tree-construction rules): a new block closes an open
``<p>``, a new cell or row closes the open one, a missing ``<tr>`` is implied, an end tag
never closes an element outside the table cell it is in, and an end tag that matches no
open element is ignored.

Every element remembers the offset of its ``<`` in the decoded source, and every text node
the offset of its first character, so the reader can map each character it emits back to
``line:column`` of the HTML file. Entities are kept as separate text nodes whose
characters all map to the ``&`` that starts them.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from govlint.document import line_starts

#: Elements that never have content.
VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: Start tags that close an open ``<p>`` (HTML "close a p element").
CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form "
    "header hgroup hr main menu nav ol p pre section summary table ul li dd dt h1 h2 h3 h4 h5 h6".split()
)
CELLS = frozenset(("td", "th"))
ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
#: Elements an ordinary end tag does not search past ("scope" boundaries).
_SCOPE = frozenset(("td", "th", "table", "caption", "html", "marquee", "object", "applet", "button"))
_LIST_SCOPE = _SCOPE | {"ul", "ol"}
_TABLE_SCOPE = frozenset(("table", "html"))
_DOCUMENT = frozenset(("html", "head", "body"))
_HEAD_CONTENT = frozenset(("meta", "link", "title", "script", "style", "base", "noscript", "template", "object"))


class Element:
    """An element: tag, attributes, children, and the source offset of its ``<``.

    The other fields are filled in by the reader's measuring pass: ``hits`` (section
    headings inside), ``size`` (text length), ``footer`` (footer markers), ``tables``
    (a table inside), ``titled`` (holds a heading naming a year's report), ``links``/``anchors`` (link text length, link count).
    """

    __slots__ = ("tag", "attrs", "children", "parent", "start", "hits", "size", "footer", "tables", "titled", "links",
                 "anchors")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "Element | None", start: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | Text] = []
        self.parent = parent
        self.start = start
        self.hits = 0
        self.size = 0
        self.footer = False
        self.tables = False
        self.titled = False
        self.links = 0
        self.anchors = 0

    def get(self, name: str, default: str = "") -> str:
        """An attribute's value (``default`` if absent or valueless)."""
        value = self.attrs.get(name)
        return default if value is None else value

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.tag} @{self.start} {len(self.children)} children>"


class Text:
    """Character data. ``exact``: character ``i`` comes from source offset ``start + i``;
    otherwise (an entity or character reference) every character comes from ``start``."""

    __slots__ = ("text", "start", "exact")

    def __init__(self, text: str, start: int, exact: bool = True) -> None:
        self.text = text
        self.start = start
        self.exact = exact


class _Builder(HTMLParser):
    """The tree builder: HTMLParser's events onto a stack of open elements.

    The handlers run for every tag of a page (thousands on a CMS page whose Word-made
    markup is mostly ``style`` attributes), so they read the parser's position fields
    directly and keep the stack a plain list beside ``counts``, the open elements of each
    tag: searching the stack for a tag that is not open then costs nothing (without the
    counts every ``<div>``, which closes an open ``<p>``, and every unmatched end tag
    scanned the whole stack, quadratic in the nesting depth).
    """

    def __init__(self, source: str, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self._starts = line_starts(source)
        self.root = Element("#root", {}, None, 0)
        self.stack: list[Element] = [self.root]
        self.counts: dict[str, int] = {self.root.tag: 1}
        self.max_depth = max(2, max_depth)

    # -- positions and stack helpers

    def _offset(self) -> int:
        """The source offset of the token being handled (``getpos()`` as an offset)."""
        return self._starts[self.lineno - 1] + self.offset

    def _pop(self) -> None:
        self.counts[self.stack.pop().tag] -= 1

    def _truncate(self, index: int) -> None:
        """Close the open elements from ``index`` on."""
        stack, counts = self.stack, self.counts
        for element in stack[index:]:
            counts[element.tag] -= 1
        del stack[index:]

    def _find(self, tags: frozenset | set | tuple, boundary: frozenset | set) -> int | None:
        counts = self.counts
        for tag in tags:
            if counts.get(tag):
                break
        else:
            return None  # the common case, found without walking the stack
        stack = self.stack
        for index in range(len(stack) - 1, 0, -1):
            tag = stack[index].tag
            if tag in tags:
                return index
            if tag in boundary:
                return None
        return None

    def _close(self, tags, boundary) -> None:
        index = self._find(tags, boundary)
        if index is not None:
            self._truncate(index)

    def _parent(self) -> Element:
        """Where new nodes go: the current element, or its ancestor at the depth limit.

        Like browsers (which stop nesting at 512), elements opened deeper than
        ``max_depth`` become siblings inside the deepest allowed element; they stay on the
        stack of open elements, so end tags still match the tags they close.
        """
        stack = self.stack
        return stack[-1] if len(stack) <= self.max_depth else stack[self.max_depth - 1]

    def _append(self, tag: str, attrs: dict[str, str], start: int) -> Element:
        stack = self.stack
        parent = stack[-1] if len(stack) <= self.max_depth else stack[self.max_depth - 1]
        element = Element(tag, attrs, parent, start)
        parent.children.append(element)
        if tag not in VOID:
            stack.append(element)
            counts = self.counts
            counts[tag] = counts.get(tag, 0) + 1
        return element

    # -- events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._starts[self.lineno - 1] + self.offset
        counts = self.counts
        if tag in _DOCUMENT and counts.get(tag):
            return  # a second <body>: browsers merge it into the first
        if self.stack[-1].tag == "head" and tag not in _HEAD_CONTENT:
            self._pop()  # content (or <body>) ends the head, even without </head>
        if tag in CLOSES_P and counts.get("p"):
            self._close(("p",), _SCOPE)
        if tag in _OPENING_RULES:
            self._open_rules(tag, start)
        attributes = dict(attrs)
        if attrs and None in attributes.values():  # a bare attribute (``<td nowrap>``) has the value ""
            attributes = {name: value or "" for name, value in attrs}
        stack = self.stack  # _append, inlined: this runs for every start tag
        parent = stack[-1] if len(stack) <= self.max_depth else stack[self.max_depth - 1]
        parent.children.append(Element(tag, attributes, parent, start))
        if tag not in VOID:
            stack.append(parent.children[-1])
            counts[tag] = counts.get(tag, 0) + 1

    def _open_rules(self, tag: str, start: int) -> None:
        """What opening a list item, definition, heading, cell, row or row group closes first."""
        if tag == "li":
            self._close(("li",), _LIST_SCOPE)
        elif tag in ("dd", "dt"):
            self._close(("dd", "dt"), _SCOPE | {"dl"})
        elif tag in HEADINGS and self.stack[-1].tag in HEADINGS:
            self._pop()
        elif tag in CELLS:
            self._close(CELLS, _TABLE_SCOPE)
            index = self._find(("tr", "table", "thead", "tbody", "tfoot"), CELLS | {"html"})
            if index is not None:
                self._truncate(index + 1)  # stray elements between the row and the cell
                if self.stack[index].tag != "tr":
                    self._append("tr", {}, start)  # a cell outside a row: the row is implied
        elif tag == "tr":
            self._close(CELLS, _TABLE_SCOPE)
            self._close(("tr",), _TABLE_SCOPE)
            index = self._find(("table", "thead", "tbody", "tfoot"), CELLS | {"html"})
            if index is not None:
                self._truncate(index + 1)
        elif tag in ROW_GROUPS:
            index = self._find(("table",), frozenset(("html",)))
            if index is not None:
                self._truncate(index + 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self._pop()  # <div/>: an empty element

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            if tag == "br":  # </br> is read as <br> by browsers
                self._append("br", {}, self._offset())
            return
        if tag == "head":
            self._close(("head",), frozenset())
            return
        if tag in _DOCUMENT:
            return  # text after </body> still belongs to the body
        stack = self.stack
        if stack[-1].tag == tag:  # the common case: every search below finds the current element first
            self.counts[stack.pop().tag] -= 1
            return
        if tag == "p":
            index = self._find(("p",), _SCOPE)
            if index is None:
                self._append("p", {}, self._offset())  # a stray </p> makes an empty paragraph
                self._pop()
                return
        elif tag in CELLS or tag == "tr" or tag in ROW_GROUPS:
            index = self._find((tag,), _TABLE_SCOPE)
        elif tag == "table":
            index = self._find(("table",), frozenset(("html",)))
        elif tag == "li":
            index = self._find(("li",), _LIST_SCOPE)
        else:
            if not self.counts.get(tag):
                return  # an end tag that matches no open element
            index = self._find((tag,), _SCOPE)
        if index is not None:
            self._truncate(index)

    def handle_data(self, data: str) -> None:
        stack = self.stack
        if stack[-1].tag == "head" and not data.isspace():
            self._pop()  # text ends the head (a page without <body>)
        parent = stack[-1] if len(stack) <= self.max_depth else stack[self.max_depth - 1]
        parent.children.append(Text(data, self._starts[self.lineno - 1] + self.offset))

    def handle_entityref(self, name: str) -> None:
        reference = f"&{name};"
        text = unescape(reference)
        # An unknown name stays as written (its characters map one to one).
        self._parent().children.append(Text(text, self._offset(), exact=text == reference))

    def handle_charref(self, name: str) -> None:
        if len(name) > 12:  # &#99999…; is no character (and never a 4,300-digit int())
            self._parent().children.append(Text("\ufffd", self._offset(), exact=False))
            return
        self._parent().children.append(Text(unescape(f"&#{name};"), self._offset(), exact=False))


#: Start tags whose opening first closes open elements of their kind (:meth:`_Builder._open_rules`).
_OPENING_RULES = frozenset(("li", "dd", "dt", "tr")) | HEADINGS | CELLS | ROW_GROUPS


#: A decimal character reference with a digit run no character has: ``html.unescape`` (used
#: by HTMLParser on attribute values) would call ``int()`` on it and fail past 4,300 digits.
_LONG_CHARREF_RE = re.compile(r"&#(\d{20,})")


def _defuse(match: re.Match[str]) -> str:
    """The reference's digits as ``?`` (same length: source offsets are kept); it reads as text."""
    return "&#" + "?" * len(match.group(1))


def build_tree(source: str, max_depth: int | None = None) -> Element:
    """The element tree of ``source`` (never raises on malformed markup).

    The tree is at most ``max_depth`` elements deep (default: the current ``max-html-depth``
    limit, :mod:`govlint.limits`), so no later walk over it can recurse without bound.
    """
    if max_depth is None:
        from govlint import limits

        max_depth = limits.current().max_html_depth
    if "&#" in source:
        source = _LONG_CHARREF_RE.sub(_defuse, source)
    builder = _Builder(source, max_depth)
    builder.feed(source)
    # HTMLParser stops at a malformed character reference (``&#abc;``) after passing ``&#``
    # as text; resume until no progress is made, so one bad reference does not turn the
    # rest of the page into text.
    remaining = len(builder.rawdata)
    while remaining:
        builder.goahead(0)
        if len(builder.rawdata) >= remaining:
            break
        remaining = len(builder.rawdata)
    builder.close()
    return builder.root
