"""SARIF output validates against the official SARIF 2.1.0 schema (vendored in tests/data), and
every built-in rule links to its section of docs/rules.md (json ``url``, SARIF ``helpUri``)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

jsonschema = pytest.importorskip("jsonschema")
docx = pytest.importorskip("docx")

from formatkit import Sample, write_docx  # noqa: E402
from govlint.cli import cli  # noqa: E402
from govlint.rules_doc import DOCS_URL  # noqa: E402
from govlint.synthetic import ReportSpec, render  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _validator():
    checker = jsonschema.FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers), "install rfc3986-validator (test extra)"
    return jsonschema.Draft4Validator(SCHEMA, format_checker=checker)


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    """Reports with Chinese names and spaces: a text report, an empty (unreadable) file and a
    Word report whose findings have places."""
    reports = tmp_path / "各单位 报告"
    reports.mkdir()
    spec = ReportSpec.random(random.Random(5), template="2021")
    spec.applications["total"][0] += 1
    (reports / "示例局 2023年报告.txt").write_text(render(spec), encoding="utf-8")
    (reports / "空白 报告.txt").write_bytes(b"")
    word = Sample(ReportSpec.random(random.Random(9), template="2021"), frozenset({("二、上年结转政府信息公开申请数量", 2)}), ())
    (reports / "某县 报告#1.docx").write_bytes(write_docx(word))
    monkeypatch.chdir(tmp_path)
    return reports


def test_sarif_validates_against_the_2_1_0_schema(folder):
    result = CliRunner().invoke(cli, ["check", "--isolated", "--output-format", "sarif", folder.name])
    assert result.exit_code == 2, result.output  # the empty file could not be read
    document = json.loads(result.stdout)
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = document["runs"][0]
    assert run["invocations"][0]["toolExecutionNotifications"]
    assert any("properties" in r and r["properties"]["place"] for r in run["results"])  # a Word place
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert all(u.isascii() for u in uris) and any("%23" in u for u in uris)  # '#' in a name is encoded
    rules = run["tool"]["driver"]["rules"]
    builtin = [r for r in rules if r["id"].startswith("GOV")]
    assert builtin and all(r["helpUri"] == f"{DOCS_URL}#{r['id'].lower()}-{r['name']}" for r in builtin)
    assert all("helpUri" not in r for r in rules if r["id"].startswith("EX"))  # a third-party plugin's rule


def test_json_url_names_the_rule_section_of_the_docs(folder):
    result = CliRunner().invoke(cli, ["check", "--isolated", "--output-format", "json", folder.name])
    items = json.loads(result.stdout)
    assert items
    for item in items:
        assert item["url"] == f"{DOCS_URL}#{item['code'].lower()}-{item['name']}"


def _github_slug(heading: str) -> str:
    """The anchor GitHub's Markdown renderer gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_rule_anchors_are_the_anchors_docs_rules_md_produces():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = {_github_slug(h) for h in re.findall(r"^### (.+)$", text, flags=re.M)}
    result = CliRunner().invoke(cli, ["rules", "--builtin", "--format", "json"])
    for item in json.loads(result.stdout):
        assert f"{item['code'].lower()}-{item['name']}" in headings, item["code"]
