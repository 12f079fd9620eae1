"""``govlint annotate``: findings as Word comments in a copy; the original never changes."""

from __future__ import annotations

import hashlib
import io
import random

import pytest
from click.testing import CliRunner

docx = pytest.importorskip("docx")

from formatkit import Sample, write_docx  # noqa: E402
from govlint.cli import cli  # noqa: E402
from govlint.readers.docx import body_blocks, read_docx  # noqa: E402
from govlint.synthetic import ReportSpec  # noqa: E402
from govlint.testing import lint_file  # noqa: E402

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _defective_docx(tmp_path):
    """A Word report with three defects: a wrong （七）总计, a blank cell, a reworded section title."""
    spec = ReportSpec.random(random.Random(11), template="2021")
    spec.applications["total"][0] += 2
    sample = Sample(spec, frozenset({("二、上年结转政府信息公开申请数量", 3)}),
                    (("五、存在的主要问题及改进情况", "五、存在问题和下步改进情况"),))
    path = tmp_path / "报告.docx"
    path.write_bytes(write_docx(sample))
    return path


def _comment_places(data: bytes) -> dict[str, tuple[int, int | None]]:
    """Comment id → (block number, cell number or None) where its range starts."""
    word = docx.Document(io.BytesIO(data))
    places = {}
    for number, (element, cells, _, _) in enumerate(body_blocks(word.element.body), start=1):
        if not cells:
            for start in element.iter(f"{_W}commentRangeStart"):
                places[start.get(f"{_W}id")] = (number, None)
        for index, cell in enumerate(cells):
            for start in cell.iter(f"{_W}commentRangeStart"):
                places[start.get(f"{_W}id")] = (number, index)
    return places


def test_annotate_writes_one_comment_per_finding_where_it_applies(tmp_path):
    path = _defective_docx(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    found = lint_file(path)
    assert {"GOV302", "GOV203"} <= {d.code for d in found}
    result = CliRunner().invoke(cli, ["annotate", "--isolated", str(path)])
    assert result.exit_code == 1, result.output  # errors were found
    output = tmp_path / "报告.checked.docx"
    assert output.is_file() and "条批注" in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the original is untouched

    data = output.read_bytes()
    word = docx.Document(io.BytesIO(data))
    comments = list(word.comments)
    assert len(comments) == len(found)
    assert all(c.author == "govlint" for c in comments)
    texts = [c.text for c in comments]
    for diagnostic in found:
        assert any(t.startswith(diagnostic.code) and diagnostic.message in t for t in texts)

    # each comment starts in the block (paragraph or table row) of its finding, in its cell
    lines = read_docx(path.read_bytes()).split("\n")
    places = sorted(_comment_places(data).values(), key=lambda p: (p[0], -1 if p[1] is None else p[1]))
    from govlint.document import CELL_SEPARATOR

    expected = []
    for d in found:
        text = lines[d.line - 1]
        if CELL_SEPARATOR in text:
            position, cell = 0, None
            for index, part in enumerate(text.split(CELL_SEPARATOR)):
                if d.column - 1 <= position + len(part):
                    cell = index
                    break
                position += len(part) + len(CELL_SEPARATOR)
            expected.append((d.line, cell))
        else:
            expected.append((d.line, None))
    assert places == sorted(expected, key=lambda p: (p[0], -1 if p[1] is None else p[1]))
    total = next(d for d in found if d.code == "GOV302")
    assert (total.line, _cell(lines, total)) in places  # the （七）总计 finding sits on its cell


def _cell(lines, diagnostic):
    from govlint.document import CELL_SEPARATOR

    text = lines[diagnostic.line - 1]
    position = 0
    for index, part in enumerate(text.split(CELL_SEPARATOR)):
        if diagnostic.column - 1 <= position + len(part):
            return index
        position += len(part) + len(CELL_SEPARATOR)
    return None


def _main(*args: str):
    """The console entry point in-process: exit code and stderr."""
    import contextlib

    from govlint.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, err.getvalue()


def test_annotate_refuses_to_write_over_the_report(tmp_path):
    path = _defective_docx(tmp_path)
    before = path.read_bytes()
    code, err = _main("annotate", "--isolated", str(path), "-o", str(path))
    assert code == 2 and len(err.splitlines()) == 1
    assert "不会修改原文件" in err
    assert path.read_bytes() == before


def test_annotate_only_takes_word_documents(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("一、总体情况\n", encoding="utf-8")
    code, err = _main("annotate", str(path))
    assert code == 2 and ".docx" in err
