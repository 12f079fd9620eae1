"""Find ``govlint`` entry points by reading ``entry_points.txt`` files on ``sys.path``.

``importlib.metadata`` does the same job but costs ~35 ms to import (it pulls in ``email``
and ``zipfile``), and ``govlint check`` runs on every pre-commit commit, so start-up time is
a feature. This module follows the same rules for what it supports: ``*.dist-info`` and
``*.egg-info`` directories in ``sys.path`` entries, scanned in ``sys.path`` order, the first
distribution of a given normalised name wins (later copies are shadowed, as by the import
system). Anything it cannot read this way (a zipped ``sys.path`` entry) makes it fall back
to ``importlib.metadata``.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Any

from govlint import regex

_META_DIR_RE = regex.compile(r"^(?P<name>[^-]+?)(?:-(?P<version>[^-]+?))?(?:-py\d[^-]*)?\.(?:dist|egg)-info$", re.I)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


class EntryPoint:
    """An entry point: ``name = module:attr`` from distribution directory ``meta_dir``."""

    __slots__ = ("name", "value", "group", "meta_dir", "dist_name", "dist_version")

    def __init__(self, name: str, value: str, group: str, meta_dir: str | None,
                 dist_name: str | None = None, dist_version: str | None = None) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.meta_dir = meta_dir
        self.dist_name = dist_name
        self.dist_version = dist_version

    @property
    def dist_key(self) -> str:
        """The normalised name of the providing distribution (from ``meta_dir``'s name)."""
        if self.dist_name:
            return _normalise(self.dist_name)
        base = os.path.basename((self.meta_dir or "").rstrip("/\\"))
        match = _META_DIR_RE.match(base)
        return _normalise(match.group("name")) if match else (self.meta_dir or "")

    def load(self) -> Any:
        """Import the module and resolve the attribute path (``module:obj.attr``)."""
        module_name, _, attrs = self.value.partition(":")
        obj = importlib.import_module(module_name.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj

    def metadata_field(self, field: str) -> str | None:
        """A header of the distribution's ``METADATA``/``PKG-INFO`` file (read on demand)."""
        if self.meta_dir is None:
            return None
        for filename in ("METADATA", "PKG-INFO"):
            path = os.path.join(self.meta_dir, filename)
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    for line in handle:
                        if not line.strip():
                            break  # end of headers
                        key, sep, value = line.partition(":")
                        if sep and key.strip().lower() == field.lower():
                            return value.strip()
            except OSError:
                continue
        return None


def _parse_entry_points(text: str, group: str) -> list[tuple[str, str]]:
    """``(name, value)`` pairs of ``[group]`` in an ``entry_points.txt`` (INI syntax)."""
    pairs = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        if current != group:
            continue
        name, sep, value = line.partition("=")
        if sep:
            pairs.append((name.strip(), value.strip()))
    return pairs


def _fallback(group: str) -> list[EntryPoint]:
    import importlib.metadata as md

    found = []
    for ep in md.entry_points(group=group):
        dist = getattr(ep, "dist", None)
        meta_dir = str(getattr(dist, "_path", "")) or None
        found.append(EntryPoint(ep.name, ep.value, group, meta_dir,
                                dist.metadata["Name"] if dist else None, dist.version if dist else None))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """Entry points of ``group`` from every distribution visible on ``sys.path``."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        directory = entry or "."
        if os.path.isfile(directory):
            return _fallback(group)  # a zip archive on sys.path
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            match = _META_DIR_RE.match(name)
            if not match:
                continue
            key = _normalise(match.group("name"))
            if key in seen:
                continue
            seen.add(key)
            meta_dir = os.path.join(directory, name)
            try:
                with open(os.path.join(meta_dir, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            for ep_name, value in _parse_entry_points(text, group):
                found.append(EntryPoint(ep_name, value, group, meta_dir, None, match.group("version")))
    return found
