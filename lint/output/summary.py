"""The one-line summary printed after the findings."""

from __future__ import annotations

from lint.fix import Applicability
from lint.output.base import Report


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(report: Report) -> str:
    """E.g. ``Found 12 findings (3 fixable with --fix; 2 more with --unsafe-fixes).``"""
    entries = report.entries
    if not entries:
        return "All checks passed!"
    safe = sum(
        1
        for e in entries
        if e.diagnostic.fix and e.diagnostic.fix.applicability is Applicability.SAFE
    )
    unsafe = sum(
        1
        for e in entries
        if e.diagnostic.fix and e.diagnostic.fix.applicability is Applicability.UNSAFE
    )
    parts = []
    if safe or (unsafe and report.unsafe_fixes):
        n = safe + (unsafe if report.unsafe_fixes else 0)
        parts.append(f"{n} fixable with --fix{' --unsafe-fixes' if report.unsafe_fixes else ''}")
    if unsafe and not report.unsafe_fixes:
        parts.append(f"{unsafe} more with --unsafe-fixes")
    tail = f" ({'; '.join(parts)})" if parts else ""
    return f"Found {_plural(len(entries), 'finding')}{tail}."
