"""Contact details: ``地址：…``, ``电话：…``, ``请与…联系`` (domain.md §12).

Why: contact checks are a configurable rule pack (placeholders such as ``电话：XX`` or an
empty office name are real defects), so the parser records every labelled detail as
written and leaves judging to the rules.

A label counts only when a colon follows it, or inside the parenthesised block after
``联系`` (``请与办公室联系（地址…，电话…）``) when a value follows directly. Prose such as
``电话沟通`` or ``办公地址、办公时间、联系方式`` is therefore never a contact detail.
Matching runs on the normalised view (``：`` is ``:`` there) and tolerates letter-spacing
(``电 话 :``) and labels wrapped over a line break (``电\\n子邮箱``, PDF text).

A value runs to the next ``,，;；。)）``, the next label, or the end of the line (or a gap
of two spaces, as in crawler header lines); inside
a parenthesised block a line break is a PDF wrap and the value continues
(``地址：淮\\n安市…``). Values are taken from the normalised view (full-width digits
become ASCII), line breaks removed, spaces kept; empty values and placeholders (``XX``)
are kept as they are. Two more shapes: ``office`` is the XX of ``请与XX联系`` (possibly
empty), and a URL in parentheses after ``网站`` is a ``url`` field.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model import ContactField
from govlint.parser.normalize import TextView

#: Labels by kind, longest first within a kind (leftmost match wins across kinds).
LABELS: dict[str, tuple[str, ...]] = {
    "url": ("网站地址", "网址", "网站"),
    "email": ("电子邮箱", "电子信箱", "电子邮件", "邮箱", "E-mail", "Email", "e-mail", "email", "EMAIL", "E-MAIL"),
    "postcode": ("邮政编码", "邮编"),
    "fax": ("传真电话", "传真号码", "传真"),
    "phone": ("联系电话", "咨询电话", "办公电话", "服务电话", "电话号码", "电话"),
    "address": ("联系地址", "通讯地址", "通信地址", "办公地址", "单位地址", "地址"),
}
_GAP = "[ \\n]{0,2}"  # letter-spacing or a line wrap between the characters of a label


def _spaced(label: str) -> str:
    return _GAP.join(re.escape(ch) for ch in label)


def _label_alternatives() -> str:
    parts = [f"(?P<{kind}>{'|'.join(_spaced(label) for label in labels)})" for kind, labels in LABELS.items()]
    # 联系方式 is a phone label only when a number follows (checked by the caller); a lone
    # 电 before a colon is a phone label whose 话 was lost (placeholder residue, §12).
    parts.append(f"(?P<phone_way>{_spaced('联系方式')})")
    parts.append("(?<=[(,;，；])(?P<phone_cut>[ ]*电)")
    return "|".join(parts)


#: A label anywhere (used inside ``联系(…)`` blocks, where no colon is needed).
LABEL_RE = regex.compile(_label_alternatives())
#: Labels before a colon are searched in a short window before each ``:``, which is much
#: faster than scanning the whole report for labels.
_COLON_WINDOW = 16


def _label_before(text: str, colon: int) -> re.Match[str] | None:
    """The label that ends (spaces aside) right before the colon at ``colon``."""
    for match in LABEL_RE.finditer(text, max(0, colon - _COLON_WINDOW), colon):
        if not text[match.end() : colon].strip(" \n"):
            return match
    return None
_COLON_RE = regex.compile(r"[ \n]*:")
_URL_IN_PARENS_RE = regex.compile(
    r"网[ ]*站[ ]*\([ ]*(?P<url>(?:https?://)?[A-Za-z0-9][\w\-]*(?:\.[\w\-]+)+(?:[/:?#][^\s()（）,，;；。]*)?)[ ]*\)"
)
_OFFICE_RE = regex.compile(r"请[ ]*与(?P<office>[^,，。;；()（）:]{0,40}?)[ ]*(?=\(|联[ \n]*系)")
_NUMBER_NEXT_RE = regex.compile(r"[ \n]*[\d(+]")
_LINK_RE = regex.compile(r"[ \n]*联[ \n]*系")
_SPACE_RE = regex.compile(r"[ \n]")
_CONTACT_BLOCK_OPEN_RE = regex.compile(r"联[ \n]*系[ ]*\(")
_STOP_CHARS = frozenset(",，;；。)）")
#: Characters a value may start with when no colon follows the label (parenthesised block).
_VALUE_START_RE = regex.compile(r"[ ]*[\w(+]")
MAX_VALUE = 100


def _block_ranges(text: str) -> list[tuple[int, int]]:
    """View ranges of ``联系(…)`` blocks: inside them labels need no colon."""
    ranges = []
    for match in _CONTACT_BLOCK_OPEN_RE.finditer(text):
        close = text.find(")", match.end(), match.end() + 400)
        ranges.append((match.end(), close if close != -1 else min(len(text), match.end() + 400)))
    return ranges


def _in_parens(text: str, index: int) -> bool:
    """Whether ``index`` is inside an open ``(`` (within 400 characters)."""
    opened = text.rfind("(", max(0, index - 400), index)
    return opened != -1 and text.rfind(")", opened, index) == -1


def _value_end(text: str, start: int, limit: int, wrap: bool) -> int:
    """End of a value starting at ``start``: a stop character, ``limit``, or the line end."""
    depth = 0
    index = start
    stop = min(limit, start + MAX_VALUE)
    while index < stop:
        ch = text[index]
        if ch == "(":
            depth += 1
        elif ch in _STOP_CHARS:
            if ch == ")" and depth > 0:
                depth -= 1
            else:
                break
        elif ch == "\n" and not wrap:
            break
        elif ch == " " and not wrap and text.startswith("  ", index):
            break
        index += 1
    return index


def _labels(text: str) -> list[tuple[re.Match[str], int]]:
    """Accepted labels in text order, each with the index of its colon (``-1``: none)."""
    found: dict[int, tuple[re.Match[str], int]] = {}
    colon = text.find(":")
    while colon != -1:
        match = _label_before(text, colon)
        if match and (match.lastgroup != "phone_way" or _NUMBER_NEXT_RE.match(text, colon + 1)):
            found[match.start()] = (match, colon)
        colon = text.find(":", colon + 1)
    for start, end in _block_ranges(text):
        for match in LABEL_RE.finditer(text, start, end):
            if match.start() in found or match.lastgroup == "phone_way" or _COLON_RE.match(text, match.end()):
                continue
            if _VALUE_START_RE.match(text, match.end()):
                found[match.start()] = (match, -1)
    return [found[key] for key in sorted(found)]


def find_contacts(view: TextView) -> list[ContactField]:
    """Every contact detail in the document, in document order."""
    text = view.text
    labels = _labels(text)
    fields: list[tuple[int, ContactField]] = []
    for index, (match, colon) in enumerate(labels):
        kind = match.lastgroup or ""
        kind = "phone" if kind.startswith("phone") else kind
        value_start = colon + 1 if colon >= 0 else match.end()
        colon_end = value_start
        wrap = _in_parens(text, match.start())
        skip = " \n" if wrap else " "
        while value_start < len(text) and text[value_start] in skip:
            value_start += 1
        limit = labels[index + 1][0].start() if index + 1 < len(labels) else len(text)
        value_end = _value_end(text, value_start, limit, wrap)
        # The value as written (full-width characters kept: ＠ in an address is an error).
        value = view.original(value_start, value_end).replace("\r", "").replace("\n", "").strip()
        while value_end > value_start and text[value_end - 1] in " \n":
            value_end -= 1
        raw = match.group()
        label = _SPACE_RE.sub("", raw)
        start = match.start() + (len(raw) - len(raw.lstrip(" \n")))
        end = max(value_end, colon_end)
        fields.append((start, ContactField(kind, label, value, view.span(start, end))))
    for match in _URL_IN_PARENS_RE.finditer(text):
        fields.append((match.start(), ContactField("url", "网站", match.group("url"), view.span(match.start(), match.end()))))
    for match in _OFFICE_RE.finditer(text):
        office = match.group("office").replace("\n", "").strip()
        link = _LINK_RE.match(text, match.end())
        end = link.end() if link else match.end()
        fields.append((match.start(), ContactField("office", "请与…联系", office, view.span(match.start(), end))))
    fields.sort(key=lambda item: item[0])
    return [field for _, field in fields]
