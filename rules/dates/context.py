"""Where a date stands: content or page chrome, and whether its wording makes it a target,
a deadline, a birth date or a quoted title rather than the text's own present.

The functions on strings judge one line or one window. For a whole document the
per-document indexes below answer the same questions in bounded time per date, however
long the line: ``LineFacts`` judges each line once, ``MarkIndex`` finds the last quote,
title mark or sentence end before a date by bisection instead of scanning back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from lint import Document, Line
from rules.dates.extract import DateExpr, folded_dates
from rules.lazy import LazyPattern
from rules.vocabulary import date_keys, link_line_starts, stop_characters

# Words before a year that make it a target, a deadline or a forecast (到2035年基本实现).
TARGET_BEFORE = (
    "到",
    "至",
    "截至",
    "截止",
    "截止到",
    "直到",
    "迄",
    "预计",
    "预计到",
    "力争",
    "争取",
    "力争到",
    "争取到",
    "确保",
    "计划",
    "目标",
    "预测",
    "展望",
    "生于",
    "出生于",
    "诞生于",
    "公元",
    "于",
    "在",
)
# Words after a year that make it a target, a bound, a cohort or a birth year.
TARGET_AFTER = (
    "前",
    "之前",
    "以前",
    "底前",
    "年底前",
    "左右",
    "远景",
    "目标",
    "以后",
    "后",
    "之后",
    "起",
    "出生",
    "生人",
    "届",
    "级",
    "毕业",
    "入学",
    "版",
    "款",
    "型",
    "止",
    "为止",
    "基本",
    "全面",
    "实现",
    "达到",
    "建成",
    "完成",
    "要",
    "将",
)
# Words before a full date that make it a future event or a deadline (将于2021年7月1日).
FUTURE_BEFORE = (
    "将",
    "将于",
    "拟",
    "拟于",
    "定于",
    "预计",
    "预计于",
    "计划",
    "计划于",
    "截止",
    "截至",
    "截止到",
    "截止日期",
    "到",
    "至",
    "前",
    "于",
    "在",
    "自",
    "从",
    "有效期",
    "期限",
    "开始",
    "报名",
    "举办",
    "举行",
)
FUTURE_AFTER = (
    "前",
    "之前",
    "以前",
    "起",
    "开始",
    "止",
    "截止",
    "施行",
    "实施",
    "生效",
    "举行",
    "举办",
    "召开",
    "开幕",
    "开通",
    "上线",
    "到期",
    "至",
    "到",
    "-",
    "—",
    "~",
)


def _cjk_count(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


def _has_cjk(s: str, n: int) -> bool:
    """Whether ``s`` holds at least ``n`` CJK characters (stops as soon as it does)."""
    for c in s:
        if "\u4e00" <= c <= "\u9fff":
            n -= 1
            if n <= 0:
                return True
    return n <= 0


def is_metadata_line(line_text: str) -> bool:
    """Whether a line is page metadata (发布时间:…, 来源:…)."""
    return any(k in line_text for k in date_keys()) or (
        "时间" in line_text and ("来源" in line_text or "作者" in line_text)
    )


def is_content_line(line_text: str, expr_text: str = "") -> bool:
    """Whether a line is prose: not metadata, not a link list, not a bare date.

    ``expr_text`` is the date on the line being judged: its characters do not count
    toward the six CJK characters a prose line needs.
    """
    stripped = line_text.lstrip(" \t\u3000【[(（")
    if stripped.startswith(chrome_starts()) or is_metadata_line(line_text):
        return False
    return _has_cjk(line_text, 6 + _cjk_count(expr_text))


def inside_title(line_text: str, col: int) -> bool:
    """Whether column ``col`` (0-based) of a line is inside a 《…》 title."""
    head = line_text[:col]
    return head.rfind("《") > head.rfind("》")


def ends_with_any(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[:pos]`` ends with one of ``words``, ignoring one space."""
    if pos > 0 and text[pos - 1] == " ":
        pos -= 1
    if pos == 0:
        # (negative offsets: this has always compared the words with the end of the text)
        return any(text.startswith(w, -len(w)) for w in words)
    return text.endswith(words, 0, pos)


