"""The line classifier in context (rules/scrape_artifacts/furniture.py): blocks, widgets, teasers.

Each shape is flagged with the fix its evidence allows, in both punctuation widths,
and the look-alikes a reader keeps (headings, short poems, list items, addresses,
datelines, an author line under a speech title) stay silent.
"""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import fix_text, lint_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.furniture import header_text, line_class, teaser_of, widget_kind
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

TITLES = ["广州海珠重点片区近万人有疏解意愿", "端午节可以跨省旅游吗", "夹竹桃泡茶能增强体质"]


@pytest.mark.parametrize("colon", ["：", ":"])
def test_titles_under_a_link_list_header_at_the_tail_are_one_block_with_a_fix(colon):
    text = "\n".join([PARA, PARA2, f"责任编辑{colon}张三", "相关新闻", *TITLES, "返回顶部"])
    rows = _rows(text)
    assert ("SA002", 5, 7, "warning", "safe") in rows
    assert ("SA001", 4, 4, "warning", "safe") in rows  # the header itself
    assert ("SA001", 3, 3, "info", None) in rows  # a lone byline stays a note
    fixed = fix_text(text, RULES)
    assert fixed.split("\n") == [PARA, PARA2, f"责任编辑{colon}张三"]


def test_a_title_run_under_a_header_inside_the_text_is_a_note_without_fix():
    text = "\n".join([PARA, "推荐阅读", *TITLES, "第二部分的小标题", PARA2])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    # the heading just before the paragraph is content; the rest is a note without fix
    assert rows == [("SA002", 3, 5, "info", None)]


def test_numbered_titles_after_several_headers_are_each_a_block():
    lines = [PARA, PARA2]
    for header in ("热点文章", "推荐文章", "相关文章"):
        lines.append(header)
        lines += [f"{k} {t}{header}" for k, t in enumerate(TITLES, 1)]  # distinct lines
    rows = [r for r in _rows("\n".join(lines)) if r[0] == "SA002"]
    assert [(r[1], r[2], r[4]) for r in rows] == [(4, 6, "safe"), (8, 10, "safe"), (12, 14, "safe")]


def test_navigation_at_the_head_is_furniture_and_the_title_is_kept():
    text = "\n".join(
        [
            "欢迎访问某某历史网",
            "首页|新闻|图片|评论|共青团",
            "当前位置：首页 > 中国历史 > 正文",
            "疫情一刀切政策怎么投诉举报",
            "时间：2022-11-24 05:30:58 编辑：",
            PARA,
            PARA2,
        ]
    )
    rows = _rows(text)
    assert ("SA002", 1, 1, "warning", "safe") in rows
    assert ("SA001", 2, 2, "warning", "safe") in rows  # navigation bar
    assert ("SA001", 3, 3, "warning", "safe") in rows  # breadcrumb
    assert ("SA001", 5, 5, "warning", "safe") in rows  # a byline with a date is metadata
    assert not any(r[1] <= 4 <= r[2] for r in rows)  # the article's title
    assert fix_text(text, RULES).split("\n")[0] == "疫情一刀切政策怎么投诉举报"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("首页|新闻|图片|评论|共青团", "navigation bar"),
        ("关于我们｜联系我们｜人才招聘｜网站地图", "navigation bar"),
        ("首页>>新闻 > 国际 >> 正文", "breadcrumb"),
        ("当前位置：首页 > 中国历史", "breadcrumb"),
        ("首页＞新闻中心＞", "breadcrumb"),
        ("南方网 > 新闻", "breadcrumb"),
        ("1.png (32.35 KB, 下载次数: 0)", "attachment"),
        ("附件：报名表.docx（18 KB）", "attachment"),
        ("29 ]", "widget residue"),
        ("29】", "widget residue"),
        ("【打印】 【关闭】", "bracket widgets"),
        ("[收藏][分享]", "bracket widgets"),
    ],
)
def test_widget_shapes(line, kind):
    assert widget_kind(line) == kind
    rows = _rows("\n".join([PARA, line, PARA2]))
    if kind in ("attachment", "widget residue"):  # bad on its own: anywhere
        assert ("SA001", 2, 2, "warning", "safe") in rows


@pytest.mark.parametrize(
    "line",
    [
        "| 年份 | 产量 | 增长 |",  # a Markdown table row
        "|a|=2，|b|=3",  # maths
        '"^/(sys|proc|dev)($|/)"',  # code
        "x > 3 > y",  # a comparison
        "<h3>标题</h3>",  # HTML
        "他说：甲 | 乙 | 丙都很好。",  # prose
        "文件 report.pdf 的说明",
        "[1]",
        "第一章 > 第二节",  # one arrow, no breadcrumb start
        "[1][2]",  # footnote references
        "【详细】",  # one bracket: a teaser's ending
    ],
)
def test_widget_lookalikes(line):
    assert widget_kind(line) is None


