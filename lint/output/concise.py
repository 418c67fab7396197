"""The ``concise`` output format: one line per finding."""

from __future__ import annotations

from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.printable import one_line, printable


def marker(run: RunInfo, finding: Finding) -> str:
    """`` [*]`` when this run's ``--fix`` would apply the finding's fix."""
    return " [*]" if run.is_applicable(finding) else ""


class ConciseFormat(OutputFormat):
    """One line per finding: ``path:line:col: CODE [*] [severity] message``."""

    name = "concise"
    description = "one line per finding"
    human = True

    def handle(self, finding: Finding) -> None:
        """Write one line."""
        f = finding
        self.out().write(
            f"{printable(f.location())}: {f.code}{marker(self.run, f)}"
            f" [{f.severity.label}] {one_line(f.message)}\n"
        )
