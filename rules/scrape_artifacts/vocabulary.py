"""The chrome vocabulary: metadata labels and widget phrases, compiled once per process.

The words themselves are data files under ``rules/data`` read by ``rules.vocabulary``
(shared with the other families); this module compiles them into patterns. Besides
the patterns that decide whether a line is chrome, each matcher carries a literal
prefilter (``ChromeMatcher.triggers``): one search over the whole page finds every
line that could be chrome, so that the other lines cost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

import regex

from rules import vocabulary
from rules.lazy import LazyPattern
from rules.scrape_artifacts.furniture import WIDGET_CHARS, WIDGET_SIZES

MAX_CHROME_CHARS = 120  # a chrome line is short
_DATE = (
    r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"
    r"|\d{2}[-/]\d{2}|\d{1,2}月\d{1,2}[日号])"
)
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"  # a full-width colon too (29 14：17)
_RELATIVE = r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)(?:前|内)|刚刚|昨天|前天"
# A relative timestamp alone on a line, as news sites print it: Arabic digits, no space
# (``3分钟前``, ``24小时内``). ``三年前`` is a story's; ``11 天前`` (spaced) is what forum
# software prints beside each post, which human-extracted text keeps.
_RELATIVE_UNITS = ("秒", "分钟", "小时", "天")
_RELATIVE_ENDS = ("前", "内")
_RELATIVE_ONLY = LazyPattern(
    regex, rf"\d{{1,3}}(?:{'|'.join(_RELATIVE_UNITS)})(?:{'|'.join(_RELATIVE_ENDS)})"
)
_SIZE = r"[大中小](?:\s*[大中小]){1,2}(?!\p{Han})"  # the font-size widget: 字号：大 中 小
_URL = r"(?:https?://|www\.)[!-~]+"
_YEAR = r"(?:19|20)\d{2}"
_YEARS = rf"{_YEAR}(?:\s*[-–—~～至]\s*{_YEAR})?"
# A copyright footer: 版权所有 / Copyright / © and a year (a range after a bare Copyright),
# or 版权所有 and a space, then the site's name (checked without sentence punctuation).
# A year read as a date (``2021年以来``) starts a sentence, not a footer.
_FOOTER = LazyPattern(
    regex,
    rf"(?:(?:(?:版权所有|copyright)\s*[:：]?\s*)?©\s*{_YEARS}"
    rf"|版权所有\s*[:：]?\s*{_YEARS}"
    rf"|copyright\s*[:：]?\s*{_YEAR}\s*[-–—~～至]\s*{_YEAR}"
    r"|版权所有\s(?=\s*[\p{Han}A-Za-z]))(?!\s*年)\s*[\p{Han}A-Za-z0-9].{0,60}",
    regex.IGNORECASE,
)
# Every footer the pattern above accepts holds one of these (copyright in any case).
_FOOTER_LITERALS = ("©", "版权所有")
_FOOTER_FOLDED = ("copyright",)
MAX_FOOTER_CHARS = 80
_FOOTER_INITIALS = frozenset("版©Cc")
_SENTENCE_PUNCTUATION = LazyPattern(regex, r"[。！？，；!?,;]")
# What is left of a chrome line once its labels are gone: dates, numbers, punctuation.
_NOISE = LazyPattern(
    regex,
    rf"{_DATE}|{_TIME}|{_RELATIVE}|[\d\s\p{{P}}\p{{S}}]+",
)
_WORD = LazyPattern(regex, r"[\p{Han}A-Za-z0-9]")
# The words _NOISE never takes: ASCII letters and CJK ideographs but those of its dates and
# relative times. A line keeps at least these once its labels are gone: counted by one
# search for their runs, cheaper than the exact count when a line is prose.
_NOISE_HAN = "年月日号秒分钟小时天周个前内刚昨"


def _ideographs_but(excluded: str) -> str:
    """The CJK Unified Ideographs (U+4E00-U+9FFF) without ``excluded``, as class ranges."""
    ranges, start = [], 0x4E00
    for c in sorted(map(ord, excluded)):
        if start < c:
            ranges.append(f"{chr(start)}-{chr(c - 1)}")
        start = c + 1
    ranges.append(f"{chr(start)}-\u9fff")
    return "".join(ranges)


_SURE_WORDS = LazyPattern(re, f"[A-Za-z{_ideographs_but(_NOISE_HAN)}]+")


def _sure_words(rest: str) -> int:
    """How many words of ``rest`` no _NOISE match can take (a lower bound of what is left)."""
    return sum(map(len, _SURE_WORDS.findall(rest)))


_DIGIT = LazyPattern(regex, r"\d")

# Characters of modern Chinese prose, about the most frequent first (general knowledge of
# character frequency). They only steer which character of a label the prefilter searches
# for (a rare one is tried at fewer places); any choice finds the same lines.
_FREQUENT = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
    "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理"
    "心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高"
    "间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老"
    "给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指许统区保至队形社便"
)
# re's case-insensitive matching of these letters also accepts a few non-ASCII letters.
_CASE_VARIANTS = {"i": "Iiİı", "k": "KkK", "s": "Ssſ"}
_LETTERS = "etaoinsrhldcumfpgwybvkxjqz"  # English letters, most frequent first


def _alternation(items: tuple[str, ...]) -> str:
    """Literals as one alternation, longest first (valid for both ``re`` and ``regex``)."""
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class ChromeMatcher:
    """Decides whether a line is page chrome: labels, widgets, navigation, footers.

    The classifying patterns are compiled on first use (most runs, and the first
    page of every run, need only ``triggers``): start-up stays short.
    """

    keys_source: str  # label: value, and counters printed with a colon (博文: 14387)
    bylines_source: str
    phrases_source: str  # lower-cased literals, matched against the lower-cased line
    counters_source: str  # counters printed without a colon (已有 28335924 人来访过)
    counter_anchors: tuple[str, ...]  # their literal prefilters (人来访过)
    # what ``triggers`` searches for: labels (before a colon), literals, folded phrases
    trigger_labels: tuple[str, ...]
    trigger_literals: tuple[str, ...]
    trigger_folded: tuple[str, ...]

    @cached_property
    def triggers(self) -> re.Pattern:
        """A match starts inside every line that ``classify`` calls chrome or a byline."""
        return _trigger_pattern(self.trigger_labels, self.trigger_literals, self.trigger_folded)

    @cached_property
    def gate(self) -> re.Pattern:
        """``triggers`` plus any widget character or size (``|``, ``>``, ``】``, ``KB``).

        One search tells whether a page needs the chrome or the widget scan at all.
        """
        literals = (*self.trigger_literals, *WIDGET_CHARS, *WIDGET_SIZES)
        return _trigger_pattern(self.trigger_labels, literals, self.trigger_folded)

    @cached_property
    def widget_only(self) -> frozenset[str]:
        """The texts of gate matches that are a widget character or size and no chrome.

        A gate match spans its literal from the anchor (``_anchor_indices``) to the end;
        a chrome match that could read the same (a phrase ending in ``>``) keeps its
        text out of this set, so that a line whose matches are all in it holds no chrome.
        """
        if any(not text for text in (*self.trigger_literals, *self.trigger_folded)) or any(
            "\u0307" in text for text in self.trigger_folded
        ):
            return frozenset()  # an empty phrase matches anywhere
        exact: set[str] = set()
        folded: set[str] = set()
        widgets: set[str] = set()
        literals = (*self.trigger_literals, *WIDGET_CHARS, *WIDGET_SIZES)
        items = _trigger_items(self.trigger_labels, literals, self.trigger_folded)
        chrome = len(self.trigger_labels) + len(self.trigger_literals)  # items before widgets
        for i, ((text, fold, _), k) in enumerate(zip(items, _anchor_indices(items), strict=True)):
            if i < len(self.trigger_labels):
                continue  # a label's match ends with its colon: never a widget's text
            if fold:
                folded.add(text[k:].lower())
            elif i < chrome:
                exact.add(text[k:])
            else:
                widgets.add(text[k:])
        return frozenset(w for w in widgets if w not in exact and w.lower() not in folded)

    @cached_property
    def keys(self) -> regex.Pattern:
        """Labels with their values (and counters printed with a colon)."""
        return regex.compile(self.keys_source)

    @cached_property
    def bylines(self) -> regex.Pattern:
        """Byline labels with their values."""
        return regex.compile(self.bylines_source)

    @cached_property
    def phrases(self) -> re.Pattern:
        """Widget, navigation and footer phrases (a literal alternation: re scans it fast)."""
        return re.compile(self.phrases_source)

    @cached_property
    def counters(self) -> regex.Pattern:
        """Counters printed without a colon."""
        return regex.compile(self.counters_source)

    def classify(self, line: str) -> str | None:
        """``chrome``, ``byline`` (one byline label and its value, nothing else) or None.

        A relative timestamp alone (``3分钟前``) and a copyright footer
        (``版权所有 © 2021 新华网``) are chrome. Otherwise remove ``label: value``
        pairs, counters, widget phrases, dates, times, relative timestamps, numbers
        and punctuation: what remains must be at most a quarter of the line's words.
        """
        return self.classify_stripped(line.strip())

    def classify_stripped(self, text: str) -> str | None:
        """``classify`` for a line already stripped of surrounding whitespace."""
        if not text or len(text) > MAX_CHROME_CHARS:
            return None
        if text[-1] in "前内" and _RELATIVE_ONLY.fullmatch(text):
            return "chrome"
        if text[0] in _FOOTER_INITIALS and _is_footer_stripped(text):
            return "chrome"
        if text[0] in _pager_initials() and _pager().fullmatch(text) is not None:
            return "chrome"  # 上一篇：… 下一篇：…, whatever the titles hold
        if text[:2] in _BACK_VERBS and _BACK_LINKS.fullmatch(text) is not None:
            return "chrome"  # 返回南方网首页 返回国际新闻频道
        rest, n_keys, n_bylines, n_counters = text, 0, 0, 0
        if ":" in text or "：" in text:  # labels are printed as label: value
            rest, n_keys = self.keys.subn("", rest)
            rest, n_bylines = self.bylines.subn("", rest)
        for anchor in self.counter_anchors:  # counters printed without a colon
            if anchor in text:
                rest, n_counters = self.counters.subn("", rest)
                break
        rest, n_phrases = self.phrases.subn("", rest.lower())
        n_keys += n_counters
        if not (n_keys or n_bylines or n_phrases):
            return None
        if _sure_words(rest) > max(1, len(text) // 4):
            return None  # more words stay than chrome leaves, whatever the noise (prose)
        words = len(_WORD.findall(text))
        left = len(_WORD.findall(_NOISE.sub("", rest)))
        if left > max(1, words // 4):
            return None
        if n_bylines == 1 and not (n_keys or n_phrases):
            # a byline with a date (时间：2022-11-24 编辑：, 2024年05月10日 | 来源：…) is a
            # metadata line, furniture; a byline alone is content-adjacent
            return "chrome" if DATE_SIGNATURE.search(text) is not None else "byline"
        return "chrome"


@cache
def chrome_matcher(
    extra_keys: tuple[str, ...] = (),
    extra_bylines: tuple[str, ...] = (),
    extra_phrases: tuple[str, ...] = (),
) -> ChromeMatcher:
    """The matcher for the shipped vocabulary plus any extra keys, bylines and phrases."""
    counters = vocabulary.counters()
    with_colon = tuple(t for t in counters if ":" in t or "：" in t)
    bare = tuple(t for t in counters if t not in with_colon)
    keys = _with_spaced((*vocabulary.metadata_keys(), *extra_keys))
    bylines = _with_spaced((*vocabulary.byline_keys(), *extra_bylines))
    # a link list's header alone on a line is chrome too (相关新闻, 推荐阅读)
    shipped = (*vocabulary.chrome_phrases(), *vocabulary.furniture_headers())
    phrases = tuple(p.lower() for p in (*shipped, *extra_phrases))
    anchors = tuple(max(regex.split(r"\{n\}|\s+", t), key=len) for t in bare)
    # the longest literal piece of each counter printed with a colon (博文 of 博文:{n})
    pieces = tuple(max(regex.split(r"\{n\}|[:：]|\s+", t), key=len) for t in with_colon)
    return ChromeMatcher(
        _label_value(keys, _counter(with_colon)),
        _label_value(bylines),
        # a literal alternation: the standard library's re scans it several times faster
        # than regex, and lower-casing the line once is cheaper than IGNORECASE
        _alternation(phrases),
        _counter(bare) or r"(?!)",
        anchors,
        trigger_labels=(*keys, *bylines, *vocabulary.pager_keys()),
        trigger_literals=(
            *pieces,
            *anchors,
            *_relative_literals(),
            *_FOOTER_LITERALS,
            *(f"\n{verb}" for verb in _BACK_VERBS),  # a back link opens its line
        ),
        trigger_folded=(*phrases, *_FOOTER_FOLDED),
    )


# Links back to a page of the site, alone on a line: 返回南方网首页 返回国际新闻频道
_BACK_VERBS = ("返回", "回到")
_BACK_TARGETS = ("首页", "主页", "频道", "栏目", "列表", "顶部", "目录", "上一页", "上页", "上级")
_BACK_LINKS = LazyPattern(
    regex,
    rf"(?:(?:{'|'.join(_BACK_VERBS)})[^\s，。！？；,!?;]{{0,12}}?(?:{'|'.join(_BACK_TARGETS)})"
    r"[\s|｜>»]*)+",
)
MAX_PAGER_TITLE = 60  # characters of the title a link to the neighbouring article shows
_LEADING_SPACE = " \t\u3000\ufeff"
# how a page that opens with a back link starts: one test of its first character
BACK_INITIALS = "".join(sorted({verb[0] for verb in _BACK_VERBS})) + _LEADING_SPACE


def opens_with_back_link(text: str) -> bool:
    """Whether a page's first line is a back link (``返回南方网首页``).

    The trigger literals find a back link after a line break (``\n返回``): the first
    line has none before it. Only the first line is looked at.
    """
    if text[:2] not in _BACK_VERBS and text.lstrip(_LEADING_SPACE)[:2] not in _BACK_VERBS:
        return False
    end = text.find("\n")
    first = (text if end < 0 else text[:end]).strip()
    return len(first) <= MAX_CHROME_CHARS and _BACK_LINKS.fullmatch(first) is not None


# a course or a book says 上一节：我们讨论了…，这一节…: after these labels the title
# holds no clause punctuation (an article's title after 下一篇 may hold a comma)
_SECTION_PAGER_KEYS = frozenset({"上一节", "下一节", "上一章", "下一章"})


@cache
def _pager() -> regex.Pattern:
    """One or two links to the neighbouring articles: ``上一篇：title`` (``pager_keys.txt``).

    The title may hold anything but a sentence stop (。；), at most MAX_PAGER_TITLE
    characters; after a section's or chapter's label (``_SECTION_PAGER_KEYS``) no
    comma either: running prose is no title.
    """
    keys = vocabulary.pager_keys()
    articles = _alternation(tuple(k for k in keys if k not in _SECTION_PAGER_KEYS))
    sections = _alternation(tuple(k for k in keys if k in _SECTION_PAGER_KEYS))
    label = r"[【\[]?(?:{})[】\]]?\s*[:：]\s*"
    title = rf"{{}}{{{{0,{MAX_PAGER_TITLE}}}}}?"
    items = [
        label.format(group) + title.format(stops)
        for group, stops in ((articles, "[^。；;]"), (sections, "[^。；;，,]"))
        if group
    ]
    item = f"(?:{'|'.join(items)})" if items else r"(?!)"
    return regex.compile(rf"{item}(?:\s+{item})?")


@cache
def _pager_initials() -> frozenset[str]:
    """The characters a pager line starts with."""
    return frozenset({"【", "[", *(key[0] for key in vocabulary.pager_keys())})


LABEL_SPACES = (" ", "\u3000", "  ")  # how pages space a label's characters (发 布 时 间：)


def _with_spaced(labels: tuple[str, ...]) -> tuple[str, ...]:
    """Labels and their spaced forms (``发 布 时 间``, ``作　者``) for Han labels of 2-6 characters.

    Pages align short labels with long ones by spacing their characters; the
    spaced form is a literal too, so the label patterns stay literal alternations.
    """
    spaced = tuple(
        sep.join(label)
        for label in labels
        if 2 <= len(label) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in label)
        for sep in LABEL_SPACES
    )
    return (*labels, *spaced)


def _relative_literals() -> tuple[str, ...]:
    """What every lone relative timestamp holds: a unit and 前 or 内 (``分钟前``)."""
    return tuple(unit + end for unit in _RELATIVE_UNITS for end in _RELATIVE_ENDS)


@cache
def _exact(c: str) -> bool:
    """Whether only ``c`` itself lower-cases to ``c`` (CJK, digits, punctuation)."""
    return c.upper() == c == c.lower() and c != "\u0307"  # İ lower-cases to i + U+0307


def _trigger_pattern(
    labels: tuple[str, ...], literals: tuple[str, ...], folded: tuple[str, ...]
) -> re.Pattern:
    """One search for every line ``classify`` could call chrome: a prefilter, never a verdict.

    ``labels`` count only when a colon follows (``label\\s*[:：]``, as the label
    patterns require), ``literals`` anywhere, ``folded`` (lower-cased phrases,
    matched against the lower-cased line) in any case. Each literal is searched from
    its rarest character, followed by a look-behind for the whole literal: the
    pattern then starts with a set of rare characters, which ``re`` scans fast.
    """
    items = _trigger_items(labels, literals, folded)
    if any(not text and not colon for text, _, colon in items) or any(
        "\u0307" in text for text in folded
    ):
        return re.compile(r"\S")  # an empty phrase, or one lower() can produce from İ
    trie: dict = {}
    cost: dict[str, int] = {}  # first token → how common its character is
    before: dict[str, str | None] = {}  # a look-behind tail → the character before its anchor
    for (text, fold, colon), k in zip(items, _anchor_indices(items), strict=True):
        tail = r"\s*[:：]" if colon else ""
        if not text:  # an empty label: any colon
            for c in ":：":
                trie.setdefault(re.escape(c), {}).setdefault("", set()).add("")
                cost[re.escape(c)] = _anchor_cost(c, False)
            continue
        if k:
            tail = f"(?<={_literal(text, fold)})" + tail
            c = text[k - 1] if _exact(text[k - 1]) else None
            before[tail] = c if before.get(tail, c) == c else None
        for first in _first_tokens(text[k], fold):
            cost[first] = _anchor_cost(text[k], fold)
            node = trie.setdefault(first, {})
            for c in text[k + 1 :]:
                node = node.setdefault(_token(c, fold), {})
            node.setdefault("", set()).add(tail)
    # re tries the alternatives in order at each candidate character: common first
    return re.compile(_emit(dict(sorted(trie.items(), key=lambda kv: -cost[kv[0]])), before))


def _trigger_items(
    labels: tuple[str, ...], literals: tuple[str, ...], folded: tuple[str, ...]
) -> list[tuple[str, bool, bool]]:
    """(text, folded, needs a colon) of each label, literal and folded phrase, in that order."""
    items = [(x, False, True) for x in labels]
    items += [(x, False, False) for x in literals]
    items += [(x, True, False) for x in folded]
    return items


def _anchor_indices(items: list[tuple[str, bool, bool]]) -> list[int]:
    """Where each item's search starts: its rarest character, unless another anchor serves.

    A trigger pattern costs, at every occurrence of an anchor, a walk over all the
    anchors (``re`` tries each alternative of the first branch): fewer anchors make
    every occurrence cheaper, and each anchor dropped occurs no more. So an anchor is
    dropped (the commonest first) while every item searched from it holds another
    anchor, which it is then searched from. Only characters that case does not change
    (CJK, digits, punctuation) move, and never to a character that is an item of its
    own (a widget's ``|`` or ``】``: a phrase searched from it would make its matches
    read as chrome). Any choice finds the same matches' lines.
    """
    return list(_anchor_choice(tuple(items)))


@cache
def _anchor_choice(items: tuple[tuple[str, bool, bool], ...]) -> tuple[int, ...]:
    at = [_anchor_index(text, fold) if text else 0 for text, fold, _ in items]
    singles = {text for text, _, _ in items if len(text) == 1}
    chars = set().union(*(text for text, _, _ in items))
    movable = {c for c in chars if c not in singles and _exact(c)}
    own = [movable.intersection(text) for text, _, _ in items]
    while True:
        users: dict[str, list[int]] = {}
        for i, (text, _, _) in enumerate(items):
            if text and text[at[i]] in movable:
                users.setdefault(text[at[i]], []).append(i)
        anchors = set(users)
        dropped = [
            c
            for c, used in users.items()
            if all(len(own[i] & anchors) > 1 for i in used)  # each holds another anchor
        ]
        if not dropped:
            return tuple(at)
        c = max(dropped, key=lambda x: (_anchor_cost(x, False), x))
        anchors.discard(c)
        for i in users[c]:
            text, fold, _ = items[i]
            at[i] = min(
                (k for k, x in enumerate(text) if x in anchors),
                key=lambda k: (_anchor_cost(text[k], fold), k),
            )


def _anchor_index(text: str, fold: bool) -> int:
    """Where a literal's search starts: its rarest character (the first of equals)."""
    return min(range(len(text)), key=lambda i: (_anchor_cost(text[i], fold), i))


