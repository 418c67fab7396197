"""DL004 broken-numbering: a numbered sequence that repeats or skips a number."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

import regex

from lint import Diagnostic, Document, Rule, Severity
from rules.numerals import parse_number
from rules.text import articles
from rules.vocabulary import numbering_pattern, numbering_starts

# line-start markers by style, each the shared vocabulary's (rules/data/numbering_styles.txt):
# 一、 / （一） / 1. (or 1、) / （1）, named after the first of their styles
LINE_STYLES: tuple[tuple[str, ...], ...] = (("一、",), ("（一）",), ("1.", "1、"), ("（1）",))
# every marker ends in 、 ） ) . or ．: a document without them has no numbered line
TRIGGERS = ("、", "）", ")", ".", "．")
# a line whose first character after spaces may start a marker (the document's first
# line is matched on its own); str.isspace spaces, as the markers' \s are a subset
_LINE_HEAD = r"\n[^\S\n]*+[{}]"
_FIRST_HEAD = r"[^\S\n]*+[{}]"
# a marker is at most ``（`` three numerals and ``）``, and a character of lookahead
_MARKER_CHARS = 6


@cache
def _patterns() -> tuple[
    tuple[tuple[str, regex.Pattern[str]], ...], re.Pattern[str], re.Pattern[str]
]:
    """LINE_STYLES, _LINE_HEAD and _FIRST_HEAD compiled (once, on first use)."""
    styles = tuple(
        (names[0], regex.compile(r"^\s*" + numbering_pattern(*names))) for names in LINE_STYLES
    )
    starts = re.escape(numbering_starts(*(name for names in LINE_STYLES for name in names)))
    return styles, re.compile(_LINE_HEAD.format(starts)), re.compile(_FIRST_HEAD.format(starts))


@cache
def _style_starts() -> tuple[str, ...]:
    """The characters a marker of each of LINE_STYLES may start with, in their order."""
    return tuple(numbering_starts(*names) for names in LINE_STYLES)


class BrokenNumbering(Rule):
    """A numbered sequence that repeats or skips a number (一、二、二、四; （一）（三）).

    What
    ----
    Lines that start with the same style of number — ``一、``, ``（一）``/``(一)``,
    ``1.``/``1、``, ``（1）`` — must count up by one. A number equal to the previous
    one (a repeat) or more than one above it (a skip) is reported. A sequence may
    restart at one (sub-lists under each section do) and starts afresh in each
    article of a page. A skip in a digit list (``1. 2. 4.``) is only a note: web
    pages often show excerpts of longer lists.

    Why
    ---
    Scrapers drop or duplicate paragraphs; broken numbering is where it shows.

    Examples
    --------
    Flagged: ``一、…`` ``二、…`` ``二、…``; ``(一)…`` ``(三)…``.

    Not flagged: ``一、 二、 三、`` with ``(一)(二)`` restarting under each; ``1. 2. 3.``.

    Fix
    ---
    None: which paragraph is missing or extra cannot be known.
    """

    code = "DL004"
    name = "broken-numbering"
    family = "list-items"

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each repeat or skip, per numbering style."""
        text = document.text
        # a repeat or a skip needs two numbered lines, one of them after a line break: one
        # search for that line (a literal first) rejects most texts faster than looking
        # for the markers' ends (TRIGGERS), which are asked for only then
        if _patterns()[1].search(text) is None or not any(map(text.__contains__, TRIGGERS)):
            return []
        heads = numbered_heads(text)
        if len(heads) < 2:
            return []  # a number is judged against the one before it
        # Articles only take findings away (a sequence restarts in each), so the page
        # is first read as one article; only a page with findings is split.
        whole = [(0, len(document.text))]
        if not any(True for _ in self._check(document, heads, whole)):
            return []
        return list(self._check(document, heads, [(a.start, a.end) for a in articles(document)]))

    def _check(
        self, document: Document, heads: list[tuple[int, int]], found: list[tuple[int, int]]
    ) -> Iterator[Diagnostic]:
        text = document.text
        styles = tuple(zip(_patterns()[0], _style_starts(), strict=True))
        starts = [a for a, _ in found]
        article = -2  # the article of the previous numbered line
        last: dict[str, tuple[int, int]] = {}  # style → (value, line number)
        number, counted = 1, 0  # line number of the offset ``counted``
        for start, head in heads:
            k = bisect_right(starts, start) - 1
            if k < 0 or start >= found[k][1]:
                continue  # in no article (blank text before the first separator)
            if k != article:
                article, last = k, {}
            number += text.count("\n", counted, start)
            counted = start
            # the markers need the line's head only: a bounded slice, never the line
            line_text = text[start : head + _MARKER_CHARS].split("\n", 1)[0]
            end = start + len(line_text)
            if line_text.endswith("\r") and (end == len(text) or text[end] == "\n"):
                line_text = line_text[:-1]  # a line's text leaves out its \r\n
            first = text[head]  # a marker starts there (the spaces before it are all \s)
            for (style, pattern), marker_starts in styles:
                if first not in marker_starts:
                    continue  # no marker of this style starts so: no match to try
                m = pattern.match(line_text)
                if m is None:
                    continue
                value = parse_number(m[1])
                if value is None:
                    break
                prev = last.get(style)
                last[style] = (value, number)
                if prev is None or value == 1 or value == prev[0] + 1:
                    break
                if value == prev[0] or value > prev[0] + 1:
                    what = "repeats" if value == prev[0] else "skips to"
                    # digit lists on web pages are often excerpts: their skips are notes
                    minor = value > prev[0] and style in ("1.", "（1）")
                    yield self.report(
                        start + m.start(1),
                        start + m.end(),
                        f"numbering {what} {m[0].strip()} after {prev[0]} (line {prev[1]})",
                        severity=Severity.INFO if minor else None,
                    )
                break


def numbered_heads(text: str) -> list[tuple[int, int]]:
    """(line start, first character) of each line whose first non-space may start a marker.

    One search for line breaks followed by such a character (a literal first: fast),
    and a look at the first line.
    """
    _, line_head, first_head = _patterns()
    first = first_head.match(text)
    heads = [(m.start() + 1, m.end() - 1) for m in line_head.finditer(text)]
    if first is not None:
        heads.insert(0, (0, first.end() - 1))
    return heads
