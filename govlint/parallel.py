"""The process pool of ``-j/--jobs N``: check inputs in worker processes, results in order.

Each worker gets the lead's plugin host and settings resolver once, when it starts (the
pool's initializer), so plugins are loaded once per worker, not per file. With the ``fork``
start method (Linux, macOS) they are inherited, not pickled; where only ``spawn`` exists
(Windows) each worker builds its own from a :class:`WorkerRecipe` (the command line's
settings), which the command line gives. A worker returns the compact
:class:`~govlint.checker.Checked` of each input (diagnostics, source lines, the
:class:`~govlint.pairing.PairSummary`), never a parsed report. Results come back in the
order the inputs were given (``imap``), so the output is the same for any N.

Workers ignore SIGINT: on Ctrl-C the lead alone gets :class:`KeyboardInterrupt`, terminates
the pool and reports one line (no traceback from every worker). Without ``fork`` and without
a recipe (a caller that built its own host), the run stays in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from typing import Any

from govlint.discovery import Input
from govlint.records import record

#: Below this many inputs a pool costs more (starting workers) than it saves.
MIN_FILES_PER_POOL = 8

_worker: dict[str, Any] = {}


@record
class WorkerRecipe:
    """How a spawned worker builds the lead's host and resolver: the command line's settings.

    ``overrides`` is the :class:`~govlint.settings.CliOverrides` of the run; plain data, so it
    pickles (a host and its rules do not).
    """

    overrides: Any
    config_path: Any = None
    isolated: bool = False

    def build(self) -> tuple[Any, Any]:
        """A fresh host (every installed plugin) and the run's settings resolver."""
        from govlint.host import Host
        from govlint.packs.loader import PackCatalog
        from govlint.settings import SettingsResolver

        host = Host()
        resolver = SettingsResolver(host.registry, self.overrides, self.config_path, self.isolated,
                                    catalog_factory=lambda: PackCatalog(host))
        return host, resolver


def default_jobs() -> int:
    """The default of ``--jobs``: the number of CPUs."""
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes can inherit the host (the ``fork`` start method exists)."""
    return "fork" in multiprocessing.get_all_start_methods()


def effective_jobs(jobs: int | None, inputs: Sequence[Input], recipe: WorkerRecipe | None = None) -> int:
    """How many processes to use: 1 (in-process) for ``-j1``, few inputs, standard input, or
    neither ``fork`` nor a recipe."""
    wanted = default_jobs() if not jobs or jobs < 1 else jobs
    if wanted <= 1 or len(inputs) < MIN_FILES_PER_POOL or any(item.stdin for item in inputs):
        return 1
    if not can_fork() and recipe is None:
        return 1
    return min(wanted, len(inputs))


def _initialize(host: Any, resolver: Any, recipe: WorkerRecipe | None = None) -> None:
    """Worker start: keep (or build) the host and resolver, and leave Ctrl-C to the lead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if recipe is not None:
        host, resolver = recipe.build()
    _worker["host"], _worker["resolver"] = host, resolver


def _check(item: Input) -> Any:
    from govlint.checker import check_file

    return check_file(_worker["host"], _worker["resolver"], item)


def check_in_pool(host: Any, resolver: Any, inputs: Sequence[Input], jobs: int,
                  recipe: WorkerRecipe | None = None) -> Iterator[Any]:
    """The :class:`~govlint.checker.Checked` of each input, in the order of ``inputs``.

    Each result is yielded as soon as it and all before it are done. On any exception
    (Ctrl-C included) the workers are terminated before it propagates.
    """
    if can_fork():
        context, initargs = multiprocessing.get_context("fork"), (host, resolver, None)
    else:
        context, initargs = multiprocessing.get_context("spawn"), (None, None, recipe)
    chunk = max(1, min(8, len(inputs) // (jobs * 16)))
    pool = context.Pool(jobs, initializer=_initialize, initargs=initargs)
    try:
        yield from pool.imap(_check, inputs, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
