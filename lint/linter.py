"""Linting one document: run the rules in isolation, and the fix loop with its convergence guard.

A rule is third-party code. Whatever it does on one document, the run goes on: an
exception of any kind (except a real interrupt), a finding the engine cannot use, or
a rule that overruns its time budget becomes an SL002 internal-error finding naming
the rule and the document, and the rule's other findings for that document are
dropped.
"""

from __future__ import annotations

import contextlib
import math
import operator
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document
from lint.fix import Applicability, Edit, Fix, apply_fixes
from lint.rule import Rule

# Engine codes: findings of the engine itself, not of a rule. They cannot be selected
# or ignored. SL001-SL004 are problems of the run (errors: the run exits 2); SL005, a
# suppression that suppressed nothing, is a warning that fails the run like a rule's.
READ_ERROR = "SL001"
RULE_ERROR = "SL002"
FIX_NOT_CONVERGED = "SL003"
WRITE_ERROR = "SL004"
UNUSED_SUPPRESSION = "SL005"
ENGINE_CODES = {
    READ_ERROR: "read-error",
    RULE_ERROR: "rule-error",
    FIX_NOT_CONVERGED: "fix-not-converged",
    WRITE_ERROR: "write-error",
    UNUSED_SUPPRESSION: "unused-suppression",
}

# The fix loop goes on while every pass reaches a text it has not seen before; these
# bound it when a rule's fixes never settle without ever repeating a text.
MAX_FIX_PASSES = 200
MAX_FIX_GROWTH = 2  # the text may grow to twice its size ...
MAX_FIX_GROWTH_SLACK = 4096  # ... plus this many characters

# Wall-clock seconds one rule may spend on one document before it is interrupted.
DEFAULT_TIME_BUDGET = 60.0

_MESSAGE_LIMIT = 300  # characters of an exception's text quoted in an SL002 message


def engine_diagnostic(code: str, message: str, start: int = 0, end: int = 0) -> Diagnostic:
    """Build an error diagnostic for a problem of the run (SL codes)."""
    return Diagnostic(code, message, start, end, Severity.ERROR, None, ENGINE_CODES[code])


# -- the time budget ---------------------------------------------------------------


class _BudgetExceeded(BaseException):
    """Raised by the SIGALRM handler inside a rule that ran past its time budget."""


class _RuleClock:
    """Interrupts the rule that is running when it has spent ``budget`` seconds.

    One real-time timer serves a whole document: it is armed once, and when it fires
    the handler compares the running rule's start with its deadline. It raises inside
    a rule that overran, and otherwise re-arms the timer for the running rule's
    deadline, so a rule is never interrupted early and never much later than its
    budget. The engine sets ``rule`` and ``started`` right before a rule's ``check``
    and clears ``rule`` right after it, with plain attribute stores: the handler
    raises only while ``rule`` is set, so never outside the rule's ``try``. Only the
    main thread receives signals: elsewhere there is no budget.
    """

    __slots__ = (
        "budget",
        "expired",
        "previous_handler",
        "previous_timer",
        "rule",
        "set_at",
        "started",
    )

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self.rule: Rule | None = None  # the rule running now
        self.started = 0.0  # when it started (time.monotonic)
        self.expired = False  # the running rule was interrupted at least once
        self.previous_handler: Any = None
        self.previous_timer: tuple[float, float] = (0.0, 0.0)
        self.set_at = 0.0

    def start(self) -> bool:
        """Install the handler and arm the timer; False when no budget can be kept here."""
        if threading.current_thread() is not threading.main_thread():
            return False
        previous = signal.getsignal(signal.SIGALRM)
        if previous is None:  # a handler installed outside Python: leave it alone
            return False
        self.previous_handler = previous
        signal.signal(signal.SIGALRM, self._on_alarm)
        self.set_at = time.monotonic()
        self.previous_timer = signal.setitimer(signal.ITIMER_REAL, self.budget)
        return True

    def stop(self) -> None:
        """Disarm the timer, put back the previous handler and the previous timer."""
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous_handler)
        delay, interval = self.previous_timer
        if delay > 0:
            left = delay - (time.monotonic() - self.set_at)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self.rule is None:
            signal.setitimer(signal.ITIMER_REAL, self.budget)
            return
        left = self.started + self.budget - time.monotonic()
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
            return
        self.expired = True
        # fire again soon in case the rule swallows the exception and keeps going
        signal.setitimer(signal.ITIMER_REAL, min(self.budget, 1.0))
        raise _BudgetExceeded


_active_clock: _RuleClock | None = None  # the clock serving the check running now


