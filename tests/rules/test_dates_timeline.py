"""DT002 and the text's own timeline: years that fixed points of the same text refute.

Every case is written with full-width punctuation and run again with half-width
punctuation (``，`` → ``,``, ``（）`` → ``()``, ``“”`` → ``"``). Must-flag cases give the
flagged year and the year the evidence pins (None: a window, no fix); look-alikes are
histories, biographies, forecasts and retrospectives that must stay silent.
"""

from __future__ import annotations

import datetime

import pytest

from lint import Document, Severity
from lint.testing import fix_text, lint_text
from rules.dates import InconsistentYear
from rules.dates.timeline import calendar, observances
from tests.corpus import SEED

# 。 stays: "." before a year reads as a decimal point (2.2023年), not as a full stop
_HALF = str.maketrans("，；：（）“”", ',;:()""')


def _both(cases):
    out = []
    for text, *rest in cases:
        out.append((text, *rest))
        if text.translate(_HALF) != text:
            out.append((text.translate(_HALF), *rest))
    return out


def _dt002(text: str, **settings):
    rule_settings = {"DT002": settings} if settings else None
    return [
        d
        for d in lint_text(
            text, [InconsistentYear], settings=rule_settings, min_severity=Severity.WARNING
        )
        if d.code == "DT002"
    ]


# (text, flagged year, pinned year or None, a word the message must cite)
MUST_FLAG = [
    # calendars: a congress with its held-verb, games by host or by edition
    (
        "2023年11月，党的十八大在北京胜利召开，选举产生了新一届中央委员会。",
        "2023年11月",
        2012,
        "十八大",
    ),
    ("2020年召开的党的十九大，开启了全面建设社会主义现代化国家新征程。", "2020年", 2017, "十九大"),
    ("2023年北京奥运会上，中国代表团获得51枚金牌，位居金牌榜首位。", "2023年", 2008, "北京奥运会"),
    ("2019年第29届奥运会在北京举行，这是中国首次举办夏季奥运会。", "2019年", 2008, "第29届奥运会"),
    ("2016年第21届世界杯在俄罗斯举行，法国队最终夺冠。", "2016年", 2018, "第21届世界杯"),
    (
        "2023年10月18日，中国共产党第十九次全国代表大会在北京开幕。",
        "2023年10月18日",
        2017,
        "第十九次全国代表大会",
    ),
    # taking part in a numbered edition
    (
        "2023年带伤夺得第十七届冬季奥林匹克运动会女子1000米速滑铜牌。",
        "2023年",
        1994,
        "第十七届冬季奥林匹克运动会",
    ),
    ("2023年获第七届全运会女子短距离全能冠军。", "2023年", 1993, "第七届全运会"),
    # a series named alone right after a year
    ("2023年奥运会上，中国代表团获得38枚金牌。", "2023年", None, "2021/2024"),
    ("2023年冬奥会在北京举行。", "2023年", None, "2022/2026"),
    # observances counted by their Nth time
    ("2023年9月10日是第27个教师节，我们在这里隆重集会。", "2023年9月10日", 2011, "第27个教师节"),
    ("2023年3月8日，是第103个“三八”国际妇女节。", "2023年3月8日", 2013, "国际妇女节"),
    ("今天是第27个教师节。去年（2022年），我校教学质量稳步提升。", "2022年", 2010, "教师节"),
    # the sexagenary cycle (no fix: a cycle pins no year)
    ("2023年是龙年，祝大家新年快乐，万事如意。", "2023年", None, "2012 or 2024"),
    ("2023年（壬辰龙年）春节期间，全市平安祥和。", "2023年", None, "壬辰龙年"),
    # the sessions of an NPC or CPPCC term: one a year
    (
        "2023年3月5日，十二届全国人大三次会议在北京开幕。",
        "2023年3月5日",
        2015,
        "十二届全国人大三次会议",
    ),
    (
        "2023年3月，全国政协十二届三次会议在北京隆重开幕。",
        "2023年3月",
        2015,
        "全国政协十二届三次会议",
    ),
    # anniversaries of the era anchors: base + N
    (
        "2023年是中国共产党成立90周年，全市各级党组织开展了丰富多彩的纪念活动。",
        "2023年",
        2011,
        "90周年",
    ),
    ("2015年是改革开放40周年，我们要总结经验，继续前进。", "2015年", 2018, "改革开放40周年"),
    # an institution's jubilee against its one founding year
    (
        "学校始建于1956年，历史悠久。2023年，学校隆重庆祝建校60周年，校友齐聚一堂。",
        "2023年",
        2016,
        "建校60周年",
    ),
    # a founding year moved forward: the jubilee's year is the earlier one
    (
        "学校始建于2021年，历史悠久。2016年，学校隆重庆祝建校60周年，校友齐聚一堂。",
        "2021年",
        1956,
        "建校60周年",
    ),
    # five-year plans: first, last or one of their years
    ("2023年是“十二五”规划的开局之年，全县上下要统一思想，真抓实干。", "2023年", 2011, "十二五"),
    ("2022年是“十三五”的收官之年，各项目标任务全面完成。", "2022年", 2020, "十三五"),
    # relative references glossed with a year, against the year they count from
    ("2008年，他考入北京大学。次年（2023年），他赴美留学深造。", "2023年", 2009, "次年"),
    ("1978年，他参军入伍。三年后的1995年，他退伍回乡务农。", "1995年", 1981, "三年后"),
    ("2023年，他考入北京大学。次年（2009年），他赴美留学深造。", "2023年", 2008, "次年"),
    ("2008年，他考入北京大学，次年即2023年赴美留学深造。", "2023年", 2009, "次年"),
    ("今年是2012年，全县经济平稳。去年（2022年），全县粮食丰收。", "2022年", 2011, "去年"),
    # one article, two presents: 今年（2012年） and a comparison with 2021
    (
        "今年（2012年）以来，我市经济平稳增长。今年前三季度，全市生产总值比2021年同期增长10%。",
        "2021年",
        2011,
        "同期",
    ),
    (
        "去年（2011年），全县粮食丰收。今年（2023年），全县将继续推进农业现代化。",
        "2023年",
        2012,
        "去年",
    ),
    # 今年 pinned by a jubilee or a plan year, against a gloss or a comparison
    (
        "今年是中国共产党成立91周年。今年前三季度，全市生产总值比2021年同期增长10%。",
        "2021年",
        2011,
        "同期",
    ),
    ("今年是“十二五”规划的第二年。去年（2022年），全市经济平稳增长。", "2022年", 2011, "去年"),
    # one edition with two years
    (
        "2014年第十届全国大学生运动会在天津开幕。2024年第十届全国大学生运动会共设12个大项。",
        "2024年",
        2014,
        "第十届全国大学生运动会",
    ),
    # the same edition named twice
    (
        "2014年第十届全国大学生运动会在天津开幕。小王在本届2024年大运会上夺得两枚金牌。",
        "2024年",
        2014,
        "第十届全国大学生运动会",
    ),
    # durations: the end is the start + N, give or take one
    ("大桥于2008年开工建设，历时3年，于2023年建成通车。", "2023年", None, "历时3年"),
    # ages: birth year + age, give or take one
    ("他生于1925年，早年参加革命。2023年3月因病逝世，享年85岁。", "2023年3月", None, "享年85岁"),
]

