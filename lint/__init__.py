"""scrapelint's engine and the small, stable API that rule plugins use.

Plugin authors import from ``lint`` only; every other module is private and may change.
Each public name, one at a time:

- ``hookimpl``: the decorator that marks a plugin's hook functions
  (``scrapelint_rules``, ``scrapelint_default_config``, ``scrapelint_output_formats``,
  ``scrapelint_readers``; see ``lint/hookspecs.py``).
- ``Rule``: the base class of every rule (``code``, ``name``, ``family``, ``options``,
  ``fix_availability``, ``default_severity``, ``triggers``, ``gate``; ``setup()``,
  ``check()``, ``report()``).
- ``Option``: a typed, documented rule option; ``shared=True`` makes it one value for every
  rule of the family that declares it (for an analysis the family shares).
- ``Document``: the text a rule checks, with ``lines``, ``position()``, ``offset()``,
  ``line_at()`` and ``memo(analysis, *key)``, the shared-analysis memo: ``analysis``
  runs once per document per key, whichever rule asks first.
- ``Line``: one line of a document (``number``, ``start``, ``end``, ``text``).
- ``Source``: where a document comes from (file path, record, record id).
- ``Diagnostic``: one finding (code, message, span, severity, fix); rules build it with
  ``Rule.report()``.
- ``Severity``: ``INFO``, ``WARNING``, ``ERROR``.
- ``Fix``: edits applied together, with an applicability (``Fix.safe``, ``Fix.unsafe``,
  ``Fix.display_only``).
- ``Edit``: replace a span of the text (``Edit.deletion``, ``Edit.insertion``).
- ``Applicability``: how sure one fix is: ``SAFE`` (``--fix``), ``UNSAFE``
  (``--unsafe-fixes``), ``DISPLAY_ONLY`` (shown, never applied).
- ``FixAvailability``: what a rule promises about fixes: ``NEVER``, ``SOMETIMES``,
  ``ALWAYS`` (``lint.testing`` holds rules to it).
- ``__version__``: the engine's version.

Names are imported on first use, so ``import lint`` stays cheap.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the private module that defines it
_PUBLIC = {
    "Applicability": "lint.fix",
    "Diagnostic": "lint.diagnostic",
    "Document": "lint.document",
    "Edit": "lint.fix",
    "Fix": "lint.fix",
    "FixAvailability": "lint.rule",
    "Line": "lint.document",
    "Option": "lint.rule",
    "Rule": "lint.rule",
    "Severity": "lint.diagnostic",
    "Source": "lint.document",
    "hookimpl": "lint.hookspecs",
}
_DEPRECATED = {"FixSafety": ("lint.rule", "declare `fix_availability = FixAvailability.X`")}

__all__ = [
    "Applicability",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixAvailability",
    "Line",
    "Option",
    "Rule",
    "Severity",
    "Source",
    "__version__",
    "hookimpl",
]

if TYPE_CHECKING:
    from lint.diagnostic import Diagnostic, Severity
    from lint.document import Document, Line, Source
    from lint.fix import Applicability, Edit, Fix
    from lint.hookspecs import hookimpl
    from lint.rule import FixAvailability, Option, Rule


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    module = _PUBLIC.get(name)
    if module is None and name in _DEPRECATED:
        module, instead = _DEPRECATED[name]
        warnings.warn(f"lint.{name} is deprecated: {instead}", DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(module), name)
    if module is None:
        raise AttributeError(f"module 'lint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
