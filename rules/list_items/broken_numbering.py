"""DL004 broken-numbering: a numbered sequence that repeats or skips a number."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint import Diagnostic, Document, Rule, Severity
from rules.numerals import parse_number
from rules.text import articles

_NUM = "一二三四五六七八九十"
_STARTERS = set(_NUM + "（(0123456789０１２３４５６７８９")
# line-start markers by style: 一、 / （一） / 1. / （1）
STYLES = (
    ("一、", regex.compile(rf"^\s*([{_NUM}]{{1,3}})、")),
    ("（一）", regex.compile(rf"^\s*[（(]([{_NUM}]{{1,3}})[）)]")),
    ("1.", regex.compile(r"^\s*([0-9０-９]{1,2})(?:[.．](?![0-9])|、)")),
    ("（1）", regex.compile(r"^\s*[（(]([0-9０-９]{1,2})[）)]")),
)


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

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each repeat or skip, per numbering style."""
        for article in articles(document):
            last: dict[str, tuple[int, int]] = {}  # style → (value, line number)
            for line in document.lines:
                if line.start < article.start or line.start >= article.end:
                    continue
                head = line.text.lstrip()[:1]
                if not head or head not in _STARTERS:
                    continue
                for style, pattern in STYLES:
                    m = pattern.match(line.text)
                    if m is None:
                        continue
                    value = parse_number(m[1])
                    if value is None:
                        break
                    prev = last.get(style)
                    last[style] = (value, line.number)
                    if prev is None or value == 1 or value == prev[0] + 1:
                        break
                    if value == prev[0] or value > prev[0] + 1:
                        what = "repeats" if value == prev[0] else "skips to"
                        # digit lists on web pages are often excerpts: their skips are notes
                        minor = value > prev[0] and style in ("1.", "（1）")
                        yield self.report(
                            line.start + m.start(1),
                            line.start + m.end(),
                            f"numbering {what} {m[0].strip()} after {prev[0]} (line {prev[1]})",
                            severity=Severity.INFO if minor else None,
                        )
                    break
