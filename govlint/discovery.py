"""Which files a run checks: command-line paths expanded, directories searched.

Nothing is read here except, for files found in a directory, the first few kilobytes that
tell govlint's own output apart from a report (``govlint check DIR -o DIR/结果.txt`` run
twice must not check its own results). Found in a directory and left out:

- Word/WPS lock and temporary files (``~$报告.docx``, ``.~报告.docx``): they vanish when
  the document is closed and are never reports;
- the ``-o`` target of the run, and anything govlint wrote (a previous run's results file,
  ``govlint-report.html``, ``*.checked.docx`` written by ``govlint annotate``);
- legacy binary Office files (``.doc``, ``.wps``, ``.et``): *skipped* with the same one-line
  hint as when named on the command line (they are counted as skipped in the summary).

A file named on the command line is always checked as given.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from govlint.atomic import TEMPORARY_SUFFIX
from govlint.errors import ConfigError, InputError, escape_control
from govlint.readers.docx import LEGACY_HINTS
from govlint.records import record
from govlint.settings import SettingsResolver

STDIN = "-"

#: Name prefixes of the lock and temporary files Word (``~$``) and WPS/LibreOffice (``.~``) write.
LOCK_PREFIXES = ("~$", ".~")
#: Name endings of files govlint writes beside reports (``govlint annotate``'s copies).
WRITTEN_SUFFIXES = (".checked.docx", TEMPORARY_SUFFIX)
#: How much of a found file is looked at to recognise govlint's own output.
_SNIFF_BYTES = 4096
#: The first line of govlint's text outputs: concise/full (``path:1:2: GOV301 ``), github
#: (``::error file=``), csv/summary-csv (their header), jsonl (``{"code": "GOV``), and the HTML
#: report's generator tag anywhere in its head.
_OUTPUT_LINE = re.compile(
    r'^(?:.+:\d+:\d+: [A-Z]{2,3}\d{3} |::(?:error|warning|notice) file=|file,(?:line,column|issuer,year),'
    r'|\{"code": "[A-Z]{2,3}\d{3}")'
)
_HTML_GENERATOR = '<meta name="generator" content="govlint'


@record
class Input:
    """One input to check: a file path, or standard input under a display name.

    ``display`` is the name used in every message, with control characters escaped
    (:func:`~govlint.errors.escape_control`), so a file name holding a newline cannot break
    a one-line message. ``data`` holds the bytes when the caller already has them; standard
    input (``stdin``) is read, bounded, only when the input is checked.
    """

    display: str
    path: Path | None
    data: bytes | None = None
    stdin: bool = False


@record
class Skipped:
    """A file found in a directory and not checked, with the one-line hint saying why."""

    display: str
    hint: str


def real_path(path: Path) -> Path:
    """``path`` with symbolic links resolved; never raises (a symlink loop stays as it is).

    ``Path.resolve`` raises ``RuntimeError`` on a symlink loop (Python 3.11), which would
    make one bad link in a directory stop the whole run.
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a directory; ``False`` when it cannot be looked at (the read reports why)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Whether ``path`` exists; ``False`` when it cannot be looked at."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def excluded(resolver: SettingsResolver, path: Path) -> bool:
    """``resolver.is_excluded``; a path whose configuration file is broken is not excluded
    (its check reports the broken configuration)."""
    try:
        return resolver.is_excluded(path)
    except ConfigError:
        return False


