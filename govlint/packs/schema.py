"""The pack file format: read a YAML pack, validate it, build its rules.

A pack is validated completely before anything runs. Every mistake — a typo'd key, a value
of the wrong type, a bad regular expression, a duplicate code, an unknown table or row — is
one :class:`~govlint.packs.nodes.PackError` line ``file:line:col: key: what was expected``
(exit 2). The format is documented in docs/packs.md; this module is its definition.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from govlint.diagnostics import Severity
from govlint.issuer import ISSUER_KINDS
from govlint.packs.blocks import BLOCKS, Context
from govlint.packs.model import Grant, Pack, PackSource
from govlint.packs.nodes import Node, PackError
from govlint.rules import CODE_RE, NAME_RE, ReportScope, Rule, rule
from govlint.templates import ALL_TEMPLATES

PACK_KEYS = {
    "pack": "the pack's name, kebab-case (e.g. hubei-2020)",
    "description": "one line saying what the pack is for",
    "source": "the notice or standard the pack encodes (title, short, url)",
    "scope": "the reports the pack applies to (issuer-contains, issuer-excludes, issuer-kinds, years)",
    "rules": "the list of rules",
}
SOURCE_KEYS = {
    "title": "the full title of the notice or standard",
    "short": "a short name cited in messages (default: the title)",
    "url": "where the source can be read",
}
SCOPE_KEYS = {
    "issuer-contains": "names of which the issuer's name must contain one (省、市、县名)",
    "issuer-excludes": "names the issuer's name must not contain",
    "issuer-kinds": f"issuer kinds: {', '.join(ISSUER_KINDS)}",
    "years": "report years: 2020, \"2019-2020\", \"2021-\" or \"-2020\"",
}
DOC_KEYS = {
    "what": "what the rule checks",
    "why": "why, with its basis",
    "failing": "an example the rule reports",
    "passing": "an example the rule accepts",
}
RULE_KEYS = {
    "code": "the rule code: the province's ISO 3166-2:CN letters and 3 digits (HB001)",
    "name": "a kebab-case name",
    "summary": "a one-line Chinese summary",
    "severity": "error, warning or info",
    "doc": "the documentation: what, why, failing, passing",
    "scope": "narrows the pack's scope for this rule",
    "templates": f"the formats the rule applies to: {', '.join(ALL_TEMPLATES)}",
    "basis": "the basis cited in messages (default: the source's short name)",
    **{name: f"building block {name}" for name in BLOCKS},
}
_YEARS_RE = re.compile(r"^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def read_yaml(path: Path) -> Node:
    """The top node of the YAML file ``path`` (positions kept); syntax errors as PackError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt", pure=True)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read pack: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise PackError(f"{where}: invalid YAML: {problem}") from None
    except YAMLError as exc:
        raise PackError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
    return Node(data, "", str(path), 1, 1)


def load_pack(path: Path, plugin: str) -> Pack:
    """Read and validate the pack file ``path`` shipped by ``plugin``; build its rules."""
    top = read_yaml(path)
    fields = top.mapping(PACK_KEYS, required=tuple(PACK_KEYS))
    name = fields["pack"].text("a kebab-case pack name")
    if not NAME_RE.match(name):
        raise fields["pack"].error(f"expected a kebab-case pack name (e.g. hubei-2020), got {name!r}")
    description = fields["description"].text("a one-line description")
    source = _source(fields["source"])
    scope = _scope(fields["scope"], required=True)
    pack = Pack(name, description, source, scope, [], path, plugin)
    seen: dict[str, Node] = {}
    for item in fields["rules"].items():
        target, grant = _rule(item, pack, seen)
        pack.rules.append(target)
        if grant is not None:
            pack.grants.append(grant)
    return pack


def _source(node: Node) -> PackSource:
    fields = node.mapping(SOURCE_KEYS, required=("title",))
    title = fields["title"].text("the title of the notice or standard")
    short = fields["short"].text("a short name") if "short" in fields else title
    url = fields["url"].text("a URL") if "url" in fields else ""
    return PackSource(title, short, url)


def _scope(node: Node, required: bool, within: ReportScope | None = None) -> ReportScope:
    fields = node.mapping(SCOPE_KEYS)
    if required and not fields:
        raise node.error("expected at least one of " + ", ".join(SCOPE_KEYS)
                         + " (a pack must say which reports it applies to)")
    kinds = tuple(k.choice(ISSUER_KINDS) for k in fields["issuer-kinds"].items()) if "issuer-kinds" in fields else ()
    return ReportScope(
        issuer_contains=_names(fields.get("issuer-contains")),
        issuer_excludes=_names(fields.get("issuer-excludes")),
        issuer_kinds=kinds,
        years=_years(fields["years"]) if "years" in fields else None,
        within=within,
    )


def _names(node: Node | None) -> tuple[str, ...]:
    if node is None:
        return ()
    return tuple("".join(n.split()) for n in node.texts("a name or a list of names"))


