"""Inline numbering markers (``一、`` ``（一）`` ``1.`` ``①`` …) and where they are on a line.

A paragraph that numbers its items inline (``三点要求：一、…；二、…；三、…``) is counted
from its first marker up to a restart at one. Several announcements may count on the
same line, so each line is indexed once per numbering style (every marker with its
value) and a count is a handful of binary searches, never a rescan of the line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from rules.numerals import parse_number
from rules.vocabulary import CIRCLED_DIGITS, numbering_pattern, numbering_starts

# Inline numbering inside a paragraph, by style: the names of one or more styles of the
# shared vocabulary (rules/data/numbering_styles.txt) counted as one (1. and 1、 mix).
# 一、 一， 1、 1. also occur inside words and numbers (一、二、三产业; 提高2.5倍), so a
# marker after the first counts only after punctuation, a closing bracket or quote, or a
# space; （一） and ① delimit themselves.
INLINE_STYLES: tuple[tuple[str, ...], ...] = (
    ("（一）",),
    ("（1）",),
    ("①",),
    ("一、",),
    ("一，",),
    ("1、", "1."),
)
_SELF_DELIMITING = {"（一）", "（1）", "①"}
BOUNDARY = "；;。，,：:！!？?）)”」』》 \u3000\t"
# a style: its index in INLINE_STYLES and the length of the first marker
Style = tuple[int, int]
# a head longer than any first marker plus the character a lookahead needs
HEAD = 8


@cache
def _numbered() -> tuple[tuple[tuple[re.Pattern[str], bool], ...], str]:
    """INLINE_STYLES compiled with whether each needs a boundary, and the characters a
    marker may start with (once, on first use)."""
    styles = tuple(
        (re.compile(numbering_pattern(*names)), names[0] not in _SELF_DELIMITING)
        for names in INLINE_STYLES
    )
    starts = numbering_starts(*(name for names in INLINE_STYLES for name in names))
    return styles, starts


def numbering(head: str) -> Style | None:
    """The numbering style of the marker ``head`` starts with, when that marker is one."""
    styles, starts = _numbered()
    if not head or head[0] not in starts:
        return None
    for index, (pattern, _) in enumerate(styles):
        m = pattern.match(head)
        if m is not None and marker_value(m[1]) == 1:
            return index, m.end()
    return None


def marker_value(token: str) -> int | None:
    """The value of a marker's number: 一, 1, １ or ①."""
    if token in CIRCLED_DIGITS:
        return CIRCLED_DIGITS.index(token) + 1
    return parse_number(token)


class LineMarkers:
    """The numbering markers of one line, indexed by style and value on first use."""

    __slots__ = ("_by_style", "end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end  # the line's end, without its break
        self._by_style: dict[int, dict[int, list[int]]] = {}

    def _values(self, text: str, style: int) -> dict[int, list[int]]:
        """Start offsets of the style's markers by value (boundary-less ones left out)."""
        found = self._by_style.get(style)
        if found is None:
            pattern, boundary = _numbered()[0][style]
            found = {}
            for m in pattern.finditer(text, self.start, self.end):
                if boundary and text[m.start() - 1] not in BOUNDARY:
                    continue  # 一、二、三产业; 提高2.5倍: not a marker
                value = marker_value(m[1])
                if value is not None:
                    found.setdefault(value, []).append(m.start())
            self._by_style[style] = found
        return found

    def count_from(self, text: str, start: int, style: Style) -> int:
        """How many markers count up from the first one at ``start``, up to a restart at one.

        Markers are matched from the line's start: the first marker begins after a
        character that no marker ends with, so the matches after it are the ones a
        search from the marker itself would find.
        """
        index, length = style
        values = self._values(text, index)
        after = start + length
        ones = values.get(1, ())
        i = bisect_left(ones, after)
        limit = ones[i] if i < len(ones) else self.end  # a new list starts there
        expected, pos = 2, after
        while (where := values.get(expected)) is not None:
            j = bisect_left(where, pos)
            if j == len(where) or where[j] >= limit:
                break
            expected, pos = expected + 1, where[j] + 1
        return expected - 1
