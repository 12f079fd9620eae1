"""Cost against input size, per input shape (a script, not a test).

For each shape a report can take (long plain prose, a long Markdown table, nested HTML
``<div>`` s up to the depth limit, bare or with text at every level, crawler text with run-together digits, a report on one
long line, many sections and headings), builds inputs of size n, 2n, 4n and 8n from a
synthetic report (:mod:`govlint.synthetic`, fixed seed), times the whole check of each
(read → parse → every default rule, :func:`govlint.runner.check_input`, CPU time, best of
``--repeat``) and prints the exponent fitted to log(time) against log(size): 1.0 is
linear, 2.0 quadratic. A shape above 1.3 is flagged.

Usage::

    python bench/shapes.py                 # every shape
    python bench/shapes.py --shape headings --scale 2
    python bench/shapes.py --json -
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from govlint.synthetic import ReportSpec, render  # noqa: E402

#: An exponent above this is reported as super-linear.
SUPER_LINEAR = 1.3
_CN = "一二三四五六七八九十"


def base_report(style: str) -> str:
    """One synthetic report in ``style`` (fixed seed)."""
    return render(ReportSpec.random(random.Random(7)), style, seed=7)


def plain_text(n: int) -> tuple[str, str]:
    """A plain-text report with ``n`` more prose paragraphs in its last section."""
    lines = [f"我单位持续推进政务公开标准化规范化建设，第{i}批次共梳理公开事项{i % 97}项，"
             f"群众满意度进一步提升。" for i in range(n)]
    return "report.txt", base_report("rows") + "\n" + "\n".join(lines) + "\n"


def markdown_table(n: int) -> tuple[str, str]:
    """A Markdown report followed by a table of ``n`` rows."""
    rows = ["| 事项 | 本年新制作数量 | 本年新公开数量 |", "| --- | --- | --- |"]
    rows += [f"| 其他事项{i} | {i % 50} | {i % 70} |" for i in range(n)]
    return "report.md", base_report("markdown") + "\n\n" + "\n".join(rows) + "\n"


def nested_divs(n: int) -> tuple[str, str]:
    """An HTML report inside ``n`` nested ``<div>`` s (up to the depth limit of 512)."""
    body = "".join(f"<p>{line}</p>" for line in base_report("rows").splitlines())
    depth = min(n, 500)
    return "report.html", ("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>")


def nested_text(n: int) -> tuple[str, str]:
    """An HTML report inside ``n`` nested ``<div>`` s (up to the depth limit of 512), with a
    line of text at every level."""
    body = "".join(f"<p>{line}</p>" for line in base_report("rows").splitlines())
    depth = min(n, 500)
    levels = "".join(f"<div><span>第{i}层说明文字</span>" for i in range(depth))
    return "report.html", ("<html><body>" + levels + body + "</div>" * depth + "</body></html>")


def crawler_digits(n: int) -> tuple[str, str]:
    """Crawler text followed by ``n`` label-and-run-together-digits pieces on one line."""
    rng = random.Random(n)
    pieces = "".join(f"第{i}项{rng.randint(10, 99)}{rng.randint(100, 999)}{rng.randint(0, 9)}" for i in range(n))
    return "report.txt", base_report("crawler") + "\n" + pieces + "\n"


def single_line(n: int) -> tuple[str, str]:
    """``n`` copies of a crawler report, all on one line."""
    one = base_report("crawler").replace("\n", " ")
    return "report.txt", " ".join([one] * n) + "\n"


def many_headings(n: int) -> tuple[str, str]:
    """A report followed by ``n`` numbered sub-headings, each with a sentence."""
    lines = [f"（{_CN[i % 10]}）第{i}项工作情况\n本项工作按计划推进。" for i in range(n)]
    return "report.txt", base_report("rows") + "\n" + "\n".join(lines) + "\n"


#: name → (builder, base n)
SHAPES: dict[str, tuple[Callable[[int], tuple[str, str]], int]] = {
    "plain-text": (plain_text, 500),
    "markdown-table": (markdown_table, 500),
    "nested-divs": (nested_divs, 60),
    "nested-text": (nested_text, 60),
    "crawler-digits": (crawler_digits, 2000),
    "single-line": (single_line, 16),
    "headings": (many_headings, 300),
}


def make_checker() -> Callable[[str, bytes], int]:
    """``check(name, data)``: the whole check of one input; returns the findings count."""
    from govlint.host import Host
    from govlint.runner import Input, check_input
    from govlint.settings import CliOverrides, SettingsResolver

    host = Host()
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)

    def check(name: str, data: bytes) -> int:
        return len(check_input(host, resolver, Input(name, None, data)).diagnostics)

    return check


def best_time(check: Callable[[str, bytes], int], name: str, data: bytes, repeat: int) -> float:
    """The least CPU time of ``repeat`` checks of one input."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        check(name, data)
        times.append(time.process_time() - start)
    return min(times)


def exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(check: Callable[[str, bytes], int], shape: str, scale: float, repeat: int) -> dict:
    """Sizes (bytes), times and the fitted exponent of one shape at n, 2n, 4n, 8n."""
    builder, base = SHAPES[shape]
    n = max(1, round(base * scale))
    check(*_encoded(builder(n)))  # warm-up
    sizes, times = [], []
    for factor in (1, 2, 4, 8):
        name, data = _encoded(builder(n * factor))
        sizes.append(len(data))
        times.append(best_time(check, name, data, repeat))
    slope = exponent(sizes, times)
    return {"n": n, "bytes": sizes, "seconds": [round(t, 4) for t in times], "exponent": round(slope, 2),
            "super_linear": slope > SUPER_LINEAR}


def _encoded(item: tuple[str, str]) -> tuple[str, bytes]:
    name, text = item
    return name, text.encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="only this shape (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size n (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="checks per size; the least time counts (default 3)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON ('-' for stdout only)")
    args = parser.parse_args(argv)
    check = make_checker()
    results = {shape: measure(check, shape, args.scale, args.repeat) for shape in args.shape or SHAPES}
    if args.json == "-":
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'shape':<16}{'n':>6}  {'KB at n..8n':<28}{'seconds at n..8n':<36}{'exponent':>8}")
    for shape, row in results.items():
        kb = " ".join(f"{b / 1024:.0f}" for b in row["bytes"])
        seconds = " ".join(f"{t:.3f}" for t in row["seconds"])
        flag = "  SUPER-LINEAR" if row["super_linear"] else ""
        print(f"{shape:<16}{row['n']:>6}  {kb:<28}{seconds:<36}{row['exponent']:>8.2f}{flag}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
