"""DT003 future-date: a date after the page's own publication or update date."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, FixAvailability, Option, Rule, Severity
from rules.dates.context import document_inside_title, is_future_wording, line_facts
from rules.dates.extract import dates, days_in_month, folded_dates, page_date_kept
from rules.dates.prefilter import DATE_MARKS, may_hold_page_date


class FutureDate(Rule):
    """A date after the page's own publication or update date.

    What
    ----
    Reads the page's own date from its metadata line (``发布时间:2021-06-03``,
    ``更新时间:2023-04-23 17:42:10``; the latest date of the first metadata line) and
    reports a full date (year, month and day) in the content that lies more than
    ``grace-days`` after it. A page cannot report on what had not happened yet when it
    was published: either the date or the page's year was rewritten.

    Only prose lines are judged: metadata lines, link lists (上一篇/下一篇, 相关文章)
    and bare-date sidebar lines carry other pages' dates. Announced and scheduled
    dates (将于2021年7月1日举行, 自2021年7月1日起施行, 截至…, 报名…至…) and ranges are
    future by design and are not reported.

    Why
    ----
    A date after the publication date means the page's metadata or its body was
    rewritten; either way the text can no longer be dated.

    Examples
    --------
    Flagged (the page says it was published on 2021-06-03)::

        发布时间:2021-06-03
        2021年12月7日,公司党委召开廉政谈话会……

    Not flagged::

        发布时间:2021-06-03
        大会将于2021年7月1日举行……          (announced)
        2021年5月20日,公司党委召开……        (before publication)

    Fix
    ----
    None: which of the two dates is wrong is unknown.
    """

    code = "DT003"
    name = "future-date"
    family = "dates"
    default_severity = Severity.WARNING
    fix_availability = FixAvailability.NEVER
    # a full date of the content holds 月 or a numeric separator: the engine skips other
    # texts (the tuple is DT001's, so both cost one look per document)
    triggers = DATE_MARKS
    options = (
        Option(
            "grace-days",
            int,
            1,
            "Days after the page's date that are still tolerated (time zones, late edits).",
        ),
    )

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report content dates after the page's own date."""
        if not may_hold_page_date(document.origin.text):
            return ()  # a literal look at the text as read: no metadata key before a date
        return self._findings(document)

    def _findings(self, document: Document) -> Iterator[Diagnostic]:
        page, where = page_date_kept(document)
        if page is None:
            return
        try:
            published = datetime.date(page.year, page.month, page.day)
        except ValueError:
            return
        limit = published + datetime.timedelta(days=self.settings["grace-days"])
        folded = folded_dates(document)
        facts = line_facts(document)
        for expr in dates(document):
            if not expr.full or expr.metadata or expr.kind != "date":
                continue
            assert expr.year is not None and expr.month is not None and expr.day is not None
            if not 1 <= expr.month <= 12 or not 1 <= expr.day <= days_in_month(
                expr.month, expr.year
            ):
                continue
            when = datetime.date(expr.year, expr.month, expr.day)
            if when <= limit:
                continue
            line = document.line_at(expr.start)
            if not facts.is_content(line, expr.text):
                continue
            if document_inside_title(document, line, expr.start) or is_future_wording(folded, expr):
                continue
            yield self.report(
                expr.start,
                expr.end,
                f"{expr.text} is after the page's own date ({page.key} {page.text}, {where})",
            )
