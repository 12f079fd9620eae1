"""Plugin loading through real ``govlint`` entry points (architecture.md §3, §8).

The end-to-end tests install nothing: each builds a fake distribution in ``tmp_path`` (a
``<name>-<version>.dist-info`` directory with ``METADATA`` and ``entry_points.txt``, and the
plugin module beside it) and runs ``python -m govlint`` in a subprocess with that directory
on ``PYTHONPATH``, which is how an installed plugin is found. A broken plugin must stop the
run with exit 2 and ONE line on stderr naming the entry point, the distribution and its
version -- never a traceback, never a silent green.

The unit tests at the end cover :mod:`govlint.entrypoints`, the fast reader of
``entry_points.txt`` files that replaces ``importlib.metadata`` at start-up.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import govlint
from govlint.entrypoints import EntryPoint, _parse_entry_points, entry_points
from govlint.host import ENTRY_POINT_GROUP, PluginInfo, discover_entry_points

GOVLINT_VERSION = govlint.__version__

# ----------------------------------------------------------------------------- helpers


def make_dist(site: Path, name: str, version: str, entries: str | dict[str, str],
              files: dict[str, str] | None = None, *, meta_name: str | None = None) -> Path:
    """Create ``site/<name>-<version>.dist-info`` and the plugin's source files in ``site``.

    ``entries`` is either ``{entry-point name: target}`` for a ``[govlint]`` section or the
    literal text of ``entry_points.txt``. ``files`` maps paths relative to ``site`` to
    source text (dedented).
    """
    site.mkdir(parents=True, exist_ok=True)
    meta_dir = site / f"{re.sub(r'[-_.]+', '_', name)}-{version}.dist-info"
    meta_dir.mkdir()
    (meta_dir / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta_name or name}\nVersion: {version}\n"
        "Summary: a test plugin\n\nLong description. Version: 666\n",
        encoding="utf-8",
    )
    if isinstance(entries, dict):
        entries = "[govlint]\n" + "".join(f"{k} = {v}\n" for k, v in entries.items())
    (meta_dir / "entry_points.txt").write_text(entries, encoding="utf-8")
    for relpath, source in (files or {}).items():
        target = site / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(source), encoding="utf-8")
    return meta_dir


def run_govlint(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m govlint ARGS`` with ``tmp_path/site`` on ``PYTHONPATH``.

    The working directory is ``tmp_path`` so that nothing in the checkout (for example a
    ``govlint.egg-info`` left by a development install) is picked up from the current
    directory.
    """
    env = dict(os.environ)
    for name in ("GOVLINT_DEBUG", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(name, None)
    site = str(tmp_path / "site")
    env["PYTHONPATH"] = site + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "govlint", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit code 2 and exactly one stderr line, without a traceback, containing ``needles``."""
    details = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 2, details
    assert "Traceback" not in proc.stderr, details
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, details
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    return lines[0]


REPORT = (
    "示例县2023年政府信息公开工作年度报告\n"
    "\n"
    "一、总体情况待补充。\n"
    "二、主动公开政府信息情况\n"
)
#: "待补充" is on line 3, after the 6 characters of 一、总体情况: column 7 (code points).
TODO_LINE, TODO_COLUMN = 3, 7


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


GOOD_RULE = '''
    from govlint.api import Violation, rule


    @rule("XX001", "todo-marker", "报告中留有「待补充」等占位文字", "error")
    def todo_marker(report, options):
        """Placeholder text was left in the report.

        What it checks:
        Occurrences of 待补充 in the text of the report.

        Why:
        A published report must not contain drafting placeholders.

        Failing example:
        一、总体情况待补充。

        Passing example:
        一、总体情况

        Options:
        None.
        """
        document = report.document
        start = document.text.find("待补充")
        while start != -1:
            yield Violation("留有占位文字「待补充」", document.span(start, start + 3))
            start = document.text.find("待补充", start + 1)
'''


def rules_hook(body: str, *, imports: str = "") -> str:
    """A plugin module whose ``govlint_rules`` hook has ``body`` (indented 4 spaces)."""
    return (
        "from govlint.api import hookimpl\n"
        + imports
        + "\n\n@hookimpl\ndef govlint_rules():\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
    )


# ----------------------------------------------------------------------------- (a) import error


def test_plugin_that_fails_to_import_exits_2(tmp_path: Path, report: Path) -> None:
    make_dist(
        tmp_path / "site", "govlint-broken", "1.0.1", {"broken": "broken_plugin"},
        {"broken_plugin.py": "raise RuntimeError('boom: cannot initialise\\nsecond line')\n"},
    )
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    line = assert_one_line_error(proc, "'broken'", "govlint-broken", "1.0.1", "RuntimeError", "boom")
    assert "second line" not in line
    assert proc.stdout == ""


def test_plugin_with_missing_module_exits_2(tmp_path: Path, report: Path) -> None:
    make_dist(tmp_path / "site", "govlint-ghost", "0.2", {"ghost": "ghost_plugin_not_there"})
    proc = run_govlint(tmp_path, "rules")
    assert_one_line_error(proc, "'ghost'", "govlint-ghost", "0.2", "ModuleNotFoundError")


def test_version_does_not_import_plugins(tmp_path: Path) -> None:
    """``--version`` must stay fast and usable (for bug reports) even with a broken plugin."""
    make_dist(
        tmp_path / "site", "govlint-broken", "1.0.1", {"broken": "broken_plugin"},
        {"broken_plugin.py": "raise RuntimeError('boom')\n"},
    )
    proc = run_govlint(tmp_path, "--version")
    assert proc.returncode == 0, proc.stderr
    assert "broken: broken_plugin (govlint-broken 1.0.1)" in proc.stdout


# ----------------------------------------------------------------------------- (b) code collision


@pytest.mark.parametrize(
    ("code", "name", "claimed"),
    [
        ("GOV201", "clash-rule", "代码 GOV201"),  # the sections family's missing-section
        ("XX201", "missing-section", "名称 missing-section"),
    ],
)
def test_rule_claimed_by_two_plugins_exits_2(tmp_path: Path, report: Path, code: str, name: str,
                                             claimed: str) -> None:
    rule_module = f'''
        from govlint.api import rule


        @rule("{code}", "{name}", "与内置规则冲突", "error")
        def clash(report, options):
            """Clash.

            What it checks:
            Nothing.

            Why:
            To collide.

            Failing example:
            x

            Passing example:
            y

            Options:
            None.
            """
            return ()
    '''
    make_dist(
        tmp_path / "site", "govlint-clash", "0.3", {"clash": "clash_plugin"},
        {
            "clash_plugin/__init__.py": rules_hook(
                "from clash_plugin import rules\nreturn [rules.clash]\n"
            ),
            "clash_plugin/rules.py": rule_module,
        },
    )
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    assert_one_line_error(
        proc, claimed, "'sections'", f"govlint {GOVLINT_VERSION}", "'clash'", "govlint-clash 0.3"
    )


# ----------------------------------------------------------------------------- (c) unknown hook


def test_unknown_hook_exits_2(tmp_path: Path, report: Path) -> None:
    make_dist(
        tmp_path / "site", "govlint-typo", "4.5.6", {"typo": "typo_plugin"},
        {
            "typo_plugin.py": """
                from govlint.api import hookimpl


                @hookimpl
                def govlint_rulez():
                    return []
            """,
        },
    )
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    assert_one_line_error(proc, "'typo'", "govlint-typo", "4.5.6", "govlint_rulez", "unknown hook")


def test_hook_with_wrong_arguments_exits_2(tmp_path: Path, report: Path) -> None:
    """pluggy validates the arguments of a known hook at registration."""
    make_dist(
        tmp_path / "site", "govlint-args", "1.0", {"args": "args_plugin"},
        {
            "args_plugin.py": """
                from govlint.api import hookimpl


                @hookimpl
                def govlint_read(path, data, encoding):
                    return None
            """,
        },
    )
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    assert_one_line_error(proc, "'args'", "govlint-args", "1.0", "govlint_read")


# ----------------------------------------------------------------------------- (d) not a Rule


@pytest.mark.parametrize(
    "body",
    [
        "return ['XX001']\n",
        "def check(report, options):\n    return ()\nreturn [check]\n",  # forgot @rule
    ],
    ids=["string", "undecorated-function"],
)
def test_rules_hook_returning_non_rule_exits_2(tmp_path: Path, report: Path, body: str) -> None:
    make_dist(
        tmp_path / "site", "govlint-sloppy", "0.9", {"sloppy": "sloppy_plugin"},
        {"sloppy_plugin.py": rules_hook(body)},
    )
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    assert_one_line_error(proc, "'sloppy'", "govlint-sloppy", "0.9", "govlint_rules")


def test_rules_hook_that_raises_exits_2(tmp_path: Path, report: Path) -> None:
    make_dist(
        tmp_path / "site", "govlint-sloppy", "0.9", {"sloppy": "sloppy_plugin"},
        {"sloppy_plugin.py": rules_hook("raise ImportError('no module named govlint_sloppy.rules')\n")},
    )
    proc = run_govlint(tmp_path, "rules")
    assert_one_line_error(proc, "'sloppy'", "govlint-sloppy", "0.9", "ImportError")


# ----------------------------------------------------------------------------- (e) a working plugin


@pytest.fixture
def good_plugin(tmp_path: Path) -> Path:
    return make_dist(
        tmp_path / "site", "govlint-xx", "2.5.0", {"xx": "govlint_xx"},
        {
            "govlint_xx/__init__.py": rules_hook("from govlint_xx import rules\nreturn [rules.todo_marker]\n"),
            "govlint_xx/rules.py": GOOD_RULE,
        },
    )


def test_third_party_rule_is_listed(tmp_path: Path, good_plugin: Path) -> None:
    proc = run_govlint(tmp_path, "rules")
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("XX001")]
    assert len(rows) == 1, proc.stdout
    assert "todo-marker" in rows[0] and "xx" in rows[0].split() and "待补充" in rows[0]
    assert any(line.startswith("GOV201") for line in proc.stdout.splitlines())  # built-ins still there


def test_third_party_plugin_in_plugins_and_version(tmp_path: Path, good_plugin: Path) -> None:
    proc = run_govlint(tmp_path, "plugins")
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("xx ")]
    assert len(rows) == 1, proc.stdout
    assert "govlint_xx" in rows[0] and "(govlint-xx 2.5.0)" in rows[0] and "1 rules" in rows[0]
    assert f"(govlint {GOVLINT_VERSION})" in proc.stdout

    proc = run_govlint(tmp_path, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == f"govlint {GOVLINT_VERSION}"
    assert "  xx: govlint_xx (govlint-xx 2.5.0)" in proc.stdout.splitlines()


def test_third_party_rule_doc(tmp_path: Path, good_plugin: Path) -> None:
    proc = run_govlint(tmp_path, "rule", "todo-marker")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("XX001 todo-marker: 报告中留有「待补充」等占位文字")
    assert "xx (govlint-xx 2.5.0)" in proc.stdout
    assert "检查内容：" in proc.stdout and "选项：" in proc.stdout  # an English docstring, Chinese headings


def test_third_party_rule_reports_position(tmp_path: Path, good_plugin: Path, report: Path) -> None:
    proc = run_govlint(tmp_path, "check", "--isolated", "--output-format", "concise",
                       "--select", "XX001", str(report))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.splitlines() == [f"{report}:{TODO_LINE}:{TODO_COLUMN}: XX001 [错误] 留有占位文字「待补充」"]


def test_third_party_rule_in_json_output(tmp_path: Path, good_plugin: Path, report: Path) -> None:
    import json

    proc = run_govlint(tmp_path, "check", "--isolated", "--output-format", "json",
                       "--select", "XX001", str(report))
    assert proc.returncode == 1, proc.stderr
    (item,) = json.loads(proc.stdout)
    assert item["code"] == "XX001" and item["name"] == "todo-marker" and item["plugin"] == "xx"
    assert item["location"] == {"row": TODO_LINE, "column": TODO_COLUMN}
    assert item["end_location"] == {"row": TODO_LINE, "column": TODO_COLUMN + 3}


# ----------------------------------------------------------------------------- (f) a crashing rule


CRASHY_RULE = '''
    from govlint.api import rule


    @rule("XX002", "crashy", "会崩溃的规则", "error")
    def crashy(report, options):
        """Crashes.

        What it checks:
        Nothing.

        Why:
        To crash.

        Failing example:
        x

        Passing example:
        y

        Options:
        None.
        """
        {body}
'''


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("raise ValueError('cell (3, 4) is None\\nmore detail')", "ValueError: cell (3, 4) is None"),
        ("yield 1 / 0", "ZeroDivisionError"),
        ("yield 'a message without a span'", "AttributeError"),  # not a Violation
    ],
    ids=["raises", "raises-in-generator", "yields-non-violation"],
)
def test_rule_crash_exits_2(tmp_path: Path, report: Path, body: str, error: str) -> None:
    make_dist(
        tmp_path / "site", "govlint-crashy", "0.0.1", {"crashy": "crashy_plugin"},
        {
            "crashy_plugin/__init__.py": rules_hook("from crashy_plugin import rules\nreturn [rules.crashy]\n"),
            "crashy_plugin/rules.py": CRASHY_RULE.format(body=body),
        },
    )
    proc = run_govlint(tmp_path, "check", "--isolated", "--output-format", "concise", "--select", "XX002",
                       str(report))
    line = assert_one_line_error(proc, "XX002", str(report), "'crashy'", "govlint-crashy", "0.0.1", error)
    assert "more detail" not in line


# ----------------------------------------------------------------------------- (g) name collision


@pytest.mark.parametrize("same_target", [False, True], ids=["different-targets", "same-target"])
def test_two_distributions_with_one_entry_point_name_exit_2(tmp_path: Path, report: Path,
                                                            same_target: bool) -> None:
    site = tmp_path / "site"
    hook = rules_hook("return []\n")
    make_dist(site, "govlint-js", "1.0", {"js": "govlint_js"}, {"govlint_js.py": hook})
    other = "govlint_js" if same_target else "govlint_js_fork"
    make_dist(site, "govlint-js-fork", "2.0", {"js": other}, {f"{other}.py": hook})
    proc = run_govlint(tmp_path, "check", "--isolated", str(report))
    assert_one_line_error(proc, "'js'", "govlint-js 1.0", "govlint-js-fork 2.0")


def test_entry_point_named_like_a_builtin_exits_2(tmp_path: Path, report: Path) -> None:
    make_dist(tmp_path / "site", "govlint-sections2", "1.0", {"sections": "sections2"},
              {"sections2.py": rules_hook("return []\n")})
    proc = run_govlint(tmp_path, "rules")
    assert_one_line_error(proc, "'sections'", f"govlint {GOVLINT_VERSION}", "govlint-sections2 1.0")


# ============================================================================= govlint.entrypoints


ENTRY_POINTS_TXT = """\
# a comment
; another comment
[console_scripts]
govlint-xx = govlint_xx.cli:main

  [ govlint ]
xx=govlint_xx
  yy   =   govlint_yy.hooks:Plugin.impl   
# zz = commented_out

[govlint.other]
not_ours = other_module

[govlint]
late = late_module
"""


def test_parse_entry_points() -> None:
    assert _parse_entry_points(ENTRY_POINTS_TXT, "govlint") == [
        ("xx", "govlint_xx"),
        ("yy", "govlint_yy.hooks:Plugin.impl"),
        ("late", "late_module"),
    ]
    assert _parse_entry_points(ENTRY_POINTS_TXT, "govlint.other") == [("not_ours", "other_module")]
    assert _parse_entry_points(ENTRY_POINTS_TXT, "console_scripts") == [("govlint-xx", "govlint_xx.cli:main")]
    assert _parse_entry_points(ENTRY_POINTS_TXT, "missing") == []
    assert _parse_entry_points("", "govlint") == []


def test_parse_entry_points_crlf_and_lines_before_a_section() -> None:
    text = "stray = before_any_section\r\n[govlint]\r\na = mod_a\r\n\r\nb = mod_b:attr\r\n"
    assert _parse_entry_points(text, "govlint") == [("a", "mod_a"), ("b", "mod_b:attr")]


@pytest.fixture
def importable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory on ``sys.path`` holding a package ``ep_target_pkg``."""
    root = tmp_path / "importable"
    (root / "ep_target_pkg").mkdir(parents=True)
    (root / "ep_target_pkg" / "__init__.py").write_text("MARK = 'package'\n", encoding="utf-8")
    (root / "ep_target_pkg" / "hooks.py").write_text(
        "class Plugin:\n    class impl:\n        MARK = 'nested'\n\nvalue = 42\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(root))
    yield root
    for name in [m for m in sys.modules if m == "ep_target_pkg" or m.startswith("ep_target_pkg.")]:
        del sys.modules[name]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ep_target_pkg", "package"),
        ("ep_target_pkg.hooks:value", 42),
        ("ep_target_pkg.hooks:Plugin.impl", "nested"),
        (" ep_target_pkg.hooks : Plugin.impl ", "nested"),
    ],
)
def test_entry_point_load(importable: Path, value: str, expected: object) -> None:
    obj = EntryPoint("x", value, "govlint", None).load()
    found = obj if isinstance(obj, int) else obj.MARK
    assert found == expected


