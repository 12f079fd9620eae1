#!/usr/bin/env python3
"""Measure govlint's start-up cost: what pre-commit pays on every commit.

Runs each command in a fresh subprocess ``--runs`` times (default 30), interleaved so that
background noise hits all of them alike, and reports the median and minimum wall time:

* ``python -c pass``            -- the interpreter alone (the baseline);
* ``govlint --version``         -- import of the CLI and the entry-point scan;
* ``govlint check <report>``    -- one small synthetic report, all default rules.

The overhead of a command is its median minus the baseline's median. The target for
``govlint check`` on one file is an overhead of at most 150 ms (architecture.md §3).

Measure a regular install (``pip install .`` into a fresh venv, then run this script with
that venv's python): an editable install with ``PYTHONDONTWRITEBYTECODE=1`` compiles every
module from source on every run, which is not what users get. The script says so when it
sees either condition.

    python3 -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install .
    /tmp/benchvenv/bin/python bench/startup.py [--runs 30] [--json]

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 150.0

REPORT = """\
示例县统计局2023年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。本报告所列数据的统计期限为2023年1月1日至2023年12月31日。

一、总体情况
（一）主动公开情况
全年主动公开政府信息35条。
（二）依申请公开情况
全年收到政府信息公开申请2件，均按期答复。

二、主动公开政府信息情况
第二十条第（一）项
信息内容	本年制发件数	本年废止件数	现行有效件数
规章	0	0	0
行政规范性文件	1	0	3

三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请数量 2 件，已全部办结。

四、政府信息公开行政复议、行政诉讼情况
本年度未发生政府信息公开行政复议、行政诉讼。

五、存在的主要问题及改进情况
主动公开的及时性有待提高。下一步将完善信息发布审核流程。

六、其他需要报告的事项
本年度未收取信息处理费。

示例县统计局
2024年1月20日
"""


def govlint_command() -> list[str]:
    """The ``govlint`` console script next to this interpreter, else ``python -m govlint``."""
    scripts = Path(sys.executable).parent
    for name in ("govlint", "govlint.exe"):
        candidate = scripts / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    return [sys.executable, "-m", "govlint"]


def bytecode_state() -> dict:
    """Where govlint is imported from, whether it is editable, and how many .pyc are missing."""
    state: dict = {
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        "editable": None,
        "packages": {},
    }
    for package in ("govlint", "govlint_rules"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        sources = [p for loc in spec.submodule_search_locations for p in Path(loc).rglob("*.py")]
        missing = [p for p in sources if not Path(importlib.util.cache_from_source(str(p))).exists()]
        state["packages"][package] = {
            "location": list(spec.submodule_search_locations),
            "modules": len(sources),
            "missing_pyc": len(missing),
        }
    try:
        import importlib.metadata as md

        direct_url = md.distribution("govlint").read_text("direct_url.json")
        if direct_url:
            state["editable"] = bool(json.loads(direct_url).get("dir_info", {}).get("editable"))
        else:
            state["editable"] = False
    except Exception:  # not installed as a distribution: running from a checkout
        state["editable"] = None
    return state


def measure(commands: dict[str, list[str]], runs: int, warmup: int, cwd: str
            ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall times and CPU times (user + system of the child) in ms per command.

    Rounds are interleaved. CPU time does not count time spent waiting for a CPU, so it
    stays steady on a loaded or shared machine where wall time jumps around.
    """
    env = dict(os.environ)
    env.pop("GOVLINT_DEBUG", None)
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for round_no in range(warmup + runs):
        for name, argv in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = (time.perf_counter() - start) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode not in (0, 1):
                detail = proc.stderr.decode("utf-8", "replace").strip()
                raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {detail}")
            if round_no >= warmup:
                times[name].append(elapsed)
                cpu[name].append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
    return times, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per command (default 30)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    govlint = govlint_command()
    with tempfile.TemporaryDirectory(prefix="govlint-bench-") as tmp:
        report = Path(tmp) / "report-2023.txt"
        report.write_text(REPORT, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "govlint --version": [*govlint, "--version"],
            "govlint check": [*govlint, "check", "--output-format", "concise", str(report)],
        }
        times, cpu = measure(commands, args.runs, args.warmup, tmp)

    baseline = statistics.median(times["python -c pass"])
    cpu_baseline = statistics.median(cpu["python -c pass"])
    results = []
    for name, argv in commands.items():
        median = statistics.median(times[name])
        results.append({
            "name": name,
            "command": argv,
            "median_ms": round(median, 1),
            "min_ms": round(min(times[name]), 1),
            "overhead_ms": round(median - baseline, 1),
            "cpu_median_ms": round(statistics.median(cpu[name]), 1),
            "cpu_overhead_ms": round(statistics.median(cpu[name]) - cpu_baseline, 1),
        })
    check_overhead = results[-1]["overhead_ms"]
    state = bytecode_state()
    warnings = []
    missing = sum(p["missing_pyc"] for p in state["packages"].values())
    total = sum(p["modules"] for p in state["packages"].values())
    if state["pythondontwritebytecode"]:
        warnings.append("PYTHONDONTWRITEBYTECODE is set: modules without an existing .pyc are "
                        "compiled from source on every run"
                        + (" (harmless here: every govlint module has one)." if total and not missing else "."))
    if missing:
        warnings.append(f"{missing} of {total} govlint modules have no .pyc file: the numbers include "
                        "compiling them from source on every run.")
    if state["editable"]:
        warnings.append("govlint is an editable install; measure a regular `pip install .` in a fresh venv.")

    data = {
        "python": sys.executable,
        "python_version": platform.python_version(),
        "platform": platform.platform(),
        "govlint": govlint,
        "runs": args.runs,
        "warmup": args.warmup,
        "results": results,
        "target_ms": TARGET_MS,
        "check_overhead_ms": check_overhead,
        "check_meets_target": check_overhead <= TARGET_MS,
        "bytecode": state,
        "warnings": warnings,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0

    print(f"python {data['python_version']} ({sys.executable}); govlint: {' '.join(govlint)}")
    print(f"{args.runs} runs per command (+{args.warmup} warm-up), fresh process each\n")
    width = max(len(r["name"]) for r in results)
    print(f"{'command':<{width}}  {'median ms':>9}  {'min ms':>7}  {'overhead ms':>11}  {'cpu ms':>7}  {'cpu overhead':>12}")
    for r in results:
        first = r["name"] == "python -c pass"
        overhead = "-" if first else f"{r['overhead_ms']:+.1f}"
        cpu_overhead = "-" if first else f"{r['cpu_overhead_ms']:+.1f}"
        print(f"{r['name']:<{width}}  {r['median_ms']:>9.1f}  {r['min_ms']:>7.1f}  {overhead:>11}  "
              f"{r['cpu_median_ms']:>7.1f}  {cpu_overhead:>12}")
    verdict = "meets" if data["check_meets_target"] else "MISSES"
    print(f"\ngovlint check overhead {check_overhead:.1f} ms {verdict} the target of ≤ {TARGET_MS:.0f} ms")
    print(f"bytecode: {total - missing}/{total} modules have .pyc; "
          f"PYTHONDONTWRITEBYTECODE {'set' if state['pythondontwritebytecode'] else 'not set'}; "
          f"editable install: {state['editable']}")
    for warning in warnings:
        print(f"warning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
