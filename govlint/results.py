"""The compact results of a run: what formatters, summaries, the cache and the baseline read.

A :class:`FileResult` holds one input's diagnostics and the few source lines they point
at, never the parsed report: a run over ten thousand reports keeps ten thousand of these,
so they must stay small (and picklable: worker processes send them to the lead).
"""

from __future__ import annotations

from govlint.diagnostics import Diagnostic
from govlint.records import factory, record
from govlint.rules import RuleRegistry


@record
class Failure:
    """Why one input was not (fully) checked.

    ``message`` is one line (Chinese reason, naming the reader, the parser or the rule and
    its plugin for an internal error); ``traceback`` is the formatted traceback of an
    internal error (shown with ``--debug``), ``None`` for a plain read error.
    """

    message: str
    traceback: str | None = None


@record
class FileResult:
    """Diagnostics of one input, plus the source lines they point at (for ``full``).

    ``lines`` is keyed by ``(line, column)`` because in the PDF ``page:line`` scheme a
    diagnostic's line is a page; ``scheme`` is the document's position scheme.
    ``failures`` says why the input was not (fully) checked (exit code 2).
    ``issuer``, ``year`` and ``template`` are the parser's facts, kept for per-file
    summaries (summary-csv, the HTML report) so they need not keep or re-parse the report.
    """

    path: str
    diagnostics: list[Diagnostic] = factory(list)
    lines: dict[tuple[int, int], str] = factory(dict)
    scheme: str = "line:column"
    failures: list[Failure] = factory(list)
    issuer: str | None = None
    year: int | None = None
    template: str | None = None
    #: The place in Word's terms (``第3段``, ``表2 第5行 第3列``) of each ``(line, column)``
    #: in ``lines``, for .docx inputs only (Document.place_of).
    places: dict[tuple[int, int], str] = factory(dict)

    @property
    def error(self) -> str | None:
        """The first failure's message (``None``: the input was fully checked)."""
        return self.failures[0].message if self.failures else None


@record
class RunResult:
    """Everything a formatter needs: per-file results (in input order) and the rule registry.

    ``skipped`` names the files found in directories and left out with a hint (legacy
    Word/WPS files): they count in the closing summary line.
    """

    files: list[FileResult]
    registry: RuleRegistry
    skipped: list[str] = factory(list)
    #: ``--exit-zero``: error-level findings do not make the exit code 1 (set by the CLI).
    exit_zero: bool = False

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics, sorted by path, line, column and code."""
        return sorted((d for f in self.files for d in f.diagnostics), key=lambda d: d.sort_key)

    @property
    def has_read_errors(self) -> bool:
        """Whether any input could not be read or fully checked (exit code 2)."""
        return any(f.failures for f in self.files)

    @property
    def has_errors(self) -> bool:
        """Whether any error-level diagnostic was reported (exit code 1)."""
        return any(d.is_error for f in self.files for d in f.diagnostics)

    @property
    def exit_code(self) -> int:
        """The run's exit code: 2 if an input was not (fully) checked, 1 for an error-level
        finding (unless ``exit_zero``), else 0 — what the CLI exits with and SARIF records."""
        if self.has_read_errors:
            return 2
        return 1 if self.has_errors and not self.exit_zero else 0
