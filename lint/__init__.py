"""scrapelint's engine and the small, stable API that rule plugins use.

Plugin authors import from here only::

    from lint import Diagnostic, Document, Edit, Fix, FixSafety, Option, Rule, Severity, hookimpl
"""

from __future__ import annotations

import pluggy

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Line, Source
from lint.fix import Applicability, Edit, Fix
from lint.hookspecs import PROJECT
from lint.rule import FixAvailability, FixSafety, Option, Rule

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = [
    "Applicability",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixAvailability",
    "FixSafety",
    "Line",
    "Option",
    "Rule",
    "Severity",
    "Source",
    "__version__",
    "hookimpl",
]
