"""The run of ``govlint check``, as one import: a facade over the modules that do the work.

- :mod:`govlint.discovery` — which files: command-line paths, directory search, the
  ``-o`` target and govlint's own outputs left out, lock files skipped, legacy hints;
- :mod:`govlint.checker` — one input: guarded read, parse, the single-report rules;
- :mod:`govlint.suppression` — inline directives, unused ones (GOV901);
- :mod:`govlint.core_rules` — the codes govlint emits itself (GOV001, GOV901, GOV902);
- :mod:`govlint.pairing` — per-report summaries, the year index, predecessors;
- :mod:`govlint.collect` — a run: both stages, results in path order, the listener;
- :mod:`govlint.parallel` — the worker processes of ``-j``;
- :mod:`govlint.cache` — the first stage of unchanged files, kept in ``.govlint_cache``;
- :mod:`govlint.baseline` — known findings hidden (``keep``), stale entries (``closing``, GOV902);
- :mod:`govlint.isolation` — captured third-party output, guarded calls;
- :mod:`govlint.results` — the compact results formatters read.

The runner never prints: it returns a :class:`RunResult`. One bad file never stops the run
(see :mod:`govlint.checker`). The names below are the stable imports of the other modules
and of the tests.
"""

from __future__ import annotations

from govlint.checker import (
    Checked,
    RuleCrash,
    add_failures,
    check_file,
    check_input,
    read_guarded,
    read_input,
    read_report,
    record_lines,
    rule_owner,
    run_rules,
    selected_rules,
    settings_for,
)
from govlint.collect import ClosingFindings, FindingFilter, Listener, check, path_order, read_previous
from govlint.core_rules import (
    STALE_BASELINE_CODE,
    UNREADABLE_CODE,
    UNUSED_SUPPRESSION_CODE,
    make_diagnostic,
    stale_baseline_diagnostic,
)
from govlint.discovery import (
    STDIN,
    Input,
    Skipped,
    collect_inputs,
    output_conflict,
    real_path,
    would_collect,
)
from govlint.isolation import (
    LINES_INCOMPLETE,
    NOT_CHECKED,
    RULE_NOT_CHECKED,
    captured_output,
    guarded,
    internal_failure,
)
from govlint.pairing import PairSummary, YearIndex, issuer_key, pair_summary
from govlint.results import Failure, FileResult, RunResult
from govlint.suppression import apply_suppressions

#: The name of :func:`check_file` before the split (its result is now the compact :class:`Checked`).
check_one = check_file

__all__ = [
    "Checked", "ClosingFindings", "Failure", "FindingFilter", "FileResult", "Input", "LINES_INCOMPLETE", "Listener", "NOT_CHECKED", "PairSummary",
    "RULE_NOT_CHECKED", "RuleCrash", "RunResult", "STALE_BASELINE_CODE", "STDIN", "Skipped", "UNREADABLE_CODE",
    "UNUSED_SUPPRESSION_CODE", "YearIndex", "add_failures", "apply_suppressions", "captured_output", "check",
    "check_file", "check_input", "check_one", "collect_inputs", "guarded", "internal_failure", "issuer_key", "make_diagnostic",
    "output_conflict", "pair_summary", "path_order", "read_guarded", "read_input", "read_previous", "read_report",
    "real_path", "record_lines", "rule_owner", "run_rules", "selected_rules", "settings_for",
    "stale_baseline_diagnostic", "would_collect",
]
