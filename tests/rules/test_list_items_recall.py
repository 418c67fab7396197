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
    # a list that opens a quotation: its first item begins after the quote mark
    ("交警喊道：“红、黄、黄、绿，看清楚再走。”", "黄"),
    ("交警喊道:「红、黄、黄、绿」,看清楚再走.", "黄"),
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
    # sequences of one-character items: answers, tones, a drill command
    "判断题答案依次为：对、错、错、对、对。",
    "判断题答案依次为:对、错、错、对、对.",
    "这两句诗的平仄是平、仄、仄、平、平、仄。",
    "教官喊着一、二、一、二的口令。",
    # a sequence that opens a quotation (the quote mark is not part of the first item)
    "他说：“左、右、左、右，一二一。”",
    "他说:「左、右、左、右」,一二一.",
    "口诀是《上、下、上、下》。",
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


# -- DL003: counts after a list, measure words of people, institutions and places -------

_HALF = str.maketrans("，；：。！？", ",;:.!?")

MISCOUNTED = [
    # (text, the count flagged)
    ("张明、李华、王强、赵亮三位老师获得表彰，学校为他们颁发了证书。", "三位"),
    ("北大、清华、复旦两所高校联合举办论坛。", "两所"),
    ("她能说英、法、德两门外语，还会一点日语。", "两门"),
    ("对京、沪、穗、深三市居民的调查显示，通勤时间普遍变长。", "三市"),
    ("宋、元、明、清三代的瓷器都在这里展出。", "三代"),
    ("阿里、腾讯、百度、京东三家企业入选榜单。", "三家"),
    # nouns that hold a clause word are still items (有色金属, 有机农业)
    ("重点发展煤矿、有色金属、化工、建材三大产业。", "三大"),
    ("发展设施农业、有机农业、休闲农业两大类型。", "两大"),
    # names that hold a numeral are still items (四川, 九江, 三亚)
    ("流域涉及青海、四川、甘肃、宁夏五个省区。", "五个"),
    ("沿线有南昌、九江、景德镇两个城市。", "两个"),
]


@pytest.mark.parametrize(
    ("text", "count"), [*MISCOUNTED, *((t.translate(_HALF), c) for t, c in MISCOUNTED)]
)
def test_count_after_a_list_is_checked(text, count):
    assert ("DL003", count) in _warnings(text)


COUNTS_OF_SOMETHING_ELSE = [
    # agreeing counts
    "张明、李华、王强三位老师获得表彰。",
    "流域涉及青海、四川、甘肃、宁夏四个省区。",
    "对京、沪、穗、深四市居民的调查显示，通勤时间普遍变长。",
    # a count that starts a place name
    "南田县撤消，合宁海县、临海县部分地区合置三门县，县府迁移。",
    "他先后来到乌鲁木齐市、昌吉州、第六师五家渠市考察。",
    "沿黄河经过洛阳、三门峡两市。",
    # a count of what follows 的 in the last item
    "其中，上海市、江苏省的苏锡常三市开始出现地裂缝。",
    # a roster: each item carries its own count
    "办公室设有文书一人、管理人员三名、司机一人。",
    "办公室设有文书一人、管理人员三名。",
    # a count far from the list: another thing
    "他主张大加烟税、只准带十九支烟入境。",
    # a number, not a count
    "密码由字母、数字三位数组成。",
    # ranges stay ranges
    "再过两、三天就好了。",
    "现场有三、四百人。",
    "大约三、四位老人参加。",
    # distributive and ordinal counts
    "设金、银、铜奖各四名。",
    "北京、上海分列第三名和第四名。",
    # inside a quotation or a title
    "组建“华大、中大、齐大两大学联合医院”。",
    # 等 with a larger count
    "北京、上海、广州等五市率先试点。",
]


@pytest.mark.parametrize(
    "text", [*COUNTS_OF_SOMETHING_ELSE, *(t.translate(_HALF) for t in COUNTS_OF_SOMETHING_ELSE)]
)
def test_counts_of_something_else_stay_silent(text):
    assert _warnings(text) == []


# -- DL003: a count one below a list whose last item is joined by 和/及/与 ---------------

