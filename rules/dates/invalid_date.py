"""DT001 invalid-date: a calendar date that cannot exist (2月30日, 13月, 2022-02-29)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, FixAvailability, Rule, Severity
from rules.dates.context import MarkIndex, marks
from rules.dates.extract import DateExpr, dates, days_in_month
from rules.dates.prefilter import DATE_MARKS, may_hold_invalid_date
from rules.lazy import LazyPattern

_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()
# Lunar-calendar markers, simplified and traditional (short texts escape the script probe).
_LUNAR = (
    "农历",
    "農曆",
    "阴历",
    "陰曆",
    "旧历",
    "舊曆",
    "夏历",
    "夏曆",
    "闰",
    "閏",
    "腊月",
    "臘月",
    "正月",
)
_LUNAR_WORDS = LazyPattern(re, "|".join(_LUNAR))
# A decade is named by a year ending in 0 (1970年代): 2023年代 names none (a rewritten
# year). Found from the literal 年代, the digits read behind it; only before a word that
# ends a decade's name (年代初, 年代的, 年代，, 年代亦是), never 2023年代表/代理/代课 (年 + 代…).
_ODD_DECADE = LazyPattern(
    re,
    "年代(?<=[12１２][0-9０-９]{2}[1-9１-９]年代)"
    "(?=初|末|早期|中期|中叶|中后期|后期|前期|时|开始|以来|以后|之后|以前|之前|至|到|里|的|亦|也|是|间|起"
    "|[、,，.。;；)）—~～-])",
)


def invalid_reason(expr: DateExpr) -> str | None:
    """Why a date expression cannot be a Gregorian date, or None when it can (or may)."""
    month, day, year = expr.month, expr.day, expr.year
    if expr.kind not in ("date", "month-day") or month is None:
        return None
    if expr.kind == "month-day" and expr.chinese:
        return None  # 二月三十 in Chinese numerals is usually a lunar date
    # numeric forms: only an impossible day of a real month (2022-02-29, 2021-04-31)
    if expr.separator is not None and (not 1 <= month <= 12 or day is None or not 29 <= day <= 31):
        return None
    if month == 0 or day == 0:
        return None  # 0月 / 0日: a placeholder, not a claim
    if month > 12:
        if day is None and year is None:
            return None
        return f"month {month} does not exist"
    if day is None:
        return None
    limit = days_in_month(month, year)
    if day <= limit:
        return None
    name = _MONTH_NAMES[month - 1]
    if month == 2 and year is not None and day == 29 and days_in_month(2, year) == 28:
        return f"{year} is not a leap year: February has 28 days"
    return f"{name} has {days_in_month(month, None)} days"


def _mentioned(text: str, index: MarkIndex, line_start: int, expr: DateExpr) -> bool:
    """Whether an impossible date is talked about rather than used: quoted (“8月32日”),
    inside a 《title》, or continued by further impossible days (8月32日、33日…)."""
    if index.is_open("“", "”", line_start, expr.start) or index.is_open(
        "《", "》", line_start, expr.start
    ):
        return True
    tail = text[expr.end : expr.end + 6].lstrip(",，、 和及至到-—~")
    k = 0
    while k < len(tail) and tail[k].isdigit():
        k += 1
    return k > 0 and tail[k : k + 1] in ("日", "号") and int(tail[:k]) > (expr.day or 0)


class InvalidDate(Rule):
    """A calendar date that cannot exist (2月30日, 13月, 2022-02-29).

    What
    ----
    Reports dates whose month or day is out of range: ``2月30日``, ``4月31日``,
    ``2022年13月``, ``13月5日``, ``12月32日``, ``2022-02-29`` (2022 is not a leap year),
    and a decade named by a year that does not end in 0 (``2023年代初``, the mark of a
    rewritten ``1970年代``; ``2023年代表大会`` is a year and a word).
    Only expressions that are certainly dates are judged: a month needs a year or a
    day beside it (``13月`` alone may be ``13月薪`` or a name), a day needs its month
    (``32日元`` is money), numeric forms need a four-digit year and are judged on the
    day only (``2021.13.1`` is a version number). Lunar dates (农历二月三十, Chinese
    numerals without a year) and placeholders (``0月0日``) are left alone.

    Why
    ----
    An impossible date is a typo, an OCR error or a template that rewrote part of a
    date; any downstream use of it (sorting, dating the text) goes wrong.

    Examples
    --------
    Flagged::

        会议于2月30日召开          2022-02-29 发布          2022年13月
        2023年代初，组屋的出现缓解了拥挤

    Not flagged::

        2020-02-29 (a leap day)    农历二月三十    13月薪    32日元    **月6日
        1970年代初    2023年代表大会    2015年代理商

    Fix
    ----
    None: the intended date is unknown.
    """

    code = "DT001"
    name = "invalid-date"
    family = "dates"
    default_severity = Severity.WARNING
    fix_availability = FixAvailability.NEVER
    # a date DT001 can judge has 月 or a numeric separator: the engine skips other texts
    triggers = DATE_MARKS  # (shared with DT003: one look per document)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report impossible dates, and decades named by a year not ending in 0."""
        text = document.text
        decades = "年代" in text and _ODD_DECADE.search(text) is not None
        if not decades and not may_hold_invalid_date(text):
            return ()  # a literal look at the text: nothing to extract
        found = list(self._findings(document)) if may_hold_invalid_date(text) else []
        if decades:
            found += self._decades(document)
            found.sort(key=lambda d: d.start)
        return found

    def _decades(self, document: Document) -> Iterator[Diagnostic]:
        """``2023年代初``: no decade starts with a year that does not end in 0."""
        text = document.text
        index = marks(document)
        starts = document.line_starts
        for m in _ODD_DECADE.finditer(text):
            start = m.start() - 4
            if start > 0 and text[start - 1] in "0123456789０１２３４５６７８９":
                continue  # more digits: not a year
            line_start = starts[bisect_right(starts, start) - 1]
            if index.is_open("“", "”", line_start, start) or index.is_open(
                "《", "》", line_start, start
            ):
                continue  # quoted or a title: talked about
            year = text[start : m.start()]
            yield self.report(
                start,
                m.end(),
                f"{year}年代 is not a valid decade: a decade is named by a year ending in 0"
                " (a rewritten year leaves this)",
            )

    def _findings(self, document: Document) -> Iterator[Diagnostic]:
        text = document.text
        index = marks(document)
        starts = document.line_starts
        for expr in dates(document):
            reason = invalid_reason(expr)
            if reason is None:
                continue
            line_start = starts[bisect_right(starts, expr.start) - 1]
            if _LUNAR_WORDS.search(text, max(line_start, expr.start - 12), expr.start):
                continue  # a lunar date
            if _mentioned(text, index, line_start, expr):
                continue
            yield self.report(expr.start, expr.end, f"{expr.text} is not a valid date: {reason}")
