"""Date extraction: every date-like expression of a text, with its span, kind and values.

The extractor works on a *folded* copy of the text (full-width punctuation and digits
mapped to their half-width twins one code point for one), so spans are valid in the
original. It is built for speed: it never runs a regular expression that starts with a
character class over the whole text. Years and CJK dates are found from the literal
``年`` / ``月`` with ``str.find`` and parsed by looking back and forward a bounded number
of characters; numeric dates (``2023-04-23``) by a pattern that starts with the literals
``19`` / ``20``; relative expressions from the literals ``前`` / ``内`` / ``天``. Every
expression costs a bounded amount of work, whatever the length of its line.

Kinds (``DateExpr.kind``):

- ``date``: a year with a month and maybe a day (``2023年4月23日``, ``2023-04-23``,
  ``二〇一一年三月``);
- ``year``: a year alone (``2023年``, ``二〇一一年``);
- ``month-day``: a month and day without a year (``6月6日``, ``三月五日``, ``6月6号``);
- ``masked``: a date with masked digits (``**月6日``, ``20**年``);
- ``range``: ``2021—2025年``, ``2008年至2010年`` (``year``..``end_year``), ``2008年以来`` /
  ``从2008年开始`` (``year``, open end, ``since=True``), ``2000年以前`` (``end_year`` only);
- ``relative``: ``今年`` ``明年`` ``去年`` (``offset`` in years), ``3天前``, ``24小时内``
  (``offset`` and ``unit``).

An expression that follows a page-metadata key (``更新时间:``, ``发布时间:``…) carries the
key in ``metadata``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from pathlib import Path
from typing import NamedTuple

from lint import Document
from rules.lazy import LazyPattern
from rules.numerals import NUMERAL_CHARS, parse_numeral
from rules.vocabulary import DATE_KEY_ENDS, date_keys

# Full-width digits and a few dashes/tilde fold to ASCII, one code point for one.
_FOLD_PAIRS = tuple(
    zip(
        "，：；（）！？［］｛｝％＋－＝．／　０１２３４５６７８９～",
        ",:;()!?[]{}%+-=./ 0123456789~",
        strict=True,
    )
)
# Chinese digits used in years (二〇一一, 二零二三, 一九四九; ○ and Ｏ are common typos for 〇).
_CN_YEAR_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_RANGE_DASHES = "-—–~至到"
_SINCE_AFTER = ("以来", "至今", "开始", "起", "来")
_NOT_SINCE = ("来说", "来看", "来自", "来临", "来到", "来了", "起草", "起步")
_BEFORE_AFTER = ("以前", "之前")
# The metadata keys that label a date (更新时间, 发表于, 成文日期…), from the vocabulary the
# scrape-artifacts family reads too (rules/data/metadata_keys.txt); every key ends with one
# of DATE_KEY_ENDS (时间, 日期, 于). Read on first use (``date_keys()`` is cached), never at import.
META_KEY_ENDS = DATE_KEY_ENDS
# "时间:" alone is a metadata key only on a line that also names a source, author or counter.
_META_LINE_HINTS = ("来源", "作者", "浏览", "点击", "阅读", "编辑", "责任编辑")
_REL_YEAR = {"今": 0, "明": 1, "去": -1, "前": -2, "后": 2, "本": 0}
# Characters that, before 明/去/前/后, make a word rather than a relative year (文明年, 过去年代).
_REL_BLOCK = {
    "明": set("文光清说证开透聪发声表鲜英高神昆黎阐标注简分"),
    "去": set("过失除离下上出进回死"),
    "前": set("之以日目当此提向空年月从生事超史战眼跟面门"),
    "后": set("之以今然最其此日先落背前向午饭战随退产死"),
    "今": set("至如而迄"),
    "本": set("日基根资成样"),
}
_REL_YEAR_NOT_NEXT = "代级龄纪轻华间限头份货终度薪"
_REL_THIS_YEAR_NEXT = ",.:;!?)的是内中以底初末起"
_REL_UNITS = (("分钟", "minute"), ("小时", "hour"), ("个月", "month"), ("星期", "week"))
_REL_UNITS1 = {"秒": "second", "天": "day", "日": "day", "周": "week", "年": "year"}
# The last character of every relative unit: a 前/内 after anything else is no duration.
_REL_UNIT_ENDS = "钟时月期秒天日周"
_REL_DAYS = {"今天": 0, "昨天": -1, "前天": -2, "明天": 1, "后天": 2}
_REL_DAY_BLOCK = "每当同一那这哪半整几白"
# Before 年 / 月 (or the space before it), the characters with which an expression can
# end there; a 年 or 月 after anything else is skipped at once (多年, 岁月).
_YEAR_LEAD = frozenset("0123456789*＊ ") | frozenset("今明去前后本") | frozenset(_CN_YEAR_DIGITS)
_MONTH_LEAD = frozenset("0123456789*＊ ") | frozenset(NUMERAL_CHARS)

_NUMERIC = LazyPattern(re, r"(?:19|20)\d\d(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")


class DateExpr(NamedTuple):
    """One date-like expression: its span in the text, its kind and values."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    since: bool = False
    offset: int | None = None
    unit: str | None = None
    metadata: str | None = None
    chinese: bool = False  # written with Chinese numerals
    separator: str | None = None  # "-", "/", "." for numeric dates, None for CJK ones
    year_span: tuple[int, int] | None = None  # the year digits' span, for fixes

    @property
    def full(self) -> bool:
        """Whether the expression names a year, a month and a day."""
        return self.year is not None and self.month is not None and self.day is not None


