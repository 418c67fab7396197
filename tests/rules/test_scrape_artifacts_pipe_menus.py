"""Pipe menus (issue 12, shape 2): a line of three or more short items between bars.

An open menu (``首页 | 关于我们 | 联系我们``) was already a navigation bar; a menu framed
by bars (``| 首页 | 新闻 | 体育 |``, full-width ``｜``) looks like a Markdown table row
and is a menu only when no line next to it holds a bar. Look-alikes stay silent: table
rows (with a ``|---|`` separator, next to other rows, numeric cells) and verse printed
with ``｜`` between its lines.
"""

from __future__ import annotations

import pytest

from lint.testing import fix_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.furniture import framed_menu, widget_kind
from rules.scrape_artifacts.vocabulary import chrome_matcher
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

FRAMED = [
    "| 首页 | 新闻 | 体育 |",
    "｜首页｜新闻｜体育｜",
    "|首页|关于我们|联系我们|网站地图|",
    "| 首页 ｜ 新闻中心 ｜ 通知公告 |",
    "｜ 首页 ｜ 新闻 ｜ 体育 ｜ 财经 ｜",
]


@pytest.mark.parametrize("menu", FRAMED)
def test_a_framed_menu_at_the_head_is_chrome_and_its_fix_deletes_only_it(menu):
    assert framed_menu(menu)
    text = "\n".join([menu, "某某市教育局召开工作会议", PARA, PARA2])
    assert ("SA001", 1, 1, "warning", "safe") in _rows(text)
    assert fix_text(text, RULES).split("\n") == ["某某市教育局召开工作会议", PARA, PARA2]


@pytest.mark.parametrize("menu", FRAMED)
def test_a_framed_menu_at_the_tail_is_chrome(menu):
    text = "\n".join([PARA, PARA2, "", menu])
    rows = _rows(text)
    assert ("SA001", 4, 4, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2, ""]


@pytest.mark.parametrize("sep", ["|", "｜"])
def test_open_menus_in_both_widths_stay_navigation_bars(sep):
    menu = f"首页 {sep} 关于我们 {sep} 联系我们"
    assert widget_kind(menu) == "navigation bar"
    assert ("SA001", 3, 3, "warning", "safe") in _rows("\n".join([PARA, PARA2, menu]))


@pytest.mark.parametrize("sep", ["|", "｜"])
@pytest.mark.parametrize(
    "table",
    [
        # a header row over its separator, then numeric rows
        ["{s} 年份 {s} 产值 {s} 增长 {s}", "{s}---{s}---{s}---{s}", "{s} 2020 {s} 35 {s} 3% {s}"],
        # a header row over Han rows, without a separator (scraped tables lose it)
        ["{s} 地区 {s} 省会 {s} 简称 {s}", "{s} 广东 {s} 广州 {s} 粤 {s}"],
        # a body row alone between prose, its header a blank line away
        ["{s} 地区 {s} 省会 {s} 简称 {s}", "", "{s} 湖南 {s} 长沙 {s} 湘 {s}"],
        # one row of numbers alone
        ["{s} 2020 {s} 2021 {s} 2022 {s}"],
        # two framed cells: too few for a menu
        ["{s} 年份 {s} 产值 {s}"],
    ],
)
def test_table_rows_stay_silent(sep, table):
    lines = [row.format(s=sep) for row in table]
    assert _rows("\n".join([PARA, *lines, PARA2])) == []
    assert _rows("\n".join([*lines, PARA, PARA2])) == []


@pytest.mark.parametrize(
    "verse",
    [
        "春眠不觉晓｜处处闻啼鸟｜夜来风雨声｜花落知多少",
        "｜床前明月光｜疑是地上霜｜举头望明月｜低头思故乡｜",
        "朝辞白帝彩云间|千里江陵一日还|两岸猿声啼不住|轻舟已过万重山",
        "| 朝辞白帝彩云间 | 千里江陵一日还 | 两岸猿声啼不住 |",
    ],
)
def test_verse_printed_with_bars_stays_silent(verse):
    assert widget_kind(verse) is None and not framed_menu(verse)
    assert _rows("\n".join(["早春", verse, PARA, PARA2])) == []


@pytest.mark.parametrize(
    "line",
    [
        "| 他说：好 | 我说：不好 | 你说呢？ |",  # prose between bars
        "| a | b | c |",  # no Han: code or data
        "| 第1名 | 第2名 | 第3名 |",  # numbered cells
        "| x=1 | y=2 | z=3 |",
        "| 这一格里的文字相当长不像菜单 | 首页 | 新闻 |",  # a cell longer than a menu item
    ],
)
def test_framed_lookalikes_are_not_menus(line):
    assert not framed_menu(line)
    assert _rows("\n".join([line, PARA, PARA2])) == []


@pytest.mark.parametrize("menu", FRAMED)
def test_the_gate_finds_framed_menus(menu):
    # the page-level gate (one search) must let every framed menu through
    assert chrome_matcher().gate.search(f"{PARA}\n{menu}") is not None
