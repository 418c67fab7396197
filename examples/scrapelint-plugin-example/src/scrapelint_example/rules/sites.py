"""The analysis the family shares: where the text names a site, computed once per document.

EX001 and EX003 both need the places where the site names itself. They declare the same
shared option ``sites`` and call ``document.memo(site_mentions, sites)``: the analysis runs
once per document for each distinct list of sites, whichever rule asks first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from lint import Document, Option

SITES_OPTION = Option(
    "sites",
    list,
    (),
    "names of the sites whose marks to find (empty: any name ending in 网 or 站)",
    shared=True,
)

_NAME = r"[\u4e00-\u9fffA-Za-z0-9]{1,12}?[网站]"  # a generic site name: 某某网, 某某站
_END = r"[。．.!！]?"


class Mention(NamedTuple):
    """One place where the text names the site: the span, the site, and its line."""

    start: int
    end: int
    site: str
    line: int  # 1-based


class SiteMentions(NamedTuple):
    """Watermarks (``本文由某某网整理``) and promotion lines (``请访问某某网``)."""

    watermarks: list[Mention]
    promotions: list[Mention]


@lru_cache(maxsize=16)
def _patterns(sites: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = "|".join(re.escape(s) for s in sorted(sites, key=len, reverse=True)) or _NAME
    watermark = re.compile(rf"本文由(?P<site>{name})(?:编辑)?整理{_END}")
    promotion = re.compile(rf"(?:请|欢迎)(?:访问|关注|登录|浏览)(?P<site>{name})")
    return watermark, promotion


def site_mentions(document: Document, sites: tuple[str, ...]) -> SiteMentions:
    """Find the watermarks and promotions of ``sites`` in one document (linear)."""
    text = document.text
    watermark, promotion = _patterns(sites)
    marks: list[Mention] = []
    promos: list[Mention] = []
    # cheap literal prefilters first: most documents have neither
    if "本文由" in text:
        for m in watermark.finditer(text):
            line = document.position(m.start())[0]
            marks.append(Mention(m.start(), m.end(), m["site"], line))
    if "访问" in text or "关注" in text or "登录" in text or "浏览" in text:
        for m in promotion.finditer(text):
            line = document.position(m.start())[0]
            promos.append(Mention(m.start(), m.end(), m["site"], line))
    return SiteMentions(marks, promos)


def mentions_of(document: Document, settings: dict) -> SiteMentions:
    """The shared analysis for a rule's settings (its ``sites`` option is the key)."""
    return document.memo(site_mentions, tuple(settings["sites"]))
