"""A rule that runs too long on one document is interrupted, reported, and the run goes on."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import threading

import pytest

from lint import Document, Source
from lint.linter import (
    DEFAULT_TIME_BUDGET,
    RULE_ERROR,
    check_document,
    fix_document,
    rule_timer,
)
from tests.reliability.rules import DeleteHash, Everywhere, Sleeper, _TestRule

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")


def doc(text: str = "正文#") -> Document:
    return Document(text, Source("slow.txt"))


def rule_errors(found) -> list[str]:
    return [d.message for d in found if d.code == RULE_ERROR]


class Backtracks(_TestRule):
    """A runaway regular expression (catastrophic backtracking in ``re``)."""

    code = "RL061"
    name = "backtracks"

    def check(self, document):
        """Match a pattern that backtracks exponentially."""
        re.match(r"(a+)+$", "a" * 40 + "b")
        return iter(())


def test_a_rule_that_never_ends_is_interrupted_and_the_next_rule_runs():
    found = check_document(doc(), [Sleeper(), Everywhere()], time_budget=0.2)
    assert rule_errors(found) == [
        "rule RL060 (sleeper) exceeded the time budget of 0.2 s on slow.txt"
    ]
    assert [d.code for d in found if d.code != RULE_ERROR] == ["RL050"]


def test_a_runaway_regular_expression_is_interrupted():
    found = check_document(doc(), [Backtracks(), Everywhere()], time_budget=0.2)
    assert rule_errors(found) == [
        "rule RL061 (backtracks) exceeded the time budget of 0.2 s on slow.txt"
    ]


def test_a_rule_that_swallows_the_interruption_is_still_reported_and_its_findings_dropped():
    found = check_document(doc(), [Sleeper(0.5, swallow=True), Everywhere()], time_budget=0.2)
    assert rule_errors(found) == [
        "rule RL060 (sleeper) exceeded the time budget of 0.2 s on slow.txt"
    ]
    assert [d.code for d in found] == ["RL050", RULE_ERROR]


def test_the_budget_is_per_rule_not_per_document():
    # six rules of 0.05 s each take 0.3 s together, more than the 0.2 s budget
    rules = [Sleeper(0.05) for _ in range(6)]
    found = check_document(doc(), rules, time_budget=0.2)
    assert not rule_errors(found)
    assert len(found) == 6


def test_the_fix_loop_passes_the_budget_on():
    result = fix_document(doc("a#b#"), [Sleeper(), DeleteHash()], time_budget=0.2)
    assert result.document.text == "ab"
    assert rule_errors(result.diagnostics) == [
        "rule RL060 (sleeper) exceeded the time budget of 0.2 s on slow.txt"
    ]


def test_the_previous_handler_and_timer_come_back():
    fired = []

    def handler(signum, frame):
        fired.append(signum)

    old = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 100.0)
        check_document(doc(), [Sleeper(), Everywhere()], time_budget=0.2)
        assert signal.getsignal(signal.SIGALRM) is handler
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90.0 < left <= 100.0
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_no_timer_is_left_running_after_a_check():
    check_document(doc(), [Everywhere()], time_budget=0.2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)


def test_rule_timer_shares_one_handler_across_documents():
    before = signal.getsignal(signal.SIGALRM)
    with rule_timer(0.2):
        for _ in range(3):
            found = check_document(doc(), [Sleeper(), Everywhere()], time_budget=0.2)
            assert len(rule_errors(found)) == 1
        # another budget inside the block gets its own timer
        found = check_document(doc(), [Sleeper(), Everywhere()], time_budget=0.3)
        assert rule_errors(found) == [
            "rule RL060 (sleeper) exceeded the time budget of 0.3 s on slow.txt"
        ]
        assert not rule_errors(check_document(doc(), [Sleeper(0.05)], time_budget=0.2))
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_there_is_no_budget():
    results = []
    thread = threading.Thread(
        target=lambda: results.append(check_document(doc(), [Sleeper(0.4)], time_budget=0.2))
    )
    thread.start()
    thread.join(10)
    assert len(results) == 1 and not rule_errors(results[0])  # ran to the end, not interrupted


@pytest.mark.parametrize("bad", [0, -1.0, float("nan")])
def test_a_budget_must_be_positive(bad):
    with pytest.raises(ValueError, match="time budget"):
        check_document(doc(), [Everywhere()], time_budget=bad)


def test_no_budget_and_an_infinite_one_never_interrupt():
    for budget in (None, float("inf")):
        assert not rule_errors(check_document(doc(), [Sleeper(0.05)], time_budget=budget))


def test_default_budget_is_generous():
    assert DEFAULT_TIME_BUDGET >= 10.0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_worker_forked_inside_rule_timer_keeps_the_budget():
    with rule_timer(0.2):
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(1) as pool:
            messages = pool.apply_async(_check_forever_in_worker).get(timeout=30)
    assert messages == ["rule RL060 (sleeper) exceeded the time budget of 0.2 s on slow.txt"]


def _check_forever_in_worker() -> list[str]:
    return rule_errors(check_document(doc(), [Sleeper()], time_budget=0.2))


class ChecksInside(_TestRule):
    """Runs a nested check (of a slow rule) inside its own check."""

    code = "RL062"
    name = "checks-inside"

    def check(self, document):
        """Check the document again with a rule that never ends."""
        check_document(document, [Sleeper()], time_budget=100.0)
        return iter(())


def test_a_nested_check_does_not_swallow_the_outer_rules_interruption():
    found = check_document(doc(), [ChecksInside(), Everywhere()], time_budget=0.2)
    assert rule_errors(found) == [
        "rule RL062 (checks-inside) exceeded the time budget of 0.2 s on slow.txt"
    ]
