"""Weak furniture evidence at the edges of a page (rules/scrape_artifacts/edges.py).

A share widget naming services the vocabulary does not list, an app prompt around a
site's name, a menu printed with spaces or slashes, a commenter with a timestamp, a
headline cut short, a decorated header over titles, a disclaimer sentence before the
footer: none is chrome alone, but at the head or the tail of a page, next to other
furniture, each is furniture and deleting it is safe. The same lines inside the text,
and their look-alikes (a list of names under its introduction, a spaced byline, a
forum's post times, a sentence trailing off, a video's 0:00), stay silent.
"""

from __future__ import annotations

import pytest

from lint.testing import fix_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.edges import spaced_menu, strong_chrome, weak_kind
from rules.scrape_artifacts.furniture import WEAK_MENU, WEAK_WIDGET
from rules.scrape_artifacts.vocabulary import chrome_matcher
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

PARA3 = "与会代表一致认为，过去一年全市教育系统攻坚克难，各项工作取得了明显成效。"
FOOTER = "Copyright © 2009-2024 某某网 版权所有"


def weak(text: str, tail: bool = True) -> int:
    return weak_kind(chrome_matcher(), text, tail)


# -- the features of one line ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "要闻 / 国内 / 国际 / 财经 / 体育",
        "要闻　国内　国际　财经",
        "科技 · 教育 · 健康 · 旅游 · 汽车",
        "读书  人物  观点  地方  直播",
    ],
)
def test_a_menu_printed_with_spaces_or_slashes(text):
    assert spaced_menu(text) and weak(text) == WEAK_MENU


@pytest.mark.parametrize(
    "text",
    [
        "本报记者 王乐文 方 敏",  # a spaced name: one-character items
        "本报记者 张伟 通讯员 李娜",  # reporters
        "床前明月光 疑是地上霜 举头望明月 低头思故乡",  # verse
        "获奖者：张伟 李娜 王芳 刘洋",  # introduced by a label
        "春天 夏天",  # two items
        "这是一个 很长的句子 被空格 分开了，对吧",
    ],
)
def test_not_a_spaced_menu(text):
    assert not spaced_menu(text)


@pytest.mark.parametrize(
    "text",
    [
        "张三 2023-05-12 14:17",
        "李四 发表于 2022年3月1日 08:30:15",
        "某地网友 5分钟前",
        "分享到：微博 微信 QQ空间 豆瓣",
        "分享: 微信 朋友圈 抖音",
        "扫描二维码 手机浏览",
    ],
)
def test_widgets_and_timestamps_are_weak_evidence(text):
    assert weak(text) == WEAK_WIDGET


@pytest.mark.parametrize(
    "text",
    [
        "0:00",
        "/2:54",  # a video player's times
        "11 天前",  # a forum's post time, spaced: human-extracted text keeps it
        "返回搜狐，查看更多",  # a clause
        "阅读下一篇：",  # introduces what follows
        "微信支付新规今起实施",  # a headline about 微信
        "方法一还得加登录状态判断，也不简单了……",  # a sentence trailing off
        "会议于14:00开始，全体代表出席。",
        "本文来源：经济日报 作者：某某研究员",  # a byline's labels are no widget
    ],
)
def test_not_weak_evidence(text):
    assert weak(text) == 0


def test_a_headline_cut_short_is_weak_only_at_a_tail():
    assert weak("某某市召开全市教育工作会议…", tail=True) == WEAK_WIDGET
    assert weak("某某市召开全市教育工作会议...", tail=True) == WEAK_WIDGET
    assert weak("某某市召开全市教育工作会议…", tail=False) == 0
    assert weak("// ...", tail=True) == 0  # no words


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_disclaimer_sentence_holds_a_footers_evidence(colon):
    matcher = chrome_matcher()
    assert strong_chrome(matcher, f"声明{colon}本文转自网络，如有侵权请联系删除。")
    assert strong_chrome(matcher, "本站所有文章版权所有，转载请注明出处。")
    assert not strong_chrome(matcher, PARA)
    assert not strong_chrome(matcher, "市民可以通过微信公众号预约挂号，也可以拨打电话。")


