"""The fix loop converges on repeated content and stops on cycles and endless growth."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document, Source
from lint.linter import (
    FIX_NOT_CONVERGED,
    MAX_FIX_PASSES,
    RULE_ERROR,
    check_document,
    fix_document,
)
from tests.reliability.rules import (
    Count,
    CrashOnHash,
    DeleteHash,
    Double,
    DropB,
    FirstMarker,
    SameText,
    XtoY,
    YtoX,
    YtoZ,
    ZtoX,
)

EXAMPLES = 1000 if os.environ.get("SCRAPELINT_SLOW") else 150


def doc(text: str) -> Document:
    return Document(text, Source("page.txt"))


def not_converged(result) -> str | None:
    return next((d.message for d in result.diagnostics if d.code == FIX_NOT_CONVERGED), None)


class Counting:
    """Wraps a rule and counts how often it ran (one run per pass of the fix loop)."""

    def __init__(self, rule):
        self.rule = rule
        self.runs = 0

    def __getattr__(self, name):
        return getattr(self.rule, name)

    def check(self, document):
        self.runs += 1
        return self.rule.check(document)


def test_a_page_repeated_eleven_times_is_fixed_not_reported():
    # each pass removes one copy's marker: 11 passes, more than the old bound of 10
    page = "正文一段。@@页脚\n"
    result = fix_document(doc(page * 11), [FirstMarker()])
    assert not_converged(result) is None
    assert result.document.text == "正文一段。页脚\n" * 11
    assert len(result.applied) == 11


def test_one_fix_per_pass_converges_far_beyond_ten_passes():
    result = fix_document(doc("a@@" * 150), [FirstMarker()])
    assert not_converged(result) is None
    assert result.document.text == "a" * 150


def test_the_pass_bound_still_holds():
    result = fix_document(doc("a@@" * (MAX_FIX_PASSES + 1)), [FirstMarker()])
    message = not_converged(result)
    assert message is not None and f"still changing after {MAX_FIX_PASSES} passes" in message
    assert result.document.text == "a@@" * (MAX_FIX_PASSES + 1)  # reverted, left unchanged
    assert not result.applied


def test_settling_exactly_at_the_bound_is_not_a_failure():
    result = fix_document(doc("a@@" * 5), [FirstMarker()], max_passes=5)
    assert not_converged(result) is None
    assert result.document.text == "a" * 5


def test_max_fix_passes_is_generous():
    assert MAX_FIX_PASSES >= 100


def test_two_fixes_undoing_each_other_are_reverted_and_reported():
    result = fix_document(doc("axb"), [XtoY(), YtoX()])
    message = not_converged(result)
    assert message is not None and "undo each other" in message
    assert "RL011" in message and "RL012" in message and "page.txt" in message
    assert result.document.text == "axb" and not result.applied


def test_a_cycle_of_three_passes_is_found():
    rules = [Counting(XtoY()), YtoZ(), ZtoX()]
    result = fix_document(doc("x"), rules)
    assert result.document.text == "x"
    assert "undo each other" in (not_converged(result) or "")
    assert rules[0].runs <= 5  # x→y→z→x: found on the third pass, plus the revert's check


def test_a_text_that_keeps_doubling_stops_early():
    rule = Counting(Double())
    result = fix_document(doc("页" * 1000), [rule])
    message = not_converged(result)
    assert message is not None and "grew past" in message
    assert result.document.text == "页" * 1000
    assert rule.runs < 10


def test_a_text_that_never_settles_stops_at_the_bound():
    result = fix_document(doc("x"), [Count()], max_passes=30)
    message = not_converged(result)
    assert message is not None and "still changing after 30 passes" in message
    assert result.document.text == "x"


def test_a_fix_that_changes_nothing_does_not_block_the_others():
    # "ab" replaced by itself would be accepted first and hide the overlapping "b" deletion
    result = fix_document(doc("ab"), [SameText(), DropB()])
    assert result.document.text == "a"
    assert [d.code for d in result.applied] == ["RL016"]
    assert not_converged(result) is None


def test_a_rule_error_on_an_intermediate_text_is_kept():
    result = fix_document(doc("a#b"), [CrashOnHash(), DeleteHash()])
    assert result.document.text == "ab"
    errors = [d for d in result.diagnostics if d.code == RULE_ERROR]
    assert len(errors) == 1
    assert "RL030" in errors[0].message and "cannot handle #" in errors[0].message


def test_running_on_its_own_output_changes_nothing():
    rules = [FirstMarker(), DropB(), DeleteHash()]
    once = fix_document(doc("@@b#" * 20), rules)
    twice = fix_document(once.document, rules)
    assert twice.document.text == once.document.text == ""
    assert not twice.applied


ALPHABET = st.sampled_from(["@@", "@", "a", "b", "x", "y", "z", "#", "中", "\n"])
RULE_SETS = st.sampled_from(
    [
        (FirstMarker, DropB),
        (FirstMarker, SameText, DropB),
        (XtoY, YtoZ),
        (XtoY, YtoX, FirstMarker),
        (XtoY, YtoZ, ZtoX, DeleteHash),
        (CrashOnHash, DeleteHash, FirstMarker),
    ]
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), RULE_SETS)
def test_fix_result_is_idempotent(text, rule_classes):
    rules = [cls() for cls in rule_classes]
    first = fix_document(doc(text), rules)
    second = fix_document(first.document, rules)
    assert second.document.text == first.document.text
    if not_converged(first) is None:
        assert not second.applied
        # nothing fixable is left on the result
        left = check_document(first.document, rules)
        assert not any(d.fix is not None and d.fix.is_applicable(False) for d in left) or all(
            d.code == "RL015" for d in left if d.fix is not None
        )
    else:
        assert first.document.text == text  # reverted
