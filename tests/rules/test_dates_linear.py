"""Dates (DT): four times the input costs about four times the work, never sixteen.

Each test lints a pathological input with every DT rule at 1x and 4x its size and
compares CPU time (``tests.linearity.assert_linear``: linear is about 4x, the bound 8x
fails every quadratic input). The shared inputs of ``tests/linearity.py`` (32 and 128 KB)
are checked twice: as they are (the DT prefilters turn most of them away) and after a
head that opens every DT prefilter (a metadata date, an anniversary, a plan, a year and
an impossible date), so that the extraction, the evidence and each rule run on them.
The DT inputs (16 and 64 KB) repeat a unit that once made a DT step rescan the rest of
its line or every earlier mention per item.
"""

from __future__ import annotations

import pickle

import pytest

from lint import Document
from lint.linter import check_document
from rules.dates import RULES, FutureDate, InconsistentYear, InvalidDate
from rules.dates.evidence import find_evidence, load_anchors
from tests.corpus import SEED
from tests.linearity import MULTI_LINE, ONE_LINE, assert_linear, patho_text, repeated

# A metadata line, then a content line that opens every DT prefilter; the unit of an
# input follows on that content line.
HEAD = "发布时间：2023-06-03 作者：某\n庆祝中国共产党成立90周年，“十二五”期间，2023年，2月30日，"

# name -> (head, unit repeated, tail); {n} in a unit counts up from 2
DT_INPUTS = {
    # years on one content line: each judged once (is_metadata_line rescanned the line)
    "years-one-line": (HEAD, "2019年，全市召开会议部署工作，", "\n"),
    # era anchors and years: earlier mentions looked up by offset, one vote per claim
    "era-anchors-and-years": (HEAD, "“十二五”期间，2023年，", "\n"),
    "anniversaries-and-years": (HEAD, "庆祝中国共产党成立90周年，2023年，", "\n"),
    # one endless sentence: its years are sorted once, each mention bisects them
    "one-sentence": (HEAD, "庆祝建党90周年2011年创先争优活动", "\n"),
    # years inside a title that never closes: the last 《 found by bisection
    "titled-years": (HEAD, "《2019年报告，", "\n"),
    # impossible dates, plain and after an unclosed quote: a finding or a mention each
    "impossible-dates": ("", "2月30日，", "\n"),
    "quoted-impossible-dates": ("", "“2月30日，", "\n"),
    "impossible-months": ("", "13月5日、12月32日，", "\n"),
    # a bare 时间 key per date: its line's source/author hint is read once
    "time-keys": ("", "时间：2019年6月3日 来源：", "\n"),
    # dates after the page's own date, one content line each
    "future-dates": ("发布时间：2021-06-03 作者：某\n", "2021年12月7日，公司党委召开会议。\n", ""),
    # articles, each judged by its own evidence found by bisection
    "dated-articles": (HEAD, "篇{n}\n庆祝中国共产党成立90周年。2023年，全区落实。\n", ""),
    # the timeline (DT002): each fixed point links one year in a bounded window
    "calendar-events": ("", "2023年11月，党的十八大胜利召开，", "\n"),
    "relative-glosses": ("", "2008年，次年（2023年），", "\n"),
    # one endless sentence: co-references look back over at most 600 characters
    "editions-one-sentence": ("", "2014年第十届全国运动会本届2024年", "\n"),
    "jubilees-one-sentence": ("学校始建于1956年", "2023年学校庆祝建校60周年", "\n"),
    "same-period-one-sentence": ("今年（2012年）", "今年产值比2021年同期", "\n"),
    "ages-one-sentence": ("他生于1925年", "2023年逝世享年85岁", "\n"),
    "durations-one-sentence": ("", "2008年开工历时3年于2023年建成", "\n"),
    "observances-one-line": ("", "今天是第27个教师节，2023年9月10日是第27个教师节，", "\n"),
    "zodiac-one-line": ("", "2023年是龙年，", "\n"),
    # spikes after their article's era: each article's era is estimated once, by bisection
    "spikes-in-articles": (
        "",
        "篇{n}\n深入开展创先争优活动。2010年，启动。2023年，完成。2011年，验收。\n",
        "",
    ),
    # the DT002 prefilter: pivot characters and quotation marks inside a name
    "pivot-runs": ("2023年", "五周百育基", "\n"),
    "quoted-plan-names": ("2023年", "十“““二“““五", "\n"),
    "numbers-before-anniversaries": ("2023年", "一二三四五周年", "\n"),
}


def dt_text(name: str, size: int) -> str:
    """The DT pathological input ``name`` at about ``size`` bytes of UTF-8."""
    return repeated(*DT_INPUTS[name], size)


_RULES = [cls() for cls in RULES]


def _check(text: str) -> object:
    return check_document(Document(text), _RULES)


