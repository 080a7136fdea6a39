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

import errno
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from mtfix.errors import WorkerError

T = TypeVar("T")
R = TypeVar("R")

#: What the forked workers run: set just before the pool forks, read by :func:`_run_one`.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
#: The process that forks the workers (set just before the pool forks): a worker ends when it is gone.
_PARENT: int | None = None
#: Seconds between a worker's looks at whether its parent is still there (:func:`end_with_the_parent`).
PARENT_CHECK_EVERY = 0.5
#: True in a worker: a worker's own :func:`ordered_map` runs its items there, one after the other
#: (the files of ``check -j N`` in workers do not each spread their detector over N more).
_IN_WORKER = False


#: What checking a long document loads on first use, by name (:func:`on_long_document`, :func:`warm_up`).
_WARM_UPS: dict[str, Callable[[], object]] = {}
#: Held while :func:`warm_up` loads (and while a loader is registered): a second thread waits until the loading
#: is done instead of returning at once (session 18). Re-made in a forked child, which has no holder.
_WARM_UP_LOCK = threading.RLock()


def _new_warm_up_lock() -> None:
    global _WARM_UP_LOCK
    _WARM_UP_LOCK = threading.RLock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_warm_up_lock)


def on_long_document(name: str, load: Callable[[], object]) -> None:
    """Register ``load``: something a long document's check loads on first use (numpy and the detector's batch
    tables, the large word list), for :func:`warm_up` to load in this process before workers fork for it."""
    with _WARM_UP_LOCK:
        _WARM_UPS[name] = load


def warm_up_pending() -> bool:
    """Whether :func:`warm_up` has loaders left to run in this process."""
    return bool(_WARM_UPS)


def warm_up() -> None:
    """Run the loaders :func:`on_long_document` registered, each once in this process: workers forked afterwards
    for the same document share what they loaded instead of each loading its own.  No result changes.
    Thread-safe: a caller returns only once every loader registered has run (in whichever thread)."""
    with _WARM_UP_LOCK:
        while _WARM_UPS:
            _WARM_UPS.pop(next(iter(_WARM_UPS)))()


def cpu_count() -> int:
    """The CPU cores this process may use (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


#: At most this many worker processes per usable CPU core, whatever ``--jobs`` says (found in session 25:
#: ``--jobs 100000`` on 600 small files forked 600 workers, each a copy of the loaded pipeline: 122 s where
#: ``-j 1`` took 4 s).
#: The work is CPU-bound (LanguageTool, the one wait on a server, runs files one at a time), so workers beyond
#: the cores gain nothing; a few per core still leave room for a CPU quota the affinity mask does not show.
JOBS_PER_CPU = 4


def worker_limit() -> int:
    """The most worker processes started at once: :data:`JOBS_PER_CPU` per usable CPU core."""
    return JOBS_PER_CPU * cpu_count()


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: 0 means one per usable CPU core; never more than :func:`worker_limit`.

    >>> resolve_jobs(10 ** 6) == worker_limit()
    True
    """
    return cpu_count() if jobs == 0 else max(1, min(jobs, worker_limit()))


def jobs_warning(jobs: int) -> str | None:
    """What is said, once, when ``jobs`` is more than :func:`worker_limit` (None otherwise)."""
    limit = worker_limit()
    if jobs <= limit:
        return None
    cores = cpu_count()
    return (f"--jobs {jobs}: more than {JOBS_PER_CPU} worker processes per CPU core ({cores} core"
            f"{'s' if cores != 1 else ''} here) gain nothing, and each is a copy of the loaded checks: "
            f"at most {limit} are started")


