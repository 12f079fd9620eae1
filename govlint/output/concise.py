"""``path:line:col: CODE [严重程度] message`` — flake8's format, what pre-commit shows.

``path:line:col: CODE`` comes first, as editors and CI problem matchers parse it; the
severity follows in brackets so a reader tells errors (which fail the run) from warnings.
"""

from __future__ import annotations

from govlint.output.base import Formatter, Places, place_suffix


class ConciseFormatter(Formatter):
    """One line per diagnostic."""

    name = "concise"

    def render(self, result) -> None:
        write = self.stream.write
        place = Places(result)
        for d in result.diagnostics:
            write(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity_label}] {d.message}{place_suffix(place(d))}\n")
