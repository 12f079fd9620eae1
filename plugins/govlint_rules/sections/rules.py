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
    """缺少国家格式规定的部分。

    检查内容：
    六个部分是否齐全，按标题（规定的标题或已知的别称）而不是编号查找：一、总体情况；二、主动公开
    政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。诊断指向该部分本应出现的位置。

    原因：
    条例第五十条列出了年度报告的内容，国办公开办函〔2021〕30号把它固定为六个部分：「不能遗漏」。
    监督检查对缺项的报告扣分（「未按照要素撰写年度报告」）。

    错误示例：
    一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …
    五、存在的主要问题及改进情况 …（缺少第四部分）

    正确示例：
    一、总体情况 … 四、政府信息公开行政复议、行政诉讼情况 … 六、其他需要报告的事项 …

    选项：
    无。
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
    """部分顺序错误、编号错误或重复。

    检查内容：
    六个部分按一至六的顺序出现，每个标题的编号与标题所指的部分一致，没有重复出现的部分标题。

    原因：
    国家格式规定了六个部分的顺序；国办公开办函〔2021〕30号要求报告按统一格式编写，以便在不同机关
    和年度之间比较。删去一个部分后把后面的重新编号（四、存在的主要问题…），读者就看不出缺项。

    错误示例：
    三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况 …

    正确示例：
    二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …

    选项：
    无。
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
    """部分标题与国家格式规定的文字不一致。

    检查内容：
    每个部分标题与规定的标题比较（忽略标点和全角半角的差别，如 、/， 或 （）/()）。只能按相似度
    匹配的标题报告；实际报告中常见的已知写法（例如政府信息公开行政复议和行政诉讼情况）接受，
    除非 ``allow-aliases`` 设为 false。

    原因：
    国办公开办函〔2021〕30号要求各机关严格按照统一格式；自行改写的标题使报告更难查找、比较和
    自动评估。

    错误示例：
    五、存在问题和下步改进情况

    正确示例：
    五、存在的主要问题及改进情况

    选项：
    allow-aliases（bool，默认 true）：接受已记录的标题别称。
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
    """部分没有内容，或第五部分只写了「无」。

    检查内容：
    每个部分的标题之后都有文字，第五部分（存在的主要问题及改进情况）不只是写「无」或「暂无」。
    第六部分可以写「无」（没有其他需要报告的事项）。

    原因：
    条例第五十条要求年度报告说明存在的主要问题及改进情况；国办公开办函〔2021〕30号把「敷衍塞责」
    列为追责情形，评估机构把空的第五部分视为缺项。

    错误示例：
    五、存在的主要问题及改进情况
    无。

    正确示例：
    五、存在的主要问题及改进情况
    （一）存在的主要问题：政策解读形式较单一……（二）改进措施：……

    选项：
    无。
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
    """小标题编号跳号、重复，或部分内出现一级编号。

    检查内容：
    在第一、第五和第六部分中，带编号的小标题（（一）…、1.…、(1)…）在每一级都必须逐一递增（下一级
    在每个上一级标题下重新编号）。部分内出现一级编号（一、）也报告，因为它读起来像新的部分。

    原因：
    格式把六个部分编为一至六；分项用（一）、1. 和 (1)。跳号说明某一项被删除（或从别的报告复制）
    而没有重新编号；部分内的一级编号使报告结构对读者和工具都含混不清。

    错误示例：
    （五）政府信息公开平台建设 … （七）加强政府信息公开监督   （缺少（六））

    正确示例：
    （五）政府信息公开平台建设 … （六）加强政府信息公开监督

    选项：
    无。
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
    """引言所说的部分数与实际部分数不符。

    检查内容：
    如果引言说报告由N个部分组成（由…六部分组成、共分6个部分），N应等于找到的部分数。

    原因：
    声称六个部分、实际只有五个部分的报告（真实案例中缺了行政复议）说明删掉了某一项；国办公开办函
    〔2021〕30号要求内容「不能遗漏」。

    错误示例：
    本报告由总体情况……等六部分组成。（但缺少第四部分）

    正确示例：
    本报告由总体情况……等六部分组成。（后面六个部分齐全）

    选项：
    无。
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
    """缺少标题，或标题不是「<机关名称><年份>年政府信息公开工作年度报告」。

    检查内容：
    标题行（第一部分之前，可能分为两行，或爬虫文本中页面的「标题」字段）必须写明发布机关、年份
    和报告名称：<发布机关><年份>年政府信息公开工作年度报告，或年份在前
    （<年份>年<发布机关>政府信息公开工作年度报告，上海的报告这样命名），或年份在名称后的括号中
    （<发布机关>政府信息公开工作年度报告（<年份>年））。用「年度」代替「年」、标题后带简短括注
    （（全文））都接受。引言中只是提到报告名称的句子不算标题。

    原因：
    国办公开办函〔2019〕60号和〔2021〕30号把文件称为政府信息公开工作年度报告；统一的、含机关和
    年份的标题使公众和评估机构能在成千上万个机关的报告中找到并区分它们。漏掉「工作」或年份是
    常见错误。

    错误示例：
    秦皇岛市某乡人民政府2020年政府信息公开年度报告

    正确示例：
    秦皇岛市某乡人民政府2020年政府信息公开工作年度报告；2020年某市人民政府办公厅政府信息公开工作年度报告

    选项：
    require-title（bool，默认 true）：完全没有标题行的报告也报告；检查从页面提取、标题不在正文中的
    文本时关闭。
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
    """2021年格式报告未说明信息处理费收取情况。

    检查内容：
    对2021年格式的报告（格式无法判断时为2021年度及以后的报告）：是否有一句话说明收取的信息处理费，
    或说明没有收取，通常在第六部分。报告的写法很多，都接受：未收取信息处理费、未收取信息公开处理费、
    没有收取信息处理费、未发生政府信息公开收费事项、未收取任何费用、信息处理费0元、收取信息处理费
    共计400元。只有关于实际收费的说明才算：收费办法的名称（《政府信息公开信息处理费管理办法》）、
    小标题（（一）信息处理费收取情况）或其他费用（行政事业性收费）都不算。

    原因：
    2021年格式要求第六部分报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取
    信息处理费的情况；即使没有收费，评估机构也检查是否有这一说明。

    错误示例：
    六、其他需要报告的事项
    无。

    正确示例：
    六、其他需要报告的事项
    本年度未收取政府信息公开信息处理费。

    选项：
    无。
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
