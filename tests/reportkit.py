"""Small synthetic reports for the consistency tests (GOV601–GOV604).

Builds a report from :class:`govlint.synthetic.ReportSpec` (one table row per line, the
``rows`` style) whose table figures the test controls, with the test's own sentences in
the introduction and in sections 一, 五 and 六. A figure the test wants located is written
between ``[[`` and ``]]`` (``新收政府信息公开申请[[16]]件``): :func:`build` removes the
markers and returns the 1-based line and column of each marked text, which is where a
GOV601 diagnostic must point.

Default figures (both formats): 新收 46, 上年结转 4, （七）总计 43, 结转下年度 7, 予以公开 18,
行政复议 总计 2, 行政诉讼 2 (未经复议直接起诉 1 + 复议后起诉 1), 行政规范性文件 制发 2 / 废止 1 /
现行有效 15 (2019: 规范性文件 本年新制作 2), 行政许可 处理决定 1260, 行政处罚 处理决定 85.

Every sentence used with it is written for govlint's tests; none comes from a real report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govlint.synthetic import ReportSpec, consistent_applications, render, review_from_parts

_MARK_RE = re.compile(r"\[\[(.+?)\]\]", re.S)

#: Default section-五 and section-六 paragraphs (long enough for GOV604's min-length).
PROBLEMS = [
    "（一）上年度问题整改情况。针对上年度政策解读形式单一的问题，本年度新增图文解读和视频解读，"
    "解读材料与政策文件同步发布、同步更新，并在门户网站设置解读专栏集中展示。",
    "（二）存在的主要问题。一是部分专栏信息更新不够及时；二是依申请公开答复文书的说理还需加强；"
    "三是基层工作人员业务水平参差不齐，对公开范围的把握不够准确。",
    "（三）改进措施。一是建立栏目更新月度巡查制度，发现问题限时整改；二是组织答复文书专题培训，"
    "规范答复的依据和说理；三是编印业务手册，开展案例交流。",
]
OTHER = [
    "本年度未收取政府信息公开信息处理费。按照上级政务公开工作要点的部署，完成本领域基层政务公开"
    "标准目录的动态调整，各项任务均已落实到位，并将落实情况在门户网站专栏集中公开，接受社会监督。",
]


@dataclass
class Built:
    """A rendered report: its text and the (line, column) of each ``[[…]]`` marker, in order."""

    text: str
    marks: list[tuple[int, int]]

    def line_of(self, label: str) -> int:
        """1-based number of the first line whose first cell (or a cell after a tab) starts
        with ``label``: the line of a table row (``（七）总计``, ``行政许可\t``)."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            if line.startswith(label) or "\t" + label in line:
                return number
        raise AssertionError(f"no line with a cell starting {label!r}")

    def review_line(self) -> int:
        """1-based number of the line holding the 15 section-四 values."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            if re.fullmatch(r"\d+(?:\t\d+){14}", line):
                return number
        raise AssertionError("no section-四 value line")


def _seven(value: int | Sequence[int]) -> list[int]:
    if isinstance(value, int):
        return [value, 0, 0, 0, 0, 0]
    values = list(value)
    assert len(values) == 6, "six applicant columns (without 总计)"
    return values


def spec(
    *,
    template: str = "2021",
    year: int = 2023,
    issuer: str = "云溪县示范局",
    overview: Sequence[str] = ("全年政府信息公开工作平稳有序。",),
    problems: Sequence[str] = tuple(PROBLEMS),
    other: Sequence[str] = tuple(OTHER),
    granted: int | Sequence[int] = 18,
    partial: int | Sequence[int] = 25,
    results: Mapping[str, int | Sequence[int]] | None = None,
    carried_in: int | Sequence[int] = 4,
    carried_out: int | Sequence[int] = 7,
    review: Sequence[int] = (1, 0, 1, 0),
    suit_direct: Sequence[int] = (1, 0, 0, 0),
    suit_after_review: Sequence[int] = (0, 0, 0, 1),
    rules: Sequence[int] = (0, 0, 0),
    normative: Sequence[int] = (2, 1, 15),
    licensing: int = 1260,
    penalty: int = 85,
) -> ReportSpec:
    """A consistent spec: （七）总计 = 予以公开 + 部分公开 (+ ``results``, other result rows by
    key: ``{"denied.1": 2}``), 新收 = 总计 + 结转下年度 − 上年结转."""
    apps = consistent_applications(
        template,
        {"granted": _seven(granted), "partial": _seven(partial),
         **{key: _seven(value) for key, value in (results or {}).items()}},
        _seven(carried_in),
        _seven(carried_out),
    )
    if template == "2021":
        active = {
            "item1": {"rules": list(rules), "normative": list(normative)},
            "item5": {"licensing": [licensing]},
            "item6": {"penalty": [penalty], "enforcement": [3]},
        }
    else:
        made = normative[0]
        active = {
            "item1": {"rules": [rules[0], rules[0], rules[2]], "normative": [made, made, normative[2]]},
            "item5": {"licensing": [licensing, 0, licensing]},
            "item6": {"penalty": [penalty, 0, penalty], "enforcement": [3, 0, 3]},
        }
    return ReportSpec(
        template=template,
        year=year,
        issuer=issuer,
        active=active,
        applications=apps,
        review=review_from_parts([list(review), list(suit_direct), list(suit_after_review)]),
        period=f"本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。",
        prose={1: list(overview), 5: list(problems), 6: list(other)},
    )


def build(
    *,
    intro: str = "",
    edits: Mapping[str, str] | None = None,
    **fields,
) -> Built:
    """Render a report (see :func:`spec` for ``fields``) and locate its ``[[…]]`` markers.

    ``intro`` is appended to the introduction paragraph; ``edits`` are plain text
    replacements applied to the rendered text (each must match), e.g. to cut a table cell.
    """
    text = render(spec(**fields), "rows")
    if intro:
        lines = text.split("\n")
        lines[1] = lines[1] + intro
        text = "\n".join(lines)
    for old, new in (edits or {}).items():
        assert old in text, f"edit target not found: {old!r}"
        text = text.replace(old, new, 1)
    marks: list[tuple[int, int]] = []
    parts: list[str] = []
    last = 0
    for match in _MARK_RE.finditer(text):
        parts.append(text[last : match.start()])
        before = "".join(parts)
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        marks.append((line, column))
        parts.append(match.group(1))
        last = match.end()
    parts.append(text[last:])
    return Built("".join(parts), marks)
