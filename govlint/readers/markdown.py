"""The Markdown reader (.md, .markdown): pipe tables as grids, headings, inline directives.

The document text is the Markdown source with the markup the parser should not see taken
out, every kept character mapped back to its offset in the ``.md`` file (positions are the
file's ``line:column``):

* pipe-table rows become one line of cells joined by :data:`~govlint.document.CELL_SEPARATOR`
  (the leading and trailing ``|`` dropped, each cell trimmed); the rule line under the
  header (``|---|:---:|``) is dropped. Markdown has no merged cells, so authors leave the
  cells under a merged label empty: an empty cell is written as
  :data:`~govlint.document.BLANK_CELL` (at the position just after its opening ``|``) only
  where a value belongs — in a row that holds values, in a column that holds a value in
  some row; elsewhere (label columns, caption and header rows) it contributes nothing, like
  a merged cell;
* heading markers (``## ``, closing ``#``), setext underlines and thematic breaks, code-fence
  lines, ``**``/``__`` emphasis, ``<br>`` and backslash escapes are dropped;
* HTML comments are dropped. Those that are govlint directives become
  :class:`~govlint.document.Suppression` s (lines of the original file):

  ``<!-- govlint-disable GOV301 -->`` … ``<!-- govlint-enable -->``
      silences the codes on the lines from the ``disable`` to the ``enable`` line; a
      ``disable`` never enabled again runs to the end of the file. ``govlint-enable`` without
      codes ends every open ``disable``; with codes it ends the ``disable`` s naming any of them.
  ``<!-- govlint-ignore GOV601 -->``
      silences the codes on the next line that has content (comment-only lines skipped).

  Codes (or code prefixes such as ``GOV3``) are optional and separated by commas or spaces;
  without codes a directive silences every code. A directive that silences nothing is
  reported as GOV901 at the directive. Directives are honoured in Markdown files only.
"""

from __future__ import annotations

import pluggy

from govlint.document import Document
from govlint.errors import ReadError
from govlint.readers.decoding import decode_bytes

hookimpl = pluggy.HookimplMarker("govlint")

MARKDOWN_SUFFIXES = [".md", ".markdown"]


@hookimpl
def govlint_read(path: str, data: bytes) -> Document | None:
    """Read ``.md``/``.markdown`` files; leave every other file to the next reader."""
    if not path.lower().endswith(tuple(MARKDOWN_SUFFIXES)):
        return None
    source, encoding = decode_bytes(data)
    from govlint.readers.markdown_convert import convert  # imported when a .md is read (start-up time)

    text, origin, suppressions = convert(source)
    if not text.strip():
        raise ReadError("Markdown 文件除注释和标记外没有内容")
    return Document(path=path, text=text, encoding=encoding, reader="markdown", source=source,
                    origin=origin, suppressions=suppressions)


@hookimpl
def govlint_report_suffixes() -> list[str]:
    """Suffixes found by directory search."""
    return list(MARKDOWN_SUFFIXES)
