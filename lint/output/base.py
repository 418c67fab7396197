"""What every output format receives: the report of a run, and the format interface."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

from lint.diagnostic import Diagnostic
from lint.document import Document

if TYPE_CHECKING:
    from lint.rule import Rule


@dataclass(frozen=True, slots=True)
class Entry:
    """One diagnostic with the document it was found in (for positions and source lines)."""

    document: Document
    diagnostic: Diagnostic

    @property
    def fixable(self) -> bool:
        """Whether the diagnostic carries a safe fix (what ``--fix`` applies)."""
        fix = self.diagnostic.fix
        return fix is not None and fix.is_applicable(unsafe=False)


@dataclass
class Report:
    """Everything a run found, in the order it should be shown.

    ``entries`` are sorted by path, record and position. ``rules`` maps each code
    that may appear to its rule class (engine SL codes are absent: they have no
    class). ``unsafe_fixes`` says whether unsafe fixes count as applicable in this
    run (they are then marked ``[*]`` like safe ones).
    """

    entries: Sequence[Entry]
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    unsafe_fixes: bool = False
    tool_name: str = "scrapelint"
    tool_version: str = "0"
    information_uri: str = "https://github.com/scrapelint/scrapelint"

    def is_applicable(self, diagnostic: Diagnostic) -> bool:
        """Whether this run would apply the diagnostic's fix with ``--fix``."""
        fix = diagnostic.fix
        return fix is not None and fix.is_applicable(self.unsafe_fixes)


class OutputFormat:
    """Base class of output formats, registered by the ``scrapelint_output_formats`` hook."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the whole report to ``stream``."""
        raise NotImplementedError
