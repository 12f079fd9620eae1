"""GOV6xx: prose against tables, and a report against last year's report."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The consistency family's rules (imported lazily)."""
    from govlint_rules.consistency import aggregate_rule, rules

    return rules.RULES + aggregate_rule.RULES
