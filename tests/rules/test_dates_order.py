"""DT002: stages of one thing told out of order, and the other shapes of issue 11 that
need no probe word (a start dated after a later stage, seasons, decades, held events,
relative references past the present).

Every case runs with full-width punctuation and again with half-width punctuation.
"""

from __future__ import annotations

import pickle
import re

import pytest

from lint import Document, Severity
from lint.linter import check_document
from lint.testing import lint_text
from rules.dates import RULES, InconsistentYear, InvalidDate
from rules.dates.order import (
    _ALL_SHAPES,
    INCIDENT_CHARACTERS,
    INCIDENT_LITERALS,
    _order_shapes,
    _shapes,
    incidents,
    order_shapes,
)
from tests.linearity import assert_linear, repeated
from tests.rules.dates_cases import HALF as _HALF
from tests.rules.dates_cases import RECENT as R
from tests.rules.dates_cases import both as _both
from tests.rules.dates_cases import dt002 as _dt002

# -- a start dated after a later stage of the same thing ----------------------------------

# (text, the reported year)
STAGE_FLAGGED = [
    # a body founded after its name stopped being used
    (
        "该商会创立于2023年3月12日，初名为南洋商会，该名称沿用至1979年5月2日，其后改为现名。",
        "2023年",
    ),
    # works started after they were handed over
    ("该站于2022年4月2日开工，2008年6月30日交付运营，是全线最大的车站。", "2022年"),
    # born after graduating; the later sentence opens with its year
    (
        "刘明远，2024年生于湖北宜昌，祖籍江西九江。1985年毕业于武汉大学中文系，后任教于本校。",
        "2024年",
    ),
    # a programme made after its rerun (the later sentence opens with 曾经)
    ("《城中旧事》是本台2023年制作的纪录节目。曾经在1996年于二台重播。", "2023年"),
    # a company founded after it was restructured (the later sentence opens with 于)
    ("海星科技成立于2024年5月8日，是一家民营企业。于1997年重组，次年在深圳上市。", "2024年"),
    # a building opened before it was completed
    ("江景酒店位于滨江路，于2023年落成，1988年3月1日开业，共有客房四百间。", "2023年"),
    # a game's budget edition before the game
    ("《夏夜》是星火社于2024年1月26日发售的冒险游戏。2011年6月18日发售廉价版。", "2024年"),
    # works approved after they were finished
    ("大莱龙铁路于2024年11月批复立项，2002年12月28日全线铺通，2005年6月建成试运营。", "2024年"),
    # an administrative unit set up after it was renamed
    ("罗店镇辖境于2023年始设罗店管理区，1979年改为罗店人民公社，1983年撤销人民公社。", "2023年"),
    # a product first shown after it went on sale
    ("64DD首次登场是在2023年的展览会，一路延迟到1999年12月1日才正式上市。", "2023年"),
    # a line stopped after it reopened
    ("北段于2023年10月15日起一度停运。2012年12月底北段重新开通，恢复直达服务。", "2023年"),
]

STAGE_SILENT = [
    # in order
    "该商会创立于1953年3月12日，初名为南洋商会，该名称沿用至1979年5月2日，其后改为现名。",
    "该站于2004年4月2日开工，2008年6月30日交付运营，是全线最大的车站。",
    # a second subject in the next sentence: its own stages
    "东线于2010年5月动工，2015年9月28日通车。西线全长175公里，共设10个车站，"
    "2005年6月28日正式投入运营。",
    # another start between them: another body's stages
    "新华书店成立于2001年。老字号书局创办于1921年，1956年改名为古籍书店。",
    # a parent's or a predecessor's stage
    "王晓燕2022年生于杭州。其父1985年毕业于浙江大学，母亲是一名教师。",
    "该公司成立于2000年，其前身于1993年重组，后并入集团。",
    # a thing named by its stage (1995年上市的…): another thing
    "新公司成立于2003年，收购了1995年上市的华星电器。",
    # a plan: not a stage that happened
    "该项目计划于2025年开工，预计2019年完成可研，目前仍在论证。",
    # a history that starts with a later stage and goes back
    "1998年，大楼交付使用。此前的1995年，工程已经动工。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in STAGE_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in STAGE_FLAGGED if t.translate(_HALF) != t],
)
def test_a_start_after_a_later_stage_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    d = found[0]
    assert text[d.start : d.end].startswith(year)
    assert "later stage" in d.message and "(line 1)" in d.message
    assert d.fix is None  # the original year is unknown