ONE_BELOW = [
    ("按加工方法可分为白茶、黄茶、黑茶和青茶三种。", "三种"),
    ("这座建筑由主楼、裙楼与地下车库两部分组成。", "两部分"),
    ("比赛分为预赛、复赛及决赛两个阶段。", "两个阶段"),
    ("昆虫的身体分为头、胸和腹两部分。", "两部分"),  # one-character items
    ("人体的血液由血浆、红细胞、白细胞和血小板三部分构成。", "三部分"),
    ("店里有拿铁咖啡、美式和摩卡两种口味可选。", "两种"),
    # 个 before a noun that names the items' kind
    ("洪涝灾害主要由暴雨、融雪和溃坝两个因素引起。", "两个"),
    ("报告提出推进教育、科技和人才两个方面的改革。", "两个方面"),
    # no word opens the list: the clause's lead is part of the first item
    ("这款软件支持中文、英文和日文两种语言。", "两种"),
    ("主体工程为塔形，塔座、塔身和塔顶两部分都用花岗岩砌成。", "两部分"),
]


@pytest.mark.parametrize(
    ("text", "count"), [*ONE_BELOW, *((t.translate(_HALF), c) for t, c in ONE_BELOW)]
)
def test_count_one_below_a_joined_list_is_flagged(text, count):
    assert ("DL003", count) in _warnings(text)


ONE_BELOW_LOOK_ALIKES = [
    # agreeing
    "按加工方法可分为白茶、黄茶、黑茶和青茶四种。",
    # 和 inside the last item: 党和国家
    "这项工作由人民、党和国家两方面共同推动。",
    # the first item may be left out of the count
    "除了白茶、黄茶和黑茶两种以外，还有许多茶类。",
    "白茶以外、黄茶和黑茶两种也很常见。",
    "截至目前已从平凉、白银、临夏和兰州三地征集到捐款。",  # 地: 兰州 may be counted apart
    # the count names other things
    "包括红茶、绿茶和其他两种茶叶。",
    "会议由张华、李明和另外两位专家主持。",
    # a compound count sums
    "由江苏、浙江、安徽三省和上海市组成。",
    # 个 alone counts other things
    "家里有爷爷、奶奶和爸爸两个大人。",
]


@pytest.mark.parametrize(
    "text", [*ONE_BELOW_LOOK_ALIKES, *(t.translate(_HALF) for t in ONE_BELOW_LOOK_ALIKES)]
)
def test_one_below_look_alikes_stay_silent(text):
    assert _warnings(text) == []


# -- DL003: a count inside a longer clause's list ---------------------------------------

INNER_COUNTS = [
    ("检查覆盖了大、中、小两类超市、农贸市场、学校食堂及全部生产企业。", "两类"),
    ("从分布看，川、滇、黔两省山区的大部分地区以及广西的百色、河池等地都有种植。", "两省"),
]


@pytest.mark.parametrize(
    ("text", "count"), [*INNER_COUNTS, *((t.translate(_HALF), c) for t, c in INNER_COUNTS)]
)
def test_count_inside_a_clause_is_checked(text, count):
    assert ("DL003", count) in _warnings(text)


INNER_LOOK_ALIKES = [
    "检查覆盖了大、中、小三类超市、农贸市场、学校食堂及全部生产企业。",
    # a count inside a name, in an open list
    "对东盟、非洲、中亚五国等新兴市场的出口都在增长。",
]


@pytest.mark.parametrize(
    "text", [*INNER_LOOK_ALIKES, *(t.translate(_HALF) for t in INNER_LOOK_ALIKES)]
)
def test_inner_look_alikes_stay_silent(text):
    assert _warnings(text) == []


def test_copy_after_an_inner_count_is_flagged_once():
    text = "检查覆盖了大、中、小三类超市、农贸市场、农贸市场、学校食堂。"
    assert _warnings(text) == [("DL001", "农贸市场")]
    text = "检查覆盖了大、中、中、小三类超市、农贸市场、学校食堂。"
    assert _warnings(text) == [("DL001", "中"), ("DL003", "三类")]
