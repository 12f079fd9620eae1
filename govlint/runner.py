"""Run the pipeline over input paths: read → parse → rules → diagnostics.

The runner never prints: it returns a :class:`RunResult` that formatters render as a
whole. One bad file never stops the run: whatever goes wrong with one input — it cannot
be read (:class:`~govlint.errors.ReadError`), or a reader, the parser or a rule raises (an
internal error) — becomes a GOV001 diagnostic for that file and a :class:`Failure`
(one line naming the file and what failed, plus the traceback for ``--debug``), makes the
exit code 2, and every other file is still checked and reported. A rule that raises is
reported with its code, name and plugin; the file's other rules still run (silently
skipping a crashed check would report a file as clean that was never fully checked).

Reads are bounded (:mod:`govlint.readers.files`, :mod:`govlint.limits`) and the warnings
and log records of third-party libraries (pdfminer's "Could not get FontBBox") are captured
while a file is read and checked, so every error stays one line.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from govlint import limits as _limits
from govlint.diagnostics import Diagnostic, Severity, Violation
from govlint.document import Document
from govlint.errors import ConfigError, GovlintError, InputError, ReadError, escape_control, one_line
from govlint.host import Host, PluginInfo
from govlint.model import Report
from govlint.parser import parse
from govlint.readers.files import read_file, read_stdin
from govlint.records import factory, record
from govlint.rules import Rule, RuleRegistry, resolve_options
from govlint.settings import FileSettings, SettingsResolver

UNREADABLE_CODE = "GOV001"
UNUSED_SUPPRESSION_CODE = "GOV901"
STDIN = "-"

T = TypeVar("T")


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

    @property
    def error(self) -> str | None:
        """The first failure's message (``None``: the input was fully checked)."""
        return self.failures[0].message if self.failures else None


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
        """Whether any input could not be read or fully checked (exit code 2)."""
        return any(f.failures for f in self.files)

    @property
    def has_errors(self) -> bool:
        """Whether any error-level diagnostic was reported (exit code 1)."""
        return any(d.is_error for f in self.files for d in f.diagnostics)


class RuleCrash(GovlintError):
    """A rule raised an exception (no longer raised: a crash is a :class:`Failure` of its file)."""


@record
class Input:
    """One input to check: a file path, or standard input under a display name.

    ``display`` is the name used in every message, with control characters escaped
    (:func:`~govlint.errors.escape_control`), so a file name holding a newline cannot break
    a one-line message. ``data`` holds the bytes when the caller already has them; standard
    input (``stdin``) is read, bounded, only when the input is checked.
    """

    display: str
    path: Path | None
    data: bytes | None = None
    stdin: bool = False


