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
    """没有提供联系发布机关的方式。

    检查内容：
    报告中任何地方至少有地址、电话或电子邮箱之一，并带有标签——通常在引言中（如对本报告有疑问，
    请与…联系（地址：…；电话：…））。正文中的「电话沟通」「办公地址」之类的词不算联系方式。

    原因：
    对报告有疑问或想申请公开信息的读者需要联系到机关；大多数报告都提供联系方式，评估机构也会看。
    国家没有规定必须提供，因此可以在配置中关闭本规则。

    错误示例：
    根据《条例》规定，现公布本机关2023年政府信息公开工作年度报告。（全文都没有联系方式）

    正确示例：
    如对本报告有疑问，请与本局办公室联系（地址：某市某路1号，电话：0571-87654321）。

    选项：
    无。
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
    """联系方式缺少配置要求的项目。

    检查内容：
    报告提供了联系方式时，``required`` 中列出的每一项（默认：电话和地址）都必须在其中。完全没有
    联系方式的报告由 GOV501 报告。标签按报告的实际写法读取：联系电话、办公电话、字间加空格的
    「电 话」「地 址」、全角冒号或没有冒号；合并标签（电话/传真、电话（传真））后的号码同时算作
    电话和传真。

    原因：
    汇总报告的单位常要求完整的联系方式（地址、邮编、电话、电子邮箱）；各省要求的项目不同，
    因此作为选项。

    错误示例：
    如对本报告有疑问，请与本局办公室联系（电子邮箱：office@example.gov.cn）。

    正确示例：
    如对本报告有疑问，请与本局办公室联系（地址：某市某路1号，电话：0571-87654321）。

    选项：
    required（address、phone、email、postcode、fax、url、office 的列表；默认 ["phone", "address"]）：
    每份报告都必须提供的项目。
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
    """电话或传真号码不是有效的中国号码。

    检查内容：
    电话/传真标签后的号码：带区号的固定电话（0571-87654321，连字符可有可无）、不带区号的本地固定
    电话（7或8位）、手机号码（11位，以1[3-9]开头）、400/800服务号码或123xx热线，可以带分机号。

    原因：
    少一位或多一位的号码（常见的复制错误）使读者无法拨打；评估机构会测试公布的联系方式是否可用。

    错误示例：
    电话：0571-876543

    正确示例：
    电话：0571-87654321

    选项：
    无。
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
    """邮政编码不是6位数字。

    检查内容：
    邮编/邮政编码之后的值必须恰好是6位数字。

    原因：
    中国的邮政编码是6位；错误的邮编会使书面申请寄错（条例第二十九条允许以信函方式申请）。

    错误示例：
    邮编：32100

    正确示例：
    邮编：321000

    选项：
    无。
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
    """电子邮箱地址格式不正确。

    检查内容：
    电子邮箱/邮箱/E-mail 之后的值必须形如 name@domain.tld（PDF 提取时插入的空格忽略）。

    原因：
    格式错误的地址（缺少 @、全角字符、缺少域名）收不到邮件；通过电子邮件申请公开信息很常见。

    错误示例：
    电子邮箱：office＠example

    正确示例：
    电子邮箱：office@example.gov.cn

    选项：
    无。
    """
    for contact in report.contacts:
        if contact.kind == "email" and not _is_placeholder(contact.value):
            address = re.sub(r"\s+", "", contact.value)
            if not _EMAIL_RE.match(address):
                yield Violation(f"电子邮箱「{contact.value}」格式不正确{_email_hint(address)}", contact.span)


@rule("GOV506", "contact-placeholder", "联系方式为空或为占位符", "warning")
def contact_placeholder(report, options):
    """联系方式标签后为空，或为 XX、×× 之类的占位符。

    检查内容：
    每个联系方式标签（地址、电话、传真、邮编、电子邮箱 …）后面都必须有值；值为空或是模板残留
    （XX、××、___）的报告此项。

    原因：
    模板留下的占位符说明报告在发布前没有完成（一份真实的2025年报告写着「(电  : 0482-8268516)」，
    办公室名称空着）。

    错误示例：
    电话：XXXX-XXXXXXX

    正确示例：
    电话：0482-8268516

    选项：
    无。
    """
    for contact in _distinct(report.contacts):
        if contact.kind in FIELD_NAMES and _is_placeholder(contact.value):
            shown = contact.value.strip() or "空"
            if contact.kind == "office":
                yield Violation(f"「请与…联系」中没有填写联系部门（{shown}）", contact.span)
            else:
                yield Violation(f"「{contact.label}」后没有填写内容（{shown}）", contact.span)


RULES = [missing_contact, missing_contact_field, invalid_phone, invalid_postcode, invalid_email, contact_placeholder]
