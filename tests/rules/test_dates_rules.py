"""DT001 invalid-date, DT002 inconsistent-year, DT003 future-date: what they flag and what not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Applicability, Severity
from lint.rule import check_rule_class
from lint.testing import fix_text, lint_text, position
from rules.dates import RULES, FutureDate, InconsistentYear, InvalidDate
from rules.text import fold_punctuation


def codes(text: str, rule, **kw) -> list[tuple[str, int, int]]:
    """(code, line, column) of every warning the rule reports on ``text``."""
    return [
        (d.code, *position(text, d))
        for d in lint_text(text, [rule], min_severity=Severity.WARNING, **kw)
    ]


def test_family_declaration() -> None:
    assert [r.code for r in RULES] == ["DT001", "DT002", "DT003"]
    for rule in RULES:
        assert check_rule_class(rule) == []
        docs = rule.docs()
        assert docs.summary
        for section in ("What", "Why", "Examples", "Fix"):
            assert docs.section(section), (rule.code, section)


# -- DT001 invalid-date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expr", "reason"),
    [
        ("会议于2月30日召开。", "2月30日", "February has 29 days"),
        ("定于4月31日前完成。", "4月31日", "April has 30 days"),
        ("截至2022年13月,全市", "2022年13月", "month 13 does not exist"),
        ("13月5日上午召开", "13月5日", "month 13 does not exist"),
        ("12月32日", "12月32日", "December has 31 days"),
        ("发布于2022-02-29", "2022-02-29", "2022 is not a leap year"),
        ("2021年2月29日", "2021年2月29日", "2021 is not a leap year"),
        ("二〇二二年二月三十日", "二〇二二年二月三十日", "February has 29 days"),
        ("2021-04-31 更新", "2021-04-31", "April has 30 days"),
        ("２０２１年６月３１日", "２０２１年６月３１日", "June has 30 days"),
    ],
)
def test_invalid_dates_are_reported(text: str, expr: str, reason: str) -> None:
    (d,) = lint_text(text, [InvalidDate])
    assert (d.code, d.start, d.end) == ("DT001", text.index(expr), text.index(expr) + len(expr))
    assert d.severity is Severity.WARNING
    assert reason in d.message
    assert d.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "2020-02-29",  # a leap day
        "2月29日",  # a leap day of an unknown year
        "农历二月三十,全家团聚",  # lunar months have 30 days
        "二月三十日",  # Chinese numerals without a year: usually lunar
        "发放13月薪",  # a 13th-month salary
        "价格32日元",  # money
        "**月6日以来",  # masked
        "0月0日",  # a placeholder
        "版本2021.13.01发布",  # a version number
        "编号2022-13-01",  # a numeric form with month 13 is an identifier
        "游戏里会出现“8月32日”的日期",  # quoted: a mention, not a use
        "日记中的日期会继续8月32日,33日……",  # a deliberate run of impossible days
        "比分13:5,第13月刊",  # scores and issue numbers
    ],
)
def test_valid_or_doubtful_dates_are_not_reported(text: str) -> None:
    assert codes(text, InvalidDate) == []


# -- DT002 inconsistent-year ----------------------------------------------------------------------

# A 2010 speech: drafting the 12th Five-Year Plan, the 创先争优 campaign, the 2010 outline.
ERA_2010 = (
    "今天我们召开教育系统创先争优活动动员大会。全面谋划好“十二五”教育发展规划,"
    "贯彻实施《国家中长期教育改革和发展规划纲要》。\n"
)


def test_rewritten_year_is_reported_citing_the_evidence() -> None:
    text = ERA_2010 + "要把开展活动与谋划2023年重点工作结合起来。\n"
    (d,) = lint_text(text, [InconsistentYear])
    assert d.code == "DT002" and d.severity is Severity.WARNING
    assert position(text, d) == (2, 10)
    assert text[d.start : d.end] == "2023年"
    assert d.message.startswith("2023年, but ")
    assert "谋划好“十二五”教育发展规划 (line 1)" in d.message
    assert "创先争优活动 (line 1)" in d.message
    assert "this text in 2010" in d.message
    assert d.fix is None  # a vote, not a precise anchor: no single year to suggest


def test_full_width_punctuation_is_handled_alike() -> None:
    text = ERA_2010 + "要把开展活动与谋划2023年重点工作结合起来。\n"
    wide = text.replace(",", "，")
    assert wide != text and fold_punctuation(wide) == text
    assert codes(wide, InconsistentYear) == codes(text, InconsistentYear) == [("DT002", 2, 10)]


def test_metadata_year_is_named_as_the_substitution_signature() -> None:
    text = (
        "更新时间:2023-04-23 17:42:10 作者:会员上传\n"
        + ERA_2010
        + "与谋划2023年重点工作结合起来。\n"
    )
    (d,) = lint_text(text, [InconsistentYear])
    assert "2023 is also the page's metadata year (更新时间 2023-04-23, line 1)" in d.message


def test_anniversary_pins_a_year_for_an_unsafe_fix() -> None:
    text = (
        "今天我们隆重集会,热烈庆祝中国共产党成立90周年。深入开展创先争优活动。\n"
        "2023年上半年,全区各校要抓好落实。\n"
    )
    (d,) = lint_text(text, [InconsistentYear])
    assert "庆祝中国共产党成立90周年 (line 1)" in d.message and "in 2011" in d.message
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert fix_text(text, [InconsistentYear]) == text
    assert fix_text(text, [InconsistentYear], unsafe=True) == text.replace("2023年", "2011年")


def test_chinese_numeral_year_is_judged() -> None:
    text = ERA_2010 + "二〇二三年上半年,全区各校要抓好落实。\n"
    assert codes(text, InconsistentYear) == [("DT002", 2, 1)]


MUST_NOT_FLAG = [
    # history, ranges, targets, titles, births
    ERA_2010 + "1949年新中国成立以来,教育事业取得巨大成就。",
    ERA_2010 + "2008年以来,我们先后参加了学习实践活动。",
    ERA_2010 + "从2008年开始,我们先后参加了学习实践活动。",
    ERA_2010 + "2021—2025年的规划由上级另行部署。",
    ERA_2010 + "到2035年基本实现教育现代化。",
    ERA_2010 + "2030年前完成全部校舍改造任务。",
    ERA_2010 + "2025年全区教育投入翻一番。",
    ERA_2010 + "力争在2025年,全区教育质量位居全市前列。",
    ERA_2010 + "认真学习《2023年教育工作要点》。",
    ERA_2010 + "2016年出生的孩子将在那时入学。",
    ERA_2010 + "从二〇二〇年到二〇三五年,分两个阶段安排。",
    # consistent years, tolerance, the periods the text itself names
    ERA_2010 + "2010年上半年,全区完成了各项任务。",
    ERA_2010 + "2013年,全区新建学校三所。",
    ERA_2010 + "2015年,全区学前教育毛入园率提高到85%。",
    ERA_2010 + "2003年,我区顺利通过“两基”国检。",
    # a text later than its references: several later years
    ERA_2010 + "2018年新建学校一所,2019年又新建两所。",
    # page chrome: link, metadata and bare-date lines
    ERA_2010 + "上一篇:2023年度工作会议召开\n",
    ERA_2010 + "发布时间:2023年4月23日 来源:本站\n",
    ERA_2010 + "2023-04-23\n",
    # no, weak or retrospective evidence
    "2023年,我们召开了动员大会,谋划2024年重点工作。",
    "深入开展创先争优活动。2023年上半年,全区各校要抓好落实。",
    "认真学习党的十八大精神。2023年,全区各校要抓好落实。",
    "深入贯彻党的十九大精神,回顾创先争优活动和“十二五”规划的经验。2019年,全区各校要抓好落实。",
    "2011年,在庆祝中国共产党成立90周年之际,他被评为优秀共产党员。深入开展创先争优活动。2016年,他调任校长。",
    "学习习近平总书记在庆祝中国共产党成立95周年大会上的重要讲话。2020年,全区各校要抓好落实。",
    "到建党一百年时全面建成小康社会。2023年,全区各校要抓好落实。",
    # recollections, events named by their year, lone future years, years past the page's date
    "我们先后开展了先进性教育活动、学习实践科学发展观活动和创先争优活动。2016年,全区各校要抓好落实。",
    ERA_2010 + "北京成功申办2022年冬奥会,全区上下倍受鼓舞。",
    ERA_2010 + "2035年,我国将基本实现社会主义现代化。",
    "更新时间:2020-01-01\n" + ERA_2010 + "谋划2026年重点工作。",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text: str) -> None:
    assert codes(text, InconsistentYear) == []


def test_at_least_twenty_must_not_flag_texts() -> None:
    assert len(MUST_NOT_FLAG) >= 20


ARTICLE_2011 = (
    "今天我们隆重集会,热烈庆祝中国共产党成立90周年。深入开展创先争优活动。\n"
    "2023年,全区各校要抓好落实。\n"
)
ARTICLE_2021 = (
    "今天我们隆重集会,热烈庆祝中国共产党成立100周年。扎实开展党史学习教育。\n"
    "2023年,全区各校要抓好落实。\n"
)


def test_articles_of_different_eras_are_judged_each_by_its_own_evidence() -> None:
    page = ARTICLE_2011 + "篇二\n" + ARTICLE_2021
    found = lint_text(page, [InconsistentYear])
    assert [position(page, d) for d in found] == [(2, 1)]  # the 2011 article only
    assert "in 2011" in found[0].message
    # in the other order, the same: the 2021 article's 2023 is consistent
    page = ARTICLE_2021 + "篇二\n" + ARTICLE_2011
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(5, 1)]


# A weakly evidenced second article: only “2008年来” and the 两基 inspection.
WEAK_ARTICLE = (
    "篇二\n通过你们向各位教职工宣传中心校2008年来学校各项工作的开展情况。\n"
    "同志们,2023年上半年我镇的“两基”巩固提高工作将接受国家的检查验收。\n"
)
META = "更新时间:2023-04-23 17:42:10 发布时间:24小时内\n"
STRONG_ARTICLE = ERA_2010 + "与谋划2023年重点工作结合起来。\n"


def test_page_backs_a_weakly_evidenced_article() -> None:
    page = META + STRONG_ARTICLE + WEAK_ARTICLE
    found = lint_text(page, [InconsistentYear])
    assert [position(page, d) for d in found] == [(3, 4), (6, 5)]
    msg = found[1].message
    assert "2008年来 (line 5)" in msg
    assert "“两基”巩固提高工作将接受国家的检查验收 (line 6)" in msg
    assert "substituted for the original year at line 3" in msg
    assert found[1].fix is None


def test_page_backing_needs_the_metadata_signature() -> None:
    page = STRONG_ARTICLE + WEAK_ARTICLE
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(2, 4)]
    page = META.replace("2023", "2022") + STRONG_ARTICLE + WEAK_ARTICLE
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(3, 4)]


def test_page_backing_needs_evidence_of_the_article_itself() -> None:
    bare = "篇二\n同志们,2023年上半年我镇的各项工作将接受上级检查。\n"
    page = META + STRONG_ARTICLE + bare
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(3, 4)]


def test_page_backing_needs_own_evidence_before_the_year() -> None:
    # lower bounds only: a 2023 article could say the same
    thin = (
        "篇二\n坚持以“三个代表”重要思想为指导,宣传中心校2008年来各项工作的开展情况。\n"
        "同志们,2023年上半年各项工作将接受检查。\n"
    )
    page = META + STRONG_ARTICLE + thin
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(3, 4)]


def test_page_backing_respects_a_later_article() -> None:
    later = "篇二\n深入学习贯彻党的十九大精神。\n同志们,2023年上半年各项工作将接受检查。\n"
    page = META + STRONG_ARTICLE + later
    assert [position(page, d) for d in lint_text(page, [InconsistentYear])] == [(3, 4)]


def test_page_backing_can_be_switched_off() -> None:
    page = META + STRONG_ARTICLE + WEAK_ARTICLE
    found = lint_text(page, [InconsistentYear], settings={"DT002": {"page-backing": False}})
    assert [position(page, d) for d in found] == [(3, 4)]


def test_tolerance_option() -> None:
    text = ERA_2010 + "与谋划2015年重点工作结合起来。\n"  # inside 十二五: never judged
    assert codes(text, InconsistentYear) == []
    text = ERA_2010 + "与谋划2020年重点工作结合起来。\n"  # inside the 2010–2020 outline
    assert codes(text, InconsistentYear) == []
    text = ERA_2010 + "与谋划2023年重点工作结合起来。\n"
    assert codes(text, InconsistentYear, settings={"DT002": {"tolerance": 15}}) == []


def test_extend_anchors_option() -> None:
    text = "庆祝本市建市50周年大会隆重举行。\n2023年,全市各单位要抓好落实。\n"
    assert codes(text, InconsistentYear) == []
    settings = {"DT002": {"extend-anchors": ["本市建市50周年=2012"]}}
    found = lint_text(text, [InconsistentYear], settings=settings)
    assert [position(text, d) for d in found] == [(2, 1)]
    assert "本市建市50周年 (line 1) places this text in 2012" in found[0].message


# -- DT003 future-date ----------------------------------------------------------------------------

PUBLISHED = "发布时间:2021-06-03 浏览量:人 作者:办公室\n"


def test_a_date_after_publication_is_reported() -> None:
    text = PUBLISHED + "2021年12月7日,公司党委委员在招投标前对相关部门进行了廉政谈话。\n"
    (d,) = lint_text(text, [FutureDate])
    assert (d.code, *position(text, d)) == ("DT003", 2, 1)
    assert text[d.start : d.end] == "2021年12月7日"
    assert "发布时间 2021-06-03, line 1" in d.message


def test_update_date_is_the_page_date_when_later() -> None:
    text = "发布时间:2021-06-03 更新时间:2022-01-01\n2021年12月7日,公司党委召开了专题会议。\n"
    assert codes(text, FutureDate) == []


@pytest.mark.parametrize(
    "body",
    [
        "大会将于2021年7月1日举行,请各单位做好准备。",  # announced
        "本办法自2021年7月1日起施行,请各单位遵照执行。",  # in force from
        "报名截止2021年6月30日,逾期不予受理。",  # deadline
        "活动时间为2021年6月10日至2021年7月31日,欢迎参加。",  # a range
        "2021年5月20日,公司党委召开了专题会议。",  # before publication
        "2021年6月4日,公司党委召开了专题会议。",  # within the grace day
        "上一篇:2022年1月1日公司召开年度总结大会",  # a link to another page
        "2022-07-14",  # a sidebar date
        "认真学习《2022年1月1日施行的条例》的精神要求。",  # a title
    ],
)
def test_future_dates_that_are_not_reported(body: str) -> None:
    assert codes(PUBLISHED + body + "\n", FutureDate) == []


def test_no_publication_date_no_judgement() -> None:
    assert codes("2031年12月7日,公司党委召开了专题会议。\n", FutureDate) == []


def test_grace_days_option() -> None:
    text = PUBLISHED + "2021年6月10日,公司党委召开了专题会议,研究部署工作。\n"
    assert codes(text, FutureDate) == [("DT003", 2, 1)]
    assert codes(text, FutureDate, settings={"DT003": {"grace-days": 30}}) == []


# -- traditional characters ----------------------------------------------------------------------


def test_traditional_script_pages_are_judged_alike() -> None:
    text = (
        "更新時間:2023-04-23 17:42:10\n"
        "今天我們召開教育系統創先爭優活動動員大會。全面謀劃好“十二五”教育發展規劃,"
        "貫徹實施《國家中長期教育改革和發展規劃綱要》。\n"
        "要把開展活動與謀劃2023年重點工作結合起來。\n"
    )
    (d,) = lint_text(text, [InconsistentYear])
    assert position(text, d) == (3, 10)
    assert "謀劃好“十二五”教育發展規劃 (line 2)" in d.message
    assert "metadata year" in d.message


def test_traditional_future_date_and_lunar_date() -> None:
    text = "發佈時間:2021-06-03 作者:辦公室\n2021年12月7日,公司黨委召開了專題會議,研究部署工作。\n"
    assert codes(text, FutureDate) == [("DT003", 2, 1)]
    assert codes("農曆2月30日,全家團聚。", InvalidDate) == []


_PIECES = [
    "2023年",
    "2008年以来",
    "二〇一一年",
    "2月30日",
    "13月",
    "2022-02-29",
    "发布时间:2021-06-03",
    "更新时间:2023-04-23",
    "创先争优活动",
    "谋划好“十二五”规划",
    "庆祝中国共产党成立90周年",
    "党的十九大",
    "“两基”国检",
    "篇二",
    "到2035年",
    "全区各校要抓好落实",
    ",",
    "。",
    "\n",
    "*",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_mix_gives_well_formed_diagnostics(pieces: list[str]) -> None:
    text = "".join(pieces)
    for d in lint_text(text, RULES):
        assert 0 <= d.start < d.end <= len(text)
        assert d.code in ("DT001", "DT002", "DT003")
        assert d.message.startswith(text[d.start : d.end])
