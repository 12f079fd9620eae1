"""Effective settings for one checked file: configuration file + command line + registry.

The closest configuration file to each checked file applies, so a repository can hold a
stricter config for one directory. Each configuration is loaded, validated against the
rule registry (selectors, ``[rules.<name>]`` options) and cached once per file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govlint.config import Config, find_config_file, load_config, path_matches
from govlint.errors import ConfigError
from govlint.model import NO_ALLOWANCES, Allowances
from govlint.records import factory, record
from govlint.rules import RuleRegistry
from govlint.selection import Selection, SelectionSettings, normalize_selector


@record
class CliOverrides:
    """Settings given on the command line (``None`` = not given)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] | None = None
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    exclude: tuple[str, ...] | None = None
    output_format: str | None = None
    #: ``--pack`` values: pack names or paths (relative to the current directory).
    packs: tuple[str, ...] = ()


@record
class FileSettings:
    """What applies to one file: its selection, the rules' option values and its packs."""

    selection: Selection
    rule_options: dict[str, dict[str, Any]]
    config: Config
    #: The province packs enabled for this file (``govlint.packs.model.Pack``).
    packs: tuple[Any, ...] = ()

    def allowances_for(self, report: Any) -> Allowances:
        """What the enabled packs accept for ``report`` (see :mod:`govlint.packs.grants`)."""
        if not self.packs:
            return NO_ALLOWANCES
        from govlint.packs.grants import allowances_for

        return allowances_for(self.packs, report, self.selection)


@record
class _Resolved:
    config: Config
    selection: Selection
    rule_options: dict[str, dict[str, Any]]
    per_file: tuple[tuple[str, tuple[str, ...], Path], ...]
    exclude: tuple[tuple[str, Path], ...]
    packs: tuple[Any, ...] = ()


