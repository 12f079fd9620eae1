"""The README's plugin and pack examples run exactly as printed.

The plugin example is the example province distribution: each printed file starts with a
comment naming its path in ``plugins/govlint-example-province/``, and must be that file, byte
for byte (CI installs the distribution and runs its tests). The printed files are also written
out as an installed distribution in a temporary directory and run. The pack example and the
configuration that enables it are written out and run on a synthetic report.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import reportkit

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "plugins" / "govlint-example-province"
README = (REPO / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(?P<lang>\w+)\n(?P<body>.*?)^```$", re.S | re.M)


def blocks() -> list[tuple[str, str]]:
    """``(first-line path, text)`` of every fenced block whose first line is ``# <path> …``."""
    found = []
    for match in FENCE.finditer(README):
        body = match.group("body")
        first = body.split("\n", 1)[0]
        head = re.match(r"^# (\S+)", first)
        if head:
            found.append((head.group(1), body))
    return found


def example_blocks() -> dict[str, str]:
    return {path: text for path, text in blocks() if (EXAMPLE / path).is_file()}


def test_readme_prints_the_example_distribution_as_it_is() -> None:
    printed = example_blocks()
    assert set(printed) >= {
        "pyproject.toml",
        "src/govlint_example_province/__init__.py",
        "src/govlint_example_province/rules.py",
        "src/govlint_example_province/packs/example-province.yaml",
        "tests/rules/EX101.yaml",
        "tests/test_example_province_rules.py",
    }
    for path, text in printed.items():
        assert (EXAMPLE / path).read_text(encoding="utf-8") == text, f"README's {path} differs from the file"


def _run(args: list[str], cwd: Path, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    if site is not None:
        env["PYTHONPATH"] = str(site) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def install_printed(site: Path) -> None:
    """Write the printed distribution into ``site`` as pip would install it (dist-info + package)."""
    printed = example_blocks()
    project = tomllib.loads(printed["pyproject.toml"])["project"]
    name, version = project["name"], project["version"]
    meta = site / f"{name.replace('-', '_')}-{version}.dist-info"
    meta.mkdir(parents=True)
    (meta / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\n", encoding="utf-8")
    entries = "".join(f"{k} = {v}\n" for k, v in project["entry-points"]["govlint"].items())
    (meta / "entry_points.txt").write_text(f"[govlint]\n{entries}", encoding="utf-8")
    for path, text in printed.items():
        if path.startswith("src/"):
            target = site / path.removeprefix("src/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


REPORT = """\
示例省示例厅2023年政府信息公开工作年度报告
如对本报告有疑问，请与本厅办公室联系（电话：0100-12345678）。
一、总体情况
本厅全年主动公开政府信息96条。
五、存在的主要问题及改进情况
无。
"""


def test_printed_distribution_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    install_printed(site)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    plugins = _run(["-m", "govlint", "plugins"], tmp_path, site)
    assert re.search(r"^example-province  govlint_example_province  \(govlint-example-province 0\.1\.0\)  "
                     r"2 rules, 1 packs$", plugins.stdout, re.M), plugins.stdout + plugins.stderr
    check = _run(["-m", "govlint", "check", "--isolated", "--output-format", "concise", "--select", "EX",
                  "--pack", "example-province", "report.txt"], tmp_path, site)
    assert [line.split()[1] for line in check.stdout.splitlines()] == ["EX101", "EX001"], check.stdout + check.stderr
    # The printed test file runs the printed cases.
    tests = tmp_path / "tests"
    (tests / "rules").mkdir(parents=True)
    printed = example_blocks()
    (tests / "rules" / "EX101.yaml").write_text(printed["tests/rules/EX101.yaml"], encoding="utf-8")
    (tests / "test_example_province_rules.py").write_text(printed["tests/test_example_province_rules.py"],
                                                           encoding="utf-8")
    result = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tests)],
                  tmp_path, site)
    assert "2 passed" in result.stdout, result.stdout + result.stderr


def test_printed_pack_and_configuration_run(tmp_path: Path) -> None:
    printed = dict(blocks())
    pack = printed["packs/our-city.yaml"]
    config = next(text for path, text in blocks() if path == ".govlint.toml" and "packs/our-city.yaml" in text)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "our-city.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".govlint.toml").write_text(config, encoding="utf-8")
    title = "示例市交通运输局2023年政府信息公开工作年度报告\n"
    text = reportkit.build(template="2021", year=2023, issuer="示例市交通运输局",
                           intro="如对本报告有疑问，请与本局办公室联系（地址：示例市示例路1号；电话：0100-12345678）。",
                           edits={title: f"{title}发布时间：2024-01-29\n"}).text
    text = re.sub(r"本报告电子版可在\S+?下载。", "", text)  # no download address: SL102
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    proc = _run(["-m", "govlint", "check", "--output-format", "concise", "report.txt"], tmp_path)
    assert [line.split()[1] for line in proc.stdout.splitlines()] == ["SL102", "SL101"], proc.stdout + proc.stderr
    assert "report.txt:1:1: SL102 [提示] 引言未说明报告电子版的下载网址（示例市通知）" in proc.stdout
    assert "晚于政府部门年度报告的发布期限2024年1月25日（示例市通知）" in proc.stdout


@pytest.mark.parametrize("name", ["hubei-2020", "wuhan", "chongqing", "huaihua", "shanghai"])
def test_readme_names_every_builtin_pack(name: str) -> None:
    assert f"`{name}`" in README
