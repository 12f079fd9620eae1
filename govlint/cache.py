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

Cross-year pairs: a report's result depends on its previous-year report, so an entry is
stored per situation: alone (``solo``), or under :meth:`Cache.variant_key` of the file's
key and its predecessor's key. :func:`resolve_pairs` decides, from the issuer and year of
every input (stored in the entries), which result a hit takes, and re-checks the hits the
runner's pairing needs parsed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint import __version__
from govlint.diagnostics import Diagnostic, Severity
from govlint.records import factory, record, replace

if TYPE_CHECKING:
    from govlint.host import Host
    from govlint.runner import Checked, FileResult, Input
    from govlint.settings import FileSettings

CACHE_DIR_NAME = ".govlint_cache"
#: Bumped whenever the entry layout changes: old entries are then simply never read.
FORMAT_VERSION = 1
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by govlint.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")
_DIAGNOSTIC_FIELDS = ("path", "line", "column", "code", "message", "severity", "name", "end_line",
                      "end_column", "plugin", "url")


@record
class CacheEntry:
    """What a hit gives back: the file's result and the runner's ``extra`` data.

    ``solo`` says the result is the file's result without a previous-year report; an entry
    stored for a file checked only with a predecessor still gives its issuer and year
    (which the pairing needs) but not a usable result (``solo`` false).
    """

    result: Any  # govlint.runner.FileResult
    extra: dict[str, Any] = factory(dict)
    solo: bool = True


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


def dump_result(result: FileResult, extra: dict[str, Any] | None = None, solo: bool = True) -> str:
    """The JSON text of a cache entry."""
    diagnostics = [[getattr(d, f).value if f == "severity" else getattr(d, f) for f in _DIAGNOSTIC_FIELDS]
                   for d in result.diagnostics]
    lines = [[line, column, text] for (line, column), text in result.lines.items()]
    data = {"path": result.path, "diagnostics": diagnostics, "lines": lines, "scheme": result.scheme,
            "issuer": result.issuer, "year": result.year, "template": result.template, "extra": extra or {},
            "solo": solo}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load_result(text: str) -> CacheEntry:
    """A cache entry from its JSON text (raises on anything malformed: the caller treats it as a miss)."""
    from govlint.runner import FileResult

    data = json.loads(text)
    diagnostics = []
    for row in data["diagnostics"]:
        values = dict(zip(_DIAGNOSTIC_FIELDS, row, strict=True))
        values["severity"] = Severity(values["severity"])
        if not all(isinstance(values[f], int) and not isinstance(values[f], bool)
                   for f in ("line", "column", "end_line", "end_column")):
            raise ValueError("bad position")
        if not all(isinstance(values[f], str) for f in ("path", "code", "message", "name", "plugin", "url")):
            raise ValueError("bad text field")
        diagnostics.append(Diagnostic(**values))
    lines = {}
    for line, column, text_ in data["lines"]:
        if not (isinstance(line, int) and isinstance(column, int) and isinstance(text_, str)):
            raise ValueError("bad line")
        lines[(line, column)] = text_
    year = data["year"]
    if year is not None and not isinstance(year, int):
        raise ValueError("bad year")
    for field in ("issuer", "template"):
        if data[field] is not None and not isinstance(data[field], str):
            raise ValueError(f"bad {field}")
    if not isinstance(data["path"], str) or not isinstance(data["scheme"], str) or not isinstance(data["extra"], dict):
        raise ValueError("bad entry")
    if not isinstance(data["solo"], bool):
        raise ValueError("bad entry")
    result = FileResult(data["path"], diagnostics, lines, data["scheme"], [], data["issuer"], year, data["template"])
    return CacheEntry(result, data["extra"], data["solo"])


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
        #: Entries found in this run, by key (the pairing step reads their ``solo`` flag).
        self.found: dict[str, CacheEntry] = {}
        #: Keys whose entry must not be used in this run (re-checked for the cross-year pairing).
        self.bypass: set[str] = set()

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

    def variant_key(self, key: str, previous_key: str) -> str:
        """The key of a file's result when checked with the previous-year report of ``previous_key``."""
        return hashlib.sha256(f"{key}\0{previous_key}".encode("ascii")).hexdigest()

    def store(self, key: str, result: FileResult, extra: dict[str, Any] | None = None, solo: bool = True) -> None:
        """Write an entry atomically; a failed result is never stored; write errors disable the cache."""
        if result.failures or not self.writable:
            return
        try:
            text = dump_result(result, extra, solo)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.entries)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(temporary, self._path(key))
            except BaseException:
                with _quiet():
                    os.unlink(temporary)
                raise
        except (OSError, ValueError, TypeError):
            self.writable = False


