"""Finding enumerations and the counts that announce them (computed once per document).

Two kinds of structure: *lists* — items inside one clause separated by 、 (or by
commas after an announcement such as ``“四个始终”，即…``) — and *announcements* — a
count that promises items (``“五带头”即:``, ``三点要求:``, ``四点意见``, ``三种观念:一是…``)
with the number of items that actually follow, counted inline, as 一是/二是 or 第一
markers, as inline numbering in the same paragraph (``一、…；二、…``, ``（一）…（二）…``,
``1.…2.…``, ``①…②…``), or as numbered sections 一、二、三 on the following lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lint import Document, Line
from rules.numerals import parse_number, parse_numeral
from rules.text import articles

CLAUSE_ENDS = "，,；;。！？!?:：\n（）()"
_CLAUSE = regex.compile("[" + regex.escape(CLAUSE_ENDS.replace("\n", "")) + "]")
CONJUNCTIONS = ("以及", "及", "和", "与", "还有", "或者", "或")
LIST_ENDS = "；;。！？!?\n"
_NUM = "一二三四五六七八九十两"
_HAS_NUM = regex.compile(f"[{_NUM}]")

# “五带头” / “四个始终” / “两个确保” / “三要”: a quoted term that starts with a count.
QUOTED = regex.compile(rf"[“\"]([{_NUM}])(个|项|大|条|点|种|要|是)?(\p{{Han}}{{0,4}})[”\"]")
# 三点要求 / 四点意见 / 三种观念 / 两个方面: a count of things that will be listed.
HEADS = (
    "要求|意见|建议|措施|观念|原则|任务|体会|做法|目标|内容|重点|问题|环节|思考|希望|转变|"
    "方面|看法|想法|感受|打算|举措|经验|理由|特点|标准"
)
UNQUOTED = regex.compile(rf"([{_NUM}])(点|条|项|个方面|个|种)({HEADS})")
LEAD = regex.compile(r"\s*[，,]?\s*(即|就是|是指|包括|分别是|具体是)?\s*([:：])?")
SECTION = regex.compile(rf"^\s*([{_NUM}]{{1,3}})、")

# Inline numbering inside a paragraph, by style: (marker, whether it needs a boundary).
# 一、 一， 1、 1. also occur inside words and numbers (一、二、三产业; 提高2.5倍), so a
# marker after the first counts only after punctuation, a closing bracket or quote, or a
# space; （一） and ① delimit themselves.
_CN = "一二三四五六七八九十"
_DIGIT = "0-9０-９"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NUMBERED = (
    (regex.compile(rf"[（(]([{_CN}]{{1,3}})[）)]"), False),
    (regex.compile(rf"[（(]([{_DIGIT}]{{1,2}})[）)]"), False),
    (regex.compile(f"([{_CIRCLED}])"), False),
    (regex.compile(rf"([{_CN}]{{1,3}})、"), True),
    (regex.compile(rf"([{_CN}]{{1,3}})[，,]"), True),
    (regex.compile(rf"([{_DIGIT}]{{1,2}})(?:、|[.．](?![{_DIGIT}]))"), True),
)
_BOUNDARY = "；;。，,：:！!？?）)”」』》 \u3000\t"
_STARTS = _CN + "（(" + _CIRCLED + "0123456789０１２３４５６７８９"
_Style = tuple[regex.Pattern, bool, int]  # marker pattern, needs a boundary, first marker's length

_ROAD_ENDINGS = ("道", "街", "路", "巷", "桥", "隧道", "公路", "交汇处", "回旋处", "总站", "邨")


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a list: its span (separators excluded) and its text without spaces."""

    start: int
    end: int
    text: str


@dataclass
class Announcement:
    """A count that promises items, and how many were found (None: could not tell)."""

    start: int
    end: int
    label: str
    count: int
    listed: int | None = None
    how: str = ""  # "inline", "markers", "numbered" or "sections"


