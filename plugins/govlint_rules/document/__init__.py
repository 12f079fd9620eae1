"""GOV0xx: reading and recognising the document (emitted from the host's and parser's records)."""

from govlint.api import hookimpl


@hookimpl
def govlint_rules():
    """The document family's rules (imported lazily)."""
    from govlint_rules.document import rules

    return rules.RULES
