"""The line classifier in context: page furniture that no phrase list names.

Boilerplate removal in the manner of jusText and trafilatura, on plain text. Every
non-blank line gets a class from features of its own:

- **bad**: chrome (the vocabulary), sidebar dates, and the widget shapes found here
  (a navigation bar of ``|``-separated short items, a breadcrumb ``首页 > 新闻 >``,
  an attachment ``1.png (32.35 KB, 下载次数: 0)``, widget residue ``29 ]``);
- **good**: prose, a line of 25 characters or more with a sentence stop (。！；) or
  of 60 or more with a comma, that is not a teaser, or a line of 8 or more that ends
  a sentence (link titles do not end in 。);
- **short**: anything else (titles, headings, names, link titles, teasers ending
  in ``…``, ``...`` or ``【详细】``).

Short lines are then decided by their neighbours, within a *segment* (the lines
between two good lines). Bad lines that bound a block are the *anchors*: every bad
line but metadata (a chrome line with a label or a date, which sits next to the
article's title). A run of short lines is furniture when

- anchors stand on both sides of it (a link list between two widgets);
- it lies at the head of the page before the last anchor there, or at its tail
  after the first anchor there (the navigation before the article, the link lists
  and footers after it);
- it follows a link-list header (``相关新闻``, ``推荐阅读``: ``furniture_headers.txt``).
  Inside the text such a run has no safe fix and leaves out the line just before
  the next good paragraph (a heading before a paragraph is content).

Reference lists and the rows of navigation boxes (``lists``) are furniture wherever
they stand and bound blocks like anchors (the labels between two rows of a box are
the box's); a run of six or more menu labels that touches furniture is furniture
(``label_runs``).

A *teaser* is a line that repeats the start of the next paragraph: ``摘要：…`` or a
line ending in ``…``, ``...`` or ``【详细】`` whose text (spaces aside) the following
lines begin with. Deleting it loses nothing.

Linear: one pass over the lines classifies them (each line's features are literal
tests on that line); segments, anchors and runs are walked once; a teaser is
compared with at most its own length of the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

from lint import Line
from rules import vocabulary
from rules.lazy import LazyPattern
from rules.scrape_artifacts.lists import is_label, verse_run

GOOD_MIN_CHARS = 25  # a line with a sentence stop and at least this many characters is prose
GOOD_COMMA_CHARS = 60  # or this many with a comma
GOOD_END_CHARS = 8  # or this many ending a sentence (。！；)
_PROSE_ENDS = "。！；;"
MAX_BAR_ITEM = 30  # characters of one item of a navigation bar
MAX_FRAMED_ITEM = 8  # of one item of a menu framed by bars (| 首页 | 新闻 |)
VERSE_LENGTHS = (5, 7)  # bar-separated items all this long and all Han are verse
TEASER_ENDS = ("【详细】", "[详细]", "【详情】", "[详情]", "...", "…", "．．．")
SUMMARY_LABELS = ("本文摘要", "文章摘要", "内容摘要", "摘要", "导读", "内容提要", "提要")
MAX_BETWEEN = 16  # lines from one anchor to the next that make a block between them
MIN_TITLE_RUN = 5  # title-like lines that end a page with no furniture around them
TITLE_RUN_MEAN = 10  # their mean length (poem lines are shorter)
TITLE_LINES = 3  # lines before the first metadata line kept as the title (title, subtitle, byline)
MIN_LABEL_RUN = 6  # lines of a run of menu labels next to furniture
LABEL_RUN = "next to page furniture"  # where a run of menu labels stands
MIN_TEASER_CHARS = 12  # a teaser shorter than this proves nothing
MAX_CONTACT_CHARS = 60  # a contact line (label: value) is short
MAX_CONTACT_LABEL = 12  # where its colon may stand (联 系 人 with spaces)
MIN_CONTACT_LINES = 2  # contact lines that make a contact block
FOOTER_MARKS = ("版权", "ICP", "备案", "公网安备", "Copyright", "copyright", "COPYRIGHT", "©")
MAX_COUNTER_CHARS = 9  # a bare counter (16, 28,335) is a number of at most this many characters
_COUNTER_WIDTHS = str.maketrans("０１２３４５６７８９，", "0123456789,")  # full-width digits
_SENTENCE_STOPS = "。！；!;"
_BAR = LazyPattern(re, r"\s*[|｜]\s*")
_CRUMB = LazyPattern(re, r"\s*(?:>>?|»|＞＞?|→)\s*")
_SITE_ENDS = ("网", "首页", "主页", "频道")  # the first item of a breadcrumb: the site
_CRUMB_STARTS = ("首页", "当前位置", "您的位置", "您现在的位置", "你的位置", "位置", "主页")
_ATTACHMENT = LazyPattern(
    re,
    r"(?:附件\s*[:：]?\s*)?[^\s`'\"]+\.(?:png|jpe?g|gif|bmp|webp|docx?|xlsx?|pptx?|pdf|zip|rar|7z|txt|mp[34])"
    r"\s*[(（]\s*\d[\d.]*\s*[KMG]B\b",
    re.IGNORECASE,
)
# two or more short bracketed words and nothing else: 【打印】 【关闭】, [收藏][分享]
_BRACKET_WIDGETS = LazyPattern(re, r"(?:[【\[]\s*[\u4e00-\u9fff][^\]】\[【]{0,5}\s*[】\]]\s*){2,}")
_RESIDUE = LazyPattern(re, r"\d{1,4}\s*[\]】]")
_SPACES = LazyPattern(re, r"\s+")
_LABELLED_DATE = LazyPattern(re, r"\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_NOT_MENU = "=()（）*^$\\{}<>\"'，,;；`"
_HAN = LazyPattern(re, r"[\u4e00-\u9fff]")
_DIGIT_GT_DIGIT = LazyPattern(re, r"[\dA-Za-z]\s*[>＞]\s*[\dA-Za-z]")
# Every widget shape holds one of these: a bar, a breadcrumb arrow, a bracket, a size.
WIDGET_CHARS = "|｜>»＞→]】"
WIDGET_SIZES = ("KB", "MB", "kb", "GB")  # as pages print sizes (the pattern takes any case)


def widget_trigger(text: str) -> re.Pattern[str] | None:
    """A pattern finding every line that could be a widget, or None when none can be.

    Literal searches first (``in`` is far faster than a class-first pattern, and most
    pages hold none of these); the pattern holds only the characters present.
    """
    sizes = ("B" in text or "b" in text) and any(size in text for size in WIDGET_SIZES)
    if not (
        sizes
        or "|" in text
        or ">" in text
        or "]" in text
        or "】" in text
        or "｜" in text
        or "»" in text
        or "＞" in text
        or "→" in text
    ):
        return None
    present = "".join(c for c in WIDGET_CHARS if c in text)
    if not (present or sizes):
        return None
    return _trigger(present, sizes)


@cache
def _trigger(present: str, sizes: bool) -> re.Pattern[str]:
    parts = [f"[{re.escape(present)}]"] if present else []
    if sizes:
        parts.append("(?i:[kmg]b)")
    return re.compile("|".join(parts))


@cache
def _contact_keys() -> frozenset[str]:
    return frozenset(_SPACES.sub("", k).lower() for k in vocabulary.contact_keys())


def contact_label(text: str) -> str | None:
    """The contact label of a stripped ``label: value`` line, inner spaces dropped.

    ``联 系 人： 龙涛`` gives ``联系人``; None unless the label (at most 6 characters
    once its spaces are gone) is in ``contact_keys.txt`` and the value is short and
    no sentence (``电话：请拨打热线。`` is prose).
    """
    if len(text) > MAX_CONTACT_CHARS:
        return None
    colon = text.find("：", 0, MAX_CONTACT_LABEL + 1)
    half = text.find(":", 0, MAX_CONTACT_LABEL + 1)
    if colon < 0 or 0 <= half < colon:
        colon = half
    if colon <= 0:
        return None
    label = _SPACES.sub("", text[:colon])
    if not 2 <= len(label) <= 6 or label.lower() not in _contact_keys():
        return None
    if any(c in text for c in "。！？!?；;"):
        return None
    return label


@cache
def _headers() -> frozenset[str]:
    return frozenset(_SPACES.sub("", h) for h in vocabulary.furniture_headers())


_HEADER_DECOR = "【】[]<>《》:：-—|｜>»"  # characters around a header, stripped one by one


def header_text(text: str) -> str | None:
    """The link-list header a stripped line is (``相关新闻``, ``【推荐阅读】``, ``热门 更多>>``)."""
    if len(text) > 16:
        return None
    core = _SPACES.sub("", text).strip(_HEADER_DECOR)
    for tail in ("更多>>", "更多>", "更多»", "更多", "more>>", "More>>", "MORE>>"):
        if core.endswith(tail) and len(core) > len(tail):
            core = core[: -len(tail)].strip(_HEADER_DECOR)
            break
    return core if core in _headers() else None


def widget_kind(text: str) -> str | None:
    """The widget shape of a stripped line (``navigation bar``, ``breadcrumb``,
    ``attachment``, ``widget residue``) or None."""
    n = len(text)
    if n == 0 or n > 200:
        return None
    if n <= 8 and text[0].isdigit() and _RESIDUE.fullmatch(text):
        return "widget residue"
    if n <= 80 and ("B" in text or "b" in text) and _ATTACHMENT.match(text):
        return "attachment"
    if any(c in text for c in "。！？!?"):
        return None
    if n <= 40 and text[0] in "【[" and _BRACKET_WIDGETS.fullmatch(text):
        return "bracket widgets"
    if (
        ("|" in text or "｜" in text)
        and not (text[0] in "|｜" and text[-1] in "|｜")
        and not any(c in text for c in _NOT_MENU)
    ):
        # (a line opening and closing with a bar is a Markdown table row; code, maths
        # and prose hold brackets, operators, quotes or commas)
        items = [x for x in _BAR.split(text) if x]
        if (
            len(items) >= 3
            and all(len(x) <= MAX_BAR_ITEM for x in items)
            and 2 * sum(1 for x in items if _HAN.search(x)) > len(items)
            and not _verse(items)
        ):
            return "navigation bar"
    if (
        n <= 80
        and any(c in text for c in ">»＞→")
        and not any(c in text for c in "<=/\\;$&{}")
        and text[0] not in ">»＞→"
        and _DIGIT_GT_DIGIT.search(text) is None
    ):
        items = [x for x in _CRUMB.split(text) if x]
        separators = len(items) - 1 + (text[-1] in ">»＞→")
        if (
            len(items) >= 2
            and all(len(x) <= MAX_BAR_ITEM and _HAN.search(x) for x in items)
            and (
                separators >= 2
                or ">>" in text
                or "»" in text
                or text.startswith(_CRUMB_STARTS)
                or _located(text)
                or items[0].endswith(_SITE_ENDS)  # 南方网 > 新闻
            )
        ):
            return "breadcrumb"
    return None


def _located(text: str) -> bool:
    """Whether a line opens with the reader's location: a short label addressed to the
    reader (你, 您, 当前) ending in 位置, and a colon (你现在的位置：, 您所在的位置:),
    however the site words it (会场位置： is a place in the text)."""
    if text[:1] not in "你您当":
        return False
    colon = max(text.find("：", 0, MAX_LOCATION_LABEL), text.find(":", 0, MAX_LOCATION_LABEL))
    return colon > 1 and text[:colon].rstrip().endswith("位置")


MAX_LOCATION_LABEL = 9  # characters before the colon of 您现在所在的位置：


def _verse(items: list[str]) -> bool:
    """Whether bar-separated items are lines of verse (each five or seven Han characters)."""
    return all(len(x) in VERSE_LENGTHS and len(_HAN.findall(x)) == len(x) for x in items)


def framed_menu(text: str) -> bool:
    """Whether a stripped line is a menu framed by bars (``| 首页 | 新闻 | 体育 |``).

    The shape of a Markdown table row too: the caller must also find no bar in the
    lines next to it (a table has rows next to each other, a menu stands alone).
    Numeric cells, a ``---`` separator, code or prose punctuation make it a table row.
    """
    if not (
        len(text) <= 120
        and text[0] in "|｜"
        and text[-1] in "|｜"
        and not any(c in text for c in _NOT_MENU)
        and not any(c.isdigit() for c in text)
        and "-" not in text
        and not any(c in text for c in "。！？!?")
    ):
        return False
    items = [x for x in _BAR.split(text) if x]
    return (
        len(items) >= 3
        and all(len(x) <= MAX_FRAMED_ITEM and _HAN.search(x) for x in items)
        and not _verse(items)
    )


@dataclass(frozen=True, slots=True)
class FurnitureBlock:
    """A run of short lines the context makes furniture: its lines and why."""

    first: Line
    last: Line
    count: int  # non-blank lines in the block
    where: str  # "under `相关新闻`", "between page chrome", "at the head of the page", ...
    safe: bool  # a fix deletes it


@dataclass(frozen=True, slots=True)
class Teaser:
    """A line that repeats the start of the paragraph after it."""

    line: Line
    next: Line


# Line classes. META: a bad line reported on its own that does not bound a block (a
# metadata line sits next to the title). LOOSE: a bad line nobody reports alone (a
# dated title outside a sidebar run): inside a block it is part of the block. NEAR: a
# short line that ends a sentence (如有意见，请联系我们！): prose between widgets, but
# at the edge of the page it may be a footer's.
# SEPARATOR: an article separator (篇二): the edge of an article, never furniture.
# CITE: a line of a reference list, LINKS: a row of a navigation box (``lists``):
# furniture wherever they stand, reported in blocks; they bound blocks like anchors.
SHORT, GOOD, META, ANCHOR, LOOSE, NEAR, SEPARATOR, CITE, LINKS = 0, 1, 2, 3, 4, 5, 6, 7, 8
_BOUNDS = (False, False, False, True, False, False, False, True, True)  # ANCHOR, CITE, LINKS


# the classes a block is made of: short lines, loose bad lines (furniture nobody else
# reports) and, where the context makes them furniture, short sentences
_MEMBER = (True, False, False, False, True, True, False, True, True)

# Every teaser holds one of these: a summary label, or the last character of an
# ending before the line break (】 of 【详细】, ] of [详细], . of ..., ．, …).
TEASER_TRIGGERS = ("摘要", "导读", "提要", "】\n", "]\n", ".\n", "．\n", "…\n")


def maybe_teasers(text: str) -> bool:
    """Whether a page could hold a teaser (literal searches; a superset)."""
    if any(t in text for t in TEASER_TRIGGERS):
        return True
    return "\r" in text and any(t[:-1] + "\r" in text for t in TEASER_TRIGGERS[3:])


def has_teaser(keys: list[str]) -> bool:
    """Whether a non-blank stripped line of ``keys`` is a teaser of the lines after it.

    A superset of the teasers ``find_furniture`` reports (it also asks the line's class
    and that no repeated block holds it): a page without one needs no teaser search.
    """
    for i in range(len(keys) - 1):
        key = keys[i]
        if (key.startswith(SUMMARY_LABELS) or key.endswith(TEASER_ENDS)) and teaser_of(
            key, _following(keys, i + 1, len(key)), keys[i + 1]
        ):
            return True
    return False


def line_class(text: str) -> int:
    """GOOD (prose), NEAR (a short sentence) or SHORT for a stripped line that is not bad."""
    n = len(text)
    if n >= GOOD_MIN_CHARS and not text.endswith(TEASER_ENDS):
        if "。" in text or "！" in text or "；" in text or "!" in text or ";" in text:
            return GOOD  # a sentence stop (_SENTENCE_STOPS)
        if n >= GOOD_COMMA_CHARS and ("，" in text or "," in text):
            return GOOD
    if n >= GOOD_END_CHARS and text[-1] in _PROSE_ENDS:
        return NEAR  # a sentence ends the line: link titles do not end in 。
    return SHORT


def teaser_of(key: str, after: str, next_line: str = "") -> bool:
    """Whether line ``key`` is a teaser of the text ``after`` it (spaces ignored).

    ``next_line``: the first line of ``after`` (a summary may hold it and more).
    """
    first_line = _SPACES.sub("", next_line)
    body = key
    summary = False
    for label in SUMMARY_LABELS:
        if body.startswith(label):
            rest = body[len(label) :].lstrip()
            if rest[:1] in (":", "："):
                body, summary = rest[1:].lstrip(), True
                break
    ended = False
    for end in TEASER_ENDS:
        if body.endswith(end):
            body, ended = body[: -len(end)].rstrip(".…．"), True
            break
    if not (summary or ended):
        return False
    body = _SPACES.sub("", body)
    if len(body) < MIN_TEASER_CHARS:
        return False
    following = _SPACES.sub("", after[: 2 * len(body) + 16])
    if following.startswith(body):
        return True
    # a summary cut from the article's first lines: it starts with the whole next line
    return summary and len(first_line) >= 2 * MIN_TEASER_CHARS and body.startswith(first_line)


def _edges(
    classes: list[int],
    teased: set[int],
    lo: int,
    hi: int,
    furniture: list[bool],
    safe: list[bool],
    where: list[str],
    unit: str,
    navigation: AbstractSet[int],
    counters: AbstractSet[int] = frozenset(),
    keys: list[str] | None = None,
) -> int | None:
    """Mark the furniture at the head and the tail of lines ``lo..hi`` (a page or an article).

    Returns the index of the title when widgets that follow it stand at the end of the
    head (``navigation``: the indices of navigation bars, breadcrumbs and link-list
    headers, which come before a title), else None. ``counters``: the indices of bare
    counters (``16``), which join the head or the tail when they touch its last (first)
    widget. ``keys``: the stripped lines; a contact block (two or more contact lines,
    ``contact_label``) right above a copyright or ICP footer joins the tail too.
    """
    good = [i for i in range(lo, hi) if classes[i] == GOOD and i not in teased]
    if not good:  # a text of short sentences: they are its prose
        good = [i for i in range(lo, hi) if classes[i] == NEAR and i not in teased]
    if not good:
        return None  # no prose at all (a table of contents, a list): where it starts is unknown
    first_good = good[0]
    last_good = good[-1]
    title = None
    # head: before the first good line, up to the last anchor there that comes before
    # the first metadata line (the article's title stands next to its metadata)
    head_end = next((i for i in range(lo, first_good) if classes[i] == META), first_good)
    head_anchor = max((i for i in range(lo, head_end) if classes[i] == ANCHOR), default=-1)
    if head_anchor >= 0 and head_end < first_good:
        # the short lines up to the title: TITLE_LINES lines before the metadata are kept
        head_anchor = max(head_anchor, head_end - TITLE_LINES)
    if head_anchor >= lo and classes[head_anchor] == ANCHOR and head_anchor not in navigation:
        # widgets (分享到, 【打印】, 评论(3)) follow the article's title, navigation precedes
        # it: the short line just above the last widgets of the head is the title
        k = head_anchor - 1
        while k >= lo and classes[k] in (META, ANCHOR, LOOSE) and k not in navigation:
            k -= 1
        if k >= lo and classes[k] == SHORT:
            head_anchor = title = k
    for i in range(lo, head_anchor):
        furniture[i], safe[i], where[i] = True, True, f"at the head of the {unit}"
    if counters and title is None and head_anchor >= lo and classes[head_anchor] == ANCHOR:
        # a counter printed under the last widget of the head (博文: 14387 / 16)
        k = head_anchor + 1
        while k < first_good and k in counters:
            furniture[k], safe[k], where[k] = True, True, f"at the head of the {unit}"
            k += 1
    # tail: after the last good line, from the first anchor there
    tail_anchor = next((i for i in range(last_good + 1, hi) if _BOUNDS[classes[i]]), None)
    if tail_anchor is not None:
        for i in range(tail_anchor + 1, hi):
            if not furniture[i]:
                furniture[i], safe[i], where[i] = True, True, f"at the tail of the {unit}"
        # counters (and, above a footer, a contact block) just above the tail's first widget
        footer = keys is not None and any(mark in keys[tail_anchor] for mark in FOOTER_MARKS)
        k, contacts, plain = tail_anchor - 1, 0, tail_anchor
        while k > last_good and not furniture[k] and classes[k] == SHORT:
            if k in counters:
                if not contacts:
                    plain = k  # the counters right above the widget, before any contact
            elif footer and keys is not None and contact_label(keys[k]) is not None:
                contacts += 1
            else:
                break
            k -= 1
        first = k + 1 if contacts >= MIN_CONTACT_LINES else plain
        for i in range(first, tail_anchor):
            furniture[i], safe[i], where[i] = True, True, f"at the tail of the {unit}"
    return title


def find_furniture(
    keys: list[str],
    content: list[int],
    bad: dict[int, int],
    headers: dict[int, str],
    skip: AbstractSet[int],
    make_line: Callable[[int], Line],
    separators: AbstractSet[int] = frozenset(),
    navigation_lines: AbstractSet[int] = frozenset(),
    weak: WeakTest | None = None,
    strong: Callable[[str], bool] | None = None,
    opens: Callable[[str], bool] | None = None,
) -> tuple[list[FurnitureBlock], list[Teaser], set[int]]:
    """Furniture blocks, teasers and the numbers of the lines that are certainly furniture.

    ``keys``: the non-blank lines stripped, ``content``: their line numbers; ``bad``:
    line number → META, ANCHOR, LOOSE, CITE or LINKS; ``headers``: link-list header
    lines; ``skip``: lines another finding owns (a repeated block); ``make_line``:
    number → Line; ``separators``: article separator lines (篇二), each the edge of an
    article; ``navigation_lines``: navigation bars and breadcrumbs (a title follows
    them; other widgets follow the title); ``weak`` (stripped line, at a tail → weak
    kind), ``strong`` (a footer's evidence in a sentence) and ``opens`` (a vocabulary
    phrase opens the line): the weak evidence of ``edges``, used at the head and the
    tail of each article (``weak_edges``).
    """
    n = len(keys)
    classes = [0] * n
    counters: set[int] = set()  # indices of bare counters (16, 1,024)
    bad_class = bad.get
    for i, number in enumerate(content):
        if number in separators:
            classes[i] = SEPARATOR
        elif (known := bad_class(number)) is not None:
            classes[i] = known
        else:
            key = keys[i]
            kind = line_class(key)
            if kind == SHORT:
                if _is_dated_label(key) or _dated_fields(key):
                    kind = META  # 时间：2019-05-03 08:17: metadata the title stands by
                elif len(key) <= MAX_COUNTER_CHARS and _is_bare_counter(key):
                    counters.add(i)
            classes[i] = kind
    listed = [i for i in range(n) if classes[i] == CITE or classes[i] == LINKS]
    teasers: list[Teaser] = []
    teased: set[int] = set()
    for i in range(n - 1):
        key = keys[i]
        summary = key.startswith(SUMMARY_LABELS)
        if not (summary or key.endswith(TEASER_ENDS)):
            continue  # most lines: neither a summary nor a teaser's ending
        if (
            (classes[i] in (SHORT, GOOD, NEAR) or (summary and classes[i] == META))
            and content[i] not in skip
            and teaser_of(key, _following(keys, i + 1, len(key)), keys[i + 1])
        ):
            teasers.append(Teaser(make_line(content[i]), make_line(content[i + 1])))
            teased.add(i)
    demoted: set[int] = set()
    if weak is not None and strong is not None:
        cuts = [i for i in range(n) if classes[i] == SEPARATOR]
        for lo, hi in zip([0, *(b + 1 for b in cuts)], [*cuts, n], strict=True):
            demoted |= demote_tail_chrome(classes, keys, teased, lo, hi, strong, weak)
    good = [i for i in range(n) if classes[i] == GOOD and i not in teased]
    if not good:
        good = [i for i in range(n) if classes[i] == NEAR and i not in teased]
    last_good = good[-1] if good else -1
    furniture = [False] * n
    safe = [False] * n
    where = [""] * n
    # head and tail of the page, or of each article of a page that pastes several
    bounds = [i for i in range(n) if classes[i] == SEPARATOR]
    navigation = {
        i for i, number in enumerate(content) if number in navigation_lines or number in headers
    }
    titles = set()  # the title of each article: content even between two widgets
    for lo, hi in zip([0, *(b + 1 for b in bounds)], [*bounds, n], strict=True):
        unit = "article" if bounds else "page"
        titles.add(
            _edges(
                classes, teased, lo, hi, furniture, safe, where, unit, navigation, counters, keys
            )
        )
    if weak is not None:
        for lo, hi in zip([0, *(b + 1 for b in bounds)], [*bounds, n], strict=True):
            unit = "article" if bounds else "page"
            weak_edges(
                classes,
                keys,
                teased,
                lo,
                hi,
                furniture,
                safe,
                where,
                unit,
                titles,
                weak,
                demoted,
                opens,
            )
    # between anchors, within a segment (no good line in between), a bounded run: on a
    # page without prose nothing tells the furniture from the text
    previous = -1  # index of the last anchor in the current segment
    for i in range(n if good else 0):
        c = classes[i]
        if (c in (GOOD, NEAR) and i not in teased) or c in (META, SEPARATOR):
            previous = -1  # a metadata line may have the article's title next to it
        elif _BOUNDS[c]:
            if previous >= 0 and i - previous <= MAX_BETWEEN:
                boxed = classes[previous] == LINKS and c == LINKS  # a navigation box's labels
                for k in range(previous + 1, i):
                    if k in titles:
                        continue
                    if not furniture[k]:
                        furniture[k], safe[k] = True, True
                        where[k] = "in a navigation box" if boxed else "between page chrome"
                    elif boxed and safe[k]:
                        where[k] = "in a navigation box"  # one block with its rows
            previous = i
    # under a link-list header: up to the next bad or good line
    for i in range(n) if headers else ():
        header = headers.get(content[i])
        if header is None:
            continue
        k = i + 1
        # short lines and dated titles; after the article, short sentences too (footers)
        while (
            k < n
            and k not in teased
            and (
                classes[k] == SHORT or classes[k] == LOOSE or (classes[k] == NEAR and k > last_good)
            )
        ):
            k += 1
        end = k  # the first line after the run
        at_good = end < n and (classes[end] == GOOD or classes[end] == NEAR)
        if at_good and end - 1 > i:
            end -= 1  # a heading before a good paragraph is content
        for j in range(i + 1, end):
            if not furniture[j]:
                furniture[j], safe[j], where[j] = True, not at_good, f"under `{header}`"
            elif where[j] != f"under `{header}`":
                where[j] = f"under `{header}`"
    for i in listed:  # a reference list or a navigation box is furniture wherever it stands
        furniture[i], safe[i] = True, True
        where[i] = "in a reference list" if classes[i] == CITE else "in a navigation box"
    if good:
        label_runs(classes, keys, furniture, safe, where, teased, titles)
    # a run of title-like lines after the article with nothing around it: a note
    if 0 <= last_good < n - MIN_TITLE_RUN and not any(furniture[last_good + 1 :]):
        tail = range(last_good + 1, n)
        if all(classes[i] == SHORT and _title_like(keys[i]) for i in tail) and (
            sum(len(keys[i]) for i in tail) >= TITLE_RUN_MEAN * len(tail)
        ):
            for i in tail:
                furniture[i], where[i] = True, "at the tail of the page (titles)"
    blocks: list[FurnitureBlock] = []
    i = 0
    while i < n:
        if not furniture[i] or not _MEMBER[classes[i]] or i in teased or content[i] in skip:
            # a block starts at a short line (a loose bad line joins one)
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and furniture[j + 1]
            and _MEMBER[classes[j + 1]]
            and j + 1 not in teased
            and content[j + 1] not in skip
            and where[j + 1] == where[i]
            and safe[j + 1] == safe[i]
        ):
            j += 1
        first, last = make_line(content[i]), make_line(content[j])
        blocks.append(FurnitureBlock(first, last, j + 1 - i, where[i], safe[i]))
        i = j + 1
    # the lines a safe block would hold, those another finding owns included (a later
    # copy of a link list is SA003's, and noise when its lines are furniture)
    certain = {content[i] for i in range(n) if furniture[i] and safe[i] and _MEMBER[classes[i]]}
    return blocks, teasers, certain


def label_runs(
    classes: list[int],
    keys: list[str],
    furniture: list[bool],
    safe: list[bool],
    where: list[str],
    teased: AbstractSet[int],
    titles: AbstractSet[int | None],
) -> None:
    """Mark runs of menu labels next to furniture (``lists``: ``编辑链接``, ``条目``, ``讨论``).

    A run is a maximal sequence of short lines not yet furniture (no prose, short
    sentence, metadata or title among them); the line just before a paragraph is left
    out (a heading), and a line ending in a colon ends a run (it introduces a list,
    which is content). It is furniture when it holds MIN_LABEL_RUN lines or more, two
    thirds of them labels (``lists.is_label``), is no verse, and a bad line or a block
    of furniture touches it; its fix is safe when a bad line, a safe block or the
    page's edge stands on both sides (a note's block makes nothing certain). Runs
    are walked once, in order (a run made furniture bounds the next).
    """
    n = len(classes)

    def free(k: int) -> bool:
        # a short line not yet furniture; a line ending in a colon introduces a list
        return (
            not furniture[k]
            and (classes[k] == SHORT or classes[k] == LOOSE)
            and k not in teased
            and k not in titles
            and keys[k][-1] not in ":："
        )

    def touch(k: int) -> int:
        # 2: certain furniture (a bad line, a safe block); 1: a note's block; 0: neither
        if _BOUNDS[classes[k]] or (furniture[k] and safe[k]):
            return 2
        return 1 if furniture[k] else 0

    i = 0
    while i < n:
        if not free(i):
            i += 1
            continue
        j = i
        while j + 1 < n and free(j + 1):
            j += 1
        end = j
        if end + 1 < n and classes[end + 1] in (GOOD, NEAR):
            end -= 1  # a heading before a paragraph is content
        texts = keys[i : end + 1]
        if (
            len(texts) >= MIN_LABEL_RUN
            and 3 * sum(1 for t in texts if is_label(t)) >= 2 * len(texts)
            and not verse_run(texts)
        ):
            before = touch(i - 1) if i > 0 else 0
            after = touch(end + 1) if end + 1 < n else 0
            if before or after:
                sure = (before == 2 or i == 0) and (after == 2 or end == n - 1)
                for k in range(i, end + 1):
                    furniture[k], safe[k], where[k] = True, sure, LABEL_RUN
        i = j + 1


def _title_like(text: str) -> bool:
    """A link title's shape: 6 to 40 characters, ending in a word, ？, a quote or a bracket."""
    return 6 <= len(text) <= 40 and (text[-1] in "？?》”）)" or text[-1].isalnum())


