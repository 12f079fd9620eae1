"""Rule metadata and the ``@rule`` decorator plugins use to declare rules.

The registry is data (as in Ruff's ``codes.rs``): a rule is a code, a kebab-case name, a
one-line Chinese summary, a default severity, declared options and a docstring with fixed
parts. ``govlint rule CODE`` prints that docstring; a test asserts every registered rule
has every part, so documentation cannot silently go missing.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from govlint.diagnostics import Severity, Violation
from govlint.records import factory, record
from govlint.templates import ALL_TEMPLATES, TEMPLATE_NAMES

CODE_RE = re.compile(r"^[A-Z]{2,3}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: The parts every rule docstring must contain, as ``Heading:`` lines, in this order. These
#: English names are the keys of :func:`split_doc` (and what third-party plugins write).
DOC_PARTS = ("What it checks", "Why", "Failing example", "Passing example", "Options")

#: The Chinese heading of each part: govlint's own rules are documented in Chinese (their
#: readers draft Chinese government reports), and ``govlint rule`` and docs/rules.md show
#: these headings for every rule. A docstring may use either heading (``检查内容：`` or
#: ``What it checks:``); both mean the same part.
DOC_PART_TITLES = {
    "What it checks": "检查内容",
    "Why": "原因",
    "Failing example": "错误示例",
    "Passing example": "正确示例",
    "Options": "选项",
}

#: Every heading line :func:`split_doc` recognises, mapped to its part.
_HEADINGS = {
    **{f"{part}:": part for part in DOC_PARTS},
    **{f"{title}{colon}": part for part, title in DOC_PART_TITLES.items() for colon in ("：", ":")},
}

CheckFunction = Callable[..., Iterable[Violation]]


class Option(NamedTuple):
    """A rule option settable in ``[rules.<name>]``.

    ``kind`` is one of ``str``, ``int``, ``float``, ``bool``, ``list[str]``; ``choices``
    restricts the allowed values (for lists: each element).
    """

    name: str
    kind: str
    default: Any
    description: str
    choices: tuple[Any, ...] | None = None
    #: A regular expression each string value must match in full (e.g. ``\d\d-\d\d``).
    pattern: str | None = None

    def validate(self, value: Any) -> Any:
        """Return ``value`` if it fits this option, else raise ``ValueError`` saying why."""
        expected = {
            "str": str,
            "int": int,
            "float": (int, float),
            "bool": bool,
        }
        if self.kind == "list[str]":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError("应为字符串列表")
            items = value
        else:
            py_type = expected[self.kind]
            if isinstance(value, bool) and self.kind in ("int", "float"):
                raise ValueError(f"应为 {self.kind}，实际为布尔值")
            if not isinstance(value, py_type):
                raise ValueError(f"应为 {self.kind}，实际为 {type(value).__name__}")
            items = [value]
        if self.choices is not None:
            for item in items:
                if item not in self.choices:
                    allowed = ", ".join(repr(c) for c in self.choices)
                    raise ValueError(f"{item!r} 不是可选值之一（{allowed}）")
        if self.pattern is not None:
            import re

            for item in items:
                if not re.fullmatch(self.pattern, str(item)):
                    raise ValueError(f"{item!r} 的格式不符合要求（{self.description}）")
        return value


class ReportScope(NamedTuple):
    """The reports a rule judges, by issuer and year (a province pack's scope).

    A report is in scope when its issuer's name contains one of ``issuer_contains`` (when
    given) and none of ``issuer_excludes``, its issuer kind (:func:`govlint.issuer.issuer_kind`)
    is one of ``issuer_kinds`` (when given) and its year lies in ``years`` (inclusive; ``None``
    ends are open). A report whose issuer or year cannot be read is out of any scope that
    constrains them: a province rule never guesses that a report is from its province.
    """

    issuer_contains: tuple[str, ...] = ()
    issuer_excludes: tuple[str, ...] = ()
    issuer_kinds: tuple[str, ...] = ()
    years: tuple[int | None, int | None] | None = None
    #: A wider scope the report must also be in (a pack rule's own scope inside its pack's).
    within: "ReportScope | None" = None

    def covers(self, report: Any) -> bool:
        """Whether ``report`` is in this scope."""
        if self.within is not None and not self.within.covers(report):
            return False
        issuer = "".join((report.issuer or "").split())
        if self.issuer_contains and not any(name in issuer for name in self.issuer_contains):
            return False
        if any(name in issuer for name in self.issuer_excludes):
            return False
        if self.issuer_kinds:
            from govlint.issuer import issuer_kind

            if issuer_kind(report.issuer) not in self.issuer_kinds:
                return False
        if self.years is not None:
            first, last = self.years
            if report.year is None or (first is not None and report.year < first) or (
                last is not None and report.year > last
            ):
                return False
        return True

    def describe(self) -> str:
        """The scope as users read it (``govlint rule``, ``govlint packs``, docs/rules.md)."""
        from govlint.issuer import ISSUER_KINDS

        parts = []
        if self.issuer_contains:
            parts.append(f"发布机关名称含「{'」「'.join(self.issuer_contains)}」之一")
        if self.issuer_excludes:
            parts.append(f"名称不含「{'」「'.join(self.issuer_excludes)}」")
        if self.issuer_kinds:
            parts.append("机关类型为" + "、".join(ISSUER_KINDS[k] for k in self.issuer_kinds))
        if self.years is not None:
            first, last = self.years
            if first == last:
                parts.append(f"{first}年度报告")
            elif last is None:
                parts.append(f"{first}年度及以后的报告")
            elif first is None:
                parts.append(f"{last}年度及以前的报告")
            else:
                parts.append(f"{first}–{last}年度报告")
        if self.within is not None and self.within.describe() != "所有报告":
            parts.insert(0, self.within.describe())
        return "；".join(parts) if parts else "所有报告"


#: The scope of rules that judge every report (all built-in rules).
EVERY_REPORT = ReportScope()


class Rule(NamedTuple):
    """A registered rule. ``check(report, options)`` yields :class:`Violation` objects.

    ``scope`` is ``report`` for rules that look at one report (nearly all), ``pair`` for
    cross-year rules that need ``report.previous`` and ``aggregate`` for rules that compare an
    aggregate report with its units (``report.aggregate``; run by :mod:`govlint.aggregate` only). ``plugin`` is filled in by the host with
    the entry-point name that provided the rule.
    """

    code: str
    name: str
    summary: str
    severity: Severity
    check: CheckFunction
    doc: str
    options: tuple[Option, ...] = ()
    default_enabled: bool = True
    status: str = "stable"
    plugin: str = ""
    url: str = ""
    scope: str = "report"
    #: The templates (``2019``, ``2021``, ``legacy``, ``unknown``) whose reports this rule judges;
    #: the host skips the rule on any other report (a pre-2019 report is never held to the
    #: six-part structure or the national tables).
    templates: tuple[str, ...] = ALL_TEMPLATES
    #: The reports this rule judges by issuer and year (a province pack's scope); the host
    #: skips the rule on any other report, as for ``templates``.
    report_scope: ReportScope = EVERY_REPORT
    #: The province pack that defines this rule (``""`` for a rule written in Python).
    pack: str = ""

    def applies_to(self, template: str) -> bool:
        """Whether this rule judges reports detected as ``template``."""
        return template in self.templates

    def in_scope(self, report: Any) -> bool:
        """Whether this rule judges ``report`` (its issuer and year are in the rule's scope)."""
        return self.report_scope is EVERY_REPORT or self.report_scope.covers(report)

    def option_defaults(self) -> dict[str, Any]:
        """The option values used when the configuration sets none."""
        return {opt.name: opt.default for opt in self.options}

    def option(self, name: str) -> Option | None:
        """The declared option called ``name``."""
        for opt in self.options:
            if opt.name == name:
                return opt
        return None

    def doc_parts(self) -> dict[str, str]:
        """The docstring split into its parts (see :data:`DOC_PARTS`)."""
        return split_doc(self.doc)

    def doc_text(self) -> str:
        """The documentation as users read it: the summary paragraph, then each part under
        its Chinese heading (whichever language the docstring's headings are in)."""
        parts = self.doc_parts()
        blocks = [parts[""]] if parts.get("") else []
        for part in DOC_PARTS:
            if part in parts:
                blocks.append(f"{DOC_PART_TITLES[part]}：\n{parts[part]}")
        extra = [key for key in parts if key and key not in DOC_PARTS]
        blocks += [parts[key] for key in extra]
        return "\n\n".join(blocks)


def templates_text(target: Rule) -> str:
    """The reports a rule applies to, as users read them (``2019年格式、2021年格式``).

    A pack rule's scope (issuers, years) follows its templates.
    """
    if set(target.templates) == set(ALL_TEMPLATES):
        text = "所有报告"
    else:
        text = "、".join(TEMPLATE_NAMES[t] for t in ALL_TEMPLATES if t in target.templates)
    if target.report_scope is EVERY_REPORT:
        return text
    scope = target.report_scope.describe()
    return scope if text == "所有报告" else f"{text}；{scope}"


def split_doc(doc: str) -> dict[str, str]:
    """Split a rule docstring into ``{part heading: text}``.

    A part starts with a line that is exactly ``<heading>:``, the heading in English
    (:data:`DOC_PARTS`) or Chinese (:data:`DOC_PART_TITLES`, with ``：`` or ``:``); the keys
    are always the English names. Text before the first part is returned under ``""`` (the
    summary paragraph).
    """
    parts: dict[str, list[str]] = {"": []}
    current = ""
    headings = _HEADINGS
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped in headings:
            current = headings[stripped]
            parts[current] = []
            continue
        parts[current].append(line)
    return {k: "\n".join(v).strip() for k, v in parts.items()}


def rule(
    code: str,
    name: str,
    summary: str,
    severity: str = "error",
    *,
    options: Iterable[Option] = (),
    default_enabled: bool = True,
    scope: str = "report",
    templates: Iterable[str] = ALL_TEMPLATES,
    report_scope: ReportScope = EVERY_REPORT,
    pack: str = "",
    doc: str | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule. The decorated function's docstring is the rule's documentation.

    The function is called as ``check(report, options)`` where ``options`` is a mapping of
    this rule's option values, and yields :class:`~govlint.diagnostics.Violation` objects.
    ``templates`` lists the report templates the rule applies to (default: all of them);
    ``report_scope`` the issuers and years (default: every report). ``doc`` replaces the
    docstring (rules of YAML packs, whose documentation is data); ``pack`` names that pack.
    """
    applies = tuple(templates)
    unknown = [t for t in applies if t not in ALL_TEMPLATES]
    if unknown or not applies:
        raise ValueError(f"rule {code}: templates must be some of {', '.join(ALL_TEMPLATES)}, got {applies!r}")
    if not CODE_RE.match(code):
        raise ValueError(f"rule code {code!r} does not match {CODE_RE.pattern}")
    if not NAME_RE.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")

    def decorate(fn: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            summary=summary,
            severity=Severity.parse(severity),
            check=fn,
            doc=doc if doc is not None else inspect.getdoc(fn) or "",
            options=tuple(options),
            default_enabled=default_enabled,
            scope=scope,
            templates=applies,
            report_scope=report_scope,
            pack=pack,
        )

    return decorate


@record
class RuleRegistry:
    """All rules known to this run, looked up by code or by name."""

    rules: dict[str, Rule] = factory(dict)
    names: dict[str, str] = factory(dict)
    #: Province packs whose rules are registered, by name (``govlint.packs.model.Pack``).
    packs: dict[str, Any] = factory(dict)

    def add(self, new: Rule) -> None:
        """Register ``new``; the host has already checked codes and names are unique."""
        self.rules[new.code] = new
        self.names[new.name] = new.code

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> Rule | None:
        """The rule with this code (any case) or kebab-case name."""
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        code = self.names.get(key.lower())
        return self.rules[code] if code else None

    def codes(self) -> list[str]:
        """All codes, sorted."""
        return sorted(self.rules)

    def pack_codes(self, enabled: Iterable[str] = ()) -> list[str]:
        """Codes of the registered pack rules whose pack is not in ``enabled``."""
        if not self.packs:
            return []
        keep = set(enabled)
        return [code for name, pack in self.packs.items() if name not in keep for code in pack.codes]


def resolve_options(target: Rule, configured: Mapping[str, Any] | None) -> dict[str, Any]:
    """Merge configured option values over the rule's defaults (values already validated)."""
    values = target.option_defaults()
    if configured:
        values.update(configured)
    return values
