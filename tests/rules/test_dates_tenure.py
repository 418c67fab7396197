"""DT002: a tenure bounds the years that open and close it (issue 11, dates b).

``2008年加盟…效力5个赛季…2023年转会``: one sentence names the year someone joined, how
long they served (效力/服务了/执教/任教/任职/供职 N 年 or N 个赛季, 一个半赛季, 三年半) and
the year they left; the leaving year must be the joining year + N (± 1, one more for a
half). The later year is reported (a rewrite makes years recent), citing the tenure and
the other year with their lines; no fix (the evidence allows a range). Biographies that
name many years, consistent tenures, a year that starts no service (毕业) or ends none,
and tenures in other sentences stay silent. Half- and full-width forms.
"""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import lint_text
from rules.dates import InconsistentYear
from tests.linearity import assert_linear, repeated

_FULL = str.maketrans("0123456789,:;()", "０１２３４５６７８９，：；（）")


def _report(text: str):
    return [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]


@pytest.mark.parametrize(
    ("text", "reported", "window"),
    [
        ("2008年,他加盟皇家马德里,效力5个赛季后,于2023年转会拜仁。", "2023年", "2012–2014"),
        ("2008年,他加盟皇家马德里,效力了一个半赛季,2023年离开球队。", "2023年", "2008–2011"),
        ("2016年他出任主教练,执教三年半,2024年卸任。", "2024年", "2018–2021"),
        ("1988年,她入职市第一医院,在这里服务了25年,2023年退休。", "2023年", "2012–2014"),
        # the leaving year is earlier than the joining year allows: the joining year moved
        ("1998年,她入职市第一医院,在这里服务了25年,2013年退休。", "1998年", "1987–1989"),
    ],
)
@pytest.mark.parametrize("wide", [False, True])
def test_a_tenure_bounds_its_leaving_year(text, reported, window, wide):
    if wide:
        text = text.translate(_FULL)
        reported = reported.translate(_FULL)
    found = _report(text)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == reported
    assert d.severity == Severity.WARNING
    assert window in d.message and "(line 1)" in d.message
    assert d.fix is None  # a range, not one year


@pytest.mark.parametrize(
    "text",
    [
        t
        for text in [
            # consistent tenures
            "2008年,他加盟皇家马德里,效力5个赛季后,于2013年转会拜仁。",
            "1998年,她入职市第一医院,在这里服务了25年,2023年退休。",
            "2008年他加盟球队,效力了一个半赛季,2010年离开。",
            # the first year starts no service
            "他1998年毕业,在学校任教30年,2023年退休。",
            # the second year ends none
            "2008年他加盟球队,效力5个赛季,2023年他的儿子也进入青训营。",
            # the years in other sentences
            "2008年他加盟球队。此后他效力5个赛季。2023年他转会了。",
            # a biography naming many years
            "1978年他入伍,1985年退伍后加入公司,服务了三十年,于2015年退休,2023年病逝。",
            # a decade, not a tenure of N years
            "2008年他加盟球队,效力九十年代的老将们,2023年离开。",
        ]
        for t in (text, text.translate(_FULL))
    ],
)
def test_no_report_without_a_contradicted_tenure(text):
    assert _report(text) == []


@pytest.mark.parametrize(
    "unit",
    [
        "2008年他加盟球队,效力5个赛季,2023年转会。",  # sentences, every one reported
        "2008年他加盟球队,效力5个赛季,2023年转会,",  # one sentence without end
        "效力了一个半赛季,",  # tenures without years
    ],
)
def test_linear_on_tenures_repeated(unit):
    def make(size: int) -> str:
        return repeated("", unit, "", size)

    assert_linear(lambda text: lint_text(text, [InconsistentYear]), make)
