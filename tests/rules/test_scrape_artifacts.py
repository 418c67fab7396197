"""Scrape artifacts (SA): chrome lines, sidebars, repeated blocks, pasted pages."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document, Severity
from lint.config import Config, ConfigError
from lint.linter import check_document
from lint.ruleset import CliSelection, build_ruleset
from lint.testing import fix_text, lint_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.layout import page_layout
from rules.scrape_artifacts.vocabulary import (
    DATE_SEPARATORS,
    DATE_SIGNATURE,
    chrome_matcher,
    has_date_separator,
    sidebar_kind,
)
from tests.corpus import SEED, SEED_FIXED, iter_documents, requires_corpus

BODY = (
    "今天我们召开教育系统工作会议，主要任务是贯彻落实上级要求，具体安排部署各项工作。\n"
    "各校要高度重视，精心组织，认真落实，确保各项工作取得实效。\n"
)


def _warnings(text: str, code: str) -> list[tuple[int, str]]:
    doc = Document(text)
    return [
        (doc.position(d.start)[0], d.fix.applicability.value if d.fix else None)
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
        if d.code == code
    ]


# -- SA001 page-chrome -----------------------------------------------------------------

CHROME_LINES = [
    "更新时间:2023-04-23 17:42:10 发布时间:24小时内 作者:文/会员上传 下载doxc",
    "更新时间：2023-04-23 17:42:10 发布时间：24小时内 作者：文/会员上传 下载doxc",
    "将本文的Word文档下载到电脑",
    "推荐度:",
    "推荐度：",
    "发布时间：2021.06.03 浏览量：人 作者：北京浪琴维修",
    "上一篇：湿疹的治疗原则有哪些",
    "下一篇 : 模具材料对热处理变形的影响",
    "上一条: 烧烤环境 下一条: 真人cs玩法",
    "返回顶部",
    "分享到：",
    "Copyright© 2009-2019 铜雀历史网 黔ICP备15016750号-1",
    "京ICP备05022684号-3",
    "编辑：倪仕轩 责任编辑：杨格",
    "本文来源于网络，如有侵权请联系删除",
    "浏览次数：1024 字号：大 中 小 打印 关闭窗口",
    "猜你喜欢",
    "微信扫一扫",
    # the font-size widget: its value is 大 中 小, not one character
    "字号：大 中 小",
    "字号:大 中 小",
    "字体：大 中 小",
    "字体: 小 中 大",
    # QR-code prompts
    "扫一扫，手机浏览",
    "扫一扫,手机浏览",
    "手机扫一扫",
    "扫一扫在手机上阅读",
    # copyright footers: 版权所有 / Copyright / © with a year, then the site's name
    "版权所有 © 2021 新华网",
    "版权所有©2021新华网",
    "Copyright © 2009-2019 某某网 All Rights Reserved",
    "Copyright © 2000 - 2024 XINHUANET.com All Rights Reserved.",
    "Copyright 2005-2021 example.com",
    "© 2021 新华网",
    "版权所有：中国科普网",
    "版权所有:中国科普网",
    "版权所有 中国互联网新闻中心",
    # a relative timestamp alone, in Arabic digits
    "24小时内",
    "3分钟前",
    "2天前",
    "5小时前",
    # a metadata label whose value is a URL
    "本文访问地址：https://www.example.org.cn/a.html",
    "本文访问地址:https://www.example.org.cn/a.html",
    "原文链接：http://www.example.com/news/2021/0603/12345.shtml",
    "原文链接: http://www.example.com/news/2021/0603/12345.shtml",
    "本文地址：https://www.example.com/a/b.html",
    "原文地址：http://example.com/x?id=3&y=4",
    # download widgets
    "下载文档",
    "文档下载",
    # counters
    "已有 28335924 人来访过",
    "已有28335924人来访过",
    "博文: 14387",
    "博文：14387",
    "图片数: 118",
    "访问量：12345",
    "访问量:12345",
    # a widget with a relative date in words
    "上一篇 昨天",
    "相关文章 刚刚",
]


def _sa001(text: str) -> list[tuple[str, int, str, str | None]]:
    doc = Document(text)
    return [
        (
            d.code,
            doc.position(d.start)[0],
            d.severity.label,
            d.fix.applicability.value if d.fix else None,
        )
        for d in lint_text(text, RULES)
        if d.code == "SA001"
    ]


@pytest.mark.parametrize("line", CHROME_LINES)
@pytest.mark.parametrize("where", ["head", "body", "tail"])
def test_chrome_line_flagged_with_safe_fix(line, where):
    parts = {"head": [line, BODY], "body": [BODY, line + "\n", BODY], "tail": [BODY, line]}
    text = "\n".join(p.rstrip("\n") for p in parts[where])
    number = text.split("\n").index(line) + 1
    assert _sa001(text) == [("SA001", number, "warning", "safe")]
    # the fix deletes exactly the line and its break
    kept = [p.rstrip("\n") for p in parts[where] if p.rstrip("\n") != line]
    assert fix_text(text, RULES) == "\n".join(kept)


NOT_CHROME = [
    "作者在文中指出，下载量逐年增加，说明读者越来越多。",
    "上一篇文章讲了湿疹的成因，这一篇讲治疗。",
    "来源于生活，高于生活，这是艺术创作的基本规律。",
    "编辑部的同志们认真审读了每一篇来稿。",
    "点击下载按钮以后，系统会提示保存文件的位置，请按提示操作。",
    "他把文章分享到朋友圈，收到了很多点赞和评论，大家都很受鼓舞。",
    "本书版权所有者同意我们在课堂上使用其中的章节进行教学。",
    "关闭窗口之前，请先保存正在编辑的文档，以免丢失内容。",
    "责任编辑的工作是对稿件进行全面审核，保证出版质量。",
    "时间：2012年7月6日上午九时，地点：学校大礼堂，请全体教师准时参加会议。",
    "我们要返回顶部的菜单重新选择课程，然后再提交报名表。",
    "猜你喜欢的水果是什么？小明问道。",
    "第一章 施工图识读",
    "二、周密部署,精心组织,扎实推进创先争优活动深入有效开展",
    "作者：佚名",  # a byline alone is only a note
]


@pytest.mark.parametrize("line", NOT_CHROME)
def test_not_chrome(line):
    text = BODY + line + "\n" + BODY
    assert _warnings(text, "SA001") == []


# Look-alikes of the chrome above: prose, headings, Markdown and English that use its words.
NOT_CHROME_LOOKALIKES = [
    "版权所有人有权禁止他人复制其作品。",
    "版权所有人的权利",  # a heading: no space or © after 版权所有
    "© 2021年以来我们一直在努力",  # a year read as a date starts a sentence
    "版权所有 2021年以后由作者本人保留",
    "Copyright 2021 was a good year for the company.",
    "Copyright law protects original works of authorship.",
    "三年前，他离开了家乡。",
    "三年前",
    "昨天",
    "3年前",  # years ago is a story's, not a news timestamp
    "11 天前",  # forum software's post time, which human-extracted text keeps
    "24小时内完成审批",
    "请扫一扫下面的二维码，关注我们的公众号，获取更多学习资料和最新通知。",
    "用手机浏览网页时，字号可以调大一些。",
    "本文地址的变更将在下周公布。",
    "原文链接在文末，请大家自行查看。",
    "他的博文写得很好，已有很多人来访过他的博客。",
    "博文：关于微塑料的几点思考",  # a title after 博文, not a count
    "网站访问量：120万人次",
    "下载文档后请仔细阅读，有问题及时反馈。",
    "- [下载文档](https://example.com/manual.pdf)",
    "| 字号 | 大 中 小 |",
    "Scan the QR code to read this article on your phone.",
    "The blog has 14387 posts and 118 pictures.",
]


@pytest.mark.parametrize("line", NOT_CHROME_LOOKALIKES)
def test_chrome_lookalike_not_reported(line):
    text = BODY + line + "\n" + BODY
    assert _sa001(text) == []
    assert fix_text(text, RULES) == text


def test_byline_is_an_info_note_without_fix():
    text = BODY + "【责任编辑：王頔】\n"
    [d] = [d for d in lint_text(text, RULES) if d.code == "SA001"]
    assert d.severity is Severity.INFO and d.fix is None


def test_extend_phrases_option():
    text = BODY + "本站声明\n" + BODY
    assert _warnings(text, "SA001") == []
    found = lint_text(text, RULES, settings={"SA001": {"extend-phrases": ["本站声明"]}})
    assert [d.code for d in found if d.code == "SA001"] == ["SA001"]


# -- SA002 sidebar-noise ---------------------------------------------------------------

SIDEBAR_FLAGGED = [
    ("2022-07-14\n2022-07-13\n2022-07-14\n2022-07-13\n2022-07-09\n" + BODY, 1, "safe"),
    (BODY + "2022-07-14\n2022-07-13\n2022-07-09", 3, "safe"),
    ("2022/7/14\n2022/7/13\n2022/7/9\n" + BODY, 1, "safe"),
    ("2022年7月14日\n2022年7月13日\n2022年7月9日\n" + BODY, 1, "safe"),
    ("30 16:18:34\n29 09:12:02\n28 11:40:55\n" + BODY, 1, "safe"),
    ("2022-07-14 17:42\n2022-07-13 09:10\n2022-07-12 08:00\n" + BODY, 1, "safe"),
    ("强图打榜 2024-05-23\n新品发布 2024-05-22\n年中大促 2024-05-20\n" + BODY, 1, "safe"),
    ("2024-05-23 强图打榜\n2024-05-22 新品发布\n2024-05-20 年中大促\n" + BODY, 1, "safe"),
    ("[2022-07-14]\n[2022-07-13]\n[2022-07-09]\n" + BODY, 1, "safe"),
    ("（2022-07-14）\n（2022-07-13）\n（2022-07-09）\n" + BODY, 1, "safe"),
    ("07-14\n07-13\n07-09\n" + BODY, 1, "safe"),
    ("发布时间：2023-04-23\n2022-07-14\n2022-07-13\n2022-07-09\n" + BODY, 2, "safe"),
    (BODY + "2022-07-14\n2022-07-13\n2022-07-09\n2022-07-08\n" + BODY, 3, None),
    (BODY + "2022-07-14\n\n2022-07-13\n\n2022-07-09\n", 3, "safe"),
    (BODY + "相关文章\n2022-07-14\n2022-07-13\n2022-07-09\n" + "版权所有\n" + BODY, 4, "safe"),
]


@pytest.mark.parametrize(("text", "line", "fix"), SIDEBAR_FLAGGED)
def test_sidebar_flagged(text, line, fix):
    assert _warnings(text, "SA002") == [(line, fix)]


SIDEBAR_NOT_FLAGGED = [
    "2022-07-14\n2022-07-13\n" + BODY,  # two lines are not a run
    "2008年5月12日，汶川发生8.0级地震。\n2008年8月8日，北京奥运会开幕。\n2010年5月1日，上海世博会开幕。\n",
    BODY + "2022-07-14\n" + BODY + "2022-07-13\n" + BODY + "2022-07-09\n",
    "会议时间：2022年7月14日\n会议地点：学校礼堂\n参会人员：全体教师\n",
    "1949年10月1日\n中华人民共和国成立，这是中国历史上划时代的事件，从此中国人民站起来了。\n",
    "第一节 8:00-8:45\n第二节 8:55-9:40\n第三节 10:00-10:45\n",
    "3-4\n5-6\n7-8\n",
    BODY,
    "2022-07-14出发，2022-07-20返回，全程七天，请大家提前做好准备。\n" * 3,
    "一、2022年工作回顾\n二、2023年工作计划\n三、保障措施\n",
    "他说：“2022-07-14那天，我第一次来到这里。”\n她说：“我也是。”\n" + BODY,
    "电话：0851-1234567\n邮编：550001\n地址：贵阳市\n",
    "第1期 2022-07-14 出版的杂志里有这篇文章，大家可以找来读一读，很有意思。\n" * 3,
    "12:00 午饭\n",
    "",
]


@pytest.mark.parametrize("text", SIDEBAR_NOT_FLAGGED)
def test_sidebar_not_flagged(text):
    assert _warnings(text, "SA002") == []


def test_dated_titles_inside_the_body_are_only_a_note():
    text = BODY + "新品发布 2024-05-22\n年中大促 2024-05-20\n周年庆典 2024-05-18\n" + BODY
    [d] = [d for d in lint_text(text, RULES) if d.code == "SA002"]
    assert d.severity is Severity.INFO and d.fix is None


# -- SA003 repeated-block --------------------------------------------------------------

PARAGRAPH = (
    "通过开展活动促进教育科学发展，用科学发展的成果检验活动成效，"
    "使整个活动统一于推动教育事业发展的大局之中。"
)

REPEAT_FLAGGED = [
    (
        "2022-07-14\n2022-07-13\n2022-07-09\n更新时间:2023-04-23\n2022-07-14\n2022-07-13\n2022-07-09\n"
        + BODY,
        5,
        "warning",
        "safe",
    ),
    (
        "2022-07-14\n2022-07-13\n2022-07-09\n发布时间：2023-04-23\n2022-07-14\n2022-07-13\n2022-07-09\n"
        + BODY,
        5,
        "warning",
        "safe",
    ),
    (PARAGRAPH + "\n" + BODY + PARAGRAPH + "\n", 4, "info", None),
    (BODY + PARAGRAPH + "\n" + PARAGRAPH + "\n", 4, "info", None),
    (
        "返回顶部\n分享到：微信 微博\n版权所有：某某网站 京ICP备05022684号\n"
        + BODY
        + "返回顶部\n分享到：微信 微博\n版权所有：某某网站 京ICP备05022684号\n",
        6,
        "warning",
        "safe",
    ),
    (
        "第一章 施工图识读\n设计规范要求\n保温常规做法\n"
        + BODY
        + "第一章 施工图识读\n设计规范要求\n保温常规做法\n",
        6,
        "info",
        None,
    ),
    (BODY + BODY, 3, "info", None),
    ("  " + PARAGRAPH + "\n" + BODY + PARAGRAPH + "  \n", 4, "info", None),
    (
        PARAGRAPH.replace("，", ",") + "\n" + BODY + PARAGRAPH.replace("，", ",") + "\n",
        4,
        "info",
        None,
    ),
    ("a\n" + PARAGRAPH + "\nb\n" + PARAGRAPH + "\n", 4, "info", None),
    (
        "首页导航\n新闻中心动态\n体育赛事直播\n财经要闻速递\n"
        + BODY
        + "首页导航\n新闻中心动态\n体育赛事直播\n财经要闻速递\n",
        7,
        "info",
        None,
    ),
    (
        "2022-07-14\n2022-07-13\n2022-07-09\n" + BODY + "2022-07-14\n2022-07-13\n2022-07-09",
        6,
        "warning",
        "safe",
    ),
    (
        "上一篇：湿疹的治疗原则有哪些\n下一篇：湿疹最初的表现症状有哪些\n相关文章\n"
        + BODY
        + "上一篇：湿疹的治疗原则有哪些\n下一篇：湿疹最初的表现症状有哪些\n相关文章\n",
        6,
        "warning",
        "safe",
    ),
    (PARAGRAPH * 2 + "\n" + BODY + PARAGRAPH * 2 + "\n", 4, "info", None),
    ("【篇一】\n" + PARAGRAPH + "\n【篇二】\n" + PARAGRAPH + "\n", 4, "info", None),
]


@pytest.mark.parametrize(("text", "line", "severity", "fix"), REPEAT_FLAGGED)
def test_repeated_block_flagged(text, line, severity, fix):
    doc = Document(text)
    found = [
        (doc.position(d.start)[0], d.severity.label, d.fix.applicability.value if d.fix else None)
        for d in lint_text(text, RULES)
        if d.code == "SA003"
    ]
    assert found == [(line, severity, fix)]


REPEAT_NOT_FLAGGED = [
    BODY,
    "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n",
    "好好学习\n天天向上\n好好学习\n天天向上\n",  # short refrain, two lines
    "男：你好。\n女：你好。\n男：再见。\n女：再见。\n",
    "同志们：\n" + BODY + "同志们：\n",
    "一、\n二、\n一、\n二、\n",
    PARAGRAPH + "\n" + PARAGRAPH[:-1] + "！\n",  # not verbatim
    "是\n是\n是\n是\n",
    "\n\n\n\n",
    "",
    "谢谢！\n" * 2,
    BODY + "。\n" + BODY.split("\n")[0] + "\n",  # one line of two repeated, under 50 characters
    "第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全校。\n",
    "2022-07-14\n" + BODY + "2022-07-14\n",
    "（一）\n（二）\n（三）\n",
]


@pytest.mark.parametrize("text", REPEAT_NOT_FLAGGED)
def test_repeated_block_not_flagged(text):
    assert [d for d in lint_text(text, RULES) if d.code == "SA003"] == []


# -- SA004 multiple-articles -----------------------------------------------------------

ARTICLES_FLAGGED = [
    (BODY + "篇二\n" + BODY + "篇三\n" + BODY, [3, 6]),
    ("篇一\n" + BODY + "篇二\n" + BODY, [1, 4]),
    ("【篇一】\n" + BODY + "【篇二】\n" + BODY, [1, 4]),
    ("第一篇\n" + BODY + "第二篇\n" + BODY, [1, 4]),
    ("范文一\n" + BODY + "范文二\n" + BODY, [1, 4]),
    ("篇一：开学典礼讲话\n" + BODY + "篇二：毕业典礼讲话\n" + BODY, [1, 4]),
    ("篇1\n" + BODY + "篇2\n" + BODY, [1, 4]),
    (BODY + "【篇二】\n" + BODY, [3]),
    ("范文1\n" + BODY + "范文2\n" + BODY + "范文3\n" + BODY, [1, 4, 7]),
    (BODY + "第二篇：表态发言\n" + BODY, [3]),
    ("篇一:开学\n" + BODY + "篇二:毕业\n" + BODY, [1, 4]),
    (BODY + "篇十\n" + BODY, [3]),
    ("  篇一  \n" + BODY + "  篇二  \n" + BODY, [1, 4]),
    ("[篇一]\n" + BODY + "[篇二]\n" + BODY, [1, 4]),
    ("（篇一）\n" + BODY + "（篇二）\n" + BODY, [1, 4]),
]


@pytest.mark.parametrize(("text", "lines"), ARTICLES_FLAGGED)
def test_multiple_articles_noted(text, lines):
    doc = Document(text)
    found = [d for d in lint_text(text, RULES) if d.code == "SA004"]
    assert [doc.position(d.start)[0] for d in found] == lines
    assert all(d.severity is Severity.INFO and d.fix is None for d in found)


ARTICLES_NOT_FLAGGED = [
    BODY,
    "第二篇文章讲的是环境保护，大家课后认真阅读。\n" + BODY,
    "篇幅有限，不再赘述。\n" + BODY,
    "这是上篇，下篇明天再讲。\n",
    "范文是学习写作的好材料。\n",
    "篇二十分精彩，值得一读，大家一定要认真读完。\n" + BODY,
    "长篇\n短篇\n",
    "第二篇章：奋斗\n",
    "《诗经》三百篇\n",
    "篇\n",
    "一篇\n两篇\n",
    "本文共三篇，下面是第一篇的内容，请大家认真学习，深刻领会其中的精神实质。\n",
    "篇目：\n",
    "范文网\n",
    "",
]


@pytest.mark.parametrize("text", ARTICLES_NOT_FLAGGED)
def test_multiple_articles_not_noted(text):
    assert [d for d in lint_text(text, RULES) if d.code == "SA004"] == []


# -- the seed ---------------------------------------------------------------------------


def test_seed_rows():
    text = SEED.read_text(encoding="utf-8")
    doc = Document(text)
    found = [
        (
            d.code,
            *doc.position(d.start),
            d.severity.label,
            d.fix.applicability.value if d.fix else None,
        )
        for d in lint_text(text, RULES)
    ]
    assert found == [
        ("SA002", 1, 1, "warning", "safe"),
        ("SA001", 6, 1, "warning", "safe"),
        ("SA003", 7, 1, "warning", "safe"),
        ("SA004", 36, 1, "info", None),
        ("SA004", 43, 1, "info", None),
        ("SA001", 53, 1, "warning", "safe"),
        ("SA001", 54, 1, "warning", "safe"),
    ]
    assert "篇一 has no separator before line 12" in next(
        d.message for d in lint_text(text, RULES) if d.code == "SA004"
    )


def test_seed_fix_removes_exactly_the_chrome_lines():
    text = SEED.read_text(encoding="utf-8")
    fixed = fix_text(text, RULES)
    expected = SEED_FIXED.read_text(encoding="utf-8")
    # the other families' edits (lines 22 and 38 of the seed) are not SA's
    assert fixed.split("\n")[:10] == expected.split("\n")[:10]
    assert fixed.split("\n")[12:26] == expected.split("\n")[12:26]
    assert fixed.split("\n")[27:] == expected.split("\n")[27:]
    assert len(fixed.split("\n")) == len(expected.split("\n"))
    assert fix_text(fixed, RULES) == fixed


@requires_corpus
def test_no_warnings_on_clean_and_legitimate_text():
    offenders = []
    for label, text in iter_documents("clean", "star_legit", "hard_negatives"):
        for d in lint_text(text, RULES, min_severity=Severity.WARNING):
            offenders.append(f"{label}: {d.code} {text[d.start : d.end][:60]!r}")
    assert not offenders, "\n".join(offenders)


@requires_corpus
def test_recall_on_real_dirty_pages():
    found = {}
    for label, text in iter_documents("dirty"):
        found[label] = {
            text[d.start : d.end] for d in lint_text(text, RULES, min_severity=Severity.WARNING)
        }
    assert "上一篇：白癜风对青年人的人身有什么危害?" in found["dirty/cwt-cc-02-bozhou.txt"]
    assert (
        "发布时间：2021.06.03 浏览量：人 作者：北京浪琴维修"
        in found["dirty/cwt-cc-61-sh-longines.txt"]
    )
    assert "返回顶部" in found["dirty/mh-1e20e027-finance_people_com_cn.txt"]
    assert sum(len(v) for v in found.values()) >= 25


# -- the vocabulary's options are shared by the family ---------------------------------

# 本站声明 is not in the shipped vocabulary: with extend-phrases it is a chrome line
EXTENDED = {"extend-phrases": ["本站声明"]}
_BY_CODE = {cls.code: cls for cls in RULES}


def _family(config_rules: dict) -> list:
    """The SA rules as a config with ``rules`` builds them (shared options reach all)."""
    config = Config(rules=config_rules)
    return build_ruleset(config, _BY_CODE, CliSelection(select=("SA",))).rules


def _found(text: str, rules: list) -> list[tuple[str, int, str, str | None]]:
    doc = Document(text)
    return [
        (
            d.code,
            doc.position(d.start)[0],
            d.severity.label,
            d.fix.applicability.value if d.fix else None,
        )
        for d in check_document(doc, rules)
    ]


def test_every_sa_rule_declares_the_vocabulary_as_shared_options():
    for cls in RULES:
        shared = {o.name for o in cls.options if o.shared}
        assert shared == {"extend-metadata-keys", "extend-byline-keys", "extend-phrases"}


def test_repeated_block_honours_extend_phrases_set_on_page_chrome():
    block = "本站声明\n返回顶部\n版权所有：某某网站有限公司\n"
    text = block + BODY + block
    # without the option 本站声明 is prose: the copy is a note without a fix
    assert [f for f in _found(text, _family({})) if f[0] == "SA003"] == [("SA003", 6, "info", None)]
    # set on SA001 only, the option reaches SA003: the copy is chrome, deleted safely
    found = _found(text, _family({"SA001": EXTENDED}))
    assert [f for f in found if f[0] == "SA003"] == [("SA003", 6, "warning", "safe")]
    assert ("SA001", 1, "warning", "safe") in found


def test_sidebar_noise_honours_extend_phrases_set_on_page_chrome():
    text = BODY + "本站声明\n2022-07-14\n2022-07-13\n2022-07-09\n版权所有\n" + PARAGRAPH
    assert [f for f in _found(text, _family({})) if f[0] == "SA002"] == [
        ("SA002", 4, "warning", None)
    ]
    # between two chrome lines, the run is deletable
    assert [f for f in _found(text, _family({"page-chrome": EXTENDED}))] == [
        ("SA001", 3, "warning", "safe"),
        ("SA002", 4, "warning", "safe"),
        ("SA001", 7, "warning", "safe"),
    ]


def test_multiple_articles_honours_extend_phrases_set_on_page_chrome():
    text = "本站声明\n" + BODY + "篇二\n" + BODY
    plain = [d.message for d in check_document(Document(text), _family({})) if d.code == "SA004"]
    assert "篇一 has no separator before line 1" in plain[0]
    extended = [
        d.message
        for d in check_document(Document(text), _family({"SA003": EXTENDED}))
        if d.code == "SA004"
    ]
    assert "篇一 has no separator before line 2" in extended[0]


def test_same_settings_through_lint_text_give_the_same_layout_to_every_rule():
    block = "本站声明\n返回顶部\n版权所有：某某网站有限公司\n"
    text = block + BODY + block
    settings = {cls.code: EXTENDED for cls in RULES}
    found = [d for d in lint_text(text, RULES, settings=settings) if d.code == "SA003"]
    assert [(d.severity, d.fix is not None) for d in found] == [(Severity.WARNING, True)]


def test_the_layout_is_computed_once_per_document_and_option_set():
    doc = Document("本站声明\n" + BODY)
    rules = _family({"SA001": EXTENDED})
    keys = {rule.layout_key for rule in rules}
    assert keys == {((), (), ("本站声明",))}
    first = page_layout(doc, next(iter(keys)))
    assert all(page_layout(doc, rule.layout_key) is first for rule in rules)
    assert page_layout(doc) is not first  # the shipped vocabulary has its own
    assert 1 in first.chrome and 1 not in page_layout(doc).chrome


def test_conflicting_shared_options_are_a_config_error():
    with pytest.raises(ConfigError, match="shared"):
        _family({"SA001": EXTENDED, "SA003": {"extend-phrases": ["别的"]}})


# -- rules pickle (worker processes receive them) --------------------------------------


@pytest.mark.parametrize("config_rules", [{}, {"SA001": EXTENDED}])
def test_rules_pickle_and_give_the_same_findings(config_rules):
    text = SEED.read_text(encoding="utf-8") + "本站声明\n" + BODY + "本站声明\n" + BODY
    rules = _family(config_rules)
    copies = pickle.loads(pickle.dumps(rules))
    assert [type(r) for r in copies] == [type(r) for r in rules]
    expected = check_document(Document(text), rules)
    assert len(expected) >= 7
    assert check_document(Document(text), copies) == expected


# -- SA004 names a bounded number of boundaries ------------------------------------------


def test_multiple_articles_message_names_at_most_ten_boundaries():
    text = "".join(f"篇{n}\n{BODY}" for n in range(1, 31))
    found = [d for d in lint_text(text, RULES) if d.code == "SA004"]
    assert len(found) == 30
    message = found[0].message
    assert "30 articles in one page" in message
    assert message.count(" lines ") == 10 and "and 20 more" in message
    assert "篇十 lines 28–30, and 20 more)" in message and "article 11" not in message
    # the message does not grow with the number of articles
    longer = "".join(f"篇{n}\n{BODY}" for n in range(1, 301))
    longest = max(len(d.message) for d in lint_text(longer, RULES) if d.code == "SA004")
    assert longest < 2 * len(message)


def test_multiple_articles_message_lists_all_of_a_few():
    text = BODY + "篇二\n" + BODY + "篇三\n" + BODY
    [first, _] = [d.message for d in lint_text(text, RULES) if d.code == "SA004"]
    assert "(篇一 lines 1–2, 篇二 lines 3–5, 篇三 lines 6–8; 篇一 has no separator" in first
    assert "more" not in first


# -- the literal prefilters find every line the rules could report ---------------------


def test_a_run_of_one_repeated_date_is_still_a_run():
    # the repeated-line test must not hide lines that repeat from the sidebar test
    text = "2022-07-14\n2022-07-14\n2022-07-14\n" + BODY
    assert _warnings(text, "SA002") == [(1, "safe")]


@pytest.mark.parametrize(
    "line",
    [
        "COPYRIGHT",
        "CopyRight © 2009-2019 某某网",
        "ALL RIGHTS RESERVED",
        "WORD下载",
        "下载PDF",
        "Icp备05022684号",
        "QQ空间",
        "PC版本",
        "更新时间\t：2023-04-23",
        "【责任编辑 : 王頔】",
        "已有  28335924  人来访过",
    ],
)
def test_chrome_in_any_case_and_spacing_is_found(line):
    for sep in ("\n", "\r\n"):
        text = BODY.replace("\n", sep) + " " + line + " " + sep + BODY.replace("\n", sep)
        assert [d.code for d in lint_text(text, RULES) if d.code == "SA001"] == ["SA001"], sep


def test_extended_phrases_in_other_scripts_and_cases_are_found():
    settings = {"SA001": {"extend-phrases": ["Kindle版", "Édition spéciale", "Ιστορικό"]}}
    for line in ("KINDLE版", "ÉDITION SPÉCIALE", "ΙΣΤΟΡΙΚΌ", "kindle版"):
        text = BODY + line + "\n" + BODY
        found = [d for d in lint_text(text, RULES, settings=settings) if d.code == "SA001"]
        assert len(found) == 1, line


def test_an_empty_phrase_makes_every_line_a_candidate():
    # "" matches everywhere, as in the phrase pattern itself: the prefilter must agree
    assert chrome_matcher((), (), ("",)).triggers.search("任何一行") is not None
    assert chrome_matcher(("",), (), ()).triggers.search("标题：正文") is not None


_PIECES = [
    *CHROME_LINES,
    *NOT_CHROME,
    *NOT_CHROME_LOOKALIKES,
    "作者", "来源", "：", ":", " ", "　", "2022-07-14", "17:42", "3", "天前", "小时内", "©",
    "版权所有", "copyright", "COPYRIGHT", "Word", "下载", "icp", "人来访过", "博文", "【", "】",
    "大 中 小", "相关文章", "上一篇", "今天", "会议", "，", "。", "İ", "K", "ſ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6), st.booleans())
def test_prefilters_find_every_line_the_classifiers_accept(pieces, upper):
    line = "".join(pieces)
    if upper:
        line = line.upper()
    matcher = chrome_matcher()
    if matcher.classify(line) is not None:
        assert matcher.triggers.search(line) is not None, line
    if sidebar_kind(line) is not None:
        assert DATE_SIGNATURE.search(line) is not None, line
        assert has_date_separator(line), line


def test_the_quick_separator_test_knows_every_separator():
    assert all(has_date_separator(f"1{sep}2") for sep in DATE_SEPARATORS)
    assert has_date_separator("二〇二二年") and not has_date_separator("今天开会")


def test_layout_lines_are_the_documents_lines():
    text = (
        "返回顶部\r\n"
        + BODY.replace("\n", "\r\n")
        + "\r\n  \r\n返回顶部\r\n相关文章\r"
        + "\n"
        + BODY
    )
    doc = Document(text)
    layout = page_layout(doc)
    assert layout.chrome
    assert [layout.line(n) for n in range(1, len(doc.lines) + 1)] == doc.lines
