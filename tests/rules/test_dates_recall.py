"""DT002 recall on rewritten years (issue 11): the shapes a careful reader proves from the
text alone, each with real-looking look-alikes that must stay silent.

Every case runs with full-width punctuation and again with half-width punctuation.
"""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import lint_text
from rules.dates import InvalidDate
from tests.rules.dates_cases import HALF as _HALF
from tests.rules.dates_cases import RECENT as R
from tests.rules.dates_cases import both as _both
from tests.rules.dates_cases import dt002 as _dt002

# 。 stays: "." before a year reads as a decimal point


# -- chronology spikes whose neighbours need not agree --------------------------------------

SPIKES = [
    # numbered generations: the years must go forward with them
    f"{R - 60}年，第一代产品问世。{R - 50}年推出第二代，{R}年推出第三代，{R - 40}年推出第四代。",
    # a list of survey years, one out of order
    f"调查分别于{R - 20}年、{R - 18}年、{R}年、{R - 13}年和{R - 12}年进行。",
    # a biography: the jump past the later neighbour is wider than half their gap
    f"他{R - 60}年9月考入哈尔滨工业大学。{R}年，他回到家乡工作。{R - 30}年创立公司。",
    # neighbours that finish something (建成, 通车) are history once they are past
    f"该铁路于{R - 28}年11月批复立项，{R}年12月28日全线铺通，{R - 20}年6月建成试运营。",
    f"{R - 27}年4月3日动工，{R - 26}年4月28日完成地基工程，{R}年4月3日主体结构封顶，"
    f"至{R - 23}年10月建成启用。",
    # an aside three years back does not hide it (the order is read two years each side)
    f"{R - 40}年建厂。{R - 19}年获评先进企业，此前在{R - 20}年已通过认证。"
    f"{R - 18}年改制，{R}年上市，{R - 16}年更名。",
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
    # a design target in the year's clause, and a fact restated after a digression
    f"{R - 12}年11月21日，发改委批复迁建工程。本期工程按满足{R - 5}年旅客吞吐量12万人次、"
    f"货邮吞吐量480吨的目标设计，{R - 11}年5月开工。",
    f"该药于{R - 62}年首次发现。{R - 8}年的每毫升批发价约为0.05美元。该药由某人于{R - 62}年发现。",
    # a biography spanning decades, told in order
    f"他{R - 60}年出生，{R - 40}年参加工作，{R - 20}年任厂长，{R - 5}年退休，{R}年获终身成就奖。",
]


@pytest.mark.parametrize("text", _both(SPIKE_LOOK_ALIKES))
def test_no_spike_in_wide_passages_plans_ranges_and_citations(text):
    assert _dt002(text) == []


# -- a year glossed with an era's year --------------------------------------------------------

ERA_GLOSSES = [
    # (text, flagged year, the year the era's year fixes)
    ("车站于2023年（平成4年）重建，新站房启用。", "2023年", 1992),
    ("该剧于1984年（民国73年）3月28日至2024年（民国74年）2月27日间播出。", "2024年", 1985),
    ("民国9年（2023年），他考入北京大学，主修历史。", "2023年", 1920),
    ("2024年，即民国三十八年，全家迁往台北。", "2024年", 1949),
    ("明治四十年（2023年）该校改为高等学校。", "2023年", 1907),
]


@pytest.mark.parametrize(
    ("text", "flagged", "year"),
    [(t, f, y) for t, f, y in ERA_GLOSSES]
    + [(t.translate(_HALF), f, y) for t, f, y in ERA_GLOSSES if t.translate(_HALF) != t],
)
def test_a_year_its_era_gloss_contradicts_is_a_warning_with_a_fix(text, flagged, year):
    (d,) = _dt002(text, Severity.WARNING)
    assert text[d.start : d.start + len(flagged)] == flagged
    assert f"is {year}" in d.message and "(line 1)" in d.message
    assert d.fix is not None and d.fix.edits[0].replacement == str(year)


ERA_GLOSS_LOOK_ALIKES = [
    # right, the first year of an era, the year two eras share
    "车站于1992年（平成4年）重建，新站房启用。",
    "1912年（民国元年）1月1日，中华民国临时政府成立。",
    "1989年（昭和64年）1月7日天皇去世，次日改元平成。",
    "1926年（昭和元年）12月25日改元。",
    # a lunar year that runs into the next Gregorian one (one year of slack)
    "民国十六年（1926年）冬，他回到家乡办学。",
    # a range glossed by a range, and an era named but not as a gloss
    "1937年至1945年（民国26年至34年），学校迁往内地。",
    "2023年（距民国元年已有112年），学校举行校庆。",
    "2023年，民国时期的老建筑得到修缮，其中一座建于民国9年。",
]


