"""SARIF 2.1.0, with every registered rule in ``tool.driver.rules`` (for code-scanning UIs)."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from govlint import __version__
from govlint.output.base import Formatter, Places

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A relative URI reference for ``path``: ``/``-separated, every other reserved or non-ASCII
    character percent-encoded (报告 1.txt → %E6%8A%A5%E5%91%8A%201.txt), as RFC 3986 asks."""
    return quote(PurePath(path).as_posix(), safe="/")


class SarifFormatter(Formatter):
    """One SARIF run for the whole invocation."""

    name = "sarif"
    machine_readable = True

    def render(self, result) -> None:
        rules = list(result.registry)
        index = {r.code: i for i, r in enumerate(rules)}
        descriptors = []
        for r in rules:
            descriptor = {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc_parts().get("What it checks", r.summary)},
                "defaultConfiguration": {"level": LEVELS[r.severity.value]},
                "properties": {"plugin": r.plugin},
            }
            if r.url:
                descriptor["helpUri"] = r.url
            descriptors.append(descriptor)
        results = []
        place_of = Places(result)
        for d in result.diagnostics:
            region = {"startLine": d.line, "startColumn": d.column}
            if d.end_line:
                region.update(endLine=d.end_line, endColumn=max(d.end_column, 1))
            place = place_of(d)
            if place:  # a .docx finding: the place in Word's terms (block:character means nothing there)
                region["message"] = {"text": place}
            item = {
                "ruleId": d.code,
                "ruleIndex": index.get(d.code, -1),
                "level": LEVELS[d.severity.value],
                "message": {"text": d.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}, "region": region}}
                ],
            }
            if place:
                item["properties"] = {"place": place}
            results.append(item)
        # Files that could not be read are not results (nothing was checked): they are the
        # invocation's notifications, and the run did not succeed.
        notifications = [
            {
                "level": "error",
                "message": {"text": f"{f.path}: {f.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}],
            }
            for f in result.files
            if f.error
        ]
        invocation = {"executionSuccessful": not notifications, "exitCode": result.exit_code}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "govlint", "version": __version__, "rules": descriptors}},
                    "invocations": [invocation],
                    "results": results,
                }
            ],
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
