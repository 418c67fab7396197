"""Document-level literal prefilters: can a DT rule find anything in this text at all?

Each test reads the raw text (no folding, no extraction) with ``in`` and patterns that
start with a literal, and is *necessary*: when it says no, the rule has nothing to
report, so the rule returns at once. The tests accept every form the folding maps onto
the characters they look for (full-width digits and punctuation, traditional
characters, see ``extract.variants``), and quotation marks inside an era anchor's name
(the evidence finder drops them), so a text that the rule would judge always passes.

- ``may_hold_invalid_date`` (DT001): a month of 13 or more, or a day of 29 or more,
  next to ``月``; or a numeric date whose day has two digits.
- ``may_hold_weighted_evidence`` (DT002): a mention of an anchor that can place a text
  in a period (an anniversary's 周年, a plan, a campaign, a point), found from one
  character of each name and checked around it.
- ``may_hold_page_date`` (DT003): a metadata key (…时间, …日期, 发表于, 发布于) followed by
  the first digit of a year, and ``月`` or a numeric separator somewhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from lint import Document
from rules.dates.evidence import (
    _CN_NUM,
    _PLAN_BLOCK_AFTER,
    _QUOTE_CHARS,
    _STRICT_AFTER,
    Anchor,
    load_anchors,
)
from rules.dates.extract import (
    META_KEY_ENDS,
    _traditional_table,
    cn_number,
    days_in_month,
    fold_width,
    variants,
)
from rules.lazy import LazyPattern
from rules.numerals import NUMERAL_CHARS

# -- DT001 ------------------------------------------------------------------------------

_SPACE = "[ 　]"
_DIGIT = "[0-9０-９]"
_TENS = "[二三四五六七八九]"
_UNITS = "[一二三四五六七八九]"
# After 月, a day of 29 or more: two digits, or a Chinese numeral (二十九, 三十…, 百…).
_BIG_DAY = rf"{_SPACE}?(?:[2２][9９]|[3-9３-９]{_DIGIT}|二十九|[三四五六七八九]十|一?百)"
# Before 月 (maybe with a space), a month of 13 or more: two digits, or 十三…, 二十…, 百…;
# one look-behind per width (a look-behind has a fixed width).
_D2 = f"(?:[1１][3-9３-９]|[2-9２-９]{_DIGIT})"  # 13..99
_C2 = f"(?:十[三四五六七八九]|{_TENS}十)"  # 十三..十九, 二十..九十
_C3 = f"{_TENS}十{_UNITS}"  # 二十一..九十九
_BIG_MONTH = (
    "(?<=百月)",
    f"(?<=(?:{_D2}|{_C2}|百.)月)",
    f"(?<=(?:{_C3}|百..|{_D2}{_SPACE}|{_C2}{_SPACE})月)",
    f"(?<=(?:{_C3}{_SPACE}|百..{_SPACE})月)",
)
_MONTH_CANDIDATE = LazyPattern(re, f"月(?:{_BIG_DAY}|{'|'.join(_BIG_MONTH)})")
# A numeric date whose two-digit day may be 29 or more (19xx-m-dd, 20xx/mm/dd, …): any
# day but 00..28 written in ASCII or full-width digits (int() reads other digits too).
# One pattern per first separator, each starting with that separator as a literal.
_BIG_NUMERIC_DAY = rf"(?:[2２][9９]|[3-9３-９]\d|(?!{_DIGIT})\d\d|{_DIGIT}(?!{_DIGIT})\d)"
_SEPARATORS = {"-": "-－", "－": "-－", "/": "/／", "／": "/／", ".": ".．", "．": ".．"}
_NUMERIC_CANDIDATES = tuple(
    (
        sep,
        LazyPattern(
            re,
            rf"{re.escape(sep)}(?<=[12１２][09０９]\d\d{re.escape(sep)})"
            rf"(\d{{1,2}})[{re.escape(family)}]({_BIG_NUMERIC_DAY})",
        ),
    )
    for sep, family in _SEPARATORS.items()
)
_WINDOW = 5  # characters read on either side of 月: a number, a space, a unit


def _folds(text: str) -> tuple[str, str]:
    """A few characters as ``fold_dates`` leaves them in a simplified and in a traditional
    text (the traditional table applies only when the whole text looks traditional)."""
    half = fold_width(text)
    return half, half.translate(_traditional_table())


def _beyond_month(month: int, day: int) -> bool:
    """Whether ``day`` may not exist in ``month`` (February counted with 28 days)."""
    return 1 <= month <= 12 and day > (28 if month == 2 else days_in_month(month))


def _numbers_before(before: str) -> set[int]:
    """Values a number ending ``before`` may have: 1–2 digits, or a Chinese numeral."""
    if before.endswith(" "):
        before = before[:-1]
    out: set[int] = set()
    k = len(before)
    while k and "0" <= before[k - 1] <= "9":
        k -= 1
    if 1 <= len(before) - k <= 2:
        out.add(int(before[k:]))
    k = len(before)
    while k and before[k - 1] in NUMERAL_CHARS:
        k -= 1
    for n in range(1, min(3, len(before) - k) + 1):
        value = cn_number(before[-n:])
        if value is not None:
            out.add(value)
    return out


def _numbers_after(after: str) -> set[int]:
    """Values a number starting ``after`` may have: 1–2 digits, or a Chinese numeral."""
    if after.startswith(" "):
        after = after[1:]
    out: set[int] = set()
    k = 0
    while k < len(after) and "0" <= after[k] <= "9":
        k += 1
    if 1 <= k <= 2:
        out.add(int(after[:k]))
    k = 0
    while k < len(after) and k < 3 and after[k] in NUMERAL_CHARS:
        k += 1
    value = cn_number(after[:k]) if k else None
    if value is not None:
        out.add(value)
    return out


def _impossible_around(text: str, p: int) -> bool:
    """Whether the numbers around the 月 at ``p`` may make an impossible date."""
    months = set().union(*map(_numbers_before, _folds(text[max(0, p - _WINDOW) : p])))
    if any(m > 12 for m in months):
        return True
    days = set().union(*map(_numbers_after, _folds(text[p + 1 : p + 1 + _WINDOW])))
    return any(_beyond_month(m, d) for m in months for d in days)


def may_hold_invalid_date(text: str) -> bool:
    """Whether ``text`` may hold an impossible calendar date (DT001).

    A text with neither 月 nor ``-`` nor ``/`` is not judged at all (as DT001 always did).
    """
    if "月" in text:
        for m in _MONTH_CANDIDATE.finditer(text):
            if _impossible_around(text, m.start()):
                return True
    elif "-" not in text and "/" not in text:
        return False
    for sep, pattern in _NUMERIC_CANDIDATES:
        if sep in text:
            for m in pattern.finditer(text):
                if int(m[2]) <= 31 and _beyond_month(int(m[1]), int(m[2])):
                    return True
    return False


# -- DT001 and DT003: the engine's literal look -----------------------------------------

# Every date DT001 or DT003 can judge holds 月 or a numeric separator (in the raw text:
# ``extract`` folds only －．／ onto -./), and an odd decade holds 年代: one tuple of
# ``Rule.triggers`` for both rules, so the engine looks for them once per document
# (the most frequent first). A superset of what each rule's own checks ask for.
DATE_MARKS = ("月", ".", "-", "/", "－", "．", "／", "年代")

# -- DT003 ------------------------------------------------------------------------------

# The last character of a metadata key, the characters before it, and the first digit
# of the year that a page date right after the key (and at most two of ": ") starts with.
_YEAR_START = "[12１２一二]"
_KEY_AFTER = "[:：  　]{0,2}"


@functools.cache
def _key_pivots() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each last character of a metadata key, with the pattern of the key ending in it and
    the year's first digit after it (built on first use: ``variants`` reads a data file)."""
    return tuple(
        (
            last,
            re.compile(
                f"{re.escape(last)}(?<=[{''.join(variants(b) for b in before)}]{re.escape(last)})"
                f"{_KEY_AFTER}{_YEAR_START}"
            ),
        )
        for simple, before in (("间", "时"), ("期", "日"), ("于", "表布"))
        for last in variants(simple)
    )


