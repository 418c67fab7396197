"""Helpers for testing rules, usable from pytest: no files, no command line needed.

Two levels:

- ``lint_text`` / ``fix_text``: the findings, or the fixed text, of some rules on a string.
- ``Case`` / ``check_case`` / ``assert_silent``: a readable case. The input text marks
  each expected finding with ``«`` and ``»`` (``对于«五带头»的要求``); the case names the
  expected codes, message fragments and fixed text. ``check_case`` checks the spans,
  codes and messages, that the rule keeps its ``fix_availability`` promise, that the
  fixes give the expected text, and that fixing again changes nothing (idempotence).
  ``assert_silent`` checks that look-alikes give nothing::

      from lint.testing import Case, assert_silent, check_case

      CASES = [
          Case("本文«由某某网整理»", "EX001", fixed="本文"),
          Case("没有问题。"),  # no marker, no code: the rule must stay silent
      ]

      @pytest.mark.parametrize("case", CASES, ids=case_id)
      def test_watermark(case):
          check_case(Watermark, case)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Source
from lint.linter import FIX_NOT_CONVERGED, check_document, fix_document
from lint.rule import Rule, fix_availability_problems
from lint.ruleset import _shared_options

RuleLike = Rule | type[Rule]
OPEN, CLOSE = "«", "»"


def _as_list(rules: RuleLike | Iterable[RuleLike]) -> list[RuleLike]:
    if isinstance(rules, Rule) or (isinstance(rules, type) and issubclass(rules, Rule)):
        return [rules]
    return list(rules)


def _instances(
    rules: RuleLike | Iterable[RuleLike], settings: Mapping[str, Mapping[str, Any]]
) -> list[Rule]:
    """Instances of the given rules; shared options set on one rule reach its family."""
    rules = _as_list(rules)
    classes = {r.code: r for r in rules if not isinstance(r, Rule)}
    own = {
        code: dict(settings.get(code) or settings.get(cls.name) or {})
        for code, cls in classes.items()
    }
    shared = _shared_options(own, classes, "test settings")
    out = []
    for r in rules:
        if isinstance(r, Rule):
            out.append(r)
            continue
        given = {
            o.name: shared[(r.family, o.name)]
            for o in r.options
            if o.shared and (r.family, o.name) in shared
        }
        given.update(own[r.code])
        out.append(r(given))
    return out


def lint_text(
    text: str,
    rules: RuleLike | Iterable[RuleLike],
    *,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    min_severity: Severity = Severity.INFO,
    path: str = "<test>",
) -> list[Diagnostic]:
    """Return the diagnostics the given rules (classes or instances) report on ``text``."""
    doc = Document(text, Source(path))
    instances = _instances(rules, settings or {})
    found = check_document(doc, instances)
    assert_fix_availability(instances, found)
    return [d for d in found if d.severity >= min_severity]


class FixAvailabilityMismatch(AssertionError):
    """A rule's findings contradict its declared ``fix_availability``."""


def assert_fix_availability(
    rules: RuleLike | Iterable[RuleLike], found: Iterable[Diagnostic]
) -> None:
    """Raise FixAvailabilityMismatch when a rule offers fixes it says it never offers, or
    reports without a fix when it says it always offers one."""
    found = list(found)
    problems = []
    for rule in _as_list(rules):
        cls = rule if isinstance(rule, type) else type(rule)
        problems += fix_availability_problems(cls, found)
    if problems:
        raise FixAvailabilityMismatch("; ".join(problems[:5]))


