"""The two national formats as data: section titles, table captions, columns and rows.

Source: 国办公开办函〔2019〕60号 (report years 2019–2020) and 国办公开办函〔2021〕30号
(2021 on); see ../shared/domain.md §2–§6. Labels are kept exactly as in the format
(full-width brackets and punctuation); matching uses :func:`govlint.parser.normalize.label_key`.
This module is the only place labels are written down: the parser, the rules and the
documentation all read them from here.
"""

from __future__ import annotations

from typing import NamedTuple

FORMAT_2019 = "2019"
FORMAT_2021 = "2021"
#: Pre-2019 free-form reports (old 条例 of 2008), and reports whose format was not recognised.
LEGACY = "legacy"
UNKNOWN = "unknown"
#: Every template a report can be detected as; what a rule applies to by default.
ALL_TEMPLATES: tuple[str, ...] = (FORMAT_2019, FORMAT_2021, LEGACY, UNKNOWN)
#: Reports held to the national six-part format: the two formats, and reports whose format was
#: not recognised but which are not pre-2019 (a report with no table at all still has six parts).
NATIONAL: tuple[str, ...] = (FORMAT_2019, FORMAT_2021, UNKNOWN)
#: How messages and documentation name each template.
TEMPLATE_NAMES = {
    FORMAT_2019: "2019年格式",
    FORMAT_2021: "2021年格式",
    LEGACY: "2019年以前的旧格式",
    UNKNOWN: "未能识别的格式",
}
FORMAT_DOCUMENTS = {
    FORMAT_2019: "国办公开办函〔2019〕60号",
    FORMAT_2021: "国办公开办函〔2021〕30号",
}


def expected_template(year: int) -> str:
    """The format a report for ``year`` must use: ``legacy`` (≤2018), ``2019`` or ``2021``."""
    if year <= 2018:
        return LEGACY
    if year <= 2020:
        return FORMAT_2019
    return FORMAT_2021


# --------------------------------------------------------------------------- sections

