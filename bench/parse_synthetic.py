"""Parse and lint throughput on a synthetic corpus (a script, not a test).

Builds a fixed-seed corpus of synthetic reports (:mod:`govlint.synthetic`: every style,
both templates), then measures on ONE core:

1. parsing (``Document`` → :func:`govlint.parser.parse`): reports/second and ms/report,
   overall and per style, plus how many cells came back exactly (a correctness check: a
   fast parser that reads wrong numbers is no use);
2. memory: the tracemalloc peak of a separate parsing pass over a sample that covers
   every style and template (tracemalloc slows parsing down about eightfold, so it never
   runs during the timed pass; ``--memory-reports``), and the process's max RSS;
3. the full lint path (bytes → reader → parser → every selected rule), through
   :func:`govlint.runner.check_input` with one host and settings resolver, as the CLI does,
   with the diagnostics per code (the corpus is consistent, so arithmetic and
   prose-versus-table codes there are false positives; period and contact codes are
   expected where the generator left those sentences out).

Usage::

    python bench/parse_synthetic.py                    # 1,000 reports, table on stdout
    python bench/parse_synthetic.py --reports 200 --json bench.json
    python bench/parse_synthetic.py --json -           # JSON on stdout instead of the table

Exit status is 0 whether or not the target is met; the verdict is printed (and is in the
JSON as ``target_met``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from govlint.document import Document  # noqa: E402
from govlint.parser import parse  # noqa: E402
from govlint.synthetic import STYLES, ReportSpec, compare, render  # noqa: E402
from govlint.templates import FORMAT_2019, FORMAT_2021  # noqa: E402

TARGET_PER_SECOND = 200.0


@dataclass
class Item:
    """One report of the corpus."""

    name: str
    style: str
    template: str
    text: str
    spec: ReportSpec


def build_corpus(count: int, seed: int) -> list[Item]:
    """``count`` reports cycling through every style and both templates (fixed seed)."""
    rng = random.Random(seed)
    items = []
    for index in range(count):
        style = STYLES[index % len(STYLES)]
        template = (FORMAT_2019, FORMAT_2021)[(index // len(STYLES)) % 2]
        spec = ReportSpec.random(rng, template=template)
        items.append(Item(f"synthetic-{index:04d}-{style}.txt", style, template, render(spec, style, seed=index), spec))
    return items


def pin_to_one_core() -> str:
    """Restrict the process to one CPU where the OS allows it; describe what was done."""
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})
        return f"pinned to CPU {cpus[0]}"
    return "not pinned (single process, single thread)"


def time_parsing(items: list[Item]) -> dict:
    """Timed pass: parse every report once; per-style times and exact-cell counts."""
    for item in items[: len(STYLES) * 2]:  # warm-up: imports, compiled patterns
        parse(Document(item.name, item.text))
    per_style: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    gc.collect()
    total_start = time.perf_counter()
    for item in items:
        start = time.perf_counter()
        report = parse(Document(item.name, item.text))
        elapsed = time.perf_counter() - start
        stats = per_style[item.style]
        stats["reports"] += 1
        stats["seconds"] += elapsed
        stats["chars"] += len(item.text)
        cells = sum(1 for _ in item.spec.cells())
        wrong = compare(item.spec, report)
        stats["cells"] += cells
        stats["exact"] += cells - len(wrong)
        stats["invented"] += sum(1 for m in wrong if m.got is not None)
    wall = time.perf_counter() - total_start
    parse_seconds = sum(s["seconds"] for s in per_style.values())
    return {
        "reports": len(items),
        "parse_seconds": parse_seconds,
        "wall_seconds_including_checks": wall,
        "reports_per_second": len(items) / parse_seconds,
        "ms_per_report": parse_seconds / len(items) * 1000,
        "styles": {
            style: {
                "reports": int(s["reports"]),
                "ms_per_report": s["seconds"] / s["reports"] * 1000,
                "reports_per_second": s["reports"] / s["seconds"],
                "avg_chars": s["chars"] / s["reports"],
                "cells_exact_percent": 100.0 * s["exact"] / s["cells"],
                "cells_invented": int(s["invented"]),
            }
            for style, s in sorted(per_style.items(), key=lambda kv: STYLES.index(kv[0]))
        },
    }


def measure_memory(items: list[Item]) -> dict:
    """tracemalloc peak while parsing ``items`` (results dropped as a linter does)."""
    documents = [Document(item.name, item.text) for item in items]
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    baseline, _ = tracemalloc.get_traced_memory()
    largest = 0
    for document in documents:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        report = parse(document)
        _, peak = tracemalloc.get_traced_memory()
        largest = max(largest, peak - before)
        del report
    _, overall_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "reports": len(documents),
        "tracemalloc_peak_per_report_kib": largest / 1024,
        "tracemalloc_peak_above_corpus_kib": max(0, overall_peak - baseline) / 1024,
    }


def max_rss_mib() -> float:
    """The process's max resident set size so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def time_linting(items: list[Item]) -> dict:
    """The full path of ``govlint check``: bytes → reader → parser → rules, per report."""
    from govlint.host import Host
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = Host()
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)
    inputs = [Input(item.name, None, item.text.encode("utf-8")) for item in items]
    for item in inputs[: len(STYLES) * 2]:
        check_input(host, resolver, item)
    gc.collect()
    results = []
    start = time.perf_counter()
    for item in inputs:
        results.append(check_input(host, resolver, item))
    seconds = time.perf_counter() - start
    by_code: dict[str, int] = defaultdict(int)
    for found in results:
        for diagnostic in found.diagnostics:
            by_code[diagnostic.code] += 1
    return {
        "reports": len(inputs),
        "rules": len(list(host.registry)),
        "seconds": seconds,
        "reports_per_second": len(inputs) / seconds,
        "ms_per_report": seconds / len(inputs) * 1000,
        "diagnostics": sum(by_code.values()),
        "diagnostics_by_code": dict(sorted(by_code.items())),
    }