def _is_bare_counter(text: str) -> bool:
    """A number alone on a line (``16``, ``1,024``), not a year (``2021``: a date heading)."""
    digits = text.translate(_COUNTER_WIDTHS).replace(",", "")
    if not (digits and digits.isascii() and digits.isdigit()) or text[0] in ",，":
        return False
    return not (len(digits) == 4 and digits.startswith(("19", "20")))


def _is_dated_label(text: str) -> bool:
    """A short ``label: date`` line (``时间：2019-05-03 08:17:32``, ``日期: 2020年5月1日``)."""
    if len(text) > 40 or not ("：" in text or ":" in text):
        return False
    colon = max(text.find(":", 0, 9), text.find("：", 0, 9))
    return colon > 0 and _LABELLED_DATE.match(text, colon + 1) is not None


def _following(keys: list[str], start: int, size: int) -> str:
    """The non-blank lines from ``start`` joined, about ``2 * size`` characters at most."""
    out: list[str] = []
    total = 0
    k = start
    while k < len(keys) and total < 2 * size + 16:
        out.append(keys[k])
        total += len(keys[k])
        k += 1
    return "".join(out)


# Weak evidence (``edges.weak_kind``): a line that shows furniture features without
# being chrome alone. Used only at the head and the tail of a page or an article.
WEAK_WIDGET, WEAK_MENU = 1, 2
MIN_TAIL_RUN = 3  # short lines between the article and the tail's furniture that join it
MAX_DEMOTED = 3  # sentence-like footer lines (声明：…如有侵权请联系删除。) read at a tail
WeakTest = Callable[[str, bool], int]
_DECOR_HEAD = "【】[]▍■□●◆★▶►—-–=:：>»｜|"


