"""Fix application: overlapping edits, the fix loop, convergence and idempotence."""

from __future__ import annotations

import pytest

from lint import Document, Edit, Fix
from lint.fix import apply_fixes
from lint.linter import FIX_NOT_CONVERGED, fix_document
from lint.testing import fix_text, lint_text
from tests.engine.testplugin import Grow, Shout, Star, SwapAB, SwapBA


def test_non_overlapping_fixes_apply_in_one_pass():
    text = "0123456789"
    fixes = [Fix.safe("b", Edit(5, 6, "F")), Fix.safe("a", Edit(1, 2, "B"))]
    new, applied = apply_fixes(text, fixes)
    assert new == "0B234F6789"
    assert [f.description for f in applied] == ["a", "b"]


def test_overlapping_fix_waits_for_the_next_pass():
    text = "abcdef"
    first = Fix.safe("first", Edit(1, 4, "X"))
    second = Fix.safe("second", Edit(3, 5, "Y"))
    new, applied = apply_fixes(text, [second, first])
    assert new == "aXef"
    assert applied == [first]


def test_fix_is_atomic_all_edits_or_none():
    text = "abcdef"
    blocker = Fix.safe("blocker", Edit(0, 2, ""))
    multi = Fix.safe("multi", Edit(1, 2, "Q"), Edit(4, 5, "Z"))
    new, applied = apply_fixes(text, [blocker, multi])
    assert new == "cdef"  # multi's second edit was not applied alone
    assert applied == [blocker]


def test_two_insertions_at_one_point_conflict():
    a = Edit.insertion(3, "x")
    b = Edit.insertion(3, "y")
    assert a.overlaps(b)
    assert not Edit(0, 3).overlaps(Edit(3, 5))  # touching ranges are independent


def test_edits_of_one_fix_must_not_overlap():
    with pytest.raises(ValueError):
        Fix.safe("bad", Edit(0, 3), Edit(2, 4))


def test_fix_loop_reaches_overlapping_fixes_on_later_passes():
    # "**" gives two overlapping single-char deletions at 1 and 2: both must go.
    assert fix_text("a**b*", [Star]) == "ab"


def test_unsafe_fixes_only_when_asked():
    assert fix_text("hi!!", [Shout]) == "hi!!"
    assert fix_text("hi!!", [Shout], unsafe=True) == "hi!"


def test_fix_twice_equals_fix_once():
    text = "x**y!!z*" * 3
    once = fix_text(text, [Star, Shout], unsafe=True)
    assert fix_text(once, [Star, Shout], unsafe=True) == once
    assert "*" not in once and "!!" not in once


def test_cycling_fixes_are_reverted_and_reported():
    doc = Document("xab")
    result = fix_document(doc, [SwapAB(), SwapBA()])
    assert result.document.text == "xab"  # reverted to the original
    assert not result.applied
    codes = [d.code for d in result.diagnostics]
    assert FIX_NOT_CONVERGED in codes
    msg = next(d.message for d in result.diagnostics if d.code == FIX_NOT_CONVERGED)
    assert "TS901" in msg and "TS902" in msg


def test_fixes_that_never_settle_hit_the_bound_and_revert():
    result = fix_document(Document("x"), [Grow()], max_passes=5)
    assert result.document.text == "x"
    msg = next(d.message for d in result.diagnostics if d.code == FIX_NOT_CONVERGED)
    assert "5 passes" in msg and "TS903" in msg


def test_remaining_diagnostics_are_on_the_fixed_text():
    result = fix_document(Document("a*b!!"), [Star(), Shout()])
    assert result.document.text == "ab!!"
    assert [(d.code, d.start) for d in result.diagnostics] == [("TS002", 2)]
    assert [d.code for d in result.applied] == ["TS001"]


def test_rule_option_changes_behaviour():
    found = lint_text("a#b*c", [Star], settings={"TS001": {"glyph": "#"}})
    assert [(d.start, d.end) for d in found] == [(1, 2)]
