"""Pathological inputs: time every default rule at 1x, 2x and 4x of a size, report the growth.

The inputs repeat a unit that a naive rule rescans per occurrence (the rest of the
line, all later lines, all earlier spans): the same inputs as
``../shared/tools/patho.py`` writes; the linearity tests (``tests/linearity.py``)
use this table too. A further case is one long line of ordinary text (clean
documents joined without line breaks).

A linear check doubles its time when the input doubles; a quadratic one
quadruples it. An input is flagged when it grows more than ``MAX_GROWTH`` per
doubling or costs more than ``MAX_SECONDS_PER_MB`` (issue 10's targets).
"""

from __future__ import annotations

import gc
import itertools
import math
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lint.document import Document, Source
from lint.linter import check_document
from lint.rule import Rule

MAX_GROWTH = 2.3
MAX_SECONDS_PER_MB = 1.0
MIN_SAMPLE = 0.05  # CPU seconds a timing sample lasts at least (small inputs loop)
SCALES = (1, 2, 4)

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
LONG_LINE = "long-line-plain-text"


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


def long_line(texts: Sequence[str], size: int, sample: int = 64_000) -> str:
    """One line of about ``size`` bytes: the first ``sample`` bytes of ``texts``, repeated.

    Line breaks are dropped, so the result is a single line of ordinary text.
    """
    parts: list[str] = []
    taken = 0
    for text in texts:
        piece = "".join(text.split())
        if not piece:
            continue
        parts.append(piece)
        taken += len(piece.encode("utf-8"))
        if taken >= sample:
            break
    if not parts:
        raise ValueError("no text to build a long line from")
    unit = "".join(parts)
    return unit * (size // len(unit.encode("utf-8")) + 1) + "\n"


@dataclass(frozen=True)
class PathoCase:
    """A pathological input: its name, a builder ``size → text`` and its 1x size in bytes."""

    name: str
    make: Callable[[int], str]
    base: int


def standard_cases(base: int) -> list[PathoCase]:
    """Every input of the table at ``base`` bytes (1x)."""
    return [
        PathoCase(name, lambda size, name=name: patho_text(name, size), base)
        for name in (*ONE_LINE, *MULTI_LINE)
    ]


@dataclass
class PathoRow:
    """Times of one input at each size, its growth per doubling, seconds per MB and flags."""

    name: str
    sizes: list[int]  # bytes of UTF-8
    seconds: list[float | None]  # None: not run (a smaller size went over the limit)
    growths: list[float]  # time ratio of each size to the previous one
    per_doubling: float | None  # geometric mean growth per doubling of the size
    seconds_per_mb: float | None  # at the largest size that finished
    flags: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """Whether the input misses a target."""
        return bool(self.flags)


def assess(
    name: str,
    sizes: Sequence[int],
    seconds: Sequence[float | None],
    *,
    limit: float | None = None,
    errors: int = 0,
    max_growth: float = MAX_GROWTH,
    max_seconds_per_mb: float = MAX_SECONDS_PER_MB,
    resolution: float = 1e-6,
) -> PathoRow:
    """Compute growth factors and seconds per MB from measured times, and flag misses.

    ``seconds[i]`` is the CPU time at ``sizes[i]``; ``None`` marks a size that went
    over ``limit`` (or was skipped after one did); ``errors`` counts the engine
    errors (a rule that failed) of one check. Times below ``resolution`` are raised
    to it so that a zero does not divide (small times are averaged over many checks,
    see ``check_cpu``, so microseconds are meaningful).
    """
    done = [(s, max(t, resolution)) for s, t in zip(sizes, seconds, strict=True) if t is not None]
    # growth per doubling between neighbouring sizes (exactly the ratio when they double)
    growths = [
        (tb / ta) ** (1 / math.log2(sb / sa)) for (sa, ta), (sb, tb) in itertools.pairwise(done)
    ]
    per_doubling = None
    if len(done) >= 2:
        (s0, t0), (s1, t1) = done[0], done[-1]
        per_doubling = (t1 / t0) ** (1 / math.log2(s1 / s0))
    seconds_per_mb = done[-1][1] / (done[-1][0] / 1e6) if done else None
    flags = []
    if len(done) < len(sizes):
        over = sizes[len(done)]
        where = f"{over / 1e3:,.0f} KB"
        flags.append(f"over {limit:g} s CPU at {where}" if limit else f"did not finish at {where}")
    if errors:
        flags.append(f"{errors} rule error(s) (SL codes): times are too low")
    if per_doubling is not None and per_doubling > max_growth:
        flags.append(f"grows {per_doubling:.2f}x per doubling (> {max_growth})")
    if seconds_per_mb is not None and seconds_per_mb > max_seconds_per_mb:
        flags.append(f"{seconds_per_mb:.2f} s/MB (> {max_seconds_per_mb:g})")
    return PathoRow(name, list(sizes), list(seconds), growths, per_doubling, seconds_per_mb, flags)


class CpuLimitExceeded(KeyboardInterrupt):
    """Raised by the CPU-time alarm to abandon a check.

    A KeyboardInterrupt, because that is what the engine lets through when it turns
    a rule's exceptions into SL002 findings. Should an engine catch it anyway, the
    alarm's flag still tells ``check_once`` that the limit was reached.
    """


class _Alarm:
    """The SIGPROF handler of one check: records that it fired and interrupts."""

    def __init__(self) -> None:
        self.fired = False

    def __call__(self, signum: int, frame: object) -> None:
        self.fired = True
        raise CpuLimitExceeded


class Check(NamedTuple):
    """CPU seconds of a check (``None`` past the limit) and its engine errors (SL codes)."""

    seconds: float | None
    errors: int


def check_once(text: str, rules: Sequence[Rule], limit: float | None) -> Check:
    """Check ``text`` as a fresh document; no seconds when it went past ``limit`` CPU seconds."""
    doc = Document(text, Source("<patho>"))
    alarm = _Alarm()
    use_alarm = limit is not None and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGPROF, alarm)
        signal.setitimer(signal.ITIMER_PROF, limit)
    t0 = time.process_time()
    try:
        found = check_document(doc, rules)
    except CpuLimitExceeded:
        return Check(None, 0)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
    seconds = time.process_time() - t0
    errors = sum(1 for d in found if d.code.startswith("SL"))
    return Check(None if alarm.fired else seconds, errors)