@pytest.mark.parametrize("name", [*ONE_LINE, *MULTI_LINE])
def test_linear_on_shared_pathological_inputs(name):
    assert_linear(_check, lambda size: patho_text(name, size))


@pytest.mark.parametrize("name", [*ONE_LINE, *MULTI_LINE])
def test_linear_on_shared_pathological_inputs_past_every_prefilter(name):
    assert_linear(_check, lambda size: HEAD + patho_text(name, size))


@pytest.mark.parametrize("name", DT_INPUTS)
def test_linear_on_dt_pathological_inputs(name):
    assert_linear(_check, lambda size: dt_text(name, size), small=16_000)


@pytest.mark.skipif(not SEED.is_file(), reason="the seed document is absent")
def test_linear_on_one_long_line_of_dated_text():
    # ordinary text with dates, anniversaries and plans, without a single line break
    unit = "".join(SEED.read_text(encoding="utf-8").split())

    def long_line(size: int) -> str:
        return unit * (size // len(unit.encode("utf-8")) + 1) + "\n"

    assert_linear(_check, long_line, small=64_000)


def test_linear_on_ages_said_of_years_without_a_birth_year():
    # ages said of years, no two agreeing: each was once compared with every other age
    # for every other age (a cubic consensus). Small inputs: the years must stay in 1000-2999.
    def ages(size: int) -> str:
        unit = "年，18岁的选手获奖。"
        count = size // len(f"1000{unit}".encode()) + 1
        return "".join(f"{1000 + 2 * i}{unit}" for i in range(count)) + "\n"

    assert_linear(_check, ages, small=4_000)


def test_linear_evidence_for_one_anchor_mentioned_again_and_again():
    # every mention of an anchor is compared with its earlier ones by offset, not by scan
    anchors = load_anchors()

    def era_anchors(size: int) -> str:
        return patho_text("era-anchor", size)

    assert_linear(lambda text: find_evidence(text, anchors), era_anchors)


EXPECTED = {
    "years-one-line": {"DT001"},  # 2019 and 2023 both lie past the era: later, not rewritten
    "era-anchors-and-years": {"DT001", "DT002"},
    "anniversaries-and-years": {"DT001", "DT002"},
    "one-sentence": {"DT001"},
    "titled-years": {"DT001", "DT002"},  # the head's 2023; the 2019 in titles are not judged
    "impossible-dates": {"DT001"},
    "quoted-impossible-dates": set(),  # quoted: mentioned, not used
    "impossible-months": {"DT001"},
    "time-keys": set(),
    "future-dates": {"DT003"},
    "dated-articles": {"DT001", "DT002"},
    "calendar-events": {"DT002"},
    "relative-glosses": {"DT002"},
    "editions-one-sentence": {"DT002"},
    "jubilees-one-sentence": {"DT002"},
    "same-period-one-sentence": {"DT002"},
    "ages-one-sentence": {"DT002"},
    "durations-one-sentence": {"DT002"},
    "observances-one-line": {"DT002"},
    "zodiac-one-line": {"DT002"},
    "spikes-in-articles": {"DT002"},
    "pivot-runs": set(),
    "quoted-plan-names": set(),
    "numbers-before-anniversaries": set(),
}


@pytest.mark.parametrize("name", DT_INPUTS)
def test_pathological_inputs_exercise_the_rules(name):
    found = {d.code for d in check_document(Document(dt_text(name, 2000)), _RULES)}
    assert found == EXPECTED[name]


def test_many_findings_on_one_line_are_all_reported():
    # a finding per impossible date: the work grows with the findings, not faster
    text = dt_text("impossible-dates", 2000)
    found = [d for d in check_document(Document(text), _RULES) if d.code == "DT001"]
    assert len(found) == text.count("2月30日")


PICKLE_RULES = [
    InvalidDate(),
    InconsistentYear(),
    InconsistentYear({"tolerance": 1, "extend-anchors": ["某某活动=2010-2012"]}),
    FutureDate({"grace-days": 0}),
]
PICKLE_TEXT = (
    "更新时间:2023-04-23 17:42:10 作者:会员上传\n"
    "今天我们隆重集会,热烈庆祝中国共产党成立90周年。深入开展某某活动。\n"
    "2023年上半年,全区各校要抓好落实。会议于2月30日召开。\n"
    "2023年6月1日,公司党委召开了专题会议,研究部署工作。\n"
)


@pytest.mark.parametrize("rule", PICKLE_RULES, ids=lambda r: r.code)
def test_rules_pickle_and_the_copy_gives_the_same_findings(rule):
    copy = pickle.loads(pickle.dumps(rule))
    assert type(copy) is type(rule) and copy.settings == rule.settings
    found = check_document(Document(PICKLE_TEXT), [rule])
    assert found, "the text must give this rule something to report"
    assert check_document(Document(PICKLE_TEXT), [copy]) == found
