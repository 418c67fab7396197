"""Reference lists, navigation boxes and runs of menu labels (rules/scrape_artifacts/lists.py).

Shapes of Wikipedia mirrors and CMS pages that no phrase list names: each is flagged
with the fix its evidence allows, in both punctuation widths, and the look-alikes a
reader keeps (an author's endnotes, names with a middle dot, verse, a list introduced
by a sentence, list items inside the text) stay silent.
"""

from __future__ import annotations

import pytest

from lint import Document
from lint.linter import check_document
from lint.testing import fix_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.lists import is_label, link_list, marked_lines
from tests.linearity import assert_linear
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

PARA3 = "新区规划建设以来，交通、教育和医疗设施陆续投入使用，常住人口稳步增长，产业不断聚集。"


def _references(paren: tuple[str, str], bracket: tuple[str, str], mark: str = "^") -> list[str]:
    o, c = paren
    bo, bc = bracket
    return [
        f"{mark} 张明. 新区邮政编码发布. 新华网. 2023-12-06 {bo}2023-12-11{bc}. "
        f"{o}原始内容存档于2023-12-11{c}.",
        f"{mark} 新区总体规划 {o}PDF{c}. 新区官网. {bo}2023-06-09{bc}.",
        f"{mark} 省重点建设项目名单",  # a mark without features, inside the list
        f"{mark} 跳转到： 3.0 3.1 国务院决定设立新区. 新华社. 2017-04-01 {bo}2017-04-07{bc}.",
    ]


@pytest.mark.parametrize(
    ("paren", "bracket"), [(("(", ")"), ("[", "]")), (("（", "）"), ("［", "］"))]
)
@pytest.mark.parametrize("mark", ["^", "↑"])
def test_a_reference_list_after_the_article_is_one_block_with_a_fix(paren, bracket, mark):
    text = "\n".join([PARA, PARA2, PARA3, *_references(paren, bracket, mark)])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 4, 7, "warning", "safe")]
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2, PARA3]


def test_a_reference_list_between_paragraphs_is_furniture_too():
    text = "\n".join([PARA, *_references(("(", ")"), ("[", "]")), PARA2, PARA3])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 2, 5, "warning", "safe")]


def test_references_numbered_in_brackets_need_what_a_wiki_engine_adds():
    baike = [
        "[1] 新区设立. 新华网. 2017-04-01 [引用日期2017-04-02]",
        "[2] 新区规划纲要. 人民网. 2018-04-21 [引用日期2018-04-22]",
    ]
    rows = [r for r in _rows("\n".join([PARA, PARA2, *baike])) if r[0] == "SA002"]
    assert rows == [("SA002", 3, 4, "warning", "safe")]


@pytest.mark.parametrize(
    "lines",
    [
        # an author's endnotes with URLs: part of the report (human extraction keeps them)
        [
            "[1] 《在全国脱贫攻坚总结表彰大会上的讲话》，新华社，2021年2月25日。",
            "[2] 《我国连续6年保持零发生》，人民网，2023年1月10日，http://example.com/n1.htm。",
            "［3］ 《中国式现代化将惠及世界》，环球网，2023年5月12日，https://example.com/a。",
        ],
        # one citation alone
        ["^ 张明. 新区邮政编码发布. 新华网. 2023-12-06 [2023-12-11]."],
        # marked lines without citation features: maths, a numbered list
        ["^2 表示平方，^3 表示立方", "^ 这是脚注的说明文字", "^ 另一条说明"],
        ["[1] 第一点，坚持教育优先发展", "[2] 第二点，深化教育改革", "[3] 第三点，加强队伍建设"],
    ],
)
def test_endnotes_single_citations_and_marked_lines_without_features_stay_silent(lines):
    text = "\n".join([PARA, PARA2, *lines, PARA3])
    assert [r for r in _rows(text) if r[0] == "SA002"] == []


