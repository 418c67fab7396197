"""Era evidence: every anchor type, the data file, config extensions and the era estimate."""

from __future__ import annotations

import pytest

from rules.dates.era import estimate
from rules.dates.evidence import (
    builtin_anchors,
    find_evidence,
    load_anchors,
    parse_extension,
)


def found(
    text: str, extra: tuple[str, ...] = ()
) -> list[tuple[str, str, object, object, object, float]]:
    """(anchor id, label, lo, hi, since, weight) of every mention in ``text``."""
    return [
        (e.anchor, e.label, e.lo, e.hi, e.since, e.weight)
        for e in find_evidence(text, load_anchors(extra))
    ]


def weighted(text: str) -> list[tuple[str, object, object]]:
    """(anchor id, lo, hi) of the mentions that claim a period."""
    return [(a, lo, hi) for a, _label, lo, hi, _since, w in found(text) if w > 0]


# -- the data file ---------------------------------------------------------------------


def test_every_anchor_has_a_source_and_valid_fields() -> None:
    anchors = builtin_anchors()
    assert len({a.id for a in anchors}) == len(anchors)
    for a in anchors:
        assert a.source.strip(), a.id
        assert a.names and all(n.strip() for n in a.names), a.id
        if a.type == "anniversary":
            assert a.base is not None
        elif a.type == "plan":
            assert a.start is not None and a.end is not None and a.start < a.end
        elif a.type == "period":
            assert a.start is not None
        else:
            assert a.year is not None


def test_the_issue_anchors_are_present() -> None:
    ids = {a.id for a in builtin_anchors()}
    for required in (
        "cpc-founding",
        "prc-founding",
        "reform-opening",
        "pla-founding",
        "may-fourth",
        "hong-kong-handover",
        "macau-handover",
        "war-victory",
        "long-march",
        "plan-10",
        "plan-11",
        "plan-12",
        "plan-13",
        "plan-14",
        "scientific-outlook-campaign",
        "chuangxian-zhengyou",
        "mass-line-campaign",
        "three-stricts",
        "two-studies-one-action",
        "original-aspiration-campaign",
        "party-history-education",
        "congress-18",
        "congress-19",
        "congress-20",
        "beijing-olympics",
        "wenchuan-earthquake",
        "covid-19",
        "education-outline-2010",
    ):
        assert required in ids


# -- anniversaries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "year"),
    [
        ("热烈庆祝中国共产党成立90周年", "cpc-founding", 2011),
        ("纪念建党九十周年", "cpc-founding", 2011),
        ("庆祝中国共产党成立 100 周年", "cpc-founding", 2021),
        ("新中国成立60周年", "prc-founding", 2009),
        ("庆祝中华人民共和国成立七十周年", "prc-founding", 2019),
        ("纪念改革开放40周年", "reform-opening", 2018),
        ("庆祝中国人民解放军建军90周年", "pla-founding", 2017),
        ("纪念五四运动100周年", "may-fourth", 2019),
        ("香港回归祖国20周年", "hong-kong-handover", 2017),
        ("澳门回归20周年", "macau-handover", 2019),
        ("纪念中国人民抗日战争暨世界反法西斯战争胜利70周年", "war-victory", 2015),
        ("纪念红军长征胜利80周年", "long-march", 2016),
        ("辛亥革命100周年", "xinhai-revolution", 2011),
    ],
)
def test_anniversary_places_the_text_in_base_plus_n(text: str, anchor: str, year: int) -> None:
    assert weighted(text) == [(anchor, year, year)]


def test_anniversary_label_keeps_the_verb() -> None:
    assert found("我们热烈庆祝中国共产党成立90周年")[0][1] == "热烈庆祝中国共产党成立90周年"


def test_anniversary_cited_as_a_speech_is_only_a_lower_bound() -> None:
    # quoted a year later: 学习……在庆祝中国共产党成立95周年大会上的重要讲话
    (item,) = found("学习习近平总书记在庆祝中国共产党成立95周年大会上的重要讲话")
    assert item[0] == "cpc-founding"
    assert item[5] == 0.0 and item[4] == 2015


def test_anniversary_as_a_target_is_ignored() -> None:
    assert found("到建党一百年时全面建成小康社会") == []
    assert found("在中国共产党成立一百周年时") == []


def test_unknown_anniversaries_are_ignored() -> None:
    assert found("庆祝建校60周年") == []
    assert found("结婚10周年") == []


