"""The Word reader (govlint.readers.docx): paragraphs and table rows in document order,
merged cells read once, the ``block:character`` position scheme, numbering, bad input.

Every document here is written by the test with python-docx (the library the reader uses);
all text is synthetic.
"""

from __future__ import annotations

import functools
import io
import random
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from formatkit import Sample, add_docx_table, Placed, Table, write_docx
from govlint.document import BLANK_CELL, CELL_SEPARATOR, Document
from govlint.errors import ReadError
from govlint.parser import parse
from govlint.readers import docx as docx_reader
from govlint.readers.docx_numbering import chinese_number, format_number
from govlint.synthetic import ReportSpec, compare

SPEC = ReportSpec.random(random.Random(3), template="2021")


@functools.cache
def synthetic_docx() -> bytes:
    return write_docx(Sample(SPEC))


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read(data: bytes, path: str = "r.docx") -> Document:
    document = docx_reader.govlint_read(path=path, data=data)
    assert document is not None
    return document


def lint_bytes(data: bytes, filename: str, select: list[str] | None = None):
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver
    from govlint.testing import _host

    host = _host()
    resolver = SettingsResolver(host.registry, CliOverrides(select=tuple(select) if select else None), isolated=True)
    return check_input(host, resolver, Input(filename, None, data))


# ----------------------------------------------------------------------------- reading


def test_synthetic_report_parses_back_exactly() -> None:
    document = read(synthetic_docx())
    assert (document.reader, document.position_scheme, document.encoding) == ("docx", "block:character", "docx")
    assert compare(SPEC, parse(document)) == []


def test_blocks_in_document_order() -> None:
    word = docx.Document()
    word.add_paragraph("标题", style="Title")
    word.add_paragraph("")  # an empty paragraph is a block too
    word.add_paragraph("一、总体情况", style="Heading 1")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "信息内容", "件数"
    table.cell(1, 0).text, table.cell(1, 1).text = "规章", "15"
    word.add_paragraph("二、主动公开")
    document = read(save(word))
    assert document.text == "标题\n\n一、总体情况\n信息内容 | 件数\n规章 | 15\n二、主动公开\n"
    assert document.source == document.text


def test_position_is_block_and_character() -> None:
    word = docx.Document()
    word.add_paragraph("第一段")
    table = word.add_table(rows=1, cols=3)
    for n, value in enumerate(["（七）总计", "12", "345"]):
        table.cell(0, n).text = value
    document = read(save(word))
    assert document.position(document.text.index("345")) == (2, 14)
    assert document.span(document.text.index("345"), document.text.index("345") + 3) == (2, 14, 2, 17)
    assert document.source_line(2) == "（七）总计 | 12 | 345"


def test_merged_cells_are_read_once() -> None:
    word = docx.Document()
    add_docx_table(word, Table(4, 4, [
        Placed(0, 0, 2, 1, "说明"), Placed(0, 1, 1, 3, "申请人情况"),
        Placed(1, 1, 1, 1, "自然人"), Placed(1, 2, 1, 1, "法人"), Placed(1, 3, 1, 1, "总计"),
        Placed(2, 0, 2, 1, "三、结果"), Placed(2, 1, 1, 1, "1"), Placed(2, 2, 1, 1, "2"), Placed(2, 3, 1, 1, "3"),
        Placed(3, 1, 1, 1, "4"), Placed(3, 2, 1, 1, ""), Placed(3, 3, 1, 1, "4"),
    ]))
    xml = word.element.body.xml
    assert "w:gridSpan" in xml and "w:vMerge" in xml  # python-docx wrote real merges
    lines = read(save(word)).text.splitlines()
    assert lines == [
        "说明 | 申请人情况",
        "自然人 | 法人 | 总计",
        "三、结果 | 1 | 2 | 3",
        CELL_SEPARATOR.join(["4", BLANK_CELL, "4"]),
    ]


def test_blank_cell_is_shown_as_a_space_in_full_output() -> None:
    word = docx.Document()
    table = word.add_table(rows=1, cols=3)
    table.cell(0, 0).text, table.cell(0, 2).text = "总计", "5"
    document = read(save(word))
    assert document.text == CELL_SEPARATOR.join(["总计", BLANK_CELL, "5"]) + "\n"
    assert document.source_line(1) == "总计 |   | 5"
    assert document.position(document.text.index(BLANK_CELL)) == (1, 6)


def test_breaks_and_cell_paragraphs_are_joined() -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("本年新")
    paragraph.add_run().add_break()
    paragraph.add_run("制作数量 12")
    paragraph.add_run().add_break()
    paragraph.add_run("3件")
    table = word.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "本年处理"
    cell.add_paragraph("决定数量")
    table.cell(0, 1).text = "7"
    assert read(save(word)).text == "本年新制作数量 12 3件\n本年处理决定数量 | 7\n"


