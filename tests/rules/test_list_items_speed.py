"""List items (DL): the shortcuts taken for speed leave the findings as they were.

Importing the family compiles no pattern; a document-level gate (a clause of three 、
items, or a count that can start an announcement: a quoted count, a counted head, a count
with a 、, a colon or 和/及/与 near it) skips documents that cannot hold a list; lists
counted after them
are found from the 、 followed by a numeral, and a clause's start is looked for in a
short window first, then further back.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from lint import Document, Severity
from lint.testing import lint_text
from rules.list_items import RULES
from rules.list_items.enumerations import may_hold_lists

_HALF = str.maketrans("，。；：！？（）“”", ',.;:!?()""')


def _warnings(text: str) -> list[tuple[str, str]]:
    return sorted(
        (d.code, text[d.start : d.end])
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
    )


def test_importing_the_family_compiles_no_pattern():
    """Patterns are compiled on first use: a run without lists pays nothing for them."""
    probe = (
        "import re, regex, lint, rules.text, rules.numerals\n"
        "count = [0]\n"
        "def counting(compile):\n"
        "    def wrapped(*args, **kwargs):\n"
        "        count[0] += 1\n"
        "        return compile(*args, **kwargs)\n"
        "    return wrapped\n"
        "re.compile, regex.compile = counting(re.compile), counting(regex.compile)\n"
        "import lint.rule\n"
        "before = count[0]\n"
        "import rules.list_items\n"
        "print(count[0] - before)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "0"


@pytest.mark.parametrize(
    "text",
    [
        "今天天气很好，我们去公园散步。",
        "他说：“好的”，然后走了。",  # a quotation without a count
        "这个问题很重要。",  # a measure word after no count
        "甲、乙",  # two 、 items and no count: nothing to judge
        "我们去了公园、博物馆，玩了三天。",  # one 、, and a count of no measure word
        "苹果、香蕉、橘子都很好吃。",  # three different 、 items of letters only: no copy
    ],
)
def test_gate_skips_documents_without_lists(text):
    assert not may_hold_lists(Document(text))
    assert _warnings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "提出三点要求：一是加强学习，二是改进作风。",  # a counted head, no 、
        "坚持“两个确保”即确保安全，确保质量，确保安全。",  # a quoted count, no 、
        "甲、乙、甲",  # a clause of three 、 items
        "苹果、“苹果”、香蕉都很好吃。",  # three 、 items, two the same up to quotes
        "重点发展物流、金融、会展四大产业。",  # a count after a 、 list
        "会议提出，加快发展物流和物流两大现代服务业。",  # a list of two, no 、
    ],
)
def test_gate_lets_lists_through(text):
    assert may_hold_lists(Document(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a counted head and markers, without any 、: still counted
        (
            "会上提出三点要求：一是加强学习，二是改进作风，三是严守纪律，四是服务群众。",
            [("DL003", "三点要求")],
        ),
        # a quoted count with a comma list, without any 、: the copy is still found
        (
            "坚持“三个确保”即确保安全，确保质量，确保安全。",
            [("DL001", "确保安全"), ("DL003", "“三个确保”")],
        ),
        # a clause longer than the first window before a list counted after it
        (
            "会议指出今后一个时期要在全市范围内统筹推进产业结构调整和城市功能提升并加快发展物流、"
            "金融、会展、会展四大现代服务业。",
            [("DL001", "会展"), ("DL003", "四大")],
        ),
        # a long first item before a clause list with a copy
        (
            "分布于东非与红海及波斯湾等广大的海域以及更远的印度洋西部的许多岛屿周边的浅海、红海、"
            "波斯湾、红海，数量很多。",
            [("DL001", "红海")],
        ),
    ],
)
def test_findings_survive_the_shortcuts(text, expected):
    for variant in (text, text.translate(_HALF)):
        got = _warnings(variant)
        want = sorted(
            (code, span.translate(_HALF) if variant != text else span) for code, span in expected
        )
        assert got == want, variant


@pytest.mark.parametrize(
    "text",
    [
        "主要有二手车、三轮车、汽车四大市场。",  # a numeral inside an item: not a count
        "甲、乙三三三三三三三三三三三三三三三三三三，丙、丁。",  # numerals, no measure word
        "重点发展电子、机械、化工三大产业。",  # the count is right
    ],
)
def test_lists_counted_after_them_stay_silent(text):
    assert _warnings(text) == []
    assert _warnings(text.translate(_HALF)) == []
