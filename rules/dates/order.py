"""Years that the order of their own text refutes, read without probe words (DT002).

Each signal is gated by its own shape (``order_shapes``: one pass over the raw text's
years, each test a few characters around a year) and links one year to one fixed
point in a bounded window:

- **stage order** — a thing's first stage (founding, birth, start of works, first
  release, a stop, a proposal) cannot come after a later stage of the same thing told
  right after it: ``该银行创立于2023年4月26日，初名为…，该名称沿用至1981年6月24日``,
  ``2023年4月2日开工，2008年6月30日交付运营``, ``2024年生长于贵阳…1982年毕业于…``;
  never across another start of that kind (a second subject), a parent's or a
  predecessor's stage, or a plan;
- **named event** — an event named by one year is held in it, the one before or the
  next: ``“2024年…研讨会”将于2011年1月17日举行``;
- **since span** — ``从2024年到1960年`` ends before it starts; ``从1995年…到2023年这10年
  间`` contradicts its own count; a season spans a year and the next (``2006-2024年球季``);
- **years later** — ``2023年，…，4年后，推出散文集`` told as past puts an event after the
  present;
- **forecast** — ``预计2014年12月完成`` dates the text: a later year told as past cannot be
  right when it is the text's only year that late;
- **incident** — a year written right before an incident of one known year
  (``2024年，汶川地震发生后``; ``data/calendar.toml``);
- **year list** — years listed out of order (``2023年、2002年``): a note;
- and two hooks of the chronology spikes: ``spike_target`` (a year dated with 于/在,
  done with a past marker or opening a step with 起 is told as past) and ``spike_run``
  / ``told_in_order`` (steps dated with 起 are judged; one aside is allowed).

Of two years that contradict each other the later one is reported: a site that
rewrites years makes them recent.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from lint import Document
from rules.dates.evidence import _trie_pattern
from rules.dates.extract import DateExpr, dates
from rules.lazy import LazyPattern as _Lazy

if TYPE_CHECKING:  # (the timeline imports this module: no cycle at run time)
    from rules.dates.timeline import Clash, _Timeline

_REACH = 200  # characters from the start's year to the later stage's year
_GAP = 2  # the start must lie at least this many years after the later stage
_BEFORE = 12  # characters of a year's clause read before it
_AFTER = 24  # ... and after it

# kind: (start words, later-stage words)
_STAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "life": (
        ("出生", "生于", "生长于", "诞生于"),
        (
            "毕业",
            "考入",
            "考取",
            "入学",
            "入伍",
            "参军",
            "参加工作",
            "当选",
            "出任",
            "任教",
            "荣获",
            "获颁",
            "授予",
            "去世",
            "逝世",
            "病逝",
            "退休",
        ),
    ),
    "body": (
        ("成立", "创立", "创建", "创办", "组建", "创校", "建校", "开办", "创刊", "始设"),
        (
            "改名",
            "更名",
            "改称",
            "易名",
            "重组",
            "上市",
            "并入",
            "迁往",
            "搬往",
            "沿用至",
            "停刊",
            "交由",
            "升格",
            "改制",
            "解散",
            "撤销",
            "撤消",
            "改设",
        ),
    ),
    "works": (
        ("开工", "动工", "奠基", "开始兴建", "开始建设", "开始施工", "立项"),
        (
            "建成",
            "竣工",
            "完工",
            "落成",
            "通车",
            "交付",
            "投入使用",
            "投入运营",
            "投产",
        ),
    ),
    "opening": (("落成", "竣工", "建成"), ("开幕", "开业", "揭幕")),
    "release": (
        ("上映", "首映", "首播", "开播", "首演", "发售", "制作"),
        ("重播", "重映", "再版", "廉价版", "复刻", "引进", "重新发行", "再次发行"),
    ),
    "stop": (
        ("停运", "停办", "停刊", "停播", "停止使用", "停业"),
        ("重新开通", "重新开放", "重新运营", "复运", "复刊", "复播", "复业", "恢复运营"),
    ),
    "proposal": (("最初", "首先", "提出", "倡议"), ("首届", "第一届", "第1届")),
    "debut": (("首次登场", "首次亮相", "首次展出", "首度亮相"), ("正式发售", "正式上市", "量产")),
}
# a word of another subject next to the later stage: it is not the same thing's
_OTHER_SUBJECT = _Lazy(
    re, "父|母亲|其子|儿子|女儿|妻|丈夫|兄|弟弟|姐姐|妹妹|前身|母公司|子公司|祖|原先|此前"
)
# a plan or forecast next to either year: not a stage that happened
_FUTURE = _Lazy(re, "将|预计|计划|拟|有望|准备|打算|力争|目标")
_CLAUSE_STOP = ",;:!?。\n"
# a later sentence goes on about the same thing when it opens with its year (2003年11月7日,
# …), with one word before it (于1993年重组) or with a word that refers back to it
_GOES_ON = (
    "该",
    "其",
    "此",
    "这",
    "它",
    "他",
    "她",
    "曾",
    "后",
    "并",
    "但",
    "随后",
    "之后",
    "不过",
    "直",
)
_SENTENCE_STOP = "。!?\n"


@functools.cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, ...]]]:
    """The start words' and later words' patterns, and the kinds each word belongs to."""
    kinds: dict[str, list[str]] = {}
    starts: set[str] = set()
    laters: set[str] = set()
    for kind, (first, later) in _STAGES.items():
        starts.update(first)
        laters.update(later)
        for w in first:
            kinds.setdefault("<" + w, []).append(kind)
        for w in later:
            kinds.setdefault(">" + w, []).append(kind)
    return (
        re.compile(_trie_pattern(sorted(starts))),
        re.compile(_trie_pattern(sorted(laters))),
        {k: tuple(v) for k, v in kinds.items()},
    )


# a year's 年 after four digits (maybe after a space): found from the literal 年
_DIGIT_YEAR = _Lazy(re, "年(?:(?<=[12１２][0-9０-９]{3}年)|(?<=[12１２][0-9０-９]{3}[ 　]年))")


def _years(document: Document) -> list[tuple[int, int]]:
    """(start, year) of the years written with four digits (1900 and later), in order: the
    gate's view of the text (years in Chinese numerals and numeric dates are left out)."""
    text = document.text
    found = []
    for m in _DIGIT_YEAR.finditer(text):
        p = m.start()
        s = p - 5 if text[p - 1] in " 　" else p - 4
        year = int(text[s : s + 4])  # (int reads full-width digits)
        if year >= 1900:
            found.append((s, year))
    return found


