"""Hypothesis strategies for hostile inputs: each draws ``(file name, bytes)``.

* :func:`mutated_reports` — synthetic reports in every text style, mutated: byte flips,
  truncation, insertions of huge digit runs, random Unicode digits and control
  characters, CR-only or mixed line endings, odd years and fees;
* :func:`encoded_texts` — reports and Japanese/Korean text in many encodings, with
  matching or contradicting byte-order marks;
* :func:`html_pages` — random element trees: deep nesting, unclosed tags, tables with any
  ``rowspan``/``colspan`` value, character references of any length, report text inside;
* :func:`docx_packages` — a synthetic Word file with members replaced, removed, added,
  or the ZIP itself damaged;
* :func:`pdf_files` — reportlab-made and hand-made PDFs, truncated or corrupted.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import strategies as st

from fuzz import hostile
from govlint.synthetic import STYLES

SEEDS = (1, 7, 11)
#: Where digit runs stop being numbers (Python's int() limit is 4,300 digits).
HUGE_DIGITS = st.integers(min_value=16, max_value=6000)


# ----------------------------------------------------------------------------- text mutations


def _insert(text: str, position: float, piece: str) -> str:
    index = int(position * len(text))
    return text[:index] + piece + text[index:]


_PIECES = st.one_of(
    HUGE_DIGITS.map(lambda n: "9" * n),
    HUGE_DIGITS.map(lambda n: f"共受理{'8' * n}件"),
    st.text(st.characters(categories=["Nd"]), min_size=1, max_size=12).map(lambda d: f"{d}年"),
    st.text(st.characters(categories=["Nd"]), min_size=1, max_size=40),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co"]), min_size=1, max_size=20),
    st.sampled_from(["0000年", "9999年度报告", "10000年", "本年度收取信息处理费1" + "0" * 309 + "元。",
                     "收取费用99999999999999999999.5万元", "1e309", "二〇二〇二〇年", "𝟐𝟎𝟐𝟑年", "٢٠٢٣年",
                     "2023年13月45日", "0000年00月00日", "\ufeff", "\ufffd", "一、总体情况\n" * 50]),
    st.text(max_size=60),
)

_TEXT_MUTATIONS = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), _PIECES),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("duplicate"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("newlines"), st.sampled_from(["\r", "\r\n", "\n\n", "\u2028", "\x0b", ""]), st.none()),
)

_BYTE_MUTATIONS = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.none()),
    st.tuples(st.just("bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=16)),
)


def _apply_text(text: str, mutation: tuple) -> str:
    kind, where, what = mutation
    if kind == "insert":
        return _insert(text, where, what)
    if kind == "delete":
        index = int(where * len(text))
        return text[:index] + text[index + what:]
    if kind == "duplicate":
        index = int(where * len(text))
        return text[:index] + text[index : index + what] * 2 + text[index + what:]
    return text.replace("\n", where)


def _apply_bytes(data: bytes, mutation: tuple) -> bytes:
    kind, where, what = mutation
    index = int(where * len(data))
    if kind == "flip":
        return data[:index] + bytes([what]) + data[index + 1:] if data else data
    if kind == "truncate":
        return data[:index]
    return data[:index] + what + data[index:]


@st.composite
def mutated_reports(draw) -> tuple[str, bytes]:
    """A synthetic report in a random style, mutated as text and then as bytes."""
    text = hostile.report_text(draw(st.sampled_from(SEEDS)), draw(st.sampled_from(STYLES)))
    for mutation in draw(st.lists(_TEXT_MUTATIONS, max_size=4)):
        text = _apply_text(text, mutation)
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"]))
    data = text.encode(codec, errors="replace")
    for mutation in draw(st.lists(_BYTE_MUTATIONS, max_size=3)):
        data = _apply_bytes(data, mutation)
    return draw(st.sampled_from(["report.txt", "report.md", "report", "报告.TXT"])), data


# ----------------------------------------------------------------------------- encodings

CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030", "big5",
          "shift_jis", "euc_jp", "euc_kr", "cp949", "utf-7", "latin-1", "cp1252", "koi8-r", "double"]
BOMS = [b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]


def _encode(text: str, codec: str) -> bytes:
    if codec == "double":
        return text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    return text.encode(codec, errors="replace")


@st.composite
def encoded_texts(draw) -> tuple[str, bytes, str, str, bytes]:
    """``(name, data, source kind, codec, bom)``: a text in some encoding, maybe behind a wrong BOM."""
    kind = draw(st.sampled_from(["report", "japanese", "korean", "random"]))
    if kind == "report":
        text = hostile.report_text(draw(st.sampled_from(SEEDS)))
    elif kind == "japanese":
        text = hostile.JAPANESE * draw(st.integers(1, 20))
    elif kind == "korean":
        text = hostile.KOREAN * draw(st.integers(1, 20))
    else:
        text = draw(st.text(min_size=1, max_size=400))
    codec = draw(st.sampled_from(CODECS))
    bom = draw(st.sampled_from(BOMS))
    return "report.txt", bom + _encode(text, codec), kind, codec, bom


# ----------------------------------------------------------------------------- HTML

_TAGS = ["div", "p", "span", "font", "table", "tbody", "tr", "td", "th", "h1", "h2", "ul", "li", "br", "a",
         "script", "center", "b", "nav", "footer"]
_SPAN_VALUES = st.one_of(st.integers(-5, 30).map(str), st.sampled_from(["0", "1000", "1001", "65535", "20000", "",
                                                                         "x", "2.5", " 3", "1e9"]),
                         HUGE_DIGITS.map(lambda n: "9" * n))
_HTML_TEXT = st.one_of(
    st.sampled_from(["一、总体情况", "二、主动公开政府信息情况", "行政许可", "12", "&nbsp;", "&amp;", "&#20013;",
                     "&#x4e2d;", "&bogus;", "&#" + "9" * 5000 + ";", "&#x" + "f" * 300 + ";", "<!-- c -->",
                     "<![CDATA[x]]>", "</td></tr>", "<", "&"]),
    st.text(max_size=30).map(lambda t: t.replace("<", "&lt;")),
)


def _element(children: st.SearchStrategy) -> st.SearchStrategy:
    @st.composite
    def build(draw) -> str:
        tag = draw(st.sampled_from(_TAGS))
        attributes = ""
        if tag in ("td", "th"):
            for name in draw(st.lists(st.sampled_from(["rowspan", "colspan"]), max_size=2, unique=True)):
                attributes += f' {name}="{draw(_SPAN_VALUES)}"'
        inner = "".join(draw(st.lists(children, max_size=5)))
        closed = draw(st.booleans())
        return f"<{tag}{attributes}>{inner}" + (f"</{tag}>" if closed else "")
    return build()


_TREES = st.recursive(_HTML_TEXT, _element, max_leaves=40)


@st.composite
def html_pages(draw) -> tuple[str, bytes]:
    """A page: random trees around (and inside) a synthetic report's page, some very deep."""
    parts = [draw(_TREES) for _ in range(draw(st.integers(1, 3)))]
    depth = draw(st.sampled_from([0, 0, 10, 600, 1500]))
    tag = draw(st.sampled_from(["div", "table><tr><td", "font", "span"]))
    if depth:
        parts.append(f"<{tag}>" * depth + "一、总体情况" + draw(st.sampled_from(["", "</div>" * depth])))
    if draw(st.booleans()):
        page = hostile.report_file(".html").decode("utf-8")
        position = int(draw(st.floats(0, 1)) * len(page))
        page = page[:position] + "".join(parts) + page[position:]
    else:
        page = hostile.html_page("".join(parts)).decode("utf-8")
    return draw(st.sampled_from(["page.html", "page.htm", "page.txt"])), page.encode("utf-8")


