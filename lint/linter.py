"""Linting one document: run the rules, and the fix loop with its convergence guard."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document
from lint.fix import Fix, apply_fixes
from lint.rule import Rule

# Engine codes: problems of the run itself, not findings of a rule. They cannot be
# selected or ignored and always make the run exit 2.
READ_ERROR = "SL001"
RULE_ERROR = "SL002"
FIX_NOT_CONVERGED = "SL003"
WRITE_ERROR = "SL004"
ENGINE_CODES = {
    READ_ERROR: "read-error",
    RULE_ERROR: "rule-error",
    FIX_NOT_CONVERGED: "fix-not-converged",
    WRITE_ERROR: "write-error",
}

MAX_FIX_PASSES = 10


def engine_diagnostic(code: str, message: str, start: int = 0, end: int = 0) -> Diagnostic:
    """Build an error diagnostic for a problem of the run (SL codes)."""
    return Diagnostic(code, message, start, end, Severity.ERROR, None, ENGINE_CODES[code])


def check_document(document: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    """Run every rule on one document; a rule that raises becomes an SL002 diagnostic."""
    out: list[Diagnostic] = []
    text = document.text
    size = len(text)
    present: dict[tuple[str, ...], bool] = {}
    for rule in rules:
        triggers = rule.triggers
        if triggers:
            hit = present.get(triggers)
            if hit is None:
                hit = present[triggers] = any(t in text for t in triggers)
            if not hit:
                continue
        try:
            found = list(rule.check(document))
            for d in found:
                if d.end > size or (d.fix and d.fix.end > size):
                    raise ValueError(f"span {d.start}..{d.end} lies outside the document")
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(
                engine_diagnostic(
                    RULE_ERROR,
                    f"rule {rule.code} ({rule.name}) failed on {document.source.label()}:"
                    f" {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})",
                )
            )
            continue
        out.extend(found)
    out.sort(key=lambda d: (d.start, d.end, d.code))
    return out


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


def fix_document(
    document: Document,
    rules: Sequence[Rule],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_FIX_PASSES,
) -> FixResult:
    """Apply fixes until none applies; revert and report if the text cycles or never settles.

    Each pass lints the current text, applies the applicable fixes that do not
    overlap (in order of start) and lints again. Running this on its own output
    changes nothing, so ``--fix`` twice equals ``--fix`` once.
    """
    current = document
    seen = {document.text}
    applied: list[Diagnostic] = []
    trail: list[str] = []
    for _ in range(max_passes):
        diagnostics = check_document(current, rules)
        fixable: dict[Fix, Diagnostic] = {}
        for d in diagnostics:
            if d.fix is not None and d.fix.is_applicable(unsafe):
                fixable.setdefault(d.fix, d)
        if not fixable:
            return FixResult(document, current, diagnostics, applied)
        text, accepted = apply_fixes(current.text, fixable)
        if not accepted or text == current.text:
            return FixResult(document, current, diagnostics, applied)
        applied.extend(fixable[f] for f in accepted)
        trail.extend(fixable[f].code for f in accepted)
        if text in seen:
            return _not_converged(document, rules, trail, "the fixes undo each other")
        seen.add(text)
        current = current.with_text(text)
    # One more look: the last pass may have settled exactly at the bound.
    diagnostics = check_document(current, rules)
    if not any(d.fix is not None and d.fix.is_applicable(unsafe) for d in diagnostics):
        return FixResult(document, current, diagnostics, applied)
    return _not_converged(document, rules, trail, f"still changing after {max_passes} passes")


def _not_converged(
    document: Document, rules: Sequence[Rule], trail: list[str], why: str
) -> FixResult:
    """Revert a document whose fixes did not converge and say which rules were involved."""
    codes = sorted(set(trail))
    diagnostics = check_document(document, rules)
    diagnostics.append(
        engine_diagnostic(
            FIX_NOT_CONVERGED,
            f"fixes did not converge ({why}); {document.source.label()} was left unchanged."
            f" Rules involved: {', '.join(codes)}",
        )
    )
    return FixResult(document, document, diagnostics, [])
