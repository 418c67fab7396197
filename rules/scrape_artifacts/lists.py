"""Reference lists, link lists and runs of menu labels: furniture made of ordinary words.

Three shapes that Wikipedia mirrors and many CMS pages print around an article, found
without a phrase list:

- a **reference list**: consecutive lines that start with a footnote mark (``^``,
  ``↑``, ``[12]``, ``［12］``, ``12.``), two or more of them carrying citation features (a
  ``(PDF)`` tag, a bracketed access date ``[2023-06-09]``, ``原始内容存档``, ``引用日期``,
  ``跳转到``; after ``^`` or ``↑`` also a URL, an ISBN or a ``. 2017-04-01`` date after
  a source name). Endnotes numbered ``[12]`` with only a URL are a report's own;
- a **link list**: one line of four or more short items joined by ``·``, ``•`` or
  ``・`` with spaces around them, or by ``／`` (a navigation box's row:
  ``长安区 · 桥西区 · 新华区 · 裕华区``), no sentence or clause punctuation, most
  items holding Han, not verse;
- a **label run**: six or more consecutive short lines, most of them labels (at
  most ``MAX_LABEL_CHARS`` characters, no punctuation that makes a clause: menu
  words such as ``编辑链接``, ``条目``, ``讨论``, ``工具``), next to furniture (decided in
  ``furniture.label_runs``).

Literal gates first: a page without ``^``, ``↑`` or a bracket and what a wiki engine
adds has no reference list, one without the separators no link list; candidate
lines are found by one anchored search each and classified on their own (linear).
"""

from __future__ import annotations

import re

from rules.lazy import LazyPattern

MIN_CITATIONS = 2  # footnote-marked lines with citation features that make a reference list
MIN_LINK_ITEMS = 4  # items of a link list
MAX_LINK_ITEM = 30  # characters of one item
MAX_LINK_LINE = 400  # a longer line is no navigation box row
MAX_CITATION_LINE = 400
MAX_LABEL_CHARS = 16  # a menu label is short
LABEL_STOPS = "，,。！？!?；;：:"  # a line holding one is a clause, not a label
VERSE_LENGTHS = (5, 7)
SPACED_DOTS = (" · ", " • ", " ・ ")  # a navigation box's separators (prose joins with ／ too)

# a footnote mark opening a line (after optional spaces)
_MARKED_LINE = LazyPattern(re, r"\n[ \t\u3000]*(?:\^|↑|[\[［]\d{1,3}[\]］]|\d{1,3}[.．])")
_MARK = LazyPattern(re, r"[ \t\u3000]*(?:\^|↑|[\[［]\d{1,3}[\]］]|\d{1,3}[.．])")
# what a wiki engine prints in a citation: an access date, an archive note, a format tag
_ENGINE_FEATURE = LazyPattern(
    re,
    r"[(（](?:PDF|pdf)[)）]|[\[［](?:19|20)\d\d(?:-\d{1,2}){1,2}[\]］]|原始内容|存档于"
    r"|检索日期|访问日期|引用日期|失效链接|跳转到",
)
# after a ``12.`` mark (a how-to's steps look the same) only a feature a citation alone
# prints: not ``跳转到`` (点击按钮跳转到设置) nor a bare ``原始内容``
_NUMBERED_FEATURE = LazyPattern(
    re,
    r"[(（](?:PDF|pdf)[)）]|[\[［](?:19|20)\d\d(?:-\d{1,2}){1,2}[\]］]|原始内容存档|存档于"
    r"|检索日期|访问日期|引用日期|失效链接",
)
_ENGINE_LITERALS = (
    *("[19", "[20", "［19", "［20"),
    *("PDF", "pdf", "原始内容", "存档于", "检索日期", "访问日期", "引用日期", "失效链接", "跳转到"),
)
# what any citation may hold: a URL, an ISBN, a date after a source name (新华网. 2017-04-01)
_CITATION_FEATURE = LazyPattern(
    re,
    r"https?://|www\.|ISBN|\.\s+(?:19|20)\d\d(?:-\d|年)",
)
_LINK_SPLIT = LazyPattern(re, r"\s+[·•・]\s+|\s*／\s*")
_SEPARATOR = LazyPattern(re, r" [·•・] |／")
_HAN = LazyPattern(re, r"[\u4e00-\u9fff]")


