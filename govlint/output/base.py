"""The formatter interface and the statistics shared by all text formats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.diagnostics import Diagnostic
    from govlint.results import FileResult, RunResult


class Formatter:
    """Base class: render a whole run to ``stream``.

    ``machine_readable`` formats (JSON, SARIF) must not be mixed with other text on the same
    stream, so ``--statistics`` and ``--count`` go to stderr for them.

    A ``streaming`` format writes each file's findings as soon as that file is done
    (:meth:`write_findings`, called in path order, then once more per file for what the
    cross-year stage adds) and nothing at the end; every other format is rendered once, at
    the end, from the compact results (:meth:`render`).
    """

    name = ""
    machine_readable = False
    streaming = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def render(self, result: "RunResult") -> None:
        """Write ``result`` to the stream."""
        raise NotImplementedError

    def write_findings(self, diagnostics: Sequence["Diagnostic"], file: "FileResult | None" = None) -> None:
        """Write some findings of one file (streaming formats)."""
        raise NotImplementedError


class LineFormatter(Formatter):
    """A streaming format that writes one line per finding (:meth:`line`)."""

    streaming = True

    def line(self, diagnostic: "Diagnostic") -> str:
        """The finding's line, with its newline."""
        raise NotImplementedError

    def render(self, result: "RunResult") -> None:
        self.write_findings(result.diagnostics)

    def write_findings(self, diagnostics: Sequence["Diagnostic"], file: "FileResult | None" = None) -> None:
        self.stream.write("".join(self.line(d) for d in diagnostics))


def render_statistics(result: "RunResult", stream: TextIO) -> None:
    """flake8-style statistics: count, code and summary per code, most frequent first."""
    counts = Counter(d.code for d in result.diagnostics)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = result.registry.get(code)
        summary = rule.summary if rule else ""
        stream.write(f"{count:<5} {code} {summary}\n")
