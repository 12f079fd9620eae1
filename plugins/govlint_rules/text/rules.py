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
    """The items of an itemised list do not add up to the total stated before it.

    What it checks:
    A total followed by 其中/包括/分别为 and items with the same measure word, up to the end
    of the sentence: ``政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，
    尚未审结37件``. The items are summed and compared with the total. A list with 其中 may
    name only the main parts of its total ("among them"), so a shortfall is reported only when
    the list is closed by a residual item (其他…, 其余…) that makes it a partition and the
    paragraph does not say that part of the total is still being handled (结转, 顺延, 正在办理);
    items that add up to *more* than their total are always reported. Nothing is said when an item is not a
    plain ``label + number`` (``15条共230次``, text after a number, a label with digits), when
    the list ends with 等, when an item uses another measure word (条 and 次), when a number is
    approximate (余, 近, 超), when an item is a topic across the others or another measure
    (涉及…, 办结…), when a 其中 opens another list inside the list, when the first or last items
    alone make up the total (the others break it down a second time: by applicant, then by
    channel), or when the list has one item.

    Why:
    A total that its own breakdown contradicts is an arithmetic error in the published text
    (国办公开办函〔2021〕30号: 发布内容不准确), the kind evaluators find by hand: in one sample of 20
    reports, five had such a list.

    Failing example:
    全年公开政府信息520条，其中机构职能类120条，政策文件类180条，其他信息200条。

    Passing example:
    全年公开政府信息520条，其中机构职能类120条，政策文件类180条，其他信息220条。

    Options:
    None.
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
    """A completed count is larger than the received count of the clause just before it.

    What it checks:
    A clause that receives (受理, 收到, 接收, 新收, 接到, 登记) a number of things followed directly
    by a clause that completes them (办结, 答复, 回复, 办理完毕 …): ``受理审批事项86件，办结168件``.
    The completed count may not exceed the received one. Nothing is said when the paragraph
    counts last year's backlog (结转, 上年, 累计, 含, 包括 …), when the completing clause names
    another object, another period (截至, 季度, two years), a subset (其中), or a number is
    approximate.

    Why:
    More completed than received in the same statement is impossible without a backlog; when
    the sentence names none, one of the two figures is wrong (often a digit slip or a figure
    copied from another year).

    Failing example:
    全年共受理审批事项86件，办结168件，办结率100%。

    Passing example:
    全年共受理审批事项186件，办结168件（含上年结转12件）。

    Options:
    None.
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
    """A percentage written after an item does not match the item's count and the total.

    What it checks:
    Percentages written after the items of an itemised list (``其中予以公开30件，占46.88%``,
    ``不予公开20件（1.68%）``) against count ÷ base. The base is the total stated before the
    list; when the list states none (``其中，予以公开及部分公开208件（17.46%），…`` after a
    sentence without a figure), it is the sum of the items, but only if at least two of the
    list's percentages agree with that sum. A difference below one unit of the last written
    digit (rounding or truncation) or below 0.1 percentage points is tolerated. Lists whose
    numbers are approximate or whose items use another measure word are skipped.

    Why:
    A percentage that its own figures contradict is a calculation or copying error in the
    published text; readers check shares against counts first.

    Failing example:
    收到政府信息公开申请64件，其中予以公开30件，占56.88%。

    Passing example:
    收到政府信息公开申请64件，其中予以公开30件，占46.88%。

    Options:
    None.
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
    """A measure word follows a noun with no number, where the next items of the list have one.

    What it checks:
    An item of a list written ``noun + 条/件/次/个/篇`` with no number, directly beside an item
    of the same list with a number and the same measure word: ``全年公开行政许可结果条、处罚
    结果52条``. Words that end in a measure word (文件, 案件, 条件, 头条, 人次, 层次, 批次 …) and
    quantities written in words (一条, 每件, 首次, 整个) are not items without a number.

    Why:
    The number was deleted or never filled in (a template whose figure was left blank): the
    published text states nothing for that item.

    Failing example:
    全年公开行政许可结果条、行政处罚结果52条。

    Passing example:
    全年公开行政许可结果36条、行政处罚结果52条。

    Options:
    None.
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
    """An enumeration in the prose skips a number, repeats one or steps back.

    What it checks:
    The markers 一是/二是…, 第一，/第二，…, ①②… and （一）/(1) written in the middle of a sentence,
    taken in order within the text between two headings (a list restarts under each
    sub-heading). Each must be the previous one plus one: ``一是…二是…三是…三是`` repeats,
    ``一是…二是…四是`` skips. Sub-headings (（一） at a line start or after 。；：) are GOV205's. A
    stretch in which a list starts more than once (一是 twice: two lists, or one nested in
    another) or that does not start at 一 is not judged.

    Why:
    A skipped or repeated number shows that an item was deleted, inserted or pasted from
    another text without renumbering; readers take it for a missing item.

    Failing example:
    一是完善制度。二是加强培训。三是强化监督。三是做好解读。

    Passing example:
    一是完善制度。二是加强培训。三是强化监督。四是做好解读。

    Options:
    None.
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
    """A document or newspaper of another province or city is cited, as if it were the issuer's.

    What it checks:
    Where the issuer is comes from its name (南通市崇川区人民政府办公室 → 江苏省南通市), else the
    title, else the contact address; with no place there, or places of two provinces, nothing
    is said. Titles in 《》 that start with a place (《浙江省政府信息公开申请办理规范》,
    《中共杭州市委…》, 《杭州日报》) and name a document or a newspaper are compared with it: a
    title of another province, or of another city of the issuer's province when the issuer is
    a city or below it, is reported. The issuer's own province and city, national documents and
    titles without a place are fine, and so is any sentence about another region on purpose
    (对口支援, 协作, 借鉴…经验, 考察, 交流, 长三角, 跨省通办 …). With ``place-names``, place names
    written in full in the prose (浙江省, 杭州市) are judged the same way; bare names are much
    weaker evidence (a report may mention other places for many reasons), so that is off by
    default.

    Why:
    A report that cites another province's rules or local newspaper as the basis of its own
    work was copied from that region's report without being adapted (国办公开办函〔2021〕30号:
    内容雷同、敷衍塞责).

    Failing example:
    福建省某县报告：严格执行《浙江省政府信息公开申请办理规范》，规范答复流程。

    Passing example:
    福建省某县报告：严格执行《福建省政府信息公开申请办理规范》，规范答复流程。

    Options:
    place-names (bool, default false): also report place names of another province or city
    written in full in the prose.
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
    """A doubled opening mark (《《, （（), or a 《 or （ never closed within its paragraph.

    What it checks:
    In the prose, an opening book-title mark or parenthesis written twice in a row, and an
    opening mark with no closing mark before the end of its paragraph
    (``请与本局办公室联系（联系地址：…``). A paragraph ends where a line ends with sentence
    punctuation or the next starts with a heading number; lines of a PDF page wrapped in the
    middle of a sentence are one paragraph, and a paragraph whose next one starts by closing
    the mark is taken as cut at the wrong place (nothing is said). Tables are not checked.

    Why:
    Unbalanced marks leave the reader unsure where a title or an aside ends, and usually show
    text deleted or pasted in a hurry (a contact detail cut off, a title pasted twice).

    Failing example:
    根据《《福建省政务公开办法》要求编制本报告。

    Passing example:
    根据《福建省政务公开办法》要求编制本报告。

    Options:
    None.
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
    """A sentence of 30 or more characters is written twice in the report.

    What it checks:
    Sentences of the prose (ending in 。！？), compared without spaces, punctuation and their
    leading enumeration number (一是, （二）, 1.), that are at least 30 characters long. A repeat
    of consecutive sentences is one finding (a copied passage). Headings, table labels and
    navigation text carry no sentence punctuation and are not sentences.

    Why:
    A long sentence written twice is text pasted into a second place (an improvement measure
    copied into the overview, a paragraph pasted twice); 国办公开办函〔2021〕30号 names 内容雷同
    as a defect of reports.

    Failing example:
    一是进一步加强政策解读工作，提升解读材料的针对性和可读性。…三是进一步加强政策解读工作，提升解读材料的针对性和可读性。

    Passing example:
    一是进一步加强政策解读工作，提升解读材料的针对性和可读性。…三是强化监督考核，压实各单位的公开责任。

    Options:
    None.
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