def _header_shape(text: str) -> bool:
    """A link-list header no vocabulary names: a short core decorated as headers are
    (``【本周热点】``, ``▍大家都在看``, ``— 今日关注 —``, ``往期回顾 更多>>``)."""
    if len(text) > 16:
        return False
    core = _SPACES.sub("", text)
    more = False
    for tail in ("更多>>", "更多>", "更多»", "更多", ">>", "»"):
        if core.endswith(tail) and len(core) > len(tail):
            core, more = core[: -len(tail)], True
            break
    stripped = core.strip(_DECOR_HEAD)
    return (
        2 <= len(stripped) <= 8
        and len(_HAN.findall(stripped)) == len(stripped)
        and (more or (stripped != core and core[0] in _DECOR_HEAD))
    )


_CONTACT_LABEL = LazyPattern(re, r"([^\s:：|｜]{2,6})\s*[:：]")


def _contact_fields(text: str) -> int:
    """How many ``label: value`` fields of a line have a contact label (contact_keys.txt)."""
    if len(text) > MAX_CONTACT_CHARS or any(c in text for c in "。！？!?；;"):
        return 0
    keys = _contact_keys()
    return sum(1 for m in _CONTACT_LABEL.finditer(text) if m.group(1).lower() in keys)


_FIELD = LazyPattern(re, r"[^\s:：|｜]{1,6}\s*[:：]")
MAX_FIELDS_LINE = 80


