"""A run over many inputs: the single-report stage, in path order, then the cross-year stage.

1. Every input is checked (:func:`govlint.checker.check_file`), in-process or in worker
   processes (:mod:`govlint.parallel`), in *path order* (inputs sorted by their display
   name: the order users read findings in). Each compact result is handed to the
   listener as soon as it and all before it are done — this is what the streaming formats
   print. With a cache (:mod:`govlint.cache`) the lead looks each input up first: a hit is
   this stage's result, only misses are checked (in the workers, with ``-j``), and the lead
   stores each fresh result.
2. The lead indexes the :class:`~govlint.pairing.PairSummary` of every report that may be
   paired, finds each report's predecessor, and re-reads and re-parses *only* the reports
   that have one, to run the cross-year rules on them (``report.previous`` is the
   predecessor's summary); then the unused-suppression check of those reports runs. What
   this stage adds is handed to the listener after the whole first stage, in path order.
   With a cache, what this stage adds to a report is looked up under the report's
   first-stage key and its predecessor's summary (:func:`govlint.cache.pair_key`): a hit
   is neither read nor parsed again.

A finding filter (``keep``, the baseline) sees each file's findings of both stages before
they are kept or streamed; closing findings (``closing``, the baseline's stale entries)
are added at the very end and reach the listener as late findings.

No parsed report outlives the check of its file: memory grows only with the compact
results (and the small summaries), not with the reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from govlint.cache import Cache, Lookup, hit_of, keyed, lookup, pair_hit, pair_key, store_checked, store_pair
from govlint.checker import (
    Checked,
    add_failures,
    check_file,
    read_report,
    record_lines,
    run_rules,
    selected_rules,
    settings_for,
)
from govlint.diagnostics import Diagnostic
from govlint.discovery import Input, Skipped, real_path
from govlint.host import Host
from govlint.isolation import captured_output, guarded
from govlint.pairing import PairSummary, YearIndex, identity_of, pair_summary
from govlint.parallel import WorkerRecipe, check_in_pool, effective_jobs
from govlint.results import Failure, FileResult, RunResult
from govlint.rules import RuleRegistry
from govlint.settings import FileSettings, SettingsResolver
from govlint.suppression import suppress, unused


#: A filter of findings applied by the lead before they are kept and streamed (the baseline
#: hides known findings this way): ``filter(result, diagnostics) -> diagnostics to keep``.
FindingFilter = Callable[[FileResult, list[Diagnostic]], list[Diagnostic]]
#: Findings the lead adds to each fully checked file once both stages are done (the
#: baseline's stale entries, GOV902): ``closing(result, settings, registry) -> diagnostics``.
ClosingFindings = Callable[[FileResult, FileSettings, RuleRegistry], list[Diagnostic]]


class Listener:
    """What a run tells as it goes (all no-ops here): the streaming formats and the progress line."""

    def started(self, total: int) -> None:
        """The run is about to check ``total`` inputs."""

    def file_checked(self, result: FileResult) -> None:
        """One input's single-report result, in path order."""

    def late_findings(self, result: FileResult, diagnostics: list[Diagnostic]) -> None:
        """What the cross-year stage added to one input (path order, after every ``file_checked``)."""


def path_order(inputs: Sequence[Input]) -> list[int]:
    """Positions of ``inputs`` sorted by display name (stable: a name given twice keeps its order)."""
    return sorted(range(len(inputs)), key=lambda i: inputs[i].display)


