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


RULES = [unused_suppression]
