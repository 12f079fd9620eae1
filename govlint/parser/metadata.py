"""Report metadata: title, issuer, year, statistics period, dates, contacts, fee statement.

Why: the date, period, year-mismatch, contact and fee rules need these facts with exact
positions; rules must never re-read the text (architecture.md §1). Everything is recorded
as written, including what is wrong (a period that is not Jan 1–Dec 31, a malformed
signature date); nothing is judged here.

Where each fact comes from (first that applies):

* title — a line before section 一 naming the report (possibly split over two lines, the
  issuer on the first), else the crawler header ``标题: …``. Navigation lines
  (``首页 > …``, ``… | …``) and sentences that merely mention the report are not titles.
* issuer — the title (text before the year, or after it in ``2020年度XX局…``), the header
  ``发布机构:``, the introduction (``现公布XX2020年…报告``), the line above the signature.
* year — title, else the period's start, else the introduction. Every statement of the
  year is kept in ``year_mentions`` (source ``title``/``header``/``period``/``intro``);
  a header title used as *the* title is recorded once, as ``title``.
* period — the 统计期限/统计时限/统计时间段/起止时间 sentence (domain.md §9); without a
  keyword only an unambiguous ``本报告…数据…自…至…`` range in the introduction.
* published — the value after ``发布时间:``/``发布日期:``/``发文日期:``/``公开日期:``.
* signed — the last line after section 六's heading that holds only a date (web residue
  below it is skipped), or a date closing the last line after its final sentence.
"""

from __future__ import annotations

import re

from govlint import regex
from govlint.model import DateMention, Period, Report, TextFact, YearMention
from govlint.parser import dates as _dates
from govlint.parser.contact import find_contacts
from govlint.parser.dates import mention
from govlint.parser.normalize import TextView, unwrap
from govlint.parser.sections import SectionLayout
from govlint.parser.tokens import read_decimal

INTRO_LIMIT = 3000
_YEAR = rf"(?P<year>\d{{4}}|{_dates.CN_YEAR})"
#: Characters of an issuer inside a title: no sentence punctuation, no digits (so the
#: year is never swallowed by the issuer), no 〇 (Chinese-numeral years).
_NOT_TITLE = r"[^。,，;；:>|!?！？\n\d〇○]"
#: A report title: issuer, year, issuer (either place), the report name, an optional note
#: (``（全文）``) or the year in parentheses after the name (``…年度报告（2023年）``).
TITLE_RE = regex.compile(
    rf"(?P<pre>{_NOT_TITLE}{{0,40}}?)(?:{_YEAR}[ ]*年[ ]*(?:度)?)?[ ]*(?P<mid>{_NOT_TITLE}{{0,30}}?)"
    rf"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
    rf"(?:[ ]*\((?:(?P<note_year>\d{{4}})[ ]*年[ ]*度?|[^()\n]{{1,12}})\))?"
)
_NAV_RE = regex.compile(r"[>|»]|首页|当前位置|您现在的位置")
_HEADER_LINE_RE = regex.compile(r"^[ ]*[\u4e00-\u9fff]{2,6}[ ]*:")
_HEADER_TITLE_RE = regex.compile(r"^[ ]*标题[ ]*:[ ]*(?P<value>[^\n]*?)[ ]*$", re.MULTILINE)
_HEADER_ISSUER_RE = regex.compile(r"发布机构[ ]*:[ ]*(?P<value>[^ \n]+)")
#: A sentence naming the report: ``现公布XX2020年政府信息公开工作年度报告``.
_REPORT_NAME_RE = regex.compile(
    rf"{_YEAR}[ ]*年[ ]*度?[^。,，;；\n]{{0,12}}?(?:政府信息公开|政务公开)[^。,，;；\n]{{0,10}}?(?:报告|年报)"
)
_PUBLISH_VERB_RE = regex.compile(r"(?:现予以公布|现予公布|现公布|现发布|特公布|特发布|现将|公布|发布)(?P<issuer>[^。,，;；:《》()\n]{0,40})$")
_PERIOD_KEY_RE = regex.compile(r"统计期限|统计时限|统计时间段|统计时间|统计区间|统计周期|起止时间|起止日期")
_PERIOD_LEAD_RE = regex.compile(
    r"(?:[^。\d]{0,12}?(?:为|是|:|自|从|由)[ ]*(?:[:]|自|从)?|)[ ]*(?:上一?年度?|本年度?)?[ ]*"
)
_PERIOD_LINK_RE = regex.compile(r"[ \n]*起?[ \n]*(?:至|到|-|~|—)[ \n]*")
_PERIOD_CLOSE_RE = regex.compile(r"[ ]*止")
_RANGE_RE = regex.compile(r"(?:自|从)[ ]*(?=\d)")
_PUBLISHED_RE = regex.compile(r"(?:发布时间|发布日期|发文日期|公开日期)[ ]*:")
_SENTENCE_END = "。!?;"
_BOUNDARY_RE = regex.compile(r"[。!?;\n]")
_LINE_ORGAN_RE = regex.compile(r"[\u4e00-\u9fff()]{2,30}")
#: How names of government bodies end (a signature on the same line as the text before it).
_ORGAN_END_RE = regex.compile(r"(?:政府|局|委员会|委|办公室|办|中心|街道|乡|镇|处|厅|部|院|会|所|站|室|区|县|市|署|队|馆)$")


