"""Configuration files: discovery, loading and validation.

Files, closest to the checked file wins (walking up from its directory); within one
directory ``.govlint.toml`` beats ``govlint.toml`` beats ``pyproject.toml`` (which counts
only if it has a ``[tool.govlint]`` table). ``--config PATH`` replaces discovery;
``--isolated`` ignores every file. Command-line flags override file values.

Every key and value is validated; a mistake is exit 2 with the file, the key and what was
expected, because a typo in a linter's config otherwise silently turns checks off.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from govlint.errors import ConfigError
from govlint.limits import SETTINGS as LIMIT_SETTINGS
from govlint.limits import Limits, parse_setting
from govlint.records import factory, record


def _toml():
    """The TOML parser, imported only when a configuration file is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib

CONFIG_NAMES = (".govlint.toml", "govlint.toml", "pyproject.toml")

#: Keys accepted at the top level of a govlint configuration table, with what they hold.
KEYS: dict[str, str] = {
    "select": "a list of rule codes, prefixes or names",
    "extend-select": "a list of rule codes, prefixes or names",
    "ignore": "a list of rule codes, prefixes or names",
    "extend-ignore": "a list of rule codes, prefixes or names",
    "per-file-ignores": "a table of glob = [codes]",
    "severity": "a table of code/prefix/name = \"error\" | \"warning\" | \"info\"",
    "exclude": "a list of glob patterns",
    "output-format": "an output format name",
    "rules": "a table of [rules.<rule-name>] option tables",
    "packs": "a list of pack names (govlint packs) or paths to pack files (.yaml)",
    "baseline": "the path of a baseline file (govlint check --write-baseline), relative to this file",
    # resource limits (see govlint.limits): sizes in bytes or as "20 MB", counts as integers
    **{key: ("a size (bytes, or a string such as \"20 MB\")" if kind == "size" else "a positive whole number")
       for key, (_, kind) in LIMIT_SETTINGS.items()},
}


@record
class Config:
    """One configuration file's values (or the empty configuration)."""

    path: Path | None = None
    root: Path = factory(Path.cwd)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = factory(dict)
    exclude: tuple[str, ...] = ()
    output_format: str | None = None
    rules: Mapping[str, Mapping[str, Any]] = factory(dict)
    #: Province packs to enable: names or paths (relative to this file's directory).
    packs: tuple[str, ...] = ()
    limits: Limits = factory(Limits)
    #: The baseline file (``baseline`` key, resolved against this file's directory): govlint.baseline.
    baseline: Path | None = None

    @property
    def where(self) -> str:
        """How error messages name this configuration."""
        return str(self.path) if self.path else "command line"


def _has_tool_table(path: Path) -> bool:
    try:
        data = _read_toml(path)
    except ConfigError:
        return True  # report the broken file rather than skipping it
    return isinstance(data.get("tool"), dict) and "govlint" in data["tool"]


def find_config_file(start: Path) -> Path | None:
    """The configuration file closest to directory ``start`` (walking up), if any."""
    directory = start.resolve()
    for candidate_dir in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    tomllib = _toml()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:  # tomllib decodes the file itself: a binary file is not TOML
        raise ConfigError(f"{path}: invalid TOML: the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path) -> Config:
    """Load and validate the govlint table of ``path`` (a TOML file)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("govlint") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.govlint] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.govlint: expected a table ([tool.govlint])")
        prefix = "tool.govlint."
    else:
        table = data
        prefix = ""
    return config_from_table(table, path=path, prefix=prefix)


def _selector_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
        return tuple(v for v in items if v)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise ConfigError(f"{where}: expected a list of rule codes, prefixes or names")


def config_from_table(table: Mapping[str, Any], path: Path | None, prefix: str = "") -> Config:
    """Validate a configuration table (from a file or the command line) into a :class:`Config`."""
    where = str(path) if path else "command line"
    root = path.parent.resolve() if path else Path.cwd()
    values: dict[str, Any] = {"path": path, "root": root}
    limits: dict[str, int] = {}
    for key, value in table.items():
        qualified = f"{where}: {prefix}{key}"
        if key not in KEYS:
            close = [k for k in KEYS if k.replace("-", "") == key.replace("_", "").replace("-", "")]
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{where}: unknown key {prefix + key!r}{hint}")
        if key in ("select", "extend-select", "ignore", "extend-ignore"):
            values[key.replace("-", "_")] = _selector_list(value, qualified)
        elif key == "exclude":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["exclude"] = tuple(value)
        elif key == "output-format":
            if not isinstance(value, str):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["output_format"] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["per_file_ignores"] = tuple(
                (glob, _selector_list(codes, f"{qualified}.{glob}")) for glob, codes in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["severity"] = dict(value)
        elif key == "packs":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["packs"] = tuple(v.strip() for v in value)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["rules"] = {name: dict(options) for name, options in value.items()}
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{qualified}: expected {KEYS[key]}")
            values["baseline"] = root / value.strip()
        elif key in LIMIT_SETTINGS:
            field, kind = LIMIT_SETTINGS[key]
            try:
                limits[field] = parse_setting(kind, value)
            except ValueError as exc:
                raise ConfigError(f"{qualified}: {exc}") from None
    if limits:
        values["limits"] = Limits(**limits)
    return Config(**values)


def parse_per_file_ignores(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Parse the command-line form ``glob:CODE,CODE glob2:CODE`` (flake8's syntax)."""
    pairs = []
    for chunk in text.replace("\n", " ").split():
        glob, sep, codes = chunk.partition(":")
        if not sep or not glob or not codes:
            raise ConfigError(f"--per-file-ignores: expected 'glob:CODE[,CODE]', got {chunk!r}")
        pairs.append((glob, tuple(c for c in codes.split(",") if c)))
    return tuple(pairs)


def path_matches(path: Path, pattern: str, root: Path) -> bool:
    """Whether ``path`` matches a glob from a config rooted at ``root``.

    A pattern without ``/`` matches any path component (``drafts`` excludes every
    ``drafts`` directory, ``*.md`` every Markdown file); a pattern with ``/`` matches the
    path relative to ``root``.
    """
    resolved = path.resolve()
    try:
        relative = PurePosixPath(resolved.relative_to(root).as_posix())
    except ValueError:
        relative = PurePosixPath(resolved.as_posix())
    if "/" not in pattern.rstrip("/"):
        pattern = pattern.rstrip("/")
        return any(fnmatch.fnmatch(part, pattern) for part in relative.parts)
    pattern = pattern.rstrip("/")
    text = relative.as_posix()
    return fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(text, pattern + "/*")
