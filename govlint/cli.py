"""The ``govlint`` command line (click).

Exit codes (architecture.md §8): 0 no error-level diagnostic; 1 at least one; 2 usage,
configuration, plugin-load, unreadable or missing input, internal error — always with a
one-line reason on stderr and no traceback (``--debug`` or ``GOVLINT_DEBUG=1`` shows it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

import click

from govlint import __version__
from govlint.errors import GovlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _debug_enabled(ctx: click.Context | None = None) -> bool:
    if os.environ.get("GOVLINT_DEBUG", "") not in ("", "0"):
        return True
    root = ctx.find_root() if ctx else None
    return bool(root and root.obj and root.obj.get("debug"))


def _fail(message: str) -> None:
    """Print one error line (control characters escaped: a file name cannot break the line)."""
    from govlint.errors import escape_control

    click.echo(f"govlint: error: {escape_control(message)}", err=True)


def _report_failures(ctx: click.Context | None, path: str, failures) -> None:
    """One line per failure naming the file; the traceback of an internal error with ``--debug``."""
    debug = _debug_enabled(ctx)
    for failure in failures:
        if failure.traceback and debug:
            click.echo(failure.traceback.rstrip("\n"), err=True)
        hint = "（加 --debug 运行可查看回溯信息）" if failure.traceback and not debug else ""
        _fail(f"{path}: {failure.message}{hint}")


def _refuse_output_over_input(output_file: Path | None, paths, inputs, host, resolver) -> None:
    """Exit 2 before anything is read when ``--output-file`` would overwrite (or be read as) an input."""
    if output_file is None:
        return
    from govlint.runner import output_conflict

    reason = output_conflict(output_file, paths, inputs, host.report_suffixes(), resolver)
    if reason:
        raise GovlintError(f"--output-file {output_file}：拒绝写入该位置：{reason}")


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from govlint.host import discover_entry_points  # no plugin is imported for --version

    lines = [f"govlint {__version__}"]
    for _ep, info in discover_entry_points():
        lines.append(f"  {info.name}: {info.value} ({info.dist} {info.version})")
    click.echo("\n".join(lines))
    ctx.exit(EXIT_OK)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A,B --select C`` → ``("A", "B", "C")``."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show govlint's version and the installed plugins, then exit.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (also GOVLINT_DEBUG=1).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """govlint: 政府信息公开工作年度报告 linter.

    Checks annual reports against the national formats (国办公开办函〔2019〕60号 and
    〔2021〕30号): sections, tables and their identities, dates, contact details.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _load_host(with_packs: bool = False):
    """The plugin host; ``with_packs`` also registers every available pack's rules."""
    from govlint.host import Host

    host = Host()
    if with_packs:
        _catalog(host).register_all(host.registry)
    return host


def _catalog(host):
    """The packs the host's plugins ship (read only when a pack is enabled or listed)."""
    from govlint.packs.loader import PackCatalog

    return PackCatalog(host)


# --------------------------------------------------------------------------- check

@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--select", multiple=True, help="Codes, prefixes or names to report (replaces the default).")
@click.option("--extend-select", multiple=True, help="Codes, prefixes or names to add to the selection.")
@click.option("--ignore", multiple=True, help="Codes, prefixes or names not to report.")
@click.option("--extend-ignore", multiple=True, help="Codes, prefixes or names to ignore in addition.")
@click.option("--per-file-ignores", default=None, help="'glob:CODE,CODE glob2:CODE' (replaces the config's).")
@click.option("--exclude", multiple=True, help="Glob patterns of files and directories to skip.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--output-format", default=None,
              help="concise, full, json, jsonl, sarif, github, csv or summary-csv "
                   "(default: full on a terminal, else concise).")
@click.option("-o", "--output-file", type=click.Path(path_type=Path), default=None,
              help="Write the report to this file instead of stdout.")