# Characters frequent in traditional-script text and absent from simplified text.
_TRADITIONAL_PROBE = "們這個國會學為來說時對發於與實動黨"


@functools.cache
def _traditional_table() -> dict[int, int]:
    """Traditional → simplified for the characters the DT family matches (data file)."""
    raw = (Path(__file__).parent / "data" / "traditional.tsv").read_text("utf-8")
    table: dict[int, int] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            trad, simple = line.split("\t")
            table[ord(trad)] = ord(simple)
    return table


@functools.cache
def variants(char: str) -> str:
    """``char`` and every character the folding maps onto it (full-width, traditional).

    A literal test on the raw text that accepts any of these characters for each
    character of a word finds every place where the word appears in the folded text.
    """
    out = [char]
    out += [full for full, half in _FOLD_PAIRS if half == char]
    out += [chr(k) for k, v in _traditional_table().items() if chr(v) == char]
    return "".join(dict.fromkeys(out))


def fold_width(text: str) -> str:
    """Fold punctuation and full-width digits to ASCII, one code point for one."""
    for full, half in _FOLD_PAIRS:
        if full in text:
            text = text.replace(full, half)
    return text


def fold_dates(text: str) -> str:
    """Fold punctuation and full-width digits to ASCII, one code point for one.

    The same mapping as ``rules.text.fold_punctuation`` plus full-width digits and ``～``,
    done with ``str.replace`` for the characters present: on CJK text that is many times
    faster than ``str.translate``. A text in traditional characters (慶祝建黨90週年) is
    also folded to simplified ones for the words the DT family looks for.
    """
    text = fold_width(text)
    if is_traditional(text):  # (one pass over the few characters the table maps)
        pattern, table = _traditional_pattern()
        return pattern.sub(lambda m: table[m.group()], text)
    return text


@functools.cache
def _traditional_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The characters of ``_traditional_table`` as one class, and their replacements."""
    table = {chr(k): chr(v) for k, v in _traditional_table().items()}
    return re.compile("[" + "".join(map(re.escape, table)) + "]"), table


def is_traditional(text: str) -> bool:
    """Whether ``fold_dates`` maps the text's traditional characters (it holds one of
    the characters frequent in traditional-script text only)."""
    return any(c in text for c in _TRADITIONAL_PROBE)


def folded_dates(document: Document) -> str:
    """The document's text folded by ``fold_dates`` (computed once per document)."""
    return document.memo(_folded_dates)


def _folded_dates(document: Document) -> str:
    return fold_dates(document.text)


def dates(document: Document) -> list[DateExpr]:
    """All date expressions of a document, sorted by start (computed once per document)."""
    return document.memo(_dates)


def _dates(document: Document) -> list[DateExpr]:
    return extract_dates(document.text, folded_dates(document))


def cn_number(token: str) -> int | None:
    """Value of a small Chinese numeral (一 … 一百九十九, 两 refused), or ASCII digits."""
    if token.isdigit() and token.isascii():
        return int(token)
    return parse_numeral(token, liang=False)


def has_metadata_key(folded: str) -> bool:
    """Whether a folded text holds a metadata key (every key contains 时间, 日期 or 于)."""
    return "时间" in folded or "日期" in folded or "发表于" in folded or "发布于" in folded


