"""List items (DL): lists whose count follows them (``物流、金融、会展三大服务业``), or
precedes them before a colon (``重点发展四大产业：物流、金融、会展``).

Each case is written in full-width punctuation and run again with its punctuation folded
to half width (``，`` → ``,``, ``“”`` → ``"``): the rules must read both the same way.
"""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import fix_text, lint_text
from rules.list_items import RULES

_HALF = str.maketrans("，。；：！？（）“”", ',.;:!?()""')


def _widths(cases):
    """Each case as written and with half-width punctuation."""
    out = []
    for text, expected in cases:
        out.append((text, expected))
        half = text.translate(_HALF)
        if half != text:
            out.append((half, [(code, span.translate(_HALF)) for code, span in expected]))
    return out


def _warnings(text: str) -> list[tuple[str, str]]:
    return sorted(
        (d.code, text[d.start : d.end])
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
    )


MUST_FLAG = [
    # a copy that took a lost item's place: four listed, three distinct
    (
        "会议提出，加快发展物流、金融、会展、会展四大现代服务业。",
        [("DL001", "会展"), ("DL003", "四大")],
    ),
    # 等 with a number closes the list: five listed, one of them twice
    (
        "近年来建成科技馆、博物馆、图书馆、档案馆、博物馆等五大场馆。",
        [("DL001", "博物馆"), ("DL003", "五大")],
    ),
    # the count disagrees with the items
    ("服务网络覆盖市、县、乡、村三级，运行良好。", [("DL003", "三级")]),
    ("本章程由序言、正文、附则四部分组成。", [("DL003", "四部分")]),
    ("主要包括土地、资本、劳动力两个要素。", [("DL003", "两个")]),
    # a conjunction before the last item
    ("我市已形成电子、机械、化工和化工四大支柱产业。", [("DL001", "化工"), ("DL003", "四大")]),
    ("重点发展电子、机械、化工及建材五大产业。", [("DL003", "五大")]),
    # a copy that made the list one too long: deleting it restores the count (safe)
    ("重点发展电子、机械、机械、化工三大产业。", [("DL001", "机械"), ("DL003", "三大")]),
    # the last item copied after its conjunction
    ("原料无非是肉类、海产品和蔬菜、蔬菜三类。", [("DL001", "蔬菜"), ("DL003", "三类")]),
    # a quoted count term of the items' kind
    ("坚定道路自信、理论自信、制度自信“四个自信”。", [("DL003", "“四个自信”")]),
    (
        "增强政治意识、大局意识、核心意识、看齐意识、看齐意识“四个意识”。",
        [("DL001", "看齐意识"), ("DL003", "“四个意识”")],
    ),
    ("统筹推进经济建设、政治建设、文化建设“四位一体”总体布局。", [("DL003", "“四位一体”")]),
    # a naming predicate between the items and their count
    ("造纸术、印刷术和指南针是中国的四大发明。", [("DL003", "四大")]),
    (
        "造纸术、印刷术、火药、火药和指南针是中国的四大发明。",
        [("DL001", "火药"), ("DL003", "四大")],
    ),
    (
        "莫高窟与山西云岗石窟、河南龙门石窟、敦煌石窟并称为中国“三大石窟”。",
        [("DL003", "“三大石窟”")],
    ),
    # a count before a colon and a list of 、 items
    ("重点发展四大产业：物流、金融、会展、会展。", [("DL001", "会展"), ("DL003", "四大产业")]),
    ("抓好三项工作：招商引资、项目建设、民生保障、安全生产。", [("DL003", "三项工作")]),
    # 等 that lists more items than it counts
    ("包括北京、上海、广州、深圳等三个城市。", [("DL003", "三个")]),
    # quoted items are still items
    ("开展“双争”、“双育”、“双创”、“双创”四项活动。", [("DL001", "“双创”"), ("DL003", "四项")]),
]