def test_marked_lines_tell_features_apart():
    text = "\n".join(
        ["^ 标题. 网站. [2023-06-09].", PARA, "  ↑ 标题 (PDF). 网站.", "[3] 说明 https://x.cn"]
    )
    assert marked_lines(text) == {1: True, 3: True, 4: False}


NAVBOX = [
    "石家庄市",
    "长安区 · 桥西区 · 新华区 · 裕华区 · 井陉矿区 · 藁城区",
    "唐山市",
    "路北区 · 路南区 · 古冶区 · 开平区 · 丰南区",
    "秦皇岛市",
    "海港区 • 山海关区 • 北戴河区 • 抚宁区",
]


def test_a_navigation_box_after_the_article_is_furniture_with_a_fix():
    text = "\n".join([PARA, PARA2, PARA3, *NAVBOX])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    # its rows bound the labels between them; the first label follows the article
    assert ("SA002", 5, 9, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2, PARA3, "石家庄市"]


def test_a_navigation_box_row_next_to_chrome_is_furniture():
    text = "\n".join([PARA, "首页 · 新闻 · 体育 · 财经 · 科技", "返回顶部", PARA2])
    assert [r for r in _rows(text) if r[0] == "SA002"] == [("SA002", 2, 2, "warning", "safe")]


def test_two_navigation_box_rows_between_paragraphs_are_furniture():
    text = "\n".join([PARA, "首页 · 新闻 · 体育 · 财经 · 科技", "国内 · 国际 · 军事 · 社会", PARA2])
    assert [r for r in _rows(text) if r[0] == "SA002"] == [("SA002", 2, 3, "warning", "safe")]


@pytest.mark.parametrize(
    "line",
    ["主要产品／型号／规格／价格", "张三 · 李四 · 王五 · 赵六", "首页 · 新闻 · 体育 · 财经 · 科技"],
)
def test_one_link_list_line_alone_between_paragraphs_stays_silent(line):
    # no second row of a box and no furniture next to it: it may be the article's own
    assert _rows("\n".join([PARA, line, PARA2])) == []


@pytest.mark.parametrize(
    "line",
    [
        "长安区 · 桥西区 · 新华区 · 裕华区",
        "华北地区／华东地区／华南地区／东北地区",
        "G雄安新区（河北省保定市） · G江北新区（江苏省南京市） · G湘江新区 · G赣江新区",
    ],
)
def test_link_list_shapes(line):
    assert link_list(line)


@pytest.mark.parametrize(
    "line",
    [
        "约翰·罗纳德·瑞尔·托尔金",  # a name: no spaces around the dots
        "长安区 · 桥西区 · 新华区",  # three items
        "主演：张三 · 李四 · 王五 · 赵六",  # a labelled value
        "春天 · 夏天 · 秋天 · 冬天，四季轮回。",  # a sentence
        "春眠不觉晓 · 处处闻啼鸟 · 夜来风雨声 · 花落知多少",  # verse
        "2021 · 2022 · 2023 · 2024",  # numbers
    ],
)
def test_link_list_look_alikes(line):
    assert not link_list(line)


@pytest.mark.parametrize(
    "line", ["约翰·罗纳德·瑞尔·托尔金是英国作家", "主演：张三 · 李四 · 王五 · 赵六"]
)
def test_link_list_look_alikes_stay_silent_in_a_page(line):
    text = "\n".join([PARA, line, PARA2])
    assert _rows(text) == []


MENU = ["编辑链接", "条目", "讨论", "大陆简体", "阅读", "编辑", "查看历史", "工具"]


LONG_MENU = [*MENU, "链入页面", "相关更改", "上传文件", "特殊页面", "固定链接", "页面信息"]
LONG_MENU += ["引用本页", "获取短URL", "维基数据项目", "可打印版"]