@pytest.mark.parametrize("text", _both(STAGE_SILENT))
def test_stages_in_order_or_of_another_subject_stay_silent(text: str) -> None:
    assert _dt002(text) == []


def test_a_stage_in_a_later_paragraph_is_not_linked() -> None:
    text = "该商会创立于2023年3月12日。\n另一商会的名称沿用至1979年5月2日。"
    assert _dt002(text) == []


def test_stage_order_survives_pickling() -> None:
    rule = InconsistentYear()
    rule.settings = {o.name: o.default for o in rule.options}
    rule.setup()
    copy = pickle.loads(pickle.dumps(rule))
    text = STAGE_FLAGGED[0][0]
    assert [d.start for d in lint_text(text, [copy])] == [d.start for d in _dt002(text)]


# -- an event named by its year, held in another -------------------------------------------

NAMED_FLAGGED = [
    # the name's year was rewritten: held years before it
    ("由江南大学主办的“2023年中日环境科学国际研讨会”将于2012年10月17日在无锡举行。", "2023年"),
    ("2024年巴西总统选举在2010年10月3日举行，共有十一人参选。", "2024年"),
    # the held year was rewritten: years after the name
    ("2009年全国青年歌手大奖赛于2023年8月在北京举行，共有三百名选手参赛。", "2023年"),
    ("2023年夏季运动会男子100米赛事在2008年8月15日在国家体育场举行。", "2023年"),
]

NAMED_SILENT = [
    "由江南大学主办的“2012年中日环境科学国际研讨会”将于2012年10月17日在无锡举行。",
    # named by a season or a year's work: held the next year
    "2010年全国工作会议于2011年1月在北京召开。",
    "2020年东京奥运会于2021年7月23日开幕。",
    # a New Year's Eve gala is named by the year it greets
    "2024年跨年晚会于2023年12月31日在体育馆举行。",
    # an event about another one, held before it
    "2022年冬奥会测试赛于2021年举行。",
    "2024年博览会新闻发布会于2022年11月在上海召开。",
    # a year's review
    "2019年度总结表彰大会于2021年1月召开。",
    # two clauses: not one name
    "2008年，第一届论坛在北京举行。2015年，论坛于2012年确定的新址召开。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in NAMED_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in NAMED_FLAGGED if t.translate(_HALF) != t],
)
def test_an_event_held_outside_its_named_year_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    assert text[found[0].start : found[0].end].startswith(year)
    assert "(line 1)" in found[0].message and "named by" in found[0].message


@pytest.mark.parametrize("text", _both(NAMED_SILENT))
def test_an_event_held_in_or_next_to_its_year_stays_silent(text: str) -> None:
    assert _dt002(text) == []


# -- a decade named by a year not ending in 0, before any word (DT001) --------------------


@pytest.mark.parametrize(
    "text", ["2024年代亦是残部与军队作战的战场。", "牛车水拥挤，2023年代也是如此。"]
)
def test_a_decade_before_a_verb_is_invalid(text: str) -> None:
    found = [d for d in lint_text(text, [InvalidDate]) if d.code == "DT001"]
    assert len(found) == 1 and "not a valid decade" in found[0].message