def _dated_fields(text: str) -> bool:
    """A metadata line with labels no vocabulary names: a full date and two or more
    ``label：`` fields (``日期：2017年07月10日 出处：某报 撰稿：某某``). Read as metadata,
    it keeps the title above it; it is never deleted for being read so."""
    return (
        len(text) <= MAX_FIELDS_LINE
        and ("：" in text or ":" in text)
        and _LABELLED_DATE.search(text) is not None
        and len(_FIELD.findall(text)) >= 2
    )


def _run_title(text: str) -> bool:
    """A line of a block of titles: no label or colon, no note in brackets (（责编：…）,
    《人民日报》（…版）), so that a byline or a print note after the article stays."""
    return text[0] not in "(（《【[" and ":" not in text and "：" not in text


def _heads_list(classes: list[int], keys: list[str], i: int, hi: int) -> bool:
    """Whether line ``i`` is a decorated header (``_header_shape``) over two short lines."""
    return (
        i + 2 < hi
        and classes[i + 1] in (SHORT, LOOSE)
        and classes[i + 2] in (SHORT, LOOSE)
        and _header_shape(keys[i])
    )


def demote_tail_chrome(
    classes: list[int],
    keys: list[str],
    teased: AbstractSet[int],
    lo: int,
    hi: int,
    strong: Callable[[str], bool],
    weak: WeakTest,
) -> set[int]:
    """Read the last good lines of ``lo..hi`` that hold a footer's evidence as short lines.

    A disclaimer (``声明：本文转自网络，如有侵权请联系删除。``) has a sentence's shape, so
    it would end the article and keep the furniture after it apart. The last good lines
    that hold such evidence are demoted (at most MAX_DEMOTED; never the only good
    line): no prose stands between them and the tail. Returns the demoted indices.
    """
    demoted: set[int] = set()
    good = [i for i in range(lo, hi) if classes[i] == GOOD and i not in teased]
    while len(good) > 1 and len(demoted) < MAX_DEMOTED and strong(keys[good[-1]]):
        i = good.pop()
        classes[i] = SHORT
        demoted.add(i)
    return demoted


