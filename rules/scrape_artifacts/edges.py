"""Weak furniture evidence: lines that show furniture features without being chrome alone.

The chrome vocabulary calls a line chrome when labels, widget phrases, dates and
counters explain all but a quarter of its words. Many lines at the edges of a page
are furniture with less evidence than that: a share widget naming services the
vocabulary does not list (``分享：抖音 豆瓣``), an app or account prompt around a site's
name (``下载某某日报客户端``), a menu printed with spaces or slashes between its items
(``要闻 / 国内 / 国际 / 财经``), a commenter's name with a timestamp (``张三 2023-05-12
14:17``, ``某地网友 5分钟前``), a headline cut short (``某某市召开…``). None of them is
reported on its own: an article may hold such a line. ``find_furniture`` uses them only
at the head and the tail of a page or article, where they join the furniture around
them (``furniture.weak_edges``).

Each test is a few literal checks and at most one bounded regex on one short line.
"""

from __future__ import annotations

import re
from functools import cache

from rules import vocabulary
from rules.lazy import LazyPattern
from rules.scrape_artifacts.furniture import WEAK_MENU, WEAK_WIDGET
from rules.scrape_artifacts.vocabulary import ChromeMatcher, is_footer

MAX_WEAK_CHARS = 60  # a longer line is no widget
MIN_MENU_ITEMS = 4  # items of a menu printed with spaces or slashes
MAX_MENU_ITEM = 6  # characters of one of its items
MAX_STAMP_NAME = 10  # characters beside a timestamp (a commenter's name, 某地网友)
MAX_CUT_TITLE = 30  # characters of a headline cut short with … or ...
MIN_STRONG_PHRASE = 5  # characters of a vocabulary phrase that marks a sentence as a footer's
MAX_STRONG_CHARS = 100
_STOPS = "。！？!?；;"
_MENU_SPLIT = LazyPattern(re, r"\s*[/／·•]\s*|\s+")
_HAN = LazyPattern(re, r"[\u4e00-\u9fff]")
# a date with a time, a time, or a relative time printed without a space (``11 天前``,
# spaced, is what forum software prints beside each post: human-extracted text keeps it)
_STAMP = LazyPattern(
    re,
    r"(?P<date>(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*)?"
    r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,3}(?:秒|分钟|小时|天)前",
)
_WORD = LazyPattern(re, r"[\u4e00-\u9fffA-Za-z]")  # (digits are values: 备案号 12345678)
_DATED_END = LazyPattern(re, r"[\[(（【]\d{1,2}-\d{1,2}[\])）】]$")
_CUT_ENDS = ("…", "...", "．．．")
_VERSE = (5, 7)
_FULL_DATE = LazyPattern(re, r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_BAR = LazyPattern(re, r"\s*[|｜]\s*")
_REPORTERS = ("记者", "通讯员", "摄影", "撰稿")  # items of a byline printed with spaces


def spaced_menu(text: str) -> bool:
    """Whether a stripped line is a menu printed with spaces or slashes between its items.

    Four or more items of two to six characters, mostly Han, no punctuation (a list
    of names in an article is punctuated or introduced by a label), not verse, not a
    reporters' line.
    """
    if len(text) > MAX_WEAK_CHARS or any(c in text for c in "，,。：:；;、！？!?（）()《》“”\"'"):
        return False
    items = [x for x in _MENU_SPLIT.split(text) if x]
    if len(items) < MIN_MENU_ITEMS or any(not 2 <= len(x) <= MAX_MENU_ITEM for x in items):
        return False  # (a one-character item is half of a spaced name: 方 敏)
    if any(x.endswith(_REPORTERS) for x in items):
        return False  # a reporters' line: 本报记者 张三 通讯员 李四
    han = sum(1 for x in items if _HAN.search(x))
    if 4 * han < 3 * len(items):
        return False
    return not all(len(x) in _VERSE for x in items)


@cache
def _edge_phrases() -> re.Pattern[str]:
    """The words of comment areas and app prompts (``edge_phrases.txt``), tails only."""
    words = sorted(vocabulary.data_lines("edge_phrases.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _explained(matcher: ChromeMatcher, text: str, tail: bool) -> int:
    """Words of a line that the vocabulary's widget phrases and counters explain (not its
    labels: a source or author note, ``本文来源：… 作者：…``, is a byline's); at a tail
    the words of comment areas and app prompts too."""
    rest = text
    for anchor in matcher.counter_anchors:
        if anchor in text:
            rest = matcher.counters.sub("", rest)
            break
    rest = matcher.phrases.sub("", rest.lower())
    if tail:
        rest = _edge_phrases().sub("", rest)
    return len(_WORD.findall(text)) - len(_WORD.findall(rest))


def weak_kind(matcher: ChromeMatcher, text: str, tail: bool) -> int:
    """WEAK_MENU, WEAK_WIDGET or 0 for a stripped line that is not chrome by itself.

    ``tail``: the line stands after the article, or below its metadata line (where
    no title stands). A widget: the vocabulary's phrases (at a tail also
    ``edge_phrases.txt``: 评论, 二维码, 公众号, 客户端…) explain a third of its words
    (no colon at its end; no comma unless a phrase alone stands before it), or it
    is a timestamp with a date or a name beside it; at a tail also a headline cut
    short (``…``) or a title ending in its day (``[05-12]``).
    """
    n = len(text)
    if not n or n > MAX_WEAK_CHARS or any(c in text for c in _STOPS):
        return 0
    if spaced_menu(text):
        return WEAK_MENU
    if tail and n <= MAX_CUT_TITLE and _cut_title(text):
        return WEAK_WIDGET
    if tail and text[-1] in "]）)】" and _DATED_END.search(text) and len(_HAN.findall(text)) >= 4:
        return WEAK_WIDGET  # a sidebar title with its day: 某某会议召开[05-12]
    if (m := _STAMP.search(text)) is not None:
        # a timestamp with a date, or with a name beside it (a video's 0:00 /2:54 is neither)
        rest = (text[: m.start()] + text[m.end() :]).strip()
        if (
            len(rest) <= MAX_STAMP_NAME
            and (m.group("date") or _HAN.search(rest))
            and not any(c in rest for c in "，,、")
        ):
            return WEAK_WIDGET
    if text[-1] in ":：":
        return 0  # a line that introduces what follows is no widget alone
    if ("，" in text or "," in text) and not _opens_with_widget(matcher, text):
        return 0  # a clause (返回搜狐，查看更多), unless a widget opens it (扫一扫，关注某某)
    words = len(_WORD.findall(text))
    lower = text.lower()
    if (
        matcher.gate.search(text) is None
        and matcher.phrases.search(lower) is None
        and not (tail and _edge_phrases().search(lower))
    ):
        return 0
    return WEAK_WIDGET if words and 3 * _explained(matcher, text, tail) >= words else 0


def _opens_with_widget(matcher: ChromeMatcher, text: str) -> bool:
    """Whether the words before a line's first comma are one vocabulary phrase
    (``扫一扫，关注某某``): a widget's label, not a clause."""
    cut = min(i for i in (text.find("，"), text.find(",")) if i >= 0)
    return matcher.phrases.fullmatch(text[:cut].strip().lower()) is not None


def _cut_title(text: str) -> bool:
    """A headline cut short: four Han characters or more, no clause punctuation, then one
    ``…`` or ``...`` (a sentence trailing off ends in ``……``)."""
    if text.endswith(("……", "......")) or not text.endswith(_CUT_ENDS):
        return False
    if any(c in text for c in "，,、：:；;（）()“”/"):
        return False
    return len(_HAN.findall(text)) >= 4


def strong_chrome(matcher: ChromeMatcher, text: str) -> bool:
    """Whether a sentence-like line holds a footer's evidence (a copyright mark, or a
    vocabulary phrase of five characters or more: 如有侵权请联系删除)."""
    if len(text) > MAX_STRONG_CHARS:
        return False
    if ("©" in text or "ICP" in text or "版权所有" in text) and (
        is_footer(text) or "ICP" in text or "版权所有" in text
    ):
        return True
    return any(len(m.group()) >= MIN_STRONG_PHRASE for m in matcher.phrases.finditer(text.lower()))


def full_date(text: str) -> bool:
    """Whether a line holds a full date (year, month and day): a menu never does."""
    return _FULL_DATE.search(text) is not None


def widget_bar(matcher: ChromeMatcher, text: str) -> bool:
    """Whether a bar of items is a row of widgets (``打印 | 推荐给朋友 | 关闭``), not the
    site's navigation: half its items or more hold a vocabulary phrase. Widgets follow
    the article's title; navigation comes before it."""
    items = [x for x in _BAR.split(text) if x]
    hits = sum(1 for x in items if matcher.phrases.search(x.lower()) is not None)
    return bool(items) and 3 * hits >= len(items)


def opens_with_phrase(matcher: ChromeMatcher, text: str) -> bool:
    """Whether a short line (no sentence stop) opens with a vocabulary phrase of three
    characters or more (``扫一扫，关注某某``, ``扫描二维码下载``): a widget's label."""
    if len(text) > MAX_WEAK_CHARS or any(c in text for c in _STOPS):
        return False
    m = matcher.phrases.match(text.lower())
    return m is not None and len(m.group()) >= MIN_OPENING_PHRASE


MIN_OPENING_PHRASE = 3
