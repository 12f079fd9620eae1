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