@click.option("--show-source", is_flag=True, help="Show the source line (same as --output-format full).")
@click.option("--statistics", is_flag=True, help="Count diagnostics per code at the end.")
@click.option("--count", is_flag=True, help="Print the total number of diagnostics at the end.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even if errors were found (2 still means failure).")
@click.option("--stdin-filename", default=None, help="Name (and format) of the report read from '-'.")
@click.option("--previous", "previous_paths", multiple=True, type=click.Path(path_type=str),
              help="Previous-year report(s) (file or directory) for the cross-year checks (GOV602–GOV604).")
@click.option("--pack", "packs", multiple=True, metavar="NAME|PATH",
              help="Enable a province rule pack by name (`govlint packs`) or path to a .yaml file (repeatable).")
# --- aggregate report (GOV605, govlint.aggregate) ---
@click.option("--aggregate", "aggregate_parent", default=None, metavar="PARENT", type=click.Path(path_type=str),
              help="An aggregate report (also checked) whose table cells must equal the sum of the --units reports (GOV605).")
@click.option("--units", "aggregate_units", multiple=True, metavar="FILE_OR_DIR", type=click.Path(path_type=str),
              help="The unit reports (files or directories) that --aggregate PARENT sums (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs; -j1 checks in this process).")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no closing summary line on stderr.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), default=None,
              help="Hide the known findings recorded in this baseline file (config key: baseline).")
@click.option("--write-baseline", type=click.Path(path_type=Path), default=None,
              help="Record every current finding in this baseline file, then exit 0 (2: unreadable files).")
@click.option("--no-cache", is_flag=True, help="Check every file afresh: do not read or write .govlint_cache.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], select, extend_select, ignore, extend_ignore,
          per_file_ignores, exclude, config_path, isolated, output_format, output_file, show_source,
          statistics, count, exit_zero, stdin_filename, previous_paths, packs, jobs, quiet,
          aggregate_parent=None, aggregate_units=(), baseline_path=None, write_baseline=None,
          no_cache=False) -> None:
    """Check reports. PATHS are files, directories (searched for reports) or '-' for stdin.

    concise, github and jsonl print each file's findings as soon as it and every file
    before it (in path order) are checked; the cross-year findings (GOV602–GOV604) and the
    unused directives of the reports they concern follow, in path order. The other formats
    are written at the end. With --aggregate, every format is written at the end (the
    aggregate check needs the whole run).
    """
    from govlint.config import parse_per_file_ignores
    from govlint.output.base import render_statistics
    from govlint.parallel import WorkerRecipe
    from govlint.runner import check as run_check
    from govlint.runner import collect_inputs
    from govlint.settings import CliOverrides, SettingsResolver

    host = _load_host()
    overrides = CliOverrides(
        select=_split(select) if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore) if ignore else None,
        extend_ignore=_split(extend_ignore),
        per_file_ignores=parse_per_file_ignores(per_file_ignores) if per_file_ignores is not None else None,
        exclude=_split(exclude) if exclude else None,
        output_format=output_format,
        packs=tuple(packs),
    )
    resolver = SettingsResolver(host.registry, overrides, config_path, isolated,
                                catalog_factory=lambda: _catalog(host))
    resolver.validate()
    formats = host.output_formats()
    chosen = output_format or resolver.default_config().output_format
    if show_source and not chosen:
        chosen = "full"
    if chosen is None:
        chosen = "full" if output_file is None and sys.stdout.isatty() else "concise"
    if chosen not in formats:
        source = "--output-format" if output_format else f"{resolver.default_config().where}: output-format"
        raise GovlintError(f"{source}：未知的输出格式 {chosen!r}（可选：{', '.join(sorted(formats))}）")
    if aggregate_parent is not None and not paths:  # aggregate report (GOV605): check the parent only
        paths = (aggregate_parent,)
    skipped: list = []
    inputs = collect_inputs(paths or (".",), host.report_suffixes(), resolver, stdin_filename,
                            output=output_file, skipped=skipped)
    previous = collect_inputs(previous_paths, host.report_suffixes(), resolver) if previous_paths else []
    from govlint.aggregate import apply_aggregates, plan_aggregates  # aggregate report (GOV605)

    aggregates, inputs = plan_aggregates(aggregate_parent, aggregate_units, inputs, host, resolver)
    _refuse_output_over_input(output_file, (*(paths or (".",)), *previous_paths), [*inputs, *previous], host,
                              resolver)
    _report_skipped(skipped)
    baseline, cache = _baseline_and_cache(host, resolver, baseline_path, no_cache, write_baseline is None)

    stream: TextIO
    if output_file is not None and write_baseline is None:  # (--write-baseline writes no report)
        try:
            stream = output_file.open("w", encoding="utf-8")
        except OSError as exc:
            raise GovlintError(f"--output-file：无法写入 {output_file}：{exc.strerror or exc}") from None
    else:
        stream = sys.stdout
    try:
        from govlint.output import resolve_formatter

        formatter = resolve_formatter(formats[chosen])(stream)
        # The aggregate check (GOV605) adds to the parent's findings after the run: nothing streams then.
        # --write-baseline records the run instead of reporting it: nothing streams then either.
        listener = _StreamingListener(formatter, quiet, stream is sys.stdout,
                                      streaming=not aggregates and write_baseline is None)
        try:
            result = run_check(host, resolver, inputs, previous, jobs=jobs, listener=listener, skipped=skipped,
                               recipe=WorkerRecipe(overrides, config_path, isolated), **_run_hooks(baseline, cache))
        except KeyboardInterrupt:
            listener.progress.clear()
            raise GovlintError("已中断（Ctrl-C）：检查未完成") from None
        listener.progress.clear()
        if write_baseline is not None:  # (before the aggregate check: GOV605 is not baselined)
            _write_baseline(ctx, result, write_baseline)
        apply_aggregates(host, resolver, result, aggregates)  # aggregate report (GOV605)
        result.exit_zero = exit_zero  # (the exit code SARIF records)
        if not listener.streaming:
            formatter.render(result)
        extra = sys.stderr if formatter.machine_readable else stream
        if statistics:
            render_statistics(result, extra)
        if count:
            extra.write(f"{len(result.diagnostics)}\n")
    finally:
        if stream is not sys.stdout:
            stream.close()
    for file_result in result.files:
        _report_failures(ctx, file_result.path, file_result.failures)
    if not quiet and chosen in SUMMARY_FORMATS and len(result.files) + len(result.skipped) > 1:
        from govlint.summary import summary_line

        click.echo(summary_line(result), err=True)
    ctx.exit(result.exit_code)