def same_file(a: Path, b: Path) -> bool:
    """Same resolved path, or (hard links) the same inode."""
    if real_path(a) == real_path(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def is_lock_file(name: str) -> bool:
    """A Word/WPS lock or temporary file (``~$报告.docx``, ``.~报告.docx``)."""
    return name.startswith(LOCK_PREFIXES)


def written_by_govlint(path: Path) -> bool:
    """Whether ``path`` is a file govlint wrote: an annotated copy, or a report of findings.

    Recognised by name (``*.checked.docx``) or by the first line of its content (the
    concise/full, github, csv and jsonl outputs, the HTML report's generator tag).
    """
    if path.name.lower().endswith(WRITTEN_SUFFIXES):
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a FIFO or a device: never opened here (opening a FIFO blocks)
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except (OSError, ValueError):
        return False  # the check reports why it cannot be read
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    if _HTML_GENERATOR in text:
        return True
    first = text.lstrip("\r\n").split("\n", 1)[0]
    return bool(_OUTPUT_LINE.match(first))


def collect_inputs(
    paths: Iterable[str],
    suffixes: set[str],
    resolver: SettingsResolver,
    stdin_filename: str | None = None,
    *,
    output: Path | None = None,
    skipped: list[Skipped] | None = None,
) -> list[Input]:
    """Expand command-line paths: files as given, directories searched for report files.

    Hidden directories (``.git``) are not searched. A directory in which nothing is a report
    is an error: the user almost certainly pointed at the wrong place. Nothing is read here
    (standard input included), so ``--output-file`` can be checked against the inputs first.
    ``output`` (the run's ``-o`` target) is left out of directory searches; legacy Office
    files found there are added to ``skipped`` with their hint.
    """
    inputs: list[Input] = []
    for raw in paths:
        if raw == STDIN:
            display = escape_control(stdin_filename) if stdin_filename else "<stdin>"
            inputs.append(Input(display, Path(stdin_filename) if stdin_filename else None, None, True))
            continue
        path = Path(raw)
        if is_dir(path):
            found: list[Path] = []
            legacy: list[Skipped] = []
            for candidate in walk(path, suffixes, resolver):
                hint = LEGACY_HINTS.get(candidate.suffix.lower())
                if hint is not None and candidate.suffix.lower() not in suffixes:
                    legacy.append(Skipped(escape_control(str(candidate)), hint))
                elif not (output is not None and same_file(candidate, output)) and not written_by_govlint(candidate):
                    found.append(candidate)
            if not found and not legacy:
                names = ", ".join(sorted(suffixes))
                raise InputError(f"{escape_control(raw)}：该目录中没有找到报告文件（{names}）")
            inputs.extend(Input(escape_control(str(p)), p) for p in found)
            if skipped is not None:
                skipped.extend(legacy)
        elif exists(path) and excluded(resolver, path):
            continue
        else:
            inputs.append(Input(escape_control(raw), path))
    return inputs


def walk(root: Path, suffixes: set[str], resolver: SettingsResolver) -> Iterator[Path]:
    """Report files (and legacy Office files) under ``root``, lock files left out, sorted per directory."""
    wanted = suffixes | set(LEGACY_HINTS)
    for directory, subdirs, files in os.walk(root):
        base = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and not excluded(resolver, base / d)
        )
        for name in sorted(files):
            if is_lock_file(name):
                continue
            candidate = base / name
            if candidate.suffix.lower() in wanted and not excluded(resolver, candidate):
                yield candidate


def would_collect(root: Path, candidate: Path, suffixes: set[str], resolver: SettingsResolver) -> bool:
    """Whether searching directory ``root`` would pick up file ``candidate`` (as :func:`walk` does)."""
    base, target = real_path(root), real_path(candidate)
    try:
        relative = target.relative_to(base)
    except ValueError:
        return False
    if not relative.parts or target.suffix.lower() not in suffixes or is_lock_file(target.name):
        return False
    if any(part.startswith(".") for part in relative.parts[:-1]):
        return False
    return not excluded(resolver, candidate)


def output_conflict(output: Path, paths: Iterable[str], inputs: Iterable[Input], suffixes: set[str],
                    resolver: SettingsResolver) -> str | None:
    """Why writing the report to ``output`` would touch an input (``None``: it would not).

    Refused: ``output`` is an input (same resolved path or same inode, ``--previous``
    files included). An ``output`` inside a checked directory is fine: directory searches
    leave the run's ``-o`` target and govlint's own outputs out (:func:`collect_inputs`).
    """
    for item in inputs:
        if item.path is not None and not item.stdin and same_file(output, item.path):
            return f"该文件是输入文件 {item.display}"
    return None