@pytest.mark.parametrize(
    "text", ["1960年代亦是战场。", "2019年代表团抵达北京。", "2015年也是丰收年。"]
)
def test_decades_and_years_before_代_words_stay_valid(text: str) -> None:
    assert [d for d in lint_text(text, [InvalidDate]) if d.code == "DT001"] == []


# -- N years later, told as past, after the present ----------------------------------------

LATER_FLAGGED = [
    (f"晚年的她转向写作。{R}年，她出版了回忆录《岁月》，4年后，推出散文集《边上》。", f"{R}年"),
    (f"他{R}年7月因病去世。30年后他的儿子亦被选为总统。", f"{R}年"),
]

LATER_SILENT = [
    "晚年的她转向写作。2003年，她出版了回忆录《岁月》，4年后，推出散文集《边上》。",
    # a forecast, a wish, a condition
    "2023年他创办了公司。5年后，公司将在纳斯达克上市。",
    "2024年，他们种下了树苗，希望10年后，这里绿树成荫。",
    "2023年开工建设。如果顺利，6年后全线通车。",
    # a span that ends at the year: 时隔, 运营…后
    "2023年6月1日，首条有轨电车在运营13年后正式停运。",
    "2022年，球队在时隔24年后重新打进决赛圈。",
    # a gloss (the relative signal reads it) and an anchor in an older sentence
    "2021年，他考入大学。三年后的2024年，他毕业了。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in LATER_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in LATER_FLAGGED if t.translate(_HALF) != t],
)
def test_years_later_past_the_present_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    assert text[found[0].start : found[0].end].startswith(year)
    assert "年后" in found[0].message and "(line 1)" in found[0].message


@pytest.mark.parametrize("text", _both(LATER_SILENT))
def test_years_later_in_forecasts_and_spans_stay_silent(text: str) -> None:
    assert _dt002(text) == []


# -- a span 从Y到Z, reversed or miscounted --------------------------------------------------

SPAN_FLAGGED = [
    ("从2024年到1960年，他就读于斯沃斯莫尔学院，1960年获得学士学位。", "2024年"),
    ("从2023年公司成立到2005年这10年间，其产品价格提高了4倍。", "2023年"),
    # the end rewritten: the text's own count of years fixes it
    ("从1995年公司成立到2024年这10年间，其产品价格提高了4倍。", "2024年"),
    ("该所成立于1998年。自2001年至2023年的整整12年间，该所培养了三百名研究生。", "2023年"),
    # 由…起…至: a span too
    ("他1952年生于马来西亚。他由2024年起驻守蝴蝶湾担任救生员至2003年。", "2024年"),
    # a season spans a year and the next
    ("骑士队表现差劣，足协亦于2006-2024年球季尾段决定褫夺其资格。2007年1月球队解散。", "2024年"),
    ("1991/1992马季起设立三冠大赛。2014/2023年马季起升格为国际一级赛。", "2023年"),
]

SPAN_SILENT = [
    "从1956年到1960年，他就读于斯沃斯莫尔学院，1960年获得学士学位。",
    "从1995年公司成立到2005年这10年间，其产品价格提高了4倍。",
    # 多/余: not a count
    "从1995年到2023年这20多年间，其产品价格提高了4倍。",
    # not one span: another sentence, or no 到/至 right before the year
    "从2024年起，新规开始施行。到1990年，该镇已有三千户。",
    "从2024年开始实施的新规，与2001年的旧规不同。",
    "他由1979年起驻守蝴蝶湾担任救生员至2003年。",
    "2006-2007年球季，球队解散。2014/2015年马季起升格为国际一级赛。",
    # a plan of several years is no season
    "2001-2005年度计划已经完成，2006年开始新的规划。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in SPAN_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in SPAN_FLAGGED if t.translate(_HALF) != t],
)
def test_a_reversed_or_miscounted_span_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    assert text[found[0].start : found[0].end].startswith(year)
    assert "(line 1)" in found[0].message
    assert "span" in found[0].message or "季" in found[0].message


