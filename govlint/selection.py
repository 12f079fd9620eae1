"""Which codes are reported, and at what severity (flake8's decision engine semantics).

Selectors are codes (``GOV301``), prefixes (``GOV3``, ``GOV``) or rule names
(``applications-balance``, which stand for their full code). For a code:

* it is *selected* explicitly when a ``select``/``extend-select`` selector matches it, and
  implicitly when nothing was selected explicitly and the rule is enabled by default;
* it is *ignored* explicitly when an ``ignore``/``extend-ignore``/per-file selector matches
  it, and implicitly when the rule is off by default and not explicitly selected;
* explicit beats implicit; when both an explicit select and an explicit ignore match, the
  longer (more specific) selector wins, and on a tie the code is ignored.

Unknown codes, prefixes and names are errors (exit 2) so a typo cannot silently disable
a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govlint.diagnostics import Severity
from govlint.errors import ConfigError
from govlint.records import factory, record
from govlint.rules import RuleRegistry


def normalize_selector(selector: str, registry: RuleRegistry, where: str) -> str:
    """A code or prefix for ``selector``; raise :class:`ConfigError` if nothing matches it.

    ``where`` names the source of the selector (``--select``, ``path: ignore``) for the
    error message.
    """
    raw = selector.strip()
    if not raw:
        raise ConfigError(f"{where}：规则选择器为空")
    target = registry.get(raw)
    if target is not None and raw.lower() == target.name:
        return target.code
    prefix = raw.upper()
    if prefix == "ALL":
        return ""
    if any(code.startswith(prefix) for code in registry.codes()):
        return prefix
    hint = "提供它的插件是否已安装？`govlint rules` 列出所有已知代码"
    raise ConfigError(f"{where}：未知的规则代码、前缀或名称 {raw!r}（{hint}）")


def _longest(code: str, selectors: Iterable[str]) -> str | None:
    best: str | None = None
    for selector in selectors:
        if code.startswith(selector) and (best is None or len(selector) > len(best)):
            best = selector
    return best


@record
class SelectionSettings:
    """Selectors as written by the user, before validation."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = factory(dict)


@record
class Selection:
    """A validated selection: decides per code whether to report it and at what level."""

    registry: RuleRegistry
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    severity: tuple[tuple[str, Severity], ...] = ()

    @classmethod
    def build(cls, settings: SelectionSettings, registry: RuleRegistry, where: str = "selection") -> "Selection":
        """Validate ``settings`` against ``registry``."""

        def norm(items: Iterable[str], key: str) -> tuple[str, ...]:
            return tuple(normalize_selector(s, registry, f"{where}: {key}") for s in items)

        select = None
        if settings.select is not None or settings.extend_select:
            base = norm(settings.select, "select") if settings.select is not None else None
            extra = norm(settings.extend_select, "extend-select")
            select = (base if base is not None else ("\0default",)) + extra
        ignore = norm(settings.ignore, "ignore") + norm(settings.extend_ignore, "extend-ignore")
        levels = []
        for selector, level in settings.severity.items():
            code = normalize_selector(selector, registry, f"{where}: severity")
            try:
                levels.append((code, Severity.parse(level)))
            except ValueError as exc:
                raise ConfigError(f"{where}: severity.{selector}：{exc}") from None
        return cls(registry, select, ignore, tuple(levels))

    def with_ignores(self, extra: Iterable[str]) -> "Selection":
        """A copy that also ignores ``extra`` (already-normalised selectors; per-file ignores)."""
        return Selection(self.registry, self.select, self.ignore + tuple(extra), self.severity)

    def is_selected(self, code: str) -> bool:
        """Whether diagnostics with ``code`` are reported."""
        rule = self.registry.get(code)
        default_on = rule.default_enabled if rule is not None else True
        explicit_select: str | None = None
        if self.select is not None:
            explicit_select = _longest(code, (s for s in self.select if s != "\0default"))
            implicitly_selected = "\0default" in self.select and default_on
        else:
            implicitly_selected = default_on
        explicit_ignore = _longest(code, self.ignore)
        if explicit_select is not None and explicit_ignore is not None:
            return len(explicit_select) > len(explicit_ignore)
        if explicit_ignore is not None:
            return False
        if explicit_select is not None:
            return True
        return implicitly_selected

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity for ``code`` (longest matching selector), else ``default``."""
        best: tuple[int, Severity] | None = None
        for selector, level in self.severity:
            if code.startswith(selector) and (best is None or len(selector) >= best[0]):
                best = (len(selector), level)
        return best[1] if best else default

    def selected_codes(self) -> list[str]:
        """Every registered code this selection reports."""
        return [code for code in self.registry.codes() if self.is_selected(code)]
