"""Crawler-text reports written by the tests: the whole report on ONE line, cells run together.

A web crawler that captures a report page keeps a few ``key: value`` header lines and then
the body as one line: headings, prose and table cells concatenated without separators,
with the odd stray space where a cell had padding. :func:`crawler_report` writes such a
report (2021 format by default) from the cells the test chooses, written as the test wants
them run together (``"21710000218"``, ``"15 0 00 0 116"``). Every sentence here was written
for govlint's tests.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from govlint.templates import (
    APPLICANT_COLUMNS,
    APPLICANT_HEADER_LABELS,
    APPLICATION_NOTE,
    FORMAT_2021,
    FORMATS,
    REVIEW_COLUMNS,
    REVIEW_HEADER_LABELS,
)

HEADER = (
    "标题: 青石县自然资源局2024年政府信息公开工作年度报告\n"
    "发布时间: 2025-01-20 10:00\n"
    "文号: \n"
    "发布机构: 青石县自然资源局\n"
    "原文链接: https://xxgk.example.gov.cn/nb/2024/index.html\n"
)
INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
    "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
    "本报告所列数据统计期限为2024年1月1日至2024年12月31日。如有疑问请联系本局办公室（电话：0571-8800123）。"
)
SECTION_ONE = (
    "2024年，本局持续推进政务公开。（一）主动公开。全年发布信息312条。（二）依申请公开。依法答复每一件申请。"
    "（三）政府信息管理。落实公开前审查。（四）平台建设。完善公开专栏。（五）监督保障。纳入年度考核。"
)
SECTION_FIVE = "本年度存在专栏更新不及时的问题。下一步将建立巡查制度，限期整改。"
SECTION_SIX = "本年度未收取信息处理费。"
ZERO_ROW = "0" * 7
ZERO_REVIEW = "0" * 15


def glue(values: Sequence[int], rng: random.Random | None = None, space_share: float = 0.0) -> str:
    """``values`` run together, with a stray space between some cells (``rng``, ``space_share``)."""
    out = [str(values[0])] if values else []
    for value in values[1:]:
        out.append(" " if rng is not None and rng.random() < space_share else "")
        out.append(str(value))
    return "".join(out)


def applications_text(cells: Mapping[str, str], template: str = FORMAT_2021,
                      label_space: Mapping[str, bool] | None = None) -> str:
    """Section 三 as crawler text: caption, note, header cells, then each label and its cells."""
    spec = FORMATS[template].applications
    header = [APPLICANT_HEADER_LABELS[0], APPLICANT_COLUMNS[0][1], APPLICANT_HEADER_LABELS[1], APPLICANT_COLUMNS[-1][1],
              *[label for _, label in APPLICANT_COLUMNS[1:-1]]]
    body = []
    for row in spec.rows:
        body.append(row.label)
        if row.data:
            if label_space and label_space.get(row.key):
                body.append(" ")
            body.append(cells.get(row.key, ZERO_ROW))
    return "三、收到和处理政府信息公开申请情况" + APPLICATION_NOTE + "".join(header) + "".join(body)


def review_text(values: str = ZERO_REVIEW) -> str:
    """Section 四 as crawler text: every header cell, then the 15 values as written."""
    header = [REVIEW_HEADER_LABELS[0], REVIEW_HEADER_LABELS[1]] + [label for _, label in REVIEW_COLUMNS]
    header += [REVIEW_HEADER_LABELS[2], REVIEW_HEADER_LABELS[3]] + [label for _, label in REVIEW_COLUMNS] * 2
    return "四、政府信息公开行政复议、行政诉讼情况" + "".join(header) + values


def active_text(rules: str = "000", normative: str = "2 1 15") -> str:
    """Section 二 (2021 format) as crawler text, with the two 第二十条第（一）项 rows as written."""
    return (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        f"规章{rules}行政规范性文件{normative}"
        "第二十条第（五）项信息内容本年处理决定数量行政许可36"
        "第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制3"
        "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
    )


def crawler_report(
    applications: Mapping[str, str] | None = None,
    review: str = ZERO_REVIEW,
    active: str | None = None,
    section_one: str = SECTION_ONE,
    section_five: str = SECTION_FIVE,
    section_six: str = SECTION_SIX,
    template: str = FORMAT_2021,
    label_space: Mapping[str, bool] | None = None,
) -> str:
    """A whole crawler report; the section-三 rows not given are all zeros."""
    body = (
        INTRO
        + "一、总体情况" + section_one
        + (active if active is not None else active_text())
        + applications_text(applications or {}, template, label_space)
        + review_text(review)
        + "五、存在的主要问题及改进情况" + section_five
        + "六、其他需要报告的事项" + section_six
    )
    return HEADER + body + "\n"
