"""Observances counted by their Nth time (第27个教师节 → 2011), from ``data/calendar.toml``.

Shared by the timeline (a year written next to one) and the era evidence (a text that
celebrates the 27th Teachers' Day was written in 2011). Found from the literal names
(one alternation of literals), the count read in a window of 14 characters before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rules.dates.extract import cn_number
from rules.lazy import LazyPattern


@dataclass(frozen=True, slots=True)
class Observance:
    """A day, week or month observed every year since ``first`` (第27个教师节 → 2011)."""

    id: str
    names: tuple[str, ...]
    first: int
    source: str


class Nth(NamedTuple):
    """One ``第N个<observance>`` of a text: its span, the observance and its year."""

    start: int
    end: int
    observance: Observance
    n: int

    @property
    def year(self) -> int:
        """The year the Nth observance fell in."""
        return self.observance.first + self.n - 1


@functools.cache
def calendar_data() -> dict:
    """``data/calendar.toml`` parsed (once per process)."""
    raw = (Path(__file__).parent / "data" / "calendar.toml").read_text("utf-8")
    import tomllib  # (read once, on first use: start-up does not pay for it)

    return tomllib.loads(raw)


@functools.cache
def observances() -> tuple[Observance, ...]:
    """The observances of ``data/calendar.toml``."""
    return tuple(
        Observance(row["id"], tuple(row["names"]), int(row["first"]), row["source"])
        for row in calendar_data().get("observance", ())
    )


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _names() -> tuple[re.Pattern[str], dict[str, Observance]]:
    by_name = {n: o for o in observances() for n in o.names}
    return re.compile(_alternation(list(by_name))), by_name


# 第27个教师节 / 第39个“世界无烟日” / 第113个“三八”国际妇女节 / 第22个全国“安全生产月”
_NTH = LazyPattern(
    re,
    "第([0-9]{1,3}|[一二三四五六七八九十百]{1,5})个"
    '[“”"]?(?:全国|国际|世界|中国|三八)?[“”"]?(?:全国|国际|世界|中国)?[“”"]?$',
)


def may_hold_observance(text: str) -> bool:
    """Whether a text names an observance (a literal look)."""
    return "个" in text and "第" in text and _names()[0].search(text) is not None


def nth_observances(folded: str) -> Iterator[Nth]:
    """Every ``第N个<observance>`` of a folded text, in order."""
    pattern, by_name = _names()
    for m in pattern.finditer(folded):
        nth = _NTH.search(folded, max(0, m.start() - 14), m.start())
        if nth is None:
            continue
        n = cn_number(nth[1])
        if n is not None and 0 < n < 200:
            yield Nth(nth.start(), m.end(), by_name[m.group()], n)
