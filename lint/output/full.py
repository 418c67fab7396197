"""The ``full`` and ``concise`` output formats: what people read on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from lint.diagnostic import Severity
from lint.finding import Finding
from lint.fix import Applicability
from lint.output.base import OutputFormat, RunInfo
from lint.output.concise import marker
from lint.output.printable import one_line, printable, visible_char

if TYPE_CHECKING:  # rich is imported when the format is used: start-up stays fast
    from rich.text import Text

ELLIPSIS = "…"
MIN_WINDOW = 60
_CODE_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}


def window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Fit ``line`` into ``width`` cells around ``line[start:end]``.

    Returns the text to print and the cell offset and cell width of the span within
    it. Invisible characters are shown as ``<U+XXXX>``, zero-width marks take no
    cell; cut ends are marked with ``…``. Work is bounded by the window, not the line.
    """
    from rich.cells import cell_len

    n = len(line)
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    # Only characters that can be shown matter: at most `width` on each side.
    lo, hi = max(0, start - width), min(n, max(end, start + 1) + width)
    chars = [visible_char(c) for c in line[lo:hi]]
    widths = [cell_len(c) for c in chars]
    s, e = start - lo, end - lo
    if lo == 0 and hi == n and sum(widths) <= width:
        left, right = 0, len(chars)
    else:
        budget = max(width - 2, 1)  # room for an ellipsis at each end
        left, right = s, max(e, min(s + 1, len(chars)))
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
            if right < len(chars) and used + widths[right] <= budget:
                used += widths[right]
                right += 1
                grow = True
    prefix = ELLIPSIS if left > 0 or lo > 0 else ""
    suffix = ELLIPSIS if right < len(chars) or hi < n else ""
    shown = prefix + "".join(chars[left:right]) + suffix
    caret_at = cell_len(prefix) + sum(widths[left:s])
    caret_width = sum(widths[s : min(e, right)])
    return shown, caret_at, max(caret_width, 1)


def _help(run: RunInfo, finding: Finding) -> str | None:
    fix = finding.fix
    if fix is None:
        return None
    if fix.applicability is Applicability.SAFE:
        kind = "safe fix"
    elif fix.applicability is Applicability.UNSAFE:
        kind = "unsafe fix" if run.unsafe_fixes else "unsafe fix, use --unsafe-fixes"
    else:
        kind = "suggestion, not applied"
    return f"{printable(fix.description)} ({kind})"


class FullFormat(OutputFormat):
    """Each finding with the source line, the span underlined and the fix named."""

    name = "full"
    description = "source lines with the span underlined (default on a terminal)"
    human = True

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Open a console on the stream."""
        from lint.output.terminal import console

        super().start(stream, run)
        self.console = console(
            file=stream,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            soft_wrap=True,
            width=max(self.width, 20),
        )

    def render(self, finding: Finding) -> Text:
        """Render one finding as rich Text (several lines)."""
        from rich.text import Text

        f = finding
        style = _CODE_STYLE[f.severity]
        out = Text()
        out.append(f.code, style=style)
        out.append(marker(self.run, f), style="cyan")
        out.append(f" {one_line(f.message)}\n", style="bold")
        out.append(" --> ", style="blue")
        out.append(printable(f.location()) + "\n")
        span, excerpt = f.span, f.excerpt
        if span is None or excerpt is None:
            out.append("\n")
            return out
        at = span.column - excerpt.column
        end = at + (span.end - span.start if span.end_line == span.line else len(excerpt.text))
        gutter = len(str(span.line))
        # at least MIN_WINDOW cells even on a narrow terminal (one more: a wide
        # character may leave a cell unused)
        room = max(self.width - gutter - 3, MIN_WINDOW + 1)
        shown, caret_at, caret_width = window(excerpt.text, at, end, room)
        if excerpt.column > 1 and not shown.startswith(ELLIPSIS):
            shown = ELLIPSIS + shown
            caret_at += 1
        if excerpt.column - 1 + len(excerpt.text) < excerpt.line_length and not shown.endswith(
            ELLIPSIS
        ):
            shown += ELLIPSIS
        bar = " " * gutter + " |"
        out.append(bar + "\n", style="blue")
        out.append(f"{span.line} | ", style="blue")
        out.append(shown + "\n")
        out.append(bar, style="blue")
        out.append(" " + " " * caret_at)
        out.append("^" * caret_width, style=style)
        if span.end_line > span.line:
            out.append(f" (continues to line {span.end_line})", style="dim")
        out.append("\n")
        out.append(bar + "\n", style="blue")
        help_text = _help(self.run, f)
        if help_text:
            out.append("help", style="bold cyan")
            out.append(f": {help_text}\n")
        out.append("\n")
        return out

    def handle(self, finding: Finding) -> None:
        """Print one finding with its source line and underline."""
        self.console.print(self.render(finding), end="")
