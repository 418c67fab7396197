"""Diagnostics: what a rule reports, where, how serious, and how to fix it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from lint.fix import Fix


class Severity(enum.IntEnum):
    """How serious a diagnostic is; ``--fail-on`` compares against this order."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Lower-case name used in config and output (``info``, ``warning``, ``error``)."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Parse ``info``/``warning``/``error`` (case-insensitive); raise ValueError otherwise."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected info, warning or error)"
            ) from None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a rule code, a message, a code-point span, a severity and maybe a fix."""

    code: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad diagnostic span {self.start}..{self.end}")