# ----------------------------------------------------------------------------- Word

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT_XML = st.sampled_from([
    f'<w:document xmlns:w="{_W}"/>',
    f'<w:settings xmlns:w="{_W}"><w:body/></w:settings>',
    f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>',
    f'<w:document xmlns:w="{_W}"><w:body>' + "<w:sdt><w:sdtContent>" * 300 + "<w:p/>"
    + "</w:sdtContent></w:sdt>" * 300 + "</w:body></w:document>",
    f'<w:document xmlns:w="{_W}"><w:body><w:tbl>' + "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>" * 50
    + "</w:tbl></w:body></w:document>",
    "not xml at all",
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a '" + "b" * 100 + "'>]><x>&a;&a;&a;</x>",
    "",
])
_NUMBERING_XML = st.sampled_from([
    f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"><w:start w:val="'
    + "9" * 5000 + '"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    "garbage",
])


@st.composite
def docx_packages(draw) -> tuple[str, bytes]:
    """A synthetic .docx with its package changed (members replaced, removed, added) or its bytes damaged."""
    base = hostile.report_file(".docx")
    with zipfile.ZipFile(io.BytesIO(base)) as package:
        names = package.namelist()
    change = draw(st.sampled_from(["replace", "remove", "add", "numbering", "bytes", "truncate"]))
    if change == "replace":
        data = hostile.docx_replacing({"word/document.xml": draw(_DOCUMENT_XML).encode("utf-8")})
    elif change == "remove":
        data = hostile.docx_replacing({draw(st.sampled_from(names)): None})
    elif change == "add":
        name = draw(st.sampled_from(["../../evil.txt", "word/\x00nul.xml", "word/媒体/图.png", "a" * 300,
                                     "word/document.xml/", "[Content_Types].xml"]))
        data = hostile.docx_replacing({name: draw(st.binary(max_size=200))})
    elif change == "numbering":
        data = hostile.docx_replacing({"word/numbering.xml": draw(_NUMBERING_XML).encode("utf-8")})
    else:
        data = base
    for mutation in draw(st.lists(_BYTE_MUTATIONS, max_size=3 if change in ("bytes", "truncate") else 1)):
        data = _apply_bytes(data, mutation)
    return draw(st.sampled_from(["report.docx", "report.txt", "report"])), data