class SectionTitle(NamedTuple):
    """A section of the format: number, numeral, official title and real-world aliases."""

    number: int
    numeral: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The heading as published reports write it, e.g. ``一、总体情况``."""
        return f"{self.numeral}、{self.title}"

    @property
    def label(self) -> str:
        """How messages name the section: ``第一部分「一、总体情况」``."""
        return f"第{self.numeral}部分「{self.heading}」"


SECTIONS: tuple[SectionTitle, ...] = (
    SectionTitle(1, "一", "总体情况", ("政府信息公开总体情况",)),
    SectionTitle(2, "二", "主动公开政府信息情况"),
    SectionTitle(3, "三", "收到和处理政府信息公开申请情况"),
    SectionTitle(
        4,
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        (
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        ),
    ),
    SectionTitle(
        5,
        "五",
        "存在的主要问题及改进情况",
        (
            "政府信息公开工作存在的主要问题及改进情况",
            "存在问题及改进情况",
            "存在主要问题及改进情况",
            "存在的问题及改进情况",
        ),
    ),
    SectionTitle(6, "六", "其他需要报告的事项", ("其他需要报告事项",)),
)

CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral from 一 to 九十九 (``十一`` → 11), else ``None``."""
    if not text or any(ch not in CN_NUMERALS for ch in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        tens_value = CN_NUMERALS.index(tens) if tens else 1
        units_value = CN_NUMERALS.index(units) if units else 0
        if len(units) > 1:
            return None
        return tens_value * 10 + units_value
    if len(text) == 1:
        return CN_NUMERALS.index(text)
    return None


# --------------------------------------------------------------------------- tables

class RowSpec(NamedTuple):
    """A template row: key, official label, indent level; ``data`` is False for group labels."""

    key: str
    label: str
    level: int = 0
    data: bool = True


class Identity(NamedTuple):
    """A column identity of a table: in every column, the signed sum of these rows is zero.

    ``terms`` are ``(row key, sign)``. An identity with a single negative term is a *total*:
    that row totals the positive rows (（七）总计 = the result rows); the balance of section 三
    (一 + 二 = （七） + 四) has two.
    """

    key: str
    terms: tuple[tuple[str, int], ...]

    @property
    def total_row(self) -> str | None:
        """The row this identity totals, if it is a total."""
        negative = [key for key, sign in self.terms if sign < 0]
        return negative[0] if len(negative) == 1 else None

    @property
    def part_rows(self) -> tuple[str, ...]:
        """The rows that add up (positive terms)."""
        return tuple(key for key, sign in self.terms if sign > 0)


class TableSpec(NamedTuple):
    """A template table: key, caption, columns ``(key, label)`` and rows.

    ``total_column`` is the column that totals the others in every row (section 三: 总计 of
    the applicant columns; section 四: 总计 of each group); ``identities`` are the column
    identities between rows. The parser uses them to settle run-together digits, the
    arithmetic rules check them: both read them from here.
    """

    key: str
    caption: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[RowSpec, ...]
    #: Columns whose cells may be decimal amounts (money) rather than counts.
    decimal_columns: tuple[str, ...] = ()
    #: Columns whose cells may be negative (the 2019 本年增/减).
    signed_columns: tuple[str, ...] = ()
    total_column: str | None = None
    identities: tuple[Identity, ...] = ()

    @property
    def part_columns(self) -> tuple[str, ...]:
        """The columns the total column adds up (every other column)."""
        if self.total_column is None:
            return ()
        return tuple(key for key, _ in self.columns if key != self.total_column)

    def identity(self, key: str) -> Identity | None:
        """The identity called ``key`` (``results``, ``balance``)."""
        return next((i for i in self.identities if i.key == key), None)

    def groups(self) -> dict[str, tuple[str, ...]]:
        """Group labels without numbers (（三）不予公开 …) and the data rows under them.

        A group's rows are the template rows whose key extends the group's (``unable.1`` …):
        the format has no subtotal row, so a group's figure is the sum of these rows.
        """
        return {
            spec.key: tuple(r.key for r in self.rows if r.key.startswith(spec.key + "."))
            for spec in self.rows
            if not spec.data and any(r.key.startswith(spec.key + ".") for r in self.rows)
        }

    @property
    def data_rows(self) -> tuple[RowSpec, ...]:
        """Rows that carry numbers."""
        return tuple(r for r in self.rows if r.data)

    def row(self, key: str) -> RowSpec | None:
        """The row spec with this key."""
        for spec in self.rows:
            if spec.key == key:
                return spec
        return None


_ITEMS_2019 = (("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量"))

ACTIVE_2019: tuple[TableSpec, ...] = (
    TableSpec(
        "item1",
        "第二十条第（一）项",
        (("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_published", "对外公开总数量")),
        (RowSpec("rules", "规章"), RowSpec("normative", "规范性文件")),
    ),
    TableSpec(
        "item5",
        "第二十条第（五）项",
        _ITEMS_2019,
        (RowSpec("licensing", "行政许可"), RowSpec("other_services", "其他对外管理服务事项")),
        signed_columns=("change",),
    ),
    TableSpec(
        "item6",
        "第二十条第（六）项",
        _ITEMS_2019,
        (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")),
        signed_columns=("change",),
    ),
    TableSpec(
        "item8",
        "第二十条第（八）项",
        _ITEMS_2019[:2],
        (RowSpec("fees", "行政事业性收费"),),
        signed_columns=("change",),
    ),
    TableSpec(
        "item9",
        "第二十条第（九）项",
        (("projects", "采购项目数量"), ("amount", "采购总金额")),
        (RowSpec("procurement", "政府集中采购"),),
        decimal_columns=("amount",),
    ),
)

_DECISIONS_2021 = (("decisions", "本年处理决定数量"),)

ACTIVE_2021: tuple[TableSpec, ...] = (
    TableSpec(
        "item1",
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (RowSpec("rules", "规章"), RowSpec("normative", "行政规范性文件")),
    ),
    TableSpec("item5", "第二十条第（五）项", _DECISIONS_2021, (RowSpec("licensing", "行政许可"),)),
    TableSpec(
        "item6",
        "第二十条第（六）项",
        _DECISIONS_2021,
        (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")),
    ),
    TableSpec(
        "item8",
        "第二十条第（八）项",
        (("fee_amount", "本年收费金额（单位：万元）"),),
        (RowSpec("fees", "行政事业性收费"),),
        decimal_columns=("fee_amount",),
    ),
)

APPLICATION_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
#: Header cells of the section-三 table that are not data columns.
APPLICANT_HEADER_LABELS = ("申请人情况", "法人或其他组织")

_APPLICATION_HEAD = (
    RowSpec("new", "一、本年新收政府信息公开申请数量"),
    RowSpec("carried_in", "二、上年结转政府信息公开申请数量"),
    RowSpec("results", "三、本年度办理结果", 0, data=False),
    RowSpec("granted", "（一）予以公开", 1),
    RowSpec("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
    RowSpec("denied", "（三）不予公开", 1, data=False),
    RowSpec("denied.1", "1.属于国家秘密", 2),
    RowSpec("denied.2", "2.其他法律行政法规禁止公开", 2),
    RowSpec("denied.3", "3.危及“三安全一稳定”", 2),
    RowSpec("denied.4", "4.保护第三方合法权益", 2),
    RowSpec("denied.5", "5.属于三类内部事务信息", 2),
    RowSpec("denied.6", "6.属于四类过程性信息", 2),
    RowSpec("denied.7", "7.属于行政执法案卷", 2),
    RowSpec("denied.8", "8.属于行政查询事项", 2),
    RowSpec("unable", "（四）无法提供", 1, data=False),
    RowSpec("unable.1", "1.本机关不掌握相关政府信息", 2),
    RowSpec("unable.2", "2.没有现成信息需要另行制作", 2),
    RowSpec("unable.3", "3.补正后申请内容仍不明确", 2),
    RowSpec("not_processed", "（五）不予处理", 1, data=False),
    RowSpec("not_processed.1", "1.信访举报投诉类申请", 2),
    RowSpec("not_processed.2", "2.重复申请", 2),
    RowSpec("not_processed.3", "3.要求提供公开出版物", 2),
    RowSpec("not_processed.4", "4.无正当理由大量反复申请", 2),
    RowSpec("not_processed.5", "5.要求行政机关确认或重新出具已获取信息", 2),
)
_APPLICATION_TAIL = (
    RowSpec("total", "（七）总计", 1),
    RowSpec("carried_out", "四、结转下年度继续办理", 0),
)

_APPLICATION_TOTALS = ("new", "carried_in", "total", "carried_out")


def _application_table(rows: tuple[RowSpec, ...]) -> TableSpec:
    """The section-三 table with its identities (the header note's 勾稽关系 and the results)."""
    results = tuple((r.key, 1) for r in rows if r.data and r.key not in _APPLICATION_TOTALS)
    return TableSpec(
        "applications",
        "收到和处理政府信息公开申请情况",
        APPLICANT_COLUMNS,
        rows,
        total_column="total",
        identities=(
            Identity("results", results + (("total", -1),)),
            Identity("balance", (("new", 1), ("carried_in", 1), ("total", -1), ("carried_out", -1))),
        ),
    )


APPLICATIONS_2019 = _application_table(_APPLICATION_HEAD + (RowSpec("other", "（六）其他处理", 1),) + _APPLICATION_TAIL)
APPLICATIONS_2021 = _application_table(
    _APPLICATION_HEAD
    + (
        RowSpec("other", "（六）其他处理", 1, data=False),
        RowSpec("other.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2),
        RowSpec("other.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2),
        RowSpec("other.3", "3.其他", 2),
    )
    + _APPLICATION_TAIL
)

#: Result rows whose sum is （七）总计, per format.
RESULT_ROWS = {
    FORMAT_2019: APPLICATIONS_2019.identity("results").part_rows,
    FORMAT_2021: APPLICATIONS_2021.identity("results").part_rows,
}

REVIEW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
REVIEW_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("suit_direct", "未经复议直接起诉"),
    ("suit_after_review", "复议后起诉"),
)
#: Header cells of the section-四 table that are not column labels.
REVIEW_HEADER_LABELS = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
REVIEW_TABLE = TableSpec(
    "review_litigation",
    "政府信息公开行政复议、行政诉讼情况",
    REVIEW_COLUMNS,
    tuple(RowSpec(key, label) for key, label in REVIEW_GROUPS),
    total_column="total",
)


class Format(NamedTuple):
    """Everything the parser and rules need to know about one national format."""

    name: str
    active: tuple[TableSpec, ...]
    applications: TableSpec
    review: TableSpec = REVIEW_TABLE
    signals: tuple[str, ...] = ()


#: Labels that occur in only one format (domain.md §13): evidence for template detection.
SIGNALS_2019 = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "其他对外管理服务事项",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "采购项目数量",
    "采购总金额",
    "政府集中采购",
)
SIGNALS_2021 = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
    "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知要求缴纳费用",
)

#: The pre-2019 layout (old 条例 of 2008, 第三十一/三十二条; domain.md §1, §13): free-form
#: headings, and a statistics table 指标名称 | 计量单位 | 本年度 | 历年累计. Headings alone are
#: weak evidence (some also open national sections); the statistics table's header is strong.
LEGACY_HEADINGS = (
    "概述",
    "依申请公开政府信息情况",
    "政府信息依申请公开",
    "收费及减免情况",
    "因政府信息公开申请行政复议",
    "政府信息公开情况统计表",
)
#: Header cells of the old statistics table; all of 指标名称 and 历年累计 must be found.
LEGACY_TABLE_HEADER = ("指标名称", "计量单位", "历年累计")
#: How template evidence names the old statistics table's header (the strongest legacy evidence).
LEGACY_TABLE_EVIDENCE = "指标名称…历年累计"
LEGACY_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (("this_year", "本年度"), ("cumulative", "历年累计"))
#: Units of the old statistics table's rows (计量单位), longest first.
LEGACY_UNITS = ("人次", "万元", "条", "件", "个", "次", "项", "篇", "份", "元")
#: The deadline of the old 条例 第三十一条 for every body: 3月31日 (month, day).
LEGACY_DEADLINE = (3, 31)

FORMATS: dict[str, Format] = {
    FORMAT_2019: Format(FORMAT_2019, ACTIVE_2019, APPLICATIONS_2019, signals=SIGNALS_2019),
    FORMAT_2021: Format(FORMAT_2021, ACTIVE_2021, APPLICATIONS_2021, signals=SIGNALS_2021),
}


# --------------------------------------------------------------------------- naming in messages

_ITEM_CAPTIONS = {spec.key: spec.caption for spec in ACTIVE_2019 + ACTIVE_2021}


def table_name(table_key: str) -> str:
    """How messages name a table: ``第二部分「第二十条第（一）项」表``, ``第三部分表格``."""
    if table_key in _ITEM_CAPTIONS:
        return f"第二部分「{_ITEM_CAPTIONS[table_key]}」表"
    if table_key == "applications":
        return "第三部分「收到和处理政府信息公开申请情况」表"
    if table_key == "review_litigation":
        return "第四部分「行政复议、行政诉讼情况」表"
    return table_key


def column_label(table_key: str, column_key: str) -> str:
    """The official label of a column, for messages (``自然人``, ``结果维持``…)."""
    for spec in (*ACTIVE_2019, *ACTIVE_2021, APPLICATIONS_2021, REVIEW_TABLE):
        if spec.key == table_key:
            for key, label in spec.columns:
                if key == column_key:
                    return label
    return column_key


def short_row_label(row_key: str) -> str:
    """A compact name for a section-三 row in sums: ``（四）1``, ``（七）总计``, ``一``."""
    spec = APPLICATIONS_2021.row(row_key) or APPLICATIONS_2019.row(row_key)
    if spec is None:
        return row_key
    group, _, item = row_key.partition(".")
    if item:
        parent = APPLICATIONS_2021.row(group) or APPLICATIONS_2019.row(group)
        prefix = parent.label[:3] if parent else group
        return f"{prefix}{item}"
    label = spec.label
    note = label.find("（", 3)  # drop the parenthetical note of （二）部分公开（区分处理的…）
    return label[:note] if note > 0 else label