@pytest.mark.parametrize(
    "lines",
    [
        ["静夜思", "床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"],  # a short poem
        ["一、总体要求", PARA, "二、主要任务", PARA2],  # headings
        ["主要措施如下", "（一）加强领导", "（二）完善制度", "（三）强化考核", PARA],  # list
        [PARA, "地址：北京市东城区某某路1号", "电话：010-12345678", PARA2],  # an address
        ["新华社北京6月1日电", PARA, PARA2],  # a dateline
        ["在全市教育工作会议上的讲话", "张三", "2023年2月1日", PARA, PARA2],  # speech
    ],
)
def test_content_lookalikes_are_silent(lines):
    assert _rows("\n".join(lines)) == []


@pytest.mark.parametrize("end", ["...", "…", "【详细】", "[详细]"])
def test_teaser_repeating_the_next_paragraph_is_deleted(end):
    teaser = PARA[:20] + end
    text = "\n".join(["上一篇：某某新闻", teaser, PARA, PARA2])
    rows = _rows(text)
    assert ("SA003", 2, 2, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_summary_repeating_the_article_start_is_a_teaser(colon):
    text = "\n".join([f"本文摘要{colon}{PARA[:30]}", PARA, PARA2])
    assert ("SA003", 1, 1, "warning", "safe") in _rows(text)


def test_teaser_lookalikes():
    # an ellipsis that ends a thought, not a repeat of what follows
    assert not teaser_of("他沉默了很久，终于说……", PARA)
    assert not teaser_of("摘要：本文研究了教育改革的路径。", PARA)
    assert not teaser_of(PARA[:8] + "...", PARA)  # too short to prove anything


def test_line_classes():
    assert line_class(PARA) == 1  # good
    assert line_class("广州海珠重点片区近万人有疏解意愿") == 0  # short
    assert line_class(PARA[:30] + "...【详细】") == 0  # a teaser is not prose


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("相关新闻", "相关新闻"),
        ("【推荐阅读】", "推荐阅读"),
        ("热门排行 更多>>", "热门排行"),
        ("热　图", "热图"),
    ],
)
def test_headers(line, header):
    assert header_text(line) == header


def test_header_lookalikes():
    assert header_text("相关新闻报道指出") is None
    assert header_text("最新研究表明，这一方法有效") is None


def test_dated_titles_between_widgets_are_furniture():
    text = "\n".join(
        [
            PARA,
            PARA2,
            "相关新闻",
            "山东日照：小蓝莓助力农业发展",
            "强图打榜 2024-05-23 09:41:17",
            "西藏：拉鲁湿地的科普自然教育课堂",
            "强图打榜 2024-05-23 09:29:34",
            "返回顶部",
        ]
    )
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert [(r[1], r[2], r[4]) for r in rows] == [(4, 7, "safe")]
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


def test_no_good_line_means_no_block_without_anchors():
    text = "\n".join(TITLES)
    assert _rows(text) == []


def test_block_messages_name_the_range():
    text = "\n".join([PARA, PARA2, "猜你喜欢", *TITLES])
    found = [d for d in lint_text(text, RULES) if d.code == "SA002"]
    assert found and "3 lines (4–6)" in found[0].message and "猜你喜欢" in found[0].message
    assert found[0].severity == Severity.WARNING


def test_a_short_sentence_after_the_article_is_part_of_the_footer_block():
    text = "\n".join(
        [PARA, PARA2, "相关新闻", *TITLES, "如有意见，请联系我们！", "京ICP备05022684号-3"]
    )
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 4, 7, "warning", "safe")]


def test_a_short_sentence_between_widgets_inside_the_text_is_kept():
    text = "\n".join([PARA, "返回顶部", "今天我们召开会议。", "返回顶部", PARA2])
    assert not [r for r in _rows(text) if r[0] == "SA002"]


@pytest.mark.parametrize("colon", ["：", ":"])
def test_the_title_above_a_dated_label_is_kept_and_the_menu_above_it_goes(colon):
    menu = ["诗经鉴赏", "千家诗集", "杂文鉴赏", "名诗鉴赏", "宋词精选", "元曲赏析"]
    text = "\n".join(
        [
            "手机访问 | 精选专题 | 网站地图",
            *menu,
            "《杜甫·将赴荆南寄别李剑州》",
            f"时间{colon}2019-05-03 08:17:32",
            "手机版",
            PARA,
            PARA2,
        ]
    )
    fixed = fix_text(text, RULES).split("\n")
    assert "《杜甫·将赴荆南寄别李剑州》" in fixed
    assert fixed[-2:] == [PARA, PARA2]
    assert "诗经鉴赏" not in fixed and "手机版" not in fixed