MUST_NOT_FLAG = [
    # calendars: the right year, a year that says when something was said, an errand
    "2012年11月，党的十八大胜利召开。",
    "2013年，我们认真学习党的十八大提出的各项目标任务。",
    "十八大以来，2023年我市各项工作取得新进展。",
    "2019年北京冬奥会吉祥物正式发布，受到广泛欢迎。",
    "2013年，党的十八大召开以来的第一个春节到来了。",
    "2009年，北京奥运会闭幕一周年，各地举办纪念活动。",
    "2015年，北京冬奥会申办成功，全国人民欢欣鼓舞。",
    "2021年东京奥运会上，中国代表团取得佳绩。",
    "2023年杭州亚运会上，中国队获得201枚金牌。",
    "2019年第八届女足世界杯在法国举行。",
    "他曾参加2004年雅典奥运会、2008年北京奥运会和2012年伦敦奥运会。",
    "2028年洛杉矶奥运会将增设多个比赛项目。",
    "1994年带伤夺得第十七届冬季奥林匹克运动会女子1000米速滑铜牌。",
    "2007年他全力备战第29届奥运会。",
    "2010年他获得了参加第30届奥运会的资格。",
    "2011年9月10日是第27个教师节，我们在这里隆重集会。",
    "2023年5月31日是第36个世界无烟日。",
    "2013年3月8日，是第103个“三八”国际妇女节。",
    "2023年，我们迎来了教师节，第一个教师节是1985年。",
    "2021年奥运会上，中国代表团获得38枚金牌。",
    "2023年奥运会资格赛在巴黎举行。",
    "2019年世界杯上，西班牙队夺冠。",
    "2012年是龙年，祝大家新年快乐。",
    "2024年1月10日，兔年即将过去。",
    "2015年，他说这事要等到猴年马月。",
    "2017年10月18日，中国共产党第十九次全国代表大会在北京开幕。",
    "2023年6月，共青团第十九次全国代表大会在北京开幕。",
    "2015年3月5日，十二届全国人大三次会议在北京开幕。",
    "2023年6月，十二届全国人大常委会第三十次会议在北京举行。",
    "2023年1月，市十二届人大三次会议在市会议中心开幕。",
    # anniversaries: the right year, a jubilee ahead, a target, a retrospective
    "2021年是中国共产党成立100周年，全党开展党史学习教育。",
    "2019年，为迎接建党100周年，各地精心筹备纪念活动。",
    "到2021年建党100周年时，全面建成小康社会。",
    "1991年，在庆祝建党70周年之际，他被评为优秀党员。2011年建党90周年时又获表彰。",
    "2023年，我们回顾了建党90周年以来的巨大成就。",
    "2012年，庆祝建党90周年系列活动的成果得到巩固。",
    # institutions: another body's jubilee
    "学校始建于1956年。2019年，该校附属医院隆重庆祝建院60周年。",
    # institutions: the right year; several founding years (unsure)
    "学校创建于1956年。1996年，学校隆重庆祝建校40周年。",
    "学校前身始建于1905年，1956年成立师范学院。2016年，学校庆祝建校60周年。",
    # plans: the right years, a plan named without its year
    "2016年是“十三五”的开局之年，2020年是“十三五”的收官之年。",
    "2023年是“十四五”规划实施的关键之年。",
    "2023年，我们继续推进“十二五”期间启动的重点项目。",
    # relative references: consistent, unglossed, recalled
    "2008年，他考入北京大学。次年（2009年），他赴美留学深造。",
    "2008年，他考入北京大学。次年，他赴美留学深造。2023年他回国创业。",
    "2008年，他回到家乡，想起当年（1978年）离开时的情景。",
    "1978年，他参军入伍。三年后的1981年，他退伍回乡务农。",
    "今年是2012年，全县经济平稳。去年（2011年），全县粮食丰收。",
    "2008年，他考入北京大学，次年即2009年赴美留学深造。",
    # presents: consistent; a comparison with two years back (texts of 2021 compare with 2019)
    "去年（2011年），全县粮食丰收。今年（2012年），全县将继续推进农业现代化。",
    "今年（2021年）以来经济稳步恢复，今年前三季度，全市生产总值比2019年同期增长5%。",
    # the same edition: the same year; a biography naming an annual event in many years
    "2014年第十届全国大学生运动会在天津开幕。小王在本届2014年大运会上夺得金牌。",
    "2010年第五届全国农民运动会上他获得银牌，2014年第六届全国农民运动会上他获得金牌，本届比赛他发挥出色。",
    "今年是中国共产党成立91周年。今年前三季度，全市生产总值比2011年同期增长10%。",
    # durations: consistent, or a span that does not start or end the work
    "大桥于2008年开工建设，历时3年，于2011年建成通车。",
    "大桥于2008年开工建设，历时3年，于2012年建成通车。",
    "1998年毕业，历经10年打拼，2020年创办了自己的公司。",
    "该书历时十年写成，2023年出版。",
    # ages: birth + age, with the one-year slack of 虚岁; two birth years
    "他生于1925年，早年参加革命。2010年3月因病逝世，享年85岁。",
    "他生于1925年，早年参加革命。2010年3月因病逝世，享年86岁。",
    "他生于1925年，妻子生于1930年。2023年妻子逝世，享年85岁。",
    "他生于1925年。2023年，他的母亲去世，享年85岁。",
    # a year inside a longer phrase after 今年是 is no gloss
    "今年是2008年后首次丰收。去年（2022年），全县遭遇旱灾。",
]


