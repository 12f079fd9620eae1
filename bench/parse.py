"""Single-process throughput on the real reports of ``../shared`` (a script, not a test).

Loads the real reports beside the checkout (``../shared/seeds`` and ``../shared/corpus``:
``.txt``, ``.md``, ``.html``, ``.docx``; ``.pdf`` is measured apart because pdfplumber
dominates its time) and runs, many times, what ``govlint check --isolated`` does to each
file: read → parse → every default rule → suppressions, through
:func:`govlint.runner.check_input` with one host and one settings resolver, as the CLI does.

It prints reports/second per shape (file type) and for the mix of every non-PDF report,
each the median of ``--runs`` runs, beside a *floor*: reading the bytes, decoding them and
running 20 regular-expression scans over the text — what any linter of these files must at
least pay. The reports are read from disk on every pass (as a linter would), so the
numbers include the file system's (cached) read. Time is the process's CPU time by default
(``--wall`` for the wall clock), so that other work on a shared machine disturbs it less.

Usage::

    python bench/parse.py                    # table on stdout (target >= 200 reports/s for the mix)
    python bench/parse.py --runs 5 --seconds 2
    python bench/parse.py --pdf              # also the PDF shape (slow: pdfplumber)
    python bench/parse.py --profile          # cProfile of the mix, top functions by own time
    python bench/parse.py --profile --shape html   # ... of one shape
    python bench/parse.py --json -           # JSON on stdout instead of the table

Exit status is 0 whether or not the target is met.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

TARGET_PER_SECOND = 200.0
TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".shtml": "html"}
SHAPES = ("txt", "md", "html", "docx")

#: The floor's scans: the kind of patterns a linter of these reports runs over the whole text.
FLOOR_PATTERNS = [re.compile(p) for p in (
    r"\d+", r"[一二三四五六七八九十]+、", r"（[一二三四五六七八九十]+）", r"\d{4}年", r"\d{1,2}月\d{1,2}日",
    r"总计", r"政府信息公开", r"电话", r"[:：]", r"\n\s*\n", r"\|", r"<[^>]+>", r"[A-Za-z]+",
    r"[\u4e00-\u9fff]+", r"\s+", r"[，。；]", r"申请", r"行政复议", r"行政诉讼", r"https?://\S+",
)]


def find_reports(shared: Path) -> dict[str, list[Path]]:
    """The real reports by shape (``pdf`` included)."""
    shapes: dict[str, list[Path]] = {}
    for folder in ("seeds", "corpus"):
        for path in sorted((shared / folder).glob("*")):
            suffix = path.suffix.lower()
            shape = TEXT_SUFFIXES.get(suffix) or (suffix[1:] if suffix in (".docx", ".pdf") else None)
            if shape and path.is_file():
                shapes.setdefault(shape, []).append(path)
    return shapes


def floor_pass(paths: list[Path]) -> None:
    """Read, decode and scan each file 20 times (the floor)."""
    for path in paths:
        data = path.read_bytes()
        if path.suffix.lower() == ".docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                text = archive.read("word/document.xml").decode("utf-8")
        else:
            text = data.decode("utf-8", errors="replace")
        for pattern in FLOOR_PATTERNS:
            for _ in pattern.finditer(text):
                pass


def make_checker() -> Callable[[list[Path]], int]:
    """A function checking each path as ``govlint check --isolated`` does; returns the findings count."""
    from govlint.host import Host
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = Host()
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)

    def check_pass(paths: list[Path]) -> int:
        found = 0
        for path in paths:
            result = check_input(host, resolver, Input(str(path), path))
            found += len(result.diagnostics)
        return found

    return check_pass


def rate(action: Callable[[list[Path]], object], paths: list[Path], seconds: float, runs: int,
         clock: Callable[[], float] = time.process_time) -> dict:
    """Median reports/second of ``runs`` runs, each repeating ``action`` for about ``seconds`` of ``clock``."""
    action(paths)  # warm-up: imports, compiled patterns, plugin loading
    rates = []
    for _ in range(runs):
        gc.collect()
        done = 0
        start = clock()
        while True:
            action(paths)
            done += len(paths)
            elapsed = clock() - start
            if elapsed >= seconds:
                break
        rates.append(done / elapsed)
    return {"reports": len(paths), "runs": [round(r, 1) for r in rates], "median": statistics.median(rates)}


def profile(check_pass: Callable[[list[Path]], int], paths: list[Path], seconds: float, top: int) -> str:
    """cProfile of the mix for about ``seconds``: the top functions by own time, then by cumulative time."""
    check_pass(paths)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    while time.perf_counter() - start < seconds:
        check_pass(paths)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="folder holding seeds/ and corpus/ (default: ../shared beside the checkout)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is printed (default 3)")
    parser.add_argument("--seconds", type=float, default=1.5, help="length of one run (default 1.5 s)")
    parser.add_argument("--pdf", action="store_true", help="also measure the PDF reports (slow)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the mix instead of rates")
    parser.add_argument("--shape", choices=SHAPES + ("pdf",), help="with --profile: profile only this shape")
    parser.add_argument("--top", type=int, default=30, help="functions listed by --profile (default 30)")
    parser.add_argument("--wall", action="store_true",
                        help="time with the wall clock instead of the process's CPU time")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON ('-' for stdout only)")
    args = parser.parse_args(argv)

    shapes = find_reports(args.shared)
    mix = [path for shape in SHAPES for path in shapes.get(shape, [])]
    if not mix:
        print(f"no reports under {args.shared}/seeds or {args.shared}/corpus", file=sys.stderr)
        return 2
    check_pass = make_checker()
    if args.profile:
        target = shapes.get(args.shape, []) if args.shape else mix
        print(profile(check_pass, target, args.seconds * args.runs, args.top))
        return 0

    clock = time.perf_counter if args.wall else time.process_time
    measured = [s for s in SHAPES if s in shapes] + (["pdf"] if args.pdf and "pdf" in shapes else [])
    result: dict = {
        "python": f"Python {platform.python_version()}",
        "pid": os.getpid(),
        "shapes": {shape: rate(check_pass, shapes[shape], args.seconds, args.runs, clock) for shape in measured},
        "mix": rate(check_pass, mix, args.seconds, args.runs, clock),
        "floor": rate(floor_pass, mix, args.seconds, args.runs, clock),
        "clock": "wall" if args.wall else "cpu",
        "findings_per_mix_pass": check_pass(mix),
    }
    result["target_reports_per_second"] = TARGET_PER_SECOND
    result["target_met"] = result["mix"]["median"] >= TARGET_PER_SECOND
    if args.json == "-":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(result: dict) -> None:
    """The results as a small table."""
    print(f"govlint check --isolated, one process, real reports of ../shared ({result['python']}, "
          f"{result['clock']} time)")
    header = f"{'shape':<8}{'files':>6}{'reports/s':>11}   runs"
    print(header)
    print("-" * (len(header) + 20))
    rows = list(result["shapes"].items()) + [("mix", result["mix"]), ("floor", result["floor"])]
    for name, row in rows:
        print(f"{name:<8}{row['reports']:>6}{row['median']:>11.1f}   {row['runs']}")
    ratio = result["floor"]["median"] / result["mix"]["median"]
    verdict = "MET" if result["target_met"] else "NOT MET"
    print(f"\nmix is {ratio:.1f}x slower than the floor; {result['findings_per_mix_pass']} findings per mix pass")
    print(f"target >= {TARGET_PER_SECOND:.0f} reports/s on the mix: {verdict} ({result['mix']['median']:.1f}/s)")


if __name__ == "__main__":
    sys.exit(main())