@cache
def _anchor_cost(c: str, fold: bool) -> int:
    """How often ``c`` (matched exactly, or in any case when ``fold``) is met in prose."""
    if fold and not _exact(c):
        if not c.isascii():
            return 10 * len(_FREQUENT)
        return len(_FREQUENT) // 2 + len(_LETTERS) - _LETTERS.find(c.lower())  # rarer: less
    if c.isspace():
        return len(_FREQUENT) + 1  # spaces are everywhere in mixed text
    if c.isascii():
        return len(_FREQUENT) // 2
    i = _FREQUENT.find(c)
    return 0 if i < 0 else len(_FREQUENT) - i


def _first_tokens(anchor: str, fold: bool) -> list[str]:
    """The anchor as literal tokens, one per case variant (re then sees a first-character set)."""
    if not fold or _exact(anchor):
        return [re.escape(anchor)]
    if not anchor.isascii():  # no first-character set for this one: slower, still exact
        return [f"(?i:{re.escape(anchor)})"]
    variants = _CASE_VARIANTS.get(anchor.lower(), anchor.lower() + anchor.upper())
    return [re.escape(v) for v in variants]


def _token(c: str, fold: bool) -> str:
    return f"(?i:{re.escape(c)})" if fold and not _exact(c) else re.escape(c)


