"""What kind of body issued a report, told from its name.

条例 第四十九条 sets different publication deadlines for 县级以上人民政府部门 (31 January) and
for a government's own report (31 March), and leaves townships to local notices; province
packs narrow their scope and deadlines by the same kinds. The kind is derived here once, for
the deadline rule (GOV406), pack scopes and pack deadline rules alike.
"""

from __future__ import annotations

import re

from govlint import regex

#: The kinds :func:`issuer_kind` returns, with the names users read.
ISSUER_KINDS = {"department": "政府部门", "government": "人民政府", "township": "乡镇（街道）"}

#: The deadlines of 条例 第四十九条 as ``MM-DD`` (townships: none, set by local notices).
STATUTORY_DEADLINES = {"department": "01-31", "government": "03-31"}

_DEPARTMENT_RE = regex.compile(r"(局|委员会|委|办公室|办|厅|中心|院|所|站|队|署|处|部|馆|公司|集团)$")
_GOVERNMENT_RE = regex.compile(r"(人民政府|政府|管委会|管理委员会|行政公署|实验区|开发区|新区)$")
_TOWNSHIP_RE = regex.compile(r"(乡|镇|街道|社区|苏木)")
#: A street office's own name ends like a department's (…街道办事处): not a department.
_STREET_OFFICE_RE = regex.compile(r"(?<=街道)(办事处|办)$")


def issuer_kind(issuer: str | None) -> str | None:
    """``government``, ``department``, ``township`` or ``None`` (unknown) from the issuer's name.

    Townships and street offices are not covered by 条例 第四十九条 (their dates are set by
    local notices), so they are told apart first.
    """
    if not issuer:
        return None
    name = re.sub(r"\s+", "", issuer)
    own_name = _STREET_OFFICE_RE.sub("", name.removesuffix("人民政府"))
    if _TOWNSHIP_RE.search(name) and not _DEPARTMENT_RE.search(own_name):
        return "township"
    if _GOVERNMENT_RE.search(name):
        return "government"
    if _DEPARTMENT_RE.search(name):
        return "department"
    return None