def print_table(result: dict) -> None:
    parsing = result["parse"]
    print(f"govlint parse benchmark: {parsing['reports']} synthetic reports, seed {result['seed']}, "
          f"{result['python']}, {result['cpu']}")
    print()
    header = f"{'style':<10}{'reports':>8}{'ms/report':>11}{'reports/s':>11}{'chars':>8}{'exact cells':>13}{'invented':>10}"
    print(header)
    print("-" * len(header))
    for style, s in parsing["styles"].items():
        print(f"{style:<10}{s['reports']:>8}{s['ms_per_report']:>11.2f}{s['reports_per_second']:>11.1f}"
              f"{s['avg_chars']:>8.0f}{s['cells_exact_percent']:>12.1f}%{s['cells_invented']:>10}")
    print("-" * len(header))
    print(f"{'all':<10}{parsing['reports']:>8}{parsing['ms_per_report']:>11.2f}{parsing['reports_per_second']:>11.1f}")
    print()
    memory = result["memory"]
    print(f"memory ({memory['reports']} reports traced): tracemalloc peak "
          f"{memory['tracemalloc_peak_per_report_kib']:.0f} KiB for one report, "
          f"{memory['tracemalloc_peak_above_corpus_kib']:.0f} KiB for the whole pass; "
          f"max RSS {result['max_rss_mib']:.1f} MiB")
    lint = result.get("lint")
    if lint:
        print(f"lint (read + parse + {lint['rules']} rules): {lint['ms_per_report']:.2f} ms/report, "
              f"{lint['reports_per_second']:.1f} reports/s")
        codes = ", ".join(f"{code} {n}" for code, n in lint["diagnostics_by_code"].items())
        print(f"  diagnostics on the corpus: {lint['diagnostics']} ({codes or 'none'})")
    print()
    verdict = "MET" if result["target_met"] else "NOT MET"
    print(f"target >= {TARGET_PER_SECOND:.0f} reports/s parsing on one core: {verdict} "
          f"({parsing['reports_per_second']:.1f} reports/s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus seed (default 2024)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON ('-' for stdout only)")
    parser.add_argument("--memory-reports", type=int, default=10 * 2 * len(STYLES),
                        help="reports parsed under tracemalloc (default: 10 per style and template)")
    parser.add_argument("--no-lint", action="store_true", help="skip the full lint measurement")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    args = parser.parse_args(argv)

    cpu = "not pinned" if args.no_pin else pin_to_one_core()
    build_start = time.perf_counter()
    items = build_corpus(args.reports, args.seed)
    build_seconds = time.perf_counter() - build_start
    result: dict = {
        "seed": args.seed,
        "python": f"Python {platform.python_version()}",
        "cpu": cpu,
        "corpus_build_seconds": build_seconds,
        "parse": time_parsing(items),
    }
    result["memory"] = measure_memory(items[: max(1, args.memory_reports)])
    if not args.no_lint:
        result["lint"] = time_linting(items)
    result["max_rss_mib"] = max_rss_mib()
    result["target_reports_per_second"] = TARGET_PER_SECOND
    result["target_met"] = result["parse"]["reports_per_second"] >= TARGET_PER_SECOND
    if args.json == "-":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
