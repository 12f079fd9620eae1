"""Reading dates as written: full forms anywhere, damaged forms where a date is expected.

Why: report dates are typed by hand and mangled by HTML/PDF extraction (``20211月7``,
``2025  1  1  日``, ``2024 年 1 月 1 日`` with a line break inside). The parser keeps the
text and records what is wrong with it; rules decide whether that is a finding.

Two strictness levels, on purpose:

* **full forms** (``2021年1月7日``, ``2021-01-07``, ``2021.1.7``, ``2021/1/7``,
  ``二〇二一年一月七日``, ``2025  1  1  日``) are recognised anywhere. A full form naming a
  day that does not exist (``2021年4月31日``, ``2021年13月1日``) is ``impossible``.
* **damaged forms** are only read where a date is *expected* (the signature line, the
  value after ``发布时间:``, the two ends of the statistics period). Anything date-like
  there that is not a full form is ``malformed`` (``20211月7``: year glued to the month,
  no 日). ``2021年1月`` there is *incomplete*, not malformed: it is a readable date without
  a day, recorded with ``day=None`` and no problem. In prose, ``2021年1月`` and
  ``1月31日前`` are ordinary text and are never flagged.

Values of a malformed mention are a best-effort guess (``20211月7`` → 2021, 1, 7) for
messages only; :attr:`~govlint.model.DateMention.date` is ``None`` whenever ``problem`` is
set.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from typing import Iterator, Literal, NamedTuple

from govlint import regex
from govlint.model import DateMention
from govlint.parser.normalize import TextView, unwrap
from govlint.templates import cn_number

#: Digits written as Chinese numerals in years (〇 and the look-alikes ○, O, 0, 零).
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_DIGIT = "[〇零○O0一二三四五六七八九]"
CN_YEAR = CN_DIGIT + "{4}"
_W = r"[ \n]{0,3}"  # spaces inside a date, and at most a line wrap (PDF text)

#: Full forms in Arabic digits, one alternative per writing style (group names say which).
#: The leading lookahead lets the regex engine skip quickly to runs of four digits.
ARABIC_DATE_RE = regex.compile(
    r"(?=\d{4})(?<![\d.])(?P<y>\d{4})(?:"
    rf"{_W}年{_W}(?P<am>\d{{1,2}}){_W}月{_W}(?P<ad>\d{{1,2}}){_W}日"
    r"|[ ]+(?P<sm>\d{1,2})[ ]+(?P<sd>\d{1,2})[ ]*日"
    r"|(?<=(?:19|20)\d\d)(?P<sep>[-./])(?P<pm>\d{1,2})(?P=sep)(?P<pd>\d{1,2})(?![\d]|[./]\d))"
)
#: Full forms in Chinese numerals: ``二〇二一年一月七日``.
CN_DATE_RE = regex.compile(
    rf"(?P<cy>[一二]{CN_DIGIT}{{3}})年(?P<cm>[一二三四五六七八九十元]{{1,2}})月(?P<cd>[一二三四五六七八九十]{{1,3}})日"
)
#: Year and month without a day (``2021年1月``); a day after it makes a full form instead.
YEAR_MONTH_RE = regex.compile(r"(?=\d{4})(?<!\d)(\d{4})[ ]*年[ ]*(\d{1,2})[ ]*月(?![ \n]*\d{1,2}[ \n]*日)")
#: Anchored forms for scanning (see :func:`iter_full_dates`): a full date is at most
#: ``_WINDOW`` characters long.
_WINDOW = 30
_ENDS_AT_DAY_RE = regex.compile(f"(?:{ARABIC_DATE_RE.pattern}|{CN_DATE_RE.pattern})$")
_ENDS_AT_MONTH_RE = regex.compile(r"(?<!\d)(\d{4})[ ]*年[ ]*(\d{1,2})[ ]*月$")
_DAY_AFTER_RE = regex.compile(r"[ \n]*\d{1,2}[ \n]*日")
#: A year alone (``2021年``), nothing date-like after it.
YEAR_ONLY_RE = regex.compile(r"(\d{4})[ ]*年(?![ ]*[\d月日])")
#: Month and day without a year (the end of ``2022年1月1日至12月31日``).
MONTH_DAY_RE = regex.compile(
    rf"(?<!\d)(?P<m>\d{{1,2}}){_W}月{_W}(?P<d>\d{{1,2}}){_W}日"
    r"|(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日"
)
_DATE_CHARS = r"\d〇零○一二三四五六七八九十年月日"
#: A damaged date where one is expected: digits and date characters, single spaces inside.
DATE_LIKE_RE = regex.compile(rf"[\d〇零○一二三四五六七八九](?:[{_DATE_CHARS}.\-/]|[ ](?=[{_DATE_CHARS}]))*")
_DIGITISH = frozenset("0123456789〇零○一二三四五六七八九十")
_DIGITS_RE = regex.compile(r"\d+")
_DIGIT_NEXT_RE = regex.compile(r"[ ]*\d")


Problem = Literal["malformed", "impossible"]


class ParsedDate(NamedTuple):
    """A date read from view text: view range, values as far as readable, problem."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    problem: Problem | None = None