@functools.cache
def _key_last() -> str:
    """Every form of the last character of a metadata key."""
    return "".join(variants(c) for c in META_KEY_ENDS)


def may_hold_page_date(text: str) -> bool:
    """Whether ``text`` may state its own date after a metadata key (DT003).

    A text with none of 时, 日, 于 is not judged at all (as DT003 always did).
    """
    yu = "于" in text
    if not yu and "时" not in text and "日" not in text:
        return False
    # a full date needs 月 or a separator (asked first: most texts have neither, and
    # one ``in`` per character costs less than looking for the keys)
    if not (
        "月" in text
        or "-" in text
        or "/" in text
        or "." in text
        or "－" in text
        or "／" in text
        or "．" in text
    ):
        return False
    for last, pattern in _key_pivots():
        if (yu if last == "于" else last in text) and pattern.search(text):
            return True
    # A date at the very start is read against a key at the very end of the text
    # (negative offsets in extract._Scanner._metadata_key).
    return bool(text) and text[-1] in _key_last()


def page_date_possible(document: Document) -> bool:
    """``may_hold_page_date`` of a document's text (once per document: DT003 asks it of
    the text as read, DT002's spike test of the text and of the text as read)."""
    return document.memo(_page_date_possible)


def _page_date_possible(document: Document) -> bool:
    return may_hold_page_date(document.text)


