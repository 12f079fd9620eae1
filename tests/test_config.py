"""Configuration: discovery, validation, per-file ignores, exclude and command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.config import find_config_file, load_config, parse_per_file_ignores, path_matches
from govlint.diagnostics import Severity
from govlint.errors import ConfigError
from govlint.host import Host
from govlint.runner import collect_inputs
from govlint.settings import CliOverrides, SettingsResolver

SELECTOR_HINT = "提供它的插件是否已安装？"
PYPROJECT_WITH_TABLE = '[tool.govlint]\nselect = ["GOV2"]\n'
PYPROJECT_WITHOUT_TABLE = '[project]\nname = "x"\n\n[tool.black]\nline-length = 100\n'


@pytest.fixture(scope="module")
def registry():
    return Host().registry


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def resolver(registry, **kwargs) -> SettingsResolver:
    return SettingsResolver(registry, **kwargs)


def selected(settings_resolver: SettingsResolver, path: Path, code: str) -> bool:
    return settings_resolver.for_file(path).selection.is_selected(code)


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def resolver_error(registry, report: Path, **kwargs) -> str:
    with pytest.raises(ConfigError) as info:
        SettingsResolver(registry, **kwargs).for_file(report)
    return str(info.value)


# --------------------------------------------------------------------------- discovery


def test_closest_directory_wins(tmp_path):
    outer = write(tmp_path / ".govlint.toml")
    inner = write(tmp_path / "sub" / "govlint.toml")
    (tmp_path / "sub" / "deeper").mkdir()
    assert find_config_file(tmp_path / "sub" / "deeper") == inner
    assert find_config_file(tmp_path / "sub") == inner
    assert find_config_file(tmp_path) == outer


@pytest.mark.parametrize(
    "present, expected",
    [
        ((".govlint.toml", "govlint.toml", "pyproject.toml"), ".govlint.toml"),
        ((".govlint.toml", "pyproject.toml"), ".govlint.toml"),
        (("govlint.toml", "pyproject.toml"), "govlint.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_priority_within_a_directory(tmp_path, present, expected):
    for name in present:
        write(tmp_path / name, PYPROJECT_WITH_TABLE if name == "pyproject.toml" else "")
    assert find_config_file(tmp_path) == tmp_path / expected


def test_closer_pyproject_with_table_beats_parent_govlint_toml(tmp_path):
    write(tmp_path / ".govlint.toml")
    inner = write(tmp_path / "sub" / "pyproject.toml", PYPROJECT_WITH_TABLE)
    assert find_config_file(tmp_path / "sub") == inner


def test_pyproject_without_govlint_table_is_skipped(tmp_path):
    outer = write(tmp_path / ".govlint.toml")
    write(tmp_path / "sub" / "pyproject.toml", PYPROJECT_WITHOUT_TABLE)
    assert find_config_file(tmp_path / "sub") == outer


def test_broken_pyproject_is_not_skipped(tmp_path):
    # A pyproject.toml that cannot be parsed is reported, not silently ignored.
    broken = write(tmp_path / "sub" / "pyproject.toml", "[tool.govlint\n")
    write(tmp_path / ".govlint.toml")
    assert find_config_file(tmp_path / "sub") == broken


def test_discovery_from_file_directory(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV202"]\n')
    write(tmp_path / "strict" / ".govlint.toml", 'select = ["GOV201"]\n')
    settings = resolver(registry)
    assert selected(settings, tmp_path / "a.txt", "GOV202")
    assert not selected(settings, tmp_path / "a.txt", "GOV201")
    assert selected(settings, tmp_path / "strict" / "b.txt", "GOV201")
    assert not selected(settings, tmp_path / "strict" / "b.txt", "GOV202")


# --------------------------------------------------------------------------- loading and validation


def test_load_valid_config(tmp_path):
    path = write(
        tmp_path / ".govlint.toml",
        'select = "GOV201, GOV202"\n'
        'extend-select = ["GOV203"]\n'
        'ignore = ["GOV204"]\n'
        'extend-ignore = ["heading-numbering"]\n'
        'exclude = ["drafts"]\n'
        'output-format = "json"\n'
        '[per-file-ignores]\n"old/*.txt" = ["GOV2"]\n'
        '[severity]\nGOV203 = "error"\n'
        '[rules.nonstandard-section-title]\nallow-aliases = false\n',
    )
    config = load_config(path)
    assert config.path == path
    assert config.root == tmp_path.resolve()
    assert config.select == ("GOV201", "GOV202")
    assert config.extend_select == ("GOV203",)
    assert config.ignore == ("GOV204",)
    assert config.extend_ignore == ("heading-numbering",)
    assert config.exclude == ("drafts",)
    assert config.output_format == "json"
    assert config.per_file_ignores == (("old/*.txt", ("GOV2",)),)
    assert config.severity == {"GOV203": "error"}
    assert config.rules == {"nonstandard-section-title": {"allow-aliases": False}}


def test_load_pyproject_table(tmp_path):
    config = load_config(write(tmp_path / "pyproject.toml", '[tool.govlint]\nignore = ["GOV203"]\n'))
    assert config.ignore == ("GOV203",)


@pytest.mark.parametrize(
    "key, hint",
    [
        ("extend_select", "是否应为 'extend-select'？"),
        ("extend_ignore", "是否应为 'extend-ignore'？"),
        ("per_file_ignores", "是否应为 'per-file-ignores'？"),
        ("output_format", "是否应为 'output-format'？"),
        ("colour", "可用的键：select, extend-select, ignore, extend-ignore, per-file-ignores, "
                   "severity, exclude, output-format, rules, packs, baseline, max-file-size, max-unpacked-size, "
                   "max-compression-ratio, max-pdf-pages, max-pdf-stream-size, max-html-depth, "
                   "max-table-cells, max-table-span, aggregate"),
    ],
)
def test_unknown_key(tmp_path, key, hint):
    path = write(tmp_path / ".govlint.toml", f'{key} = ["GOV2"]\n')
    assert config_error(path) == f"{path}：未知的键 {key!r}；{hint}"


def test_unknown_key_in_pyproject_names_the_qualified_key(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.govlint]\nextend_select = ["GOV2"]\n')
    assert config_error(path) == f"{path}：未知的键 'tool.govlint.extend_select'；是否应为 'extend-select'？"


SELECTORS = "应为规则代码、前缀或名称的列表"


@pytest.mark.parametrize(
    "toml, key, expected",
    [
        ("select = 1", "select", SELECTORS),
        ("select = [1, 2]", "select", SELECTORS),
        ("extend-select = true", "extend-select", SELECTORS),
        ("ignore = {GOV201 = 1}", "ignore", SELECTORS),
        ("extend-ignore = [\"GOV201\", 3]", "extend-ignore", SELECTORS),
        ("per-file-ignores = [\"a.txt\"]", "per-file-ignores", "应为形如 glob = [代码] 的表"),
        ("per-file-ignores = {\"a.txt\" = 3}", "per-file-ignores.a.txt", SELECTORS),
        ("severity = [\"GOV201\"]", "severity",
         '应为形如 代码/前缀/名称 = "error" | "warning" | "info" 的表'),
        ("severity = {GOV201 = 1}", "severity",
         '应为形如 代码/前缀/名称 = "error" | "warning" | "info" 的表'),
        ("exclude = [1]", "exclude", "应为glob 模式的列表"),
        ("output-format = 1", "output-format", "应为输出格式名称"),
        ("rules = 1", "rules", "应为由 [rules.<规则名称>] 选项表组成的表"),
        ("rules = {missing-section = 1}", "rules", "应为由 [rules.<规则名称>] 选项表组成的表"),
    ],
)
def test_wrong_value_types(tmp_path, toml, key, expected):
    path = write(tmp_path / ".govlint.toml", toml + "\n")
    assert config_error(path) == f"{path}: {key}：{expected}"


def test_exclude_accepts_a_comma_separated_string_like_the_selector_keys(tmp_path):
    path = write(tmp_path / ".govlint.toml", 'exclude = "drafts, *.bak"\n')
    assert load_config(path).exclude == ("drafts", "*.bak")


def test_wrong_value_type_in_pyproject_names_the_qualified_key(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.govlint]\nselect = 1\n")
    assert config_error(path) == f"{path}: tool.govlint.select：{SELECTORS}"


def test_invalid_toml_names_the_file(tmp_path):
    path = write(tmp_path / ".govlint.toml", 'select = ["GOV2"\n')
    message = config_error(path)
    assert message.startswith(f"{path}：不是有效的 TOML：")
    assert "\n" not in message


def test_pyproject_without_table_via_load_config(tmp_path):
    path = write(tmp_path / "pyproject.toml", PYPROJECT_WITHOUT_TABLE)
    assert config_error(path) == f"{path}：没有 [tool.govlint] 表"


def test_pyproject_govlint_not_a_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool]\ngovlint = 1\n")
    assert config_error(path) == f"{path}: tool.govlint：应为表（[tool.govlint]）"


def test_unknown_selector_in_config_names_file_key_and_hint(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", 'extend-ignore = ["GOV999"]\n')
    message = resolver_error(registry, tmp_path / "a.txt")
    assert message.startswith(f"{path}: extend-ignore：未知的规则代码、前缀或名称 'GOV999'")
    assert SELECTOR_HINT in message


def test_bad_severity_level_names_file_and_code(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", '[severity]\nGOV201 = "fatal"\n')
    assert resolver_error(registry, tmp_path / "a.txt") == (
        f"{path}: severity.GOV201：未知的严重程度 'fatal'（应为 error、warning 或 info）"
    )


def test_severity_from_config_applies(registry, tmp_path):
    write(tmp_path / ".govlint.toml", '[severity]\nmissing-section = "warning"\nGOV2 = "info"\n')
    selection = resolver(registry).for_file(tmp_path / "a.txt").selection
    assert selection.severity_for("GOV201", Severity.ERROR) is Severity.WARNING
    assert selection.severity_for("GOV202", Severity.ERROR) is Severity.INFO


# --------------------------------------------------------------------------- [rules.<name>]


def test_rules_unknown_rule(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", "[rules.no-such-rule]\nx = 1\n")
    assert resolver_error(registry, tmp_path / "a.txt") == (
        f"{path}: [rules.no-such-rule]：未知的规则 'no-such-rule'（请使用 `govlint rules` 列出的规则名称或代码）"
    )


def test_rules_unknown_option_lists_known_options(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", "[rules.nonstandard-section-title]\nallow_aliases = true\n")
    assert resolver_error(registry, tmp_path / "a.txt") == (
        f"{path}: [rules.nonstandard-section-title]：GOV203 没有选项 'allow_aliases'"
        "（可用的选项：allow-aliases）"
    )


def test_rules_option_for_rule_without_options(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", "[rules.GOV201]\nstrict = true\n")
    assert resolver_error(registry, tmp_path / "a.txt") == (
        f"{path}: [rules.GOV201]：GOV201 没有选项 'strict'（可用的选项：无）"
    )


@pytest.mark.parametrize("value, got", [('"no"', "str"), ("0", "int"), ("[true]", "list")])
def test_rules_wrong_option_type(registry, tmp_path, value, got):
    path = write(tmp_path / ".govlint.toml", f"[rules.nonstandard-section-title]\nallow-aliases = {value}\n")
    assert resolver_error(registry, tmp_path / "a.txt") == (
        f"{path}: [rules.nonstandard-section-title].allow-aliases：应为 bool，实际为 {got}"
    )


@pytest.mark.parametrize("table", ["GOV203", "gov203", "nonstandard-section-title"])
def test_rules_option_by_code_or_name(registry, tmp_path, table):
    write(tmp_path / ".govlint.toml", f"[rules.{table}]\nallow-aliases = false\n")
    options = resolver(registry).for_file(tmp_path / "a.txt").rule_options
    assert options == {"GOV203": {"allow-aliases": False}}


# --------------------------------------------------------------------------- per-file ignores


def per_file_config(tmp_path: Path) -> Path:
    return write(
        tmp_path / ".govlint.toml",
        '[per-file-ignores]\n"sub/*.txt" = ["GOV201"]\n"legacy.md" = ["GOV2"]\n',
    )


def test_per_file_ignores_glob_relative_to_config_directory(registry, tmp_path):
    per_file_config(tmp_path)
    settings = resolver(registry)
    assert not selected(settings, tmp_path / "sub" / "a.txt", "GOV201")
    assert selected(settings, tmp_path / "sub" / "a.txt", "GOV202")
    assert selected(settings, tmp_path / "a.txt", "GOV201")
    assert selected(settings, tmp_path / "sub" / "a.md", "GOV201")
    assert selected(settings, tmp_path / "other" / "sub" / "a.txt", "GOV201")


def test_per_file_ignores_pattern_without_slash_matches_any_directory(registry, tmp_path):
    per_file_config(tmp_path)
    settings = resolver(registry)
    assert not selected(settings, tmp_path / "legacy.md", "GOV203")
    assert not selected(settings, tmp_path / "x" / "y" / "legacy.md", "GOV201")
    assert selected(settings, tmp_path / "x" / "legacy.txt", "GOV201")


def test_per_file_ignores_do_not_depend_on_cwd(registry, tmp_path, monkeypatch):
    per_file_config(tmp_path)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    settings = resolver(registry)
    assert not selected(settings, Path("a.txt"), "GOV201")
    assert selected(settings, Path("a.txt"), "GOV202")


def test_per_file_ignores_unknown_code(registry, tmp_path):
    path = write(tmp_path / ".govlint.toml", '[per-file-ignores]\n"*.txt" = ["GOV999"]\n')
    message = resolver_error(registry, tmp_path / "a.txt")
    assert message.startswith(f"{path}: per-file-ignores：未知的规则代码、前缀或名称 'GOV999'")
    assert SELECTOR_HINT in message


def test_parse_per_file_ignores_command_line_syntax():
    assert parse_per_file_ignores("a.txt:GOV201,GOV202 sub/*.md:GOV2\nb.txt:missing-section") == (
        ("a.txt", ("GOV201", "GOV202")),
        ("sub/*.md", ("GOV2",)),
        ("b.txt", ("missing-section",)),
    )


@pytest.mark.parametrize("text, chunk", [("a.txt", "a.txt"), ("a.txt:", "a.txt:"), (":GOV201", ":GOV201")])
def test_parse_per_file_ignores_errors(text, chunk):
    with pytest.raises(ConfigError) as info:
        parse_per_file_ignores(text)
    assert str(info.value) == f"--per-file-ignores：应为「glob:代码[,代码]」，实际为 {chunk!r}"


# --------------------------------------------------------------------------- exclude


@pytest.mark.parametrize(
    "relative, excluded",
    [
        ("drafts", True),
        ("drafts/r.txt", True),
        ("a/drafts/r.txt", True),
        ("drafts-2023/r.txt", False),
        ("sub/r.txt", True),
        ("sub/r.md", False),
        ("other/sub/r.txt", False),
        ("r.txt", False),
        ("notes.bak", True),
        ("a/notes.bak", True),
    ],
)
def test_exclude_patterns_from_config(registry, tmp_path, relative, excluded):
    write(tmp_path / ".govlint.toml", 'exclude = ["drafts", "sub/*.txt", "*.bak"]\n')
    assert resolver(registry).is_excluded(tmp_path / relative) is excluded


def test_path_matches_is_relative_to_root(tmp_path):
    assert path_matches(tmp_path / "sub" / "r.txt", "sub/*.txt", tmp_path)
    assert not path_matches(tmp_path / "sub" / "r.txt", "sub/*.txt", tmp_path / "sub")
    assert path_matches(tmp_path / "sub" / "deep" / "r.txt", "sub", tmp_path)
    assert path_matches(tmp_path / "sub" / "deep" / "r.txt", "sub/deep/", tmp_path)


def test_exclude_applies_when_walking_directories(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'exclude = ["drafts", "sub/*.txt"]\n')
    for name in ("a.txt", "drafts/b.txt", "x/drafts/c.txt", "sub/d.txt", "sub/e.md", "x/f.txt"):
        write(tmp_path / name, "一、总体情况\n")
    found = collect_inputs([str(tmp_path)], {".txt", ".md"}, resolver(registry))
    assert sorted(Path(i.display).relative_to(tmp_path).as_posix() for i in found) == ["a.txt", "sub/e.md", "x/f.txt"]


def test_command_line_exclude_replaces_config(registry, tmp_path, monkeypatch):
    write(tmp_path / ".govlint.toml", 'exclude = ["drafts"]\n')
    monkeypatch.chdir(tmp_path)
    settings = resolver(registry, cli=CliOverrides(exclude=("old",)))
    assert not settings.is_excluded(tmp_path / "drafts" / "a.txt")
    assert settings.is_excluded(tmp_path / "old" / "a.txt")


# --------------------------------------------------------------------------- command-line overrides


def test_cli_select_replaces_config_select(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV201"]\n')
    settings = resolver(registry, cli=CliOverrides(select=("GOV202",)))
    assert not selected(settings, tmp_path / "a.txt", "GOV201")
    assert selected(settings, tmp_path / "a.txt", "GOV202")


def test_cli_extend_select_adds_to_config(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV201"]\nextend-select = ["GOV202"]\n')
    settings = resolver(registry, cli=CliOverrides(extend_select=("GOV203",)))
    report = tmp_path / "a.txt"
    assert [selected(settings, report, c) for c in ("GOV201", "GOV202", "GOV203", "GOV204")] == [
        True, True, True, False,
    ]


def test_cli_ignore_replaces_config_ignore(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'ignore = ["GOV201"]\n')
    settings = resolver(registry, cli=CliOverrides(ignore=("GOV202",)))
    assert selected(settings, tmp_path / "a.txt", "GOV201")
    assert not selected(settings, tmp_path / "a.txt", "GOV202")


def test_cli_extend_ignore_adds_to_config(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'extend-ignore = ["GOV201"]\n')
    settings = resolver(registry, cli=CliOverrides(extend_ignore=("GOV202",)))
    assert not selected(settings, tmp_path / "a.txt", "GOV201")
    assert not selected(settings, tmp_path / "a.txt", "GOV202")
    assert selected(settings, tmp_path / "a.txt", "GOV203")


def test_cli_per_file_ignores_replace_config(registry, tmp_path, monkeypatch):
    write(tmp_path / ".govlint.toml", '[per-file-ignores]\n"a.txt" = ["GOV201"]\n')
    monkeypatch.chdir(tmp_path)
    settings = resolver(registry, cli=CliOverrides(per_file_ignores=(("b.txt", ("GOV202",)),)))
    assert selected(settings, tmp_path / "a.txt", "GOV201")
    assert not selected(settings, tmp_path / "b.txt", "GOV202")
    assert selected(settings, tmp_path / "b.txt", "GOV201")


@pytest.mark.parametrize(
    "overrides, option",
    [
        (CliOverrides(select=("GOV999",)), "--select"),
        (CliOverrides(extend_select=("GOV999",)), "--extend-select"),
        (CliOverrides(ignore=("GOV999",)), "--ignore"),
        (CliOverrides(extend_ignore=("GOV999",)), "--extend-ignore"),
        (CliOverrides(per_file_ignores=(("*.txt", ("GOV999",)),)), "--per-file-ignores"),
    ],
)
def test_unknown_cli_selector_names_the_option_not_the_config_file(registry, tmp_path, overrides, option):
    write(tmp_path / ".govlint.toml", 'select = ["GOV2"]\n')
    message = resolver_error(registry, tmp_path / "a.txt", cli=overrides)
    assert message.startswith(f"{option}：未知的规则代码、前缀或名称 'GOV999'")
    assert SELECTOR_HINT in message


def test_config_path_missing(registry, tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as info:
        SettingsResolver(registry, config_path=missing)
    assert str(info.value) == f"--config：文件不存在：{missing}"


def test_config_path_replaces_discovery(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV201"]\n')
    custom = write(tmp_path / "ci" / "custom.toml", 'select = ["GOV202"]\n')
    settings = resolver(registry, config_path=custom)
    assert selected(settings, tmp_path / "a.txt", "GOV202")
    assert not selected(settings, tmp_path / "a.txt", "GOV201")
    assert settings.for_file(tmp_path / "a.txt").config.path == custom


def test_config_path_errors_name_that_file(registry, tmp_path):
    custom = write(tmp_path / "custom.toml", "selekt = []\n")
    with pytest.raises(ConfigError) as info:
        SettingsResolver(registry, config_path=custom).for_file(tmp_path / "a.txt")
    assert str(info.value).startswith(f"{custom}：未知的键 'selekt'")


def test_isolated_ignores_configuration_files(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV202"]\n')
    settings = resolver(registry, isolated=True)
    assert selected(settings, tmp_path / "a.txt", "GOV201")
    assert settings.for_file(tmp_path / "a.txt").config.path is None


def test_isolated_does_not_even_read_a_broken_file(registry, tmp_path):
    write(tmp_path / ".govlint.toml", 'select = ["GOV2"\n')
    settings = resolver(registry, isolated=True)
    assert selected(settings, tmp_path / "a.txt", "GOV201")
