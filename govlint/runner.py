"""Run the pipeline over input paths: read → parse → rules → diagnostics.

The runner never prints: it returns a :class:`RunResult` that formatters render as a
whole. Unreadable files do not stop the run; they become GOV001 diagnostics and make the
exit code 2. A rule that raises stops the run (exit 2, naming the rule and the file):
silently skipping a crashed check would report a clean file that was never checked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from govlint.diagnostics import Diagnostic, Severity, Violation
from govlint.document import Document
from govlint.errors import GovlintError, InputError, ReadError
from govlint.host import Host, PluginInfo
from govlint.model import Report
from govlint.parser import parse
from govlint.records import factory, record
from govlint.rules import Rule, RuleRegistry, resolve_options
from govlint.settings import FileSettings, SettingsResolver

UNREADABLE_CODE = "GOV001"
UNUSED_SUPPRESSION_CODE = "GOV901"
STDIN = "-"


@record
class FileResult:
    """Diagnostics of one input, plus the source lines they point at (for ``full``).

    ``lines`` is keyed by ``(line, column)`` because in the PDF ``page:line`` scheme a
    diagnostic's line is a page; ``scheme`` is the document's position scheme.
    ``issuer``, ``year`` and ``template`` are the parser's facts, kept for per-file
    summaries (summary-csv, the HTML report) so they need not keep or re-parse the report.
    """

    path: str
    diagnostics: list[Diagnostic] = factory(list)
    lines: dict[tuple[int, int], str] = factory(dict)
    scheme: str = "line:column"
    error: str | None = None
    issuer: str | None = None
    year: int | None = None
    template: str | None = None


@record
class RunResult:
    """Everything a formatter needs: per-file results and the rule registry."""

    files: list[FileResult]
    registry: RuleRegistry

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics, sorted by path, line, column and code."""
        return sorted((d for f in self.files for d in f.diagnostics), key=lambda d: d.sort_key)

    @property
    def has_read_errors(self) -> bool:
        """Whether any input could not be read (exit code 2)."""
        return any(f.error for f in self.files)

    @property
    def has_errors(self) -> bool:
        """Whether any error-level diagnostic was reported (exit code 1)."""
        return any(d.is_error for f in self.files for d in f.diagnostics)


class RuleCrash(GovlintError):
    """A rule raised an exception: an internal error of that plugin."""


@record
class Input:
    """One input to check: a file path, or standard input under a display name."""

    display: str
    path: Path | None
    data: bytes | None = None


def collect_inputs(
    paths: Iterable[str],
    suffixes: set[str],
    resolver: SettingsResolver,
    stdin_filename: str | None = None,
) -> list[Input]:
    """Expand command-line paths: files as given, directories searched for report files.

    Hidden directories (``.git``) are not searched. A directory in which nothing is a report
    is an error: the user almost certainly pointed at the wrong place.
    """
    inputs: list[Input] = []
    for raw in paths:
        if raw == STDIN:
            display = stdin_filename or "<stdin>"
            inputs.append(Input(display, Path(stdin_filename) if stdin_filename else None, sys.stdin.buffer.read()))
            continue
        path = Path(raw)
        if path.is_dir():
            found = list(_walk(path, suffixes, resolver))
            if not found:
                names = ", ".join(sorted(suffixes))
                raise InputError(f"{raw}: no report files ({names}) found in this directory")
            inputs.extend(Input(str(p), p) for p in found)
        elif path.exists() and resolver.is_excluded(path):
            continue
        else:
            inputs.append(Input(raw, path))
    return inputs


def _walk(root: Path, suffixes: set[str], resolver: SettingsResolver) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root):
        base = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and not resolver.is_excluded(base / d)
        )
        for name in sorted(files):
            candidate = base / name
            if candidate.suffix.lower() in suffixes and not resolver.is_excluded(candidate):
                yield candidate


def read_input(host: Host, item: Input) -> Document:
    """Read and decode one input through the reader hooks (raises :class:`ReadError`)."""
    data = item.data
    if data is None:
        assert item.path is not None
        try:
            data = item.path.read_bytes()
        except FileNotFoundError:
            raise ReadError("文件不存在") from None
        except IsADirectoryError:
            raise ReadError("是目录，不是文件") from None
        except PermissionError:
            raise ReadError("没有读取权限") from None
        except OSError as exc:
            raise ReadError(f"无法读取：{exc.strerror or exc}") from None
    document = host.pm.hook.govlint_read(path=item.display, data=data)
    if document is None:
        raise ReadError("没有能读取此文件格式的读取器")
    return document