def extract_metadata(view: TextView, layout: SectionLayout, report: Report) -> None:
    """Fill the metadata fields of ``report`` from ``view`` (see the module docstring)."""
    text = view.text
    intro_end = layout.first_heading if layout.first_heading is not None else min(len(text), INTRO_LIMIT)
    mentions: list[YearMention] = []
    issuer = _find_title(view, intro_end, report, mentions)
    report.period = find_period(view, intro_end)
    if report.period and report.period.start.year:
        mentions.append(YearMention("period", report.period.start.year, report.period.start.span))
    intro_issuer = _find_intro(view, intro_end, report, mentions)
    report.published = find_published(view)
    report.signed, signer = find_signature(view, layout)
    report.year_mentions = mentions
    report.issuer = issuer or _header_issuer(view, intro_end) or intro_issuer or signer
    by_source = {m.source: m.year for m in reversed(mentions)}  # the first mention of each source
    # A year no date can have (0000年 in a template left unfilled) is a mention, never the report's year.
    report.year = next((by_source[s] for s in ("title", "period", "intro", "header")
                        if s in by_source and _dates.is_calendar_year(by_source[s])), None)
    report.dates = _problem_dates(view, report)
    report.contacts = find_contacts(view)
    report.fee_statement = find_fee_statement(view, layout)


# --------------------------------------------------------------------------- title

