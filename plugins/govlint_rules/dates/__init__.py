"""GOV4xx: report year, statistics period, dates and the publication deadline."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The dates family's rules (imported lazily)."""
    from govlint_rules.dates import rules

    return rules.RULES
