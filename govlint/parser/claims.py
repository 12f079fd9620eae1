"""Figures stated in prose that a table also holds (新收申请16件, 行政复议4起 …).

Section 一 and the introduction summarise the tables. This module finds a number with a
unit (``16件``, ``十六件``, ``3119 件``), decides from the words just before it (or, for
carry-overs, just after it) which table figure it states, and records the qualifiers that
change its meaning: a scope (全区, 区本级), another year or a comparison (上年, 2019年,
同比), a timeliness measure (按时办结 is not （七）总计), a subset (含…, 其中…) or an
approximation (近100件). A clause that counts something else with the same words (受理行政许可申请,
答复群众咨询, 公开行政复议决定书) gives no claim at all. The parser records; the consistency rule decides, and stays silent
whenever a qualifier makes the comparison unsure.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model import Claim
from govlint.parser.normalize import TextView, unwrap
from govlint.parser.tokens import read_int
from govlint.parser.words import Words
from govlint.records import record

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_value(text: str) -> int | None:
    """Value of a Chinese numeral below 一亿 (``十六`` → 16, ``一百零五`` → 105, ``两千`` → 2000).

    ``None`` for text that is not one well-formed numeral: another character, two digits in
    a row (``二三十`` is a range, "twenty or thirty", not a number), units out of order
    (``十百``), a unit without its digit after the start (``百十`` is "about a hundred") or an
    empty string.
    """
    if not text:
        return None
    total, section, digit = 0, 0, None
    last_unit = 10**9  # units inside a 万-section must decrease: 千 > 百 > 十
    previous = ""
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and previous not in ("零", "〇"):
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit or previous in ("零", "〇") or (digit is None and previous):
                return None  # 十百, 零十, 百十 (百十件 is "about a hundred")
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            if total:
                return None
            amount = section + (digit or 0)
            total = (amount or 1) * 10000
            section, digit, last_unit = 0, None, 10**9
        else:
            return None
        previous = ch
    return total + section + (digit or 0)


#: A count with its unit: Arabic digits (possibly letter-spaced by PDF extraction) or Chinese.
#: Chinese numerals take no 条 (第二十条 is an article of the 条例), and neither kind is read
#: when 事 follows the unit (一件事一次办 is a slogan, not a count).
_COUNT_RE = regex.compile(
    r"(?<![\d.])(?P<arabic>\d(?: ?\d)*)(?![\d.%])[ \n]*(?P<unit>件|条|起|宗|份)(?!事)"
    r"|(?<![零〇一二两三四五六七八九十百千万])(?P<chinese>[零〇一二两三四五六七八九十百千万]{1,8})[ \n]*"
    r"(?P<cunit>件|起|宗)(?!事)"
)
#: A number right after these is an ordinal or a distributive, not a count (第三件, 每一件).
_NOT_A_COUNT_BEFORE = ("第", "每", "逐", "单")
#: Clause boundaries inside a sentence (a parenthesis opens a sub-clause). A line break is
#: not one: PDF text wraps lines inside words (答\n复 3050 件); sentences end with 。.
_CLAUSE_BOUNDARY = "，,、；;：:（）()"
_SENTENCE_BOUNDARY = "。；;！!？?"
#: Sentence scans stop here even without punctuation (a heading line, a table).
_MAX_REACH = 200


@record
class Measure:
    """How a measure is recognised: a pattern that must end right before the number (``before``)
    or start right after it (``after``)."""

    key: str
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None


#: Up to eight characters within one clause (the view is normalised: ，；（） are ASCII).
_GAP = r"(?:(?!。)[^,;()\d]){0,8}"
#: Wordings of the result categories （一）予以公开 and （二）部分公开.
_GRANTED = r"(?<!不)(?:予以|同意|全部)公开"
_PARTIAL = r"部分(?:予以)?公开"
MEASURES: tuple[Measure, ...] = (
    Measure("carried_in", before=regex.compile(rf"(?:上一?年度?|去年)结转{_GAP}$")),
    Measure(
        "carried_out",
        before=regex.compile(rf"(?:结转|顺延|转入)(?:至|到)?下一?(?:个)?年度?{_GAP}$"),
        after=regex.compile(r"^[ ]*(?:申请)?[ ]*(?:结转|顺延|转入)(?:至|到)?下一?(?:个)?年"),
    ),
    Measure("new", before=regex.compile(rf"(?:新收|收到|受理|接收|接到|共收|收悉){_GAP}申请{_GAP}$|收到{_GAP}依申请公开{_GAP}$")),
    # Results by category (section 三 rows （一）–（六）), before 答复 is read as 办结: 同意公开答复7件
    # is the category, not the total answered.
    Measure("granted_partial", before=regex.compile(rf"{_GRANTED}(?:答复)?(?:和|及|与|以及|并)(?:予以)?{_PARTIAL}(?:答复)?{_GAP}$")),
    Measure("partial", before=regex.compile(rf"{_PARTIAL}(?:答复)?{_GAP}$")),
    Measure("denied", before=regex.compile(rf"不予以?公开(?:答复)?{_GAP}$")),
    Measure("unable", before=regex.compile(rf"无法提供(?:答复)?{_GAP}$")),
    Measure("not_processed", before=regex.compile(rf"不予处理{_GAP}$")),
    Measure("other_handling", before=regex.compile(rf"其他处理{_GAP}$")),
    Measure("granted", before=regex.compile(rf"{_GRANTED}(?:答复)?{_GAP}$")),
    Measure("handled", before=regex.compile(rf"(?:办结|答复|办理完毕|处理完毕|办理完成|完成答复){_GAP}$")),
    Measure("licensing_decisions", before=regex.compile(rf"行政许可(?:处理)?决定书?{_GAP}$")),
    Measure("penalty_decisions", before=regex.compile(rf"行政处罚(?:处理)?决定书?{_GAP}$")),
    Measure("review", before=regex.compile(rf"行政复议{_GAP}$")),
    Measure("litigation", before=regex.compile(rf"行政诉讼{_GAP}$")),
    Measure("normative_issued", before=regex.compile(rf"(?:制发|印发|出台|制定){_GAP}规范性文件{_GAP}$")),
    Measure("normative_repealed", before=regex.compile(rf"废止{_GAP}规范性文件{_GAP}$")),
    Measure("normative_in_force", before=regex.compile(rf"现行有效{_GAP}规范性文件{_GAP}$|规范性文件{_GAP}现行有效{_GAP}$")),
)

#: Measures of the section-三 table (applications for disclosure).
APPLICATION_MEASURES = ("new", "carried_in", "handled", "carried_out", "granted")
#: Result categories of the section-三 table other than （一）予以公开: each is a row or the sum
#: of a group's sub-rows (不予公开 is （三）1–8).
CATEGORY_MEASURES = ("granted_partial", "partial", "denied", "unable", "not_processed", "other_handling")
#: Words naming each application measure: a clause that names two of them states a combined
#: figure (上年结转和本年新收申请共50件) or one figure inside another (办结的申请中予以公开…).
_APPLICATION_WORDS = {
    "new": regex.compile(r"新收|收到|受理|接收|接到|收悉"),
    "carried_in": regex.compile(r"(?:上一?年度?|去年)结转"),
    "carried_out": regex.compile(r"(?:结转|顺延|转入)(?:至|到)?下一?(?:个)?年"),
    "handled": regex.compile(r"办结|答复|办理完毕|处理完毕|办理完成"),
    "granted": regex.compile(_GRANTED),
    "partial": regex.compile(_PARTIAL),
    "denied": regex.compile(r"不予以?公开"),
    "unable": regex.compile(r"无法提供"),
    "not_processed": regex.compile(r"不予处理"),
    "other_handling": regex.compile(r"其他处理"),
}
#: The words of its own a category's wording contains (予以公开及部分公开 names both).
_OWN_WORDS = {"granted_partial": ("granted", "partial")}
_GRANTED_ANSWER_RE = regex.compile(rf"{_GRANTED}答复")
#: Things other than applications a category count may be about (不予公开 of documents
#: reviewed before publication); 信访, 投诉 and 举报 are not among them, as they name the
#: reasons of （五）不予处理 (属信访、重复申请等不予处理80件).
_CATEGORY_OTHER = Words("许可", "审批", "处罚", "强制", "复议", "诉讼", "咨询", "留言", "来电", "热线", "建议", "提案",
                        "议案", "工单", "办件", "政务服务", "问政", "网民")
#: A category count must follow talk of applications: the last of these in the text before
#: it must be 申请 (not a document review: 公文公开属性审查166件，不予公开12件).
_CONTEXT_REACH = 150
_DOCUMENT_WORDS = ("公文", "文件", "审查", "属性", "发文")
#: Things other than applications for disclosure that are received, handled and answered:
#: a clause about them is not about the section-三 table (受理行政许可申请, 答复群众咨询).
_OTHER_OBJECTS = Words("许可", "审批", "处罚", "强制", "复议", "诉讼", "咨询", "留言", "来信", "来电", "热线", "信访", "投诉", "举报", "建议", "提案", "议案", "诉求", "工单", "办件", "政务服务", "问政", "信件", "网民")
#: Words that name applications for disclosure (the section-三 table's object).
_DISCLOSURE_OBJECT = Words("信息公开申请", "公开申请", "依申请", "申请公开", "申请数量")
#: 予以公开 of information actively published (主动予以公开政府信息200条) is not the section-三
#: row （一）予以公开.
_GRANTED_OTHER_RE = regex.compile(r"主动|信息(?!公开申请)|文件|条目|目录")
#: Part of the applications: one channel (网上申请), one kind of applicant (自然人), one topic
#: (涉及房屋征收的). Channels and applicants listed as a whole (通过网站、信函等方式共收到) are not.
_APPLICATION_PART = Words("网上", "在线", "网络", "网站", "信函", "当面", "现场", "邮件", "邮寄", "传真", "电话", "窗口", "平台", "自然人", "法人", "其他组织", "企业", "科研机构", "公益组织", "法律服务机构", "律师")
_APPLICATION_TOPIC = Words("涉及", "关于", "有关", "针对", "集中在")
_AGGREGATE = Words("等", "各类", "各种", "所有", "全部", "合计", "总计")
#: Results of reviews and lawsuits (行政复议纠错1件 is part of the total).
_CASE_RESULT = Words("维持", "纠正", "纠错", "撤销", "确认违法", "驳回", "败诉", "胜诉", "其他结果", "终止", "和解", "尚未", "未审结", "结案", "直接起诉", "复议后")
#: Normative documents cleaned up, reviewed, amended or explained are not the issued / repealed /
#: in-force counts (清理现行有效规范性文件30件, 制发规范性文件解读材料5份).
_NORMATIVE_OTHER = Words("清理", "审查", "审核", "评估", "备案", "修订", "修改", "梳理", "起草", "参与", "征求", "解读", "意见", "材料", "政策")
#: A review or lawsuit figure that is not "this organ's disclosure decisions challenged":
#: published decisions (公开行政复议决定书), cases the organ handles as the reviewing body
#: (办理行政复议案件), case information.
_CASE_OTHER_RE = regex.compile(
    r"决定|文书|判决|裁定|信息(?!公开)|(?:复议|诉讼)(?:机构|机关|委员会|局)|案卷|办理|受理|审理|审结|办结|收到|接收|代理"
)
_CASE_PUBLISHED_RE = regex.compile(r"(?<!信息)公开行政(?:复议|诉讼)")
#: A decision count that is a count of published items (公开行政许可决定信息), not of decisions.
_DECISION_PUBLISHED = Words("公开", "公示", "发布", "上传", "推送", "信息", "录入", "归集", "报送")
#: Kinds of decisions that are only part of all decisions (不予许可, 简易程序 …).
_DECISION_SUBSET = Words("不予", "撤销", "变更", "延续", "注销", "简易", "普通程序", "一般程序", "听证", "重大", "涉企", "首违", "免罚", "轻微")
#: Another application measure inside the clause of a new-applications figure: 50 includes
#: last year's carry-over (共受理申请50件（含上年结转4件）).
_INCLUDES_CARRY_RE = regex.compile(r"^[^。；;！!？?]{0,6}?(?:含|包括|包含|其中)[^。；;！!？?]{0,12}?(?:上一?年度?|去年)结转")

#: Words that qualify a figure, by kind. Scope applies to the whole sentence: 全区, 各部门,
#: 本级, and an area as the subject of a total (南岭区共收到…, 区政府全年受理…, 区级).
_SCOPE_RE = regex.compile(
    r"全(?:区|市|县|省|州|盟|旗|镇|乡|街道|系统)|各(?:部门|单位|乡镇|街道|区|县|市|镇)|本级|系统内|下属|辖区|所属"
    r"|(?<![社园景小校厂])[省市区县州旗](?:人民政府|政府)?(?:共|全年|累计|范围|级|直)"
)
_TIMELINESS = Words("按时", "按期", "当场", "即时", "及时", "限期", "期限内", "提前", "延期", "超期")
_SUBSET = Words("含", "其中", "包括", "包含")
_COMPARISON_RE = regex.compile(r"上一?年(?!度?结转)|去年|前年|往年|同比|同期|较上|比上|增加|减少|增长|下降|环比|累计|历年")
#: A part of the year (上半年, 第三季度, 截至11月底): the figure is not the year's.
_PERIOD_RE = regex.compile(r"上半年|下半年|季度|截至|截止|\d{1,2}[ ]*月(?:份|底|末|以来)")
_APPROX_BEFORE = ("近", "约", "大约", "超过", "超", "逾", "达", "达到", "多达", "高达", "将近", "接近", "上", "不足", "不到", "不少于", "至少")
#: Before a Chinese numeral these make it approximate (数十件, 几十件, 上万件, 成百件).
_CN_APPROX_BEFORE = ("数", "几", "成", "好")
_APPROX_AFTER = ("余", "多", "左右", "以上", "以下", "上下", "许")
_EACH_RE = regex.compile(r"分别|各(?!类|项|种|渠道|方面)|均|每")
_YEAR_RE = regex.compile(r"(\d{4})[ ]*年")


def _clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    lo, hi = max(lo, start - _MAX_REACH), min(hi, end + _MAX_REACH)
    left = start
    while left > lo and text[left - 1] not in _CLAUSE_BOUNDARY and text[left - 1] not in _SENTENCE_BOUNDARY:
        left -= 1
    right = end
    while right < hi and text[right] not in _CLAUSE_BOUNDARY and text[right] not in _SENTENCE_BOUNDARY:
        right += 1
    return left, right


def _sentence_bounds(text: str, start: int, lo: int, hi: int) -> tuple[int, int]:
    lo, hi = max(lo, start - _MAX_REACH), min(hi, start + _MAX_REACH)
    left = start
    while left > lo and text[left - 1] not in _SENTENCE_BOUNDARY:
        left -= 1
    right = start
    while right < hi and text[right] not in _SENTENCE_BOUNDARY:
        right += 1
    return left, right


def _list_start(text: str, clause_start: int, sentence_start: int) -> int:
    """Start of the list a clause belongs to: items joined by 、 share the verb of the first
    (公开行政许可决定1260条、行政处罚决定85条 — both are published items)."""
    start = clause_start
    while start > sentence_start and text[start - 1] == "、":
        start -= 1
        while start > sentence_start and text[start - 1] not in _CLAUSE_BOUNDARY + _SENTENCE_BOUNDARY:
            start -= 1
    return start


def _in_subclause(text: str, left: int, position: int) -> bool:
    """Whether ``position`` is inside a parenthesis opened in the sentence (``（含…``)."""
    opened = text.count("(", left, position) + text.count("（", left, position)
    closed = text.count(")", left, position) + text.count("）", left, position)
    return opened > closed


def find_claims(view: TextView, ranges: list[tuple[int, int]], report_year: int | None,
                issuer: str | None = None) -> list[Claim]:
    """Claims in the view ranges (introduction and section 一), in document order.

    ``issuer`` is the reporting body: a figure whose subject is another named body (a
    sub-unit, a department of the district) is qualified ``other-body``.
    """
    text = view.text
    claims: list[Claim] = []
    for lo, hi in ranges:
        sentences: dict[int, list[Claim]] = {}
        for match in _COUNT_RE.finditer(text, lo, hi):
            claim = _count_claim(view, match, lo, hi, report_year, issuer)
            if claim is not None:
                sentences.setdefault(_sentence_bounds(text, match.start(), lo, hi)[0], []).append(claim)
        for group in sentences.values():
            _mark_handled_of_new(group)
            claims.extend(group)
        claims.extend(find_outcomes(view, lo, hi, report_year, issuer))
    claims.sort(key=lambda claim: (claim.span.line, claim.span.column))
    return claims


def _mark_handled_of_new(sentence: list[Claim]) -> None:
    """收到申请46件，办结39件，7件结转下年度 (39 + 7 = 46, no carry-over from last year named):
    the 办结 figure counts this year's new applications only, not （七）总计 (which includes
    last year's carry-over); it is qualified ``of-new``."""
    plain = {claim.measure: claim for claim in sentence if not claim.qualifiers}
    new, handled, out = plain.get("new"), plain.get("handled"), plain.get("carried_out")
    if any(claim.measure == "carried_in" for claim in sentence) or None in (new, handled, out):
        return
    if handled.value + out.value == new.value:
        handled.qualifiers.append("of-new")


