"""The result cache: an unchanged file is not read, parsed or checked again (as Ruff does).

Key: sha256 of the file's bytes, its display path, govlint's version, the installed
plugins (names, distributions, versions) plus a stamp of their source files (size and
mtime: an edited rule in a development checkout invalidates without a version bump), and
the effective settings for that file (selection, severities, rule options, limits, enabled
packs with the hash of each pack file). Value: the file's compact result (diagnostics,
recorded source lines, issuer, year, template) as JSON, plus an opaque JSON-able ``extra``
dict the runner may attach. JSON, never pickle: a cache directory inside a repository
must not be able to run code.

Where: ``.govlint_cache/`` beside the configuration file in use, else in the current
directory (so also under ``--isolated``: as Ruff, whose cache lives in the project root,
the current directory when no configuration is used). It holds ``CACHEDIR.TAG``, a
``.gitignore`` of ``*`` and one small file per entry under ``v1/``, each written
atomically. A corrupt or unreadable entry is a miss, never an error; a directory that
cannot be written means no cache, silently. Not cached: standard input (as Ruff), bytes
given by the caller (``annotate``), and any file whose check failed (unreadable, an
internal error), so that fixing the environment takes effect on the next run. ``--no-cache``
or ``GOVLINT_NO_CACHE=1`` turn it off.

What is cached is the *first stage* of a run (:mod:`govlint.collect`) for one file: its
single-report findings, the source lines and Word places they point at, the parser's facts,
the directives whose unused-check waits for the cross-year stage, and the report's
:class:`~govlint.pairing.PairSummary` (in ``extra``). None of it depends on any other file,
so the key needs nothing but the file and the settings. The lead looks entries up before
the first stage hands work to worker processes (``-j``): only misses are checked, and a
fresh result is stored by the lead as it arrives.

The *cross-year stage* of a report that has a predecessor is cached too, in an entry of
its own (``extra`` is ``{"stage": "pair"}``): what that stage adds — the pair rules'
findings, the unused-directive findings that waited for it, and the source lines and
places they point at. Its outcome is a pure function of the report's first-stage key
(bytes, path, settings, code) and of the predecessor's :class:`~govlint.pairing.PairSummary`,
so its key (:func:`pair_key`) hashes both: a changed predecessor, a changed report or a
predecessor found elsewhere is a miss, and a hit is neither read nor parsed. A stage that
had failures is never stored. The ``--previous`` reports themselves are read every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint import __version__
from govlint.atomic import write_atomically
from govlint.checker import Checked
from govlint.diagnostics import Diagnostic, Severity
from govlint.discovery import Input
from govlint.document import Suppression
from govlint.model import Span
from govlint.pairing import PairSummary
from govlint.records import factory, record, replace
from govlint.results import FileResult

if TYPE_CHECKING:
    from govlint.host import Host
    from govlint.settings import FileSettings

CACHE_DIR_NAME = ".govlint_cache"
#: Bumped whenever the entry layout changes: old entries are then simply never read.
FORMAT_VERSION = 2
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by govlint.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")
_DIAGNOSTIC_FIELDS = ("path", "line", "column", "code", "message", "severity", "name", "end_line",
                      "end_column", "plugin", "url")


@record
class CacheEntry:
    """What a hit gives back: the file's result and the run's ``extra`` data (JSON values)."""

    result: FileResult
    extra: dict[str, Any] = factory(dict)


def disabled_by_environment() -> bool:
    """``GOVLINT_NO_CACHE`` set to anything but ``""``/``0`` turns the cache off (like ``--no-cache``)."""
    return os.environ.get("GOVLINT_NO_CACHE", "") not in ("", "0")


# --------------------------------------------------------------------------- keys


def _tree_stamp(root: Path) -> list[tuple[str, int, int]]:
    """``(relative path, size, mtime_ns)`` of every ``.py`` file under ``root`` (sorted)."""
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                full = os.path.join(directory, name)
                try:
                    info = os.stat(full)
                except OSError:
                    continue
                found.append((os.path.relpath(full, root), info.st_size, info.st_mtime_ns))
    return found


def _package_root(module_name: str) -> Path | None:
    """The directory of the top-level package of ``module_name`` (or its file, for a module)."""
    top = sys.modules.get(module_name.split(".")[0])
    location = getattr(top, "__file__", None)
    if not location:
        return None
    path = Path(location)
    return path.parent if path.name == "__init__.py" else path


def code_key(host: Host) -> str:
    """What the results depend on besides file and settings: govlint, its plugins and their code."""
    plugins = sorted((info.name, info.value, info.dist, info.version) for info in host.plugins.values())
    roots = {Path(__file__).resolve().parent}
    for plugin in host.pm.get_plugins():
        name = getattr(plugin, "__name__", None) or type(plugin).__module__
        root = _package_root(name)
        if root is not None:
            roots.add(root.resolve())
    stamps = []
    for root in sorted(roots):
        stamps.append((str(root), _tree_stamp(root) if root.is_dir() else _file_stamp(root)))
    payload = json.dumps([FORMAT_VERSION, __version__, sys.version_info[:2], plugins, stamps])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _file_stamp(path: Path) -> list[tuple[str, int, int]]:
    try:
        info = path.stat()
    except OSError:
        return []
    return [(path.name, info.st_size, info.st_mtime_ns)]


def _pack_digest(pack: Any, memo: dict[str, str]) -> str:
    """A pack's name and the sha256 of its file (its repr holds functions: not stable)."""
    path = str(getattr(pack, "path", ""))
    if path not in memo:
        try:
            memo[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            memo[path] = "unreadable"
    return f"{pack.name}:{path}:{memo[path]}"


def settings_key(settings: FileSettings, memo: dict[str, str] | None = None) -> str:
    """A stable text of everything in ``settings`` that changes a file's result."""
    selection = settings.selection
    severities = sorted((code, level.value) for code, level in selection.severity)
    options = json.dumps(settings.rule_options, sort_keys=True, ensure_ascii=False, default=repr)
    limits = sorted(vars(settings.config.limits).items())
    packs = [_pack_digest(p, memo if memo is not None else {}) for p in settings.packs]
    return json.dumps([selection.select, sorted(selection.ignore), severities, options, limits, packs],
                      ensure_ascii=False, default=repr)


# --------------------------------------------------------------------------- (de)serialisation


def _positions(mapping: dict[tuple[int, int], str]) -> list[list[Any]]:
    return [[line, column, text] for (line, column), text in mapping.items()]


def _read_positions(rows: Any) -> dict[tuple[int, int], str]:
    found = {}
    for line, column, text in rows:
        if not (_is_int(line) and _is_int(column) and isinstance(text, str)):
            raise ValueError("bad line")
        found[(line, column)] = text
    return found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def dump_result(result: FileResult, extra: dict[str, Any] | None = None) -> str:
    """The JSON text of a cache entry."""
    diagnostics = [[getattr(d, f).value if f == "severity" else getattr(d, f) for f in _DIAGNOSTIC_FIELDS]
                   for d in result.diagnostics]
    data = {"path": result.path, "diagnostics": diagnostics, "lines": _positions(result.lines),
            "places": _positions(result.places), "scheme": result.scheme, "issuer": result.issuer,
            "year": result.year, "template": result.template, "extra": extra or {}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load_result(text: str) -> CacheEntry:
    """A cache entry from its JSON text (raises on anything malformed: the caller treats it as a miss)."""
    data = json.loads(text)
    diagnostics = []
    for row in data["diagnostics"]:
        values = dict(zip(_DIAGNOSTIC_FIELDS, row, strict=True))
        values["severity"] = Severity(values["severity"])
        if not all(_is_int(values[f]) for f in ("line", "column", "end_line", "end_column")):
            raise ValueError("bad position")
        if not all(isinstance(values[f], str) for f in ("path", "code", "message", "name", "plugin", "url")):
            raise ValueError("bad text field")
        diagnostics.append(Diagnostic(**values))
    year = data["year"]
    if year is not None and not _is_int(year):
        raise ValueError("bad year")
    for field in ("issuer", "template"):
        if data[field] is not None and not isinstance(data[field], str):
            raise ValueError(f"bad {field}")
    if not isinstance(data["path"], str) or not isinstance(data["scheme"], str) or not isinstance(data["extra"], dict):
        raise ValueError("bad entry")
    result = FileResult(data["path"], diagnostics, _read_positions(data["lines"]), data["scheme"], [],
                        data["issuer"], year, data["template"], _read_positions(data.get("places", [])))
    return CacheEntry(result, data["extra"])


def _dump_suppression(item: Suppression) -> dict[str, Any]:
    return {"codes": list(item.codes), "first_line": item.first_line, "last_line": item.last_line,
            "span": list(item.span), "text": item.text, "used": item.used}


def _load_suppression(data: dict[str, Any]) -> Suppression:
    codes, span = data["codes"], data["span"]
    numbers = [data["first_line"], data["last_line"], *span]
    if not (isinstance(codes, list) and all(isinstance(c, str) for c in codes) and len(span) == 4
            and all(_is_int(n) for n in numbers) and isinstance(data["text"], str) and isinstance(data["used"], bool)):
        raise ValueError("bad suppression")
    return Suppression(tuple(codes), data["first_line"], data["last_line"], Span(*span), data["text"], data["used"])


def checked_extra(checked: Checked) -> dict[str, Any]:
    """What a first-stage result holds besides its :class:`FileResult`, as JSON values."""
    return {"summary": checked.summary.to_dict() if checked.summary is not None else None,
            "suppressions": [_dump_suppression(s) for s in checked.suppressions], "final": checked.final}


def checked_of(entry: CacheEntry, display: str) -> Checked:
    """The first-stage result an entry stores, shown as ``display`` (raises when malformed)."""
    extra = entry.extra
    summary = extra["summary"]
    if summary is not None and not isinstance(summary, dict):
        raise ValueError("bad summary")
    final = extra["final"]
    if not isinstance(final, bool) or not isinstance(extra["suppressions"], list):
        raise ValueError("bad entry")
    entry.result.path = display
    pair = PairSummary.from_dict(summary) if summary is not None else None
    if pair is not None:
        pair.path = display
    return Checked(entry.result, pair, [_load_suppression(s) for s in extra["suppressions"]], final)


# --------------------------------------------------------------------------- the cache


class Cache:
    """One run's view of a cache directory: look entries up, store new ones."""

    def __init__(self, directory: Path, run_key: str) -> None:
        self.directory = directory
        self.entries = directory / f"v{FORMAT_VERSION}"
        self.run_key = run_key
        self.writable = True
        self._pack_memo: dict[str, str] = {}
        self._settings_memo: dict[tuple[int, ...], tuple[tuple[Any, ...], str]] = {}

    @classmethod
    def open(cls, base: Path, host: Host) -> Cache | None:
        """The cache under ``base/.govlint_cache`` (created), or ``None`` when it cannot be written."""
        directory = base / CACHE_DIR_NAME
        try:
            directory.mkdir(exist_ok=True)
            _write_if_missing(directory / "CACHEDIR.TAG", CACHEDIR_TAG)
            _write_if_missing(directory / ".gitignore", "# Created by govlint.\n*\n")
            (directory / f"v{FORMAT_VERSION}").mkdir(exist_ok=True)
            if not os.access(directory / f"v{FORMAT_VERSION}", os.W_OK):
                return None
        except OSError:
            return None
        return cls(directory, code_key(host))

    def key_for(self, display: str, data: bytes, settings: FileSettings) -> str:
        """The entry key of a file shown as ``display`` with content ``data`` under ``settings``."""
        text = self._settings_text(settings)
        digest = hashlib.sha256()
        for part in (self.run_key, display, text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _settings_text(self, settings: FileSettings) -> str:
        """:func:`settings_key`, remembered per (selection, options, configuration) objects.

        The resolver makes a new ``FileSettings`` per file around shared parts; the memo keeps
        those parts alive (so their ids stay theirs) and is bounded.
        """
        parts = (settings.selection, settings.rule_options, settings.config, settings.packs)
        memo_key = tuple(id(part) for part in parts)
        known = self._settings_memo.get(memo_key)
        if known is not None and all(a is b for a, b in zip(known[0], parts)):
            return known[1]
        text = settings_key(settings, self._pack_memo)
        if len(self._settings_memo) > 256:
            self._settings_memo.clear()
        self._settings_memo[memo_key] = (parts, text)
        return text

    def _path(self, key: str) -> Path:
        return self.entries / f"{key}.json"

    def load(self, key: str) -> CacheEntry | None:
        """The entry stored under ``key``; ``None`` when absent, unreadable or corrupt."""
        try:
            text = self._path(key).read_text(encoding="utf-8")
            return load_result(text)
        except Exception:  # noqa: BLE001 - any damage to the cache is a miss, never an error
            return None

    def store(self, key: str, result: FileResult, extra: dict[str, Any] | None = None) -> None:
        """Write an entry atomically; a failed result is never stored; write errors disable the cache."""
        if result.failures or not self.writable:
            return
        try:
            write_atomically(self._path(key), dump_result(result, extra))
        except (OSError, ValueError, TypeError):
            self.writable = False


def _write_if_missing(path: Path, text: str) -> None:
    if not path.exists():
        path.write_text(text, encoding="utf-8")


def cache_base(config_path: Path | None) -> Path:
    """Where ``.govlint_cache`` goes: beside the configuration file in use, else the current directory."""
    return config_path.parent if config_path is not None else Path.cwd()


# --------------------------------------------------------------------------- the first stage's glue


@record
class Lookup:
    """A cache look-up for one input: its key, the input with its bytes read, and the hit.

    ``item`` carries the bytes that were hashed, so a miss is checked on exactly those bytes
    (a file edited between the look-up and the check is never stored under the old key).
    """

    key: str | None
    item: Input
    hit: Checked | None = None


def keyed(cache: Cache, item: Input, settings: FileSettings) -> tuple[str | None, Input]:
    """The input's entry key and the input carrying the bytes that were hashed.

    A miss is then checked on exactly those bytes, so a file edited meanwhile is never
    stored under the key of its former content. Standard input and caller-given bytes are
    never cached (``None``); a file that cannot be read here is checked normally, which
    reports why.
    """
    from govlint.readers.files import read_file

    if item.stdin or item.path is None or item.data is not None:
        return None, item
    try:
        data = read_file(item.path, settings.config.limits.max_file_size)
    except Exception:  # noqa: BLE001 - the normal read reports the problem
        return None, item
    return cache.key_for(item.display, data, settings), replace(item, data=data)


def lookup(cache: Cache, item: Input, settings: FileSettings, keep_bytes: bool = True) -> Lookup:
    """Read the input's bytes once and look its entry up.

    ``keep_bytes``: the returned input carries the bytes (the check then uses them); without,
    the original input (the lead looking up a whole run before dispatching keeps no bytes).
    """
    key, read = keyed(cache, item, settings)
    if key is None:
        return Lookup(None, item)
    return Lookup(key, read if keep_bytes else item, hit_of(cache, key, item.display))


def hit_of(cache: Cache, key: str, display: str) -> Checked | None:
    """The first-stage result stored under ``key``, shown as ``display``; ``None``: a miss."""
    entry = cache.load(key)
    if entry is None:
        return None
    try:
        return checked_of(entry, display)
    except Exception:  # noqa: BLE001 - a damaged entry is a miss
        return None


def store_checked(cache: Cache, key: str | None, checked: Checked) -> None:
    """Store a fresh first-stage result (not a failed one: fixing the environment must take effect)."""
    if key is not None and not checked.result.failures:
        cache.store(key, checked.result, checked_extra(checked))


# --------------------------------------------------------------------------- the cross-year stage's glue

#: The ``extra`` of a cross-year-stage entry (checked on load: a first-stage entry is never one).
_PAIR_STAGE = {"stage": "pair"}


def pair_key(own_key: str, previous: PairSummary) -> str:
    """The entry key of a report's cross-year stage: its first-stage key and its predecessor.

    That stage's outcome is a pure function of the report's bytes, display path and
    settings and of the code (all in ``own_key``) and of the predecessor's summary, hashed
    from its JSON form with sorted keys (stable across runs and processes).
    """
    summary = json.dumps(previous.to_dict(), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256()
    for part in ("pair", own_key, hashlib.sha256(summary.encode("utf-8", "surrogatepass")).hexdigest()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def pair_hit(cache: Cache, key: str, display: str) -> FileResult | None:
    """What the cross-year stage added, stored under ``key``: its findings, their lines and places.

    ``None``: a miss (absent, corrupt, or not a cross-year-stage entry).
    """
    entry = cache.load(key)
    if entry is None or entry.extra != _PAIR_STAGE:
        return None
    entry.result.path = display
    return entry.result


def store_pair(cache: Cache, key: str, added: FileResult) -> None:
    """Store what the cross-year stage added (the caller never passes one that had failures)."""
    cache.store(key, added, dict(_PAIR_STAGE))


def cache_for_run(host: Host, config_path: Path | None, no_cache: bool) -> Cache | None:
    """The run's cache, or ``None`` (``--no-cache``, ``GOVLINT_NO_CACHE``, or not writable)."""
    if no_cache or disabled_by_environment():
        return None
    return Cache.open(cache_base(config_path), host)
