"""Batch throughput and memory of ``govlint check`` over many reports (a script, not a test).

Writes N small synthetic reports into a temporary directory (``tests/batchkit.py``: clean
reports, warnings, one cross-year pair, two unreadable files), then runs ``govlint check
--isolated -q -jK DIR`` as a subprocess for each K and measures:

- wall time and throughput (reports/second);
- peak RSS of govlint's whole process tree (the lead plus its worker processes, summed),
  sampled from /proc every 20 ms on Linux (or with psutil when installed); and, for
  reference, ``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the largest single process.

Usage::

    python bench/batch.py                       # 1,000 and 10,000 reports, -j1 and -j2
    python bench/batch.py --reports 2000 --jobs 1 2 4
    python bench/batch.py --json -              # JSON on stdout instead of the table

Targets (issue 11): 10,000 reports in ≤ 150 MB RSS; ``-j2`` ≥ 1.7× ``-j1`` on 2 free cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from batchkit import write_reports  # noqa: E402


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as stream:
            return [int(p) for p in stream.read().split()]
    except OSError:
        return []


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, in kilobytes."""
    try:
        import psutil  # optional

        process = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) // 1024
    except ImportError:
        pass
    except Exception:  # noqa: BLE001 - the process ended between two samples
        return 0
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _rss_kb(current)
        pending.extend(_children(current))
    return total


def run(directory: Path, jobs: int) -> dict:
    """One ``govlint check`` run: seconds, peak tree RSS (MB), largest-process RSS (MB), exit code."""
    command = [sys.executable, "-m", "govlint", "check", "--isolated", "-q", "--no-cache", "--output-format",
               "concise", f"-j{jobs}", str(directory)]  # (--no-cache: the checking itself, every run)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return {"seconds": round(elapsed, 2), "tree_rss_mb": round(peak / 1024, 1), "largest_rss_mb": largest,
            "exit": code}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON ('-': stdout)")
    args = parser.parse_args(argv)
    rows = []
    for count in args.reports:
        with tempfile.TemporaryDirectory(prefix="govlint-batch-") as tmp:
            directory = Path(tmp) / "reports"
            write_reports(directory, count)
            for jobs in args.jobs:
                result = run(directory, jobs)
                rows.append({"reports": count, "jobs": jobs, **result,
                             "reports_per_second": round(count / result["seconds"], 1)})
    if args.json:
        text = json.dumps({"cpus": os.cpu_count(), "runs": rows}, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
        return
    print(f"govlint check, synthetic reports, {os.cpu_count()} CPUs")
    print(f"{'reports':>8} {'-j':>3} {'seconds':>8} {'reports/s':>10} {'tree RSS MB':>12} {'exit':>5}")
    for row in rows:
        print(f"{row['reports']:>8} {row['jobs']:>3} {row['seconds']:>8} {row['reports_per_second']:>10} "
              f"{row['tree_rss_mb']:>12} {row['exit']:>5}")
    base = {r["reports"]: r["seconds"] for r in rows if r["jobs"] == 1}
    for row in rows:
        if row["jobs"] > 1 and row["reports"] in base:
            print(f"speed-up -j{row['jobs']} vs -j1 at {row['reports']}: {base[row['reports']] / row['seconds']:.2f}×")


if __name__ == "__main__":
    main()
