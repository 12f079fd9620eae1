"""GOV1xx: which national format the report follows, and whether its tables match it."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The template family's rules (imported lazily)."""
    from govlint_rules.template import rules

    return rules.RULES
