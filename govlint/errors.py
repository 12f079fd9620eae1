"""Errors that end a run with exit code 2.

Every user error (bad option, bad config, broken plugin, unreadable input) is raised as a
:class:`GovlintError` carrying one line of text; the CLI prints that line and exits 2. A
traceback is shown only with ``--debug`` or ``GOVLINT_DEBUG=1``.
"""

from __future__ import annotations


class GovlintError(Exception):
    """A user-facing error: the message is one line and is printed as is."""

    exit_code = 2


class ConfigError(GovlintError):
    """An invalid configuration file, key, value or command-line selection."""


class PluginError(GovlintError):
    """A plugin could not be loaded, is invalid, or collides with another plugin."""


class InputError(GovlintError):
    """An input path that cannot be used (missing, not a report, a directory with no reports)."""


class ReadError(Exception):
    """A file that cannot be read as a report (binary, empty, undecodable, too large).

    Raised by readers. The host reports it as GOV001 ``unreadable-file`` with the message,
    prints one line to stderr and makes the run exit 2; other files are still checked.
    """


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _needs_escape(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0x85)
            or 0xD800 <= code <= 0xDFFF or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)


def escape_control(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``), for one-line messages.

    File names may hold newlines, escape sequences, bidirectional overrides or (on POSIX)
    bytes that are not UTF-8; printed raw they would break a one-line error, forge output
    lines, or fail to encode.
    """
    if not any(_needs_escape(ch) for ch in text):
        return text
    return "".join(_escape(ch) if _needs_escape(ch) else ch for ch in text)


def one_line(text: str) -> str:
    """``text`` as one line: control characters and line separators escaped, tabs kept.

    Messages quote the report's own text, which may hold vertical tabs, form feeds or
    U+2028 line separators; printed raw they would split one finding over several lines.
    """
    if not any(_needs_escape(ch) and ch != "\t" for ch in text):
        return text
    return "".join(_escape(ch) if _needs_escape(ch) and ch != "\t" else ch for ch in text)
