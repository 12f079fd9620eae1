"""Inline suppression directives: drop the diagnostics they silence, report unused ones (GOV901).

Directives (Markdown ``<!-- govlint-disable … -->``) are parsed by the reader into
:class:`~govlint.document.Suppression` records. The single-report rules and the cross-year
rules run in two phases (:mod:`govlint.pairing`), so a directive counts as used whichever
phase produced the diagnostic it silences, and unused ones are reported only once both ran
(``final``).
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint.core_rules import UNREADABLE_CODE, UNUSED_SUPPRESSION_CODE, unused_suppression_diagnostic
from govlint.diagnostics import Diagnostic
from govlint.document import Suppression
from govlint.rules import RuleRegistry

#: Host codes that no directive silences (an unused directive, an unreadable file).
NEVER_SUPPRESSED = (UNUSED_SUPPRESSION_CODE, UNREADABLE_CODE)


def suppress(diagnostics: list[Diagnostic], suppressions: Sequence[Suppression]) -> list[Diagnostic]:
    """``diagnostics`` without those a directive silences; each directive that silenced one is marked used."""
    if not suppressions:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        hit = next((s for s in suppressions if s.covers(diagnostic.code, diagnostic.line)), None)
        if hit is None or diagnostic.code in NEVER_SUPPRESSED:
            kept.append(diagnostic)
        else:
            hit.used = True
    return kept


def unused(registry: RuleRegistry, selection, path: str, suppressions: Sequence[Suppression]) -> list[Diagnostic]:
    """GOV901 for every directive that silenced nothing (none when GOV901 is not selected)."""
    found: list[Diagnostic] = []
    for suppression in suppressions:
        if not suppression.used:
            found.extend(unused_suppression_diagnostic(registry, selection, path, suppression))
    return found


def apply_suppressions(result, report, final: bool, host=None, settings=None) -> None:
    """Drop ``result``'s diagnostics silenced by ``report``'s directives; when ``final``, report unused ones.

    (The interface the runner had; kept for callers that check one file on its own.)
    """
    suppressions = report.document.suppressions
    if not suppressions:
        return
    result.diagnostics = suppress(result.diagnostics, suppressions)
    if not final or host is None or settings is None:
        return
    result.diagnostics.extend(unused(host.registry, settings.selection, result.path, suppressions))
    result.diagnostics.sort(key=lambda d: d.sort_key)