def _count_value(match: re.Match[str]) -> int | None:
    """The value of a count (``16件``, ``十六件``), ``None`` when it is no count."""
    chinese = match.group("chinese")
    if not chinese:
        return read_int(match.group("arabic"))  # None for a digit run no count has
    if chinese == "一" and match.group("cunit") == "起":
        return None  # 一起 is mostly "together"
    return cn_value(chinese)


def _count_claim(view: TextView, match: re.Match[str], lo: int, hi: int, report_year: int | None,
                 issuer: str | None) -> Claim | None:
    """The claim a count states, or ``None`` when it states no table figure."""
    text = view.text
    value = _count_value(match)
    if value is None:
        return None
    chinese = bool(match.group("chinese"))
    c_left, c_right = _clause_bounds(text, match.start(), match.end(), lo, hi)
    before = unwrap(text[c_left : match.start()]).rstrip()
    after = unwrap(text[match.end() : c_right])
    if before.endswith(_NOT_A_COUNT_BEFORE):
        return None
    found = _measure(before, after)
    if found is None:
        return None
    measure, quote_start, quote_end = found
    s_left, s_right = _sentence_bounds(text, match.start(), lo, hi)
    prior = unwrap(text[s_left : match.start()])
    listed = unwrap(text[_list_start(text, c_left, s_left) : match.start()])
    if _other_object(measure, before, after, prior, listed):
        return None
    if measure in CATEGORY_MEASURES and not _about_applications(text, lo, match.start()):
        return None
    sentence = unwrap(text[s_left:s_right])
    rest = unwrap(text[match.end() : s_right])
    qualifiers = _qualifiers(text, sentence, before, after, rest, s_left, match.start(), report_year,
                             measure, chinese)
    if _joined_item(text, c_left, s_left):
        qualifiers.append("combined")
    if _other_body(text, c_left, s_left, issuer):
        qualifiers.append("other-body")
    number = re.sub(r"\s+", "", match.group())
    written = before[quote_start:].replace(" ", "") + number + after[:quote_end].replace(" ", "")
    return Claim(measure, value, written, view.span(match.start(), match.end()), qualifiers)