def may_hold_order(document: Document) -> bool:
    """Whether a year with a start word near it is followed within ``_REACH`` by one at
    least ``_GAP`` years earlier: a necessary condition of a stage told out of order (a
    literal look at the raw text's years, ``order_shapes``)."""
    return "stage-order" in order_shapes(document)


_SPAN_COUNT_RAW = _Lazy(re, r"[0-9一二三四五六七八九十两]年(?:间|来|里|中|时间|之间|的时间)")
_FORECAST_RAW = _Lazy(re, "预计|预料|预期|计划|将于|将在|有望|拟于|预定|可望")
_CLAUSE_OPENERS = ",，;；。!！\n"


def order_shapes(document: Document) -> frozenset[str]:
    """The ``order.py`` signals whose shape the raw text holds: one pass over its years
    (``_years_in_order``, found from the literal 年), each test a few characters around
    a year (once per document)."""
    return document.memo(_order_shapes)


# The screen before the years pass, each look a necessary condition of its shape, found
# from a literal (年, or a word) in a C-level call: the years pass runs only for the
# shapes it leaves. First each year of ``_years`` (and more: 1000-1899) as its four
# digits, '' for a spaced year (2023 年: the full pass) or a 年后 (the year is read again).
_YEAR_SCREEN = _Lazy(re, "年(?:(?=后)|(?<=([12１２][0-9０-９]{3})年)|(?<=[0-9０-９][ 　]年))")
_YEAR_DIGITS = _Lazy(re, "年(?<=([12１２][0-9０-９]{3})年)")
_SPACED_YEAR = _Lazy(re, "年(?<=[0-9０-９][ 　]年)")
# a span's end: a year after 到/至; its start after 从/自/由, or a count of its years
_TO_YEAR_RAW = _Lazy(re, "年(?<=[到至][12１２][0-9０-９]{3}年)")
_FROM_YEAR_RAW = _Lazy(re, "年(?<=[从自由][12１２][0-9０-９]{3}年)")
_COUNT_OF_YEARS_RAW = _Lazy(
    re, "年(?=间|来|里|中|时间|之间|的时间)(?<=[0-9一二三四五六七八九十两]年)"
)
# a season's second year after its separator (2006-2007年球季)
_SEASON_YEAR_RAW = _Lazy(re, "年(?<=[\\-/—–－／][12１２][0-9０-９]{3}年)")
# a year listed right before an earlier one (2023年、2002年; 和/及/与 after a 、)
_LISTED_YEARS_RAW = _Lazy(
    re, "年[、和及与](?<=([12１２][0-9０-９]{3})年.)([12１２][0-9０-９]{3})(?=[ 　]?年)"
)
# a year right after 于/在 with a held-verb after it (a named event's held year)
_HELD_YEAR_RAW = _Lazy(
    re, "年(?<=[于在][12１２][0-9０-９]{3}年)(?s:.){0,30}?(?:举行|召开|举办|开幕)"
)
# a forecast word a few characters before a year
_FORECAST_YEAR_RAW = _Lazy(
    re,
    "(?:预计|预料|预期|计划|将于|将在|有望|拟于|预定|可望)(?s:.){0,12}?[12１２][0-9０-９]{3}年",
)
_ALL_SHAPES = frozenset(
    ("stage-order", "named-event", "since-span", "forecast", "year-list", "years-later")
)


def _order_shapes(document: Document) -> frozenset[str]:
    text = document.text
    if "年" not in text:
        return frozenset()
    digits = _YEAR_SCREEN.findall(text)
    if not digits:
        return frozenset()  # (no year: no shape, not even years-later)
    later = False
    if "" in digits:
        if _SPACED_YEAR.search(text) is not None:
            return _shapes(document, _ALL_SHAPES)  # (rare: the full pass)
        later = True  # a 年后
        digits = _YEAR_DIGITS.findall(text)
    years = [y for y in map(int, digits) if y >= 1900]  # (``_years``' values, in order)
    if not years:
        return frozenset()
    possible = set()
    if (
        _TO_YEAR_RAW.search(text) is not None
        and (
            _FROM_YEAR_RAW.search(text) is not None or _COUNT_OF_YEARS_RAW.search(text) is not None
        )
    ) or (
        ("季" in text or "学年" in text or "财" in text)
        and _SEASON_YEAR_RAW.search(text) is not None
    ):
        possible.add("since-span")  # 从…到/至 + year, 到/至 + year + count, 2006-2007年球季
    if len(years) > 1:  # every other shape but years-later links two years
        if any(int(a) > int(b) + 1 for a, b in _LISTED_YEARS_RAW.findall(text)):
            possible.add("year-list")
        top = 0
        for year in years:
            if year <= top - _GAP:
                if _words()[0].search(text) is not None:
                    possible.add("stage-order")  # a later stage's year after a start's
                break
            top = max(top, year)
        if (
            max(years) >= min(years) + 2
            and ("预" in text or "计" in text or "将" in text or "望" in text or "拟" in text)
            and _FORECAST_YEAR_RAW.search(text) is not None
        ):
            possible.add("forecast")  # and a year two or more after the forecast's
        if ("举" in text or "召" in text or "幕" in text) and _HELD_YEAR_RAW.search(
            text
        ) is not None:
            possible.add("named-event")
    if later:
        possible.add("years-later")
    return _shapes(document, possible) if possible else frozenset()