#: Years a date can have (``datetime``'s range, less one so that the following year exists too).
MIN_YEAR, MAX_YEAR = 1, 9998


def is_calendar_year(year: int | None) -> bool:
    """Whether ``year`` can be a date's year (``0000年`` cannot: there is no year 0)."""
    return year is not None and MIN_YEAR <= year <= MAX_YEAR


def check(year: int | None, month: int | None, day: int | None) -> Problem | None:
    """``"impossible"`` when the year, month or day cannot exist, else ``None``.

    Without a year, 2月29日 is allowed (it exists in leap years).
    """
    if year is not None and not is_calendar_year(year):
        return "impossible"
    if month is not None and not 1 <= month <= 12:
        return "impossible"
    if month is not None and day is not None:
        last = calendar.monthrange(year if year else 2000, month)[1]
        if not 1 <= day <= last:
            return "impossible"
    elif day is not None and not 1 <= day <= 31:
        return "impossible"
    return None


def cn_year(text: str) -> int:
    """``二〇二一`` → 2021; any Unicode decimal digit counts as its value (``𝟐𝟎𝟐𝟑``, ``٢٠٢٣``).

    The year patterns match ``\\d``, which is every Unicode decimal digit, not only 0–9.
    """
    value = 0
    for ch in text:
        digit = _CN_DIGITS.get(ch)
        if digit is None:
            digit = unicodedata.decimal(ch)  # ValueError for a character that is no digit at all
        value = value * 10 + digit
    return value


def _cn_value(text: str) -> int | None:
    return 1 if text == "元" else cn_number(text)


def _from_full(match: re.Match[str]) -> ParsedDate:
    group = match.group
    if "y" in match.re.groupindex and group("y"):
        y = int(group("y"))
        if group("am"):
            m, d = int(group("am")), int(group("ad"))
        elif group("sm"):
            m, d = int(group("sm")), int(group("sd"))
        else:
            m, d = int(group("pm")), int(group("pd"))
    else:
        y = cn_year(group("cy"))
        m_value, d_value = _cn_value(group("cm")), _cn_value(group("cd"))
        if m_value is None or d_value is None:  # 十十 and the like: not a numeral
            return ParsedDate(match.start(), match.end(), y, m_value, d_value, "malformed")
        m, d = m_value, d_value
    return ParsedDate(match.start(), match.end(), y, m, d, check(y, m, d))


def iter_full_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[ParsedDate]:
    """Every full-form date in ``text[start:end]``, valid or impossible, in text order.

    Scanning a whole report with the date regexes costs more than the rest of this module
    together, so the scan is anchored instead: forms with 年 or spaces end with 日, so each
    日 is matched backwards within a short window; ``2021-01-07`` forms are tried where a
    separator follows four digits. ``str.find`` does the skipping at C speed.
    """
    end = len(text) if end is None else end
    found: dict[int, ParsedDate] = {}
    day = text.find("日", start, end)
    while day != -1:
        match = _ENDS_AT_DAY_RE.search(text, max(start, day - _WINDOW), day + 1)
        if match:
            found[match.start()] = _from_full(match)
        day = text.find("日", day + 1, end)
    for sep in "-./":
        index = text.find(sep, start + 4, end)
        while index != -1:
            if text[index - 4 : index].isdigit():
                match = ARABIC_DATE_RE.match(text, index - 4, end)
                if match and match.group("sep"):
                    found[match.start()] = _from_full(match)
            index = text.find(sep, index + 1, end)
    return iter(sorted(found.values()))


def iter_impossible_months(text: str) -> Iterator[ParsedDate]:
    """``2021年13月`` without a day: a month that cannot exist (full forms are separate)."""
    index = text.find("月")
    while index != -1:
        match = _ENDS_AT_MONTH_RE.search(text, max(0, index - 12), index + 1)
        if match and not 1 <= int(match.group(2)) <= 12 and not _DAY_AFTER_RE.match(text, index + 1):
            yield ParsedDate(match.start(), match.end(), int(match.group(1)), int(match.group(2)), None, "impossible")
        index = text.find("月", index + 1)


