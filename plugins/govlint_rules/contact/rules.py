"""Rules about contact details of the issuing office.

Neither national format mandates contact details (domain.md §12), but most reports give
them in the introduction and evaluators expect a way to reach the office; which fields are
required is configurable, and a province pack can make these rules stricter.
"""

from __future__ import annotations

import re
import unicodedata

from govlint.api import Option, Span, Violation, regex, rule

REACHABLE = ("address", "phone", "email")
FIELD_NAMES = {"address": "地址", "phone": "电话", "email": "电子邮箱", "postcode": "邮编", "fax": "传真",
               "url": "网址", "office": "联系部门"}

_PLACEHOLDER_RE = regex.compile(r"^[\sXx×＊*○〇_—\-.。…]*$")
_PHONE_ITEM_RE = regex.compile(
    r"^(?:"
    r"0\d{2,3}-?\d{7,8}"  # area code + landline
    r"|\(0\d{2,3}\)\d{7,8}"  # (0851)38184556
    r"|1[3-9]\d{9}"  # mobile
    r"|\d{7,8}"  # local landline without area code
    r"|400-?\d{3}-?\d{4}|800-?\d{3}-?\d{4}"  # service numbers
    r"|123\d{2}"  # 12345 hotlines
    r")(?:(?:转|-|ext\.?)\d{1,5})?$",
    re.IGNORECASE,
)
_EMAIL_RE = regex.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def _is_placeholder(value: str) -> bool:
    return _PLACEHOLDER_RE.match(value) is not None


def _distinct(contacts):
    """Contact details once each: a combined label (电话/传真) gives a phone and a fax field
    with one span and one value, which is one thing to check, not two."""
    seen = set()
    for contact in contacts:
        key = (contact.span, contact.value)
        if key not in seen:
            seen.add(key)
            yield contact


def _phone_numbers(value: str) -> list[str]:
    """Individual numbers in a phone field (``0851-3818 4556、13812345678``).

    Full-width digits and dashes are read as their ASCII forms: ０８５１－… is a valid number.
    """
    text = unicodedata.normalize("NFKC", value).replace("—", "-").replace("–", "-")
    text = re.sub(r"(?<=\d)\s+(?=\d)", "", text)
    return [p for p in re.split(r"[、,，;；/或和及\s]+", text) if re.search(r"\d", p)]


@rule("GOV501", "missing-contact", "没有提供联系方式（地址、电话或电子邮箱）", "warning")
def missing_contact(report, options):
    """There is no way to reach the issuing office.

    What it checks:
    At least one of an address (地址), a telephone number (电话) or an e-mail address
    (电子邮箱), given with its label, anywhere in the report — usually in the introduction
    (如对本报告有疑问，请与…联系（地址：…；电话：…）). Words like 电话沟通 or 办公地址 in the body
    are not contact details.

    Why:
    Readers who have questions about the report or want to apply for information need to
    reach the office; most reports give contact details and evaluators expect them. No
    national rule requires them, so a configuration can switch this rule off.

    Failing example:
    根据《条例》规定，现公布本机关2023年政府信息公开工作年度报告。 (and no contact anywhere)

    Passing example:
    如对本报告有疑问，请与本局办公室联系（地址：某市某路1号，电话：0571-87654321）。

    Options:
    None.
    """
    if not report.has_report_content:
        return
    if not any(c.kind in REACHABLE and not _is_placeholder(c.value) for c in report.contacts):
        yield Violation("报告中没有提供联系方式（地址、电话或电子邮箱），读者无法就报告内容进行咨询", Span(1, 1, 1, 1))


@rule(
    "GOV502",
    "missing-contact-field",
    "联系方式缺少配置要求的项目",
    "info",
    options=[
        Option("required", "list[str]", ["phone", "address"], "Contact fields every report must give.",
               choices=("address", "phone", "email", "postcode", "fax", "url", "office")),
    ],
)
def missing_contact_field(report, options):
    """A contact field the configuration requires is absent.

    What it checks:
    When the report gives contact details at all, each field listed in ``required``
    (default: phone and address) must be among them. Reports with no contact details at all
    are reported by GOV501 instead. Labels are read as reports write them: 联系电话, 办公电话,
    letter-spaced 电 话 or 地 址, full-width or no colons, and a number under a combined label
    (电话/传真, 电话（传真）) counts as both the phone and the fax.

    Why:
    Offices that collect reports often require a complete contact block (address, postcode,
    phone, e-mail); which fields are required differs between provinces, so it is an option.

    Failing example:
    如对本报告有疑问，请与本局办公室联系（电子邮箱：office@example.gov.cn）。

    Passing example:
    如对本报告有疑问，请与本局办公室联系（地址：某市某路1号，电话：0571-87654321）。

    Options:
    required (list of address, phone, email, postcode, fax, url, office; default
    ["phone", "address"]): the fields every report must give.
    """
    present = {c.kind for c in report.contacts if not _is_placeholder(c.value)}
    if not present & set(REACHABLE):
        return
    anchor = next((c.span for c in report.contacts), None)
    for kind in options["required"]:
        if kind not in present:
            yield Violation(f"联系方式中缺少{FIELD_NAMES[kind]}", anchor)


