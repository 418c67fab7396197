"""SA004 multiple-articles: a page that pastes several articles into one record."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Rule, Severity
from rules.scrape_artifacts.layout import page_layout
from rules.text import articles

_ORDINAL = "一二三四五六七八九十"


def _name(n: int | None) -> str:
    return f"篇{_ORDINAL[n - 1]}" if n and 1 <= n <= 10 else f"article {n}"


class MultipleArticles(Rule):
    """A page that pastes several articles together (篇一, 篇二, 篇三).

    What
    ----
    Separator lines such as ``篇二``, ``第二篇``, ``【篇二】``, ``范文二`` (optionally
    with a title) that split one page into several articles. Each separator gets
    a note listing all the boundaries, and saying when the first separator is
    missing (the page starts with article one without ``篇一``).

    Why
    ---
    A corpus usually wants one document per record; a record holding three
    speeches mixes their dates, topics and authors.

    Examples
    --------
    Flagged (info): ``篇二`` at line 36 and ``篇三`` at line 43 after an unlabelled
    first speech.

    Not flagged: ``第二篇文章讲的是…`` (prose), ``篇幅有限``.

    Fix
    ---
    None: splitting a record is the corpus builder's decision.
    """

    code = "SA004"
    name = "multiple-articles"
    family = "scrape-artifacts"
    default_severity = Severity.INFO

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Note each article separator with the page's boundaries."""
        parts = articles(document)
        if len(parts) < 2:
            return
        layout = page_layout(document)
        content = [x.number for x in layout.content if not layout.is_noise(x.number)]
        spans = []
        for a in parts:
            first = document.position(a.start)[0]
            if a.separator is None:  # the text starts after any chrome at the head
                first = next((n for n in content if n >= first), first)
            spans.append((a, first, document.position(max(a.end - 1, a.start))[0]))
        bounds = [f"{_name(a.number)} lines {first}–{last}" for a, first, last in spans]
        missing = ""
        if parts[0].separator is None:
            missing = f"; {_name(parts[0].number or 1)} has no separator before line {spans[0][1]}"
        summary = f"{len(parts)} articles in one page ({', '.join(bounds)}{missing})"
        for a in parts:
            if a.separator is not None:
                yield self.report(
                    a.separator.start,
                    a.separator.end,
                    f"article boundary: `{a.separator.text.strip()}` starts another article;"
                    f" {summary}",
                )
