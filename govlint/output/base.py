"""The formatter interface and the statistics shared by all text formats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.diagnostics import Diagnostic
    from govlint.results import FileResult, RunResult


class Formatter:
    """Base class: render a whole run to ``stream``.

    ``machine_readable`` formats (JSON, SARIF) must not be mixed with other text on the same
    stream, so ``--statistics`` and ``--count`` go to stderr for them.

    A ``streaming`` format writes each file's findings as soon as that file is done
    (:meth:`write_findings`, called in path order, then once more per file for what the
    cross-year stage adds) and nothing at the end; every other format is rendered once, at
    the end, from the compact results (:meth:`render`).
    """

    name = ""
    machine_readable = False
    streaming = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def render(self, result: "RunResult") -> None:
        """Write ``result`` to the stream."""
        raise NotImplementedError

    def write_findings(self, diagnostics: Sequence["Diagnostic"], file: "FileResult | None" = None) -> None:
        """Write some findings of one file (streaming formats)."""
        raise NotImplementedError


class LineFormatter(Formatter):
    """A streaming format that writes one line per finding (:meth:`line`)."""

    streaming = True

    def line(self, diagnostic: "Diagnostic", place: str | None = None) -> str:
        """The finding's line, with its newline (``place``: where it is in Word's terms)."""
        raise NotImplementedError

    def render(self, result: "RunResult") -> None:
        place = Places(result)
        self.stream.write("".join(self.line(d, place(d)) for d in result.diagnostics))

    def write_findings(self, diagnostics: Sequence["Diagnostic"], file: "FileResult | None" = None) -> None:
        places = (file.places if file is not None else None) or {}
        self.stream.write("".join(self.line(d, places.get((d.line, d.column))) for d in diagnostics))


class Places:
    """The Word place (``第3段``, ``表2 第5行 第3列``) of each diagnostic, from the run's results.

    Only .docx findings have one (see :meth:`govlint.document.Document.place_of`); every
    output format shows it beside the machine position, which means nothing in Word.
    """

    def __init__(self, result: "RunResult") -> None:
        self._by_path = {f.path: getattr(f, "places", None) or {} for f in result.files}

    def __call__(self, d: "Diagnostic") -> str | None:
        """The place of ``d`` in Word's terms, or ``None``."""
        return self._by_path.get(d.path, {}).get((d.line, d.column))


def place_suffix(place: str | None) -> str:
    """What follows a message in the text formats: ``（位置：表2 第5行 第3列）`` or nothing."""
    return f"（位置：{place}）" if place else ""


def render_statistics(result: "RunResult", stream: TextIO) -> None:
    """flake8-style statistics: count, code and summary per code, most frequent first."""
    counts = Counter(d.code for d in result.diagnostics)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = result.registry.get(code)
        summary = rule.summary if rule else ""
        stream.write(f"{count:<5} {code} {summary}\n")