class _Scanner:
    """Finds the expressions of one folded text.

    Each pass appends to its own list; ``result`` reads them in the order years,
    month-days, numeric dates, relative expressions (the order decides which of two
    expressions with the same span is kept).
    """

    def __init__(self, original: str, folded: str | None = None) -> None:
        self.orig = original
        self.text = folded if folded is not None else fold_dates(original)
        self.out: list[DateExpr] = []
        self.taken: set[int] = set()  # offsets of 月 already consumed by a year
        self.has_meta = has_metadata_key(self.text)
        self._newlines: list[int] | None = None
        self._hint_lines: dict[int, bool] = {}

    # -- helpers ---------------------------------------------------------------

    def _digits_back(self, end: int, limit: int = 5) -> int:
        """Start of the ASCII digit run ending at ``end`` (at most ``limit`` digits)."""
        t = self.text
        i = end
        while i > 0 and end - i < limit and "0" <= t[i - 1] <= "9":
            i -= 1
        return i

    def _cn_back(self, end: int, limit: int = 4) -> int:
        t = self.text
        i = end
        while i > 0 and end - i < limit and t[i - 1] in NUMERAL_CHARS:
            i -= 1
        return i

    def _number_fwd(self, pos: int, unit: str, chinese: bool) -> tuple[int, int] | None:
        """Parse ``<number><unit>`` at ``pos``: return (value, end) or None."""
        t = self.text
        n = len(t)
        j = pos
        if j < n and t[j] == " ":
            j += 1
        k = j
        if chinese:
            while k < n and k - j < 3 and t[k] in NUMERAL_CHARS:
                k += 1
            value = cn_number(t[j:k]) if k > j else None
        else:
            while k < n and k - j < 2 and "0" <= t[k] <= "9":
                k += 1
            value = int(t[j:k]) if k > j else None
            if k < n and "0" <= t[k] <= "9":
                return None
        if value is None:
            return None
        if k < n and t[k] == " ":
            k += 1
        if t.startswith(unit, k):
            return value, k + len(unit)
        return None

    def _metadata_key(self, start: int) -> str | None:
        """The metadata key (更新时间, 发布时间…) right before ``start``, if any."""
        if not self.has_meta:
            return None
        t = self.text
        i = start
        while i > 0 and start - i < 2 and t[i - 1] in ": ":
            i -= 1
        # A key ends right before i. (At i == 0 the negative offsets below look at the end
        # of the text, as they always have: keep that behaviour exactly.)
        if i and t[i - 1] not in META_KEY_ENDS:
            return None
        for key in date_keys():
            if t.startswith(key, i - len(key)):
                return key
        if t.startswith("时间", i - 2) and i < start and self._line_has_hint(start):
            return "时间"
        return None

    def _line_has_hint(self, pos: int) -> bool:
        """Whether the line around ``pos`` names a source, author or counter (once per line)."""
        t = self.text
        if self._newlines is None:
            found = []
            p = t.find("\n")
            while p != -1:
                found.append(p)
                p = t.find("\n", p + 1)
            self._newlines = found
        nl = self._newlines
        k = bisect_left(nl, pos)
        hit = self._hint_lines.get(k)
        if hit is None:
            line = t[nl[k - 1] + 1 if k else 0 : nl[k] if k < len(nl) else len(t)]
            hit = self._hint_lines[k] = any(h in line for h in _META_LINE_HINTS)
        return hit

    def add(
        self,
        out: list[DateExpr],
        start: int,
        end: int,
        kind: str,
        *,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        end_year: int | None = None,
        since: bool = False,
        offset: int | None = None,
        unit: str | None = None,
        chinese: bool = False,
        separator: str | None = None,
        year_span: tuple[int, int] | None = None,
    ) -> None:
        """Append one expression to ``out``, with the metadata key before it."""
        out.append(
            DateExpr(
                start,
                end,
                self.orig[start:end],
                kind,
                year,
                month,
                day,
                end_year,
                since,
                offset,
                unit,
                self._metadata_key(start),
                chinese,
                separator,
                year_span,
            )
        )

    # -- years and CJK dates ---------------------------------------------------

    def scan_years(self) -> list[DateExpr]:
        out: list[DateExpr] = []
        t = self.text
        find = t.find
        p = find("年")
        while p != -1:
            if p and t[p - 1] in _YEAR_LEAD:
                self._year_at(out, p)
            p = find("年", p + 1)
        return out

    def _year_at(self, out: list[DateExpr], p: int) -> None:
        t = self.text
        q = p - 1 if p > 0 and t[p - 1] == " " else p
        s = q - 4
        digits = t[s:q] if s >= 0 else ""
        if digits.isascii() and digits.isdigit() and not (s and "0" <= t[s - 1] <= "9"):
            n_digits = 4  # the usual case, read as one slice
        else:
            s = self._digits_back(q, 5)
            n_digits = q - s
        chinese = False
        if n_digits == 4:
            if s > 0 and t[s - 1].isascii() and (t[s - 1].isalnum() or t[s - 1] == "."):
                return
            year = int(t[s:q])
            if not 1000 <= year <= 2999:
                return
        elif n_digits in (1, 2, 3):
            self._relative_duration(out, s, q, p, "year")
            return
        elif n_digits == 0:
            c = self._cn_year_back(q)
            if c is None:
                m = q
                while m > 0 and q - m < 4 and t[m - 1] in "*＊":
                    m -= 1
                if q - m >= 1 and q - m + (m - self._digits_back(m, 2)) == 4:
                    self.add(out, self._digits_back(m, 2), p + 1, "masked")
                elif q - m >= 2:
                    self.add(out, m, p + 1, "masked")
                else:
                    self._relative_year(out, p)
                return
            s, year = c
            chinese = True
        else:
            return
        year_span = (s, q)
        end = p + 1
        # a range 2021—2025年 / 2021至2025年
        if not chinese and s >= 5 and t[s - 1] in _RANGE_DASHES:
            s0 = self._digits_back(s - 1, 5)
            if s - 1 - s0 == 4 and (s0 == 0 or not t[s0 - 1].isdigit()):
                y0 = int(t[s0 : s - 1])
                if 1000 <= y0 <= year:
                    self.add(out, s0, end, "range", year=y0, end_year=year)
                    return
        month = day = None
        mres = self._number_fwd(end, "月", chinese)
        if mres is None and chinese:
            mres = self._number_fwd(end, "月", False)
        if mres is not None:
            month, mend = mres
            self.taken.add(mend - 1)
            end = mend
            dres = self._number_fwd(end, "日", chinese) or self._number_fwd(end, "号", chinese)
            if dres is None and chinese:
                dres = self._number_fwd(end, "日", False)
            if dres is not None:
                day, end = dres
        if month is None:
            after = t[end : end + 3]
            before = t[s - 1 : s] if s > 0 else ""
            if after.startswith(_SINCE_AFTER) and not after.startswith(_NOT_SINCE):
                word = next(w for w in _SINCE_AFTER if after.startswith(w))
                self.add(out, s, end + len(word), "range", year=year, since=True, chinese=chinese)
                return
            if before in ("自", "从"):
                self.add(out, s, end, "range", year=year, since=True, chinese=chinese)
                return
            if after.startswith(_BEFORE_AFTER):
                self.add(out, s, end + 2, "range", end_year=year, chinese=chinese)
                return
        kind = "date" if month is not None else "year"
        self.add(
            out,
            s,
            end,
            kind,
            year=year,
            month=month,
            day=day,
            chinese=chinese,
            year_span=year_span,
        )

    def _cn_year_back(self, q: int) -> tuple[int, int] | None:
        t = self.text
        s = q
        while s > 0 and q - s < 5 and t[s - 1] in _CN_YEAR_DIGITS:
            s -= 1
        if q - s != 4 or t[s] not in "一二":
            return None
        year = 0
        for ch in t[s:q]:
            year = year * 10 + _CN_YEAR_DIGITS[ch]
        if not 1000 <= year <= 2999:
            return None
        return s, year

    def _relative_year(self, out: list[DateExpr], p: int) -> None:
        t = self.text
        if p == 0:
            return
        c = t[p - 1]
        off = _REL_YEAR.get(c)
        if off is None:
            return
        if p >= 2 and t[p - 2] in _REL_BLOCK.get(c, ()):
            return
        nxt = t[p + 1 : p + 2]
        if nxt and nxt in _REL_YEAR_NOT_NEXT:
            return
        if c == "本" and nxt != "" and nxt not in _REL_THIS_YEAR_NEXT:
            return
        self.add(out, p - 1, p + 1, "relative", offset=off, unit="year")

    def _relative_duration(self, out: list[DateExpr], s: int, q: int, p: int, unit: str) -> None:
        t = self.text
        if s > 0 and (t[s - 1].isdigit() or t[s - 1] == "."):
            return
        nxt = t[p + 1 : p + 2]
        if nxt in ("前", "内"):
            n = int(t[s:q])
            self.add(out, s, p + 2, "relative", offset=-n if nxt == "前" else n, unit=unit)

    # -- month-day without year ------------------------------------------------

    def scan_month_days(self) -> list[DateExpr]:
        out: list[DateExpr] = []
        t = self.text
        find = t.find
        taken = self.taken
        p = find("月")
        while p != -1:
            if p and t[p - 1] in _MONTH_LEAD and p not in taken:
                self._month_at(out, p)
            p = find("月", p + 1)
        return out

    def _month_at(self, out: list[DateExpr], p: int) -> None:
        t = self.text
        q = p - 1 if p > 0 and t[p - 1] == " " else p
        s = self._digits_back(q, 3)
        chinese = False
        month: int | None = None
        if 0 < q - s <= 2:
            if s > 0 and (t[s - 1].isdigit() or t[s - 1] in ".-/"):
                return
            month = int(t[s:q])
        elif q == s:
            m = q
            while m > 0 and q - m < 2 and t[m - 1] in "*＊":
                m -= 1
            if q - m >= 1:
                dres = self._number_fwd(p + 1, "日", False) or self._number_fwd(p + 1, "号", False)
                masked_day = self._masked_day(p + 1)
                if dres is not None:
                    day, end = dres
                    self.add(out, m, end, "masked", day=day)
                elif masked_day is not None:
                    self.add(out, m, masked_day, "masked")
                return
            c = self._cn_back(q, 2)
            if c == q:
                return
            token = t[c:q]
            if c > 0 and (t[c - 1] in NUMERAL_CHARS or t[c - 1] in "第个每"):
                return
            month = cn_number(token)
            if month is None:
                return
            s = c
            chinese = True
        else:
            return
        dres = self._number_fwd(p + 1, "日", chinese) or self._number_fwd(p + 1, "号", chinese)
        if dres is None:
            if not chinese and self._masked_day(p + 1) is not None:
                self.add(out, s, self._masked_day(p + 1) or p + 1, "masked", month=month)
            return
        day, end = dres
        self.add(out, s, end, "month-day", month=month, day=day, chinese=chinese)

    def _masked_day(self, pos: int) -> int | None:
        t = self.text
        k = pos
        while k < len(t) and k - pos < 2 and t[k] in "*＊":
            k += 1
        if k > pos and k < len(t) and t[k] in "日号":
            return k + 1
        return None

    # -- numeric dates -----------------------------------------------------------

    def scan_numeric(self) -> list[DateExpr]:
        out: list[DateExpr] = []
        t = self.text
        if "-" not in t and "/" not in t and "." not in t:
            return out
        for m in _NUMERIC.finditer(t):
            s = m.start()
            if s > 0 and (t[s - 1].isdigit() or (t[s - 1].isascii() and t[s - 1].isalpha())):
                continue
            if s > 0 and t[s - 1] in "./" and m["sep"] != t[s - 1]:
                continue
            month, day = int(m["m"]), int(m["d"])
            sep = m["sep"]
            if sep == "." and (month > 12 or day > 31):
                continue  # a version number, not a date
            self.add(
                out,
                s,
                m.end(),
                "date",
                year=int(t[s : s + 4]),
                month=month,
                day=day,
                separator=sep,
                year_span=(s, s + 4),
            )
        return out

    # -- relative expressions ------------------------------------------------------

    def scan_relative(self) -> list[DateExpr]:
        out: list[DateExpr] = []
        t = self.text
        find = t.find
        for ch in ("前", "内"):
            p = find(ch)
            while p != -1:
                if p and t[p - 1] in _REL_UNIT_ENDS:
                    self._relative_before(out, p)
                p = find(ch, p + 1)
        # 今天 昨天 前天 明天 后天: one pass over 天 (no two of these words share a span)
        p = find("天")
        while p != -1:
            if p and t[p - 1] in "今昨前明后":
                s = p - 1
                if not (s > 0 and t[s - 1] in _REL_DAY_BLOCK):
                    self.add(out, s, p + 1, "relative", offset=_REL_DAYS[t[s : p + 1]], unit="day")
            p = find("天", p + 1)
        return out

    def _relative_before(self, out: list[DateExpr], p: int) -> None:
        t = self.text
        for word, unit_name in _REL_UNITS:
            if t.startswith(word, p - len(word)):
                u0 = p - len(word)
                unit = unit_name
                break
        else:
            c = t[p - 1 : p]
            if c not in _REL_UNITS1 or c == "年":  # N年前 is handled at 年
                return
            unit = _REL_UNITS1[c]
            u0 = p - 1
        s = self._digits_back(u0, 3)
        if s == u0 or (s > 0 and (t[s - 1].isdigit() or t[s - 1] in ".")):
            return
        n = int(t[s:u0])
        self.add(out, s, p + 1, "relative", offset=-n if t[p] == "前" else n, unit=unit)

    # -- post-processing -------------------------------------------------------------

    def result(self) -> list[DateExpr]:
        out = sorted(self.out, key=_span_order)
        merged: list[DateExpr] = []
        seen: set[tuple[int, int]] = set()
        t = self.text
        for e in out:
            span = (e.start, e.end)
            if span in seen:
                continue
            seen.add(span)
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.kind in ("year", "date", "range")
                and e.kind in ("year", "date")
                and prev.end_year is None
                and prev.year is not None
                and e.year is not None
                and prev.year <= e.year
                and 1 <= e.start - prev.end <= 2
                and t[prev.end] in _RANGE_DASHES
                and (prev.kind != "range" or not prev.since or t[prev.end] in "至到-—~")
            ):
                merged[-1] = DateExpr(
                    prev.start,
                    e.end,
                    self.orig[prev.start : e.end],
                    "range",
                    year=prev.year,
                    end_year=e.year,
                    metadata=prev.metadata,
                    chinese=prev.chinese,
                )
                continue
            if prev is not None and e.start < prev.end:
                continue  # nested in the previous expression
            merged.append(e)
        return merged