# -- in context ------------------------------------------------------------------------


@pytest.mark.parametrize("colon", ["：", ":"])
def test_widgets_and_prompts_at_the_tail_join_the_footer(colon):
    text = "\n".join(
        [
            PARA,
            PARA2,
            f"分享到{colon}微博 微信 抖音 豆瓣",
            "张三 2023-05-12 14:17",
            "某地网友 5分钟前",
            FOOTER,
        ]
    )
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_a_spaced_menu_at_the_head_is_deleted_and_the_title_kept():
    title = "全市教育工作会议召开"
    text = "\n".join(["要闻 / 国内 / 国际 / 财经 / 体育", title, PARA, PARA2, FOOTER])
    assert fix_text(text, RULES) == "\n".join([title, PARA, PARA2])


def test_a_menu_column_at_the_head_is_deleted_and_the_title_kept():
    title = "全市教育工作会议召开"
    text = "\n".join(["首页", "要闻", "财经", "体育", "当前位置：首页 > 新闻", title, PARA, PARA2])
    assert fix_text(text, RULES) == "\n".join([title, PARA, PARA2])


def test_cut_titles_after_the_article_are_furniture_to_the_end():
    titles = ["某某市召开全市教育工作会议…", "某某区举办春季运动会…", "某某县推进乡村振兴…"]
    text = "\n".join([PARA, PARA2, *titles, FOOTER])
    assert ("SA002", 3, 5, "warning", "safe") in _rows(text)
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


@pytest.mark.parametrize(
    "header", ["【本周热点】", "▍大家都在看", "— 今日关注 —", "往期回顾 更多>>"]
)
def test_a_decorated_header_over_titles_ends_the_page(header):
    titles = ["广州海珠重点片区近万人有疏解意愿", "端午节可以跨省旅游吗", "夹竹桃泡茶能增强体质"]
    crumb = "当前位置：首页 > 新闻"
    text = "\n".join([crumb, PARA, PARA2, header, *titles])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])
    # an undecorated short line over the same titles may be the article's last heading
    text = "\n".join([crumb, PARA, PARA2, "往期回顾", *titles])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2, "往期回顾", *titles])


def test_titles_between_the_article_and_the_footer_are_one_block():
    titles = ["广州海珠重点片区近万人有疏解意愿", "端午节可以跨省旅游吗", "夹竹桃泡茶能增强体质"]
    text = "\n".join([PARA, PARA2, *titles, FOOTER])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_disclaimer_before_the_footer_is_deleted(colon):
    text = "\n".join(
        [PARA, PARA2, f"声明{colon}本文转自网络，版权归原作者所有，如有侵权请联系删除。", FOOTER]
    )
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_a_metadata_line_printed_with_bars_keeps_the_title_above_it():
    title = "全市教育工作会议召开"
    text = "\n".join(
        [
            "网站首页 >> 国际新闻 >> 正文",
            title,
            "时间：2017年10月11日 05:44 | 来源：某某日报 | 阅读 26528",
            "打印 | 纠错 | 关闭",
            PARA,
            PARA2,
        ]
    )
    fixed = fix_text(text, RULES).split("\n")
    assert title in fixed and PARA in fixed and "打印 | 纠错 | 关闭" not in fixed


# -- look-alikes that stay ----------------------------------------------------------------


def test_a_list_of_names_under_its_introduction_stays():
    text = "\n".join(
        [PARA, PARA2, "获奖名单如下：", "张伟 李娜 王芳 刘洋", "陈静 杨帆 赵磊 黄敏", FOOTER]
    )
    fixed = fix_text(text, RULES).split("\n")
    assert "张伟 李娜 王芳 刘洋" in fixed and "陈静 杨帆 赵磊 黄敏" in fixed