def _about_applications(text: str, lo: int, position: int) -> bool:
    """Whether the text before ``position`` last talked about applications (申请), not about
    documents (公文公开属性审查166件，不予公开12件 counts documents)."""
    window = text[max(lo, position - _CONTEXT_REACH) : position]
    last = window.rfind("申请")
    return last != -1 and all(window.rfind(word) < last for word in _DOCUMENT_WORDS)


#: Words of a measure: an item of ``X、Y N件`` that names one and has no figure of its own
#: shares the figure (予以公开、部分公开208件; 行政复议、行政诉讼各1件).
_MEASURE_WORD_RE = regex.compile(
    r"新收|收到|受理|结转|办结|答复|予以公开|部分公开|不予以?公开|同意公开|无法提供|不予处理|其他处理"
    r"|行政复议|行政诉讼|规范性文件|处理决定|许可决定|处罚决定"
)


def _joined_item(text: str, clause_start: int, sentence_start: int) -> bool:
    """Whether the clause is the second item of ``X、Y N件`` whose ``X`` names a measure and
    gives no figure: the figure is X and Y together (or each), not Y."""
    if clause_start <= sentence_start or text[clause_start - 1] != "、":
        return False
    start = clause_start - 1
    while start > sentence_start and text[start - 1] not in _CLAUSE_BOUNDARY + _SENTENCE_BOUNDARY:
        start -= 1
    item = text[start : clause_start - 1]
    return _MEASURE_WORD_RE.search(item) is not None and _COUNT_RE.search(item) is None


