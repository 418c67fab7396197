"""``--statistics``: a table of findings per rule, with how many are fixable."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.table import Table

from lint.output.base import Report


def statistics_rows(report: Report) -> list[tuple[str, str, int, int]]:
    """(code, name, count, fixable) per rule, most frequent first."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in report.entries:
        d = e.diagnostic
        counts[d.code] += 1
        names[d.code] = d.name
        if report.is_applicable(d):
            fixable[d.code] += 1
    return [
        (code, names[code], n, fixable[code])
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def write_statistics(report: Report, stream: TextIO, *, color: bool = False) -> None:
    """Print the per-rule table."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("name")
    table.add_column("fixable", justify="right")
    for code, name, n, fix in statistics_rows(report):
        table.add_row(str(n), code, name, str(fix))
    console = Console(
        file=stream, force_terminal=color, no_color=not color, highlight=False, width=120
    )
    console.print(table)
