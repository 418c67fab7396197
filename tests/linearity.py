"""Linearity checks: work on an input four times larger may cost about four times more, not 16.

The pathological inputs repeat a unit that a naive rule rescans per occurrence (the
rest of the line, all later lines, all earlier spans). ``growth`` times a check on
an input of ``small`` bytes and on one four times larger (CPU time of this process,
best of a few runs, so other processes on the machine matter little) and returns the
ratio: about 4 when linear, about 16 when quadratic. ``assert_linear`` allows up to
8, a generous bound that still fails every quadratic input.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from lint.bench.patho import MULTI_LINE, ONE_LINE, patho_text

# The inputs (the same as ../shared/tools/patho.py writes) live with the benchmark,
# which times them too: ``python -m lint.bench --patho``.
__all__ = [
    "LINEAR_BOUND",
    "MULTI_LINE",
    "ONE_LINE",
    "assert_linear",
    "growth",
    "patho_text",
    "repeated",
]
LINEAR_BOUND = 8.0


def repeated(head: str, unit: str, tail: str, size: int) -> str:
    """``head``, ``unit`` repeated to about ``size`` bytes (``{n}`` counts from 2), ``tail``."""
    if "{n}" not in unit:
        return head + unit * (size // len(unit.encode("utf-8")) + 1) + tail
    parts, written, n = [], 0, 2
    while written < size:
        parts.append(unit.format(n=n))
        written += len(parts[-1].encode("utf-8"))
        n += 1
    return head + "".join(parts) + tail


def _cpu(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for _ in range(number):
            fn()
        best = min(best, time.process_time() - t0)
    return best / number


MIN_MEASURE = 0.02  # seconds: a check faster than this on the small input is repeated


def growth(
    check: Callable[[str], object],
    make: Callable[[int], str],
    *,
    small: int = 32_000,
    repeat: int = 5,
) -> float:
    """CPU time of ``check(make(4 * small))`` over that of ``check(make(small))``.

    A check too fast to time on the small input is run several times in a row on
    both inputs, so that the ratio is measured, not the clock's resolution.
    """
    a, b = make(small), make(4 * small)
    check(a)  # warm caches and lazy loads
    # The collector's full passes land at moments that depend on everything allocated
    # before, not on the check: leave them out of the measurement.
    gc.collect()
    gc.disable()
    try:
        once = max(_cpu(lambda: check(a), 1), 1e-6)
        number = max(1, min(200, round(MIN_MEASURE / once)))
        t_small = max(_cpu(lambda: check(a), repeat, number), 1e-6)
        t_big = _cpu(lambda: check(b), repeat, number)
    finally:
        gc.enable()
    return t_big / t_small


def assert_linear(
    check: Callable[[str], object],
    make: Callable[[int], str],
    *,
    small: int = 32_000,
    bound: float = LINEAR_BOUND,
) -> None:
    """Fail when four times the input costs more than ``bound`` times the time."""
    ratio = growth(check, make, small=small)
    assert ratio <= bound, f"4x the input took {ratio:.1f}x the time (linear is about 4x)"
