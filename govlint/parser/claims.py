"""Figures stated in prose that a table also holds (新收申请16件, 行政复议4起 …).

Section 一 and the introduction summarise the tables. This module finds a number with a
unit (``16件``, ``十六条``, ``3119 件``), decides from the words just before it (or, for
carry-overs, just after it) which table figure it states, and records the qualifiers that
change its meaning: a scope (全区, 区本级), another year or a comparison (上年, 2019年,
同比), a timeliness measure (按时办结 is not （七）总计), a subset (含…, 其中…) or an
approximation (近100件). The parser records; the consistency rule decides, and stays silent
whenever a qualifier makes the comparison unsure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.model import Claim
from govlint.parser.normalize import TextView

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_value(text: str) -> int | None:
    """Value of a Chinese numeral up to 万 (``十六`` → 16, ``一百零五`` → 105, ``两千`` → 2000)."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


#: A count with its unit: Arabic digits (possibly letter-spaced by PDF extraction) or Chinese.
_COUNT_RE = re.compile(
    r"(?<![\d.])(?P<arabic>\d(?: ?\d)*)(?![\d.%])[ \n]*(?P<unit>件|条|起|宗|份|次)"
    r"|(?P<chinese>[零〇一二两三四五六七八九十百千万]{1,8})[ \n]*(?P<cunit>件|起|宗)"
)
#: Clause boundaries inside a sentence (a parenthesis opens a sub-clause). A line break is
#: not one: PDF text wraps lines inside words (答\n复 3050 件); sentences end with 。.
_CLAUSE_BOUNDARY = "，,、；;：:（）()"
_SENTENCE_BOUNDARY = "。；;！!？?"
#: Sentence scans stop here even without punctuation (a heading line, a table).
_MAX_REACH = 200


@dataclass(frozen=True)
class Measure:
    """How a measure is recognised: a pattern that must end right before the number (``before``)
    or start right after it (``after``)."""

    key: str
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None


_GAP = r"[^，,。；;（）()\d]{0,8}"
MEASURES: tuple[Measure, ...] = (
    Measure("carried_in", before=re.compile(rf"(?:上一?年度?|去年)结转{_GAP}$")),
    Measure(
        "carried_out",
        before=re.compile(rf"(?:结转|顺延|转入)(?:至|到)?下一?(?:个)?年度?{_GAP}$"),
        after=re.compile(r"^[ ]*(?:申请)?[ ]*(?:结转|顺延|转入)(?:至|到)?下一?(?:个)?年"),
    ),
    Measure("new", before=re.compile(rf"(?:新收|收到|受理|接收|接到|共收|收悉){_GAP}申请{_GAP}$|收到{_GAP}依申请公开{_GAP}$")),
    Measure("handled", before=re.compile(rf"(?:办结|答复|办理完毕|处理完毕|办理完成|完成答复){_GAP}$")),
    Measure("granted", before=re.compile(rf"予以公开{_GAP}$")),
    Measure("review", before=re.compile(rf"行政复议{_GAP}$")),
    Measure("litigation", before=re.compile(rf"行政诉讼{_GAP}$")),
    Measure("normative_issued", before=re.compile(rf"(?:制发|印发|出台|制定){_GAP}规范性文件{_GAP}$")),
    Measure("normative_repealed", before=re.compile(rf"废止{_GAP}规范性文件{_GAP}$")),
    Measure("normative_in_force", before=re.compile(rf"现行有效{_GAP}规范性文件{_GAP}$|规范性文件{_GAP}现行有效{_GAP}$")),
)

#: Words that qualify a figure, by kind. Scope applies to the whole sentence.
_SCOPE_RE = re.compile(r"全(?:区|市|县|省|州|盟|旗|镇|乡|街道|系统)|各(?:部门|单位|乡镇|街道)|本级|系统内|下属")
_TIMELINESS_RE = re.compile(r"按时|按期|当场|即时|及时|限期|期限内|提前|延期|超期")
_SUBSET_RE = re.compile(r"含|其中|包括|包含")
_COMPARISON_RE = re.compile(r"上年(?!度?结转)|去年|同比|较上|比上|增加|减少|增长|下降|环比|累计|历年")
_APPROX_BEFORE_RE = re.compile(r"(?:近|约|超过|逾|达)$")
_APPROX_AFTER_RE = re.compile(r"^(?:余|多|左右|以上)")
_YEAR_RE = re.compile(r"(\d{4})[ ]*年")


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


def _in_subclause(text: str, left: int, position: int) -> bool:
    """Whether ``position`` is inside a parenthesis opened in the sentence (``（含…``)."""
    opened = text.count("(", left, position) + text.count("（", left, position)
    closed = text.count(")", left, position) + text.count("）", left, position)
    return opened > closed


def find_claims(view: TextView, ranges: list[tuple[int, int]], report_year: int | None) -> list[Claim]:
    """Claims in the view ranges (introduction and section 一), in document order."""
    text = view.text
    claims: list[Claim] = []
    for lo, hi in ranges:
        for match in _COUNT_RE.finditer(text, lo, hi):
            if match.group("arabic"):
                value = int(match.group("arabic").replace(" ", ""))
            else:
                value = cn_value(match.group("chinese"))
                if value is None:
                    continue
            c_left, c_right = _clause_bounds(text, match.start(), match.end(), lo, hi)
            before = text[c_left : match.start()].replace("\n", "").rstrip()
            after = text[match.end() : c_right].replace("\n", "")
            found = _measure(before, after)
            if found is None:
                continue
            measure, quote_start, quote_end = found
            s_left, s_right = _sentence_bounds(text, match.start(), lo, hi)
            sentence = text[s_left:s_right].replace("\n", "")
            qualifiers = _qualifiers(text, sentence, before, after, s_left, match.start(), report_year)
            number = re.sub(r"\s+", "", match.group())
            written = before[quote_start:].replace(" ", "") + number + after[:quote_end].replace(" ", "")
            claims.append(Claim(measure, value, written, view.span(match.start(), match.end()), qualifiers))
    return claims


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


def _qualifiers(text: str, sentence: str, before: str, after: str, sentence_start: int, position: int,
                report_year: int | None) -> list[str]:
    found = []
    if _SCOPE_RE.search(sentence):
        found.append("scope")
    if _TIMELINESS_RE.search(before):
        found.append("timeliness")
    if _SUBSET_RE.search(before) or _in_subclause(text, sentence_start, position):
        found.append("subset")
    if _COMPARISON_RE.search(before) or _COMPARISON_RE.search(after):
        found.append("comparison")
    if _APPROX_BEFORE_RE.search(before) or _APPROX_AFTER_RE.search(after.lstrip()):
        found.append("approximate")
    years = {int(y) for y in _YEAR_RE.findall(sentence)}
    if report_year is not None and years - {report_year}:
        found.append("other-year")
    return found
