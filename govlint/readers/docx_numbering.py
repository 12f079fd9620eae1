"""Word's automatic list numbering, written out as Word displays it.

Many reports number their headings with Word's numbering (``一、总体情况`` where ``一、`` is
not typed but generated). The parser finds sections by those numbers, so the reader writes
them out. Supported: numbering set on the paragraph or through its style (``basedOn``
chains), multi-level text such as ``%1.%2``, ``start`` values and ``startOverride``, and the
number formats reports use (decimal, Chinese counting, full-width, circled, letters, Roman,
甲乙丙). Bullets and ``none`` write nothing.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"

_DIGITS = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """``1`` → ``一``, ``10`` → ``十``, ``21`` → ``二十一``, ``105`` → ``一百零五``."""
    if n <= 0:
        return _DIGITS[0] if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out = ""
    zero = False
    for size, name in units:
        digit, n = divmod(n, size)
        if digit:
            if zero:
                out += "零"
            out += ("" if (size == 10 and digit == 1 and not out) else _DIGITS[digit]) + name
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out += "零"
        out += _DIGITS[n]
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word number format ``fmt`` (``decimal``, ``chineseCounting`` …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographLegalTraditional", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


def _val(element: Any, path: str, default: str | None = None) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(_VAL, default) if found is not None else default


class Numbering:
    """Counters of a document's lists; :meth:`label` gives each paragraph's number text."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._nums: dict[str, Any] = {}
        self._abstract: dict[str, Any] = {}
        self._styles: dict[str, Any] = {}
        if numbering is not None:
            for num in numbering.iter(f"{_W}num"):
                self._nums[num.get(f"{_W}numId")] = num
            for abstract in numbering.iter(f"{_W}abstractNum"):
                self._abstract[abstract.get(f"{_W}abstractNumId")] = abstract
        if styles is not None:
            for style in styles.iter(f"{_W}style"):
                self._styles[style.get(f"{_W}styleId")] = style
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                return _val(num_pr, f"{_W}numId"), _val(num_pr, f"{_W}ilvl")
            style_id = _val(style, f"{_W}basedOn")
        return None, None

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (``""`` for unnumbered paragraphs)."""
        if not self._nums:
            return ""
        properties = paragraph.find(f"{_W}pPr")
        num_id = level = None
        if properties is not None:
            num_pr = properties.find(f"{_W}numPr")
            if num_pr is not None:
                num_id, level = _val(num_pr, f"{_W}numId"), _val(num_pr, f"{_W}ilvl")
            if num_id is None:
                style_num, style_level = self._style_numbering(_val(properties, f"{_W}pStyle"))
                num_id, level = style_num, level or style_level
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        try:
            return self._advance(num_id, int(level or 0))
        except (ValueError, IndexError):
            return ""

    def _advance(self, num_id: str, level: int) -> str:
        num = self._nums[num_id]
        abstract_id = _val(num, f"{_W}abstractNumId")
        abstract = self._abstract.get(abstract_id or "")
        if abstract is None or not 0 <= level <= 8:
            return ""
        levels = {int(lvl.get(f"{_W}ilvl", "0")): lvl for lvl in abstract.iter(f"{_W}lvl")}
        starts = {n: int(_val(lvl, f"{_W}start", "1") or 1) for n, lvl in levels.items()}
        for override in num.iter(f"{_W}lvlOverride"):
            start = _val(override, f"{_W}startOverride")
            if start is not None:
                starts[int(override.get(f"{_W}ilvl", "0"))] = int(start)
        counters = self._counters.setdefault(abstract_id or "", [None] * 9)
        if num_id not in self._seen:  # a list restarted with startOverride starts again
            self._seen.add(num_id)
            for override in num.iter(f"{_W}lvlOverride"):
                if override.find(f"{_W}startOverride") is not None:
                    counters[int(override.get(f"{_W}ilvl", "0"))] = None
        current = counters[level]
        counters[level] = starts.get(level, 1) if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        definition = levels.get(level)
        if definition is None:
            return ""
        fmt = _val(definition, f"{_W}numFmt", "decimal") or "decimal"
        if fmt in ("bullet", "none"):
            return ""
        text = _val(definition, f"{_W}lvlText", "") or ""
        legal = definition.find(f"{_W}isLgl") is not None
        for n in range(9, 0, -1):
            placeholder = f"%{n}"
            if placeholder not in text:
                continue
            value = counters[n - 1]
            if value is None:
                value = starts.get(n - 1, 1)
            level_def = levels.get(n - 1)
            level_fmt = "decimal" if legal else (_val(level_def, f"{_W}numFmt", "decimal") or "decimal")
            text = text.replace(placeholder, format_number(value, level_fmt))
        suffix = _val(definition, f"{_W}suff", "tab")
        if not text or suffix == "nothing" or text[-1] in "、，．）)】」":
            return text
        return text + " "