def real_path(path: Path) -> Path:
    """``path`` with symbolic links resolved; never raises (a symlink loop stays as it is).

    ``Path.resolve`` raises ``RuntimeError`` on a symlink loop (Python 3.11), which would
    make one bad link in a directory stop the whole run.
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a directory; ``False`` when it cannot be looked at (the read reports why)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _excluded(resolver: SettingsResolver, path: Path) -> bool:
    """``resolver.is_excluded``; a path whose configuration file is broken is not excluded
    (its check reports the broken configuration, see :func:`settings_for`)."""
    try:
        return resolver.is_excluded(path)
    except ConfigError:
        return False


def settings_for(resolver: SettingsResolver, item: Input, failures: list[Failure]) -> FileSettings:
    """The settings of ``item``'s file; with a broken configuration file for it, a failure.

    The configuration of the current directory is validated before the run (a mistake
    there stops it); a broken one deeper in a checked tree fails only the files it governs,
    which are then reported under the current directory's settings (GOV001) and not checked.
    """
    try:
        return resolver.for_file(item.path)
    except ConfigError as exc:
        failures.append(Failure(f"配置文件无效，未检查：{one_line(str(exc))}"))
        return resolver.for_file(None)


def collect_inputs(
    paths: Iterable[str],
    suffixes: set[str],
    resolver: SettingsResolver,
    stdin_filename: str | None = None,
) -> list[Input]:
    """Expand command-line paths: files as given, directories searched for report files.

    Hidden directories (``.git``) are not searched. A directory in which nothing is a report
    is an error: the user almost certainly pointed at the wrong place. Nothing is read here
    (standard input included), so ``--output-file`` can be checked against the inputs first.
    """
    inputs: list[Input] = []
    for raw in paths:
        if raw == STDIN:
            display = escape_control(stdin_filename) if stdin_filename else "<stdin>"
            inputs.append(Input(display, Path(stdin_filename) if stdin_filename else None, None, True))
            continue
        path = Path(raw)
        if _is_dir(path):
            found = list(_walk(path, suffixes, resolver))
            if not found:
                names = ", ".join(sorted(suffixes))
                raise InputError(f"{escape_control(raw)}: no report files ({names}) found in this directory")
            inputs.extend(Input(escape_control(str(p)), p) for p in found)
        elif _exists(path) and _excluded(resolver, path):
            continue
        else:
            inputs.append(Input(escape_control(raw), path))
    return inputs


def _walk(root: Path, suffixes: set[str], resolver: SettingsResolver) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root):
        base = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and not _excluded(resolver, base / d)
        )
        for name in sorted(files):
            candidate = base / name
            if candidate.suffix.lower() in suffixes and not _excluded(resolver, candidate):
                yield candidate


def would_collect(root: Path, candidate: Path, suffixes: set[str], resolver: SettingsResolver) -> bool:
    """Whether searching directory ``root`` would pick up file ``candidate`` (as :func:`_walk` does)."""
    base, target = real_path(root), real_path(candidate)
    try:
        relative = target.relative_to(base)
    except ValueError:
        return False
    if not relative.parts or target.suffix.lower() not in suffixes:
        return False
    if any(part.startswith(".") for part in relative.parts[:-1]):
        return False
    return not _excluded(resolver, candidate)


def _same_file(a: Path, b: Path) -> bool:
    """Same resolved path, or (hard links) the same inode."""
    if real_path(a) == real_path(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def output_conflict(output: Path, paths: Iterable[str], inputs: Iterable[Input], suffixes: set[str],
                    resolver: SettingsResolver) -> str | None:
    """Why writing the report to ``output`` would touch an input (``None``: it would not).

    Refused: ``output`` is an input (same resolved path or same inode, ``--previous``
    files included), or lies inside a checked directory where it would be picked up as a
    report by the next run.
    """
    for item in inputs:
        if item.path is not None and not item.stdin and _same_file(output, item.path):
            return f"it is the input {item.display}"
    for raw in paths:
        if raw != STDIN and _is_dir(Path(raw)) and would_collect(Path(raw), output, suffixes, resolver):
            return f"it is inside the checked directory {escape_control(raw)} and would be read as a report"
    return None


def read_input(host: Host, item: Input) -> Document:
    """Read and decode one input through the reader hooks (raises :class:`ReadError`).

    Only a regular file is opened, and no more than the current ``max-file-size`` is read
    (:mod:`govlint.readers.files`).
    """
    limit = _limits.current().max_file_size
    data = item.data
    if data is None:
        if item.stdin:
            data = read_stdin(sys.stdin.buffer, limit)
        else:
            assert item.path is not None
            data = read_file(item.path, limit)
    document = host.pm.hook.govlint_read(path=item.display, data=data)
    if document is None:
        raise ReadError("没有能读取此文件格式的读取器")
    return document


# --------------------------------------------------------------------------- isolation


class _Collected(logging.Handler):
    """Keeps the log records of third-party libraries instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 100:
            self.records.append(record)


@contextlib.contextmanager
def captured_output() -> Iterator[_Collected]:
    """Capture warnings and log records (pdfminer's "Could not get FontBBox") while a file is handled.

    Python prints an unhandled warning or a log record without a handler to stderr, which
    would break the one-line contract of govlint's errors.
    """
    handler = _Collected()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield handler
    finally:
        root.removeHandler(handler)


