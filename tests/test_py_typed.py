"""govlint ships its type hints (PEP 561): ``py.typed`` is in the package and in its package data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_py_typed_marker_is_in_the_package_and_installed():
    assert resources.files("govlint").joinpath("py.typed").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in config["tool"]["setuptools"]["package-data"]["govlint"]


def test_project_urls_name_the_documentation_the_rule_urls_use():
    from govlint.rules_doc import DOCS_URL

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["urls"]["Documentation"] == DOCS_URL
