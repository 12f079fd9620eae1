"""Readers: bytes of one input format into a :class:`~govlint.document.Document`.

Readers are plugins: the host asks the first-result hook ``govlint_read`` and the first
reader that recognises the file wins, so a third-party package can add a format. Readers
that know a table's grid write one table row per line (cells joined by
``document.CELL_SEPARATOR``, empty cells as ``document.BLANK_CELL``) and keep an ``origin``
map from the text they produce to the original file, so positions point at the source.
"""

#: Built-in reader modules, registered by the host like any plugin. Each implements
#: ``govlint_read`` (returning ``None`` for files it does not handle) and imports its
#: third-party library only when it actually reads a file of its format (start-up time).
BUILTIN_READERS = (
    "govlint.readers.text",
    "govlint.readers.markdown",
    "govlint.readers.docx",
    "govlint.readers.pdf",
    "govlint.readers.html",
)
