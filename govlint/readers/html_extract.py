"""Extract a report's text from a CMS page: the article, its prose lines and its tables as grids.

Steps (each character emitted keeps the source offset it came from):

1. Build the element tree (:mod:`govlint.readers.html_tree`).
2. Measure every element: which section headings of the report start a line inside it
   (``一、总体情况`` … ``六、其他需要报告的事项``), its text length, whether it holds footer
   markers (网站标识码, ICP备, 版权所有, 主办单位 …) or nested tables.
3. The *article* is the smallest element holding the most section headings (at least two;
   otherwise the whole body). Around it, what comes *before* it at every level is kept (the
   title and 发布时间 usually sit there, beside site navigation the parser tolerates);
   what comes *after* it is kept only among its own siblings, never from outer levels,
   where site footers live — their 电话/地址 are the web site's, not the report's.
4. Dropped by structure everywhere: scripts, styles, form controls, hidden elements;
   ``nav``/``aside``/``footer``/``header``/``form`` and elements whose role, class or id
   marks navigation, sharing or footers (unless they hold the article, or a heading naming
   the report). Outside the article also lists of links (menus, breadcrumbs, related
   articles: mostly link text) and blocks holding footer markers (a site footer beside the
   article). Inside the article a paragraph is never dropped for the words it holds (a report
   may well mention its 承办单位), and nothing holding a section heading is dropped. What is
   dropped inside the article and holds visible text is counted
   (:class:`~govlint.document.DroppedText`, reported by GOV008).
5. Render: block elements end lines, inline elements run together, whitespace collapses
   (and disappears between two Chinese characters, so ``本年新<br>制作数量`` reads
   ``本年新制作数量``). A data table becomes one line per row, cells in column order joined by
   :data:`~govlint.document.CELL_SEPARATOR`, spans expanded: a cell covered by a
   ``rowspan``/``colspan`` writes nothing (its text is where the spanning cell starts), an
   empty cell (``&nbsp;``) of a value column is :data:`~govlint.document.BLANK_CELL`
   (which empty cells are blank cells: :mod:`govlint.readers.grid`). A layout table
   (one holding tables or long text) is read as blocks.
"""

from __future__ import annotations

import functools
import re
from array import array

from govlint import limits, regex
from govlint.document import DroppedText
from govlint.errors import ReadError
from govlint.readers.grid import GridCell, grid_lines
from govlint.readers.html_tree import CELLS, ROW_GROUPS, Element, Text, build_tree

#: Never text of the report.
ALWAYS_DROP = frozenset(
    "script style noscript template head iframe object embed svg math select option button textarea "
    "input map canvas audio video".split()
)
#: Elements whose content a browser never shows as text: code, inert templates, and the
#: fallback content of embedded objects (shown only where they cannot be played). What the
#: reader drops of these is not dropped *text* (see :class:`~govlint.document.DroppedText`).
NOT_SHOWN = frozenset(
    "script style noscript template head iframe object embed canvas audio video".split()
)
#: Site furniture by element name (never dropped when they contain the article).
FURNITURE_TAGS = frozenset(("nav", "aside", "form", "footer", "header", "menu"))
#: ARIA roles that mark site furniture wherever they occur.
FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar",
                             "complementary"))
BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead title tr ul".split()
)
#: A cell with more text than this (or a table inside) makes its table a layout table.
LAYOUT_CELL = 300