# -- DT002 ------------------------------------------------------------------------------

_QUOTES = frozenset(_QUOTE_CHARS)  # dropped by the evidence finder before it matches names
# Characters rare enough in prose to look for first (the first one a name holds is its
# pivot); a name without any of them is looked for from its last character.
_PIVOT_PREFERENCE = "周百五牢严基活育"
_PLAN_NOT_BEFORE = frozenset(_CN_NUM | {"第"})
_PLAN_NOT_AFTER = frozenset(_CN_NUM | _PLAN_BLOCK_AFTER)
_STRICT_FIRST = frozenset(w[0] for w in _STRICT_AFTER)


@functools.cache
def _number_chars() -> frozenset[str]:
    """Every form of a Chinese numeral character (built on first use)."""
    return frozenset("".join(variants(c) for c in _CN_NUM))


@functools.cache
def _char_folds(char: str) -> frozenset[str]:
    """The forms one character may take in the folded text (see ``_folds``)."""
    return frozenset(_folds(char))


def _surely_in(char: str, chars: frozenset[str]) -> bool:
    """Whether ``char`` folds into ``chars`` whether or not the text is traditional."""
    return _char_folds(char) <= chars


def _maybe_in(char: str, chars: frozenset[str]) -> bool:
    """Whether ``char`` may fold into ``chars``."""
    return not _char_folds(char).isdisjoint(chars)


def _back(text: str, i: int) -> int:
    """The offset of the last character at or before ``i`` that is no quotation mark."""
    while i >= 0 and text[i] in _QUOTES:
        i -= 1
    return i


def _forward(text: str, i: int) -> int:
    """The offset of the first character at or after ``i`` that is no quotation mark."""
    n = len(text)
    while i < n and text[i] in _QUOTES:
        i += 1
    return i


def _span_at(text: str, p: int, chars: tuple[str, ...], k: int) -> tuple[int, int] | None:
    """The span of the name whose ``k``-th character sits at ``p`` (quotes inside skipped),
    each character of ``chars`` giving the forms allowed at its place; None if absent."""
    i = p
    for j in range(k - 1, -1, -1):
        i = _back(text, i - 1)
        if i < 0 or text[i] not in chars[j]:
            return None
    start = i
    i = p
    n = len(text)
    for j in range(k + 1, len(chars)):
        i = _forward(text, i + 1)
        if i >= n or text[i] not in chars[j]:
            return None
    return start, i + 1


def _pivot(name: str) -> int:
    for c in _PIVOT_PREFERENCE:
        if c in name:
            return name.index(c)
    k = len(name) - 1
    return k - 1 if name[k] == "年" and k > 0 else k


_NAME, _PLAN, _ANNIVERSARY, _ANY = range(4)  # what a pivot's hits are checked for