def _first_stage(host: Host, resolver: SettingsResolver, inputs: Sequence[Input], order: list[int],
                 jobs: int | None, recipe: WorkerRecipe | None,
                 cache: Cache | None = None) -> Iterator[tuple[str | None, Checked]]:
    """Each input's first-stage result, in path order, with the cache key of the bytes it is of."""
    ordered = [inputs[i] for i in order]
    workers = effective_jobs(jobs, ordered, recipe)
    if workers <= 1:
        for item in ordered:
            found = _look_up(resolver, cache, item)
            yield found.key, found.hit if found.hit is not None else _checked_afresh(host, resolver, found, cache)
        return
    # The lead looks every input up first, keeping only the keys of the hits (no bytes, no
    # results: those are read again in turn); only the misses go to the workers.
    hits: dict[int, str] = {}
    for number, item in enumerate(ordered):
        found = _look_up(resolver, cache, item, keep_bytes=False)
        if found.hit is not None and found.key is not None:
            hits[number] = found.key
    missed = [item for number, item in enumerate(ordered) if number not in hits]
    work = _Misses(resolver, cache, missed)
    if effective_jobs(jobs, missed, recipe) > 1:
        fresh = check_in_pool(host, resolver, work, workers, recipe)
    else:
        fresh = (check_file(host, resolver, item) for item in work)
    sent = 0
    for number in range(len(ordered)):
        if number in hits:
            assert cache is not None
            key = hits.pop(number)
            hit = hit_of(cache, key, ordered[number].display)
            if hit is not None:
                yield key, hit
            else:  # (an entry removed since the look-up, by another run: checked here)
                found = _look_up(resolver, cache, ordered[number])
                yield found.key, _checked_afresh(host, resolver, found, cache)
            continue
        done = next(fresh)
        key = work.keys.pop(sent) if cache is not None else None
        if cache is not None:
            store_checked(cache, key, done)
        sent += 1
        yield key, done
    for _ in fresh:  # (closes the pool)
        pass


class _Misses:
    """The inputs a pool checks, each read (and keyed) only when the pool takes it.

    The pool's task thread takes inputs as fast as the pipe to the workers accepts them, so
    no more than a few inputs' bytes are held at once; ``keys`` maps each input's position
    to the key of the bytes it was given, for the lead to store its result under.
    """

    def __init__(self, resolver: SettingsResolver, cache: Cache | None, items: list[Input]) -> None:
        self.resolver, self.cache, self.items = resolver, cache, items
        self.keys: dict[int, str | None] = {}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Input]:
        for number, item in enumerate(self.items):
            key = None
            if self.cache is not None:
                failures: list[Failure] = []
                settings = settings_for(self.resolver, item, failures)
                if not failures:
                    key, item = keyed(self.cache, item, settings)
            self.keys[number] = key
            yield item


def _look_up(resolver: SettingsResolver, cache: Cache | None, item: Input, keep_bytes: bool = True) -> Lookup:
    """The cache look-up of one input (none without a cache or with a broken configuration for it)."""
    if cache is None:
        return Lookup(None, item)
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    return Lookup(None, item) if failures else lookup(cache, item, settings, keep_bytes)


def _checked_afresh(host: Host, resolver: SettingsResolver, found: Lookup, cache: Cache | None) -> Checked:
    """The first stage of a cache miss, in this process; the fresh result is stored."""
    done = check_file(host, resolver, found.item)
    if cache is not None:
        store_checked(cache, found.key, done)
    return done


def _identity(item: Input) -> Path | None:
    """The file an input reads (resolved), or ``None`` for standard input and given bytes."""
    if item.path is None or item.data is not None or item.stdin:
        return None
    return real_path(item.path)


def read_previous(host: Host, resolver: SettingsResolver, item: Input) -> tuple[PairSummary | None, FileResult | None]:
    """A ``--previous`` report's summary; or the result reporting why it could not be read."""
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    summary = None
    read_error = False  # (a broken configuration: the file is not read)
    if not failures:
        with captured_output():
            report, read_error = read_report(host, item, settings, failures)
            if report is not None:
                summary = guarded(lambda: pair_summary(report), "govlint", failures)
    if summary is not None and not failures:
        return summary, None
    result = FileResult(item.display)
    for failure in failures:
        failure.message = f"{failure.message}（--previous）"
    add_failures(host, settings, result, failures, read_error)
    return None, result


