"""Numbers in prose: counts with their measure words, itemised lists, received/completed pairs.

* A *count* is a number with a measure word (``367条``, ``351 件``, ``53期``), with the
  clause text before and after it and whether it is approximate (``5500余条``, ``近100个``).
* An *itemised list* is a total followed by 其中/包括/分别为 and items ``label + count``
  (``行政复议351件，其中结果维持72件，结果纠正64件，…``). The parser reads the items up to
  the end of the sentence (or of the list's parenthesis) and records everything that makes
  the list unsure as a partition of its total (see :class:`~govlint.model_prose.ItemList`):
  a clause that is not an item (``规划总结1条同时，…``), an item with a second number
  (``15条共230次``), 等 at the end, another measure word, a nested 其中. Percentages written
  after an item (``208件（17.46%）``, ``1509条，占71.11%``) are kept with the item.
* A *flow* is a received count and a completed count in adjacent clauses (``受理审批事项86件，
  办结168件``), with what makes the comparison unsure (a carry-over in the sentence, another
  object, another period).
* An *uncounted item* is a list item with a measure word but no number
  (``公开行政许可结果条、处罚结果52条``) next to items of the same list that have one.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model_prose import Count, Flow, ItemList, ListItem, Percentage, ProseFacts, UncountedItem
from govlint.parser.normalize import TextView
from govlint.parser.prose import Paragraph
from govlint.parser.tokens import read_decimal
from govlint.parser.words import Words

#: Measure words of counts (longest first: 人次 before 人, 件次 before 件).
UNITS = ("人次", "件次", "条次", "篇次", "户次", "项", "条", "件", "次", "个", "篇", "起", "宗", "份", "场", "期",
         "批", "家", "户", "处", "封", "名", "部", "套", "册", "张", "类", "人")
#: ``1.2万条`` is a rounded figure: read (×10000) but approximate. Digits after ``1,`` are the
#: tail of a number with a thousands separator (1,234条), not a count of their own.
_COUNT_RE = regex.compile(
    r"(?<![\d.\-/])(?<!\d,)(?P<number>\d+(?:\.\d+)?)[ ]*(?P<scale>万)?[ ]*(?P<more>余|多)?[ ]*(?P<unit>" + "|".join(UNITS) + ")"
)
#: A measure word followed by these characters is part of a word (5条例? 3处罚 …), not a count.
_NOT_A_UNIT_BEFORE = {
    "条": "例款件", "件": "事", "项": "目", "部": "门署委", "类": "别型", "名": "单称额", "处": "理罚置室分",
    "批": "复准示", "本": "级地", "张": "贴", "家": "庭", "场": "所景", "期": "间限", "份": "额", "起": "诉草",
    "宗": "旨", "户": "籍", "封": "存", "册": "子", "人": "民员口大", "个": "人",
}
_APPROX_BEFORE = ("近", "约", "超过", "超", "逾", "突破", "不足", "不到", "将近", "接近", "大约", "上")
_APPROX_AFTER = ("左右", "以上", "以下", "上下")
#: Clause boundaries in the normalised view (，；：（）are ASCII there).
CLAUSE_BOUNDARY = ",;:。!?()、"
#: Where a list ends: the sentence end (and ; unless the list's items are separated by ;).
_LIST_END = "。!?"
_MARKER_RE = regex.compile(r"其中|包括|分别为|分别是|具体为|具体是")
#: A percentage right after an item's count: (17.46%), ，占71.11%, ，占比3.2%, 45.3%.
_PERCENT_PAREN_RE = regex.compile(r"[ ]*\([ ]*(?P<value>\d+(?:\.\d+)?)[ ]*%[^()]*\)")
#: After 占 only words naming the total itself may stand (占总数的): 占收到申请数的50% names
#: another base, and is not read as a share of the list's total.
_PERCENT_SHARE_RE = regex.compile(
    r"[ ]*,[ ]*占(?:比(?:为|例为|重为)?|(?:总数|总量|全部|总体)的?)?[ ]*(?P<value>\d+(?:\.\d+)?)[ ]*%"
)
_PERCENT_BARE_RE = regex.compile(r"[ ]*(?P<value>\d+(?:\.\d+)?)[ ]*%")
#: A parenthesis after an item's count that is not a percentage (含上年结转189件).
_PAREN_RE = regex.compile(r"[ ]*\([^()]*\)")
#: Words that start a residual item: the rest of the total (其他信息1161条).
_RESIDUAL_RE = regex.compile(r"^(?:和|及|以及|还有)?(?:其他|其它|其余|剩余|余下)")
#: An item that is a topic across the others, or a different measure.
_TOPIC = Words("涉及", "关于", "有关", "针对", "办结", "答复", "回复", "按时", "按期", "同比", "较上年", "增长", "下降",
               "增加", "减少", "累计", "结转")
#: A count of a change, not of a total (比上年增加5件).
_CHANGE = Words("增加", "减少", "增长", "下降", "上升", "降低", "提高", "同比", "环比", "比上年", "较上年", "比去年", "较去年",
                "多出", "少了")
#: Words saying part of a total is still being handled: a list of results may leave it out.
_PENDING = Words("结转", "顺延", "转入下", "正在办理", "尚在办理", "办理中", "未办结", "延期答复", "延长答复")
_TOTAL_MARK_RE = regex.compile(r"(?:共|共计|合计|总计|累计|总数)[ ]*$")
#: Trailing text allowed after a total's count before the list marker (信息 in 348条信息).
_TOTAL_TAIL = 8


def read_counts(view: TextView, paragraphs: list[Paragraph], facts: ProseFacts) -> None:
    """Counts, itemised lists, flows and uncounted items of every paragraph."""
    for paragraph in paragraphs:
        counts = [_count(view, paragraph, match) for match in _COUNT_RE.finditer(paragraph.text)]
        counts = [c for c in counts if c is not None]
        facts.counts.extend(count for _, count in counts)
        facts.lists.extend(read_lists(view, paragraph, counts))
        facts.flows.extend(read_flows(paragraph, counts))
        facts.uncounted.extend(read_uncounted(view, paragraph, counts))


# --------------------------------------------------------------------------- counts

def _clause_start(text: str, index: int) -> int:
    while index > 0 and text[index - 1] not in CLAUSE_BOUNDARY:
        index -= 1
    return index


def _clause_end(text: str, index: int) -> int:
    while index < len(text) and text[index] not in CLAUSE_BOUNDARY:
        index += 1
    return index


def _count(view: TextView, paragraph: Paragraph, match: re.Match[str]) -> tuple[re.Match[str], Count] | None:
    """The count a match states, or ``None`` (an ordinal 第3次, a word such as 3条例)."""
    text = paragraph.text
    start, end = match.start(), match.end()
    unit = match.group("unit")
    if text[end : end + 1] and text[end] in _NOT_A_UNIT_BEFORE.get(unit, ""):
        return None
    if text[start - 1 : start] == "第" or text[max(0, start - 2) : start].rstrip().endswith("第"):
        return None
    value = read_decimal(match.group("number"))
    if value is None:
        return None  # a digit run no count has (see tokens.MAX_NUMBER_DIGITS)
    if match.group("scale"):
        value = value * 10000
        value = int(value) if float(value).is_integer() else value
    clause_start, clause_end = _clause_start(text, start), _clause_end(text, end)
    before = text[clause_start:start].strip()
    after = text[end:clause_end].strip()
    approximate = (bool(match.group("more") or match.group("scale")) or before.endswith(_APPROX_BEFORE)
                   or after.startswith(_APPROX_AFTER))
    written = paragraph.original(view, start, end)
    clause = paragraph.original(view, clause_start, clause_end).strip()
    return match, Count(value, unit, written, paragraph.span(view, start, end), before, after, approximate, clause)


# --------------------------------------------------------------------------- lists

def _total_before(text: str, counts: list[tuple[re.Match[str], Count]],
                  marker_start: int) -> tuple[Count | None, bool] | None:
    """``(total, opens_sentence)`` for a list marker, or ``None`` when it opens no list.

    A marker opens a list after a comma, a colon or an opening parenthesis, or at the start
    of a sentence. The total is the last count of the clause before the marker (``…351件，
    其中``, ``…1830条（其中``) when nothing but a few words follow it (``348条信息，其中``); a
    clause with several counts names its total with 共/合计 (``15条共230次，其中``). A marker
    that opens a sentence itemises the count that ends the previous sentence. ``total`` is
    ``None`` when that clause states no such count.
    """
    index = marker_start
    while index > 0 and text[index - 1] == " ":
        index -= 1
    if index == 0:
        return None
    sentence_start = text[index - 1] in _LIST_END
    if not (sentence_start or text[index - 1] in ",(:"):
        return None
    clause_end = index - 1
    while clause_end > 0 and text[clause_end - 1] == " ":
        clause_end -= 1
    clause_start = clause_end
    while clause_start > 0 and text[clause_start - 1] not in ",;:。!?()":
        clause_start -= 1
    inside = [(m, c) for m, c in counts if clause_start <= m.start() and m.end() <= clause_end]
    if not inside:
        return None, sentence_start
    match, count = inside[-1]
    tail = text[match.end() : clause_end]
    if len(tail.strip()) > _TOTAL_TAIL or re.search(r"\d", tail):
        return None, sentence_start
    if len(inside) > 1 and not _TOTAL_MARK_RE.search(text[clause_start : match.start()]):
        return None, sentence_start
    if _CHANGE.search(count.before):
        return None, sentence_start  # 比上年增加5件，其中…: a change, not the total itemised
    return count, sentence_start


def read_lists(view: TextView, paragraph: Paragraph, counts: list[tuple[re.Match[str], Count]]) -> list[ItemList]:
    """Itemised lists of one paragraph (with their stated total, when there is one)."""
    text = paragraph.text
    found = []
    for marker in _MARKER_RE.finditer(text):
        total = _total_before(text, counts, marker.start())
        if total is None:
            continue
        count, sentence_start = total
        in_paren = text[: marker.start()].rstrip().endswith("(")
        raw_items, end, qualifiers = _items(text, counts, marker.end(), in_paren)
        if not raw_items or (count is None and len(raw_items) < 2):
            continue
        items = _with_percentages(view, paragraph, raw_items)
        qualifiers = qualifiers + _list_qualifiers(text, marker.start(), count, items)
        if sentence_start:
            qualifiers.append("sentence-start")
        residual = any(_RESIDUAL_RE.match(item.label) for item in items)
        found.append(ItemList(marker.group(), count, items, paragraph.span(view, marker.start(), end), residual,
                              sorted(set(qualifiers))))
    return found


def _list_qualifiers(text: str, marker_start: int, total: Count | None, items: list[ListItem]) -> list[str]:
    """What makes a list unsure as a partition of its total (see :class:`ItemList`)."""
    qualifiers = []
    counts = [item.count for item in items] + ([total] if total is not None else [])
    if any(count.approximate for count in counts):
        qualifiers.append("approximate")
    if len({count.unit for count in counts}) > 1:
        qualifiers.append("mixed-units")
    labels = [item.label for item in items]
    if any("其中" in label or "包括" in label for label in labels) or \
            _MARKER_RE.search(text, _sentence_start(text, marker_start), marker_start):
        qualifiers.append("nested")  # a list inside a list: where the inner one ends is unsure
    if any(_TOPIC.search(label) for label in labels):
        qualifiers.append("topic")
    if total is not None and _two_breakdowns(items, total.value):
        qualifiers.append("two-breakdowns")
    if _PENDING.search(text):
        qualifiers.append("pending")
    return qualifiers


def _two_breakdowns(items: list[ListItem], total: int | float) -> bool:
    """Whether the first or the last items alone add up to the total: the rest is a second
    breakdown of it (自然人100件，法人20件，网上申请90件，信函30件)."""
    values = [item.count.value for item in items]
    return any(sum(values[:k]) == total or sum(values[k:]) == total for k in range(1, len(values)))


def _items(text: str, counts: list[tuple[re.Match[str], Count]], start: int, in_paren: bool):
    """``(items, end, qualifiers)`` of the list whose items start at ``start`` (after its marker).

    Items are read up to the end of the sentence (or of the list's parenthesis); any clause
    on the way that is not ``label + count`` makes the list ``unclean``. Items are separated
    by ，、 or ；: when the first separator is not ；, a ； ends the list (``…37件；行政诉讼…``).
    """
    position = start
    while position < len(text) and text[position] in " ,:":
        position += 1
    items: list[tuple[str, re.Match[str], Count, str | None]] = []
    separators = ""
    end = position
    for match, count in counts:
        if match.start() < position:
            continue  # before the list, or inside an item's parenthesis (含…157件)
        label = text[position : match.start()]
        if _ends_list(label, separators) or not label.strip() or re.search(r"\d", label):
            return items, end, ["unclean"]  # a clause that is no item, or an item without a label
        after = match.end()
        percent = _PERCENT_PAREN_RE.match(text, after) or _PERCENT_SHARE_RE.match(text, after) \
            or _PERCENT_BARE_RE.match(text, after)
        if percent is not None:
            after = percent.end()
        elif (paren := _PAREN_RE.match(text, after)) is not None:
            after = paren.end()
        items.append((label.strip(), match, count, percent.group("value") if percent else None))
        end = after
        next_char = text[after : after + 1]
        if not next_char:
            return items, end, ["unclean"]  # the paragraph ends without punctuation: cut short?
        if next_char in _LIST_END or (next_char == ")" and in_paren):
            return items, end, []
        if next_char == "等":
            return items, end, ["open"]
        if next_char == ";" and separators and ";" not in separators:
            return items, end, []
        if next_char not in ",、;":
            return items, end, ["unclean"]  # text after the count: 规划总结1条同时，…
        separators += next_char
        position = after + 1
    return items, end, ["unclean"]  # a separator and no further item: a clause that is none, or a cut


def _ends_list(label: str, separators: str) -> bool:
    """Whether the text before the next count ends the list (a sentence end, a parenthesis)."""
    return any(char in _LIST_END or char in "():" or (char == ";" and ";" not in separators) for char in label)


def _with_percentages(view: TextView, paragraph: Paragraph, items) -> list[ListItem]:
    listed = []
    text = paragraph.text
    for label, match, count, percent in items:
        percentage = None
        if percent is not None and read_decimal(percent) is not None:
            at = text.find(percent, match.end())
            percentage = Percentage(read_decimal(percent), len(percent.partition(".")[2]), percent + "%",
                                    paragraph.span(view, at, at + len(percent) + 1))
        listed.append(ListItem(label, count, percentage))
    return listed


# --------------------------------------------------------------------------- flows

_RECEIVED_RE = regex.compile(r"(受理|收到|接收|新收|接到|收悉|登记)")
#: A completing clause: adverbs only (及时依法依规办结), then the verb.
_COMPLETED_RE = regex.compile(
    r"^(?:共计|共|已经|已|全部|均|都|依法|依规|按规定|按要求|及时|规范|妥善|认真|逐一|当场|即时|当年|其中|按时|按期|限时|累计"
    r"|并|且|[ ])*(办结|答复|回复|办理完毕|处理完毕|办理完成|处理完成|完成办理|完成答复)"
)
_CARRY_OVER = Words("结转", "上年", "上一年", "去年", "往年", "历年", "累计", "此前", "积压", "存量", "以前年度", "含", "包括",
                    "包含", "遗留", "跨年", "加上", "连同")
_OTHER_PERIOD_RE = regex.compile(r"截至|截止|上半年|下半年|季度|\d{1,2}[ ]*月")
_GENERIC_OBJECT_RE = regex.compile(r"^(?:了|各类|申请|事项|件|的)*$")


def read_flows(paragraph: Paragraph, counts: list[tuple[re.Match[str], Count]]) -> list[Flow]:
    """Received and completed counts in adjacent clauses of one sentence."""
    text = paragraph.text
    flows = []
    for (first_match, first), (second_match, second) in zip(counts, counts[1:]):
        gap = text[first_match.end() : second_match.start()]
        # the second count must be in the very next clause: one comma between them
        if gap.count(",") != 1 or any(ch in gap for ch in ";。!?()、:"):
            continue
        received = _RECEIVED_RE.search(first.before)
        completed = _COMPLETED_RE.search(second.before)
        if received is None or completed is None or first.unit != second.unit:
            continue
        sentence = _sentence_of(text, first_match.start())
        qualifiers = []
        if _CARRY_OVER.search(text):  # anywhere in the paragraph: 上年结转5件。本年收到10件，办结15件。
            qualifiers.append("carry-over")
        obj = second.before[completed.end() :].strip()
        if obj and obj not in first.before + first.after and not _GENERIC_OBJECT_RE.match(obj):
            qualifiers.append("other-object")
        if "其中" in second.before:
            qualifiers.append("subset")
        years = set(re.findall(r"(\d{4})[ ]*年", sentence))
        if _OTHER_PERIOD_RE.search(sentence) or len(years) > 1:
            qualifiers.append("other-period")
        if first.approximate or second.approximate:
            qualifiers.append("approximate")
        flows.append(Flow(first, second, received.group(1), completed.group(1), qualifiers))
    return flows


def _sentence_start(text: str, index: int) -> int:
    while index > 0 and text[index - 1] not in "。!?;":
        index -= 1
    return index


def _sentence_of(text: str, index: int) -> str:
    start = index
    while start > 0 and text[start - 1] not in "。!?;":
        start -= 1
    end = index
    while end < len(text) and text[end] not in "。!?;":
        end += 1
    return text[start:end]


# --------------------------------------------------------------------------- uncounted items

_BARE_UNIT_RE = regex.compile(r"(?<=[\u4e00-\u9fff])(?P<unit>条|件|次|个|篇)(?=[,、;。])")
#: Characters before a measure word that make it no missing number (一条, 每件, 首次, 整个, 头条).
_QUANTIFIER_CHARS = set("零〇一二两三四五六七八九十百千万亿几数多每各逐首本此该这那某整单再历屡依其上下头")
#: Words that end in a measure word (文件, 人次, 层次, 萧条 …).
_UNIT_WORDS = frozenset(
    "萧条 面条 金条 便条 教条 链条 发条 苗条 线条 纸条 字条 封条 横条 油条 欠条 借条 收条 白条 专条 信条 枝条 柳条 藤条 "
    "文件 案件 事件 邮件 信件 条件 软件 硬件 证件 附件 稿件 部件 配件 要件 函件 快件 物件 构件 元件 组件 零件 办件 来件 急件 "
    "密件 卷件 批件 原件 样件 工件 铸件 挂件 插件 机件 器件 印件 描件 子件 "
    "人次 层次 名次 档次 批次 班次 车次 架次 频次 场次 位次 户次 件次 条次 篇次 席次 轮次 帧次 渐次 年次 "
    "个个 诗篇 长篇 短篇 开篇 全篇 通篇 篇篇 中篇 终篇 续篇 名篇 鸿篇".split()
)


def read_uncounted(view: TextView, paragraph: Paragraph, counts: list[tuple[re.Match[str], Count]]) -> list[UncountedItem]:
    """List items with a measure word and no number, beside numbered items of the same unit."""
    text = paragraph.text
    by_end = {match.end(): count for match, count in counts}
    found = []
    for match in _BARE_UNIT_RE.finditer(text):
        unit = match.group("unit")
        previous = text[match.start() - 1]
        if previous in _QUANTIFIER_CHARS or previous + unit in _UNIT_WORDS:
            continue
        item_start = _clause_start(text, match.start())
        label = text[item_start : match.start()].strip()
        if len(label) < 2 or re.search(r"\d", label):
            continue
        neighbours = []
        left = item_start - 1
        if left > 0 and text[left] in ",、" and left in by_end and by_end[left].unit == unit:
            neighbours.append(by_end[left])
        right = match.end()
        right_end = _clause_end(text, right + 1)
        if text[right] in ",、" and right_end in by_end and by_end[right_end].unit == unit:
            neighbours.append(by_end[right_end])
        if not neighbours:
            continue
        found.append(UncountedItem(paragraph.original(view, item_start, match.end()), unit,
                                   paragraph.span(view, match.start(), match.end()), neighbours))
    return found
