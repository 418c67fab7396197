"""The chrome vocabulary: metadata labels and widget phrases, compiled once per process."""

from __future__ import annotations

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
    return "|".join(regex.escape(x) for x in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class ChromeMatcher:
    """Decides whether a line is page chrome: labels, widgets, navigation, footers."""

    keys: regex.Pattern
    bylines: regex.Pattern
    phrases: regex.Pattern

    def classify(self, line: str) -> str | None:
        """``chrome``, ``byline`` (one byline label and its value, nothing else) or None.

        Remove ``label: value`` pairs, widget phrases, dates, times, relative
        timestamps, numbers and punctuation: what remains must be at most a quarter
        of the line's words.
        """
        text = line.strip()
        if not text or len(text) > MAX_CHROME_CHARS:
            return None
        rest, n_keys, n_bylines = text, 0, 0
        if ":" in text or "：" in text:  # labels are printed as label: value
            rest, n_keys = self.keys.subn("", rest)
            rest, n_bylines = self.bylines.subn("", rest)
        rest, n_phrases = self.phrases.subn("", rest)
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
    return ChromeMatcher(
        _label_value((*_data_lines("metadata_keys.txt"), *extra_keys)),
        _label_value((*_data_lines("byline_keys.txt"), *extra_bylines)),
        regex.compile(
            _alternation((*_data_lines("chrome_phrases.txt"), *extra_phrases)), regex.IGNORECASE
        ),
    )


def _label_value(labels: tuple[str, ...]) -> regex.Pattern:
    """``label: value`` (value: a date, a relative time, or a short run without spaces)."""
    value = rf"(?:{_DATE}(?:\s+{_TIME})?|{_RELATIVE}|[^\s，,。；;【】\[\]()（）]{{0,24}})"
    return regex.compile(rf"[【\[(（]?(?:{_alternation(labels)})\s*[:：]\s*{value}[】\])）]?")


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
