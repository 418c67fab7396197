"""A rule cannot end the run, change the document or hand the engine unusable findings."""

from __future__ import annotations

import re

import pytest

from lint import Diagnostic, Document, Edit, Fix, Severity, Source
from lint.fix import Applicability
from lint.linter import RULE_ERROR, check_document, fix_document
from tests.reliability.rules import Everywhere, Raises, Yields, _TestRule

LABEL = "pages.jsonl:7[abc]"
SHAPE = re.compile(
    r"^rule (RL\d{3}) \(([a-z-]+)\) failed on (\S+): (\w+)(?:: (.*))? \(at (.+):(\d+)\)$"
)


def doc(text: str = "中文正文，一段。") -> Document:
    return Document(text, Source("pages.jsonl", 7, "abc"))


def rule_errors(found: list[Diagnostic]) -> list[str]:
    return [d.message for d in found if d.code == RULE_ERROR]


def only_error(found: list[Diagnostic], code: str = "RL040") -> re.Match[str]:
    """The single SL002 finding, parsed; the other rule's finding is still there."""
    (message,) = rule_errors(found)
    m = SHAPE.match(message)
    assert m is not None, message
    assert m[1] == code and m[3] == LABEL
    assert [d.code for d in found if d.code != RULE_ERROR] == ["RL050"]
    return m


class CustomStop(BaseException):
    """A BaseException a plugin might define."""


