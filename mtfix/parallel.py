"""Run a function over many items in worker processes, results in input order (``--jobs``).

The workers are forked from the calling process, so they start with everything it has
loaded (the pipeline, its models and caches) and nothing is pickled on the way in: only
each result comes back, pickled.  Forking needs a POSIX system; elsewhere, or for a single
item, the items run here, one after the other.  The results are the same either way:
a worker runs exactly the function the caller would.

>>> list(ordered_map(len, ["a", "bb", "ccc"], jobs=2))
[1, 2, 3]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from mtfix.errors import WorkerError

T = TypeVar("T")
R = TypeVar("R")

#: What the forked workers run: set just before the pool forks, read by :func:`_run_one`.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cpu_count() -> int:
    """The CPU cores this process may use (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: 0 means one per usable CPU core."""
    return cpu_count() if jobs == 0 else max(1, jobs)


def can_fork() -> bool:
    """Whether worker processes can be forked here (POSIX, not Windows or macOS's spawn default)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``func(item)`` for each item, in order, in up to ``jobs`` forked processes.

    Results are yielded as soon as they and every earlier one are ready (so a progress bar
    moves).  An exception raised by ``func`` in a worker is raised here, as it would be
    without workers; a worker that dies (the out-of-memory killer, a crash) raises
    :class:`mtfix.errors.WorkerError`.  Workers ignore Ctrl-C (the caller's KeyboardInterrupt stops them) and
    write nothing to the terminal: everything they find comes back as their results."""
    jobs = min(resolve_jobs(jobs), len(items))
    if jobs <= 1 or not can_fork():
        yield from map(func, items)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORK
    _WORK = (func, items)
    gc.collect()
    gc.freeze()  # the workers share the parent's objects; collections would copy their pages
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_started)
    try:
        futures = [pool.submit(_run_one, i) for i in range(len(items))]
        for future in futures:
            try:
                result = future.result()
            except BrokenProcessPool:
                raise WorkerError(f"a worker process died (--jobs {jobs}; killed by the system, perhaps for "
                                 "lack of memory, or crashed) before the batch was done; nothing was written: "
                                 "run again with fewer --jobs") from None
            yield result
    finally:  # done, or stopped early (an error, Ctrl-C): no worker is left running
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join()
        _WORK = None
        gc.unfreeze()


def _worker_started() -> None:
    """In a new worker: ignore Ctrl-C, end at once on SIGTERM, and give it output streams of its own (a thread of the
    parent, such as a progress bar, may have held the parent's at the moment of the fork)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the parent stops its workers (not mtfix's handler)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _run_one(index: int) -> Any:
    assert _WORK is not None, "ordered_map: no work in this worker"
    func, items = _WORK
    return func(items[index])
