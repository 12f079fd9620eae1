"""The formatter interface and the statistics shared by all text formats."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.runner import RunResult


class Formatter:
    """Base class: render a whole run to ``stream``.

    ``machine_readable`` formats (JSON, SARIF) must not be mixed with other text on the same
    stream, so ``--statistics`` and ``--count`` go to stderr for them.
    """

    name = ""
    machine_readable = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def render(self, result: "RunResult") -> None:
        """Write ``result`` to the stream."""
        raise NotImplementedError


def render_statistics(result: "RunResult", stream: TextIO) -> None:
    """flake8-style statistics: count, code and summary per code, most frequent first."""
    counts = Counter(d.code for d in result.diagnostics)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = result.registry.get(code)
        summary = rule.summary if rule else ""
        stream.write(f"{count:<5} {code} {summary}\n")