def _start_clock(time_budget: float | None) -> _RuleClock | None:
    """A started clock for this budget, or None (no budget, not the main thread, or nested)."""
    if time_budget is None:
        return None
    if not time_budget > 0:  # also NaN
        raise ValueError(f"time budget must be a positive number of seconds, not {time_budget!r}")
    if math.isinf(time_budget) or not hasattr(signal, "setitimer"):
        return None
    if _active_clock is not None and _active_clock.rule is not None:
        return None  # called from inside a timed rule: that rule's budget covers this
    clock = _RuleClock(time_budget)
    try:
        if not clock.start():
            return None
    except (ValueError, OSError):  # not the main interpreter, or no timer available
        return None
    return clock


@contextlib.contextmanager
def rule_timer(time_budget: float | None) -> Iterator[None]:
    """Keep one time-budget timer for many ``check_document`` calls with this budget.

    Alone, ``check_document(time_budget=...)`` installs a SIGALRM handler and arms a
    timer for each document (about 15 µs); inside this block, calls with the same
    budget share one installed handler and cost nothing more per document. The
    previous handler and timer come back when the block ends.
    """
    global _active_clock
    clock = _start_clock(time_budget)
    if clock is None:
        yield
        return
    previous, _active_clock = _active_clock, clock
    try:
        yield
    finally:
        _active_clock = previous
        clock.stop()


def _forget_clock_after_fork() -> None:
    """In a forked child: timers are not inherited, so a clock of the parent is not running."""
    global _active_clock
    clock, _active_clock = _active_clock, None
    if clock is not None:
        with contextlib.suppress(ValueError, TypeError):
            signal.signal(signal.SIGALRM, clock.previous_handler)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_clock_after_fork)


# -- checking one document ---------------------------------------------------------


class _BadFinding(Exception):
    """What a rule yielded cannot be used: not a diagnostic, or a span or fix out of range."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _validate(found: list[Any], size: int) -> None:
    """Raise _BadFinding unless every item is a usable diagnostic for a text of ``size``."""
    for d in found:
        if not isinstance(d, Diagnostic):
            raise _BadFinding("TypeError", f"yielded {type(d).__name__}, not a Diagnostic")
        if not isinstance(d.severity, Severity):
            raise _BadFinding(
                "TypeError", f"severity {d.severity!r} is not a lint.Severity ({d.message!r:.80})"
            )
        if not isinstance(d.message, str) or not isinstance(d.code, str):
            raise _BadFinding("TypeError", "a diagnostic's code and message must be strings")
        start, end = d.start, d.end
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
            raise _BadFinding("ValueError", f"span {start}..{end} lies outside the document")
        fix = d.fix
        if fix is not None:
            _validate_fix(fix, size)


def _validate_fix(fix: Any, size: int) -> None:
    """Raise _BadFinding unless ``fix`` is a Fix whose edits lie in the text and can be encoded."""
    if not isinstance(fix, Fix) or not isinstance(fix.applicability, Applicability):
        raise _BadFinding("TypeError", f"fix {fix!r:.80} is not a lint.Fix")
    for e in fix.edits:
        if not isinstance(e, Edit) or not isinstance(e.replacement, str):
            raise _BadFinding("TypeError", f"edit {e!r:.80} is not a lint.Edit")
        if not (isinstance(e.start, int) and isinstance(e.end, int) and 0 <= e.start <= e.end):
            raise _BadFinding("ValueError", f"fix edit span {e.start}..{e.end} is invalid")
        if e.end > size:
            raise _BadFinding(
                "ValueError", f"fix edit span {e.start}..{e.end} lies outside the document"
            )
        text = e.replacement
        if not text.isascii():
            try:
                text.encode("utf-8")  # fails exactly at the first lone surrogate
            except UnicodeEncodeError as exc:
                raise _BadFinding(
                    "ValueError",
                    f"fix replacement contains a lone surrogate U+{ord(text[exc.start]):04X},"
                    " which no encoding can write",
                ) from None


def _describe(exc: BaseException) -> str:
    """``Type: message`` of an exception, bounded, even when its ``str`` fails."""
    try:
        text = str(exc)
    except Exception:
        text = "<exception text unavailable>"
    if len(text) > _MESSAGE_LIMIT:
        text = text[:_MESSAGE_LIMIT] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _rule_failed(rule: Rule, document: Document, what: str, where: str) -> Diagnostic:
    """The SL002 finding for a rule that failed on a document."""
    return engine_diagnostic(
        RULE_ERROR,
        f"rule {rule.code} ({rule.name}) failed on {document.source.label()}: {what} (at {where})",
    )


def _raised_at(exc: BaseException) -> str:
    """``file:line`` where an exception was raised (the innermost frame)."""
    tb = exc.__traceback__
    if tb is None:
        return "unknown place"
    while tb.tb_next is not None:
        tb = tb.tb_next
    return f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"


def _check_defined_at(rule: Rule) -> str:
    """``file:line`` of a rule's ``check`` method (where a bad finding came from)."""
    code = getattr(getattr(type(rule), "check", None), "__code__", None)
    if code is None:
        return type(rule).__qualname__
    return f"{code.co_filename}:{code.co_firstlineno}"


