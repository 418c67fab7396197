"""The ``full`` and ``concise`` output formats: what people read on a terminal."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lint.diagnostic import Diagnostic, Severity
from lint.fix import Applicability
from lint.output.base import Entry, OutputFormat, Report

ELLIPSIS = "…"
_CODE_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}


def _visible(ch: str) -> str:
    """A single visible character for ``ch``: control and format characters become ``�``."""
    if ch == "\t":
        return " "
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
        return "\ufffd"
    return ch


def window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Fit ``line`` into ``width`` cells around ``line[start:end]``.

    Returns the text to print and the cell offset and cell width of the span within
    it. Characters are made visible one for one; cut ends are marked with ``…``.
    """
    chars = [_visible(c) for c in line]
    widths = [max(cell_len(c), 1) for c in chars]
    n = len(chars)
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    if sum(widths) <= width:
        left, right = 0, n
    else:
        budget = max(width - 2, 1)  # room for an ellipsis at each end
        left, right = start, max(end, min(start + 1, n))
        used = sum(widths[left:right])
        while right - left > 1 and used > budget:  # a span wider than the window
            right -= 1
            used -= widths[right]
        grow = True
        while grow:
            grow = False
            if left > 0 and used + widths[left - 1] <= budget:
                left -= 1
                used += widths[left]
                grow = True
            if right < n and used + widths[right] <= budget:
                used += widths[right]
                right += 1
                grow = True
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < n else ""
    shown = prefix + "".join(chars[left:right]) + suffix
    caret_at = cell_len(prefix) + sum(widths[left:start])
    caret_width = sum(widths[start : min(end, right)])
    return shown, caret_at, max(caret_width, 1)


def one_line(message: str) -> str:
    """A message on one line (line breaks become spaces)."""
    return " ".join(message.splitlines()) if "\n" in message or "\r" in message else message


def _help(report: Report, d: Diagnostic) -> str | None:
    fix = d.fix
    if fix is None:
        return None
    if fix.applicability is Applicability.SAFE:
        kind = "safe fix"
    elif fix.applicability is Applicability.UNSAFE:
        kind = "unsafe fix" if report.unsafe_fixes else "unsafe fix, use --unsafe-fixes"
    else:
        kind = "suggestion, not applied"
    return f"{fix.description} ({kind})"


def _marker(report: Report, d: Diagnostic) -> str:
    return " [*]" if report.is_applicable(d) else ""


class FullFormat(OutputFormat):
    """Each finding with the source line, the span underlined and the fix named."""

    name = "full"
    description = "source lines with the span underlined (default on a terminal)"

    def render(self, report: Report, entry: Entry) -> Text:
        """Render one finding as rich Text (several lines)."""
        d, doc = entry.diagnostic, entry.document
        line_no, col = doc.position(d.start)
        out = Text()
        out.append(d.code, style=_CODE_STYLE[d.severity])
        out.append(_marker(report, d), style="cyan")
        out.append(f" {one_line(d.message)}\n", style="bold")
        if not doc.text:
            out.append(f" --> {doc.source.label()}\n\n", style="blue")
            return out
        out.append(" --> ", style="blue")
        out.append(f"{doc.source.label()}:{line_no}:{col}\n")
        line = doc.lines[line_no - 1]
        span_end = min(d.end, line.end) - line.start
        gutter = len(str(line_no))
        room = max(self.width - gutter - 3, 20)
        shown, caret_at, caret_width = window(line.text, col - 1, span_end, room)
        bar = " " * gutter + " |"
        out.append(bar + "\n", style="blue")
        out.append(f"{line_no} | ", style="blue")
        out.append(shown + "\n")
        out.append(bar, style="blue")
        out.append(" " + " " * caret_at)
        out.append("^" * caret_width, style=_CODE_STYLE[d.severity])
        end_line = doc.position(d.end)[0]
        if end_line > line_no:
            out.append(f" (continues to line {end_line})", style="dim")
        out.append("\n")
        out.append(bar + "\n", style="blue")
        help_text = _help(report, d)
        if help_text:
            out.append("help", style="bold cyan")
            out.append(f": {help_text}\n")
        out.append("\n")
        return out

    def write(self, report: Report, stream: TextIO) -> None:
        """Write every finding, source line and underline."""
        console = Console(
            file=stream,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            soft_wrap=True,
            width=max(self.width, 20),
        )
        for entry in report.entries:
            console.print(self.render(report, entry), end="")


class ConciseFormat(OutputFormat):
    """One line per finding: ``path:line:col: CODE [*] message``."""

    name = "concise"
    description = "one line per finding"

    def write(self, report: Report, stream: TextIO) -> None:
        """Write one line per finding."""
        for e in report.entries:
            d, doc = e.diagnostic, e.document
            line, col = doc.position(d.start)
            stream.write(f"{doc.source.label()}:{line}:{col}: {d.code}{_marker(report, d)}")
            stream.write(f" {one_line(d.message)}\n")
