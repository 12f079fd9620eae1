"""govlint's built-in province packs (``*.yaml`` beside this module), as a plugin.

Registered through the ``govlint`` entry-point group as ``packs``, exactly like a third-party
distribution that ships packs: its ``govlint_packs`` hook returns the pack files. The files
are read only when a pack is enabled or listed.
"""

from __future__ import annotations

from pathlib import Path

from govlint.api import hookimpl

#: The entry-point name of this plugin (the ``plugin`` of the built-in packs' rules).
PLUGIN_NAME = "packs"


def pack_files() -> list[str]:
    """The built-in pack files, sorted by name."""
    return sorted(str(p) for p in Path(__file__).parent.glob("*.yaml"))


@hookimpl
def govlint_packs():
    """The built-in packs (domain.md §11: the provincial and local variants with a source)."""
    return pack_files()