def _restore_text(document: Document, text: str) -> None:
    """Undo a rule's write to a document's private text (the public one is read-only).

    Re-running the constructor also drops the line index and the memo, which later
    rules would otherwise share with the changed text.
    """
    Document.__init__(document, text, document.source)


_ORDER = operator.attrgetter("start", "end", "code")


def _gate(
    gate: Callable[[Document], object], document: Document, rule: Rule, clock: _RuleClock | None
) -> bool:
    """A rule's gate on a document, under the rule's time budget (raises as ``check`` would)."""
    if clock is None:
        return bool(gate(document))
    try:
        clock.started = time.monotonic()
        clock.rule = rule
        passed = bool(gate(document))
    finally:
        clock.rule = None
    if clock.expired:
        raise _BudgetExceeded
    return passed


def check_document(
    document: Document, rules: Sequence[Rule], *, time_budget: float | None = None
) -> list[Diagnostic]:
    """Run every rule on one document in isolation; any failure of a rule becomes SL002.

    ``time_budget`` (seconds of wall time, None for none) bounds each rule on this
    document when called in the main thread: a rule that overruns is interrupted and
    reported, and the next rule runs. KeyboardInterrupt always propagates.
    """
    global _active_clock
    out: list[Diagnostic] = []
    text = document._text
    size = len(text)
    present: dict[Any, bool] = {}  # by trigger tuple and by gate: decided once per document
    shared = _active_clock
    if (
        time_budget is not None
        and shared is not None
        and shared.rule is None
        and shared.budget == time_budget
    ):
        clock, own = shared, None  # inside rule_timer(): nothing to install
    else:
        clock = own = _start_clock(time_budget)
    if own is not None:
        _active_clock = own
    monotonic = time.monotonic
    try:
        for rule in rules:
            try:
                triggers = rule.triggers
                if triggers:
                    hit = present.get(triggers)
                    if hit is None:
                        hit = False
                        for literal in triggers:  # (cheaper than any(map(...)) for a few)
                            if literal in text:
                                hit = True
                                break
                        present[triggers] = hit
                    if not hit:
                        continue
                gate = rule.gate
                if gate is not None and (passed := present.get(gate)) is not True:
                    if passed is False:
                        continue
                    try:
                        passed = _gate(gate, document, rule, clock)
                    except BaseException:
                        # reported once, for this rule: the others that share the gate
                        # skip the document rather than fail (or time out) again
                        present[gate] = False
                        raise
                    present[gate] = passed
                    if document._text is not text:
                        _restore_text(document, text)
                        raise _BadFinding("RuntimeError", "the rule's gate changed the text")
                    if not passed:
                        continue
                if clock is None:
                    found = rule.check(document)
                    if found.__class__ is not list:
                        found = list(found)
                else:
                    try:
                        clock.started = monotonic()
                        clock.rule = rule
                        found = list(rule.check(document))
                    finally:
                        clock.rule = None
                    if clock.expired:  # the rule swallowed the interruption
                        raise _BudgetExceeded
                if document._text is not text:
                    _restore_text(document, text)
                    raise _BadFinding("RuntimeError", "the rule changed the document's text")
                if found:
                    _validate(found, size)
                    out.extend(found)
            except KeyboardInterrupt:
                raise
            except _BudgetExceeded:
                if clock is None:  # nested in a timed rule: that rule ran out, not this one
                    raise
                clock.expired = False
                out.append(
                    engine_diagnostic(
                        RULE_ERROR,
                        f"rule {rule.code} ({rule.name}) exceeded the time budget of"
                        f" {time_budget:g} s on {document.source.label()}",
                    )
                )
                continue
            except _BadFinding as exc:
                what = f"{exc.kind}: {exc}"
                out.append(_rule_failed(rule, document, what, _check_defined_at(rule)))
                continue
            except BaseException as exc:  # SystemExit from a rule is a rule bug too
                if document._text is not text:
                    _restore_text(document, text)
                out.append(_rule_failed(rule, document, _describe(exc), _raised_at(exc)))
    finally:
        if own is not None:
            _active_clock = shared
            own.stop()
    if len(out) > 1:
        out.sort(key=_ORDER)
    return out


