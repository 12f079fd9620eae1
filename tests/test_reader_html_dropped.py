"""HTML body text is never dropped silently (govlint.readers.html_extract, rule GOV008).

Page furniture is removed by structure: outside the article element (menus, link lists, site
footers), or marked as furniture by its element, role, class or id. A report paragraph is
never dropped because it contains words that site footers also use (承办单位, 主办单位,
版权所有). What the reader still drops inside the article and that holds visible text is
counted in :attr:`govlint.document.Document.dropped_text` and reported by GOV008.

All pages are synthetic.
"""

from __future__ import annotations

from govlint.document import DroppedText
from govlint.readers import html as html_reader
from govlint.readers.html_extract import extract_page, visible_characters
from govlint.readers.html_tree import build_tree
from govlint.testing import lint_text

TITLE = "示例新区2023年政府信息公开工作年度报告"
SITE_PHONE = "0599-88776655"
#: A report paragraph holding three words that site footers use.
FOOTER_WORDS_PARAGRAPH = ("（二）依申请公开方面。申请登记后当日转送承办单位，涉及版权所有人权益的征求第三方意见，"
                          "由新区管委会办公室作为主办单位统一答复。")


def article(extra: str = "") -> str:
    """A report's body: section 一 with sub-headings （一）（二）（三）, then the other sections."""
    return (
        "<p class=MsoNormal><span>一、总体情况</span></p>\n"
        "<p class=MsoNormal><span>（一）主动公开方面。全年主动公开政府信息836条。</span></p>\n"
        f"<p class=MsoNormal><span>{FOOTER_WORDS_PARAGRAPH}</span></p>\n"
        "<p class=MsoNormal><span>（三）政府信息管理方面。完善发布审核制度。</span></p>\n"
        f"{extra}"
        "<p class=MsoNormal>二、主动公开政府信息情况</p>\n"
        "<p class=MsoNormal>三、收到和处理政府信息公开申请情况</p>\n"
        "<p class=MsoNormal>四、政府信息公开行政复议、行政诉讼情况</p>\n"
        "<p class=MsoNormal>五、存在的主要问题及改进情况</p>\n"
        "<p class=MsoNormal>六、其他需要报告的事项</p>\n"
        "<p class=MsoNormal>本年度未收取信息处理费。</p>\n"
    )


def page(body: str, beside: str = "") -> str:
    """A CMS page: navigation, the article in a content column, ``beside`` after the article
    in the same column, and a site footer holding the same footer words and a phone number."""
    return (
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>年报</title></head><body>\n"
        '<div class="topnav"><a href="/">首页</a><a href="/gk">政务公开</a><a href="/hd">互动交流</a></div>\n'
        '<div class="content"><div class="wrap">\n'
        f'<h1 class="title">{TITLE}</h1>\n'
        f'<div class="article_content">\n{body}</div>\n{beside}'
        "</div></div>\n"
        '<div class="site">\n'
        f"<p>主办单位：示例新区管委会办公室 承办单位：示例新区大数据中心 电话：{SITE_PHONE}</p>\n"
        "<p>版权所有：示例新区管委会 网站标识码：3501000000</p>\n"
        "</div></body></html>\n"
    )


def read(source: str):
    document = html_reader.govlint_read(path="r.html", data=source.encode("utf-8"))
    assert document is not None
    return document


def codes(source: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for diagnostic in lint_text(source, filename="r.html"):
        found.setdefault(diagnostic.code, []).append(diagnostic)
    return found


# ----------------------------------------------------------------------------- kept by structure


def test_article_paragraph_with_footer_words_is_kept() -> None:
    source = page(article())
    document = read(source)
    assert FOOTER_WORDS_PARAGRAPH in document.text.splitlines()
    assert document.dropped_text is None
    found = codes(source)
    assert "GOV205" not in found  # （一）（二）（三） all present
    assert "GOV008" not in found


def test_footer_outside_the_article_with_the_same_words_is_dropped_and_not_counted() -> None:
    # One site footer at an outer level, one unmarked block right beside the article.
    beside = f"<div class=w><p>主办：示例新区管委会 承办：示例新区大数据中心</p><p>版权所有 电话：{SITE_PHONE}</p></div>\n"
    document = read(page(article(), beside))
    text = document.text
    for residue in (SITE_PHONE, "网站标识码", "大数据中心", "互动交流"):
        assert residue not in text, residue
    assert FOOTER_WORDS_PARAGRAPH in text
    assert document.dropped_text is None  # outside the article: furniture, not dropped text


def test_footer_words_inside_a_marked_footer_element_of_the_article_are_counted() -> None:
    # Structure, not words: a <footer> inside the article is furniture, and counted.
    body = article() + "<footer>上一篇：示例新区2022年报告</footer>\n"
    document = read(page(body))
    assert "上一篇" not in document.text
    assert document.dropped_text == DroppedText(1, len("上一篇：示例新区2022年报告"),
                                                page(body).index("<footer>"))


# ----------------------------------------------------------------------------- counted: GOV008


def test_hidden_block_and_share_bar_inside_the_article_are_counted() -> None:
    hidden = '<div style="display:none"><p>（四）平台建设方面。新上线政务公开专区1个。</p></div>\n'
    share = '<div class="bdshare">分享到：微信 微博</div>\n'
    source = page(article(hidden + share))
    document = read(source)
    assert "平台建设" not in document.text and "分享到" not in document.text
    characters = len("（四）平台建设方面。新上线政务公开专区1个。") + len("分享到：微信微博")
    assert document.dropped_text == DroppedText(2, characters, source.index('<div style="display:none">'))
    [finding] = codes(source)["GOV008"]
    line = source[: source.index('<div style="display:none">')].count("\n") + 1
    assert (finding.line, finding.column) == (line, 1)
    assert finding.message == f"网页正文中有2段文字（共{characters}字）未作为报告内容读取（如第{line}行）"
    assert finding.severity.value == "info"


def test_role_navigation_inside_the_article_is_furniture_and_counted() -> None:
    source = page(article('<div role="navigation"><a>上一篇</a> <a>下一篇</a></div>\n'))
    document = read(source)
    assert "上一篇" not in document.text
    assert document.dropped_text is not None and document.dropped_text.blocks == 1


def test_markup_without_visible_text_is_not_dropped_text() -> None:
    # A script, a style, an empty hidden paragraph and a hidden image are markup, not text.
    extra = ("<script>var fontSize = '大';</script><style>p { margin: 0 }</style>"
             '<p style="display:none">&nbsp;\u3000</p><span hidden><img src=a.png></span>\n')
    source = page(article(extra))
    assert read(source).dropped_text is None
    assert "GOV008" not in codes(source)


def test_text_and_cells_hidden_inside_an_article_table_are_counted() -> None:
    table = ("<table><tr><td>信息内容</td><td>本年新制作数量</td></tr>"
             '<tr><td>规章</td><td>3</td></tr><tr style="display:none"><td>旧行</td><td>9</td></tr></table>\n')
    _, _, dropped = extract_page("<body><div>" + article(table) + "</div></body>")
    assert dropped is not None and (dropped.blocks, dropped.characters) == (1, 3)


def test_visible_characters() -> None:
    root = build_tree("<div> 甲 乙<script>x=1</script><noscript>请启用</noscript><b>丙&nbsp;</b>\u200b</div>")
    assert visible_characters(root.children[0]) == 3