def _shapes(document: Document, possible: frozenset[str] | set[str]) -> frozenset[str]:
    """``order_shapes`` of the ``possible`` shapes: one pass over the text's years, each
    test a few characters around a year."""
    text = document.text
    found = document.memo(_years)
    if not found:
        return frozenset()
    shapes: set[str] = set()
    start_words = _words()[0]
    most = max(y for _, y in found)
    # literal looks once per text: the per-year tests run only where they can succeed
    forecast = "forecast" in possible and any(
        w in text for w in ("预", "计划", "将于", "将在", "有望", "可望", "拟于")
    )
    held = "named-event" in possible and any(w in text for w in _HELD_WORDS)
    stage = "stage-order" in possible
    span = "since-span" in possible
    listed = "year-list" in possible
    after_least = [0] * len(found)  # the least year after each one (stage-order)
    if stage:
        lowest = 1 << 30
        for k in range(len(found) - 1, -1, -1):
            after_least[k] = lowest
            lowest = min(lowest, found[k][1])
    for k, (start, year) in enumerate(found):
        end = text.find("年", start + 4, start + 6) + 1 or start + 5
        before = text[start - 1] if start else " "
        if stage and "stage-order" not in shapes and year - _GAP >= after_least[k]:
            for j in range(k + 1, len(found)):
                later_start, later = found[j]
                if later_start - start > _REACH + 30:
                    break
                if later <= year - _GAP:  # (one look at the start's clause decides)
                    if start_words.search(text, max(0, start - _BEFORE), end + _AFTER):
                        shapes.add("stage-order")
                    break
        if (
            held
            and before in "于在"
            and k
            and start - found[k - 1][0] <= _NAME_REACH + 10
            and any(text.find(w, end, end + _HELD_REACH + 2) != -1 for w in _HELD_WORDS)
        ):
            shapes.add("named-event")
        if span and before in "从自由" and k + 1 < len(found):
            nxt = found[k + 1][0]
            if nxt - end <= _SPAN_GAP and text[nxt - 1] in "到至":
                shapes.add("since-span")
        if span and before in "到至" and _SPAN_COUNT_RAW.search(text, end, end + 14):
            shapes.add("since-span")
        if span and before in "-/—–－／" and text.startswith(_SEASON_WORDS, end):
            shapes.add("since-span")  # 2006-2007年球季, 2014/2015年马季
        if forecast and most >= year + 2 and _FORECAST_RAW.search(text, max(0, start - 14), start):
            shapes.add("forecast")
        if (
            listed
            and k + 1 < len(found)
            and year > found[k + 1][1] + 1
            and found[k + 1][0] - end == 1
        ):
            join = text[end]
            if join == "、" or (join in _LIST_JOINS and "、" in text[max(0, start - 8) : start]):
                shapes.add("year-list")
    if "years-later" in possible and "年后" in text:
        p = text.find("年后")
        while p != -1:
            q = p
            while q > 0 and p - q < 3 and text[q - 1] in "0123456789一二三四五六七八九十两":
                q -= 1
            while q > 0 and p - q < 6 and text[q - 1] in "近约大将快":
                q -= 1
            if q < p and (q == 0 or text[q - 1] in _CLAUSE_OPENERS):
                shapes.add("years-later")
                break
            p = text.find("年后", p + 2)
    return frozenset(shapes)


