"""Finding enumerations and the counts that announce them (computed once per document).

Two kinds of structure: *lists* — items inside one clause separated by 、 (or by
commas after an announcement such as ``“四个始终”，即…``) — and *announcements* — a
count that promises items (``“五带头”即:``, ``三点要求:``, ``四点意见``, ``三种观念:一是…``)
with the number of items that actually follow, counted inline, as 一是/二是 or 第一
markers, as inline numbering in the same paragraph (``一、…；二、…``, ``（一）…（二）…``,
``1.…2.…``, ``①…②…``), or as numbered sections 一、二、三 on the following lines.

Linear by construction: the whole document is searched once per kind of anchor (an
opening quote before a numeral, a count of two or more before a measure word, two 、
in one clause), never line by line; each sentence that holds an announced list is cut
into items once, whatever the number of announcements in it, and judged once (see
``Analysis``); markers, 一是…十是 and numbered sections are looked up in indexes
built once per line or document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import regex

from lint import Document
from rules.list_items.markers import HEAD, LineMarkers, numbering
from rules.numerals import parse_numeral
from rules.text import articles
from rules.vocabulary import marker_numerals, not_road_names, stop_characters

CLAUSE_ENDS = "，,；;。！？!?:：\n（）()"
# a 、 list counted after it also ends at a full-width full stop (甲、乙．把甲、乙两个)
_TRAILING_CLAUSE_ENDS = CLAUSE_ENDS + "．"
CONJUNCTIONS = ("以及", "及", "和", "与", "还有", "或者", "或")
# the numerals of counts and of 一是…十是 marks: the vocabulary's 一 … 十, and 两
_NUM = marker_numerals() + "两"
COUNTS = _NUM[1:]  # the numerals of a count of two or more

# The patterns are compiled on first use (``_patterns()``), never at import: a run that
# meets no list pays nothing for them.
# “五带头” / “四个始终” / “两个确保” / “三要”: a quoted term that starts with a count.
QUOTED = rf"[“\"]([{_NUM}])(个|项|大|条|点|种|要|是)?(\p{{Han}}{{0,4}})[”\"]"
# 三点要求 / 四点意见 / 三种观念 / 两个方面: a count of things that will be listed.
HEADS = (
    "要求|意见|建议|措施|观念|原则|任务|体会|做法|目标|内容|重点|问题|环节|思考|希望|转变|"
    "方面|看法|想法|感受|打算|举措|经验|理由|特点|标准"
)
_HEAD_MEASURES = "点条项种个"  # the measure words of UNQUOTED, by first character
UNQUOTED = rf"([{COUNTS}])(点|条|项|个方面|个|种)({HEADS})"
_NOT_COUNTED = _NUM + "第每前后这那"  # 十三点要求, 第三点意见, 每三个方面: not an announcement
LEAD = r"\s*[，,]?\s*(即|就是|是指|包括|分别是|具体是)?\s*([:：])?"
SECTION = rf"^\s*([{_NUM}]{{1,3}})、"
_CL = re.escape(CLAUSE_ENDS)


class _Patterns:
    """The module's compiled patterns (built once, on first use)."""

    def __init__(self) -> None:
        self.quoted = regex.compile(QUOTED)
        self.openers = {q: re.compile(f"{q}[{_NUM}]") for q in '“"'}  # where QUOTED may match
        self.quoted_opener = re.compile(f'[“"][{_NUM}]')
        # a quoted count of two or more, by quotation mark (a literal first)
        self.quoted_counts = tuple((q, re.compile(f"{q}[{COUNTS}]")) for q in '“"')
        # every announcement but a quoted one holds a count of two to twenty right before
        # a measure word; such a count ends in a count numeral or in 一 after one (十一):
        # one search per count numeral (a literal first)
        measures = f"[{_measure_starts()}]"
        self.counts_before_measure = tuple(
            (numeral, re.compile(f"{numeral}{_NUM[0]}?{measures}")) for numeral in COUNTS
        )
        self.unquoted = re.compile(UNQUOTED)
        # UNQUOTED, one search per measure word (a literal first), the count checked after
        # (the count is looked at before the heads: most measure words follow no count)
        self.counted_heads = tuple(
            (
                measure,
                re.compile(f"{measure}(?<=[{COUNTS}]{measure})(?:方面(?:{HEADS})|(?:{HEADS}))"),
            )
            if measure == "个"
            else (measure, re.compile(f"{measure}(?<=[{COUNTS}]{measure})(?:{HEADS})"))
            for measure in _HEAD_MEASURES
        )
        self.lead = regex.compile(LEAD)
        self.section = regex.compile(SECTION)
        self.marker_lead = re.compile("[:：，, \u3000即就包括如下]*")
        self.not_space = re.compile(r"\S")  # str.isspace's complement, as str.strip sees it
        self.list_end = re.compile("[" + re.escape(stop_characters("list")) + "]")
        self.comma = re.compile("[，,]")
        self.section_start = re.compile(rf"\n[^\S\n]*+[{_NUM}]")
        self.first_section = re.compile(rf"[^\S\n]*+[{_NUM}]")
        # clause lists of three items or more (two 、 in one clause), and the clause start
        self.long_list = re.compile(f"、[^{_CL}、]*+(?:、[^{_CL}、]*+)+")  # a literal first
        self.clause_start = re.compile(f"(?:[^{_CL}]*+[{_CL}])*+")  # up to the last end
        # characters that make two different strings the same item (spaces, quotes,
        # punctuation width); in a 、 list the clause punctuation ，：；（）！？ cannot
        # occur, and items of letters and digits only (str.isalnum) hold none of them
        # (one class: a clause holds no line break, so its spaces are all \s)
        self.normalisable = re.compile(r"[\s“”‘’\"'「」［］｛｝％＋－＝．／]")
        self.colon_count = regex.compile(_COLON_COUNT)
        # a colon with a count among the ten characters before it (a literal first)
        self.colon_candidates = {c: re.compile(_after_count(c)) for c in "：:"}
        self.trailing_count = re.compile(_TRAILING_COUNT)
        self.joined_count = re.compile(_JOINED_COUNT)
        # clause ends between 经 and a list: the 经 is another clause's (已经开始…，)
        self.route_breaks = frozenset(stop_characters("clause") + "\n")
        self.closing = re.compile('[”"」]')
        self.predicate = re.compile(_PREDICATE)
        # a 、 with a numeral before the next 、 or clause end, within the window, up to
        # its clause's end: the last 、 of each list counted after it is one (most are
        # not the last 、 of a list)
        self.trailing_candidate = re.compile(
            f"、(?=[^{_TCL}、]{{0,{_TRAILING_WINDOW - 1}}}[{_COUNT_NUMERALS}])[^{_TCL}]*+"
        )
        # a span up to its last clause end (none: an empty match)
        self.trailing_clause_start = re.compile(f"(?:[^{_TCL}]*+[{_TCL}])*+")
        # 和/及/与 with a numeral close after it, before a clause end or a 、 (a literal
        # first): the conjunction of a list of two counted after it (物流和金融三大)
        self.joined = {
            word: re.compile(f"{word}(?=[^{_TCL}、]{{0,{_JOINED_WINDOW}}}[{_COUNT_NUMERALS}])")
            for word in "和及与"
        }
        self.joined_stop = re.compile(f"[{_TCL}、]")


def _measure_starts() -> str:
    """The first characters of every measure word a count of items may take."""
    words = (*_HEAD_MEASURES, *_COLON_MEASURES, *TRAILING_MEASURES)
    return "".join(sorted({word[0] for word in words}))


def _after_count(colon: str) -> str:
    """A pattern for ``colon`` with a count among the ten characters before it."""
    behind = (f"(?<=[{COUNTS}](?s:.){{{k}}}{re.escape(colon)})" for k in range(10))
    return f"{re.escape(colon)}(?:{'|'.join(behind)})"


@cache
def _patterns() -> _Patterns:
    """The compiled patterns (compiled once per process)."""
    return _Patterns()