def weak_edges(
    classes: list[int],
    keys: list[str],
    teased: AbstractSet[int],
    lo: int,
    hi: int,
    furniture: list[bool],
    safe: list[bool],
    where: list[str],
    unit: str,
    titles: AbstractSet[int | None],
    weak: WeakTest,
    demoted: AbstractSet[int] = frozenset(),
    opens_with_phrase: Callable[[str], bool] | None = None,
) -> None:
    """Extend the furniture at the head and the tail of ``lo..hi`` with weak evidence.

    Tail (after the last good line): from the first line that is bad, weak (a widget,
    a timestamp, a headline cut short, a demoted footer sentence; not a spaced menu,
    which may be a row of names under its introduction) or a decorated
    header, every short line to the end joins the tail; so do three or more short lines
    (no sentence, no line ending in a colon) between the article and that line, a
    block of titles bounded by the article and furniture. Head (before the first good
    line): a widget or a menu printed with spaces joins the head alone; a column of
    three or more menu labels at the page's top (or right under furniture) is
    navigation. The article's title is never taken.
    """
    good = [i for i in range(lo, hi) if classes[i] == GOOD and i not in teased]
    if not good:  # a text of short sentences: they are its prose (as ``_edges`` reads it)
        good = [i for i in range(lo, hi) if classes[i] == NEAR and i not in teased]
    if not good:
        return
    first_good, last_good = good[0], good[-1]
    member = (SHORT, LOOSE, NEAR)
    # -- tail
    start = None
    for i in range(last_good + 1, hi):
        c = classes[i]
        if (
            _BOUNDS[c]
            or i in demoted
            or (
                c in (SHORT, LOOSE)
                and keys[i - 1][-1] not in ":："  # (a list under its introduction is content)
                and (weak(keys[i], True) == WEAK_WIDGET or _heads_list(classes, keys, i, hi))
            )
        ):
            start = i
            break
    if start is not None:
        gap = range(last_good + 1, start)
        if len(gap) >= MIN_TAIL_RUN and all(
            classes[k] == SHORT and k not in teased and _run_title(keys[k]) for k in gap
        ):
            start = last_good + 1
        # a decorated header right above it heads it (▍大家都在看 over dated titles), and
        # a line a vocabulary phrase opens (扫一扫，关注某某) is a widget's
        while (
            start - 1 > last_good
            and classes[start - 1] == SHORT
            and (
                _header_shape(keys[start - 1])
                or (opens_with_phrase is not None and opens_with_phrase(keys[start - 1]))
            )
        ):
            start -= 1
        # a footer's contact lines right above it: two contact fields on one line
        # (地址：… 邮编：…, 电话：… 传真：…); one field alone may close a notice
        while (
            start - 1 > last_good
            and classes[start - 1] == SHORT
            and _contact_fields(keys[start - 1]) >= 2
        ):
            start -= 1
        for i in range(start, hi):
            if not furniture[i] and classes[i] in member and i not in teased:
                furniture[i], safe[i], where[i] = True, True, f"at the tail of the {unit}"
    # -- head: a widget or a spaced menu joins it alone (the title is never one); below
    # the metadata line, where no title stands, the words of app prompts count too
    meta = next((i for i in range(lo, first_good) if classes[i] == META), first_good)
    for i in range(lo, first_good):
        if (
            not furniture[i]
            and classes[i] == SHORT
            and i not in teased
            and (kind := weak(keys[i], i > meta))
            and (i not in titles or (kind == WEAK_MENU and _BOUNDS[classes[i + 1]]))
        ):
            # (a menu read as the title above widgets is no title when chrome follows it:
            # a breadcrumb comes before a title, never after it)
            furniture[i], safe[i], where[i] = True, True, f"at the head of the {unit}"
    # a widget a vocabulary phrase opens (扫一扫在手机上打开当前页) between the title
    # and the article, where no metadata line stands
    k = first_good - 1
    if (
        opens_with_phrase is not None
        and k > lo
        and meta == first_good
        and not furniture[k]
        and classes[k] == SHORT
        and classes[k - 1] == SHORT
        and k not in teased
        and k not in titles
        and opens_with_phrase(keys[k])
    ):
        furniture[k], safe[k], where[k] = True, True, f"at the head of the {unit}"
    # a column of menu labels at the top of the unit or right under furniture (the
    # labels already taken above it count); the label right before the metadata or the
    # article may be a short title (静夜思): it stays
    i = lo
    while i < first_good:
        if furniture[i] or classes[i] != SHORT or len(keys[i]) > MAX_COLUMN_LABEL:
            i += 1
            continue
        j = i
        while (
            j + 1 < first_good
            and classes[j + 1] == SHORT
            and len(keys[j + 1]) <= MAX_COLUMN_LABEL
            and not furniture[j + 1]
        ):
            j += 1
        above = i - 1  # (at most MIN_COLUMN lines back: a bounded window)
        while (
            above >= max(lo, i - MIN_COLUMN)
            and furniture[above]
            and len(keys[above]) <= MAX_COLUMN_LABEL
        ):
            above -= 1
        top = above < lo or furniture[above] or _BOUNDS[classes[above]]
        end = j - 1 if j + 1 < hi and classes[j + 1] in (META, GOOD, NEAR) else j
        if (
            end - above >= MIN_COLUMN
            and top
            and end >= i
            and all(is_label(keys[k]) for k in range(i, end + 1))
        ):
            for k in range(i, end + 1):
                if k not in titles:
                    furniture[k], safe[k], where[k] = True, True, f"at the head of the {unit}"
        i = j + 1


MIN_COLUMN = 3  # menu labels one per line at the head
MAX_COLUMN_LABEL = 4  # characters of one (a title is longer)