def _detail(exc: BaseException) -> str:
    """``ExceptionClass: first line of the message`` (one line, control characters escaped)."""
    text = (str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)).strip()
    first = one_line(text.splitlines()[0]) if text else ""
    if len(first) > 200:
        first = first[:200] + "…"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _reader_of(host: Host, exc: BaseException) -> str | None:
    """The plugin whose ``govlint_read`` implementation raised ``exc`` (found in the traceback)."""
    owners = {}
    for impl in host.pm.hook.govlint_read.get_hookimpls():
        code = getattr(impl.function, "__code__", None)
        if code is not None:
            owners[code] = impl.plugin_name
    found = None
    tb = exc.__traceback__
    while tb is not None:
        found = owners.get(tb.tb_frame.f_code, found)
        tb = tb.tb_next
    return found


def _describe_plugin(host: Host, name: str | None) -> str:
    if name is None:
        return "未知插件"
    info = host.plugins.get(name)
    return f"插件 {info.describe()}" if info is not None else f"内置插件 {name}"


#: What an internal error in each stage leaves unchecked.
NOT_CHECKED = "本文件未被检查"
RULE_NOT_CHECKED = "该规则的检查未完成，其余规则照常运行"
_LINES_INCOMPLETE = "抑制指令和源码行可能未处理"


def internal_failure(what: str, exc: BaseException, consequence: str = NOT_CHECKED) -> Failure:
    """A :class:`Failure` for an exception raised by ``what`` (a reader, the parser, a rule)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Failure(f"{what}内部错误（{_detail(exc)}），{consequence}", text)


def guarded(action: Callable[[], T], what: str, failures: list[Failure], consequence: str = NOT_CHECKED) -> T | None:
    """``action()``, or ``None`` with an internal failure of ``what`` recorded when it raises."""
    try:
        return action()
    except Exception as exc:  # noqa: BLE001 - any bug of a reader, the parser or a plugin
        failures.append(internal_failure(what, exc, consequence))
        return None


def rule_owner(host_plugins: Mapping[str, PluginInfo] | None, target: Rule) -> str:
    """``规则 GOV408 premature-date（插件 'dates' (govlint 0.1.0)）``: who failed, for messages."""
    info = (host_plugins or {}).get(target.plugin)
    who = info.describe() if info is not None else repr(target.plugin)
    return f"规则 {target.code} {target.name}（插件 {who}）"


def run_rules(report: Report, rules: Iterable[Rule], settings: FileSettings,
              plugins: Mapping[str, PluginInfo] | None = None,
              failures: list[Failure] | None = None) -> list[Diagnostic]:
    """Apply the selected rules to one report.

    A rule that raises (or yields something other than a :class:`Violation`) adds a
    :class:`Failure` naming the rule and its plugin (``plugins``: the host's loaded
    plugins) to ``failures`` and contributes no diagnostic; the other rules still run.
    Without ``failures`` the exception propagates (as :class:`RuleCrash`).
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
        except Exception as exc:  # noqa: BLE001 - any bug of any plugin's rule
            failure = internal_failure(rule_owner(plugins, target), exc, RULE_NOT_CHECKED)
            if failures is None:
                raise RuleCrash(f"{report.path}: {failure.message}") from exc
            failures.append(failure)
            continue
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
        message=one_line(violation.message),  # a quoted U+2028 or form feed must not split the line
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
    #: govlint.cache: the entry key of this input (``None``: not cached) and whether it was a hit.
    cache_key: str | None = None
    from_cache: bool = False


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
        if hit is None or diagnostic.code in (UNUSED_SUPPRESSION_CODE, UNREADABLE_CODE):
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


