"""Some built-in rules' cases written with lint.testing's markers: where, what, and the fix."""

from __future__ import annotations

import pytest

from lint.testing import Case, assert_silent, case_id, check_case
from rules.list_items import RULES as LIST_RULES
from rules.masked_characters import RULES as MASK_RULES

LIST_CASES = [
    Case(
        "要努力做到«“五带头”»即:带头学习提高、带头争创佳绩、带头服务群众、带头弘扬正气、"
        "带头遵纪守法、«带头弘扬正气»;",
        ["DL003", "DL001"],
        messages=["announces 5 items, but 6 are listed", "already item 4"],
        fixed="要努力做到“五带头”即:带头学习提高、带头争创佳绩、带头服务群众、带头弘扬正气、"
        "带头遵纪守法;",
    ),
    Case(
        "要求做到守纪律、讲规矩、«讲规矩»、重品行。",
        "DL001",
        fixed="要求做到守纪律、讲规矩、重品行。",
    ),
    # far from its first copy and no count to prove it: the deletion is only unsafe
    Case(
        "分布于东非、红海、马达加斯加、波斯湾、模里西斯、塞席尔群岛、«波斯湾»、马尔地夫等海域。",
        "DL001",
    ),
    Case(
        "分布于东非、红海、马达加斯加、波斯湾、模里西斯、塞席尔群岛、«波斯湾»、马尔地夫等海域。",
        "DL001",
        unsafe=True,
        fixed="分布于东非、红海、马达加斯加、波斯湾、模里西斯、塞席尔群岛、马尔地夫等海域。",
    ),
    Case("提出«三点要求»：一、加强学习；二、改进作风；三、狠抓落实；四、严守纪律。", "DL003"),
    Case(
        "要加强作风建设，提高教育工作质量。«要加强作风建设，提高教育工作质量。»努力开创新局面。",
        "DL005",
        fixed="要加强作风建设，提高教育工作质量。努力开创新局面。",
    ),
]

LIST_LOOK_ALIKES = [
    "要努力做到“五个好”即:领导班子好、党员队伍好、工作机制好、工作业绩好、群众反映好;",
    "用了五年时间，花了三个月，走了两个小时，增长了十个百分点。",
    "政治建设、思想建设、组织建设、作风建设、纪律建设",
    "硬币面额有1、2、5、10、20、25、50迪拉姆和1、3、5、10索莫尼。",
    "谢谢。谢谢。",
]


@pytest.mark.parametrize("case", LIST_CASES, ids=case_id)
def test_list_item_cases(case):
    check_case(LIST_RULES, case)


def test_list_rules_leave_look_alikes_alone():
    assert_silent(LIST_RULES, *LIST_LOOK_ALIKES)


MASK_CASES = [
    Case(
        "希望大家对我镇教育发展献计«*»献策，共谋发展。",
        "MC002",
        messages="inside the word 献计献策",
        fixed="希望大家对我镇教育发展献计献策，共谋发展。",
    ),
    Case("要坚持实事«*»求是的思想路线", "MC002", fixed="要坚持实事求是的思想路线"),
]


@pytest.mark.parametrize("case", MASK_CASES, ids=case_id)
def test_stray_mask_cases(case):
    check_case(MASK_RULES, case)


def test_stray_mask_leaves_look_alikes_alone():
    assert_silent(
        [r for r in MASK_RULES if r.code == "MC002"],
        "献计献策",
        "献*策",
        "3*4=12",
        "实事求是*",
    )
