"""JSON: an array of diagnostics (schema: architecture.md §7)."""

from __future__ import annotations

import json

from govlint.output.base import Formatter, LineFormatter


def diagnostic_to_dict(d) -> dict:
    """The JSON object of one diagnostic."""
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
    }


class JsonFormatter(Formatter):
    """Pretty-printed JSON array, UTF-8 (Chinese is not escaped)."""

    name = "json"
    machine_readable = True

    def render(self, result) -> None:
        items = [diagnostic_to_dict(d) for d in result.diagnostics]
        json.dump(items, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesFormatter(LineFormatter):
    """JSON Lines: one object per finding (the fields of ``json``'s), streamed as files are checked."""

    name = "jsonl"
    machine_readable = True

    def line(self, d) -> str:
        return json.dumps(diagnostic_to_dict(d), ensure_ascii=False) + "\n"