def starts_with_any(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[pos:]`` starts with one of ``words``, ignoring one space."""
    if pos < len(text) and text[pos] == " ":
        pos += 1
    return text.startswith(words, pos)


# Words anywhere in the clause after a year that make it a goal (2020年的目标, 2015年翻一番).
TARGET_CLAUSE_AFTER = (
    "目标",
    "实现",
    "达到",
    "建成",
    "翻番",
    "翻一番",
    "远景",
    "力争",
    "确保",
    "预计",
)
# Scheduled events named by their year (2022年冬奥会, 2010年上海世博会).
EVENTS = (
    "奥运",
    "冬奥",
    "世博",
    "亚运",
    "世界杯",
    "大运会",
    "全运会",
    "运动会",
    "峰会",
    "博览会",
    "锦标赛",
    "世锦赛",
)
# Words in the clause after a lone year that make it the future (2035年,我国将……).
FUTURE_CLAUSE = ("将", "力争", "计划", "预计", "有望", "基本实现", "全面建成")
# Words in the clause before a year that make it a goal (力争在2025年, 计划于2023年).
TARGET_CLAUSE_BEFORE = ("力争", "争取", "预计", "计划", "确保", "目标", "到", "至")
_CLAUSE_STOPS = ",.;:!?。\n"


@cache
def chrome_starts() -> tuple[str, ...]:
    """Starts of lines that link to or list other pages (上一篇, 相关, 标签): their dates are
    not this text's (rules/data/link_line_starts.txt)."""
    return link_line_starts()


@cache
def sentence_stops() -> str:
    """What ends a sentence: the vocabulary's sentence stops (。！？!?) and the line break."""
    return stop_characters("sentence") + "\n"


def _any_of(words: tuple[str, ...]) -> LazyPattern:
    """A pattern that finds any of ``words`` (one search instead of one ``in`` per word),
    compiled on first use."""
    return LazyPattern(re, "|".join(re.escape(w) for w in words))


_TARGET_CLAUSE_AFTER = _any_of(TARGET_CLAUSE_AFTER)
_EVENTS = _any_of(EVENTS)
_FUTURE_CLAUSE = _any_of(FUTURE_CLAUSE)
_TARGET_CLAUSE_BEFORE = _any_of(TARGET_CLAUSE_BEFORE)


_CLAUSE_BODY = LazyPattern(re, f"[^{re.escape(_CLAUSE_STOPS)}]*")
_UP_TO_LAST_STOP = LazyPattern(re, f"(?s).*[{re.escape(_CLAUSE_STOPS)}]")


def clause_after(folded: str, pos: int, limit: int = 15) -> str:
    """The text from ``pos`` to the end of its clause (at most ``limit`` characters)."""
    m = _CLAUSE_BODY.match(folded, pos, pos + limit)
    return m.group() if m else ""


def clause_before(folded: str, pos: int, limit: int = 8) -> str:
    """The text from the start of the clause to ``pos`` (at most ``limit`` characters)."""
    lo = max(0, pos - limit)
    m = _UP_TO_LAST_STOP.match(folded, lo, pos)
    return folded[m.end() if m else lo : pos]


def sentence_span(folded: str, pos: int) -> tuple[int, int]:
    """The sentence (between 。!? or line breaks) around ``pos``."""
    stops = sentence_stops()
    start = max(folded.rfind(c, 0, pos) for c in stops) + 1
    ends = [i for c in stops if (i := folded.find(c, pos)) != -1]
    return start, min(ends) if ends else len(folded)


def is_target_year(folded: str, expr: DateExpr) -> bool:
    """Whether a year is a target, bound, cohort, birth year or an event's name
    (2022年冬奥会) rather than the present."""
    if ends_with_any(folded, expr.start, TARGET_BEFORE) or starts_with_any(
        folded, expr.end, TARGET_AFTER
    ):
        return True
    after = clause_after(folded, expr.end)
    if _TARGET_CLAUSE_AFTER.search(after) or _EVENTS.search(after, 0, 8):
        return True
    if not after.strip() and expr.end < len(folded) and folded[expr.end] == ",":
        # the year stands alone (2035年,我国将基本实现……): read the next clause
        following = clause_after(folded, expr.end + 1, 20)
        if _FUTURE_CLAUSE.search(following):
            return True
    before = clause_before(folded, expr.start)
    return _TARGET_CLAUSE_BEFORE.search(before) is not None


def is_future_wording(folded: str, expr: DateExpr) -> bool:
    """Whether a full date is announced, scheduled or a deadline (将于…举行, …起施行)."""
    return ends_with_any(folded, expr.start, FUTURE_BEFORE) or starts_with_any(
        folded, expr.end, FUTURE_AFTER
    )


# -- per-document indexes ----------------------------------------------------------------


class MarkIndex:
    """Sorted offsets of chosen marks (《, 》, “, sentence ends…) in a text, found on first use."""

    __slots__ = ("_found", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[str, list[int]] = {}

    def offsets(self, marks: str) -> list[int]:
        """Sorted offsets of every character of ``marks`` in the text."""
        found = self._found.get(marks)
        if found is None:
            text = self._text
            found = []
            for mark in marks:
                i = text.find(mark)
                while i != -1:
                    found.append(i)
                    i = text.find(mark, i + 1)
            if len(marks) > 1:
                found.sort()
            self._found[marks] = found
        return found

    def last_before(self, marks: str, lo: int, pos: int) -> int:
        """The last offset of one of ``marks`` in ``lo..pos`` (``pos`` excluded), or -1."""
        found = self.offsets(marks)
        k = bisect_left(found, pos) - 1
        return found[k] if k >= 0 and found[k] >= lo else -1

    def first_from(self, marks: str, pos: int) -> int:
        """The first offset of one of ``marks`` at or after ``pos``, or -1."""
        found = self.offsets(marks)
        k = bisect_left(found, pos)
        return found[k] if k < len(found) else -1

    def is_open(self, opening: str, closing: str, lo: int, pos: int) -> bool:
        """Whether ``lo..pos`` leaves an ``opening`` mark unclosed (``rfind`` compared)."""
        if not self.offsets(opening):
            return False  # the usual case: no such mark in the text
        return self.last_before(opening, lo, pos) > self.last_before(closing, lo, pos)


def marks(document: Document) -> MarkIndex:
    """The mark index of the document's text (one per document)."""
    return document.memo(_marks)


def _marks(document: Document) -> MarkIndex:
    return MarkIndex(document.text)


def folded_marks(document: Document) -> MarkIndex:
    """The mark index of the document's folded text (one per document)."""
    return document.memo(_folded_marks)


def _folded_marks(document: Document) -> MarkIndex:
    return MarkIndex(folded_dates(document))


def document_sentence_span(document: Document, pos: int) -> tuple[int, int]:
    """``sentence_span(folded_dates(document), pos)`` by bisection over the sentence ends."""
    index = folded_marks(document)
    stops = sentence_stops()
    start = index.last_before(stops, 0, pos) + 1
    end = index.first_from(stops, pos)
    return start, end if end != -1 else len(folded_dates(document))


def document_inside_title(document: Document, line: Line, pos: int) -> bool:
    """``inside_title(line.text, pos - line.start)`` without rescanning the line."""
    return marks(document).is_open("《", "》", line.start, pos)


class LineFacts:
    """Whether each line of a document is prose, judged once per line (``is_content_line``)."""

    __slots__ = ("_chrome", "_prose")

    def __init__(self) -> None:
        self._chrome: dict[int, bool] = {}
        self._prose: dict[tuple[int, int], bool] = {}

    def is_content(self, line: Line, expr_text: str = "") -> bool:
        """``is_content_line(line.text, expr_text)``, each line's scans done once."""
        chrome = self._chrome.get(line.number)
        if chrome is None:
            text = line.text
            stripped = text.lstrip(" \t\u3000【[(（")
            chrome = stripped.startswith(chrome_starts()) or is_metadata_line(text)
            self._chrome[line.number] = chrome
        if chrome:
            return False
        key = (line.number, 6 + _cjk_count(expr_text))
        prose = self._prose.get(key)
        if prose is None:
            prose = self._prose[key] = _has_cjk(line.text, key[1])
        return prose


def line_facts(document: Document) -> LineFacts:
    """The line judgements of a document (one per document)."""
    return document.memo(_line_facts)


def _line_facts(document: Document) -> LineFacts:
    return LineFacts()