def test_furniture_at_the_tail_of_an_article_before_the_next_one():
    text = "\n".join([PARA, PARA2, "相关文章", *TITLES, "返回顶部", "篇二", PARA2, PARA])
    rows = _rows(text)
    assert ("SA002", 4, 6, "warning", "safe") in rows
    fixed = fix_text(text, RULES).split("\n")
    assert fixed == [PARA, PARA2, "篇二", PARA2, PARA]  # the separator stays


def test_a_separator_is_never_furniture():
    text = "\n".join([PARA, "返回顶部", "篇二", "返回顶部", PARA2])
    assert not [r for r in _rows(text) if r[0] == "SA002"]


def test_title_like_lines_ending_a_page_are_a_note_without_fix():
    titles = [
        "美国干预香港事务、支持反中乱港势力事实清",
        "刘兆佳：香港的新选举制度与新政治文化",
        "屠海鸣：香港由乱及治得益于全面落实国安法",
        "韩大元：论“一国两制”的文明观及其当代意",
        "骆惠宁：百年伟业的“香江篇章”",
    ]
    text = "\n".join(["一国两制彰显中国共产党政治自信", "作者：张三", PARA, PARA2, *titles])
    rows = [r for r in _rows(text) if r[0] == "SA002"]
    assert rows == [("SA002", 5, 9, "info", None)]


@pytest.mark.parametrize(
    "tail",
    [
        ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡", "李白静夜思"],  # a poem
        ["参考文献：", "一、总体要求", "二、主要任务", "三、保障措施", "四、组织实施"],
        ["张三", "李四", "王五", "赵六", "孙七", "周八"],  # names
    ],
)
def test_short_lines_ending_a_page_that_are_not_titles_are_silent(tail):
    text = "\n".join(["作者：张三", PARA, PARA2, *tail])
    assert not [r for r in _rows(text) if r[0] == "SA002"]


@pytest.mark.parametrize(
    "line",
    [
        "评论(12) 点赞(3)",
        "阅读（123）",
        "点击：234次",
        "点击:234次",
        "2023年5月1日 来源：人民网 评论(5)",
    ],
)
def test_counter_widgets_are_chrome(line):
    assert ("SA001", 2, 2, "warning", "safe") in _rows("\n".join([PARA, line, PARA2]))


@pytest.mark.parametrize(
    "line", ["他阅读(很多)书，收获很大。", "评论(12)篇文章很好看，大家都来看", "女：没有了。"]
)
def test_counter_lookalikes_are_content(line):
    assert _rows("\n".join([PARA, line, PARA2])) == []


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_source_line_alone_is_a_byline_note(colon):
    assert _rows("\n".join([PARA, f"本文来源{colon}新华网", PARA2])) == [
        ("SA001", 2, 2, "info", None)
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_block_ending_the_text_after_its_header_goes_in_one_pass(newline):
    # no line break after the last title: the header's edit and the block's share one
    text = newline.join([PARA, PARA2, "延伸阅读", *TITLES])
    found = [d for d in lint_text(text, RULES) if d.fix is not None]
    assert {d.code for d in found} == {"SA001", "SA002"}
    edits = sorted((e.start, e.end) for d in found for e in d.fix.edits)
    assert edits[0][1] <= edits[1][0]  # they do not overlap
    assert fix_text(text, RULES) == newline.join([PARA, PARA2])


def test_a_later_copy_of_a_link_list_is_noise_with_a_fix():
    text = "\n".join([PARA, PARA2, "推荐阅读", *TITLES, "延伸阅读", *TITLES, "返回顶部"])
    copies = [d for d in lint_text(text, RULES) if d.code == "SA003"]
    assert copies and all(d.fix is not None for d in copies)
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


@pytest.mark.parametrize("widget", ["分享到：", "【打印】 【关闭】", "评论(3) 点赞(12)"])
def test_the_title_above_widgets_is_kept(widget):
    text = "\n".join(["首页|新闻|图片|评论|共青团", "某地出台措施稳定楼市", widget, PARA, PARA2])
    assert fix_text(text, RULES).split("\n") == ["某地出台措施稳定楼市", PARA, PARA2]


def test_a_menu_above_a_breadcrumb_goes_and_the_title_under_it_stays():
    menu = ["要闻", "国际", "军事", "社会", "文化"]
    text = "\n".join([*menu, "人民网>>经济·科技", "河南着力培育新动能", "小字号", PARA, PARA2])
    assert fix_text(text, RULES).split("\n") == ["河南着力培育新动能", PARA, PARA2]