def _literal(text: str, fold: bool) -> str:
    return "".join(_token(c, fold) for c in text)


_ANY = r"[\s\S]"  # any character, in a look-behind of fixed width


def _emit(node: dict, before: dict[str, str | None], depth: int = 0) -> str:
    """A trie of tokens as one regex (a node's key "" holds the tails that end there).

    ``before``: the character just before the anchor of each look-behind tail; ``depth``:
    the characters matched from the anchor to ``node``. A node's look-behind tails (a
    prose character such as 期 ends 日期, 时期, 长期: most of its occurrences fail them
    all) are tried behind one guard that checks that character first, in the same order.
    """
    alternatives = [
        token + _emit(child, before, depth + 1) for token, child in node.items() if token
    ]
    tails = sorted(node.get("", ()))
    behind = [t for t in tails if t.startswith("(?<=")]  # consecutive: "" < "(" < "\\"
    if len(behind) > 1 and all(before.get(t) for t in behind):
        at = tails.index(behind[0])
        chars = "".join(sorted({before[t] for t in behind}))
        guard = f"(?<=[{re.escape(chars)}]{_ANY * depth})"
        tails[at : at + len(behind)] = [f"{guard}(?:{'|'.join(behind)})"]
    alternatives += tails
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def is_footer(line: str) -> bool:
    """Whether a line is a copyright footer (``版权所有 © 2021 新华网``, ``© 2009-2019 某某网``)."""
    return _is_footer_stripped(line.strip())