_SPACE_RUN = regex.compile(r"[ \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
_ALL_SPACE = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
#: A section heading at the start of a line of compact text (whitespace removed).
_HEADING_RE = regex.compile(
    r"(?:^|\n)(?:[一二三四五六][、.．，,]?|[（(][一二三四五六][)）]|第[一二三四五六]部分[:：、]?)?"
    r"(?:政府信息公开(?:工作)?)?"
    r"(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议|存在的?主要问题|其他需要报告的?事项)"
)
_FOOTER_RE = regex.compile(
    r"网站标识码|ICP备|ICP证|公网安备|版权所有|copyright|©|主办单位|承办单位|主办[:：]|承办[:：]|技术支持[:：]|网站地图",
    re.IGNORECASE,
)
#: Every match of :data:`_HEADING_RE` / :data:`_FOOTER_RE` holds one of these: most element
#: texts hold none, and one pass of these cheap scans spares them the full search.
_HEADING_HINT_RE = regex.compile(r"情况|行政复议|主要问题|事项")
_FOOTER_HINT_RE = regex.compile(r"[码备证权©办持图p]", re.IGNORECASE)  # 'p': of copyright, as the search folds it
#: Attribute values up to this length are memoised (a hostile page's long values are not kept).
_MEMO_LENGTH = 512
_REPORT_RE = regex.compile(r"报告|年报")
#: A report title: a year, then 报告 or 年报 (``2023年政府信息公开工作年度报告``).
_TITLE_TEXT_RE = regex.compile(r"(?:\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3})年.*(?:报告|年报)")
#: Texts up to this length are searched for headings and markers; longer ones take their
#: children's findings.
_SEARCHED_TEXT = 4000
_CAMEL_RE = regex.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD_SPLIT_RE = regex.compile(r"[^a-z0-9]+")
#: Class/id fragments that mark site furniture wherever they occur in a word.
_MARK_PARTS = ("nav", "menu", "crumb", "footer", "sidebar", "share", "copyright", "toolbar", "login", "search",
               "qrcode", "dqwz", "related")
#: Whole class/id words that mark furniture outside the article (ambiguous inside it).
_MARK_WORDS = frozenset(("foot", "ft", "bottom", "bq", "head", "header", "top", "topbar", "banner", "location",
                         "position", "side", "links", "friendlink", "ewm", "print", "tools", "gotop"))
#: Elements that hold a page's title.
_TITLE_TAGS = frozenset(("h1", "h2", "h3"))
_SPAN_RE = regex.compile(r"\s*([0-9]+)")
_TITLE_SPLIT_RE = regex.compile(r"\s*[_|｜—–-]\s*")


def _wide(ch: str) -> bool:
    """Chinese characters, CJK punctuation and full-width forms: no space between two of them."""
    return ord(ch) >= 0x2E80


def clean(text: str, origin: array) -> tuple[str, array]:
    """Collapse whitespace runs to one space and strip both ends.

    A run with a line break (a source line break, ``<br>`` or ``<p>`` inside a cell) between
    two wide characters disappears: ``本年新<br>制作数量`` is ``本年新制作数量``.
    """
    parts: list[str] = []
    kept = array("l")
    position = 0
    length = len(text)
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        if start > position:
            parts.append(text[position:start])
            kept.extend(origin[position:start])
        position = end
        if start == 0 or end == length:
            continue
        run = match.group()
        if not run.strip(_ZERO_WIDTH_CHARS):
            continue  # zero-width characters only
        if _wide(text[start - 1]) and _wide(text[end]) and ("\n" in run or "\r" in run):
            continue  # a source line break (or <br>) inside Chinese text: no space
        parts.append(" ")
        kept.append(origin[start])
    if position < length:
        parts.append(text[position:])
        kept.extend(origin[position:])
    result = "".join(parts)
    left = len(result) - len(result.lstrip(" \u3000"))
    right = len(result.rstrip(" \u3000"))
    if left or right < len(result):
        return result[left:right], kept[left:right] if right > left else array("l")
    return result, kept


class _Out:
    """Lines of text with their origins; in ``cell`` mode breaks are spaces in one line."""

    def __init__(self, cell: bool = False) -> None:
        self.cell = cell
        self.lines: list[tuple[str, array]] = []
        self.parts: list[str] = []
        self.origin = array("l")

    def text(self, node: Text) -> None:
        self.parts.append(node.text)
        if node.exact:
            self.origin.extend(range(node.start, node.start + len(node.text)))
        else:
            self.origin.extend([node.start] * len(node.text))

    def brk(self, offset: int) -> None:
        if self.cell:
            self.parts.append("\n")
            self.origin.append(offset)
        else:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            text, origin = clean("".join(self.parts), self.origin)
            if text:
                self.lines.append((text, origin))
            self.parts = []
            self.origin = array("l")

    def line(self, text: str, origin: array) -> None:
        self.flush()
        self.lines.append((text, origin))

    def joined(self) -> tuple[str, array]:
        """Everything written, as one cleaned string (cell mode)."""
        return clean("".join(self.parts), self.origin)


def _hidden(element: Element) -> bool:
    """Hidden by the ``hidden`` attribute or an inline ``display:none``/``visibility:hidden``."""
    attrs = element.attrs
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    if not style:
        return False
    return _style_hides(style) if len(style) <= _MEMO_LENGTH else _style_hides.__wrapped__(style)


@functools.lru_cache(maxsize=4096)
def _style_hides(style: str) -> bool:
    """Whether an inline style hides its element (a Word-made page repeats a few styles thousands of times)."""
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _marks(element: Element) -> tuple[bool, bool]:
    """(furniture anywhere, furniture outside the article) according to role, class and id."""
    role = element.attrs.get("role")
    if role and role.strip().lower() in FURNITURE_ROLES:
        return True, True
    names = f"{element.attrs.get('class') or ''} {element.attrs.get('id') or ''}"
    if not names.strip():
        return False, False
    return _name_marks(names) if len(names) <= _MEMO_LENGTH else _name_marks.__wrapped__(names)


@functools.lru_cache(maxsize=4096)
def _name_marks(names: str) -> tuple[bool, bool]:
    """:func:`_marks` of a class and id: a page repeats a few class names (``MsoNormal``) thousands of times."""
    words = [w for w in _WORD_SPLIT_RE.split(_CAMEL_RE.sub(" ", names).lower()) if w]
    strong = any(part in word for word in words for part in _MARK_PARTS)
    return strong, any(word in _MARK_WORDS for word in words)


def _searched(text: str, memo: list) -> tuple[frozenset[str], bool]:
    """The heading keys and the footer flag of a short element text, searched once per text.

    Line breaks around the text change neither (a heading starts the text or follows a
    line break; no footer marker holds one), so a wrapper whose text is its only child's
    with block breaks around it reuses the child's search: nested ``<div>`` s cost one
    search, not one per level. ``memo`` holds the last text searched and its result (the
    post-order walk measures a wrapper right after its last child).
    """
    core = text.strip("\n")
    if memo and memo[0] == core:
        keys, footer = memo[1]
    else:
        keys = (frozenset(m.group(1)[:2] for m in _HEADING_RE.finditer(core)) if _HEADING_HINT_RE.search(core)
                else _NO_KEYS)
        footer = _FOOTER_HINT_RE.search(core) is not None and _FOOTER_RE.search(core) is not None
        memo[:] = [core, (keys, footer)]
    return keys, footer


_NO_KEYS: frozenset[str] = frozenset()


def measure(root: Element) -> list[Element]:
    """Fill the measured fields of every element (see :class:`~govlint.readers.html_tree.Element`).

    Returns the measured elements in document order. The text of an element is searched
    while it is short (headings and footer markers may be split over ``<span>`` s); a long
    element takes its children's findings instead, so the walk stays linear in practice.
    """
    elements: list[Element] = []
    # Iterative post-order walk (unclosed inline tags can nest thousands deep). A frame is
    # [element, text parts, next child index, heading keys (None: none yet), footer, titled,
    # link characters, links]. This runs for every element of a page: the loop stays flat.
    stack: list[list] = [[root, [], 0, None, False, False, 0, 0]]
    searched: list = []  # the last searched text and its result (see _searched)
    while stack:
        frame = stack[-1]
        element, parts = frame[0], frame[1]
        children = element.children
        index = frame[2]
        descended = False
        while index < len(children):
            child = children[index]
            index += 1
            if isinstance(child, Text):
                parts.append(_ALL_SPACE.sub("", child.text))
            elif child.tag in ALWAYS_DROP or (child.attrs and _hidden(child)):
                continue
            elif child.tag == "br":
                parts.append("\n")
            else:
                frame[2] = index
                elements.append(child)
                stack.append([child, [], 0, None, False, False, 0, 0])
                descended = True
                break
        if descended:
            continue
        stack.pop()
        text = "".join(parts)
        _, _, _, keys, footer, titled, links, anchors = frame
        size = len(text) - text.count("\n")
        if len(text) <= _SEARCHED_TEXT:
            keys, footer = _searched(text, searched)
        elif keys is None:
            keys = _NO_KEYS
        tag = element.tag
        if tag == "a":
            links, anchors = size, anchors + 1
        if (not titled and size <= 200 and (tag in _TITLE_TAGS or "title" in element.get("class").lower())
                and _TITLE_TEXT_RE.search(text)):
            titled = True
        element.hits, element.size, element.footer = len(keys), size, footer
        element.titled, element.links, element.anchors = titled, links, anchors
        if stack:
            up = stack[-1]
            parent = up[0]
            if not parent.tables and (element.tables or tag == "table"):
                parent.tables = True
            up[1].append(f"\n{text}\n" if tag in BLOCK else text)
            if keys:
                if up[3] is None:
                    up[3] = set(keys)
                else:
                    up[3].update(keys)
            if footer:
                up[4] = True
            if titled:
                up[5] = True
            up[6] += links
            up[7] += anchors
    return elements


def visible_characters(element: Element) -> int:
    """Characters of ``element``'s text a browser would show (whitespace and :data:`NOT_SHOWN` content aside)."""
    if element.tag in NOT_SHOWN:
        return 0
    count = 0
    stack: list = list(element.children)
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            count += len(_ALL_SPACE.sub("", node.text))
        elif node.tag not in NOT_SHOWN:
            stack.extend(node.children)
    return count


def find_article(root: Element, elements: list[Element]) -> Element:
    """The smallest element holding the most section headings (at least two), else the body.

    Of nested elements with the same text (a cell and its row), the innermost is taken.
    """
    best: Element | None = None
    for element in elements:
        if element.hits >= 2 and (best is None or element.hits > best.hits
                                  or (element.hits == best.hits and element.size <= best.size)):
            best = element
    if best is not None:
        return best
    return next((e for e in elements if e.tag == "body"), root)


class _Page:
    """Which parts of the tree are rendered, and how."""

    def __init__(self, root: Element, article: Element) -> None:
        self.root = root
        self.article = article
        self.path: set[int] = set()
        #: Elements dropped inside the article that hold visible text: id → (offset, characters).
        self.lost: dict[int, tuple[int, int]] = {}
        node: Element | None = article
        while node is not None:
            self.path.add(id(node))
            node = node.parent

    # -- selection

    def children(self, element: Element) -> list:
        """Children to render: around the article, what precedes it (and its own siblings)."""
        if id(element) not in self.path or element is self.article or element is self.article.parent:
            return element.children
        for index, child in enumerate(element.children):
            if isinstance(child, Element) and id(child) in self.path:
                return element.children[: index + 1]
        return element.children

    def dropped(self, element: Element, inside: bool) -> bool:
        """Whether ``element`` is site furniture (never an ancestor of the article)."""
        if id(element) in self.path:
            return False
        if element.tag in ALWAYS_DROP or _hidden(element):
            return True
        if inside and element.hits:
            return False  # holds a heading of the report
        strong, weak = _marks(element)
        if element.tag in FURNITURE_TAGS or strong or (weak and not inside):
            # An article header holding the report's title is kept (its parts judged one by one).
            return not (element.titled and not element.footer)
        if inside:
            return False  # inside the article only structure drops: never the words a paragraph holds
        if element.anchors >= 2 and element.links * 2 >= element.size and not element.titled:
            return True  # a list of links: menus, breadcrumbs, related articles
        return element.footer and not element.hits  # a site footer beside the article (网站标识码, ICP备…)

    def skipped(self, element: Element, inside: bool) -> bool:
        """:meth:`dropped`, noting what is dropped inside the article (:meth:`dropped_text`)."""
        if not self.dropped(element, inside):
            return False
        if inside and id(element) not in self.lost:
            characters = visible_characters(element)
            if characters:
                self.lost[id(element)] = (element.start, characters)
        return True

    def dropped_text(self) -> DroppedText | None:
        """The visible article text left out so far, or ``None`` when there is none."""
        if not self.lost:
            return None
        return DroppedText(len(self.lost), sum(count for _, count in self.lost.values()),
                           min(start for start, _ in self.lost.values()))

    # -- rendering

    def render(self) -> list[tuple[str, array]]:
        out = _Out()
        self.walk(self.root, out, self.article is self.root)
        out.flush()
        return out.lines

    def walk(self, start: Element, out: _Out, inside: bool) -> None:
        """Render the children of ``start`` into ``out`` (iteratively)."""
        inside = inside or start is self.article
        stack: list = [(child, inside) for child in reversed(self.children(start))]
        while stack:
            node, inside = stack.pop()
            if isinstance(node, int):  # the end of a block element starting at offset ``node``
                out.brk(node)
                continue
            if isinstance(node, Text):
                out.text(node)
                continue
            if node is self.article:
                inside = True
            if self.skipped(node, inside):
                continue
            tag = node.tag
            if tag == "br":
                out.brk(node.start)
                continue
            if tag == "table" and not out.cell:
                out.flush()
                self.table(node, out, inside)
                continue
            if tag in BLOCK:
                out.brk(node.start)
                stack.append((node.start, inside))
            stack.extend((child, inside) for child in reversed(self.children(node)))

    def cell_text(self, cell: Element, inside: bool) -> tuple[str, array]:
        out = _Out(cell=True)
        self.walk(cell, out, inside)
        return out.joined()

    def table(self, table: Element, out: _Out, inside: bool) -> None:
        rows, before = self._rows(table, inside)
        for node in before:
            if isinstance(node, Text):
                out.text(node)
                out.flush()
            else:
                wrapper = Element("div", {}, None, node.start)
                wrapper.children = [node]
                self.walk(wrapper, out, inside)
                out.flush()
        if any(cell.tables or cell.size > LAYOUT_CELL for row in rows for cell in row):
            # A layout table: each cell is a stretch of page. If the article is inside one of
            # its cells, the cells after that one are outer page parts (footers): skipped.
            on_path = table is not self.article and id(table) in self.path
            passed = False
            for row in rows:
                for cell in row:
                    if passed and cell.parent is not self.article.parent:
                        continue
                    self.walk(cell, out, inside)
                    out.flush()
                    passed = passed or (on_path and id(cell) in self.path)
            return
        for text, origin in _grid_lines(rows, lambda cell: self.cell_text(cell, inside)):
            out.line(text, origin)

    def _rows(self, table: Element, inside: bool) -> tuple[list[list[Element]], list]:
        """The table's rows (lists of cells) and content found outside any row."""
        rows: list[list[Element]] = []
        before: list = []

        def take(children: list) -> None:
            for child in children:
                if isinstance(child, Text):
                    if child.text.strip():
                        before.append(child)
                elif child.tag == "tr":
                    if not self.skipped(child, inside):
                        rows.append([c for c in child.children
                                     if isinstance(c, Element) and c.tag in CELLS and not self.skipped(c, inside)])
                elif child.tag in ROW_GROUPS:
                    if not self.skipped(child, inside):
                        take(child.children)
                elif child.tag in ("colgroup", "col"):
                    continue
                elif not self.skipped(child, inside):
                    before.append(child)  # a caption, or content browsers move before the table

        take(table.children)
        return rows, before


def _span(value: str | None, name: str) -> int:
    """A ``rowspan``/``colspan`` value (1 when absent or not a number); :class:`ReadError` over the limit."""
    match = _SPAN_RE.match(value or "")
    if not match:
        return 1
    digits = match.group(1).lstrip("0") or "0"
    maximum = limits.current().max_table_span
    if len(digits) > len(str(maximum)) or int(digits) > maximum:
        shown = digits if len(digits) <= 12 else f"{digits[:6]}…（{len(digits)} 位数字）"
        raise ReadError(f"HTML 表格的 {name} 值 {shown} 超过上限 {maximum}（可用 max-table-span 设置）")
    return int(digits)


def _grid_lines(rows: list[list[Element]], cell_text) -> list[tuple[str, array]]:
    """One line per table row: spans expanded (a covered cell writes nothing), see :mod:`govlint.readers.grid`.

    The cells a table covers once its spans are expanded are counted: more than
    ``max-table-cells`` (:mod:`govlint.limits`) is a :class:`ReadError`, so a page of wide
    spans cannot take memory out of proportion to its size.
    """
    count = len(rows)
    budget = limits.current().max_table_cells
    covered = 0
    occupied: set[tuple[int, int]] = set()
    grid: list[list[GridCell]] = []
    for r, cells in enumerate(rows):
        entries = []
        col = 0
        for cell in cells:
            while (r, col) in occupied:
                col += 1
            width = max(1, min(_span(cell.attrs.get("colspan"), "colspan"), 1000))
            height = _span(cell.attrs.get("rowspan"), "rowspan")
            height = count - r if height == 0 else max(1, min(height, count - r))
            covered += width * height
            if covered > budget:
                raise ReadError(f"HTML 表格展开合并单元格后超过 {budget:,} 个单元格（可用 max-table-cells 设置）")
            if width * height <= 20000:
                occupied.update((r + dr, col + dc) for dr in range(height) for dc in range(width))
            text, origin = cell_text(cell)
            entries.append(GridCell(col, width, text, origin, cell.start))
            col += width
        grid.append(entries)
    return [(text, origin) for _, text, origin in grid_lines(grid)]


def _title_line(root: Element) -> tuple[str, array] | None:
    """The page's ``<title>`` part naming the report, for pages without a title in the body."""
    stack = [root]
    while stack:
        element = stack.pop()
        if element.tag == "title":
            out = _Out(cell=True)
            for child in element.children:
                if isinstance(child, Text):
                    out.text(child)
            text, origin = out.joined()
            position = 0
            for part in _TITLE_SPLIT_RE.split(text):
                start = text.find(part, position)
                position = start + len(part)
                if _REPORT_RE.search(part) and part:
                    return part, origin[start : start + len(part)]
            return None
        stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))
    return None


def extract(source: str) -> tuple[str, array]:
    """The report text of an HTML page and, for each character, its offset in ``source``."""
    text, origin, _ = extract_page(source)
    return text, origin


def extract_page(source: str) -> tuple[str, array, DroppedText | None]:
    """:func:`extract`, and the visible article text left out (``None``: none)."""
    root = build_tree(source)
    elements = measure(root)
    article = find_article(root, elements)
    page = _Page(root, article)
    lines = page.render()
    if not any(_REPORT_RE.search(text) for text, _ in lines[:40]):
        title = _title_line(root)
        if title is not None:
            lines.insert(0, title)
    parts: list[str] = []
    origin = array("l")
    for text, line_origin in lines:
        parts.append(text)
        origin.extend(line_origin)
        origin.append(line_origin[-1] + 1 if len(line_origin) else 0)
    return ("\n".join(parts) + "\n") if parts else "", origin, page.dropped_text()
