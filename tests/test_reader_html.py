"""The HTML reader on pages shaped like real government CMS pages (all written here).

A report page has site navigation, a breadcrumb and a header before the title, the article
with ``<p>`` headings made of ``<span>`` fragments, tables with merged header cells
(``rowspan``/``colspan``), ``&nbsp;`` in blank cells and ``<br>`` in header cells, then
sharing buttons and a site footer with the web site's own 电话/地址/网站标识码. The reader must
hand the parser the article with every table cell in its column, and every finding must
point at line:column of the HTML file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govlint.document import BLANK_CELL, CELL_SEPARATOR
from govlint.errors import ReadError
from govlint.parser import parse
from govlint.readers import html as html_reader
from govlint.readers.html_extract import extract

REPO = Path(__file__).resolve().parent.parent
CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2,3}\d{3}) (?P<message>.*)$")

# --------------------------------------------------------------------------- the page

ISSUER = "示例县交通运输局"
TITLE = f"{ISSUER}2023年政府信息公开工作年度报告"
OWN_PHONE = "0579-87654321"
SITE_PHONE = "0579-88886666"
CONTACT = (f"如对本报告有疑问，请与{ISSUER}办公室联系（地址：示例省示例县建设路18号，邮编：321000，"
           f"电话：{OWN_PHONE}，电子邮箱：jtj@example.gov.cn）。")

#: Section 三 rows: (group label and the number of rows it spans, label, values).
#: ``None`` is a cell written as ``&nbsp;`` (blank, not zero).
APPLICATION_ROWS = [
    (None, "一、本年新收政府信息公开申请数量", [38, 5, 0, 1, 2, 0, 46]),
    (None, "二、上年结转政府信息公开申请数量", [3, 1, 0, 0, 0, 0, 4]),
    (("三、本年度办理结果", 22), "（一）予以公开", [15, 2, 0, 0, 1, 0, None]),
    (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [4, 1, 0, 0, 0, 0, 5]),
    (("（三）不予公开", 8), "1.属于国家秘密", [0, 0, 0, 0, 0, 0, 0]),
    (None, "2.其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0, 0]),
    (None, "3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0, 0]),
    (None, "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    (None, "5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0, 0]),
    (None, "6.属于四类过程性信息", [0, 0, 0, 0, 0, 0, 0]),
    (None, "7.属于行政执法案卷", [0, 0, 0, 0, 0, 0, 0]),
    (None, "8.属于行政查询事项", [0, 0, 0, 0, 0, 0, 0]),
    (("（四）无法提供", 3), "1.本机关不掌握相关政府信息", [9, 1, 0, 1, 0, 0, None]),
    (None, "2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0, 2]),
    (None, "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0, 1]),
    (("（五）不予处理", 5), "1.信访举报投诉类申请", [2, 0, 0, 0, 0, 0, 2]),
    (None, "2.重复申请", [1, 0, 0, 0, 0, 0, 1]),
    (None, "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0, 0]),
    (None, "4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0, 0]),
    (None, "5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0, 0]),
    (("（六）其他处理", 3), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [1, 0, 0, 0, 0, 0, 1]),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0, 0]),
    (None, "3.其他", [1, 0, 0, 0, 0, 0, 1]),
    (None, "（七）总计", [37, 4, 0, 1, 1, 0, 43]),
    (None, "四、结转下年度继续办理", [4, 2, 0, 0, 1, 0, 7]),
]
APPLICATION_KEYS = [
    "new", "carried_in", "granted", "partial", "denied.1", "denied.2", "denied.3", "denied.4", "denied.5",
    "denied.6", "denied.7", "denied.8", "unable.1", "unable.2", "unable.3", "not_processed.1", "not_processed.2",
    "not_processed.3", "not_processed.4", "not_processed.5", "other.1", "other.2", "other.3", "total", "carried_out",
]
REVIEW_VALUES = [1, 0, 1, 0, 2, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]

TD = '<td width="64" valign="center" style="border:1px solid windowtext;padding:0px 7px">'


def _cell(value: int | None, attrs: str = "") -> str:
    """A Word-exported data cell: ``<p><span>`` around the number, ``&nbsp;`` when blank."""
    body = "&nbsp;" if value is None else f'<span style="font-family:宋体;font-size:14px">{value}</span>'
    return f'{TD[:-1]}{attrs}>\n  <p style="text-align:center"><span style="font-size:14px">{body}</span></p></td>'


def _label(text: str, attrs: str = "") -> str:
    # Labels come in fragments, as the CMS editor leaves them.
    cut = len(text) // 2
    return (f'<td{attrs} style="border:1px solid windowtext"><p><span style="font-family:宋体">{text[:cut]}</span>'
            f"<span>{text[cut:]}</span></p></td>")


def application_table() -> str:
    head = (
        "<table class=\"MsoNormalTable\" border=\"1\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tbody>\n"
        "<tr>\n"
        '<td rowspan="3" colspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>\n'
        '<td colspan="7"><p style="text-align:center"><b>申请人情况</b></p></td>\n'
        "</tr>\n<tr>\n"
        '<td rowspan="2"><p>自然人</p></td>\n'
        '<td colspan="5"><p>法人或其他组织</p></td>\n'
        '<td rowspan="2"><p>总计</p></td>\n'
        "</tr>\n<tr>\n"
        "<td><p>商业<br>企业</p></td><td><p>科研<br/>机构</p></td><td><p>社会公益<br>组织</p></td>"
        "<td><p>法律服务<br>\n机构</p></td><td>其他</td>\n"
        "</tr>\n"
    )
    rows = []
    for group, label, values in APPLICATION_ROWS:
        cells = []
        if group is not None:
            cells.append(_label(group[0], f' rowspan="{group[1]}"'))
        if label[0] in "一二四":
            cells.append(_label(label, ' colspan="3"'))  # top-level rows span the three label columns
        elif label.startswith("（"):
            cells.append(_label(label, ' colspan="2"'))  # （一）…（七） under 三、本年度办理结果
        else:
            cells.append(_label(label))  # 1.…8. under their group
        cells.extend(_cell(v) for v in values)
        rows.append("<tr>\n" + "\n".join(cells) + "\n</tr>\n")
    return head + "".join(rows) + "</tbody></table>\n"


def review_table() -> str:
    parts = ["结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"]
    return (
        '<table border="1" cellspacing="0"><tbody>\n'
        '<tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>\n<tr>'
        + "".join(f'<td rowspan="2"><p>{p}</p></td>' for p in parts)
        + '<td colspan="5"><p>未经复议<br>直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>\n<tr>'
        + "".join(f"<td><p>{p}</p></td>" for p in parts * 2)
        + "</tr>\n<tr>"
        + "".join(_cell(v) for v in REVIEW_VALUES)
        + "</tr>\n</tbody></table>\n"
    )


def active_tables() -> str:
    def table(caption: str, header: list[str], rows: list[tuple[str, list]]) -> str:
        width = len(header)
        out = [f'<table border="1"><tbody>\n<tr><td colspan="{width}"><p><b>{caption}</b></p></td></tr>\n<tr>']
        out.extend(f"<td><p>{h}</p></td>" for h in header)
        out.append("</tr>\n")
        for label, values in rows:
            out.append("<tr>" + _label(label) + "".join(_cell(v) for v in values) + "</tr>\n")
        out.append("</tbody></table>\n<p>&nbsp;</p>\n")
        return "".join(out)

    return (
        table("第二十条第（一）项", ["信息内容", "本年制发<br>件数", "本年废止<br>件数", "现行有效<br>件数"],
              [("规章", [0, 0, 0]), ("行政规范性文件", [2, 1, 15])])
        + table("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", [1260])])
        + table("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("行政处罚", [85]), ("行政强制", [3])])
        + table("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", ["12.5"])])
    )


def heading(numeral: str, title: str) -> str:
    return (f'<p style="text-indent:2em;line-height:2"><strong><span style="font-family:黑体;font-size:16px">'
            f'{numeral}、</span></strong><strong><span style="font-family:黑体">{title}</span></strong></p>\n')


def para(text: str) -> str:
    return f'<p style="text-indent:2em"><span style="font-family:仿宋_GB2312;font-size:16px">{text}</span></p>\n'


def article(contact: bool = True) -> str:
    intro = (
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
        "（国办公开办函〔2021〕30号）编制。本报告所列数据的统计期限为2023年1月1日至2023年12月31日。"
        + (CONTACT if contact else "")
    )
    return (
        para(intro)
        + heading("一", "总体情况")
        + para("全年共收到政府信息公开申请46件，上年结转4件，办结43件，结转下年度继续办理7件。")
        + heading("二", "主动公开政府信息情况")
        + active_tables()
        + heading("三", "收到和处理政府信息公开申请情况")
        + application_table()
        + heading("四", "政府信息公开行政复议、行政诉讼情况")
        + review_table()
        + heading("五", "存在的主要问题及改进情况")
        + para("一是部分栏目更新不够及时；二是答复文书说理还需加强。")
        + heading("六", "其他需要报告的事项")
        + para("本年度未收取政府信息公开信息处理费。")
        + f'<p style="text-align:right"><span>{ISSUER}</span></p>\n'
        + '<p style="text-align:right"><span>2024年1月20日</span></p>\n'
    )


def cms_page(contact: bool = True, charset: str = '<meta charset="utf-8">') -> str:
    """A CMS page in the 2021 format around :func:`article`."""
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
        f"{charset}\n"
        f"<title>{TITLE}_示例县人民政府</title>\n"
        "<script>var page = \"一、总体情况 二、主动公开政府信息情况\"; if (a < b) {}</script>\n"
        "<style>.nav li { float: left }</style>\n"
        "</head>\n<body>\n"
        f'<div class="top-bar"><a href="#">无障碍</a> | <a href="#">长者模式</a> | 服务热线：{SITE_PHONE}</div>\n'
        '<div class="header"><div class="logo"><img src="logo.png" alt="示例县人民政府"></div></div>\n'
        '<div class="mainNav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
        '<li><a href="/nb">政府信息公开年报</a></li><li><a href="/hd">互动交流</a></li></ul></div>\n'
        '<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; '
        "<a>政府信息公开年报</a></div>\n"
        '<div class="main-content">\n<div class="article">\n'
        f'<h1 class="article-title">{TITLE}</h1>\n'
        '<div class="article-info">发布时间：2024-01-20 10:30 &nbsp;&nbsp; 来源：示例县交通运输局 &nbsp;&nbsp; '
        '浏览次数：<span id="hits">128</span></div>\n'
        '<div class="TRS_Editor" id="zoom">\n'
        + article(contact)
        + "</div>\n"
        '<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>\n'
        '<div class="print"><a href="javascript:window.print()">打印本页</a> <a>关闭窗口</a></div>\n'
        "</div>\n"
        '<div class="related"><h3>相关信息</h3><ul><li><a>示例县交通运输局2022年政府信息公开工作年度报告</a></li></ul></div>\n'
        "</div>\n"
        '<div class="bottom-wrap">\n'
        f"<p>主办：示例县人民政府办公室&nbsp;&nbsp;地址：示例县人民路1号&nbsp;&nbsp;电话：{SITE_PHONE}</p>\n"
        "<p>网站标识码：3307000000&nbsp;&nbsp;浙ICP备12345678号&nbsp;&nbsp;浙公网安备 33070002000001号</p>\n"
        "</div>\n"
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- helpers


def read(source: str, name: str = "r.html", encoding: str = "utf-8"):
    document = html_reader.govlint_read(path=name, data=source.encode(encoding))
    assert document is not None
    return document


def run(*args: str, cwd: Path | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd or REPO, input=stdin,
                          capture_output=True, env={**__import__("os").environ, "PYTHONIOENCODING": "utf-8"},
                          timeout=120)


def findings(result: subprocess.CompletedProcess) -> list[re.Match]:
    lines = result.stdout.decode("utf-8").splitlines()
    matches = [CONCISE.match(line) for line in lines]
    assert all(matches), lines
    return matches


def source_position(source: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line:column of the ``occurrence``-th ``needle`` in ``source``."""
    index = -1
    for _ in range(occurrence):
        index = source.index(needle, index + 1)
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