def test_menu_labels_between_page_chrome_are_furniture_with_a_fix():
    # further apart than a block between two widgets may be: a run of labels
    text = "\n".join([PARA, "返回顶部", *LONG_MENU, "[显示]", PARA2, PARA3])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 3, 20, "warning", "safe")]
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2, PARA3]


@pytest.mark.parametrize("toggle", ["[隐藏]", "【展开】"])
def test_menu_labels_with_furniture_on_one_side_are_a_note_without_fix(toggle):
    text = "\n".join([PARA, PARA2, toggle, *MENU, "雄安新区的一段说明文字，比较短", PARA3])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 4, 11, "info", None)]


@pytest.mark.parametrize(
    "body",
    [
        # a short poem after a widget
        ["静夜思", "床前明月光", "疑是地上霜", "举头望明月", "低头思故乡", "李白", "唐代"],
        # a list introduced by a sentence
        ["本区主要景点如下：", "故宫", "长城", "颐和园", "天坛", "北海公园", "景山"],
    ],
)
def test_poems_and_introduced_lists_next_to_a_widget_stay_silent(body):
    text = "\n".join([PARA, "【打印】 【关闭】", *body, PARA2])
    assert [r for r in _rows(text) if r[0] == "SA002"] == []


def test_short_list_items_inside_the_text_stay_silent():
    items = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉"]
    text = "\n".join([PARA, *items, PARA2, PARA3])
    assert _rows(text) == []


def test_a_table_of_figures_next_to_a_widget_stays_silent():
    table = ["地区", "面积", "人口", "雄县", "513", "47.86", "容城县", "314", "27.32"]
    text = "\n".join([PARA, "返回顶部", *table, PARA2])
    assert [r for r in _rows(text) if r[0] == "SA002"] == []


@pytest.mark.parametrize(
    ("line", "label"),
    [("编辑链接", True), ("Bahasa Indonesia", True), ("3.3.1特色小镇", True), ("120.54", False)],
)
def test_is_label(line, label):
    assert is_label(line) is label


@pytest.mark.parametrize("text", ["条目：雄安", "首先，我们要说明"])
def test_clauses_are_no_labels(text):
    assert not is_label(text)


# Spaced metadata labels and times with a full-width colon (issue 12, cwt-dirty-04/05)


@pytest.mark.parametrize("space", [" ", "\u3000", "  "])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_spaced_metadata_labels_are_chrome(space, colon):
    label = space.join("发布时间")
    views = space.join("浏览次数")
    text = "\n".join(["标题", f"{label}{colon}2021-05-03 10:20　{views}{colon}1234", PARA, PARA2])
    assert ("SA001", 2, 2, "warning", "safe") in _rows(text)


@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_a_spaced_byline_alone_is_a_note(space):
    text = "\n".join(["标题", f"作{space}者：张三", PARA, PARA2])
    assert _rows(text) == [("SA001", 2, 2, "info", None)]


@pytest.mark.parametrize(
    "line",
    [
        "发 布 会 上，他说：我们会继续努力",  # no label: a sentence with spaces
        "时 间 是 最 好 的 老 师",
        "作 者 在 书 中 写 道：人生如梦",
    ],
)
def test_spaced_text_that_is_no_label_stays_silent(line):
    assert _rows("\n".join([PARA, line, PARA2])) == []


@pytest.mark.parametrize("colon", ["：", ":"])
def test_comment_timestamps_with_either_colon_are_sidebar_noise(colon):
    stamps = [f"29 14{colon}17", f"21 20{colon}15", f"18 09{colon}03"]
    text = "\n".join([PARA, PARA2, *stamps])
    assert _rows(text) == [("SA002", 3, 5, "warning", "safe")]


@pytest.mark.parametrize("line", ["比分定格在3：10，主队遗憾落败。", "比例尺为1：50", "3：10"])
def test_ratios_and_scores_with_a_full_width_colon_stay_silent(line):
    assert _rows("\n".join([PARA, line, PARA2])) == []


# Links to the neighbouring article, whatever their titles hold (rules/data/pager_keys.txt)


