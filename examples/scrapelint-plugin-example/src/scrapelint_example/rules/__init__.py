"""The example-site family: EX001 site-watermark, EX002 banned-term, EX003 site-promotion."""

from __future__ import annotations

from scrapelint_example.rules.banned import BannedTerm
from scrapelint_example.rules.promotion import SitePromotion
from scrapelint_example.rules.watermark import SiteWatermark

RULES = (SiteWatermark, BannedTerm, SitePromotion)

__all__ = ["RULES", "BannedTerm", "SitePromotion", "SiteWatermark"]
