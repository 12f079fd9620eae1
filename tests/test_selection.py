"""The select/ignore decision engine (``govlint.selection``), table-tested as flake8 does.

The registry here is built from dummy rules so the table does not change when real rule
families are added: GOV2xx and GOV3xx are on by default, GOV502 is off by default, and
XX001 stands for a third-party plugin.
"""

from __future__ import annotations

import pytest

from govlint.diagnostics import Severity
from govlint.errors import ConfigError
from govlint.rules import RuleRegistry, rule
from govlint.selection import Selection, SelectionSettings, normalize_selector

HINT = "提供它的插件是否已安装？`govlint rules` 列出所有已知代码"


def _check(report, options):
    return ()


def make_registry() -> RuleRegistry:
    specs = [
        ("GOV201", "missing-section", "error", True),
        ("GOV202", "section-order", "error", True),
        ("GOV203", "nonstandard-section-title", "warning", True),
        ("GOV301", "applications-balance", "error", True),
        ("GOV302", "results-total", "error", True),
        ("GOV303", "carry-over", "warning", True),
        ("GOV502", "contact-email", "info", False),
        ("XX001", "third-party-check", "warning", True),
    ]
    registry = RuleRegistry()
    for code, name, severity, default_enabled in specs:
        registry.add(rule(code, name, "摘要", severity, default_enabled=default_enabled)(_check))
    return registry


REGISTRY = make_registry()


def build(select=None, extend_select=(), ignore=(), extend_ignore=(), severity=None, where="test.toml"):
    settings = SelectionSettings(
        select=tuple(select) if select is not None else None,
        extend_select=tuple(extend_select),
        ignore=tuple(ignore),
        extend_ignore=tuple(extend_ignore),
        severity=severity or {},
    )
    return Selection.build(settings, REGISTRY, where=where)


# --------------------------------------------------------------------------- the decision table

N = None  # select not given