@pytest.mark.parametrize("text", _both(SPAN_SILENT))
def test_spans_in_order_and_counted_right_stay_silent(text: str) -> None:
    assert _dt002(text) == []


# -- a chronology spike dated like a target (于/在, 建成) but told as past ---------------------

SPIKE_PAST = [
    # 于/在 date an event in a passage told in order
    f"霍顿{R - 20}年成为主教练。霍顿在{R}年5月担任国家队主教练一职。{R - 17}年，他帮助球队夺冠。",
    f"该馆{R - 30}年动工，于{R}年7月6日举行开幕仪式，{R - 25}年扩建。",
    # done, with a past marker
    f"大桥{R - 40}年完成设计，{R}年建成了主桥，{R - 35}年全线通车。",
    # 到了 (when it came to) is no target
    f"{R - 60}年，车厂已不敷应用。{R - 45}年，厂内曾发生纠纷。到了{R}年，公司决定扩建车厂。"
    f"车厂于{R - 36}年3月30日搬往屈地街。",
    # an aside two places after it (a date recalled) does not hide it
    f"{R - 17}年11月，他打进首球。{R - 15}年2月，他转会加盟泰达。{R}年4月14日，他首次代表泰达出场。"
    f"{R - 14}年，球队用回他的本名。{R - 15}年6月4日，他首次入选国家队。",
    # a step dated with 起 among the steps of a narrative
    f"赛程最初为2200米，{R - 40}年缩程至1800米，{R}年起增程至2200米，{R - 25}年起增程至2400米。",
]

SPIKE_TARGET = [
    # a plan in the sentence before the year (将, 未来)
    f"协定于{R - 18}年7月通过，将在未来11年逐步实施，于{R}年完全落实。{R - 17}年，首批关税取消。",
    # done without a past marker: a target
    f"{R - 30}年开始规划。计划{R}年建成，{R - 28}年已完成选址。",
    # 到 before the year
    f"{R - 20}年开始试点，到{R}年全面推开，{R - 18}年扩大到全省。",
    # 起 in a sentence that is a plan
    f"{R - 20}年试点。按照规划，{R}年起全面推开。{R - 18}年扩大到全省。",
]


@pytest.mark.parametrize("text", _both(SPIKE_PAST))
def test_a_spike_dated_with_于_or_done_is_noted(text: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.INFO], found
    assert text[found[0].start : found[0].end].startswith(str(R))
    assert "in a passage told in order" in found[0].message


@pytest.mark.parametrize("text", _both(SPIKE_TARGET))
def test_a_spike_that_is_a_target_stays_silent(text: str) -> None:
    assert _dt002(text) == []


# -- a forecast that bounds the present ------------------------------------------------------

FORECAST_FLAGGED = [
    ("火葬场于2023年启用，位于大潭峡。食环署分两阶段重建火葬场，预计2014年12月完成。", "2023年"),
    ("该网站于2024年1月上线运行，并陆续完善。根据要求，该网站将于2009年5月正式启用。", "2024年"),
    ("他于2023年加入剧团，已演出两百场，新作预定于2011年发售。", "2023年"),
]

FORECAST_SILENT = [
    "火葬场于1962年启用，位于大潭峡。食环署分两阶段重建火葬场，预计2014年12月完成。",
    # a plan recalled, or one that slipped
    "火葬场于2016年重建完成。原计划2014年12月完成，因故推迟。",
    "新馆原定于2009年开放，但直到2012年才开幕。",
    # the text is later than its plan: several years after it
    "一期预计2008年底发射。二号于2010年9月发射升空，三号于2011年6月发射升空。",
    # the later year is itself a plan, or not told as past
    "一期预计2014年完成，二期2018年开始建设。",
    "一期预计2014年完成，2023年将全面建成。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in FORECAST_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in FORECAST_FLAGGED if t.translate(_HALF) != t],
)
def test_a_year_past_the_texts_forecast_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    assert text[found[0].start : found[0].end].startswith(year)
    assert "forecast" in found[0].message and "(line 1)" in found[0].message


