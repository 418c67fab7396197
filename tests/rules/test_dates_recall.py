"""DT002 recall on rewritten years (issue 11): the shapes a careful reader proves from the
text alone, each with real-looking look-alikes that must stay silent.

Every case runs with full-width punctuation and again with half-width punctuation.
"""

from __future__ import annotations

import datetime

import pytest

from lint import Severity
from lint.testing import lint_text
from rules.dates import InconsistentYear

# 。 stays: "." before a year reads as a decimal point
_HALF = str.maketrans("，；：（）“”", ',;:()""')
# a rewritten year is recent (within 15 years of today on a page without a date)
R = datetime.date.today().year - 1


def _both(texts):
    out = []
    for text in texts:
        out.append(text)
        if text.translate(_HALF) != text:
            out.append(text.translate(_HALF))
    return out


def _dt002(text: str, min_severity: Severity = Severity.INFO):
    return [
        d
        for d in lint_text(text, [InconsistentYear], min_severity=min_severity)
        if d.code == "DT002"
    ]


# -- chronology spikes whose neighbours need not agree --------------------------------------

SPIKES = [
    # numbered generations: the years must go forward with them
    f"{R - 60}年，第一代产品问世。{R - 50}年推出第二代，{R}年推出第三代，{R - 40}年推出第四代。",
    # a list of survey years, one out of order
    f"调查分别于{R - 20}年、{R - 18}年、{R}年、{R - 13}年和{R - 12}年进行。",
    # 到 inside a title is no plan marker
    f"{R - 11}年主演了电视剧《到爱的距离》，{R}年在晚会上演唱新歌，{R - 9}年加入综艺节目。",
]


@pytest.mark.parametrize("text", _both(SPIKES))
def test_a_spike_between_neighbours_in_order_is_a_note(text):
    found = _dt002(text)
    assert [(text[d.start : d.start + 5], d.severity) for d in found] == [(f"{R}年", Severity.INFO)]
    assert "in a passage told in order" in found[0].message and found[0].fix is None


SPIKE_LOOK_ALIKES = [
    # neighbours far apart: the later year is no jump beyond the passage's own span
    f"{R - 40}年9月30日线路开业。{R - 8}年度的日均上车人次为5万人。"
    f"另外，{R - 14}年度转乘人次为9万人。",
    # a plan, a range and a citation in the middle of a narrative
    f"{R - 12}年，我县启动改造工程，到{R}年将全面完成。{R - 11}年，顺利通过验收。",
    f"{R - 12}年开始筹备，{R}年至{R + 1}年为建设期，{R - 10}年先行开放一期。",
    f"{R - 12}年他发表第一篇论文，代表作《城与乡》（{R}年出版）影响很大，{R - 11}年调入北京。",
    # a biography spanning decades, told in order
    f"他{R - 60}年出生，{R - 40}年参加工作，{R - 20}年任厂长，{R - 5}年退休，{R}年获终身成就奖。",
]


@pytest.mark.parametrize("text", _both(SPIKE_LOOK_ALIKES))
def test_no_spike_in_wide_passages_plans_ranges_and_citations(text):
    assert _dt002(text) == []