def _previous_stage(host: Host, resolver: SettingsResolver, inputs: Sequence[Input], checked: list[Checked],
                    previous: Sequence[Input], index: YearIndex) -> tuple[list[tuple[int, PairSummary]], list[FileResult]]:
    """Read and index the ``--previous`` reports: ``(the explicit ones as (id, summary), failed results)``.

    Previous reports are read even when no cross-year rule runs: an unreadable one is an
    error whatever the selection. A file that is also an input (``check DIR --previous
    DIR/2022.txt``) or is given twice is used once: indexing it twice would make its year
    look ambiguous and silence every pair.
    """
    as_input = {_identity(item): i for i, item in enumerate(inputs) if _identity(item) is not None}
    seen: set[Path] = set()
    parsed: list[tuple[int, PairSummary]] = []
    named: list[tuple[int, PairSummary]] = []
    failed: list[FileResult] = []
    for item in previous:
        identity = _identity(item)
        if identity is not None and identity in seen:
            continue
        if identity is not None:
            seen.add(identity)
        if identity is not None and identity in as_input:
            summary = checked[as_input[identity]].summary
            if summary is not None:
                named.append((as_input[identity], summary))
            continue
        summary, result = read_previous(host, resolver, item)
        if summary is not None:
            ident = -1 - len(parsed)
            index.add(ident, summary)
            parsed.append((ident, identity_of(summary)))
        if result is not None:
            failed.append(result)
    return named + parsed, failed


def _pair_one(host: Host, resolver: SettingsResolver, item: Input, checked: Checked,
              previous: PairSummary | None, cache: Cache | None = None, key: str | None = None) -> list[Diagnostic]:
    """The cross-year stage of one input: pair rules (when it has a predecessor), then unused directives.

    With a cache and the first-stage ``key`` of the input, a report with a predecessor is
    looked up under :func:`~govlint.cache.pair_key`: a hit is neither read nor parsed. A
    miss is checked on the bytes it reads now, and stored only when those are the bytes of
    ``key`` (a file edited during the run is never stored under its former key) and the
    stage had no failure.
    """
    result = checked.result
    failures: list[Failure] = []
    settings = settings_for(resolver, item, failures)
    stage_key = None
    if cache is not None and key is not None and previous is not None and not failures and not result.failures:
        stage_key = pair_key(key, previous)
    added = pair_hit(cache, stage_key, result.path) if cache is not None and stage_key is not None else None
    if added is None:
        if cache is not None and stage_key is not None:
            read_key, item = keyed(cache, item, settings)
            stage_key = stage_key if read_key == key else None
        added = _pair_afresh(host, settings, item, checked, previous, failures)
        if cache is not None and stage_key is not None and not failures:
            store_pair(cache, stage_key, added)
    _merge_pair_stage(result, added)
    extra = list(added.diagnostics) + add_failures(host, settings, result, failures)
    return sorted(extra, key=lambda d: d.sort_key)


def _pair_afresh(host: Host, settings: FileSettings, item: Input, checked: Checked, previous: PairSummary | None,
                 failures: list[Failure]) -> FileResult:
    """What the cross-year stage adds to one input, computed: its findings, with their lines and places.

    Kept apart from the input's result so that it can be stored as it is (and a hit merged
    exactly like a fresh one, :func:`_merge_pair_stage`).
    """
    added = FileResult(checked.result.path, scheme=checked.result.scheme)
    extra: list[Diagnostic] = []
    with captured_output():
        report = None
        if previous is not None:
            report, _ = read_report(host, item, settings, failures)
        if report is not None:
            report.previous = previous
            _, pair = selected_rules(host, settings)
            extra = run_rules(report, pair, settings, host.plugins, failures)
        extra = suppress(extra, checked.suppressions)
        extra += unused(host.registry, settings.selection, added.path, checked.suppressions)
        if report is not None:
            record_lines(added, report.document, extra)
    added.diagnostics = sorted(extra, key=lambda d: d.sort_key)
    return added