def can_fork() -> bool:
    """Whether worker processes can be forked here (POSIX, not Windows or macOS's spawn default)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


#: The system refused a process or a pipe for lack of a resource: open files (``ulimit -n``; EMFILE, ENFILE),
#: processes (``ulimit -u``; EAGAIN) or memory (ENOMEM).  Workers that cannot start are no reason to fail a
#: batch one process can run (:func:`ordered_map` falls back to it).
_NO_RESOURCE = frozenset({errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM})


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int, *, here_first: bool = False,
                on_fallback: Callable[[str], None] | None = None) -> Iterator[R]:
    """``func(item)`` for each item, in order, in up to ``jobs`` forked processes.

    With ``here_first`` the first item runs in this process while the workers (one fewer) run the
    others: ``jobs`` processes in all, none idle (a document's shares of work, see
    :mod:`mtfix.garble.checker`).  In a worker of another ``ordered_map`` the items run there, one
    after the other.

    Results are yielded as soon as they and every earlier one are ready (so a progress bar
    moves).  An exception raised by ``func`` in a worker is raised here, as it would be
    without workers; a worker that dies (the out-of-memory killer, a crash) raises
    :class:`mtfix.errors.WorkerError`.  Workers ignore Ctrl-C (the caller's KeyboardInterrupt stops them) and
    write nothing to the terminal: everything they find comes back as their results.

    When the workers cannot start for lack of a resource (:data:`_NO_RESOURCE`: a low ``ulimit -n`` or
    ``ulimit -u``), before any item ran, the items run here instead and ``on_fallback`` (if given) is told why
    (session 25: ``fix -j 4`` stopped with ``Too many open files`` where one process fixed every file).

    >>> said = []
    >>> list(ordered_map(len, ["a", "bb"], jobs=1, on_fallback=said.append)), said
    ([1, 2], [])
    """
    jobs = min(resolve_jobs(jobs), len(items))
    if jobs <= 1 or _IN_WORKER or not can_fork():
        yield from map(func, items)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORK, _PARENT
    _WORK = (func, items)
    _PARENT = os.getpid()
    gc.collect()
    gc.freeze()  # the workers share the parent's objects; collections would copy their pages
    first = 1 if here_first else 0
    try:
        pool = ProcessPoolExecutor(jobs - first, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_started)
    except OSError as exc:
        _WORK = None
        gc.unfreeze()
        if exc.errno not in _NO_RESOURCE:
            raise
        yield from _here(func, items, jobs, exc, on_fallback)
        return
    refused: OSError | None = None
    try:
        try:  # the first submit forks every worker (the fork start method): that is where they may fail to start
            futures = [pool.submit(_run_one, first)] if first < len(items) else []
        except OSError as exc:
            if exc.errno not in _NO_RESOURCE:
                raise
            refused, futures = exc, []  # no item was handed to a worker: those that started are stopped below
        if refused is None:
            futures += [pool.submit(_run_one, i) for i in range(first + 1, len(items))]
            if here_first:
                yield func(items[0])
            for future in futures:
                try:
                    result = _result(future, pool)
                except BrokenProcessPool:
                    raise WorkerError(f"a worker process died (--jobs {jobs}; killed by the system, perhaps for "
                                     "lack of memory, or crashed) before its work was done; nothing was written: "
                                     "run again with fewer --jobs") from None
                yield result
    finally:  # done, or stopped early (an error, Ctrl-C): no worker is left running
        workers = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)  # shutdown() forgets it
        manager = getattr(pool, "_executor_manager_thread", None)  # and this
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join()
        _end_the_result_pipe(results)
        if manager is not None:  # let it end now: at exit, Python wakes it through a pipe it may be closing
            manager.join(10)  # (a race: `OSError: Bad file descriptor` after SIGTERM, 1 run in 5)
        _WORK = None
        gc.unfreeze()
    if refused is not None:
        yield from _here(func, items, jobs, refused, on_fallback)


def _here(func: Callable[[T], R], items: Sequence[T], jobs: int, exc: OSError,
          on_fallback: Callable[[str], None] | None) -> Iterator[R]:
    """The items run in this process, one after the other, after workers failed to start (``exc``)."""
    if on_fallback is not None:
        on_fallback(f"--jobs {jobs}: cannot start worker processes ({exc.strerror or exc}); "
                    "going on in this one process, one item after the other")
    yield from map(func, items)


#: Seconds a worker may be dead, its pool not broken, before the run stops (see :func:`_result`).
DEAD_WORKER_GRACE = 5.0


def _result(future: Any, pool: Any) -> Any:
    """``future.result()``, or :class:`~concurrent.futures.process.BrokenProcessPool` when a worker has been
    dead for :data:`DEAD_WORKER_GRACE` seconds and the pool has not said so: a worker killed while it sent
    its result leaves the pool's manager thread reading the rest, which never comes, and the pool never
    breaks (the run waited for ever; session 15).  The pool's workers never end on their own while work is
    left, so a dead one means the batch cannot finish."""
    import time
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    dead_since = None
    while True:
        try:
            return future.result(timeout=0.5)
        except FutureTimeout:
            try:  # the manager thread may change the dict meanwhile
                dead = any(w.exitcode is not None for w in list((getattr(pool, "_processes", None) or {}).values()))
            except RuntimeError:
                dead = False
            if not dead:
                dead_since = None
                continue
            dead_since = dead_since if dead_since is not None else time.monotonic()
            if time.monotonic() - dead_since > DEAD_WORKER_GRACE:
                raise BrokenProcessPool("a worker died while it sent its result") from None


def _end_the_result_pipe(results: Any) -> None:
    """With every worker gone, close the parent's copy of the write end of the pool's result pipe.

    A worker stopped while it sent its result (Ctrl-C, SIGTERM, an error in the batch) leaves the pool's
    manager thread reading the rest of that result, which never comes: the parent's own copy of the
    pipe's write end keeps it open, and the interpreter waits for that thread at exit, for ever (found by
    the session-15 hunt: `fix -j 2` hanging after Ctrl-C).  Once it is closed the thread reads the end of
    the pipe and stops.  ``results``: the pool's ``_result_queue``, taken before ``shutdown()`` forgets it
    (a private attribute of :class:`concurrent.futures.ProcessPoolExecutor`, CPython 3.9-3.13, looked up
    defensively: without it nothing is done)."""
    import contextlib

    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _worker_started() -> None:
    """In a new worker: ignore Ctrl-C, and SIGHUP when the parent handles it (mtfix's command: it stops its workers;
    a program that dies of it takes its workers with it, not left running for ever), end at once on SIGTERM, and
    give it output streams of its own (a thread of the
    parent, such as a progress bar, may have held the parent's at the moment of the fork)."""
    import signal

    global _IN_WORKER
    _IN_WORKER = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP") and callable(signal.getsignal(signal.SIGHUP)):  # the parent's handler, copied
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # by the fork: the parent stops the workers (not SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the parent stops its workers (not mtfix's handler)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    end_with_the_parent(_PARENT)


def end_with_the_parent(parent: int | None = None) -> None:
    """End this worker as soon as its parent is gone, from a watching thread.

    A parent killed outright (SIGKILL: the out-of-memory killer, a CI job's timeout) cannot stop its workers: each
    waited for ever for work on a queue its fellow workers kept open, holding the command's standard output (so
    ``mtfix check -j 2 . | tee r.txt`` never ended; session 28).  The thread looks at the parent's id every
    :data:`PARENT_CHECK_EVERY` seconds (the process, not the forking thread, as Linux's ``PR_SET_PDEATHSIG``
    would); a worker writes no file of the user's, so ending it at once loses nothing.  ``parent``: its process id
    (default: this process's parent now); also :mod:`mtfix.records`' pool."""
    if parent is None:
        parent = os.getppid()

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_EVERY)
        os._exit(1)

    threading.Thread(target=watch, name="mtfix-parent-watch", daemon=True).start()


def _run_one(index: int) -> Any:
    assert _WORK is not None, "ordered_map: no work in this worker"
    func, items = _WORK
    return func(items[index])