@pytest.mark.parametrize("colon", ["：", ":", " : "])
@pytest.mark.parametrize(
    "title",
    [
        "下月核酸不再免费是吗 7月份核酸检测要收费了？",  # spaces
        "你所认为的用户，是属于你的真正用户吗？",  # a comma
        "智慧物流迈入“无人”时代【欧宝体育app】",  # brackets
    ],
)
def test_a_link_to_the_next_article_is_chrome_whatever_its_title_holds(colon, title):
    text = "\n".join([PARA, PARA2, f"下一篇{colon}{title}"])
    assert ("SA001", 3, 3, "warning", "safe") in _rows(text)


def test_two_links_on_one_line_are_chrome():
    line = "上一篇： 洋葱的好吃做法 用它与鸡肉搭配 味道更佳 下一篇：没有了"
    assert ("SA001", 3, 3, "warning", "safe") in _rows("\n".join([PARA, PARA2, line]))


@pytest.mark.parametrize(
    "line",
    [
        "上篇：总论与基本原理",  # a book's first part
        "下一篇：我们将介绍如何安装这个软件，并说明常见的问题。",  # a sentence
        "上一篇文章讲了湿疹的成因，这一篇讲治疗",  # no colon
        "上一节：我们讨论了变量的作用域，这一节讨论函数",  # a course's prose
        "上一章：主人公离开了家乡，踏上了旅途",  # a book's summary
    ],
)
def test_pager_look_alikes_stay_silent(line):
    assert _rows("\n".join([PARA, line, PARA2])) == []
    assert _rows("\n".join([PARA, PARA2, line])) == []


@pytest.mark.parametrize(
    "line", ["下一节：函数的定义与调用", "上一章：第十二章 风起云涌 下一章：第十四章 尘埃落定"]
)
def test_links_to_the_neighbouring_section_are_chrome(line):
    assert ("SA001", 3, 3, "warning", "safe") in _rows("\n".join([PARA, PARA2, line]))


# Linear: four times the input costs about four times the work (tests/linearity.py)

_LIST_INPUTS = {
    # one long reference list: its runs are grouped once
    "references": lambda n: f"^ 标题{n}. 网站. [2023-06-09]. （原始内容存档于2023-06-10）.\n",
    # navigation boxes: rows and group labels
    "navigation-boxes": lambda n: f"第{n}市\n甲区{n} · 乙区 · 丙区 · 丁区\n",
    # runs of menu labels after a widget, each before a paragraph
    "label-runs": lambda n: (
        "返回顶部\n"
        + "".join(f"菜单{n}项{k}\n" for k in range(20))
        + f"第{n}段今天我们召开会议，研究部署工作，大家踊跃发言，会议取得圆满成功。\n"
    ),
    # marked lines without features between paragraphs: no reference list
    "marked-lines": lambda n: f"[{n % 999 + 1}] 第{n}点说明\n{PARA}\n",
}


def _list_text(name: str, size: int) -> str:
    parts, written, n = [PARA + "\n"], 0, 0
    while written < size:
        parts.append(_LIST_INPUTS[name](n))
        written += len(parts[-1].encode("utf-8"))
        n += 1
    return "".join(parts)


_INSTANCES = [cls() for cls in RULES]


def _check(text: str) -> object:
    return check_document(Document(text), _INSTANCES)


@pytest.mark.parametrize("name", _LIST_INPUTS)
def test_linear_on_list_inputs(name):
    assert_linear(_check, lambda size: _list_text(name, size), small=16_000)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("references", "in a reference list"),
        ("navigation-boxes", "in a navigation box"),
        ("label-runs", "next to page furniture"),
        ("marked-lines", None),
    ],
)
def test_list_inputs_exercise_the_shapes(name, where):
    found = [d.message for d in _check(_list_text(name, 3000)) if d.code == "SA002"]
    if where is None:
        assert found == []
    else:
        assert found and all(where in m for m in found)