def full_date_at(text: str, pos: int, end: int | None = None) -> ParsedDate | None:
    """The full-form date starting exactly at ``pos``, if any."""
    end = len(text) if end is None else end
    match = ARABIC_DATE_RE.match(text, pos, end) or CN_DATE_RE.match(text, pos, end)
    return _from_full(match) if match else None


def month_day_at(text: str, pos: int, end: int | None = None) -> ParsedDate | None:
    """A ``12月31日`` date (no year) starting at ``pos``."""
    match = MONTH_DAY_RE.match(text, pos, len(text) if end is None else end)
    if not match:
        return None
    if match.group("m"):
        m, d = int(match.group("m")), int(match.group("d"))
    else:
        m_value, d_value = cn_number(match.group("cm")), cn_number(match.group("cd"))
        if m_value is None or d_value is None:
            return None
        m, d = m_value, d_value
    return ParsedDate(match.start(), match.end(), None, m, d, check(None, m, d))


def looks_like_date(token: str) -> bool:
    """Whether a date-like token is meant as a date: 4+ digits and a separator, or 6+ digits.

    ``2021`` alone is a year, not a damaged date.
    """
    digits = sum(ch in _DIGITISH for ch in token)
    if digits < 4:
        return False
    return digits >= 6 or any(ch in "年月日.-/" for ch in token)


def guess(token: str) -> tuple[int | None, int | None, int | None]:
    """Best-effort (year, month, day) of a malformed token, for messages only.

    ``20211月7`` → (2021, 1, 7); ``20171231日`` → (2017, 12, 31); ambiguous parts are ``None``.
    """
    groups = _DIGITS_RE.findall(token)
    if not groups or len(groups[0]) < 4:
        return None, None, None
    year = int(groups[0][:4])
    rest = groups[0][4:]
    numbers = ([rest] if rest else []) + groups[1:]
    if len(numbers) == 1 and len(numbers[0]) == 4:
        numbers = [numbers[0][:2], numbers[0][2:]]
    elif len(numbers) == 1 and len(numbers[0]) == 2 and rest:
        numbers = [numbers[0][0], numbers[0][1]]
    month = int(numbers[0]) if numbers and len(numbers[0]) <= 2 else None
    day = int(numbers[1]) if len(numbers) > 1 and len(numbers[1]) <= 2 and month is not None else None
    return year, month, day


def expected_date_at(text: str, pos: int, end: int | None = None) -> ParsedDate | None:
    """Read the date expected at ``pos`` (after leading spaces), damaged forms included.

    Order: a full form; ``M月D日``, ``YYYY年M月`` or ``YYYY年`` (incomplete: a readable
    date with parts left out, no problem); any other date-like token (``malformed``).
    ``None`` when nothing date-like is there.
    """
    end = len(text) if end is None else end
    while pos < end and text[pos] == " ":
        pos += 1
    parsed = full_date_at(text, pos, end)
    if parsed:
        return parsed
    parsed = month_day_at(text, pos, end)
    if parsed:
        return parsed
    match = YEAR_MONTH_RE.match(text, pos, end)
    if match and not _DIGIT_NEXT_RE.match(text, match.end(), end):
        y, m = int(match.group(1)), int(match.group(2))
        return ParsedDate(match.start(), match.end(), y, m, None, check(y, m, None))
    match = YEAR_ONLY_RE.match(text, pos, end)
    if match:
        return ParsedDate(match.start(), match.end(), int(match.group(1)), None, None)
    match = DATE_LIKE_RE.match(text, pos, end)
    if not match:
        return None
    token = match.group().rstrip(" ")
    if not looks_like_date(token):
        return None
    y, m, d = guess(token)
    return ParsedDate(match.start(), match.start() + len(token), y, m, d, "malformed")


def date_line(line: str, offset: int) -> ParsedDate | None:
    """The date when ``line`` (starting at view index ``offset``) holds only a date.

    Used for the signature: ``2021年1月7日``, ``20211月7`` (malformed) or ``2021年1月``.
    """
    stripped = line.strip(" ")
    if not stripped or len(stripped) > 24:
        return None
    start = offset + (len(line) - len(line.lstrip(" ")))
    parsed = expected_date_at(stripped, 0)
    if parsed is None or parsed.end != len(stripped) or (parsed.month is None and parsed.problem is None):
        return None  # not only a date, or a year alone (a heading, not a signature)
    return parsed._replace(start=start + parsed.start, end=start + parsed.end)


def mention(view: TextView, parsed: ParsedDate, role: str) -> DateMention:
    """A :class:`DateMention` for ``parsed`` with its span in the original file."""
    raw = unwrap(view.text[parsed.start : parsed.end])
    span = view.span(parsed.start, parsed.end)
    return DateMention(raw, span, parsed.year, parsed.month, parsed.day, role, parsed.problem)
