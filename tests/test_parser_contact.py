"""Contact details: labelled fields with their values as written, never prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.document import Document
from govlint.model import ContactField
from govlint.parser import parse
from govlint.parser.contact import find_contacts
from govlint.parser.normalize import TextView

SHARED = Path(__file__).resolve().parents[2] / "shared"


def contacts(text: str) -> list[ContactField]:
    return find_contacts(TextView.of(Document(path="case.txt", text=text)))


def fields(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.label, f.value) for f in contacts(text)]


# --------------------------------------------------------------------------- labels

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地址：示例市人民路1号", ("address", "地址", "示例市人民路1号")),
        ("联系地址：示例市人民路1号", ("address", "联系地址", "示例市人民路1号")),
        ("通讯地址：示例路2号", ("address", "通讯地址", "示例路2号")),
        ("通信地址:示例路3号", ("address", "通信地址", "示例路3号")),
        ("邮编：100000", ("postcode", "邮编", "100000")),
        ("邮政编码：100000", ("postcode", "邮政编码", "100000")),
        ("电话：0571-12345678", ("phone", "电话", "0571-12345678")),
        ("联系电话：0851-1234567", ("phone", "联系电话", "0851-1234567")),
        ("咨询电话：12345", ("phone", "咨询电话", "12345")),
        ("联系方式：0571-7654321", ("phone", "联系方式", "0571-7654321")),
        ("传真：7311936", ("fax", "传真", "7311936")),
        ("传真电话：0571-1111111", ("fax", "传真电话", "0571-1111111")),
        ("电子邮箱：abc@example.gov.cn", ("email", "电子邮箱", "abc@example.gov.cn")),
        ("邮箱：abc@qq.com", ("email", "邮箱", "abc@qq.com")),
        ("电子信箱：abc@example.cn", ("email", "电子信箱", "abc@example.cn")),
        ("E-mail：abc@example.com", ("email", "E-mail", "abc@example.com")),
        ("Email: abc@example.com", ("email", "Email", "abc@example.com")),
        ("网址：www.example.gov.cn", ("url", "网址", "www.example.gov.cn")),
        ("网站：http://www.example.gov.cn/xxgk", ("url", "网站", "http://www.example.gov.cn/xxgk")),
    ],
)
def test_single_labels(text: str, expected: tuple[str, str, str]) -> None:
    assert fields(text) == [expected]


def test_full_contact_block_with_office_and_spans() -> None:
    text = (
        "如对本报告有任何疑问，请与示例局办公室联系（地址：示例市人民路1号，邮编：100000，"
        "电话：0571-12345678，传真：0571-87654321，电子邮箱：abc@example.gov.cn）。"
    )
    found = contacts(text)
    assert [(f.kind, f.value) for f in found] == [
        ("office", "示例局办公室"),
        ("address", "示例市人民路1号"),
        ("postcode", "100000"),
        ("phone", "0571-12345678"),
        ("fax", "0571-87654321"),
        ("email", "abc@example.gov.cn"),
    ]
    phone = found[3]
    start = text.index("电话") + 1
    assert tuple(phone.span) == (1, start, 1, start + len("电话：0571-12345678"))
    office = found[0]
    assert office.span.column == text.index("请与") + 1
    assert office.span.end_column == text.index("联系（") + 3


def test_url_in_parentheses_after_website() -> None:
    text = "本报告电子版可在示例区人民政府网站（http://www.example.gov.cn）下载。"
    (url,) = contacts(text)
    assert (url.kind, url.label, url.value) == ("url", "网站", "http://www.example.gov.cn")
    assert url.span.column == text.index("网站") + 1


def test_letter_spaced_label() -> None:
    (phone,) = contacts("电 话 ：0851-1234567")
    assert (phone.kind, phone.label, phone.value) == ("phone", "电话", "0851-1234567")
    assert tuple(phone.span) == (1, 1, 1, 18)


def test_label_and_value_wrapped_over_pdf_lines() -> None:
    text = (
        "请与示例市人民政府办公室联系（地址：示\n例市翔宇南道 1 号，邮编：223001，电话：0517-83605210，电\n"
        "子邮箱：abc@163.com）。\n一、总体情况\n"
    )
    found = contacts(text)
    assert [(f.kind, f.label, f.value) for f in found] == [
        ("office", "请与…联系", "示例市人民政府办公室"),
        ("address", "地址", "示例市翔宇南道 1 号"),
        ("postcode", "邮编", "223001"),
        ("phone", "电话", "0517-83605210"),
        ("email", "电子邮箱", "abc@163.com"),
    ]
    address, email = found[1], found[4]
    assert (address.span.line, address.span.end_line) == (1, 2)
    assert tuple(email.span) == (2, text.split("\n")[1].rindex("，电") + 2, 3, 16)


def test_no_colon_inside_the_contact_block() -> None:
    assert fields("请与办公室联系（地址示例路2号，电话0571-7654321）") == [
        ("office", "请与…联系", "办公室"),
        ("address", "地址", "示例路2号"),
        ("phone", "电话", "0571-7654321"),
    ]


# --------------------------------------------------------------------------- labels as written

@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("电话/传真：0598-6612345", "电话/传真"),
        ("电话／传真：0598-6612345", "电话/传真"),
        ("电话（传真）：0598-6612345", "电话(传真)"),
        ("传真/电话：0598-6612345", "传真/电话"),
        ("联系电话、传真：0598-6612345", "联系电话、传真"),
        ("电话及传真：0598-6612345", "电话及传真"),
        ("电 话/传 真：0598-6612345", "电话/传真"),
    ],
)
def test_combined_label_is_both_phone_and_fax(text: str, label: str) -> None:
    found = contacts(text)
    assert [(f.kind, f.label, f.value) for f in found] == [
        ("phone", label, "0598-6612345"),
        ("fax", label, "0598-6612345"),
    ]
    assert found[0].span == found[1].span == (1, 1, 1, len(text) + 1)


def test_combined_label_inside_a_contact_block() -> None:
    text = "请与示范区办公室联系。联系地址：示范区滨海路8号；邮编：350999；电话/传真：0598-6612345。"
    assert [(f.kind, f.value) for f in contacts(text)] == [
        ("office", "示范区办公室"),
        ("address", "示范区滨海路8号"),
        ("postcode", "350999"),
        ("phone", "0598-6612345"),
        ("fax", "0598-6612345"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("办公电话：0598-6612345", ("phone", "办公电话", "0598-6612345")),
        ("咨询电话:0598-6612345", ("phone", "咨询电话", "0598-6612345")),
        ("邮    编：350999", ("postcode", "邮编", "350999")),
        ("地　址：示范区滨海路8号", ("address", "地址", "示范区滨海路8号")),
        ("传  真：0598-6612346", ("fax", "传真", "0598-6612346")),
        ("电　　话：0598-6612345", ("phone", "电话", "0598-6612345")),
    ],
)
def test_variant_and_letter_spaced_labels(text, expected) -> None:
    assert fields(text) == [expected]


def test_letter_spaced_labels_run_together_in_crawler_text() -> None:
    text = ("联系地址：示范区滨海路8号综合楼3楼邮 编：350999电 话：0598-6612345传 真：0598-6612346"
            "电子邮箱：bgs@example.cn一、总体情况")
    assert fields(text) == [
        ("address", "联系地址", "示范区滨海路8号综合楼3楼"),
        ("postcode", "邮编", "350999"),
        ("phone", "电话", "0598-6612345"),
        ("fax", "传真", "0598-6612346"),
        ("email", "电子邮箱", "bgs@example.cn"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("如有疑问可拨打联系电话0598-6612345咨询。", [("phone", "联系电话", "0598-6612345")]),
        ("电话 0598-6612345", [("phone", "电话", "0598-6612345")]),
        ("邮编350999", [("postcode", "邮编", "350999")]),
        ("电子邮箱bgs@example.cn", [("email", "电子邮箱", "bgs@example.cn")]),
        ("传真（0598）6612346", [("fax", "传真", "（0598）6612346")]),
        ("地址示范区滨海路8号，电话0598-6612345。",
         [("address", "地址", "示范区滨海路8号"), ("phone", "电话", "0598-6612345")]),
    ],
)
def test_labels_without_colon_when_the_value_has_its_shape(text, expected) -> None:
    assert fields(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "通过电话、传真等方式接收申请。",
        "畅通12345热线电话和传真渠道。",
        "公开单位职责、办公地址、联系电话等信息。",
        "公开了办公地址和电话。",
        "全年接听咨询电话1200余次。",
        "受理传真申请3件。",
        "地址变更后及时更新电话号码。",
    ],
)
def test_prose_with_label_words_is_not_contact(text: str) -> None:
    assert contacts(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电子邮箱：bgs＠example.cn一、总体情况2023年，本局……", "bgs＠example.cn"),
        ("电子邮箱：bgs@example.cn二〇二三年", "bgs@example.cn"),
        ("电子邮箱：bgs@163.com2023年，本局……", "bgs@163.com"),
        ("邮箱：bgs@example一、总体情况", "bgs@example"),
        ("电子邮箱：bgs@example.cn（工作日回复）", "bgs@example.cn（工作日回复）"),
    ],
)
def test_email_value_ends_where_the_address_ends(text: str, value: str) -> None:
    (email,) = contacts(text)
    assert email.value == value
    assert email.span.end_column == text.index(value) + len(value) + 1


# --------------------------------------------------------------------------- values

def test_value_stops_at_next_label_and_at_line_end() -> None:
    assert fields("地址：示例路1号 电话：0571-1234567\n一、总体情况") == [
        ("address", "地址", "示例路1号"),
        ("phone", "电话", "0571-1234567"),
    ]
    assert fields("通讯地址：示例路1号\n一、总体情况") == [("address", "通讯地址", "示例路1号")]


def test_value_keeps_bracketed_part() -> None:
    assert fields("地址：示例路3号（示例大厦），电话：0571-1234567")[0] == ("address", "地址", "示例路3号（示例大厦）")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话：XX，传真：××，邮箱：xxx", [("phone", "电话", "XX"), ("fax", "传真", "××"), ("email", "邮箱", "xxx")]),
        ("电话：，地址：", [("phone", "电话", ""), ("address", "地址", "")]),
        ("（地址：；电话：）", [("address", "地址", ""), ("phone", "电话", "")]),
    ],
)
def test_placeholders_and_empty_values_are_kept(text, expected) -> None:
    assert fields(text) == expected


def test_empty_office_and_cut_phone_label() -> None:
    assert fields("如有疑问请与 （电  : 0482-8268516）联系。") == [
        ("office", "请与…联系", ""),
        ("phone", "电", "0482-8268516"),
    ]


def test_full_width_value_is_kept_as_written() -> None:
    # Values are quoted as written; the phone validator reads full-width digits as digits.
    assert fields("电话：０５７１－１２３４５６７") == [("phone", "电话", "０５７１－１２３４５６７")]


# --------------------------------------------------------------------------- must not

@pytest.mark.parametrize(
    "text",
    [
        "我们通过电话沟通，及时回应群众关切。",
        "主动公开单位职责、机构设置、办公地址、办公时间、联系方式等信息。",
        "联系方式：地址为人民路1号",
        "依托政府门户网站发布信息。",
        "接收信函、传真、电子邮件等方式提交的申请。",
        "加强与申请人的电话联系，提高答复质量。",
        "网站建设情况良好。",
    ],
)
def test_prose_is_not_contact(text: str) -> None:
    assert contacts(text) == []


# --------------------------------------------------------------------------- real reports

def real(relative: str) -> tuple[list[ContactField], list[str]]:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"real reports not available: {path} is missing (CI keeps ../shared beside the checkout)")
    text = path.read_text(encoding="utf-8")
    return parse(Document(path=str(path), text=text)).contacts, text.split("\n")


def by_kind(found: list[ContactField]) -> dict[str, ContactField]:
    return {f.kind: f for f in found}


def test_real_seed_000() -> None:
    found, lines = real("seeds/000_07f3dd90ea4b5b07.txt")
    kinds = by_kind(found)
    assert set(kinds) == {"office", "address", "phone", "url"}
    phone = kinds["phone"]
    assert phone.value == "0851-38184556"
    assert (phone.span.line, phone.span.column) == (1, lines[0].index("电话:0851") + 1)
    assert kinds["address"].span.line == 1 and kinds["address"].value
    # line 4 lists 办公地址、办公时间、联系方式 in prose: not a contact detail
    assert all(f.span.line == 1 for f in found)


@pytest.mark.parametrize(
    "relative",
    [
        "seeds/001_60c3416880e5604d.txt",
        "seeds/003_c8e56b69bc7838b8.txt",
        "seeds/004_2b6e7661ff84f527.txt",
        "corpus/010_2024_fujian_pingtan_zonghe_shiyanqu.txt",
    ],
)
def test_real_reports_without_contact(relative: str) -> None:
    found, _ = real(relative)
    assert found == []


def test_real_seed_002() -> None:
    found, lines = real("seeds/002_b6ff4eeabae1e240.txt")
    kinds = by_kind(found)
    assert set(kinds) == {"office", "address", "postcode", "phone", "fax", "email"}
    assert kinds["fax"].value == "7311936"
    assert kinds["email"].value == "tazfj@126.com"
    assert (kinds["fax"].span.line, kinds["fax"].span.column) == (1, lines[0].index("传真") + 1)
    assert kinds["postcode"].value.isdigit() and len(kinds["postcode"].value) == 6


def test_real_corpus_002_wrapped_pdf_contact() -> None:
    found, lines = real("corpus/002_2024_huaian_shi.txt")
    kinds = by_kind(found)
    assert set(kinds) == {"office", "address", "postcode", "phone", "email"}
    address, email = kinds["address"], kinds["email"]
    assert (address.span.line, address.span.end_line) == (7, 8)
    assert address.value.startswith("淮安市") and "\n" not in address.value
    assert kinds["postcode"].value == "223001" and kinds["postcode"].span.line == 8
    assert kinds["phone"].value.startswith("0517-") and kinds["phone"].span.line == 8
    assert email.label == "电子邮箱" and "@" in email.value
    assert (email.span.line, email.span.column, email.span.end_line) == (8, lines[7].rindex("电") + 1, 9)


def test_full_width_phone_is_a_valid_phone() -> None:
    from govlint.testing import lint_text

    text = "如对本报告有疑问，请与本局办公室联系（地址：示例路1号，电话：０５７１－８７６５４３２１）。\n一、总体情况\n"
    assert not [d for d in lint_text(text, select=["GOV503"]) if d.code == "GOV503"]


def _real_file(relative: str):
    from govlint.host import Host
    from govlint.runner import Input, read_input

    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"real reports not available: {path} is missing (CI keeps ../shared beside the checkout)")
    return parse(read_input(Host(), Input(str(path), path, path.read_bytes())))


def test_real_corpus_101_combined_phone_fax_label() -> None:
    kinds = by_kind(_real_file("corpus/101_2021_fujian_pingtan_page.html").contacts)
    assert {"address", "postcode", "phone", "fax"} <= set(kinds)
    assert kinds["phone"].value == kinds["fax"].value and kinds["phone"].span == kinds["fax"].span
    assert kinds["phone"].label == "电话/传真"


def test_real_corpus_117_letter_spaced_labels_and_run_on_email() -> None:
    kinds = by_kind(_real_file("corpus/117_2017_fujian_pingtan_legacy.txt").contacts)
    assert {"address", "postcode", "phone", "fax", "email"} <= set(kinds)
    assert kinds["postcode"].label == "邮编" and kinds["phone"].label == "电话" and kinds["fax"].label == "传真"
    email = kinds["email"].value
    assert email.endswith(".com") and "＠" in email and "概述" not in email
