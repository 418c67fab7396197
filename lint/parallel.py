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

from lint.document import Source
from lint.readers.base import Unit
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


# Batches and results cross the process boundary as tuples of plain values: pickling
# a dataclass per unit cost as much as a third of the checking itself.
Packed = tuple[list[Any], list[tuple[Any, ...]]]


def pack(batch: Sequence[Item | tuple[Any, None]]) -> Packed:
    """A batch as its distinct jobs and one tuple of plain values per item."""
    jobs: list[Any] = []
    index: dict[int, int] = {}
    rows: list[tuple[Any, ...]] = []
    for job, unit in batch:
        k = index.get(id(job))
        if k is None:
            k = index[id(job)] = len(jobs)
            jobs.append(job)
        if unit is None:
            rows.append((k,))
            continue
        src = unit.source
        payload = (unit.payload, unit.consumed, unit.document, unit.problem, unit.records)
        rows.append((k, src.path, src.record, src.record_id, src.unit, *payload))
    return jobs, rows


def unpack(packed: Packed) -> list[Item | tuple[Any, None]]:
    """The batch that ``pack`` made."""
    jobs, rows = packed
    out: list[Any] = []
    for row in rows:
        if len(row) == 1:
            out.append((jobs[row[0]], None))
            continue
        k, path, record, record_id, kind, payload, consumed, document, problem, records = row
        source = Source(path, record, record_id, kind)
        out.append((jobs[k], Unit(source, payload, consumed, document, problem, records)))
    return out


def pack_results(results: list[Any]) -> list[Any]:
    """Results with the common empty ones as a bool (whether a document was checked)."""
    return [
        r.checked
        if r.__class__ is UnitResult
        and not (r.findings or r.fixed or r.diff or r.skipped or r.suppressed)
        and r.payload is None
        else r
        for r in results
    ]


def unpack_result(packed: Any) -> UnitResult:
    """One result that ``pack_results`` made."""
    return UnitResult(checked=packed) if packed.__class__ is bool else packed


def _run(packed: Packed) -> list[Any]:
    assert _worker is not None
    return pack_results(_worker.run(unpack(packed)))


def _context() -> Any:
    import multiprocessing  # only when there are workers: it is slow to import

    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded plugins with the workers; elsewhere they load them again
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_batches(
    batches: Iterable[B], factory: Callable[[], Worker], jobs: int
) -> Iterator[tuple[B, list[Any]]]:
    """Yield each batch with its results, in order, checked by ``jobs`` processes.

    Results come as ``pack_results`` makes them: ``unpack_result`` turns one back.
    """
    if jobs <= 1:
        worker = factory()
        for batch in batches:
            yield batch, pack_results(worker.run(batch))
        return
    window = 2 * jobs + 1
    import gc

    gc.freeze()  # objects made so far stay out of the workers' collections (no copy-on-write)
    with _context().Pool(jobs, initializer=_init, initargs=(factory,)) as pool:
        pending: deque[tuple[B, Any]] = deque()
        for batch in batches:
            pending.append((batch, pool.apply_async(_run, (pack(batch),))))
            if len(pending) >= window:
                done, result = pending.popleft()
                yield done, result.get()
        while pending:
            done, result = pending.popleft()
            yield done, result.get()
