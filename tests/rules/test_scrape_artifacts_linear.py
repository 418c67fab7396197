"""Scrape artifacts (SA): four times the input costs about four times the work, never sixteen.

Each test lints a pathological input with every SA rule at 1x and 4x its size and
compares CPU time (``tests.linearity.assert_linear``: linear is about 4x, the bound 8x
fails every quadratic input). The shared inputs come from ``tests/linearity.py`` (32
and 128 KB); the SA ones (16 and 64 KB) repeat a unit that once made an SA step scan
the whole page per item: per sidebar run (what comes before and after it), per article
(every boundary in every message), per chrome line or per repeated line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lint import Document
from lint.linter import check_document
from rules.scrape_artifacts import RULES
from tests.linearity import MULTI_LINE, ONE_LINE, assert_linear, patho_text


def _date(n: int) -> str:
    """A different date for every n (up to 33,600 of them)."""
    return f"{2000 + n // 336 % 100}-{n // 28 % 12 + 1:02d}-{n % 28 + 1:02d}"


def _dates(n: int) -> str:
    return f"{_date(3 * n)}\n{_date(3 * n + 1)}\n{_date(3 * n + 2)}\n"


_WORDS = "新闻体育财经科技教育健康旅游汽车"  # one character per framed menu's middle item

# name -> (head, unit n -> text, tail)
SA_INPUTS: dict[str, tuple[str, Callable[[int], str], str]] = {
    # runs of three distinct dates between distinct lines of text: each run asks what
    # comes before and after it (once a scan of the page per run)
    "runs-between-text": (
        "",
        lambda n: _dates(n) + f"第{n}段：今天我们召开会议，研究部署工作。\n",
        "",
    ),
    # runs between chrome lines: a safe fix for each
    "runs-between-chrome": ("", lambda n: _dates(n) + f"浏览次数：{n}\n", ""),
    # distinct chrome lines, each classified
    "distinct-chrome": (
        "",
        lambda n: f"发布时间：2023-04-23 浏览次数：{n}\n上一篇：第{n}条新闻\n",
        "",
    ),
    # one repeated chrome line between distinct titles: eight earlier copies tried each time
    "repeated-chrome": ("", lambda n: f"相关文章\n第{n}条新闻的标题写在这里\n", ""),
    # a paragraph said again and again: a repeated block per copy
    "repeated-paragraphs": (
        "",
        lambda n: (
            "通过开展活动促进教育科学发展，用科学发展的成果检验活动成效，使整个活动统一于大局。\n"
        ),
        "",
    ),
    # many articles after chrome at the head: every separator's note names the boundaries
    "articles-after-chrome": (
        "更新时间：2023-04-23\n",
        lambda n: f"篇{n % 900 + 2}\n今天我们召开第{n}次会议，研究部署工作。\n",
        "",
    ),
    # navigation bars between short titles: every title is furniture between anchors
    "bars-between-titles": (
        "今天我们召开全市教育工作会议，主要任务是总结去年的工作，部署今年的重点任务。\n",
        lambda n: f"首页|新闻|图片{n}\n第{n}条新闻的标题\n",
        "",
    ),
    # teasers, each followed by the paragraph it repeats (a bounded look ahead each)
    "teasers": (
        "上一篇：某某新闻\n",
        lambda n: (
            f"第{n}段今天我们召开会议研究部署工作...\n第{n}段今天我们召开会议研究部署工作，"
            "大家踊跃发言。\n"
        ),
        "",
    ),
    # menus framed by bars between titles: each looks at its neighbours (a bounded window)
    "framed-menus": (
        "今天我们召开全市教育工作会议，主要任务是总结去年的工作，部署今年的重点任务。\n",
        lambda n: f"| 首页 | {_WORDS[n % 16]}讯 | 图片 |\n\n第{n}条新闻的标题\n",
        "",
    ),
    # contact lines and counters above the footer: walked back once from the footer
    "contacts-above-footer": (
        "今天我们召开全市教育工作会议，主要任务是总结去年的工作，部署今年的重点任务。\n",
        lambda n: f"电 话：0731-{n:08d}\n{n}\n",
        "版权所有 © 2021 某某网\n",
    ),
    # a long line full of chrome words, then short lines: the long line is skipped once
    "chrome-words-in-a-long-line": ("", lambda n: "上一篇：返回顶部，作者：张三，", "\n返回顶部\n"),
}


def sa_text(name: str, size: int) -> str:
    """The SA pathological input ``name`` at about ``size`` bytes of UTF-8."""
    head, unit, tail = SA_INPUTS[name]
    parts, written, n = [head], 0, 0
    while written < size:
        parts.append(unit(n))
        written += len(parts[-1].encode("utf-8"))
        n += 1
    return "".join(parts) + tail


_RULES = [cls() for cls in RULES]


def _check(text: str) -> object:
    return check_document(Document(text), _RULES)


@pytest.mark.parametrize("name", [*ONE_LINE, *MULTI_LINE])
def test_linear_on_shared_pathological_inputs(name):
    assert_linear(_check, lambda size: patho_text(name, size))


@pytest.mark.parametrize("name", SA_INPUTS)
def test_linear_on_sa_pathological_inputs(name):
    assert_linear(_check, lambda size: sa_text(name, size), small=16_000)


EXPECTED = {
    "runs-between-text": {"SA002"},
    "runs-between-chrome": {"SA001", "SA002"},
    "distinct-chrome": {"SA001"},
    "repeated-chrome": {"SA001", "SA002"},  # the titles under 相关文章 are furniture
    "repeated-paragraphs": {"SA003"},
    "articles-after-chrome": {"SA001", "SA004"},
    "chrome-words-in-a-long-line": {"SA001"},
    "bars-between-titles": {"SA001", "SA002"},
    "teasers": {"SA001", "SA003"},
    "framed-menus": {"SA001", "SA002"},
    "contacts-above-footer": {"SA001", "SA002"},
}


@pytest.mark.parametrize("name", SA_INPUTS)
def test_pathological_inputs_exercise_the_rules(name):
    found = {d.code for d in check_document(Document(sa_text(name, 2000)), _RULES)}
    assert found == EXPECTED[name]


def test_shared_multi_line_inputs_exercise_the_rules():
    found = {
        name: {d.code for d in check_document(Document(patho_text(name, 2000)), _RULES)}
        for name in MULTI_LINE
    }
    assert found["date-runs"] == {"SA002", "SA003"}
    assert found["articles"] == {"SA004"}
    assert found["list-lines"] == {"SA003"}
    assert found["short-lines"] == {"SA001", "SA003"}
    assert found["sections"] == {"SA003"}


def test_runs_between_text_are_each_reported_with_their_neighbours():
    text = sa_text("runs-between-text", 4000)
    runs = [d for d in check_document(Document(text), _RULES) if d.code == "SA002"]
    assert len(runs) == text.count("段：")
    # only the first run, at the head of the page, is deletable
    assert [d.fix is not None for d in runs] == [True] + [False] * (len(runs) - 1)
    between = sa_text("runs-between-chrome", 4000)
    runs = [d for d in check_document(Document(between), _RULES) if d.code == "SA002"]
    assert runs and all(d.fix is not None for d in runs)


def test_article_notes_grow_with_the_page_not_with_its_square():
    # each separator's note names a bounded number of boundaries
    def note_chars(size: int) -> int:
        found = check_document(Document(sa_text("articles-after-chrome", size)), _RULES)
        return sum(len(d.message) for d in found if d.code == "SA004")

    assert note_chars(64_000) <= 5 * note_chars(16_000)