def _clause_window(f: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """The clause around ``start..end``: up to ``before`` characters before it and
    ``after`` characters after it; a year standing alone (2003年11月7日,) reads on into
    its sentence."""
    lo = start
    floor = max(0, start - before)
    while lo > floor and f[lo - 1] not in _CLAUSE_STOP:
        lo -= 1
    hi = end
    ceiling = min(len(f), end + after)
    alone = hi < len(f) and f[hi] in ",:"
    while hi < ceiling and (f[hi] not in (_SENTENCE_STOP if alone else _CLAUSE_STOP)):
        hi += 1
    return lo, hi


def _goes_on(document: Document, f: str, first: DateExpr, later: DateExpr) -> bool:
    """Whether ``later`` is in the sentence of ``first`` or in one that goes on about
    its subject (``_GOES_ON``) rather than naming another (大莱龙铁路全长175公里，…)."""
    from rules.dates.context import document_sentence_span

    start, _ = document_sentence_span(document, later.start)
    if start <= first.start:
        return True
    head = later.start - start
    return head <= 2 or (head <= 12 and f.startswith(_GOES_ON, start))


def _said(document: Document) -> list[DateExpr]:
    return [
        e
        for e in dates(document)
        if e.year is not None and e.metadata is None and e.kind in ("year", "date", "range")
    ]


def stage_orders(t: _Timeline) -> Iterator[Clash]:
    """A start dated after a later stage of the same thing told right after it."""
    f = t.folded
    start_words, later_words, kinds = _words()
    said = t.document.memo(_said)
    starts = [e.start for e in said]
    for i, first in enumerate(said):
        year = first.year
        if year is None or year < 1900:
            continue
        lo, hi = _clause_window(f, first.start, first.end, _BEFORE, _AFTER)
        if _FUTURE.search(f, lo, hi):
            continue
        first_kinds: dict[str, str] = {}
        for m in start_words.finditer(f, lo, hi):
            if first.start <= m.start() < first.end:
                continue
            for kind in kinds.get("<" + m.group(), ()):
                first_kinds.setdefault(kind, m.group())
        if not first_kinds:
            continue
        line_end = f.find("\n", first.end, first.end + _REACH)
        limit = first.end + _REACH if line_end == -1 else line_end
        for later in said[i + 1 : bisect_left(starts, limit)]:
            if later.year is None or later.year > year - _GAP:
                continue
            llo, lhi = _clause_window(f, later.start, later.end, _BEFORE, _AFTER)
            if not _goes_on(t.document, f, first, later):
                continue
            if _FUTURE.search(f, llo, lhi) or _OTHER_SUBJECT.search(f, llo, later.start):
                continue
            hit = None
            for m in later_words.finditer(f, llo, lhi):
                if later.start <= m.start() < later.end or f.startswith("的", m.end()):
                    continue  # 1995年上市的公司: another thing, named by its stage
                for kind in kinds.get(">" + m.group(), ()):
                    if kind in first_kinds:
                        hit = (kind, m)
                        break
                if hit:
                    break
            if hit is None:
                continue
            kind, m = hit
            word = first_kinds[kind]
            # another start of that kind between them: another subject's stages
            if any(
                kind in kinds.get("<" + b.group(), ()) for b in start_words.finditer(f, hi, llo)
            ):
                break
            s, e = min(m.start(), later.start), max(m.end(), later.end)
            clash = t.clash(
                first,
                range(later.year - 60, later.year + 1),
                [(t.quote(s, e), s)],
                f"is a later stage than the {word} dated {year}, so the {word} cannot be later",
                "stage-order",
            )
            if clash is not None:
                yield clash._replace(fixable=False)
            break


# -- an event named by its year, held in another ------------------------------------------

_HELD_WORDS = ("举行", "召开", "举办", "开幕")
_HELD_REACH = 30  # characters from the held year to its held-verb
_NAME_REACH = 40  # characters of the event's name between its year and the held year
# the name ends with an event's noun, maybe closed by a quote, before 将于/于/在/定于
_NAMED_EVENT_END = _Lazy(
    re, r"(?:会|赛|赛事|选举|节|展|典礼|论坛|杯|仪式)[”\"》]?(?:将|定|预计|则|正式)?(?:于|在)$"
)
# events about another event, held before it (测试赛, 发布会, 申办…), and a year's review
_ABOUT_ANOTHER = _Lazy(
    re,
    "测试|预选|资格|选拔|热身|倒计时|申办|筹备|启动|发布|推介|动员|预备|宣传|誓师|签约|"
    "招商|新闻|征集|报名|年度|回顾|总结|表彰|颁奖",
)
_NAME_STOPS = ",;:!?。\n"


def may_hold_named_event(document: Document) -> bool:
    """Whether a year right after 于/在 has a held-verb after it and another year before
    it (``order_shapes``)."""
    return "named-event" in order_shapes(document)


def named_events(t: _Timeline) -> Iterator[Clash]:
    """``2024年…研讨会将于2011年1月17日举行``: an event named by one year is held in it
    (or the next, for one named by a season or a year's work) and never before it."""
    f = t.folded
    years, starts = t.years, t.starts
    seen: set[int] = set()
    for word in _HELD_WORDS:
        p = f.find(word)
        while p != -1:
            yield from _named_event_at(t, f, years, starts, p, seen)
            p = f.find(word, p + len(word))


def _named_event_at(
    t: _Timeline,
    f: str,
    years: list[DateExpr],
    starts: list[int],
    p: int,
    seen: set[int],
) -> Iterator[Clash]:
    """The clash of the held-verb at ``p``, if its event's name has another year."""
    k = bisect_left(starts, p) - 1
    if k < 1:
        return
    held = years[k]
    if p - held.end > _HELD_REACH or any(c in _NAME_STOPS for c in f[held.end : p]):
        return
    if not f.endswith(("于", "在"), 0, held.start) or held.year is None:
        return
    named = years[k - 1]
    if named.year is None or held.start - named.end > _NAME_REACH:
        return
    name = f[named.end : held.start]
    if any(c in _NAME_STOPS for c in name) or not _NAMED_EVENT_END.search(name):
        return
    if _ABOUT_ANOTHER.search(name) or f.endswith(("-", "—", "至", "到", "/"), 0, named.start):
        return
    a, b = named.year, held.year
    if b in (a - 1, a, a + 1):  # (2024年跨年晚会 is held on 31 December 2023)
        return
    # the later one is reported: a rewrite makes a year recent
    expr, other = (named, held) if a > b else (held, named)
    if expr.start in seen:
        return
    seen.add(expr.start)
    if expr is named:
        reason = "holds it before the year it is named by: an event is held in its year or the next"
        expected = range(b - 1, b + 2)
    else:
        reason = "names the event: an event is held in the year it is named by or the next"
        expected = range(a - 1, a + 2)
    clash = t.clash(
        expr,
        expected,
        [(t.quote(other.start, p + 2 if expr is named else other.end), other.start)],
        reason,
        "named-event",
    )
    if clash is not None:
        yield clash._replace(fixable=False)


# -- N years later, past the present ------------------------------------------------------

_LATER_REACH = 80  # characters from the anchor year to its N年后
_COUNT_LATER = _Lazy(re, r"(近|约|大约|将近|快)?([0-9]{1,3}|[一二三四五六七八九十两]{1,3})$")
# a forecast, a wish or a condition: not what happened
_NOT_TOLD = _Lazy(
    re,
    "将|会在|会有|会是|就会|也会|才会|要|可能|也许|预计|估计|有望|计划|准备|打算|可以|能够|才能|"
    "如果|若|假如|届时|应|预言|预测|"
    "设想|相信|希望|梦想|期待|展望|他说|她说|表示|认为|想|或|\\?",
)


def may_hold_years_later(document: Document) -> bool:
    """Whether ``N年后`` opens a clause after a year (``order_shapes``)."""
    return "years-later" in order_shapes(document)


def years_later(t: _Timeline) -> Iterator[Clash]:
    """``2023年，她出版了回忆录，4年后，推出散文集``: N years after a year, told as
    something that happened, cannot lie after the present (the page's date, else this
    year); the anchor is the nearest year before it, in its sentence or the one before."""
    from rules.dates.context import document_sentence_span, is_target_year
    from rules.dates.extract import page_date_kept
    from rules.dates.timeline import _THIS_YEAR

    f = t.folded
    meta, where = page_date_kept(t.document)
    now = meta.year if meta is not None else _THIS_YEAR
    years, starts = t.years, t.starts
    p = f.find("年后")
    while p != -1:
        here, p = p, f.find("年后", p + 2)
        count = _COUNT_LATER.search(f, max(0, here - 5), here)
        if count is None or f.startswith("的", here + 2):
            continue  # 三年后的1995年: a gloss (the relative signal reads it)
        n = int(count[2]) if count[2].isdigit() else cn_count(count[2])
        if n is None or not 0 < n < 100:
            continue
        if count.start() and f[count.start() - 1] not in ",;。!\n":
            continue  # 时隔24年后, 运营13年后: a span that ends at the year, not after it
        least = n - (1 if count[1] else 0)
        k = bisect_left(starts, count.start()) - 1
        if k < 0:
            continue
        anchor = years[k]
        if anchor.year is None or count.start() - anchor.end > _LATER_REACH:
            continue
        s_start, s_end = document_sentence_span(t.document, here)
        if anchor.start < s_start:  # the sentence before, at most
            prev_start, _ = document_sentence_span(t.document, max(0, s_start - 1))
            if anchor.start < prev_start:
                continue
        clause_end = min(s_end, here + 30)
        if _NOT_TOLD.search(f, max(s_start, here - _LATER_REACH), clause_end) or _NOT_TOLD.search(
            f, anchor.end, here
        ):
            continue
        if is_target_year(f, anchor) or anchor.year + least <= now:
            continue
        reason = f"puts an event told as past in {anchor.year + least} or later, after {now}"
        if meta is not None:
            reason += f" (the page's date, {meta.key} {meta.text}, {where})"
        clash = t.clash(
            anchor,
            range(now - least - 30, now - least + 1),
            [(t.quote(count.start(), min(clause_end, here + 12)), count.start())],
            reason,
            "years-later",
        )
        if clash is not None:
            yield clash._replace(fixable=False)


def cn_count(numeral: str) -> int | None:
    """The value of a small Chinese count (两, 十二, 二十八)."""
    from rules.dates.extract import cn_number

    return 2 if numeral == "两" else cn_number(numeral)


# -- a span from a year to another, reversed or miscounted --------------------------------

_SPAN_GAP = 20  # characters between 从Y年 and 到Z年
_SPAN_COUNT = _Lazy(
    re,
    r"(?:的|,)?(?:这|此|前后)?(?:短短|整整|共|长达)?([0-9]{1,3}|[一二三四五六七八九十两]{1,3})"
    r"(多|余|几)?年(?:间|来|里|中|时间|之间|的时间)",
)


def may_hold_since_span(document: Document) -> bool:
    """Whether 从/自 + a year is followed by 到/至 + a year, or a year after 到/至 by a
    count of years (``order_shapes``)."""
    return "since-span" in order_shapes(document)


def since_spans(t: _Timeline) -> Iterator[Clash]:
    """``从2024年到1960年``: a span from a year ends after it; ``从1995年公司成立到2005年
    这10年间``: the text's own count of its years fixes its end."""
    f = t.folded
    said = t.document.memo(_said)
    for closed in said:
        if closed.kind == "range" and closed.end_year is not None and closed.year is not None:
            clash = _closed_span(t, f, closed)
            if clash is None:
                clash = _season(t, f, closed, closed.year, closed.end_year)
            if clash is not None:
                yield clash
        elif closed.year is not None and closed.end_year is None:
            first = _SEASON_FIRST.match(f, max(0, closed.start - 5), closed.start)
            if first is not None and first.end() == closed.start:
                clash = _season(t, f, closed, int(first[1]), closed.year)
                if clash is not None:
                    yield clash
    for first, last in itertools.pairwise(said):
        year, end = first.year, last.year
        if year is None or end is None or first.kind != "range" or not first.since:
            continue
        if first.end_year is not None or not f.endswith(("从", "自", "由"), 0, first.start):
            continue
        if last.start - first.end > _SPAN_GAP:
            continue
        gap = f[first.end : last.start]
        if any(c in gap for c in "。;!?\n") or gap[-1:] not in "到至":
            continue
        cited = [(t.quote(first.start - 1, last.end), first.start - 1)]
        if end < year:
            clash = t.clash(
                first,
                range(end - 30, end + 1),
                [(last.text, last.start)],
                f"ends the span that opens with {year} (从/由…到/至): a span cannot end"
                " before it starts",
                "since-span",
            )
        else:
            count = _SPAN_COUNT.match(f, last.end, last.end + 12)
            if count is None or count[2]:
                continue
            n = int(count[1]) if count[1].isdigit() else cn_count(count[1])
            if n is None or abs(end - year - n) <= 1:
                continue
            clash = t.clash(
                last,
                range(year + n - 1, year + n + 2),
                cited,
                f"counts the span as {n} years ({t.quote(count.start(), count.end())})",
                "since-span",
            )
        if clash is not None:
            yield clash._replace(fixable=False)


def _closed_span(t: _Timeline, f: str, span: DateExpr) -> Clash | None:
    """``2001年至2023年这12年间``: a closed range against the text's count of its years;
    its end is reported (the later year: rewrites make years recent)."""
    year, end = span.year, span.end_year
    tail = f"{end}年"
    if year is None or end is None or not span.text.endswith(tail):
        return None
    count = _SPAN_COUNT.match(f, span.end, span.end + 12)
    if count is None or count[2]:
        return None
    n = int(count[1]) if count[1].isdigit() else cn_count(count[1])
    if n is None or abs(end - year - n) <= 1:
        return None
    last = span._replace(
        start=span.end - len(tail), text=tail, kind="year", year=end, end_year=None, month=None
    )
    clash = t.clash(
        last,
        range(year + n - 1, year + n + 2),
        [(span.text, span.start)],
        f"counts the span as {n} years ({t.quote(count.start(), count.end())})",
        "since-span",
    )
    return None if clash is None else clash._replace(fixable=False)


# -- a spike dated like a target but told as past ---------------------------------------------

# target words that also date a past event: 于/在 before the year, 建成… after it
_PAST_BEFORE = ("于", "在")
_DONE_AFTER = ("建成", "完成", "实现", "达到")
_PAST_MARK = _Lazy(re, "了|已|曾|过|被")
_SENTENCE_REACH = 40  # characters of the year's sentence read before it
_FUTURE_SENTENCE = _Lazy(re, "将|预计|计划|未来|有望|拟|力争|目标|规划|争取|届时|预期|可望")


def spike_target(f: str, expr: DateExpr) -> bool:
    """``is_target_year`` for a chronology spike: a year dated with 于/在 (``于2023年启用``),
    or done (``2023年建成通车``) with a past marker (了, 已, 曾) in its clause, is told as
    past, not a target; every other target word still makes it one."""
    from rules.dates.context import (
        TARGET_BEFORE,
        TARGET_CLAUSE_BEFORE,
        clause_after,
        clause_before,
        ends_with_any,
        is_target_year,
        starts_with_any,
    )

    if not is_target_year(f, expr):
        return False
    before = tuple(w for w in TARGET_BEFORE if w not in _PAST_BEFORE)
    if ends_with_any(f, expr.start, before):
        return True  # 到, 截至, 预计, 生于…
    clause = clause_before(f, expr.start).replace("到了", "")  # (到了1951年: when it came)
    if any(w in clause for w in TARGET_CLAUSE_BEFORE):
        return True  # 力争在, 计划于
    after = clause_after(f, expr.end, 30)
    done = starts_with_any(f, expr.end, _DONE_AFTER) or any(w in after for w in _DONE_AFTER)
    if done and not _PAST_MARK.search(after):
        return True  # 2025年建成: a target unless told as done
    if _is_since(expr):
        return _FUTURE_SENTENCE.search(f, expr.end, expr.end + len(after)) is not None or (
            _sentence_future(f, expr.start)
        )  # 2023年起增程至2200米: a step of the narrative unless the sentence is a plan
    if _sentence_future(f, expr.start) or _FUTURE_SENTENCE.search(
        f, expr.end, expr.end + len(after)
    ):
        return True  # 将在未来11年逐步实施，于2019年完全落实: the sentence is a plan
    return _other_target_after(f, expr)


def _sentence_future(f: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` (at most ``_SENTENCE_REACH``) has a plan word."""
    lo = max(0, pos - _SENTENCE_REACH)
    stop = max(f.rfind(c, lo, pos) for c in _SENTENCE_STOP)
    return _FUTURE_SENTENCE.search(f, max(lo, stop + 1), pos) is not None


def _is_since(expr: DateExpr) -> bool:
    """Whether ``expr`` opens a span to the present (2023年起, 2023年开始)."""
    return expr.kind == "range" and expr.since and expr.end_year is None


def spike_run(years: list[DateExpr], said: list[DateExpr]) -> list[DateExpr]:
    """The years a chronology spike is judged among: the text's years and dates, and the
    steps of a narrative dated with 起/开始 (``1980年…，2023年起增程…，1995年起…``), in order."""
    steps = [
        e
        for e in said
        if _is_since(e) and e.metadata is None and e.year is not None and e.year >= 1900
    ]
    run = [e for e in years if e.year is not None and e.year >= 1900]
    if not steps:
        return run
    return sorted(run + steps, key=lambda e: e.start)


def _other_target_after(f: str, expr: DateExpr) -> bool:
    """Whether a target word other than 于/在 and the done-words follows the year."""
    from rules.dates.context import (
        _EVENTS,
        _FUTURE_CLAUSE,
        _TARGET_CLAUSE_AFTER,
        TARGET_AFTER,
        clause_after,
        starts_with_any,
    )

    words = tuple(w for w in TARGET_AFTER if w not in _DONE_AFTER)
    if starts_with_any(f, expr.end, words):
        return True
    short = clause_after(f, expr.end)
    found = _TARGET_CLAUSE_AFTER.search(short)
    if found is not None and found.group() not in _DONE_AFTER:
        return True
    if _EVENTS.search(short, 0, 8):
        return True
    if not short.strip() and expr.end < len(f) and f[expr.end] == ",":
        return _FUTURE_CLAUSE.search(clause_after(f, expr.end + 1, 20)) is not None
    return False


# -- a forecast that bounds the present ------------------------------------------------------

_FORECAST_BEFORE = _Lazy(
    re, "(?:预计|预料|预期|计划|将于|将在|有望|拟于|预定|可望)[^,;。!?\n]{0,6}$"
)
# a plan recalled from the past, or one that slipped: not this text's present
_STALE = _Lazy(
    re,
    "原计划|原定|原本|原先|原预计|本来|当时|曾|最初|起初|推迟|延期|延至|未能|但|却|后来|然而|实际",
)
_FORECAST_REACH = 400  # characters between the forecast and the year it refutes
_PAST_DATED = _Lazy(re, "了|已|曾")


def may_hold_forecast(document: Document) -> bool:
    """Whether a forecast word stands right before a year that another year exceeds by
    two or more (``order_shapes``)."""
    return "forecast" in order_shapes(document)


def forecasts(t: _Timeline) -> Iterator[Clash]:
    """``该网站将于2009年5月正式启用`` puts the text before 2009: a year two or more after
    it told as past (``于2023年1月上线运行``, ``2023年已…``) cannot be right, when it is
    the text's only year that late (a text with several is simply later than its plan)."""
    from rules.dates.context import is_target_year

    f = t.folded
    years, starts = t.years, t.starts
    distinct = sorted({e.year for e in years if e.year is not None})
    for z in years:
        if z.year is None:
            continue
        lo = max(0, z.start - 14)
        m = _FORECAST_BEFORE.search(f, lo, z.start)
        if m is None:
            continue
        start, clause = _clause_window(f, m.start(), z.end, 20, _AFTER)
        if _STALE.search(f, start, clause):
            continue
        if len(distinct) - bisect_right(distinct, z.year + 1) != 1:
            continue  # no year that late, or several: the text is later than its plan
        near = years[
            bisect_left(starts, z.start - _FORECAST_REACH) : bisect_right(
                starts, z.start + _FORECAST_REACH
            )
        ]
        for y in near:
            if y.year is None or y.year <= z.year + 1:
                continue
            lo, hi = _clause_window(f, y.start, y.end, _BEFORE, _AFTER)
            if _FUTURE.search(f, lo, hi) or (
                is_target_year(f, y) and not f.endswith(_PAST_BEFORE, 0, y.start)
            ):
                continue
            if not (f.endswith(_PAST_BEFORE, 0, y.start) or _PAST_DATED.search(f, y.end, hi)):
                continue  # not told as past
            before = max(0, y.start - _SENTENCE_REACH)
            stop = max(f.rfind(c, before, y.start) for c in _SENTENCE_STOP)
            if _FUTURE_SENTENCE.search(f, max(before, stop + 1), y.start):
                continue  # 将在未来11年逐步实施，于2019年完全落实: told as a plan
            if "\n" in f[min(y.end, z.end) : max(y.start, z.start)]:
                continue  # another paragraph
            clash = t.clash(
                y,
                range(z.year - 30, z.year + 1),
                [(t.quote(m.start(), clause), m.start())],
                f"is a forecast, so the text was written by {z.year}: {y.year} cannot"
                " be told as past",
                "forecast",
            )
            if clash is not None:
                yield clash._replace(fixable=False)
            return


# -- years listed out of order ---------------------------------------------------------------

_LIST_JOINS = ("、", "和", "及", "与")


def may_hold_year_list(document: Document) -> bool:
    """Whether a year is listed (、, or 和/及/与 after a 、) before one two or more years
    earlier (``order_shapes``)."""
    return "year-list" in order_shapes(document)


def year_lists(t: _Timeline) -> Iterator[Clash]:
    """``在2023年、2002年的时候``: years listed with 、/和 go forward; one two or more years
    after the next is a note (please check) — lists are written in order."""
    f = t.folded
    for a, b in itertools.pairwise(t.years):
        if a.year is None or b.year is None or a.year <= b.year + 1:
            continue
        if b.start - a.end != 1 or a.kind != "year" or b.kind != "year":
            continue
        if f[a.end : b.start] not in _LIST_JOINS:
            continue
        if f[a.end : b.start] != "、" and "、" not in f[max(0, a.start - 8) : a.start]:
            continue  # 和/及/与 alone join a list only after a 、 before it
        clash = t.clash(
            a,
            range(b.year - 30, b.year),
            [(b.text, b.start)],
            "follows it in a list of years, which is written in order (please check)",
            "year-list",
        )
        if clash is not None:
            yield clash._replace(fixable=False, note=True)


def told_in_order(around: list[int]) -> bool:
    """Whether the years around a spike (two before it, two after) go forward: one step
    back two places after it is an aside (2011年…2010年6月4日 recalls a date) that the
    passage survives; a step back next to the spike, or two, is a passage out of order."""
    back = [k for k, (y, z) in enumerate(itertools.pairwise(around)) if y > z]
    if not back:
        return True
    return len(back) == 1 and len(around) == 4 and back[0] == 2


# a season, a school or a fiscal year named by the two years it spans: 2006-2007年球季
_SEASON_WORDS = ("赛季", "球季", "马季", "雪季", "学年", "财年", "财政年度")
_SEASON_FIRST = _Lazy(re, r"([12][0-9]{3})[/-]")


def _season(t: _Timeline, f: str, span: DateExpr, year: int, end: int) -> Clash | None:
    """``2006-2024年球季``, ``2014/2023年马季``: a season spans a year and the next; its
    later year is reported."""
    if end - year in (0, 1) or not f.startswith(_SEASON_WORDS, span.end):
        return None
    tail = f"{end}年"
    if not span.text.endswith(tail):
        return None
    last = span._replace(
        start=span.end - len(tail), text=tail, kind="year", year=end, end_year=None, month=None
    )
    word = next(w for w in _SEASON_WORDS if f.startswith(w, span.end))
    clash = t.clash(
        last,
        range(year, year + 2),
        [(t.quote(span.end - len(tail) - 5, span.end + len(word)), span.end - len(tail) - 5)],
        f"names one {word} with {year}: a {word} spans a year and the next",
        "since-span",
    )
    return None if clash is None else clash._replace(fixable=False)


# -- incidents of one known year ---------------------------------------------------------------


class Incident(NamedTuple):
    """A one-time event of known year (``data/calendar.toml``, ``[[incident]]``)."""

    id: str
    names: tuple[str, ...]
    year: int
    source: str


@functools.cache
def incidents() -> tuple[tuple[Incident, ...], re.Pattern[str], dict[str, Incident]]:
    """The incidents, one pattern of their names, and the incident of each name."""
    from rules.dates.observance import calendar_data

    rows = tuple(
        Incident(row["id"], tuple(row["names"]), int(row["year"]), row["source"])
        for row in calendar_data().get("incident", ())
    )
    by_name = {name: row for row in rows for name in row.names}
    return rows, re.compile(_trie_pattern(sorted(by_name))), by_name


# between the year and the name: nothing, a comma, 的, a month and day, 全球/我国…
_YEAR_TO_INCIDENT = _Lazy(re, r"(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?[,]?(?:的|发生的)?")
_AFTER_INCIDENT = _Lazy(re, r"(?:发生|爆发)?(后|之后|以后)?")
# what may follow the name (and its 发生/后) when the year dates the incident itself: not
# 灾后重建, 遇难者, 纪念馆 (something of a later year named after it)
_INCIDENT_ENDS = ("中", "时", "期间", "当天", "那天", "当日", ",", "。", ";", "!", "\n")
_NOT_DATING = _Lazy(re, "周年|以来|纪念|前|[0-9一二三四五六七八九十两]+(?:个月|年|天)")
_INCIDENT_GAP = 12  # characters between the year's end and the name


# every incident's name holds one of these (a test checks it): a few fast literal looks
# before the names' pattern (which starts with a class of first characters: slow) runs
INCIDENT_LITERALS = ("地震", "震灾", "事件", "恐怖袭击", "海啸", "回归")
# every literal holds one of these characters (a test checks it): a look for one character
# is several times cheaper than one for two
INCIDENT_CHARACTERS = ("震", "件", "袭", "啸", "归")


def may_hold_incident(document: Document) -> bool:
    """Whether the text names an incident of known year (literal looks, then the names)."""
    text = document.text
    return (
        "年" in text
        and any(c in text for c in INCIDENT_CHARACTERS)
        and any(w in text for w in INCIDENT_LITERALS)
        and incidents()[1].search(text) is not None
    )


def incident_years(t: _Timeline) -> Iterator[Clash]:
    """``2024年，汶川地震发生后``: an incident of one known year dates the year written
    right before it (its year, or the next when the text says after it)."""
    f = t.folded
    _, pattern, by_name = incidents()
    for m in pattern.finditer(f):
        incident = by_name[m.group()]
        k = bisect_left(t.starts, m.start()) - 1
        if k < 0:
            continue
        expr = t.years[k]
        if expr.year is None or m.start() - expr.end > _INCIDENT_GAP:
            continue
        if _YEAR_TO_INCIDENT.fullmatch(f, expr.end, m.start()) is None:
            continue
        after = _AFTER_INCIDENT.match(f, m.end())
        tail = after.end() if after else m.end()
        if _NOT_DATING.match(f, tail) or _NOT_DATING.search(f, m.end(), m.end() + 8):
            continue  # 十周年, 以来, 纪念, 发生后三年: a time measured from it
        said = after is not None and after.end() > m.end()
        if not said and not f.startswith(_INCIDENT_ENDS, tail):
            continue  # 汶川地震灾后重建, 911事件遇难者: named after it, not dated by it
        later = after is not None and after[1] is not None
        expected = (incident.year, incident.year + 1) if later else (incident.year,)
        clash = t.clash(
            expr,
            expected,
            [(m.group(), m.start())],
            f"happened in {incident.year}",
            "incident",
        )
        if clash is not None:
            yield clash._replace(fixable=not later)
