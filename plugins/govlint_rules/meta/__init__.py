"""GOV9xx: about govlint's own directives (unused suppressions)."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The meta family's rules (imported lazily)."""
    from govlint_rules.meta import rules

    return rules.RULES
