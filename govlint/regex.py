"""Regular expressions compiled once per machine, not once per run.

govlint's parser needs ~130 patterns, many with Chinese character sets, and compiling
them costs ~40–60 ms on every run — most of ``govlint check``'s start-up beyond Python and
click, and pre-commit runs govlint on every commit. Python caches a module's bytecode in
``.pyc`` files for the same reason; this module does the same for patterns: the code the
``re`` compiler produces for a pattern is stored in the user's cache directory and handed
straight to ``_sre`` on later runs.

Safety: entries are keyed by the exact interpreter (version, cache tag, ``_sre.MAGIC``); on
any problem (a missing, stale, unreadable or unwritable cache, an interpreter whose ``re``
internals differ) the pattern is compiled normally. ``GOVLINT_NO_CACHE=1`` turns the cache
off. Patterns compiled here behave exactly like ``re.compile``'s.
"""

from __future__ import annotations

import os
import re
import sys

try:  # the compiler that re.compile uses internally
    from re import _compiler as _sre_compile  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import _sre

_KEY = (tuple(sys.version_info), sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)
_entries: dict | None = None
_dirty = False


def _enabled() -> bool:
    return os.environ.get("GOVLINT_NO_CACHE", "") in ("", "0")


def cache_path() -> str:
    """Where the cache lives: ``$XDG_CACHE_HOME/govlint`` or ``~/.cache/govlint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "govlint", f"regex-{sys.implementation.cache_tag}.marshal")


def _load() -> dict:
    import marshal

    try:
        with open(cache_path(), "rb") as handle:
            data = marshal.loads(handle.read())  # one read: marshal.load(file) reads piecemeal
        if isinstance(data, tuple) and len(data) == 2 and data[0] == _KEY and isinstance(data[1], dict):
            return data[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return {}


def _save() -> None:
    """Write the cache atomically; a read-only or missing home is not an error."""
    import marshal
    import tempfile

    path = cache_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".regex-")
        with os.fdopen(handle, "wb") as stream:
            marshal.dump((_KEY, _entries), stream)
        os.replace(temporary, path)
    except OSError:
        pass


def _compile_entry(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern``."""
    parsed = _sre_parse.parse(pattern, flags)
    code = [int(op) for op in _sre_compile._code(parsed, flags)]  # opcodes are int subclasses
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, served from the cache when possible."""
    global _entries, _dirty
    if not _enabled():
        return re.compile(pattern, flags)
    if _entries is None:
        _entries = _load()
    flags = int(flags)
    key = (pattern, flags)
    entry = _entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # a corrupt entry: compile normally below
            pass
    try:
        entry = _compile_entry(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # re internals differ on this interpreter: use the public API
        return re.compile(pattern, flags)
    _entries[key] = entry
    if not _dirty:
        import atexit

        _dirty = True
        atexit.register(_save)
    return compiled