def values(row) -> list:
    return [c.value if c.kind != "blank" else "blank" for c in row.cells]


# --------------------------------------------------------------------------- the real-shaped page


@pytest.fixture(scope="module")
def page() -> str:
    return cms_page()


@pytest.fixture(scope="module")
def report(page):
    return parse(read(page))


def test_navigation_scripts_and_footer_are_not_report_text(page):
    text = read(page).text
    assert text.count(TITLE) >= 1
    for residue in ("var page", "float: left", "网站标识码", "ICP备", SITE_PHONE, "人民路1号", "无障碍", "分享到", "互动交流"):
        assert residue not in text, residue
    assert "发布时间：2024-01-20" in text  # the article's metadata before the body is kept
    lines = text.splitlines()
    assert "一、总体情况" in lines and "三、收到和处理政府信息公开申请情况" in lines  # <span> fragments joined


def test_every_application_cell_is_in_its_column(report):
    table = report.tables.applications
    assert table is not None
    assert report.template == "2021"
    # Every column label found in the merged header (商业<br>企业 read as 商业企业).
    assert [c.found_label for c in table.columns] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    expected = {key: ["blank" if v is None else v for v in vals]
                for key, (_, _, vals) in zip(APPLICATION_KEYS, APPLICATION_ROWS)}
    got = {row.key: values(row) for row in table.rows}
    assert got == expected
    assert all(row.status == "ok" for row in table.rows)
    assert not report.problems


