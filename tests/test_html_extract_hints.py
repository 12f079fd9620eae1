"""The HTML reader's cheap pre-searches never hide a heading or footer marker the full search finds.

The measuring pass searches every short element text for section headings and footer
markers; a character pre-search skips texts that cannot hold one. These tests pin the
invariant the pre-search rests on: every text the full search matches, the pre-search matches.
"""

from __future__ import annotations

import pytest

from govlint.readers import html_extract
from govlint.readers.html_extract import _FOOTER_HINT_RE, _FOOTER_RE, _HEADING_HINT_RE, _HEADING_RE, _searched

_HEADINGS = ["一、总体情况", "（二）主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "第四部分：政府信息公开行政复议", "五、存在主要问题", "五、存在的主要问题及改进情况",
             "六、其他需要报告事项", "六、其他需要报告的事项", "前文\n二、政府信息公开工作总体情况"]
_FOOTERS = ["网站标识码：1234567890", "闽ICP备12345678号", "icp证0001", "Icp备", "京公网安备 110号",
            "版权所有：示例县人民政府", "Copyright 2020", "COPYRIGHT", "©2023", "主办单位：示例办公室",
            "承办单位：示例中心", "主办：示例", "承办:示例", "技术支持：示例公司", "网站地图"]


@pytest.mark.parametrize("text", _HEADINGS)
def test_heading_pre_search_finds_every_heading(text):
    assert _HEADING_RE.search(text) and _HEADING_HINT_RE.search(text)


@pytest.mark.parametrize("text", _FOOTERS)
def test_footer_pre_search_finds_every_marker(text):
    assert _FOOTER_RE.search(text) and _FOOTER_HINT_RE.search(text)


def test_searched_agrees_with_the_full_searches():
    for text in [*_HEADINGS, *_FOOTERS, "正文段落没有标记", "", "\n总体情况\n"]:
        core = text.strip("\n")
        keys, footer = _searched(text, [])
        assert keys == {m.group(1)[:2] for m in _HEADING_RE.finditer(core)}
        assert footer == (_FOOTER_RE.search(core) is not None)


def test_long_attribute_values_are_judged_without_memo():
    long_style = "color:red;" * 100 + "display: none"
    assert html_extract._style_hides.__wrapped__(long_style)
    before = html_extract._style_hides.cache_info().currsize
    from govlint.readers.html_tree import Element

    assert html_extract._hidden(Element("div", {"style": long_style}, None, 0))
    assert html_extract._style_hides.cache_info().currsize == before
