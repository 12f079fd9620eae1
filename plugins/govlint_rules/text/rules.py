"""The text defects evaluators find by reading the prose (GOV7xx).

Each rule is a pure function of the prose facts the parser records (``report.prose``, see
:mod:`govlint.model_prose`). Precision first: a rule says nothing when the parser recorded
anything that makes the statement unsure (an approximate number, a list ending in 等, a
carry-over in the sentence, a region named on purpose), so every finding is a defect a
reader can confirm by looking at the sentence.
"""

from __future__ import annotations

from govlint.api import Option, Violation, format_number, rule

#: Percentage points a written percentage may differ from its count ÷ base (domain.md
#: TXT-NUM: 1/130 = 0.77% written 0.7% is truncation, tolerated).
PERCENT_TOLERANCE = 0.1
_STYLE_FORMS = {
    "shi": lambda n: f"{_cn(n)}是",
    "ordinal": lambda n: f"第{_cn(n)}",
    "cn_paren": lambda n: f"（{_cn(n)}）",
    "arabic_paren": lambda n: f"（{n}）",
    "circled": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
}


def _cn(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def _quote(count) -> str:
    """The clause of a count as written around it (全年共受理审批事项86件)."""
    return count.clause or count.text


# --------------------------------------------------------------------------- GOV701

#: Qualifiers that cannot make items add up to *more* than their total: items still being
#: handled are left out of a list, and items in the next sentence only add to it.
_EXCESS_STILL_WRONG = frozenset({"pending", "sentence-start"})

@rule("GOV701", "list-sum-mismatch", "分项列举之和与所述总数不符", "warning")
def list_sum_mismatch(report, options):
    """分项列举之和与前面所述的总数不符。

    检查内容：
    一个总数后接「其中/包括/分别为」和量词相同的分项，直到句末：``政府信息公开行政复议351件，其中结果
    维持72件，结果纠正64件，其他结果178件，尚未审结37件``。各分项相加后与总数比较。带「其中」的列举可能
    只列出总数的主要部分，因此分项之和小于总数时，只有列举以兜底项（其他…、其余…）结束、构成完整划分，
    并且该段没有说明部分仍在办理（结转、顺延、正在办理）时才报告；分项之和*大于*总数的总是报告。以下
    情况不判断：某分项不是单纯的「标签 + 数字」（``15条共230次``、数字后还有文字、标签含数字）、列举以
    「等」结束、某分项使用其他量词（条与次）、数字是约数（余、近、超）、某分项是跨越其他分项的主题或另一
    口径（涉及…、办结…）、列举中的「其中」又开启一个列举、开头或末尾的几项单独就构成总数（其余各项是
    第二次细分：先按申请人，再按渠道），或列举只有一项。

    原因：
    总数与自己的细分矛盾是发布文字中的计算错误（国办公开办函〔2021〕30号：发布内容不准确），评估机构
    手工就能发现：在20份报告的一个样本中，有5份有这样的列举。

    错误示例：
    全年公开政府信息520条，其中机构职能类120条，政策文件类180条，其他信息200条。

    正确示例：
    全年公开政府信息520条，其中机构职能类120条，政策文件类180条，其他信息220条。

    选项：
    无。
    """
    for found in report.prose.lists:
        total = found.total
        if total is None or len(found.items) < 2 or found.item_sum == total.value:
            continue
        summed = found.item_sum
        if summed > total.value:
            unsure = set(found.qualifiers) - _EXCESS_STILL_WRONG
        else:
            unsure = set(found.qualifiers) or not found.residual
        if unsure:
            continue
        parts = " + ".join(f"{item.label}{format_number(item.count.value)}" for item in found.items)
        relation = "多于" if summed > total.value else "少于"
        yield Violation(
            f"「{_quote(total)}」，{found.marker}各项之和为{format_number(summed)}{total.unit}（{parts}），"
            f"{relation}总数{format_number(total.value)}{total.unit}",
            total.span,
        )


# --------------------------------------------------------------------------- GOV702

@rule("GOV702", "completed-exceeds-received", "同一句中办结（答复）数大于受理（收到）数", "warning")
def completed_exceeds_received(report, options):
    """办结数大于紧邻其前所述的受理数。

    检查内容：
    一个受理（受理、收到、接收、新收、接到、登记）若干事项的分句，紧接着一个办结这些事项（办结、答复、
    回复、办理完毕 …）的分句：``受理审批事项86件，办结168件``。办结数不能超过受理数。以下情况不判断：
    该段计入了上年积存（结转、上年、累计、含、包括 …）、办结分句说的是另一对象、另一期间（截至、季度、
    两年）、部分（其中），或数字是约数。

    原因：
    同一句中办结比受理多，没有积存就不可能；句中没有说明积存时，两个数字必有一个有误（常是数位错误或
    抄了其他年份的数字）。

    错误示例：
    全年共受理审批事项86件，办结168件，办结率100%。

    正确示例：
    全年共受理审批事项186件，办结168件（含上年结转12件）。

    选项：
    无。
    """
    for flow in report.prose.flows:
        if flow.qualifiers or flow.completed.value <= flow.received.value:
            continue
        received, completed = flow.received, flow.completed
        yield Violation(
            f"「{_quote(received)}，{_quote(completed)}」：{flow.completed_verb}{format_number(completed.value)}{completed.unit}"
            f"多于{flow.received_verb}{format_number(received.value)}{received.unit}，且本段未提及上年结转",
            completed.span,
        )


# --------------------------------------------------------------------------- GOV703

def _percent_ok(percentage, count: float, base: float) -> bool:
    exact = 100.0 * count / base
    allowed = max(10.0 ** -percentage.decimals, PERCENT_TOLERANCE) + 1e-9
    return abs(percentage.value - exact) < allowed


@rule("GOV703", "percentage-mismatch", "百分比与其数量、基数不符", "warning")
def percentage_mismatch(report, options):
    """分项后所写的百分比与该项数量和总数不符。

    检查内容：
    分项列举中各分项后写的百分比（``其中予以公开30件，占46.88%``、``不予公开20件（1.68%）``）与
    「数量 ÷ 基数」比较。基数是列举前所述的总数；列举前没有总数时（在没有数字的句子后写
    ``其中，予以公开及部分公开208件（17.46%），…``），基数为各分项之和，但要求列举中至少有两个百分比
    与这个和相符。与最后一位有效数字相差不到一个单位（四舍五入或截断）或相差不到0.1个百分点的，容许。
    数字为约数或分项使用其他量词的列举跳过。

    原因：
    与自身数字矛盾的百分比是发布文字中的计算或抄写错误；读者首先就会用数量核对占比。

    错误示例：
    收到政府信息公开申请64件，其中予以公开30件，占56.88%。

    正确示例：
    收到政府信息公开申请64件，其中予以公开30件，占46.88%。

    选项：
    无。
    """
    for found in report.prose.lists:
        if {"approximate", "mixed-units"} & set(found.qualifiers):
            continue
        items = [item for item in found.items if item.percentage is not None]
        if not items:
            continue
        if found.total is not None:
            base, named = found.total.value, f"总数{format_number(found.total.value)}{found.total.unit}"
        else:
            if "unclean" in found.qualifiers or "open" in found.qualifiers:
                continue
            base = found.item_sum
            if sum(_percent_ok(i.percentage, i.count.value, base) for i in items if base) < 2:
                continue
            named = f"各项合计{format_number(base)}{found.items[0].count.unit}"
        if not base:
            continue
        for item in items:
            if _percent_ok(item.percentage, item.count.value, base):
                continue
            exact = 100.0 * item.count.value / base
            yield Violation(
                f"「{item.label}{item.count.text}」写作{item.percentage.text}，但{format_number(item.count.value)}÷"
                f"{format_number(base)}（{named}）= {exact:.{max(item.percentage.decimals, 1)}f}%",
                item.percentage.span,
            )


# --------------------------------------------------------------------------- GOV704

@rule("GOV704", "missing-number", "量词前缺少数字（并列各项都有数字）", "warning")
def missing_number(report, options):
    """名词后直接跟量词而没有数字，而列举中的相邻分项有数字。

    检查内容：
    列举中写成「名词 + 条/件/次/个/篇」而没有数字的分项，紧挨着同一列举中有数字、量词相同的分项：
    ``全年公开行政许可结果条、处罚结果52条``。以量词结尾的词（文件、案件、条件、头条、人次、层次、批次 …）
    和用文字表示的数量（一条、每件、首次、整个）不算缺数字的分项。

    原因：
    数字被删除了或一直没有填（模板中的数字留空）：发布的文字对这一项什么也没说。

    错误示例：
    全年公开行政许可结果条、行政处罚结果52条。

    正确示例：
    全年公开行政许可结果36条、行政处罚结果52条。

    选项：
    无。
    """
    for item in report.prose.uncounted:
        neighbour = item.neighbours[0]
        yield Violation(
            f"「{item.text}」的量词「{item.unit}」前缺少数字（并列的「{_quote(neighbour)}」有数字）",
            item.span,
        )


# --------------------------------------------------------------------------- GOV705

def _sequence_problems(markers):
    """``(marker, message)`` for each skip, repeat or step back of one enumeration."""
    numbers = [marker.number for marker in markers]
    if not numbers or numbers[0] != 1 or numbers.count(1) != 1:
        return  # a list that starts elsewhere, or two lists (restarts, nesting): unsure
    form = _STYLE_FORMS[markers[0].style]
    for previous, marker in zip(markers, markers[1:]):
        expected = previous.number + 1
        if marker.number == expected:
            continue
        if marker.number == previous.number:
            message = f"列举序号「{form(marker.number)}」重复（前一项也是「{form(previous.number)}」）"
        elif marker.number > expected:
            missing = "」「".join(form(n) for n in range(expected, marker.number))
            message = f"列举序号从「{form(previous.number)}」跳到「{form(marker.number)}」，缺少「{missing}」"
        else:
            message = f"列举序号「{form(marker.number)}」出现在「{form(previous.number)}」之后（顺序颠倒）"
        yield marker, message


@rule("GOV705", "enumeration-sequence", "正文列举序号（一是、二是…）跳号、重复或颠倒", "warning")
def enumeration_sequence(report, options):
    """正文中的列举跳号、重复或倒退。

    检查内容：
    句中的序号「一是/二是…」「第一，/第二，…」「①②…」和「（一）/(1)」，在两个标题之间的文字中按顺序
    取出（每个小标题下重新开始）。每个都必须是前一个加一：``一是…二是…三是…三是`` 是重复，
    ``一是…二是…四是`` 是跳号。小标题（行首或「。；：」之后的（一））由 GOV205 检查。一段文字中列举开始
    不止一次（两次「一是」：两个列举，或一个嵌套在另一个中），或不从一开始的，不判断。

    原因：
    跳号或重复说明某一项被删除、插入或从其他文字粘贴过来而没有重新编号；读者会以为漏了一项。

    错误示例：
    一是完善制度。二是加强培训。三是强化监督。三是做好解读。

    正确示例：
    一是完善制度。二是加强培训。三是强化监督。四是做好解读。

    选项：
    无。
    """
    groups: dict[tuple[int, str], list] = {}
    for marker in report.prose.enumerations:
        groups.setdefault((marker.block, marker.style), []).append(marker)
    for markers in groups.values():
        for marker, message in _sequence_problems(markers):
            yield Violation(message, marker.span)


# --------------------------------------------------------------------------- GOV706

def _foreign(place, locale) -> str | None:
    """Why ``place`` is not the issuer's (another province, or another city), or ``None``."""
    if place.province != locale.province:
        return f"外省（{place.province}）"
    if place.city and locale.city and place.city != locale.city:
        return f"本省其他城市（{place.city}）"
    return None


def _where(locale) -> str:
    return locale.province + (locale.city or "") if locale.city != locale.province else locale.province


@rule(
    "GOV706",
    "foreign-place",
    "引用外地的文件、报刊，或出现外地地名（疑似照搬其他地区文本）",
    "warning",
    options=[
        Option("place-names", "bool", False,
               "Also report place names of another province or city written in the prose (less precise)."),
    ],
)
def foreign_place(report, options):
    """引用了其他省份或城市的文件或报纸，仿佛是发布机关自己的。

    检查内容：
    发布机关所在地取自其名称（南通市崇川区人民政府办公室 → 江苏省南通市），没有时取自标题，再没有时取自
    联系地址；都没有地名，或涉及两个省份时，不判断。《》中以地名开头、指文件或报纸的标题
    （《浙江省政府信息公开申请办理规范》《中共杭州市委…》《杭州日报》）与之比较：属于其他省份的，或发布
    机关为市级及以下时属于本省其他城市的，报告此项。本省本市的、国家的和不含地名的标题都没有问题，有意
    提到其他地区的句子（对口支援、协作、借鉴…经验、考察、交流、长三角、跨省通办 …）也没有问题。设置
    ``place-names`` 后，正文中写全称的地名（浙江省、杭州市）也同样判断；单独的地名证据弱得多（报告可能因
    各种原因提到其他地方），因此默认关闭。

    原因：
    把其他省份的规定或地方报纸当作本机关工作依据引用的报告，是从那个地区的报告照抄而没有改写
    （国办公开办函〔2021〕30号：内容雷同、敷衍塞责）。

    错误示例：
    福建省某县报告：严格执行《浙江省政府信息公开申请办理规范》，规范答复流程。

    正确示例：
    福建省某县报告：严格执行《福建省政府信息公开申请办理规范》，规范答复流程。

    选项：
    place-names（bool，默认 false）：正文中写全称的其他省份或城市的地名也报告。
    """
    prose = report.prose
    locale = prose.locale
    if locale is None:
        return
    for title in prose.titles:
        if title.place is None or title.qualifiers or title.kind not in ("document", "newspaper"):
            continue
        why = _foreign(title.place, locale)
        if why is None:
            continue
        what = "报刊" if title.kind == "newspaper" else "文件"
        yield Violation(
            f"引用了{why}的{what}{title.text}，而本报告的发布机关在{_where(locale)}（据{_SOURCES[locale.source]}），疑似照搬其他地区文本",
            title.span,
        )
    if not options["place-names"]:
        return
    for mention in prose.places:
        if mention.qualifiers:
            continue
        why = _foreign(mention.place, locale)
        if why is not None:
            yield Violation(
                f"正文出现{why}地名「{mention.text}」，而本报告的发布机关在{_where(locale)}（据{_SOURCES[locale.source]}）",
                mention.span,
            )


_SOURCES = {"issuer": "发布机关名称", "title": "报告标题", "address": "联系地址"}


# --------------------------------------------------------------------------- GOV707

@rule("GOV707", "unbalanced-marks", "书名号、括号重复或未闭合", "warning")
def unbalanced_marks(report, options):
    """开标号重复（《《、（（），或「《」「（」在本段内没有闭合。

    检查内容：
    正文中连续写了两次的书名号或括号开标号，以及直到本段结束都没有对应闭标号的开标号
    （``请与本局办公室联系（联系地址：…``）。一行以句末标点结束或下一行以标题编号开始时，段落结束；
    PDF 页面中在句子中间折行的多行算一段，如果下一段以闭标号开始，视为在错误位置断开（不判断）。
    表格不检查。

    原因：
    标号不配对使读者不清楚标题或插入语在哪里结束，通常说明文字是匆忙删改或粘贴的（联系方式被截断、
    标题粘贴了两次）。

    错误示例：
    根据《《福建省政务公开办法》要求编制本报告。

    正确示例：
    根据《福建省政务公开办法》要求编制本报告。

    选项：
    无。
    """
    for issue in report.prose.marks:
        if issue.kind == "doubled":
            message = f"开头的标点「{issue.mark}」重复：「{issue.context}」"
        else:
            name = "书名号" if issue.mark == "《" else "括号"
            message = f"{name}「{issue.mark}」在本段内没有闭合：「{issue.context}」"
        yield Violation(message, issue.span)


# --------------------------------------------------------------------------- GOV708

def _passages(repeats):
    """Repeated sentences grouped into copied passages: ``(first, later, [repeats])``."""
    pairs = []
    for repeat in repeats:
        for index in range(1, len(repeat.spans)):
            pairs.append((repeat.ordinals[index], repeat.ordinals[0], repeat, index))
    pairs.sort(key=lambda pair: pair[0])
    passages: list[list] = []
    for pair in pairs:
        if passages and pair[0] == passages[-1][-1][0] + 1 and pair[1] == passages[-1][-1][1] + 1:
            passages[-1].append(pair)
        else:
            passages.append([pair])
    return passages


@rule("GOV708", "repeated-sentence", "同一长句在报告中重复出现", "warning")
def repeated_sentence(report, options):
    """报告中有30字以上的句子出现两次。

    检查内容：
    正文中的句子（以。！？结束），去掉空格、标点和句首的列举序号（一是、（二）、1.）后比较，长度至少30字。
    连续几句的重复算一条诊断（复制的段落）。标题、表格标签和导航文字没有句末标点，不算句子。

    原因：
    写了两遍的长句是被粘贴到第二处的文字（改进措施被复制到总体情况中、一段粘贴了两次）；国办公开办函
    〔2021〕30号把内容雷同列为报告的缺陷。

    错误示例：
    一是进一步加强政策解读工作，提升解读材料的针对性和可读性。…三是进一步加强政策解读工作，提升解读材料的针对性和可读性。

    正确示例：
    一是进一步加强政策解读工作，提升解读材料的针对性和可读性。…三是强化监督考核，压实各单位的公开责任。

    选项：
    无。
    """
    for passage in _passages(report.prose.repeats):
        _, _, repeat, index = passage[0]
        first = repeat.spans[0]
        shown = repeat.text if len(repeat.text) <= 40 else repeat.text[:40] + "…"
        if len(passage) == 1:
            message = f"这句话与第{first.line}行的句子重复：「{shown}」"
        else:
            message = f"连续{len(passage)}句与第{first.line}行起的文字重复，从「{shown}」开始"
        yield Violation(message, repeat.spans[index])


RULES = [
    list_sum_mismatch,
    completed_exceeds_received,
    percentage_mismatch,
    missing_number,
    enumeration_sequence,
    foreign_place,
    unbalanced_marks,
    repeated_sentence,
]