def test_active_and_review_tables(report):
    active = {t.key: {r.key: [c.value for c in r.cells] for r in t.rows} for t in report.tables.active_disclosure}
    assert len(active) == 4
    assert [[c.value for c in r.cells] for r in report.tables.review_litigation.rows] == [
        REVIEW_VALUES[0:5], REVIEW_VALUES[5:10], REVIEW_VALUES[10:15]]
    flat = sorted(v for rows in active.values() for vals in rows.values() for v in vals)
    assert flat == sorted([0, 0, 0, 2, 1, 15, 1260, 85, 3, 12.5])


def test_table_rows_are_lines_of_cells(page):
    text = read(page).text
    lines = text.splitlines()
    # The header: covered cells write nothing, <br> inside Chinese words disappears.
    assert "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他" in lines
    assert "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数" in lines
    granted = next(line for line in lines if "（一）予以公开" in line)
    assert granted.split(CELL_SEPARATOR) == ["三、本年度办理结果", "（一）予以公开", "15", "2", "0", "0", "1", "0", BLANK_CELL]
    secret = next(line for line in lines if "1.属于国家秘密" in line)
    assert secret.split(CELL_SEPARATOR)[:2] == ["（三）不予公开", "1.属于国家秘密"]
    second = next(line for line in lines if "2.其他法律行政法规禁止公开" in line)
    assert second.split(CELL_SEPARATOR)[0] == "2.其他法律行政法规禁止公开"  # rowspan: no repeated group