@pytest.mark.parametrize("text", _both(FORECAST_SILENT))
def test_stale_plans_and_later_texts_stay_silent(text: str) -> None:
    assert _dt002(text) == []


# -- years listed out of order (a note) -------------------------------------------------------

LIST_NOTED = [
    ("刚到巴黎的时候，在2023年、2002年的时候，家庭对烤箱还不太熟悉。", "2023年"),
    ("调查分别在1998年、2024年和2005年进行。", "2024年"),
]

LIST_SILENT = [
    "刚到巴黎的时候，在2001年、2002年的时候，家庭对烤箱还不太熟悉。",
    "调查分别在1998年、2001年和2005年进行。",
    # 和 alone is no list: two events
    "他2010年入学和2008年参军的经历都写进了档案。",
    # dates with months are not a list of years
    "会议于2012年3月、2009年5月两次召开。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in LIST_NOTED]
    + [(t.translate(_HALF), y) for t, y in LIST_NOTED if t.translate(_HALF) != t],
)
def test_a_list_of_years_out_of_order_is_a_note(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.INFO], found
    assert text[found[0].start : found[0].end].startswith(year)
    # (a chronology spike's note, when the list goes on, says the same with its neighbours)
    assert "list of years" in found[0].message or "told in order" in found[0].message


@pytest.mark.parametrize("text", _both(LIST_SILENT))
def test_lists_in_order_and_pairs_that_are_no_list_stay_silent(text: str) -> None:
    assert _dt002(text) == []


# -- gates and linearity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        (STAGE_FLAGGED[0][0], "stage-order"),
        (NAMED_FLAGGED[0][0], "named-event"),
        (LATER_FLAGGED[0][0], "years-later"),
        (SPAN_FLAGGED[0][0], "since-span"),
        (SPAN_FLAGGED[3][0], "since-span"),
        (FORECAST_FLAGGED[0][0], "forecast"),
        (LIST_NOTED[0][0], "year-list"),
    ],
)
def test_the_gate_lets_each_shape_through(text: str, shape: str) -> None:
    assert shape in order_shapes(Document(text))


@pytest.mark.parametrize(
    "text",
    [
        "2019年，全市召开会议部署工作，2020年，继续推进。",  # years in order, no shape
        "该站于2004年4月2日开工，2008年6月30日交付运营。",
        "没有年份的一段文字，只说三年后再见。",
    ],
)
def test_the_gate_turns_away_texts_without_any_shape(text: str) -> None:
    assert order_shapes(Document(text)) == frozenset()


def _shape_texts() -> list[str]:
    """Every text of this module's tables, each also with its years spaced (2023 年) and
    full-width, and after a 年后 clause."""
    tables = (
        STAGE_FLAGGED,
        STAGE_SILENT,
        NAMED_FLAGGED,
        NAMED_SILENT,
        LATER_FLAGGED,
        LATER_SILENT,
        SPAN_FLAGGED,
        SPAN_SILENT,
        FORECAST_FLAGGED,
        FORECAST_SILENT,
        LIST_NOTED,
        LIST_SILENT,
        INCIDENT_FLAGGED,
        INCIDENT_SILENT,
    )
    texts = [row if isinstance(row, str) else row[0] for table in tables for row in table]
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    out = []
    for text in texts:
        out += [text, text.translate(_HALF), text.translate(wide), "三年后，" + text]
        out.append(re.sub(r"([0-9]{4})年", r"\1 年", text, count=1))
    return out


def test_the_screen_before_the_years_pass_keeps_every_shape() -> None:
    # the literal looks before the years pass are necessary conditions: the shapes are
    # those of the full pass over every year
    for text in _shape_texts():
        doc = Document(text)
        assert _order_shapes(doc) == _shapes(doc, _ALL_SHAPES), text


