"""``--statistics``: a table of findings per rule, with how many are fixable."""

from __future__ import annotations

from typing import TextIO

from rich.table import Table

from lint.output.summary import Tally
from lint.output.terminal import console


def statistics_rows(tally: Tally) -> list[tuple[str, str, int, int]]:
    """(code, name, count, fixable) per rule, most frequent first."""
    return [
        (code, tally.names[code], n, tally.applicable_by_code[code])
        for code, n in sorted(tally.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def write_statistics(tally: Tally, stream: TextIO, *, color: bool = False) -> None:
    """Print the per-rule table."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("name")
    table.add_column("fixable", justify="right")
    for code, name, n, fix in statistics_rows(tally):
        table.add_row(str(n), code, name, str(fix))
    out = console(file=stream, force_terminal=color, no_color=not color, highlight=False, width=120)
    out.print(table)
