"""Character normalisation and label keys: the text facts both the model and the parser use.

Real reports mix full- and half-width digits, brackets and colons, curly and straight
quotes, non-breaking and ideographic spaces. :data:`CHAR_TABLE` maps them to one form;
:func:`label_key` is the comparison key of a label (normalised, without whitespace and
punctuation), so ``（二）部分公开`` and ``(二)部分公开`` compare equal. This module sits below
the model and the parser (it imports nothing of govlint): the model compares the labels a
province pack accepts with the same key the parser reads labels with.
"""

from __future__ import annotations

from functools import lru_cache

#: Spaces of every width (normalised to one ASCII space).
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
#: Invisible characters (removed).
DELETED = "\r\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Dashes and minus signs (normalised to ``-``).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"


def _build_char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    for ch in SPACES:
        table[ord(ch)] = " "
    for ch in DELETED:
        table[ord(ch)] = None
    for ch in DASHES:
        table[ord(ch)] = "-"
    for ch in "\u201c\u201d\u201e\u201f\u2033\u301d\u301e":
        table[ord(ch)] = '"'
    for ch in "\u2018\u2019\u201a\u201b\u2032":
        table[ord(ch)] = "'"
    table[ord("\ufe59")] = "("
    table[ord("\ufe5a")] = ")"
    table[ord("\u3014")] = "["  # 〔 in document numbers 〔2021〕
    table[ord("\u3015")] = "]"
    table[ord("\u3010")] = "["  # 【】
    table[ord("\u3011")] = "]"
    table[ord("\uff0e")] = "."
    table[ord("\u3002")] = "。"  # keep the ideographic full stop as is
    return table


CHAR_TABLE = _build_char_table()


def normalize_text(text: str) -> str:
    """Normalise a short string (a label, a template title) the same way as documents."""
    return text.translate(CHAR_TABLE)


#: Characters dropped when comparing labels: whitespace and punctuation of both widths.
LABEL_DROP_CHARS = frozenset(
    " \n\t\"'`、，,。.;；:：!！?？()（）[]【】〔〕《》<>“”‘’·・/\\|_-—～~\u3000\u00a0"
)
_LABEL_DELETE = {ord(ch): None for ch in LABEL_DROP_CHARS}


#: One table doing both steps of :func:`label_key` in a single ``translate``: the
#: normalisation of :data:`CHAR_TABLE`, then dropping what normalises to a dropped character.
_LABEL_TABLE: dict[int, str | None] = {
    **{code: (None if (value is None or value in LABEL_DROP_CHARS) else value) for code, value in CHAR_TABLE.items()},
    **{ord(ch): None for ch in LABEL_DROP_CHARS if ord(ch) not in CHAR_TABLE},
}
#: Longer strings are keyed without the cache (they are rarely keyed twice, and are big).
_CACHED_KEY_LENGTH = 256


def label_key(text: str) -> str:
    """Comparison key for labels: normalised, without whitespace and punctuation.

    ``（二）部分公开（区分处理的，只计这一情形，不计其他情形）`` and
    ``(二)部分公开(区分处理的,只计这一情形,不计其他情形)`` get the same key. Short strings
    (labels, cells, headings: the same ones recur in every report) are cached.
    """
    if len(text) <= _CACHED_KEY_LENGTH:
        return _short_label_key(text)
    return text.translate(_LABEL_TABLE)


@lru_cache(maxsize=32768)
def _short_label_key(text: str) -> str:
    """:func:`label_key` of a short string (a pure function, cached)."""
    return text.translate(_LABEL_TABLE)