class _Probe:
    """The mentions that can carry weight, found from a pivot character each.

    Names (campaigns, points, config anchors) are looked for around their pivot; a plan
    also needs the neighbours ``evidence._Finder.plan`` asks for (no numeral around it;
    quotes or 规划/计划/期间/时期 for 九五 and 十五); an anniversary needs ``<name><N>周年``
    (pivot 周). A hit is first checked against the characters its names allow right
    before or after the pivot (one set look-up rejects most hits). One ``in`` per pivot
    character decides for most texts.
    """

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        anchors = tuple(anchors)
        self.anniversaries = tuple(
            tuple(variants(c) for c in name)
            for a in anchors
            if a.type == "anniversary"
            for name in a.names
        )
        self.plans = tuple(
            (tuple(variants(c) for c in name), name.index("五"), a.strict)
            for a in anchors
            if a.type == "plan"
            for name in a.names
        )
        plain = [
            name
            for a in anchors
            if a.type == "point" or (a.type == "period" and a.end is not None and a.weight > 0)
            for name in a.names
        ]
        # (pivot form, kind, characters allowed right before it, right after it, names);
        # None where some name of the group has no character on that side
        pivots: list[tuple[str, int, frozenset[str] | None, frozenset[str] | None, tuple]] = []
        if self.anniversaries:
            pivots += [(v, _ANNIVERSARY, None, None, ()) for v in variants("周")]
        if self.plans:
            group = tuple((chars, k) for chars, k, _strict in self.plans)
            pivots.append(("五", _PLAN, *_neighbours(group), self.plans))
        groups: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for name in dict.fromkeys(plain):
            k = _pivot(name)
            groups.setdefault(name[k], []).append((tuple(variants(c) for c in name), k))
        for pivot, names in groups.items():
            kind = _ANY if any(len(chars) == 1 for chars, _k in names) else _NAME
            before, after = _neighbours(names)
            for v in variants(pivot):
                pivots.append((v, kind, before, after, tuple(names)))
        self.pivots = tuple(pivots)

    def search(self, text: str) -> bool:
        """Whether ``text`` may hold a mention that places it in a period."""
        find = text.find
        for v, kind, before, after, group in self.pivots:
            if v not in text:  # ``in`` scans faster than ``find``
                continue
            if kind == _ANY:
                return True  # a one-character name
            p = find(v)
            while p != -1:
                if kind == _ANNIVERSARY:
                    if self._anniversary_at(text, p):
                        return True
                elif (before is None or (p and text[p - 1] in before)) and (
                    after is None or text[p + 1 : p + 2] in after
                ):
                    if kind == _PLAN:
                        for chars, k, strict in group:
                            span = _span_at(text, p, chars, k)
                            if span is not None and _plan_allowed(text, span, strict):
                                return True
                    else:
                        for chars, k in group:
                            if _span_at(text, p, chars, k) is not None:
                                return True
                p = find(v, p + 1)
        return False

    def _anniversary_at(self, text: str, p: int) -> bool:
        """Whether ``<name><N>周年`` may end with the 周 at ``p``."""
        nxt = _forward(text, p + 1)
        if nxt >= len(text) or text[nxt] != "年":
            return False
        i = _back(text, p - 1)
        if i >= 0 and text[i] in " 　":
            i = _back(text, i - 1)
        ends = []  # where the name may end: before 1..5 number characters (and a space)
        number_chars = _number_chars()
        for _ in range(5):
            if i < 0 or not (text[i].isdigit() or text[i] in number_chars):
                break
            i = _back(text, i - 1)
            ends.append(i)
            if i >= 0 and text[i] in " 　":
                ends.append(_back(text, i - 1))
        for last in ends:
            if last < 0:
                continue
            for chars in self.anniversaries:
                if text[last] in chars[-1] and _span_at(text, last, chars, len(chars) - 1):
                    return True
        return False


def _neighbours(
    names: Iterable[tuple[tuple[str, ...], int]],
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The characters (or quotation marks) that may stand right before and right after
    the pivot when one of ``names`` is there; None when a name ends at the pivot."""
    names = tuple(names)
    before: frozenset[str] | None = None
    after: frozenset[str] | None = None
    if all(k > 0 for _chars, k in names):
        before = frozenset("".join(chars[k - 1] for chars, k in names)) | _QUOTES
    if all(k < len(chars) - 1 for chars, k in names):
        after = frozenset("".join(chars[k + 1] for chars, k in names)) | _QUOTES
    return before, after


def _plan_allowed(text: str, span: tuple[int, int], strict: bool) -> bool:
    """Whether a plan's name at ``span`` may count (``evidence._Finder.plan``'s tests)."""
    b, e = span
    n = len(text)
    before = _back(text, b - 1)
    if before >= 0 and _surely_in(text[before], _PLAN_NOT_BEFORE):
        return False  # 二十五, 第十五
    after = _forward(text, e)
    if after < n and _surely_in(text[after], _PLAN_NOT_AFTER):
        return False  # 十五日, 十五个
    if not strict or (b > 0 and text[b - 1] in _QUOTES and e < n and text[e] in _QUOTES):
        return True
    return after < n and _maybe_in(text[after], _STRICT_FIRST)  # 规划, 计划, 期间, 时期


@functools.cache
def weighted_evidence_probe(extensions: tuple[str, ...] = ()) -> _Probe:
    """The DT002 prefilter for the built-in anchors plus ``extensions`` (built once)."""
    return _Probe(load_anchors(extensions))


def weighted_evidence_probed(document: Document, extensions: tuple[str, ...] = ()) -> bool:
    """``may_hold_weighted_evidence`` of a document's text (once per document).

    It is also necessary for any anniversary, point or plan mention (of any weight): the
    probe looks for every name of those anchors whatever follows it.
    """
    return document.memo(_weighted_evidence_probed, tuple(extensions))


def _weighted_evidence_probed(document: Document, extensions: tuple[str, ...]) -> bool:
    return weighted_evidence_probe(extensions).search(document.text)


def may_hold_weighted_evidence(text: str, extensions: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` may mention an era anchor that places it in a period (DT002)."""
    return weighted_evidence_probe(extensions).search(text)