def run_rules(report: Report, rules: Iterable[Rule], settings: FileSettings,
              plugins: Mapping[str, PluginInfo] | None = None) -> list[Diagnostic]:
    """Apply the selected rules to one report.

    ``plugins`` (the host's loaded plugins) lets a crash name the plugin's distribution
    and version.
    """
    diagnostics: list[Diagnostic] = []
    report.allowances = settings.allowances_for(report)  # what the enabled province packs accept
    for target in rules:
        if target.scope == "pair" and report.previous is None:
            continue
        if not target.applies_to(report.template) or not target.in_scope(report):
            continue  # a pre-2019 report is not held to the six parts; a pack rule skips other provinces
        options = resolve_options(target, settings.rule_options.get(target.code))
        severity = settings.selection.severity_for(target.code, target.severity)
        try:
            violations = list(target.check(report, options))
            # A rule that yields something other than a Violation is a bug of that rule too.
            made = [make_diagnostic(report.path, target, v, severity) for v in violations]
        except Exception as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            info = (plugins or {}).get(target.plugin)
            who = info.describe() if info is not None else repr(target.plugin)
            raise RuleCrash(
                f"rule {target.code} ({target.name}, plugin {who}) failed on {report.path}: "
                f"{type(exc).__name__}{': ' + detail if detail else ''}"
            ) from exc
        diagnostics.extend(made)
    return diagnostics


def make_diagnostic(path: str, target: Rule, violation: Violation, severity: Severity) -> Diagnostic:
    """Attach rule identity and the effective severity to a violation."""
    span = violation.span
    line, column = (span.line, span.column) if span else (1, 1)
    end_line, end_column = (span.end_line, span.end_column) if span else (1, 1)
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=target.code,
        message=violation.message,
        severity=severity,
        name=target.name,
        end_line=end_line,
        end_column=end_column,
        plugin=target.plugin,
        url=target.url,
    )


@record
class Checked:
    """One checked input: its result, and (when pair rules may apply) its parsed report."""

    result: FileResult
    report: Report | None = None
    settings: FileSettings | None = None
    pair_rules: list[Rule] = factory(list)


def apply_suppressions(result: FileResult, report: Report, final: bool,
                       host: Host | None = None, settings: FileSettings | None = None) -> None:
    """Drop diagnostics silenced by the document's directives; when ``final``, report unused ones.

    Called after the single-report rules and again (``final``) after the cross-year rules,
    so a directive counts as used whichever stage produced the diagnostic it silences.
    """
    suppressions = report.document.suppressions
    if not suppressions:
        return
    kept = []
    for diagnostic in result.diagnostics:
        hit = next((s for s in suppressions if s.covers(diagnostic.code, diagnostic.line)), None)
        if hit is None or diagnostic.code == UNUSED_SUPPRESSION_CODE:
            kept.append(diagnostic)
        else:
            hit.used = True
    result.diagnostics = kept
    if not final or host is None or settings is None:
        return
    target = host.registry.get(UNUSED_SUPPRESSION_CODE)
    if target is None or not settings.selection.is_selected(UNUSED_SUPPRESSION_CODE):
        return
    severity = settings.selection.severity_for(target.code, target.severity)
    for suppression in suppressions:
        if suppression.used:
            continue
        what = "、".join(suppression.codes) if suppression.codes else "任何诊断"
        where = (f"第{suppression.first_line}行" if suppression.first_line == suppression.last_line
                 else f"第{suppression.first_line}–{suppression.last_line}行")
        message = f"抑制指令「{suppression.text}」在{where}没有抑制{what}，可以删除"
        result.diagnostics.append(make_diagnostic(result.path, target, Violation(message, suppression.span), severity))
    result.diagnostics.sort(key=lambda d: d.sort_key)


def _record_lines(result: FileResult, report: Report) -> None:
    document = report.document
    result.scheme = document.position_scheme
    for diagnostic in result.diagnostics:
        key = (diagnostic.line, diagnostic.column)
        if key not in result.lines:
            result.lines[key] = document.line_at(diagnostic.line, diagnostic.column)


def check_one(host: Host, resolver: SettingsResolver, item: Input) -> Checked:
    """Read, parse and apply the single-report rules to one input."""
    settings = resolver.for_file(item.path)
    registry = host.registry
    result = FileResult(item.display)
    try:
        document = read_input(host, item)
    except ReadError as exc:
        result.error = str(exc)
        unreadable = registry.get(UNREADABLE_CODE)
        if unreadable is not None and settings.selection.is_selected(UNREADABLE_CODE):
            severity = settings.selection.severity_for(UNREADABLE_CODE, unreadable.severity)
            message = f"无法读取文件：{exc}"
            result.diagnostics.append(make_diagnostic(item.display, unreadable, Violation(message), severity))
        return Checked(result)
    report = parse(document)
    result.issuer, result.year, result.template = report.issuer, report.year, report.template
    host_emitted = (UNREADABLE_CODE, UNUSED_SUPPRESSION_CODE)
    selected = [r for r in registry if settings.selection.is_selected(r.code) and r.code not in host_emitted]
    single = [r for r in selected if r.scope != "pair"]
    pair = [r for r in selected if r.scope == "pair"]
    result.diagnostics = sorted(run_rules(report, single, settings, host.plugins), key=lambda d: d.sort_key)
    apply_suppressions(result, report, final=not pair, host=host, settings=settings)
    _record_lines(result, report)
    # Keep the parsed report only if a cross-year rule may need it.
    return Checked(result, report if pair else None, settings, pair)