def add_failures(host: Host, settings: FileSettings | None, result: FileResult, failures: list[Failure],
                 read_error: bool = False) -> None:
    """Record ``failures`` on ``result``, each also as a GOV001 diagnostic when GOV001 is selected."""
    result.failures.extend(failures)
    unreadable = host.registry.get(UNREADABLE_CODE)
    if unreadable is None or settings is None or not settings.selection.is_selected(UNREADABLE_CODE):
        return
    severity = settings.selection.severity_for(UNREADABLE_CODE, unreadable.severity)
    for failure in failures:
        if read_error:
            message = f"无法读取文件：{failure.message}"
        else:
            message = f"无法完成检查：{failure.message}"
        result.diagnostics.append(make_diagnostic(result.path, unreadable, Violation(message), severity))
    result.diagnostics.sort(key=lambda d: d.sort_key)


def read_guarded(host: Host, item: Input, limits: _limits.Limits, failures: list[Failure]) -> tuple[Document | None, bool]:
    """The input's document, or ``None`` with the failure recorded; the flag says it was a read error."""
    try:
        with _limits.using(limits):
            return read_input(host, item), False
    except ReadError as exc:
        failures.append(Failure(one_line(str(exc))))
        return None, True
    except Exception as exc:  # noqa: BLE001 - a reader plugin's bug
        failures.append(internal_failure(f"读取器（{_describe_plugin(host, _reader_of(host, exc))}）", exc))
        return None, False


def check_one(host: Host, resolver: SettingsResolver, item: Input, cache=None) -> Checked:
    """Read, parse and apply the single-report rules to one input (never raises for the input's sake).

    With a :class:`govlint.cache.Cache`, an unchanged file's stored result is returned instead.
    """
    registry = host.registry
    result = FileResult(item.display)
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    if failures:
        add_failures(host, settings, result, failures)
        return Checked(result)
    found = None  # --- govlint.cache: a hit skips reading, parsing and the rules
    if cache is not None:
        from govlint.cache import lookup

        found = lookup(cache, item, settings)
        item = found.item
        if found.entry is not None:
            pair = [r for r in registry if r.scope == "pair" and settings.selection.is_selected(r.code)]
            return Checked(found.entry.result, None, settings, pair, found.key, True)
    with captured_output():
        document, read_error = read_guarded(host, item, settings.config.limits, failures)
        report = None
        if document is not None:
            report = guarded(lambda: parse(document), "解析器", failures)
        if report is None:
            add_failures(host, settings, result, failures, read_error)
            return Checked(result)
        result.issuer, result.year, result.template = report.issuer, report.year, report.template
        host_emitted = (UNREADABLE_CODE, UNUSED_SUPPRESSION_CODE)
        selected = [r for r in registry if settings.selection.is_selected(r.code) and r.code not in host_emitted]
        single = [r for r in selected if r.scope != "pair"]
        pair = [r for r in selected if r.scope == "pair"]
        result.diagnostics = sorted(run_rules(report, single, settings, host.plugins, failures),
                                    key=lambda d: d.sort_key)
        guarded(lambda: _finish(result, report, host, settings, final=not pair), "govlint", failures, _LINES_INCOMPLETE)
    add_failures(host, settings, result, failures)
    # Keep the parsed report only if a cross-year rule may need it.
    return Checked(result, report if pair else None, settings, pair, found.key if found else None)


def _finish(result: FileResult, report: Report, host: Host, settings: FileSettings, final: bool) -> None:
    """Apply the suppressions and record the source lines the diagnostics point at."""
    apply_suppressions(result, report, final=final, host=host, settings=settings)
    _record_lines(result, report)


def check_input(host: Host, resolver: SettingsResolver, item: Input) -> FileResult:
    """Check one input on its own (no cross-year pairing) and return its result."""
    checked = check_one(host, resolver, item)
    if checked.report is not None:  # the cross-year stage will not run: finish suppressions now
        failures: list[Failure] = []
        with captured_output():
            guarded(lambda: _finish(checked.result, checked.report, host, checked.settings, final=True),
                   "govlint", failures, _LINES_INCOMPLETE)
        add_failures(host, checked.settings, checked.result, failures)
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
    """The file an input reads (resolved), or ``None`` for standard input and given bytes."""
    if item.path is None or item.data is not None or item.stdin:
        return None
    return real_path(item.path)