@pytest.mark.parametrize(("text", "year", "pinned", "cited"), _both(MUST_FLAG))
def test_flags_a_year_its_own_timeline_refutes(text, year, pinned, cited):
    found = _dt002(text)
    assert [text[d.start : d.end] for d in found] == [year]
    (d,) = found
    assert cited.translate(_HALF) in d.message and "(line 1)" in d.message
    if pinned is None:
        assert d.fix is None
    else:
        assert d.fix is not None and d.fix.applicability.value == "unsafe"
        assert d.fix.description == f"replace {year[:4]} with {pinned}"


@pytest.mark.parametrize("text", [*MUST_NOT_FLAG, *(t.translate(_HALF) for t in MUST_NOT_FLAG)])
def test_leaves_consistent_timelines_alone(text):
    assert _dt002(text) == []


def test_the_timeline_can_be_switched_off():
    text = "2023年11月，党的十八大在北京胜利召开。"
    assert _dt002(text) and not _dt002(text, timeline=False)


def test_evidence_on_other_lines_is_cited_with_its_line():
    text = "学校始建于1956年，历史悠久。\n\n2023年，学校隆重庆祝建校60周年。"
    (d,) = _dt002(text)
    assert "(line 3)" in d.message and "始建于1956年 (line 1)" in d.message


