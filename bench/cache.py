#!/usr/bin/env python3
"""Result-cache speed-up: ``govlint check`` over N unchanged reports, first run vs second run.

Writes a fixed-seed corpus of synthetic reports (:mod:`govlint.synthetic`, every style,
both templates) to a temporary directory, then runs ``govlint check --isolated
--output-format concise -j1 DIR`` there as users do (a fresh process each time; ``-j1``:
in govlint's own process, so the times compare the work, not the pool's start-up):

1. ``--no-cache``: the reference (nothing read from or written to the cache);
2. first run with the cache (empty ``.govlint_cache``: every file checked and stored);
3. second run with the cache (every file unchanged: no file is parsed again, in either
   stage; each file is read once, to hash its bytes).

The synthetic corpus draws issuers from a small pool, so some reports (about one in six)
have a previous-year report of the same issuer in the corpus: their cross-year stage is
cached too (one more entry each). ``--no-cross-year`` measures the first stage alone. The
target is: second run ≤ 10% of the first run's wall time. Outputs of all three runs
must be identical (checked). A script, not a test: timings depend on the machine.

    python bench/cache.py                  # 1,000 reports
    python bench/cache.py --reports 200 --json
    python bench/cache.py --jobs 2         # the same with two worker processes
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from govlint.synthetic import STYLES, ReportSpec, render  # noqa: E402
from govlint.templates import FORMAT_2019, FORMAT_2021  # noqa: E402

TARGET = 0.10


def write_corpus(directory: Path, count: int, seed: int) -> None:
    """``count`` reports cycling through every style and both templates (fixed seed)."""
    rng = random.Random(seed)
    for index in range(count):
        style = STYLES[index % len(STYLES)]
        template = (FORMAT_2019, FORMAT_2021)[(index // len(STYLES)) % 2]
        spec = ReportSpec.random(rng, template=template)
        text = render(spec, style, seed=index)
        (directory / f"synthetic-{index:04d}-{style}.txt").write_text(text, encoding="utf-8")


JOBS = 1
#: ``--no-cross-year``: the cross-year rules off, so the second run shows the first stage alone.
EXTRA: tuple[str, ...] = ()


def timed_check(cwd: Path, *extra: str) -> tuple[float, str, int]:
    """Wall time, stdout and exit code of one ``govlint check`` in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_NO_CACHE"}
    command = [sys.executable, "-m", "govlint", "check", "--isolated", "--output-format", "concise", "-q",
               f"-j{JOBS}", *EXTRA, *extra,
               "reports"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"govlint check failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, done.stdout, done.returncode


def measure(count: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="govlint-cache-bench-") as temporary:
        cwd = Path(temporary)
        (cwd / "reports").mkdir()
        write_corpus(cwd / "reports", count, seed)
        reference, reference_out, _ = timed_check(cwd, "--no-cache")
        first, first_out, _ = timed_check(cwd)
        second, second_out, _ = timed_check(cwd)
        entries = len(list((cwd / ".govlint_cache").glob("v*/*.json")))
    return {
        "reports": count,
        "no_cache_seconds": round(reference, 3),
        "first_run_seconds": round(first, 3),
        "second_run_seconds": round(second, 3),
        "second_over_first": round(second / first, 4),
        "cache_entries": entries,
        "identical_output": reference_out == first_out == second_out,
        "findings": len(reference_out.splitlines()),
        "target": TARGET,
        "target_met": second / first <= TARGET and reference_out == second_out,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--no-cross-year", action="store_true",
                        help="ignore GOV602-GOV604: no cross-year stage (the first stage alone)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (-j) of every run (default 1)")
    args = parser.parse_args(argv)
    global JOBS, EXTRA
    JOBS = args.jobs
    if args.no_cross_year:
        EXTRA = ("--extend-ignore", "GOV602,GOV603,GOV604")
    result = measure(args.reports, args.seed)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"reports:              {result['reports']} ({result['cache_entries']} cache entries), -j{JOBS}")
    print(f"--no-cache:           {result['no_cache_seconds']:.2f} s")
    print(f"first run (cold):     {result['first_run_seconds']:.2f} s")
    print(f"second run (cached):  {result['second_run_seconds']:.2f} s "
          f"= {result['second_over_first']:.1%} of the first (target ≤ {TARGET:.0%})")
    print(f"identical output:     {result['identical_output']} ({result['findings']} lines)")
    print("target met" if result["target_met"] else "TARGET NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
