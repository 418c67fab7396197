"""SA001 page-chrome: a line of site furniture pasted into the text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, Fix, FixAvailability, Rule, Severity
from rules.scrape_artifacts.layout import (
    LAYOUT_OPTIONS,
    Layout,
    compute_layout,
    delete_joined,
    delete_lines,
    layout_gate,
    layout_key,
    may_report,
)


class PageChrome(Rule):
    """A line of page chrome: metadata, download and rating widgets, navigation, footers.

    What
    ----
    A whole line that is site furniture rather than prose: metadata
    (``更新时间:… 发布时间:24小时内 作者:文/会员上传``, ``本文地址：https://…``,
    ``字号：大 中 小``), counters (``已有 28335924 人来访过``, ``博文: 14387``), download,
    rating and QR-code widgets (``将本文的Word文档下载到电脑``, ``下载doxc``, ``推荐度:``,
    ``扫一扫，手机浏览``), navigation (``上一篇：…``, ``返回顶部``, ``相关文章``), legal
    footers (``版权所有``, ``ICP备``, ``本文来源于网络 如有侵权请联系删除``). The line must
    be short and hold a chrome label; once labels with their values, counters, dates,
    times, relative timestamps, numbers and punctuation are taken away, at most a
    quarter of its words may be left. A label may be spaced to align with longer
    ones (``发 布 时 间：``, ``作　者：``: one space, two spaces or an ideographic space
    between its Han characters), and a time may have a full-width colon
    (``14：17``). A link to the neighbouring article (``上一篇：``, ``下一篇：``,
    ``下一章：``: ``rules/data/pager_keys.txt``, either colon) is chrome whatever its
    title holds (spaces, commas, brackets; at most 60 characters and no 。；), also
    two on one line; so is a line of links back to the site (``返回南方网首页
    返回国际新闻频道``: 返回 or 回到, a short name, then 首页, 频道, 栏目, 列表, 顶部,
    目录, 上一页 or 上级). Also chrome: a copyright footer (版权所有,
    Copyright or © with a year, then the site's name, no sentence punctuation:
    ``版权所有 © 2021 新华网``) and a relative timestamp alone in Arabic digits
    (``3分钟前``, ``24小时内``), and the toggle button of a collapsible box in its
    brackets (``[显示]``, ``[隐藏]``, ``【展开】``; the bare words are text).
    Full-width and half-width punctuation are treated alike. A line that is only
    a byline (``作者：佚名``, ``【责任编辑：王頔】``) is noted
    at info level without a fix: human-extracted article text often keeps bylines;
    a byline with a date (``时间：2022-11-24 05:30:58 编辑：``,
    ``2024年05月10日06:58 | 来源：人民网``) is a metadata line, chrome.

    Widget shapes that no phrase names are chrome too (the line classifier's bad
    lines, see SA002): a navigation bar of three or more short items separated by
    ``|`` or ``｜`` (no code, maths or prose punctuation; not verse, items of five
    or seven Han characters each: ``春眠不觉晓｜处处闻啼鸟｜…``); framed by bars
    (``| 首页 | 新闻 | 体育 |``) it looks like a Markdown table row, and is a menu only
    with three or more items of at most 8 characters, each holding Han, no digit, no
    ``-``, and no bar in the nearest non-blank line on either side (at most 3 lines
    away: a table's rows and its ``|---|`` separator stand next to each other),
    a breadcrumb (``首页>>新闻 > 国际 >> 正文``, ``当前位置：首页 > 中国历史``: short
    Han items between ``>``, ``>>``, ``»``; one arrow is enough after the reader's
    location however worded, ``你现在的位置：某某网 > 新闻``, not ``会场位置：``), an attachment
    (``1.png (32.35 KB, 下载次数: 0)``) and widget residue (``29 ]``).
    Options ``extend-metadata-keys``, ``extend-byline-keys`` and ``extend-phrases``
    add to the vocabulary; they are shared by the SA rules (set on any of them, they
    shape the page layout that all four read).

    Why
    ---
    Chrome is not the author's text: it pollutes language models and search
    indexes with boilerplate repeated across millions of pages.

    Examples
    --------
    Flagged: ``更新时间:2023-04-23 17:42:10 发布时间:24小时内 作者:文/会员上传 下载doxc``,
    ``发 布 时 间：2021-05-03 10:20　浏 览 次 数：1234``, ``[显示]``,
    ``上一篇：下月核酸不再免费是吗 7月份核酸检测要收费了？``,
    ``首页|新闻|图片|评论``, ``｜首页｜新闻｜体育｜`` (alone),
    ``当前位置：首页 > 中国历史 >``, ``29 ]``,
    ``来源：新华社``, ``【责任编辑:王頔】``, ``上一篇：湿疹的治疗原则有哪些``, ``推荐度:``,
    ``字号:大 中 小``, ``扫一扫在手机上阅读``, ``5小时前``, ``原文链接：http://…``,
    ``图片数: 118``, ``Copyright © 2009-2019 某某网 All Rights Reserved``.

    Not flagged: ``作者在文中指出，下载量逐年增加。`` (prose that mentions 作者 and
    下载), ``上一篇文章讲了湿疹的成因，这一篇讲治疗。``, ``来源于生活，高于生活``,
    ``版权所有人有权禁止他人复制其作品。``, ``三年前，他离开了家乡。``, ``昨天``,
    ``11 天前`` (a forum's post time, kept by human extraction),
    ``他的博文写得很好，已有很多人来访过他的博客。``, ``时 间 是 最 好 的 老 师``,
    ``上篇：总论与基本原理`` (a book's part), ``返回首页后点击设置即可修改密码``,
    ``| 年份 | 产量 |`` (a table row), ``| 地区 | 省会 | 简称 |`` above
    ``|---|---|---|`` or another row,
    ``| 2020 | 2021 | 2022 |``, ``|a|=2，|b|=3``, ``x > 3 > y``.

    Fix
    ---
    Safe: deletes the line with its line break. Nothing the author wrote is on it:
    the line is bad on its own (vocabulary plus widget features, whatever stands
    around it). Bylines get no fix.
    """

    code = "SA001"
    name = "page-chrome"
    family = "scrape-artifacts"
    fix_availability = FixAvailability.SOMETIMES
    options = LAYOUT_OPTIONS

    gate = may_report  # most pages: one call shared by the family, no check

    def setup(self) -> None:
        """Key the shared page layout (and the gate that reads it) by the vocabulary options."""
        self.layout_key = layout_key(self.settings)
        if self.layout_key:
            self.gate = layout_gate(self.layout_key)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report chrome lines (bylines as notes) outside repeated blocks (SA003 owns those)."""
        key = self.layout_key  # a call without *() is cheaper
        layout = document.memo(compute_layout, *key) if key else document.memo(compute_layout)
        if not (layout.chrome or layout.bylines):
            return ()
        return list(self._report(document, layout))

    def _report(self, document: Document, layout: Layout) -> Iterator[Diagnostic]:
        for number in sorted(layout.chrome | layout.bylines):
            if number in layout.in_block:
                continue
            line = layout.line(number)
            if number in layout.chrome:
                shape = layout.widgets.get(number)
                what = f"page chrome ({shape})" if shape else "page chrome"
                yield self.report(
                    line.start,
                    line.end,
                    f"{what}: `{line.text.strip()[:60]}` is site furniture, not content",
                    fix=Fix.safe(
                        "Delete the line",
                        delete_joined(document, line, None)
                        if number in layout.joined
                        else delete_lines(document, line, line),
                    ),
                )
            else:
                yield self.report(
                    line.start,
                    line.end,
                    f"byline: `{line.text.strip()[:60]}` is page metadata on a line of its own",
                    severity=Severity.INFO,
                )
