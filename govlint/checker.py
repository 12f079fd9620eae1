"""Check one input: guarded read, parse, the single-report rules, suppressions, failures.

Never raises for the input's sake: whatever goes wrong with one input — it cannot be read
(:class:`~govlint.errors.ReadError`), or a reader, the parser or a rule raises (an internal
error) — becomes a :class:`~govlint.results.Failure` and a GOV001 diagnostic of that file
(:mod:`govlint.core_rules`). A rule that raises is reported with its code, name and plugin;
the file's other rules still run (silently skipping a crashed check would report a file as
clean that was never fully checked).

The result (:class:`Checked`) is compact and picklable — diagnostics, the source lines they
point at, the parser's facts, and for the cross-year stage a :class:`~govlint.pairing.PairSummary`
— so a worker process can return it and the lead never holds a parsed report.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping

from govlint import limits as _limits
from govlint.core_rules import HOST_EMITTED, make_diagnostic, unreadable_diagnostics
from govlint.diagnostics import Diagnostic
from govlint.discovery import Input
from govlint.document import Document, Suppression
from govlint.errors import ConfigError, GovlintError, ReadError, one_line
from govlint.host import Host, PluginInfo
from govlint.isolation import (
    LINES_INCOMPLETE,
    RULE_NOT_CHECKED,
    captured_output,
    guarded,
    internal_failure,
)
from govlint.model import Report
from govlint.pairing import PairSummary, pair_summary
from govlint.parser import parse
from govlint.readers.files import read_file, read_stdin
from govlint.records import factory, record
from govlint.results import Failure, FileResult
from govlint.rules import Rule, resolve_options
from govlint.settings import FileSettings, SettingsResolver
from govlint.suppression import suppress, unused


class RuleCrash(GovlintError):
    """A rule raised an exception (raised by :func:`run_rules` only when no failure list is given)."""


@record
class Checked:
    """One input after the single-report stage.

    ``summary`` is the report's :class:`~govlint.pairing.PairSummary` when cross-year rules
    are selected for it and it has a year (it may be paired); ``suppressions`` are the
    file's directives when their unused-check waits for the cross-year stage (``final`` is
    then false).
    """

    result: FileResult
    summary: PairSummary | None = None
    suppressions: list[Suppression] = factory(list)
    final: bool = True


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


def read_input(host: Host, item: Input) -> Document:
    """Read and decode one input through the reader hooks (raises :class:`ReadError`).

    Only a regular file is opened, and no more than the current ``max-file-size`` is read
    (:mod:`govlint.readers.files`). Standard input's bytes are kept on the input, so the
    cross-year stage can read it again.
    """
    limit = _limits.current().max_file_size
    data = item.data
    if data is None:
        if item.stdin:
            data = item.data = read_stdin(sys.stdin.buffer, limit)
        else:
            assert item.path is not None
            data = read_file(item.path, limit)
    document = host.pm.hook.govlint_read(path=item.display, data=data)
    if document is None:
        raise ReadError("没有能读取此文件格式的读取器")
    return document


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


def read_report(host: Host, item: Input, settings: FileSettings, failures: list[Failure]) -> tuple[Report | None, bool]:
    """Read and parse one input (guarded): the report, or ``None`` with the failures recorded."""
    document, read_error = read_guarded(host, item, settings.config.limits, failures)
    if document is None:
        return None, read_error
    return guarded(lambda: parse(document), "解析器", failures), False


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


def selected_rules(host: Host, settings: FileSettings) -> tuple[list[Rule], list[Rule]]:
    """The rules selected for a file: ``(single-report rules, cross-year rules)``."""
    selected = [r for r in host.registry if settings.selection.is_selected(r.code) and r.code not in HOST_EMITTED]
    # (scope "aggregate": run by govlint.aggregate against the units, never per file)
    single = [r for r in selected if r.scope not in ("pair", "aggregate")]
    return single, [r for r in selected if r.scope == "pair"]


def record_lines(result: FileResult, document: Document, diagnostics: Iterable[Diagnostic]) -> None:
    """Keep the source line each diagnostic points at (the ``full`` format shows it)."""
    result.scheme = document.position_scheme
    for diagnostic in diagnostics:
        key = (diagnostic.line, diagnostic.column)
        if key not in result.lines:
            result.lines[key] = document.line_at(diagnostic.line, diagnostic.column)
            place = None if diagnostic.whole_file else document.place_of(*key)
            if place:
                result.places[key] = place


def add_failures(host: Host, settings: FileSettings | None, result: FileResult, failures: list[Failure],
                 read_error: bool = False) -> list[Diagnostic]:
    """Record ``failures`` on ``result``, each also as a GOV001 diagnostic when GOV001 is selected.

    Returns the GOV001 diagnostics added.
    """
    result.failures.extend(failures)
    if not failures or settings is None:
        return []
    made = unreadable_diagnostics(host.registry, settings.selection, result.path,
                                  [f.message for f in failures], read_error)
    if made:
        result.diagnostics = sorted(result.diagnostics + made, key=lambda d: d.sort_key)
    return made


def _finish(result: FileResult, report: Report, host: Host, settings: FileSettings, final: bool) -> list[Suppression]:
    """Apply the suppressions (reporting unused ones when ``final``) and record the source lines.

    Returns the directives whose unused-check waits for the cross-year stage.
    """
    suppressions = report.document.suppressions
    result.diagnostics = suppress(result.diagnostics, suppressions)
    waiting: list[Suppression] = []
    if final:
        result.diagnostics = sorted(result.diagnostics + unused(host.registry, settings.selection, result.path,
                                                                 suppressions), key=lambda d: d.sort_key)
    else:
        waiting = list(suppressions)
    record_lines(result, report.document, result.diagnostics)
    return waiting


def check_file(host: Host, resolver: SettingsResolver, item: Input, pairing: bool = True) -> Checked:
    """Read, parse and apply the single-report rules to one input (never raises for the input's sake).

    With ``pairing`` (a run that has a cross-year stage), a report for which cross-year
    rules are selected and whose year is known gets its :class:`PairSummary`, and the
    unused-check of its suppressions waits for that stage.
    """
    result = FileResult(item.display)
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    if failures:
        add_failures(host, settings, result, failures)
        return Checked(result)
    with captured_output():
        report, read_error = read_report(host, item, settings, failures)
        if report is None:
            add_failures(host, settings, result, failures, read_error)
            return Checked(result)
        result.issuer, result.year, result.template = report.issuer, report.year, report.template
        single, pair = selected_rules(host, settings)
        result.diagnostics = sorted(run_rules(report, single, settings, host.plugins, failures),
                                    key=lambda d: d.sort_key)
        may_pair = pairing and bool(pair) and report.year is not None
        summary = guarded(lambda: pair_summary(report), "govlint", failures) if may_pair else None
        waiting = guarded(lambda: _finish(result, report, host, settings, final=summary is None), "govlint",
                          failures, LINES_INCOMPLETE) or []
    add_failures(host, settings, result, failures)
    return Checked(result, summary, waiting, summary is None)


def check_input(host: Host, resolver: SettingsResolver, item: Input) -> FileResult:
    """Check one input on its own (no cross-year pairing) and return its result."""
    return check_file(host, resolver, item, pairing=False).result
