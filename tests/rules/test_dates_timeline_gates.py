"""The DT002 timeline's literal gates read the raw text and must agree with the folded one.

The timeline decides which signals can fire before it folds the text or extracts a
year: from the probe words of the raw text, from gate patterns that accept full-width
digits and punctuation, and from the years found behind each 年. Each gate is a
necessary condition: on the raw text it must say yes wherever the folded text holds
what the signal reads. The property tests build texts from pieces with full-width
forms, Chinese year digits, numeric dates and traditional characters and compare the
raw answer with the answer on ``fold_dates`` of the same text; the corpus test checks
that the year gate and the spike test agree with extraction on every document.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document
from lint.testing import lint_text
from rules.dates import InconsistentYear
from rules.dates import timeline as tl
from rules.dates.extract import extract_dates, fold_dates, fold_width, is_traditional
from rules.dates.observance import observances
from tests.corpus import iter_documents, requires_corpus

_PIECES = [
    "2008年",
    "２００８年",
    "2013 年",
    "２０１３　年",
    "二〇〇九年",
    "一九九八 年",
    "2019-05-03",
    "２０１９－０５－０３",
    "2012.5.6",
    "2020/1/2",
    "12345年",
    "十二年",
    "三年后的1995年",
    "次年（2009年）",
    "次年(2009年)",
    "同年，二〇一〇",
    "今年（2012年）",
    "今年，即",
    "比2021年同期",
    "本届",
    "2014年第十届全国大学生运动会",
    "２０１４年的第１０届博览会",
    "第十届，运动会",
    "享年８５岁",
    "时年二十岁",
    "生于1925年",
    "历时３年",
    "历经十年代",
    "龙年",
    "甲辰年",
    "北京奥运会",
    "第27个教师节",
    "十八大",
    "次会议",
    "們這個國會",
    "時間：",
    "，",
    "。",
    "\n",
    "x" * 40,
    "的" * 120,
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _year_exprs(text: str) -> list:
    """What every timeline clash and era finding reports: a year or date with its year."""
    return [
        e
        for e in extract_dates(text)
        if e.year is not None and (e.kind in ("year", "date") or (e.kind == "range" and e.since))
    ]


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_a_no_from_the_year_gate_means_no_year(text):
    assert tl.may_hold_year(text) or not _year_exprs(text)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_the_years_of_the_raw_text_are_those_of_the_folded_text(text):
    assert tl._years_in_order(text) == tl._years_in_order(fold_dates(text))
    folded = fold_dates(text)
    expected = [
        (e.start, e.year)
        for e in extract_dates(text, folded)
        if e.kind in ("year", "date") and (e.year or 0) >= 1900
    ]
    # every year the spike signal reads is found (the gate may find a few more)
    assert set(expected) <= set(tl._years_in_order(text))


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.sampled_from([(0, 1 << 30), (2011, 2027)]))
def test_the_spike_test_reads_the_raw_text_as_the_folded_one(text, bounds):
    assert tl._may_spike(text, *bounds) == tl._may_spike(fold_dates(text), *bounds)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        (tl._GLOSSED_RELATIVE_RAW, tl._GLOSSED_RELATIVE),
        (tl._PRESENT_RAW, tl._PRESENT),
        (tl._DATED_EDITION_RAW, tl._DATED_EDITION),
        (tl._AGE_RAW, tl._AGE),
        (tl._DURATION_RAW, tl._DURATION),
        (tl._COREF_RAW, tl._COREF),
    ],
)
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_a_gate_on_the_raw_text_finds_what_its_pattern_finds_folded(raw, folded, text):
    read = fold_dates(text) if is_traditional(text) else text  # (as the timeline reads it)
    assert (raw.search(read) is not None) == (folded.search(fold_dates(text)) is not None)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_the_probe_words_are_every_word_of_the_text(text):
    words = tl._probe().words
    assert tl.probe_words(text) == {w for w in words if w in text}


def test_every_observance_and_calendar_name_is_a_probe_word_unchanged_by_folding():
    probe = tl._probe()
    names = {n for o in observances() for n in o.names}
    assert names <= probe.words
    assert names == probe.observances
    assert all(fold_width(w) == w for w in probe.words)


@pytest.mark.parametrize(
    "text",
    [
        "2008年，北京奥运会胜利召开。",
        "北京奥运会于2008年8月8日开幕。",
        "2012年11月，党的十八大在北京召开。",
        "第十二届全国人大第三次会议于2015年召开。",
    ],
)
def test_a_calendar_name_next_to_a_year_lets_the_calendar_signal_through(text):
    timeline = tl._Timeline(Document(text), ())
    assert timeline.calendar in timeline.possible_signals(True)


def test_a_calendar_name_far_from_any_year_does_not():
    text = "2008年我们开始准备。" + "这是一段很长的叙述，" * 10 + "北京奥运会举行了。"
    timeline = tl._Timeline(Document(text), ())
    assert timeline.calendar not in timeline.possible_signals(True)


@requires_corpus
def test_the_gates_agree_with_extraction_on_the_corpus():
    misses = []
    for label, text in iter_documents("clean", "dirty", "hard_negatives"):
        if not tl.may_hold_year(text) and _year_exprs(text):
            misses.append(f"{label} year gate")
        if "年" in text and tl._may_spike(text) != tl._may_spike(fold_dates(text)):
            misses.append(f"{label} spike test")
    assert not misses, misses[:10]


@pytest.mark.parametrize(
    "text",
    [
        "发布时间：2006-05-06\n1995年，他考入大学。2005年，他发表论文。1996年，他毕业。",
        # traditional: the metadata key has none of 时, 日, 于 until folded
        "發佈時間：2006-05-06\n1995年，他考入大學。2005年，他發表論文。1996年，他畢業。",
    ],
)
def test_a_spike_recent_to_the_page_date_passes_the_spike_gate(text):
    # 2005 is recent only to the page's date (2006): the gate must not bound it by this year
    found = [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]
    assert [text[d.start : d.end] for d in found] == ["2005年"]


def test_a_spike_old_to_this_year_on_an_undated_page_is_left_alone():
    text = "1995年，他考入大学。2005年，他发表论文。1996年，他毕业。"
    assert lint_text(text, [InconsistentYear]) == []
