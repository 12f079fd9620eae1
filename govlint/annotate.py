"""Findings as Word comments: ``govlint annotate report.docx`` (for drafters who work in Word).

A drafter reads findings where they write: each finding becomes a comment, authored
"govlint", anchored at the paragraph or table cell it is about, in a *copy* of the document.
The original is never written to (the copy is made from the bytes read, and an output path
that is the input is refused).

Positions of .docx findings are ``block:character`` (see :mod:`govlint.readers.docx`): the
block is a paragraph or a table row in document order, walked here by the reader's own
:func:`~govlint.readers.docx.body_blocks`, so a finding's block is found exactly; in a table
row the character offset says which cell (cells are joined by the cell separator).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govlint.diagnostics import Diagnostic
from govlint.document import CELL_SEPARATOR
from govlint.errors import InputError

AUTHOR = "govlint"
INITIALS = "GL"


def default_output(path: Path) -> Path:
    """``报告.docx`` → ``报告.checked.docx`` beside it."""
    return path.with_name(f"{path.stem}.checked{path.suffix}")


def comment_text(diagnostic: Diagnostic) -> str:
    """What the comment says: code, severity and message."""
    return f"{diagnostic.code}［{diagnostic.severity_label}］{diagnostic.message}"


def annotate(data: bytes, diagnostics: Iterable[Diagnostic], block_texts: list[str]) -> tuple[bytes, int]:
    """A copy of the .docx ``data`` with one comment per diagnostic; returns it and the count.

    ``block_texts`` are the reader's lines (one per block), used to find the cell of a
    table-row finding from its character offset.
    """
    import docx
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from govlint.readers.docx import body_blocks

    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    blocks = list(body_blocks(body))
    count = 0
    for diagnostic in diagnostics:
        target = _target(blocks, block_texts, diagnostic)
        if target is None:
            continue
        element, is_cell = target
        paragraph = _paragraph(_Cell(element, word) if is_cell else None, Paragraph(element, word) if not is_cell else None)
        runs = paragraph.runs or [paragraph.add_run("")]
        word.add_comment(runs, text=comment_text(diagnostic), author=AUTHOR, initials=INITIALS)
        count += 1
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), count


def _paragraph(cell: Any, paragraph: Any) -> Any:
    """The paragraph to anchor on: the given one, or the cell's first paragraph with text."""
    if paragraph is not None:
        return paragraph
    paragraphs = cell.paragraphs
    return next((p for p in paragraphs if p.text.strip()), paragraphs[0])


def _target(blocks: list, block_texts: list[str], diagnostic: Diagnostic) -> tuple[Any, bool] | None:
    """The paragraph or cell element a finding is about (a whole-file finding: the first text)."""
    index = diagnostic.line - 1
    if not 0 <= index < len(blocks):
        return None
    if diagnostic.whole_file:  # no place in the file: anchor on the first paragraph with text
        for (element, cells, _, _), text in zip(blocks, block_texts):
            if not cells and text.strip():
                return element, False
    element, cells, _, _ = blocks[index]
    if not cells:
        return element, False
    text = block_texts[index] if index < len(block_texts) else ""
    position, offset = 0, diagnostic.column - 1
    for cell_number, part in enumerate(text.split(CELL_SEPARATOR)):
        end = position + len(part)
        if offset <= end and cell_number < len(cells):
            return cells[cell_number], True
        position = end + len(CELL_SEPARATOR)
    return cells[-1], True


def refuse_overwrite(source: Path, output: Path) -> None:
    """Never write over the document being annotated."""
    try:
        same = output.exists() and output.resolve() == source.resolve() or (
            output.exists() and output.samefile(source)
        )
    except OSError:
        same = False
    if same or output.resolve() == source.resolve():
        raise InputError(f"{output}: 输出文件不能是被检查的文件本身（govlint 不会修改原文件）")