#: A named body as the subject at the start of a clause (区教育局全年受理…, 某某街道办结…).
_SUBJECT_RE = regex.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,14}?(?:局|委员会|委|办公室|办|厅|管委会|中心|街道办事处|街道|镇|乡|公司|集团|医院|学校"
    r"|院|所|站|大队|支队))(?:本级)?[ ]*(?=共|全年|本年|今年|累计|依法|新收|收到|受理|接收|接到|办结|答复|收悉|作出|发生"
    r"|被|年内|当年|办理|处理)"
)
#: What may precede the subject of a clause: a year, 全年, 其中.
_LEAD_RE = regex.compile(r"(?:\d{4}[ ]*年度?|本年度?|今年|全年|年内|当年|同期|其中|[ \n])*")
#: A body named by its kind alone is the reporting body itself (本局, 街道, 办公室).
_GENERIC_BODY = ("街道办事处", "办事处", "管委会", "办公室", "委员会", "服务中心")


def _other_body(text: str, clause_start: int, sentence_start: int, issuer: str | None) -> bool:
    """Whether the nearest clause of the sentence that opens with a named body (up to the
    current one) names a body other than ``issuer``. Unknown issuer: any named body is
    another one (nothing says it is the reporting body)."""
    end = clause_start
    while end >= sentence_start:
        start = end
        while start > sentence_start and text[start - 1] not in _CLAUSE_BOUNDARY + _SENTENCE_BOUNDARY:
            start -= 1
        lead = _LEAD_RE.match(text, start)
        subject = _SUBJECT_RE.match(text, lead.end() if lead else start)
        if subject is not None:
            return not _same_body(subject.group("name"), issuer)
        if start <= sentence_start:
            return False
        end = start - 1
    return False


