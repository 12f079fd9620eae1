"""YAML values with their position, for validation errors that point into the pack file.

ruamel.yaml's round-trip loader records the line and column of every mapping key, mapping
value and sequence item (0-based). A :class:`Node` carries one value with the position of
its key (or item) and the dotted path users read (``rules[2].accept-rows.table``), so every
validation error is one line: ``file:line:col: path: what was expected``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govlint.errors import ConfigError


class PackError(ConfigError):
    """An invalid pack file: the message starts with ``file:line:col``."""


def _suggest(key: str, known: Iterable[str]) -> str:
    import difflib  # only on the error path

    known = list(known)
    if not known:
        return "; no keys are allowed here"
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(known)}"


class Node:
    """One value of a pack file, its path in the pack and where it is written."""

    __slots__ = ("value", "path", "file", "line", "column")

    def __init__(self, value: Any, path: str, file: str, line: int, column: int) -> None:
        self.value = value
        self.path = path
        self.file = file
        self.line = line
        self.column = column

    @property
    def where(self) -> str:
        """``file:line:col`` (1-based) of this value."""
        return f"{self.file}:{self.line}:{self.column}"

    def error(self, expected: str) -> PackError:
        """A :class:`PackError` about this value."""
        return PackError(f"{self.where}: {self.path or '(pack)'}: {expected}")

    def _child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # ------------------------------------------------------------------ containers
    def mapping(self, keys: Mapping[str, str], required: Iterable[str] = ()) -> dict[str, "Node"]:
        """The value as ``{key: Node}``; unknown keys and missing required keys are errors.

        ``keys`` maps each allowed key to what it holds (used in error messages).
        """
        if not isinstance(self.value, dict):
            raise self.error(f"expected a mapping with keys {', '.join(keys)}, got {_kind(self.value)}")
        found: dict[str, Node] = {}
        for key in self.value:
            line, column = _key_position(self.value, key, self.line, self.column)
            if not isinstance(key, str) or key not in keys:
                raise PackError(f"{self.file}:{line}:{column}: {self._child_path(str(key))}: unknown key {key!r}"
                                f"{_suggest(str(key), keys)}")
            found[key] = self.child(key)
        missing = [k for k in required if k not in found]
        if missing:
            raise self.error(f"missing key {missing[0]!r} ({keys[missing[0]]})")
        return found

    def child(self, key: str | int) -> "Node":
        """The node of ``key`` (a mapping key or a sequence index), positioned at its value."""
        container = self.value
        if isinstance(key, int):
            line, column = _item_position(container, key, self.line, self.column)
        else:
            line, column = _value_position(container, key, self.line, self.column)
        return Node(container[key], self._child_path(key), self.file, line, column)

    def items(self) -> list["Node"]:
        """The value as a list of nodes (a non-empty sequence)."""
        if not isinstance(self.value, list):
            raise self.error(f"expected a list, got {_kind(self.value)}")
        if not self.value:
            raise self.error("expected a non-empty list")
        return [self.child(i) for i in range(len(self.value))]

    # ------------------------------------------------------------------ scalars
    def text(self, what: str = "a string") -> str:
        """The value as a non-empty string (stripped)."""
        if not isinstance(self.value, str) or not self.value.strip():
            raise self.error(f"expected {what}, got {_kind(self.value)}")
        return self.value.strip()

    def texts(self, what: str = "a string or a list of strings") -> tuple[str, ...]:
        """A string or a list of strings, as a tuple."""
        if isinstance(self.value, str):
            return (self.text(what),)
        return tuple(item.text(what) for item in self.items())

    def integer(self, what: str = "an integer") -> int:
        """The value as an integer (not a boolean)."""
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.error(f"expected {what}, got {_kind(self.value)}")
        return int(self.value)

    def number(self, what: str = "a number") -> int | float:
        """The value as an integer or a float (not a boolean)."""
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float)):
            raise self.error(f"expected {what}, got {_kind(self.value)}")
        return self.value

    def flag(self) -> bool:
        """The value as a boolean."""
        if not isinstance(self.value, bool):
            raise self.error(f"expected true or false, got {_kind(self.value)}")
        return self.value

    def choice(self, choices: Iterable[str]) -> str:
        """A string that is one of ``choices``."""
        options = list(choices)
        value = self.value
        if not isinstance(value, str) or value not in options:
            raise self.error(f"expected one of {', '.join(options)}, got {_show(value)}")
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {_show(value)}"


def _show(value: Any) -> str:
    text = repr(str(value) if not isinstance(value, (str, int, float)) else value)
    return text if len(text) <= 60 else text[:57] + "…"


def _lc(container: Any):
    return getattr(container, "lc", None)


def _key_position(container: Any, key: Any, line: int, column: int) -> tuple[int, int]:
    lc = _lc(container)
    try:
        row, col = lc.key(key)
        return row + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return line, column


def _value_position(container: Any, key: Any, line: int, column: int) -> tuple[int, int]:
    lc = _lc(container)
    try:
        row, col = lc.value(key)
        return row + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return _key_position(container, key, line, column)


def _item_position(container: Any, index: int, line: int, column: int) -> tuple[int, int]:
    lc = _lc(container)
    try:
        row, col = lc.item(index)
        return row + 1, col + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return line, column
