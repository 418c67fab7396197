"""Fix availability: a rule's promise (never / sometimes / always) checked against its fixes."""

from __future__ import annotations

import pytest

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule
from lint.plugins import load_plugins
from lint.testing import FixAvailabilityMismatch, lint_text


class _Word(Rule):
    """Flags 错字, with a fix only when ``fixable`` says so (test rule)."""

    code = "FA001"
    name = "word"
    family = "fa"
    fixable = True

    def check(self, document: Document) -> list[Diagnostic]:
        """Flag each 错字; offer a fix when the class says so."""
        out = []
        start = document.text.find("错字")
        while start != -1:
            fix = Fix.safe("fix", Edit(start, start + 2, "正字")) if self.fixable else None
            out.append(self.report(start, start + 2, "a typo word", fix=fix))
            start = document.text.find("错字", start + 2)
        return out


class NeverButFixes(_Word):
    """Declares never, offers fixes."""

    fix_availability = FixAvailability.NEVER


class AlwaysButBare(_Word):
    """Declares always, reports without a fix."""

    fix_availability = FixAvailability.ALWAYS
    fixable = False


class Sometimes(_Word):
    """Declares sometimes: anything goes."""

    fix_availability = FixAvailability.SOMETIMES


def test_a_rule_that_fixes_despite_never_fails():
    with pytest.raises(FixAvailabilityMismatch, match="FA001 declares fix_availability NEVER"):
        lint_text("一个错字。", [NeverButFixes])


def test_a_rule_that_omits_a_fix_despite_always_fails():
    with pytest.raises(FixAvailabilityMismatch, match="ALWAYS but reports without a fix"):
        lint_text("一个错字。", [AlwaysButBare])


def test_sometimes_accepts_both_and_silence_is_never_a_contradiction():
    assert [d.code for d in lint_text("一个错字。", [Sometimes])] == ["FA001"]
    assert lint_text("没有问题。", [NeverButFixes, AlwaysButBare]) == []


def test_the_old_fix_safety_still_loads_with_a_deprecation_warning():
    from lint.rule import FixSafety

    with pytest.warns(DeprecationWarning, match="fix_safety"):

        class Old(_Word):
            code = "FA002"
            name = "old"
            fix_safety = FixSafety.SAFE

    with pytest.warns(DeprecationWarning):

        class OldNone(_Word):
            code = "FA003"
            name = "old-none"
            fix_safety = FixSafety.NONE

    assert Old.fix_availability is FixAvailability.SOMETIMES  # the promise it can keep
    assert OldNone.fix_availability is FixAvailability.NEVER


def test_every_builtin_rule_declares_an_availability():
    rules = load_plugins().rules()
    assert rules, "the built-in rules should load"
    for cls in rules.values():
        assert isinstance(cls.fix_availability, FixAvailability), cls.code
    declared = {code: cls.fix_availability.value for code, cls in rules.items()}
    assert declared["DL001"] == "always" and declared["SA001"] == "sometimes"
    assert declared["DL003"] == "never" and declared["DT002"] == "sometimes"