# ----------------------------------------------------------------------------- PDF


def _minimal_variants() -> list[bytes]:
    return [
        hostile.pdf_pages(3),
        hostile.pdf_font_without_bbox(),
        hostile.minimal_pdf([b"BT /F1 12 Tf 72 700 Td (x) Tj ET"], flate=True),
        hostile.minimal_pdf([b"BT /F1 " + b"9" * 5000 + b" Tf 72 700 Td (x) Tj ET"]),
        hostile.minimal_pdf([b"q " * 5000 + b"BT /F1 12 Tf (deep) Tj ET" + b" Q" * 5000]),
        hostile.minimal_pdf([b"BT /F1 12 Tf 72 700 Td (" + b"(" * 2000 + b"x" + b")" * 2000 + b") Tj ET"]),
    ]


@st.composite
def pdf_files(draw) -> tuple[str, bytes]:
    """A reportlab-made report PDF or a hand-made small PDF, truncated, corrupted or spliced."""
    source = draw(st.sampled_from(["report", "owner", "minimal"]))
    if source == "report":
        data = hostile.report_file(".pdf", draw(st.sampled_from(SEEDS[:2])))
    elif source == "owner":
        data = hostile.owner_password_pdf()
    else:
        data = draw(st.sampled_from(_minimal_variants()))
    for mutation in draw(st.lists(_BYTE_MUTATIONS, max_size=4)):
        data = _apply_bytes(data, mutation)
    if draw(st.booleans()):  # a PDF object that points at itself as its own page tree
        data = data.replace(b"/Kids [", b"/Kids [2 0 R ", 1)
    return draw(st.sampled_from(["report.pdf", "report.PDF", "report"])), data
