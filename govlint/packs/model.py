"""A loaded pack: its identity, scope, rules and what its rules accept.

Kept apart from :mod:`govlint.packs.schema` so that the settings and the runner can hold
packs without importing the YAML reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from govlint.diagnostics import Violation
from govlint.model import NO_ALLOWANCES, Allowances
from govlint.records import factory, record
from govlint.rules import ReportScope, Rule


#: A pack rule's check: ``check(report, options)`` yielding violations, like any rule's.
CheckFunction = Callable[[Any, Any], Iterator[Violation]]


class Context(NamedTuple):
    """What a block needs to know about its rule: the basis cited in messages."""

    basis: str


class Built(NamedTuple):
    """A block's check function, its documented parameters and its grant."""

    check: CheckFunction
    parameters: str
    allowances: Allowances = NO_ALLOWANCES
    supersedes: frozenset[str] = frozenset()


@record(eq=False)
class PackSource:
    """The notice or standard a pack encodes: its title, a short name for messages, a URL."""

    title: str
    short: str
    url: str = ""


@record(eq=False)
class Grant:
    """What one rule of a pack accepts or takes over, for the reports in that rule's scope.

    ``allowances`` hold extra rows and label wordings (``accept-rows``, ``accept-labels``);
    they apply whenever the pack is enabled. ``supersedes`` names national rules whose
    findings the rule makes instead (``complete-rows``); that applies only while the rule
    itself is selected, so ignoring it brings the national findings back.
    """

    rule: Rule
    allowances: Allowances
    supersedes: frozenset[str] = frozenset()


@record(eq=False)
class Pack:
    """A validated pack, ready to register. ``plugin`` names the plugin that ships it."""

    name: str
    description: str
    source: PackSource
    scope: ReportScope
    rules: list[Rule]
    path: Path
    plugin: str
    grants: list[Grant] = factory(list)
    #: ``file:line:col`` of each rule's code, for errors found when the pack is registered.
    positions: dict[str, str] = factory(dict)

    @property
    def codes(self) -> list[str]:
        """The codes of the pack's rules, in file order."""
        return [r.code for r in self.rules]
