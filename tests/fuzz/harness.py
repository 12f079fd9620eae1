"""Run the real CLI entry point in-process on one input and check govlint's contract.

The contract, for any input: exit code 0, 1 or 2; no Python traceback; every stdout line
of the concise format is one finding (``path:line:col: CODE message``); every stderr line
is one ``govlint: error:`` line; the input file is unchanged; and the run takes less than
:data:`TIME_LIMIT` seconds.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from govlint.cli import main

#: Seconds one input may take (the issue's bound; a normal report takes well under one).
TIME_LIMIT = 10.0
CONCISE = re.compile(r"^.+:\d+:\d+: [A-Z]{2,3}\d{3} \S.*$")


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(args: list[str], stdin: bytes = b"") -> Outcome:
    """``govlint ARGS`` in this process (``govlint.cli.main``), with captured streams."""
    started = time.perf_counter()
    with CliRunner().isolation(input=stdin) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        finally:
            sys.stdout.flush()  # the isolated streams are buffered wrappers
            sys.stderr.flush()
    return Outcome(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"),
                   time.perf_counter() - started)


#: The closing summary line (stderr, text formats, more than one file).
SUMMARY_LINE = re.compile(r"^已检查 \d+ 个文件：无问题 \d+，")


def check_contract(name: str, data: bytes, *extra: str) -> Outcome:
    """Write ``data`` as ``name`` in a fresh directory, run ``govlint check`` on it, assert the contract."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        before = hashlib.sha256(data).hexdigest()
        outcome = run_cli(["check", "--isolated", "--output-format", "concise", *extra, str(path)])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the input was modified"
    assert_contract(outcome)
    return outcome


def assert_contract(outcome: Outcome) -> None:
    """Exit code, one-line output, no traceback, time bound."""
    details = f"exit {outcome.code}\nstdout:\n{outcome.stdout[:2000]}\nstderr:\n{outcome.stderr[:4000]}"
    assert outcome.code in (0, 1, 2), details
    assert "Traceback" not in outcome.stderr and "Traceback" not in outcome.stdout, details
    assert "internal error" not in outcome.stderr and "内部错误" not in outcome.stderr, details
    assert "内部错误" not in outcome.stderr, details
    for line in outcome.stdout.splitlines():
        assert CONCISE.match(line), f"not one finding per line: {line[:300]!r}\n{details}"
    for line in outcome.stderr.splitlines():
        if SUMMARY_LINE.match(line):
            continue  # the closing summary line of a run over more than one file
        assert line.startswith("govlint: error: "), f"not a one-line error: {line[:300]!r}\n{details}"
    assert outcome.seconds < TIME_LIMIT, f"{outcome.seconds:.1f} s\n{details}"