#: The formats after which the closing summary line is written (on stderr): those people read.
SUMMARY_FORMATS = ("concise", "full", "github")


def _report_skipped(skipped) -> None:
    """One line per legacy Office file found in a directory and skipped (the hint of the command line)."""
    for item in skipped:
        click.echo(f"govlint: 提示：{item.display}：已跳过，{item.hint}", err=True)


class _StreamingListener:
    """Prints each file's findings as the run goes (streaming formats) and draws the progress line."""

    def __init__(self, formatter, quiet: bool, to_stdout: bool, streaming: bool = True) -> None:
        from govlint.progress import Progress

        self.formatter = formatter
        self.streaming = streaming and getattr(formatter, "streaming", False)
        self.quiet = quiet
        self.to_terminal = to_stdout and sys.stdout.isatty()
        self.progress = Progress(sys.stderr, 0, False)

    def started(self, total: int) -> None:
        from govlint.progress import Progress

        self.progress = Progress.for_run(sys.stderr, total, self.quiet)

    def _write(self, diagnostics, result) -> None:
        if not (self.streaming and diagnostics):
            return
        if self.to_terminal:
            self.progress.clear()
        self.formatter.write_findings(diagnostics, result)
        self.formatter.stream.flush()

    def file_checked(self, result) -> None:
        self._write(result.diagnostics, result)
        self.progress.advance(result.path)

    def late_findings(self, result, diagnostics) -> None:
        self._write(diagnostics, result)