@rule("GOV503", "invalid-phone", "电话或传真号码格式不正确", "warning")
def invalid_phone(report, options):
    """A telephone or fax number is not a valid Chinese number.

    What it checks:
    Numbers after 电话/传真 labels: an area-coded landline (0571-87654321, hyphen optional),
    a local landline without area code (7 or 8 digits), a mobile number (11 digits starting
    1[3-9]), a 400/800 service number or a 123xx hotline, optionally with an extension.

    Why:
    A number with a missing or extra digit (a common copy error) leaves readers unable to
    call; evaluators test whether the published contact works.

    Failing example:
    电话：0571-876543

    Passing example:
    电话：0571-87654321

    Options:
    None.
    """
    numbers = [c for c in report.contacts if c.kind in ("phone", "fax")]
    for contact in _distinct(numbers):
        if _is_placeholder(contact.value):
            continue
        for number in _phone_numbers(contact.value):
            if not _PHONE_ITEM_RE.match(number):
                yield Violation(f"{_number_name(contact)}号码「{number}」格式不正确（应如 0571-87654321 或 13812345678）",
                                contact.span)


@rule("GOV504", "invalid-postcode", "邮政编码不是6位数字", "warning")
def invalid_postcode(report, options):
    """A postcode is not six digits.

    What it checks:
    The value after 邮编/邮政编码 must be exactly six digits.

    Why:
    Chinese postcodes have six digits; a wrong postcode misdirects written applications for
    information (条例 第二十九条 allows applications by letter).

    Failing example:
    邮编：32100

    Passing example:
    邮编：321000

    Options:
    None.
    """
    for contact in report.contacts:
        if contact.kind == "postcode" and not _is_placeholder(contact.value):
            code = re.sub(r"\s+", "", unicodedata.normalize("NFKC", contact.value))
            if not re.fullmatch(r"\d{6}", code):
                yield Violation(f"邮政编码「{contact.value}」应为6位数字", contact.span)


def _number_name(contact) -> str:
    """电话, 传真, or 电话/传真 for a number given under a combined label."""
    if "电话" in contact.label and "传真" in contact.label:
        return "电话/传真"
    return FIELD_NAMES[contact.kind]


def _email_hint(address: str) -> str:
    """What to write instead: a full-width ＠ or letter is named, as it is the usual slip."""
    ascii_form = unicodedata.normalize("NFKC", address)
    if ascii_form != address and _EMAIL_RE.match(ascii_form):
        wide = "".join(dict.fromkeys(ch for ch in address if unicodedata.normalize("NFKC", ch) != ch))
        return f"（「{wide}」是全角字符，应写作「{ascii_form}」）"
    return "（应如 office@example.gov.cn）"


@rule("GOV505", "invalid-email", "电子邮箱地址格式不正确", "warning")
def invalid_email(report, options):
    """An e-mail address is not well formed.

    What it checks:
    The value after 电子邮箱/邮箱/E-mail must look like name@domain.tld (spaces inserted by
    PDF extraction are ignored).

    Why:
    A malformed address (missing @, full-width characters, a missing domain) cannot receive
    mail; applications for information by e-mail are common.

    Failing example:
    电子邮箱：office＠example

    Passing example:
    电子邮箱：office@example.gov.cn

    Options:
    None.
    """
    for contact in report.contacts:
        if contact.kind == "email" and not _is_placeholder(contact.value):
            address = re.sub(r"\s+", "", contact.value)
            if not _EMAIL_RE.match(address):
                yield Violation(f"电子邮箱「{contact.value}」格式不正确{_email_hint(address)}", contact.span)


@rule("GOV506", "contact-placeholder", "联系方式为空或为占位符", "warning")
def contact_placeholder(report, options):
    """A contact label is followed by nothing, or by a placeholder such as XX or ××.

    What it checks:
    Every contact label (地址, 电话, 传真, 邮编, 电子邮箱 …) must be followed by a value; an empty
    value or template residue (XX, ××, ___) is reported.

    Why:
    Placeholders left from a template show the report was not finished before publication
    (a real 2025 report read "(电  : 0482-8268516)" with the office name left blank).

    Failing example:
    电话：XXXX-XXXXXXX

    Passing example:
    电话：0482-8268516

    Options:
    None.
    """
    for contact in _distinct(report.contacts):
        if contact.kind in FIELD_NAMES and _is_placeholder(contact.value):
            shown = contact.value.strip() or "空"
            if contact.kind == "office":
                yield Violation(f"「请与…联系」中没有填写联系部门（{shown}）", contact.span)
            else:
                yield Violation(f"「{contact.label}」后没有填写内容（{shown}）", contact.span)


RULES = [missing_contact, missing_contact_field, invalid_phone, invalid_postcode, invalid_email, contact_placeholder]