@pytest.mark.parametrize(
    "error",
    [
        SystemExit(0),
        SystemExit("bye"),
        GeneratorExit(),
        CustomStop("stop"),
        ValueError("bad value"),
        RecursionError("deep"),
        MemoryError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_any_exception_from_a_rule_becomes_an_internal_error(error):
    found = check_document(doc(), [Raises(error), Everywhere()])
    m = only_error(found)
    assert m[2] == "raises" and m[4] == type(error).__name__
    assert m[6].endswith("rules.py")  # where it was raised


def test_fix_loop_survives_system_exit():
    result = fix_document(doc(), [Raises(SystemExit(0)), Everywhere()])
    assert len(rule_errors(result.diagnostics)) == 1


def test_keyboard_interrupt_propagates():
    with pytest.raises(KeyboardInterrupt):
        check_document(doc(), [Raises(KeyboardInterrupt()), Everywhere()])


def test_a_huge_exception_message_is_bounded():
    found = check_document(doc(), [Raises(ValueError("x" * 1_000_000)), Everywhere()])
    (message,) = rule_errors(found)
    assert len(message) < 1000 and "xxx…" in message


def test_an_exception_that_cannot_be_printed_is_still_reported():
    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no")

    found = check_document(doc(), [Raises(Unprintable()), Everywhere()])
    assert "Unprintable" in only_error(found)[4]


class AssignsText(_TestRule):
    """Tries to change the document it checks."""

    code = "RL042"
    name = "assigns-text"

    def check(self, document):
        """Assign to the read-only text."""
        document.text = "changed"
        yield self.report(0, 0, "never")


class PokesText(_TestRule):
    """Changes the document's private text behind the engine's back."""

    code = "RL043"
    name = "pokes-text"

    def check(self, document):
        """Overwrite the private text, then report."""
        document._text = "hacked"
        yield self.report(0, 0, "never")


class SeesText(_TestRule):
    """Reports the text it sees, to show what later rules get."""

    code = "RL044"
    name = "sees-text"

    def check(self, document):
        """Report the document's text and its first line."""
        yield self.report(0, 0, f"{document.text}|{document.lines[0].text}")


def test_assigning_to_document_text_is_an_internal_error_and_changes_nothing():
    d = doc("原文")
    found = check_document(d, [AssignsText(), SeesText()])
    (message,) = rule_errors(found)
    m = SHAPE.match(message)
    assert m is not None and m[1] == "RL042" and m[4] == "AttributeError"
    assert d.text == "原文"
    assert [x.message for x in found if x.code == "RL044"] == ["原文|原文"]


def test_fix_writes_the_original_text_even_if_a_rule_assigns_to_it():
    result = fix_document(doc("原文"), [AssignsText()])
    assert result.document.text == "原文" and not result.changed


def test_changing_the_private_text_is_undone_and_reported():
    d = doc("原文")
    d.lines  # noqa: B018 - build the line index before the rule runs
    found = check_document(d, [PokesText(), SeesText()])
    (message,) = rule_errors(found)
    assert "RL043" in message and "changed the document's text" in message
    assert d.text == "原文"
    assert [x.message for x in found if x.code == "RL044"] == ["原文|原文"]
    assert not [x for x in found if x.code == "RL043"]


SIZE = len(doc().text)
BAD_ITEMS = {
    "an int": (42, "TypeError", "yielded int, not a Diagnostic"),
    "None": (None, "TypeError", "yielded NoneType"),
    "a string": ("finding", "TypeError", "yielded str"),
    "a loud severity": (
        Diagnostic("RL041", "m", 0, 1, "loud"),  # type: ignore[arg-type]
        "TypeError",
        "severity 'loud' is not a lint.Severity",
    ),
    "an int severity": (Diagnostic("RL041", "m", 0, 1, 2), "TypeError", "severity 2"),  # type: ignore[arg-type]
    "a span past the end": (
        Diagnostic("RL041", "m", 0, SIZE + 1),
        "ValueError",
        f"span 0..{SIZE + 1} lies outside the document",
    ),
    "a fix past the end": (
        Diagnostic("RL041", "m", 0, 1, fix=Fix.safe("f", Edit(SIZE, SIZE + 3, ""))),
        "ValueError",
        "fix edit span",
    ),
    "a fix that is not a Fix": (
        Diagnostic("RL041", "m", 0, 1, fix="delete it"),  # type: ignore[arg-type]
        "TypeError",
        "is not a lint.Fix",
    ),
    "a lone high surrogate": (
        Diagnostic("RL041", "m", 0, 1, fix=Fix.safe("f", Edit(0, 1, "a\ud800b"))),
        "ValueError",
        "lone surrogate U+D800",
    ),
    "a lone low surrogate": (
        Diagnostic("RL041", "m", 0, 1, fix=Fix.unsafe("f", Edit(1, 1, "中\udfff"))),
        "ValueError",
        "lone surrogate U+DFFF",
    ),
    "a message that is not text": (
        Diagnostic("RL041", b"bytes", 0, 1),  # type: ignore[arg-type]
        "TypeError",
        "must be strings",
    ),
}


@pytest.mark.parametrize("case", list(BAD_ITEMS), ids=list(BAD_ITEMS))
def test_an_unusable_finding_is_an_internal_error_and_drops_the_rules_findings(case):
    item, kind, words = BAD_ITEMS[case]
    found = check_document(doc(), [Yields(item), Everywhere()])
    m = only_error(found, "RL041")  # the rule's good finding was dropped too
    assert m[2] == "yields" and m[4] == kind and words in m[5]
    assert m[6].endswith("rules.py")  # points at the rule's check


def test_usable_findings_pass_untouched():
    fine = [
        Diagnostic("RL041", "emoji", 0, SIZE, Severity.INFO, Fix.safe("f", Edit(0, 1, "😀"))),
        Diagnostic("RL041", "at end", SIZE, SIZE, Severity.ERROR, Fix.safe("f", Edit(SIZE, SIZE))),
    ]
    found = check_document(doc(), [Yields(*fine), Everywhere()])
    assert not rule_errors(found)
    assert sorted(d.message for d in found) == ["at end", "emoji", "good", "here"]


def test_a_fix_with_a_surrogate_is_never_applied():
    bad = Diagnostic("RL041", "m", 0, 1, fix=Fix.safe("f", Edit(0, 1, "\ud800")))
    result = fix_document(doc(), [Yields(bad)])
    assert not result.changed and not result.applied
    assert len(rule_errors(result.diagnostics)) == 1


class BadTriggers(_TestRule):
    """Declares triggers the engine cannot use."""

    code = "RL045"
    name = "bad-triggers"

    def __init__(self) -> None:
        super().__init__()
        self.triggers = ["中"]  # type: ignore[assignment]  # a list: unhashable

    def check(self, document):
        """Never reached."""
        yield self.report(0, 0, "never")


def test_unusable_triggers_are_an_internal_error_of_that_rule():
    found = check_document(doc(), [BadTriggers(), Everywhere()])
    (message,) = rule_errors(found)
    assert "RL045" in message and "TypeError" in message
    assert [d.code for d in found if d.code != RULE_ERROR] == ["RL050"]


def test_a_rule_returning_something_not_iterable_is_an_internal_error():
    class ReturnsNone(_TestRule):
        code = "RL046"
        name = "returns-none"

        def check(self, document):
            return None

    found = check_document(doc(), [ReturnsNone(), Everywhere()])
    assert "RL046" in only_error(found, "RL046")[0]


def test_applicability_must_be_real():
    fix = Fix.safe("f", Edit(0, 1))
    object.__setattr__(fix, "applicability", "safe")
    found = check_document(doc(), [Yields(Diagnostic("RL041", "m", 0, 1, fix=fix)), Everywhere()])
    assert "is not a lint.Fix" in only_error(found, "RL041")[5]
    assert Applicability.SAFE.value == "safe"