def _is_footer_stripped(text: str) -> bool:
    return (
        len(text) <= MAX_FOOTER_CHARS
        and _SENTENCE_PUNCTUATION.search(text) is None
        and _FOOTER.fullmatch(text) is not None
    )


def _counter(templates: tuple[str, ...]) -> str:
    """Counter templates (``已有{n}人来访过``, ``博文:{n}``) as one alternation.

    ``{n}`` is a number, ``:`` either colon, a space any spaces.
    """

    def literal(part: str) -> str:
        return "".join(
            r"\s*[:：]" if c in ":：" else r"\s*" if c.isspace() else regex.escape(c) for c in part
        )

    return "|".join(
        r"\s*\d[\d,]*\s*".join(literal(p) for p in t.split("{n}"))
        for t in sorted(set(templates), key=len, reverse=True)
    )


def _label_value(labels: tuple[str, ...], counters: str = "") -> str:
    """``label: value`` (a URL, 大 中 小, a date, a relative time, a short run) or a counter."""
    value = (
        rf"(?:{_URL}|{_SIZE}|{_DATE}(?:\s+{_TIME})?|{_RELATIVE}"
        r"|[^\s，,。；;【】\[\]()（）]{0,24})"
    )
    label = rf"[【\[(（]?(?:{_alternation(labels)})\s*[:：]\s*{value}[】\])）]?"
    return f"{label}|{counters}" if counters else label