def check_input(host: Host, resolver: SettingsResolver, item: Input) -> FileResult:
    """Check one input on its own (no cross-year pairing) and return its result."""
    checked = check_one(host, resolver, item)
    if checked.report is not None:  # the cross-year stage will not run: finish suppressions now
        apply_suppressions(checked.result, checked.report, final=True, host=host, settings=checked.settings)
        _record_lines(checked.result, checked.report)
    return checked.result


def issuer_key(issuer: str | None) -> str | None:
    """The issuer's name compared across years: no whitespace or punctuation."""
    if not issuer:
        return None
    from govlint.parser.normalize import label_key

    return label_key(issuer) or None


class YearIndex:
    """Parsed reports by (issuer, year), to find each report's predecessor."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, int], list[Report]] = {}
        self._by_year: dict[int, list[Report]] = {}

    def add(self, report: Report) -> None:
        """Index a report that has a year (and, ideally, an issuer)."""
        if report.year is None:
            return
        self._by_year.setdefault(report.year, []).append(report)
        key = issuer_key(report.issuer)
        if key:
            self._by_key.setdefault((key, report.year), []).append(report)

    def previous_of(self, report: Report, explicit: list[Report]) -> Report | None:
        """The same issuer's report for the year before, if exactly one is known.

        With ``--previous`` naming a single previous-year report and no issuer to match on,
        that report is used: the user said which report precedes this one.
        """
        if report.year is None:
            return None
        key = issuer_key(report.issuer)
        if key:
            candidates = [r for r in self._by_key.get((key, report.year - 1), []) if r is not report]
            if len(candidates) == 1:
                return candidates[0]
            if candidates:
                return None  # ambiguous: say nothing rather than compare with the wrong report
        unnamed = [r for r in explicit if r.year == report.year - 1]
        if len(explicit) == 1 and len(unnamed) == 1 and (key is None or issuer_key(unnamed[0].issuer) is None):
            return unnamed[0]
        return None


def _identity(item: Input) -> Path | None:
    """The file an input reads (resolved), or ``None`` for standard input."""
    if item.path is None or item.data is not None:
        return None
    try:
        return item.path.resolve()
    except OSError:
        return None


def check(host: Host, resolver: SettingsResolver, inputs: list[Input], previous: list[Input] = ()) -> RunResult:
    """Check every input; then apply cross-year rules to reports whose predecessor is known.

    Predecessors come from the same run (reports of consecutive years of one issuer) and
    from ``previous`` (reports parsed only as predecessors, never reported on). Previous
    reports that cannot be read are reported as errors like any other input.
    """
    checked = [check_one(host, resolver, item) for item in inputs]
    results = [c.result for c in checked]
    pending = [c for c in checked if c.report is not None and c.pair_rules]
    # Previous reports are read even when no cross-year rule runs: an unreadable one is an
    # error whatever the selection. A file that is also an input (``check DIR --previous
    # DIR/2022.txt``) or is given twice is used once: indexing it twice would make its year
    # look ambiguous and silence every pair.
    as_input = {_identity(item): c.report for item, c in zip(inputs, checked) if _identity(item) is not None}
    seen: set[Path] = set()
    documents = []
    named: list[Report] = []  # --previous files that are also inputs (already indexed)
    for item in previous:
        identity = _identity(item)
        if identity is not None and identity in seen:
            continue
        if identity is not None:
            seen.add(identity)
        if identity is not None and identity in as_input:
            if as_input[identity] is not None:
                named.append(as_input[identity])
            continue
        try:
            documents.append(read_input(host, item))
        except ReadError as exc:
            results.append(FileResult(item.display, error=f"{exc}（--previous）"))
    if not pending:
        return RunResult(results, host.registry)
    # (unused suppressions of these files are reported after the cross-year rules)
    index = YearIndex()
    for item in pending:
        index.add(item.report)
    parsed = [parse(document) for document in documents]
    for report in parsed:
        index.add(report)
    explicit: list[Report] = named + parsed
    for item in pending:
        item.report.previous = index.previous_of(item.report, explicit)
        if item.report.previous is not None:
            extra = run_rules(item.report, item.pair_rules, item.settings, host.plugins)
            item.result.diagnostics = sorted(item.result.diagnostics + extra, key=lambda d: d.sort_key)
        apply_suppressions(item.result, item.report, final=True, host=host, settings=item.settings)
        _record_lines(item.result, item.report)
    return RunResult(results, host.registry)