@pytest.mark.parametrize("text", _both(ERA_GLOSS_LOOK_ALIKES))
def test_a_consistent_or_loose_era_gloss_is_left_alone(text):
    assert _dt002(text) == []


# -- a decade named by a year that does not end in 0 (DT001) ---------------------------------

ODD_DECADES = [
    ("2023年代初，组屋的出现才缓解了这一状况。", "2023年代"),
    ("该乐队在2024年代的台湾家喻户晓。", "2024年代"),
    ("他的创作集中在2023年代，代表作有三部。", "2023年代"),
    ("从2024年代至1990年代，这里一直是工业区。", "2024年代"),
    ("２０２３年代末，铁路停止使用。", "２０２３年代"),
]


@pytest.mark.parametrize(("text", "flagged"), ODD_DECADES)
def test_a_decade_named_by_a_year_not_ending_in_0_is_invalid(text, flagged):
    for t in {text, text.translate(_HALF)}:
        found = [d for d in lint_text(t, [InvalidDate]) if d.code == "DT001"]
        assert [t[d.start : d.end] for d in found] == [flagged]
        assert "not a valid decade" in found[0].message and found[0].fix is None


ODD_DECADE_LOOK_ALIKES = [
    "1970年代初，组屋的出现才缓解了这一状况。",  # a real decade
    "2023年代表大会在北京召开。",  # a year and 代表
    "2015年代理商数量增长了一倍。",
    "2019年代课教师全部转正。",
    "2023年代际公平问题受到关注。",
    "“2023年代”是一种错误的说法。",  # talked about
    "编号12023年代的产品",  # not a year
]


@pytest.mark.parametrize("text", _both(ODD_DECADE_LOOK_ALIKES))
def test_a_year_before_a_word_starting_with_dai_is_no_decade(text):
    assert [d for d in lint_text(text, [InvalidDate]) if d.code == "DT001"] == []


# -- a range written backwards ------------------------------------------------------------------

REVERSED_RANGES = [
    (f"及后她于{R - 1}年-2001年间与他相恋，后来分手。", f"{R - 1}年"),
    (f"展览于{R}年12月至2001年1月在市博物馆举行。", f"{R}年12月"),
    (f"{R}年到1998年，他在当地一所中学任教。", f"{R}年"),
]


@pytest.mark.parametrize(("text", "flagged"), REVERSED_RANGES)
def test_a_range_that_ends_before_it_starts_is_a_warning(text, flagged):
    for t in {text, text.translate(_HALF)}:
        (d,) = _dt002(t, Severity.WARNING)
        assert t[d.start : d.end] == flagged and "opens a range that ends in" in d.message
        assert d.fix is None


RANGE_LOOK_ALIKES = [
    f"及后她于2001年-{R - 1}年间与他相恋，后来分手。",
    f"{R - 1}年—{R}年赛季，球队获得联赛冠军。",
    f"{R}年到了，1998年入学的同学们重聚一堂。",  # 到了: no range
]


@pytest.mark.parametrize("text", _both(RANGE_LOOK_ALIKES))
def test_a_forward_range_or_a_list_is_no_reversed_range(text):
    assert _dt002(text) == []


@pytest.mark.parametrize("text", _both([f"{R}年、1998年和2005年，他三次获得该奖。"]))
def test_a_list_out_of_order_is_no_reversed_range_only_a_note(text):
    # a list is no range; a list of years out of order is only worth a note (year-list)
    assert _dt002(text, Severity.WARNING) == []
    assert all("list of years" in d.message for d in _dt002(text))


# -- a span from a year to the present, counted ---------------------------------------------

SPANS_TO_NOW = [
    (f"“美的”从{R - 3}年诞生到现在，短短26年就已经是一个全国知名的品牌。", f"{R - 3}年"),
    (f"自{R - 3}年6月24日到加拿大，这是我8年来首次举办个人独奏音乐会。", f"{R - 3}年6月24日"),
    (f"刘丽{R - 2}年至今已有12年一直在厦门一家工厂打工。", f"{R - 2}年至今"),
    (f"从{R - 2}年我们第一次见面到现在已经快十年了。", f"{R - 2}年"),
]


@pytest.mark.parametrize(("text", "flagged"), SPANS_TO_NOW)
def test_a_span_to_the_present_that_ends_in_the_future_is_a_warning(text, flagged):
    for t in {text, text.translate(_HALF)}:
        (d,) = _dt002(t, Severity.WARNING)
        assert t[d.start : d.end] == flagged and "puts the present in" in d.message
        assert d.fix is None