def _baseline_and_cache(host, resolver, baseline_path: Path | None, no_cache: bool, use_baseline: bool = True):
    """The run's baseline (``--baseline`` or the config's ``baseline``) and cache (govlint.baseline/cache).

    ``--write-baseline`` records every finding: no baseline is loaded then (a broken one can be regenerated).
    """
    from govlint.baseline import baseline_for_run
    from govlint.cache import cache_for_run

    config = resolver.default_config()
    baseline = baseline_for_run(baseline_path, config) if use_baseline else None
    return baseline, cache_for_run(host, config.path, no_cache)


def _run_hooks(baseline, cache) -> dict:
    """The keyword arguments of ``collect.check`` for the baseline (filter, stale entries) and the cache."""
    hooks: dict = {"cache": cache}
    if baseline is not None:
        hooks["keep"], hooks["closing"] = baseline.keep, baseline.closing
    return hooks


def _write_baseline(ctx: click.Context, result, path: Path) -> None:
    """``--write-baseline``: record every finding, say how many, exit 0 (2 when a file failed)."""
    from govlint.baseline import write_baseline

    count = write_baseline(result.files, path)
    click.echo(f"{path}: 已写入基线（{len(result.files)}个文件，{count}条已知问题）")
    for file_result in result.files:
        _report_failures(ctx, file_result.path, file_result.failures)
    ctx.exit(EXIT_ERROR if result.has_read_errors else EXIT_OK)


# --------------------------------------------------------------------------- rules

@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              help="text: a table; json: machine-readable; markdown: the full reference (docs/rules.md).")
@click.option("--builtin", is_flag=True,
              help="Only govlint's own rules and built-in packs (docs/rules.md), not installed plugins'.")
def rules_command(fmt: str, builtin: bool) -> None:
    """List every rule (packs' rules included): code, name, default severity, plugin and summary."""
    import json

    host = _load_host(with_packs=True)
    rows = list(host.registry)
    if builtin:
        rows = [r for r in rows if r.plugin in host.plugins and host.plugins[r.plugin].dist == "govlint"]
    if fmt == "markdown":
        from govlint.rules_doc import rules_markdown

        click.echo(rules_markdown(rows), nl=False)
        return
    if fmt == "json":
        data = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "plugin": r.plugin,
             "status": r.status, "default_enabled": r.default_enabled, "summary": r.summary,
             "templates": list(r.templates), "pack": r.pack or None}
            for r in rows
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r in rows), default=4)
    for r in rows:
        flag = "" if r.default_enabled else "（默认不启用）"
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.plugin:<12}  {r.summary}{flag}")