def _same_body(name: str, issuer: str | None) -> bool:
    """Whether ``name`` (as written in a sentence) is the reporting body."""
    if len(name) <= 2 or name.startswith(("本", "我", "该")) or name in _GENERIC_BODY:
        return True
    if not issuer:
        return False
    short, full = name.replace("人民", ""), issuer.replace("人民", "").replace(" ", "")
    return short in full or full in short


def _measure(before: str, after: str) -> tuple[str, int, int] | None:
    """The measure a number states, and where its wording starts (in ``before``) and ends (in ``after``)."""
    for measure in MEASURES:
        if measure.before is not None:
            hit = measure.before.search(before)
            if hit:
                return measure.key, hit.start(), 0
        if measure.after is not None:
            hit = measure.after.search(after)
            if hit:
                return measure.key, len(before), hit.end()
    return None


def _other_object(measure: str, before: str, after: str, prior: str, listed: str) -> bool:
    """Whether the clause, although worded like ``measure``, counts something else.

    ``prior`` is the sentence up to the number: for an application measure, the last object
    it names decides (受理行政许可申请1260件，办结1260件 — the second figure is about licences).
    ``listed`` is the list (items joined by 、) up to the number, whose first verb governs
    every item.
    """
    if measure in CATEGORY_MEASURES:
        if _CATEGORY_OTHER.search(before) or _CATEGORY_OTHER.search(after):
            return True
        own = _OWN_WORDS.get(measure, (measure,))
        return any(pattern.search(before) for key, pattern in _APPLICATION_WORDS.items()
                   if key not in own and key != "handled")
    if measure in APPLICATION_MEASURES:
        if _OTHER_OBJECTS.search(before) or _OTHER_OBJECTS.search(after):
            return True
        if measure == "granted" and _GRANTED_OTHER_RE.search(before):
            return True
        other = _OTHER_OBJECTS.ends(prior)
        ours = _DISCLOSURE_OBJECT.ends(prior)
        if other and (not ours or max(other) > max(ours)):
            return True
        # Two application measures in one clause: a combined figure, or one inside another
        # (同意公开答复7件 is one: the category with its verb).
        answered = measure == "granted" and _GRANTED_ANSWER_RE.search(before) is not None
        return any(pattern.search(before) for key, pattern in _APPLICATION_WORDS.items()
                   if key != measure and not (answered and key == "handled"))
    if measure in ("review", "litigation"):
        other = "诉讼" if measure == "review" else "复议"
        return bool(other in before or _CASE_OTHER_RE.search(before) or _CASE_OTHER_RE.search(after)
                    or _CASE_PUBLISHED_RE.search(listed))
    if measure in ("licensing_decisions", "penalty_decisions"):
        return bool(_DECISION_PUBLISHED.search(listed))
    if measure.startswith("normative_"):
        return bool(_NORMATIVE_OTHER.search(before))
    return False