SPAN_LOOK_ALIKES = [
    f"从{R - 25}年到现在，已经有26年了。",  # consistent
    f"从{R - 2}年到现在，快两年了。",
    f"从{R - 5}年到现在，他已经有30年教龄。",  # a count of something else
    f"{R - 3}年至今，这项活动已举办20届。",  # editions may be more than one a year
    f"{R - 2}年，他说：这是我十年来第一次回国。",  # N年来 without 从/自
    f"他{R - 2}年入职。到现在，已有12年工龄的老员工都来祝贺。",  # another sentence
    f"发布时间：{R - 10}-05-01\n从{R - 30}年到现在，已有20年。",  # a dated page
]


@pytest.mark.parametrize("text", _both(SPAN_LOOK_ALIKES))
def test_a_span_to_the_present_that_fits_is_left_alone(text):
    assert _dt002(text) == []


# -- games dated by their venue, their end, or a sentence of their own ------------------------

GAMES = [
    ("国家体育场是2023年北京奥运会主体育场，形态像鸟巢。", "2023年", "北京奥运会"),
    ("因为2024年悉尼奥运会比完以后，她的母亲就病倒了。", "2024年", "悉尼奥运会"),
    ("2023年上海世界博览会闭幕式在世博文化中心隆重举行。", "2023年", "上海世界博览会"),
    ("2023年，奥运会在英国伦敦举行。在场馆的选址上，英国人做出了创新。", "2023年", "奥运会"),
]


@pytest.mark.parametrize(("text", "flagged", "cited"), GAMES)
def test_games_dated_by_their_venue_or_their_own_sentence(text, flagged, cited):
    for t in {text, text.translate(_HALF)}:
        (d,) = _dt002(t, Severity.WARNING)
        assert t[d.start : d.end] == flagged and f"{cited} (line 1) was held in" in d.message


GAMES_LOOK_ALIKES = [
    "国家体育场是2008年北京奥运会主体育场，形态像鸟巢。",
    "2012年，奥运会在英国伦敦举行。在场馆的选址上，英国人做出了创新。",
    "2023年，奥运会在北京举行的场馆向公众开放。",  # the venue of games held before
    "2023年，奥运会举行过的场馆全部向市民开放。",
    "2019年，上海世界博览会的旧址改建为公园。",
]


@pytest.mark.parametrize("text", _both(GAMES_LOOK_ALIKES))
def test_games_named_in_a_later_year_are_left_alone(text):
    assert _dt002(text) == []


# -- ages said of years, against the birth year ---------------------------------------------------

AGES = [
    # the birth year is the later one: it is reported
    (
        f"{R - 25}年10月20日，中国18岁的钢琴家王晓在国际比赛中夺冠。王晓{R}年出生于重庆市。",
        f"{R}年",
        "puts the birth in",
    ),
    # the year of the age is the later one
    (
        f"{R}年10月20日，中国18岁的钢琴家王晓在国际比赛中夺冠。王晓{R - 43}年出生于重庆市。",
        f"{R}年10月20日",
        f"with the birth year {R - 43}",
    ),
    # ages glossed with years, against the birth year
    (
        f"他生于{R - 63}年。19岁时（{R - 44}年）进入出版社。21岁时（{R - 42}年）开始连载。"
        f"33岁时（{R}年）出版画集。",
        f"{R}年",
        f"with the birth year {R - 63}",
    ),
    (
        f"{R - 30}年，也就是他22岁那年，他辞职创业。他生于{R}年，从小喜欢机械。",
        f"{R}年",
        "puts the birth in",
    ),
]


@pytest.mark.parametrize(("text", "flagged", "said"), AGES)
def test_an_age_that_contradicts_the_birth_year_is_a_warning(text, flagged, said):
    for t in {text, text.translate(_HALF)}:
        (d,) = _dt002(t, Severity.WARNING)
        assert t[d.start : d.end] == flagged and said in d.message and d.fix is None


