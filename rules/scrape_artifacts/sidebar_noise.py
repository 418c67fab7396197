"""SA002 sidebar-noise: a run of bare dates or dated link titles from a page's sidebar."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, Fix, FixAvailability, Rule, Severity
from rules.scrape_artifacts.layout import (
    LAYOUT_OPTIONS,
    Layout,
    compute_layout,
    delete_lines,
    layout_key,
)


class SidebarNoise(Rule):
    """A run of lines holding only dates or times (a "related articles" sidebar).

    What
    ----
    Three or more consecutive lines that hold only a date or a time
    (``2022-07-14``, ``30 16:18:34``), or a date with a short link title
    (``强图打榜 2024-05-23``): the list of related articles a scraper picked up
    from the sidebar. A run of bare dates is a warning anywhere; a run of dated
    titles inside the body is only a note (it may be a timeline).

    Why
    ---
    These lines carry no content and repeat across every page of a site.

    Examples
    --------
    Flagged: five lines ``2022-07-14``, ``2022-07-13``, … before the article.

    Not flagged: two dates on their own lines; ``2008年5月12日，汶川发生地震。`` and
    other dated sentences; a timeline of dated entries in the middle of the text
    (an info note only).

    Fix
    ---
    Safe when the run sits at the head or tail of the document or between chrome
    lines: it deletes the run. Inside the text the run is reported without a fix,
    since the page's layout cannot be seen from there.
    """

    code = "SA002"
    name = "sidebar-noise"
    family = "scrape-artifacts"
    fix_availability = FixAvailability.SOMETIMES

    options = LAYOUT_OPTIONS  # chrome around a run decides its fix

    def setup(self) -> None:
        """Key the shared page layout by the vocabulary options."""
        self.layout_key = layout_key(self.settings)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report each sidebar run (runs inside a repeated block belong to SA003)."""
        key = self.layout_key  # a call without *() is cheaper
        layout = document.memo(compute_layout, *key) if key else document.memo(compute_layout)
        if not (layout.runs or layout.furniture):
            return ()
        return list(self._report(document, layout))

    def _report(self, document: Document, layout: Layout) -> Iterator[Diagnostic]:
        for block in layout.furniture:
            first, last = block.first, block.last
            lines = (
                f"line {first.number}"
                if block.count == 1
                else (f"{block.count} lines ({first.number}–{last.number})")
            )
            if block.safe:
                yield self.report(
                    first.start,
                    last.end,
                    f"page furniture: {lines} {block.where}, not content",
                    fix=Fix.safe("Delete the block", delete_lines(document, first, last)),
                )
            else:
                yield self.report(
                    first.start,
                    last.end,
                    f"page furniture? {lines} {block.where}: link titles inside the text,"
                    " no chrome around them to make deleting them certain",
                    severity=Severity.INFO,
                )
        for run in layout.runs:
            first, last = run.first, run.last
            edge = layout.at_head(first) or layout.at_tail(last) or layout.between_noise(run)
            fix = Fix.safe("Delete the run", delete_lines(document, first, last)) if edge else None
            severity = None if edge or run.dates_only else Severity.INFO
            where = f"lines {first.number}–{last.number}"
            yield self.report(
                first.start,
                last.end,
                f"sidebar noise: {run.count} lines of bare dates ({where}), not content"
                if run.dates_only
                else f"sidebar noise: {run.count} dated link titles ({where}), not content",
                fix=fix,
                severity=severity,
            )
