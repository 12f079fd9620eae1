"""The codes govlint itself emits: GOV001 unreadable-file, GOV901 unused-suppression, GOV902 stale-baseline.

One owner: the rules are declared here (so the registry, ``govlint rule`` and docs/rules.md
know them, with their documentation) and the diagnostics are made here, by the functions
the runner, the suppression stage and the baseline call. No rule plugin holds a stub for
them. The module is an internal plugin of the host (registered under the name
``govlint``), so the three codes are selected, ignored and re-ranked like any rule.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from govlint.diagnostics import Diagnostic, Severity, Violation
from govlint.errors import one_line
from govlint.model import Span
from govlint.rules import Rule, RuleRegistry, rule

hookimpl = pluggy.HookimplMarker("govlint")

#: The name under which the host registers this module (the ``plugin`` of its diagnostics).
PLUGIN_NAME = "govlint"
UNREADABLE_CODE = "GOV001"
UNUSED_SUPPRESSION_CODE = "GOV901"
STALE_BASELINE_CODE = "GOV902"
#: Codes no rule function produces: the host emits them (never run as rules).
HOST_EMITTED = frozenset({UNREADABLE_CODE, UNUSED_SUPPRESSION_CODE, STALE_BASELINE_CODE})


@rule("GOV001", "unreadable-file", "文件无法读取或解码", "error")
def unreadable_file(report, options):
    """The file cannot be read or decoded, so nothing in it was checked.

    What it checks:
    Emitted by the host when a file does not exist, cannot be opened, is not a regular file
    (a FIFO, a device, a socket), is binary, is empty, exceeds a resource limit (size, a .docx
    zip bomb, PDF pages or streams, HTML table spans), or is not Chinese text in UTF-8,
    UTF-16 or GB18030/GBK (Shift-JIS, EUC-KR, double-encoded UTF-8, UTF-7, a BOM that
    contradicts the content). Also when a reader, the parser or a rule raises on the file (an
    internal error, naming the rule and its plugin): the file's other rules still run. The
    run exits with code 2 and a one-line message on stderr names the file and the problem;
    other files are still checked.

    Why:
    A report that cannot be read cannot be checked; a linter that skipped it silently would
    let a broken publication pass as clean.

    Failing example:
    A Word binary saved with a .txt name, or an empty file ``report.txt``.

    Passing example:
    Any UTF-8 or GBK text file with the report's content.

    Options:
    None.
    """
    return ()


@rule("GOV901", "unused-suppression", "抑制指令没有抑制任何诊断", "warning")
def unused_suppression(report, options):
    """An inline suppression directive silenced nothing.

    What it checks:
    In Markdown reports, the directives ``<!-- govlint-disable GOV301 -->`` … ``<!-- govlint-enable
    -->`` (a range of lines) and ``<!-- govlint-ignore GOV601 -->`` (the next line) silence the
    named codes (or every code when none is named). A directive under which no diagnostic of
    its codes was reported is itself reported. Emitted by the host after all other rules ran.

    Why:
    A suppression outlives the defect it was written for: once the table is corrected, a
    forgotten ``govlint-disable`` would hide the next real error in the same place. Reporting
    unused directives keeps them few and deliberate (as flake8-noqa and Ruff's RUF100 do).

    Failing example:
    <!-- govlint-ignore GOV601 -->
    本年度共收到政府信息公开申请4件。   (and the table also says 4)

    Passing example:
    <!-- govlint-ignore GOV601 -->
    本年度共收到政府信息公开申请5件（含误报）。   (GOV601 would fire here)

    Options:
    None.
    """
    return ()


@rule("GOV902", "stale-baseline", "基线中的已知问题已不再出现，可以从基线中删除", "warning")
def stale_baseline(report, options):
    """An entry of the baseline file no longer matches any finding.

    What it checks:
    With ``--baseline FILE`` (or the ``baseline`` configuration key), findings recorded in the
    baseline are hidden. An entry that matches no finding of the run any more — the defect
    was fixed, or the report was removed — is reported. Emitted by the host after all other
    rules ran.

    Why:
    A baseline lets an office adopt govlint on an existing archive without fixing every old
    report first; an entry that outlives its defect would silently hide the same defect when
    it comes back. Reporting stale entries keeps the baseline as small as the known problems.

    Failing example:
    The baseline lists a GOV302 finding of 2022年报告.txt, and the report's table was corrected.

    Passing example:
    Every entry of the baseline still matches a finding (or ``--write-baseline`` was run again).

    Options:
    None.
    """
    return ()


RULES = [unreadable_file, unused_suppression, stale_baseline]


@hookimpl
def govlint_rules() -> list[Rule]:
    """The host's own codes, registered like any plugin's rules."""
    return list(RULES)


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


def _emit(registry: RuleRegistry, selection, code: str, path: str, violations: Iterable[Violation]) -> list[Diagnostic]:
    """Diagnostics of one host code, or none when the code is not selected for the file."""
    target = registry.get(code)
    if target is None or selection is None or not selection.is_selected(code):
        return []
    severity = selection.severity_for(code, target.severity)
    return [make_diagnostic(path, target, violation, severity) for violation in violations]


def unreadable_diagnostics(registry: RuleRegistry, selection, path: str, messages: Iterable[str],
                           read_error: bool = False) -> list[Diagnostic]:
    """GOV001 for each failure message of a file (read error, or a check that did not finish)."""
    prefix = "无法读取文件：" if read_error else "无法完成检查："
    return _emit(registry, selection, UNREADABLE_CODE, path, [Violation(prefix + m) for m in messages])


def unused_suppression_diagnostic(registry: RuleRegistry, selection, path: str, suppression) -> list[Diagnostic]:
    """GOV901 for a directive (:class:`~govlint.document.Suppression`) that silenced nothing."""
    what = "、".join(suppression.codes) if suppression.codes else "任何诊断"
    where = (f"第{suppression.first_line}行" if suppression.first_line == suppression.last_line
             else f"第{suppression.first_line}–{suppression.last_line}行")
    message = f"抑制指令「{suppression.text}」在{where}没有抑制{what}，可以删除"
    return _emit(registry, selection, UNUSED_SUPPRESSION_CODE, path, [Violation(message, suppression.span)])


def stale_baseline_diagnostic(registry: RuleRegistry, selection, path: str, message: str,
                              span: Span | None = None) -> list[Diagnostic]:
    """GOV902 for a baseline entry that matched no finding (``path``: the file the entry names,
    or the baseline file itself); empty when GOV902 is not selected."""
    return _emit(registry, selection, STALE_BASELINE_CODE, path, [Violation(message, span)])