@cli.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Show the documentation of one rule (by code or name)."""
    from govlint.rules import templates_text

    host = _load_host(with_packs=True)
    target = host.registry.get(code_or_name)
    if target is None:
        raise GovlintError(f"未知的规则 {code_or_name!r}（`govlint rules` 列出所有规则）")
    info = host.plugins.get(target.plugin)
    origin = f"{target.plugin} ({info.dist} {info.version})" if info else target.plugin
    click.echo(f"{target.code} {target.name}: {target.summary}")
    click.echo(f"默认严重程度：{target.severity.value}；插件：{origin}；状态：{target.status}"
               + ("" if target.default_enabled else "；默认不启用")
               + (f"；规则包：{target.pack}（用 --pack {target.pack} 或 packs = [\"{target.pack}\"] 启用）"
                  if target.pack else ""))
    click.echo(f"适用于：{templates_text(target)}")
    if target.url:
        click.echo(f"文档：{target.url}")
    click.echo("")
    click.echo(target.doc_text())


@cli.command("plugins")
def plugins_command() -> None:
    """List loaded plugins with their distribution and version."""
    host = _load_host(with_packs=True)
    counts: dict[str, int] = {}
    packs: dict[str, int] = {}
    for r in host.registry:
        counts[r.plugin] = counts.get(r.plugin, 0) + 1
    for pack in host.registry.packs.values():
        packs[pack.plugin] = packs.get(pack.plugin, 0) + 1
    from govlint.core_rules import PLUGIN_NAME

    for info in host.plugins.values():
        if info.name == PLUGIN_NAME:
            continue  # govlint's own codes (GOV001, GOV901, GOV902), not an installed plugin
        shipped = f", {packs[info.name]} packs" if info.name in packs else ""
        click.echo(f"{info.name}  {info.value}  ({info.dist} {info.version})  {counts.get(info.name, 0)} rules{shipped}")


@cli.command("packs")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text: one block per pack; json: machine-readable.")
def packs_command(fmt: str) -> None:
    """List the province rule packs: name, scope, source, rules and the plugin that ships them."""
    import json

    from govlint.packs.schema import describe_pack

    host = _load_host()
    packs = _catalog(host).load_all()
    if fmt == "json":
        click.echo(json.dumps([describe_pack(p) for p in packs], ensure_ascii=False, indent=2))
        return
    for pack in packs:
        info = host.plugins.get(pack.plugin)
        origin = f"{pack.plugin} ({info.dist} {info.version})" if info else pack.plugin
        click.echo(f"{pack.name}: {pack.description}")
        click.echo(f"  scope:  {pack.scope.describe()}")
        click.echo(f"  source: {pack.source.title}" + (f" {pack.source.url}" if pack.source.url else ""))
        click.echo(f"  rules:  {' '.join(pack.codes)}")
        click.echo(f"  plugin: {origin}")


# --------------------------------------------------------------------------- report

def _with_run_options(command: click.Command) -> click.Command:
    """Give ``command`` the selection and configuration options of ``check`` (``RUN_OPTIONS``).

    The very same click parameters, so names, help and parsing cannot drift apart.
    """
    from govlint.run_options import RUN_OPTIONS

    command.params.extend(p for p in check.params if p.name in RUN_OPTIONS)
    return command


def _write_atomically(output: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``output`` through a temporary file, so no half page is left."""
    from govlint.atomic import write_atomically

    try:
        write_atomically(output, text)
    except OSError as exc:
        raise GovlintError(f"--output-file：无法写入 {output}：{exc.strerror or exc}") from None


def _without(inputs: list, output: Path) -> list:
    """``inputs`` without the report page itself (a second run over the same directory)."""
    target = output.resolve()
    return [item for item in inputs if item.path is None or item.data is not None or item.path.resolve() != target]


@_with_run_options
@cli.command("report")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--output-file", type=click.Path(path_type=Path), default=Path("govlint-report.html"),
              show_default=True, help="Where to write the HTML report.")
@click.pass_context
def report_command(ctx: click.Context, paths: tuple[str, ...], output_file: Path, **options) -> None:
    """Check reports and write an HTML audit report (one self-contained page, works offline).

    The page has the totals, a sortable per-file table, findings per rule as a chart, every
    finding with its source line, filters by rule, severity and file, and the run's
    settings. It takes the selection and configuration options of ``check``; exit codes as
    for ``check``.
    """
    from govlint.output.html_report import render_html
    from govlint.parallel import WorkerRecipe
    from govlint.run_options import report_context, resolver_from_options
    from govlint.runner import check as run_check
    from govlint.runner import collect_inputs

    host = _load_host()
    resolver = resolver_from_options(host, options, catalog_factory=lambda: _catalog(host))
    suffixes = host.report_suffixes()
    skipped: list = []
    inputs = _without(collect_inputs(paths or (".",), suffixes, resolver, options["stdin_filename"],
                                     output=output_file, skipped=skipped), output_file)
    previous = collect_inputs(options["previous_paths"], suffixes, resolver) if options["previous_paths"] else []
    _report_skipped(skipped)
    baseline, cache = _baseline_and_cache(host, resolver, options["baseline_path"], options["no_cache"])
    try:
        result = run_check(host, resolver, inputs, previous, jobs=options["jobs"], skipped=skipped,
                           recipe=WorkerRecipe(resolver.cli, resolver.config_path, resolver.isolated),
                           **_run_hooks(baseline, cache))
    except KeyboardInterrupt:
        raise GovlintError("已中断（Ctrl-C）：检查未完成") from None
    _write_atomically(output_file, render_html(result, report_context(host, resolver, paths, options)))
    for file_result in result.files:
        if file_result.error:
            _fail(f"{file_result.path}: {file_result.error}")
    click.echo(f"{output_file}: 已写入审查报告（{len(result.files)}个文件，{len(result.diagnostics)}条诊断）")
    if result.has_read_errors:
        ctx.exit(EXIT_ERROR)
    if result.has_errors and not options["exit_zero"]:
        ctx.exit(EXIT_FINDINGS)
    ctx.exit(EXIT_OK)