def _span_order(e: DateExpr) -> tuple[int, int]:
    return (e.start, -e.end)


def extract_dates(text: str, folded: str | None = None) -> list[DateExpr]:
    """Return every date expression of ``text``, sorted by start.

    ``folded`` is ``fold_dates(text)`` when the caller has it already.
    """
    sc = _Scanner(text, folded)
    out = sc.out
    if "年" in text:
        out += sc.scan_years()
    if "月" in text:
        out += sc.scan_month_days()
    out += sc.scan_numeric()
    out += sc.scan_relative()
    return sc.result()


def days_in_month(month: int, year: int | None = None) -> int:
    """Days of a month (February has 29 when the year is unknown)."""
    if month == 2:
        leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap else 28  # (the calendar module would import locale at start-up)
    return 30 if month in (4, 6, 9, 11) else 31


class PageDate(NamedTuple):
    """The document's own publication/update date, from its metadata line."""

    year: int
    month: int
    day: int
    line: int
    key: str
    text: str

    @property
    def ordinal(self) -> tuple[int, int, int]:
        """The date as a sortable tuple."""
        return (self.year, self.month, self.day)


def page_dates(document: Document) -> list[PageDate]:
    """The full dates on the document's first metadata line (computed once per document)."""
    return document.memo(_page_dates)


