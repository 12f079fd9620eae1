"""GOV2xx: the six sections, their titles, order, numbering and content."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The sections family's rules (imported lazily)."""
    from govlint_rules.sections import rules

    return rules.RULES
