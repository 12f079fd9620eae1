"""Cost that grows with the input only linearly, and the fast paths that keep it so.

Each test pins one root of a former super-linear cost (see ``bench/shapes.py``) without
timing where it can: counting the work done or checking that the work is shared. The one
timed test has a budget about five times its normal cost.
"""

from __future__ import annotations

import random
import time

import pytest

from govlint import text_keys
from govlint.document import Document
from govlint.parser import normalize
from govlint.parser import sections
from govlint.parser.normalize import label_key, normalize_text
from govlint.readers import decoding, html_extract
from govlint.synthetic import ReportSpec, render
from govlint.testing import lint_text


def _crawler_report() -> str:
    return render(ReportSpec.random(random.Random(11)), "crawler", seed=11)


class _CountingPattern:
    """A compiled pattern that counts ``finditer`` calls."""

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.calls = 0

    def finditer(self, *args):
        self.calls += 1
        return self.pattern.finditer(*args)


def test_nested_wrappers_search_their_text_once(monkeypatch):
    """400 bare nested ``<div>`` s around a report: one heading search, not one per level."""
    counting = _CountingPattern(html_extract._HEADING_RE)
    monkeypatch.setattr(html_extract, "_HEADING_RE", counting)
    lines = "".join(f"<p>{line}</p>" for line in render(ReportSpec.random(random.Random(3)), "rows", seed=3)
                    .splitlines()[:6])
    page = "<html><body>" + "<div>" * 400 + lines + "</div>" * 400 + "</body></html>"
    text, _, _ = html_extract.extract_page(page)
    assert "政府信息公开" in text
    assert counting.calls < 40


def test_nested_wrappers_keep_their_headings():
    """The shared search gives every wrapper the headings of its content."""
    page = ("<html><body>" + "<div>" * 30 + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
            + "</div>" * 30 + "<div>其他</div></body></html>")
    root = html_extract.build_tree(page)
    elements = html_extract.measure(root)
    divs = [e for e in elements if e.tag == "div"]
    assert [e.hits for e in divs[:30]] == [2] * 30
    assert divs[-1].hits == 0


def test_diagnostics_on_one_long_line_share_the_line():
    """A report on one line: each diagnostic's source line is the same string, cut once."""
    text = _crawler_report().replace("\n", " ") + "\n"
    document = Document("one-line.txt", text)
    first = document.line_at(1, 5)
    assert first == text[:-1]
    assert document.line_at(1, 900) is first
    assert document.source_line(1) is first
    assert document.source_line(2) == ""


def test_one_line_report_checks_in_linear_time():
    """Four MB of crawler text on one line (quadratic before: about 20 s of CPU; now about 1.5 s)."""
    one = _crawler_report().replace("\n", " ")
    text = " ".join([one] * (4_000_000 // len(one.encode("utf-8")) + 1)) + "\n"
    start = time.process_time()
    lint_text(text, filename="one-line.txt")
    assert time.process_time() - start < 8.0


@pytest.mark.parametrize("seed", range(40))
def test_line_helpers_match_the_naive_forms(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("一、 \n\t\u3000ab") for _ in range(rng.randint(0, 60)))
    for index in range(len(text) + 1):
        line_start = text.rfind("\n", 0, index) + 1
        assert sections._starts_line(text, index) == (not text[line_start:index].strip())
        line_end = text.find("\n", index)
        line_end = len(text) if line_end == -1 else line_end
        for reach in (0, 1, 5, 80):
            assert sections._line_end_within(text, index, reach) == min(line_end, index + reach)


def test_label_key_table_matches_the_two_steps():
    """One translate table does what normalising and then dropping punctuation did."""
    for code in range(0x3400):
        ch = chr(code)
        assert label_key(ch) == normalize_text(ch).translate(text_keys._LABEL_DELETE), hex(code)
    sample = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\u00a0ＡＢ１２—“引”"
    assert label_key(sample * 40) == normalize_text(sample * 40).translate(text_keys._LABEL_DELETE)


@pytest.mark.parametrize("text", [
    "", "plain ascii only", "中华人民共和国政府信息公开条例", "ä¸­å\x8d\x8e", "\ufffd\ufffd中", "€‚ƒ abc 政府",
    "\ue000\ue001中文", "，。；：", "\u3000\u00a0 中",
])
def test_character_counts_match_a_python_loop(text):
    others = [c for c in text if not c.isascii() and not c.isspace()]
    assert decoding._others(text) == "".join(others)
    latin = sum(1 for c in others if c <= "\u00ff" or c in decoding._CP1252_EXTRA or c == "\ufffd")
    assert len(decoding._LATIN_READING_RE.findall("".join(others))) == latin