_ROAD_ENDINGS = ("道", "街", "路", "巷", "桥", "隧道", "公路", "交汇处", "回旋处", "总站", "邨")


class Item(NamedTuple):
    """One item of a list: its span (separators excluded) and its text without spaces."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Announcement:
    """A count that promises items, and how many were found (None: could not tell)."""

    start: int
    end: int
    label: str
    count: int
    listed: int | None = None
    how: str = ""  # "inline", "markers", "numbered" or "sections"


@dataclass(slots=True)
class Enumeration:
    """A list of items in one clause, with the announcement that counts it, if any."""

    items: list[Item]
    separator: str
    announcement: Announcement | None = None
    # counted inside a longer clause (大、中、小三类餐厅、学校食堂): the clause's other
    # items are still judged as a clause list
    inner: bool = False


@dataclass(slots=True)
class Analysis:
    """The announcements of a document and the lists that follow them.

    ``lists`` holds one list per sentence: when several announcements in one sentence
    are followed by items (``…即：a，“三个b”即：c、d``), the first one's list is judged;
    the others are counted (``listed``) but their items, which lie inside the first
    list, are not judged twice. ``covered`` are the spans of those lists, sorted.
    An analysis is shared by every rule that asks for it: read it, never change it.
    """

    announcements: list[Announcement] = field(default_factory=list)
    lists: list[Enumeration] = field(default_factory=list)
    covered: list[tuple[int, int]] = field(default_factory=list)


# Every list needs a 、 (a clause list) or an announcement, and every announcement a count
# of two to twenty (二 … 十, 两, all but the first of _NUM): DL001, DL002 and DL003 share
# this tuple, so the engine looks for these literals once per document (the commonest
# first), and may_hold_lists then looks closer.
TRIGGERS = ("、", *sorted(COUNTS, key="两三十二四五六八七九".find))
# Without a 、, an announcement also needs a quotation mark (``“五带头”``) or the measure
# word of a count (``三点要求``); a list of two joined by a conjunction (物流和金融三大)
# has its measure word among these (see JOINED_MEASURES).
_LITERALS_WITHOUT_LISTS = (
    "“", '"', "个", "点", "项", "条", "种",
    "大", "类", "方面", "部分", "领域", "环节", "板块", "要素", "位一体",
)  # fmt: skip


def may_hold_lists(document: Document) -> bool:
    """Whether DL001–DL003 may find anything: a clause of three 、 items two of which
    may be the same, or an announcement (a count before a measure word, a quoted count).

    A document holds no announcement without a count of two to twenty before a measure
    word (``三点要求``, ``四大``, ``两个方面``) or a quoted count (``“五带头”``): then only a
    clause of three or more 、 items can hold a copy, and only when two of its items are
    equal or it holds a space, a quote or punctuation that may make them so. Without a
    、 there is no clause list, no list of 、 items counted after it and no count before
    a colon (its list is of 、 items); only a quoted count, a count of requirements
    (``三点要求``) or a list of two counted after it (``物流和物流两大``, see
    ``joined_lists``) is then left.
    Computed once per document, shared by the three rules.
    """
    return document.memo(_lists_gate) != 0


def may_announce(document: Document) -> bool:
    """Whether the document may hold an announcement (see ``may_hold_lists``)."""
    return document.memo(_lists_gate) & _ALL_KINDS != 0


# The gate's value: the kinds of announcement a document may hold (see
# _announcement_kinds), and whether it holds a clause list that may hold a copy.
_OWN_COUNT = 1  # a quoted count, a counted head (三点要求) or a count before a colon
_COUNT_AFTER_LIST = 2  # a count with a 、 before it: the last of a list counted after it
_COUNT_AFTER_JOIN = 4  # a count with 和/及/与 before it: a list of two counted after it
_ALL_KINDS = 7
_CLAUSE = 8  # a clause of three or more 、 items that may hold a copy


def _lists_gate(document: Document) -> int:
    """The kinds of announcement and _CLAUSE, for what the document may hold (0: nothing
    to judge)."""
    text = document.text
    if "、" in text:
        # the clauses that may hold a copy are looked for once, here: clause_lists reads them
        kinds = _announcement_kinds(text, True)
        return kinds | _CLAUSE if document.memo(_copy_clauses) else kinds
    # no 、: a quoted count, a counted head (三点要求) or a list of two counted after it
    # (物流和金融三大) is all that is left
    if not ("和" in text or "及" in text or "与" in text or "“" in text or '"' in text):
        return _OWN_COUNT if _counted_heads(text, first_only=True) else 0  # a head at most
    kinds = _announcement_kinds(text, False)
    if kinds & _OWN_COUNT:
        return kinds
    if (
        kinds & _COUNT_AFTER_JOIN
        and any(map(text.__contains__, _LITERALS_WITHOUT_LISTS))
        and joined_lists(document)
    ):
        return kinds
    return 0


def _announcement_kinds(text: str, listed: bool) -> int:
    """The kinds of announcement that may start in ``text`` (0: none can; ``listed``:
    the text holds a 、).

    A quoted count of two or more, or a count before a measure word (a superset of every
    announcement's count) that starts a counted head (``三点要求``) or has a colon right
    after it (``四大产业：``, in a text with a 、) is a count of its own (_candidates);
    one with a 、 within the window before it (the last of a list counted after it:
    ``会展四大``, in a text with a 、) may end a list of 、 items (_trailing_lists); one
    with a conjunction within the window before it (``物流和金融三大``) a list of two
    (joined_lists). Each analysis looks only where its kind may start. Computed once per
    document, by the gate.
    """
    patterns = _patterns()
    kinds = 0
    for quote, pattern in patterns.quoted_counts:
        if quote in text and pattern.search(text) is not None:
            kinds = _OWN_COUNT
            break
    for numeral, pattern in patterns.counts_before_measure:
        if numeral not in text:
            continue
        # one search per match (cheaper than finditer: most numerals start no count)
        m = pattern.search(text)
        while m is not None:
            i = m.start()
            if text[i + 1] in _HEAD_MEASURES and patterns.unquoted.match(text, i) is not None:
                kinds |= _OWN_COUNT
            near = text[max(0, i - _TRAILING_WINDOW) : i]
            if listed:
                if "、" in near:
                    kinds |= _COUNT_AFTER_LIST
                if "：" in text[i + 2 : i + 11] or ":" in text[i + 2 : i + 11]:
                    kinds |= _OWN_COUNT
            if "和" in near or "及" in near or "与" in near:
                kinds |= _COUNT_AFTER_JOIN
            if kinds == _ALL_KINDS:
                return kinds
            m = pattern.search(text, m.end())
    return kinds


_COUNT_SET = frozenset(COUNTS)


def _counted_heads(text: str, first_only: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each match of UNQUOTED (``三点要求``), in no particular order.

    Matches cannot overlap (only their first character is a numeral), so one search
    per measure word finds them all; ``first_only`` stops at the first.
    """
    out = []
    for measure, pattern in _patterns().counted_heads:
        if measure not in text:
            continue
        m = pattern.search(text)  # (one search per match: most measure words start none)
        while m is not None:
            s = m.start() - 1
            if s >= 0 and text[s] in _COUNT_SET:
                out.append((s, m.end()))
                if first_only:
                    return out
            m = pattern.search(text, m.end())
    return out


def enumerations(document: Document) -> Analysis:
    """The document's announcements and announced lists (computed once per document)."""
    return document.memo(_analyse)


def clause_lists(document: Document) -> list[Enumeration]:
    """Lists of three or more 、-separated items in one clause that may hold a copy.

    Only lists in which two items could be the same item (equal, or differing in
    spaces, quotes or punctuation width) are returned, outside announced lists.
    """
    return document.memo(_clause_lists)


def items_between(text: str, bounds: list[tuple[int, int]]) -> list[Item]:
    """The items of the given raw spans: trimmed of spaces, an empty item keeps its start."""
    out = []
    for pos, stop in bounds:
        if stop - pos > 1 and text[stop - 1] == "." and not text[stop - 2].isascii():
            stop -= 1  # a half-width full stop after the last item (…会展.)
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        out.append(Item(pos + lead, pos + max(trail, lead), raw.strip()))
    return out


def is_route(items: list[Item], text: str, start: int) -> bool:
    """Whether a list is a path (roads, stops): a path may pass the same place twice.

    A path follows 经 (途经, 开经：) in its own clause (not 已经…，, 经过高温油炸，), or
    names roads in half of its items (not 味道, 铁路: words, not road names).
    """
    before = text[max(start - 8, 0) : start]
    via = before.rfind("经")
    if via != -1 and _patterns().route_breaks.isdisjoint(before[via + 1 :]):
        return True
    not_roads = not_road_names()  # (味道, 铁路: words, not road names)
    roads = sum(1 for it in items if it.text.endswith(_ROAD_ENDINGS) and it.text not in not_roads)
    return roads * 2 >= len(items)


# -- announcements --------------------------------------------------------------------


_NOTHING = Analysis()  # shared by the documents that announce nothing: read-only


def _analyse(document: Document) -> Analysis:
    kinds = document.memo(_lists_gate) & _ALL_KINDS  # where each kind may start, if at all
    if not kinds:
        return _NOTHING  # no count and no quoted count: no announcement, no list of them
    text = document.text
    # a count before a colon and a count after a list both count 、 items
    listed = "、" in text
    found = _candidates(text, listed) if kinds & _OWN_COUNT else []
    trailing = _trailing_lists(text) if listed and kinds & _COUNT_AFTER_LIST else []
    joined = joined_lists(document) if kinds & _COUNT_AFTER_JOIN else []
    if joined:  # in clauses without 、: never one of the lists above
        trailing = sorted([*trailing, *joined], key=lambda e: e.items[0].start)
    if not found and not trailing:
        return _NOTHING
    result = Analysis()
    context = _Context(document)
    for start, end, label, count in found:
        line = context.line_of(start)
        colon = label.startswith("#")  # a count before a colon: 、 items only
        if colon:
            label = label[1:]
            if not _only_items_after(context, line, end):
                continue
        ann = Announcement(start, end, label, count)
        inline = _inline_list(context, line, ann)
        if colon and not isinstance(inline, Enumeration):
            continue
        if inline is not None:
            result.announcements.append(ann)
            if isinstance(inline, Enumeration):
                result.lists.append(inline)
            continue
        if _count_markers(context, line, ann) or _count_sections(context, line, ann):
            result.announcements.append(ann)
    covered = sorted(s.cover for s in context.sentences() if s.cover is not None)
    if trailing:
        starts = [a for a, _ in covered]
        for enum in trailing:
            assert enum.announcement is not None
            k = bisect_left(starts, enum.announcement.end) - 1
            if k >= 0 and enum.items[0].start < covered[k][1]:
                continue  # inside a list announced before it
            result.announcements.append(enum.announcement)
            result.lists.append(enum)
        result.announcements.sort(key=lambda a: a.start)
        covered = sorted(
            [*covered, *((e.items[0].start, e.items[-1].end) for e in trailing if not e.inner)]
        )
    result.covered = covered
    return result


def _candidates(text: str, listed: bool) -> list[tuple[int, int, str, int]]:
    """Every announcement's (start, end, label, count), in document order.

    Counts before a colon are looked for only in a text with a 、 (``listed``): they
    count 、 items only.
    """
    patterns = _patterns()
    found = []
    starts: list[int] = []
    for quote, pattern in patterns.openers.items():
        if quote in text:
            starts.extend(m.start() for m in pattern.finditer(text))
    starts.sort()
    after = 0  # QUOTED matches do not overlap (a closing " never opens the next one)
    for s in starts:
        if s < after:
            continue
        m = patterns.quoted.match(text, s)
        if m is None:
            continue
        after = m.end()
        count = parse_numeral(m[1])
        if count is None or count < 2 or len(m[0]) < 4:
            continue
        found.append((s, m.end(), m[0], count))
    for s, end in _counted_heads(text):
        if s > 0 and text[s - 1] in _NOT_COUNTED:
            continue
        count = parse_numeral(text[s])
        if count is not None and count >= 2:
            found.append((s, end, text[s:end], count))
    if listed:
        taken = {f[0] for f in found}
        for s, end, label, count in _colon_counts(text):
            if s not in taken:
                found.append((s, end, label, count))
    found.sort()
    return found


# 重点发展四大产业：物流、金融、会展 / 抓好三项工作：…: a count, a noun and a colon; only a
# list of 、 items after it is counted (prose after a colon is no list)
_COLON_MEASURES = ("个方面", "方面", "大", "项", "个", "种", "类", "条", "件")
_COLON_COUNT = rf"([{COUNTS}])({'|'.join(_COLON_MEASURES)})(\p{{Han}}{{0,6}})$"


def _colon_counts(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, label, count) of each ``四大产业：`` right before a colon.

    One search per kind of colon finds those with a count among the ten characters
    before them (the usual colon has none).
    """
    patterns = _patterns()
    out = []
    for colon, candidates in patterns.colon_candidates.items():
        if colon not in text:
            continue
        for candidate in candidates.finditer(text):
            i = candidate.start()
            m = patterns.colon_count.search(text, max(0, i - 10), i)
            if m is not None:
                s = m.start()
                count = parse_numeral(m[1])
                if (s == 0 or text[s - 1] not in _NOT_COUNTED) and count and count >= 2:
                    out.append((s, i, "#" + m[0], count))
    return out


class _Line(LineMarkers):
    """A line that holds announcements: its markers, list ends and sentences, on demand."""

    __slots__ = ("_ends", "_marks", "_stripped_end", "newline", "sentences")

    def __init__(self, start: int, end: int, newline: int) -> None:
        super().__init__(start, end)
        self.newline = newline  # the offset of its line break (the text's length if none)
        self._ends: list[int] | None = None
        self.sentences: dict[int, _Sentence] = {}  # by stop
        self._marks: dict[str, list[list[int]]] = {}
        self._stripped_end: int | None = None

    def stripped_end(self, text: str) -> int:
        """The end of the line without trailing spaces."""
        if self._stripped_end is None:
            end = self.end
            while end > self.start and text[end - 1].isspace():
                end -= 1
            self._stripped_end = end
        return self._stripped_end

    def sentence_at(self, text: str, pos: int) -> _Sentence:
        """The sentence (up to a list end: ；。！？) that holds ``pos``."""
        if self._ends is None:
            found = _patterns().list_end.finditer(text, self.start, self.end)
            self._ends = [m.start() for m in found]
        i = bisect_left(self._ends, pos)
        stop = self._ends[i] if i < len(self._ends) else self.end
        sentence = self.sentences.get(stop)
        if sentence is None:
            lo = self._ends[i - 1] + 1 if i > 0 else self.start
            sentence = self.sentences[stop] = _Sentence(lo, stop)
        return sentence

    def marks(self, text: str, form: str) -> list[list[int]]:
        """Offsets of 一是…十是 (or 一要…, 第一…) on this line, for each number."""
        found = self._marks.get(form)
        if found is None:
            found = []
            for c in _NUM[:10]:
                mark, where = form.format(c), []
                i = text.find(mark, self.start, self.end)
                while i != -1:
                    where.append(i)
                    i = text.find(mark, i + 1, self.end)
                found.append(where)
            self._marks[form] = found
        return found


class _Separated(NamedTuple):
    """A sentence cut at one kind of separator: what any suffix of it holds as a list."""

    positions: list[int]  # the separators
    blank_from: list[bool]  # [i]: an item after separator i (or a later one) is blank
    joined: bool  # the last item holds a conjunction: the count is unsure


class _Sentence:
    """A sentence holding announcements, cut into items once per kind of separator."""

    __slots__ = ("_cuts", "cover", "lo", "stop")

    def __init__(self, lo: int, stop: int) -> None:
        self.lo = lo
        self.stop = stop
        self._cuts: dict[str, _Separated] = {}
        # the span of its announced lists; set once the first one is judged
        self.cover: tuple[int, int] | None = None

    def cut(self, text: str, separator: str) -> _Separated:
        """The sentence cut at ``separator`` (``，`` for either comma, or ``、``)."""
        cut = self._cuts.get(separator)
        if cut is None:
            patterns = _patterns()
            if separator == "，":
                found = patterns.comma.finditer(text, self.lo, self.stop)
                positions = [m.start() for m in found]
            else:
                positions, i = [], text.find(separator, self.lo, self.stop)
                while i != -1:
                    positions.append(i)
                    i = text.find(separator, i + 1, self.stop)
            blank_from = [False] * (len(positions) + 1)
            for g in range(len(positions) - 1, -1, -1):
                nxt = positions[g + 1] if g + 1 < len(positions) else self.stop
                blank = patterns.not_space.search(text, positions[g] + 1, nxt) is None
                blank_from[g] = blank or blank_from[g + 1]
            last = text[positions[-1] + 1 : self.stop] if positions else ""
            joined = any(c in last for c in CONJUNCTIONS)
            cut = self._cuts[separator] = _Separated(positions, blank_from, joined)
        return cut


class _Context:
    """Per-document state of the analysis: lines met so far, the section index."""

    __slots__ = ("_article_starts", "_last", "_lines", "_sections", "document", "text")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self._lines: dict[int, _Line] = {}  # by start
        self._last: _Line | None = None
        self._sections: _Sections | None = None
        self._article_starts: list[int] | None = None

    def line_of(self, pos: int) -> _Line:
        """The line holding ``pos``; offsets come in order, so no text is searched twice."""
        last = self._last
        if last is not None and last.start <= pos <= last.newline:
            return last
        floor = last.newline if last is not None and last.newline < pos else 0
        line = self._last = self.line_at(self.text.rfind("\n", floor, pos) + 1)
        return line

    def line_at(self, start: int) -> _Line:
        """The line that starts at ``start``."""
        line = self._lines.get(start)
        if line is None:
            text = self.text
            newline = text.find("\n", start)
            if newline == -1:
                newline = len(text)
            end = newline - 1 if newline > start and text[newline - 1] == "\r" else newline
            line = self._lines[start] = _Line(start, end, newline)
        return line

    def sentences(self) -> list[_Sentence]:
        """Every sentence met so far."""
        return [s for line in self._lines.values() for s in line.sentences.values()]

    def article_end(self, pos: int) -> int:
        """The end of the article holding ``pos`` (the document's end when none does)."""
        found = articles(self.document)
        if self._article_starts is None:
            self._article_starts = [a.start for a in found]
        i = bisect_right(self._article_starts, pos) - 1
        if i >= 0 and found[i].start <= pos < found[i].end:
            return found[i].end
        return len(self.text)

    def sections(self) -> _Sections:
        """The index of numbered section lines (built on first use)."""
        if self._sections is None:
            self._sections = _Sections(self)
        return self._sections


def _inline_list(context: _Context, line: _Line, ann: Announcement) -> Enumeration | bool | None:
    """``“五带头”即:a、b、c`` / ``“四个始终”，即a，b，c，d。``: items right after the term.

    Returns the list, True when the items were counted inside an earlier list of the
    same sentence, or None when no inline list follows.
    """
    text = context.text
    lead = _patterns().lead.match(text, ann.end, line.end)
    if lead is None or not (lead[1] or lead[2]):
        return None
    start = lead.end()
    sentence = line.sentence_at(text, start)
    stop = sentence.stop
    head = text[start : min(start + 4, stop)]
    if "一是" in head or "一要" in head:
        return None  # markers: counted by _count_markers
    if text.startswith("第一", start, stop) or "首先" in head:
        return None  # 第一…第二…: counted by _count_markers
    first = _patterns().not_space.search(text, start, stop)
    if first is not None and numbering(text[first.start() : min(first.start() + HEAD, stop)]):
        return None  # 一、…；二、… / （一）…（二）…: counted by _count_markers
    commas = sentence.cut(text, "，").positions
    separator = "，" if commas and commas[-1] >= start else "、"
    cut = sentence.cut(text, separator)
    i = bisect_left(cut.positions, start)
    if i == len(cut.positions):
        return None  # one item
    if first is None or first.start() >= cut.positions[i] or cut.blank_from[i]:
        return None  # an empty item
    if cut.joined:
        return None  # 不穿…，不穿…以及不系领带: the last items are joined, count unsure
    ann.listed, ann.how = len(cut.positions) - i + 1, "inline"
    if sentence.cover is not None:  # counted; its items lie inside the sentence's list
        sentence.cover = (min(sentence.cover[0], first.start()), sentence.cover[1])
        return True
    bounds = [(start, cut.positions[i])]
    ends = [*cut.positions[i + 1 :], stop]
    bounds += [(p + 1, e) for p, e in zip(cut.positions[i:], ends, strict=True)]
    items = items_between(text, bounds)
    sentence.cover = (items[0].start, items[-1].end)
    return Enumeration(items, separator, ann)


def _only_items_after(context: _Context, line: _Line, colon: int) -> bool:
    """Whether the sentence after a colon is a list of 、 items and nothing else."""
    text = context.text
    sentence = line.sentence_at(text, colon + 1)
    body = text[colon + 1 : sentence.stop]
    if body.count("、") < 1 or _patterns().comma.search(body) or len(body) > 80:
        return False
    if "等" in body or any(c in body for c in "（()）"):
        return False  # 鼓类包括有单皮鼓（板鼓）、…等: an open list of something else
    first = body.lstrip().split("、", 1)[0]
    return len(first) <= _LONGEST_ITEM and "一是" not in first and not first.startswith("第一")


def _count_markers(context: _Context, line: _Line, ann: Announcement) -> bool:
    """``三种观念:一是…二是…`` / ``三点要求：一、…；二、…``: count the paragraph's markers."""
    text = context.text
    end = ann.end
    head_start = _patterns().marker_lead.match(text, end, line.end).end()
    head = text[head_start : min(head_start + HEAD, line.end)]
    led = any(c not in " \u3000" for c in text[end:head_start])  # not only spaces
    if led and (style := numbering(head)) is not None:
        # 三点要求：一、… (not 两个问题①, a footnote mark right after the words)
        n, how = line.count_from(text, head_start, style), "numbered"
    elif head.startswith("第一") or head[:2] in ("一是", "一要"):
        marks = line.marks(text, "第{}" if head[0] == "第" else "{}" + head[1])
        n, pos = 1, head_start
        while n < 10:
            where = marks[n]
            j = bisect_left(where, pos + 2)
            if j == len(where):
                break
            n, pos = n + 1, where[j]
        how = "markers"
    else:
        return False
    if n < 2:
        return False  # the other markers are in later paragraphs: cannot tell
    ann.listed, ann.how = n, how
    return True


# -- numbered sections ----------------------------------------------------------------


class _Sections:
    """Lines that start a numbered section (一、二、…), with the runs that count up."""

    __slots__ = ("_numbered", "run", "starts", "values")

    def __init__(self, context: _Context) -> None:
        text = context.text
        self.starts: list[int] = []  # line starts
        self.values: list[int | None] = []
        heads: list[tuple[int, int]] = []  # (line start, its first numeral)
        patterns = _patterns()
        first = patterns.first_section.match(text)
        if first is not None:
            heads.append((0, first.end() - 1))
        heads.extend((m.start() + 1, m.end() - 1) for m in patterns.section_start.finditer(text))
        for start, numeral in heads:
            # a section number is at most three numerals and 、: the line's head decides
            m = patterns.section.match(text[start : numeral + 4])
            if m is not None:
                self.starts.append(start)
                self.values.append(parse_numeral(m[1]))
        # run[i]: how many sections count up by one from section i
        self.run = [1] * len(self.starts)
        for i in range(len(self.starts) - 2, -1, -1):
            v, w = self.values[i], self.values[i + 1]
            if v is not None and w == v + 1:
                self.run[i] = self.run[i + 1] + 1
        self._numbered: dict[int, int] = {}

    def first_after(self, pos: int) -> int:
        """The index of the first section line starting after ``pos``."""
        return bisect_right(self.starts, pos)


def _count_sections(context: _Context, line: _Line, ann: Announcement) -> bool:
    """``讲四点意见。`` at the end of a paragraph: count the sections 一、二、… after it."""
    text = context.text
    rest = _patterns().not_space.search(text, ann.end, line.end)
    if rest is not None and line.stripped_end(text) - rest.start() > 3:
        return False
    sections = context.sections()
    stop = context.article_end(line.start)
    i = sections.first_after(line.start)
    if i == len(sections.starts) or sections.starts[i] >= stop or sections.values[i] != 1:
        return False
    counted = min(sections.run[i], bisect_left(sections.starts, stop) - i)
    if counted == 1:  # one section: its line may hold the list (一、…；二、…；三、…)
        n = _numbered_line(context, sections.starts[i])
        if n >= 2:
            ann.listed, ann.how = n, "numbered"
            return True
    ann.listed, ann.how = counted, "sections"
    return True


def _numbered_line(context: _Context, start: int) -> int:
    """How many inline markers a section line counts from its first one (once per line)."""
    sections = context.sections()
    n = sections._numbered.get(start)
    if n is None:
        text = context.text
        line = context.line_at(start)
        first = _patterns().not_space.search(text, start, line.end)
        head = first.start() if first is not None else line.end
        style = numbering(text[head : min(head + HEAD, line.end)])
        n = line.count_from(text, head, style) if style else 1
        sections._numbered[start] = n
    return n


# -- clause lists ---------------------------------------------------------------------


def _copy_clauses(document: Document) -> list[tuple[int, list[str]]]:
    """(start, raw items) of each clause of three or more 、 items in which two items may
    be the same item (equal, or differing in spaces, quotes or punctuation width)."""
    text = document.text
    patterns = _patterns()
    clause_start, normalisable = patterns.clause_start, patterns.normalisable
    out = []
    after = 0  # the end of the last clause seen
    for m in patterns.long_list.finditer(text):
        start = _clause_start(clause_start, text, after, m.start())
        after = m.end()
        clause = text[start:after]
        parts = clause.split("、")
        if len(set(parts)) == len(parts) and (
            all(map(str.isalnum, parts)) or normalisable.search(clause) is None
        ):
            continue  # every item differs from every other: nothing to judge
        out.append((start, parts))
    return out


def _clause_lists(document: Document) -> list[Enumeration]:
    if "、" not in document.text:
        return []
    found = document.memo(_copy_clauses)
    if not found:
        return []
    text = document.text
    covered = document.memo(_analyse).covered
    cover_starts = [a for a, _ in covered]
    out = []
    for start, parts in found:
        bounds, pos = [], start
        for part in parts:
            bounds.append((pos, pos + len(part)))
            pos += len(part) + 1
        items = items_between(text, bounds)
        k = bisect_left(cover_starts, items[-1].end) - 1
        if k >= 0 and items[0].start < covered[k][1]:
            continue  # inside an announced list
        items[0], items[-1] = _inside_quote(items[0]), _inside_quote(items[-1], last=True)
        out.append(Enumeration(items, "、"))
    return out


_OPENERS = "“‘「『《〈【（([\"'"
_CLOSERS = "”’」』》〉】）)]\"'"


def _inside_quote(item: Item, last: bool = False) -> Item:
    """A clause's first (last) item without the quote or bracket that opens (closes) the
    list: in ``“左、右、左、右”`` the items are ``左`` and ``右``; a quote closed inside the
    item (``“甲”、乙``, ``乙、“丙”``) is the item's own."""
    if last:
        body = item.text.rstrip(_CLOSERS)
        if len(body) == len(item.text) or not body or any(c in _OPENERS for c in body):
            return item
        return Item(item.start, item.start + len(body), body)
    body = item.text.lstrip(_OPENERS)
    if len(body) == len(item.text) or not body or any(c in _CLOSERS for c in body):
        return item
    return Item(item.end - len(body), item.end, body)


# -- counts after the list ------------------------------------------------------------
#
# ``加快发展物流、金融、会展四大现代服务业`` / ``建成科技馆、博物馆等五大场馆`` /
# ``由序言、正文和附则三部分组成``: the count follows the items. The last item ends where
# the count starts (``会展`` | ``四大``), after an optional ``等``/``这``/``共``; a
# conjunction before the last item (和, 及, 与) separates it from the one before.

# measure words of people, institutions and places (三位发起人, 两家公司, 四市, 三代): they
# count the items of a 、 list when they differ from it by little (see _counts_alike), but
# not those of a list of two (他和妻子两位: see JOINED_MEASURES)
COUNTED_ALIKE = ("位", "名", "家", "所", "座", "门", "市", "代", "支", "件", "批")
# measure words after a count that count the items just listed (longest first). Words
# that count something else after a list (年, 天, 次, 人, 名, 家…) are left out.
TRAILING_MEASURES = (
    "位一体",
    "个方面",
    "个领域",
    "个环节",
    "个阶段",
    "个层次",
    "个板块",
    "个部分",
    "部分",
    "方面",
    "领域",
    "环节",
    "板块",
    "要素",
    "省市",
    "大",
    "个",
    "种",
    "类",
    "项",
    "条",
    "级",
    "地",
    "省",
    "国",
    "化",
    "者",
    *COUNTED_ALIKE,
)
# after these measure words, a word that is no count of the items (三位数, 三门峡)
_NOT_AFTER_MEASURE = {"位": ("数",), "门": ("峡",), "名": ("次",)}
_COUNT_NUMERALS = _NUM
_COUNT_NUMERAL_SET = frozenset(_COUNT_NUMERALS)
# the count (a run of numerals) and its measure word, searched in a short window
_TRAILING_COUNT = f"([{_COUNT_NUMERALS}]+)({'|'.join(TRAILING_MEASURES)})"
# a list of two joined by 和 (物流和金融三大) is counted by these (not 三位, 两家: see
# COUNTED_ALIKE)
_JOINED_COUNT = (
    f"([{_COUNT_NUMERALS}]+)({'|'.join(m for m in TRAILING_MEASURES if m not in COUNTED_ALIKE)})"
)
_TRAILING_WINDOW = 16  # the last item and its count lie within this many characters
_LONGEST_ITEM = 12  # items of a list counted after it are short nouns
# after 个: a duration or an approximation, not a count of the items (两个月, 三个多)
_NOT_AFTER_GE = ("月", "多", "半", "小时", "星期", "钟头", "礼拜", "工作日", "以上", "以下")
# words that may stand between the last item and its count, and are not part of the item
_BEFORE_COUNT = ("等共", "等", "这", "共")
# a count right after these is not the list's: distributive, approximate, a predicate
_NOT_BEFORE_COUNT = set("各每约近超逾达有为是的了到至第前后那几数多余之和及与")
# items past the first are nouns: these characters make one a clause (民政部已启动国家四级)
_NOT_IN_ITEM = set("已在了将对把被从向于是为有就都也还再又")
# nouns that hold one of them and are still nouns (有色金属, 有机农业, 再生资源)
_NOUNS_WITH_CLAUSE_WORDS = ("有色", "有机", "有限", "有线", "在线", "再生", "将军", "对象")


def _clause_like(item: str) -> bool:
    """Whether an item past the first holds a clause word (民政部已启动), not a noun."""
    if _NOT_IN_ITEM.isdisjoint(item):
        return False
    for noun in _NOUNS_WITH_CLAUSE_WORDS:
        item = item.replace(noun, "")
    return not _NOT_IN_ITEM.isdisjoint(item)


# measure words that also name levels or grades (国家四级响应, 九级伤残): the items must
# be short, as in 省、市、县三级
_SHORT_ITEMS_ONLY = {"级": 3}
_JOINS = ("以及", "及", "和", "与")
# a predicate between the items and their count: 是中国的四大…, 并称为“三大…
_PLACE = "(?:中国|我国|世界|全国|国内|古代|现代|当今)?"
_PREDICATE = (
    f"(?:(?:并称为|合称为|统称为|同称为|并称|合称|统称|同称|被称为|称为|被誉为|誉为){_PLACE}的?"
    f"|齐名的|是{_PLACE}的)$"
)
_QUOTE_PAIRS = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"))
_TCL = re.escape(_TRAILING_CLAUSE_ENDS)


def _trailing_lists(text: str) -> list[Enumeration]:
    """Lists of 、-separated items followed by the count of their items (``四大``).

    A list runs from its clause's start to the clause's end, its items separated by
    、. One search finds each 、 followed by a numeral within the window, and the end
    of its clause (the usual list has no numeral after its last 、); a list whose
    last 、 is followed by a count is then cut once, from its clause's start (see
    ``_clause_start``) to its clause's end.
    """
    patterns = _patterns()
    candidates, counts = patterns.trailing_candidate, patterns.trailing_count
    out = []
    after = 0  # the end of the last list seen (a clause end, or the text's end)
    found = candidates.search(text)
    while found is not None:
        sep, end = found.span()
        last = text.rfind("、", sep, end)
        window = text[last + 1 : min(end, last + 1 + _TRAILING_WINDOW)]
        # the list's last 、 is followed by a numeral and a measure word
        count = None
        if not _COUNT_NUMERAL_SET.isdisjoint(window):
            count = counts.search(window)
        inner = count is None and last > sep
        if inner:
            # 大、中、小三类餐厅、商业中心区餐厅: a count inside the clause's items
            last, window, count = _inner_count(text, sep, last)
        if count is not None:
            start = _clause_start(patterns.trailing_clause_start, text, after, sep)
            first_sep = text.find("、", start, sep + 1)
            enum = _trailing_list(text, start, first_sep, last, window, count)
            if enum is not None:
                enum.inner = inner
                out.append(enum)
        after = end
        found = candidates.search(text, end)
    return out


def _inner_count(text: str, sep: int, last: int) -> tuple[int, str, re.Match[str] | None]:
    """The first 、 from ``sep`` (before ``last``) whose item is followed by a count.

    ``大、中、小三类餐厅、商业中心区餐厅、学校食堂``: a list counted inside a longer
    clause, the count and its noun an item of the clause's list (not when 等 follows
    it in its item: ``中亚五国等新兴市场`` names a group). Each item of the clause is
    looked at once (its first ``_TRAILING_WINDOW`` characters).
    """
    counts = _patterns().trailing_count
    pos = sep
    while pos < last:
        nxt = text.find("、", pos + 1, last + 1)
        window = text[pos + 1 : min(nxt, pos + 1 + _TRAILING_WINDOW)]
        if not _COUNT_NUMERAL_SET.isdisjoint(window):
            count = counts.search(window)
            # not 拉美、非洲、中亚五国等新兴市场: a count inside a name, in an open list
            if count is not None and text.find("等", pos + 1 + count.end(), nxt) == -1:
                return pos, window, count
        pos = nxt
    return last, "", None


_NEAR = 32  # a clause's start is looked for this far back first


def _clause_start(last_end: re.Pattern[str], text: str, after: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after its last clause end before ``pos``.

    ``last_end`` matches up to the last clause end of a span; none is looked for
    before ``after`` (the end of the list seen before), which is returned when there
    is none. Linear: the span before ``pos - _NEAR`` is searched only when the near
    one holds no clause end, and a later call never searches before this ``pos``.
    """
    near = max(after, pos - _NEAR)
    end = last_end.match(text, near, pos).end()
    if end > near or near == after:
        return end
    return last_end.match(text, after, near).end()


def _trailing_list(
    text: str,
    start: int,
    first_sep: int,
    last: int,
    window: str,
    count_match: re.Match[str],
) -> Enumeration | None:
    """The list from ``start`` whose last item (after ``last``) is followed by its count.

    ``count_match`` is the first count and measure word in ``window``, the text after
    the last 、.
    """
    patterns = _patterns()
    run, measure = count_match[1], count_match[2]
    head = window[: count_match.start()]
    # the count is the longest tail of the run that is a number (初三三个: 初三 | 三个)
    for k in range(len(run)):
        count = parse_numeral(run[k:])
        if count is not None:
            head, run = head + run[:k], run[k:]
            break
    else:
        return None
    if count < 2 or count > 20:
        return None
    count_start = last + 1 + len(head)
    count_end = count_start + len(run) + len(measure)
    follower = text[count_end : count_end + 4]
    if follower[:1] in _COUNT_NUMERALS or follower.startswith(("和", "及", "与", "以及")):
        return None  # 三省一市, 三省和上海市: a compound count, it sums
    if measure == "个" and follower.startswith(_NOT_AFTER_GE):
        return None  # 三个月, 两个多
    if follower.startswith(_NOT_AFTER_MEASURE.get(measure, ())):
        return None  # 三位数, 三门峡: no count
    if follower.startswith("等"):
        return None  # 非洲、中亚五国等新兴市场: a group's name in an open list
    label_span = (count_start, count_end)
    # 道路自信、理论自信、制度自信“四个自信”: a count term in quotes (a half-width " opens
    # it only when the last item's own quotes are paired: "双创"四项 is no count term)
    quoted = head.endswith(("“", "「")) or (head.endswith('"') and head.count('"') % 2 == 1)
    if quoted:
        head = head[:-1]
        close = patterns.closing.search(text, count_end, count_end + 6)
        if close is not None:
            label_span = (count_start - 1, close.end())
    # 造纸术、印刷术、火药和指南针是中国的四大…, 莫高窟与…、…并称为中国“三大石窟”
    predicate = patterns.predicate.search(head)
    if predicate is not None:
        head = head[: predicate.start()]
    elif quoted:
        # of the items' kind (not 统筹推进“五位一体”总体布局、协调推进“四个全面”: there
        # the quoted term is an item)
        noun = text[count_end : label_span[1] - 1] if label_span[1] > count_end else ""
        if measure != "位一体" and (len(noun) < 2 or not head.endswith(noun[-2:])):
            return None
    open_list = False  # 汉、藏、白、回等十三个民族: 等 may leave items unnamed
    for word in _BEFORE_COUNT:
        if head.endswith(word):
            head = head[: -len(word)]
            open_list = word.startswith("等")
            break
    if not head.strip() or head[-1] in _NOT_BEFORE_COUNT or head[-1] in _COUNT_NUMERALS:
        return None  # 三、四个人 (a range), 各两个, 的三大
    if _quoted(text, start, last + 1 + len(head)):
        return None  # the list is inside a quotation or a title
    # the items: the clause's 、 parts, the last one cut at the count and at a conjunction
    bounds = []
    pos = start
    if predicate is not None:  # 莫高窟与山西云岗石窟、…并称: the subject is an item too
        subject = max(text.rfind(w, start, first_sep) for w in "与和同")
        if subject > start:
            bounds.append((start, subject))
            pos = subject + 1
    sep = first_sep
    while sep < last:
        bounds.append((pos, sep))
        pos = sep + 1
        sep = text.find("、", pos, last + 1)
    bounds.append((pos, last))
    tail = (last + 1, last + 1 + len(head))
    joined = None
    for word in _JOINS:
        j = head.rfind(word)
        if j > 0 and j + len(word) < len(head.rstrip()):
            joined = (last + 1 + j, last + 1 + j + len(word))
            break
    if joined is None:
        bounds.append(tail)
    else:
        bounds += [(tail[0], joined[0]), (joined[1], tail[1])]
    items = _split_copied_conjunct(text, items_between(text, bounds))
    longest = _SHORT_ITEMS_ONLY.get(measure, _LONGEST_ITEM)
    for i, item in enumerate(items):
        if not any(c.isalpha() for c in item.text):
            return None  # 0.85、0.805: numbers, not items
        if i == 0:
            if _holds_number(item.text[-2:]):
                return None  # 设有文书一人、管理人员三名: a roster, each item counted
            continue  # the first item holds the clause's lead (加快发展物流)
        if len(item.text) > longest or _clause_like(item.text):
            return None
        if _holds_number(item.text):
            return None  # 两、三天, 两处五级伤残、两处九级: numbers of their own
        if "等" in item.text or (i < len(items) - 1 and any(w in item.text for w in _JOINS)):
            return None  # 京、津、冀和长三角、珠三角, 四川等省: items that hold lists
    listed = len(items)
    if (
        joined is not None
        and count == listed - 1
        and len({i.text for i in items}) == listed
        and not _joins_items(items, measure, follower)
    ):
        listed = count  # the conjunction may be part of the last item (党和国家)
    if open_list and listed < count:
        listed = count  # 等 leaves the other items unnamed: the count may be right
    if (
        measure in COUNTED_ALIKE
        and listed != count
        and not _counts_alike(follower, items, count, listed)
    ):
        return None
    ann = Announcement(*label_span, text[slice(*label_span)], count, listed, "trailing")
    return Enumeration(items, "、", ann)


# words that open a list in its clause's first item (分为|绿茶、红茶和花茶, 由|表皮、…):
# the first item is what follows them
_LIST_OPENERS = ("分为", "分成", "由", "有", "包括", "包含", "涵盖", "覆盖", "含")
_OPENED_ITEM = 8  # the first item after its opener is at most this long
# nouns after 个 that name the kind of the items counted (强风、暴雨和风暴潮两个因素):
# the heads of announced counts (要求, 原则, 问题…) and a few more
_KIND_NOUNS = (*HEADS.split("|"), "因素", "阶段", "步骤", "类型", "层次", "层面", "要素", "现代化")
# words in the first item's lead that may leave it out of the count (除了A、B和C两种)
_EXCLUDING = ("除", "以外", "之外", "不含", "不包括", "不算")
# the last items count another thing: 李四和另外两位, 红茶和其他两种
_OTHERS = ("其他", "其它", "另外", "其余", "另")


def _joins_items(items: list[Item], measure: str, follower: str) -> bool:
    """Whether the 和/及/与 before the last item joins two items (``分为绿茶、红茶、乌龙茶``
    ``和花茶三种``: four for three), not two words of one item (``党和国家``).

    Proven when the count's measure word counts the items themselves (种, 类, 部分,
    阶段…, or 个 before a noun of their kind: 两个因素; not 个 alone, 地, 省, 国,
    people or places: ``平凉、定西、临夏和兰州四地`` may count 兰州 apart), the first
    item is counted (no 除, 以外… before it: the count may leave it out), and the last
    two items are nouns, not pronouns, numbers or other things (``另外两位``,
    ``其他两种``), nor a one-character word among longer items (``人民、党和国家``).
    """
    if measure not in JOINED_MEASURES and not (
        measure == "个" and follower.startswith(_KIND_NOUNS)  # 两个因素, 三个现代化
    ):
        return False
    first = items[0].text
    if any(word in first for word in _EXCLUDING):
        return False  # 除了白茶、黄茶和黑茶两种: the first item may not be counted
    opened = first  # the first item without the clause's lead (分为|绿茶), when known
    for word in _LIST_OPENERS:
        cut = first.rfind(word)
        if cut != -1 and 0 < len(first) - cut - len(word) <= _OPENED_ITEM:
            opened = first[cut + len(word) :]
            break
    before, last = items[-2].text, items[-1].text
    if len(before) == 1 and any(len(t) > 1 for t in (opened, *(i.text for i in items[1:-2]))):
        return False  # 人民、党和国家: a one-character word joined to the last item
    not_in_noun = _NOT_IN_JOINED - _COUNT_NUMERAL_SET  # pronouns, 的, clause words
    return not any(
        not not_in_noun.isdisjoint(item) or item.startswith(_OTHERS) or _holds_number(item)
        for item in (before, last)
    )


# a place name that starts with a count (三门县, 三门峡, 五家渠): its next character
_PLACE_SUFFIXES = frozenset("县峡渠镇村区乡路街岛湾河江湖站桥庄屯堡沟坝")


def _counts_alike(follower: str, items: list[Item], count: int, listed: int) -> bool:
    """Whether a count of people, institutions or places (COUNTED_ALIKE) that disagrees
    with its list still counts the list's items.

    Not when it is far from them (``只准带十九支烟``: another thing), starts a place
    name (``三门县``, ``五家渠市``), or follows a 的 in the last item (``江苏省的苏锡常
    三市``: it counts what follows the 的).
    """
    if abs(count - listed) > 2 or follower[:1] in _PLACE_SUFFIXES:
        return False
    return "的" not in items[-1].text


# after a numeral in an item, a character that makes it a number of its own (三天, 四百人,
# 两处, 五级; 二手车, 三轮车: a classifier), not part of a name (四川, 三亚, 九江)
_NUMBER_FOLLOWERS = frozenset(
    "百千万亿"
    + _COUNT_NUMERALS
    + "".join(TRAILING_MEASURES)
    + "处次年月日天周岁人只本层倍成号届期分点"
    + "手轮口头张把根片台辆架间套双对群份声步遍场回顿趟线角维环"
)


def _holds_number(item: str) -> bool:
    """Whether an item holds a number of its own (``三天``, ``两处五级伤残``), not a name.

    A numeral counts when it ends the item or is followed by a numeral or a measure
    word (``四川``, ``三亚``, ``九江`` are names; ``三、四百人`` is a range).
    """
    for k, c in enumerate(item):
        if c in _COUNT_NUMERAL_SET and (k + 1 == len(item) or item[k + 1] in _NUMBER_FOLLOWERS):
            return True
    return False


def _split_copied_conjunct(text: str, items: list[Item]) -> list[Item]:
    """``肉类、海产品和蔬菜、蔬菜``: a conjunct copied after its item is a list item of its own.

    A middle item that ends with ``和`` + the next item is cut at the conjunction (only
    then: ``京、津、冀和长三角、珠三角`` holds groups, not items).
    """
    out = []
    for i, item in enumerate(items):
        nxt = items[i + 1].text if i + 1 < len(items) else ""
        cut = None
        if i > 0 and nxt:
            for word in _JOINS:
                if item.text.endswith(word + nxt) and len(item.text) > len(word + nxt):
                    cut = item.end - len(nxt) - len(word)
                    break
        if cut is None:
            out.append(item)
        else:
            out += items_between(text, [(item.start, cut), (cut + len(word), item.end)])
    return out


def _quoted(text: str, start: int, pos: int) -> bool:
    """Whether ``start..pos`` (one clause) leaves a quotation mark or a title mark open."""
    for opening, closing in _QUOTE_PAIRS:
        o = text.rfind(opening, start, pos)
        if o != -1 and text.rfind(closing, o, pos) == -1:
            return True
    return '"' in text[start:pos] and text.count('"', start, pos) % 2 == 1


# -- two items joined by a conjunction, counted after them -----------------------------
#
# ``加快发展物流和金融三大现代服务业`` (an item lost) / ``物流和物流两大`` (a copy): no 、,
# the two items joined by 和, 及, 与 or 以及 and followed by a count. Provable only when
# the items are short nouns that fill the clause (after a leading verb such as 发展):
# a 和 inside an item (中国和东盟自贸区), counts of another thing (我和他三天后, 两地三年来),
# and items that may name two things themselves (京津, 市县: counted by 地, 省, 级, 国)
# stay silent; a count of 个 alone (他和妻子三个孩子) is judged only for a copy. A copy
# proves itself; a count is judged only as one item lost (three for two) in a frame
# that makes the two a list: a leading verb (发展|工业和农业三大产业) or a naming
# predicate (长江和黄河是我国的三大河流), with a noun after the count that names the
# items' kind (产业: 工业, 农业) — not 公司与上海三大港口签约 (与: "with"), 北京和上海
# 四大机场, 推动中国和东盟三大合作平台 (the airports, platforms of both).

_JOINED_WINDOW = 10  # the second item, 等/这/共 and a quote before the count
_JOINED_LONGEST = 6  # each item
_JOINED_LEAD = 32  # the clause's start is looked for this far back, else no list
# measure words that count the items of a list of two (not 个 alone, 地, 省, 国, 级…)
JOINED_MEASURES = frozenset(
    m
    for m in TRAILING_MEASURES
    if m not in ("个", "级", "地", "省", "省市", "国", "化", "者", *COUNTED_ALIKE)
)
# a verb that leads the clause before the first item (加快发展|物流和金融)
_LEAD_VERBS = (
    "发展", "推进", "推动", "促进", "加强", "建设", "打造", "形成", "实施", "完善", "提升",
    "包括", "包含", "涵盖", "覆盖", "分为", "聚焦", "围绕", "抓好", "做好", "突出", "培育",
)  # fmt: skip
# characters that make a span no item of two: clause words, pronouns, 的, numerals, joins
_NOT_IN_JOINED = frozenset(
    _NOT_IN_ITEM | set("的其他她它我你您咱们这那此该各所之全等、和及与") | set(_COUNT_NUMERALS)
)
# after a comma or semicolon, a list of two is read only after a clause that leads into
# it (会议提出，物流和金融…): another clause may hold items (分为预赛，准决赛及决赛)
_ITEM_CLAUSE_ENDS = "，,；;"
_LEAD_CLAUSES = (
    "说", "提出", "指出", "表示", "介绍", "强调", "要求", "认为", "据悉", "来", "年",
    "此外", "同时", "目前", "当前", "其中", "这里", "为此", "另外", "首先", "其次",
)  # fmt: skip


def joined_lists(document: Document) -> list[Enumeration]:
    """Lists of two items joined by 和/及/与/以及 whose count after them they break.

    Only lists with a finding are returned: a count other than two, or an item and
    its copy (``物流和物流两大``). Computed once per document.
    """
    return document.memo(_joined_lists)


def _joined_lists(document: Document) -> list[Enumeration]:
    text = document.text
    patterns = _patterns()
    out = []
    for word, pattern in patterns.joined.items():
        if word not in text:
            continue
        for m in pattern.finditer(text):
            enum = _joined_list(text, m.start())
            if enum is not None:
                out.append(enum)
    out.sort(key=lambda e: e.items[0].start)
    return out


# words that hold 和, 及 or 与 (和平, 缓和, 及时, 涉及, 参与, 与会): no conjunction
_JOIN_WORDS_AFTER = {"和": "平谐睦解蔼煦善美", "及": "时格其早", "与": "会其"}
_JOIN_WORDS_BEFORE = {
    "和": "缓温柔共总人暖随谦祥附饱",
    "及": "涉普危波提不埃来顾触企遍",
    "与": "参给赋授",
}


def _of_their_kind(text: str, count_end: int, items: list[Item]) -> bool:
    """Whether the noun after the count names the items' kind (工业和农业三大产业: 业)."""
    noun = text[count_end : count_end + 4]
    end = _patterns().joined_stop.search(noun)
    if end is not None:
        noun = noun[: end.start()]
    return any(item.text[-1] in noun for item in items)


def _joined_list(text: str, at: int) -> Enumeration | None:
    """The list of two joined by the conjunction at ``at``, if its count disagrees."""
    patterns = _patterns()
    word = text[at]
    join_start = at - 1 if word == "及" and at > 0 and text[at - 1] == "以" else at
    after = at + 1
    if text[after : after + 1] in _JOIN_WORDS_AFTER[word] or (
        join_start == at and at > 0 and text[at - 1] in _JOIN_WORDS_BEFORE[word]
    ):
        return None
    # the second item and its count, up to the clause's end (or a 、)
    stop = min(len(text), after + _TRAILING_WINDOW)
    end = patterns.joined_stop.search(text, after, stop)
    window = text[after : end.start() if end is not None else stop]
    count_match = patterns.joined_count.search(window)
    if count_match is None or count_match.start() > _JOINED_WINDOW:
        return None
    run, measure = count_match[1], count_match[2]
    count = parse_numeral(run)
    if count is None or count < 2 or count > 20:
        return None  # 两三个 (a range), 二十一个
    head = window[: count_match.start()]
    count_start = after + len(head)
    count_end = count_start + len(run) + len(measure)
    follower = text[count_end : count_end + 4]
    if follower[:1] in _COUNT_NUMERALS or follower.startswith(_JOINS):
        return None  # 两省一市, 两省及上海市: a compound count, it sums
    if measure == "个" and follower.startswith(_NOT_AFTER_GE):
        return None  # 两个月
    label_span = (count_start, count_end)
    if head.endswith(("“", "「", '"')):
        return None  # a quoted count term: left to the lists of 、 items
    predicate = patterns.predicate.search(head)
    if predicate is not None:  # 造纸术和指南针是中国的四大发明
        head = head[: predicate.start()]
    open_list = False
    for word in _BEFORE_COUNT:
        if head.endswith(word):
            head = head[: -len(word)]
            open_list = word.startswith("等")
            break
    if not head.strip() or head[-1] in _NOT_BEFORE_COUNT:
        return None  # 近三大, 各两个, 的三大
    # the clause's start, close before the conjunction; a clause with a 、 is a list of
    # 、 items (see _trailing_lists)
    near = max(0, join_start - _JOINED_LEAD)
    start = patterns.trailing_clause_start.match(text, near, join_start).end()
    if start == near and near > 0 and text[near - 1] not in _TRAILING_CLAUSE_ENDS:
        return None  # a long clause: its first item cannot be told from its lead
    if "、" in text[start:join_start] or _quoted(text, start, count_start):
        return None
    if start > 0 and text[start - 1] in _ITEM_CLAUSE_ENDS:
        before = text[max(0, start - 5) : start - 1].rstrip()
        if not before.endswith(_LEAD_CLAUSES):
            return None  # 分为预赛，准决赛及决赛三个阶段: the clause before may hold items
    [first, second] = items_between(text, [(start, join_start), (after, after + len(head))])
    framed = predicate is not None  # 长江和黄河是我国的三大河流
    for verb in _LEAD_VERBS:
        cut = first.text.rfind(verb) + len(verb)
        if cut >= len(verb) and cut < len(first.text):
            [first] = items_between(text, [(first.start + cut, first.end)])
            framed = True  # 加快发展|物流和金融三大
            break
    items = [first, second]
    for item in items:
        if not 2 <= len(item.text) <= _JOINED_LONGEST or not any(c.isalpha() for c in item.text):
            return None
        if not _NOT_IN_JOINED.isdisjoint(item.text):
            return None  # 我和他, 美国东部和西部的, 在和平共处: no items of a list
    if abs(len(first.text) - len(second.text)) > 2:
        return None  # 中国和东盟自贸区: the 和 may join inside the second item
    copy = first.text == second.text
    listed = count if open_list else 2
    if not copy and (listed == count or count != 3 or not framed):
        return None  # nothing to report, or a count that may count something else
    if not copy and not _of_their_kind(text, count_end, items):
        return None  # 推动中国和东盟三大合作平台: the platforms of both, not the two
    if not copy and measure not in JOINED_MEASURES:
        return None  # a count that may count inside the items (京津和河北三地)
    ann = Announcement(*label_span, text[slice(*label_span)], count, listed, "trailing")
    return Enumeration(items, text[join_start:after], ann)
