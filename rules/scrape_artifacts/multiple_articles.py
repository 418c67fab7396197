"""SA004 multiple-articles: a page that pastes several articles into one record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, Rule, Severity
from rules.scrape_artifacts.layout import (
    LAYOUT_OPTIONS,
    layout_gate,
    layout_key,
    may_report,
    page_layout,
)
from rules.text import Article, articles

_ORDINAL = "一二三四五六七八九十"
MAX_LISTED = 10  # boundaries named in a message; the rest are counted


def _name(n: int | None) -> str:
    return f"篇{_ORDINAL[n - 1]}" if n and 1 <= n <= 10 else f"article {n}"


class MultipleArticles(Rule):
    """A page that pastes several articles together (篇一, 篇二, 篇三).

    What
    ----
    Separator lines such as ``篇二``, ``第二篇``, ``【篇二】``, ``范文二`` (optionally
    with a title) that split one page into several articles. Each separator gets
    a note listing the boundaries (the first ten, then how many more), and saying
    when the first separator is missing (the page starts with article one without
    ``篇一``; it starts after any chrome at the head of the page).

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

    options = LAYOUT_OPTIONS  # chrome at the head of the page is not article one
    # every separator holds 篇 or 范文: the family's gate asks (one call for the four
    # rules, cheaper than a trigger tuple of its own)
    gate = may_report

    def setup(self) -> None:
        """Key the shared page layout (and the family's gate) by the vocabulary options."""
        self.layout_key = layout_key(self.settings)
        if self.layout_key:
            self.gate = layout_gate(self.layout_key)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Note each article separator with the page's boundaries."""
        parts = articles(document)
        if len(parts) < 2:
            return ()
        return list(self._report(document, parts))

    def _report(self, document: Document, parts: list[Article]) -> Iterator[Diagnostic]:
        spans = []
        for a in parts:
            first = document.position(a.start)[0]
            if a.separator is None:  # the text starts after any chrome at the head
                layout = page_layout(document, self.layout_key)
                first = layout.next_text_line(document, first) or first
            spans.append((a, first, document.position(max(a.end - 1, a.start))[0]))
        bounds = [
            f"{_name(a.number)} lines {first}–{last}" for a, first, last in spans[:MAX_LISTED]
        ]
        if len(spans) > MAX_LISTED:
            bounds.append(f"and {len(spans) - MAX_LISTED} more")
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
