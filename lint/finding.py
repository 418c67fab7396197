"""Findings: a diagnostic turned into a self-contained, picklable record of one problem.

The worker that checks a document turns each diagnostic into a ``Finding`` while the
document is still at hand: positions (line and column inside the text, code-point
offsets), a bounded excerpt of the source line for the ``full`` format, the fix with
the positions of its edits, and the baseline fingerprint. Output formats, baselines
and the report see findings only, so a document and its analyses are released as
soon as it has been checked, and findings travel between processes.
"""

from __future__ import annotations

from typing import NamedTuple

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Source
from lint.fix import Applicability, Fix

EXCERPT_CONTEXT = 240  # characters of the source line kept on each side of a span
FLAGGED_CHARS = 80  # characters of the flagged text kept for baselines and reports


class Span(NamedTuple):
    """A code-point span with its 1-based line and column at each end."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class EditInfo(NamedTuple):
    """One edit of a fix: the span it replaces and the new text."""

    span: Span
    replacement: str


class FixInfo(NamedTuple):
    """A fix as output formats show it: applicability, description, placed edits."""

    applicability: Applicability
    description: str
    edits: tuple[EditInfo, ...]

    def is_applicable(self, unsafe: bool) -> bool:
        """Whether this fix applies with ``--fix`` (and ``--unsafe-fixes`` when ``unsafe``)."""
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE


class Excerpt(NamedTuple):
    """A bounded piece of the line a finding starts on.

    ``column`` is the 1-based column of ``text``'s first character in the line;
    ``line_length`` the length of the whole line, so a format can mark cut ends.
    """

    text: str
    column: int
    line_length: int


class Finding(NamedTuple):
    """Everything output needs about one finding, without the document it came from.

    ``span`` is None for a problem that has no place inside a text (an unreadable
    file, a malformed record).
    """

    code: str
    name: str
    severity: Severity
    message: str
    source: Source
    span: Span | None = None
    excerpt: Excerpt | None = None
    fix: FixInfo | None = None
    flagged: str = ""
    fingerprint: str = ""

    @property
    def path(self) -> str:
        """The display path of the file."""
        return self.source.path

    def location(self) -> str:
        """``path:line:col``, ``shard:RECORD[id]:line:col`` or ``shard:RECORD`` / ``path``."""
        label = self.source.label()
        if self.span is None:
            return label
        return f"{label}:{self.span.line}:{self.span.column}"

    @property
    def safe_fix(self) -> bool:
        """Whether the finding carries a safe fix (what ``--fix`` applies)."""
        return self.fix is not None and self.fix.applicability is Applicability.SAFE


def _span(document: Document, start: int, end: int) -> Span:
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Span(start, end, line, column, end_line, end_column)


def _excerpt(document: Document, start: int) -> Excerpt:
    line = document.line_at(start)
    text = line.text
    at = min(max(start - line.start, 0), len(text))
    left = max(0, at - EXCERPT_CONTEXT)
    right = min(len(text), at + 2 * EXCERPT_CONTEXT)
    return Excerpt(text[left:right], left + 1, len(text))


def fingerprint(code: str, source: Source, flagged: str) -> str:
    """A stable fingerprint of a finding: rule, path, record and the flagged text."""
    record = source.record_id if source.record_id is not None else source.record
    import hashlib  # here: OpenSSL is loaded by the first finding, not at start-up

    key = "\x1f".join([code, source.path, "" if record is None else str(record), flagged])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _fix_info(document: Document, fix: Fix | None) -> FixInfo | None:
    if fix is None:
        return None
    edits = tuple(EditInfo(_span(document, e.start, e.end), e.replacement) for e in fix.edits)
    return FixInfo(fix.applicability, fix.description, edits)


def from_diagnostic(document: Document, diagnostic: Diagnostic) -> Finding:
    """Turn a diagnostic into a finding while its document is at hand."""
    d = diagnostic
    if not document.text and d.start == d.end == 0:
        return problem(document.source, d.code, d.name, d.message, d.severity)
    flagged = document.text[d.start : d.end]
    return Finding(
        code=d.code,
        name=d.name,
        severity=d.severity,
        message=d.message,
        source=document.source,
        span=_span(document, d.start, d.end),
        excerpt=_excerpt(document, d.start),
        fix=_fix_info(document, d.fix),
        flagged=flagged[:FLAGGED_CHARS],
        fingerprint=fingerprint(d.code, document.source, flagged),
    )


def problem(
    source: Source, code: str, name: str, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    """A finding without a place in a text: an unreadable file or record, a failed write."""
    return Finding(code, name, severity, message, source, fingerprint=fingerprint(code, source, ""))
