"""The HTML reader (.html, .htm, .shtml, .xhtml, and pages saved under other names).

Reports are published on government CMS pages: the article sits inside site navigation
and footers, headings are ``<p>`` paragraphs made of ``<span>`` fragments, the statistics
tables use ``rowspan``/``colspan`` and ``&nbsp;`` for empty cells, and older sites serve
GBK. The page is parsed with the standard library's :class:`html.parser.HTMLParser` (no
extra dependency, tolerant of broken markup, and it reports the source position of every
token, which line:column positions in the HTML file need). The extraction itself is in
:mod:`govlint.readers.html_extract`, imported only when a page is read (start-up time).

Decoding: a BOM decides (UTF-8, UTF-16); otherwise bytes that are valid UTF-8 are UTF-8
(a page whose ``<meta>`` says gb2312 but whose bytes are UTF-8 was re-encoded without
updating the tag); otherwise the charset declared in the first 4 KB (``<meta charset>``,
``<meta http-equiv="Content-Type" content="…; charset=…">``, ``<?xml encoding=…?>``):
GB2312/GBK/GB18030 are decoded as GB18030 (reported as ``gb18030``, so GOV003 applies);
without a declaration, GB18030 is tried as for text files.
"""

from __future__ import annotations

import re

import pluggy

from govlint import regex
from govlint.document import Document
from govlint.errors import ReadError
from govlint.readers import decoding

hookimpl = pluggy.HookimplMarker("govlint")

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
#: Suffixes ``govlint check DIR`` picks up (``.xhtml`` is read when named, not searched for).
REPORT_SUFFIXES = [".html", ".htm", ".shtml"]
#: Names whose content is sniffed: standard input (no suffix) and text files that hold a page.
_SNIFFED_SUFFIXES = ("", ".txt", ".text")
_CHARSET_RE = regex.compile(rb"""<(?:meta[^>]*?charset|\?xml[^>]*?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_GB_NAMES = frozenset(("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312",
                       "gb_2312-80", "gb_2312", "chinese", "iso-ir-58", "x-euc-cn"))
_BIG5_NAMES = frozenset(("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"))
#: Share of undecodable characters tolerated in a page that declares GBK (truncated
#: characters from a CMS cutting bytes); more means the declaration is wrong.
_REPLACEMENT_LIMIT = 0.001


def _suffix(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` clearly is an HTML page (``<!DOCTYPE html``/``<html`` at the start)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    return head.startswith((b"<?xml", b"<!--")) and (b"<html" in head or b"<!doctype html" in head)


def declared_charset(data: bytes) -> str | None:
    """The charset declared in the first 4 KB, lower case, or ``None``."""
    match = _CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a page (see the module docstring); :class:`ReadError` if impossible."""
    decoding.check_size(data)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:65536]:
        return decoding.decode_bytes(data)  # BOMs, binary files
    text, encoding = _decode_page(data)
    return decoding.line_endings(text), encoding


def _decode_page(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not text.strip():
            raise ReadError("文件为空")
        decoding.check_mojibake(text)
        return text, "utf-8"
    charset = declared_charset(data)
    if charset in _GB_NAMES:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
            if text.count("\ufffd") <= max(1, len(text) * _REPLACEMENT_LIMIT):
                return text, "gb18030"
            raise ReadError(f"页面声明编码为 {charset}，但内容无法按 GB18030/GBK 解码") from None
    if charset in _BIG5_NAMES:
        try:
            return data.decode("big5hkscs"), "big5"
        except UnicodeDecodeError:
            pass
    return decoding.decode_bytes(data)


@hookimpl
def govlint_read(path: str, data: bytes) -> Document | None:
    """Read HTML pages: by name (``.html``/``.htm``/``.shtml``/``.xhtml``) or, for standard
    input and ``.txt`` files, when the bytes clearly start an HTML page."""
    suffix = _suffix(path)
    if suffix not in HTML_SUFFIXES and not (suffix in _SNIFFED_SUFFIXES and looks_like_html(data)):
        return None
    source, encoding = decode_html(data)
    from govlint.readers.html_extract import extract_page

    text, origin, dropped = extract_page(source)
    if not text.strip():
        raise ReadError("HTML 页面中没有可读的正文文字")
    return Document(path=path, text=text, encoding=encoding, reader="html", source=source, origin=origin,
                    dropped_text=dropped)


@hookimpl
def govlint_report_suffixes() -> list[str]:
    """Suffixes found by directory search."""
    return list(REPORT_SUFFIXES)
