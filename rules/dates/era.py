"""Combine era evidence into an estimate: the years a text was most likely written in.

The logic, in order:

1. Every mention sets a floor: a text is not older than the things it names (``since``).
   The floor is the latest of these (十九大 → not before 2016, with a year of anticipation).
2. Mentions that place the text in a period (a campaign, a plan being drafted, an
   anniversary being celebrated) are *candidates for the present*. One whose period ended
   before the floor is a retrospective mention (a 2019 text recalling 十二五) and is set
   aside: it says nothing about when the text was written.
3. The remaining periods vote, each anchor once (many mentions of 创先争优活动 are one
   piece of evidence), with its weight, for every year it covers, from the floor on. The
   years with the most votes are the era; the vote is its support; anchors whose period
   misses the era are evidence against it.

An era is *tight and well supported* when its support reaches a minimum (two independent
anchors, or one precise one such as an anniversary), it spans few years, and the evidence
against it weighs at most half as much.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rules.dates.evidence import Evidence


@dataclass(frozen=True, slots=True)
class Era:
    """An estimate of when a text was written, with the evidence for and against it."""

    lo: int
    hi: int
    support: float
    agreeing: tuple[Evidence, ...]  # one mention per anchor, strongest first
    against: tuple[Evidence, ...]
    floor: int | None

    @property
    def against_weight(self) -> float:
        """The summed weight of the anchors whose period misses the era."""
        return sum(e.weight for e in self.against)

    @property
    def pinned(self) -> int | None:
        """The single year the evidence names, when a precise anchor names exactly the era."""
        if self.lo != self.hi:
            return None
        if any(e.lo == e.hi == self.lo for e in self.agreeing):
            return self.lo
        return None

    def years(self) -> str:
        """``2011`` or ``2010–2011`` for messages."""
        return str(self.lo) if self.lo == self.hi else f"{self.lo}–{self.hi}"

    def is_strong(self, min_support: float, max_span: int) -> bool:
        """Whether the era is tight and well supported enough to judge a year against."""
        return (
            self.support >= min_support
            and self.hi - self.lo <= max_span
            and self.against_weight * 2 <= self.support
        )


def floor_of(items: Sequence[Evidence]) -> int | None:
    """The latest ``since`` of the items: the text is not older than this."""
    floors = [e.since for e in items if e.since is not None]
    return max(floors) if floors else None


def estimate(items: Sequence[Evidence]) -> Era | None:
    """The era the evidence points to, or None when no mention claims a period."""
    floor = floor_of(items)
    periods = [
        e
        for e in items
        if e.lo is not None
        and e.hi is not None
        and e.weight > 0
        and (floor is None or e.hi >= floor)
    ]
    if not periods:
        return None
    # Many mentions of one anchor usually claim the same years with the same weight: the
    # vote and the buckets below only need the first mention of each such claim.
    claims: dict[tuple[str, int, int, float], Evidence] = {}
    for e in periods:
        assert e.lo is not None and e.hi is not None
        claims.setdefault((e.anchor, e.lo, e.hi, e.weight), e)
    periods = list(claims.values())
    first = min(e.lo for e in periods if e.lo is not None)
    last = max(e.hi for e in periods if e.hi is not None)
    if floor is not None:
        first = max(first, floor)
    scores: dict[int, float] = {}
    for year in range(first, last + 1):
        best: dict[str, float] = {}
        for e in periods:
            if e.lo is not None and e.hi is not None and e.lo <= year <= e.hi:
                best[e.anchor] = max(best.get(e.anchor, 0.0), e.weight)
        scores[year] = sum(best.values())
    top = max(scores.values())
    if top <= 0:
        return None
    era_years = [y for y, s in scores.items() if s == top]
    lo, hi = min(era_years), max(era_years)
    agreeing: dict[str, Evidence] = {}
    against: dict[str, Evidence] = {}
    for e in periods:
        assert e.lo is not None and e.hi is not None
        covers = e.lo <= hi and lo <= e.hi
        bucket = agreeing if covers else against
        old = bucket.get(e.anchor)
        if old is None or e.weight > old.weight:
            bucket[e.anchor] = e
    against = {k: v for k, v in against.items() if k not in agreeing}
    ranked = sorted(agreeing.values(), key=lambda e: (-e.weight, e.start))
    return Era(lo, hi, top, tuple(ranked), tuple(against.values()), floor)