# --------------------------------------------------------------------------- extract

@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "parquet"]), default="json",
              help="json: one array of reports; jsonl: one report per line; csv: one row per table cell "
                   "(UTF-8 with BOM); parquet: the same rows (needs govlint[data], and -o).")
@click.option("-o", "--output-file", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@click.option("--stdin-filename", default=None, help="Name (and format) of the report read from '-'.")
@click.pass_context
def extract_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, output_file, stdin_filename) -> None:
    """Print the parsed reports (sections, tables, dates, contacts) as JSON, or their table cells.

    The schema is versioned (``schema_version``) and documented in the README. A file that
    cannot be read gets a record with its ``error`` in every format (exit code 2).
    """
    from govlint.runner import collect_inputs
    from govlint.settings import SettingsResolver

    if fmt == "parquet" and output_file is None:
        raise GovlintError("--format parquet 输出二进制文件，请用 -o 文件名.parquet 指定输出文件")
    host = _load_host()
    resolver = SettingsResolver(host.registry, isolated=True)
    inputs = collect_inputs(paths, host.report_suffixes(), resolver, stdin_filename)
    _refuse_output_over_input(output_file, paths, inputs, host, resolver)
    failures: list[str] = []
    parsed = _parse_inputs(ctx, host, resolver, inputs, failures)
    if fmt in ("json", "jsonl"):
        _extract_json(parsed, fmt, output_file)
    elif fmt == "csv":
        _extract_csv(parsed, output_file)
    else:
        _extract_parquet(parsed, output_file)
    ctx.exit(EXIT_ERROR if failures else EXIT_OK)


def _parse_inputs(ctx: click.Context, host, resolver, inputs, failures: list[str]):
    """``(path, report, None)`` per readable input, ``(path, None, error)`` per unreadable one.

    A generator, so the tabular formats write each file's rows before reading the next;
    reads are bounded and guarded as in ``check`` (one bad file never stops the others);
    each failed input is named on stderr and added to ``failures``.
    """
    from govlint.parser import parse
    from govlint.runner import Failure, captured_output, guarded, read_guarded

    for item in inputs:
        item_failures: list[Failure] = []
        with captured_output():
            document, _ = read_guarded(host, item, resolver.for_file(item.path).config.limits, item_failures)
            report = None
            if document is not None:
                report = guarded(lambda: parse(document), "解析器", item_failures)
        if item_failures or report is None:
            _report_failures(ctx, item.display, item_failures)
            failures.append(item.display)
            yield item.display, None, item_failures[0].message if item_failures else "无法解析"
            continue
        yield item.display, report, None


def _extract_json(parsed, fmt: str, output_file: Path | None) -> None:
    """Reports as JSON (an array) or JSON lines; an unreadable file is ``{path, error}``."""
    import json

    from govlint.export_table import json_record

    records = [json_record(path, report, error) for path, report, error in parsed]
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output_file is not None:
        try:
            output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise GovlintError(f"--output-file：无法写入 {output_file}：{exc.strerror or exc}") from None
    else:
        click.echo(text, nl=False)


def _extract_csv(parsed, output_file: Path | None) -> None:
    """One CSV row per table cell, to the file or to stdout (UTF-8 with BOM)."""
    import io

    from govlint.export_table import table_records, write_csv

    if output_file is None:
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        try:
            write_csv(table_records(parsed), stream)
        finally:
            stream.flush()
            stream.detach()
        return
    try:
        with output_file.open("w", encoding="utf-8", newline="") as stream:
            write_csv(table_records(parsed), stream)
    except OSError as exc:
        raise GovlintError(f"--output-file：无法写入 {output_file}：{exc.strerror or exc}") from None