class _quiet:
    """``with _quiet():`` ignores an ``OSError`` (cleaning up a temporary file)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, *_: Any) -> bool:
        return kind is not None and issubclass(kind, OSError)


def _write_if_missing(path: Path, text: str) -> None:
    if not path.exists():
        path.write_text(text, encoding="utf-8")


def cache_base(config_path: Path | None) -> Path:
    """Where ``.govlint_cache`` goes: beside the configuration file in use, else the current directory."""
    return config_path.parent if config_path is not None else Path.cwd()


# --------------------------------------------------------------------------- runner glue


@record
class Lookup:
    """A cache look-up for one input: its key, the input with its bytes read, and the hit."""

    key: str | None
    item: Any  # govlint.runner.Input
    entry: CacheEntry | None = None


def lookup(cache: Cache, item: Input, settings: FileSettings) -> Lookup:
    """Read the input's bytes once (the check then uses them) and look its entry up.

    Standard input and caller-given bytes are never cached; a file that cannot be read here
    is checked normally, which reports why.
    """
    from govlint.readers.files import read_file

    if item.stdin or item.path is None or item.data is not None:
        return Lookup(None, item)
    try:
        data = read_file(item.path, settings.config.limits.max_file_size)
    except Exception:  # noqa: BLE001 - the normal read reports the problem
        return Lookup(None, item)
    key = cache.key_for(item.display, data, settings)
    entry = None if key in cache.bypass else cache.load(key)
    if entry is not None:
        entry.result.path = item.display
        cache.found[key] = entry
    return Lookup(key, replace(item, data=data), entry)


def _pair_key(result: FileResult) -> tuple[str, int] | None:
    """``(issuer key, year)`` as the runner's year index compares reports (``None``: never paired)."""
    from govlint.runner import issuer_key

    key = issuer_key(result.issuer)
    return (key, result.year) if key and result.year is not None else None


def resolve_pairs(cache: Cache, checked: list[Checked], previous_given: bool,
                  recheck: Callable[[int], Checked]) -> None:
    """Give each cache hit the result that matches its predecessor in this run, or check it afresh.

    The runner pairs only the reports it parsed, so this step decides from the issuer and
    year of every participant (hits included) what the runner's year index would decide
    (the same issuer, the year before, exactly one candidate): a hit with no predecessor
    keeps its solo result; a hit with one takes the stored result for that predecessor's
    key. Otherwise (no such entry) the hit is checked afresh (``recheck(index)``), and so is
    every hit that a freshly checked report may take as predecessor, so that the runner
    sees all candidates. With ``--previous`` reports (parsed anew every run), every hit
    that cross-year rules apply to is checked afresh.
    """
    def redo(index: int) -> None:
        cache.bypass.add(checked[index].cache_key)
        checked[index] = recheck(index)

    participants = [i for i, c in enumerate(checked)
                    if c.pair_rules and (c.report is not None or c.from_cache)]
    if previous_given:  # (an input also named by --previous counts among the explicit reports)
        for i in participants:
            if checked[i].from_cache:
                redo(i)
        return
    groups: dict[tuple[str, int], list[int]] = {}
    for i in participants:
        key = _pair_key(checked[i].result)
        if key is not None:
            groups.setdefault(key, []).append(i)
    fresh = [i for i in participants if not checked[i].from_cache]
    for i in participants:
        c = checked[i]
        if not c.from_cache:
            continue
        key = _pair_key(c.result)
        candidates = groups.get((key[0], key[1] - 1), []) if key else []
        entry = cache.found.get(c.cache_key)
        if len(candidates) == 1:
            previous_key = checked[candidates[0]].cache_key
            variant = cache.load(cache.variant_key(c.cache_key, previous_key)) if previous_key else None
            if variant is not None and not variant.solo:
                variant.result.path = c.result.path
                c.result = variant.result
                continue
        elif entry is not None and entry.solo:
            continue
        redo(i)
        fresh.append(i)
    # A freshly paired report needs every candidate predecessor parsed (the runner's index).
    queue = list(fresh)
    while queue:
        key = _pair_key(checked[queue.pop()].result)
        if key is None:
            continue
        for j in groups.get((key[0], key[1] - 1), []):
            if checked[j].from_cache:
                redo(j)
                queue.append(j)


def store_results(cache: Cache, checked: Iterable[Checked]) -> None:
    """Store each freshly and fully checked result: alone, or for its predecessor's key."""
    checked = list(checked)
    key_of_report = {id(c.report): c.cache_key for c in checked if c.report is not None}
    for c in checked:
        if c.cache_key is None or c.from_cache or c.result.failures:
            continue
        previous = c.report.previous if c.report is not None else None
        if previous is None:
            cache.store(c.cache_key, c.result)
            continue
        previous_key = key_of_report.get(id(previous))
        if previous_key is None:
            continue  # a --previous report: parsed anew every run
        cache.store(cache.variant_key(c.cache_key, previous_key), c.result, solo=False)
        if c.cache_key not in cache.found:  # issuer and year for the next run's pairing
            cache.store(c.cache_key, c.result, solo=False)


def cache_for_run(host: Host, config_path: Path | None, no_cache: bool) -> Cache | None:
    """The run's cache, or ``None`` (``--no-cache``, ``GOVLINT_NO_CACHE``, or not writable)."""
    if no_cache or disabled_by_environment():
        return None
    return Cache.open(cache_base(config_path), host)
