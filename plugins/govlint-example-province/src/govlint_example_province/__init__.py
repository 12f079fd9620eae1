# src/govlint_example_province/__init__.py — keep it tiny: import rule modules inside the hooks
"""An example province package for govlint: one Python rule and one YAML rule pack.

Registered through the ``govlint`` entry-point group (see pyproject.toml), like govlint's
own rule families. Keep this module tiny: rule modules are imported inside the hooks, so
that ``govlint --version`` and ``govlint check`` start fast.
"""

from pathlib import Path

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The package's Python rules."""
    from govlint_example_province import rules

    return rules.RULES


@hookimpl
def govlint_packs():
    """The package's YAML packs; a pack is read only when enabled (packs = ["example-province"])."""
    return [str(Path(__file__).parent / "packs" / "example-province.yaml")]
