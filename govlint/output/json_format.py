"""JSON: an array of diagnostics (schema: architecture.md §7)."""

from __future__ import annotations

import json

from govlint.output.base import Formatter, LineFormatter, Places


def diagnostic_to_dict(d, place: str | None = None) -> dict:
    """The JSON object of one diagnostic; ``place`` is its place in Word's terms (.docx only)."""
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.value,
        "filename": d.path,
        "location": {"row": d.line, "column": d.column},
        "end_location": {"row": d.end_line, "column": d.end_column},
        "plugin": d.plugin,
        "url": d.url or None,
        "place": place,
    }


class JsonFormatter(Formatter):
    """Pretty-printed JSON array, UTF-8 (Chinese is not escaped)."""

    name = "json"
    machine_readable = True

    def render(self, result) -> None:
        place = Places(result)
        items = [diagnostic_to_dict(d, place(d)) for d in result.diagnostics]
        json.dump(items, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesFormatter(LineFormatter):
    """JSON Lines: one object per finding (the fields of ``json``'s), streamed as files are checked."""

    name = "jsonl"
    machine_readable = True

    def line(self, d, place: str | None = None) -> str:
        return json.dumps(diagnostic_to_dict(d, place), ensure_ascii=False) + "\n"
