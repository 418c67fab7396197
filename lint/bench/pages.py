"""Page furniture on generated pages: recall, precision and exact ``--fix`` per kind.

The ten real pages of ``lint.bench.furniture`` have a human ground truth, but they are
few and the rules were tuned on them. This module builds as many pages as wanted:
each wraps a clean article of ``../shared/corpus/clean`` (a record long enough to be
one, split into paragraphs where it is a single long line) into the furniture real
scraped pages carry: a navigation bar or column, a breadcrumb, a byline with a date,
a source, counters and widgets, share/print/font-size widgets, an editor line, a block
of related headlines (built from the openings of OTHER clean documents), a pager, a
copyright/ICP/contact footer, QR/subscribe lines, comment counters and timestamps.
Several variants of each shape, both punctuation widths, a random subset of the kinds
in a random order at the head and the tail of the page (sometimes between the
article and the related block).

Everything is deterministic: a page's generator is seeded from the document's label
and ``--seed``. The vocabulary below is written for this generator and shares no code
or word list with the rules (like ``lint.bench.recall``), so that what it measures is
not the rules' own phrase lists.

Each page knows which of its lines are furniture (and of which kind) and what the
article's exact text is. Measured per page: the furniture lines a finding of the SA
or MC rules covers (any severity, and warnings), the article lines a warning covers,
the lines the safe fixes delete, and whether the fixed page is exactly the article
(as the same fix loop leaves the bare article: fixes of other families on the
article's own text are not counted against the page). The exact-fix rate is taken
over the pages whose furniture all has a safe fix by the issue's description: the
kinds marked ``note`` below (a lone author line, an editor line) are reported
without a fix by design, so pages holding one are left out of that rate.
"""

from __future__ import annotations

import difflib
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lint.bench.corpus import BenchDocument
from lint.bench.furniture import covered_lines
from lint.bench.recall import SEED, document_rng
from lint.bench.report import format_table
from lint.diagnostic import Severity
from lint.document import Document, Source
from lint.linter import check_document, fix_document
from lint.rule import Rule

PREFIXES = ("SA", "MC")  # the families whose findings count as finding furniture
MIN_ARTICLE = 300  # characters of a record worth wrapping into a page
MAX_ARTICLE = 4000  # longer records are skipped (a page holds one article)
PARAGRAPH = (80, 260)  # characters of a paragraph cut from a single long line
ARTICLE = "article"  # the kind of an article line (its title included)
TITLED = 0.75  # share of the pages whose article opens with a title line

# the kinds of furniture, in report order; a "note" kind is reported without a fix by design
KINDS = (
    "nav",
    "crumb",
    "byline",
    "byline-lone",
    "share",
    "editor",
    "related-header",
    "related",
    "pager",
    "footer",
    "qr",
    "comment",
)
NOTE_KINDS = frozenset({"byline-lone", "editor"})
NAVIGATION = frozenset({"nav", "crumb"})  # kinds that come before an article's title

# -- the generator's own vocabulary ------------------------------------------------