def _read_previous(host: Host, resolver: SettingsResolver, item: Input) -> tuple[Report | None, FileResult | None]:
    """A ``--previous`` report, parsed; or the result reporting why it could not be."""
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    report = None
    read_error = False  # (a broken configuration: the file is not read)
    if not failures:
        with captured_output():
            document, read_error = read_guarded(host, item, settings.config.limits, failures)
            if document is not None:
                report = guarded(lambda: parse(document), "解析器", failures)
    if report is not None:
        return report, None
    result = FileResult(item.display)
    for failure in failures:
        failure.message = f"{failure.message}（--previous）"
    add_failures(host, settings, result, failures, read_error)
    return None, result


def check(host: Host, resolver: SettingsResolver, inputs: list[Input], previous: list[Input] = (),
          cache=None, baseline=None) -> RunResult:
    """Check every input; then apply cross-year rules to reports whose predecessor is known.

    Predecessors come from the same run (reports of consecutive years of one issuer) and
    from ``previous`` (reports parsed only as predecessors, never reported on). Previous
    reports that cannot be read are reported as errors like any other input.
    ``cache`` (:mod:`govlint.cache`) skips unchanged files; ``baseline``
    (:mod:`govlint.baseline`) hides known findings and reports stale entries.
    """
    checked = [check_one(host, resolver, item, cache) for item in inputs]
    if cache is not None:  # --- govlint.cache: cached results join the cross-year pairing
        from govlint.cache import resolve_pairs

        resolve_pairs(cache, checked, bool(previous), lambda index: check_one(host, resolver, inputs[index], cache))
    results = [c.result for c in checked]
    pending = [c for c in checked if c.report is not None and c.pair_rules]
    # Previous reports are read even when no cross-year rule runs: an unreadable one is an
    # error whatever the selection. A file that is also an input (``check DIR --previous
    # DIR/2022.txt``) or is given twice is used once: indexing it twice would make its year
    # look ambiguous and silence every pair.
    as_input = {_identity(item): c.report for item, c in zip(inputs, checked) if _identity(item) is not None}
    seen: set[Path] = set()
    parsed: list[Report] = []
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
        report, failed = _read_previous(host, resolver, item)
        if report is not None:
            parsed.append(report)
        if failed is not None:
            results.append(failed)
    if not pending:
        return _complete(host, checked, results, cache, baseline)
    # (unused suppressions of these files are reported after the cross-year rules)
    index = YearIndex()
    for item in pending:
        index.add(item.report)
    for report in parsed:
        index.add(report)
    explicit: list[Report] = named + parsed
    for item in pending:
        failures: list[Failure] = []
        with captured_output():
            item.report.previous = index.previous_of(item.report, explicit)
            if item.report.previous is not None:
                extra = run_rules(item.report, item.pair_rules, item.settings, host.plugins, failures)
                item.result.diagnostics = sorted(item.result.diagnostics + extra, key=lambda d: d.sort_key)
            guarded(lambda: _finish(item.result, item.report, host, item.settings, final=True),
                   "govlint", failures, _LINES_INCOMPLETE)
        add_failures(host, item.settings, item.result, failures)
    return _complete(host, checked, results, cache, baseline)


def _complete(host: Host, checked: list[Checked], results: list[FileResult], cache, baseline) -> RunResult:
    """Store fresh results in the cache, then hide the baseline's findings and add GOV902."""
    if cache is not None:
        from govlint.cache import store_results

        store_results(cache, checked)
    if baseline is not None:
        from govlint.baseline import apply_baseline

        settings = {id(c.result): c.settings for c in checked}
        apply_baseline(baseline, [(r, settings.get(id(r))) for r in results], host.registry)
    return RunResult(results, host.registry)
