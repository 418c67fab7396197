"""The output format interface: findings arrive one by one (``start`` / ``handle`` / ``finish``).

Formats that can print a finding as soon as it arrives (``concise``, ``full``,
``jsonl``, ``github``) stream; formats that need the whole run (``json``, ``sarif``)
collect and write in ``finish``. Third-party formats implement the same three methods
and are registered by the ``scrapelint_output_formats`` hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

from lint.finding import Finding

if TYPE_CHECKING:
    from lint.rule import Rule


@dataclass(frozen=True)
class RunInfo:
    """What every format may need to know about the run besides its findings.

    ``rules`` maps each code that may appear to its rule class (engine SL codes are
    absent: they have no class). ``unsafe_fixes`` says whether unsafe fixes count as
    applicable in this run (they are then marked ``[*]`` like safe ones).
    """

    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    unsafe_fixes: bool = False
    tool_name: str = "scrapelint"
    tool_version: str = "0"
    information_uri: str = "https://github.com/scrapelint/scrapelint"

    def is_applicable(self, finding: Finding) -> bool:
        """Whether this run would apply the finding's fix with ``--fix``."""
        fix = finding.fix
        return fix is not None and fix.is_applicable(self.unsafe_fixes)


class OutputFormat:
    """Base class of output formats."""

    name: ClassVar[str]
    description: ClassVar[str] = ""
    streams: ClassVar[bool] = True  # prints each finding as it arrives
    # for people (closing lines go with it on standard output) or for machines (they
    # go to standard error, so that the output stays parseable)
    human: ClassVar[bool] = False

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width
        self.stream: TextIO | None = None
        self.run = RunInfo()

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Begin the report on ``stream``."""
        self.stream = stream
        self.run = run

    def handle(self, finding: Finding) -> None:
        """Take one finding (print it, or keep it for ``finish``)."""
        raise NotImplementedError

    def finish(self) -> None:
        """End the report (collecting formats write everything here)."""

    def write_all(self, run: RunInfo, findings: Iterable[Finding], stream: TextIO) -> None:
        """The whole report at once: ``start``, ``handle`` each finding, ``finish``."""
        self.start(stream, run)
        for finding in findings:
            self.handle(finding)
        self.finish()

    def out(self) -> TextIO:
        """The stream given to ``start``."""
        assert self.stream is not None, "start() was not called"
        return self.stream
