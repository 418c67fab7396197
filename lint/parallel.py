"""Running batches of units in this process or in a pool of worker processes, in order.

``--jobs 1`` checks each batch in-process. With more jobs, a process pool checks
batches while the main process reads ahead; results come back in submission order,
so output is identical to ``--jobs 1``. At most ``2 × jobs + 1`` batches are in
flight, which bounds memory whatever the size of the corpus. Each worker builds its
rules once (the worker factory runs in the worker's initializer).
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from lint.worker import Item, UnitResult, Worker

B = TypeVar("B", bound=Sequence[Item])

_worker: Worker | None = None


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init(factory: Callable[[], Worker]) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _worker = factory()


def _run(batch: Sequence[Item]) -> list[UnitResult]:
    assert _worker is not None
    return _worker.run(batch)


def _context() -> Any:
    import multiprocessing  # only when there are workers: it is slow to import

    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded plugins with the workers; elsewhere they load them again
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_batches(
    batches: Iterable[B], factory: Callable[[], Worker], jobs: int
) -> Iterator[tuple[B, list[UnitResult]]]:
    """Yield each batch with its results, in order, checked by ``jobs`` processes."""
    if jobs <= 1:
        worker = factory()
        for batch in batches:
            yield batch, worker.run(batch)
        return
    window = 2 * jobs + 1
    with _context().Pool(jobs, initializer=_init, initargs=(factory,)) as pool:
        pending: deque[tuple[B, Any]] = deque()
        for batch in batches:
            pending.append((batch, pool.apply_async(_run, (batch,))))
            if len(pending) >= window:
                done, result = pending.popleft()
                yield done, result.get()
        while pending:
            done, result = pending.popleft()
            yield done, result.get()
