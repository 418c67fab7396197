"""The date extractor: spans, kinds and values of date expressions, table-driven."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document
from rules.dates.extract import cn_number, days_in_month, extract_dates, fold_dates, page_year

# (text, expected expression text, kind, values): the expression must be found in the
# text with exactly that span, and its attributes must equal the values given.
CASES: list[tuple[str, str, str, dict]] = [
    # Arabic full dates
    ("会议于2023年4月23日召开", "2023年4月23日", "date", dict(year=2023, month=4, day=23)),
    ("2023年04月03日", "2023年04月03日", "date", dict(year=2023, month=4, day=3)),
    ("截至2021年6月3号", "2021年6月3号", "date", dict(year=2021, month=6, day=3)),
    ("2011 年 6 月 30 日讲话", "2011 年 6 月 30 日", "date", dict(year=2011, month=6, day=30)),
    ("１９９９年１２月２０日", "１９９９年１２月２０日", "date", dict(year=1999, month=12, day=20)),
    ("2023年4月", "2023年4月", "date", dict(year=2023, month=4, day=None)),
    ("2022年13月", "2022年13月", "date", dict(year=2022, month=13)),
    ("1949年10月1日,新中国成立", "1949年10月1日", "date", dict(year=1949, month=10, day=1)),
    # numeric dates
    ("2023-04-23 17:42:10", "2023-04-23", "date", dict(year=2023, month=4, day=23, separator="-")),
    ("2023/4/23", "2023/4/23", "date", dict(year=2023, month=4, day=23, separator="/")),
    ("发布时间:2021.06.03", "2021.06.03", "date", dict(year=2021, month=6, day=3, separator=".")),
    ("２０２１－０６－０３", "２０２１－０６－０３", "date", dict(year=2021, month=6, day=3)),
    ("2022-02-29", "2022-02-29", "date", dict(year=2022, month=2, day=29)),
    ("1998-7-1", "1998-7-1", "date", dict(year=1998, month=7, day=1)),
    # Chinese-numeral dates and years
    (
        "二〇一一年三月十五日",
        "二〇一一年三月十五日",
        "date",
        dict(year=2011, month=3, day=15, chinese=True),
    ),
    ("二零二三年", "二零二三年", "year", dict(year=2023, chinese=True)),
    ("一九四九年十月一日", "一九四九年十月一日", "date", dict(year=1949, month=10, day=1)),
    ("二○三五年", "二○三五年", "year", dict(year=2035, chinese=True)),
    ("二〇一一年十二月", "二〇一一年十二月", "date", dict(year=2011, month=12, day=None)),
    ("二〇二〇年二月二十九日", "二〇二〇年二月二十九日", "date", dict(year=2020, month=2, day=29)),
    # years alone
    ("同志们,2023年上半年", "2023年", "year", dict(year=2023, year_span=(4, 8))),
    ("与谋划2023年重点工作", "2023年", "year", dict(year=2023)),
    ("2023年度重点项目", "2023年", "year", dict(year=2023)),
    ("1840年鸦片战争", "1840年", "year", dict(year=1840)),
    ("2008 年", "2008 年", "year", dict(year=2008)),
    # month-day without a year
    ("6月6日以来", "6月6日", "month-day", dict(month=6, day=6, year=None)),
    ("12月31日", "12月31日", "month-day", dict(month=12, day=31)),
    ("2月30日", "2月30日", "month-day", dict(month=2, day=30)),
    ("12月32日", "12月32日", "month-day", dict(month=12, day=32)),
    ("13月5日", "13月5日", "month-day", dict(month=13, day=5)),
    ("6月6号上午", "6月6号", "month-day", dict(month=6, day=6)),
    ("三月五日", "三月五日", "month-day", dict(month=3, day=5, chinese=True)),
    ("十二月三十一日", "十二月三十一日", "month-day", dict(month=12, day=31, chinese=True)),
    # masked dates
    ("**月6日以来", "**月6日", "masked", dict(month=None, day=6)),
    ("20**年", "20**年", "masked", dict(year=None)),
    ("**年", "**年", "masked", dict(year=None)),
    ("*月*日", "*月*日", "masked", dict(month=None, day=None)),
    # ranges
    ("2008年以来", "2008年以来", "range", dict(year=2008, since=True, end_year=None)),
    ("中心校2008年来学校", "2008年来", "range", dict(year=2008, since=True)),
    ("从2008年开始", "2008年开始", "range", dict(year=2008, since=True)),
    ("自2012年初", "2012年", "range", dict(year=2012, since=True)),
    ("2021—2025年规划", "2021—2025年", "range", dict(year=2021, end_year=2025)),
    ("2021-2025年", "2021-2025年", "range", dict(year=2021, end_year=2025)),
    ("2008年至2010年", "2008年至2010年", "range", dict(year=2008, end_year=2010)),
    ("从二○二○年到二○三五年", "二○二○年到二○三五年", "range", dict(year=2020, end_year=2035)),
    ("2000年以前", "2000年以前", "range", dict(year=None, end_year=2000)),
    ("2015年至今", "2015年至今", "range", dict(year=2015, since=True)),
    # relative expressions
    ("今年以来", "今年", "relative", dict(offset=0, unit="year")),
    ("明年", "明年", "relative", dict(offset=1, unit="year")),
    ("去年同期", "去年", "relative", dict(offset=-1, unit="year")),
    ("前年", "前年", "relative", dict(offset=-2, unit="year")),
    ("发布时间:24小时内", "24小时内", "relative", dict(offset=24, unit="hour")),
    ("3天前", "3天前", "relative", dict(offset=-3, unit="day")),
    ("5分钟前", "5分钟前", "relative", dict(offset=-5, unit="minute")),
    ("2个月前", "2个月前", "relative", dict(offset=-2, unit="month")),
    ("3年前", "3年前", "relative", dict(offset=-3, unit="year")),
    ("10年内", "10年内", "relative", dict(offset=10, unit="year")),
    ("昨天下午", "昨天", "relative", dict(offset=-1, unit="day")),
    # page metadata
    (
        "更新时间:2023-04-23 17:42:10",
        "2023-04-23",
        "date",
        dict(metadata="更新时间", year=2023),
    ),
    ("发布时间：2021年6月3日", "2021年6月3日", "date", dict(metadata="发布时间")),
    ("发布日期: 2020/1/2", "2020/1/2", "date", dict(metadata="发布日期")),
    ("时间：2022-06-30 06:25:00 来源：本站", "2022-06-30", "date", dict(metadata="时间")),
    ("发布时间:24小时内 作者", "24小时内", "relative", dict(metadata="发布时间")),
    ("活动时间：2021年6月1日", "2021年6月1日", "date", dict(metadata=None)),
]


@pytest.mark.parametrize(("text", "expr_text", "kind", "values"), CASES)
def test_extracts(text: str, expr_text: str, kind: str, values: dict) -> None:
    found = extract_dates(text)
    start = text.index(expr_text)
    match = [e for e in found if e.start == start and e.end == start + len(expr_text)]
    assert match, f"{expr_text!r} not found in {[(e.text, e.kind) for e in found]}"
    expr = match[0]
    assert expr.text == expr_text
    assert expr.kind == kind
    for key, value in values.items():
        assert getattr(expr, key) == value, key


def test_at_least_fifty_cases() -> None:
    assert len(CASES) >= 50


# Text that holds no date expression at all.
NOT_DATES = [
    "13月薪",  # a 13th-month salary, not a month
    "32日元",
    "第13个月",
    "十年",
    "过去年代",  # 去年 inside 过去年
    "文明年度",  # 明年 inside 文明年
    "今后年度",
    "每月5日",  # a monthly day, no month
    "版本2021.13.1",  # a version number
    "编号12023年",  # five digits are no year
    "3.5年前",
    "一个月",
    "二十八大类",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text: str) -> None:
    found = [(e.text, e.kind) for e in extract_dates(text)]
    assert found == [], found


def test_several_in_order_with_offsets_into_the_original() -> None:
    text = "２０２３年，发布时间：2021-06-03。去年6月6日以来，从2008年开始"
    found = extract_dates(text)
    assert [(e.text, e.kind) for e in found] == [
        ("２０２３年", "year"),
        ("2021-06-03", "date"),
        ("去年", "relative"),
        ("6月6日", "month-day"),
        ("2008年开始", "range"),
    ]
    for e in found:
        assert text[e.start : e.end] == e.text


def test_fold_keeps_offsets() -> None:
    text = "（一）２０２３年，：；！？　～－／．"
    assert len(fold_dates(text)) == len(text)
    assert fold_dates(text) == "(一)2023年,:;!? ~-/."


@pytest.mark.parametrize(
    ("token", "value"),
    [("九十", 90), ("一百", 100), ("一百零一", 101), ("十五", 15), ("二十三", 23), ("90", 90)],
)
def test_cn_number(token: str, value: int) -> None:
    assert cn_number(token) == value


def test_days_in_month() -> None:
    assert days_in_month(2, 2022) == 28
    assert days_in_month(2, 2020) == 29
    assert days_in_month(2) == 29
    assert days_in_month(4) == 30
    assert days_in_month(12) == 31


def test_page_year_is_the_latest_date_of_the_first_metadata_line() -> None:
    text = "标题\n发布时间:2021-06-01 更新时间:2021-06-03 作者:某\n正文\n发布时间:2019-01-01\n"
    page = page_year(Document(text))
    assert page is not None
    assert (page.year, page.month, page.day, page.line, page.key) == (2021, 6, 3, 2, "更新时间")


def test_page_year_absent() -> None:
    assert page_year(Document("2021-06-03\n正文没有元数据。")) is None


_ALPHABET = (
    "0123456789０１２〇零一二三十年月日号前内天小时分钟"
    "以来至今到-—/.*,:：，今明去 发布时间更新农历两基周"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_spans_are_exact_sorted_and_disjoint(text: str) -> None:
    found = extract_dates(text)
    for e in found:
        assert text[e.start : e.end] == e.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