_MENU = [
    "首页",
    "要闻",
    "国内",
    "国际",
    "社会",
    "财经",
    "科技",
    "体育",
    "娱乐",
    "教育",
    "健康",
    "文化",
    "旅游",
    "汽车",
    "房产",
    "军事",
    "评论",
    "图片",
    "视频",
    "专题",
    "地方",
    "法治",
    "民生",
    "互动",
    "数据",
    "时政",
    "经济",
    "生活",
    "美食",
    "读书",
    "人物",
    "观点",
    "直播",
]
_ACCOUNT = ("登录", "注册", "手机版", "无障碍", "English", "繁體", "网站导航", "客户端")
_PLACES = [
    "江南",
    "岭南",
    "塞北",
    "川东",
    "湘西",
    "闽南",
    "滨海",
    "高原",
    "云岭",
    "黔东",
    "皖北",
    "鲁中",
    "冀南",
    "晋北",
    "陇上",
    "秦川",
    "天山",
    "南疆",
    "海西",
    "桂北",
    "浙东",
    "苏北",
    "辽西",
    "吉中",
    "黑河",
    "鄂西",
    "豫中",
    "赣南",
    "琼州",
    "渝北",
]
_OUTLETS = ("日报", "晚报", "新闻网", "在线", "融媒体中心", "商报", "都市报", "电视台", "发布")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇晨欣怡浩然"
_CHANNELS = [
    "新闻中心",
    "本地新闻",
    "国内新闻",
    "国际新闻",
    "社会民生",
    "财经频道",
    "科技前沿",
    "体育赛事",
    "文化教育",
    "健康生活",
    "政务公开",
    "通知公告",
    "工作动态",
    "媒体聚焦",
    "专题专栏",
    "图片新闻",
]
_RELATED_HEADERS = [
    "相关阅读",
    "相关推荐",
    "猜你喜欢",
    "延伸阅读",
    "热门文章",
    "推荐阅读",
    "最新资讯",
    "精彩推荐",
    "往期回顾",
    "大家都在看",
    "热点新闻",
    "图文推荐",
    "相关文章",
    "热门排行",
    "编辑推荐",
    "本周热点",
    "今日关注",
]
_SHARE_TARGETS = ("微信", "微博", "QQ空间", "朋友圈", "豆瓣", "QQ好友", "抖音")
_WIDGETS = ("打印", "关闭", "收藏", "纠错", "打印本页", "关闭窗口", "我要打印", "推荐给朋友")
_FOOTER_LINKS = [
    "关于我们",
    "联系我们",
    "网站地图",
    "免责声明",
    "广告服务",
    "隐私政策",
    "投稿须知",
    "加入我们",
    "友情链接",
    "意见反馈",
]
_COUNTER_LABELS = ("浏览", "阅读", "点击", "浏览次数", "阅读量", "点击数", "访问量", "人气")
_DATE_LABELS = ("发布时间", "发布日期", "时间", "日期", "更新时间", "发表于")
_SOURCE_LABELS = ("来源", "信息来源", "稿件来源", "出处")
_AUTHOR_LABELS = ("作者", "撰稿", "文")
_EDITOR_LABELS = ("责任编辑", "编辑", "责编", "审核", "校对", "终审")

# -- pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class PageLine:
    """One line of a generated page and what it is: ``article`` or a furniture kind."""

    text: str
    kind: str


@dataclass(frozen=True)
class Page:
    """A generated page: its lines with their kinds, and the article's exact text."""

    label: str
    lines: tuple[PageLine, ...]

    @property
    def text(self) -> str:
        """The page's text: its lines joined by line breaks."""
        return "\n".join(line.text for line in self.lines)

    @property
    def article(self) -> str:
        """The article's exact text: its lines, in order, joined by line breaks."""
        return "\n".join(line.text for line in self.lines if line.kind == ARTICLE)

    @property
    def furniture(self) -> dict[int, str]:
        """The 1-based numbers of the furniture lines and their kinds."""
        return {n: line.kind for n, line in enumerate(self.lines, 1) if line.kind != ARTICLE}

    @property
    def all_safe(self) -> bool:
        """Whether every furniture line is of a kind that a safe fix should delete."""
        return not any(line.kind in NOTE_KINDS for line in self.lines)