@pytest.mark.parametrize(
    "line", ["返回南方网首页 返回国际新闻频道", "返回列表", "回到顶部 | 返回新闻首页", "返回上一页"]
)
def test_links_back_to_the_site_alone_on_a_line_are_chrome(line):
    assert ("SA001", 3, 3, "warning", "safe") in _rows("\n".join([PARA, PARA2, line]))


@pytest.mark.parametrize("line", ["返回南方网首页", "  回到顶部 | 返回新闻首页"])
def test_a_link_back_to_the_site_on_the_first_line_is_chrome(line):
    # no line break before it: the page's start is looked at on its own
    text = "\n".join([line, PARA, PARA2])
    assert _rows(text) == [("SA001", 1, 1, "warning", "safe")]
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


@pytest.mark.parametrize(
    "line",
    ["返回家乡的路上，他想了很多", "返回首页后点击设置即可修改密码", "回到首都工作以后"],
)
def test_sentences_that_start_with_a_return_stay_silent(line):
    assert _rows("\n".join([PARA, line, PARA2])) == []
    assert _rows("\n".join([line, PARA, PARA2])) == []


@pytest.mark.parametrize("dot", [".", "．"])
def test_numbered_references_with_access_dates_are_a_reference_list(dot):
    refs = [
        f"1{dot}  新区设立 ．新华网．2017-04-01[引用日期2017-04-02]",
        f"2{dot}  新区规划纲要发布 ．人民网．2018-04-21[引用日期2018-04-22]",
    ]
    rows = [r for r in _rows("\n".join([PARA, PARA2, *refs])) if r[0] == "SA002"]
    assert rows == [("SA002", 3, 4, "warning", "safe")]


def test_a_numbered_list_with_dates_and_links_stays_silent():
    items = [
        "1. 2017年4月1日，新区设立，详见 http://www.example.cn/a.htm",
        "2. 2018年4月21日，规划纲要获批复，详见 www.example.cn/b.htm",
        "3. 2019年8月26日，自贸试验区设立",
    ]
    assert _rows("\n".join([PARA, *items, PARA2])) == []


@pytest.mark.parametrize("colon", ["：", ":"])
def test_an_address_block_inside_the_article_stays_silent(colon):
    address = [
        "报名地点",
        "北京市海淀区中关村大街59号",
        "中国人民大学明德楼",
        f"联系人{colon}王老师",
        "邮编 100872",
        "电话 010-62511242",
        "传真 010-62514775",
    ]
    text = "\n".join(["【打印】", PARA, *address, PARA2, PARA3])
    assert [r for r in _rows(text) if r[0] == "SA002"] == []


@pytest.mark.parametrize("dot", [".", "．"])
def test_numbered_how_to_steps_that_jump_to_pages_stay_silent(dot):
    # 跳转到 is a wiki backlink only after ^ or ↑: a step of a how-to may jump to a page
    steps = [f"1{dot} 点击按钮跳转到设置", f"2{dot} 选择账户跳转到登录页", f"3{dot} 输入密码"]
    text = "\n".join([PARA, *steps, PARA2 + "[注]"])
    assert [r for r in _rows(text) if r[0] == "SA002"] == []
    assert marked_lines(text) == {2: False, 3: False, 4: False}


def test_lines_joined_by_a_full_width_slash_need_a_row_next_to_them():
    # prose joins words with ／: two such lines apart are no navigation box, two together are
    apart = [PARA, "主要产品／型号／规格／价格", "张三", "颜色／尺寸／重量／产地", PARA2]
    assert _rows("\n".join(apart)) == []
    together = [PARA, "华北地区／华东地区／华南地区／东北地区", "颜色／尺寸／重量／产地", PARA2]
    assert [r for r in _rows("\n".join(together)) if r[0] == "SA002"] == [
        ("SA002", 2, 3, "warning", "safe")
    ]