DECISIONS = [
    # id, select, extend_select, ignore, extend_ignore, code, expected
    # defaults: every default-on rule, including third-party ones
    ("default-on", N, (), (), (), "GOV201", True),
    ("default-on-other-family", N, (), (), (), "GOV303", True),
    ("default-on-third-party", N, (), (), (), "XX001", True),
    # a default-off rule is off unless explicitly selected
    ("default-off", N, (), (), (), "GOV502", False),
    ("default-off-select-other-family", ["GOV2"], (), (), (), "GOV502", False),
    ("default-off-extend-select-code", N, ["GOV502"], (), (), "GOV502", True),
    ("default-off-extend-select-prefix", N, ["GOV5"], (), (), "GOV502", True),
    ("default-off-extend-select-name", N, ["contact-email"], (), (), "GOV502", True),
    ("default-off-select-code", ["GOV502"], (), (), (), "GOV502", True),
    ("default-off-select-prefix", ["GOV5"], (), (), (), "GOV502", True),
    ("default-off-select-name", ["contact-email"], (), (), (), "GOV502", True),
    ("default-off-select-broad-prefix", ["GOV"], (), (), (), "GOV502", True),
    ("default-off-extend-select-then-ignored", N, ["GOV5"], ["GOV502"], (), "GOV502", False),
    # explicit select replaces the defaults
    ("select-replaces-defaults", ["GOV3"], (), (), (), "GOV201", False),
    ("select-replaces-defaults-third-party", ["GOV3"], (), (), (), "XX001", False),
    ("select-prefix-selects-family", ["GOV3"], (), (), (), "GOV302", True),
    ("select-code-only-that-code", ["GOV301"], (), (), (), "GOV302", False),
    ("select-lowercase-prefix", ["gov3"], (), (), (), "GOV301", True),
    ("select-by-name", ["results-total"], (), (), (), "GOV302", True),
    ("select-by-name-not-siblings", ["results-total"], (), (), (), "GOV301", False),
    ("select-empty-list-selects-nothing", [], (), (), (), "GOV201", False),
    # extend-select adds to the explicit selection or to the defaults
    ("extend-select-adds-to-select", ["GOV3"], ["GOV201"], (), (), "GOV201", True),
    ("extend-select-adds-only-that", ["GOV3"], ["GOV201"], (), (), "GOV202", False),
    ("extend-select-keeps-select", ["GOV3"], ["GOV201"], (), (), "GOV303", True),
    ("extend-select-keeps-defaults", N, ["GOV502"], (), (), "GOV201", True),
    ("extend-select-keeps-defaults-third-party", N, ["GOV502"], (), (), "XX001", True),
    # ignore by prefix, code and name; ignore beats the implicit (default) selection
    ("ignore-prefix", N, (), ["GOV3"], (), "GOV301", False),
    ("ignore-prefix-other-family-kept", N, (), ["GOV3"], (), "GOV201", True),
    ("ignore-code", N, (), ["GOV302"], (), "GOV302", False),
    ("ignore-code-sibling-kept", N, (), ["GOV302"], (), "GOV301", True),
    ("ignore-name", N, (), ["results-total"], (), "GOV302", False),
    ("ignore-third-party-prefix", N, (), ["XX"], (), "XX001", False),
    ("extend-ignore-prefix", N, (), (), ["GOV2"], "GOV203", False),
    ("extend-ignore-adds-to-ignore", N, (), ["GOV3"], ["GOV201"], "GOV201", False),
    ("ignore-beats-implicit-with-extend-select", N, ["GOV3"], ["GOV"], (), "GOV201", False),
    # both explicit: the longer selector wins
    ("select-prefix-ignore-code", ["GOV2"], (), ["GOV201"], (), "GOV201", False),
    ("select-prefix-ignore-code-sibling", ["GOV2"], (), ["GOV201"], (), "GOV202", True),
    ("select-code-ignore-prefix", ["GOV201"], (), ["GOV2"], (), "GOV201", True),
    ("select-family-ignore-all-gov", ["GOV3"], (), ["GOV"], (), "GOV301", True),
    ("select-gov-ignore-subfamily", ["GOV"], (), ["GOV30"], (), "GOV301", False),
    ("select-name-ignore-prefix", ["missing-section"], (), ["GOV2"], (), "GOV201", True),
    ("select-prefix-ignore-name", ["GOV2"], (), ["missing-section"], (), "GOV201", False),
    ("extend-select-code-beats-ignore-prefix", N, ["GOV301"], ["GOV3"], (), "GOV301", True),
    ("extend-select-prefix-loses-to-extend-ignore-code", N, ["GOV3"], (), ["GOV303"], "GOV303", False),
    # both explicit with selectors of the same length: ignored
    ("tie-code", ["GOV201"], (), ["GOV201"], (), "GOV201", False),
    ("tie-prefix", ["GOV2"], (), ["GOV2"], (), "GOV201", False),
    ("tie-name-and-code", ["missing-section"], (), ["GOV201"], (), "GOV201", False),
    ("tie-extend", N, ["GOV3"], (), ["GOV3"], "GOV301", False),
    # ALL (any case) is the empty prefix: the shortest selector there is
    ("select-all", ["ALL"], (), (), (), "XX001", True),
    ("select-all-enables-default-off", ["ALL"], (), (), (), "GOV502", True),
    ("select-all-lowercase", ["all"], (), (), (), "GOV302", True),
    ("select-all-ignore-family", ["ALL"], (), ["GOV3"], (), "GOV301", False),
    ("select-all-ignore-family-other-kept", ["ALL"], (), ["GOV3"], (), "GOV201", True),
    ("ignore-all", N, (), ["ALL"], (), "GOV201", False),
    ("select-family-ignore-all", ["GOV3"], (), ["ALL"], (), "GOV301", True),
    ("select-family-ignore-all-others-off", ["GOV3"], (), ["ALL"], (), "XX001", False),
    ("select-all-ignore-all", ["ALL"], (), ["ALL"], (), "GOV201", False),
]


@pytest.mark.parametrize(
    "select, extend_select, ignore, extend_ignore, code, expected",
    [row[1:] for row in DECISIONS],
    ids=[row[0] for row in DECISIONS],
)
def test_decision(select, extend_select, ignore, extend_ignore, code, expected):
    selection = build(select, extend_select, ignore, extend_ignore)
    assert selection.is_selected(code) is expected


def test_decision_ids_are_unique():
    ids = [row[0] for row in DECISIONS]
    assert len(ids) == len(set(ids))


def test_selected_codes_default():
    assert build().selected_codes() == [
        "GOV201", "GOV202", "GOV203", "GOV301", "GOV302", "GOV303", "XX001",
    ]


def test_selected_codes_select_and_ignore():
    selection = build(select=["GOV2", "GOV5"], ignore=["GOV203"])
    assert selection.selected_codes() == ["GOV201", "GOV202", "GOV502"]


# --------------------------------------------------------------------------- severity


def test_severity_longest_prefix_wins():
    selection = build(severity={"GOV": "info", "GOV3": "warning", "GOV301": "error"})
    assert selection.severity_for("GOV301", Severity.INFO) is Severity.ERROR
    assert selection.severity_for("GOV302", Severity.ERROR) is Severity.WARNING
    assert selection.severity_for("GOV201", Severity.ERROR) is Severity.INFO


def test_severity_longest_prefix_wins_regardless_of_order():
    selection = build(severity={"GOV301": "error", "GOV3": "warning", "GOV": "info"})
    assert selection.severity_for("GOV301", Severity.INFO) is Severity.ERROR
    assert selection.severity_for("GOV303", Severity.ERROR) is Severity.WARNING