def test_a_signature_and_two_closing_lines_before_the_footer_stay():
    text = "\n".join([PARA, PARA2, "某某市教育局", "2019年5月1日", FOOTER])
    fixed = fix_text(text, RULES).split("\n")
    assert fixed[:4] == [PARA, PARA2, "某某市教育局", "2019年5月1日"]


def test_a_print_note_and_an_editor_note_after_the_article_stay():
    text = "\n".join(
        [
            PARA,
            PARA2,
            "《 某某日报 》（ 2024年05月10日 04 版）",
            "(责编：张三、李四)",
            "相关新闻",
            "标题一二三四五六",
            "标题七八九十一二",
        ]
    )
    fixed = fix_text(text, RULES).split("\n")
    assert "《 某某日报 》（ 2024年05月10日 04 版）" in fixed


def test_weak_lines_inside_the_text_stay():
    lines = [PARA, "要闻 / 国内 / 国际 / 财经 / 体育", "张三 2023-05-12 14:17", PARA2, PARA3]
    assert [r for r in _rows("\n".join(lines)) if r[3] == "warning"] == []


def test_a_forum_thread_keeps_its_post_times_and_trailing_sentences():
    text = "\n".join(
        [
            "问题描述：访问社区时自动弹出登录窗口，访问子页会自动跳转到首页，这是怎么回事？",
            "有点蠢",
            "11 天前",
            PARA,
            "寒冰冽",
            "方法一还得加登录状态判断，也不简单了……",
            "寒冰冽",
            "好的，看来只能找人二开插件了。谢谢你",
        ]
    )
    assert [r for r in _rows(text) if r[3] == "warning"] == []


# -- second round: bars, locations, days, prompts, contacts, columns ---------------------


def test_a_bar_of_widgets_under_the_title_keeps_the_title():
    title = "全市教育工作会议召开"
    text = "\n".join(
        [
            title,
            "打印本页 | 纠错 | 推荐给朋友",
            "时间： 2021年5月10日 19:05 来源：某某日报",
            PARA,
            PARA2,
        ]
    )
    fixed = fix_text(text, RULES).split("\n")
    assert fixed == [title, PARA, PARA2]


@pytest.mark.parametrize("label", ["你现在的位置：", "您所在的位置:", "你的当前位置： "])
def test_a_location_label_opens_a_breadcrumb(label):
    text = "\n".join([f"{label}某某网 > 新闻中心", PARA, PARA2])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_a_location_inside_a_sentence_is_no_breadcrumb():
    text = "\n".join([PARA, "会场位置：市民中心 > 三楼", PARA2])
    assert fix_text(text, RULES) == text


@pytest.mark.parametrize("day", ["[05-12]", "(05-12)", "（05-12）"])
def test_titles_with_their_day_after_the_article_are_furniture(day):
    titles = [f"某某市召开全市教育工作会议{day}", f"某某区举办春季运动会{day}"]
    text = "\n".join([PARA, PARA2, *titles, FOOTER])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


@pytest.mark.parametrize(
    "prompt",
    ["长按识别二维码", "关注某某日报微信公众号", "下载某某日报客户端", "网友评论", "已有5条评论"],
)
def test_app_prompts_and_comment_headers_at_the_tail_are_furniture(prompt):
    text = "\n".join([PARA, PARA2, prompt, "张三 2023-05-12 14:17", FOOTER])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_comment_words_in_a_title_at_the_head_stay():
    # above the metadata line a title may hold 评论 or 客户端: only the vocabulary counts there
    title = "专家评论"
    text = "\n".join(
        ["当前位置：首页 > 新闻", title, "发布时间：2021-05-10 来源：某某日报", PARA, PARA2]
    )
    assert title in fix_text(text, RULES).split("\n")