def test_the_fix_is_unsafe_and_replaces_only_the_digits():
    text = "2023年11月，党的十八大在北京胜利召开。"
    assert fix_text(text, [InconsistentYear]) == text
    assert fix_text(text, [InconsistentYear], unsafe=True) == text.replace("2023", "2012")


def test_calendar_data_names_a_source_for_every_entry():
    events, series = calendar()
    assert events and series
    for entry in (*events, *series):
        assert entry.source and entry.names
    olympics = next(s for s in series if s.id == "summer-olympics")
    assert olympics.years(29) == (2008,)
    assert olympics.years(32) == (2020, 2021)  # Tokyo 2020, held in 2021
    world_cup = next(s for s in series if s.id == "fifa-world-cup")
    assert world_cup.years(4) == (1950,) and world_cup.years(22) == (2022,)
    teachers = next(o for o in observances() if o.id == "teachers-day")
    assert teachers.first == 1985 and all(o.source for o in observances())
    winter = next(s for s in series if s.id == "winter-olympics")
    assert winter.years(24) == (2022,) and winter.years(17) == (1994,)


# -- chronology spikes -------------------------------------------------------------------

# a rewritten year is recent (within 15 years of the page's date, or of today without one)
RECENT = datetime.date.today().year - 1
SPIKE = (
    f"{RECENT - 12}年，我县启动校舍改造工作。{RECENT}年，全县小学入学率超过99%。"
    f"{RECENT - 11}年，顺利通过省级验收。"
)


@pytest.mark.parametrize("text", _both([(SPIKE,)]))
def test_a_spike_alone_is_a_note(text):
    (text,) = text
    found = [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]
    assert [(text[d.start : d.end], d.severity) for d in found] == [(f"{RECENT}年", Severity.INFO)]
    assert f"{RECENT - 12}年 and {RECENT - 11}年 (line 1)" in found[0].message
    assert found[0].fix is None


@pytest.mark.parametrize("text", _both([(SPIKE,)]))
def test_a_spike_on_the_page_metadata_year_is_a_warning(text):
    (text,) = text
    page = f"发布时间：{RECENT}-04-23 作者：会员上传\n" + text
    (d,) = _dt002(page)
    assert page[d.start : d.end] == f"{RECENT}年" and d.fix is None
    assert "metadata year" in d.message and "(line 2)" in d.message


def test_a_spike_may_span_the_lines_of_one_article_but_not_two():
    lines = SPIKE.replace("。", "。\n")
    found = [d for d in lint_text(lines, [InconsistentYear]) if d.code == "DT002"]
    assert [lines[d.start : d.end] for d in found] == [f"{RECENT}年"]
    assert "(line 1–3)" in found[0].message
    split = lines.replace("\n", "\n篇二\n", 1)
    assert [d for d in lint_text(split, [InconsistentYear]) if d.code == "DT002"] == []


