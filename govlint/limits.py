"""Resource limits on one input: how much govlint reads, unpacks and expands before it stops.

govlint runs unattended over whatever a crawler or an inbox delivers, so every read is
bounded: a file larger than ``max-file-size`` is not read past the limit, a ``.docx`` whose
members would inflate beyond ``max-unpacked-size`` (or by more than
``max-compression-ratio``) is not inflated, a PDF with more than ``max-pdf-pages`` pages or
more than ``max-pdf-stream-size`` of inflated streams is not extracted, and an HTML page is
built at most ``max-html-depth`` elements deep, with ``rowspan``/``colspan`` values up to
``max-table-span`` and at most ``max-table-cells`` cells per table once spans are expanded.
A file that hits a limit is unreadable (GOV001, exit 2) with a Chinese message naming the
limit and the setting that raises it.

The limits come from the configuration (see :mod:`govlint.config`); the runner makes the
file's limits current while its reader runs (:func:`using`), and readers ask :func:`current`
— the reader hook's signature (``path``, ``data``) stays what third-party readers implement.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator

from govlint.records import record

MB = 1024 * 1024


@record
class Limits:
    """The limits applied to one input (defaults: generous for any real report)."""

    #: Bytes read from a file or standard input (a real report is 10 KB – 5 MB).
    max_file_size: int = 20 * MB
    #: Total inflated size of a ``.docx`` package's members.
    max_unpacked_size: int = 100 * MB
    #: Inflated size / compressed size of one ``.docx`` member larger than 1 MB.
    max_compression_ratio: int = 200
    #: Pages of a PDF.
    max_pdf_pages: int = 150
    #: Total inflated size of a PDF's compressed streams.
    max_pdf_stream_size: int = 200 * MB
    #: Depth of the element tree built from an HTML page (deeper elements are kept, flattened).
    max_html_depth: int = 512
    #: Cells of one HTML table once ``rowspan``/``colspan`` are expanded.
    max_table_cells: int = 100_000
    #: A ``rowspan`` or ``colspan`` value.
    max_table_span: int = 1000


#: Configuration key → (field, kind): ``size`` values accept bytes or ``"20 MB"``.
SETTINGS: dict[str, tuple[str, str]] = {
    "max-file-size": ("max_file_size", "size"),
    "max-unpacked-size": ("max_unpacked_size", "size"),
    "max-compression-ratio": ("max_compression_ratio", "count"),
    "max-pdf-pages": ("max_pdf_pages", "count"),
    "max-pdf-stream-size": ("max_pdf_stream_size", "size"),
    "max-html-depth": ("max_html_depth", "count"),
    "max-table-cells": ("max_table_cells", "count"),
    "max-table-span": ("max_table_span", "count"),
}

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": MB, "mb": MB, "mib": MB,
          "g": 1024 * MB, "gb": 1024 * MB, "gib": 1024 * MB}
_SIZE_RE = re.compile(r"^\s*(\d{1,12})\s*([a-z]*)\s*$", re.IGNORECASE)


def parse_setting(kind: str, value: object) -> int:
    """A limit's value from the configuration; ``ValueError`` with what was expected."""
    if isinstance(value, bool):
        raise ValueError("应为正整数")
    if kind == "size" and isinstance(value, str):
        match = _SIZE_RE.match(value)
        unit = match.group(2).lower() if match else ""
        if not match or unit not in _UNITS:
            raise ValueError(f"应为大小，如 20971520 或 \"20 MB\"（单位：KB、MB、GB），实际为 {value!r}")
        value = int(match.group(1)) * _UNITS[unit]
    if not isinstance(value, int) or value <= 0:
        what = "正的字节数或如 \"20 MB\" 的大小" if kind == "size" else "正整数"
        raise ValueError(f"应为{what}，实际为 {value!r}")
    return value


def format_size(size: int) -> str:
    """A size for a message, exact: ``20 MB`` only when it is exactly 20 MB, else bytes.

    Two different sizes never print the same (``20.3 MB`` could be several sizes, and a
    rounded ``20 MB`` beside a limit of ``20 MB`` reads as no excess at all).
    """
    if size >= MB and size % MB == 0:
        return f"{size // MB} MB"
    if size >= MB:
        return f"{size:,} 字节（约 {size / MB:.1f} MB）"
    return f"{size:,} 字节"


_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar("govlint_limits", default=Limits())


def current() -> Limits:
    """The limits of the input being read (defaults outside a run)."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """Make ``limits`` current for the duration of the block (one input's read)."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)
