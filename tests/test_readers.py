"""Decoding report bytes (govlint.readers.decoding) and mapping offsets to line:column
(govlint.document).

Government reports come as UTF-8, UTF-8 with BOM, GBK and occasionally UTF-16 (Windows
"Unicode" text). Anything else -- binary files, mojibake, empty files -- must be reported as
unreadable rather than parsed into nonsense findings.
"""

from __future__ import annotations

import codecs

import pytest

from govlint import limits
from govlint.document import Document, line_starts
from govlint.errors import ReadError
from govlint.model import Span
from govlint.readers import text
from govlint.readers.decoding import decode_bytes

TEXT = "示例县2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息216条。\n"


# ----------------------------------------------------------------------------- encodings


def test_utf8() -> None:
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_ascii_only() -> None:
    assert decode_bytes(b"Annual report 2023\n") == ("Annual report 2023\n", "utf-8")


def test_utf8_with_bom() -> None:
    decoded, encoding = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert encoding == "utf-8-sig"
    assert decoded == TEXT
    assert not decoded.startswith("\ufeff")


def test_utf8_bom_with_invalid_body() -> None:
    with pytest.raises(ReadError, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + "政府".encode("gbk"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    data = bom + TEXT.encode(codec)
    assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    decoded, encoding = decode_bytes(data)
    assert encoding == "utf-16"
    assert decoded == TEXT


def test_utf16_without_bom_is_binary() -> None:
    with pytest.raises(ReadError, match="二进制"):
        decode_bytes(TEXT.encode("utf-16-le"))


def test_utf16_with_bom_and_odd_length() -> None:
    with pytest.raises(ReadError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x00")


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gbk_family_decodes_as_gb18030(codec: str) -> None:
    data = TEXT.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == (TEXT, "gb18030")


def test_gb18030_four_byte_characters() -> None:
    sample = "报告人：𠀀先生，䶮\n"  # CJK Extension B and A: 4-byte sequences in GB18030
    assert decode_bytes(sample.encode("gb18030")) == (sample, "gb18030")


@pytest.mark.parametrize(
    "data",
    [
        "Résumé: naïve café, Ünïcödé façade ÀÁÂÃÄÅ".encode("latin-1"),  # not even valid GB18030
        bytes(range(0x80, 0x100)) * 4,
        # Valid GB18030, but it decodes to Greek, Cyrillic and pinyin letters, not Chinese.
        b"\xa6\xa1\xa6\xa2\xa7\xa1\xa7\xa2\xa8\xa1\xa8\xa2 data \xa6\xa3\xa7\xa3\xa8\xa3" * 8,
    ],
    ids=["latin-1", "high-bytes", "gb18030-non-chinese"],
)
def test_byte_soup_is_not_decoded(data: bytes) -> None:
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with pytest.raises(ReadError, match="无法解码"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [b"\x00", b"PK\x03\x04\x14\x00\x06\x00", b"%PDF-1.7\n\x00\x01binary", "政府".encode("utf-8") + b"\x00"],
    ids=["nul", "zip", "pdf", "text-with-nul"],
)
def test_nul_bytes_mean_binary(data: bytes) -> None:
    with pytest.raises(ReadError, match="二进制"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"\n\r\n\t \n", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n",
     codecs.BOM_UTF16_LE, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "\u3000\n".encode("gbk")],
    ids=["empty", "spaces", "newlines", "ideographic-space", "utf8-bom", "utf8-bom-space",
         "utf16-bom", "utf16-bom-space", "gbk-space"],
)
def test_empty_and_whitespace_only(data: bytes) -> None:
    with pytest.raises(ReadError, match="文件为空"):
        decode_bytes(data)


def test_too_large() -> None:
    with limits.using(limits.Limits(max_file_size=64)):  # the configured max-file-size
        assert decode_bytes(b"x" * 64) == ("x" * 64, "utf-8")  # the limit itself is fine
        with pytest.raises(ReadError, match="文件过大（65 字节，上限 64 字节"):
            decode_bytes(b"x" * 65)


def test_too_large_is_checked_before_decoding() -> None:
    with limits.using(limits.Limits(max_file_size=8)), pytest.raises(ReadError, match="文件过大"):
        decode_bytes(b"\x00" * 9)  # would otherwise be "binary"


def test_read_error_messages_are_one_chinese_line() -> None:
    for data in (b"", b"\x00", bytes(range(0x80, 0x100))):
        with pytest.raises(ReadError) as info:
            decode_bytes(data)
        message = str(info.value)
        assert message and "\n" not in message
        assert any("\u4e00" <= c <= "\u9fff" for c in message)


def test_text_reader_hook() -> None:
    doc = text.govlint_read(path="r.txt", data=codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert isinstance(doc, Document)
    assert (doc.path, doc.text, doc.encoding, doc.reader) == ("r.txt", TEXT, "utf-8-sig", "text")
    assert ".txt" in text.govlint_report_suffixes()  # .md/.markdown: the Markdown reader


# ----------------------------------------------------------------------------- positions


def test_line_starts() -> None:
    assert line_starts("") == [0]
    assert line_starts("ab") == [0]
    assert line_starts("ab\n") == [0, 3]
    assert line_starts("a\r\nb\n\nc") == [0, 3, 5, 6]


def test_positions_lf() -> None:
    doc = Document("r.txt", "一二三\n四五\n六")
    assert doc.position(0) == (1, 1)
    assert doc.position(2) == (1, 3)
    assert doc.position(3) == (1, 4)  # the newline itself is the end of line 1
    assert doc.position(4) == (2, 1)
    assert doc.position(5) == (2, 2)
    assert doc.position(7) == (3, 1)  # last line, no newline
    assert doc.position(8) == (3, 2)  # end of text
    assert doc.line_count == 3


def test_positions_crlf() -> None:
    source = "标题\r\n一、总体情况\r\n正文第三行"
    doc = Document("r.txt", source)
    third = source.index("正文")
    assert doc.position(source.index("一")) == (2, 1)
    assert doc.position(source.index("总")) == (2, 3)
    assert doc.position(source.index("\r")) == (1, 3)  # CR belongs to the line it ends
    assert doc.position(third) == (3, 1)
    assert doc.position(source.index("行")) == (3, 5)
    assert doc.source_line(1) == "标题"
    assert doc.source_line(2) == "一、总体情况"
    assert doc.source_line(3) == "正文第三行"
    assert doc.source_lines == ["标题", "一、总体情况", "正文第三行"]


def test_positions_count_code_points() -> None:
    source = "𠀀𠀁甲\n乙"  # astral characters are one column each
    doc = Document("r.txt", source)
    assert doc.position(2) == (1, 3)
    assert doc.position(4) == (2, 1)


def test_span_end_is_exclusive() -> None:
    source = "一、总体情况\n（一）主动公开情况\n"
    doc = Document("r.txt", source)
    start = source.index("总体情况")
    assert doc.span(start, start + 4) == Span(1, 3, 1, 7)
    assert doc.span(start, start + 1) == Span(1, 3, 1, 4)
    # A span over a line break ends on the next line.
    second = source.index("主动")
    assert doc.span(start, second + 2) == Span(1, 3, 2, 6)
    # An empty span is a point.
    assert doc.span(start, start) == Span(1, 3, 1, 3)
    # A span that ends at the end of the last line.
    assert doc.span(second, len(source) - 1) == Span(2, 4, 2, 10)


def test_span_crlf_and_last_line_without_newline() -> None:
    source = "第一行\r\n年度报告"
    doc = Document("r.txt", source)
    start = source.index("年度")
    assert doc.span(start, len(source)) == Span(2, 1, 2, 5)
    assert doc.span(0, 3) == Span(1, 1, 1, 4)


def test_source_line() -> None:
    doc = Document("r.txt", "一\r\n\n三\n")
    assert doc.source_line(1) == "一"
    assert doc.source_line(2) == ""
    assert doc.source_line(3) == "三"
    assert doc.source_line(4) == ""  # the empty line after the final newline
    assert doc.source_line(0) == ""
    assert doc.source_line(5) == ""
    assert doc.source_line(-1) == ""


def test_source_line_last_line_without_newline() -> None:
    doc = Document("r.txt", "一\n最后一行没有换行")
    assert doc.source_line(2) == "最后一行没有换行"
    assert doc.line_count == 2


def test_origin_maps_extracted_text_back_to_source() -> None:
    """Readers that extract text (HTML) map each text character to its source offset."""
    from array import array

    source = "<p>一、总体情况</p>\n<p>正文</p>"
    extracted = "一、总体情况\n正文"
    origin = array("l", [3, 4, 5, 6, 7, 8, 13, 17, 18])
    assert len(origin) == len(extracted)
    doc = Document("r.html", extracted, source=source, origin=origin, reader="html")
    assert doc.position(0) == (1, 4)
    assert doc.position(extracted.index("正")) == (2, 4)
    assert doc.span(2, 6) == Span(1, 6, 1, 10)
    assert doc.span(7, 9) == Span(2, 4, 2, 6)
    assert doc.source_line(2) == "<p>正文</p>"
