"""GOV3xx: the arithmetic identities of the tables (勾稽关系)."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The arithmetic family's rules (imported lazily)."""
    from govlint_rules.arithmetic import rules

    return rules.RULES
