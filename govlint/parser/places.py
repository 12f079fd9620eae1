"""Quoted document titles, place names and where the issuer is (the gazetteer's users).

* Titles ``《…》`` are recorded with the place they start with (``《浙江省政府信息公开申请办理
  规范》`` → 浙江省; ``《中共杭州市委…》`` → 杭州市; ``《杭州日报》`` → 杭州市) and their kind:
  a document (办法, 规定, 通知, 意见 …), a newspaper, or other.
* Place names written in full (浙江省, 杭州市, 恩施州) outside titles are recorded as mentions.
* Both get the qualifier ``cooperation`` when their sentence is about another region on
  purpose: 对口支援, 借鉴…经验, 考察, 长三角, 跨省通办 ….
* The issuer's locale is read from the issuing body's name, else the title, else the contact
  address; places of two different provinces there leave it unknown.

The gazetteer (:mod:`govlint.gazetteer`) is imported here, so it loads only when a rule or
``govlint extract`` asks for the prose facts.
"""

from __future__ import annotations

from govlint import gazetteer, regex
from govlint.model import Report
from govlint.model_prose import DocumentTitle, Locale, Place, PlaceMention, ProseFacts
from govlint.parser.normalize import TextView
from govlint.parser.prose import Paragraph
from govlint.parser.words import Words

_TITLE_RE = regex.compile(r"《([^《》]{1,80})》")
_DOCUMENT_ENDS = ("办法", "规定", "条例", "细则", "规范", "通知", "意见", "方案", "要点", "决定", "规则", "制度", "指南",
                  "指引", "标准", "规划", "纲要", "计划", "清单", "目录", "批复", "公告", "通告", "报告", "公报", "决议",
                  "章程", "守则", "流程", "准则", "措施", "函", "导则", "机制")
_NEWSPAPER_ENDS = ("日报", "晚报", "都市报", "商报", "时报", "报")
#: Words that make a sentence about another region on purpose (not copied text).
COOPERATION = Words(
    "借鉴", "经验", "考察", "参观", "交流", "取经", "先进", "兄弟", "对口", "支援", "援建", "帮扶", "协作", "结对", "东西部",
    "合作", "跨省", "跨区域", "跨地区", "异地", "一体化", "协同", "长三角", "京津冀", "粤港澳", "大湾区", "成渝", "都市圈",
    "毗邻", "联合", "共建", "互认", "通办", "对比", "比较", "山海", "援疆", "援藏", "省外", "外省", "对标", "学习借鉴",
)
#: Characters that may stand right before a place name written in prose (在杭州市, 赴杭州市).
_BEFORE_PLACE = set("在于赴到与和及同向对从由经至的、是为")


def read_places(view: TextView, paragraphs: list[Paragraph], report: Report, facts: ProseFacts) -> None:
    """Titles, place mentions and the issuer's locale."""
    for paragraph in paragraphs:
        titles = list(_TITLE_RE.finditer(paragraph.text))
        facts.titles.extend(_title(view, paragraph, match) for match in titles)
        facts.places.extend(_mentions(view, paragraph, [m.span() for m in titles]))
    facts.locale = issuer_locale(report)


def _sentence(text: str, index: int) -> str:
    start = index
    while start > 0 and text[start - 1] not in "。!?":
        start -= 1
    end = index
    while end < len(text) and text[end] not in "。!?":
        end += 1
    return text[start:end]


def _qualifiers(text: str, index: int) -> list[str]:
    return ["cooperation"] if COOPERATION.search(_sentence(text, index)) else []


def _place(division: gazetteer.Division | None) -> Place | None:
    return None if division is None else Place(division.name, division.province, division.city)


def _title(view: TextView, paragraph: Paragraph, match) -> DocumentTitle:
    inner = match.group(1)
    offset = 2 if inner.startswith("中共") else 0
    place = _place(gazetteer.match_at(inner, offset, media=True))
    stripped = inner.rstrip()
    if stripped.endswith(_DOCUMENT_ENDS) or stripped.endswith(")") and "试行" in stripped[-5:]:
        kind = "document"
    elif stripped.endswith(_NEWSPAPER_ENDS):
        kind = "newspaper"
    else:
        kind = "other"
    return DocumentTitle(paragraph.original(view, match.start(), match.end()), paragraph.span(view, match.start(), match.end()),
                         place, kind, _qualifiers(paragraph.text, match.start()))


def _mentions(view: TextView, paragraph: Paragraph, titles: list[tuple[int, int]]) -> list[PlaceMention]:
    text = paragraph.text
    found = []
    last_end = -1
    for index, division in gazetteer.find_all(text):
        end = index + len(division.name)
        inside = any(a <= index < b for a, b in titles)
        before = text[index - 1] if index > 0 else ""
        standalone = not before or not ("\u4e00" <= before <= "\u9fff") or before in _BEFORE_PLACE or index == last_end
        last_end = end
        if inside or not standalone:
            continue
        found.append(PlaceMention(_place(division), paragraph.original(view, index, end), paragraph.span(view, index, end),
                                  _qualifiers(text, index)))
    return found


def _places_in(text: str) -> list[gazetteer.Division]:
    """Divisions named in an issuer name, title or address (at its start or after another)."""
    found = []
    last_end = None
    for index, division in gazetteer.find_all(text):
        before = text[index - 1] if index > 0 else ""
        if index == 0 or index == last_end or not ("\u4e00" <= before <= "\u9fff"):
            found.append(division)
        last_end = index + len(division.name)
    return found


def issuer_locale(report: Report) -> Locale | None:
    """Where the issuer is, from its name, else the title, else the contact address."""
    sources = [("issuer", report.issuer or ""), ("title", report.title.text if report.title else "")]
    sources += [("address", field.value) for field in report.contacts if field.kind == "address"]
    for source, text in sources:
        text = text.replace(" ", "").replace("\n", "")
        places = _places_in(text)
        if not places:
            continue
        provinces = {place.province for place in places}
        if len(provinces) > 1:
            return None
        cities = [place.city for place in places if place.city]
        return Locale(places[0].province, cities[0] if cities else None, source, text)
    return None