def maybe_references(text: str) -> bool:
    """Whether a page could hold a reference list (literal searches; a superset).

    A line after ``^`` or ``↑`` may count with any feature; otherwise a page needs
    what a wiki engine adds (``_ENGINE_LITERALS``: each ``_ENGINE_FEATURE`` holds one).
    """
    if "^" in text or "↑" in text:
        return True
    if "[" not in text and "［" not in text:
        return False
    return any(literal in text for literal in _ENGINE_LITERALS)


def marked_lines(text: str) -> dict[int, bool]:
    """Line number → whether it carries citation features, for each line opening with a mark.

    After ``^`` or ``↑`` (a wiki's backlink marks) any feature counts; after ``[12]``
    or ``12.`` only what a wiki engine adds (an access date, an archive note, ``(PDF)``): the
    endnotes an author numbers himself, with their URLs, are part of a report. After
    ``12.`` ``跳转到`` does not count: a how-to's numbered steps jump to pages too.
    One anchored search over the page; each candidate line is tested on its own.
    """
    found: dict[int, bool] = {}
    number, counted = 1, 0
    count, find = text.count, text.find
    starts = [m.start() + 1 for m in _MARKED_LINE.finditer(text)]
    if _MARK.match(text):
        starts.insert(0, 0)
    for start in starts:
        number += count("\n", counted, start)
        counted = start
        end = find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if len(line) <= MAX_CITATION_LINE:
            head = line.lstrip()[:1]
            if head in "^↑":
                found[number] = (
                    _ENGINE_FEATURE.search(line) is not None
                    or _CITATION_FEATURE.search(line) is not None
                )
            elif head in "[［":
                found[number] = _ENGINE_FEATURE.search(line) is not None
            else:  # 12.
                found[number] = _NUMBERED_FEATURE.search(line) is not None
    return found


def maybe_link_lists(text: str) -> bool:
    """Whether a page could hold a link list (literal searches, a rare character first)."""
    return (
        ("·" in text and " · " in text)
        or ("•" in text and " • " in text)
        or ("・" in text and " ・ " in text)
        or "／" in text
    )


def link_list(text: str) -> bool:
    """Whether a stripped line is a link list (``长安区 · 桥西区 · 新华区 · 裕华区``)."""
    if len(text) > MAX_LINK_LINE or any(c in text for c in LABEL_STOPS):
        return False
    items = [x for x in _LINK_SPLIT.split(text) if x]
    if len(items) < MIN_LINK_ITEMS or any(len(x) > MAX_LINK_ITEM for x in items):
        return False
    if 2 * sum(1 for x in items if _HAN.search(x)) <= len(items):
        return False
    # verse printed with separators (春眠不觉晓 · 处处闻啼鸟 · …) is no menu
    return not all(len(x) in VERSE_LENGTHS and len(_HAN.findall(x)) == len(x) for x in items)


def link_list_lines(text: str) -> list[tuple[int, str]]:
    """(number, stripped text) of each link-list line of a page.

    One search for the separators; after a hit the search goes on from the next line.
    """
    out: list[tuple[int, str]] = []
    search, find, rfind, count = _SEPARATOR.search, text.find, text.rfind, text.count
    number, counted = 1, 0
    m = search(text)
    while m is not None:
        start = rfind("\n", 0, m.start()) + 1
        end = find("\n", m.start())
        if end < 0:
            end = len(text)
        number += count("\n", counted, start)
        counted = start
        if end - start <= MAX_LINK_LINE and link_list(stripped := text[start:end].strip()):
            out.append((number, stripped))
        m = search(text, end + 1)
    return out


def is_label(text: str) -> bool:
    """Whether a stripped line is a menu label: short, no clause punctuation, not a number."""
    return (
        len(text) <= MAX_LABEL_CHARS
        and not any(c in text for c in LABEL_STOPS)
        and not text.replace(".", "").replace(",", "").isdigit()
    )


def verse_run(texts: list[str]) -> bool:
    """Whether lines look like verse: most of them five or seven Han characters each."""
    verse = sum(1 for t in texts if len(t) in VERSE_LENGTHS and len(_HAN.findall(t)) == len(t))
    return 2 * verse > len(texts)
