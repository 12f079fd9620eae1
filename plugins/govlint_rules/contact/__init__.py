"""GOV5xx: how to reach the issuing office (not mandated nationally, so configurable)."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The contact family's rules (imported lazily)."""
    from govlint_rules.contact import rules

    return rules.RULES