def test_point_anchor() -> None:
    assert weighted("喜迎建党百年") == [("cpc-centenary", 2021, 2021)]


# -- five-year plans -------------------------------------------------------------------------


def test_plan_being_drafted_places_the_text_before_it() -> None:
    (item,) = found("全面谋划好“十二五”教育发展规划的重大任务")
    assert item[:4] == ("plan-12", "谋划好“十二五”教育发展规划", 2009, 2011)
    assert item[5] == 2.0
    assert weighted("科学编制十四五规划") == [("plan-14", 2019, 2021)]


def test_plan_first_and_last_year() -> None:
    assert weighted("今年是“十三五”开局之年") == [("plan-13", 2016, 2016)]
    assert weighted("今年是十三五规划收官之年") == [("plan-13", 2020, 2020)]


def test_plain_plan_mention_is_weak() -> None:
    (item,) = found("“十二五”期间,我市经济快速发展")
    assert item[0] == "plan-12" and item[5] == 0.5
    assert (item[2], item[3]) == (2009, 2015)


@pytest.mark.parametrize("text", ["十四五岁的少年", "二十一五个", "第十二五", "十五日", "十五个"])
def test_plan_look_alikes_are_not_plans(text: str) -> None:
    assert found(text) == []


def test_strict_plan_names_need_quotes_or_a_plan_word() -> None:
    assert weighted("“十五”期间") == [("plan-10", 1999, 2005)]
    assert weighted("十五计划") == [("plan-10", 1999, 2005)]
    assert found("十五岁") == []
    assert found("九五至尊") == []


# -- campaigns and policies --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "lo", "hi"),
    [
        ("深入开展创先争优活动", "chuangxian-zhengyou", 2010, 2012),
        ("开展“创先争优”活动", "chuangxian-zhengyou", 2010, 2012),
        ("深入学习实践科学发展观活动", "scientific-outlook-campaign", 2008, 2010),
        ("党的群众路线教育实践活动", "mass-line-campaign", 2013, 2014),
        ("“三严三实”专题教育", "three-stricts", 2015, 2016),
        ("“不忘初心、牢记使命”主题教育", "original-aspiration-campaign", 2019, 2020),
        ("扎实开展党史学习教育", "party-history-education", 2021, 2022),
        ("贯彻《国家中长期教育改革和发展规划纲要》", "education-outline-2010", 2010, 2020),
        ("“两基”迎“国检”", "two-basics", 2000, 2012),
    ],
)
def test_campaigns_place_the_text_in_their_period(text: str, anchor: str, lo: int, hi: int) -> None:
    assert weighted(text) == [(anchor, lo, hi)]


def test_campaign_without_its_context_is_only_a_lower_bound() -> None:
    (item,) = found("践行“三严三实”要求")
    assert item[0] == "three-stricts" and item[5] == 0.0 and item[4] == 2014
    (item,) = found("“两基”成果")
    assert item[0] == "two-basics" and item[5] == 0.0


def test_open_ended_campaign_is_a_lower_bound() -> None:
    (item,) = found("推进“两学一做”学习教育常态化制度化")
    assert item[0] == "two-studies-one-action"
    assert item[5] == 0.0 and item[4] == 2016


# -- lower bounds: congresses, plenums, events, coinages -----------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "since"),
    [
        ("认真学习党的十八大精神", "congress-18", 2011),
        ("深入贯彻党的十九大精神", "congress-19", 2016),
        ("党的二十大报告指出", "congress-20", 2021),
        ("十八届三中全会", "plenum-18-3", 2013),
        ("北京奥运会", "beijing-olympics", 2001),
        ("汶川特大地震", "wenchuan-earthquake", 2008),
        ("新冠肺炎疫情防控", "covid-19", 2020),
        ("“三个代表”重要思想", "three-represents", 2000),
    ],
)
def test_lower_bounds(text: str, anchor: str, since: int) -> None:
    items = [i for i in found(text) if i[0] == anchor]
    assert items, found(text)
    assert items[0][2:] == (None, None, since, 0.0)


def test_twenty_eight_is_not_the_twentieth_congress() -> None:
    assert found("二十八大类产品") == []
    assert found("全国二十大城市") == []


# -- config extensions ---------------------------------------------------------------------------


