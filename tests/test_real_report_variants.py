"""The real reports in ../shared, re-typed in the ways the same report reaches us in practice.

A report saved with Windows line ends, a BOM, in GBK, with blanks left at the line ends by
a PDF extractor, with every line indented by full-width spaces, double-spaced as copied
from a web page, or with half-width brackets and colons is the same report: govlint must
give the same findings (codes and how many), and no new ones. This is a precision check on
shapes none of the fixed expectations covers.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from govlint.testing import lint_file

SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real reports) is not beside the checkout")

#: name → (text transformation, encoding)
VARIANTS = {
    "crlf": (lambda t: t.replace("\n", "\r\n"), "utf-8"),
    "bom": (lambda t: "\ufeff" + t, "utf-8"),
    "gbk": (lambda t: t, "gb18030"),
    "trailing-blanks": (lambda t: t.replace("\n", " \n"), "utf-8"),
    "trailing-ideographic-blanks": (lambda t: t.replace("\n", "\u3000\u3000\n"), "utf-8"),
    "indented-lines": (lambda t: re.sub(r"\n(?=\S)", "\n\u3000\u3000", t), "utf-8"),
    "double-spaced": (lambda t: t.replace("\n", "\n\n"), "utf-8"),
    "tabs-as-spaces": (lambda t: t.replace("\t", "    "), "utf-8"),
    "half-width-brackets": (lambda t: t.replace("（", "(").replace("）", ")"), "utf-8"),
    "half-width-colons": (lambda t: t.replace("：", ":"), "utf-8"),
}

#: GOV003 says the file is not UTF-8: true of the GBK copy only.
ENCODING_NOTE = "GOV003"


def _text_reports() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted(p for d in ("seeds", "corpus") for p in (SHARED / d).iterdir() if p.suffix in (".txt", ".md"))


def _codes(path: Path) -> Counter[str]:
    return Counter(d.code for d in lint_file(path) if d.code != ENCODING_NOTE)


@pytest.fixture(scope="module")
def originals() -> dict[str, Counter[str]]:
    return {p.name: _codes(p) for p in _text_reports()}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("report", _text_reports(), ids=lambda p: p.name)
def test_same_report_typed_differently_gets_the_same_findings(report, variant, originals, tmp_path):
    transform, encoding = VARIANTS[variant]
    copy = tmp_path / report.name
    copy.write_bytes(transform(report.read_text(encoding="utf-8")).encode(encoding))
    assert _codes(copy) == originals[report.name]
