"""SA002 sidebar-noise: a run of bare dates or dated link titles from a page's sidebar."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule, Severity
from rules.scrape_artifacts.furniture import LABEL_RUN, FurnitureBlock
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


class SidebarNoise(Rule):
    """Page furniture in runs: sidebar dates, and the link lists no phrase list names.

    What
    ----
    Two kinds of runs, each reported once with its line range.

    *Sidebar dates*: three or more consecutive lines that hold only a date or a
    time (``2022-07-14``, ``30 16:18:34``, ``29 14：17`` with a full-width colon) or a
    date with a short link title
    (``强图打榜 2024-05-23``). A run of bare dates is a warning anywhere; a run of
    dated titles inside the body is only a note (it may be a timeline).

    *Furniture blocks*, found by a line classifier in context (as jusText and
    trafilatura do on HTML, here on plain text). Each line is classed from its own
    features: **bad** (chrome by the vocabulary, a navigation bar
    ``首页|新闻|图片``, a breadcrumb ``首页 > 新闻 >``, an attachment, widget
    residue, a sidebar date), **good** (prose: 25+ characters with 。！；, or 60+
    with a comma; not a teaser), a **short sentence** (8+ characters ending in
    。！；) or **short** (titles, names, headings, teasers ending in ``…`` or
    ``【详细】``). Short lines are then decided by their neighbours; a run of them
    is furniture when

    - it follows a link-list header (``相关新闻``, ``推荐阅读``, ``热门排行``,
      ``猜你喜欢``; ``rules/data/furniture_headers.txt``), up to the next bad or
      good line;
    - bad lines that bound blocks (every bad line but metadata) stand on both
      sides of it, at most 16 lines apart, with no prose, short sentence or
      metadata line between;
    - it lies at the head of the page (or of an article, after ``篇二``) before
      the last such bad line, or at its tail after the first one. The title stays:
      the three lines above the first metadata line (title, subtitle, byline), and
      the short line just above widgets that close the head (``分享到：``,
      ``【打印】``, ``评论(3)``; navigation bars and breadcrumbs come before a title
      and protect nothing). Bare counters (a number alone on a line, ``16``,
      ``1,024``, full-width ``１６``; not a year such as ``2021``) right under the
      last widget of the head, or right above the first widget of the tail, join
      it (``博文: 14387`` / ``16``); a comment timestamp ``29 14:17`` is a sidebar
      line and joins any block. Two or more contact lines (``联 系 人： 龙涛``,
      ``地址：…``, ``电话:…``: a label of ``rules/data/contact_keys.txt`` before a
      colon of either width, its inner spaces ignored, and a short value that is no
      sentence) right above a copyright or ICP footer at the tail are the site's
      footer and join the tail. Elsewhere contact lines are content: a notice or
      an advertisement ends with them, and an article may quote an address.

    Shapes of Wikipedia mirrors and CMS pages (``rules/scrape_artifacts/lists.py``):
    the first two are furniture on their own and bound blocks like the bad lines,
    the third is decided by its neighbours:

    - a *reference list*: consecutive lines opening with a footnote mark (``^``,
      ``↑``, ``[12]``, ``［12］``, ``12.``), two or more of them with citation features: what
      a wiki engine adds (``(PDF)``, a bracketed access date ``[2023-06-09]``,
      ``原始内容存档``, ``引用日期``, ``跳转到``) or, after ``^``/``↑``, a URL, an ISBN
      or a ``. 2017-04-01`` date after a source name. Endnotes an author numbers
      ``[1]`` with only URLs and dates are the report's own and stay;
    - a *navigation box*: rows of four or more short items joined by ``·``, ``•``
      or ``・`` with spaces around them, or by ``／`` (``长安区 · 桥西区 · 新华区 ·
      裕华区``), no clause punctuation, mostly Han, not verse (``约翰·罗纳德·瑞尔·托尔金``
      is a name), with the group labels between its rows;
    - a *run of menu labels*: six or more short lines not yet furniture, two thirds
      of them labels (at most 16 characters, no ``，。！？；：``, not a number:
      ``编辑链接``, ``条目``, ``讨论``, ``工具``), not verse, touching a bad line or a
      block of furniture. The line before a paragraph is left out (a heading) and
      a line ending in a colon ends the run (the list it introduces is content).

    *Weak evidence at the edges* (``rules/scrape_artifacts/edges.py``): lines that
    show furniture features without being chrome alone are never reported on their
    own, but join the head or the tail of a page or article:

    - at the tail (after the last good line), the first line that is a *widget* (the
      vocabulary's phrases, or the comment and app-prompt words of
      ``rules/data/edge_phrases.txt`` such as 评论, 二维码, 公众号, 客户端, 备案号,
      explain a third of its words, digits aside: ``分享：抖音 豆瓣``, ``下载某某日报客户端``;
      no colon at its end, no comma unless a phrase alone stands before it:
      ``扫一扫，关注某某`` but not ``返回搜狐，查看更多``), a *timestamp* with a date or
      a name beside it (``张三 2023-05-12 14:17``, ``某地网友 5分钟前``; not a video's
      ``0:00`` nor a forum's spaced ``11 天前``), a *headline cut short* (four or more
      Han characters and one ``…`` or ``...``, no clause punctuation; ``……`` trails a
      sentence off) or ending in its day (``某某会议召开[05-12]``), or a *decorated header* over two
      short lines (``【本周热点】``, ``▍大家都在看``, ``— 今日关注 —``, ``往期回顾 更多>>``)
      starts the tail: every short line from it to the end joins. So do three or more
      title lines (no colon, no bracketed note such as ``（责编：…）`` or ``《某报》（…版）``)
      between the article and that line, and right above it a decorated header, a
      line a vocabulary phrase of three or more characters opens (``扫一扫，关注某某``)
      or a line of two contact fields (``地址：… 邮编：…``). A line right after one
      ending in a colon starts nothing (the list it introduces is content), nor does
      a menu printed with spaces (a row of names);
    - the last good lines that hold a footer's evidence (a copyright mark, ICP, or a
      vocabulary phrase of five characters or more: ``声明：本文转自网络，如有侵权请联系
      删除。``) are read as the tail, never the only good line;
    - at the head (before the first good line), a widget or a *menu printed with
      spaces or slashes* (four or more items of two to six characters, mostly Han,
      no punctuation, not verse, not a reporters' line ``本报记者 张三 通讯员 李四``)
      joins alone (a spaced menu even where the title would stand, when chrome
      follows it: a breadcrumb comes before a title), and so does a line a vocabulary
      phrase opens between the title and the article (``扫一扫在手机上打开当前页``);
      below the metadata line the comment and app-prompt words count too (above it
      a title may hold them); a
      column of three or more menu labels (at most four characters each) at the top
      or right under the head's furniture is taken, its last label kept when the
      article or its metadata follows (a short title such as ``背影``).

    A bar of items holding a full date (``时间:2012.01.24 | 【打印】 | 阅读 9``), and a
    line of a full date and two or more ``label：`` fields whatever the labels
    (``日期：2017年07月10日 出处：某报 撰写人：某某``), are metadata lines (kept, never
    deleted for being read so), and a bar a third of whose items are widget phrases (``打印 | 纠错
    | 推荐给朋友``) is no navigation: the title above either is kept.

    A page without any prose (a table of contents, a list of names) gets no head,
    tail or between-chrome blocks: nothing there tells furniture from text.

    Headings before a paragraph, short poems, list items, addresses, datelines
    (``新华社北京6月1日电``) and an author line under a speech title are content:
    they are short, but no furniture bounds them.

    Why
    ---
    These lines carry no content of the page: related-article lists, menus and
    footers repeat across every page of a site and pollute training data.

    Examples
    --------
    Flagged: five lines ``2022-07-14``, ``2022-07-13``, … before the article; the
    ten headlines under ``相关新闻`` after the article; the menu lines before a
    breadcrumb ``首页 > 中国历史 >``; the lines between ``关于我们|联系我们`` and
    ``Copyright © …``; ``16`` under ``博文: 14387`` before the article;
    ``联 系 人： 龙涛`` and ``地 址： …`` right above ``Copyright © 2009-2019 某某网``
    (a copyright footer, its years included, bounds blocks like any widget).

    Also flagged: ``^ 刘某. 新区邮政编码发布. 新华网. 2023-12-06 [2023-12-11].`` and
    the citations around it; ``石家庄市`` / ``长安区 · 桥西区 · 新华区 · 裕华区`` /
    ``唐山市`` / ``路北区 · 路南区 · 古冶区 · 开平区``; ``编辑链接``, ``条目``, ``讨论``,
    ``大陆简体``, ``阅读``, ``编辑``, ``查看历史`` after ``[关闭]``.

    Not flagged: a number alone between paragraphs, under a title or under a
    widget with the title between; contact lines between paragraphs, ending a
    notice (also above ``【打印】 【关闭】``), or one alone above the footer; two
    dates on their own lines; ``2008年5月12日，汶川发生地震。``
    and other dated sentences; a timeline inside the text (an info note only);
    a run of short lines with no furniture around it; the title above
    ``时间：2019-05-03`` or ``来源：新华社``; ``[1] 《…》，新华社，2021年7月1日，
    https://…`` endnotes; a poem or a list after ``本区主要景点如下：`` next to a
    widget; a table of figures.

    Fix
    ---
    Safe (deletes the run) when it is certain: a sidebar run at the head or tail
    of the page or between chrome lines; a furniture block at the head or tail
    (weak evidence included), or
    bounded by bad lines, or under a header and ending at a bad line or the end of
    the page; a reference list or a navigation box wherever it stands; a run of
    menu labels with furniture (or the page's edge) on both sides. A run of menu
    labels with furniture on one side only is a note without fix. A title run
    under a header inside the text (a good paragraph follows) is only a note
    without fix, and the line just before the paragraph is left
    out (a heading before a paragraph is content). Five or more title-like lines
    (6 to 40 characters, 10 on average, ending in a word, ``？`` or a bracket) that
    end a page with furniture elsewhere on it but none around them are a note
    without fix too. A sidebar run inside the text is reported without a fix.
    """

    code = "SA002"
    name = "sidebar-noise"
    family = "scrape-artifacts"
    fix_availability = FixAvailability.SOMETIMES

    options = LAYOUT_OPTIONS  # chrome around a run decides its fix

    gate = may_report  # most pages: one call shared by the family, no check

    def setup(self) -> None:
        """Key the shared page layout (and the gate that reads it) by the vocabulary options."""
        self.layout_key = layout_key(self.settings)
        if self.layout_key:
            self.gate = layout_gate(self.layout_key)

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report each sidebar run (runs inside a repeated block belong to SA003)."""
        key = self.layout_key  # a call without *() is cheaper
        layout = document.memo(compute_layout, *key) if key else document.memo(compute_layout)
        if not (layout.runs or layout.furniture):
            return ()
        return list(self._report(document, layout))

    @staticmethod
    def _edit(document: Document, layout: Layout, block: FurnitureBlock) -> Edit:
        """Delete a block; after a chrome line at the end of the text, share its break."""
        for chrome, joined in layout.joined.items():
            if joined is block:
                return delete_joined(document, layout.line(chrome), block)
        return delete_lines(document, block.first, block.last)

    def _report(self, document: Document, layout: Layout) -> Iterator[Diagnostic]:
        for block in layout.furniture:
            first, last = block.first, block.last
            lines = (
                f"line {first.number}"
                if block.count == 1
                else (f"{block.count} lines ({first.number}–{last.number})")
            )
            if block.safe:
                yield self.report(
                    first.start,
                    last.end,
                    f"page furniture: {lines} {block.where}, not content",
                    fix=Fix.safe("Delete the block", self._edit(document, layout, block)),
                )
            else:
                yield self.report(
                    first.start,
                    last.end,
                    f"page furniture? {lines} {block.where}: "
                    + (
                        "menu labels with furniture on one side only, not enough to make"
                        " deleting them certain"
                        if block.where == LABEL_RUN
                        else "title-like lines with no chrome around them to make deleting"
                        " them certain"
                    ),
                    severity=Severity.INFO,
                )
        for run in layout.runs:
            first, last = run.first, run.last
            edge = layout.at_head(first) or layout.at_tail(last) or layout.between_noise(run)
            fix = Fix.safe("Delete the run", delete_lines(document, first, last)) if edge else None
            severity = None if edge or run.dates_only else Severity.INFO
            where = f"lines {first.number}–{last.number}"
            yield self.report(
                first.start,
                last.end,
                f"sidebar noise: {run.count} lines of bare dates ({where}), not content"
                if run.dates_only
                else f"sidebar noise: {run.count} dated link titles ({where}), not content",
                fix=fix,
                severity=severity,
            )