def test_blank_totals_reported_by_gov307_at_their_cells(tmp_path, page):
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    result = run("check", "--select", "GOV3", "report.html", cwd=tmp_path)
    found = findings(result)
    gov307 = [(int(m["line"]), int(m["col"])) for m in found if m["code"] == "GOV307"]
    # The &nbsp; total cells are the 9th cell of the rows （一）予以公开 and （四）1.
    expected = []
    for label in ("（一）予以公开", "1.本机关不掌握相关政府信息"):
        row_start = page.index(label[len(label) // 2:])
        cell = row_start
        for _ in range(7):
            cell = page.index("<td", cell + 1)
        expected.append(source_position(page[: cell] + "\0", "\0"))
    assert sorted(gov307) == sorted(expected), result.stdout.decode()
    lines = page.splitlines(keepends=True)
    for line, col in gov307:
        offset = sum(len(x) for x in lines[: line - 1]) + col - 1
        cell = page[offset : page.index("</td>", offset)]
        assert cell.startswith("<td") and "&nbsp;" in cell
    # Blank is not zero: no arithmetic finding treats the blank totals as 0.
    assert {m["code"] for m in found} <= {"GOV307"}, result.stdout.decode()


def test_report_contact_found_footer_contact_ignored(report):
    phones = [c.value for c in report.contacts if c.kind == "phone"]
    assert any(OWN_PHONE in p for p in phones)
    assert not any(SITE_PHONE in c.value for c in report.contacts)
    assert not any("人民路1号" in c.value for c in report.contacts)


def test_no_false_contact_from_the_site_footer(tmp_path):
    (tmp_path / "report.html").write_text(cms_page(contact=False), encoding="utf-8")
    result = run("check", "--select", "GOV501", "report.html", cwd=tmp_path)
    assert [m["code"] for m in findings(result)] == ["GOV501"]


def test_metadata_from_the_page(page, report):
    assert report.year == 2023 and report.issuer == ISSUER
    assert report.title.text == TITLE
    line, column = report.title.span.line, report.title.span.column
    assert page.splitlines()[line - 1][column - 1 :].startswith(TITLE + "</h1>")  # the <h1>, not the <title>
    assert (report.published.year, report.published.month, report.published.day) == (2024, 1, 20)
    assert (report.signed.year, report.signed.month, report.signed.day) == (2024, 1, 20)
    assert report.period is not None


def test_positions_are_html_line_and_column(page, report):
    document = report.document
    heading = next(s for s in report.sections if s.number == 3)
    line, column = heading.span.line, heading.span.column
    assert page.splitlines()[line - 1][column - 1 :].startswith("三、")
    cell = report.tables.applications.row("new").cells[0]
    assert page.splitlines()[cell.span.line - 1][cell.span.column - 1 :].startswith("38</span>")
    carried = report.tables.applications.row("carried_out").cells[-1]
    assert page.splitlines()[carried.span.line - 1][carried.span.column - 1 :].startswith("7</span>")
    assert document.reader == "html" and document.source == page


def test_every_emitted_character_maps_into_the_source(page):
    document = read(page)
    assert len(document.origin) == len(document.text)
    for index, ch in enumerate(document.text):
        origin = document.origin[index]
        assert 0 <= origin <= len(page)
        if ch in "\n |" or ch == BLANK_CELL or not ch.strip():
            continue
        if page[origin] == "&":
            continue  # an entity
        assert page[origin] == ch, (index, ch, page[origin - 10 : origin + 10])


def test_heading_finding_at_html_position(tmp_path):
    # Section 四 missing: GOV201 names the place where it should be (the section 五 heading).
    source = cms_page()
    start = source.index('<p style="text-indent:2em;line-height:2"><strong><span style="font-family:黑体;font-size:16px">四、')
    end = source.index("</table>", start) + len("</table>")
    source = source[:start] + source[end:]
    (tmp_path / "r.html").write_text(source, encoding="utf-8")
    result = run("check", "--select", "GOV2", "--output-format", "json", "r.html", cwd=tmp_path)
    data = json.loads(result.stdout.decode())
    missing = [d for d in data if d["code"] == "GOV201"]
    assert missing, data
    line, col = missing[0]["location"]["row"], missing[0]["location"]["column"]
    assert source.splitlines()[line - 1][col - 1 :].startswith("五、"), (line, col)


# --------------------------------------------------------------------------- encodings


def test_gbk_page_with_meta_charset(tmp_path):
    source = cms_page(charset='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    data = source.encode("gbk")
    document = html_reader.govlint_read(path="r.htm", data=data)
    assert document.encoding == "gb18030"
    assert document.source == source
    report = parse(document)
    assert values(report.tables.applications.row("total")) == [37, 4, 0, 1, 1, 0, 43]
    (tmp_path / "gbk.htm").write_bytes(data)
    result = run("check", "--select", "GOV003,GOV307", "gbk.htm", cwd=tmp_path)
    codes = [m["code"] for m in findings(result)]
    assert codes.count("GOV003") == 1 and codes.count("GOV307") == 2


@pytest.mark.parametrize("meta", ['<meta charset="GBK">', "<meta charset=gb18030>",
                                  '<meta http-equiv="content-type" content="text/html;charset=GB2312" />'])
def test_gb_declarations(meta):
    source = f"<html><head>{meta}</head><body><p>一、总体情况</p><p>示例县</p></body></html>"
    document = html_reader.govlint_read(path="x.html", data=source.encode("gb18030"))
    assert document.encoding == "gb18030" and "一、总体情况" in document.text


def test_utf8_page_with_http_equiv():
    source = cms_page(charset='<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    document = read(source)
    assert document.encoding == "utf-8"
    assert parse(document).tables.applications.row("total").status == "ok"


def test_utf8_bytes_under_a_gbk_declaration_are_utf8():
    source = '<html><head><meta charset="gbk"></head><body><p>一、总体情况</p></body></html>'
    assert read(source).encoding == "utf-8"


def test_gbk_page_without_declaration():
    source = "<html><body><p>一、总体情况</p><p>示例县交通运输局</p></body></html>"
    document = html_reader.govlint_read(path="x.html", data=source.encode("gbk"))
    assert document.encoding == "gb18030" and "示例县交通运输局" in document.text


def test_gbk_declared_page_with_a_cut_character():
    data = '<html><head><meta charset="gbk"></head><body><p>一、总体情况示例县交通运输局</p></body></html>'.encode("gbk")
    data = data.replace("局".encode("gbk"), "局".encode("gbk")[:1])  # one byte lost by the CMS
    document = html_reader.govlint_read(path="x.html", data=data)
    assert document.encoding == "gb18030" and "一、总体情况" in document.text


@pytest.mark.parametrize("data, message", [(b"", "文件为空"), (b"  \n ", "文件为空"), (b"\x00\x01<html>", "二进制"),
                                           (b"<html><head><title></title></head><body> </body></html>", "正文")])
def test_unreadable_pages(data, message):
    with pytest.raises(ReadError, match=message):
        html_reader.govlint_read(path="x.html", data=data)


def test_gbk_text_file_still_read_by_text_reader(tmp_path):
    text = "示例县2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息216条。\n"
    assert html_reader.govlint_read(path="r.txt", data=text.encode("gbk")) is None
    (tmp_path / "r.txt").write_bytes(text.encode("gbk"))
    result = run("check", "--select", "GOV003", "r.txt", cwd=tmp_path)
    assert [m["code"] for m in findings(result)] == ["GOV003"]


# --------------------------------------------------------------------------- which files


@pytest.mark.parametrize("name, data, handled", [
    ("r.html", b"<p>x</p>", True),
    ("R.HTM", b"<p>x</p>", True),
    ("r.shtml", b"<p>x</p>", True),
    ("r.xhtml", b"<p>x</p>", True),
    ("<stdin>", b"<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("r.txt", b"\xef\xbb\xbf  <!doctype HTML>\n<html><body>x</body></html>", True),
    ("r.txt", b"<?xml version='1.0'?>\n<html><body>x</body></html>", True),
    ("r.txt", "一、总体情况 <p>x</p>".encode(), False),
    ("<stdin>", "示例县2023年报告".encode(), False),
    ("r.md", b"<!DOCTYPE html><html><body>x</body></html>", False),
    ("r.docx", b"PK\x03\x04", False),
])
def test_reader_chosen_by_name_and_content(name, data, handled):
    assert (html_reader.govlint_read(path=name, data=data) is not None) == handled


def test_report_suffixes():
    assert set(html_reader.govlint_report_suffixes()) == {".html", ".htm", ".shtml"}


def test_stdin_with_html_filename():
    result = run("check", "--select", "GOV307", "--stdin-filename", "r.html", "-", stdin=cms_page().encode())
    found = findings(result)
    assert [m["code"] for m in found] == ["GOV307", "GOV307"]
    assert all(m["path"] == "r.html" for m in found)
    assert int(found[0]["line"]) > 50  # a line of the HTML page, not of the extracted text


def test_stdin_without_name_is_sniffed():
    result = run("check", "--select", "GOV307", "-", stdin=cms_page().encode())
    assert [m["code"] for m in findings(result)] == ["GOV307", "GOV307"]


def test_check_directory_picks_up_every_supported_format(tmp_path):
    page = cms_page()
    text = (REPO / "examples" / "clean-report-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    (tmp_path / "c.html").write_text(page, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.htm").write_bytes(
        page.replace('<meta charset="utf-8">', '<meta charset="gbk">').encode("gbk"))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "style.css").write_text(".nav{}", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    result = run("check", "--select", "GOV003,GOV307", "--output-format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    data = json.loads(result.stdout.decode())
    by_file = {}
    for d in data:
        by_file.setdefault(Path(d["filename"]).as_posix(), []).append(d["code"])
    assert by_file == {"c.html": ["GOV307", "GOV307"], "sub/d.htm": ["GOV003", "GOV307", "GOV307"]}, by_file
    clean = run("check", "--output-format", "json", "a.txt", "b.md", cwd=tmp_path)
    assert clean.returncode in (0, 1)
    listed = run("check", "--select", "GOV001", ".", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout == b""  # nothing unreadable: png/css/json skipped


# --------------------------------------------------------------------------- broken markup and shapes


def test_broken_markup():
    source = (
        "<html><body><div class=content>\n"
        "<p>一、总体情况\n<p>本年度<b>主动公开<i>信息</b>216条</i>。\n"
        "</div></div></span>\n"  # stray end tags
        "<p>三、收到和处理政府信息公开申请情况\n"
        "<table border=1>\n"
        "<tr><td colspan=3>一、本年新收政府信息公开申请数量<td>1<td>2<td>3\n"  # unclosed cells and rows
        "<tr><td colspan=3>二、上年结转政府信息公开申请数量<td>4<td>&nbsp;<td>6</tr>\n"
        "<td>orphan</td>\n"  # a cell outside any row
        "</table>\n"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p></p>\n"
        "<p>a &#abc; b &amp; c &#x4e00; &unknown;</p>\n"
        "<p>last line"
    )
    text = extract(source)[0]
    lines = text.splitlines()
    assert lines[:2] == ["一、总体情况", "本年度主动公开信息216条。"]
    assert "一、本年新收政府信息公开申请数量 | 1 | 2 | 3" in lines
    assert f"二、上年结转政府信息公开申请数量 | 4 | {BLANK_CELL} | 6" in lines
    assert "orphan" in lines
    assert "四、政府信息公开行政复议、行政诉讼情况" in lines
    assert "a &#abc; b & c 一 &unknown;" in lines
    assert lines[-1] == "last line"


def test_deeply_nested_unclosed_tags():
    source = "<html><body>" + "<font>" * 5000 + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>"
    assert extract(source)[0] == "一、总体情况\n二、主动公开政府信息情况\n"


def test_whitespace_between_chinese_and_latin():
    text = extract("<p>本年新\n  制作数量  2023 年\n1\n月 email: a@b.cn\u3000</p><p>&nbsp;&nbsp;\u3000\u3000二、主动</p>")[0]
    assert text == "本年新制作数量 2023 年 1 月 email: a@b.cn\n二、主动\n"


def test_hidden_and_empty_elements_are_skipped():
    text = extract('<body><div style="display: none">隐藏</div><p hidden>也隐藏</p><p>&nbsp;</p><p>正文</p>'
                   "<select><option>选项</option></select><noscript>请启用</noscript></body>")[0]
    assert text == "正文\n"


def test_layout_table_around_the_article():
    # Old CMS pages lay out the whole page in tables; the article's tables are nested.
    inner = application_table()
    source = (
        "<html><body><table width=1000><tr><td><a>首页</a> <a>政务公开</a></td></tr>"
        "<tr><td><table><tr><td>" + heading("一", "总体情况") + para("正文。") + heading("三", "收到和处理政府信息公开申请情况")
        + inner + heading("四", "政府信息公开行政复议、行政诉讼情况") + "</td></tr></table></td></tr>"
        f"<tr><td>地址：示例县人民路1号 电话：{SITE_PHONE}</td></tr></table></body></html>"
    )
    text = extract(source)[0]
    lines = text.splitlines()
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert any(line.startswith("三、本年度办理结果 | （一）予以公开 | 15 |") for line in lines)
    assert SITE_PHONE not in text  # the outer row after the article is the site footer


def test_combined_active_table_with_padding_cells():
    # One table for all 第二十条 items; unused cells of the narrower items are blank padding.
    source = (
        "<p>二、主动公开政府信息情况</p><table>"
        '<tr><td colspan="4">第二十条第（一）项</td></tr>'
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td><td>&nbsp;</td><td>15</td></tr>"
        '<tr><td colspan="4">第二十条第（五）项</td></tr>'
        "<tr><td>信息内容</td><td>本年处理决定数量</td><td>&nbsp;</td><td></td></tr>"
        "<tr><td>行政许可</td><td>1260</td><td>&nbsp;</td><td> </td></tr>"
        "<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>"
        "</table>"
    )
    lines = extract(source)[0].splitlines()
    assert f"行政规范性文件 | 2 | {BLANK_CELL} | 15" in lines  # a blank data cell stays a cell
    assert "行政许可 | 1260" in lines  # padding under no header is not a cell
    assert "信息内容 | 本年处理决定数量" in lines
    assert lines[-1] == "行政许可 | 1260"  # the all-blank spacer row is dropped


def test_empty_label_cells_do_not_become_values():
    source = ("<table><tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>1</td></tr>"
              "<tr><td>&nbsp;</td><td>2.其他法律行政法规禁止公开</td><td>0</td><td>&nbsp;</td></tr></table>")
    lines = extract(source)[0].splitlines()
    assert lines == ["（三）不予公开 | 1.属于国家秘密 | 0 | 1", f"2.其他法律行政法规禁止公开 | 0 | {BLANK_CELL}"]


def test_title_from_head_when_the_body_has_none():
    source = (f"<html><head><title>{TITLE}_示例县人民政府门户网站</title></head>"
              "<body><div><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body></html>")
    assert extract(source)[0].splitlines()[0] == TITLE


def test_article_chosen_over_a_sentence_listing_the_sections():
    intro = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
             "存在的主要问题及改进情况、其他需要报告的事项等六部分组成。")
    source = (f"<body><div class=wrap><p>{intro}</p>" + heading("一", "总体情况") + para("正文一。")
              + heading("二", "主动公开政府信息情况") + para("正文二。") + "</div>"
              f'<div id="ft">地址：示例县人民路1号 电话：{SITE_PHONE}</div></body>')
    text = extract(source)[0]
    assert text.splitlines()[0] == intro and "正文二。" in text and SITE_PHONE not in text


def test_form_wrapping_the_whole_page_is_kept():
    # ASP.NET sites wrap the whole page in a <form>.
    source = ('<body><form id="form1"><div class="nav">首页</div><div class="content">' + heading("一", "总体情况")
              + para("正文。") + heading("六", "其他需要报告的事项") + "</div></form></body>")
    assert extract(source)[0] == "一、总体情况\n正文。\n六、其他需要报告的事项\n"


def test_unmarked_navigation_and_footer():
    # No telling class names: the menu is found as a list of links, the footer by its
    # markers (网站标识码) or by lying after the article's container.
    page = (cms_page().replace('class="mainNav"', 'class="w1"').replace('class="location"', 'class="w2"')
            .replace('class="bottom-wrap"', 'class="w3"').replace('class="related"', 'class="w4"'))
    document = read(page)
    text = document.text
    assert text.splitlines()[0] == TITLE
    for residue in ("政府信息公开年报", "互动交流", "当前位置", "相关信息", SITE_PHONE, "网站标识码"):
        assert residue not in text, residue
    report = parse(document)
    assert report.title.text == TITLE and report.issuer == ISSUER


def test_footer_beside_the_article_is_dropped_by_its_markers():
    source = ("<body><div class=main><h1>" + TITLE + "</h1><div class=text>" + article(contact=False) + "</div>"
              f"<div class=w><p>地址：示例县人民路1号 电话：{SITE_PHONE}</p><p>网站标识码：3307000000</p></div></div></body>")
    text = extract(source)[0]
    assert SITE_PHONE not in text and "2024年1月20日" in text


def test_html5_header_and_footer_elements():
    source = ("<body><header><nav><a>首页</a><a>政务公开</a></nav><p>示例县人民政府</p></header>"
              "<main><article><header><h1>" + TITLE + "</h1><p>发布时间：2024-01-20</p></header>"
              + article() + "<footer>上一篇：<a>其他文章</a></footer></article></main>"
              f"<footer><p>电话：{SITE_PHONE}</p></footer></body>")
    lines = extract(source)[0].splitlines()
    assert lines[:2] == [TITLE, "发布时间：2024-01-20"]
    assert "示例县人民政府" not in lines and "上一篇：其他文章" not in lines
    assert not any(SITE_PHONE in line for line in lines)


def test_headings_in_h2_and_no_structure_at_all():
    source = "<h2>一、总体情况</h2>正文。<h2>二、主动公开政府信息情况</h2><table><tr><td>行政许可</td><td>5</td></tr></table>"
    assert extract(source)[0] == "一、总体情况\n正文。\n二、主动公开政府信息情况\n行政许可 | 5\n"


# --------------------------------------------------------------------------- any markup


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TOKENS = st.sampled_from([
    "<p>", "</p>", "<div class=nav>", "<div>", "</div>", "<span>", "</span>", "<br>", "<br/>", "</br>", "<table>",
    "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="2">', '<td colspan="3">', '<td rowspan="0">',
    "<th>", "<tbody>", "<ul><li>", "<a href=x>", "</a>", "<script>", "</script>", "<!--", "-->", "&nbsp;",
    "&amp;", "&#12288;", "&#abc;", "&bogus;", "&", "<", ">", "一、总体情况", "三、收到和处理政府信息公开申请情况",
    "（七）总计", "12", " ", "\n", "\r\n", "\u3000", "网站标识码", "<h1>", "</h1>", "<![if !supportLists]>",
    "<![endif]>", "<o:p>", "</o:p>", "<head>", "</head>", "<body>", "<title>", "</title>", '<p style="display:none">',
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=60))
def test_any_markup_is_read_and_mapped(tokens):
    source = "".join(tokens)
    text, origin = extract(source)
    assert len(origin) == len(text)
    assert all(0 <= o <= len(source) for o in origin)
    assert "\n\n" not in text and (not text or text.endswith("\n"))


def test_crlf_page_positions():
    page = cms_page().replace("\n", "\r\n")
    report = parse(read(page))
    lines = page.split("\n")
    blank = report.tables.applications.row("granted").cells[6]
    assert blank.kind == "blank"
    assert lines[blank.span.line - 1][blank.span.column - 1 :].startswith("<td")
    new = report.tables.applications.row("new").cells[6]
    assert lines[new.span.line - 1][new.span.column - 1 :].startswith("46</span>")


def test_metadata_table_fields_stay_together():
    source = ("<table><tr><td>索引号：</td><td>113307000000000000/2024-00001</td><td>发布机构：</td><td>示例县交通运输局</td></tr>"
              "<tr><td>发布日期：</td><td>2024-01-20</td><td>主题分类</td><td>综合政务</td></tr></table>")
    assert extract(source)[0].splitlines() == [
        "索引号：113307000000000000/2024-00001 | 发布机构：示例县交通运输局", "发布日期：2024-01-20 | 主题分类 | 综合政务"]


def test_page_without_body_tag():
    source = "<html><head><meta charset=utf-8><title>年报</title>\n一、总体情况<br>正文。<p>六、其他需要报告的事项</p>"
    assert extract(source)[0] == "一、总体情况\n正文。\n六、其他需要报告的事项\n"
