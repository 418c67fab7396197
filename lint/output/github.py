"""The ``github`` output format: GitHub Actions workflow annotations."""

from __future__ import annotations

from lint.diagnostic import Severity
from lint.finding import Finding
from lint.output.base import OutputFormat
from lint.output.printable import printable

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF) and control characters."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormat(OutputFormat):
    """``::warning file=…,line=…::message`` lines that GitHub shows on the changed files.

    For a record of a shard, ``line`` is the record's line in the shard and the
    message starts with the record and the place inside its text.
    """

    name = "github"
    description = "GitHub Actions workflow annotations"

    def handle(self, finding: Finding) -> None:
        """Write one workflow command."""
        f = finding
        title = f"{f.code} ({f.name})" if f.name else f.code
        props = [f"file={escape_property(f.source.path)}"]
        message = f.message
        span = f.span
        if f.source.record is not None:
            if f.source.unit == "line":
                props.append(f"line={f.source.record}")
            message = f"{f.location()}: {message}"
        elif span is not None:
            props += [
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
            ]
        props.append(f"title={escape_property(title)}")
        self.out().write(f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}\n")