def _is_part(measure: str, before: str) -> bool:
    """Whether the clause restricts the figure to a part of what the table counts."""
    if _SUBSET.search(before):
        return True
    if measure in APPLICATION_MEASURES or measure in CATEGORY_MEASURES:
        if _APPLICATION_TOPIC.search(before):
            return True
        return bool(_APPLICATION_PART.search(before) and not _AGGREGATE.search(before))
    if measure in ("review", "litigation"):
        return bool(_CASE_RESULT.search(before))
    if measure in ("licensing_decisions", "penalty_decisions"):
        return bool(_DECISION_SUBSET.search(before))
    return False


def _qualifiers(text: str, sentence: str, before: str, after: str, rest: str, sentence_start: int, position: int,
                report_year: int | None, measure: str, chinese: bool) -> list[str]:
    found = []
    if _SCOPE_RE.search(sentence):
        found.append("scope")
    if _TIMELINESS.search(before):
        found.append("timeliness")
    if _is_part(measure, before) or _in_subclause(text, sentence_start, position):
        found.append("subset")
    elif measure in CATEGORY_MEASURES or measure == "granted":
        prior = text[sentence_start:position]
        # 通过邮寄方式提交申请5件，予以公开3件: the categories of a part of the applications
        if _APPLICATION_TOPIC.search(prior) or (_APPLICATION_PART.search(prior) and not _AGGREGATE.search(prior)):
            found.append("subset")
    if measure == "new" and _INCLUDES_CARRY_RE.search(rest):
        found.append("includes")
    if _COMPARISON_RE.search(before) or _COMPARISON_RE.search(after):
        found.append("comparison")
    if _PERIOD_RE.search(sentence):
        found.append("other-period")
    if (before.endswith(_APPROX_BEFORE) or after.lstrip().startswith(_APPROX_AFTER)
            or (chinese and before.endswith(_CN_APPROX_BEFORE))):
        found.append("approximate")
    if _EACH_RE.search(before):
        found.append("each")
    years = {int(y) for y in _YEAR_RE.findall(sentence)}
    if years - {report_year}:
        found.append("other-year")  # with the report year unknown, any year is unsure
    return found


