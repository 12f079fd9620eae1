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
    # (what users read in error messages: Chinese, as all of govlint's messages)
    "select": "规则代码、前缀或名称的列表",
    "extend-select": "规则代码、前缀或名称的列表",
    "ignore": "规则代码、前缀或名称的列表",
    "extend-ignore": "规则代码、前缀或名称的列表",
    "per-file-ignores": "形如 glob = [代码] 的表",
    "severity": "形如 代码/前缀/名称 = \"error\" | \"warning\" | \"info\" 的表",
    "exclude": "glob 模式的列表",
    "output-format": "输出格式名称",
    "rules": "由 [rules.<规则名称>] 选项表组成的表",
    "packs": "规则包名称（govlint packs 列出）或规则包文件（.yaml）路径的列表",
    "baseline": "基线文件（govlint check --write-baseline 生成）的路径，相对于本配置文件",
    # resource limits (see govlint.limits): sizes in bytes or as "20 MB", counts as integers
    **{key: ("大小（字节数，或如 \"20 MB\" 的字符串）" if kind == "size" else "正整数")
       for key, (_, kind) in LIMIT_SETTINGS.items()},
    "aggregate": "形如 {parent = \"汇总报告\", units = [\"单位报告文件或目录\", …]} 的表的列表（GOV605；路径相对于本配置文件）",
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
    #: Aggregate reports and their units (GOV605): ``(parent, units)``, absolute paths.
    aggregate: tuple[tuple[Path, tuple[Path, ...]], ...] = ()
    limits: Limits = factory(Limits)
    #: The baseline file (``baseline`` key, resolved against this file's directory): govlint.baseline.
    baseline: Path | None = None

    @property
    def where(self) -> str:
        """How error messages name this configuration."""
        return str(self.path) if self.path else "命令行"


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
    """The TOML document in ``path``; UTF-8, or else GB18030 (see :func:`decode_config`)."""
    tomllib = _toml()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取配置文件：{exc.strerror or exc}") from None
    text = decode_config(path, data)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：不是有效的 TOML：{exc}") from None


def decode_config(path: Path, data: bytes) -> str:
    """The text of a configuration file: UTF-8 (with or without a BOM), or else GB18030.

    TOML files are UTF-8, but Notepad on Chinese Windows long saved "ANSI" (GBK) by default,
    and a configuration that names Chinese folders (``exclude = ["草稿"]``) is then not UTF-8.
    Such a file is read as GB18030 (a superset of GBK and GB2312): the keys are ASCII either
    way and a Chinese value decodes to what the user typed. A file that is neither is refused,
    naming the file.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}：配置文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本，"
                          "请用 UTF-8 编码另存") from None


def load_config(path: Path) -> Config:
    """Load and validate the govlint table of ``path`` (a TOML file)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("govlint") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}：没有 [tool.govlint] 表")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.govlint：应为表（[tool.govlint]）")
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
    raise ConfigError(f"{where}：应为规则代码、前缀或名称的列表")


def config_from_table(table: Mapping[str, Any], path: Path | None, prefix: str = "") -> Config:
    """Validate a configuration table (from a file or the command line) into a :class:`Config`."""
    where = str(path) if path else "命令行"
    root = path.parent.resolve() if path else Path.cwd()
    values: dict[str, Any] = {"path": path, "root": root}
    limits: dict[str, int] = {}
    for key, value in table.items():
        qualified = f"{where}: {prefix}{key}"
        if key not in KEYS:
            close = [k for k in KEYS if k.replace("-", "") == key.replace("_", "").replace("-", "")]
            hint = f"；是否应为 {close[0]!r}？" if close else f"；可用的键：{', '.join(KEYS)}"
            raise ConfigError(f"{where}：未知的键 {prefix + key!r}{hint}")
        if key in ("select", "extend-select", "ignore", "extend-ignore"):
            values[key.replace("-", "_")] = _selector_list(value, qualified)
        elif key == "exclude":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["exclude"] = tuple(value)
        elif key == "output-format":
            if not isinstance(value, str):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["output_format"] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["per_file_ignores"] = tuple(
                (glob, _selector_list(codes, f"{qualified}.{glob}")) for glob, codes in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["severity"] = dict(value)
        elif key == "packs":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["packs"] = tuple(v.strip() for v in value)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["rules"] = {name: dict(options) for name, options in value.items()}
        elif key == "aggregate":
            values["aggregate"] = _aggregate_list(value, qualified, root)
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{qualified}：应为{KEYS[key]}")
            values["baseline"] = root / value.strip()
        elif key in LIMIT_SETTINGS:
            field, kind = LIMIT_SETTINGS[key]
            try:
                limits[field] = parse_setting(kind, value)
            except ValueError as exc:
                raise ConfigError(f"{qualified}：{exc}") from None
    if limits:
        values["limits"] = Limits(**limits)
    return Config(**values)


def _aggregate_list(value: Any, where: str, root: Path) -> tuple[tuple[Path, tuple[Path, ...]], ...]:
    """``[{parent = "a.txt", units = ["units/"]}]``: each parent with its unit files or directories.

    Relative paths are relative to the configuration file's directory (``root``), so the
    mapping means the same whichever directory govlint is run from.
    """
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}：应为{KEYS['aggregate']}")
    found = []
    for number, entry in enumerate(value, start=1):
        item = f"{where}[{number}]"
        unknown = sorted(set(entry) - {"parent", "units"})
        if unknown:
            raise ConfigError(f"{item}：未知的键 {unknown[0]!r}（应为 parent 和 units）")
        parent, units = entry.get("parent"), entry.get("units")
        if isinstance(units, str):
            units = [units]
        if not isinstance(parent, str) or not parent.strip():
            raise ConfigError(f"{item}.parent：应为汇总报告的路径")
        if not isinstance(units, list) or not units or not all(isinstance(u, str) and u.strip() for u in units):
            raise ConfigError(f"{item}.units：应为单位报告文件或目录的非空列表")
        found.append((root / parent, tuple(root / u for u in units)))
    return tuple(found)


def parse_per_file_ignores(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Parse the command-line form ``glob:CODE,CODE glob2:CODE`` (flake8's syntax)."""
    pairs = []
    for chunk in text.replace("\n", " ").split():
        glob, sep, codes = chunk.partition(":")
        if not sep or not glob or not codes:
            raise ConfigError(f"--per-file-ignores：应为「glob:代码[,代码]」，实际为 {chunk!r}")
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