def _sentences(text: str) -> list[str]:
    """The sentences of a line: cut after 。！？ outside quotes (a closing quote stays)."""
    out, start, depth = [], 0, 0
    for i, c in enumerate(text):
        if c in "“「『（(":
            depth += 1
        elif c in "”」』）)":
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and text[i - 1] in "。！？":
                out.append(text[start : i + 1])
                start = i + 1
        elif c in "。！？" and depth == 0 and text[i + 1 : i + 2] not in "”」』":
            out.append(text[start : i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return [s for s in out if s.strip()]


def paragraphs_of(text: str, rng: random.Random) -> list[str]:
    """The article's paragraphs: its non-blank lines, a long single line cut at sentences."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        return lines
    out: list[str] = []
    current = ""
    target = rng.randint(*PARAGRAPH)
    for sentence in _sentences(lines[0] if lines else ""):
        current += sentence
        if len(current) >= target:
            out.append(current.strip())
            current, target = "", rng.randint(*PARAGRAPH)
    if current.strip():
        if out and len(current) < PARAGRAPH[0] // 2:
            out[-1] += current.strip()
        else:
            out.append(current.strip())
    return out


def articles(documents: Sequence[BenchDocument]) -> list[BenchDocument]:
    """The clean documents long enough (and short enough) to be one page's article."""
    return [d for d in documents if MIN_ARTICLE <= len(d.text.strip()) <= MAX_ARTICLE]


_NOT_OPENING = "是在的但而也就又其即于从对和与或"  # a clause opening so reads as no headline
_CLAUSE_STOPS = "，。！？；：,;:!?、（）()“”《》\n "


def headline_of(text: str, rng: random.Random) -> str | None:
    """A headline-like line from a document's opening: one or two of its first clauses."""
    clauses, current = [], ""
    for c in text[:200]:
        if c in _CLAUSE_STOPS:
            if current:
                clauses.append(current)
            current = ""
            if len(clauses) >= 4:
                break
        else:
            current += c
    clauses = [
        c for c in clauses if 6 <= len(c) <= 24 and not c.isascii() and c[0] not in _NOT_OPENING
    ]
    if not clauses:
        return None
    first = rng.choice(clauses)
    if rng.random() < 0.25:
        rest = [c for c in clauses if c != first]
        if rest and len(first) + len(rest[0]) <= 26:
            first = f"{first} {rest[0]}"
    return first


def title_of(paragraphs: Sequence[str], rng: random.Random) -> str | None:
    """A title for the article: a clause from inside its text (not its first words)."""
    text = "".join(paragraphs)
    middle = text[len(text) // 4 : len(text) // 4 + 300]
    return headline_of(middle[middle.find("，") + 1 :] if "，" in middle else middle, rng)


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _site(rng: random.Random) -> str:
    return rng.choice(_PLACES) + rng.choice(_OUTLETS)


def _colon(rng: random.Random) -> str:
    return rng.choice(("：", ":", "： ", ": "))


def _date(rng: random.Random, time: bool | None = None) -> str:
    y, m, d = rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randrange(5)
    if style == 0:
        out = f"{y}-{m:02d}-{d:02d}"
    elif style == 1:
        out = f"{y}年{m}月{d}日"
    elif style == 2:
        out = f"{y}/{m:02d}/{d:02d}"
    elif style == 3:
        out = f"{y}.{m:02d}.{d:02d}"
    else:
        out = f"{y}年{m:02d}月{d:02d}日"
    if time if time is not None else rng.random() < 0.6:
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        out += f" {hh:02d}:{mm:02d}" + (f":{rng.randint(0, 59):02d}" if rng.random() < 0.4 else "")
    return out


def _join(rng: random.Random, parts: Sequence[str]) -> str:
    return rng.choice(("  ", " ", "\u3000", " | ", "　　", "   ")).join(parts)


def nav_lines(rng: random.Random) -> list[str]:
    """A navigation bar (one line of menu words) or a column of them (one word per line)."""
    words = rng.sample(_MENU, rng.randint(5, 12))
    if rng.random() < 0.2:
        return rng.sample(_MENU, rng.randint(4, 7))  # a column: one short line per item
    sep = rng.choice((" | ", "|", "｜", " ｜ ", " · ", "  ", " / ", "\u3000"))
    line = sep.join(words)
    if rng.random() < 0.3:
        line = sep.join(rng.sample(_ACCOUNT, 3)) if rng.random() < 0.5 else line
    return [line]


def crumb_line(rng: random.Random) -> str:
    """A breadcrumb: 当前位置：首页 > 频道 > 正文, with varied arrows and prefixes."""
    sep = rng.choice((" > ", ">", " >> ", " » ", "＞", " → ", " > ", "-> "))
    head = rng.choice(("首页", "网站首页", _site(rng), "主页"))
    items = [head, *rng.sample(_CHANNELS, rng.randint(1, 2))]
    if rng.random() < 0.4:
        items.append("正文")
    prefix = rng.choice(("当前位置", "您的位置", "你现在的位置", "您所在的位置", "位置", ""))
    return (prefix + _colon(rng) if prefix else "") + sep.join(items)


def byline_line(rng: random.Random) -> str:
    """A metadata line: a date with a source, counters or widgets (furniture, fixable)."""
    label = rng.choice((*_DATE_LABELS, "", ""))
    parts = [(label + _colon(rng) if label else "") + _date(rng)]
    extras = []
    if rng.random() < 0.7:
        extras.append(rng.choice(_SOURCE_LABELS) + _colon(rng) + _site(rng))
    if rng.random() < 0.4:
        extras.append(rng.choice(_AUTHOR_LABELS[:2]) + _colon(rng) + _name(rng))
    if rng.random() < 0.6:
        n = rng.randint(0, 99999)
        extras.append(
            rng.choice(
                (
                    f"{rng.choice(_COUNTER_LABELS)}{_colon(rng)}{n}",
                    f"{rng.choice(_COUNTER_LABELS)}{_colon(rng)}{n}次",
                    f"评论({n % 300})",
                    f"评论（{n % 300}）",
                    f"{n}人阅读",
                    f"阅读 {n}",
                )
            )
        )
    if rng.random() < 0.4:
        extras.append(
            rng.choice(
                (
                    "【字号：大 中 小】",
                    "字体：大 中 小",
                    "[打印]",
                    "【打印】【关闭】",
                    "字号：T|T",
                    "【我要评论】",
                    "分享到：",
                )
            )
        )
    if not extras:
        extras.append(rng.choice(_SOURCE_LABELS) + _colon(rng) + _site(rng))
    rng.shuffle(extras)
    return _join(rng, parts + extras if rng.random() < 0.7 else extras + parts)


def lone_byline(rng: random.Random) -> str:
    """An author line on its own (content-adjacent: a note without a fix)."""
    name = _name(rng)
    return rng.choice(
        (
            f"作者{_colon(rng)}{name}",
            f"文/{name}",
            f"记者 {name}",
            f"本报记者 {name} 通讯员 {_name(rng)}",
            f"撰稿{_colon(rng)}{name}",
        )
    )


def share_line(rng: random.Random) -> str:
    """A share / print / font-size widget line."""
    targets = rng.sample(_SHARE_TARGETS, rng.randint(2, 5))
    widgets = rng.sample(_WIDGETS, rng.randint(2, 3))
    return rng.choice(
        (
            f"分享到{_colon(rng)}" + " ".join(targets),
            "".join(f"【{w}】" for w in widgets),
            " ".join(f"[{w}]" for w in widgets),
            " | ".join(widgets),
            f"字号{_colon(rng)}大 中 小",
            f"【字体{_colon(rng)}大 中 小】" + "".join(f"【{w}】" for w in widgets[:2]),
            "分享" + _colon(rng) + " ".join(targets),
            "点赞 收藏 分享",
            "扫一扫在手机上打开当前页",
        )
    )


def editor_line(rng: random.Random) -> str:
    """An editor line (a note without a fix)."""
    label = rng.choice(_EDITOR_LABELS)
    core = label + _colon(rng).strip() + _name(rng)
    if rng.random() < 0.3:
        core += " " + rng.choice(_EDITOR_LABELS) + _colon(rng).strip() + _name(rng)
    return rng.choice((core, f"（{core}）", f"[{core}]", f"({core})", f"【{core}】"))


def related_lines(rng: random.Random, titles: Sequence[str]) -> tuple[str, list[str]]:
    """A related-articles header and its headline lines, in one style per block."""
    word = rng.choice(_RELATED_HEADERS)
    header = rng.choice(
        (
            word,
            f"【{word}】",
            f"{word}：",
            f"{word}:",
            f"{word} >>",
            f"{word} 更多>>",
            f"— {word} —",
            f"▍{word}",
            f"{word}\u3000更多",
        )
    )
    style = rng.randrange(7)
    lines = []
    for i, title in enumerate(titles, 1):
        if style == 1:
            title = f"{i}. {title}"
        elif style == 2:
            title = f"{i}、{title}"
        elif style == 3:
            title = f"{rng.choice('·•▪■')} {title}"
        elif style == 4:
            title += rng.choice(
                (
                    f" {_date(rng, False)}",
                    f" ({rng.randint(1, 12):02d}-{rng.randint(1, 28):02d})",
                    f"[{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}]",
                )
            )
        elif style == 5:
            title = title[: rng.randint(6, max(6, len(title) - 1))] + rng.choice(("…", "...", "…"))
        elif style == 6:
            title = f"{i}{title}"
        lines.append(title)
    return header, lines


def pager_lines(rng: random.Random, titles: Sequence[str]) -> list[str]:
    """Links to the previous and next articles, or a page-number pager."""
    style = rng.randrange(5)
    if style == 0:
        return [f"上一篇{_colon(rng)}{titles[0]}", f"下一篇{_colon(rng)}{titles[1]}"]
    if style == 1:
        return [_join(rng, [f"上一篇{_colon(rng)}{titles[0]}", f"下一篇{_colon(rng)}{titles[1]}"])]
    if style == 2:
        return [f"上一条{_colon(rng)}没有了", f"下一条{_colon(rng)}{titles[1]}"]
    if style == 3:
        pages = " ".join(str(i) for i in range(1, rng.randint(3, 7)))
        return [
            rng.choice(
                (
                    f"« 上一页 {pages} 下一页 »",
                    f"上一页 {pages} 下一页 尾页",
                    f"首页 上一页 {pages} 下一页",
                )
            )
        ]
    return [
        rng.choice(("返回列表", "【返回顶部】", "返回顶部", "返回首页")),
        f"下一篇{_colon(rng)}{titles[0]}",
    ]


def footer_lines(rng: random.Random) -> list[str]:
    """A copyright / ICP / contact footer: two to four lines of its kinds."""
    site = _site(rng)
    y = rng.randint(2003, 2015)
    region = rng.choice("京沪粤浙苏鲁川鄂湘闽豫冀")
    number = rng.randint(10000000, 99999999)
    phone = f"0{rng.randint(10, 999)}-{rng.randint(1000000, 99999999)}"
    choices = [
        f"Copyright © {y}-{rng.randint(2020, 2024)} {site} All Rights Reserved",
        f"版权所有{_colon(rng)}{site}  技术支持{_colon(rng)}{rng.choice(_PLACES)}网络科技有限公司",
        f"{region}ICP备{number}号-{rng.randint(1, 9)}",
        f"备案号{_colon(rng)}{region}ICP备{number}号",
        f"{region}公网安备 {number}{rng.randint(100000, 999999)}号",
        f"地址{_colon(rng)}{rng.choice(_PLACES)}市{rng.choice(_PLACES)}路{rng.randint(1, 300)}号"
        f"  邮编{_colon(rng)}{rng.randint(100000, 899999)}",
        f"联系电话{_colon(rng)}{phone}  传真{_colon(rng)}{phone}",
        " | ".join(rng.sample(_FOOTER_LINKS, rng.randint(3, 6))),
        "  ".join(rng.sample(_FOOTER_LINKS, rng.randint(3, 6))),
        f"主办单位{_colon(rng)}{rng.choice(_PLACES)}市人民政府办公室",
        f"网站标识码{_colon(rng)}{rng.randint(1000000000, 9999999999)}",
        f"违法和不良信息举报电话{_colon(rng)}{phone}",
        "声明：本文转自网络，版权归原作者所有，如有侵权请联系我们删除。",
        f"© {rng.randint(2015, 2024)} {site} 版权所有",
    ]
    return rng.sample(choices, rng.randint(2, 4))


def qr_lines(rng: random.Random) -> list[str]:
    """QR-code / subscribe / app lines."""
    site = _site(rng)
    choices = [
        "扫描二维码关注我们",
        "微信扫一扫",
        f"关注{site}微信公众号",
        f"下载{site}客户端",
        "扫码下载APP",
        "长按识别二维码",
        "订阅本站新闻",
        "手机看新闻",
        f"扫一扫，关注{site}",
    ]
    return rng.sample(choices, rng.randint(1, 3))


def comment_lines(rng: random.Random) -> list[str]:
    """A comment area's chrome: counts, prompts, commenters with timestamps."""
    out = [
        rng.choice(
            (
                "网友评论",
                f"已有{rng.randint(0, 99)}条评论",
                f"评论（{rng.randint(0, 99)}）",
                "发表评论",
                "我要评论",
                f"共{rng.randint(0, 99)}条评论 查看全部",
            )
        )
    ]
    for _ in range(rng.randint(1, 3)):
        out.append(
            rng.choice(
                (
                    f"{_name(rng)} {_date(rng, True)}",
                    f"{rng.randint(1, 28)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
                    f"{rng.choice(_PLACES)}网友 {rng.randint(1, 59)}分钟前",
                    f"回复 | 举报 | 顶({rng.randint(0, 50)})",
                    f"{_name(rng)} 发表于 {_date(rng, True)}",
                )
            )
        )
    return out


# head parts and tail parts: (kind, maker); a maker gets the rng and the headlines
Maker = Callable[[random.Random, list[str]], list[tuple[str, str]]]


def _one(kind: str, make: Callable[[random.Random], str]) -> Maker:
    def maker(rng: random.Random, titles: list[str]) -> list[tuple[str, str]]:
        return [(make(rng), kind)]

    return maker


def _many(kind: str, make: Callable[[random.Random], list[str]]) -> Maker:
    def maker(rng: random.Random, titles: list[str]) -> list[tuple[str, str]]:
        return [(text, kind) for text in make(rng)]

    return maker


def _related(rng: random.Random, titles: list[str]) -> list[tuple[str, str]]:
    header, lines = related_lines(rng, titles[2 : 2 + rng.randint(3, 8)])
    return [(header, "related-header"), *((t, "related") for t in lines)]


def _pager(rng: random.Random, titles: list[str]) -> list[tuple[str, str]]:
    return [(t, "pager") for t in pager_lines(rng, titles)]


_HEAD: tuple[tuple[float, Maker], ...] = (
    (0.7, _many("nav", nav_lines)),
    (0.5, _one("crumb", crumb_line)),
    (0.75, _one("byline", byline_line)),
    (0.15, _one("byline-lone", lone_byline)),
    (0.3, _one("share", share_line)),
)
_TAIL: tuple[tuple[float, Maker], ...] = (
    (0.25, _one("editor", editor_line)),
    (0.3, _one("share", share_line)),
    (0.45, _pager),
    (0.6, _related),
    (0.3, _many("qr", qr_lines)),
    (0.25, _many("comment", comment_lines)),
    (0.6, _many("footer", footer_lines)),
)


def _parts(rng: random.Random, table: tuple[tuple[float, Maker], ...]) -> list[Maker]:
    chosen = [make for p, make in table if rng.random() < p]
    # mostly the usual order, sometimes two neighbours swapped
    for _ in range(rng.randint(0, 2)):
        if len(chosen) >= 2 and rng.random() < 0.4:
            i = rng.randrange(len(chosen) - 1)
            chosen[i], chosen[i + 1] = chosen[i + 1], chosen[i]
    return chosen


def make_page(doc: BenchDocument, headlines: Sequence[str], seed: int = SEED) -> Page | None:
    """Wrap one clean document into a page with furniture (None: no paragraphs)."""
    rng = document_rng(doc.label, "page", seed)
    paragraphs = paragraphs_of(doc.text, rng)
    if not paragraphs:
        return None
    titles = list(rng.sample(list(headlines), min(len(headlines), 12)))
    if len(titles) < 4:
        return None
    while True:
        head, tail = _parts(rng, _HEAD), _parts(rng, _TAIL)
        if len(head) + len(tail) >= 3:
            break
    lines = [PageLine(t, k) for make in head for t, k in make(rng, titles)]
    title = title_of(paragraphs, rng) if rng.random() < TITLED else None
    if title is not None:
        # the article's title is content: after the navigation, before the byline and widgets
        lines = [x for x in lines if x.kind in NAVIGATION] + [
            PageLine(title, ARTICLE),
            *(x for x in lines if x.kind not in NAVIGATION),
        ]
    lines += [PageLine(p, ARTICLE) for p in paragraphs]
    lines += [PageLine(t, k) for make in tail for t, k in make(rng, titles)]
    return Page(doc.label, tuple(lines))


def generate_pages(
    documents: Sequence[BenchDocument], limit: int = 200, seed: int = SEED
) -> list[Page]:
    """Up to ``limit`` pages from the clean documents, in an order shuffled by the seed."""
    chosen = articles(documents)
    chosen.sort(key=lambda d: document_rng(d.label, "order", seed).random())
    pages: list[Page] = []
    for i, doc in enumerate(chosen):
        if len(pages) >= limit:
            break
        # headlines from other documents: the next ones in the shuffled order
        others = [chosen[(i + k) % len(chosen)] for k in range(1, min(40, len(chosen)))]
        rng = document_rng(doc.label, "headlines", seed)
        headlines = [h for o in others if (h := headline_of(o.text, rng)) is not None]
        page = make_page(doc, headlines, seed)
        if page is not None:
            pages.append(page)
    return pages


# -- measure ----------------------------------------------------------------------


@dataclass
class PageOutcome:
    """What the rules found and fixed on one generated page."""

    label: str
    kinds: dict[int, str]  # furniture line number -> kind
    found: set[int] = field(default_factory=set)  # furniture lines covered by a finding
    warned: set[int] = field(default_factory=set)  # ... by a warning
    fixed: set[int] = field(default_factory=set)  # furniture lines the safe fixes delete
    content: int = 0  # article lines
    content_flagged: int = 0  # article lines covered by a warning
    content_deleted: int = 0  # article lines the safe fixes delete or change
    exact: bool = False  # the fixed page is exactly the fixed article
    all_safe: bool = True  # every furniture line is of a kind a safe fix should delete
    lines: tuple[str, ...] = ()  # the page's lines (for the list of misses)


def _kept(before: Sequence[str], after: Sequence[str]) -> set[int]:
    """The 1-based numbers of the lines of ``before`` that survive unchanged in ``after``."""
    matcher = difflib.SequenceMatcher(None, list(before), list(after), autojunk=False)
    kept: set[int] = set()
    for a, _b, size in matcher.get_matching_blocks():
        kept.update(range(a + 1, a + size + 1))
    return kept


def _ours(code: str) -> bool:
    return code.startswith(PREFIXES)


def measure_page(page: Page, rules: Sequence[Rule]) -> PageOutcome:
    """Check and fix one page; count its lines against the page's truth."""
    text = page.text
    document = Document(text, Source(page.label))
    found = [d for d in check_document(document, rules) if _ours(d.code)]
    any_lines = covered_lines(document, [(d.start, d.end) for d in found])
    warn_lines = covered_lines(
        document, [(d.start, d.end) for d in found if d.severity >= Severity.WARNING]
    )
    fixed = fix_document(Document(text, Source(page.label)), rules).document.text
    expected = fix_document(Document(page.article, Source(page.label)), rules).document.text
    lines = text.split("\n")
    kept = _kept(lines, fixed.split("\n"))
    article_numbers = [n for n, line in enumerate(page.lines, 1) if line.kind == ARTICLE]
    # article lines the article's own fixes change are not counted against the page
    own = _kept([lines[n - 1] for n in article_numbers], expected.split("\n"))
    stable = {n for i, n in enumerate(article_numbers, 1) if i in own}
    furniture = page.furniture
    return PageOutcome(
        page.label,
        furniture,
        found=set(furniture) & any_lines,
        warned=set(furniture) & warn_lines,
        fixed=set(furniture) - kept,
        content=len(article_numbers),
        content_flagged=len(set(article_numbers) & warn_lines),
        content_deleted=len(stable - kept),
        exact=fixed.strip("\n") == expected.strip("\n"),
        all_safe=page.all_safe,
        lines=tuple(lines),
    )


def measure(pages: Sequence[Page], rules: Sequence[Rule]) -> list[PageOutcome]:
    """Every page measured."""
    return [measure_page(p, rules) for p in pages]


# -- report -----------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def pages_table(outcomes: Sequence[PageOutcome]) -> str:
    """Per furniture kind: lines, found, as warning, fixed, recall; pages and exact fixes."""
    lines: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    pages: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # safe pages with it, exact
    for o in outcomes:
        for n, kind in o.kinds.items():
            row = lines[kind]
            row[0] += 1
            row[1] += n in o.found
            row[2] += n in o.warned
            row[3] += n in o.fixed
        if o.all_safe:
            for kind in set(o.kinds.values()):
                pages[kind][0] += 1
                pages[kind][1] += o.exact
    rows = []
    total = [0, 0, 0, 0]
    for kind in KINDS:
        if kind not in lines:
            continue
        v = lines[kind]
        total = [a + b for a, b in zip(total, v, strict=True)]
        p = pages[kind]
        note = " (note)" if kind in NOTE_KINDS else ""
        rows.append(
            [
                kind + note,
                *(f"{x:,}" for x in v),
                _share(v[1], v[0]),
                f"{p[0]:,}",
                _share(p[1], p[0]),
            ]
        )
    safe = [o for o in outcomes if o.all_safe]
    rows.append(
        [
            "all furniture",
            *(f"{x:,}" for x in total),
            _share(total[1], total[0]),
            f"{len(safe):,}",
            _share(sum(o.exact for o in safe), len(safe)),
        ]
    )
    header = ["kind", "lines", "found", "as warning", "fixed", "recall", "safe pages", "exact fix"]
    return format_table(header, rows, "lrrrrrrr")


def summary(outcomes: Sequence[PageOutcome]) -> str:
    """The article lines flagged and deleted, and the exact-fix rates."""
    content = sum(o.content for o in outcomes)
    flagged = sum(o.content_flagged for o in outcomes)
    deleted = sum(o.content_deleted for o in outcomes)
    safe = [o for o in outcomes if o.all_safe]
    return "\n".join(
        [
            f"article lines: {content:,}; covered by a warning: {flagged:,}"
            f" ({_share(flagged, content)}); deleted or changed by --fix: {deleted:,}"
            f" (pages with one: {sum(1 for o in outcomes if o.content_deleted)})",
            f"exact fix: {sum(o.exact for o in safe):,} / {len(safe):,} pages whose furniture"
            f" all has a safe fix ({_share(sum(o.exact for o in safe), len(safe))});"
            f" all pages {sum(o.exact for o in outcomes):,} / {len(outcomes):,}"
            f" ({_share(sum(o.exact for o in outcomes), len(outcomes))})",
        ]
    )


def missed(outcomes: Sequence[PageOutcome], count: int) -> str:
    """Up to ``count`` missed furniture lines per kind, then pages whose fix is not exact."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        for n, kind in sorted(o.kinds.items()):
            if n not in o.found and len(by_kind[kind]) < count:
                by_kind[kind].append(f"  {o.label}:{n}: {o.lines[n - 1]}")
    out = []
    for kind in KINDS:
        if by_kind.get(kind):
            out.append(f"missed {kind}:")
            out += by_kind[kind]
    left = []
    for o in outcomes:
        if o.all_safe and not o.exact and len(left) < count:
            stay = [n for n in sorted(o.kinds) if n not in o.fixed]
            gone = o.content_deleted
            shown = "; ".join(f"{n}={o.lines[n - 1][:30]}" for n in stay[:4])
            left.append(f"  {o.label}: furniture kept {len(stay)} [{shown}], content lost {gone}")
    if left:
        out.append("not exactly fixed:")
        out += left
    return "\n".join(out)
