"""GOV7xx: the text itself — sums, counts, percentages, enumerations, places, punctuation, repeats."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The text family's rules (imported lazily)."""
    from govlint_rules.text import rules

    return rules.RULES