def _extract_parquet(parsed, output_file: Path) -> None:
    """The CSV's rows as a Parquet file (needs pyarrow: ``govlint[data]``)."""
    from govlint.export_table import ParquetSink, table_records

    sink = ParquetSink(output_file)
    try:
        for record in table_records(parsed):
            sink.write(record)
    finally:
        sink.close()


# --------------------------------------------------------------------------- entry point

def tolerate_console_encoding(*streams: TextIO) -> None:
    """Let the console streams write what their encoding can and replace the rest (``?``).

    On Chinese Windows the console and redirected output are often GBK (cp936), which has no
    ``−`` (minus sign) or other characters a message may hold; with the default ``strict``
    errors one such character ended the run with an internal error after the first line.
    Files written with ``-o`` are always UTF-8 and lose nothing.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # not a text file (a test's capture, a wrapped stream)
            continue
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot change now
            pass


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the CLI, turning user errors into exit code 2."""
    tolerate_console_encoding()
    try:
        code = cli.main(args=argv, prog_name="govlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail("已中止")
        sys.exit(EXIT_ERROR)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "govlint"
        _fail(f"{exc.format_message()}（参见「{command} --help」）")
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        _fail(exc.format_message())
        sys.exit(EXIT_ERROR)
    except GovlintError as exc:
        if _debug_enabled(click.get_current_context(silent=True)) or "--debug" in (argv or sys.argv):
            import traceback

            traceback.print_exc()
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # an internal error: never a bare traceback for users
        if _debug_enabled() or "--debug" in (argv or sys.argv):
            import traceback

            traceback.print_exc()
        detail = str(exc).splitlines()[0] if str(exc) else ""
        _fail(f"内部错误：{type(exc).__name__}{': ' + detail if detail else ''}"
              "（加 --debug 运行可查看回溯信息）")
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


# --------------------------------------------------------------------------- annotate

@cli.command("annotate")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output-file", type=click.Path(path_type=Path), default=None,
              help="Where to write the annotated copy (default: NAME.checked.docx beside the report).")
@click.option("--select", multiple=True, help="Codes, prefixes or names to report (replaces the default).")
@click.option("--ignore", multiple=True, help="Codes, prefixes or names not to report.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.pass_context
def annotate_command(ctx: click.Context, path: Path, output_file, select, ignore, config_path, isolated) -> None:
    """Write a copy of a Word report (.docx) with each finding as a comment where it applies.

    The original file is never changed. Exit codes as for ``check``.
    """
    from govlint.annotate import annotate, default_output, refuse_overwrite
    from govlint.readers.docx import read_docx
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    if path.suffix.lower() != ".docx":
        raise GovlintError(f"{path}: govlint annotate 只能给 Word 文档（.docx）加批注")
    output = output_file or default_output(path)
    refuse_overwrite(path, output)
    host = _load_host()
    overrides = CliOverrides(select=_split(select) if select else None, ignore=_split(ignore) if ignore else None)
    resolver = SettingsResolver(host.registry, overrides, config_path, isolated)
    resolver.validate()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GovlintError(f"{path}: 无法读取：{exc.strerror or exc}") from None
    result = check_input(host, resolver, Input(str(path), path, data))
    if result.error:
        _fail(f"{path}: {result.error}")
        ctx.exit(EXIT_ERROR)
    annotated, count = annotate(data, result.diagnostics, read_docx(data).split("\n"))
    from govlint.atomic import write_atomically

    try:
        write_atomically(output, annotated)
    except OSError as exc:
        raise GovlintError(f"{output}: 无法写入：{exc.strerror or exc}") from None
    click.echo(f"{output}: 已写入{count}条批注（{path} 未改动）")
    ctx.exit(EXIT_FINDINGS if any(d.is_error for d in result.diagnostics) else EXIT_OK)
