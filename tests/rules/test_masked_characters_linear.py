"""Masked characters (MC): four times the input costs about four times the work, never sixteen.

Each test lints a pathological input with every MC rule at 1x and 4x its size and
compares CPU time (``tests.linearity.assert_linear``: linear is about 4x, the bound 8x
fails every quadratic input). The shared inputs with stars come from
``tests/linearity.py`` (32 and 128 KB); the others (16 and 64 KB, dense with findings)
repeat, on one line, a unit that makes an MC step rescan its line or clause per star:
an enumeration, a formula, an equation, emphasis openers that never close, inline
code, obfuscating percent signs, words split by stars, placeholders.
"""

from __future__ import annotations

import pytest

from lint import Document
from lint.linter import check_document
from rules.masked_characters import RULES
from tests.linearity import assert_linear, patho_text

# shared pathological inputs that hold stars (the others have no MC glyph at all)
SHARED = ["stars-one-line", "stars-only", "cjk-star-mix"]

# name -> (head, unit repeated on one line, tail)
MC_INPUTS = {
    "enum-stars": ("", "＊、", ""),  # one clause of masked 、-items
    "formula-stars": ("", "富强、民主、*明、和谐、", ""),  # anchors of a formula, repeated
    "formula-long-item": ("马列主义、毛泽东思想、", "文＊", ""),  # stars in one long item
    "equation-stars": ("", "长＊宽", "＝面积"),  # one clause with an equals sign at its end
    "emphasis-unmatched": ("", " *a", "a** "),  # openers no closer of their length matches
    "backtick-stars": ("", "`code` 文＊字", ""),  # inline code spans between stars
    "percent-stars": ("", "安*%拉*%", ""),  # stars and percent signs obfuscating words
    "stray-words": ("", "献计＊献策，", ""),  # lexicon look-ups around every star
    "placeholder-blanks": ("", "□□字，", ""),  # boxes on a line without = or 填
    "placeholder-names": ("", "×××同志，", ""),
    "star-lines": ("", "文*字\n", ""),  # a star on every line
}


def mc_text(name: str, size: int) -> str:
    """The MC pathological input ``name`` at about ``size`` bytes of UTF-8."""
    head, unit, tail = MC_INPUTS[name]
    reps = size // len(unit.encode("utf-8")) + 1
    if name == "emphasis-unmatched":  # the openers first, then the closers
        return unit * (reps // 2) + tail * (reps // 2) + "\n文*字\n"
    return head + unit * reps + tail + "\n"


_RULES = [cls() for cls in RULES]


def _check(text: str) -> object:
    return check_document(Document(text), _RULES)


@pytest.mark.parametrize("name", SHARED)
def test_linear_on_shared_pathological_inputs(name):
    assert_linear(_check, lambda size: patho_text(name, size))


@pytest.mark.parametrize("name", MC_INPUTS)
def test_linear_on_mc_pathological_inputs(name):
    assert_linear(_check, lambda size: mc_text(name, size), small=16_000)


@pytest.mark.parametrize("name", MC_INPUTS)
def test_pathological_inputs_exercise_the_rules(name):
    # each input reaches the step it targets: it holds masks (or placeholders) to judge
    found = check_document(Document(mc_text(name, 2000)), _RULES)
    codes = {d.code for d in found}
    if name == "emphasis-unmatched":
        assert codes == {"MC004"}  # only the last line's 文*字: the rest is emphasis syntax
    elif name.startswith("placeholder"):
        assert codes == {"MC005"}
    elif name == "equation-stars":
        assert not codes  # 长＊宽 in an equation is a product
    elif name == "backtick-stars":
        assert "MC004" in codes
    else:
        assert codes & {"MC001", "MC002", "MC003", "MC004"}, codes


def test_formula_restored_in_a_long_enumeration():
    # many clauses of one formula on one line: each masked term is still restored
    text = "倡导富强、民主、*明、和谐。" * 500
    found = [d for d in check_document(Document(text), _RULES) if d.code == "MC003"]
    assert len(found) == 500
    assert {d.fix.edits[0].replacement for d in found} == {"文"}
