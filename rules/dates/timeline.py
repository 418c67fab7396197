"""The text's own timeline: years that fixed points of the same text contradict (DT002).

Where ``era`` asks *when was this text written*, this module asks *does this year fit
the facts written next to it*. Each signal links one year to one fixed point in a
bounded window (the same sentence, a few characters apart) and reports a ``Clash``
when the year cannot be right:

- **calendar** — an event held in a known year (``data/calendar.toml``): a congress or
  plenum with a held-verb (``2012年11月，党的十八大胜利召开``), a session of an NPC or
  CPPCC term (``十二届全国人大三次会议``), games named by their host
  (``2008年北京奥运会``), by their edition (``第29届奥运会``) or by the series alone
  (``2023年奥运会上``), one edition dated twice;
- **anniversary** — ``<event><N>周年`` of the era anchors (``2011年是中国共产党成立90周年``:
  1921 + 90), and an institution's ``建校60周年`` against its one founding year
  (``始建于1956年``);
- **plan** — a year said to be a five-year plan's first, last or N-th year
  (``2011年是“十二五”开局之年``), or one of its years;
- **relative** — a relative reference glossed with a year (``次年（2009年）``,
  ``三年后的2011年``) against the year it counts from, and the ``今年``/``去年`` of one
  article that imply different present years (``今年（2012年）`` … ``去年（2022年）``,
  ``今年…比2021年同期``), the present also pinned by an event of one known year that
  the article dates with 今年/去年 and a held-verb (``党的十八大将于今年下半年召开``);
- **same-event** — ``本届``/``此届``/``该届`` with a year that differs from the year of the
  edition it refers back to (``2014年第十届…运动会`` … ``本届2024年``), and editions of one
  series out of order or too far apart (``第七届（1969年）和第十一届（2023年）…奖``);
- **age** — ``时年N岁``/``享年N岁`` against the one birth year of the article, and an
  age said of a year (``33岁时（2024年）``, ``2000年，18岁的…``) against it or against
  the article's other ages;
- **era gloss** — a year glossed with an era's year (``2023年（平成4年）`` → 1992,
  ``民国9年（1920年）``), ± 1;
- **reversed range** — ``2024年-2001年间``: a range that ends before it starts;
- **to now** — ``从2023年诞生到现在，短短26年``: a span to the present that would end
  after the page's date (or this year);

The last three are gated by their own shapes (``literal_signals``), not probe words, and
so are the signals of ``order.py``: stages of one thing out of order, an event named by
one year held in another, a span 从Y到Z reversed or miscounted, ``N年后`` past the
present, a forecast that dates the text, years listed out of order (a note).
- **duration** — ``2008年开工…历时3年…2023年建成`` (start + N ± 1), and a tenure
  ``2008年加盟…效力5个赛季…2023年转会`` (its gate is not a probe word: 服务, 工作 are common);
- **observance** — ``2023年9月10日是第27个教师节`` (the first was 1985; the data names
  28 observances with their first year, see ``observance.py``);
- **zodiac** — ``2023年是龙年`` (the sexagenary cycle; January and February may still
  carry last year's sign);
- **spike** — a recent year 5+ years after both neighbours of a passage told in order
  (the jump wider than half the neighbours' gap), with no plan word near it: a note, a
  warning when it is the page's metadata year (read before any fix, ``page_date_kept``).

When the two years of a clash could each be the rewritten one (a founding year and a
jubilee, a relative reference and its anchor), the later of them is reported: a site
that rewrites years makes them recent. The calendars are exact, so they report the year
next to the event whatever its direction.

Linear by construction: every fixed point is found from a literal (one alternation of
literals per table, ``str.find``), the year it links to by bisection over the sorted
date expressions, and each link reads a window of at most a few dozen characters.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lint import Document
from rules.dates.context import (
    LineFacts,
    document_inside_title,
    document_sentence_span,
    is_target_year,
    line_facts,
)
from rules.dates.era import Era, estimate
from rules.dates.evidence import Anchor, Evidence, _trie_pattern, evidence, load_anchors
from rules.dates.extract import (
    _CN_YEAR_DIGITS,
    DateExpr,
    cn_number,
    dates,
    fold_width,
    folded_dates,
    has_metadata_key,
    is_traditional,
    page_date_kept,
)
from rules.dates.observance import calendar_data, nth_observances, observances
from rules.dates.order import (
    forecasts,
    incident_years,
    may_hold_forecast,
    may_hold_incident,
    may_hold_named_event,
    may_hold_order,
    may_hold_since_span,
    may_hold_year_list,
    may_hold_years_later,
    named_events,
    since_spans,
    spike_run,
    spike_target,
    stage_orders,
    told_in_order,
    year_lists,
    years_later,
)
from rules.dates.prefilter import page_date_possible, weighted_evidence_probed
from rules.lazy import LazyPattern as _Lazy
from rules.text import articles
from rules.vocabulary import marker_numerals


class Clash(NamedTuple):
    """A year that a fixed point of the same text contradicts."""

    expr: DateExpr  # the year reported
    expected: tuple[int, ...]  # the years the evidence allows, sorted
    evidence: tuple[tuple[str, int], ...]  # (quoted text, offset) of the evidence
    reason: str  # what the evidence says, for the message
    signal: str  # calendar, anniversary, founding, plan, relative, same-event, age, spike
    note: bool = False  # a hint to check, not proof (a chronology spike on its own)
    fixable: bool = True  # whether a pinned year may be suggested

    @property
    def pinned(self) -> int | None:
        """The one year the evidence allows, if it allows exactly one."""
        return self.expected[0] if len(self.expected) == 1 else None


# -- data -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    """An event held in known years (a congress, a plenum, games named by their host)."""

    id: str
    kind: str  # meeting | games
    names: tuple[str, ...]
    years: tuple[int, ...]
    source: str


@dataclass(frozen=True)
class Series:
    """Numbered editions of periodic games (第29届奥运会)."""

    id: str
    names: tuple[str, ...]
    anchors: tuple[tuple[int, int], ...]  # (edition, year), sorted
    every: int
    also: tuple[tuple[int, int], ...]
    source: str
    plain: bool = False  # the name alone after a year names this series

    @functools.cached_property
    def every_year(self) -> tuple[int, ...]:
        """Every year an edition up to the 40th was held in."""
        return tuple(sorted({y for n in range(1, 41) for y in self.years(n)}))

    def years(self, edition: int) -> tuple[int, ...]:
        """The years edition ``edition`` was held (or designated) in."""
        k = bisect_right([a for a, _ in self.anchors], edition) - 1
        if k < 0:
            return ()
        first, year = self.anchors[k]
        out = {year + self.every * (edition - first)}
        out.update(y for e, y in self.also if e == edition)
        return tuple(sorted(out))


@functools.cache
def calendar() -> tuple[tuple[Event, ...], tuple[Series, ...]]:
    """The events and series of ``data/calendar.toml`` (loaded once per process)."""
    data = calendar_data()
    events = tuple(
        Event(
            row["id"],
            row["kind"],
            tuple(row["names"]),
            tuple(sorted(row["years"])),
            row["source"],
        )
        for row in data.get("event", ())
    )
    series = tuple(
        Series(
            row["id"],
            tuple(row["names"]),
            tuple(sorted((a, b) for a, b in row["anchors"])),
            int(row["every"]),
            tuple((a, b) for a, b in row.get("also", ())),
            row["source"],
            bool(row.get("plain", False)),
        )
        for row in data.get("series", ())
    )
    for event in events:
        if event.kind not in ("meeting", "games"):
            raise ValueError(f"calendar event {event.id!r}: unknown kind {event.kind!r}")
    return events, series


class _Names(NamedTuple):
    pattern: re.Pattern[str]
    events: dict[str, Event]
    series: dict[str, Series]


@functools.cache
def _calendar_names() -> _Names:
    events, series = calendar()
    by_name_e = {n: e for e in events for n in e.names}
    by_name_s = {n: s for s in series for n in s.names}
    return _Names(re.compile(_trie_pattern([*by_name_e, *by_name_s])), by_name_e, by_name_s)


# Literals one of which every signal needs: a document without any is not read further.
_PROBE_WORDS = (
    "次会议",
    "历时",
    "历经",
    "耗时",
    "用时",
    "用了",
    "周年",
    "之年",
    "第一年",
    "最后一年",
    "首年",
    "同年",
    "次年",
    "翌年",
    "第二年",
    "年后",
    "今年",
    "去年",
    "届",
    "鼠年",
    "牛年",
    "虎年",
    "兔年",
    "龙年",
    "蛇年",
    "马年",
    "羊年",
    "猴年",
    "鸡年",
    "狗年",
    "猪年",
    "岁",
)


class _Probe(NamedTuple):
    backward: re.Pattern[str]  # every word reversed, in one trie: read on the reversed text
    ends: dict[str, tuple[str, ...]]  # each reversed word → the words it ends with
    words: frozenset[str]
    calendar: frozenset[str]  # the names of events and series, and 次会议
    observances: frozenset[str]  # the names of observances
    tenure: frozenset[str]  # the verbs of a tenure (found in the same pass; no probe word)


@functools.cache
def _probe() -> _Probe:
    events, series = calendar()
    names = [n for e in events for n in e.names] + [n for s in series for n in s.names]
    observed = [n for o in observances() for n in o.names]  # (observance.py reads them too)
    words = sorted({*_PROBE_WORDS, *names, *observed, *_TENURE_WORDS})
    for word in words:  # (a word the folding changes would be missed in the raw text)
        if fold_width(word) != word:
            raise ValueError(f"calendar name {word!r}: write it without full-width forms")
    # The words end with a handful of characters (会, 日, 年, 节…) but start with some
    # seventy: a trie of the reversed words tries far fewer branches at each offset.
    ends = {w[::-1]: tuple(v for v in words if w.endswith(v)) for w in words}
    return _Probe(
        re.compile(_trie_pattern(ends)),
        ends,
        frozenset(words),
        frozenset([*names, "次会议"]),
        frozenset(observed),
        frozenset(_TENURE_WORDS),
    )


def probe_words(text: str) -> frozenset[str]:
    """The probe words that occur in ``text``, read on the reversed text: each match is
    the longest reversed word at its offset (its suffixes are there too), and the offsets
    inside a match, which the next match skips, are tried one by one."""
    probe = _probe()
    pattern = probe.backward
    ends = probe.ends
    backward = text[::-1]
    found: set[str] = set()
    for m in pattern.finditer(backward):
        found.update(ends[m.group()])
        for i in range(m.start() + 1, m.end()):
            inner = pattern.match(backward, i)
            if inner is not None:
                found.update(ends[inner.group()])
    return frozenset(found)


# 年 after 19xx/20xx (maybe after a space): found from the literal 年, the digits
# checked behind it (a pattern that starts with a literal scans fast)
_FOUR_DIGIT_YEAR = _Lazy(
    re,  # (one lookbehind per century and width: each a plain literal)
    "年(?:(?<=19[0-9][0-9]年)|(?<=20[0-9][0-9]年)|(?<=19[0-9][0-9] 年)|(?<=20[0-9][0-9] 年))",
)


def may_hold_spike(text: str) -> bool:
    """Whether a text has three years or more (a chronology spike needs two neighbours)."""
    if text.count("年") < 3:
        return False
    years = _FOUR_DIGIT_YEAR.finditer(text)
    return (
        next(years, None) is not None
        and next(years, None) is not None
        and (next(years, None) is not None)
    )


# Every clash reports a year or a date of ``extract.dates`` (a year/date expression with
# its year): one needs four digits, ASCII, full-width or Chinese year digits, right before
# 年 (maybe after a space), or a numeric date (2012-05-03). The raw text is read (the
# folding maps no other character onto a digit), each pattern from its literal: 年, or
# the numeric date's first separator.
_YEAR_DIGIT = "[0-9０-９〇零○ＯO一二三四五六七八九]"
_YEAR_BEFORE = _Lazy(re, f"年(?:(?<={_YEAR_DIGIT}{{4}}年)|(?<={_YEAR_DIGIT}{{4}}[ 　]年))")
_NUMERIC_SEPARATORS = tuple(
    (sep, _Lazy(re, f"{re.escape(sep)}(?<=[12１２][09０９]\\d\\d{re.escape(sep)})"))
    for sep in "-/.－／．"
)


def may_hold_year(text: str) -> bool:
    """Whether ``text`` may hold a year or date expression with its year (a literal look)."""
    if "年" in text and _YEAR_BEFORE.search(text) is not None:
        return True
    return any(
        sep in text and pattern.search(text) is not None for sep, pattern in _NUMERIC_SEPARATORS
    )


def may_hold_tenure(document: Document) -> bool:
    """Whether a text says how long someone served (效力5个赛季, 服务了25年): its verbs are
    found with the probe words, then the pattern (full-width digits accepted)."""
    words = timeline_words(document)
    return (
        bool(words)
        and not _probe().tenure.isdisjoint(words)
        and _TENURE_RAW.search(document.text) is not None
    )


# The first year of each era name a year may be glossed with, minus one: 民国N年 is
# 1911 + N (民国元年 = 1912), 平成N年 1988 + N. Era years met Gregorian ones mid-year
# (昭和元年 began 25 December 1926) and lunar dates cross New Year: one year of slack.
_ERA_BASE = {
    "民国": 1911,
    "民國": 1911,
    "大正": 1911,
    "昭和": 1925,
    "平成": 1988,
    "令和": 2018,
    "明治": 1867,
    "光绪": 1874,
    "光緒": 1874,
    "宣统": 1908,
    "宣統": 1908,
}
_ERA_NUMBER = "(?:[0-9０-９]{1,3}|元|[一二三四五六七八九十〇零]{1,4})"
_ERA_YEAR_RAW = _Lazy(re, f"(?:{'|'.join(_ERA_BASE)}){_ERA_NUMBER}年")  # (from the name)
_ERA_YEAR = _Lazy(
    re, f"({'|'.join(_ERA_BASE)})([0-9]{{1,3}}|元|[一二三四五六七八九十〇零]{{1,4}})年"
)
_GLOSS_OPEN = ("(", "（")
_GLOSS_BEFORE = ("年(", "年（", "年(即", "年（即", "年,即", "年，即")  # (raw text)
# in every gloss: one of _GLOSS_BEFORE, or the era year's 年 before one of _GLOSS_OPEN
_GLOSS_MARK = _Lazy(re, "年(?:[(（]|[,，]即)")


def may_hold_era_gloss(text: str) -> bool:
    """Whether a text glosses a year with an era's year (1992年（平成4年）, 民国9年（1920年）):
    a literal look for the era names, then at the few characters around each."""
    if _GLOSS_MARK.search(text) is None:
        return False  # (every gloss opens after a 年: 年（, 年，即; one literal-led scan)
    for name in _ERA_BASE:  # (an ``in`` per name scans faster than one alternation)
        if name in text:
            break
    else:
        return False
    for m in _ERA_YEAR_RAW.finditer(text):
        if text.endswith(_GLOSS_BEFORE, max(0, m.start() - 3), m.start()):
            return True
        if text.startswith(_GLOSS_OPEN, m.end()) and _YEAR_BEFORE.match(text, m.end() + 5):
            return True
    return False


# A range written backwards (2024年-2001年间, 2024年12月至2001年1月): found from its
# separator before a year, the year or date before it read behind (in Python: such
# ranges are few).
_RANGE_SEPARATORS = ("-", "—", "–", "至", "到", "~", "－", "～")
_RANGE_START = _Lazy(
    re, "([12１２][0-9０-９]{3})年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号])?)?$"
)


# (a separator after 年/月/日/号 and before a year, found from that year's 年, five
# characters on: a pattern led by a literal scans many times faster than one led by a class)
_RANGE_END_RAW = _Lazy(re, "年(?<=[年月日号][-—–至到~－～][12１２][0-9０-９]{3}年)")


def may_hold_reversed_range(text: str) -> bool:
    """Whether a range of two years ends before it starts (2024年-2001年): a literal look."""
    for m in _RANGE_END_RAW.finditer(text):
        p = m.start() - 5  # the separator
        start = _RANGE_START.search(text, max(0, p - 10), p)
        if start is not None and int(start[1]) > int(text[p + 1 : p + 5]):
            return True
    return False


# A span from a year to the present, counted (从2000年到现在，已有26年; 2000年至今已20年;
# 自2000年来京，这是我8年来…): the present it implies is the year + N. Found from the
# present's words, literals; the count follows within a few filler words.
_TO_NOW_WORDS = ("到现在", "至今", "到今天", "迄今", "到如今", "到目前", "至现在", "年来")
_TO_NOW = _Lazy(
    re,
    "(?:(?:到现在|至今|到今天|迄今|到如今|到目前|至现在)(?:为止)?,?"
    "(?:已经有|已经|已有|已|有|才|仅仅|仅|只有|不过|短短的?|整整|足足|过去了|经过了|经过|历经|"
    "快|近|将近|差不多|共|一共|总共|大约|约|了)*)"
    "(?P<n>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?P<more>多)?个?年(?P<lai>来)?"
    "(?!代|级|前|后|初|底|末|度|内|教龄|工龄|党龄|军龄|龄)",
)
_COUNT_DIGITS = frozenset("0123456789一二三四五六七八九十两")
_TO_NOW_RAW = _Lazy(
    re,
    "(?:到现在|至今|到今天|迄今|到如今|到目前|至现在)(?:为止)?[,，]?"
    "[^。！？!?;；\n]{0,8}?(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})多?个?年"
    "|年来(?<=[0-9０-９一二三四五六七八九十两]年来)",
)
_ALMOST = ("快", "近", "将近", "差不多")
_TO_NOW_LITERALS = _Lazy(re, "到现在|至今|到今天|迄今|到如今|到目前|至现在|年来")
_YEAR_RAW = _Lazy(re, "年(?<=[12１２][0-9０-９]{3}年)")
_SINCE_YEAR_RAW = _Lazy(re, "[从自](?=[12１２][0-9０-９]{3}年)")
_PRESENT_WORDS = _TO_NOW_WORDS[:-1]  # (the words of ``_TO_NOW_RAW``'s first branch)
_RAW_COUNT_DIGITS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两")


def _year_before(text: str, p: int, since: bool) -> bool:
    """Whether the present's word at ``p`` has its year before it: a year (``_YEAR_RAW``)
    within 18 characters, or for ``N年来`` (``since``) a year after 从/自 within 40."""
    if since:
        return _SINCE_YEAR_RAW.search(text, max(0, p - 40), p) is not None
    return _YEAR_RAW.search(text, max(0, p - 18), p) is not None


def may_hold_span_to_now(text: str) -> bool:
    """Whether a text counts the years from a year to its present: a literal look for the
    present's words, then a year (after 从/自 for N年来) in the few characters before.

    The words are found with ``str.find`` (an alternation would scan the whole text),
    and ``_TO_NOW_RAW`` tried at each, in order and past the end of its last match: the
    matches a scan would find (every match starts with one of the words)."""
    starts: list[int] = []
    dated = False  # some word has its year before it
    jin = "今" in text  # (four of the words hold 今: one look at a character skips them)
    for w in _TO_NOW_WORDS:
        if not jin and "今" in w:
            continue
        since = w == "年来"
        p = text.find(w)
        while p != -1:
            starts.append(p)
            if not dated and (not since or (p and text[p - 1] in _RAW_COUNT_DIGITS)):
                dated = _year_before(text, p, since)
            p = text.find(w, p + 1)
    if not dated:
        return False
    starts.sort()
    end = 0
    for p in starts:
        if p < end:
            continue
        m = _TO_NOW_RAW.match(text, p)
        if m is None:
            continue
        end = m.end()
        if _year_before(text, p, m.group().startswith("年来")):
            return True
    return False


def _counts_to_now(f: str) -> Iterator[tuple[int, int, str, bool, bool]]:
    """(start, end, number, almost, N年来) of each count of years to the present in the
    folded text, in order: ``到现在，短短26年`` (from the present's words, literals) and
    ``这是我8年来`` (from the literal 年来, the number read behind it)."""
    found = []
    if _TO_NOW_LITERALS.search(f) is not None:
        for m in _TO_NOW.finditer(f):
            almost = f[m.start() : m.start("n")].endswith(_ALMOST)
            found.append((m.start(), m.end(), m["n"], almost, False))
        p = f.find("年来")
        while p != -1:
            j = p
            while j > p - 3 and j > 0 and f[j - 1] in _COUNT_DIGITS:
                j -= 1
            if j < p and j > 0 and f[j - 1] in ",的这我他她":
                found.append((j, p + 2, f[j:p], False, True))
            p = f.find("年来", p + 2)
        found.sort()
    return iter(found)


def literal_signals(document: Document) -> frozenset[str]:
    """The signals gated by a shape of their own rather than a probe word (era-gloss,
    reversed-range, to-now) whose shape the text holds (once per document)."""
    return document.memo(_literal_signals)


def _literal_signals(document: Document) -> frozenset[str]:
    text = document.text
    found = []
    if may_hold_era_gloss(text):
        found.append("era-gloss")
    if may_hold_reversed_range(text):
        found.append("reversed-range")
    if may_hold_span_to_now(text):
        found.append("to-now")
    if may_hold_order(document):
        found.append("stage-order")
    if may_hold_named_event(document):
        found.append("named-event")
    if may_hold_years_later(document):
        found.append("years-later")
    if may_hold_since_span(document):
        found.append("since-span")
    if may_hold_forecast(document):
        found.append("forecast")
    if may_hold_incident(document):
        found.append("incident")
    if may_hold_year_list(document):
        found.append("year-list")
    return frozenset(found)


def timeline_probed(document: Document) -> bool:
    """``may_hold_timeline`` of the document's text (once per document: the words found
    are kept for the signals' tests)."""
    return "年" in document.text and not _probe().tenure.issuperset(timeline_words(document))


def observance_probed(document: Document) -> bool:
    """``observance.may_hold_observance`` of the document's text, read from its probe
    words (every observance's name is one): no scan of the text by the names."""
    text = document.text
    return (
        not _probe().observances.isdisjoint(timeline_words(document))
        and "个" in text
        and "第" in text
    )


def timeline_words(document: Document) -> frozenset[str]:
    """``probe_words`` of the document's text (once per document)."""
    return document.memo(_timeline_words)


def _timeline_words(document: Document) -> frozenset[str]:
    return probe_words(document.text)


def may_hold_timeline(text: str) -> bool:
    """Whether a text holds a word one of the timeline signals starts from (a literal
    look: pages in traditional characters are read by the era evidence only)."""
    return "年" in text and not _probe().tenure.issuperset(probe_words(text))


# -- the analysis ------------------------------------------------------------------------


def timeline(document: Document, extensions: tuple[str, ...] = ()) -> list[Clash]:
    """Every clash of the document's own timeline, one per year, sorted by position."""
    return document.memo(_timeline, tuple(extensions))


def _timeline(document: Document, extensions: tuple[str, ...]) -> list[Clash]:
    text = document.text
    probed = timeline_probed(document)
    spiked = probed or may_hold_spike(text)  # (the texts whose spikes are judged)
    tenure = may_hold_tenure(document)
    extra = literal_signals(document)
    if not spiked and not tenure and not extra:
        return []
    if not may_hold_year(text):
        return []  # every clash reports one of the document's years
    if not probed and not tenure and not extra and not _may_spike_in(document):
        return []  # (the spike test of the raw text)
    t = _Timeline(document, extensions)
    signals = t.possible_signals(probed, spiked=spiked, tenure=tenure, extra=extra)
    if not signals or not (t.years or "to-now" in extra):
        return []  # (the years are extracted only when some signal can link one; a span
        # to the present may count from a since-range, which ``years`` leaves out)
    found: dict[int, Clash] = {}
    for signal in signals:
        for clash in signal():
            found.setdefault(clash.expr.start, clash)
    return [found[k] for k in sorted(found)]


# a meeting's held-verb: 召开 / 举行 / 开幕 / 闭幕, maybe after 隆重/胜利 and a place
_HELD = _Lazy(
    re, r"(?:在[^,.;:!?()\n]{1,6}?)?(?:隆重|胜利|顺利|成功|圆满)?(?:召开|举行|举办|开幕|闭幕)"
)
# between a year and the event it dates: a comma, a held-verb + 的, the party's name
_YEAR_TO_EVENT = _Lazy(
    re,
    r"[,]?(?:在[^,.;:!?()\n]{0,6}?)?(?:隆重|胜利|顺利|成功)?(?:召开|举行|举办)?的?"
    r"(?:中国共产党|中共|党的|我党)?",
)
# after a series' bare name right after a year: the games themselves
_AT_THE_SERIES = ("上", "期间", "开幕", "闭幕", "举行", "举办", "落幕", "比赛", "赛场", "赛事")
# after an event's held-verb: a time measured from the event, not its date
_SINCE_HELD = ("以来", "后", "之后", "以后", "前", "之前", "前夕", "一周年", "周年", "已")
# between a year and a numbered edition: the year someone took part in it
_TAKING_PART = ("获", "夺", "摘得", "赢得", "参加", "出战", "参赛", "亮相", "入选")
_NOT_TAKING_PART = (
    "备战",
    "回",
    "纪念",
    "为",
    "迎",
    "申",
    "筹",
    "前",
    "后",
    "以来",
    "预",
    "资格",
    "门票",
    "入场券",
    "选拔",
)
_EVENT_TO_YEAR = ("于", "在", "是在", "于北京", "在北京")
# after a host-named event: a stage or an errand before it, not the event itself
# after a host-named event right after its year: the games themselves (2008年北京奥运会上,
# …期间, …金牌), not an errand before them (2019年北京冬奥会吉祥物发布, …申办, …预选赛)
_AT_THE_GAMES = (
    "上",
    "期间",
    "中",
    "开幕",
    "闭幕",
    "比赛",
    "赛场",
    "决赛",
    "赛事",
    "冠军",
    "金牌",
    "银牌",
    "铜牌",
    "的比赛",
    "的赛场",
    "的冠军",
    "的金牌",
    "举行",
    "举办",
    "落幕",
    "主体育场",
    "主场馆",
    "比完",
    ",",
    "。",
)
_PARTY = ("中国共产党", "党的", "中共")
# the sessions of a National People's Congress or CPPCC term: the 5th term met first in
# 1978 and every term since lasts five years, one plenary session a year (zh.wikipedia:
# 全国人民代表大会; 中国人民政治协商会议全国委员会)
_FIRST_SESSION = 1978
_CN = marker_numerals()  # 一 … 十
_SESSION = _Lazy(
    re,
    rf"(?:第?(?P<term>[{_CN}]{{1,3}})届全国(?:人大|人民代表大会)"
    rf"|全国(?:人大|政协)(?P<term2>[{_CN}]{{1,3}})届"
    rf"|第?(?P<term3>[{_CN}]{{1,3}})届全国政协"
    rf"|政协第?(?P<term4>[{_CN}]{{1,3}})届全国委员会)"
    rf"第?(?P<session>[{_CN}])次会议",
)
_EDITION = _Lazy(re, r"第([0-9一二三四五六七八九十百]{1,4})届$")
# a year said to be an anniversary (2011年是…周年), or a plan's year
_IS = _Lazy(
    re,
    r"(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?[,]?"
    r"(?:是|为|作为|既是|也是|又是|正值|恰逢|适逢|欣逢|时值|正逢|迎来了?|喜迎)",
)
_PREPARING = ("迎接", "喜迎", "迎来", "献礼", "前夕", "即将", "倒计时", "筹备", "将迎")
_LATER = ("以来", "之后", "以后", "后")
_PLAN_YEAR = _Lazy(
    re,
    r"[\"”]?(?:规划|计划)?(?:的|时期的|期间的)?"
    r"(开局之年|开局年|起步之年|第一年|首年|收官之年|最后一年|攻坚之年|关键之年|决胜之年|"
    r"决战之年|重要之年|承上启下之年|第([二三四五])年)",
)
_FIRST_YEAR = ("开局之年", "开局年", "起步之年", "第一年", "首年")
_LAST_YEAR = ("收官之年", "最后一年")
_PLAN_IS = _Lazy(
    re,
    r"[,]?(?:是|为|作为|既是|也是|又是|正值|恰逢)(?:我国|全国|我省|我市|我县|我区|国家)?"
    r"(?:实施|推进|落实|执行)?[\"“]?$",
)
_FOUNDED_BEFORE = ("成立于", "创建于", "始建于", "创办于", "创立于", "组建于", "建于")
_FOUNDED_AFTER = ("成立", "建校", "创建", "创办", "创立", "组建", "建院")
# the thing a jubilee word counts from must be named before the founding year
_JUBILEE_OF = {
    "建校": "校学",
    "校庆": "校学",
    "办学": "校学",
    "建院": "院",
    "建厂": "厂",
    "建馆": "馆",
    "建所": "所",
    "创刊": "刊报志",
    "建社": "社",
}
_KIN = (
    "母亲",
    "父亲",
    "妻子",
    "夫人",
    "丈夫",
    "儿子",
    "女儿",
    "老伴",
    "祖父",
    "祖母",
    "爷爷",
    "奶奶",
)
_KIN += ("外公", "外婆", "岳父", "岳母", "哥哥", "姐姐", "弟弟", "妹妹", "老师", "师父", "朋友")
_GLOSS_ENDS = (",", ".", ";", ":", "!", "?", ")", "。", "的")
_JUBILEE_NAMES = ("建校", "校庆", "建院", "成立", "建厂", "建馆", "创刊", "建所", "办学", "建社")
_BORN_BEFORE = ("生于", "出生于", "诞生于")
_BORN_AFTER = ("出生", "生人")
_AGE = _Lazy(re, r"(时年|享年|年仅|年方)([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁")
_RELATIVE = _Lazy(re, "同年|次年|翌年|第二年|年之后|年后")  # literals only: fast
_COUNT_BACK = _Lazy(re, "(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})$")
# (当年 is left out: 当年（1978年） recalls any earlier time, not the last year named)
_RELATIVE_DELTA = {"同年": 0, "次年": 1, "翌年": 1, "第二年": 1}
# 今年（2012年） / 今年，即2012年 / 今年是2012年: a gloss of the present
_PRESENT = _Lazy(re, r"(今年|去年|明年|前年)(?:[(]|,?即|是|为)")
_PRESENT_OFFSET = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}
# an event of one known year dated by a relative year: 今年召开的党的十八大 (the present is
# 2012), 十八大将于今年下半年在北京召开, 北京奥运会于去年8月8日开幕 (2009); a held-verb ties
# the relative year to the event itself
_RELATIVE_HELD = r"(?:隆重|胜利|顺利|成功|圆满)?(?:召开|举行|举办|开幕|闭幕)"
_RELATIVE_BEFORE_EVENT = _Lazy(
    re,
    r"(?P<rel>今年|去年|明年|前年)(?:[0-9一二三四五六七八九十]{1,2}月"
    r"(?:[0-9一二三四五六七八九十]{1,3}[日号])?)?(?:在[^,.;:!?()\n]{1,6}?)?"
    + _RELATIVE_HELD
    + r"的(?:中国共产党|党的|中共)?$",
)
_RELATIVE_AFTER_EVENT = _Lazy(
    re, r"(?:将|已|已经)?(?:于|在)(?P<rel>今年|去年|明年|前年)[^,.;:!?()\n]{0,8}?" + _RELATIVE_HELD
)
_SAME_PERIOD = _Lazy(re, r"(?:比|较|与|同)$")
_DURATION = _Lazy(
    re, r"(?:历时|历经|耗时|用时|用了)([0-9]{1,2}|[一二三四五六七八九十两]{1,3})年(?!代|级)"
)
# a tenure: 效力5个赛季, 服务了25年, 执教一个半赛季, 任教三年半 (N, and a half)
_TENURE_WORDS = ("效力", "服务", "执教", "任教", "任职", "供职")
_TENURE_VERBS = "|".join(_TENURE_WORDS)
_TENURE = _Lazy(
    re,
    f"(?:{_TENURE_VERBS})了?(?P<n>[0-9]{{1,2}}|[一二三四五六七八九十两]{{1,3}})"
    "(?P<unit>个半赛季|个赛季|赛季|年半|年)(?!代|级)",
)
_TENURE_RAW = _Lazy(
    re,
    f"(?:{_TENURE_VERBS})了?(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十两]{{1,3}})"
    "(?:个半赛季|个赛季|赛季|年半|年)(?!代|级)",
)
_JOINED = (
    "加盟",
    "加入",
    "入职",
    "参加工作",
    "入伍",
    "签约",
    "来到",
    "调入",
    "就任",
    "出任",
    "上任",
    "到任",
)
_LEFT = ("离开", "退役", "退休", "转会", "离任", "卸任", "离职", "调离", "告别", "挂靴", "转投")
_STARTED = ("开工", "动工", "启动", "开始", "始建", "开建", "着手", "立项", "开挖", "开办")
_FINISHED = ("建成", "完成", "竣工", "通车", "落成", "出版", "问世", "完工", "投产", "结束", "告成")
# between a year and an observance: the date, 是/迎来/恰逢, 我国的
_OBSERVANCE_GAP = _Lazy(
    re,
    "(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?[,]?"
    "(?:是|为|即|迎来了?|喜迎|恰逢|正值|适逢|欣逢|在|是我们|是我国)?(?:我国|全国|中国)?的?",
)
# the sexagenary cycle: 1984 was 甲子, the year of the rat
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ANIMALS = "鼠牛虎兔龙蛇马羊猴鸡狗猪"
# after a year: its place in the cycle (2012年是壬辰龙年, 2012年（龙年）)
_CYCLE_AFTER = _Lazy(
    re,
    "(?:是|为|乃|,|\\(|即)?(?:农历)?"
    f"(?:(?P<stem>[{_STEMS}])(?P<branch>[{_BRANCHES}]))?(?P<animal>[{_ANIMALS}])?年",
)
_COREF = _Lazy(re, r"本届|此届|该届|这届")
_COREF_GAP = _Lazy(re, "(?:(?:举行|举办|召开)?的)?")  # 2024年的这届, 2024年举行的这届
_COREF_RAW = _Lazy(re, "届(?<=[本此该这]届)")  # (the same matches, found from 届)
_THIS_YEAR = datetime.date.today().year
_RECENT = 15  # a rewritten year lies within this many years before the page's date
# A year that ``calendar`` links starts at most this many characters before the name:
# 20 (a session's term) + 14 (the gap) + 20 (a date's length), rounded up.
_CALENDAR_REACH = 60
_SPIKE_REACH = 300  # neighbours of a spike lie within this many characters
_SPIKE_BLOCK_BEFORE = ("(", "（", "《", "至", "到", "-", "—", "~")
_CLAUSE_END = _Lazy(re, "[,;。!?\n]")
_NEIGHBOUR_BLOCK_BEFORE = ("(", "（", "《")  # a neighbour may be a target done or a range end
# a plan word near a spike (到/至 only right before a year: 《到爱的距离》 is a title)
_FUTURE_NEAR = _Lazy(
    re, "预计|将|计划|目标|规划|展望|力争|远景|(?:到|至)(?=[0-9一二]{4} ?年|[0-9]{4}[-/.])"
)
_EDITION_LABEL = _Lazy(
    re, r"第[0-9一二三四五六七八九十百]{1,4}届[^,.;:!?()\n]{1,14}?(?:会|赛|节|展|奖)"
)
# the literal needs of signals (``_Timeline.possible_signals``): a relative word with a
# gloss after it (``relative``), a stem or animal before 年 (``zodiac``)
# (a year or date expression starts with an ASCII digit, or with 一 or 二 when Chinese)
_GLOSSED_RELATIVE = _Lazy(re, r"(?:同年|次年|翌年|第二年|年之后|年后)(?:[(]|,?即|的|,) ?[0-9一二]")
# an edition label right after a year or a date (which ends with 年, 月, 日, 号 or a digit)
_DATED_EDITION = _Lazy(
    re, r"[年月日号\d]的?第[0-9一二三四五六七八九十百]{1,4}届[^,.;:!?()\n]{1,14}?(?:会|赛|节|展|奖)"
)
# The gates of some signals, read on the raw text: each accepts the full-width forms the
# folding maps (``extract._FOLD_PAIRS``), so it matches wherever its namesake matches the
# folded text, which is made only when a gate lets a signal through.
_W_DIGIT = "0-9０-９"
_GLOSSED_RELATIVE_RAW = _Lazy(
    re, f"(?:同年|次年|翌年|第二年|年之后|年后)(?:[(（]|[,，]?即|的|[,，])[ 　]?[{_W_DIGIT}一二]"
)
_PRESENT_RAW = _Lazy(re, "(?:今年|去年|明年|前年)(?:[(（]|[,，]?即|是|为)")
_EDITION_NUMBER = f"[{_W_DIGIT}一二三四五六七八九十百]"
_DATED_EDITION_RAW = _Lazy(
    re,  # (from the literal 届, what comes before it read behind it)
    "届(?:"
    + "|".join(
        f"(?<=[年月日号\\d]{de}第{_EDITION_NUMBER}{{{n}}}届)"
        for de in ("", "的")
        for n in (1, 2, 3, 4)
    )
    + ")[^,.;:!?()\\n，．；：！？（）]{1,14}?(?:会|赛|节|展|奖)",
)
# An age said of a year: ``33岁时（2024年）`` (a gloss), or ``2000年，18岁的钢琴家`` /
# ``1993年，也就是你22岁那年`` (the year before it in its sentence); found from 岁.
_AGE_SAID = _Lazy(re, "岁(时|那年|的时候|的)?")  # (the age read behind 岁: a literal scan)
_AGE_DIGITS = frozenset("0123456789一二三四五六七八九十")
_AGE_SAID_RAW = _Lazy(re, f"岁(?<=[{_W_DIGIT}一二三四五六七八九十]岁)(?:时|那年|的|[(（])")
_AGE_OTHER = (
    "与",
    "和",
    "同",
    "跟",
    "及",
    "、",
    "娶",
    "嫁给",
    "比",
    "享年",
    "时年",
    "年仅",
    "年方",
)
_KIN_BORN = (*_KIN, "孩子", "孙", "女")  # 他的儿子于2007年出生: another birth
_KIN_AFTER = ("儿", "女", "子", "孙", "妻", "夫", "母", "父", "妈", "爸", "哥", "姐", "弟", "妹")
# numbered editions of one series with their years (第七届（1969年）和第十一届（2023年）
# 台湾金马奖, 2008年第十届…节 … 2023年第十二届…节): editions go forward in time
_EDITION_NTH = _Lazy(re, "第([0-9一二三四五六七八九十百]{1,4})届")
_EDITION_NAME = _Lazy(re, r"[^,.;:!?()\n和与及、]{1,14}?(?:会|赛|节|展|奖)")
_EDITION_GLOSS_RAW = _Lazy(
    re, f"届(?<={_EDITION_NUMBER}届)[^。，,()（）\n]{{0,14}}[(（][12１２][{_W_DIGIT}]{{3}}年"
)
_SHARED_NAME = ("和", "与", "及", "、", ",")
# the body before 第N届 (省作家协会第八届理事会): read back to punctuation, a conjunction, a
# verb or particle, or a number (a year), at most this many characters
_EDITION_BODY_STOP = frozenset(
    ",.;:!?()[]\"'“”‘’《》<> \t\n。，；：！？「」『』【】〔〕…—·和与及、获过在了是为于的0123456789"
)
_EDITION_BODY_WINDOW = 12
_AGE_RAW = _Lazy(
    re, f"(?:时年|享年|年仅|年方)(?:[{_W_DIGIT}]{{1,3}}|[一二三四五六七八九十]{{1,3}})(?:周)?岁"
)
_DURATION_RAW = _Lazy(
    re,
    f"(?:历时|历经|耗时|用时|用了)(?:[{_W_DIGIT}]{{1,2}}|[一二三四五六七八九十两]{{1,3}})年(?!代|级)",
)
# every word ``_PLAN_YEAR`` reads holds one of these
_PLAN_YEAR_WORDS = ("之年", "开局年", "首年", "一年", "第二年", "第三年", "第四年", "第五年")
_RELATIVE_WORDS = ("年后", "同年", "次年", "翌年", "第二年", "年之后")
_DURATION_WORDS = ("历时", "历经", "耗时", "用时", "用了")
_RELATIVE_PROBED = ("年后", "同年", "次年", "翌年", "第二年")  # (年之后 is no probe word)
_CYCLE_NAMED = _Lazy(
    re, f"年(?:(?<=[{_ANIMALS}]年)|(?<=[{_STEMS}][{_BRANCHES}]年))"
)  # 年 first: fast
# every year ``extract`` can read as 1900 or later, and more: four ASCII digits before
# 年 after four year digits (19xx, 2xxx; 一九xx, 二xxx), maybe after a space: found from the
# literal 年, the digits read behind it; numeric dates (2012-05-03, ``extract._NUMERIC``'s
# matches) from their first separator, the year read behind it. Full-width digits, spaces
# and separators are accepted, so the raw text gives the years of its folded copy.
_CN_DIGIT = "〇零○ＯO一二三四五六七八九"
_ASCII_YEAR = "[12１２][0-9０-９]{3}"
_CN_YEAR = f"(?:一九|二[{_CN_DIGIT}])[{_CN_DIGIT}][{_CN_DIGIT}]"
_YEARS = _Lazy(  # (both kinds in one pass, in order)
    re,
    f"年(?:(?<={_ASCII_YEAR}年)|(?<={_ASCII_YEAR}[ 　]年)"
    f"|(?<={_CN_YEAR}年)|(?<={_CN_YEAR}[ 　]年))",
)
_NUMERIC_DATES = tuple(
    (
        first,
        _Lazy(
            re,
            f"{re.escape(first)}(?<=(?:[1１][9９]|[2２][0０])\\d\\d{re.escape(first)})"
            f"\\d{{1,2}}[{re.escape(seps)}]\\d{{1,2}}(?!\\d)",
        ),
    )
    for seps in ("-－", "/／", ".．")
    for first in seps
)


