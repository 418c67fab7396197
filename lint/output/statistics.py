"""``--statistics``: findings per rule, with how many are fixable.

A table for people; with ``--output-format json`` one JSON array, with ``jsonl`` one
object per line (``code``, ``name``, ``count``, ``fixable``). A run without findings
prints no table (no bare header) and an empty array in JSON.
"""

from __future__ import annotations

from typing import Any, TextIO

from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.json_formats import dumps
from lint.output.summary import Tally


def statistics_rows(tally: Tally) -> list[tuple[str, str, int, int]]:
    """(code, name, count, fixable) per rule, most frequent first."""
    return [
        (code, tally.names[code], n, tally.applicable_by_code[code])
        for code, n in sorted(tally.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def statistics_dicts(tally: Tally) -> list[dict[str, Any]]:
    """The rows as JSON objects."""
    return [
        {"code": code, "name": name, "count": n, "fixable": fix}
        for code, name, n, fix in statistics_rows(tally)
    ]


STATISTICS_FORMATS = ("json", "jsonl")  # output formats whose statistics are JSON too


def write_statistics(
    tally: Tally, stream: TextIO, *, color: bool = False, output_format: str | None = None
) -> None:
    """Print the statistics: JSON for the json/jsonl formats, a table otherwise."""
    if output_format == "json":
        stream.write(dumps(statistics_dicts(tally), indent=2) + "\n")
        return
    if output_format == "jsonl":
        stream.write("".join(dumps(row) + "\n" for row in statistics_dicts(tally)))
        return
    rows = statistics_rows(tally)
    if not rows:
        return
    from rich.table import Table

    from lint.output.terminal import console

    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("name")
    table.add_column("fixable", justify="right")
    for code, name, n, fix in rows:
        table.add_row(str(n), code, name, str(fix))
    out = console(file=stream, force_terminal=color, no_color=not color, highlight=False, width=120)
    out.print(table)


class StatisticsFormat(OutputFormat):
    """``--statistics`` as a reporter: counts findings as they arrive, prints them at the end.

    It is for people unless the run's format is ``json`` or ``jsonl``: then its
    counts are JSON too, and the closing lines go to standard error.
    """

    name = "statistics"
    description = "findings per rule (--statistics)"
    streams = False

    def __init__(
        self, *, color: bool = False, width: int = 100, output_format: str | None = None
    ) -> None:
        super().__init__(color=color, width=width)
        self.output_format = output_format
        self.human = output_format not in STATISTICS_FORMATS
        self.tally = Tally()

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Begin counting; fixes count as fixable as the run applies them."""
        super().start(stream, run)
        self.tally = Tally(unsafe_fixes=run.unsafe_fixes)

    def handle(self, finding: Finding) -> None:
        """Count one finding."""
        self.tally.add(finding)

    def finish(self) -> None:
        """Print the counts."""
        write_statistics(self.tally, self.out(), color=self.color, output_format=self.output_format)
