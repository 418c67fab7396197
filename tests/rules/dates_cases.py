"""Helpers shared by the DT002 test modules: both punctuation widths, DT002's findings."""

from __future__ import annotations

import datetime

from lint import Diagnostic, Severity
from lint.testing import lint_text
from rules.dates import InconsistentYear

# 。 stays: "." before a year reads as a decimal point
HALF = str.maketrans("，；：（）“”", ',;:()""')
# a recent year: a rewritten year lies within 15 years of today on a page without a
# date, and N years after it lie in the future
RECENT = datetime.date.today().year - 1


def both(texts: list[str]) -> list[str]:
    """Each text, and its half-width copy where that differs."""
    out = []
    for text in texts:
        out.append(text)
        if text.translate(HALF) != text:
            out.append(text.translate(HALF))
    return out


def dt002(text: str, min_severity: Severity = Severity.INFO) -> list[Diagnostic]:
    """DT002's findings on ``text`` at ``min_severity`` or above."""
    return [
        d
        for d in lint_text(text, [InconsistentYear], min_severity=min_severity)
        if d.code == "DT002"
    ]