def fix_text(
    text: str,
    rules: RuleLike | Iterable[RuleLike],
    *,
    unsafe: bool = False,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """Return ``text`` after the fix loop with the given rules."""
    doc = Document(text, Source("<test>"))
    return fix_document(doc, _instances(rules, settings or {}), unsafe=unsafe).document.text


def position(text: str, diagnostic: Diagnostic) -> tuple[int, int]:
    """Return the 1-based (line, column) where a diagnostic starts in ``text``."""
    return Document(text).position(diagnostic.start)


# -- readable cases ------------------------------------------------------------------


class CaseFailure(AssertionError):
    """A case whose findings, messages or fixes are not what it expects."""


def parse_marked(
    marked: str, open_: str = OPEN, close: str = CLOSE
) -> tuple[str, list[tuple[int, int]]]:
    """Split ``a«b»c`` into the plain text ``abc`` and the marked spans ``[(1, 2)]``."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    start: int | None = None
    while True:
        i, j = marked.find(open_, pos), marked.find(close, pos)
        nxt = min(x for x in (i, j, len(marked)) if x != -1)
        parts.append(marked[pos:nxt])
        length += nxt - pos
        if nxt == len(marked):
            break
        if nxt == i:
            if start is not None:
                raise ValueError(f"nested {open_!r} at {i} in {marked!r}")
            start = length
            pos = i + len(open_)
        else:
            if start is None:
                raise ValueError(f"{close!r} without {open_!r} at {j} in {marked!r}")
            spans.append((start, length))
            start = None
            pos = j + len(close)
    if start is not None:
        raise ValueError(f"{open_!r} not closed in {marked!r}")
    return "".join(parts), spans


def mark(text: str, spans: Iterable[tuple[int, int]], open_: str = OPEN, close: str = CLOSE) -> str:
    """The text with each span wrapped in markers (the inverse of ``parse_marked``)."""
    inserts: list[tuple[int, int, str]] = []  # (offset, closers < empty spans < openers, marker)
    for start, end in spans:
        if start == end:
            inserts.append((start, 1, open_ + close))
        else:
            inserts += [(start, 2, open_), (end, 0, close)]
    out, pos = [], 0
    for at, _, marker in sorted(inserts):
        out += [text[pos:at], marker]
        pos = at
    out.append(text[pos:])
    return "".join(out)


def _tuple(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Case:
    """One readable test case: marked input, expected codes, messages and fixed text.

    ``text`` marks every expected finding with ``«…»`` (an empty ``«»`` marks an empty
    span). ``codes`` is one code for every finding, or one per marked span in order of
    position. ``messages`` are fragments, one per finding, that its message contains.
    ``fixed`` is the text after the fix loop (safe fixes; unsafe ones too with
    ``unsafe=True``); it is required when a finding offers such a fix. ``settings``
    are rule options by code, as in ``[tool.scrapelint.rules.CODE]``.
    """

    text: str
    codes: str | Sequence[str] = ()
    fixed: str | None = None
    messages: str | Sequence[str] = ()
    unsafe: bool = False
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    name: str = ""

    @property
    def plain(self) -> str:
        """The input text without markers."""
        return parse_marked(self.text)[0]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The marked spans, in code points of the plain text."""
        return parse_marked(self.text)[1]


def case_id(case: Case) -> str:
    """A short pytest id for a case: its name, or the start of its marked text."""
    return case.name or case.text.replace("\n", "⏎")[:30]


def check_case(rules: RuleLike | Iterable[RuleLike], case: Case) -> list[Diagnostic]:
    """Check one case against the rules; raise CaseFailure saying what differs.

    Returns the findings, for further assertions.
    """
    plain, spans = parse_marked(case.text)
    found = sorted(
        lint_text(plain, rules, settings=case.settings), key=lambda d: (d.start, d.end, d.code)
    )
    got = [(d.start, d.end) for d in found]
    if got != sorted(spans):
        raise CaseFailure(
            "the findings are not where the case marks them\n"
            f"  expected: {mark(plain, sorted(spans))}\n"
            f"  found:    {mark(plain, got)}\n"
            + "".join(f"  - {d.code} {d.start}..{d.end}: {d.message}\n" for d in found)
        )
    codes = _tuple(case.codes)
    if len(codes) == 1 and len(found) > 1:
        codes = codes * len(found)
    if spans and not codes:
        raise CaseFailure("the case marks findings but names no code")
    if codes and [d.code for d in found] != list(codes):
        raise CaseFailure(f"codes: expected {list(codes)}, found {[d.code for d in found]}")
    messages = _tuple(case.messages)
    if messages:
        if len(messages) != len(found):
            raise CaseFailure(f"{len(messages)} message fragments for {len(found)} findings")
        for d, fragment in zip(found, messages, strict=True):
            if fragment not in d.message:
                raise CaseFailure(
                    f"message of {d.code} at {d.start}..{d.end}: {d.message!r}"
                    f" does not contain {fragment!r}"
                )
    applicable = [d for d in found if d.fix is not None and d.fix.is_applicable(case.unsafe)]
    if case.fixed is None:
        if applicable:
            kind = "safe or unsafe" if case.unsafe else "safe"
            after = fix_text(plain, rules, unsafe=case.unsafe, settings=case.settings)
            raise CaseFailure(
                f"{len(applicable)} finding(s) offer a {kind} fix: give the case fixed=..."
                f" (the text after fixing is {after!r})"
            )
        return found
    result = fix_document(
        Document(plain, Source("<test>")),
        _instances(rules, case.settings),
        unsafe=case.unsafe,
    )
    stuck = [d.message for d in result.diagnostics if d.code == FIX_NOT_CONVERGED]
    if stuck:
        raise CaseFailure(f"the fix loop does not settle: {stuck[0]}")
    fixed = result.document.text
    if fixed != case.fixed:
        raise CaseFailure(f"fixed text: expected {case.fixed!r}, got {fixed!r}")
    again = fix_text(fixed, rules, unsafe=case.unsafe, settings=case.settings)
    if again != fixed:
        raise CaseFailure(f"fixing is not idempotent: fixing {fixed!r} again gives {again!r}")
    return found


def assert_silent(
    rules: RuleLike | Iterable[RuleLike],
    *texts: str,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Raise CaseFailure when the rules report anything on one of these look-alikes."""
    for text in texts:
        found = lint_text(text, rules, settings=settings)
        if found:
            spans = [(d.start, d.end) for d in found]
            raise CaseFailure(
                f"expected no finding on a look-alike, found {[d.code for d in found]}:"
                f" {mark(text, spans)}"
            )