def _cn_year_value(chinese: str) -> int:
    """The value of four Chinese year digits (二〇一二 = 2012)."""
    value = 0
    for c in chinese:
        value = value * 10 + _CN_YEAR_DIGITS[c]
    return value


def _years_in_order(text: str) -> list[tuple[int, int]]:
    """(start, year) of the years of 1900 and later, in order: ``2012年``, ``二〇一二年``
    and numeric dates (the raw text and its folded copy give the same)."""
    found: list[tuple[int, int]] = []
    for m in _YEARS.finditer(text):
        p = m.start()
        s = p - 5 if text[p - 1] in " 　" else p - 4
        if text[s] in "一二":
            found.append((s, _cn_year_value(text[s : s + 4])))
        else:
            found.append((s, int(text[s : s + 4])))  # (int reads full-width digits)
    kinds = 1
    for first, pattern in _NUMERIC_DATES:
        if first in text:
            numeric = len(found)
            found += [
                (m.start() - 4, int(text[m.start() - 4 : m.start()]))
                for m in pattern.finditer(text)
            ]
            kinds += len(found) > numeric
    if kinds > 1:  # several kinds of years: merged in the order of the text
        found.sort()
    return [(s, y) for s, y in found if y >= 1900]


# A spike's neighbours lie within _SPIKE_REACH characters of it, counted between the
# expressions; from start to start that is at most this far (a date ends within 20
# characters of its start: 2008 年 12 月 31 日).
_SPIKE_STARTS = _SPIKE_REACH + 20


