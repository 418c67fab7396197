"""The DT prefilters: each says yes whenever its rule could report, and no on look-alikes.

A prefilter is a literal look at the raw text that lets a rule skip extraction; it must
never hide a finding. The property tests build texts from date, key and anchor pieces
(with full-width digits, traditional characters and quotation marks inside names) and
check that a "no" always comes with nothing to report; the corpus test checks the same
on every document of the evaluation corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document
from lint.testing import lint_text
from rules.dates.evidence import find_evidence, load_anchors
from rules.dates.extract import extract_dates, page_dates
from rules.dates.future_date import FutureDate
from rules.dates.invalid_date import InvalidDate, invalid_reason
from rules.dates.prefilter import (
    DATE_MARKS,
    may_hold_invalid_date,
    may_hold_page_date,
    may_hold_weighted_evidence,
)
from tests.corpus import iter_documents, requires_corpus


def has_invalid_date(text: str) -> bool:
    """What DT001 judges: an impossible date, in a text with 月, - or /."""
    return ("月" in text or "-" in text or "/" in text) and any(
        invalid_reason(e) for e in extract_dates(text)
    )


def has_weighted_evidence(text: str, extensions: tuple[str, ...] = ()) -> bool:
    """What DT002 needs: a mention that places the text in a period."""
    return any(e.weight > 0 for e in find_evidence(text, load_anchors(extensions)))


def has_page_date(text: str) -> bool:
    """What DT003 needs: the page's own date, in a text with 时, 日 or 于."""
    return any(c in text for c in "时日于") and bool(page_dates(Document(text)))


# -- what each prefilter lets through ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "会议于2月30日召开",
        "２月３０日",
        "二〇二二年二月三十日",
        "截至2022年13月,全市",
        "13 月5日",
        "十二月三十二日",
        "发布于2022-02-29",
        "２０２１-０４-３１",
        "2021-04-31 ２月",
    ],
)
def test_invalid_date_candidates_pass(text):
    assert may_hold_invalid_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "2月28日",
        "12月31日召开",
        "6月30日",
        "二月二十八日",
        "2022-02-28",
        "2022.13.1",  # a version number: no 月, no - or /
        "2021/6/30",
        "本月30号",
        "今天是2023年",
        "２０２１－０４－３１",  # no 月, - or /: not judged (as DT001 always did)
    ],
)
def test_possible_dates_are_turned_away(text):
    assert not may_hold_invalid_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "热烈庆祝中国共产党成立90周年",
        "慶祝中國共產黨成立90週年",  # traditional
        "庆祝建党 100 周年",
        "谋划好“十二五”规划",
        "“十”二“五”期间",  # quotation marks inside the name
        "“十五”计划",
        "十五期间",
        "深入开展创先争优活动",
        "創先爭優活動",
        "建党百年",
        "两基国检",
    ],
)
def test_weighted_mentions_pass(text):
    assert may_hold_weighted_evidence(text)


@pytest.mark.parametrize(
    "text",
    [
        "十五日上午",
        "二十五个",
        "第十五届",
        "成立一周",
        "五周年",  # no name before the number
        "党的十九大",  # a lower bound only
        "教育工作",
        "基本实现",
    ],
)
def test_mentions_without_weight_are_turned_away(text):
    assert not may_hold_weighted_evidence(text)


def test_configured_anchors_reach_the_prefilter():
    assert not may_hold_weighted_evidence("某某活动")
    assert may_hold_weighted_evidence("某某活动", ("某某活动=2010-2012",))
    assert may_hold_weighted_evidence("X", ("X=2011",))  # a one-character name
    assert not may_hold_weighted_evidence("新词", ("新词>=2017",))  # a bound has no weight


@pytest.mark.parametrize(
    "text",
    [
        "更新时间:2023-04-23 17:42:10",
        "发布时间：2021年6月3日",
        "發佈時間：2021年6月3日",
        "时间：2022-06-30 06:25:00 来源：本站",
        "发表于 二〇一一年三月十五日",
        "成文日期：2020/1/2",
        "2021-06-03 正文 更新时间",  # a date at the start is read against a key at the end
    ],
)
def test_page_date_candidates_pass(text):
    assert may_hold_page_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "会议时间紧，任务重",
        "时间：上午九时",
        "日期待定",
        "发布时间：2021年",  # a year alone is no page date; 月 or a separator is needed
        "發佈時間:2021-06-03",  # no 时, 日 or 于: not judged (as DT003 always did)
    ],
)
def test_page_date_look_alikes_are_turned_away(text):
    assert not may_hold_page_date(text)


# -- a "no" never hides a finding ----------------------------------------------------------

_PIECES = [
    *"0123456789０２３９〇一二三十百两兩年月日号號 　:：-－/／.．*“”\"「」『』，。\n",
    "2022", "２０２１", "二〇二二", "2月30日", "12月32日", "13月", "三十一", "二十九",
    "农历", "发布时间", "更新時間", "時間", "时间", "日期", "发表于", "來源", "作者",
    "十二五", "十五", "九五", "规划", "期间", "第", "日", "个", "周年", "週年", "90", "一百",
    "庆祝中国共产党成立", "建黨", "建党百年", "创先争优活动", "創先爭優", "三严三实",
    "专题教育", "两基", "国检", "牢记使命", "党史学习教育", "改革开放", "教育规划纲要",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_no_never_hides_an_invalid_date(text):
    assert may_hold_invalid_date(text) or not has_invalid_date(text)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_no_never_hides_weighted_evidence(text):
    assert may_hold_weighted_evidence(text) or not has_weighted_evidence(text)
    extensions = ("某某活动=2010-2012", "周=2012")
    assert may_hold_weighted_evidence(text, extensions) or not has_weighted_evidence(
        text, extensions
    )


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_no_never_hides_a_page_date(text):
    assert may_hold_page_date(text) or not has_page_date(text)


def test_dt001_and_dt003_share_one_tuple_of_triggers():
    # one tuple: the engine looks for the marks once per document for both rules
    assert InvalidDate.triggers == FutureDate.triggers == DATE_MARKS


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_every_full_date_and_odd_decade_holds_a_date_mark(text):
    # DT003 reports a full date of the text as it is now (maybe after fixes), DT001 an
    # impossible date or an odd decade: the engine skips texts without a mark
    judged = any(e.full or invalid_reason(e) for e in extract_dates(text)) or "年代" in text
    assert not judged or any(mark in text for mark in DATE_MARKS)


def test_numeric_dates_without_month_reach_dt003_and_dt001():
    # no 月 anywhere: the separators of the numeric dates let the rules run
    found = lint_text("发布时间:2021-06-03\n2021-12-07，公司党委召开廉政谈话会。", [FutureDate])
    assert [d.code for d in found] == ["DT003"]
    found = lint_text("2022-02-29 发布", [InvalidDate])
    assert [d.code for d in found] == ["DT001"]
    assert lint_text("会议纪要", [InvalidDate, FutureDate]) == []


@requires_corpus
def test_a_no_never_hides_anything_on_the_corpus():
    misses = []
    for label, text in iter_documents("clean", "dirty", "hard_negatives"):
        if not may_hold_invalid_date(text) and has_invalid_date(text):
            misses.append(f"{label} DT001")
        if not may_hold_weighted_evidence(text) and "年" in text and has_weighted_evidence(text):
            misses.append(f"{label} DT002")
        if not may_hold_page_date(text) and has_page_date(text):
            misses.append(f"{label} DT003")
    assert misses == []