def _lines_before(text: str, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line that ends before ``end``."""
    bounds, start = [], 0
    while start < end:
        stop = text.find("\n", start)
        if stop == -1 or stop > end:
            break
        bounds.append((start, stop))
        start = stop + 1
    return bounds


def _title_year(match: re.Match[str]) -> str | None:
    """Name of the group holding a title's year: before the report name, or in the note."""
    return next((name for name in ("year", "note_year") if match.group(name)), None)


def _year_value(raw: str) -> int:
    return int(raw) if raw.isdecimal() else _dates.cn_year(raw)


def _clean(name: str) -> str | None:
    name = name.replace(" ", "").replace("\n", "")
    return name if len(name) >= 2 and not name.startswith(("我", "本")) else None


def _title_match(line: str) -> re.Match[str] | None:
    if _NAV_RE.search(line) or _HEADER_LINE_RE.match(line) or "http" in line:
        return None
    match = TITLE_RE.fullmatch(line)
    if match is None or _SENTENCE_MARKS_RE.search(match.group("pre") + match.group("mid")):
        return None
    if _title_year(match) or len((match.group("pre") + match.group("mid")).strip()) >= 2:
        return match
    return None


#: Marks of running prose, never part of an issuer's name: a line holding them before
#: ``…工作年度报告`` is a sentence citing the format (``《关于印发…年度报告``), not a title.
_SENTENCE_MARKS_RE = re.compile("[《》，。；、！？]")


def _line_gap(text: str) -> int:
    """Line breaks between two lines of one paragraph: 2 in double-spaced text, else 1.

    Text copied from web pages and some converters puts a blank line after every line;
    there a blank line separates nothing, and a title wrapped over two lines still has
    its halves two breaks apart. Judged on the first lines of the text (a bounded scan).
    """
    gaps = [m.group().count("\n") for m in _BREAKS_RE.finditer(text, 0, min(len(text), 6000))]
    if len(gaps) >= 8 and sum(1 for g in gaps if g == 2) >= 0.8 * len(gaps):
        return 2
    return 1


#: The line breaks between two non-blank lines (blank lines included).
_BREAKS_RE = re.compile(r"(?<=\S)\n(?:[ \t]*\n)*(?=[ \t]*\S)")


def _organ_line(line: str) -> bool:
    """A short line that can be the issuer half of a title split over two lines."""
    return bool(_LINE_ORGAN_RE.fullmatch(line.replace(" ", ""))) and not _NAV_RE.search(line)


def _issuer_in(match: re.Match[str]) -> str | None:
    """The issuer part of a title match: before the year, else after it."""
    return _clean(match.group("pre")) or _clean(match.group("mid"))


def _find_title(view: TextView, intro_end: int, report: Report, mentions: list[YearMention]) -> str | None:
    """Set ``report.title`` (and its year mentions); return the issuer named in it.

    A line naming the report *with a year* wins over an earlier one without (site menus
    carry entries such as ``政府信息公开年报`` above the real title).
    """
    text = view.text
    lines = [(a, b) for a, b in _lines_before(text, intro_end) if text[a:b].strip()]
    header = _HEADER_TITLE_RE.search(text, 0, intro_end)
    fallback = None
    gap = _line_gap(text)
    for index, (a, b) in enumerate(lines):
        line = text[a:b].strip()
        above = lines[index - 1] if index and text.count("\n", lines[index - 1][1], a) <= gap else None
        above_line = text[above[0] : above[1]].strip() if above else ""
        match = _title_match(line)
        candidate = None
        if match is None:
            # A title wrapped inside its name: "…2024年政府信息公开" / "工作年度报告".
            if above and line.endswith(("报告", "年报")):
                joined = _title_match(above_line + line)
                if joined:
                    candidate = ((above[0], b), above_line + line, joined)
        elif above and not (match.group("pre") + match.group("mid")).strip() and _organ_line(above_line):
            # The issuer on the line above: "XX市人民政府" / "2024 年政府信息公开工作年度报告".
            joined_text = above_line + line
            candidate = ((above[0], b), joined_text, _title_match(joined_text) or match)
        else:
            candidate = ((a, b), line, match)
        if candidate is None:
            continue
        if _title_year(candidate[2]):
            return _set_title(view, report, mentions, *candidate, header)
        fallback = fallback or candidate
    if fallback is not None and not (header and header.group("value")):
        return _set_title(view, report, mentions, *fallback, header)
    if header and header.group("value"):
        value, start = header.group("value"), header.start("value")
        report.title = TextFact(value, view.span(start, header.end("value")))
        match = TITLE_RE.search(value)
        if match is None:
            return None
        group = _title_year(match)
        if group:
            year_span = view.span(start + match.start(group), start + match.end(group))
            mentions.append(YearMention("title", _year_value(match.group(group)), year_span))
        return _issuer_in(match)
    if fallback is not None:
        return _set_title(view, report, mentions, *fallback, header)
    return None


def _set_title(view: TextView, report: Report, mentions: list[YearMention], bounds: tuple[int, int],
               title: str, match: re.Match[str], header: re.Match[str] | None) -> str | None:
    """Record a title found in the body, its year and the header's year; return the issuer."""
    start, end = bounds
    while view.text[start] == " ":
        start += 1
    while view.text[end - 1] == " ":
        end -= 1
    report.title = TextFact(title, view.span(start, end))
    group = _title_year(match)
    year = match.group(group) if group else None
    if year:
        year_index = view.text.find(year, start, end)
        mentions.append(YearMention("title", _year_value(year), view.span(year_index, year_index + len(year))))
    found = TITLE_RE.search(header.group("value")) if header else None
    group = _title_year(found) if header and found else None
    if header and found and group:
        offset = header.start("value")
        year_span = view.span(offset + found.start(group), offset + found.end(group))
        mentions.append(YearMention("header", _year_value(found.group(group)), year_span))
    return _issuer_in(match)


def _header_issuer(view: TextView, intro_end: int) -> str | None:
    match = _HEADER_ISSUER_RE.search(view.text, 0, intro_end)
    return _clean(match.group("value")) if match else None


def _find_intro(view: TextView, intro_end: int, report: Report, mentions: list[YearMention]) -> str | None:
    """Year mentions naming the report in the introduction; the issuer of ``现公布XX…``."""
    text = view.text
    title_lines = range(report.title.span.line, report.title.span.end_line + 1) if report.title else range(0)
    issuer = None
    for match in _REPORT_NAME_RE.finditer(text, 0, intro_end):
        span = view.span(match.start("year"), match.end("year"))
        a, b = view.line_bounds(match.start())
        if span.line in title_lines or _HEADER_LINE_RE.match(text[a:b]) or _NAV_RE.search(text[a:b]):
            continue
        mentions.append(YearMention("intro", _year_value(match.group("year")), span))
        verb = _PUBLISH_VERB_RE.search(text, max(a, match.start() - 50), match.start())
        if issuer is None and verb:
            issuer = _clean(verb.group("issuer"))
    return issuer


# --------------------------------------------------------------------------- period

def find_period(view: TextView, intro_end: int) -> Period | None:
    """The statistics period: the first keyword sentence, else an unambiguous intro range."""
    text = view.text
    for key in _PERIOD_KEY_RE.finditer(text):
        lead = _PERIOD_LEAD_RE.match(text, key.end())
        period = _read_range(view, key.start(), lead.end() if lead else key.end())
        if period:
            return period
    candidates = []
    for start, end in _sentences(text, 0, intro_end):
        sentence = text[start:end]
        if "报告" in sentence and ("数据" in sentence or "统计" in sentence):
            for found in _RANGE_RE.finditer(text, start, end):
                period = _read_range(view, found.start(), found.end())
                if period:
                    candidates.append(period)
    return candidates[0] if len(candidates) == 1 else None


def _read_range(view: TextView, raw_start: int, pos: int) -> Period | None:
    text = view.text
    start = _dates.expected_date_at(text, pos, min(len(text), pos + 30))
    if start is None or start.month is None:
        return None
    link = _PERIOD_LINK_RE.match(text, start.end)
    if not link:
        return None
    end = _dates.expected_date_at(text, link.end(), min(len(text), link.end() + 30))
    if end is None:
        return None
    end_year_written = end.year is not None
    if not end_year_written and start.year is not None:
        end = end._replace(year=start.year, problem=_dates.check(start.year, end.month, end.day))
    close = _PERIOD_CLOSE_RE.match(text, end.end)
    raw_end = close.end() if close else end.end
    raw = unwrap(text[raw_start:raw_end])
    return Period(raw, view.span(raw_start, raw_end), mention(view, start, "period_start"),
                  mention(view, end, "period_end"), end_year_written)


# --------------------------------------------------------------------------- published / signed

def find_published(view: TextView) -> DateMention | None:
    """The publication date after ``发布时间:`` (page metadata), as written."""
    for label in _PUBLISHED_RE.finditer(view.text):
        line_end = view.line_bounds(label.end())[1]
        parsed = _dates.expected_date_at(view.text, label.end(), line_end)
        if parsed:
            return mention(view, parsed, "published")
    return None


def find_signature(view: TextView, layout: SectionLayout) -> tuple[DateMention | None, str | None]:
    """The signature date at the end of the report, and the issuer line above it."""
    text = view.text
    if 6 in layout.bodies:
        region = layout.bodies[6][0]
    elif layout.bodies:
        region = layout.bodies[max(layout.bodies)][0]
    else:
        region = max(0, len(text) - INTRO_LIMIT)
    lines = [(a, b) for a, b in _lines_from(text, region) if text[a:b].strip()]
    for index in range(len(lines) - 1, -1, -1):
        a, b = lines[index]
        parsed = _dates.date_line(text[a:b], a)
        if parsed is None:
            continue
        signer = None
        if index:
            above = text[lines[index - 1][0] : lines[index - 1][1]].strip()
            if len(above) <= 40 and not any(ch in above for ch in "。,;:") and _organ_line(above):
                signer = _clean(above)
        return mention(view, parsed, "signed"), signer
    if lines:  # one-line text: "…无。示例局 2024年1月20日"
        a, b = lines[-1]
        tail_start = max(a, *(text.rfind(ch, a, b) + 1 for ch in _SENTENCE_END + ","))
        for parsed in _dates.iter_full_dates(text, tail_start, b):
            issuer = text[tail_start : parsed.start].strip()
            if not text[parsed.end : b].strip() and (not issuer or _ORGAN_END_RE.search(issuer)) and len(issuer) <= 40:
                return mention(view, parsed, "signed"), _clean(issuer)
    return None, None


def _lines_from(text: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line from view index ``start`` to the end of the text."""
    bounds = []
    while start <= len(text):
        stop = text.find("\n", start)
        stop = len(text) if stop == -1 else stop
        bounds.append((start, stop))
        start = stop + 1
    return bounds


def _problem_dates(view: TextView, report: Report) -> list[DateMention]:
    """Impossible dates anywhere (full forms, ``2021年13月``), plus the role dates with a problem."""
    found: dict[tuple[int, int], DateMention] = {}
    roles = [report.published, report.signed]
    if report.period:
        roles += [report.period.start, report.period.end]
    for role_date in roles:
        if role_date is not None and role_date.problem:
            found[role_date.span[:2]] = role_date
    text = view.text
    for parsed in (*_dates.iter_full_dates(text), *_dates.iter_impossible_months(text)):
        if parsed.problem:
            date = mention(view, parsed, "other")
            found.setdefault(date.span[:2], date)
    return sorted(found.values(), key=lambda d: d.span[:2])


# --------------------------------------------------------------------------- fee statement

#: The fee the 2021 format asks about, 信息处理费, also written 信息公开处理费.
_FEE_NOUN = r"信息(?:公开)?处理费"
#: A statement of the 信息处理费 charged, or that nothing was charged: a fee word (处理费,
#: 收费, 费用) next to a verb of charging (收取, 未收, 免收, 共计 … 元). Any other sentence
#: with 费 (行政事业性收费, 收费标准, 缴纳费用) is not one.
FEE_RE = regex.compile(
    rf"{_FEE_NOUN}[^。]{{0,30}}?(?:收取|收费|征收|免收|共计|合计|\d[\d.]* *万?元|为0|为零|:[ ]*(?:0|无)(?![\d.]))"
    rf"|(?:收取|收费|征收|免收|未收|无收|不收|没有收|产生|发生|涉及)[^。]{{0,30}}?{_FEE_NOUN}"
    r"|(?:未|没有|无|不)[ ]*收(?:取)?[ ]*(?:任何)?[ ]*费(?:用)?"
    r"|收取[^。]{0,20}?费用[^。]{0,8}?\d[\d.]* *万?元"
    r"|免(?:收|除)[^。]{0,10}?费"
    r"|(?:未|没有|无)[ ]*(?:发生|产生|涉及|出现)[^。,，;；]{0,16}?收费(?:事项|情况|行为)"
)
_FEE_EXCLUDE_RE = regex.compile(r"行政事业性收费|本年收费金额|收费通知|收费金额\(单位")
#: The title of a document (《政府信息公开信息处理费管理办法》) names the fee, states nothing.
_DOCUMENT_TITLE_RE = regex.compile(r"《[^《》\n]{1,60}》")
_AMOUNT_RE = regex.compile(r"(\d+(?:\.\d+)?)[ ]*(万)?[ ]*元")
_NEGATION_RE = regex.compile(r"(?:未|没有|无|不|免)[ ]*(?:发生|产生|涉及|出现)?[^。,，;；]{0,16}?(?:收|处理费)")
_NIL_RE = regex.compile(r"处理费[ ]*(?::|为)[ ]*(?:0|零|无)(?![\d.])")
#: A numbered sub-heading such as ``（一）信息处理费收取情况``: names the topic, states nothing.
_HEADING_RE = regex.compile(r"(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])[^。]{0,30}$")


def find_fee_statement(view: TextView, layout: SectionLayout) -> TextFact | None:
    """The sentence stating the 信息处理费 charged: section 六, then 一, then anywhere."""
    text = view.text
    regions = [layout.bodies[n] for n in (6, 1) if n in layout.bodies] + [(0, len(text))]
    for start, end in regions:
        if not _has_fee_phrase(text, start, end):
            continue
        for a, b in _sentences(text, start, end):
            sentence = text[a:b]
            if "费" not in sentence or not FEE_RE.search(_DOCUMENT_TITLE_RE.sub(_blank, sentence)):
                continue
            if _FEE_EXCLUDE_RE.search(sentence) or _HEADING_RE.match(sentence):
                continue
            return TextFact(unwrap(sentence), view.span(a, b), _fee_value(sentence))
    return None


def _blank(match: re.Match[str]) -> str:
    """A document title replaced by as many neutral characters (positions are kept)."""
    return "《" + "_" * (len(match.group()) - 2) + "》"


def _has_fee_phrase(text: str, start: int, end: int) -> bool:
    """Whether a fee phrase occurs in ``text[start:end]``.

    Every fee phrase contains 费, so only short windows around each 费 are searched; this
    avoids scanning whole reports with :data:`FEE_RE` when there is no statement.
    """
    index = text.find("费", start, end)
    while index != -1:
        if FEE_RE.search(text, max(start, index - 40), min(end, index + 20)):
            return True
        index = text.find("费", index + 1, end)
    return False


def _fee_value(sentence: str) -> int | None:
    """Amount charged in 元 (0 when nothing was charged); ``None`` when not a whole number."""
    amount = _AMOUNT_RE.search(sentence)
    if amount:
        number = read_decimal(amount.group(1))  # None for a digit run no amount has
        if number is None:
            return None
        value = number * (10000 if amount.group(2) else 1)
        return int(value) if value == int(value) else None
    return 0 if _NEGATION_RE.search(sentence) or _NIL_RE.search(sentence) else None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (trimmed), ending at 。!?; or a paragraph break.

    A line break is a paragraph break unless the line is long and ends without
    punctuation (hard-wrapped PDF text), in which case the sentence continues.
    """
    bounds: list[tuple[int, int]] = []
    begin = line_start = start
    for match in _BOUNDARY_RE.finditer(text, start, end):
        index = match.start()
        if text[index] == "\n":
            line = text[line_start:index].strip()
            line_start = index + 1
            if len(line) >= 20 and line[-1] not in _SENTENCE_END + ":":
                continue
            _add(text, bounds, begin, index)
        else:
            _add(text, bounds, begin, index + 1)
        begin = index + 1
    _add(text, bounds, begin, end)
    return bounds


def _add(text: str, bounds: list[tuple[int, int]], a: int, b: int) -> None:
    while a < b and text[a] in " \n":
        a += 1
    while b > a and text[b - 1] in " \n":
        b -= 1
    if b > a:
        bounds.append((a, b))
