"""The chrome vocabulary: metadata labels and widget phrases, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

MAX_CHROME_CHARS = 120  # a chrome line is short
_DATE = (
    r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"
    r"|\d{2}[-/]\d{2}|\d{1,2}月\d{1,2}[日号])"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_RELATIVE = r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)(?:前|内)|刚刚|昨天|前天"
# A relative timestamp alone on a line, as news sites print it: Arabic digits, no space
# (``3分钟前``, ``24小时内``). ``三年前`` is a story's; ``11 天前`` (spaced) is what forum
# software prints beside each post, which human-extracted text keeps.
_RELATIVE_ONLY = regex.compile(r"\d{1,3}(?:秒|分钟|小时|天)(?:前|内)")
_SIZE = r"[大中小](?:\s*[大中小]){1,2}(?!\p{Han})"  # the font-size widget: 字号：大 中 小
_URL = r"(?:https?://|www\.)[!-~]+"
_YEAR = r"(?:19|20)\d{2}"
_YEARS = rf"{_YEAR}(?:\s*[-–—~～至]\s*{_YEAR})?"
# A copyright footer: 版权所有 / Copyright / © and a year (a range after a bare Copyright),
# or 版权所有 and a space, then the site's name (checked without sentence punctuation).
# A year read as a date (``2021年以来``) starts a sentence, not a footer.
_FOOTER = regex.compile(
    rf"(?:(?:(?:版权所有|copyright)\s*[:：]?\s*)?©\s*{_YEARS}"
    rf"|版权所有\s*[:：]?\s*{_YEARS}"
    rf"|copyright\s*[:：]?\s*{_YEAR}\s*[-–—~～至]\s*{_YEAR}"
    r"|版权所有\s(?=\s*[\p{Han}A-Za-z]))(?!\s*年)\s*[\p{Han}A-Za-z0-9].{0,60}",
    regex.IGNORECASE,
)
MAX_FOOTER_CHARS = 80
_FOOTER_INITIALS = frozenset("版©Cc")
_SENTENCE_PUNCTUATION = regex.compile(r"[。！？，；!?,;]")
# What is left of a chrome line once its labels are gone: dates, numbers, punctuation.
_NOISE = regex.compile(
    rf"{_DATE}|{_TIME}|{_RELATIVE}|[\d\s\p{{P}}\p{{S}}]+",
)
_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")
_DIGIT = regex.compile(r"\d")


def _data_lines(name: str) -> list[str]:
    text = files("rules.scrape_artifacts").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _alternation(items: tuple[str, ...]) -> str:
    """Literals as one alternation, longest first (valid for both ``re`` and ``regex``)."""
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class ChromeMatcher:
    """Decides whether a line is page chrome: labels, widgets, navigation, footers."""

    keys: regex.Pattern  # label: value, and counters printed with a colon (博文: 14387)
    bylines: regex.Pattern
    phrases: re.Pattern  # lower-cased literals, matched against the lower-cased line
    counters: regex.Pattern  # counters printed without a colon (已有 28335924 人来访过)
    counter_anchors: tuple[str, ...]  # their literal prefilters (人来访过)

    def classify(self, line: str) -> str | None:
        """``chrome``, ``byline`` (one byline label and its value, nothing else) or None.

        A relative timestamp alone (``3分钟前``) and a copyright footer
        (``版权所有 © 2021 新华网``) are chrome. Otherwise remove ``label: value``
        pairs, counters, widget phrases, dates, times, relative timestamps, numbers
        and punctuation: what remains must be at most a quarter of the line's words.
        """
        text = line.strip()
        if not text or len(text) > MAX_CHROME_CHARS:
            return None
        if text[-1] in "前内" and _RELATIVE_ONLY.fullmatch(text):
            return "chrome"
        if text[0] in _FOOTER_INITIALS and is_footer(text):
            return "chrome"
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
        words = len(_WORD.findall(text))
        left = len(_WORD.findall(_NOISE.sub("", rest)))
        if left > max(1, words // 4):
            return None
        return "byline" if n_bylines == 1 and not (n_keys or n_phrases) else "chrome"


@cache
def chrome_matcher(
    extra_keys: tuple[str, ...] = (),
    extra_bylines: tuple[str, ...] = (),
    extra_phrases: tuple[str, ...] = (),
) -> ChromeMatcher:
    """The matcher for the shipped vocabulary plus any extra keys, bylines and phrases."""
    counters = _data_lines("counters.txt")
    with_colon = tuple(t for t in counters if ":" in t or "：" in t)
    bare = tuple(t for t in counters if t not in with_colon)
    return ChromeMatcher(
        _label_value((*_data_lines("metadata_keys.txt"), *extra_keys), _counter(with_colon)),
        _label_value((*_data_lines("byline_keys.txt"), *extra_bylines)),
        # a literal alternation: the standard library's re scans it several times faster
        # than regex, and lower-casing the line once is cheaper than IGNORECASE
        re.compile(
            _alternation(
                tuple(p.lower() for p in (*_data_lines("chrome_phrases.txt"), *extra_phrases))
            )
        ),
        regex.compile(_counter(bare) or r"(?!)"),
        tuple(max(regex.split(r"\{n\}|\s+", t), key=len) for t in bare),
    )


def is_footer(line: str) -> bool:
    """Whether a line is a copyright footer (``版权所有 © 2021 新华网``, ``© 2009-2019 某某网``)."""
    text = line.strip()
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


def _label_value(labels: tuple[str, ...], counters: str = "") -> regex.Pattern:
    """``label: value`` (a URL, 大 中 小, a date, a relative time, a short run) or a counter."""
    value = (
        rf"(?:{_URL}|{_SIZE}|{_DATE}(?:\s+{_TIME})?|{_RELATIVE}"
        r"|[^\s，,。；;【】\[\]()（）]{0,24})"
    )
    label = rf"[【\[(（]?(?:{_alternation(labels)})\s*[:：]\s*{value}[】\])）]?"
    return regex.compile(f"{label}|{counters}" if counters else label)


# A line that is only a date or a time, or a date with a short link title.
DATE_ONLY = regex.compile(
    rf"^[\[【(（]?\s*(?:{_DATE}(?:\s+{_TIME})?|\d{{1,2}}\s+{_TIME}|{_TIME})\s*[\]】)）]?$"
)
DATED_TITLE = regex.compile(
    rf"^(?:[\[【(（]?(?:{_DATE}(?:\s+{_TIME})?|\d{{1,2}}\s+{_TIME})[\]】)）]?\s+\S.{{0,40}}"
    rf"|\S.{{0,40}}?\s+[\[【(（]?{_DATE}(?:\s+{_TIME})?[\]】)）]?)$"
)
MAX_SIDEBAR_CHARS = 60


def sidebar_kind(line: str) -> str | None:
    """``date`` for a bare date/time line, ``dated-title`` for a date and a short title."""
    text = line.strip()
    if not text or len(text) > MAX_SIDEBAR_CHARS or _DIGIT.search(text) is None:
        return None
    if DATE_ONLY.match(text):
        return "date"
    if any(c in text for c in "。！？!?，,") or not DATED_TITLE.match(text):
        return None
    return "dated-title"
