"""``path:line:col: CODE message`` — flake8's format, what pre-commit shows."""

from __future__ import annotations

from govlint.output.base import Formatter


class ConciseFormatter(Formatter):
    """One line per diagnostic."""

    name = "concise"

    def render(self, result) -> None:
        write = self.stream.write
        for d in result.diagnostics:
            write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