def test_severity_default_when_nothing_matches():
    selection = build(severity={"GOV3": "info"})
    assert selection.severity_for("XX001", Severity.WARNING) is Severity.WARNING
    assert selection.severity_for("GOV201", Severity.ERROR) is Severity.ERROR


def test_severity_by_rule_name_and_case_insensitive_level():
    selection = build(severity={"missing-section": "WARNING"})
    assert selection.severity_for("GOV201", Severity.ERROR) is Severity.WARNING
    assert selection.severity_for("GOV202", Severity.ERROR) is Severity.ERROR


def test_severity_all():
    selection = build(severity={"ALL": "info", "GOV2": "error"})
    assert selection.severity_for("XX001", Severity.WARNING) is Severity.INFO
    assert selection.severity_for("GOV203", Severity.WARNING) is Severity.ERROR


def test_severity_unknown_level_is_config_error():
    with pytest.raises(ConfigError) as info:
        build(severity={"GOV201": "fatal"}, where="/cfg/.govlint.toml")
    assert str(info.value) == (
        "/cfg/.govlint.toml: severity.GOV201：未知的严重程度 'fatal'（应为 error、warning 或 info）"
    )


def test_severity_unknown_selector_is_config_error():
    with pytest.raises(ConfigError) as info:
        build(severity={"GOV999": "info"}, where="/cfg/.govlint.toml")
    message = str(info.value)
    assert message.startswith("/cfg/.govlint.toml: severity：未知的规则代码、前缀或名称 'GOV999'")
    assert HINT in message


# --------------------------------------------------------------------------- selectors


@pytest.mark.parametrize(
    "selector, normalised",
    [
        ("missing-section", "GOV201"),
        ("MISSING-SECTION", "GOV201"),
        ("  results-total ", "GOV302"),
        ("contact-email", "GOV502"),
        ("third-party-check", "XX001"),
        ("GOV201", "GOV201"),
        ("gov201", "GOV201"),
        ("GOV3", "GOV3"),
        ("gov", "GOV"),
        ("XX", "XX"),
        ("G", "G"),
        ("ALL", ""),
        ("all", ""),
    ],
)
def test_normalize_selector(selector, normalised):
    assert normalize_selector(selector, REGISTRY, "--select") == normalised


@pytest.mark.parametrize("selector", ["GOV999", "GOV9", "GOV2011", "YY", "no-such-rule", "missing_section"])
def test_unknown_selector_is_config_error_with_hint(selector):
    with pytest.raises(ConfigError) as info:
        normalize_selector(selector, REGISTRY, "--select")
    assert str(info.value) == f"--select：未知的规则代码、前缀或名称 {selector!r}（{HINT}）"


@pytest.mark.parametrize("selector", ["", "   "])
def test_empty_selector_is_config_error(selector):
    with pytest.raises(ConfigError) as info:
        normalize_selector(selector, REGISTRY, "--ignore")
    assert str(info.value) == "--ignore：规则选择器为空"


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore", "extend-ignore"])
def test_unknown_selector_error_names_file_and_key(key):
    kwargs = {key.replace("-", "_"): ["GOV9"]}
    with pytest.raises(ConfigError) as info:
        build(where="/repo/.govlint.toml", **kwargs)
    message = str(info.value)
    assert message.startswith(f"/repo/.govlint.toml: {key}：未知的规则代码、前缀或名称 'GOV9'")
    assert HINT in message


def test_names_and_codes_select_the_same_rules():
    by_name = build(select=["missing-section", "results-total"])
    by_code = build(select=["GOV201", "GOV302"])
    assert by_name.selected_codes() == by_code.selected_codes() == ["GOV201", "GOV302"]


# --------------------------------------------------------------------------- per-file ignores


def test_with_ignores_ignores_extra_codes():
    selection = build()
    per_file = selection.with_ignores(["GOV2"])
    assert not per_file.is_selected("GOV201")
    assert not per_file.is_selected("GOV203")
    assert per_file.is_selected("GOV301")


def test_with_ignores_leaves_original_untouched():
    selection = build()
    selection.with_ignores(["GOV2"])
    assert selection.is_selected("GOV201")


def test_with_ignores_longer_explicit_select_still_wins():
    selection = build(select=["GOV201", "GOV3"])
    per_file = selection.with_ignores(["GOV2", "GOV301"])
    assert per_file.is_selected("GOV201")  # GOV201 (select) is longer than GOV2 (ignore)
    assert not per_file.is_selected("GOV301")  # same length: ignored
    assert per_file.is_selected("GOV302")


def test_with_ignores_keeps_severity_and_default_off():
    selection = build(severity={"GOV3": "info"})
    per_file = selection.with_ignores(["GOV201"])
    assert per_file.severity_for("GOV301", Severity.ERROR) is Severity.INFO
    assert not per_file.is_selected("GOV502")
