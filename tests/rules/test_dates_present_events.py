"""DT002: 今年/去年 resolved from an event of one known year that the text dates with them.

``党的十八大将于今年下半年在北京召开`` fixes the article's present at 2012 without any
metadata date; a comparison ``今年…比2021年同期`` (present 2022) or a gloss
``去年（2022年）`` (present 2023) in the same article then contradicts it. The event must
be tied to the relative year by a held-verb (召开, 举行, 开幕…); an event dated by its
own year, an anniversary of it, another body's congress, a series of games and another
article say nothing about the present. Texts are given with half-width and with
full-width punctuation and digits.
"""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import fix_text, lint_text
from rules.dates import InconsistentYear

_FULL = str.maketrans("0123456789,:;()%", "０１２３４５６７８９，：；（）％")


def _widths(texts):
    return [t for text in texts for t in (text, text.translate(_FULL))]


def _report(text: str):
    return [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]


@pytest.mark.parametrize(
    ("text", "year", "expected", "cited"),
    [
        (
            "党的十八大将于今年下半年在北京召开。今年前三季度,全市地区生产总值比2021年同期增长8%。",
            "2021",
            "2011",
            "十八大将于今年下半年在北京召开",
        ),
        (
            "去年召开的党的十八大提出了新的目标。今年前三季度,全市地区生产总值比2022年同期增长8%。",
            "2022",
            "2012",
            "去年召开的党的十八大",
        ),
        (
            "北京奥运会将于今年8月8日开幕。去年(2022年),我市接待游客100万人次。",
            "2022",
            "2007",
            "北京奥运会将于今年8月8日开幕",
        ),
        (
            "今年11月胜利召开的党的十八大,为我们指明了方向。\n"
            "今年上半年,全县财政收入比2021年同期增长12%。",
            "2021",
            "2011",
            "今年11月胜利召开的党的十八大",
        ),
    ],
)
@pytest.mark.parametrize("wide", [False, True])
def test_an_event_dated_by_this_year_fixes_the_present(text, year, expected, cited, wide):
    if wide:
        text = text.translate(_FULL)
    found = _report(text)
    assert len(found) == 1, found
    d = found[0]
    assert d.severity == Severity.WARNING
    assert cited.translate(_FULL) in d.message or cited in d.message
    assert "(line " in d.message
    assert d.fix is not None and d.fix.description == f"replace {year} with {expected}"
    fixed = fix_text(text, [InconsistentYear], unsafe=True)
    assert expected in fixed


@pytest.mark.parametrize(
    "text",
    _widths(
        [
            # the event dated by its own year: the present is not said
            "2012年,党的十八大胜利召开。今年前三季度,全市地区生产总值比2021年同期增长8%。",
            # an anniversary of the event, not the event
            "今年是十八大召开五周年。今年前三季度,全市地区生产总值比2016年同期增长8%。",
            # consistent: the present 2016, compared with 2015
            "十九大将于明年召开。今年前三季度,全市地区生产总值比2015年同期增长8%。",
            # a retrospective of 2013, consistent
            "回顾去年召开的党的十八大,今年前三季度,全市地区生产总值比2012年同期增长8%。",
            # another body's congress
            "共青团第十八次全国代表大会将于今年召开。今年前三季度,全市比2021年同期增长8%。",
            # a series of games has no single year
            "奥运会将于今年8月开幕。今年前三季度,全市旅游收入比2021年同期增长8%。",
            # the event in another article of the page
            "党的十八大将于今年下半年在北京召开。\n\n篇二\n"
            "今年前三季度,全市地区生产总值比2021年同期增长8%。",
            # no held-verb between the relative year and the event
            "今年我们认真学习党的十八大精神。今年前三季度,全市地区生产总值比2021年同期增长8%。",
            # a forecast: a target year is no comparison
            "党的十八大将于今年下半年召开。到2021年,全市地区生产总值比2010年翻一番。",
            # a biography naming congresses of many years
            "他出席了1982年召开的党的十二大和2012年召开的党的十八大。2021年,他退休回乡。",
        ]
    ),
)
def test_no_present_without_an_event_tied_to_it(text):
    assert _report(text) == []