SPIKE_LOOK_ALIKES = [
    # a forecast in the middle of a narrative
    "2008年，我县启动两基攻坚。到2023年，全县将实现全覆盖。2009年，顺利通过省级验收。",
    "2008年，我县启动两基攻坚，计划2023年全面完成。2009年，顺利通过省级验收。",
    # a paragraph not told in order (a digression), and an old year out of order
    "本片于2010年上映。2021年，电视台首播。2012年推出续集，2011年发行原声带。",
    "1903年12月26日，第一舰队编成。1944年2月25日解散。1903年12月28日，联合舰队成立。",
    # a history told in order
    "1949年新中国成立，1978年改革开放，2012年党的十八大召开，2017年进入新时代。",
]


@pytest.mark.parametrize(
    "text", [*SPIKE_LOOK_ALIKES, *(t.translate(_HALF) for t in SPIKE_LOOK_ALIKES)]
)
def test_no_spike_in_forecasts_digressions_and_histories(text):
    assert [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"] == []


# -- observances as era evidence ------------------------------------------------------------

TEACHERS_DAY = (
    "发布时间：2023-04-23 作者：会员上传\n"
    "今天是第27个教师节，我代表县委、县政府向全县教师致以节日的问候。\n"
    "过去的一年，全县教育工作取得了新成绩。2023年，我们要继续推进教育均衡发展。\n"
)


@pytest.mark.parametrize("text", _both([(TEACHERS_DAY,)]))
def test_a_text_written_for_the_nth_observance_is_dated_by_it(text):
    (text,) = text
    (d,) = _dt002(text)
    assert text[d.start : d.end] == "2023年" and "第27个教师节 (line 2)" in d.message
    assert "metadata year" in d.message


OBSERVANCE_LOOK_ALIKES = [
    # history: the first of them, and the theme of a later one
    "1974年6月5日是第一个世界环境日。2009年世界环境日的主题是应对气候变化。",
    # named without the occasion around it, and a leader's speech cited later
    "他曾在第27个教师节获得表彰。2023年，他调任县教育局。",
    "认真学习在第27个教师节上的重要讲话精神。2023年，我们要继续推进教育均衡发展。",
]


@pytest.mark.parametrize(
    "text", [*OBSERVANCE_LOOK_ALIKES, *(t.translate(_HALF) for t in OBSERVANCE_LOOK_ALIKES)]
)
def test_an_observance_mentioned_in_passing_dates_nothing(text):
    assert _dt002(text) == []


# -- since-ranges after the era -------------------------------------------------------------------

ERA = "热烈庆祝中国共产党成立90周年，全面谋划好“十二五”教育发展规划，深入开展创先争优活动。"


@pytest.mark.parametrize("text", _both([(ERA + "从2023年开始，我们先后参加了各项评比活动。",)]))
def test_a_since_range_cannot_start_after_the_era(text):
    (text,) = text
    (d,) = _dt002(text)
    assert text[d.start : d.end] == "2023年开始" and d.fix is None


@pytest.mark.parametrize(
    "text",
    [
        ERA + "从2008年开始，我们先后参加了各项评比活动。",  # history: before the era
        ERA + "2010年以来，我们先后参加了各项评比活动。",
    ],
)
def test_a_since_range_within_the_era_is_history(text):
    assert _dt002(text) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed absent")
@pytest.mark.parametrize("line", [16, 39])
def test_the_seeds_since_ranges_rewritten_are_reported(line):
    # the seed's 从2008年开始 (line 16) and 2008年来 (line 39), rewritten as the site would
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert "2008年" in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace("2008年", "2023年")
    rewritten = "\n".join(lines)
    rows = [Document(rewritten).position(d.start)[0] for d in _dt002(rewritten)]
    assert line in rows and {33, 41} <= set(rows)


@pytest.mark.parametrize(
    "text",
    _both(
        [
            (
                "我们深入开展创先争优活动。2010年，我县启动两基攻坚。2023年，全县小学入学率超过99%。2011年，顺利通过省级验收。",
            )
        ]
    ),
)
def test_a_spike_after_the_articles_era_is_a_warning(text):
    (text,) = text
    (d,) = _dt002(text)
    assert text[d.start : d.end] == "2023年" and "创先争优活动 (line 1)" in d.message
    assert d.fix is None


def test_a_spike_among_several_years_after_the_era_stays_a_note():
    text = (
        "我们深入开展创先争优活动。2010年，我县启动两基攻坚。2023年，全县小学入学率超过99%。"
        "2011年，顺利通过省级验收。2024年，全县继续巩固。"
    )
    found = [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]
    assert [d.severity for d in found] == [Severity.INFO]
