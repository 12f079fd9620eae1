"""Synthetic sentences: issuer names, statistics period, contact details, fee statement, prose.

Every sentence here is written for govlint; none is taken from a real report. Place
names are invented, phone numbers random, e-mail addresses under ``example.gov.cn``.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from govlint.templates import FORMAT_2021, FORMAT_DOCUMENTS, SECTIONS

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.synthetic.spec import ReportSpec

_PLACES = ("青石市", "云溪县", "南岭区", "白沙镇", "临川县", "东湖区", "松原乡", "北塘街道", "丰岩市", "清河区")
_ORGANS = (
    "人民政府办公室", "自然资源局", "城市管理局", "财政局", "市场监督管理局", "人民政府",
    "教育局", "卫生健康委员会", "交通运输局", "办事处",
)


def issuer_name(rng: random.Random) -> str:
    """An invented issuing body, e.g. ``云溪县财政局``."""
    place = rng.choice(_PLACES)
    organ = rng.choice(_ORGANS)
    if place.endswith(("街道", "镇", "乡")):
        organ = rng.choice(("人民政府", "办事处")) if not place.endswith("街道") else "办事处"
    return place + organ


def _period_sentence(rng: random.Random, year: int) -> str:
    lead = rng.choice(("本报告中所列数据的统计期限", "本报告所列数据统计期限", "报告中所列数据的统计时限"))
    if rng.random() < 0.5:
        return f"{lead}为{year}年1月1日至{year}年12月31日。"
    return f"{lead}自{year}年1月1日起至{year}年12月31日止。"


def _contact_sentence(rng: random.Random, issuer: str) -> str:
    area = f"0{rng.randint(100, 999)}"
    phone = f"{area}-{rng.randint(2000000, 8999999)}"
    postcode = f"{rng.randint(100000, 899999)}"
    mailbox = f"xxgk{rng.randint(10, 99)}@example.gov.cn"
    road = rng.choice(("建设路", "人民大道", "文化街", "滨江路", "新华路"))
    return (
        f"如对本报告有疑问，请与{issuer}办公室联系（地址：{road}{rng.randint(1, 300)}号；"
        f"邮编：{postcode}；电话：{phone}；电子邮箱：{mailbox}）。"
    )


def _fee_sentence(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "本年度未收取政府信息公开信息处理费。"
    return f"本年度依法收取信息处理费{rng.randint(1, 30) * 10}元。"


def intro(spec: "ReportSpec", site: str) -> str:
    """The opening paragraph: basis, the six parts, period, download site and contact."""
    titles = "、".join(section.title for section in SECTIONS)
    parts = (
        f"本报告依据《中华人民共和国政府信息公开条例》和{FORMAT_DOCUMENTS[spec.template]}的要求编制，"
        f"由{titles}等六部分组成。"
    )
    tail = spec.period or ""
    tail += f"本报告电子版可在{site}下载。"
    tail += spec.contact or ""
    return parts + tail


def add_sentences(rng: random.Random, spec: "ReportSpec") -> None:
    """Fill ``spec``'s period, contact and fee sentences, prose and dates.

    The prose of section 一 quotes the table totals (新收, 结转, 办结, 行政复议, 行政诉讼), so
    prose-versus-table rules have something to check; with consistent tables they agree.
    """
    spec.period = _period_sentence(rng, spec.year) if rng.random() < 0.85 else None
    spec.contact = _contact_sentence(rng, spec.issuer) if rng.random() < 0.7 else None
    spec.fee = _fee_sentence(rng) if spec.template == FORMAT_2021 or rng.random() < 0.5 else None
    apps = spec.applications
    review_total = spec.review_group("review")[-1]
    suits = spec.review_group("suit_direct")[-1] + spec.review_group("suit_after_review")[-1]
    published = rng.randint(20, 900)
    spec.prose = {
        1: [
            f"{spec.year}年，我单位认真落实政府信息公开各项要求，持续提升公开质量，现将有关情况报告如下。",
            f"（一）主动公开。全年通过门户网站发布各类信息{published}条，围绕重点领域做好政策发布和解读工作。",
            f"（二）依申请公开。全年新收政府信息公开申请{apps['new'][-1]}件，上年结转{apps['carried_in'][-1]}件，"
            f"办结{apps['total'][-1]}件，结转下年度继续办理{apps['carried_out'][-1]}件。",
            "（三）政府信息管理。落实公开前审查制度，定期清理更新已公开信息。",
            "（四）政府信息公开平台建设。完善网站公开专栏，加强政务新媒体日常维护。",
            f"（五）监督保障。全年发生政府信息公开行政复议{review_total}件、行政诉讼{suits}件，"
            "将公开工作纳入年度考核。",
        ],
        5: [
            "工作中仍存在公开内容不够全面、解读形式较为单一等不足。",
            "下一步，一是加强业务培训，二是完善审查流程，三是丰富解读形式。",
        ],
        6: [spec.fee or "无其他需要报告的事项。"],
    }
    spec.signed = f"{spec.year + 1}年1月{rng.randint(5, 28)}日"
    spec.published = f"{spec.year + 1}-01-{rng.randint(5, 28):02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
