"""The plain-text reader (.txt, .text and anything without a better reader).

Plain text needs no extraction: the document text is the decoded file, so positions map
one to one. It is registered ``trylast`` so that format-specific readers win (Markdown
files are read by :mod:`govlint.readers.markdown`). Inline directives are not honoured in
plain text: they belong to Markdown's comment syntax.
"""

from __future__ import annotations

import pluggy

from govlint.document import Document
from govlint.readers.decoding import decode_bytes

hookimpl = pluggy.HookimplMarker("govlint")

TEXT_SUFFIXES = [".txt", ".text"]


@hookimpl(trylast=True)
def govlint_read(path: str, data: bytes) -> Document:
    """Decode ``data`` as text (see :func:`decode_bytes`)."""
    text, encoding = decode_bytes(data)
    return Document(path=path, text=text, encoding=encoding, reader="text")


@hookimpl
def govlint_report_suffixes() -> list[str]:
    """Suffixes found by directory search."""
    return list(TEXT_SUFFIXES)