# A line that is only a date or a time, or a date with a short link title.
DATE_ONLY = LazyPattern(
    regex, rf"^[\[【(（]?\s*(?:{_DATE}(?:\s+{_TIME})?|\d{{1,2}}\s+{_TIME}|{_TIME})\s*[\]】)）]?$"
)
DATED_TITLE = LazyPattern(
    regex,
    rf"^(?:[\[【(（]?(?:{_DATE}(?:\s+{_TIME})?|\d{{1,2}}\s+{_TIME})[\]】)）]?\s+\S.{{0,40}}"
    rf"|\S.{{0,40}}?\s+[\[【(（]?{_DATE}(?:\s+{_TIME})?[\]】)）]?)$",
)
# Every date and time above holds a digit, a separator and a digit (2022-07, 7月14, 16:18):
# the prefilter for sidebar lines, searched once over the whole page.
DATE_SEPARATORS = "-/.年月:："
DATE_SIGNATURE = LazyPattern(regex, rf"\d\s*[{regex.escape(DATE_SEPARATORS)}]\s*\d")
# A superset of DATE_SIGNATURE that the standard library's re scans several times faster:
# led by the separator (a small literal set), a digit or a space just before it (where
# a signature's spaces end), a digit after it. A page without a match holds no date.
_SEPARATOR_SET = f"[{re.escape(DATE_SEPARATORS)}]"
# regex knows a newer Unicode than re: the digits only it calls \d (its \s is re's or less)
_NEWER_DIGITS = (
    "\U00010d40-\U00010d49\U000116d0-\U000116e3\U00011bf0-\U00011bf9\U00011de0-\U00011de9"
    "\U00011f50-\U00011f59\U00016130-\U00016139\U00016d70-\U00016d79\U0001ccf0-\U0001ccf9"
    "\U0001e4f0-\U0001e4f9\U0001e5f1-\U0001e5fa"
)
_DIGITS = rf"\d{_NEWER_DIGITS}"  # in a class: every character DATE_SIGNATURE's \d matches
_NEAR_DIGITS = LazyPattern(re, rf"{_SEPARATOR_SET}(?<=[\s{_DIGITS}]{_SEPARATOR_SET})\s*[{_DIGITS}]")


def may_hold_date(text: str) -> bool:
    """Whether ``text`` may hold a DATE_SIGNATURE (one fast search; a superset).

    Every sidebar date and time holds one, inside its line.
    """
    return _NEAR_DIGITS.search(text) is not None


def has_date_separator(text: str) -> bool:
    """Whether ``text`` holds one of DATE_SEPARATORS (literal scans, faster than a pattern)."""
    return (
        "年" in text
        or "月" in text
        or "-" in text
        or "/" in text
        or "." in text
        or ":" in text
        or "：" in text
    )


MAX_SIDEBAR_CHARS = 60


def sidebar_kind(line: str) -> str | None:
    """``date`` for a bare date/time line, ``dated-title`` for a date and a short title."""
    return sidebar_kind_stripped(line.strip())


def sidebar_kind_stripped(text: str) -> str | None:
    """``sidebar_kind`` for a line already stripped of surrounding whitespace."""
    if not text or len(text) > MAX_SIDEBAR_CHARS or _DIGIT.search(text) is None:
        return None
    if DATE_ONLY.match(text):
        return "date"
    if any(c in text for c in "。！？!?，,") or not DATED_TITLE.match(text):
        return None
    return "dated-title"
