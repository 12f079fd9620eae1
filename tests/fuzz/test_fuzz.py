"""Fuzzing the whole CLI with hostile inputs (see ``strategies.py``, ``harness.py``).

Every input is run through ``govlint check`` in-process and must keep the contract of
:func:`harness.assert_contract`: exit 0/1/2, no traceback, one line per finding or error,
the input unchanged, within the time bound. An internal error (a reader, the parser or a
rule raising, reported as GOV001 "内部错误") fails the test too: isolation is the safety
net, not the expected path. The encoding test also checks the verdicts: Japanese or Korean
text in its own encoding is unreadable, a Chinese report in any Chinese encoding is read.

Budget: the ``default`` profile (CI) runs a few examples per test; ``long`` runs 2,200
per test: ``python -m pytest tests/fuzz --hypothesis-profile=long``.
"""

from __future__ import annotations

from hypothesis import given

from fuzz import strategies
from fuzz.harness import check_contract

#: Each language in its own encodings (Korean written in Shift-JIS is mostly "?": plain ASCII).
NATIVE = {"japanese": {"shift_jis", "euc_jp"}, "korean": {"euc_kr", "cp949"}}
CHINESE = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "gbk", "gb18030"}


@given(strategies.mutated_reports())
def test_mutated_reports(case) -> None:
    check_contract(*case)


@given(strategies.encoded_texts())
def test_encodings(case) -> None:
    name, data, kind, codec, bom = case
    outcome = check_contract(name, data)
    unreadable = "GOV001" in outcome.stdout
    if codec in NATIVE.get(kind, ()) and not bom:
        assert unreadable and outcome.code == 2, outcome
    if kind == "report" and codec in CHINESE and not bom:
        assert not unreadable, outcome


@given(strategies.html_pages())
def test_html_structure(case) -> None:
    check_contract(*case)


@given(strategies.docx_packages())
def test_docx_structure(case) -> None:
    check_contract(*case)


@given(strategies.pdf_files())
def test_pdf_structure(case) -> None:
    check_contract(*case)