def test_entry_point_load_missing_attribute(importable: Path) -> None:
    with pytest.raises(AttributeError):
        EntryPoint("x", "ep_target_pkg.hooks:Plugin.nope", "govlint", None).load()


def _names(group: str = "govlint") -> list[tuple[str, str, str | None]]:
    return [(ep.name, ep.value, ep.dist_version) for ep in entry_points(group)]


def test_scan_order_and_shadowing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    make_dist(first, "Govlint_Foo", "1.0", {"foo": "foo_v1"})
    # The same distribution (names normalise alike) later on sys.path is shadowed.
    make_dist(second, "govlint.foo", "2.0", {"foo": "foo_v2", "extra": "foo_extra"})
    make_dist(second, "govlint-bar", "3.0", {"bar": "bar_mod"})
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert _names() == [("foo", "foo_v1", "1.0"), ("bar", "bar_mod", "3.0")]
    monkeypatch.setattr(sys, "path", [str(second), str(first)])
    assert _names() == [("bar", "bar_mod", "3.0"), ("foo", "foo_v2", "2.0"), ("extra", "foo_extra", "2.0")]


def test_shadowing_copy_without_entry_points_hides_later_copy(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the import system, the first copy of a distribution is the one in use."""
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "govlint_foo-1.1.dist-info").mkdir(parents=True)
    make_dist(second, "govlint-foo", "1.0", {"foo": "foo_v1"})
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    assert _names() == []


def test_empty_sys_path_entry_is_the_current_directory(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    make_dist(tmp_path, "govlint-here", "0.1", {"here": "here_mod"})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [""])
    assert _names() == [("here", "here_mod", "0.1")]


def test_version_from_directory_and_metadata_on_demand(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    meta_dir = make_dist(tmp_path, "govlint-ver", "1.2.3", {"ver": "ver_mod"}, meta_name="GovLint-Ver")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    (ep,) = entry_points("govlint")
    assert ep.dist_version == "1.2.3"  # from the directory name: no file read
    assert ep.dist_name is None
    assert ep.meta_dir == str(meta_dir)
    # METADATA is read when asked, not while scanning: a change made now is seen.
    (meta_dir / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: GovLint-Ver\nVersion: 1.2.3.post1\n\nVersion: 9.9 (body, not a header)\n",
        encoding="utf-8",
    )
    assert ep.metadata_field("Version") == "1.2.3.post1"
    assert ep.metadata_field("name") == "GovLint-Ver"
    assert ep.metadata_field("Summary") is None  # body lines are not headers
    info = PluginInfo(ep.name, ep.value, source=ep)
    assert (info.dist, info.version) == ("GovLint-Ver", "1.2.3.post1")
    assert info.describe() == "'ver' (GovLint-Ver 1.2.3.post1)"


def test_plugin_info_without_metadata_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meta_dir = make_dist(tmp_path, "govlint-bare", "0.4", {"bare": "bare_mod"})
    (meta_dir / "METADATA").unlink()
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    (ep,) = entry_points("govlint")
    info = PluginInfo(ep.name, ep.value, source=ep)
    assert info.version == "0.4"  # falls back to the directory name
    assert info.dist == "unknown distribution"


@pytest.mark.parametrize(
    ("dirname", "version"),
    [("govlint_egg.egg-info", None), ("govlint_egg-0.7-py3.11.egg-info", "0.7"), ("govlint_egg-0.7.egg-info", "0.7")],
)
def test_egg_info_directories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dirname: str,
                              version: str | None) -> None:
    meta_dir = tmp_path / dirname
    meta_dir.mkdir()
    (meta_dir / "PKG-INFO").write_text("Metadata-Version: 1.2\nName: govlint-egg\nVersion: 0.7\n", encoding="utf-8")
    (meta_dir / "entry_points.txt").write_text("[govlint]\negg = egg_mod\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    (ep,) = entry_points("govlint")
    assert (ep.name, ep.value, ep.dist_version) == ("egg", "egg_mod", version)
    info = PluginInfo(ep.name, ep.value, source=ep)
    assert (info.dist, info.version) == ("govlint-egg", "0.7")


def test_unrelated_directories_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "not-a-dist-info").mkdir()
    (tmp_path / "govlint_foo").mkdir()
    (tmp_path / "README.dist-info.txt").write_text("x", encoding="utf-8")
    make_dist(tmp_path, "govlint-real", "1.0", "[console_scripts]\nreal = real:main\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert entry_points("govlint") == []


def test_zip_on_sys_path_falls_back_to_importlib_metadata(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("govlint_zipped-0.5.dist-info/METADATA",
                    "Metadata-Version: 2.1\nName: govlint-zipped\nVersion: 0.5\n")
        zf.writestr("govlint_zipped-0.5.dist-info/entry_points.txt", "[govlint]\nzipped = zipped_mod\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    (ep,) = entry_points("govlint")
    assert (ep.name, ep.value, ep.dist_name, ep.dist_version) == ("zipped", "zipped_mod", "govlint-zipped", "0.5")
    info = PluginInfo(ep.name, ep.value, source=ep)
    assert info.describe() == "'zipped' (govlint-zipped 0.5)"


def test_agrees_with_importlib_metadata() -> None:
    """On the real environment the fast scan finds what ``importlib.metadata`` finds."""
    import importlib.metadata as md

    ours = sorted((ep.name, ep.value) for ep in entry_points(ENTRY_POINT_GROUP))
    theirs = sorted((ep.name, ep.value) for ep in md.entry_points(group=ENTRY_POINT_GROUP))
    assert ours == theirs
    assert ("sections", "govlint_rules.sections") in ours


def test_discover_keeps_same_target_from_two_distributions(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Only copies of ONE distribution are merged; a second distribution is a collision."""
    make_dist(tmp_path, "govlint-a", "1.0", {"p": "shared_mod"})
    make_dist(tmp_path, "govlint-b", "1.0", {"p": "shared_mod"})
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    found = discover_entry_points()
    assert [(ep.name, ep.dist_key) for ep, _info in found] == [("p", "govlint_a"), ("p", "govlint_b")]


def test_fast_path_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    """The fast path must not import importlib.metadata (it costs start-up time)."""
    code = (
        "import sys\n"
        "from govlint.host import discover_entry_points\n"
        "discover_entry_points()\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
