"""EX003 site-promotion: a line that sends the reader to the site."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, FixAvailability, Rule, Severity
from scrapelint_example.rules.sites import SITES_OPTION, mentions_of


class SitePromotion(Rule):
    """A line that sends the reader to the site (``更多精彩请访问某某网``).

    What
    ----
    ``请访问``, ``欢迎关注``, ``请登录``… followed by a site of the shared ``sites``
    option (any name ending in 网 or 站 when the list is empty).

    Why
    ---
    Promotion is the page's, not the article's.

    Off by default.

    Examples
    --------
    Flagged: ``更多精彩请访问某某网``. Not flagged: ``请访问你的老师``.

    Fix
    ---
    None: the sentence often carries the article's last words too.
    """

    code = "EX003"
    name = "site-promotion"
    family = "example-site"
    default_severity = Severity.INFO
    enabled_by_default = False  # select it: `--extend-select EX003`
    fix_availability = FixAvailability.NEVER
    options = (SITES_OPTION,)
    triggers = ("访问", "关注", "登录", "浏览")

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each promotion of the site."""
        for mention in mentions_of(document, self.settings).promotions:
            yield self.report(
                mention.start, mention.end, f"promotion of {mention.site} in the text"
            )
