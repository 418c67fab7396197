"""SA003 repeated-block: lines or a paragraph that appear again verbatim."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, Fix, FixAvailability, Rule, Severity
from rules.scrape_artifacts.layout import (
    LAYOUT_OPTIONS,
    Layout,
    compute_layout,
    delete_lines,
    layout_gate,
    layout_key,
    may_report,
)


class RepeatedBlock(Rule):
    """A block of lines, or a long paragraph, that appears again verbatim in the page.

    What
    ----
    A later copy of earlier lines, in the same order: three or more lines with at
    least 20 characters, or any copy of 50 characters or more (a repeated
    paragraph). Lines are compared whole (surrounding spaces ignored) through a
    hash of each line, so the check is linear in the size of the page. The first
    copy is not reported here; the message points at it.

    A *teaser* is a partial copy: a line that repeats the start of the paragraph
    after it and ends in ``…``, ``...``, ``【详细】`` or ``[详细]``, or a summary
    (``摘要：…``, ``本文摘要：…``) that the next lines begin with (spaces ignored).

    Why
    ---
    Scrapers paste a sidebar twice, or a teaser paragraph and then the full one;
    duplicated text skews training data and deduplication statistics.

    Examples
    --------
    Flagged: the same five sidebar dates again after the metadata line; a paragraph
    of 50 characters or more repeated further down.

    Flagged, teaser: ``我觉得我是360最大的产品经理，当然，…很多人看...`` followed by the
    full paragraph; ``本文摘要：娃娃菜油炸香菇材料：…`` before the recipe it cuts from.

    Not flagged: a short refrain or heading repeated (under 50 characters and
    fewer than three lines); the same sentence inside two different paragraphs;
    ``他沉默了很久，终于说……`` (an ellipsis that does not repeat what follows); a
    summary that says something else than the next paragraph.

    Fix
    ---
    Safe only when every line of the copy is page chrome or sidebar noise: it
    deletes the copy (a warning). A repeated prose paragraph is a note without a
    fix: quotes, refrains and repeated table rows are legitimate, and which copy
    to keep is a decision for a person. A teaser is deleted with a safe fix: the
    paragraph after it holds all of its text (a summary: the next paragraph and
    the start of the following ones), so nothing is lost.
    """

    code = "SA003"
    name = "repeated-block"
    family = "scrape-artifacts"
    fix_availability = FixAvailability.SOMETIMES

    options = LAYOUT_OPTIONS  # chrome lines make a copy noise

    gate = may_report  # most pages: one call shared by the family, no check

    def setup(self) -> None:
        """Key the shared page layout (and the gate that reads it) by the vocabulary options."""
        self.layout_key = layout_key(self.settings)
        if self.layout_key:
            self.gate = layout_gate(self.layout_key)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report each later copy, with a fix when it is noise."""
        key = self.layout_key  # a call without *() is cheaper
        layout = document.memo(compute_layout, *key) if key else document.memo(compute_layout)
        if not (layout.blocks or layout.teasers):
            return ()
        return list(self._report(document, layout))

    def _report(self, document: Document, layout: Layout) -> Iterator[Diagnostic]:
        for teaser in layout.teasers:
            line = teaser.line
            yield self.report(
                line.start,
                line.end,
                f"teaser: `{line.text.strip()[:30]}…` repeats the start of the paragraph"
                f" at line {teaser.next.number}",
                fix=Fix.safe("Delete the teaser", delete_lines(document, line, line)),
            )
        for block in layout.blocks:
            first, last, n = block.first, block.last, block.count
            what = f"{n} lines" if n > 1 else "this paragraph"
            fix = (
                Fix.safe("Delete the repeated block", delete_lines(document, first, last))
                if block.noise
                else None
            )
            severity = None if block.noise else Severity.INFO
            yield self.report(
                first.start,
                last.end,
                f"repeated block: {what} already appeared at line {block.source.number}"
                + (" (sidebar or chrome)" if block.noise else ""),
                fix=fix,
                severity=severity,
            )
