"""The ``grouped`` output format: findings under their file's path, as ruff's ``grouped``.

::

    dir/page.txt:
      2:7 TS001 [*] [warning] placeholder glyph
      2:10 TS002 [error] doubled mark

    shard.jsonl:
      4[doc-5]:1:6 TS001 [info] placeholder glyph

The path is printed once, then one indented line per finding: its place (for a record
of a shard, the record first), the code, ``[*]`` when ``--fix`` would apply its fix,
the severity and the message. Findings arrive file after file, so the format streams:
a header is printed when the path changes. Colors (rich) only when asked for, which
the command line does on a terminal; text and paths are printed with control and
invisible characters shown as ``<U+XXXX>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

from lint.diagnostic import Severity
from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.concise import marker
from lint.output.printable import one_line, printable

if TYPE_CHECKING:  # rich is imported when the format is used: start-up stays fast
    from rich.text import Text

_CODE_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}


def place(finding: Finding) -> str:
    """The finding's place inside its file: ``line:col``, ``RECORD[id]:line:col``, ``RECORD``."""
    src, span = finding.source, finding.span
    parts = []
    if src.record is not None:
        rid = f"[{src.record_id}]" if src.record_id is not None else ""
        parts.append(f"{src.record}{rid}")
    if span is not None:
        parts.append(f"{span.line}:{span.column}")
    return ":".join(parts) or "-"


class GroupedFormat(OutputFormat):
    """Findings grouped by file: the path once, then ``line:col CODE [severity] message``."""

    name = "grouped"
    description = "findings grouped under their file's path"
    human: ClassVar[bool] = True

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Open a console on the stream (colors only when the format was asked for them)."""
        from rich.console import Console

        super().start(stream, run)
        self.path: str | None = None
        self.console = Console(
            file=stream,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            soft_wrap=True,
            width=max(self.width, 20),
        )

    def render(self, finding: Finding) -> Text:
        """The finding's line, preceded by its path's header when the path changes."""
        from rich.text import Text

        f = finding
        out = Text()
        if f.path != self.path:
            if self.path is not None:
                out.append("\n")
            self.path = f.path
            out.append(printable(f.path), style="bold")
            out.append(":\n")
        out.append("  ")
        out.append(printable(place(f)), style="dim")
        out.append(" ")
        out.append(f.code, style=_CODE_STYLE[f.severity])
        out.append(marker(self.run, f), style="cyan")
        out.append(" [")
        out.append(f.severity.label, style=_CODE_STYLE[f.severity])
        out.append(f"] {one_line(f.message)}\n")
        return out

    def handle(self, finding: Finding) -> None:
        """Print the finding (and its path first, for a new file)."""
        self.console.print(self.render(finding), end="")