def _merge_pair_stage(result: FileResult, added: FileResult) -> None:
    """Add what the cross-year stage found to the input's result (a line already recorded is kept)."""
    result.scheme = added.scheme
    for position, text in added.lines.items():
        if position not in result.lines:
            result.lines[position] = text
            if position in added.places:
                result.places[position] = added.places[position]
    result.diagnostics = sorted(result.diagnostics + added.diagnostics, key=lambda d: d.sort_key)


def _close(host: Host, resolver: SettingsResolver, inputs: Sequence[Input], order: list[int],
           checked: list[Checked], closing: ClosingFindings, listener: Listener) -> None:
    """Add the closing findings of each fully checked input (path order), as late findings."""
    for position in order:
        result = checked[position].result
        if result.failures:
            continue
        failures: list[Failure] = []
        settings = settings_for(resolver, inputs[position], failures)
        if failures:
            continue
        added = closing(result, settings, host.registry)
        if added:
            result.diagnostics = sorted(result.diagnostics + added, key=lambda d: d.sort_key)
            listener.late_findings(result, added)


def check(host: Host, resolver: SettingsResolver, inputs: list[Input], previous: Sequence[Input] = (), *,
          jobs: int | None = 1, listener: Listener | None = None, skipped: Sequence[Skipped] = (),
          recipe: WorkerRecipe | None = None, keep: FindingFilter | None = None,
          closing: ClosingFindings | None = None, cache: Cache | None = None) -> RunResult:
    """Check every input; then apply cross-year rules to reports whose predecessor is known.

    Predecessors come from the same run (reports of consecutive years of one issuer) and
    from ``previous`` (reports read only as predecessors, never reported on). Previous
    reports that cannot be read are reported as errors like any other input. ``jobs``: worker
    processes (``None``: one per CPU; 1: in-process; ``recipe`` lets workers that cannot
    inherit the host build it, see :mod:`govlint.parallel`). ``keep`` filters each file's
    findings (first stage, then what the cross-year stage adds) before they are kept and
    streamed; ``closing`` adds findings to each file checked in full once both stages are
    done (handed to the listener as late findings, in path order, after everything else).
    ``cache`` (:mod:`govlint.cache`) gives the first stage of unchanged files without
    reading them again. ``RunResult.files`` keeps the order of ``inputs``; the listener
    hears of them in path order.
    """
    listener = listener or Listener()
    order = path_order(inputs)
    listener.started(len(inputs))
    checked: list[Checked] = [None] * len(inputs)  # type: ignore[list-item]
    keys: dict[int, str] = {}  # the first-stage keys of the inputs that wait for the cross-year stage
    index = YearIndex()
    try:
        for position, (key, done) in zip(order, _first_stage(host, resolver, inputs, order, jobs, recipe, cache)):
            if key is not None and not done.final:
                keys[position] = key
            if done.summary is not None:  # the full summary goes to the index's store, out of memory
                index.add(position, done.summary)
                done.summary = identity_of(done.summary)
            checked[position] = done
            if keep is not None:
                done.result.diagnostics = keep(done.result, done.result.diagnostics)
            listener.file_checked(done.result)
        explicit, failed = _previous_stage(host, resolver, inputs, checked, previous, index)
        for result in failed:  # (an unreadable --previous report: after the checked files)
            listener.file_checked(result)
        for position in order:
            done = checked[position]
            if done.final:
                continue
            found = index.previous_of(position, done.summary, explicit)
            predecessor = index.summary(found) if found is not None else None
            late = _pair_one(host, resolver, inputs[position], done, predecessor, cache, keys.get(position))
            if late and keep is not None:
                kept = keep(done.result, late)
                dropped = {id(d) for d in late} - {id(d) for d in kept}
                done.result.diagnostics = [d for d in done.result.diagnostics if id(d) not in dropped]
                late = kept
            if late:
                listener.late_findings(done.result, late)
        if closing is not None:
            _close(host, resolver, inputs, order, checked, closing, listener)
    finally:
        index.close()
    results = [c.result for c in checked]
    return RunResult(results + failed, host.registry, [s.display for s in skipped])