def _page_dates(document: Document) -> list[PageDate]:
    out: list[PageDate] = []
    if not has_metadata_key(folded_dates(document)):
        return out  # no expression can carry a metadata key
    first_line: int | None = None
    for e in dates(document):
        if e.metadata is None or e.year is None:
            continue
        line = document.position(e.start)[0]
        if first_line is None:
            first_line = line
        elif line != first_line:
            break
        if e.full and e.month and e.day and 1 <= e.month <= 12:
            out.append(PageDate(e.year, e.month, e.day or 1, line, e.metadata, e.text))
    return out


def page_year(document: Document) -> PageDate | None:
    """The latest date of the first metadata line, if any (the page's 'now')."""
    found = page_dates(document)
    return max(found, key=_page_order) if found else None


def _page_order(d: PageDate) -> tuple[int, int, int]:
    return d.ordinal


def page_date_kept(document: Document) -> tuple[PageDate | None, str]:
    """The page's date and where it stands (``line 6``), read before any fix if need be.

    The fix loop may delete the metadata line (page chrome) that holds the page's date;
    the date is still the page's, so it is then read from ``document.origin``, the text
    as it was read, and placed as ``line 6 before fixes``.
    """
    meta = page_year(document)
    if meta is not None:
        return meta, f"line {meta.line}"
    origin = document.origin
    if origin is not document:
        meta = page_year(origin)
        if meta is not None:
            return meta, f"line {meta.line} before fixes"
    return None, ""