# --------------------------------------------------------------------------- outcomes

#: "Every application was handled" (均已办结, 全部办结): none of this year's was carried over.
_ALL_HANDLED_RE = regex.compile(
    r"(?<!未)(?<!没有)(?:均|全部|都)[ ]*(?:已经?)?[ ]*(?:依法)?[ ]*(?:办结|办理完毕|处理完毕|答复完毕|办理完成|处理完成)"
)
#: "Every review or lawsuit upheld the decision" (均获维持, 均被维持, 全部维持).
_ALL_UPHELD_RE = regex.compile(r"(?<!未)(?:均|全部|都)[ ]*(?:已经?)?[ ]*(?:获|被|予以|依法)?[ ]*维持")
#: The rest, or all but some (其余均已办结, 除1件外均获维持): not a statement about all.
_EXCEPT = Words("其余", "其他", "剩余", "余下", "另", "除", "以外", "之外")
#: Words of carrying over: with them in the sentence, 均 may refer to anything.
_CARRY = Words("结转", "顺延", "转入下")
_DISCLOSURE_CONTEXT = Words("信息公开", "依申请", "公开申请")
#: Reviews and lawsuits by what the sentence names: the measure a 均获维持 states.
_CASE_KINDS = (("review", ("行政复议",)), ("litigation", ("行政诉讼", "起诉")))
_OUTCOME_QUOTE = 40


