"""The prose facts (govlint.parser.prose and friends) behind the GOV7xx rules.

Every sentence here is written for these tests (none is taken from a real report); the last
tests read the real reports in ../shared (never copied) and check the facts found there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import gazetteer
from govlint.document import Document
from govlint.export import report_to_dict
from govlint.parser import parse
from govlint.testing import lint_file

SHARED = Path(__file__).resolve().parents[2] / "shared"

HEAD = "南平市示例区林业局2023年政府信息公开工作年度报告\n\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。\n"


def report(one: str, five: str = "政策解读形式较单一，下一步将增加图解解读。", head: str = HEAD, three: str = "全年收到申请46件。"):
    text = (
        f"{head}一、总体情况\n{one}\n二、主动公开政府信息情况\n全年主动公开规范性文件2件。\n"
        f"三、收到和处理政府信息公开申请情况\n{three}\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
        f"五、存在的主要问题及改进情况\n{five}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )
    return parse(Document("case.txt", text))


# --------------------------------------------------------------------------- laziness and export

def test_prose_facts_are_read_only_when_asked_for_and_once():
    parsed = report("全年公开政府信息520条，其中政策文件120条，其他信息400条。")
    assert parsed._prose is None
    first = parsed.prose
    assert parsed.prose is first
    assert [found.total.value for found in first.lists] == [520]


def test_extract_exports_the_prose_facts():
    data = report_to_dict(report("全年公开政府信息520条，其中政策文件120条，其他信息400条。"))
    prose = data["prose"]
    assert set(prose) == {"locale", "counts", "lists", "flows", "uncounted", "enumerations", "titles", "places",
                          "marks", "repeats"}
    assert prose["locale"] == {"province": "福建省", "city": "南平市", "source": "issuer", "text": "南平市示例区林业局"}
    (found,) = prose["lists"]
    assert found["total"]["value"] == 520 and found["item_sum"] == 520 and found["residual"] is True
    assert [item["label"] for item in found["items"]] == ["政策文件", "其他信息"]
    assert found["total"]["line"] == 5


# --------------------------------------------------------------------------- paragraphs

def test_page_wrapped_lines_are_one_paragraph_and_lines_of_a_web_page_are_not():
    wrapped = ("本年度，全区共办理政府信息公开行政复议案件 46 件，其中\n结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。\n"
               "全年还组织开展了政务公开业务培训，进一步提升了工作人员的业\n务能力和水平，效果良好，得到了上级部门的肯定和群众的好评。\n"
               "下一步将继续加强培训，提升政务公开工作的规范化、标准化水平。")
    (found,) = report(wrapped).prose.lists
    assert found.total.value == 46 and found.item_sum == 46 and not found.qualifiers
    # One paragraph per line (a web page): a list cut by a line break is not one list.
    cut = "全年公开政府信息520条，其中政策文件120条，\n其他信息400条。"
    assert report(cut).prose.lists[0].qualifiers == ["unclean"]


# --------------------------------------------------------------------------- lists

@pytest.mark.parametrize(
    ("sentence", "qualifiers"),
    [
        ("全年公开信息900条，其中政策文件100条、规划计划50条等。", ["open"]),
        ("全年公开信息5500余条，其中政策文件100条、其他信息5400条。", ["approximate"]),
        ("全年公开信息1.2万条，其中政策文件100条、其他信息11900条。", ["approximate"]),
        ("发布信息930条，其中微信180次，微博210次，其他平台80条。", ["mixed-units"]),
        ("全年公开信息400条，其中政策文件150条，其中规范性文件20条，其他信息250条。", ["nested"]),
        ("收到申请50件，其中网上申请30件，当面申请15件，涉及征地拆迁的15件。", ["topic"]),
        ("收到申请120件，其中自然人100件，法人20件，网上申请90件，信函申请30件。", ["two-breakdowns"]),
        ("共公开信息56条，其中指南1条，公告3条同时，上报目录160条。", ["unclean"]),
        ("全年公开政府信息2122条。其中，区直部门公开1509条，占71.11%。", ["sentence-start"]),
    ],
)
def test_what_makes_a_list_unsure_is_recorded(sentence, qualifiers):
    found = report(sentence).prose.lists[0]
    assert found.qualifiers == qualifiers


def test_a_list_in_parentheses_ends_with_them_and_its_percentages_are_kept():
    parsed = report("共公布政府信息1830条（其中机构职能类40条、政策文件类1700条、其他信息90条），另有解读12篇。"
                    "全年办结的申请均已答复。其中，予以公开400件（40%），其他处理600件（60%）。")
    first, second = parsed.prose.lists
    assert (first.total.value, first.item_sum, first.residual, first.qualifiers) == (1830, 1830, True, [])
    assert second.total is None and [item.percentage.value for item in second.items] == [40.0, 60.0]
    assert second.items[0].percentage.decimals == 0


def test_a_semicolon_ends_a_list_of_commas_but_separates_a_list_of_semicolons():
    parsed = report("行政复议36件，其中维持12件，纠正4件，其他结果20件；行政诉讼9件，其中维持5件，其他结果4件。"
                    "全年受理130件，其中予以公开59件，占45.3%；部分公开71件，占54.6%。")
    sums = [(found.total.value, found.item_sum, found.qualifiers) for found in parsed.prose.lists]
    assert sums == [(36, 36, []), (9, 9, []), (130, 130, [])]


def test_share_of_another_base_is_no_percentage_of_the_item():
    found = report("全年办结申请100件，其中予以公开60件，占收到申请数的50%，其他处理40件。").prose.lists[0]
    assert found.items[0].percentage is None


# --------------------------------------------------------------------------- flows and uncounted items

def test_flows_and_their_qualifiers():
    parsed = report("全年受理审批事项86件，办结168件。本年收到申请30件，办结行政许可事项50件。")
    assert [(f.received.value, f.completed.value, f.qualifiers) for f in parsed.prose.flows] == [
        (86, 168, []), (30, 50, ["other-object"])]
    carried = report("上年结转申请5件。本年收到申请10件，办结15件。").prose.flows
    assert [f.qualifiers for f in carried] == [["carry-over"]]


def test_uncounted_items_need_a_numbered_neighbour_and_no_word_ending_in_the_unit():
    parsed = report("全年公开行政许可结果条、行政处罚结果52条。通过微信、今日头条、政务微博发布信息120条。"
                    "对公开信息逐条审核，印发文件、通知36件。")
    (item,) = parsed.prose.uncounted
    assert (item.text, item.unit, [n.value for n in item.neighbours]) == ("全年公开行政许可结果条", "条", [52])


# --------------------------------------------------------------------------- enumerations, marks, repeats

def test_enumeration_markers_blocks_and_what_is_no_marker():
    parsed = report("（一）主动公开\n一是完善制度；二是加强培训。坚持第一时间回应，标准统一是前提。\n"
                    "（二）依申请公开\n第一，规范流程；第二，加强沟通。主要包括（一）审核，（二）发布。"
                    "依据《关于（一）号文件的通知》办理。重点公开：①预算，②决算。")
    found = [(m.style, m.number, m.block) for m in parsed.prose.enumerations]
    first_block, second_block = found[0][2], found[2][2]
    assert found == [("shi", 1, first_block), ("shi", 2, first_block), ("ordinal", 1, second_block),
                     ("ordinal", 2, second_block), ("cn_paren", 1, second_block), ("cn_paren", 2, second_block),
                     ("circled", 1, second_block), ("circled", 2, second_block)]
    assert second_block > first_block


def test_marks_doubled_unclosed_and_a_wrong_cut():
    parsed = report("根据《《福建省政务公开办法》编制。联系本局（地址：人民路8号。\n"
                    "如有疑问请联系（地址：示例区\n人民路8号）。")
    assert [(m.kind, m.mark) for m in parsed.prose.marks] == [("doubled", "《《"), ("unclosed", "（")]
    assert parsed.prose.marks[1].context.startswith("（地址：人民路8号")


def test_repeated_sentences_without_their_numbers_and_with_their_order():
    sentence = "进一步加强政策解读工作，围绕群众关心关注的热点问题，提升解读材料的针对性和可读性。"
    parsed = report(f"一是{sentence}本局高度重视政务公开工作。", five=f"三是{sentence}本局高度重视政务公开工作。")
    (repeat,) = parsed.prose.repeats
    assert repeat.text == sentence and [s.line for s in repeat.spans] == [5, 13]
    assert repeat.ordinals[1] > repeat.ordinals[0]


# --------------------------------------------------------------------------- places

def test_gazetteer_has_every_division_once():
    assert len(gazetteer.PROVINCES) == 34
    index = gazetteer._index()
    cities = {division.city for division in index.values() if division.city}
    assert len(cities) == 337  # 333 prefecture-level divisions and 4 older names (襄樊, 思茅, 莱芜, 巢湖)
    full_names = [name for _, _, _, listed in gazetteer.PROVINCES for name in (e.partition("/")[0] for e in listed.split())]
    assert len(full_names) == len(set(full_names))
    assert all(name.endswith(("省", "市", "州", "区", "盟")) for name in index)  # find_all looks up only these
    assert all(index[name].province == full for full, _, _, listed in gazetteer.PROVINCES
               for name in (e.partition("/")[0] for e in listed.split()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("杭州市", ("浙江省", "杭州市")),
        ("恩施州", ("湖北省", "恩施土家族苗族自治州")),
        ("海南州", ("青海省", "海南藏族自治州")),
        ("海南省", ("海南省", None)),
        ("吉林市", ("吉林省", "吉林市")),
        ("广西壮族自治区", ("广西壮族自治区", None)),
        ("大兴安岭地区", ("黑龙江省", "大兴安岭地区")),
        ("日照", None),  # 日照 alone is sunshine: a short form counts only with its suffix
        ("中山市场", None),  # a market, not 中山市
    ],
)
def test_gazetteer_matches_names_with_their_suffix_only(text, expected):
    division = gazetteer.match_at(text, 0)
    assert (None if division is None else (division.province, division.city)) == expected


def test_gazetteer_media_names_and_leftmost_longest():
    assert gazetteer.match_at("浙江日报", 0, media=True).province == "浙江省"
    assert gazetteer.match_at("浙江日报", 0) is None
    assert [d.name for _, d in gazetteer.find_all("福建省南平市延平区")] == ["福建省", "南平市"]


def test_locale_from_issuer_title_or_address_and_unknown_when_places_disagree():
    assert report("无。").prose.locale.city == "南平市"
    head = "示例县林业局2023年政府信息公开工作年度报告\n\n如有疑问请联系（地址：福建省三明市示例路1号）。\n"
    locale = report("无。", head=head).prose.locale
    assert (locale.province, locale.city, locale.source) == ("福建省", "三明市", "address")
    assert report("无。", head="示例县林业局2023年政府信息公开工作年度报告\n\n").prose.locale is None
    mixed = "浙江省杭州市福建省示例局2023年政府信息公开工作年度报告\n\n"
    assert report("无。", head=mixed).prose.locale is None


def test_titles_with_their_place_kind_and_cooperation():
    parsed = report("执行《浙江省信息公开规范》，在《浙江日报》刊发文章。学习借鉴《杭州市工作指引》的经验。")
    titles = [(t.place.name if t.place else None, t.kind, t.qualifiers) for t in parsed.prose.titles]
    assert titles == [("浙江省", "document", []), ("浙江", "newspaper", []), ("杭州市", "document", ["cooperation"])]


# --------------------------------------------------------------------------- real reports

pytestmark_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real reports) is not beside the checkout")


def _prose(relative: str):
    from govlint.host import Host
    from govlint.runner import Input, read_input

    path = SHARED / relative
    return parse(read_input(Host(), Input(str(path), path))).prose


@pytestmark_shared
def test_real_pdf_text_review_results_add_up():
    lists = _prose("corpus/002_2024_huaian_shi.txt").lists
    assert [(found.total.value, found.item_sum, found.residual, found.qualifiers) for found in lists] == [
        (351, 351, True, ["pending"]), (46, 46, True, ["pending"])]  # the paragraph names 34 carried over


@pytestmark_shared
def test_real_crawler_legacy_lists_and_a_share():
    lists = _prose("corpus/117_2017_fujian_pingtan_legacy.txt").lists
    assert [(found.total.value, found.item_sum) for found in lists[:2]] == [(348, 348), (467, 467)]
    share = lists[2]
    assert share.qualifiers == ["sentence-start"] and share.items[0].percentage.value == 71.11


@pytestmark_shared
def test_real_web_report_mixed_units_and_an_item_with_two_numbers_are_recorded():
    lists = _prose("seeds/000_07f3dd90ea4b5b07.txt").lists
    qualifiers = {found.total.value: found.qualifiers for found in lists}
    assert qualifiers[5434] == ["unclean"] and qualifiers[367] == []
    # 次 and 条 mixed; the first seven items alone make up the 1403 (the others are more)
    assert qualifiers[1403] == ["mixed-units", "two-breakdowns"]


@pytestmark_shared
def test_real_reports_give_no_text_finding():
    for relative in ("seeds/000_07f3dd90ea4b5b07.txt", "corpus/002_2024_huaian_shi.txt",
                     "corpus/117_2017_fujian_pingtan_legacy.txt", "corpus/123_2025_shanghai_shi_bangongting.md"):
        assert not lint_file(SHARED / relative, select=["GOV7"]), relative


def test_a_document_that_is_no_report_has_no_prose():
    parsed = parse(Document("notes.txt", "会议纪要\n全年公开政府信息520条，其中政策文件120条，其他信息200条。根据《《某办法》执行。\n"))
    assert not parsed.has_report_content
    facts = parsed.prose
    assert not facts.lists and not facts.marks and not facts.counts