# -- the fix loop ------------------------------------------------------------------


@dataclass
class FixResult:
    """The outcome of linting a document with fixes: final text, remaining findings, fixes."""

    original: Document
    document: Document
    diagnostics: list[Diagnostic]
    applied: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether fixing changed the text."""
        return self.document.text != self.original.text


def _fingerprint(text: str) -> bytes:
    """A short digest that tells texts apart (the fix loop remembers these, not the texts)."""
    import hashlib  # here: OpenSSL is loaded by the first fix, not at start-up

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _changes_text(fix: Fix, text: str) -> bool:
    """Whether applying ``fix`` would change anything (a fix may replace text by itself)."""
    return any(text[e.start : e.end] != e.replacement for e in fix.edits)


def fix_document(
    document: Document,
    rules: Sequence[Rule],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_FIX_PASSES,
    time_budget: float | None = None,
    keep: Callable[[Document, list[Diagnostic]], list[Diagnostic]] | None = None,
) -> FixResult:
    """Apply fixes until none applies; revert and report if the text cycles or never settles.

    Each pass lints the current text, applies the applicable fixes that do not
    overlap (in order of start) and lints again. The loop goes on as long as every
    pass reaches a text never seen before; a repeated text is a cycle. A text still
    changing after ``max_passes`` passes, or grown past twice its size, is reverted
    too. Running this on its own output changes nothing, so ``--fix`` twice equals
    ``--fix`` once. Internal errors (SL002) met on intermediate texts are kept.
    ``keep`` filters each pass's diagnostics before fixes are chosen (suppression):
    a diagnostic it drops is neither fixed nor returned.
    """

    def check(doc: Document) -> list[Diagnostic]:
        found = check_document(doc, rules, time_budget=time_budget)
        return found if keep is None else keep(doc, found)

    current = document
    seen = {_fingerprint(document.text)}
    applied: list[Diagnostic] = []
    trail: set[str] = set()
    rule_errors: dict[str, Diagnostic] = {}  # SL002 of every pass, by message
    size_limit = MAX_FIX_GROWTH * len(document.text) + MAX_FIX_GROWTH_SLACK
    why = ""
    for _ in range(max_passes):
        diagnostics = check(current)
        text = current.text
        fixable: dict[Fix, Diagnostic] = {}
        for d in diagnostics:
            if d.code == RULE_ERROR:
                rule_errors.setdefault(d.message, d)
            elif d.fix is not None and d.fix.is_applicable(unsafe) and _changes_text(d.fix, text):
                fixable.setdefault(d.fix, d)
        if not fixable:
            return _fixed(document, current, diagnostics, applied, rule_errors)
        new_text, accepted = apply_fixes(text, fixable)
        if not accepted or new_text == text:
            return _fixed(document, current, diagnostics, applied, rule_errors)
        applied.extend(fixable[f] for f in accepted)
        trail.update(fixable[f].code for f in accepted)
        digest = _fingerprint(new_text)
        if digest in seen:
            why = "the fixes undo each other"
            break
        if len(new_text) > size_limit:
            why = f"the text grew past {MAX_FIX_GROWTH} times its size"
            break
        seen.add(digest)
        current = current.with_text(new_text)
    else:
        # One more look: the last pass may have settled exactly at the bound.
        diagnostics = check(current)
        text = current.text
        if not any(
            d.fix is not None and d.fix.is_applicable(unsafe) and _changes_text(d.fix, text)
            for d in diagnostics
            if d.code != RULE_ERROR
        ):
            return _fixed(document, current, diagnostics, applied, rule_errors)
        why = f"still changing after {max_passes} passes"
    # Not converged: revert, and say which rules were involved.
    diagnostics = check(document)
    diagnostics.append(
        engine_diagnostic(
            FIX_NOT_CONVERGED,
            f"fixes did not converge ({why}); {document.source.label()} was left unchanged."
            f" Rules involved: {', '.join(sorted(trail))}",
        )
    )
    return _fixed(document, document, diagnostics, [], rule_errors)


def _fixed(
    original: Document,
    document: Document,
    diagnostics: list[Diagnostic],
    applied: list[Diagnostic],
    rule_errors: dict[str, Diagnostic],
) -> FixResult:
    """The fix loop's result, with the SL002 findings of every pass (each once)."""
    reported = {d.message for d in diagnostics if d.code == RULE_ERROR}
    extra = [d for message, d in rule_errors.items() if message not in reported]
    return FixResult(original, document, diagnostics + extra, applied)