def test_tracked_changes_content_controls_and_hyperlinks() -> None:
    word = docx.Document()
    body = word.element.body
    body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">申请</w:t></w:r>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>5</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>4</w:delText></w:r></w:del>'
        '<w:hyperlink><w:r><w:t>件</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>完</w:t></w:r></w:p>'))
    body.insert(1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    assert read(save(word)).text == "申请5件\t完\n控件中的段落\n"


def add_chinese_numbering(word) -> str:
    """Add a two-level list (一、 / （一）) to the document's numbering part; return its numId."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    numbering = word.part.part_related_by(RT.NUMBERING).element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
        '</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def numbered(word, text: str, num_id: str, level: int) -> None:
    paragraph = word.add_paragraph(text)
    paragraph._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_automatic_numbering_is_written_out() -> None:
    word = docx.Document()
    num_id = add_chinese_numbering(word)
    numbered(word, "总体情况", num_id, 0)
    numbered(word, "主动公开", num_id, 1)
    numbered(word, "依申请公开", num_id, 1)
    numbered(word, "主动公开政府信息情况", num_id, 0)
    numbered(word, "规章", num_id, 1)
    word.add_paragraph("第一项", style="List Number")  # numbering through the paragraph style
    word.add_paragraph("第二项", style="List Number")
    assert read(save(word)).text.splitlines() == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "（一）规章",
        "1. 第一项", "2. 第二项",
    ]


@pytest.mark.parametrize("n, expected", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (2024, "二千零二十四")])
def test_chinese_numbers(n: int, expected: str) -> None:
    assert chinese_number(n) == expected


def test_number_formats() -> None:
    assert [format_number(3, f) for f in ("decimal", "upperLetter", "lowerRoman", "ideographTraditional",
                                          "decimalEnclosedCircle", "decimalFullWidth", "decimalZero")] == \
        ["3", "C", "iii", "丙", "③", "３", "03"]


# ----------------------------------------------------------------------------- choosing the reader


def test_claims_docx_by_suffix_and_by_content() -> None:
    data = synthetic_docx()
    assert docx_reader.govlint_read(path="r.txt", data="正文".encode()) is None
    assert read(data, "<stdin>").reader == "docx"          # no name: the bytes say Word
    assert read(data, "misnamed.txt").reader == "docx"
    assert docx_reader.govlint_report_suffixes() == [".docx"]


def test_stdin_filename_chooses_the_docx_reader() -> None:
    from test_cli import run

    data = write_docx(Sample(SPEC, edits=(("五、存在的主要问题及改进情况", "五、存在问题和下步改进情况"),)))
    result = run("check", "--isolated", "--select", "GOV203", "--output-format", "concise",
                 "-", "--stdin-filename", "x.docx", stdin=data)
    block = block_of(data, '五、存在问题')
    place = read(data).place_of(block, 1)  # the paragraph in Word's terms (第N段)
    assert place and place.startswith("第") and place.endswith("段")
    assert result.lines == [f"x.docx:{block}:1: GOV203 [警告] 第五部分标题「存在问题和下步改进情况」"
                            f"与格式规定的「存在的主要问题及改进情况」不一致（位置：{place}）"], result
    assert result.code == 0  # GOV203 is a warning


def block_of(data: bytes, prefix: str) -> int:
    return next(n for n, line in enumerate(read(data).text.splitlines(), 1) if line.startswith(prefix))


# ----------------------------------------------------------------------------- bad input


def broken_zip() -> bytes:
    data = synthetic_docx()
    return data[: len(data) // 2]


def other_office_package() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-excel.sheet.main+xml"/>'
                         '</Types>')
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, message", [
    (b"not a zip at all", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "加密"),
    (broken_zip(), "不是有效的 .docx 文件"),
    (b"PK\x03\x04" + b"\x00" * 50, "不是有效的 .docx 文件"),
    (other_office_package(), "其他 Office 格式"),
    (save(docx.Document()), "没有正文"),
], ids=["not-zip", "ole", "truncated", "zip-garbage", "excel", "empty"])
def test_unreadable_docx_is_one_chinese_line(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message) as info:
        read(data)
    text = str(info.value)
    assert "\n" not in text and any("\u4e00" <= c <= "\u9fff" for c in text)


def test_legacy_doc_gets_a_hint() -> None:
    with pytest.raises(ReadError, match="另存为 .docx"):
        docx_reader.govlint_read(path="报告.doc", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_corrupt_docx_on_the_command_line_exits_2_without_traceback(tmp_path) -> None:
    from test_cli import run

    (tmp_path / "bad.docx").write_bytes(broken_zip())
    result = run("check", "--isolated", "--output-format", "concise", "bad.docx", cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["govlint: error: bad.docx: 不是有效的 .docx 文件：ZIP 压缩包已损坏"]


def test_runner_reports_positions_as_blocks() -> None:
    spec = ReportSpec.random(random.Random(3), template="2021")
    spec.applications["total"][0] += 3
    data = write_docx(Sample(spec))
    result = lint_bytes(data, "r.docx", select=["GOV302"])
    [diagnostic] = result.diagnostics
    block = block_of(data, "（七）总计")
    assert (diagnostic.line, diagnostic.column) == (block, len("（七）总计 | ") + 1)
    assert result.lines[(diagnostic.line, diagnostic.column)].startswith("（七）总计 | 545 | ")