def _may_spike(text: str, lo: int = 0, hi: int = 1 << 30) -> bool:
    """Whether a year of 1900 or later (in ``lo..hi``) has a year five or more years
    earlier before it and one after it, in order and near it, the jump past the later
    one wider than half the gap between them (a spike's neighbours, a necessary condition).
    The raw text and its folded copy give the same answer."""
    return _spike_among(_years_in_order(text), lo, hi)


def _may_spike_in(document: Document) -> bool:
    """``_may_spike`` of the document's text within ``_spike_years``: asked first without
    bounds (bounds only take years away), so that most texts need not read them."""
    found = _years_in_order(document.text)
    return _spike_among(found, 0, 1 << 30) and _spike_among(found, *_spike_years(document))


def _spike_years(document: Document) -> tuple[int, int]:
    """The years a spike may have: within ``_RECENT`` years of this one when the page can
    have no date (``spikes`` reads its 'now' from the page's date, else this year)."""
    for doc in {document, document.origin}:
        # (the prefilter judges a text with 时, 日 or 于; folding makes 時 a 时)
        if page_date_possible(doc) or is_traditional(doc.text):
            return 0, 1 << 30
    return _THIS_YEAR - _RECENT, _THIS_YEAR + 1


def _spike_among(found: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """``_may_spike`` of the years (start, year) in order."""
    if len(found) < 3:
        return False
    years = [y for _, y in found]
    later_min = [0] * len(years)  # the least year after each one
    least = 1 << 30
    for k in range(len(years) - 1, -1, -1):
        later_min[k] = least
        least = min(least, years[k])
    least = 1 << 30
    for k, year in enumerate(years):
        if (
            least <= year - 5
            and later_min[k] <= year - 5
            and lo <= year <= hi
            and _neighbours_near(found, k)
        ):
            return True
        least = min(least, year)
    return False


def _neighbours_near(found: list[tuple[int, int]], k: int) -> bool:
    """Whether year ``k`` has, within ``_SPIKE_STARTS`` before and after it, years ``a``
    and ``c`` five or more years earlier with ``a <= c`` and ``c - a < 2 (year - c)``."""
    at, year = found[k]
    before = sorted({y for _, y in found[_first_near(found, k) : k] if y <= year - 5})
    if not before:
        return False
    i = k + 1
    while i < len(found) and found[i][0] - at <= _SPIKE_STARTS:
        c = found[i][1]
        if c <= year - 5:
            j = bisect_right(before, c) - 1  # the latest year before it at or below c
            if j >= 0 and 2 * (year - c) > c - before[j]:
                return True
        i += 1
    return False


def _first_near(found: list[tuple[int, int]], k: int) -> int:
    """The index of the first year within ``_SPIKE_STARTS`` before year ``k``."""
    at = found[k][0]
    i = k
    while i > 0 and at - found[i - 1][0] <= _SPIKE_STARTS:
        i -= 1
    return i


class _Said(NamedTuple):
    """A statement of an article's present year: the year, what says it, where."""

    now: int
    expr: DateExpr | None  # None: a statement without a year (今年是建党91周年)
    shown: str
    at: int


class _Timeline:
    """One document's years and the windows the signals read."""

    def __init__(self, document: Document, extensions: tuple[str, ...]) -> None:
        self.document = document
        self.text = document.text
        self.extensions = extensions
        self._judgeable: dict[int, bool] = {}
        self._eras: dict[int, tuple[Era | None, set[int]]] = {}  # by article index

    @functools.cached_property
    def folded(self) -> str:
        """The folded text (``extract.fold_dates``), made when a signal reads it."""
        return folded_dates(self.document)

    @functools.cached_property
    def facts(self) -> LineFacts:
        """The line judgements of the document."""
        return line_facts(self.document)

    @functools.cached_property
    def traditional(self) -> bool:
        """Whether the folding maps traditional characters (then words change)."""
        return is_traditional(self.text)

    @functools.cached_property
    def words_text(self) -> str:
        """A text that holds a word of Chinese characters (no digit, punctuation or
        space) exactly where the folded text does: the raw text unless traditional."""
        return self.folded if self.traditional else self.text

    @functools.cached_property
    def years(self) -> list[DateExpr]:
        """The years and dates of the text outside its metadata, sorted by start."""
        return [
            e
            for e in dates(self.document)
            if e.kind in ("year", "date") and e.year is not None and e.metadata is None
        ]

    @functools.cached_property
    def starts(self) -> list[int]:
        """The start of each of ``years``."""
        return [e.start for e in self.years]

    # -- which signals can fire ----------------------------------------------------

    def possible_signals(
        self,
        probed: bool,
        *,
        spiked: bool = True,
        tenure: bool = False,
        extra: frozenset[str] = frozenset(),
    ) -> list[Callable[[], Iterator[Clash]]]:
        """The signals, in their reporting order, whose literals the folded text holds
        (each test is a necessary condition of a clash of that signal: a literal look
        before any year is extracted); only the spikes unless ``probed``.

        The probe words of the raw text (``timeline_words``) decide first when the text
        is not traditional (a word of Chinese characters is then in the raw text where it
        is in the folded one); the patterns that read digits or punctuation accept their
        full-width forms (the folded text is made only for the observances).
        """
        if not probed:
            out = [self.tenures] if tenure else []
            out += self._literal_signals(extra)
            if spiked and self._may_spike():
                out.append(self.spikes)
            if "year-list" in extra:
                out.append(self.year_lists)  # (after the spikes: a spike's note says more)
            return out
        t = self.words_text
        words: frozenset[str] | Container[str] = (
            t if self.traditional else timeline_words(self.document)
        )
        probe = _probe()
        out: list[Callable[[], Iterator[Clash]]] = []
        if (
            not probe.calendar.isdisjoint(words)
            if isinstance(words, frozenset)
            else "次会议" in t or _calendar_names().pattern.search(t) is not None
        ) and self._calendar_near_year():
            out.append(self.calendar)
        # a jubilee (<name><N>周年, 建党百年) or a configured anchor; a plan's year word
        # (an anniversary, point or plan mention needs the era prefilter's yes)
        if weighted_evidence_probed(self.document, self.extensions):
            jubilee = "周" in t or "百" in t or bool(self.extensions)
            plan_year = any(w in t for w in _PLAN_YEAR_WORDS)
            types = self._evidence_types() if jubilee or plan_year else set()
            if jubilee and ("anniversary" in types or "point" in types):
                out.append(self.anniversaries)
            if plan_year and "plan" in types:
                out.append(self.plans)
        if "周年" in words and any(w in t for w in (*_FOUNDED_BEFORE, *_FOUNDED_AFTER)):
            out.append(self.foundings)
        if (
            any(w in words for w in _RELATIVE_PROBED) or "年之后" in t
        ) and _GLOSSED_RELATIVE_RAW.search(t) is not None:
            out.append(self.relative)
        if ("今年" in words or "去年" in words) and (
            "同期" in t or _PRESENT_RAW.search(t) is not None
        ):
            out.append(self.present)  # a present said with a year, or compared with one
        if "届" in words and _COREF_RAW.search(t) is not None:
            out.append(self.same_event)
        if "届" in words and _DATED_EDITION_RAW.search(t) is not None:
            out.append(self.editions)
        if (
            "届" in words
            and t.count("届") >= 2
            and (
                _EDITION_GLOSS_RAW.search(t) is not None or _DATED_EDITION_RAW.search(t) is not None
            )
        ):
            out.append(self.edition_order)
        born = (  # (every birth word holds 生: one look at a character first)
            "岁" in words and "生" in t and any(w in t for w in (*_BORN_BEFORE, *_BORN_AFTER))
        )
        if born and _AGE_RAW.search(t) is not None:
            out.append(self.ages)
        if born and _AGE_SAID_RAW.search(t) is not None:
            out.append(self.age_pairs)  # (against the article's one birth year)
        if (
            (self.traditional or not probe.observances.isdisjoint(words))
            and "个" in t
            and "第" in t
            and next(nth_observances(self.folded), None) is not None
        ):
            out.append(self.observance_days)
        if _CYCLE_NAMED.search(t) is not None:
            out.append(self.zodiac)
        if any(w in words for w in _DURATION_WORDS) and _DURATION_RAW.search(t) is not None:
            out.append(self.durations)
        if tenure:
            out.append(self.tenures)
        out += self._literal_signals(extra)
        if out or self._may_spike():  # (the spikes ran with every other signal before)
            out.append(self.spikes)
        if "year-list" in extra:
            out.append(self.year_lists)  # (after the spikes: a spike's note says more)
        return out

    def _literal_signals(self, names: frozenset[str]) -> list[Callable[[], Iterator[Clash]]]:
        """The signals of ``literal_signals``' names, in their reporting order."""
        signals = (
            ("era-gloss", self.era_glosses),
            ("reversed-range", self.reversed_ranges),
            ("to-now", self.spans_to_now),
            ("stage-order", self.stage_orders),
            ("named-event", self.named_events),
            ("years-later", self.years_later),
            ("since-span", self.since_spans),
            ("forecast", self.forecasts),
            ("incident", self.incident_years),
        )
        return [signal for name, signal in signals if name in names]

    @functools.cached_property
    def year_starts(self) -> list[int]:
        """Where a year or date expression may start (a sorted superset of the starts of
        ``years``): four year digits before 年, or a numeric date; from the raw text."""
        t = self.text
        found = [
            m.start() - (5 if t[m.start() - 1] in " 　" else 4) for m in _YEAR_BEFORE.finditer(t)
        ]
        kinds = 1
        for first, pattern in _NUMERIC_DATES:
            if first in t:
                found += [m.start() - 4 for m in pattern.finditer(t)]
                kinds += 1
        if kinds > 1:
            found.sort()
        return found

    def _calendar_near_year(self) -> bool:
        """Whether a calendar name (or 次会议) has a year that may date it: ``calendar``
        links a year ending within 14 characters before the label (an edition or a
        session's term starts at most 8 or 20 characters before the name) or starting
        right after ``于北京`` — a year starting within ``_CALENDAR_REACH`` of the name."""
        starts = self.year_starts
        if not starts:
            return False
        t = self.words_text
        spans = [(m.start(), m.end()) for m in _calendar_names().pattern.finditer(t)]
        p = t.find("次会议")
        while p != -1:
            spans.append((p, p + 3))
            p = t.find("次会议", p + 3)
        for s, e in spans:
            k = bisect_left(starts, s - _CALENDAR_REACH)
            if k < len(starts) and starts[k] <= e + 6:
                return True
        return False

    def _may_spike(self) -> bool:
        """``_may_spike`` of the text (the raw text gives the folded text's years); a
        spike is recent when the page has no date (no metadata key, no text before
        fixes): within ``_RECENT`` years of this one."""
        doc = self.document
        found = _years_in_order(self.text)
        if not _spike_among(found, 0, 1 << 30):
            return False  # (none without bounds: the page's date need not be looked for)
        if doc.origin is doc and not has_metadata_key(self.words_text):
            return _spike_among(found, _THIS_YEAR - _RECENT, _THIS_YEAR + 1)
        return _spike_among(found, *_spike_years(doc))

    def _evidence_types(self) -> set[str]:
        """The anchor types of the era evidence (none when it cannot hold any)."""
        anchors = self._anchors()
        return {anchors[e.anchor].type for e in self._evidence() if e.anchor in anchors}

    # -- helpers -------------------------------------------------------------------

    def judgeable(self, expr: DateExpr) -> bool:
        """Whether a year is prose of this page (not chrome, not inside a 《title》)."""
        ok = self._judgeable.get(expr.start)
        if ok is None:
            doc = self.document
            line = doc.line_at(expr.start)
            ok = self.facts.is_content(line, expr.text) and not document_inside_title(
                doc, line, expr.start
            )
            if expr.month is not None and not 1 <= expr.month <= 12:
                ok = False
            self._judgeable[expr.start] = ok
        return ok

    def year_before(self, pos: int, reach: int, *, paragraph: bool = False) -> DateExpr | None:
        """The last year ending at or before ``pos``, within ``reach`` and its sentence
        (its line when ``paragraph``)."""
        k = bisect_left(self.starts, pos) - 1
        while k >= 0 and self.years[k].end > pos:
            k -= 1
        if k < 0:
            return None
        expr = self.years[k]
        if pos - expr.end > reach:
            return None
        if paragraph:
            start = self.folded.rfind("\n", expr.end, pos) + 1
            return expr if start == 0 else None
        start, _ = document_sentence_span(self.document, pos)
        return expr if expr.start >= start else None

    def year_at(self, pos: int) -> DateExpr | None:
        """The year that starts at ``pos`` (after one optional space)."""
        if pos < len(self.folded) and self.folded[pos] == " ":
            pos += 1
        k = bisect_left(self.starts, pos)
        if k < len(self.starts) and self.starts[k] == pos:
            return self.years[k]
        return None

    def clash(
        self,
        expr: DateExpr,
        expected: Iterable[int],
        cited: Sequence[tuple[str, int]],
        reason: str,
        signal: str,
    ) -> Clash | None:
        """A clash when ``expr`` is judgeable and not one of ``expected``."""
        years = tuple(sorted(set(expected)))
        if not years or expr.year in years or not self.judgeable(expr):
            return None
        return Clash(expr, years, tuple(cited), reason, signal)

    def quote(self, start: int, end: int) -> str:
        """The original text of a span, for messages."""
        return self.text[start:end]

    # -- calendar -------------------------------------------------------------------

    def calendar(self) -> Iterator[Clash]:
        """Years written next to an event held in known years."""
        names = _calendar_names()
        f = self.folded
        for m in names.pattern.finditer(f):
            name, s, e = m.group(), m.start(), m.end()
            event = names.events.get(name)
            if event is not None:
                if s and f[s - 1] in "一二三四五六七八九十第":
                    continue  # 二十八大, 第十八大…: not the congress
                if name.startswith("第") and not f.endswith(_PARTY, 0, s):
                    continue  # 共青团第十八次全国代表大会: another body's congress
                years, label_start = event.years, s
                kind = event.kind
            else:
                series = names.series[name]
                edition = _EDITION.search(f, max(0, s - 8), s)
                if edition is None:
                    if series.plain:  # 2023年奥运会上: the series' years
                        yield from self._dated_clash(s, e, series.every_year, "series")
                    continue
                number = cn_number(edition[1])
                if number is None:
                    continue
                years, label_start, kind = series.years(number), edition.start(), "edition"
            yield from self._dated_clash(label_start, e, years, kind)
        yield from self._sessions()

    def _sessions(self) -> Iterator[Clash]:
        """``十二届全国人大三次会议`` (2015): the NPC and CPPCC meet once a year of a term."""
        f = self.folded
        p = f.find("次会议")
        while p != -1:
            end = p + 3
            m = _SESSION.search(f, max(0, p - 20), end)
            p = f.find("次会议", end)
            if m is None or m.end() != end:
                continue
            term = cn_number(m["term"] or m["term2"] or m["term3"] or m["term4"] or "")
            session = cn_number(m["session"])
            if term is None or session is None or term < 5 or not 1 <= session <= 5:
                continue
            year = _FIRST_SESSION + 5 * (term - 5) + session - 1
            yield from self._dated_clash(m.start(), end, (year,), "meeting")

    def _dated_clash(
        self, label_start: int, e: int, years: Sequence[int], kind: str
    ) -> Iterator[Clash]:
        """A clash when the year that dates the event at ``label_start..e`` is not its year."""
        expr = self._dated(label_start, e, kind)
        if expr is None:
            return
        label = self.quote(label_start, e)
        shown = "/".join(map(str, years))
        if len(years) > 4 and expr.year is not None:  # a series: the editions around it
            k = bisect_left(years, expr.year)
            shown = "/".join(map(str, years[max(0, k - 1) : k + 1])) + " (the nearest editions)"
        found = self.clash(expr, years, [(label, label_start)], f"was held in {shown}", "calendar")
        if found is not None:
            yield found

    def _dated(self, s: int, e: int, kind: str) -> DateExpr | None:
        """The year that dates the event at ``s..e``: written before it or right after."""
        f = self.folded
        after = f[e : e + 10]
        held_after = _HELD.match(f, e, e + 10)
        if held_after is not None and f.startswith(_SINCE_HELD, held_after.end()):
            return None  # 十八大召开以来 / 北京奥运会闭幕一周年: a time measured from it
        if any(w in after for w in ("周年", "以来")):
            return None
        expr = self.year_before(s, 14)
        if kind == "series":
            if expr is None or f[expr.end : s] not in ("", "的", ","):
                return None
            held = _HELD.match(after)
            if f[expr.end : s] == ",":  # 2023年，奥运会在英国伦敦举行 (not …举行的场馆)
                return expr if held and not after.startswith(("的", "过"), held.end()) else None
            if after.startswith(_AT_THE_SERIES) or held:
                return expr
            return None
        if expr is not None and kind == "edition":
            gap = f[expr.end : s]
            # 1994年带伤夺得第十七届冬奥会…铜牌 / 1993年获第七届全运会冠军: taking part
            if (
                gap
                and not any(c in gap for c in ",;:")
                and any(w in gap for w in _TAKING_PART)
                and not any(w in gap for w in _NOT_TAKING_PART)
                and not any(w in after[:6] for w in _NOT_TAKING_PART)
            ):
                return expr
            kind = "games"
        if expr is not None:
            gap = f[expr.end : s]
            if _YEAR_TO_EVENT.fullmatch(gap) is not None:
                held = _HELD.search(gap) is not None or _HELD.match(after) is not None
                if kind == "games" and not held:
                    held = gap in ("", "的") and after.startswith(_AT_THE_GAMES)
                if held:
                    return expr
        for word in _EVENT_TO_YEAR:
            if f.startswith(word, e):
                expr = self.year_at(e + len(word))
                if expr is not None and _HELD.match(f, expr.end, expr.end + 10):
                    return expr
        return None

    # -- anniversaries ---------------------------------------------------------------

    def _anchors(self) -> dict[str, Anchor]:
        return _anchor_map(self.extensions)

    def _evidence(self) -> list[Evidence]:
        """The era evidence, when the text can hold a jubilee, a point or a plan at all."""
        f = self.folded
        if "周年" not in f and "百年" not in f and "五" not in f and not self.extensions:
            return []
        return evidence(self.document, self.extensions)

    def anniversaries(self) -> Iterator[Clash]:
        """``2011年是中国共产党成立90周年``: base + N is the year of the jubilee."""
        anchors = self._anchors()
        for item in self._evidence():
            anchor = anchors.get(item.anchor)
            if anchor is None or anchor.type not in ("anniversary", "point"):
                continue
            year = _jubilee_year(anchor, item)
            if year is None:
                continue
            found = self._jubilee(item.start, item.end, year)
            if found is None:
                continue
            expr, direct = found
            if anchor.type == "anniversary":
                reason = f"fell in {year} ({anchor.base} + {year - (anchor.base or 0)})"
            else:
                reason = f"is {year}"
            if not direct and abs((expr.year or 0) - year) < 2:
                continue
            clash = self.clash(expr, [year], [(item.label, item.start)], reason, "anniversary")
            if clash is not None:
                yield clash

    def _jubilee(self, start: int, end: int, year: int) -> tuple[DateExpr, bool] | None:
        """The year a jubilee at ``start..end`` is said to fall in, and whether directly."""
        f = self.folded
        expr = self.year_before(start, 20)
        if expr is None or expr.kind not in ("year", "date") or is_target_year(f, expr):
            return None
        gap = f[expr.end : start]
        if any(c in gap for c in "0123456789") or "年" in gap:
            return None  # another number or year between them
        sentence = f[max(document_sentence_span(self.document, start)[0], start - 40) : end]
        if (expr.year or 0) < year and any(w in sentence for w in _PREPARING):
            return None  # 2020年，喜迎建党100周年: a jubilee ahead
        if f.startswith(_LATER, end) or f.startswith(_LATER, end + 1):
            return None  # 建党90周年以来
        direct = _IS.match(gap) is not None
        return expr, direct

    # -- five-year plans -----------------------------------------------------------------

    def plans(self) -> Iterator[Clash]:
        """``2011年是“十二五”开局之年``: the plan's first, last or N-th year."""
        anchors = self._anchors()
        f = self.folded
        for item in self._evidence():
            anchor = anchors.get(item.anchor)
            if anchor is None or anchor.type != "plan" or anchor.start is None:
                continue
            s = item.start
            name_end = s + len(anchor.names[0])
            for name in anchor.names:
                if f.startswith(name, s) or f.startswith(name, s + 1):
                    name_end = f.find(name, s) + len(name)
                    break
            expr = self.year_before(s, 12)
            if expr is None or expr.kind not in ("year", "date"):
                continue
            if _PLAN_IS.search(f[expr.end : s]) is None:
                continue
            m = _PLAN_YEAR.match(f, name_end, name_end + 16)
            if m is None:
                continue
            lo = anchor.start
            hi = anchor.end if anchor.end is not None else lo + 4
            word = m[1]
            if word in _FIRST_YEAR:
                expected = [lo]
            elif word in _LAST_YEAR:
                expected = [hi]
            elif m[2]:
                expected = [lo + (cn_number(m[2]) or 1) - 1]
            else:
                expected = list(range(lo, hi + 1))
            label = self.quote(s, m.end())
            shown = str(expected[0]) if len(expected) == 1 else f"{lo}–{hi}"
            clash = self.clash(expr, expected, [(label, s)], f"is {shown}", "plan")
            if clash is not None:
                yield clash

    # -- an institution's founding and its jubilees ---------------------------------------

    def foundings(self) -> Iterator[Clash]:
        """``始建于1956年`` … ``2023年，学校隆重庆祝建校60周年``: 1956 + 60 = 2016."""
        f = self.folded
        if "周年" not in f:
            return
        national = {(e.start, e.end) for e in self._evidence()}
        national_ends = {e for _, e in national}
        for art in articles(self.document):
            founded = [
                e
                for e in self._within(art.start, art.end)
                if e.kind == "year"
                and (f.endswith(_FOUNDED_BEFORE, 0, e.start) or f.startswith(_FOUNDED_AFTER, e.end))
            ]
            if len({e.year for e in founded}) != 1:
                continue  # none, or several: which one a jubilee counts from is unsure
            origin = founded[0]
            assert origin.year is not None
            p = f.find("周年", art.start, art.end)
            while p != -1:
                jubilee = self._institution_jubilee(p, national_ends)
                end = p + 2
                p = f.find("周年", end, art.end)
                if jubilee is None:
                    continue
                start, n = jubilee
                if not self._fits_founding(self.folded[start:end], origin):
                    continue  # 附属医院建院60周年 of a school founded in 1956: another body
                year = origin.year + n
                found = self._jubilee(start, end, year)
                if found is None:
                    continue
                expr, direct = found
                if expr.start == origin.start or (not direct and abs((expr.year or 0) - year) < 2):
                    continue
                label = self.quote(start, end)
                cite_origin = (self.quote(origin.start - 3, origin.end), origin.start - 3)
                if (expr.year or 0) > year:
                    clash = self.clash(
                        expr,
                        [year],
                        [(label, start), cite_origin],
                        f"fell in {year} ({origin.year} + {n})",
                        "founding",
                    )
                else:  # the founding year is the later one: it was moved forward
                    clash = self.clash(
                        origin,
                        [(expr.year or 0) - n],
                        [(label, start), (expr.text, expr.start)],
                        f"was in {expr.year}, so the founding was in {(expr.year or 0) - n}",
                        "founding",
                    )
                if clash is not None:
                    yield clash

    def _within(self, lo: int, hi: int) -> list[DateExpr]:
        return self.years[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def _institution_jubilee(self, p: int, national_ends: set[int]) -> tuple[int, int] | None:
        """(start, N) of ``建校60周年`` ending at the 周年 at ``p``, not a national one."""
        if p + 2 in national_ends:
            return None
        f = self.folded
        s = p
        while s > 0 and p - s < 4 and (f[s - 1].isdigit() or f[s - 1] in "一二三四五六七八九十百"):
            s -= 1
        n = cn_number(f[s:p]) if s < p else None
        if n is None or not 0 < n < 200:
            return None
        for name in _JUBILEE_NAMES:
            if f.startswith(name, s - len(name)):
                return s - len(name), n
        return None

    def _fits_founding(self, jubilee: str, origin: DateExpr) -> bool:
        """Whether a jubilee (建校60周年) counts from this founding (学校始建于1956年)."""
        marks = _JUBILEE_OF.get(jubilee[:2], "")
        if not marks:
            return True  # 成立N周年: any founding
        near = self.folded[max(0, origin.start - 12) : origin.start]
        return any(c in near for c in marks)

    # -- relative references ---------------------------------------------------------------

    def relative(self) -> Iterator[Clash]:
        """``2008年…次年（2009年）`` / ``三年后的2011年``: a gloss against its anchor."""
        f = self.folded
        for m in _RELATIVE.finditer(f):
            word, start, after = m.group(), m.start(), m.end()
            counted = word.startswith("年")  # N年后: the number is before it
            if counted:
                number = _COUNT_BACK.search(f, max(0, start - 3), start)
                if number is None:
                    continue
                delta = cn_number(number.group()) if number.group() != "两" else 2
                start = number.start()
                if delta is None or (start and f[start - 1] in "0123456789."):
                    continue
            else:
                delta = _RELATIVE_DELTA[word]
            if f.startswith("(", after):
                gloss = self.year_at(after + 1)
            elif f.startswith(("即", ",即"), after):  # 次年即2009年
                gloss = self.year_at(after + (1 if f[after] == "即" else 2))
            elif f.startswith("的", after) or f.startswith(",", after):
                gloss = self.year_at(after + 1) if counted else None
            else:
                gloss = None
            if gloss is None or gloss.year is None:
                continue
            anchor = self.year_before(start, 80, paragraph=True)
            if anchor is None or anchor.year is None or anchor.kind not in ("year", "date"):
                continue
            expected = anchor.year + delta
            if gloss.year == expected:
                continue
            word_text = self.quote(start, after)
            if gloss.year > expected:
                clash = self.clash(
                    gloss,
                    [expected],
                    [(word_text, start), (anchor.text, anchor.start)],
                    f"counts from {anchor.year}: {expected}",
                    "relative",
                )
            else:
                clash = self.clash(
                    anchor,
                    [gloss.year - delta],
                    [(word_text, start), (gloss.text, gloss.start)],
                    f"is glossed {gloss.year}, so it counts from {gloss.year - delta}",
                    "relative",
                )
            if clash is not None:
                yield clash

    def present(self) -> Iterator[Clash]:
        """``今年（2012年）`` … ``去年（2022年）`` / ``今年…比2021年同期``: one present per article.

        A gloss (``今年（2012年）``) says the article's present; two glosses that imply
        different presents clash, and the one implying the later present is reported.
        ``今年…比Y年同期`` implies Y + 1 but is weaker (texts of 2021 compare with 2019):
        it is reported when it implies a later present than the glosses, never used to
        report a gloss.
        """
        f = self.folded
        if "今年" not in f and "去年" not in f:
            return
        glosses: list[_Said] = []
        for m in _PRESENT.finditer(f):
            gloss = self.year_at(m.end())
            if gloss is not None and not f.startswith(_GLOSS_ENDS, gloss.end):
                continue  # 今年是2008年后首次…: a year inside a longer phrase, no gloss
            if gloss is not None and gloss.year is not None:
                now = gloss.year - _PRESENT_OFFSET[m[1]]
                glosses.append(_Said(now, gloss, self.quote(m.start(), gloss.end), m.start()))
        glosses += self._present_facts()
        if not glosses:
            return
        compared: list[_Said] = []
        p = f.find("同期")
        while p != -1:
            expr = self.year_before(p, 1)
            if (
                expr is not None
                and expr.year is not None
                and _SAME_PERIOD.search(f, max(0, expr.start - 2), expr.start)
            ):
                start, _ = document_sentence_span(self.document, p)
                k = f.rfind("今年", max(start, expr.start - 60), expr.start)
                if k != -1:
                    compared.append(_Said(expr.year + 1, expr, self.quote(k, p + 2), k))
            p = f.find("同期", p + 2)
        for art in articles(self.document):
            strong = [g for g in glosses if art.start <= g.at < art.end]
            values = sorted({g.now for g in strong})
            if not values or len(values) > 2:
                continue
            low = values[0]
            witness = next(g for g in strong if g.now == low)
            late = [g for g in strong if g.now > low]
            late += [c for c in compared if art.start <= c.at < art.end and c.now > low]
            for said in late:
                if said.expr is None:
                    continue  # a statement without a year: evidence, nothing to report
                expected = (said.expr.year or 0) - (said.now - low)
                clash = self.clash(
                    said.expr,
                    [expected],
                    [(said.shown, said.at), (witness.shown, witness.at)],
                    f"makes this article's present {low}, so it is {expected}",
                    "relative",
                )
                if clash is not None:
                    yield clash

    def _present_facts(self) -> list[_Said]:
        """``今年是中国共产党成立91周年`` / ``今年是“十二五”开局之年``: the present, pinned."""
        f = self.folded
        if "今年" not in f and "今天" not in f:
            return []
        anchors = self._anchors()
        out = []
        for item in self._evidence():
            anchor = anchors.get(item.anchor)
            if anchor is None or anchor.type not in ("anniversary", "point", "plan"):
                continue
            k = f.rfind("今年", max(0, item.start - 10), item.start)
            if k == -1 or _IS.match(f, k + 2, item.start) is None:
                continue
            if not _PLAN_IS.search(f, k + 2, item.start) and anchor.type == "plan":
                continue
            end = item.end
            if anchor.type == "plan":
                year, end = self._plan_year(anchor, item)
            else:
                year = _jubilee_year(anchor, item)
            if year is not None:
                out.append(_Said(year, None, self.quote(k, end), k))
        out += self._present_events()
        for start, end, _label, year, _n in self._nth_observances():
            for word in ("今年", "今天"):  # 今天是第27个教师节
                k = f.rfind(word, max(0, start - 10), start)
                if k != -1 and _OBSERVANCE_GAP.fullmatch(f, k + 2, start):
                    out.append(_Said(year, None, self.quote(k, end), k))
                    break
        return out

    def _present_events(self) -> list[_Said]:
        """``党的十八大将于今年下半年召开`` / ``去年召开的党的十八大``: an event held in one
        known year and dated by 今年/去年/明年/前年 pins the present (2012 / 2013)."""
        f = self.folded
        names = _calendar_names()
        out = []
        for m in names.pattern.finditer(f):
            event = names.events.get(m.group())
            if event is None or len(event.years) != 1:
                continue  # a series, or an event of several years: no present
            s, e = m.start(), m.end()
            if s and f[s - 1] in "一二三四五六七八九十第":
                continue  # 二十八大, 第十八大…: not the congress
            if m.group().startswith("第") and not f.endswith(_PARTY, 0, s):
                continue  # another body's congress
            said = _RELATIVE_BEFORE_EVENT.search(f, max(0, s - 30), s)
            if said is None:
                said = _RELATIVE_AFTER_EVENT.match(f, e, e + 24)
            if said is None:
                continue
            now = event.years[0] - _PRESENT_OFFSET[said["rel"]]
            start, end = min(s, said.start()), max(e, said.end())
            out.append(_Said(now, None, self.quote(start, end), start))
        return out

    def _plan_year(self, anchor: Anchor, item: Evidence) -> tuple[int | None, int]:
        """The one year a plan mention names (开局之年, 收官之年, 第N年), and its end."""
        f = self.folded
        for name in anchor.names:
            at = f.find(name, item.start, item.start + len(name) + 1)
            if at != -1:
                m = _PLAN_YEAR.match(f, at + len(name), at + len(name) + 16)
                if m is None or anchor.start is None:
                    return None, item.end
                lo = anchor.start
                hi = anchor.end if anchor.end is not None else lo + 4
                if m[1] in _FIRST_YEAR:
                    return lo, m.end()
                if m[1] in _LAST_YEAR:
                    return hi, m.end()
                return (lo + (cn_number(m[2]) or 1) - 1 if m[2] else None), m.end()
        return None, item.end

    # -- the same edition named twice --------------------------------------------------------

    def same_event(self) -> Iterator[Clash]:
        """``2014年第十届全国大学生运动会`` … ``在本届2024年大运会上`` / ``在2024年的这届
        大运会上`` (the year glued to the co-reference, after it or before it)."""
        f = self.folded
        for m in _COREF.finditer(f):
            second = self.year_at(m.end())
            if second is None:
                second = self.year_before(m.start(), 4)
                if second is not None and not _COREF_GAP.fullmatch(f, second.end, m.start()):
                    second = None
            if second is None or second.year is None:
                continue
            at = min(m.start(), second.start)
            first = self._edition_before(at)
            if first is None or first[0].year is None or first[0].year == second.year:
                continue
            edition, label_start, label_end = first
            label = self.quote(label_start, label_end)
            late, early = (second, edition) if second.year > edition.year else (edition, second)
            clash = self.clash(
                late,
                [early.year or 0],
                [(label, label_start), (self.quote(at, max(m.end(), second.end)), at)],
                f"is the same edition, held in {early.year}",
                "same-event",
            )
            if clash is not None:
                yield clash

    def editions(self) -> Iterator[Clash]:
        """``2014年第十届全国大学生运动会`` … ``2024年第十届全国大学生运动会``: one edition,
        two years."""
        f = self.folded
        if "届" not in f:
            return
        for art in articles(self.document):
            first: dict[str, DateExpr] = {}
            for expr in self._within(art.start, art.end):
                j = expr.end + (1 if f.startswith("的", expr.end) else 0)
                m = _EDITION_LABEL.match(f, j, j + 24)
                if m is None or expr.year is None:
                    continue
                key = m.group()
                seen = first.setdefault(key, expr)
                if seen.year is None or seen.year == expr.year:
                    continue
                late, early = (expr, seen) if expr.year > seen.year else (seen, expr)
                clash = self.clash(
                    late,
                    [early.year or 0],
                    [(self.quote(j, m.end()), j), (early.text, early.start)],
                    f"is one edition, also dated {early.year}",
                    "same-event",
                )
                if clash is not None:
                    yield clash

    def _edition_before(self, pos: int) -> tuple[DateExpr, int, int] | None:
        """The last ``Y年第N届…`` before ``pos`` within 600 characters: (year, label span)."""
        f = self.folded
        lo = max(0, pos - 600)
        k = bisect_left(self.starts, pos) - 1
        while k >= 0 and self.years[k].start >= lo:
            expr = self.years[k]
            j = expr.end + (1 if f.startswith("的", expr.end) else 0)
            m = _EDITION_LABEL.match(f, j, j + 24)
            if m is not None:
                return expr, j, m.end()
            k -= 1
        return None

    def edition_order(self) -> Iterator[Clash]:
        """``第七届（1969年）和第十一届（2023年）台湾金马奖``: editions of one series go
        forward in time, at most a few years apart each (4 editions cannot span 54
        years); the later year of a pair that breaks this is reported (a gap too wide
        only as a note unless the year is recent: a series may have paused). Two bodies
        named before ``第N届`` (省作家协会 … 中国作家协会) make two series of one name."""
        f = self.folded
        meta, _ = page_date_kept(self.document)
        now = meta.year if meta is not None else _THIS_YEAR
        for art in articles(self.document):
            found: list[tuple[int, DateExpr, str | None, int, int]] = []
            for m in _EDITION_NTH.finditer(f, art.start, art.end):
                n = cn_number(m[1])
                if n is None or n < 1:
                    continue
                expr, name, after = None, None, m.end()
                if f.startswith("(", m.end()):  # 第七届（1969年）台湾金马奖
                    expr = self.year_at(m.end() + 1)
                    if expr is None or not f.startswith(")", expr.end):
                        continue
                    after = expr.end + 1
                else:  # 1969年第七届台湾金马奖 / 第七届台湾金马奖（1969年）
                    before = self.year_before(m.start(), 1)
                    if before is not None and f[before.end : m.start()] in ("", "的"):
                        expr = before
                label = _EDITION_NAME.match(f, after)
                end = after
                if label is not None:
                    name, end = label.group(), label.end()
                    if expr is None and f.startswith("(", label.end()):
                        expr = self.year_at(label.end() + 1)  # 第三届青年艺术节（1975年）
                        if expr is not None:
                            end = expr.end + (1 if f.startswith(")", expr.end) else 0)
                if expr is None or expr.year is None:
                    continue
                if name is None and not f.startswith(_SHARED_NAME, after):
                    continue
                found.append((n, expr, name, m.start(), end))
            # 第七届（1969年）和第十一届（2023年）台湾金马奖: the first takes the next one's name
            for k in range(len(found) - 2, -1, -1):
                n, expr, name, s, e = found[k]
                nxt = found[k + 1]
                if name is None and nxt[2] is not None and nxt[3] - e <= 2:
                    found[k] = (n, expr, nxt[2], s, e)
            series: dict[str, list[tuple[int, DateExpr, int, int, str]]] = {}
            for n, expr, name, s, e in found:
                if name is not None:
                    series.setdefault(name, []).append((n, expr, s, e, self._edition_body(s)))
            for name, editions in series.items():
                editions.sort(key=lambda x: x[0])
                for (n1, y1, s1, e1, b1), (n2, y2, s2, e2, b2) in itertools.pairwise(editions):
                    a, b = y1.year or 0, y2.year or 0
                    if n1 == n2:
                        continue  # (one edition dated twice: ``editions``)
                    if b1 and b2 and not (b1.endswith(b2) or b2.endswith(b1)):
                        continue  # 省作家协会第八届理事会 … 中国作家协会第五届理事会: two bodies
                    if a > b:  # a later edition held earlier: the earlier one's year is late
                        late, other, lo, hi = y1, (y2, s2, e2), b - 6 * (n2 - n1) - 10, b
                    elif b - a > 6 * (n2 - n1) + 10:
                        late, other, lo, hi = y2, (y1, s1, e1), a + 1, a + 6 * (n2 - n1) + 10
                    else:
                        continue
                    expr, s, e = other
                    cited = self.quote(min(s, expr.start), max(e, expr.end))
                    if late is y2:
                        many = f"{n2 - n1} editions" if n2 - n1 > 1 else "one edition"
                        reason = f"leaves {many} of {name} for {b - a} years"
                    else:
                        reason = f"is a later edition of {name}, held before it"
                    clash = self.clash(
                        late,
                        range(lo, hi + 1),
                        [(cited, min(s, expr.start))],
                        reason,
                        "edition-order",
                    )
                    if clash is not None:
                        recent = now - _RECENT <= (late.year or 0) <= now + 1
                        yield clash._replace(fixable=False, note=late is y2 and not recent)

    def _edition_body(self, start: int) -> str:
        """The body named just before the ``第N届`` at ``start`` (``省作家协会``), or ``""``."""
        f = self.folded
        i = start
        while i > max(0, start - _EDITION_BODY_WINDOW) and f[i - 1] not in _EDITION_BODY_STOP:
            i -= 1
        return f[i:start].removeprefix("年")

    # -- observances counted by their Nth time ---------------------------------------------

    def _nth_observances(self) -> Iterator[tuple[int, int, str, int, int]]:
        """(start, end, label, year, N) of each ``第27个教师节`` (first + N - 1)."""
        for nth in nth_observances(self.folded):
            yield nth.start, nth.end, self.quote(nth.start, nth.end), nth.year, nth.n

    def observance_days(self) -> Iterator[Clash]:
        """``2023年9月10日，第27个教师节``: the 27th Teachers' Day was in 2011."""
        f = self.folded
        for start, _end, label, year, n in self._nth_observances():
            expr = self.year_before(start, 16)
            if expr is None or _OBSERVANCE_GAP.fullmatch(f, expr.end, start) is None:
                continue
            clash = self.clash(
                expr,
                [year],
                [(label, start)],
                f"fell in {year} (number {n}, the first in {year - n + 1})",
                "observance",
            )
            if clash is not None:
                yield clash

    # -- the sexagenary cycle -------------------------------------------------------------

    def zodiac(self) -> Iterator[Clash]:
        """``2012年是壬辰龙年`` / ``2023年（癸卯兔年）``: the cycle of stems and animals."""
        f = self.folded
        for expr in self.years:
            m = _CYCLE_AFTER.match(f, expr.end, expr.end + 10)
            if m is None or expr.year is None or not (m["stem"] or m["animal"]):
                continue
            if f.startswith("马月", m.end()):
                continue  # 猴年马月: never
            allowed = {expr.year}
            if expr.month is not None and expr.month <= 2:
                allowed.add(expr.year - 1)  # before the Spring Festival: last year's sign
            if any(_fits(y, m) for y in allowed):
                continue
            # the nearest years with that sign before and after (a cycle pins no year)
            before = next(y for y in range(expr.year - 1, expr.year - 61, -1) if _fits(y, m))
            after = next(y for y in range(expr.year + 1, expr.year + 61) if _fits(y, m))
            start = m.start("stem") if m["stem"] else m.start("animal")
            label = self.quote(start, m.end())
            clash = self.clash(
                expr, (before, after), [(label, start)], f"fits {before} or {after}", "zodiac"
            )
            if clash is not None:
                yield clash._replace(fixable=False)

    # -- durations ------------------------------------------------------------------------

    def durations(self) -> Iterator[Clash]:
        """``2008年开工建设，历时3年，于2023年建成``: the end is the start + N (± 1)."""
        for m in _DURATION.finditer(self.folded):
            n = cn_number(m[1]) if m[1] != "两" else 2
            if n is None or not 0 < n < 100:
                continue
            yield from self._bounded(m, n, 0, _STARTED, _FINISHED)

    def tenures(self) -> Iterator[Clash]:
        """``2008年加盟…效力5个赛季…2023年转会``: the end is the start + N (± 1; a half
        season or year widens it by one)."""
        for m in _TENURE.finditer(self.folded):
            n = cn_number(m["n"]) if m["n"] != "两" else 2
            if n is None or not 0 < n < 60:
                continue
            yield from self._bounded(m, n, 1 if "半" in m["unit"] else 0, _JOINED, _LEFT)

    def _bounded(
        self,
        m: re.Match[str],
        n: int,
        half: int,
        started: tuple[str, ...],
        finished: tuple[str, ...],
    ) -> Iterator[Clash]:
        """The years that start and end the span ``m`` (N years) names, in its sentence:
        a clash when the end is not the start + N (± 1)."""
        f = self.folded
        start = self.year_before(m.start(), 40)
        if start is None or start.year is None:
            return
        k = bisect_left(self.starts, m.end())
        if k == len(self.years):
            return
        end = self.years[k]
        sentence_end = document_sentence_span(self.document, m.end())[1]
        if end.year is None or end.start - m.end() > 40 or end.start >= sentence_end:
            return
        if not any(w in f[start.end : start.end + 8] for w in started):
            return  # 1998年毕业，历经10年打拼: the year does not start the work
        if not any(w in f[end.end : end.end + 8] for w in finished):
            return
        lo, hi = start.year + n - 1, start.year + n + half + 1
        if lo <= end.year <= hi:
            return
        label = self.quote(m.start(), m.end())
        if end.year > hi:
            clash = self.clash(
                end,
                range(lo, hi + 1),
                [(label, m.start()), (start.text, start.start)],
                f"after {start.year} puts the end in {lo}–{hi}",
                "duration",
            )
        else:
            first, last = end.year - n - half - 1, end.year - n + 1
            clash = self.clash(
                start,
                range(first, last + 1),
                [(label, m.start()), (end.text, end.start)],
                f"before {end.year} puts the start in {first}–{last}",
                "duration",
            )
        if clash is not None:
            yield clash

    # -- ages ---------------------------------------------------------------------------------

    def ages(self) -> Iterator[Clash]:
        """``生于1925年`` … ``2010年…逝世，享年85岁``: the year is birth + age (±1)."""
        f = self.folded
        if "岁" not in f:
            return
        for art in articles(self.document):
            born = [
                e
                for e in self._within(art.start, art.end)
                if e.year is not None
                and (f.endswith(_BORN_BEFORE, 0, e.start) or f.startswith(_BORN_AFTER, e.end))
            ]
            if len({e.year for e in born}) != 1:
                continue
            birth = born[0]
            assert birth.year is not None
            for m in _AGE.finditer(f, art.start, art.end):
                age = cn_number(m[2])
                if age is None or not 0 < age < 130:
                    continue
                expr = self.year_before(m.start(), 40)
                if expr is None or expr.year is None or expr.start == birth.start:
                    continue
                if any(w in f[expr.start : m.start()] for w in _KIN):
                    continue  # 2023年，他的母亲去世，享年85岁: someone else's age
                year = birth.year + age
                if abs(expr.year - year) <= 1:
                    continue
                label = self.quote(m.start(), m.end())
                cite_birth = (self.quote(birth.start, birth.end), birth.start)
                clash = self.clash(
                    expr,
                    [year - 1, year, year + 1],
                    [(label, m.start()), cite_birth],
                    f"puts it in {year - 1}–{year + 1}",
                    "age",
                )
                if clash is not None:
                    yield clash

    # -- ages said of years, against the birth year -------------------------------------------

    def _age_pairs(self, lo: int, hi: int) -> list[tuple[DateExpr, int, int, int]]:
        """(year, age, age start, age end) of each age said of a year in ``lo..hi``."""
        f = self.folded
        pairs = []
        for m in _AGE_SAID.finditer(f, lo, hi):
            j = m.start() - (1 if f.endswith("周", 0, m.start()) else 0)  # 18周岁
            digits = j
            while digits > j - 4 and digits > 0 and f[digits - 1] in _AGE_DIGITS:
                digits -= 1
            if not 0 < j - digits <= 3 or (digits > 0 and f[digits - 1].isdigit()):
                continue
            age = cn_number(f[digits:j])
            if age is None or not 0 < age < 130:
                continue
            if f.startswith("(", m.end()) and m[1] != "的":
                expr = self.year_at(m.end() + 1)  # 33岁时（2024年）
            elif m[1] is not None:
                expr = self.year_before(digits, 16)  # 2000年，18岁的钢琴家
                if expr is not None and (
                    any(w in f[expr.start : digits] for w in _KIN)
                    or f.endswith(_AGE_OTHER, 0, digits)
                    or (m[1] == "的" and f.startswith(_KIN_AFTER, m.end()))
                ):
                    continue  # someone else's age (与22岁的…, 他8岁的儿子)
            else:
                continue
            if expr is not None and expr.year is not None:
                pairs.append((expr, age, digits, m.start() + 1))
        return pairs

    def age_pairs(self) -> Iterator[Clash]:
        """``李云迪1982年出生`` … ``2000年，18岁的钢琴家李云迪``: the year minus the age is
        the article's one birth year (± 1). Without a birth year nothing is judged: ages
        said of years may be different people's (``2008年，18岁的张三`` … ``2019年，19岁的
        新秀赵六``)."""
        f = self.folded
        for art in articles(self.document):
            pairs = self._age_pairs(art.start, art.end)
            if not pairs:
                continue
            born = {
                e.year: e
                for e in self._within(art.start, art.end)
                if e.year is not None
                and (f.endswith(_BORN_BEFORE, 0, e.start) or f.startswith(_BORN_AFTER, e.end))
                and not any(w in f[max(0, e.start - 10) : e.start] for w in _KIN_BORN)
            }
            if len(born) == 1:
                yield from self._age_clashes(pairs, next(iter(born.values())))

    def _age_clashes(
        self, pairs: Iterable[tuple[DateExpr, int, int, int]], birth: DateExpr
    ) -> Iterator[Clash]:
        """The clash of each pair whose birth (year − age) is not the birth year ± 1: the
        birth year when it is the later one, else the pair's year; a note unless the year is
        recent (rewrites make years recent: an old year out of place is a typo to check)."""
        meta, _ = page_date_kept(self.document)
        now = meta.year if meta is not None else _THIS_YEAR
        born = birth.year or 0
        for expr, age, s, e in pairs:
            assert expr.year is not None
            implied = expr.year - age
            if abs(implied - born) <= 1 or expr.start == birth.start:
                continue
            label = self.quote(s, e)
            if born > implied:  # the birth year is the later one
                clash = self.clash(
                    birth,
                    range(implied - 1, implied + 2),
                    [(f"{expr.text} … {label}", min(s, expr.start))],
                    f"puts the birth in {implied - 1}–{implied + 1}",
                    "age",
                )
            else:
                clash = self.clash(
                    expr,
                    range(born + age - 1, born + age + 2),
                    [(label, s), (self.quote(birth.start, birth.end), birth.start)],
                    f"with the birth year {born} puts it in {born + age - 1}–{born + age + 1}",
                    "age",
                )
            if clash is not None:
                recent = now - _RECENT <= (clash.expr.year or 0) <= now + 1
                yield clash._replace(fixable=False, note=not recent)

    # -- a year glossed with an era's year ----------------------------------------------------

    def era_glosses(self) -> Iterator[Clash]:
        """``1992年（平成4年）``, ``1984年，即民国73年``, ``民国9年（1920年）``: the era's
        year fixes the Gregorian one (± 1: eras and lunar years start mid-year)."""
        f = self.folded
        for m in _ERA_YEAR.finditer(f):
            expr = None
            if f.endswith(_GLOSS_BEFORE, max(0, m.start() - 3), m.start()):
                expr = self.year_before(m.start(), 3)
                if expr is not None and f[expr.end : m.start()] not in ("(", "(即", ",即"):
                    expr = None
                if f.startswith(("至", "到", "-", "—", "~"), m.end()):
                    continue  # 1937年至1945年（民国26年至34年）: a range glossed
            elif f.startswith("(", m.end()):
                expr = self.year_at(m.end() + 1)
            if expr is None or expr.year is None:
                continue
            n = 1 if m[2] == "元" else cn_number(m[2])
            if n is None or n < 1:
                continue
            year = _ERA_BASE[m[1]] + n
            if abs(expr.year - year) <= 1:
                continue
            label = self.quote(m.start(), m.end())
            clash = self.clash(expr, [year], [(label, m.start())], f"is {year}", "era-gloss")
            if clash is not None:
                yield clash

    # -- a range written backwards -------------------------------------------------------------

    def reversed_ranges(self) -> Iterator[Clash]:
        """``2024年-2001年间``: a range ends after it starts; the start is reported."""
        f = self.folded
        for first, last in itertools.pairwise(self.years):
            if first.year is None or last.year is None or last.year >= first.year:
                continue
            if f[first.end : last.start] not in _RANGE_SEPARATORS:
                continue
            clash = self.clash(
                first,
                [last.year],
                [(last.text, last.start)],
                f"opens a range that ends in {last.year}",
                "reversed-range",
            )
            if clash is not None:
                yield clash._replace(fixable=False)

    def stage_orders(self) -> Iterator[Clash]:
        """A start dated after a later stage of the same thing (``order.stage_orders``)."""
        return stage_orders(self)

    def named_events(self) -> Iterator[Clash]:
        """An event named by one year, held in another (``order.named_events``)."""
        return named_events(self)

    def years_later(self) -> Iterator[Clash]:
        """N years after a year, told as past, after the present (``order.years_later``)."""
        return years_later(self)

    def since_spans(self) -> Iterator[Clash]:
        """A span 从Y到Z reversed or miscounted (``order.since_spans``)."""
        return since_spans(self)

    def forecasts(self) -> Iterator[Clash]:
        """A forecast that bounds the present, and a later year told as past
        (``order.forecasts``)."""
        return forecasts(self)

    def incident_years(self) -> Iterator[Clash]:
        """A year written right before an incident of known year (``order``)."""
        return incident_years(self)

    def year_lists(self) -> Iterator[Clash]:
        """Years listed out of order, a note (``order.year_lists``)."""
        return year_lists(self)

    # -- a span from a year to the present ---------------------------------------------------

    def spans_to_now(self) -> Iterator[Clash]:
        """``从2023年诞生到现在，短短26年``: the present is the year + N at least, and no
        later than the page's date (or this year): a year that puts it later is wrong."""
        f = self.folded
        doc = self.document
        meta, where = page_date_kept(doc)
        now = meta.year if meta is not None else _THIS_YEAR
        said = [
            e
            for e in dates(doc)
            if e.year is not None and e.metadata is None and e.kind in ("year", "date", "range")
        ]
        starts = [e.start for e in said]
        for start, end, number, almost, lai in _counts_to_now(f):
            k = bisect_left(starts, start) - 1
            if k < 0:
                continue
            expr = said[k]
            if lai and not f.endswith(("从", "自"), 0, expr.start):
                continue  # N年来 counts from a year only after 从/自 (自2000年来京，8年来…)
            if expr.end < start - 12 or expr.year is None or expr.end_year is not None:
                continue
            if document_sentence_span(doc, start)[0] > expr.start:
                continue  # another sentence's year
            n = cn_number(number) if number != "两" else 2
            if n is None or not 0 < n < 200:
                continue
            least = expr.year + n - (1 if almost else 0)
            if least <= now + 1:
                continue
            latest = now - n
            reason = f"puts the present in {least} or later, after {now}"
            if meta is not None:
                reason += f" (the page's date, {meta.key} {meta.text}, {where})"
            clash = self.clash(
                expr,
                range(latest - 1, latest + 2),
                [(self.quote(start, end), start)],
                reason,
                "to-now",
            )
            if clash is not None:
                yield clash._replace(fixable=False)

    # -- chronology spikes ----------------------------------------------------------------------

    def spikes(self) -> Iterator[Clash]:
        """A year 5+ years after both its neighbours in a passage told in order.

        ``2008年…2023年…2009年``, ``1956年…第二代…2023年…第三代…1976年…第四代``: the
        years around it (two on each side, within one article) go forward, its
        nearest judged neighbours are in order and lie within 300 characters, and it
        jumps past the later one by more than half the gap between them (1985…2016…2010 is a
        wide passage, not a spike); 到/至 is a plan word only right before a year, and a
        plan word anywhere in the year's clause (满足2020年…的目标) blocks it; a neighbour
        may be a target met (2005年建成) or a range's end, not a citation; two equal
        neighbours need their months (1963年…2014年…1963年 restates a fact). On its
        own a note (please check); a warning when the year is also the page's metadata
        year (read before any fix), the signature of a site that rewrites years to the
        date it republished the page.
        """
        f = self.folded
        doc = self.document
        meta, where = page_date_kept(doc)
        now = meta.year if meta is not None else _THIS_YEAR
        # every dated expression in order (ranges too), with its article: the order check
        told = [e for e in dates(doc) if e.year is not None and e.metadata is None]
        told_starts = [e.start for e in told]
        starts = [a.start for a in articles(doc)]
        run = spike_run(self.years, dates(doc))
        for i in range(1, len(run) - 1):
            prev, cur, nxt = run[i - 1], run[i], run[i + 1]
            a, b, c = prev.year or 0, cur.year or 0, nxt.year or 0
            if c < a or b < c + 5 or 2 * (b - c) <= c - a or not now - _RECENT <= b <= now + 1:
                continue  # rewrites make years recent: an old year out of order is history
            if not all(self.judgeable(e) for e in (prev, cur, nxt)) or any(
                spike_target(f, e) or f.endswith(_SPIKE_BLOCK_BEFORE, 0, e.start) for e in (cur,)
            ):
                continue
            if any(f.endswith(_NEIGHBOUR_BLOCK_BEFORE, 0, e.start) for e in (prev, nxt)):
                continue
            if f.endswith(_SPIKE_BLOCK_BEFORE, 0, nxt.start) and nxt.start - cur.end <= 2:
                continue  # 2023年至2002年: a range (reversed-range reports it)
            if a == c and (prev.month is None or nxt.month is None):
                continue  # 1963年发现…2014年的批发价…1963年: a fact restated, not a sequence
            if cur.start - prev.end > _SPIKE_REACH or nxt.start - cur.end > _SPIKE_REACH:
                continue
            article = bisect_right(starts, cur.start)
            if (
                bisect_right(starts, prev.start) != article
                or bisect_right(starts, nxt.start) != article
            ):
                continue
            k = bisect_left(told_starts, cur.start)
            around = [
                e.year or 0
                for e in told[max(0, k - 2) : k + 3]
                if e.start != cur.start and bisect_right(starts, e.start) == article
            ]
            if not told_in_order(around):
                continue  # the passage is not told in order: a digression, not a spike
            clause = _CLAUSE_END.search(f, cur.end, cur.end + 40)
            after = max(cur.end + 12, clause.start() if clause else cur.end + 40)
            if _FUTURE_NEAR.search(f, max(0, cur.start - 12), min(len(f), after)):
                continue  # 到/预计/将/计划/目标 around it or in its clause: a plan (满足2020年
                # 旅客吞吐量…的目标), not the narrative
            agrees = meta is not None and meta.year == b
            era_note = "" if agrees else self._era_after(cur, article_starts=starts)
            lines = sorted({doc.position(e.start)[0] for e in (prev, nxt)})
            reason = (
                f"is {b - max(a, c)} years after its neighbours {prev.text} and {nxt.text}"
                f" (line {'–'.join(map(str, lines))}), in a passage told in order"
            )
            if agrees:
                assert meta is not None
                reason += f", and {b} is the page's metadata year ({meta.key} {meta.text}, {where})"
            elif era_note:
                reason += era_note
            else:
                reason += " (please check)"
            clash = self.clash(
                cur,
                range(a, c + 1),
                [(prev.text, prev.start), (nxt.text, nxt.start)],
                reason,
                "spike",
            )
            if clash is not None:
                yield clash._replace(note=not (agrees or era_note), fixable=False)

    def _era_after(self, cur: DateExpr, article_starts: list[int]) -> str:
        """``, and … place this article in 2010–2011`` when its era ends 4+ years before."""
        k = bisect_right(article_starts, cur.start) - 1
        cached = self._eras.get(k)
        if cached is None:  # once per article: its era and the years after it
            arts = articles(self.document)
            lo = arts[k].start if k >= 0 else 0
            hi = arts[k].end if k >= 0 else len(self.text)
            items = evidence(self.document, self.extensions)
            starts = [e.start for e in items]
            own = items[bisect_left(starts, lo) : bisect_left(starts, hi)]
            era = estimate(own) if own else None
            later: set[int] = set()
            if era is not None:
                later = {e.year for e in self._within(lo, hi) if (e.year or 0) > era.hi + 3}
            cached = self._eras[k] = (era, later)
        era, later = cached
        if era is None or (cur.year or 0) <= era.hi + 3 or later - {cur.year}:
            return ""  # no era, within it, or several years after it: later than its references
        first = era.agreeing[0]
        line = self.document.position(first.start)[0]
        return f", and {first.label} (line {line}) places this article in {era.years()}"


@functools.cache
def _anchor_map(extensions: tuple[str, ...]) -> dict[str, Anchor]:
    """The era anchors by id (once per set of configured anchors)."""
    return {a.id: a for a in load_anchors(extensions)}


def _cycle_fits(year: int, stem: str | None, branch: str | None, animal: str | None) -> bool:
    """Whether ``year`` has the given stem, branch and animal (those given)."""
    k = (year - 1984) % 60
    if stem is not None and _STEMS[k % 10] != stem:
        return False
    if branch is not None and _BRANCHES[k % 12] != branch:
        return False
    return animal is None or _ANIMALS[k % 12] == animal


def _fits(year: int, m: re.Match[str]) -> bool:
    """Whether ``year`` has the stem, branch and animal a ``_CYCLE_AFTER`` match names."""
    return _cycle_fits(year, m["stem"], m["branch"], m["animal"])


def _jubilee_year(anchor: Anchor, item: Evidence) -> int | None:
    """The year a jubilee mention falls in (its evidence's year, or the cited one's)."""
    if item.lo is not None and item.lo == item.hi:
        return item.lo
    if anchor.type == "anniversary" and item.since is not None:
        return item.since + 1
    return None
