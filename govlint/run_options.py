"""The selection and configuration options of a checking command, as settings and as text.

``check`` and ``report`` take the same options (``RUN_OPTIONS``); this module turns their
values into the :class:`~govlint.settings.SettingsResolver` of the run, and describes the
run for the HTML report's settings section (options given, configuration file, packs,
enabled rules, plugins, version, time).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

#: The click parameter names of the options that choose what is checked and how.
RUN_OPTIONS = ("select", "extend_select", "ignore", "extend_ignore", "per_file_ignores", "exclude",
               "config_path", "isolated", "exit_zero", "stdin_filename", "previous_paths", "packs", "jobs",
               "baseline_path", "no_cache")

#: How each option is written on the command line.
OPTION_FLAGS = {"select": "--select", "extend_select": "--extend-select", "ignore": "--ignore",
                "extend_ignore": "--extend-ignore", "per_file_ignores": "--per-file-ignores",
                "exclude": "--exclude", "config_path": "--config", "isolated": "--isolated",
                "exit_zero": "--exit-zero", "stdin_filename": "--stdin-filename",
                "previous_paths": "--previous", "packs": "--pack", "jobs": "--jobs",
                "baseline_path": "--baseline", "no_cache": "--no-cache"}


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A,B --select C`` → ``("A", "B", "C")``."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def resolver_from_options(host: Any, options: Mapping[str, Any], catalog_factory: Callable[[], Any] | None = None):
    """The validated settings resolver for the ``RUN_OPTIONS`` values in ``options``."""
    from govlint.config import parse_per_file_ignores
    from govlint.settings import CliOverrides, SettingsResolver

    per_file = options["per_file_ignores"]
    overrides = CliOverrides(
        select=_split(options["select"]) if options["select"] else None,
        extend_select=_split(options["extend_select"]),
        ignore=_split(options["ignore"]) if options["ignore"] else None,
        extend_ignore=_split(options["extend_ignore"]),
        per_file_ignores=parse_per_file_ignores(per_file) if per_file is not None else None,
        exclude=_split(options["exclude"]) if options["exclude"] else None,
        packs=tuple(options["packs"]),
    )
    resolver = SettingsResolver(host.registry, overrides, options["config_path"], options["isolated"],
                                catalog_factory=catalog_factory)
    resolver.validate()
    return resolver


def describe_options(options: Mapping[str, Any]) -> str:
    """The run options given, as they would be typed (``无`` when none was)."""
    given = []
    for name in RUN_OPTIONS:
        value = options.get(name)
        if value is None or value is False or value == ():
            continue
        flag = OPTION_FLAGS[name]
        if value is True:
            given.append(flag)
        elif isinstance(value, tuple):
            given.extend(f"{flag} {item}" for item in value)
        else:
            given.append(f"{flag} {value}")
    return " ".join(given) or "无"


def generated_time() -> str:
    """Now, for the page (``SOURCE_DATE_EPOCH`` makes it reproducible)."""
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")


def report_context(host: Any, resolver: Any, paths: tuple[str, ...], options: Mapping[str, Any]):
    """What the HTML report says about the run: paths, configuration, options, packs, rules, plugins."""
    from govlint import __version__
    from govlint.output.html_report import ReportContext

    if options["isolated"]:
        config = "未使用（--isolated）"
    else:
        found = resolver.default_config().path
        config = str(found) if found else "未找到配置文件，使用默认设置"
    settings = resolver.for_file(None)
    packs = "、".join(p.name for p in settings.packs) or "未启用"
    rows = [("检查的路径", " ".join(paths or (".",))), ("配置文件（当前目录）", config),
            ("命令行选项", describe_options(options)), ("规则包", packs)]
    plugins = [f"{i.name}（{i.dist} {i.version}）" for i in host.plugins.values()]
    return ReportContext(__version__, generated_time(), rows, settings.selection.selected_codes(), plugins)
