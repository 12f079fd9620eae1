"""The plugin host: loads every ``govlint`` entry point and builds the rule registry.

Each entry point is loaded on its own. A plugin that fails to import, implements an
unknown hook, or claims a rule code or name another plugin already claims stops the run
with exit 2 and a one-line message naming the plugin, its distribution and version: a run
that silently lacks a plugin would report a clean result it has not earned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

from govlint import hookspecs
from govlint.entrypoints import EntryPoint, entry_points
from govlint.errors import PluginError
from govlint.readers import BUILTIN_READERS

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.rules import Rule, RuleRegistry

ENTRY_POINT_GROUP = "govlint"

#: Modules of the host itself that implement hooks (readers and output formats).
INTERNAL_PLUGINS = (*BUILTIN_READERS, "govlint.output")


class PluginInfo:
    """A registered plugin: entry-point name, import target and the distribution it came from.

    The distribution's name and version are read from its metadata only when asked for
    (error messages, ``--version``, ``govlint plugins``): parsing metadata costs start-up
    time that ``govlint check`` does not need.
    """

    __slots__ = ("name", "value", "_dist", "_version", "_source")

    def __init__(self, name: str, value: str, dist: str | None = None, version: str | None = None,
                 source: Any = None) -> None:
        self.name = name
        self.value = value
        self._dist = dist
        self._version = version
        self._source = source

    @property
    def dist(self) -> str:
        """Name of the distribution that provides the plugin."""
        if self._dist is None:
            found = self._source.dist_name or self._source.metadata_field("Name") if self._source else None
            self._dist = found or "unknown distribution"
        return self._dist

    @property
    def version(self) -> str:
        """Version of that distribution."""
        if self._version is None:
            found = self._source.metadata_field("Version") or self._source.dist_version if self._source else None
            self._version = found or "unknown version"
        return self._version

    def describe(self) -> str:
        """``'sections' (govlint 0.1.0)`` — used in error messages and listings."""
        return f"{self.name!r} ({self.dist} {self.version})"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def discover_entry_points() -> list[tuple[EntryPoint, PluginInfo]]:
    """The ``govlint`` entry points on ``sys.path``, without importing anything.

    The same distribution can be visible twice (for example an egg-link and a wheel); such
    duplicates are dropped. Two *different* distributions or targets under one name are
    kept so that the collision is reported rather than hidden.
    """
    seen: set[tuple[str, str, str]] = set()
    found = []
    for ep in entry_points(ENTRY_POINT_GROUP):
        key = (ep.name, ep.value, ep.dist_key)
        if key in seen:
            continue
        seen.add(key)
        found.append((ep, PluginInfo(ep.name, ep.value, source=ep)))
    found.sort(key=lambda item: item[1].name)
    return found


class Host:
    """Owns the pluggy :class:`~pluggy.PluginManager` and everything derived from it."""

    def __init__(self, load_entry_points: bool = True) -> None:
        self.pm = pluggy.PluginManager("govlint")
        self.pm.add_hookspecs(hookspecs)
        self.plugins: dict[str, PluginInfo] = {}
        self._registry: RuleRegistry | None = None
        for module_name in INTERNAL_PLUGINS:
            module = __import__(module_name, fromlist=["_"])
            self.pm.register(module, name=module_name)
        self._register_core_rules()
        if load_entry_points:
            self._load_entry_points()

    # ------------------------------------------------------------------ plugins
    def _register_core_rules(self) -> None:
        """The codes govlint emits itself (GOV001, GOV901, GOV902: :mod:`govlint.core_rules`)."""
        from govlint import __version__, core_rules

        self.pm.register(core_rules, name=core_rules.PLUGIN_NAME)
        self.plugins[core_rules.PLUGIN_NAME] = PluginInfo(core_rules.PLUGIN_NAME, "govlint.core_rules", "govlint",
                                                          __version__)

    def _load_entry_points(self) -> None:
        for ep, info in discover_entry_points():
            self.register(ep.load, info)
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            # pluggy's error carries the plugin object (``exc.plugin``), not its name.
            name = self.pm.get_name(exc.plugin) or ""
            info = self.plugins.get(name)
            who = info.describe() if info else repr(name or "?")
            raise PluginError(f"插件 {who} 实现了未知的钩子：{_first_line(exc)}") from exc

    def register(self, load: Any, info: PluginInfo) -> None:
        """Import a plugin via ``load()`` and register it under ``info.name``."""
        if info.name in self.plugins:
            other = self.plugins[info.name]
            raise PluginError(
                f"插件 {other.describe()} 和 {info.describe()} 使用了同一个名称 {info.name!r}"
            )
        try:
            plugin = load()
        except (Exception, SystemExit) as exc:  # any import-time failure of third-party code
            raise PluginError(
                f"插件 {info.describe()} 加载失败（{info.value}）：{_first_line(exc)}"
            ) from exc
        try:
            self.pm.register(plugin, name=info.name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginError(f"插件 {info.describe()} 无效：{_first_line(exc)}") from exc
        self.plugins[info.name] = info

    # ------------------------------------------------------------------ rules
    @property
    def registry(self) -> "RuleRegistry":
        """All rules, built on first use (this is when rule modules are imported)."""
        if self._registry is None:
            self._registry = self._build_registry()
        return self._registry

    def _build_registry(self) -> "RuleRegistry":
        from govlint.rules import Rule, RuleRegistry

        registry = RuleRegistry()
        owners: dict[str, PluginInfo] = {}
        for impl in self.pm.hook.govlint_rules.get_hookimpls():
            info = self.plugins.get(impl.plugin_name) or PluginInfo(
                impl.plugin_name, impl.plugin_name, "govlint", "built-in"
            )
            try:
                provided = list(impl.function() or ())
            except Exception as exc:
                raise PluginError(
                    f"插件 {info.describe()} 列出其规则时出错：{_first_line(exc)}"
                ) from exc
            for item in provided:
                if not isinstance(item, Rule):
                    raise PluginError(
                        f"插件 {info.describe()} 的 govlint_rules 返回了 {item!r}，"
                        "应返回用 govlint.api.rule 定义的规则"
                    )
                for key in (item.code, item.name):
                    if key in owners:
                        other = owners[key]
                        what = "代码" if key == item.code else "名称"
                        raise PluginError(
                            f"规则{what} {key} 同时由插件 {other.describe()} "
                            f"和插件 {info.describe()} 定义"
                        )
                    owners[key] = info
                registry.add(_with_plugin(item, info))
        return registry

    # ------------------------------------------------------------------ readers and output
    def report_suffixes(self) -> set[str]:
        """Suffixes (lower case, with dot) that directory search picks up."""
        suffixes: set[str] = set()
        for result in self.pm.hook.govlint_report_suffixes():
            suffixes.update(s.lower() for s in result)
        return suffixes

    def output_formats(self) -> dict[str, Any]:
        """``{name: formatter class}`` from every plugin (later registrations override)."""
        formats: dict[str, Any] = {}
        for result in reversed(self.pm.hook.govlint_output_formats()):
            formats.update(result)
        return formats


def _with_plugin(item: "Rule", info: PluginInfo) -> "Rule":
    """The rule as registered: its plugin's name, and for govlint's own rules the URL of their
    documentation (docs/rules.md), unless the rule sets one."""
    from govlint.rules_doc import BUILTIN_RULE_MODULES, rule_url

    item = item._replace(plugin=info.name)
    if not item.url and info.value.startswith(BUILTIN_RULE_MODULES):
        item = item._replace(url=rule_url(item))
    return item