def find_outcomes(view: TextView, lo: int, hi: int, report_year: int | None, issuer: str | None) -> list[Claim]:
    """Claims that every application was handled, or every review or lawsuit upheld, in
    ``view.text[lo:hi]``.

    Each is a claim that a table figure is 0: 均已办结 states that no new application was left
    unhandled (``new_unhandled``: 结转下年度 beyond what was carried in from last year);
    均获维持 states 结果纠正 + 尚未审结 = 0 for the reviews or lawsuits the sentence names.
    Only a sentence unambiguously about the reporting body's
    own applications or cases of the report year gives one: no scope, no other year or
    period, no other body, no subset, no "the rest" (其余均已办结), no carry-over in the
    sentence.
    """
    text = view.text
    claims: list[Claim] = []
    for pattern, kind in ((_ALL_HANDLED_RE, "handled"), (_ALL_UPHELD_RE, "upheld")):
        for match in pattern.finditer(text, lo, hi):
            s_left, _ = _sentence_bounds(text, match.start(), lo, hi)
            prior = unwrap(text[s_left : match.start()])
            if not _plain_statement(text, prior, s_left, match.start(), report_year, issuer):
                continue
            measures = _outcome_measures(kind, prior)
            quote = re.sub(r"\s+", "", view.original(s_left, match.end()))  # as written: ，not ,
            quote = quote if len(quote) <= _OUTCOME_QUOTE else "…" + quote[-_OUTCOME_QUOTE:]
            span = view.span(match.start(), match.end())
            claims.extend(Claim(measure, 0, quote, span, []) for measure in measures)
    return claims


def _plain_statement(text: str, prior: str, sentence_start: int, position: int, report_year: int | None,
                     issuer: str | None) -> bool:
    """Whether the sentence up to an outcome phrase is about all of the reporting body's own
    applications or cases of the report year (nothing qualifies it)."""
    if _EXCEPT.search(prior) or _CARRY.search(prior) or _SUBSET.search(prior):
        return False
    if _SCOPE_RE.search(prior) or _COMPARISON_RE.search(prior) or _PERIOD_RE.search(prior):
        return False
    if _APPLICATION_PART.search(prior) or _APPLICATION_TOPIC.search(prior) or _TIMELINESS.search(prior):
        return False
    if {int(y) for y in _YEAR_RE.findall(prior)} - {report_year}:
        return False
    clause_start = position
    while clause_start > sentence_start and text[clause_start - 1] not in _CLAUSE_BOUNDARY + _SENTENCE_BOUNDARY:
        clause_start -= 1
    return not _other_body(text, clause_start, sentence_start, issuer)


def _outcome_measures(kind: str, prior: str) -> list[str]:
    """The table figures an outcome phrase states to be 0, from what the sentence names."""
    if kind == "handled":
        other = _OTHER_OBJECTS.ends(prior)
        ours = _DISCLOSURE_OBJECT.ends(prior)
        if not ours or (other and max(other) > max(ours)):
            return []
        return ["new_unhandled"]
    if not _DISCLOSURE_CONTEXT.search(prior) or _CASE_OTHER_RE.search(prior) or _CASE_PUBLISHED_RE.search(prior):
        return []
    if _CASE_RESULT.search(prior):
        return []  # results already named (1件被纠正…): the sentence is not about all cases
    return [key + "_not_upheld" for key, words in _CASE_KINDS if any(word in prior for word in words)]
