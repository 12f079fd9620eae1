"""Rules about the six sections: presence, order, titles, content, numbering, part count."""

from __future__ import annotations

import re

from govlint.api import Option, Span, Violation, label_key, regex, rule, templates

SECTIONS = templates.SECTIONS

_CN = "零一二三四五六七八九十"


def _cn(number: int) -> str:
    """Chinese numeral for 1–99 (for messages)."""
    if number <= 10:
        return _CN[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


def _start(span: Span) -> Span:
    return Span(span.line, span.column, span.line, span.column + 1)


@rule("GOV201", "missing-section", "缺少格式规定的部分", "error", templates=templates.NATIONAL)
def missing_section(report, options):
    """A section of the national format is missing.

    What it checks:
    That all six sections are present, found by their titles (official title or a known
    alias), not by their numerals: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息
    公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况;
    六、其他需要报告的事项. The finding points where the section should have been.

    Why:
    条例 第五十条 lists the content of the annual report and 国办公开办函〔2021〕30号 fixes it
    as six parts: "不能遗漏". Supervisors deduct points for reports with missing items
    ("未按照要素撰写年度报告").

    Failing example:
    一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …
    五、存在的主要问题及改进情况 … (四 is missing)

    Passing example:
    一、总体情况 … 四、政府信息公开行政复议、行政诉讼情况 … 六、其他需要报告的事项 …

    Options:
    None.
    """
    if not report.sections:
        return  # GOV002 (not-a-report) or nothing recognisable at all
    present = {s.number for s in report.sections}
    ordered = sorted(report.sections, key=lambda s: (s.span.line, s.span.column))
    for spec in SECTIONS:
        if spec.number in present:
            continue
        following = [s for s in ordered if s.number > spec.number]
        preceding = [s for s in ordered if s.number < spec.number]
        if following:
            anchor = following[0]
            where = f"，应位于「{anchor.numeral}、{anchor.title}」之前"
            span = _start(anchor.span)
        else:
            anchor = preceding[-1]
            where = f"，应位于「{anchor.numeral}、{anchor.title}」之后"
            span = Span(anchor.end_line, 1, anchor.end_line, 1)
        yield Violation(f"缺少{spec.label}{where}", span)


@rule("GOV202", "section-order", "部分顺序、编号错误或重复", "error", templates=templates.NATIONAL)
def section_order(report, options):
    """Sections are out of order, misnumbered or repeated.

    What it checks:
    That the six sections appear in the order 一 to 六, that each heading's numeral matches
    the section its title names, and that no section title occurs twice.

    Why:
    The national format fixes the order of the six parts; 国办公开办函〔2021〕30号 requires
    reports to follow the unified format so that they can be compared across organs and
    years. A report that dropped a part and renumbered the rest (四、存在的主要问题…) hides the
    omission from readers.

    Failing example:
    三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况 …

    Passing example:
    二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …

    Options:
    None.
    """
    highest = None
    for section in report.sections:
        spec = SECTIONS[section.number - 1]
        if section.numeral and section.numeral != spec.numeral:
            yield Violation(
                f"标题编号「{section.numeral}、」与内容不符：「{section.title}」是{spec.label}，编号应为「{spec.numeral}、」",
                section.span,
            )
        if highest is not None and section.number < highest.number:
            yield Violation(
                f"{spec.label}出现在第{highest.numeral}部分「{highest.numeral}、{highest.title}」之后，"
                "六个部分应按一至六的顺序排列",
                section.span,
            )
        if highest is None or section.number > highest.number:
            highest = section
    for repeated in report.duplicate_sections:
        first = report.section(repeated.number)
        where = f"（第一次出现在第 {first.span.line} 行）" if first else ""
        yield Violation(f"{SECTIONS[repeated.number - 1].label}重复出现{where}", repeated.span)


@rule(
    "GOV203",
    "nonstandard-section-title",
    "部分标题与格式规定的标题不一致",
    "warning",
    options=[
        Option(
            "allow-aliases",
            "bool",
            True,
            "Accept the title variants documented in real reports (e.g. 政府信息公开行政复议和行政诉讼情况).",
        )
    ],
    templates=templates.NATIONAL,
)
def nonstandard_section_title(report, options):
    """A section title differs from the wording of the national format.

    What it checks:
    Each section title against the official title (punctuation and width differences such as
    、/， or （）/() are ignored). Titles that only match by similarity are reported; known
    variants seen in real reports (for example 政府信息公开行政复议和行政诉讼情况) are accepted
    unless ``allow-aliases`` is false.

    Why:
    国办公开办函〔2021〕30号 asks organs to follow the unified format strictly; local wording
    makes reports harder to find, compare and evaluate automatically.

    Failing example:
    五、存在问题和下步改进情况

    Passing example:
    五、存在的主要问题及改进情况

    Options:
    allow-aliases (bool, default true): accept documented variants of the titles.
    """
    for section in [*report.sections, *report.duplicate_sections]:
        if section.match == "official":
            continue
        if section.match == "alias" and options["allow-aliases"]:
            continue
        spec = SECTIONS[section.number - 1]
        yield Violation(
            f"第{spec.numeral}部分标题「{section.title}」与格式规定的「{spec.title}」不一致",
            section.span,
        )


_NOTHING = {"无", "暂无", "没有", "无此项", "无相关情况", "略"}


@rule("GOV204", "empty-section", "部分没有内容，或第五部分只写了「无」", "warning", templates=templates.NATIONAL)
def empty_section(report, options):
    """A section has no content, or section 五 only says 无.

    What it checks:
    That every section has text after its title, and that section 五 (存在的主要问题及改进情况)
    says more than 无/暂无. Section 六 may legitimately say 无 (nothing else to report).

    Why:
    条例 第五十条 requires the report to state its main problems and improvements; 国办公开办函
    〔2021〕30号 names "敷衍塞责" as a ground for accountability, and evaluators treat an empty
    part 五 as a missing item.

    Failing example:
    五、存在的主要问题及改进情况
    无。

    Passing example:
    五、存在的主要问题及改进情况
    （一）存在的主要问题：政策解读形式较单一……（二）改进措施：……

    Options:
    None.
    """
    for section in report.sections:
        spec = SECTIONS[section.number - 1]
        key = label_key(section.text)
        if not key:
            yield Violation(f"{spec.label}没有内容", section.span)
        elif section.number == 5 and key in _NOTHING:
            yield Violation(f"{spec.label}只写了「{section.text.strip()}」，应说明存在的主要问题和改进情况", section.span)


_STYLE_FORMS = {
    "cn_paren": lambda n: f"（{_cn(n)}）",
    "cn_dun": lambda n: f"{_cn(n)}、",
    "arabic_dot": lambda n: f"{n}.",
    "arabic_paren": lambda n: f"({n})",
}


@rule("GOV205", "heading-numbering", "小标题编号跳号、重复，或部分内出现一级编号", "warning", templates=templates.NATIONAL)
def heading_numbering(report, options):
    """Sub-heading numbers inside a section skip, repeat, or use top-level numerals.

    What it checks:
    In sections 一, 五 and 六, numbered sub-headings ((一)…, 1.…, (1)…) must count up by one
    at each level (a lower level restarts under each higher-level heading). A top-level
    numeral (一、) inside a section is reported too, because it reads as a new section.

    Why:
    The format numbers the six parts 一 to 六; sub-items use (一), 1. and (1). Gaps show that
    an item was deleted (or copied from another report) without renumbering, and top-level
    numerals inside a section make the report's structure ambiguous to readers and tools.

    Failing example:
    （五）政府信息公开平台建设 … （七）加强政府信息公开监督   (（六） is missing)

    Passing example:
    （五）政府信息公开平台建设 … （六）加强政府信息公开监督

    Options:
    None.
    """
    for section in report.sections:
        stack: list[list] = []  # [style, last number]
        spec = SECTIONS[section.number - 1]
        top_level = [h for h in section.headings if h.style == "cn_dun"]
        if top_level:  # one style problem of the section, however many such headings it has
            shown = "」「".join(_STYLE_FORMS["cn_dun"](h.number) for h in top_level)
            yield Violation(
                f"{spec.label}内出现一级编号「{shown}」，容易与报告的部分编号混淆，小标题宜用「（一）」「1.」等编号",
                top_level[0].span,
            )
        for heading in section.headings:
            form = _STYLE_FORMS[heading.style]
            levels = [entry[0] for entry in stack]
            if heading.style in levels:
                del stack[levels.index(heading.style) + 1 :]
                last = stack[-1][1]
                expected = last + 1
                stack[-1][1] = heading.number
            else:
                stack.append([heading.style, heading.number])
                expected = 1
            if heading.number == expected:
                continue
            if heading.number <= expected - 1:
                detail = f"编号「{form(heading.number)}」重复或倒序（前一个是「{form(expected - 1)}」）"
            else:
                missing = "、".join(form(n) for n in range(expected, heading.number))
                detail = f"编号跳到「{form(heading.number)}」，缺少「{missing}」"
            yield Violation(f"{spec.label}的小标题{detail}", heading.span)


@rule("GOV206", "part-count-mismatch", "引言所说的部分数与实际部分数不符", "warning", templates=templates.NATIONAL)
def part_count_mismatch(report, options):
    """The introduction's "由…N部分组成" disagrees with the sections present.

    What it checks:
    If the introduction says the report consists of N parts (由…六部分组成, 共分6个部分), that
    N equals the number of sections found.

    Why:
    A report that announces six parts but contains five (a real case omitted 行政复议) shows an
    item was deleted; 国办公开办函〔2021〕30号 says the content "不能遗漏".

    Failing example:
    本报告由总体情况……等六部分组成。 (but section 四 is missing)

    Passing example:
    本报告由总体情况……等六部分组成。 (and all six sections follow)

    Options:
    None.
    """
    stated = report.part_count
    if stated is None or stated.value is None or not report.sections:
        return
    found = len(report.sections)
    if stated.value != found:
        present = {s.number for s in report.sections}
        missing = [SECTIONS[n - 1].label for n in range(1, 7) if n not in present]
        detail = f"（缺少{'、'.join(missing)}）" if missing and found < stated.value else ""
        yield Violation(
            f"引言称报告由{_cn(stated.value)}部分组成，实际找到{_cn(found)}个部分{detail}",
            stated.span,
        )


_REPORT_NAME = "政府信息公开工作年度报告"
_NOTE = r"(?:[(（][^()（）]{1,12}[)）])?"
#: The accepted title forms (whitespace removed): the body and the year in either order, or
#: the year in parentheses after the name; a short note in parentheses may follow (（全文）).
_TITLE_FORMS = (
    regex.compile(rf"^(?P<issuer>[^\d]{{2,}}?)(?P<year>\d{{4}})年度?{_REPORT_NAME}{_NOTE}$"),
    regex.compile(rf"^(?P<year>\d{{4}})年度?(?P<issuer>(?!度)[^\d]{{2,}}?){_REPORT_NAME}{_NOTE}$"),
    regex.compile(rf"^(?P<issuer>[^\d]{{2,}}?){_REPORT_NAME}[(（](?P<year>\d{{4}})年度?[)）]$"),
)
_TITLE_SHAPE = "「<机关名称><年份>年政府信息公开工作年度报告」"


def _title_ok(compact: str) -> bool:
    """Whether a title (whitespace removed) names the body, the year and the report."""
    return any(form.match(compact) for form in _TITLE_FORMS)


@rule(
    "GOV207",
    "title-format",
    "缺少标题，或标题不是「<机关名称><年份>年政府信息公开工作年度报告」",
    "warning",
    options=[Option("require-title", "bool", True, "Report a report that has no title line at all.")],
)
def title_format(report, options):
    """The report has no title, or its title is not "<body><year>年政府信息公开工作年度报告".

    What it checks:
    The title line (before section 一, possibly split over two lines, or the page's
    标题 field in crawler text) must name the issuing body, the year and the report:
    <issuing body><year>年政府信息公开工作年度报告, or with the year first
    (<year>年<issuing body>政府信息公开工作年度报告, as Shanghai titles its reports), or with the
    year in parentheses after the name (<issuing body>政府信息公开工作年度报告（<year>年）).
    年度 instead of 年 and a short note in parentheses after the title (（全文）) are accepted.
    A sentence of the introduction that merely mentions the report name is not a title.

    Why:
    国办公开办函〔2019〕60号 and 〔2021〕30号 name the document 政府信息公开工作年度报告; a uniform
    title with the body and the year lets the public and evaluators find and tell apart the
    reports of thousands of organs. Titles without 工作 or without the year are common errors.

    Failing example:
    秦皇岛市某乡人民政府2020年政府信息公开年度报告

    Passing example:
    秦皇岛市某乡人民政府2020年政府信息公开工作年度报告; 2020年某市人民政府办公厅政府信息公开工作年度报告

    Options:
    require-title (bool, default true): report a report with no title line at all; turn it
    off for text extracted from pages that keep the title outside the article body.
    """
    if report.title is None:
        if options["require-title"] and report.has_report_content:
            yield Violation(f"报告没有单独的标题行，标题应为{_TITLE_SHAPE}", Span(1, 1, 1, 1))
        return
    compact = re.sub(r"\s+", "", report.title.text)
    if _title_ok(compact):
        return
    hints = []
    if "年度报告" in compact and "工作年度报告" not in compact:
        hints.append("缺少「工作」二字")
    if not re.search(r"\d{4}", compact):
        hints.append("年份应使用阿拉伯数字" if re.search(r"[〇零○一二三四五六七八九]{4}年", compact) else "缺少年份")
    elif not re.sub(r"\d{4}年度?|(?:政府信息公开|政务公开).*$", "", compact):
        hints.append("缺少机关名称")
    hint = f"（{'；'.join(hints)}）" if hints else ""
    yield Violation(f"标题「{compact}」不符合{_TITLE_SHAPE}的格式{hint}", report.title.span)


@rule("GOV208", "missing-fee-statement", "2021年格式报告未说明信息处理费收取情况", "warning", templates=templates.NATIONAL)
def missing_fee_statement(report, options):
    """A 2021-format report does not say what 信息处理费 it charged.

    What it checks:
    For reports in the 2021 format (or for 2021 and later when the format cannot be
    determined): a sentence stating the information processing fees charged, or that none
    were charged, usually in section 六. Reports word it in many ways, all accepted:
    未收取信息处理费, 未收取信息公开处理费, 没有收取信息处理费, 未发生政府信息公开收费事项,
    未收取任何费用, 信息处理费0元, 收取信息处理费共计400元. Only a statement about fees
    charged counts: the title of the fee regulation (《政府信息公开信息处理费管理办法》), a
    topic heading (（一）信息处理费收取情况) or other fees (行政事业性收费) do not.

    Why:
    The 2021 format asks section 六 to report the 信息处理费 collected under 《政府信息公开信息
    处理费管理办法》 (国办函〔2020〕109号); evaluators check for the statement even when no fee
    was charged.

    Failing example:
    六、其他需要报告的事项
    无。

    Passing example:
    六、其他需要报告的事项
    本年度未收取政府信息公开信息处理费。

    Options:
    None.
    """
    uses_2021 = report.template == "2021" or (report.template == "unknown" and (report.year or 0) >= 2021)
    if not uses_2021 or report.fee_statement is not None or not report.has_report_content:
        return
    section = report.section(6)
    where = section.span if section else None
    yield Violation(
        "未说明信息处理费的收取情况：2021年格式要求在第六部分报告依《政府信息公开信息处理费管理办法》收取信息处理费的情况"
        "（未收取的写明「本年度未收取信息处理费」）",
        where,
    )


RULES = [
    missing_section,
    section_order,
    nonstandard_section_title,
    empty_section,
    heading_numbering,
    part_count_mismatch,
    title_format,
    missing_fee_statement,
]
