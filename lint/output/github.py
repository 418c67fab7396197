"""The ``github`` output format: GitHub Actions workflow annotations."""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Severity
from lint.output.base import OutputFormat, Report

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormat(OutputFormat):
    """``::warning file=…,line=…::message`` lines that GitHub shows on the changed files."""

    name = "github"
    description = "GitHub Actions workflow annotations"

    def write(self, report: Report, stream: TextIO) -> None:
        """Write one workflow command per finding."""
        for e in report.entries:
            d, doc = e.diagnostic, e.document
            line, col = doc.position(d.start)
            end_line, end_col = doc.position(d.end)
            title = f"{d.code} ({d.name})" if d.name else d.code
            where = doc.source.label()
            props = [
                f"file={escape_property(doc.source.path)}",
                f"line={line}",
                f"col={col}",
                f"endLine={end_line}",
                f"endColumn={end_col}",
                f"title={escape_property(title)}",
            ]
            message = d.message if where == doc.source.path else f"{where}: {d.message}"
            stream.write(f"::{_COMMAND[d.severity]} {','.join(props)}::{escape_data(message)}\n")
