"""The ``rdjson`` output format: reviewdog's Diagnostic Format (``reviewdog -f=rdjson``).

One ``DiagnosticResult`` object: ``source`` (the tool), then ``diagnostics`` with
``message``, ``location`` (``path`` and ``range``), ``severity`` (``ERROR``,
``WARNING``, ``INFO``), ``code`` and, for a fix, ``suggestions``; last the overall
``severity``, the highest of the run (reviewdog gives it to diagnostics without one).
Codes carry no ``url``: rules are explained by ``scrapelint rule CODE``.

Columns are what reviewdog's format says they are: 1-based counts of UTF-8 bytes in
the line (``中`` is 3 bytes, so the character after it is 3 columns further), with an
exclusive end. A finding carries the text of its line only around its start (the
excerpt), so a column is given only when the excerpt reaches from the line's start
to the position; otherwise the range is given by lines alone, which reviewdog reads
as whole lines, and no suggestion is made (a wrong column would edit the wrong
bytes).

Suggestions: reviewdog shows them as suggested changes that a reviewer accepts one
by one, so safe and unsafe fixes are offered (each is seen before it is applied);
display-only fixes, which scrapelint never applies, are not. A fix whose edits
cannot all be placed exactly gives no suggestion.

A finding in a record of a JSON Lines shard covers the record's line in the shard
(lines only) and its message starts with the record and the place inside its text;
it carries no suggestion (positions in the text are not positions in the shard's
JSON). A Parquet row, or a finding without a place, has a path and no range.

The diagnostics stream: each is written as it arrives.
"""

from __future__ import annotations

from typing import Any, TextIO

from lint.diagnostic import Severity
from lint.finding import Excerpt, Finding, Span
from lint.fix import Applicability
from lint.output.base import OutputFormat, RunInfo
from lint.output.json_formats import dumps

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SUGGESTED = (Applicability.SAFE, Applicability.UNSAFE)


def utf8_len(text: str) -> int:
    """The number of UTF-8 bytes of ``text`` (a lone surrogate counts 3, as written out)."""
    return len(text.encode("utf-8", "surrogatepass"))


def byte_column(excerpt: Excerpt, line: int, span_line: int, column: int) -> int | None:
    """The 1-based UTF-8 byte column of character column ``column`` on ``line``, if known.

    Known when the position is on the excerpt's line (``span_line``) and the excerpt
    covers that line from its first character to the position, or when the position
    is the first column of any line.
    """
    if column == 1:
        return 1
    if line != span_line or excerpt.column != 1 or column - 1 > len(excerpt.text):
        return None
    return utf8_len(excerpt.text[: column - 1]) + 1


def rd_range(span: Span, excerpt: Excerpt | None, line: int) -> tuple[dict[str, Any], bool]:
    """A reviewdog range for ``span`` (found on line ``line``) and whether it has columns."""
    if excerpt is not None:
        start = byte_column(excerpt, span.line, line, span.column)
        end = byte_column(excerpt, span.end_line, line, span.end_column)
        if start is not None and end is not None:
            return {
                "start": {"line": span.line, "column": start},
                "end": {"line": span.end_line, "column": end},
            }, True
    return {"start": {"line": span.line}, "end": {"line": span.end_line}}, False


def suggestions(finding: Finding) -> list[dict[str, Any]]:
    """The fix's edits as reviewdog suggestions, or none if any edit cannot be placed exactly."""
    f = finding
    if f.fix is None or f.fix.applicability not in SUGGESTED or f.span is None:
        return []
    out = []
    for edit in f.fix.edits:
        placed, exact = rd_range(edit.span, f.excerpt, f.span.line)
        if not exact:
            return []
        out.append({"range": placed, "text": edit.replacement})
    return out


def diagnostic(finding: Finding) -> dict[str, Any]:
    """One reviewdog diagnostic for a finding."""
    f = finding
    src = f.source
    location: dict[str, Any] = {"path": src.path}
    item: dict[str, Any] = {
        "message": f.message,
        "location": location,
        "severity": SEVERITY[f.severity],
        "code": {"value": f.code},
    }
    if src.record is not None:
        if src.unit == "line":
            location["range"] = {"start": {"line": src.record}, "end": {"line": src.record}}
        item["message"] = f"{f.location()}: {f.message}"
        return item
    if f.span is not None:
        location["range"], _ = rd_range(f.span, f.excerpt, f.span.line)
        fixes = suggestions(f)
        if fixes:
            item["suggestions"] = fixes
    return item


class RdjsonFormat(OutputFormat):
    """A reviewdog ``DiagnosticResult`` with one diagnostic per finding."""

    name = "rdjson"
    description = "reviewdog Diagnostic Format (rdjson)"

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Write the source and open the diagnostics array."""
        super().start(stream, run)
        source = dumps({"name": run.tool_name, "url": run.information_uri})
        stream.write(f'{{\n  "source": {source},\n  "diagnostics": [')
        self.count = 0
        self.highest: Severity | None = None

    def handle(self, finding: Finding) -> None:
        """Write one diagnostic into the array."""
        text = dumps(diagnostic(finding), indent=2).replace("\n", "\n    ")
        self.out().write(("\n    " if not self.count else ",\n    ") + text)
        self.count += 1
        if self.highest is None or finding.severity > self.highest:
            self.highest = finding.severity

    def finish(self) -> None:
        """Close the array; the overall severity (the highest) comes last, once known."""
        out = self.out()
        out.write("\n  ]" if self.count else "]")
        if self.highest is not None:
            out.write(f',\n  "severity": "{SEVERITY[self.highest]}"')
        out.write("\n}\n")
