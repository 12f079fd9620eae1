"""Contact details: ``地址：…``, ``电话：…``, ``请与…联系`` (domain.md §12).

Why: contact checks are a configurable rule pack (placeholders such as ``电话：XX`` or an
empty office name are real defects), so the parser records every labelled detail as
written and leaves judging to the rules.

A label counts when a colon follows it (``：`` is ``:`` in the normalised view), inside
the parenthesised block after ``联系`` (``请与办公室联系（地址…，电话…）``) when a value
follows directly, or without a colon when the value has the shape of its kind
(``电话0591-1234567``, ``邮编350400``, ``邮箱abc@163.com``); an address without a colon
counts only when another accepted detail follows it directly (``地址人民路1号，电话…``).
Prose such as ``电话沟通`` or ``办公地址、办公时间、联系方式`` is therefore never a contact
detail. Labels may be letter-spaced (``电 话 :``, ``邮  编``), wrapped over a line break
(``电\\n子邮箱``, PDF text) or combined: ``电话/传真``, ``电话（传真）``, ``传真、电话`` name
one number that is both the phone and the fax, recorded as two fields with the same span.

A value runs to the next ``,，;；。)）``, the next label, or the end of the line (or a gap
of two spaces, as in crawler header lines); inside
a parenthesised block a line break is a PDF wrap and the value continues
(``地址：淮\\n安市…``). An e-mail address ends where the address does, even when the next
word follows without a separator (crawler text: ``abc＠163.com一、概述``). Values are taken from the normalised view (full-width digits
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
#: Letter-spacing (Word alignment pads labels with spaces: ``电    话``) or one line wrap
#: between the characters of a label.
_GAP = "[ ]{0,4}\\n?[ ]{0,4}"
#: Kinds whose value may follow the label without a colon, and the shape it must have then.
_BARE_VALUE_RE = {
    "phone": regex.compile(r"[ ]*(?:\(?0\d{2,3}\)?[ -]?\d{7,8}|1[3-9]\d{9}|\d{7,8}|400-?\d{3}-?\d{4})(?!\d)"),
    "postcode": regex.compile(r"[ ]*\d{6}(?!\d)"),
    "email": regex.compile(r"[ ]*[A-Za-z0-9._%+\-]+[ ]*@[ ]*[A-Za-z0-9\-]+(?:[ ]*\.[ ]*[A-Za-z0-9\-]+)+"),
}


def _spaced(label: str) -> str:
    return _GAP.join(re.escape(ch) for ch in label)


def _either(labels: tuple[str, ...]) -> str:
    return "(?:" + "|".join(_spaced(label) for label in labels) + ")"


def _combined_label() -> str:
    """``电话/传真``, ``联系电话（传真）``, ``传真、电话``: one label for both numbers."""
    phone = _either(("联系电话", "办公电话", "咨询电话", "电话"))
    fax = _either(("传真电话", "传真号码", "传真"))
    joint = f"{_GAP}(?:/|、|\\(|和|及|与|或|兼){_GAP}"
    close = f"(?:{_GAP}\\))?"
    return f"{phone}{joint}{fax}{close}|{fax}{joint}{phone}{close}"


def _label_alternatives() -> str:
    parts = [f"(?P<phone_fax>{_combined_label()})"]
    parts += [f"(?P<{kind}>{'|'.join(_spaced(label) for label in labels)})" for kind, labels in LABELS.items()]
    # 联系方式 is a phone label only when a number follows (checked by the caller); a lone
    # 电 before a colon is a phone label whose 话 was lost (placeholder residue, §12).
    parts.append(f"(?P<phone_way>{_spaced('联系方式')})")
    parts.append("(?<=[(,;，；])(?P<phone_cut>[ ]*电)")
    return "|".join(parts)


#: A label anywhere (used inside ``联系(…)`` blocks, where no colon is needed).
LABEL_RE = regex.compile(_label_alternatives())
#: Labels before a colon are searched in a short window before each ``:``, which is much
#: faster than scanning the whole report for labels.
_COLON_WINDOW = 28


def _label_before(text: str, colon: int) -> re.Match[str] | None:
    """The label that ends (spaces aside) right before the colon at ``colon``."""
    for match in LABEL_RE.finditer(text, max(0, colon - _COLON_WINDOW), colon):
        if not text[match.end() : colon].strip(" \n"):
            return match
    return None


def _kind(match: re.Match[str]) -> str:
    """The field kind of a label match (``phone_way`` and ``phone_cut`` are phone labels)."""
    kind = match.lastgroup or ""
    return "phone" if kind in ("phone_way", "phone_cut") else kind


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
#: Where a value without a colon may start: a phone number, a postcode, an e-mail address.
_BARE_ANCHOR_RE = regex.compile(r"(?<![\d\-])[(\d]|(?<![A-Za-z0-9_.%+\-])[A-Za-z0-9._%+\-]+[ ]*@")
#: An address label without a colon, searched just before an accepted detail.
_ADDRESS_RE = regex.compile(_either(LABELS["address"]))
_ADDRESS_REACH = 80
#: An e-mail address at the start of a value: ``name@domain.tld`` (the TLD is letters).
_EMAIL_HEAD_RE = regex.compile(
    r"[A-Za-z0-9._%+\-]+[ ]*@[ ]*(?:[A-Za-z0-9\-]+[ ]*\.[ ]*)+[A-Za-z]{2,}(?![A-Za-z])"
)
_EMAIL_CHARS_RE = regex.compile(r"[A-Za-z0-9._%+\-@ ]+")
MAX_VALUE = 100
#: The colon index recorded for a label whose value follows without a colon, outside a
#: contact block: its value is exactly the number or address of its shape.
BARE = -2
#: Last characters of the labels, to find candidates for a value without a colon cheaply.
_LABEL_ENDS = frozenset("话真编码箱件址式lL)")


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
    """Accepted labels in text order, each with the index of its colon (``-1``: none,
    :data:`BARE`: none, and the value is only what has the label's shape)."""
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
    for match in _bare_labels(text):
        found.setdefault(match.start(), (match, BARE))
    for match in _bare_addresses(text, [m for m, _ in found.values()]):
        found.setdefault(match.start(), (match, -1))
    return [found[key] for key in sorted(found)]



def _bare_labels(text: str) -> list[re.Match[str]]:
    """Labels followed without a colon by a value of their kind's shape (``电话0591-1234567``)."""
    labels = []
    for anchor in _BARE_ANCHOR_RE.finditer(text):
        before = anchor.start()
        while before > 0 and text[before - 1] == " ":
            before -= 1
        if before == 0 or text[before - 1] not in _LABEL_ENDS:
            continue
        match = _label_before(text, anchor.start())
        if match is None:
            continue
        shape = _bare_shape(match)
        if shape is not None and match.lastgroup != "phone_cut" and shape.match(text, match.end()):
            labels.append(match)
    return labels


def _bare_shape(match: re.Match[str]) -> re.Pattern[str] | None:
    """The shape a value must have to follow this label without a colon (``None``: never)."""
    return _BARE_VALUE_RE.get("phone" if match.lastgroup in ("phone_fax", "fax", "phone_way") else _kind(match))


def _bare_addresses(text: str, accepted: list[re.Match[str]]) -> list[re.Match[str]]:
    """Address labels without a colon whose value runs right up to an accepted detail
    (``地址人民路1号，电话0571-…``): prose (``办公地址、办公时间``) never has that shape."""
    addresses = []
    for label in accepted:
        if _kind(label) in ("address", "url"):
            continue
        lo = max(0, label.start() - _ADDRESS_REACH)
        candidates = list(_ADDRESS_RE.finditer(text, lo, label.start()))
        if not candidates:
            continue
        match = LABEL_RE.match(text, candidates[-1].start())
        value = text[candidates[-1].end() : label.start()].strip(" \n,，;；")
        if (match and match.lastgroup == "address" and len(value) >= 4 and not any(ch in value for ch in "、:。")
                and not value.startswith(_NOT_A_VALUE)):
            addresses.append(match)
    return addresses


#: Words that continue prose after 地址, never an address (地址和电话, 地址为…).
_NOT_A_VALUE = ("和", "及", "与", "为", "是", "等", "或")


def _email_end(text: str, start: int, end: int) -> int:
    """Where an e-mail address starting at ``start`` ends, at most ``end``.

    Crawler text runs the next word into the address (``abc@163.com一、概述2017年``): the
    value stops after the address when other text follows it directly. A value that is not
    an address (``林业局@…``, no ``@``) is left as it is, to be reported whole.
    """
    chars = _EMAIL_CHARS_RE.match(text, start, end)
    if chars is None or "@" not in chars.group() or chars.end() >= end:
        return end
    head = _EMAIL_HEAD_RE.match(text, start, chars.end())
    if head is not None and text[head.end() : chars.end()].strip(" ").isdigit():
        return head.end()  # abc@163.com2017年: the year is the next word
    return chars.end() if not text[chars.end()].isascii() else end


def find_contacts(view: TextView) -> list[ContactField]:
    """Every contact detail in the document, in document order.

    A combined label (``电话/传真``) gives two fields, a phone and a fax, with one span.
    """
    text = view.text
    labels = _labels(text)
    fields: list[tuple[int, ContactField]] = []
    for index, (match, colon) in enumerate(labels):
        value_start = colon + 1 if colon >= 0 else match.end()
        colon_end = value_start
        wrap = _in_parens(text, match.start())
        skip = " \n" if wrap else " "
        while value_start < len(text) and text[value_start] in skip:
            value_start += 1
        limit = labels[index + 1][0].start() if index + 1 < len(labels) else len(text)
        value_end = _value_end(text, value_start, limit, wrap)
        if _kind(match) == "email":
            value_end = _email_end(text, value_start, value_end)
        if colon == BARE:
            value_end = min(value_end, _bare_shape(match).match(text, match.end()).end())
        # The value as written (full-width characters kept: ＠ in an address is an error).
        value = view.original(value_start, value_end).replace("\r", "").replace("\n", "").strip()
        while value_end > value_start and text[value_end - 1] in " \n":
            value_end -= 1
        raw = match.group()
        label = _SPACE_RE.sub("", raw)
        start = match.start() + (len(raw) - len(raw.lstrip(" \n")))
        span = view.span(start, max(value_end, colon_end))
        for kind in ("phone", "fax") if _kind(match) == "phone_fax" else (_kind(match),):
            fields.append((start, ContactField(kind, label, value, span)))
    for match in _URL_IN_PARENS_RE.finditer(text):
        fields.append((match.start(), ContactField("url", "网站", match.group("url"), view.span(match.start(), match.end()))))
    for match in _OFFICE_RE.finditer(text):
        office = match.group("office").replace("\n", "").strip()
        link = _LINK_RE.match(text, match.end())
        end = link.end() if link else match.end()
        fields.append((match.start(), ContactField("office", "请与…联系", office, view.span(match.start(), end))))
    fields.sort(key=lambda item: item[0])
    return [field for _, field in fields]
