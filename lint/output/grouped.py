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

from typing import TYPE_CHECKING, TextIO

from lint.diagnostic import Severity
from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.concise import marker
from lint.output.printable import one_line, printable

if TYPE_CHECKING:  # rich is imported only for colors: start-up stays fast
    from rich.console import Console
    from rich.text import Text

_CODE_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}


def place(finding: Finding) -> str:
    """The place inside its file: ``line:col``, ``RECORD[id]:line:col``, ``RECORD`` or empty."""
    src, span = finding.source, finding.span
    parts = []
    if src.record is not None:
        rid = f"[{src.record_id}]" if src.record_id is not None else ""
        parts.append(f"{src.record}{rid}")
    if span is not None:
        parts.append(f"{span.line}:{span.column}")
    return ":".join(parts)


class GroupedFormat(OutputFormat):
    """Findings grouped by file: the path once, then ``line:col CODE [severity] message``."""

    name = "grouped"
    description = "findings grouped under their file's path"
    human = True  # for people: the closing lines follow it on standard output

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Begin; a rich console is opened only for colors (plain text is written directly)."""
        super().start(stream, run)
        self.path: str | None = None
        self.console: Console | None = None
        if self.color:
            from rich.console import Console

            self.console = Console(
                file=stream,
                force_terminal=True,
                color_system="standard",
                highlight=False,
                soft_wrap=True,
                width=max(self.width, 20),
            )

    def segments(self, finding: Finding) -> list[tuple[str, str | None]]:
        """The finding's line as (text, style) pieces, after its path's header for a new path."""
        f = finding
        style = _CODE_STYLE[f.severity]
        out: list[tuple[str, str | None]] = []
        if f.path != self.path:
            if self.path is not None:
                out.append(("\n", None))
            self.path = f.path
            out += [(printable(f.path), "bold"), (":\n", None)]
        out += [
            ("  ", None),
            (printable(place(f) or "-"), "dim"),
            (" ", None),
            (f.code, style),
            (marker(self.run, f), "cyan"),
            (" [", None),
            (f.severity.label, style),
            (f"] {one_line(f.message)}\n", None),
        ]
        return out

    def render(self, finding: Finding) -> Text:
        """The finding's piece of the report as rich Text (styled)."""
        from rich.text import Text

        return Text.assemble(*((text, style or "") for text, style in self.segments(finding)))

    def handle(self, finding: Finding) -> None:
        """Print the finding (and its path first, for a new file)."""
        if self.console is None:
            self.out().write("".join(text for text, _ in self.segments(finding)))
        else:
            self.console.print(self.render(finding), end="")