@dataclass
class Enumeration:
    """A list of items in one clause, with the announcement that counts it, if any."""

    items: list[Item]
    separator: str
    announcement: Announcement | None = None


@dataclass
class Analysis:
    """The lists and announcements of a document."""

    lists: list[Enumeration] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)


def enumerations(document: Document) -> Analysis:
    """The document's lists and announcements (computed once per document)."""
    return document.memo(_analyse)


def _items(text: str, start: int, end: int, separators: str) -> list[Item]:
    """Split ``text[start:end]`` at each separator into items (literal searches, no loop
    over characters); a separator at the end leaves an empty last item."""
    out = []
    pos = start
    while True:
        found = [i for c in separators if (i := text.find(c, pos, end)) != -1]
        stop = min(found) if found else end
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        out.append(Item(pos + lead, pos + max(trail, lead), raw.strip()))
        if stop >= end:
            return out
        pos = stop + 1


def is_route(items: list[Item], text: str, start: int) -> bool:
    """Whether a list is a path (roads, stops): a path may pass the same place twice."""
    if "经" in text[max(start - 8, 0) : start]:
        return True
    roads = sum(1 for it in items if it.text.endswith(_ROAD_ENDINGS))
    return roads * 2 >= len(items)


def _analyse(document: Document) -> Analysis:
    text = document.text
    result = Analysis()
    if "、" not in text and _HAS_NUM.search(text) is None:
        return result
    covered: list[tuple[int, int]] = []  # spans of lists found after announcements
    for line in document.lines:
        t = line.text
        if _HAS_NUM.search(t) is None:
            continue
        for ann, enum in _announcements(document, line):
            result.announcements.append(ann)
            if enum is not None:
                result.lists.append(enum)
                covered.append((enum.items[0].start, enum.items[-1].end))
    for line in document.lines:
        if "、" in line.text:
            result.lists.extend(_clause_lists(text, line, covered))
    return result


def _clause_lists(text: str, line: Line, covered: list[tuple[int, int]]) -> list[Enumeration]:
    out = []
    start = line.start
    for clause in _CLAUSE.split(line.text):
        end = start + len(clause)
        if "、" in clause:
            items = _items(text, start, end, "、")
            overlaps = any(a < items[-1].end and items[0].start < b for a, b in covered)
            if not overlaps and len(items) >= 2:
                out.append(Enumeration(items, "、"))
        start = end + 1
    return out


def _announcements(document: Document, line: Line):
    text = document.text
    t = line.text
    found = []
    for m in QUOTED.finditer(t):
        count = parse_numeral(m[1])
        if count is None or count < 2 or len(m[0]) < 4:
            continue
        found.append((m.start(), m.end(), m[0], count))
    for m in UNQUOTED.finditer(t):
        count = parse_numeral(m[1])
        if count is None or count < 2:
            continue
        if m.start() > 0 and t[m.start() - 1] in _NUM + "第每前后这那":
            continue  # 十三点要求, 第三点意见, 每三个方面: not an announcement
        found.append((m.start(), m.end(), m[0], count))
    for s, e, label, count in sorted(found):
        ann = Announcement(line.start + s, line.start + e, label, count)
        enum = _inline_list(text, line, e, ann)
        if enum is not None:
            yield ann, enum
            continue
        if _count_markers(t, e, ann) or _count_sections(document, line, e, ann):
            yield ann, None


