"""GitHub Actions workflow commands: one annotation per diagnostic."""

from __future__ import annotations

from govlint.output.base import LineFormatter, place_suffix

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(LineFormatter):
    """``::error file=…,line=…,col=…,title=…::message`` (streamed, like ``concise``)."""

    name = "github"

    def line(self, d, place: str | None = None) -> str:
        props = [f"file={_escape_property(d.path)}", f"line={d.line}", f"col={d.column}"]
        if d.end_line:
            props += [f"endLine={d.end_line}", f"endColumn={d.end_column}"]
        props.append(f"title={_escape_property(f'{d.code} {d.name}')}")
        return f"::{LEVELS[d.severity.value]} {','.join(props)}::{_escape_data(f'{d.code} {d.message}{place_suffix(place)}')}\n"