def check_cpu(
    text: str, rules: Sequence[Rule], limit: float | None, min_sample: float = MIN_SAMPLE
) -> Check:
    """CPU seconds per check of ``text``, averaged over enough checks to fill ``min_sample``.

    A check that takes a millisecond is at the mercy of a page fault or a garbage
    collection; repeating it (each time on a fresh document) until the sample lasts
    ``min_sample`` seconds, as ``timeit`` does, makes small sizes comparable.
    """
    gc.collect()
    first = check_once(text, rules, limit)
    if first.seconds is None or first.seconds >= min_sample:
        return first
    loops = min(1000, math.ceil(min_sample / max(first.seconds, 1e-6)))
    gc.collect()
    t0 = time.process_time()
    for _ in range(loops):
        check_document(Document(text, Source("<patho>")), rules)
    return Check((time.process_time() - t0) / loops, first.errors)


def time_case(
    case: PathoCase,
    rules: Sequence[Rule],
    *,
    repeat: int = 3,
    limit: float | None = 30.0,
    scales: Sequence[int] = SCALES,
    min_sample: float = MIN_SAMPLE,
) -> PathoRow:
    """Time ``case`` at each scale of its base size (best of ``repeat``) and assess it.

    A size whose first sample takes over a second is run once (noise no longer
    matters there); a size past ``limit`` ends the case.
    """
    sizes = [case.base * k for k in scales]
    seconds: list[float | None] = []
    errors = 0
    for i, size in enumerate(sizes):
        if seconds and seconds[-1] is None:  # the previous size went over the limit
            seconds.append(None)
            continue
        text = case.make(size)
        sizes[i] = len(text.encode("utf-8"))
        check = check_cpu(text, rules, limit, min_sample)
        best, errors = check.seconds, max(errors, check.errors)
        runs = 1
        while best is not None and best < 1.0 and runs < repeat:
            again = check_cpu(text, rules, limit, min_sample).seconds
            best = min(best, again) if again is not None else best
            runs += 1
        seconds.append(best)
    return assess(case.name, sizes, seconds, limit=limit, errors=errors)