def _inline_list(text: str, line: Line, end: int, ann: Announcement) -> Enumeration | None:
    """``“五带头”即:a、b、c`` / ``“四个始终”，即a，b，c，d。``: items right after the term."""
    lead = LEAD.match(line.text, end)
    if lead is None or not (lead[1] or lead[2]):
        return None
    start = line.start + lead.end()
    stop = start
    while stop < line.end and text[stop] not in LIST_ENDS:
        stop += 1
    span = text[start:stop]
    if "一是" in span[:4] or "一要" in span[:4]:
        return None  # markers: counted by _count_markers
    if span.startswith("第一") or "首先" in span[:4]:
        return None  # 第一…第二…: counted by _count_markers
    if _numbering(span.lstrip()) is not None:
        return None  # 一、…；二、… / （一）…（二）…: counted by _count_markers
    seps = "，," if any(c in span for c in "，,") else "、"
    items = _items(text, start, stop, seps)
    if len(items) < 2 or any(not it.text for it in items):
        return None
    if any(c in items[-1].text for c in CONJUNCTIONS):
        return None  # 不穿…，不穿…以及不系领带: the last items are joined, count unsure
    ann.listed, ann.how = len(items), "inline"
    return Enumeration(items, seps[0], ann)


def _numbering(head: str) -> _Style | None:
    """The inline numbering style of the marker for one that ``head`` starts with, if any."""
    if not head or head[0] not in _STARTS:
        return None
    for pattern, boundary in NUMBERED:
        m = pattern.match(head)
        if m is not None and _value(m[1]) == 1:
            return pattern, boundary, m.end()
    return None


def _value(token: str) -> int | None:
    """The value of a marker's number: 一, 1, １ or ①."""
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    return parse_number(token)


def _count_numbered(text: str, start: int, style: _Style) -> int:
    """How many markers count up from the one at ``start``, up to a restart at one."""
    pattern, boundary, length = style
    expected = 2
    for m in pattern.finditer(text, start + length):
        if boundary and text[m.start() - 1] not in _BOUNDARY:
            continue  # 一、二、三产业; 提高2.5倍: not a marker
        value = _value(m[1])
        if value == 1:
            break  # a new list starts
        if value == expected:
            expected += 1
    return expected - 1


def _count_markers(t: str, end: int, ann: Announcement) -> bool:
    """``三种观念:一是…二是…`` / ``三点要求：一、…；二、…``: count the paragraph's markers."""
    rest = t[end:]
    head = rest.lstrip(":：，, \u3000即就包括如下")
    lead = len(rest) - len(head)
    if rest[:lead].strip() and (style := _numbering(head)) is not None:
        # 三点要求：一、… (not 两个问题①, a footnote mark right after the words)
        n, how = _count_numbered(rest, lead, style), "numbered"
    elif head.startswith("第一") or head[:2] in ("一是", "一要"):
        form = "第{}" if head[0] == "第" else "{}" + head[1]
        marks = [form.format(c) for c in _NUM[:10]]
        n, pos = 1, rest.find(marks[0])
        while n < 10 and (nxt := rest.find(marks[n], pos + 2)) != -1:
            n, pos = n + 1, nxt
        how = "markers"
    else:
        return False
    if n < 2:
        return False  # the other markers are in later paragraphs: cannot tell
    ann.listed, ann.how = n, how
    return True


def _count_sections(document: Document, line: Line, end: int, ann: Announcement) -> bool:
    """``讲四点意见。`` at the end of a paragraph: count the sections 一、二、… after it."""
    if len(line.text[end:].strip()) > 3:
        return False
    stop = next(
        (a.end for a in articles(document) if a.start <= line.start < a.end), len(document.text)
    )
    expected, first = 1, None
    for later in document.lines[line.number :]:
        if later.start >= stop:
            break
        m = SECTION.match(later.text)
        if m is None:
            continue
        value = parse_numeral(m[1])
        if value != expected:
            break
        expected += 1
        first = first or later
    if first is None:
        return False
    if expected == 2:  # one section: its line may hold the list (一、…；二、…；三、…)
        head = first.text.lstrip()
        style = _numbering(head)
        n = _count_numbered(first.text, len(first.text) - len(head), style) if style else 1
        if n >= 2:
            ann.listed, ann.how = n, "numbered"
            return True
    ann.listed, ann.how = expected - 1, "sections"
    return True
