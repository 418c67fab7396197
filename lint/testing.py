"""Helpers for testing rules: lint or fix a string with chosen rules, no files needed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Source
from lint.linter import check_document, fix_document
from lint.rule import Rule, fix_availability_problems
from lint.ruleset import _shared_options

RuleLike = Rule | type[Rule]


def _instances(rules: Iterable[RuleLike], settings: Mapping[str, Mapping[str, Any]]) -> list[Rule]:
    """Instances of the given rules; shared options set on one rule reach its family."""
    rules = list(rules)
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
    rules: Iterable[RuleLike],
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


def assert_fix_availability(rules: Iterable[RuleLike], found: Iterable[Diagnostic]) -> None:
    """Raise FixAvailabilityMismatch when a rule offers fixes it says it never offers, or
    reports without a fix when it says it always offers one."""
    found = list(found)
    problems = []
    for rule in rules:
        cls = rule if isinstance(rule, type) else type(rule)
        problems += fix_availability_problems(cls, found)
    if problems:
        raise FixAvailabilityMismatch("; ".join(problems[:5]))


def fix_text(
    text: str,
    rules: Iterable[RuleLike],
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
