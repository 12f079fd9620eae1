"""The process pool of ``-j/--jobs N``: check inputs in worker processes, results in order.

Each worker gets the lead's plugin host and settings resolver once, when it starts (the
pool's initializer; with the ``fork`` start method they are inherited, not pickled), so
plugins are loaded once per worker, not per file. A worker returns the compact
:class:`~govlint.checker.Checked` of each input (diagnostics, source lines, the
:class:`~govlint.pairing.PairSummary`), never a parsed report. Results come back in the
order the inputs were given (``imap``), so the output is the same for any N.

Workers ignore SIGINT: on Ctrl-C the lead alone gets :class:`KeyboardInterrupt`, terminates
the pool and reports one line (no traceback from every worker). Where ``fork`` is not
available (Windows), the run stays in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from typing import Any

from govlint.discovery import Input

#: Below this many inputs a pool costs more (starting workers) than it saves.
MIN_FILES_PER_POOL = 8

_worker: dict[str, Any] = {}


def default_jobs() -> int:
    """The default of ``--jobs``: the number of CPUs."""
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes can inherit the host (the ``fork`` start method exists)."""
    return "fork" in multiprocessing.get_all_start_methods()


def effective_jobs(jobs: int | None, inputs: Sequence[Input]) -> int:
    """How many processes to use: 1 (in-process) for ``-j1``, few inputs, standard input or no ``fork``."""
    wanted = default_jobs() if not jobs or jobs < 1 else jobs
    if wanted <= 1 or len(inputs) < MIN_FILES_PER_POOL or any(item.stdin for item in inputs) or not can_fork():
        return 1
    return min(wanted, len(inputs))


def _initialize(host: Any, resolver: Any) -> None:
    """Worker start: keep the host and resolver, and leave Ctrl-C to the lead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["host"], _worker["resolver"] = host, resolver


def _check(item: Input) -> Any:
    from govlint.checker import check_file

    return check_file(_worker["host"], _worker["resolver"], item)


def check_in_pool(host: Any, resolver: Any, inputs: Sequence[Input], jobs: int) -> Iterator[Any]:
    """The :class:`~govlint.checker.Checked` of each input, in the order of ``inputs``.

    Each result is yielded as soon as it and all before it are done. On any exception
    (Ctrl-C included) the workers are terminated before it propagates.
    """
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(8, len(inputs) // (jobs * 16)))
    pool = context.Pool(jobs, initializer=_initialize, initargs=(host, resolver))
    try:
        yield from pool.imap(_check, inputs, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