MUST_NOT_FLAG = [
    # counts that agree
    "加快发展物流、金融、会展三大现代服务业。",
    "由序言、正文和附则三部分组成。",
    "覆盖省、市、县三级。",
    "上海、北京两地的合作不断深入。",
    "统筹推进经济、政治、文化和社会四个方面建设。",
    "坚持党和国家、人民两个方面的要求。",
    "造纸术、印刷术、火药和指南针是中国的四大发明。",
    "莫高窟与山西云岗石窟、河南龙门石窟并称为中国“三大石窟”。",
    "它与北京的打卤面、山东的伊府面、河南的鱼焙面、四川的担担面同称为“五大名面”。",
    "明确总体布局是“五位一体”、战略布局是“四个全面”。",
    "抓好三项工作：招商引资、项目建设、民生保障。",
    "乐器主要分为四类型：鼓类包括单皮鼓（板鼓）、大鼓、小鼓等；锣类有大锣、小锣。",
    "提出三项工作：我们的工作、作风都要改进，需要整改。",
    "突出抓好三件大事：一是招商，二是建设，三是民生。",
    "坚定道路自信、理论自信、制度自信、文化自信“四个自信”。",
    "我们统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。",
    # approximate and open counts
    "加快发展物流、金融、会展等几大产业。",
    "加快发展物流、金融、会展等多个产业。",
    "加快发展物流、金融、会展等产业。",
    "生活着汉、藏、白、回等十三个民族。",
    "在北京、上海等五地设立邮政机构。",
    # compound counts that sum
    "江苏、浙江、安徽三省和上海市共同签署协议。",
    "昆山、太仓、常熟、张家港一市三县联合行动。",
    "上海市、江苏、浙江、安徽三省一市联合行动。",
    # numbers that count something else
    "上海、北京两地三年来合作不断。",
    "汤、热菜、凉菜三道菜各两份。",
    "北京、上海、广州两个月内完成。",
    "国家减灾委、民政部已启动国家四级救灾应急响应。",
    "两处五级伤残、一处八级伤残、两处九级伤残。",
    "另外管辖湘潭站、湘潭东站和三个卫星站。",
    # ranges
    "再过两、三天就好了。",
    "现场有三、四百人。",
    "大约三、四个人参加。",
    # lists inside a quotation or a title
    "他说：“要发展物流、金融、会展、会展四大产业。”",
    "印发《关于加快物流、金融、会展两大产业发展的意见》。",
    # lists whose items hold lists themselves
    "打造京、津、冀和长三角、珠三角三大城市群。",
    "在河北、青海、四川等省六个贫困地区启动计划。",
    # numbers as items
    "把0.85、85.1%、0.805四个数排列。",
]


@pytest.mark.parametrize(("text", "expected"), _widths(MUST_FLAG))
def test_flags_lists_counted_after_them(text, expected):
    assert _warnings(text) == sorted(expected)


@pytest.mark.parametrize("text", [*MUST_NOT_FLAG, *(t.translate(_HALF) for t in MUST_NOT_FLAG)])
def test_leaves_look_alikes_alone(text):
    assert _warnings(text) == []


def test_count_mismatch_messages_name_the_numbers():
    text = "本章程由序言、正文、附则四部分组成。"
    (d,) = lint_text(text, RULES, min_severity=Severity.WARNING)
    assert "4" in d.message and "3" in d.message and "listed before it" in d.message


def test_a_copy_that_restores_the_count_is_deleted_safely():
    text = "重点发展电子、机械、机械、化工三大产业。"
    assert fix_text(text, RULES) == "重点发展电子、机械、化工三大产业。"


def test_a_copy_that_keeps_the_count_is_not_deleted_safely():
    # 会展 took the place of a lost item: deleting it leaves three for 四大
    text = "加快发展物流、金融、会展、会展四大现代服务业。"
    assert fix_text(text, RULES) == text
    (dup,) = [d for d in lint_text(text, RULES) if d.code == "DL001"]
    assert dup.fix is not None and dup.fix.applicability.value == "unsafe"


def test_a_list_counted_after_it_is_not_judged_twice():
    text = "加快发展物流、金融、会展、会展四大现代服务业。"
    codes = [d.code for d in lint_text(text, RULES)]
    assert codes.count("DL001") == 1 and "DL002" not in codes
