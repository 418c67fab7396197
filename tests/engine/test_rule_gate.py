"""``Rule.gate``: a document prefilter a family's rules share, asked once per document."""

from __future__ import annotations

import pickle
import time
from collections.abc import Iterator

from lint import Diagnostic, Document, Rule, Source
from lint.linter import RULE_ERROR, check_document

CALLS: list[str] = []  # what the gate and the checks were called on, in order


def has_list(document: Document) -> bool:
    """The shared gate of the rules below: the text holds a 、."""
    CALLS.append(f"gate:{document.text}")
    return "、" in document.text


class _Counting(Rule):
    family = "gate-test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        CALLS.append(f"{self.code}:{document.text}")
        at = document.text.find("、")
        if at >= 0:
            yield self.report(at, at + 1, f"{self.code} saw a list")


class First(_Counting):
    """First rule sharing the gate."""

    code = "GT001"
    name = "first"
    gate = has_list


class Second(_Counting):
    """Second rule sharing the gate."""

    code = "GT002"
    name = "second"
    gate = has_list


class Ungated(_Counting):
    """The same check without a gate."""

    code = "GT003"
    name = "ungated"


def doc(text: str) -> Document:
    return Document(text, Source("t.txt"))


def test_a_plain_function_is_kept_as_the_same_object_on_every_rule():
    assert First().gate is has_list and Second().gate is has_list
    assert Ungated().gate is None


def test_the_gate_is_asked_once_per_document_and_skips_the_rules_where_it_says_no():
    CALLS.clear()
    rules = [First(), Second()]
    assert check_document(doc("没有列举。"), rules) == []
    assert CALLS == ["gate:没有列举。"]
    CALLS.clear()
    found = check_document(doc("甲、乙"), rules)
    assert CALLS == ["gate:甲、乙", "GT001:甲、乙", "GT002:甲、乙"]
    assert [d.code for d in found] == ["GT001", "GT002"]


def test_a_gate_changes_no_finding():
    for text in ("甲、乙", "没有", "", "、"):
        gated = check_document(doc(text), [First()])
        plain = check_document(doc(text), [Ungated()])
        assert [(d.start, d.end) for d in gated] == [(d.start, d.end) for d in plain]


def test_triggers_come_before_the_gate():
    class Triggered(First):
        code = "GT004"
        name = "triggered"
        triggers = ("甲",)

    CALLS.clear()
    assert check_document(doc("乙、丙"), [Triggered()]) == []
    assert CALLS == []  # no 甲: the gate is not even asked


def fails(document: Document) -> bool:
    raise ValueError("gate broke")


def rewrites(document: Document) -> bool:
    document._text = "changed"  # type: ignore[misc]
    return True


def slow(document: Document) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        pass
    return True


def test_a_gate_that_fails_is_reported_once_and_the_other_rules_run():
    class Broken(First):
        code = "GT005"
        name = "broken"
        gate = fails

    class AlsoBroken(First):
        code = "GT008"
        name = "also-broken"
        gate = fails

    found = check_document(doc("甲、乙"), [Broken(), AlsoBroken(), Ungated()])
    errors = [d.message for d in found if d.code == RULE_ERROR]
    # one report, for the first rule that asked; the rule sharing the gate skips the document
    assert len(errors) == 1 and "GT005 (broken)" in errors[0] and "gate broke" in errors[0]
    assert [d.code for d in found if d.code != RULE_ERROR] == ["GT003"]


def test_a_gate_written_as_a_method_is_called_as_one():
    class Minded(_Counting):
        code = "GT009"
        name = "minded"
        wanted = "甲"

        def gate(self, document: Document) -> bool:
            return self.wanted in document.text

    rule = Minded()
    assert [d.code for d in check_document(doc("甲、乙"), [rule])] == ["GT009"]
    assert check_document(doc("乙、丙"), [rule]) == []


def test_a_gate_that_changes_the_text_is_reported_and_undone():
    class Rewriting(First):
        code = "GT006"
        name = "rewriting"
        gate = rewrites

    document = doc("甲、乙")
    found = check_document(document, [Rewriting(), Ungated()])
    assert document.text == "甲、乙"
    errors = [d.message for d in found if d.code == RULE_ERROR]
    assert len(errors) == 1 and "gate changed the text" in errors[0]
    assert [d.code for d in found if d.code != RULE_ERROR] == ["GT003"]


def test_a_slow_gate_is_stopped_by_the_rule_time_budget():
    class Slow(First):
        code = "GT007"
        name = "slow"
        gate = slow

    started = time.monotonic()
    found = check_document(doc("甲、乙"), [Slow(), Ungated()], time_budget=0.2)
    assert time.monotonic() - started < 3
    errors = [d.message for d in found if d.code == RULE_ERROR]
    assert len(errors) == 1 and "GT007" in errors[0] and "time budget" in errors[0]
    assert [d.code for d in found if d.code != RULE_ERROR] == ["GT003"]


def test_a_gated_rule_pickles_with_its_gate():
    copy = pickle.loads(pickle.dumps(First()))
    assert copy.gate is has_list
    assert [d.code for d in check_document(doc("甲、乙"), [copy])] == ["GT001"]