# name -> (head, unit repeated, tail): every unit holds its shape, on one line
ORDER_INPUTS = {
    "stage-orders": ("", "该站于2023年4月2日开工，2008年6月30日交付运营，", "\n"),
    "starts-without-later-stages": ("", "2023年成立，2021年，", "\n"),
    "named-events": ("", "2024年研讨会将于2011年举行，", "\n"),
    "years-later": ("", "2023年，她出版了书，4年后，推出散文集，", "\n"),
    "since-spans": ("", "从2024年到1960年，从2001年至2023年的12年间，", "\n"),
    "forecasts": ("", "于2023年启用，预计2014年完成，", "\n"),
    "year-lists": ("", "2023年、2002年、", "\n"),
    "spikes-dated-with-于": ("", "2000年，于2023年启用，2001年，", "\n"),
    # one endless sentence: every window is bounded, never the sentence
    "stage-orders-one-sentence": ("", "该站于2023年开工2008年交付运营", "\n"),
    "years-later-one-sentence": ("2023年", "，4年后推出散文集", "\n"),
    "since-spans-one-sentence": ("", "从2024年到1960年从2001年至2023年的12年间", "\n"),
    "forecasts-one-sentence": ("", "于2023年启用预计2014年完成", "\n"),
}


@pytest.mark.parametrize("name", ORDER_INPUTS)
def test_the_order_signals_are_linear(name: str) -> None:
    rules = [cls() for cls in RULES]
    assert_linear(
        lambda text: check_document(Document(text), rules),
        lambda size: repeated(*ORDER_INPUTS[name], size),
        small=16_000,
    )


# -- incidents of one known year -------------------------------------------------------------

INCIDENT_FLAGGED = [
    ("男：2024年，汶川地震发生后，看到灾区的悲惨景象，她就想帮助那里的人。", "2024年"),
    ("1968年6月5日，参议员遇刺身亡。2023年911事件后，美国政府成立国土安全部。", "2023年"),
    ("2023年汶川地震中，他失去了双亲。", "2023年"),
]

INCIDENT_SILENT = [
    "男：2008年，汶川地震发生后，看到灾区的悲惨景象，她就想帮助那里的人。",
    "2002年911事件后，美国政府成立国土安全部。",  # after it: the next year too
    # a time measured from it, or something named after it
    "2018年，汶川地震十周年之际，记者重访映秀。",
    "2011年，汶川地震发生后三年，新城落成。",
    "2009年汶川地震灾后重建全面展开。",
    "2020年香港回归后的第23年，经济稳定。",
    "2017年是香港回归20周年。",
]


@pytest.mark.parametrize(
    ("text", "year"),
    [(t, y) for t, y in INCIDENT_FLAGGED]
    + [(t.translate(_HALF), y) for t, y in INCIDENT_FLAGGED if t.translate(_HALF) != t],
)
def test_a_year_before_an_incident_of_another_year_is_a_warning(text: str, year: str) -> None:
    found = _dt002(text)
    assert [d.severity for d in found] == [Severity.WARNING], found
    assert text[found[0].start : found[0].end].startswith(year)
    assert "happened in" in found[0].message and "(line 1)" in found[0].message


@pytest.mark.parametrize("text", _both(INCIDENT_SILENT))
def test_incidents_measured_from_or_named_after_stay_silent(text: str) -> None:
    assert _dt002(text) == []


def test_every_incident_has_a_source_and_a_literal_of_the_gate() -> None:
    rows, _, _ = incidents()
    assert rows
    for row in rows:
        assert row.source and 1900 < row.year < 2100
        assert all(any(w in name for w in INCIDENT_LITERALS) for name in row.names)
    assert all(any(c in w for c in INCIDENT_CHARACTERS) for w in INCIDENT_LITERALS)
