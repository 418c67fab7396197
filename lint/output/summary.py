"""What a run found and what it checked, counted as findings arrive, and the closing lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lint.finding import Finding
from lint.fix import Applicability
from lint.output.base import OutputFormat


def plural(n: int, word: str) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def size(n: int) -> str:
    """A byte count for people: ``512 bytes``, ``3.4 KB``, ``7.13 MB``."""
    if n < 1000:
        return plural(n, "byte")
    if n < 1_000_000:
        return f"{n / 1e3:,.1f} KB"
    return f"{n / 1e6:,.2f} MB"


@dataclass
class Tally:
    """Counts of the findings reported, by rule and by fix applicability."""

    unsafe_fixes: bool = False
    total: int = 0
    safe: int = 0
    unsafe: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    applicable_by_code: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        """Count one reported finding."""
        self.total += 1
        code = finding.code
        self.by_code[code] += 1
        self.names.setdefault(code, finding.name)
        fix = finding.fix
        if fix is None:
            return
        if fix.applicability is Applicability.SAFE:
            self.safe += 1
        elif fix.applicability is Applicability.UNSAFE:
            self.unsafe += 1
        if fix.is_applicable(self.unsafe_fixes):
            self.applicable_by_code[code] += 1

    def line(self) -> str:
        """E.g. ``Found 12 findings (3 fixable with --fix; 2 more with --unsafe-fixes).``"""
        if not self.total:
            return "All checks passed!"
        parts = []
        if self.safe or (self.unsafe and self.unsafe_fixes):
            n = self.safe + (self.unsafe if self.unsafe_fixes else 0)
            flag = "--fix --unsafe-fixes" if self.unsafe_fixes else "--fix"
            parts.append(f"{n:,} fixable with {flag}")
        if self.unsafe and not self.unsafe_fixes:
            parts.append(f"{self.unsafe:,} more with --unsafe-fixes")
        tail = f" ({'; '.join(parts)})" if parts else ""
        return f"Found {plural(self.total, 'finding')}{tail}."


@dataclass
class Checked:
    """What a run read: files, records, bytes, and what it skipped and why."""

    files: int = 0
    documents: int = 0
    records: int = 0  # documents that are records of shards
    bytes: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason → files or records
    records_in: int = 0  # units of shards read while writing --output/--reject
    records_out: int = 0
    records_rejected: int = 0

    def line(self) -> str:
        """E.g. ``Checked 3 files (14,768 records), 7.13 MB; skipped 1 file: binary.``"""
        if not self.documents:
            head = "No documents were checked"
        else:
            what = plural(self.files, "file")
            if self.records:
                what += f" ({plural(self.records, 'record')})"
            head = f"Checked {what}, {size(self.bytes)}"
        if self.skipped:
            reasons = ", ".join(f"{n:,} {why}" for why, n in sorted(self.skipped.items()))
            head += f"; skipped {reasons}"
        return head + "."


class SummaryFormat(OutputFormat):
    """The closing lines as a reporter: counts findings as they arrive, then ``close`` says
    what was found, fixed and checked.

    It goes with the report on standard output when that report is for people
    (``human``), and to standard error when standard output carries a machine format.
    """

    name = "summary"
    description = "what was found, fixed and checked (the closing lines)"
    streams = False

    def __init__(self, *, human: bool = True, unsafe_fixes: bool = False) -> None:
        super().__init__()
        self.human = human
        self.tally = Tally(unsafe_fixes=unsafe_fixes)

    def handle(self, finding: Finding) -> None:
        """Count one finding."""
        self.tally.add(finding)

    def lines(
        self,
        checked: Checked,
        *,
        fixed: int = 0,
        fixing: bool = False,
        fix_only: bool = False,
        problems: bool = False,
        output: str | None = None,
        reject: str | None = None,
    ) -> list[str]:
        """The closing lines: findings (and fixes), what was checked, where records went."""
        tally = self.tally
        lines = []
        if fix_only:
            lines.append(f"Fixed {plural(fixed, 'finding')}.")
        else:
            line = tally.line()
            if not tally.total and not checked.documents:
                line = ""
            elif not tally.total and (problems or checked.skipped):
                line = "No findings in what was checked."
            if fixing and fixed:
                line = f"Fixed {plural(fixed, 'finding')}. " + line
            if line:
                lines.append(line)
        lines.append(checked.line())
        if output is not None or reject is not None:
            dest = []
            if output is not None:
                dest.append(f"{checked.records_out:,} to {output}")
            if reject is not None:
                dest.append(f"{checked.records_rejected:,} rejected to {reject}")
            lines.append(f"Records: {checked.records_in:,} in, {', '.join(dest)}.")
        return lines