@pytest.mark.parametrize("colon", ["：", ":"])
def test_two_contact_fields_above_the_footer_are_furniture(colon):
    contact = f"地址{colon}某某市某某路88号  邮编{colon}100010"
    text = "\n".join([PARA, PARA2, contact, FOOTER])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_one_contact_field_closing_a_notice_stays():
    contact = "联系人：张老师"
    text = "\n".join([PARA, PARA2, contact, FOOTER])
    assert contact in fix_text(text, RULES).split("\n")


def test_a_menu_column_continued_under_the_head_furniture_is_deleted():
    title = "全市教育工作会议召开"
    column = ["数据", "地方", "读书", "教育", "文化", "国内", "民生"]
    text = "\n".join(
        ["当前位置：首页 > 新闻", *column, title, "日期：2010-03-09 来源：某某日报", PARA, PARA2]
    )
    assert fix_text(text, RULES).split("\n") == [title, PARA, PARA2]


def test_a_short_title_under_a_menu_column_stays():
    text = "\n".join(["当前位置：首页 > 散文", "首页", "散文", "诗歌", "背影", PARA, PARA2])
    assert "背影" in fix_text(text, RULES).split("\n")


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_prompt_opened_by_a_widget_label_before_a_comma_is_weak(comma):
    assert weak(f"扫一扫{comma}关注某某日报") == WEAK_WIDGET
    assert weak(f"返回搜狐{comma}查看更多") == 0  # the words before the comma are no phrase


def test_a_dated_line_of_unknown_labels_keeps_the_title_above_it():
    title = "我先买了一袋酱"
    text = "\n".join(
        [
            "网站首页 >> 社会民生",
            title,
            "日期： 2017年07月10日  出处： 某某商报  阅读 66564  撰写人:某某",
            "分享到：朋友圈 微博",
            PARA,
            PARA2,
        ]
    )
    assert title in fix_text(text, RULES).split("\n")


def test_a_notices_time_and_place_line_stays():
    line = "时间：2019年5月1日上午9时 地点：市民中心三楼会议室"
    text = "\n".join([PARA, line, PARA2, FOOTER])
    assert line in fix_text(text, RULES).split("\n")


def test_a_widget_prompt_right_above_the_tails_furniture_joins_it():
    text = "\n".join([PARA, PARA2, "扫一扫，关注某某融媒体中心", "微信扫一扫", "上一条：没有了"])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_a_decorated_header_over_dated_titles_joins_them():
    titles = [
        "出租车司机总是有点儿 2016年10月2日",
        "某某市召开全市教育工作会议[08-21]",
        "某某区举办春季运动会[12-27]",
    ]
    text = "\n".join(["当前位置：首页 > 新闻", PARA, PARA2, "▍大家都在看", *titles, FOOTER])
    assert fix_text(text, RULES) == "\n".join([PARA, PARA2])


def test_a_spaced_menu_above_a_breadcrumb_is_no_title():
    text = "\n".join(
        [
            "互动  直播  国际  视频  首页  健康",
            "位置: 主页 → 图片新闻 → 国际新闻",
            "更新时间：2014/11/15 来源：某某日报",
            PARA,
            PARA2,
        ]
    )
    assert fix_text(text, RULES).split("\n")[-2:] == [PARA, PARA2]
    assert "互动  直播  国际  视频  首页  健康" not in fix_text(text, RULES)


def test_a_widget_between_the_title_and_the_article_is_deleted():
    title = "全市教育工作会议召开"
    text = "\n".join(["当前位置：首页 > 新闻", title, "扫一扫在手机上打开当前页", PARA, PARA2])
    assert fix_text(text, RULES).split("\n") == [title, PARA, PARA2]


def test_a_subtitle_between_the_title_and_the_article_stays():
    title = "全市教育工作会议召开"
    subtitle = "关于今年教育工作的几点思考"
    text = "\n".join(["当前位置：首页 > 新闻", title, subtitle, PARA, PARA2])
    assert fix_text(text, RULES).split("\n") == [title, subtitle, PARA, PARA2]
