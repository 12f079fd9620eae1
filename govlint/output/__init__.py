"""Output formats. Each formatter receives the whole :class:`~govlint.runner.RunResult`.

Formats are registered through the ``govlint_output_formats`` hook, so a plugin can add
one (for example a province's reporting format).
"""

from __future__ import annotations

import pluggy

hookimpl = pluggy.HookimplMarker("govlint")

BUILTIN_FORMATS = ("concise", "full", "json", "jsonl", "sarif", "github", "csv", "summary-csv")


@hookimpl
def govlint_output_formats() -> dict[str, str]:
    """The built-in formats, as ``module:Class`` references (imported only when used)."""
    return {
        "concise": "govlint.output.concise:ConciseFormatter",
        "full": "govlint.output.full:FullFormatter",
        "json": "govlint.output.json_format:JsonFormatter",
        "jsonl": "govlint.output.json_format:JsonLinesFormatter",
        "sarif": "govlint.output.sarif:SarifFormatter",
        "github": "govlint.output.github:GithubFormatter",
        "csv": "govlint.output.csv_format:CsvFormatter",
        "summary-csv": "govlint.output.csv_format:SummaryCsvFormatter",
    }


def resolve_formatter(target):
    """A formatter class from a class or a ``module:Class`` reference."""
    if not isinstance(target, str):
        return target
    import importlib

    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)