def test_extensions() -> None:
    point = parse_extension("本市建市50周年庆典=2019")
    assert (point.type, point.year, point.names) == ("point", 2019, ("本市建市50周年庆典",))
    period = parse_extension("某某专项行动=2018-2020")
    assert (period.type, period.start, period.end) == ("period", 2018, 2020)
    opened = parse_extension("某某行动=2018-")
    assert (opened.type, opened.start, opened.end) == ("period", 2018, None)
    bound = parse_extension("某某理念>=2017")
    assert (bound.type, bound.year) == ("bound", 2017)
    with pytest.raises(ValueError):
        parse_extension("no year here")


def test_extension_is_found() -> None:
    items = found("开展某某专项行动", ("某某专项行动=2018-2020",))
    assert [(i[0], i[2], i[3]) for i in items] == [("config:某某专项行动", 2018, 2020)]


# -- the era estimate ----------------------------------------------------------------------------


def era_of(text: str):
    return estimate(find_evidence(text, load_anchors()))


def test_era_combines_independent_anchors() -> None:
    era = era_of(
        "谋划好“十二五”教育发展规划。深入开展创先争优活动。"
        "贯彻《国家中长期教育改革和发展规划纲要》。"
    )
    assert era is not None
    assert (era.lo, era.hi) == (2010, 2011)
    assert era.support == 3.5
    assert era.is_strong(2.0, 5)
    assert era.agreeing[0].anchor == "plan-12"


def test_many_mentions_of_one_anchor_count_once() -> None:
    era = era_of("创先争优活动。" * 5)
    assert era is not None and era.support == 1.0
    assert not era.is_strong(2.0, 5)


def test_a_lower_bound_sets_aside_retrospective_mentions() -> None:
    # a text that names 十九大 recalls 创先争优活动: that campaign is not its present
    assert era_of("深入贯彻党的十九大精神。回顾创先争优活动的经验。") is None


def test_an_anniversary_pins_the_year() -> None:
    era = era_of("热烈庆祝中国共产党成立90周年。深入开展创先争优活动。")
    assert era is not None
    assert (era.lo, era.hi, era.pinned) == (2011, 2011, 2011)


def test_evidence_against_the_era() -> None:
    text = "庆祝新中国成立70周年。“不忘初心、牢记使命”主题教育。纪念改革开放40周年。"
    era = era_of(text)
    assert era is not None
    assert (era.lo, era.hi, era.support) == (2019, 2019, 3.0)
    assert [e.anchor for e in era.against] == ["reform-opening"]
    assert not era.is_strong(2.0, 5)  # 3 for, 2 against
    era = era_of(text + "纪念五四运动100周年。")
    assert era is not None and era.support == 5.0
    assert era.is_strong(2.0, 5)  # 5 for, 2 against


def test_a_mention_older_than_another_is_retrospective() -> None:
    # 群众路线教育实践活动 (2013–) sets the floor: the 2011 anniversary is recalled
    era = era_of("热烈庆祝中国共产党成立90周年。党的群众路线教育实践活动。")
    assert era is not None
    assert (era.lo, era.hi, era.against) == (2013, 2014, ())


def test_no_evidence_no_era() -> None:
    assert era_of("今天天气很好。") is None
    assert era_of("认真学习党的十八大精神") is None


# -- the traditional-character table ---------------------------------------------------------------


def test_traditional_table_is_one_to_one_and_sourced() -> None:
    from importlib import resources

    raw = resources.files("rules.dates").joinpath("data/traditional.tsv").read_text("utf-8")
    assert raw.startswith("# source: OpenCC")
    pairs = [line.split("\t") for line in raw.splitlines() if not line.startswith("#")]
    assert all(len(t) == len(s) == 1 and t != s for t, s in pairs)
    table = dict(pairs)
    assert (table["黨"], table["週"], table["創"], table["爭"]) == ("党", "周", "创", "争")


def test_traditional_table_is_up_to_date() -> None:
    """Rebuilding from the current sources gives the committed table (needs OpenCC)."""
    pytest.importorskip("opencc")
    from importlib import resources

    from rules.dates.build_traditional import build

    raw = resources.files("rules.dates").joinpath("data/traditional.tsv").read_text("utf-8")
    committed = [tuple(line.split("\t")) for line in raw.splitlines() if not line.startswith("#")]
    assert committed == build(), "run: python -m rules.dates.build_traditional"
