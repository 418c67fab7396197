"""Text helpers shared by the rule families: punctuation width and article boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lint import Document, Line
from rules.numerals import parse_number

if TYPE_CHECKING:
    import regex

# Full-width punctuation and its half-width twin. Folding keeps every character in
# place (one code point for one), so offsets found in the folded text are valid in
# the original: match on one form, report on the real text.
_FULL = "，：；（）！？［］｛｝％＋－＝．／　"
_HALF = ",:;()!?[]{}%+-=./ "
_PAIRS = tuple(zip(_FULL, _HALF, strict=True))


def fold_punctuation(text: str) -> str:
    """Map full-width punctuation to half-width, one character for one (offsets survive)."""
    # str.replace per character present is several times faster than str.translate.
    for full, half in _PAIRS:
        if full in text:
            text = text.replace(full, half)
    return text


def folded(document: Document) -> str:
    """The document's text with punctuation folded to half-width (computed once per document)."""
    return document.memo(_folded)


def _folded(document: Document) -> str:
    return fold_punctuation(document.text)


# An article separator line: 篇二, 第二篇, 【篇二】, 范文二, 范文2, optionally followed by a
# short title (篇二:关于…的讲话). "精选N篇" announces several articles in a title.
_SEPARATOR = r"""^\s*[【\[(（]?\s*
        (?:篇\s*(?P<n>[一二三四五六七八九十\d]{1,3})
          |第\s*(?P<n>[一二三四五六七八九十\d]{1,3})\s*篇
          |范文\s*(?P<n>[一二三四五六七八九十\d]{1,3}))
        \s*[】\]）)]?\s*(?:[:：.、]\s*(?P<title>.{0,60}))?\s*$"""


@cache
def _separator() -> regex.Pattern[str]:
    """The separator pattern, compiled on first use (a short line with 篇 or 范)."""
    import regex

    return regex.compile(_SEPARATOR, regex.X)


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a page that pastes several: its span, number and separator line."""

    index: int  # 0-based position on the page
    start: int
    end: int
    number: int | None  # the number its separator gives (篇二 → 2), None without one
    separator: Line | None


def separator_number(line_text: str) -> int | None:
    """Return N when a line is an article separator such as 篇N / 第N篇 / 范文N, else None."""
    if len(line_text) > 80 or ("篇" not in line_text and "范" not in line_text):
        return None
    m = _separator().match(line_text)
    return parse_number(m["n"]) if m else None


def articles(document: Document) -> list[Article]:
    """Split a document at article separator lines (computed once per document).

    The text before the first separator is an article of its own (numbered 1 when
    the first separator is 篇二, i.e. 篇一 is missing). A document without
    separators is one article.
    """
    return document.memo(_articles)


_SEPARATOR_CHARS = re.compile("[篇范]")  # every separator line holds one


def _articles(document: Document) -> list[Article]:
    text = document.text
    if "篇" not in text and "范文" not in text:
        return [Article(0, 0, len(text), None, None)]
    seps = []
    number, counted, line_end = 1, 0, -1
    for m in _SEPARATOR_CHARS.finditer(text):  # only the lines holding 篇 or 范
        if (at := m.start()) <= line_end:
            continue
        start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        if line_end < 0:
            line_end = len(text)
        number += text.count("\n", counted, start)
        counted = start
        end = line_end - 1 if text[line_end - 1] == "\r" else line_end  # as Document.lines
        if (n := separator_number(text[start:end])) is not None:
            seps.append((Line(number, start, end, text[start:end]), n))
    if not seps:
        return [Article(0, 0, len(text), None, None)]
    out: list[Article] = []
    first_line, first_n = seps[0]
    if text[: first_line.start].strip():
        implied = first_n - 1 if first_n and first_n > 1 else None
        out.append(Article(0, 0, first_line.start, implied, None))
    for i, (line, n) in enumerate(seps):
        end = seps[i + 1][0].start if i + 1 < len(seps) else len(text)
        out.append(Article(len(out), line.start, end, n, line))
    return out
