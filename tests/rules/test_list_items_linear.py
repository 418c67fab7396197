"""List items (DL): four times the input costs about four times the work, never sixteen.

Each test lints a pathological input with every DL rule at 1x and 4x its size and
compares CPU time (``tests.linearity.assert_linear``: linear is about 4x, the bound 8x
fails every quadratic input). The shared inputs come from ``tests/linearity.py`` (32
and 128 KB); the DL ones (16 and 64 KB) repeat a unit that once made a DL step rescan
the rest of its line, sentence or document per announcement, list, marker or article.
"""

from __future__ import annotations

import pickle

import pytest

from lint import Document
from lint.linter import check_document
from rules.list_items import RULES
from tests.linearity import MULTI_LINE, ONE_LINE, assert_linear, patho_text, repeated

# name -> (head, unit repeated, tail); {n} in a unit counts up from 2
DL_INPUTS = {
    # announcements whose markers are counted on the rest of the paragraph
    "markers-one-line": ("", "树立三种观念:一是大局，二是服务，", ""),
    # inline numbering after 即: no later marker has a boundary, none restarts the count
    "numbered-one-line": ("", "提出三点要求即一、加强学习；二、改进作风", "。"),
    # announced lists that end with an empty item: rejected, the sentence is cut once
    "rejected-lists": ("", "“五带头”即:带头学习，带头实践，", "。"),
    # one list per sentence, each judged (a copy in each)
    "accepted-lists": ("", "“两个确保”即:确保安全、确保质量、确保安全。", ""),
    # announcements inside the first item of one sentence's list
    "nested-announcements": ("", "“两个确保”即：", "甲，乙，丙。"),
    # a paragraph per announcement, one numbered line at the very end
    "sections-then-one-line": ("", "我讲四点意见。\n", "一、统一思想；二、明确任务\n"),
    # clause lists with copies, one per clause
    "clause-lists": ("", "东非、红海、波斯湾、红海，", "。"),
    # a long first item before each list: the clause start is found once
    "long-first-items": ("", "分布于东非与红海及波斯湾等广大的海域、甲、乙；", ""),
    # lists counted after them, one per clause, each with a copy (a clause start each)
    "trailing-counts": ("", "加快发展物流、金融、会展、会展四大产业，", "。"),
    # one clause of items each ending in a count: one list, cut once
    "trailing-one-clause": ("", "物流、金融三大", "。"),
    # numerals after the last item that are no count: looked at within a short window
    "trailing-no-count": ("", "甲、乙三三三三三三三三三三三三三三三三三三，", "。"),
    # one clause of items holding numerals, no count after the last: each item looked at once
    "inner-no-count": ("", "甲三乙、", "丙。"),
    # a count inside each clause's list, more items after it
    "inner-counts": ("", "覆盖大、中、小四类餐厅、学校食堂、学校食堂，", "。"),
    # one-character items, a copy in each clause
    "one-character-items": ("", "甲、乙、丙、乙，", "。"),
    # one clause of one-character items that repeat (a sequence, like 对、错、错、对)
    "one-character-sequence": ("", "甲、乙、丙、乙、丁、丁、", "戊。"),
    # counts before a colon, each followed by a list of 、 items with a copy
    "colon-counts": ("", "抓好三项工作：甲乙、丙丁、甲乙。", ""),
    # numbered lines that repeat a number, in many articles
    "numbered-articles": ("", "篇{n}\n一、总体要求\n二、主要任务\n二、保障措施\n", ""),
    # a sentence said again and again on one line: a finding each time
    "repeated-sentences": ("", "要加强作风建设，提高教育工作质量。", "\n"),
    # runs of end marks and closing quotes
    "end-mark-runs": ("", "好！？！”", "\n"),
    "end-marks-only": ("", "。", "\n"),
}


def dl_text(name: str, size: int) -> str:
    """The DL pathological input ``name`` at about ``size`` bytes of UTF-8."""
    return repeated(*DL_INPUTS[name], size)


_RULES = [cls() for cls in RULES]


def _check(text: str) -> object:
    return check_document(Document(text), _RULES)


@pytest.mark.parametrize("name", [*ONE_LINE, *MULTI_LINE])
def test_linear_on_shared_pathological_inputs(name):
    assert_linear(_check, lambda size: patho_text(name, size))


@pytest.mark.parametrize("name", DL_INPUTS)
def test_linear_on_dl_pathological_inputs(name):
    assert_linear(_check, lambda size: dl_text(name, size), small=16_000)


EXPECTED = {
    "markers-one-line": {"DL003"},
    "numbered-one-line": {"DL003"},
    "rejected-lists": set(),
    "accepted-lists": {"DL001", "DL003", "DL005"},
    "nested-announcements": {"DL003"},
    "sections-then-one-line": {"DL003"},
    "clause-lists": {"DL001"},
    "long-first-items": set(),
    "trailing-counts": {"DL001", "DL003"},
    "trailing-one-clause": {"DL001"},  # the clause list repeats its items
    "trailing-no-count": set(),
    "inner-no-count": {"DL001"},  # the clause list repeats its items
    "inner-counts": {"DL001", "DL003"},
    "one-character-items": {"DL001"},
    "one-character-sequence": set(),
    "colon-counts": {"DL001", "DL003", "DL005"},
    "numbered-articles": {"DL004"},
    "repeated-sentences": {"DL005"},
    "end-mark-runs": set(),
    "end-marks-only": set(),
}


@pytest.mark.parametrize("name", DL_INPUTS)
def test_pathological_inputs_exercise_the_rules(name):
    found = {d.code for d in check_document(Document(dl_text(name, 2000)), _RULES)}
    assert found == EXPECTED[name]


def test_many_findings_on_one_line_are_all_reported():
    # a finding per repeated sentence: the work grows with the findings, not faster
    text = dl_text("repeated-sentences", 2000)
    found = [d for d in check_document(Document(text), _RULES) if d.code == "DL005"]
    assert len(found) == text.count("。") - 1


def test_rules_pickle_and_give_the_same_findings():
    text = "".join(dl_text(name, 600) for name in DL_INPUTS)
    copies = pickle.loads(pickle.dumps(_RULES))
    assert [type(r) for r in copies] == [type(r) for r in _RULES]
    assert check_document(Document(text), copies) == check_document(Document(text), _RULES)
