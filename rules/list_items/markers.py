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

# Inline numbering inside a paragraph, by style: (marker, whether it needs a boundary).
# 一、 一， 1、 1. also occur inside words and numbers (一、二、三产业; 提高2.5倍), so a
# marker after the first counts only after punctuation, a closing bracket or quote, or a
# space; （一） and ① delimit themselves.
_CN = "一二三四五六七八九十"
_DIGIT = "0-9０-９"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NUMBERED: tuple[tuple[str, bool], ...] = (
    (rf"[（(]([{_CN}]{{1,3}})[）)]", False),
    (rf"[（(]([{_DIGIT}]{{1,2}})[）)]", False),
    (f"([{CIRCLED}])", False),
    (rf"([{_CN}]{{1,3}})、", True),
    (rf"([{_CN}]{{1,3}})[，,]", True),
    (rf"([{_DIGIT}]{{1,2}})(?:、|[.．](?![{_DIGIT}]))", True),
)
BOUNDARY = "；;。，,：:！!？?）)”」』》 \u3000\t"
_STARTS = _CN + "（(" + CIRCLED + "0123456789０１２３４５６７８９"
# a style: its index in NUMBERED and the length of the first marker
Style = tuple[int, int]
# a head longer than any first marker plus the character a lookahead needs
HEAD = 8


@cache
def _numbered() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """NUMBERED compiled (once, on first use)."""
    return tuple((re.compile(pattern), boundary) for pattern, boundary in NUMBERED)


def numbering(head: str) -> Style | None:
    """The numbering style of the marker ``head`` starts with, when that marker is one."""
    if not head or head[0] not in _STARTS:
        return None
    for index, (pattern, _) in enumerate(_numbered()):
        m = pattern.match(head)
        if m is not None and marker_value(m[1]) == 1:
            return index, m.end()
    return None


def marker_value(token: str) -> int | None:
    """The value of a marker's number: 一, 1, １ or ①."""
    if token in CIRCLED:
        return CIRCLED.index(token) + 1
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
            pattern, boundary = _numbered()[style]
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
