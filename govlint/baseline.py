"""Baselines: accept the findings an archive already has, report only new ones.

``govlint check --write-baseline FILE`` records every current finding; ``--baseline FILE``
(or the ``baseline`` configuration key) hides the recorded ones, and reports each recorded
finding of a checked file that no longer occurs as GOV902 ``stale-baseline``.

A finding is identified by a *fingerprint*, never by its line number, so that lines
inserted above it (a new paragraph in the introduction) do not un-hide it: the code, the
file (POSIX, relative to the baseline file's directory, so ``check .`` and ``check ./dir``
agree) and the normalised text around the finding (whitespace collapsed, digits kept: a
changed figure is a changed finding), plus an occurrence index that tells apart identical
contexts in one file. A finding about the whole file (no position) uses its message as
context instead of the first line. This is the approach of ESLint-style bulk suppressions
and of baseline tools that hash rule, path and matched text.

The file is JSON, versioned, sorted by path, code and fingerprint, one entry per finding
with the message for humans, so a regenerated baseline diffs line by line in review.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint.atomic import write_atomically
from govlint.core_rules import STALE_BASELINE_CODE, UNREADABLE_CODE, stale_baseline_diagnostic
from govlint.diagnostics import Diagnostic
from govlint.errors import GovlintError
from govlint.results import FileResult

if TYPE_CHECKING:
    from govlint.rules import RuleRegistry
    from govlint.settings import FileSettings

STALE_CODE = STALE_BASELINE_CODE
FORMAT = "govlint-baseline"
VERSION = 1
#: Codes never recorded or hidden: an unreadable file and a stale entry are not "known" defects.
NEVER_BASELINED = (UNREADABLE_CODE, STALE_CODE)
#: Characters of context kept on each side of the finding's column (long paragraph lines).
CONTEXT_RADIUS = 40

_SPACE_RE = re.compile(r"\s+")


def normalise_path(path: str, root: Path | None = None) -> str:
    """``path`` in POSIX form, relative to ``root`` (default: the current directory) when possible."""
    text = path.replace("\\", "/")
    if root is not None:
        try:
            text = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace("\\", "/")
        except ValueError:  # another drive (Windows)
            pass
    text = posixpath.normpath(text)
    return text[2:] if text.startswith("./") else text


def normalise_context(text: str) -> str:
    """Whitespace collapsed to single spaces and trimmed; digits and punctuation kept."""
    return _SPACE_RE.sub(" ", text).strip()


def context_of(diagnostic: Diagnostic, line_text: str | None) -> str:
    """What identifies a finding besides code and file: the text around it, or its message.

    A whole-file finding (line 1, column 1, no span) has no place: its message is its
    context. Otherwise the source line, cut to ``CONTEXT_RADIUS`` characters either side of
    the column, so an edit elsewhere in a long paragraph does not change it.
    """
    if diagnostic.whole_file or not line_text:
        return "message:" + normalise_context(diagnostic.message)
    start = max(0, diagnostic.column - 1 - CONTEXT_RADIUS)
    return "line:" + normalise_context(line_text[start:diagnostic.column - 1 + CONTEXT_RADIUS])


def fingerprint(diagnostic: Diagnostic, context_line: str | None, occurrence: int = 0,
                root: Path | None = None) -> str:
    """The finding's identity: sha256 of code, normalised path and context, then ``#occurrence``.

    ``occurrence`` counts earlier findings of the same file with the same code and context
    (0 for the first), so two identical findings on one line are two entries.
    """
    parts = (diagnostic.code, normalise_path(diagnostic.path, root), context_of(diagnostic, context_line))
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{digest}#{occurrence}"


def fingerprints(result: FileResult, root: Path | None = None,
                 diagnostics: Iterable[Diagnostic] | None = None) -> list[tuple[Diagnostic, str]]:
    """Each baselinable diagnostic of ``result`` with its fingerprint (occurrences in file order).

    ``diagnostics``: a part of the file's findings (default: all of them) whose codes no
    other part has — what the cross-year stage adds (GOV602–GOV604, GOV901) — so the
    occurrence counts are those of the whole file.
    """
    seen: dict[str, int] = {}
    pairs = []
    chosen = result.diagnostics if diagnostics is None else diagnostics
    for diagnostic in sorted(chosen, key=lambda d: d.sort_key):
        if diagnostic.code in NEVER_BASELINED:
            continue
        line = result.lines.get((diagnostic.line, diagnostic.column))
        base = fingerprint(diagnostic, line, 0, root).split("#", 1)[0]
        index = seen.get(base, 0)
        seen[base] = index + 1
        pairs.append((diagnostic, f"{base}#{index}"))
    return pairs


def _entry(diagnostic: Diagnostic, key: str, root: Path | None) -> dict[str, Any]:
    return {"code": diagnostic.code, "path": normalise_path(diagnostic.path, root), "fingerprint": key,
            "message": diagnostic.message}


def _sort_key(entry: Mapping[str, Any]) -> tuple[str, str, str]:
    return (entry["path"], entry["code"], entry["fingerprint"])


def write_baseline(results: Iterable[FileResult], path: Path) -> int:
    """Record every current finding of ``results`` in ``path`` (atomically); returns how many.

    Files that failed (unreadable, internal error) contribute their other findings only:
    their GOV001 is never recorded, so the failure keeps failing the run.
    """
    root = path.parent
    entries = sorted((_entry(d, key, root) for r in results for d, key in fingerprints(r, root)), key=_sort_key)
    document = {"format": FORMAT, "version": VERSION, "entries": entries}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise GovlintError(f"{path}: 无法写入基线文件：{exc.strerror or exc}") from None
    return len(entries)


def _invalid(path: Path, why: str) -> GovlintError:
    return GovlintError(f"{path}: 基线文件无效：{why}（可用 govlint check --write-baseline {path} 重新生成）")


class Baseline:
    """A loaded baseline: hides known findings per file and reports the entries left unmatched."""

    def __init__(self, path: Path, entries: list[dict[str, Any]]) -> None:
        self.path = path
        self.root = path.parent
        self._by_path: dict[str, dict[str, dict[str, Any]]] = {}
        for entry in entries:
            self._by_path.setdefault(entry["path"], {})[entry["fingerprint"]] = entry
        self._matched: set[tuple[str, str]] = set()

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read and validate ``path``; a missing, unreadable, corrupt or other-version file is exit 2."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise GovlintError(f"{path}: 基线文件不存在（可用 govlint check --write-baseline {path} 生成）") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise GovlintError(f"{path}: 无法读取基线文件：{getattr(exc, 'strerror', None) or exc}") from None
        try:
            data = json.loads(text)
        except ValueError:
            raise _invalid(path, "不是有效的 JSON") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise _invalid(path, "不是 govlint 基线文件")
        if data.get("version") != VERSION:
            raise _invalid(path, f"版本 {data.get('version')!r} 不受支持（本版本 govlint 读取版本 {VERSION}）")
        entries = data.get("entries")
        fields = ("code", "path", "fingerprint", "message")
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and all(isinstance(e.get(f), str) for f in fields) for e in entries):
            raise _invalid(path, "entries 应为含 code、path、fingerprint、message 的条目列表")
        return cls(path, entries)

    def keep(self, result: FileResult, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """``diagnostics`` of ``result`` without the known ones: the run's finding filter.

        The run calls it per file, for the single-report findings and then for what the
        cross-year stage adds, before they are kept or streamed (``collect.check(keep=...)``),
        so every output format — streaming ones included — shows the filtered findings.
        Matches are remembered for :meth:`closing`.
        """
        shown = normalise_path(result.path, self.root)
        known = self._by_path.get(shown)
        if not known:
            return diagnostics
        hidden = set()
        for diagnostic, key in fingerprints(result, self.root, diagnostics):
            if key in known:
                hidden.add(id(diagnostic))
                self._matched.add((shown, key))
        return [d for d in diagnostics if id(d) not in hidden] if hidden else diagnostics

    def filter(self, result: FileResult) -> FileResult:
        """``result`` without its known findings (changed in place; for callers holding whole results)."""
        result.diagnostics = self.keep(result, result.diagnostics)
        return result

    def stale_messages(self, path: str) -> list[str]:
        """The message of each entry of the file shown as ``path`` that matched no finding (sorted)."""
        key = normalise_path(path, self.root)
        return [f"基线文件 {self.path} 记录的 {entry['code']}「{entry['message']}」已不再出现，"
                f"可重新生成基线（govlint check --write-baseline {self.path}）"
                for fingerprint_, entry in sorted(self._by_path.get(key, {}).items())
                if (key, fingerprint_) not in self._matched]

    def closing(self, result: FileResult, settings: FileSettings, registry: RuleRegistry) -> list[Diagnostic]:
        """GOV902 for each entry of ``result``'s file that matched nothing (after both stages).

        Only for a file checked in full in this run: an entry of a file not checked now
        (another directory) or not fully checked (unreadable, an internal error) is not
        stale. None when GOV902 is not selected for the file.
        """
        if result.failures:
            return []
        found: list[Diagnostic] = []
        for message in self.stale_messages(result.path):
            found.extend(stale_baseline_diagnostic(registry, settings.selection, result.path, message))
        return found


def baseline_for_run(option: Path | None, config: Any) -> Baseline | None:
    """The run's baseline: ``--baseline FILE``, else the ``baseline`` key of the configuration in use."""
    path = option if option is not None else getattr(config, "baseline", None)
    return Baseline.load(path) if path is not None else None