@record
class SettingsResolver:
    """Finds, validates and caches the configuration that applies to each path."""

    registry: RuleRegistry
    cli: CliOverrides = factory(CliOverrides)
    config_path: Path | None = None
    isolated: bool = False
    #: Used instead of any configuration file when no file applies (tests, ``lint_text``).
    base_config: Config | None = None
    #: Finds and registers packs (``govlint.packs.loader.PackCatalog``); made on first use by
    #: ``catalog_factory`` (the command line's knows the host's plugins), else with the
    #: built-in packs only. Nothing of the packs is imported while no pack is enabled.
    catalog: Any = None
    catalog_factory: Any = None
    _by_file: dict[Path | None, _Resolved] = factory(dict)
    _by_dir: dict[Path, Path | None] = factory(dict)
    _cli_packs: tuple[Any, ...] = ()

    def __post_init__(self) -> None:
        if self.config_path is not None and not self.config_path.is_file():
            raise ConfigError(f"--config：文件不存在：{self.config_path}")
        if self.cli.packs:
            self._cli_packs = self._load_packs(self.cli.packs, Path.cwd(), "--pack")

    # ------------------------------------------------------------------ packs
    def _load_packs(self, references: tuple[str, ...], base: Path, where: str) -> tuple[Any, ...]:
        """Find, validate and register the packs ``references`` name (YAML is read only here)."""
        if self.catalog is None and self.catalog_factory is not None:
            self.catalog = self.catalog_factory()
        if self.catalog is None:
            from govlint.packs.loader import PackCatalog

            self.catalog = PackCatalog()
        packs = []
        for index, reference in enumerate(references):
            pack = self.catalog.resolve(reference, base, f"{where}[{index}]" if where != "--pack" else where)
            self.catalog.register(pack, self.registry)
            if pack not in packs:
                packs.append(pack)
        return tuple(packs)

    def _packs_of(self, config: Config) -> tuple[Any, ...]:
        """The packs enabled for files under ``config``: ``--pack`` ones, then the config's."""
        if not config.packs:
            return self._cli_packs
        own = self._load_packs(config.packs, config.root, f"{config.where}: packs")
        return self._cli_packs + tuple(p for p in own if p not in self._cli_packs)

    # ------------------------------------------------------------------ discovery
    def config_file_for(self, directory: Path) -> Path | None:
        """The configuration file that applies to files in ``directory``."""
        if self.isolated:
            return None
        if self.config_path is not None:
            return self.config_path
        directory = directory.resolve()
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config_file(directory)
        return self._by_dir[directory]

    def _resolve(self, config_file: Path | None) -> _Resolved:
        if config_file in self._by_file:
            return self._by_file[config_file]
        config = load_config(config_file) if config_file else (self.base_config or Config())
        packs = self._packs_of(config)  # before the selection: it may name the packs' codes
        resolved = self._build(config)
        resolved.packs = packs
        self._by_file[config_file] = resolved
        return resolved

    def _build(self, config: Config) -> _Resolved:
        cli = self.cli
        # Validate command-line selectors first so an error names the option, not the file.
        for option, given in (("--select", cli.select or ()), ("--extend-select", cli.extend_select),
                              ("--ignore", cli.ignore or ()), ("--extend-ignore", cli.extend_ignore)):
            for selector in given:
                normalize_selector(selector, self.registry, option)
        settings = SelectionSettings(
            select=cli.select if cli.select is not None else config.select,
            extend_select=config.extend_select + cli.extend_select,
            ignore=cli.ignore if cli.ignore is not None else config.ignore,
            extend_ignore=config.extend_ignore + cli.extend_ignore,
            severity=config.severity,
        )
        selection = Selection.build(settings, self.registry, where=config.where)
        if not selection.selected_codes():
            where = "命令行" if cli.select is not None else config.where
            raise ConfigError(f"{where}：所选规则为空，没有启用任何规则（请检查 select/ignore）")
        if cli.per_file_ignores is not None:
            per_file = tuple((g, c, Path.cwd()) for g, c in cli.per_file_ignores)
            per_file_where = "--per-file-ignores"
        else:
            per_file = tuple((g, c, config.root) for g, c in config.per_file_ignores)
            per_file_where = f"{config.where}: per-file-ignores"
        per_file = tuple(
            (glob, tuple(normalize_selector(c, self.registry, per_file_where) for c in codes), root)
            for glob, codes, root in per_file
        )
        if cli.exclude is not None:
            exclude = tuple((g, Path.cwd()) for g in cli.exclude)
        else:
            exclude = tuple((g, config.root) for g in config.exclude)
        return _Resolved(config, selection, self._rule_options(config), per_file, exclude)

    def _rule_options(self, config: Config) -> dict[str, dict[str, Any]]:
        options: dict[str, dict[str, Any]] = {}
        for name, table in config.rules.items():
            target = self.registry.get(name)
            if target is None:
                raise ConfigError(
                    f"{config.where}: [rules.{name}]：未知的规则 {name!r}"
                    "（请使用 `govlint rules` 列出的规则名称或代码）"
                )
            for key, value in table.items():
                option = target.option(key)
                if option is None:
                    known = ", ".join(o.name for o in target.options) or "无"
                    raise ConfigError(
                        f"{config.where}: [rules.{name}]：{target.code} 没有选项 {key!r}"
                        f"（可用的选项：{known}）"
                    )
                try:
                    option.validate(value)
                except ValueError as exc:
                    raise ConfigError(f"{config.where}: [rules.{name}].{key}：{exc}") from None
            options.setdefault(target.code, {}).update(table)
        return options

    # ------------------------------------------------------------------ per file
    def default_config(self) -> Config:
        """The configuration for the current directory (used for global settings)."""
        return self._resolve(self.config_file_for(Path.cwd())).config

    def validate(self) -> None:
        """Load and validate the configuration of the current directory up front."""
        self._resolve(self.config_file_for(Path.cwd()))

    def is_excluded(self, path: Path) -> bool:
        """Whether ``path`` matches an ``exclude`` pattern of its configuration."""
        resolved = self._resolve(self.config_file_for(path.parent if not path.is_dir() else path))
        return any(path_matches(path, glob, root) for glob, root in resolved.exclude)

    def for_file(self, path: Path | None) -> FileSettings:
        """Settings for ``path`` (``None``: standard input without a file name)."""
        directory = path.parent if path is not None else Path.cwd()
        resolved = self._resolve(self.config_file_for(directory))
        selection = resolved.selection
        if path is not None:
            extra = [c for glob, codes, root in resolved.per_file if path_matches(path, glob, root) for c in codes]
            if extra:
                selection = selection.with_ignores(extra)
        # Rules of packs that another configuration (or another run) enabled do not run here.
        other = self.registry.pack_codes(enabled=(pack.name for pack in resolved.packs))
        if other:
            selection = selection.with_ignores(other)
        return FileSettings(selection, resolved.rule_options, resolved.config, resolved.packs)
