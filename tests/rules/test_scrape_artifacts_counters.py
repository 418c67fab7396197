"""Bare counters and comment timestamps (issue 12, shape 3) in the furniture of a page.

A number alone on a line (``16``, cwt-dirty-05 after ``博文: 14387``) joins the head
when it sits right under the head's last widget, and the tail when it sits right above
the tail's first widget. Elsewhere (between paragraphs, under a title, a year) it is
left alone. A comment timestamp (``29 14:17``) is a sidebar line and joins any block.
"""

from __future__ import annotations

import pytest

from lint.testing import fix_text
from rules.scrape_artifacts import RULES
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

NAV = "首页|新闻|图片|评论|共青团"


def _flagged(rows: list[tuple[str, int, int, str, str | None]], line: int) -> bool:
    return any(r[1] <= line <= r[2] for r in rows)


@pytest.mark.parametrize("colon", [":", "："])
@pytest.mark.parametrize("counter", ["16", "１６", "1,024", "１，０２４"])
def test_a_counter_under_the_last_widget_of_the_head_joins_it(colon, counter):
    text = "\n".join(["已有 28335924 人来访过", f"博文{colon} 14387", counter, PARA, PARA2])
    rows = _rows(text)
    assert ("SA002", 3, 3, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


@pytest.mark.parametrize("counter", ["16", "１６"])
def test_counters_above_the_first_widget_of_the_tail_join_it(counter):
    text = "\n".join([PARA, PARA2, counter, "11", "返回顶部", "版权所有 © 2021 某某网"])
    rows = _rows(text)
    assert ("SA002", 3, 4, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


def test_comment_timestamps_join_a_block_at_the_head():
    head = ["两院风光", "图片数: 118", "29 14:17", "请问刘教授这是什么", "21 20:15"]
    text = "\n".join([*head, "祝您2021中秋节快乐！", "已有 28335924 人来访过", PARA, PARA2])
    rows = _rows(text)
    assert ("SA002", 3, 6, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        ([PARA, "16", PARA2, "返回顶部"], 2),  # between paragraphs
        ([NAV, "某某市召开教育工作会议", "16", PARA, PARA2], 3),  # under the title
        ([NAV, "2021", "某某市召开教育工作会议", PARA, PARA2], 2),  # a year: a date heading
        ([PARA, PARA2, "2021", "返回顶部"], 3),  # a year above the tail
        ([PARA, PARA2, "16"], 3),  # no widget at the tail
        ([PARA, "1", "2", PARA2, "返回顶部"], 2),  # numbers inside the text
        (["第一章", "16", PARA, PARA2], 2),  # no widget at the head
        ([NAV, "16.", PARA, PARA2], 2),  # a list number, not a counter
    ],
)
def test_numbers_elsewhere_stay(lines, number):
    text = "\n".join(lines)
    assert not _flagged(_rows(text), number)
    assert lines[number - 1] in fix_text(text, RULES).split("\n")
