"""DL001/DL003 recall (issue 11): short items written twice, counts one below their list."""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import fix_text, lint_text
from rules.list_items import RULES


def _warnings(text: str) -> list[tuple[str, str]]:
    return sorted(
        (d.code, text[d.start : d.end])
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
    )


# -- DL001: one-character items, copies next to their original --------------------------

ONE_CHARACTER_COPIES = [
    # a copy right after its original (adjacent), both comma widths around the list
    ("老师说，练习口语要听、读、读、写一起来才有效。", "读"),
    ("老师说,练习口语要读、背、背、写一起来才有效.", "背"),
    ("这套餐具有杯、碗、碗、碟四样，摆得整整齐齐。", "碗"),
    ("菜市场里的葱、姜、姜、蒜价格都涨了。", "姜"),
    ("他周二、四、四、六晚上去游泳，其余时间在家。", "四"),  # numerals inside a clause
    # a copy among one-character items, not next to its original
    ("院子里养着猫、狗、兔、狗、鹦鹉，热闹得很。", "狗"),
    ("古人讲究礼、乐、射、乐、书、数六艺之外的修养,不止于此.", "乐"),
]


@pytest.mark.parametrize(("text", "copy"), ONE_CHARACTER_COPIES)
def test_one_character_copy_is_flagged(text, copy):
    assert ("DL001", copy) in _warnings(text)


def test_adjacent_one_character_copy_fix_is_safe():
    assert (
        fix_text("菜市场里的葱、姜、姜、蒜价格都涨了。", RULES)
        == "菜市场里的葱、姜、蒜价格都涨了。"
    )


def test_non_adjacent_one_character_copy_fix_is_unsafe():
    text = "院子里养着猫、狗、兔、狗、鹦鹉，热闹得很。"
    [d] = [d for d in lint_text(text, RULES) if d.code == "DL001"]
    assert d.fix.applicability.value == "unsafe"
    assert "already item 2" in d.message


ADJACENT_COPIES_OF_WORDS = [
    # a copy next to its original, even where 经 appears in an earlier clause
    ("招聘时企业已经不看重学历，而是看重沟通能力、责任心、责任心、团队精神等素质。", "责任心"),
    ("经过长时间熬煮,汤里的钙、胶原蛋白、胶原蛋白、氨基酸都溶了出来.", "胶原蛋白"),
    # items that end like a road name but are words (味道, 铁路): no route
    ("年轻人吃饭看重口感、味道、味道、分量，也看重环境。", "味道"),
    ("春运期间民航、铁路、铁路、公路客流都创了新高。", "铁路"),
    # a route never passes the same road twice in a row
    ("本线途经：青山道、长沙湾道、长沙湾道、荔枝角道及美孚巴士总站。", "长沙湾道"),
]


@pytest.mark.parametrize(("text", "copy"), ADJACENT_COPIES_OF_WORDS)
def test_adjacent_copy_of_a_word_is_flagged(text, copy):
    assert ("DL001", copy) in _warnings(text)


LEFT_ALONE = [
    # stutters and reduplication: three in a row, or a neighbour that extends the copy
    "男：你怎么一开口就“我、我、我”的？",
    "他一紧张就“你、你、你”个不停。",
    "女：是、是、是的，我马上就去。",
    "他结结巴巴地说：这、这、这是我的错。",
    "哈、哈，这个笑话真好笑。",
    "女:红灯、红灯,快停下!",
    # one-character abbreviations that share the next item's ending
    "地图上标有赤道，南、北回归线、南、北极圈。",
    "地图上标有赤道,南、北回归线、南、北极圈.",
    # numbers, letters and punctuation are no one-character items
    "斐波那契数列的前几项是1、1、2、3、5、8。",
    "乐曲采用A、B、A三段式结构。",
    # numerals that open a line: section numbers (DL004's), not list items
    "一、一、总则\n二、适用范围\n",
    # a route passes a road twice, not twice in a row
    "开经：弥敦道、亚皆老街、弥敦道、太子道西及九龙城码头。",
    "途经:弥敦道、亚皆老街、弥敦道、太子道西及九龙城码头.",
    # different items that share words
    "广场周围有商店、商场、商业街、餐馆等设施。",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_look_alikes_stay_silent(text):
    assert [c for c in _warnings(text) if c[0] == "DL001"] == []
