"""The hooks a govlint plugin may implement. Every hook name starts with ``govlint_``.

A plugin is a module (or object) registered through the ``govlint`` entry-point group.
It implements hooks with :data:`govlint.api.hookimpl`. The host calls
``PluginManager.check_pending()`` after registration, so a misspelled hook name stops the
run instead of being silently ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.document import Document
    from govlint.rules import Rule

hookspec = pluggy.HookspecMarker("govlint")


@hookspec
def govlint_rules() -> "list[Rule]":
    """Return the rules this plugin provides.

    Import rule modules inside this function, not at module import time, so that
    ``govlint --version`` and other commands that do not need rules start fast.
    """


@hookspec(firstresult=True)
def govlint_read(path: str, data: bytes) -> "Document | None":
    """Turn the bytes of ``path`` into a :class:`~govlint.document.Document`.

    Return ``None`` when this reader does not handle the file, so the next reader is tried.
    Raise :class:`govlint.api.ReadError` when the file is of this reader's kind but cannot be
    read (the host reports GOV001 and exits 2).
    """


@hookspec
def govlint_report_suffixes() -> "list[str]":
    """File suffixes (with dot, lower case) that ``govlint check DIR`` treats as reports."""


@hookspec
def govlint_output_formats() -> "dict[str, Any]":
    """Return ``{format name: formatter}`` to add output formats.

    A formatter is a subclass of ``govlint.output.base.Formatter`` or a ``"module:Class"``
    reference to one (imported only when the format is used).
    """


@hookspec
def govlint_packs() -> "list[str]":
    """Return the paths of the YAML rule packs this plugin ships (``*.yaml`` files).

    A pack is found by name when its file name (without ``.yaml``) is that name; its file is
    read only when a configuration or ``--pack`` enables it, or when ``govlint packs``,
    ``govlint rules`` or ``govlint rule`` list every pack. Return paths, not loaded packs:
    listing them must cost nothing at start-up. See docs/packs.md for the pack format.
    """