AGE_LOOK_ALIKES = [
    f"{R - 25}年10月20日，中国18岁的钢琴家王晓在国际比赛中夺冠。王晓{R - 43}年出生于重庆市。",
    # someone else's age: a spouse, a child, a child's birth
    f"他{R - 70}年出生。{R - 40}年，他与22岁的李芳结婚。",
    f"他{R - 70}年出生。{R - 30}年，他8岁的儿子考上了少年班。",
    f"严华于{R - 20}年结婚。{R - 30}年，16岁的严华签约电视台，他的儿子于{R - 15}年出生。",
    # ages that agree; ages without a birth year are not judged against each other
    f"19岁时（{R - 44}年）进入出版社。21岁时（{R - 42}年）开始连载。22岁时（{R - 41}年）获奖。",
    f"19岁时（{R - 44}年）进入出版社。33岁时（{R}年）出版画集。",
    f"19岁时（{R - 44}年）进入出版社。21岁时（{R - 42}年）开始连载。"
    f"22岁时（{R - 41}年）获奖。33岁时（{R}年）出版画集。",
    # different people's ages, one of them out of step with the others
    f"{R - 11}年，18岁的张三获奖。{R - 9}年，20岁的李四获奖。{R - 7}年，22岁的王五获奖。"
    f"{R}年，19岁的新秀赵六获奖。",
]


@pytest.mark.parametrize("text", _both(AGE_LOOK_ALIKES))
def test_ages_of_others_or_without_a_birth_year_are_left_alone(text):
    assert _dt002(text) == []


def test_an_old_year_out_of_place_among_ages_is_only_a_note():
    # a typo in an old biography, not a rewrite (rewrites make years recent)
    text = (
        "他生于1962年。33岁时（1995年）出版画集。34岁时（1996年）连载。"
        "35岁时（2002年）获奖。36岁时（1998年）出版。"
    )
    found = _dt002(text)
    assert [(text[d.start : d.end], d.severity) for d in found] == [("2002年", Severity.INFO)]


# -- editions of one series go forward in time ---------------------------------------------------

EDITION_ORDER = [
    (
        f"他获得过第七届（{R - 55}年）和第十一届（{R}年）影视金像奖最佳男主角，现居美国。",
        f"{R}年",
        "leaves 4 editions of 影视金像奖 for 55 years",
    ),
    (
        f"他曾获第三届青年艺术节（{R - 50}年）金奖和第四届青年艺术节（{R}年）银奖。",
        f"{R}年",
        "leaves one edition of 青年艺术节",
    ),
    (
        f"{R}年第三届青年艺术节在北京举行。{R - 45}年第四届青年艺术节在上海举行。",
        f"{R}年",
        "is a later edition of 青年艺术节, held before it",
    ),
    # the same body before 第N届, once with a province's prefix
    (
        f"中国作家协会第八届理事会（{R - 5}年）召开。中国作家协会第五届理事会（{R}年）召开。",
        f"{R}年",
        "is a later edition of 理事会, held before it",
    ),
    (
        f"省作家协会第八届理事会（{R - 5}年）召开。作家协会第五届理事会（{R}年）召开。",
        f"{R}年",
        "is a later edition of 理事会, held before it",
    ),
]


@pytest.mark.parametrize(("text", "flagged", "said"), EDITION_ORDER)
def test_editions_out_of_order_or_too_far_apart_are_a_warning(text, flagged, said):
    for t in {text, text.translate(_HALF)}:
        (d,) = _dt002(t, Severity.WARNING)
        assert t[d.start : d.end] == flagged and said in d.message and d.fix is None


EDITION_LOOK_ALIKES = [
    # a hiatus of a war: one edition twelve years after the last
    "1930年第一届青年杯赛在乌拉圭举行。"
    "1938年第三届青年杯赛在法国举行，1950年第四届青年杯赛在巴西举行。",
    # a biennial series over decades, and two series of one name's start
    f"第一届（{R - 60}年）和第三十届（{R - 2}年）双年展均在威尼斯举办。",
    f"他获得过第七届（{R - 55}年）电影节金奖和第十一届（{R}年）戏剧节金奖。",
    # a biography naming editions of one annual event, in order
    f"{R - 20}年第五届青年艺术节他获铜奖，{R - 10}年第十五届青年艺术节他获金奖。",
    # one generic name after 第N届, two bodies before it
    f"省作家协会第八届理事会（{R - 5}年）召开。中国作家协会第五届理事会（{R}年）召开。",
    f"他当选省作家协会第八届理事会（{R - 5}年）理事，中国作家协会第五届理事会（{R}年）委员。",
]


@pytest.mark.parametrize("text", _both(EDITION_LOOK_ALIKES))
def test_editions_in_order_and_other_series_are_left_alone(text):
    assert _dt002(text) == []


def test_an_old_edition_too_far_from_the_last_is_only_a_note():
    text = (
        "1930年第一届青年杯赛在乌拉圭举行。"
        "1938年第三届青年杯赛在法国举行，1970年第四届青年杯赛在巴西举行。"
    )
    found = _dt002(text)
    assert [(text[d.start : d.end], d.severity) for d in found] == [("1970年", Severity.INFO)]
