"""EX001 site-watermark: the site's ``本文由某某网整理`` left in the scraped text."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule
from scrapelint_example.rules.sites import SITES_OPTION, mentions_of


class SiteWatermark(Rule):
    """A site watermark (``本文由某某网整理``) left in the text.

    What
    ----
    The sentence ``本文由<site>整理`` (or ``本文由<site>编辑整理``), for the sites of the
    ``sites`` option, or for any name ending in 网 or 站 when the list is empty.

    Why
    ---
    The watermark is the site's, not the author's: it repeats on every page and teaches
    a model to sign texts it did not write.

    Examples
    --------
    Flagged: ``本文由某某网整理。``. Not flagged: ``本文由作者本人整理``.

    Fix
    ---
    Safe: deletes the line when the watermark is all it holds, otherwise the sentence.
    """

    code = "EX001"
    name = "site-watermark"
    family = "example-site"
    fix_availability = FixAvailability.ALWAYS
    options = (SITES_OPTION,)
    triggers = ("本文由",)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each watermark with a safe deletion."""
        for mark in mentions_of(document, self.settings).watermarks:
            line = document.lines[mark.line - 1]
            if line.text.strip() == document.text[mark.start : mark.end]:
                # the whole line: delete it with its line break
                start, end = line.start, line.end
                if mark.line < len(document.lines):
                    end = document.line_starts[mark.line]  # up to the next line
                elif start > 0:
                    start = document.lines[mark.line - 2].end  # the last line: the break before
                edit = Edit.deletion(start, end)
            else:
                edit = Edit.deletion(mark.start, mark.end)
            yield self.report(
                mark.start,
                mark.end,
                f"watermark of {mark.site} left in the text",
                fix=Fix.safe("Delete the watermark", edit),
            )
