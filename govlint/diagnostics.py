"""Severities and the :class:`Diagnostic` record that every rule result becomes.

Rules yield :class:`Violation` (a message and a span); the host turns each into a
:class:`Diagnostic` by adding the rule's code, name, plugin, effective severity and the
file path. Formatters only ever see diagnostics.
"""

from __future__ import annotations

import enum

from govlint.model import Span
from govlint.records import record


class Severity(str, enum.Enum):
    """Diagnostic levels. Only ``error`` makes the exit code 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, value: str) -> "Severity":
        """Parse a severity name (case-insensitive); raise ``ValueError`` on anything else."""
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(f"未知的严重程度 {value!r}（应为 error、warning 或 info）") from None


def format_number(value: int | float) -> str:
    """A number as a person writes it in a message (``12``, not ``12.0``; ``96171.6``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@record
class Violation:
    """What a rule reports: a concrete Chinese message and where it applies.

    ``span`` may be ``None`` for findings about the whole document (for example a missing
    section); the host then points at line 1, column 1.
    """

    message: str
    span: Span | None = None


#: How users read each severity (concise and full output, Word comments).
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@record
class Diagnostic:
    """One finding, fully resolved: ready for any output format."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity
    name: str = ""
    end_line: int = 0
    end_column: int = 0
    plugin: str = ""
    url: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Path, then position, then code: the order users read diagnostics in."""
        return (self.path, self.line, self.column, self.code)

    @property
    def whole_file(self) -> bool:
        """A finding about the whole file (no place in it): shown without a caret."""
        return (self.line, self.column, self.end_line, self.end_column) == (1, 1, 1, 1)

    @property
    def severity_label(self) -> str:
        """The severity as users read it: 错误, 警告, 提示."""
        return SEVERITY_LABELS[self.severity.value]

    @property
    def is_error(self) -> bool:
        """Whether this diagnostic makes the run fail (exit code 1)."""
        return self.severity is Severity.ERROR