def _years(node: Node) -> tuple[int | None, int | None]:
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool):
        first = last = value
    else:
        match = _YEARS_RE.match(value) if isinstance(value, str) else None
        if match is None or not (match.group(1) or match.group(3)) or (
            match.group(2) is None and match.group(3) is not None
        ):
            raise node.error(f"expected a year (2020) or a range (\"2019-2020\", \"2021-\", \"-2020\"), got {value!r}")
        first = int(match.group(1)) if match.group(1) else None
        last = int(match.group(3)) if match.group(3) else (None if match.group(2) else first)
    for year in (first, last):
        if year is not None and not 2000 <= year <= 2100:
            raise node.error(f"year {year} is out of range")
    if first is not None and last is not None and first > last:
        raise node.error(f"the range {first}-{last} is empty")
    return first, last


def _rule(node: Node, pack: Pack, seen: dict[str, Node]) -> tuple[Rule, Grant | None]:
    fields = node.mapping(RULE_KEYS, required=("code", "name", "summary", "severity", "doc"))
    code_node, name_node = fields["code"], fields["name"]
    code = code_node.text("a rule code")
    if not CODE_RE.match(code):
        raise code_node.error(f"expected a code of 2–3 capital letters and 3 digits (e.g. HB001), got {code!r}")
    if code.startswith("GOV"):
        raise code_node.error("GOV codes are reserved for govlint's own rules; use the province's "
                              "ISO 3166-2:CN letters (HB, CQ, SH …)")
    name = name_node.text("a kebab-case rule name")
    if not NAME_RE.match(name):
        raise name_node.error(f"expected a kebab-case rule name, got {name!r}")
    for key, key_node in ((code, code_node), (name, name_node)):
        if key in seen:
            first = seen[key]
            raise key_node.error(f"{key!r} is already used by {first.path.rsplit('.', 1)[0]} (line {first.line})")
        seen[key] = key_node
    summary = fields["summary"].text("a one-line Chinese summary")
    if "\n" in summary or not _HAN_RE.search(summary):
        raise fields["summary"].error("expected a one-line summary in Chinese")
    severity = Severity.parse(fields["severity"].choice(("error", "warning", "info")))
    blocks = [key for key in fields if key in BLOCKS]
    if len(blocks) != 1:
        what = f"got {', '.join(blocks)}" if blocks else "got none"
        raise node.error(f"expected exactly one building block ({', '.join(BLOCKS)}); {what}")
    basis = fields["basis"].text("a short basis") if "basis" in fields else pack.source.short
    built = BLOCKS[blocks[0]](fields[blocks[0]], Context(basis))
    scope = _scope(fields["scope"], required=False, within=pack.scope) if "scope" in fields else pack.scope
    applies = tuple(_template(t) for t in fields["templates"].items()) if "templates" in fields else ALL_TEMPLATES
    doc = _doc(fields["doc"], summary, pack, built.parameters)
    made = rule(code, name, summary, severity.value, templates=applies, report_scope=scope,
                pack=pack.name, doc=doc)(built.check)
    pack.positions[code] = code_node.where
    grant = None
    if built.allowances.extra_rows or built.allowances.labels or built.supersedes:
        grant = Grant(made, built.allowances, built.supersedes)
    return made, grant


def _template(node: Node) -> str:
    value = str(node.value) if isinstance(node.value, int) and not isinstance(node.value, bool) else node.value
    if value not in ALL_TEMPLATES:
        raise node.error(f"expected one of {', '.join(ALL_TEMPLATES)}, got {node.value!r}")
    return value


def _doc(node: Node, summary: str, pack: Pack, parameters: str) -> str:
    """The rule's documentation in the five parts every rule has (DOC_PARTS)."""
    fields = node.mapping(DOC_KEYS, required=tuple(DOC_KEYS))
    text = {key: fields[key].text(DOC_KEYS[key]) for key in DOC_KEYS}
    source = pack.source.title + (f"（{pack.source.url}）" if pack.source.url else "")
    return "\n".join([
        f"{summary}（规则包 {pack.name}：{pack.description}）",
        "",
        "检查内容：",
        text["what"],
        "",
        "原因：",
        text["why"],
        f"依据：{source}",
        "",
        "错误示例：",
        text["failing"],
        "",
        "正确示例：",
        text["passing"],
        "",
        "选项：",
        f"无。构件 {parameters}。",
    ])


def describe_pack(pack: Pack) -> dict[str, Any]:
    """The pack as data (``govlint packs --format json``)."""
    return {
        "name": pack.name,
        "description": pack.description,
        "source": {"title": pack.source.title, "short": pack.source.short, "url": pack.source.url},
        "scope": pack.scope.describe(),
        "rules": pack.codes,
        "plugin": pack.plugin,
        "path": str(pack.path),
    }
