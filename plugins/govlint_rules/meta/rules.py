"""Rules about govlint's own inline directives."""

from __future__ import annotations

from govlint.api import rule


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


@rule("GOV902", "stale-baseline", "基线中的已知问题已不再出现", "warning")
def stale_baseline(report, options):
    """A finding recorded in the baseline file no longer occurs in its report.

    What it checks:
    ``govlint check --baseline FILE`` (or the ``baseline`` configuration key) hides the
    findings recorded in FILE by ``--write-baseline``. A recorded finding of a checked file
    that no longer occurs (the defect was corrected, or its text changed) is reported once,
    naming its code and message. Entries of files not checked in this run are not reported.
    Emitted by the host after all other rules ran.

    Why:
    A baseline that keeps entries for corrected defects would silently accept the same
    defect if it came back. Reporting stale entries tells the user to regenerate the
    baseline (``govlint check --write-baseline FILE``) so it shrinks as the archive is
    corrected.

    Failing example:
    The baseline records a GOV601 finding of ``2023.txt``; the figure was corrected since.

    Passing example:
    The baseline was regenerated after the correction, so it no longer records that finding.

    Options:
    None.
    """
    return ()


RULES = [unused_suppression, stale_baseline]
