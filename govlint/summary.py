"""Per-file and per-run summaries of a :class:`~govlint.runner.RunResult`.

One place computes what the summary outputs share: the ``summary-csv`` format (one row
per file), the HTML audit report (its file table, totals and rule chart) and the closing
summary line. It works on the results only (diagnostics plus the parser facts a
:class:`~govlint.runner.FileResult` carries), never on parsed reports, so it costs nothing
per file beyond the counts.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from govlint.diagnostics import Severity
from govlint.records import factory, record

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.runner import FileResult, RunResult

#: How many of a file's most frequent codes its summary names.
TOP_CODES = 3

#: Severities from the most to the least serious (the order of every summary column).
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@record
class FileSummary:
    """One input: the parser's facts about it and its findings counted by severity.

    ``error`` is why the file could not be read (``None`` when it was read);
    ``top_codes`` holds ``(code, count)`` of its most frequent codes, most frequent first.
    """

    path: str
    issuer: str | None = None
    year: int | None = None
    template: str | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    error: str | None = None
    top_codes: list[tuple[str, int]] = factory(list)

    @property
    def unreadable(self) -> bool:
        """Whether the file could not be read (it was not checked)."""
        return self.error is not None

    @property
    def findings(self) -> int:
        """All findings of the file, whatever their severity."""
        return self.errors + self.warnings + self.infos

    @property
    def clean(self) -> bool:
        """Read and without any finding."""
        return not self.unreadable and self.findings == 0

    def top_codes_text(self) -> str:
        """``GOV302:2 GOV501:1``: the most frequent codes with their counts."""
        return " ".join(f"{code}:{count}" for code, count in self.top_codes)


@record
class CodeCount:
    """How often one code was reported in the run, and at which severity.

    ``severity`` is the most serious severity it was reported with (a per-file setting may
    change a rule's severity for some files only).
    """

    code: str
    count: int
    severity: Severity
    files: int = 0


@record
class RunSummary:
    """Totals of a run: files by outcome, findings by severity and by code."""

    files: list[FileSummary]
    codes: list[CodeCount] = factory(list)

    @property
    def checked(self) -> int:
        """Inputs given (read or not)."""
        return len(self.files)

    @property
    def clean(self) -> int:
        """Files read without any finding."""
        return sum(1 for f in self.files if f.clean)

    @property
    def with_errors(self) -> int:
        """Files read with at least one error-level finding."""
        return sum(1 for f in self.files if not f.unreadable and f.errors)

    @property
    def unreadable(self) -> int:
        """Files that could not be read."""
        return sum(1 for f in self.files if f.unreadable)

    @property
    def errors(self) -> int:
        """Error-level findings of the run."""
        return sum(f.errors for f in self.files)

    @property
    def warnings(self) -> int:
        """Warning-level findings of the run."""
        return sum(f.warnings for f in self.files)

    @property
    def infos(self) -> int:
        """Info-level findings of the run."""
        return sum(f.infos for f in self.files)

    @property
    def findings(self) -> int:
        """All findings of the run."""
        return self.errors + self.warnings + self.infos


def summarize_file(result: "FileResult") -> FileSummary:
    """The summary of one file's result."""
    by_severity = Counter(d.severity for d in result.diagnostics)
    by_code = Counter(d.code for d in result.diagnostics)
    top = sorted(by_code.items(), key=lambda item: (-item[1], item[0]))[:TOP_CODES]
    return FileSummary(
        path=result.path,
        issuer=result.issuer,
        year=result.year,
        template=result.template,
        errors=by_severity[Severity.ERROR],
        warnings=by_severity[Severity.WARNING],
        infos=by_severity[Severity.INFO],
        error=result.error,
        top_codes=top,
    )


def count_codes(result: "RunResult") -> list[CodeCount]:
    """Findings per code, most frequent first (ties by code)."""
    counts: dict[str, CodeCount] = {}
    files: dict[str, set[str]] = {}
    for file_result in result.files:
        for d in file_result.diagnostics:
            entry = counts.get(d.code)
            if entry is None:
                entry = counts[d.code] = CodeCount(d.code, 0, d.severity)
            entry.count += 1
            if SEVERITY_ORDER.index(d.severity) < SEVERITY_ORDER.index(entry.severity):
                entry.severity = d.severity
            files.setdefault(d.code, set()).add(file_result.path)
    for code, entry in counts.items():
        entry.files = len(files[code])
    return sorted(counts.values(), key=lambda c: (-c.count, c.code))


def summarize(result: "RunResult") -> RunSummary:
    """Per-file summaries in the run's file order, and the per-code counts."""
    return RunSummary([summarize_file(f) for f in result.files], count_codes(result))


def summary_line(result: "RunResult") -> str:
    """The closing line of a text run (stderr), e.g.
    ``已检查 44 个文件：无问题 30，有错误 9，仅有警告或提示 0，无法读取 2，跳过 3；错误 25，警告 12，提示 4``.

    Files are counted once each: read without findings, with an error-level finding, with
    warnings or infos only, not (fully) read, and skipped (legacy Office files found in a
    directory); findings are counted by severity.
    """
    run = summarize(result)
    skipped = len(result.skipped)
    warned = sum(1 for f in run.files if not f.unreadable and not f.errors and f.findings)
    return (f"已检查 {run.checked + skipped} 个文件：无问题 {run.clean}，有错误 {run.with_errors}，"
            f"仅有警告或提示 {warned}，无法读取 {run.unreadable}，跳过 {skipped}；"
            f"错误 {run.errors}，警告 {run.warnings}，提示 {run.infos}")
