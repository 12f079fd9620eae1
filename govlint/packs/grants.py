"""What the enabled packs accept for one report (set on ``report.allowances`` before rules run).

An ``accept-rows`` or ``accept-labels`` rule's allowances apply whenever its pack is enabled
and the report is in the rule's scope and formats: enabling a pack whose format adds a row
means that row is expected, whatever the selection. A ``complete-rows`` rule takes over the
national rules' findings only while it is itself selected, so that ignoring it brings them
back: a missing row is never left unreported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govlint.model import NO_ALLOWANCES, Allowances
from govlint.packs.model import Pack


def allowances_for(packs: Iterable[Pack], report: Any, selection: Any) -> Allowances:
    """The union of the grants of ``packs`` that apply to ``report``."""
    result = NO_ALLOWANCES
    for pack in packs:
        for grant in pack.grants:
            target = grant.rule
            if not target.applies_to(report.template) or not target.in_scope(report):
                continue
            result = result.merged(grant.allowances)
            if grant.supersedes and selection.is_selected(target.code):
                result = result.merged(Allowances(superseded=grant.supersedes))
    return result
