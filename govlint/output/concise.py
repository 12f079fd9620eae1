"""``path:line:col: CODE [严重程度] message`` — flake8's format, what pre-commit shows.

``path:line:col: CODE`` comes first, as editors and CI problem matchers parse it; the
severity follows in brackets so a reader tells errors (which fail the run) from warnings.
"""

from __future__ import annotations

from govlint.output.base import LineFormatter, place_suffix


class ConciseFormatter(LineFormatter):
    """One line per diagnostic (streamed: each file's lines as soon as it is checked)."""

    name = "concise"

    def line(self, d, place: str | None = None) -> str:
        return f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity_label}] {d.message}{place_suffix(place)}\n"
