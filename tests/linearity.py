"""Linearity checks: work on an input four times larger may cost about four times more, not 16.

The pathological inputs repeat a unit that a naive rule rescans per occurrence (the
rest of the line, all later lines, all earlier spans). ``growth`` times a check on
an input of ``small`` bytes and on one four times larger (CPU time of this process,
best of a few runs, so other processes on the machine matter little) and returns the
ratio: about 4 when linear, about 16 when quadratic. ``assert_linear`` allows up to
8, a generous bound that still fails every quadratic input.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# unit repeated on one line (name → unit), as ../shared/tools/patho.py writes them
ONE_LINE = {
    "years-one-line": "2019年，全市召开会议部署工作，",
    "stars-one-line": "会议*的内容，",
    "announce-one-line": "“五带头”即:带头学习，带头实践，",
    "plain-one-line": "这是一个很长的段落，没有任何问题，",
    "enum-one-line": "一、二、三、",
    "stars-only": "*",
    "cjk-star-mix": "文*",
    "era-anchor": "“十二五”期间，",
}
# unit repeated as lines ({n} counts up from 2)
MULTI_LINE = {
    "sections": "讲四点意见。\n",
    "date-runs": "2022-07-14\n2022-07-13\n2022-07-09\n",
    "articles": "篇{n}\n今天我们召开会议，研究部署工作。\n",
    "list-lines": "一、加强组织领导；\n",
    "short-lines": "相关文章\n",
}
LINEAR_BOUND = 8.0


def patho_text(name: str, size: int) -> str:
    """The pathological input ``name`` at about ``size`` bytes of UTF-8."""
    if name in ONE_LINE:
        unit = ONE_LINE[name]
        return unit * (size // len(unit.encode("utf-8")) + 1) + "\n"
    unit = MULTI_LINE[name]
    parts, written, n = [], 0, 0
    while written < size:
        s = unit.format(n=n + 2) if "{n}" in unit else unit
        parts.append(s)
        written += len(s.encode("utf-8"))
        n += 1
    return "".join(parts)


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
    repeat: int = 3,
) -> float:
    """CPU time of ``check(make(4 * small))`` over that of ``check(make(small))``.

    A check too fast to time on the small input is run several times in a row on
    both inputs, so that the ratio is measured, not the clock's resolution.
    """
    a, b = make(small), make(4 * small)
    check(a)  # warm caches and lazy loads
    once = max(_cpu(lambda: check(a), 1), 1e-6)
    number = max(1, min(200, round(MIN_MEASURE / once)))
    t_small = max(_cpu(lambda: check(a), repeat, number), 1e-6)
    t_big = _cpu(lambda: check(b), repeat, number)
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
