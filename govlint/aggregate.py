"""The aggregate check: an aggregate report against the sum of its units' reports (GOV605).

``govlint check --aggregate PARENT --units DIR_OR_FILE …`` (or the configuration's
``aggregate = [{parent = "…", units = ["…"]}]``) names an aggregate report — a 区县's report
of every 编制主体 in it, a system's report of its offices (domain.md §11) — and its units.
The parent is checked as a normal input (added to the inputs when it is not among them);
after the run it is read again, each unit is read through the same guarded, bounded
reading as any input and reduced to a :class:`~govlint.model_aggregate.UnitSummary`, and
the rule GOV605 (scope ``aggregate``, never run per file) is applied to the parent with
those summaries. Its findings join the parent's result, so every output format shows them
and error-level findings set the exit code as any other.

A unit that cannot be read, or is of another year or format, is excluded and named by the
rule (one finding on the parent); the sums are then not compared — a missing unit is
never counted as zero. A configuration aggregate applies when its parent is among the
checked inputs and that configuration governs it (so ``govlint check DIR`` checks it; a run
over other files does not).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govlint.errors import ConfigError, GovlintError, escape_control
from govlint.host import Host
from govlint.model import Report
from govlint.model_aggregate import AggregateUnits, ExcludedUnit, summarize
from govlint.parser import parse
from govlint.records import factory, record
from govlint.runner import (
    STDIN,
    UNUSED_SUPPRESSION_CODE,
    Failure,
    FileResult,
    Input,
    RunResult,
    add_failures,
    apply_suppressions,
    captured_output,
    collect_inputs,
    guarded,
    read_guarded,
    real_path,
    run_rules,
    settings_for,
)
from govlint.settings import FileSettings, SettingsResolver
from govlint.templates import TEMPLATE_NAMES

CODE = "GOV605"
_WHAT = "govlint（汇总核对）"


@record
class AggregateJob:
    """One aggregate report to check against its units (inputs not yet read)."""

    parent: Input
    units: list[Input] = factory(list)


def _identity(item: Input) -> Path | None:
    """The file an input names, resolved (``None`` for standard input)."""
    if item.path is None or item.stdin:
        return None
    return real_path(item.path)


def _parent_input(raw: str, inputs: list[Input]) -> Input:
    """The input that is the parent report; a new one appended to ``inputs`` when it is not there."""
    if raw == STDIN:
        raise GovlintError("--aggregate：应为汇总报告文件，不能是标准输入")
    path = Path(raw)
    if path.is_dir():
        raise GovlintError(f"--aggregate {escape_control(raw)}：应为汇总报告文件，不能是目录")
    wanted = real_path(path)
    for item in inputs:
        if _identity(item) == wanted:
            return item
    item = Input(escape_control(raw), path)
    inputs.append(item)
    return item


def plan_aggregates(parent: str | None, units: Sequence[str], inputs: list[Input], host: Host,
                    resolver: SettingsResolver) -> tuple[list[AggregateJob], list[Input]]:
    """The aggregate checks of this run, and the inputs (the command line's parent added).

    The command line's ``--aggregate``/``--units`` come first; a configuration's aggregates
    apply to the parents that are among the inputs and governed by that configuration. Nothing is read here; a
    unit directory without report files is a usage error (as for inputs).
    """
    if units and parent is None:
        raise GovlintError("--units 需要同时给出 --aggregate 汇总报告（各单位报告相加应得的报告）")
    if parent is not None and not units:
        raise GovlintError("--aggregate 需要至少一个 --units 文件或目录（各单位报告）")
    inputs = list(inputs)
    suffixes = host.report_suffixes()
    jobs: list[AggregateJob] = []
    if parent is not None:
        item = _parent_input(parent, inputs)
        jobs.append(AggregateJob(item, collect_inputs(units, suffixes, resolver)))
    planned = {_identity(job.parent) for job in jobs}
    for item, units_of in _configured(inputs, resolver):
        if _identity(item) in planned:
            continue
        planned.add(_identity(item))
        jobs.append(AggregateJob(item, collect_inputs([str(u) for u in units_of], suffixes, resolver)))
    return jobs, inputs


def _configured(inputs: Sequence[Input], resolver: SettingsResolver) -> list[tuple[Input, tuple[Path, ...]]]:
    """The inputs that the configuration governing them names as aggregate reports, with their units.

    A broken configuration is skipped here: the run reports it for the files it governs.
    """
    found = []
    configs: dict[Path | None, dict[Path, tuple[Path, ...]]] = {}
    for item in inputs:
        identity = _identity(item)
        if identity is None:
            continue
        try:
            config = resolver.for_file(item.path).config
        except ConfigError:
            continue
        if not config.aggregate:
            continue
        if config.path not in configs:
            configs[config.path] = {real_path(parent): units for parent, units in config.aggregate}
        units = configs[config.path].get(identity)
        if units is not None:
            found.append((item, units))
    return found


def apply_aggregates(host: Host, resolver: SettingsResolver, result: RunResult, jobs: Sequence[AggregateJob]) -> None:
    """Check each aggregate report against its units; the findings join the parent's result."""
    for job in jobs:
        _apply_one(host, resolver, result, job)


def _apply_one(host: Host, resolver: SettingsResolver, result: RunResult, job: AggregateJob) -> None:
    target = host.registry.get(CODE)
    parent_result = next((f for f in result.files if f.path == job.parent.display), None)
    if target is None or parent_result is None or parent_result.template is None:
        return  # GOV605 not installed, or the parent was not parsed (its own failure is reported)
    failures: list[Failure] = []
    settings = settings_for(resolver, job.parent, failures)
    if failures or not settings.selection.is_selected(CODE):
        return
    with captured_output():
        parent = _read_report(host, settings, job.parent, failures)
        if parent is not None:
            parent.aggregate = guarded(lambda: gather_units(host, resolver, parent, job), _WHAT, failures,
                                       "汇总核对未完成")
        if parent is not None and parent.aggregate is not None:
            found = run_rules(parent, [target], settings, host.plugins, failures)
            guarded(lambda: _attach(parent_result, parent, found), _WHAT, failures, "汇总核对结果可能不完整")
    add_failures(host, settings, parent_result, failures)


def _read_report(host: Host, settings: FileSettings, item: Input, failures: list[Failure]) -> Report | None:
    """Read and parse one report through the runner's bounded, guarded reading (``None``: failed)."""
    document, _read_error = read_guarded(host, item, settings.config.limits, failures)
    if document is None:
        return None
    return guarded(lambda: parse(document), "解析器", failures)


def read_unit(host: Host, resolver: SettingsResolver, item: Input) -> tuple[Report | None, str | None]:
    """A unit's parsed report, or ``None`` and why it could not be read (one line)."""
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    report = None if failures else _read_report(host, settings, item, failures)
    if report is None:
        return None, failures[0].message if failures else "无法读取"
    return report, None


def exclusion(parent: Report, unit: Report) -> str | None:
    """Why a unit report cannot be summed into ``parent`` (``None``: it can)."""
    if unit.template != parent.template:
        return f"{TEMPLATE_NAMES.get(unit.template, unit.template)}，与汇总报告的" \
               f"{TEMPLATE_NAMES.get(parent.template, parent.template)}不同"
    if unit.year is None:
        return "无法确定报告年度"
    if parent.year is None:
        return "汇总报告的年度无法确定，无法核对是否同一年度"
    if unit.year != parent.year:
        return f"为{unit.year}年度报告，与汇总报告的{parent.year}年度不同"
    return None


def is_parent_copy(parent: Report, parent_cells: dict, unit: Report, unit_cells: dict) -> bool:
    """Whether a unit file is the aggregate report itself in another file (``.pdf`` beside ``.txt``).

    Same issuer, same year and every compared cell the same. A report of the same issuer
    with other figures (the government's own 本级 report) is a unit like any other.
    """
    from govlint.runner import issuer_key

    key = issuer_key(unit.issuer)
    return key is not None and key == issuer_key(parent.issuer) and unit.year == parent.year \
        and unit_cells == parent_cells


def gather_units(host: Host, resolver: SettingsResolver, parent: Report, job: AggregateJob) -> AggregateUnits:
    """Read every unit (each file once, the parent never — nor a copy of it) and summarise or exclude it."""
    gathered = AggregateUnits()
    seen = {_identity(job.parent)}
    parent_cells = summarize(parent, job.parent.display).cells
    for item in job.units:
        identity = _identity(item)
        if identity is not None and identity in seen:
            continue
        if identity is not None:
            seen.add(identity)
        report, failed = read_unit(host, resolver, item)
        if report is None:
            gathered.excluded.append(ExcludedUnit(item.display, f"无法读取：{failed}"))
            continue
        reason = exclusion(parent, report)
        if reason is not None:
            gathered.excluded.append(ExcludedUnit(item.display, reason))
            continue
        summary = summarize(report, item.display)
        if not is_parent_copy(parent, parent_cells, report, summary.cells):
            gathered.units.append(summary)
    return gathered


def _attach(parent_result: FileResult, parent: Report, found: list) -> None:
    """Add the GOV605 findings (after the parent's suppression directives) to its result.

    A directive that silences a GOV605 finding was reported unused (GOV901) by the run,
    which did not run GOV605: that report is withdrawn.
    """
    extra = FileResult(parent_result.path, diagnostics=list(found))
    apply_suppressions(extra, parent, final=False)
    used = {(s.span.line, s.span.column) for s in parent.document.suppressions if s.used}
    if used:
        parent_result.diagnostics = [d for d in parent_result.diagnostics
                                     if not (d.code == UNUSED_SUPPRESSION_CODE and (d.line, d.column) in used)]
    for diagnostic in extra.diagnostics:
        key = (diagnostic.line, diagnostic.column)
        if key not in parent_result.lines:
            parent_result.lines[key] = parent.document.line_at(diagnostic.line, diagnostic.column)
    parent_result.diagnostics = sorted(parent_result.diagnostics + extra.diagnostics, key=lambda d: d.sort_key)
