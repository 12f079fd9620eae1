"""The concise line plus the source line and a caret under the finding.

Carets are aligned by *display width*: a Chinese character takes two terminal columns, a
tab is shown as four spaces. (flake8's caret is misaligned on CJK text.)
"""

from __future__ import annotations

import unicodedata

from govlint.output.base import Formatter, Places, place_suffix

TAB = "    "


def display_width(text: str) -> int:
    """Terminal columns taken by ``text`` (East Asian wide/full-width characters count 2)."""
    width = 0
    for ch in text:
        if ch == "\t":
            width += len(TAB)
        elif unicodedata.combining(ch):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 2
        else:
            width += 1
    return width


def caret_line(source: str, column: int, end_column: int) -> str:
    """Spaces up to ``column`` and carets to ``end_column`` (1-based, end exclusive)."""
    start = max(column - 1, 0)
    end = max(end_column - 1, start + 1)
    prefix = display_width(source[:start])
    marked = max(display_width(source[start:end]), 1)
    return " " * prefix + "^" * marked


class FullFormatter(Formatter):
    """Diagnostics with the offending source line and a caret."""

    name = "full"

    def render(self, result) -> None:
        write = self.stream.write
        lines_by_path = {f.path: f.lines for f in result.files}
        schemes = {f.path: f.scheme for f in result.files}
        place = Places(result)
        for d in result.diagnostics:
            write(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity_label}] {d.message}{place_suffix(place(d))}\n")
            source = lines_by_path.get(d.path, {}).get((d.line, d.column))
            if not source or not source.strip() or d.whole_file:  # no caret under unrelated text
                continue
            if schemes.get(d.path) == "page:line":
                # PDF: line is the page and column the line on it; underline the whole line.
                gutter = f"{d.line}:{d.column}"
                carets = caret_line(source, 1, len(source) + 1)
            else:
                gutter = str(d.line)
                end_column = d.end_column if d.end_line == d.line else len(source) + 1
                carets = caret_line(source, d.column, end_column)
            write(f"  {gutter} | {source.replace(chr(9), TAB)}\n")
            write(f"  {' ' * len(gutter)} | {carets}\n")
